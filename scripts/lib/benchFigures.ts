import { z } from 'zod';

/** A benchmark's size option (`--name N`): a whole number of at least 10, the fallback when absent. */
export const count = (fallback: number) => z.coerce.number().int().min(10).default(fallback);

export const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The p-th percentile (nearest rank) of ascending figures. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
