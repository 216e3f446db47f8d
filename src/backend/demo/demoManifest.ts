import type { PlantedProblem } from './plantPlan';
import type { DemoDataKind } from './demoContext';

/** .demo-manifest.json: what was generated and which problems were planted where. */
export interface DemoManifest {
  seed: number;
  endMonth: string;
  managers: { code: string; name: string; honest: boolean }[];
  planted: PlantedProblem[];
  /** File names (relative to the output folder) with their kind and data-row count. */
  files: { name: string; kind: DemoDataKind; rows: number }[];
}
