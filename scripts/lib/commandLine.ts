import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/** A command line that does not fit: the message says why; the script prints its usage and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Every script's command line, read by Node's parseArgs: options as declared (an unknown one or a
 * missing value is a UsageError), positionals allowed.
 */
export function commandLine<O extends Options>(options: O, args: string[] = process.argv.slice(2)) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Option values held to a zod schema (numbers come in as strings): a UsageError names the option and what is wrong. */
export function optionValues<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
}

/**
 * Runs a script's main and exits with its code. A UsageError exits 2 after the script's usage;
 * any other error 1 with its message, after `failure` if given.
 */
export function runCommand(main: () => Promise<number>, how: { usage: string; failure?: string }): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${how.usage}`);
        process.exit(2);
      }
      const message = error instanceof Error ? error.message : String(error);
      console.error(how.failure ? `${how.failure}: ${message}` : message);
      process.exit(1);
    },
  );
}
