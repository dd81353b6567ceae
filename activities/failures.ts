import { Prisma } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';
import { unstorableStrings, unstorableTextMessage } from '../domain/storable';

/**
 * Which failures of an activity come back the same on every attempt, so that Temporal stops
 * retrying them and the workflow hears of them (a retry policy without a limit would otherwise
 * retry them for ever, and the case would wait on them without a word).
 */

// Waits and conflicts that another attempt may get past, and a schema a rollout has yet to migrate.
const transientPrismaCodes = new Set(['P2021', 'P2022', 'P2024', 'P2028', 'P2034', 'P2037']);

// The pg adapter's names for PostgreSQL's refusals of the data itself.
const dataErrorKinds = new Set(['LengthMismatch', 'ValueOutOfRange', 'UniqueConstraintViolation', 'NullConstraintViolation', 'ForeignKeyConstraintViolation']);

/** SQLSTATE classes 22 (data exception: bad encoding, dates out of range …) and 23 (integrity). */
function isDataSqlState(code: unknown): boolean {
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

export function isDeterministicFailure(error: unknown): boolean {
  if (error instanceof ZodError || error instanceof Prisma.PrismaClientValidationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code.startsWith('P2') && !transientPrismaCodes.has(error.code);
  // A PostgreSQL error the adapter has no Prisma code for reaches the caller as it is.
  if (error instanceof Error && error.name === 'DriverAdapterError') {
    const cause = (error as Error & { cause?: { kind?: string; code?: unknown; originalCode?: unknown } }).cause;
    return cause !== undefined && (dataErrorKinds.has(cause.kind ?? '') || isDataSqlState(cause.originalCode) || (cause.kind === 'postgres' && isDataSqlState(cause.code)));
  }
  return false;
}

/** The error as the workflow sees it: non-retryable if deterministic, as it was otherwise. */
function classified(activity: string, error: unknown): unknown {
  if (error instanceof ApplicationFailure || !isDeterministicFailure(error)) return error;
  const cause = error as Error;
  return ApplicationFailure.create({ type: 'DeterministicFailure', message: `${activity}: ${cause.message.trim().split('\n').at(-1)}`, nonRetryable: true, cause });
}

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/**
 * Wraps every activity: input that PostgreSQL cannot hold is refused before it is tried, and a
 * deterministic failure is made non-retryable. The edge (API, intake) refuses such input already;
 * this is what keeps a case from wedging when something slips past it.
 */
export function failingFastOnDeterministicErrors<T extends Record<string, ActivityFunction>>(activities: T): T {
  const wrapped = Object.entries(activities).map(([name, run]) => {
    const guarded = async (...args: never[]) => {
      const unstorable = unstorableStrings(args);
      if (unstorable.length > 0) {
        throw ApplicationFailure.create({ type: 'UnstorableInput', message: `${name}: ${unstorableTextMessage} (${unstorable.map((p) => p.join('.')).join(', ')})`, nonRetryable: true });
      }
      try {
        return await run(...args);
      } catch (error) {
        throw classified(name, error);
      }
    };
    return [name, guarded];
  });
  return Object.fromEntries(wrapped) as T;
}
