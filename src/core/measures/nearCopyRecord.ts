/** One near-copy the month's evaluation reports, with both sides' authors so the texts can be shown side by side. */
export interface NearCopyRecord {
  aId: number;
  bId: number;
  similarity: number;
  kind: 'journals' | 'reports';
  /** Both texts are the same manager's. */
  self: boolean;
  aManager: string;
  bManager: string;
  /** Journal pairs: why they are a copy (findCopies). Absent in evaluations stored before it. */
  basis?: 'specific' | 'short' | 'ring';
  /**
   * Half-open UTF-16 ranges of each text that are district boilerplate in this comparison, so the
   * side-by-side view and the report can grey them and highlight only the shared specific content.
   */
  aBoilerplate?: [number, number][];
  bBoilerplate?: [number, number][];
}
