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
}
