import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { DispositionCode, ViolationCode, investigatingAgency, measures, proposeHandlingPlan } from '../../domain/catalogue';
import { DEMO_USER_AGENT } from '../../api/requestLog';

/**
 * Simulated agency staff for demos and benchmarks: through the public API, with each agency's own
 * demo token, they complete open tasks the way diligent staff would (recording the violations the
 * rules' evidence points at for their agency, planning the catalogue's measures for what was
 * found, carrying them out, accepting them), except a fixed share of tasks they leave to run late, so escalations happen too.
 * Given the coordinators' tokens, MIIT also routes each cross-province referral to the province its
 * reporter named, and that province accepts it into the counterpart's case.
 */
export interface AutopilotOptions {
  apiUrl: string;
  /** Token of the staff of `agency` in `province`. */
  staffToken(province: string, agency: string): string;
  /** A token that sees every task (MIIT). */
  overseerToken: string;
  /** Token of the coordinator of `province`; without it referrals are left to their coordinators. */
  coordinatorToken?(province: string): string;
  /** Percentage of tasks left late: completed only `lateByMs` after their due time. */
  latePercent: number;
  lateByMs: number;
  /** Instead of `lateByMs`: a late task is completed once this answers true (a test holds it until its escalation is on record). */
  lateUntil?: (task: { key: string }) => Promise<boolean>;
  pollMs?: number;
  /** Completions in flight at once (default 16). */
  concurrency?: number;
  onError?: (error: unknown) => void;
  /** Each completion the API answered, with how long its request took (ms). */
  onCompleted?: (ms: number) => void;
}

interface OpenTask {
  key: string;
  kind: string;
  agency: string;
  province: string;
  dueAt: string;
}

interface ReferralItem {
  id: string;
  state: 'reported' | 'routed' | 'accepted' | 'closed';
  toProvince?: string;
  counterpart: { code?: string };
}

/** An answer the API gave for good (4xx): asking again gets the same. */
class Refusal extends Error {}

/** Longer than the API's own bounds on PostgreSQL and Temporal: an answer that has not come by then will not. */
const REQUEST_TIMEOUT_MS = 30_000;

function isLate(key: string, percent: number): boolean {
  return createHash('sha256').update(key).digest().readUInt16BE(0) % 100 < percent;
}

/** A measure carried out, stating what the catalogue requires of it; sums derived from the key stay stable across retries. */
function dispositionDone(code: DispositionCode, key: string) {
  const fields = measures[code].mustState.map((f) => f.field);
  const base = createHash('sha256').update(key).digest().readUInt32BE(0) % 1_000_000;
  const amounts = Object.fromEntries(fields.filter((f) => f !== 'rectificationDeadline').map((f, i) => [f, (base + 1) * 100 * (i + 1)]));
  return { documentNo: `演示〔2015〕${key.length}号`, amounts, ...(fields.includes('rectificationDeadline') ? { rectificationDeadline: '2015-03-31' } : {}) };
}

export function startAutopilot(options: AutopilotOptions): { stop(): Promise<void>; completed(): number } {
  let running = true;
  let completed = 0;
  const inFlight = new Set<string>();
  // As staff do, a few at a time: a page of 500 completions sent at once queued every case's
  // update behind the others on one worker, and most ran past the API's Temporal deadline (503).
  const limit = pLimit(options.concurrency ?? 16);
  // Stopping aborts every request still waiting for an answer: a stop never waits on a stalled API.
  const stopped = new AbortController();
  const call = async (token: string, path: string, init: RequestInit = {}) => {
    const signal = AbortSignal.any([stopped.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
    const res = await fetch(`${options.apiUrl}${path}`, { ...init, signal, headers: { 'content-type': 'application/json', 'user-agent': DEMO_USER_AGENT, authorization: `Bearer ${token}`, ...(init.headers as object) } });
    if (!res.ok && res.status !== 409) {
      const message = `${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`;
      throw res.status < 500 && res.status !== 429 ? new Refusal(message) : new Error(message);
    }
    return res.json() as Promise<Record<string, unknown>>;
  };

  const completionFor = async (task: OpenTask, token: string): Promise<unknown> => {
    const detail = await call(token, `/tasks/${encodeURIComponent(task.key)}`);
    const evidence = (detail.evidence ?? {}) as { findings?: string[]; violations?: string[]; disposition?: string };
    switch (task.kind) {
      case 'verification': {
        // Each violation the rules' evidence points at is recorded by the agency that investigates it.
        const found = (evidence.findings ?? []).flatMap((f) => {
          const code = ViolationCode.safeParse(f);
          return code.success ? [code.data] : [];
        });
        return { findings: found.filter((v) => investigatingAgency(v) === task.agency).map((violation) => ({ violation })) };
      }
      case 'handlingPlan': {
        const violations = (evidence.violations ?? []).map((v) => ViolationCode.parse(v));
        const dispositions = proposeHandlingPlan(violations).map((p) => ({ ...p, dueDate: '2015-01-31' }));
        return { annex2Verified: true, dispositions, note: '按方案整改 rectify as planned' };
      }
      case 'disposition':
        return dispositionDone(DispositionCode.parse(evidence.disposition), task.key);
      default:
        return { accepted: true };
    }
  };

  const handle = async (task: OpenTask) => {
    const token = options.staffToken(task.province, task.agency);
    const completion = await completionFor(task, token);
    const started = performance.now();
    await call(token, `/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', body: JSON.stringify({ completion }), headers: { 'idempotency-key': `autopilot-${createHash('sha256').update(task.key).digest('hex').slice(0, 32)}` } });
    completed++;
    options.onCompleted?.(performance.now() - started);
  };

  // Referrals the API refused to route or accept (say, a counterpart not on file): left to people.
  const leftToPeople = new Set<string>();
  const coordinate = async (referral: ReferralItem, coordinatorToken: (province: string) => string) => {
    const path = `/referrals/${encodeURIComponent(referral.id)}`;
    if (referral.state === 'reported') {
      const routing = referral.toProvince ? { decision: 'route', toProvince: referral.toProvince } : { decision: 'close', reason: '演示：举报方未指明省份 no province named' };
      await call(options.overseerToken, `${path}/route`, { method: 'POST', body: JSON.stringify(routing) });
    } else if (referral.state === 'routed' && referral.toProvince && referral.counterpart.code) {
      const acceptance = { action: 'addToCampaign', enterpriseCode: referral.counterpart.code };
      await call(coordinatorToken(referral.toProvince), `${path}/accept`, { method: 'POST', body: JSON.stringify(acceptance) });
    }
  };
  const coordinateReferrals = async (coordinatorToken: (province: string) => string) => {
    const { items } = (await call(options.overseerToken, '/referrals?open=true&pageSize=500')) as unknown as { items: ReferralItem[] };
    const open = items.filter((r) => !inFlight.has(r.id) && !leftToPeople.has(r.id));
    await Promise.all(
      open.map((r) => {
        inFlight.add(r.id);
        return limit(async () => {
          try {
            if (running) await coordinate(r, coordinatorToken);
          } catch (error) {
            if (error instanceof Refusal) leftToPeople.add(r.id);
            if (running) options.onError?.(error);
          } finally {
            inFlight.delete(r.id);
          }
        });
      }),
    );
  };

  const loop = (async () => {
    while (running) {
      try {
        const page = (await call(options.overseerToken, '/tasks?status=open&pageSize=500')) as unknown as { items: OpenTask[] };
        const now = Date.now();
        const ready = async (t: OpenTask) =>
          !isLate(t.key, options.latePercent) || (options.lateUntil ? await options.lateUntil(t) : Date.parse(t.dueAt) + options.lateByMs < now);
        const waiting = page.items.filter((t) => !inFlight.has(t.key));
        const due = (await Promise.all(waiting.map(async (t) => ((await ready(t)) ? [t] : [])))).flat();
        await Promise.all(
          due.map((t) => {
            inFlight.add(t.key);
            return limit(async () => {
              try {
                if (running) await handle(t);
              } catch (error) {
                if (running) options.onError?.(error);
              } finally {
                inFlight.delete(t.key);
              }
            });
          }),
        );
        if (options.coordinatorToken) await coordinateReferrals(options.coordinatorToken);
      } catch (error) {
        if (running) options.onError?.(error);
      }
      if (running) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
  })();

  return {
    async stop() {
      running = false;
      stopped.abort();
      await loop;
    },
    completed: () => completed,
  };
}
