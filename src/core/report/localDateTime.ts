/** An ISO timestamp as 'YYYY-MM-DD HH:mm' at a fixed offset east of UTC; other text is returned as it is. */
export function localDateTime(iso: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const shifted = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
