/** `--name N` from the command line: a whole number of at least 10, or the fallback. */
export function countArgument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 10) throw new Error(`--${name} must be a whole number of at least 10`);
  return value;
}

export const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
