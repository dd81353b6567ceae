import { z } from 'zod';
import { isStorableText, unstorableTextMessage } from '../storable';

/** A provincial-level division by its full official name (江西省, 内蒙古自治区, 重庆市 …). */
export const Province = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/(省|自治区|市|特别行政区)$/, 'must be the full name of a province-level division, e.g. 江西省')
  .refine(isStorableText, unstorableTextMessage);
export type Province = z.infer<typeof Province>;
