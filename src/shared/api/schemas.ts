import { z } from 'zod';
import { KIND_KEYS } from '../kindKeys';

export { KIND_KEYS, type KindKey } from '../kindKeys';

export const kindSchema = z.enum(KIND_KEYS);
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const jobIdSchema = z.string().min(1).max(100);
/** Any Uint8Array (z.instanceof would narrow the type to Uint8Array<ArrayBuffer>, refusing what FileReader/Buffer give). */
const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '文件内容应为字节数组（Uint8Array）' });
const encodingSchema = z.enum(['auto', 'utf8', 'gb18030']);
/** Field key → 0-based column index, from a hand mapping. */
export const manualMappingSchema = z.record(z.string().max(100), z.number().int().min(0).max(16383));

export const uploadedFileSchema = z.object({
  fileName: z.string().min(1).max(500),
  bytes: bytesSchema,
  kind: kindSchema.optional(),
  manualMapping: manualMappingSchema.optional(),
  encoding: encodingSchema.optional(),
  /** The header row the preview found: with the preview's mapping, the plan the import executes as shown. */
  headerRow: z.number().int().positive().max(1_048_576).optional(),
  /** The sheet the preview read: the header row and mapping belong to it. */
  sheet: z.string().max(500).optional(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
