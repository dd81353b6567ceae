import { waitFor } from './waitFor';

/**
 * A request sent as a client retries it: while the stack is still loading (a worker starting, a
 * demo's first rule checks) the API answers 503 with Retry-After, and the client sends the same
 * request again, with the same Idempotency-Key, until it gets another answer.
 */
export async function retriedWhileUnavailable(send: () => Promise<Response>, what: string, timeoutMs = 60_000): Promise<Response> {
  return waitFor(what, async () => {
    const res = await send();
    if (res.status !== 503) return res;
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await res.body?.cancel();
    return undefined;
  }, timeoutMs);
}
