import { copyFileSync } from 'node:fs';
import { removeDatabase } from '../prepare/prepareStore';

/** A fresh database for one import: the master-data template copied over whatever was there. */
export function freshCopy(template: string, target: string): void {
  removeDatabase(target);
  copyFileSync(template, target);
}
