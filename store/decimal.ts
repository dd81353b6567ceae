import type { Prisma } from '@prisma/client';
import { parseTonnes, parseYuan } from '../domain/campaign';

/**
 * The database keeps tonnes as DECIMAL(14,3) and yuan as DECIMAL(16,2); the domain computes with
 * integer kilograms and fen. Conversions go through decimal strings, never through floats.
 */
export const kgOf = (tonnes: Prisma.Decimal) => parseTonnes(tonnes.toFixed(3));
export const fenOf = (yuan: Prisma.Decimal) => parseYuan(yuan.toFixed(2));

/** DATE columns hold civil dates at midnight UTC: reading them in UTC cannot shift the day. */
export const isoOf = (date: Date) => date.toISOString().slice(0, 10);
