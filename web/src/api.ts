/**
 * The API as the browser calls it: same origin, the session cookie, and on every write the
 * session's CSRF token (api/auth.ts) and, where the route takes one, an Idempotency-Key.
 */

/** What the API answers for a client mistake (api/errors.ts): a message, and per-field issues. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[],
    /** The answer's `details` as sent: an import's problems carry sheet, row and column instead of a path. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** Kept from /auth/me or the sign-in answer: the cookie is httpOnly, the token is not in it. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
}

export async function api<T>(path: string, call: Call = {}): Promise<T> {
  const method = call.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A file goes as it is (imports): the server tells its format from its content.
  const file = call.body instanceof Blob ? call.body : undefined;
  if (call.body !== undefined) headers['Content-Type'] = file ? file.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: file ?? (call.body === undefined ? undefined : JSON.stringify(call.body)) });
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const answer = (json ?? {}) as { error?: unknown; message?: unknown; details?: unknown };
    const message = typeof answer.error === 'string' ? answer.error : typeof answer.message === 'string' ? answer.message : res.statusText;
    throw new ApiError(res.status, message, Array.isArray(answer.details) ? (answer.details as FieldIssue[]) : [], answer.details);
  }
  return json as T;
}

/** A query string of the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
