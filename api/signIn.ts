import type { AgencyKind, PasswordLink, PrismaClient, Session, StaffUser } from '@prisma/client';
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { submitsRecordsFor } from '../domain/access';
import { signInLabels as t } from '../domain/labels';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../platform/passwordHash';
import { accountForSignIn, createPasswordLink, nextAttemptAt, recordSignInAttempt, setPasswordWithLink, type LockoutPolicy } from '../store/localAccounts';
import { staffMember } from '../store/principals';
import { closeSession, openSession, type SessionLifetime } from '../store/sessions';
import type { accountEmailWorkflow } from '../workflows';
import { auditInTransaction, type AuditNote } from './auditNote';
import type { OidcSettings } from './oidc';
import { principalOf, unauthorized } from './auth';
import { HttpError, parseOr400 } from './errors';
import { error, type Operation } from './operation';
import { escapeHtml, htmlPage } from './pages';
import { rateLimited, type RateLimits } from './rateLimits';
import { storableBody } from './storableInput';

export interface SignInSettings {
  /** Where people reach the API: the base of emailed links; https makes the cookie Secure. */
  publicUrl: string;
  session: SessionLifetime;
  lockout: LockoutPolicy;
  passwordLinkMs: number;
  /** OpenID Connect sign-in (api/oidc.ts); absent, only local accounts sign in. */
  oidc?: OidcSettings;
}

export const bilingual = (label: { zh: string; en: string }) => `${label.zh} / ${label.en}`;

/** `__Host-` binds the cookie to this origin (Secure, Path=/, no Domain): only possible over https. */
export const sessionCookieName = (settings: Pick<SignInSettings, 'publicUrl'>) => (isHttps(settings) ? '__Host-campaign-session' : 'campaign-session');
export const isHttps = (settings: Pick<SignInSettings, 'publicUrl'>) => settings.publicUrl.startsWith('https://');

/** The cookie of a new session, whichever way its holder signed in. */
export function setSessionCookie(res: Response, settings: Pick<SignInSettings, 'publicUrl'>, session: Pick<Session, 'expiresAt'>, secret: string): void {
  res.cookie(sessionCookieName(settings), secret, { httpOnly: true, sameSite: 'lax', secure: isHttps(settings), path: '/', expires: session.expiresAt });
}

// Compared trimmed and in lower case (store/localAccounts.ts); no transform here, so the document states exactly what passes.
const Email = z.string().min(3).max(320);
const Password = z.string().min(12, bilingual(t.passwordRules)).max(200);
const SignInRequest = z.object({ email: Email, password: z.string().min(1).max(200) });
const SessionView = z.object({
  staffId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  province: z.string().nullable(),
  agencyKind: z.string(),
  mayImportRecords: z.boolean().meta({ description: "whether POST /imports takes this person's annex 1 and 2 files (of their province; MIIT's of any)" }),
  credential: z.object({ kind: z.enum(['session', 'token']), id: z.string() }),
  csrfToken: z.string().optional().meta({ description: 'Send it back as X-CSRF-Token on every write made with the session cookie.' }),
  expiresAt: z.iso.datetime().optional(),
});
const LinkToken = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/);
const SetPasswordRequest = z.object({ token: LinkToken, password: Password, passwordAgain: Password.optional() });

export const signInOperations = {
  signIn: {
    method: 'post',
    path: '/auth/sign-in',
    tag: 'sign-in',
    summary: 'Sign in with email and password: the answer sets the session cookie and carries its CSRF token',
    description: 'Repeated failures slow further attempts for the account and the address, then lock them for a while (429 with Retry-After).',
    public: true,
    body: { schema: SignInRequest, example: { email: 'wang.li@tax.jx.example', password: 'correct horse battery staple' } },
    responses: {
      200: { description: 'signed in; Set-Cookie carries the session', schema: SessionView },
      401: error('wrong email or password (the same answer for an unknown or disabled account)'),
      429: error('too many recent failures for this account or address, or too many requests: wait Retry-After seconds'),
    },
  },
  signOut: {
    method: 'post',
    path: '/auth/sign-out',
    tag: 'sign-in',
    summary: 'End the session of the cookie (needs X-CSRF-Token)',
    responses: { 204: { description: 'signed out; the cookie is cleared' }, 403: error('the CSRF token is missing or wrong'), 422: error('the request came with an API token, not a session') },
  },
  me: {
    method: 'get',
    path: '/auth/me',
    tag: 'sign-in',
    summary: 'Who the credential belongs to, and a session’s CSRF token',
    responses: { 200: { description: 'the signed-in person', schema: SessionView } },
  },
  requestPasswordLink: {
    method: 'post',
    path: '/auth/password-links',
    tag: 'sign-in',
    summary: 'Email a one-time link that resets the password of an account',
    description: 'Answers 202 whether or not the directory knows the address, so the answer does not tell which accounts exist.',
    public: true,
    body: { schema: z.object({ email: Email }), example: { email: 'wang.li@tax.jx.example' } },
    responses: { 202: { description: 'a link is on its way if the account exists and is active', schema: z.object({ accepted: z.literal(true) }) }, 429: error('too many requests: wait Retry-After seconds') },
  },
  passwordPage: {
    method: 'get',
    path: '/auth/password',
    tag: 'sign-in',
    summary: 'The page an emailed one-time link opens: a form that sets the password',
    public: true,
    query: z.object({ token: LinkToken }),
    responses: { 200: { description: 'the form', mediaTypes: ['text/html'] } },
  },
  setPassword: {
    method: 'post',
    path: '/auth/password',
    tag: 'sign-in',
    summary: 'Set a password with a one-time link’s token (JSON, or the page’s form); ends every session of the account',
    public: true,
    body: { schema: SetPasswordRequest, example: { token: 'the-token-of-the-link-0123456789', password: 'correct horse battery staple' } },
    responses: {
      200: { description: 'the password is set', schema: z.object({ staffId: z.string(), email: z.string() }) },
      422: error('the link is unknown, used or expired'),
      429: error('too many requests: wait Retry-After seconds'),
    },
  },
} satisfies Record<string, Operation>;

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function sessionView(staff: StaffUser & { agency: { kind: AgencyKind; provinceName: string | null } }, credential: { kind: 'session' | 'token'; id: string }, extra: { csrfToken?: string; expiresAt?: Date }) {
  return {
    staffId: staff.id,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    province: staff.agency.provinceName,
    agencyKind: staff.agency.kind,
    mayImportRecords: submitsRecordsFor({ role: staff.role, agencyKind: staff.agency.kind, province: staff.agency.provinceName }, staff.agency.provinceName),
    credential,
    ...(extra.csrfToken ? { csrfToken: extra.csrfToken } : {}),
    ...(extra.expiresAt ? { expiresAt: extra.expiresAt.toISOString() } : {}),
  };
}

/** The link's email, in Chinese first as staff read it. */
function passwordLinkEmail(link: PasswordLink, url: string, to: string) {
  const subject = link.purpose === 'set' ? t.setEmailSubject : t.resetEmailSubject;
  const until = link.expiresAt.toISOString();
  return {
    key: `account/${link.id}`,
    to: [to],
    subject: `${subject.zh} / ${subject.en} — ${t.systemName.zh}`,
    body: [`${t.emailBody.zh} ${until}：`, `${t.emailBody.en} ${until}:`, '', url, '', t.emailIgnore.zh, t.emailIgnore.en].join('\n'),
  };
}

export const passwordLinkUrl = (publicUrl: string, secret: string) => `${publicUrl.replace(/\/$/, '')}/auth/password?token=${secret}`;

/** Only this route's bodies: the import routes read theirs raw, JSON files included. */
const jsonBody = express.json({ limit: '16kb' });
const formBody = express.urlencoded({ extended: false, limit: '16kb' });

/**
 * Sign-in with local accounts: the routes that need no credential (sign-in, password links and
 * the password page) and those about the caller's own session. The cookie is httpOnly and
 * SameSite=Lax; writes made with it need the session's CSRF token (api/auth.ts).
 */
export function signInRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; now: () => Date; settings: SignInSettings; rateLimits: RateLimits }) {
  const { prisma, settings } = deps;
  const open = Router();
  const limited = rateLimited(deps.rateLimits.signIn);

  open.post(signInOperations.signIn.path, limited, jsonBody, storableBody, async (req, res) => {
    const body = parseOr400(SignInRequest, req.body, 'request body');
    const now = deps.now();
    const address = clientAddress(req);
    res.set('Cache-Control', 'private, no-store');
    const audit = (outcome: string, objectId: string) => {
      res.locals.audit = { action: 'auth.signIn', objectType: 'staff', objectId, after: { outcome, address } } satisfies AuditNote;
    };
    const waitUntil = await nextAttemptAt(prisma, { email: body.email, address, now, policy: settings.lockout });
    if (waitUntil) {
      await recordSignInAttempt(prisma, { at: now, email: body.email, address, outcome: 'locked' });
      audit('locked', body.email);
      throw new HttpError(429, bilingual(t.locked), undefined, { 'Retry-After': String(Math.max(1, Math.ceil((waitUntil.getTime() - now.getTime()) / 1000))) });
    }
    const account = await accountForSignIn(prisma, body.email);
    const matches = account?.password ? await verifyPassword(account.password.hash, body.password) : await verifyAgainstDecoy(body.password);
    const outcome = !account ? 'unknownAccount' : account.disabledAt ? 'disabled' : matches ? 'succeeded' : 'wrongPassword';
    await recordSignInAttempt(prisma, { at: now, email: body.email, staffId: account?.id, address, outcome });
    audit(outcome, account?.id ?? body.email);
    if (outcome !== 'succeeded' || !account) throw unauthorized(bilingual(t.wrongCredentials), true);
    const { row, secret } = await openSession(prisma, { staffId: account.id, method: 'password', address, userAgent: req.get('user-agent'), now, lifetime: settings.session }, (session) =>
      auditInTransaction(res, { action: 'auth.signIn', objectType: 'staff', objectId: account.id, after: { outcome, address, session: session.id } }),
    );
    setSessionCookie(res, settings, row, secret);
    const staff = await staffMember(prisma, account.id);
    res.json(sessionView(staff, { kind: 'session', id: row.id }, { csrfToken: row.csrfToken, expiresAt: row.expiresAt }));
  });

  open.post(signInOperations.requestPasswordLink.path, limited, jsonBody, storableBody, async (req, res) => {
    const { email } = parseOr400(signInOperations.requestPasswordLink.body.schema, req.body, 'request body');
    const account = await accountForSignIn(prisma, email);
    if (account && !account.disabledAt) {
      const { row, secret } = await createPasswordLink(prisma, { staffId: account.id, purpose: account.password ? 'reset' : 'set', now: deps.now(), lifetimeMs: settings.passwordLinkMs, createdBy: 'self-service' }, (link) =>
        auditInTransaction(res, { action: 'auth.passwordLink', objectType: 'staff', objectId: account.id, after: { link: link.id, purpose: link.purpose } }, 202),
      );
      await sendPasswordLink(deps, row, passwordLinkUrl(settings.publicUrl, secret), account.email);
    }
    res.status(202).json({ accepted: true });
  });

  open.get(signInOperations.passwordPage.path, (req, res) => {
    const { token } = parseOr400(signInOperations.passwordPage.query, req.query, 'query');
    res.set('Cache-Control', 'no-store').type('html').send(passwordForm(token));
  });

  open.post(signInOperations.setPassword.path, limited, jsonBody, formBody, storableBody, async (req, res) => {
    const fromForm = Boolean(req.is('urlencoded'));
    const answer = (status: number, json: object, page: string) => (fromForm ? res.status(status).type('html').send(page) : res.status(status).json(json));
    const parsed = SetPasswordRequest.safeParse(req.body);
    if (!parsed.success && fromForm) return void answer(400, {}, passwordForm(String((req.body as { token?: unknown }).token ?? ''), parsed.error.issues.map((i) => i.message)));
    const body = parseOr400(SetPasswordRequest, req.body, 'request body');
    if (body.passwordAgain !== undefined && body.passwordAgain !== body.password) {
      if (fromForm) return void answer(422, {}, passwordForm(body.token, [bilingual(t.passwordsDiffer)]));
      throw new HttpError(422, 'invalid request body', [{ path: 'passwordAgain', message: bilingual(t.passwordsDiffer) }]);
    }
    const done = await setPasswordWithLink(prisma, { secret: body.token, passwordHash: await hashPassword(body.password), now: deps.now() }, ({ link, staff }) =>
      auditInTransaction(res, { action: 'auth.passwordSet', objectType: 'staff', objectId: staff.id, after: { link: link.id, purpose: link.purpose } }),
    );
    if (!done) {
      if (fromForm) return void answer(422, {}, htmlPage(t.passwordPageTitle, `<p class="problem">${bilingual(t.linkInvalid)}</p>`));
      throw new HttpError(422, bilingual(t.linkInvalid));
    }
    answer(200, { staffId: done.staff.id, email: done.staff.email }, htmlPage(t.passwordSet, `<p>${t.account.zh} <span lang="en">${t.account.en}</span>: ${escapeHtml(done.staff.email)}</p>`));
  });

  const own = Router();
  own.post(signInOperations.signOut.path, async (_req, res) => {
    const me = principalOf(res);
    if (me.credential.kind !== 'session') throw new HttpError(422, 'sign-out ends a session; an API token is revoked with POST /auth/tokens/{id}/revoke');
    await closeSession(prisma, me.credential.id, deps.now(), auditInTransaction(res, { action: 'auth.signOut', objectType: 'session', objectId: me.credential.id }, 204));
    res.clearCookie(sessionCookieName(settings), { httpOnly: true, sameSite: 'lax', secure: isHttps(settings), path: '/' });
    res.status(204).end();
  });
  own.get(signInOperations.me.path, async (_req, res) => {
    const me = principalOf(res);
    const staff = await staffMember(prisma, me.staffId);
    const session = res.locals.session as { csrfToken: string; expiresAt: Date } | undefined;
    res.json(sessionView(staff, me.credential, session ?? {}));
  });

  return { open, own };
}

export async function sendPasswordLink(deps: { temporal: Client; taskQueue: string }, link: PasswordLink, url: string, to: string): Promise<void> {
  const email = passwordLinkEmail(link, url, to);
  await deps.temporal.workflow.start<typeof accountEmailWorkflow>('accountEmailWorkflow', {
    workflowId: email.key,
    taskQueue: deps.taskQueue,
    args: [email],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: `账号邮件 account email ${link.id}`,
  });
}


function passwordForm(token: string, problems: string[] = []): string {
  const field = (name: string, label: { zh: string; en: string }) =>
    `<label>${label.zh} <span lang="en">${label.en}</span><input type="password" name="${name}" autocomplete="new-password" minlength="12" maxlength="200" required></label>`;
  return htmlPage(
    t.passwordPageTitle,
    `${problems.map((p) => `<p class="problem">${escapeHtml(p)}</p>`).join('')}
<form method="post" action="/auth/password">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${field('password', t.password)}
${field('passwordAgain', t.passwordAgain)}
<p class="hint">${bilingual(t.passwordRules)}</p>
<button type="submit">${t.submit.zh} ${t.submit.en}</button>
</form>`,
  );
}

