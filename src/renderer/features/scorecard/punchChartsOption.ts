import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../../charts/escapeHtml';

/** A punch as the evidence charts draw it. */
export interface PlotPunch {
  id: number;
  date: string;
  time: string | null;
  hour: number | null;
  lat: number | null;
  lng: number | null;
  place: string | null;
  retailerName: string | null;
  /** The evidence the drawer was opened for. */
  evidence: boolean;
}

export interface PunchChartLabels {
  evidence: string;
  other: string;
  longitude: string;
  latitude: string;
  hour: string;
}

function tip(p: PlotPunch): string {
  return [`${p.date} ${p.time ?? ''}`, p.retailerName, p.place].filter((x): x is string => Boolean(x && x.trim())).map(escapeHtml).join('<br/>');
}

const EVIDENCE_STYLE = { symbolSize: 13, symbol: 'diamond', itemStyle: { color: '#cf1322' }, z: 4 };
const OTHER_STYLE = { symbolSize: 8, itemStyle: { color: '#8c8c8c', opacity: 0.7 }, z: 3 };

/**
 * Punches by longitude (x) and latitude (y): not a street map, but distances and clusters read
 * true enough to see a jump across town. The axes keep one scale for both directions (about
 * 111 km per degree of latitude, cos(lat) × that per degree of longitude) so shapes are not stretched.
 */
export function punchMapOption(punches: readonly PlotPunch[], labels: PunchChartLabels): EChartsCoreOption {
  const located = punches.filter((p) => p.lat !== null && p.lng !== null);
  if (located.length === 0) return {};
  const lats = located.map((p) => p.lat as number);
  const lngs = located.map((p) => p.lng as number);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180) || 1;
  // Half the shown height in degrees of latitude: the larger span (longitude converted to the same
  // distance, for a chart about 1.6 times as wide as high), padded; at least ~250 m around one point.
  const halfLat = Math.max(((Math.max(...lngs) - Math.min(...lngs)) * kx) / 1.6, Math.max(...lats) - Math.min(...lats), 0.004) * 0.6;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const round = (x: number) => Number(x.toFixed(4));
  const point = (p: PlotPunch) => ({ value: [p.lng, p.lat], tip: tip(p) });
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.evidence, labels.other] },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
    xAxis: {
      type: 'value',
      name: labels.longitude,
      nameLocation: 'end',
      nameGap: 6,
      splitNumber: 3,
      min: round(midLng - (halfLat * 1.6) / kx),
      max: round(midLng + (halfLat * 1.6) / kx),
      // The bounds are not round numbers: only the ticks in between are labelled.
      axisLabel: { formatter: (v: number) => v.toFixed(3), hideOverlap: true, showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'value',
      name: labels.latitude,
      splitNumber: 4,
      min: round(midLat - halfLat),
      max: round(midLat + halfLat),
      axisLabel: { formatter: (v: number) => v.toFixed(3), showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    series: [
      { type: 'scatter', name: labels.other, data: located.filter((p) => !p.evidence).map(point), ...OTHER_STYLE },
      { type: 'scatter', name: labels.evidence, data: located.filter((p) => p.evidence).map(point), ...EVIDENCE_STYLE },
    ],
  };
}

/** The days in question, each a row of its punches by time of day (0–24 h). */
export function dayTimelineOption(dates: readonly string[], punches: readonly PlotPunch[], labels: PunchChartLabels): EChartsCoreOption {
  const index = new Map(dates.map((d, i) => [d, i]));
  const timed = punches.filter((p) => p.hour !== null && index.has(p.date));
  const point = (p: PlotPunch) => ({ value: [p.hour, index.get(p.date)], tip: tip(p) });
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.evidence, labels.other] },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
    // Half a drawer wide: every fourth hour is labelled, the grid keeps every second.
    xAxis: {
      type: 'value',
      min: 0,
      max: 24,
      interval: 4,
      minorTick: { show: true, splitNumber: 2 },
      minorSplitLine: { show: true, lineStyle: { color: '#f5f5f5' } },
      axisLabel: { formatter: (v: number) => `${v}${labels.hour}` },
      splitLine: { lineStyle: { color: '#e8e8e8' } },
    },
    yAxis: { type: 'category', inverse: true, data: [...dates], axisTick: { show: false } },
    series: [
      { type: 'scatter', name: labels.other, data: timed.filter((p) => !p.evidence).map(point), ...OTHER_STYLE },
      { type: 'scatter', name: labels.evidence, data: timed.filter((p) => p.evidence).map(point), ...EVIDENCE_STYLE },
    ],
  };
}
