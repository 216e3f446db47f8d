import { describe, expect, it } from 'vitest';
import { onReportExportRequest, requestReportExport, takeReportExportRequest } from '../../../../../src/renderer/features/report/reportExportRequest';

describe('the desktop menu export request', () => {
  it('is taken once, by a button already showing or by the next one that mounts', () => {
    expect(takeReportExportRequest()).toBe(false);
    // No button yet: the request waits for the one the 考评 page will mount.
    requestReportExport();
    expect(takeReportExportRequest()).toBe(true);
    expect(takeReportExportRequest()).toBe(false);

    let runs = 0;
    const off = onReportExportRequest(() => {
      if (takeReportExportRequest()) runs += 1;
    });
    requestReportExport();
    expect(runs).toBe(1);
    off();
    requestReportExport();
    expect(runs).toBe(1);
    expect(takeReportExportRequest()).toBe(true);
  });
});
