import type { PrismaClient } from '@prisma/client';
import { parse as parseCookies } from 'cookie';
import { Router, type Response } from 'express';
import * as client from 'openid-client';
import { z } from 'zod';
import { signInLabels as t } from '../domain/labels';
import type { Logger } from '../platform/logger';
import { accountForSignIn } from '../store/localAccounts';
import { staffMember } from '../store/principals';
import { openSession } from '../store/sessions';
import { auditInTransaction, type AuditNote } from './auditNote';
import { HttpError, parseOr400 } from './errors';
import { error, type Operation } from './operation';
import { escapeHtml, htmlPage } from './pages';
import { rateLimited, type RateLimits } from './rateLimits';
import { bilingual, clientAddress, isHttps, setSessionCookie, type SignInSettings } from './signIn';

export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The callback registered with the provider. */
  redirectUrl: string;
}

/**
 * The provider's answer (error_description and the like pass through undeclared). The limits keep
 * the longest valid URL, every character four UTF-8 bytes percent-encoded, under Node's 16 KiB of
 * request headers: a 431 from the parser is no answer the document could promise.
 */
const Callback = z.looseObject({
  code: z.string().max(800).optional(),
  state: z.string().max(100).optional(),
  iss: z.string().max(200).optional(),
  error: z.string().max(64).optional(),
});

export const oidcOperations = {
  oidcStart: {
    method: 'get',
    path: '/auth/oidc/start',
    tag: 'sign-in',
    summary: 'Sign in with the province’s identity provider (OpenID Connect): redirects a browser to it',
    description: 'Authorization code flow with PKCE, state and nonce; they wait in a short-lived httpOnly cookie for the callback.',
    public: true,
    responses: {
      302: { description: 'to the identity provider' },
      404: error('OpenID Connect is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)'),
      429: error('too many requests: wait Retry-After seconds'),
      503: error('the identity provider cannot be reached'),
    },
  },
  oidcCallback: {
    method: 'get',
    path: '/auth/oidc/callback',
    tag: 'sign-in',
    summary: 'Where the identity provider sends the browser back: the ID token’s verified email signs in the directory’s member of staff',
    description: 'Sets the same session cookie as a password sign-in. Someone the directory does not know, or has disabled, gets a page that says so (403).',
    public: true,
    query: Callback,
    responses: {
      200: { description: 'signed in; Set-Cookie carries the session', mediaTypes: ['text/html'] },
      400: { description: 'the answer of the provider is missing, forged, refused or expired', mediaTypes: ['text/html'] },
      403: { description: 'the email is not verified, or not an active member of staff in the directory', mediaTypes: ['text/html'] },
      404: error('OpenID Connect is not configured'),
      429: error('too many requests: wait Retry-After seconds'),
      503: { description: 'the identity provider cannot be reached', mediaTypes: ['text/html'] },
    },
  },
} satisfies Record<string, Operation>;

/** The flow's checks between start and callback: nothing a provider or another site can read. */
const FLOW_COOKIE = 'campaign-oidc';
const FLOW_MS = 10 * 60_000;
const Flow = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });

/** A provider on this machine may speak plain http (a test's, a developer's); any other must use https. */
const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * OpenID Connect sign-in with openid-client (certified): the provider's metadata is discovered on
 * first use and kept; a failed discovery is tried again on the next request.
 */
export function oidcRoutes(deps: { prisma: PrismaClient; now: () => Date; settings: SignInSettings; rateLimits: RateLimits; log: Logger }): Router {
  const { prisma, settings } = deps;
  const router = Router();
  const limited = rateLimited(deps.rateLimits.signIn);
  const flowCookie = { httpOnly: true, sameSite: 'lax', secure: isHttps(settings), path: '/auth/oidc' } as const;
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = async (oidc: OidcSettings): Promise<client.Configuration> => {
    const issuer = new URL(oidc.issuerUrl);
    discovered ??= client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    try {
      return await discovered;
    } catch (err) {
      discovered = undefined;
      deps.log.warn({ err, issuer: oidc.issuerUrl }, 'OpenID provider discovery failed');
      throw new HttpError(503, bilingual(t.oidcUnavailable));
    }
  };
  const configured = (): OidcSettings => {
    if (!settings.oidc) throw new HttpError(404, bilingual(t.oidcNotConfigured));
    return settings.oidc;
  };
  const page = (res: Response, status: number, title: { zh: string; en: string }, lines: string[], again = true) =>
    res
      .status(status)
      .set('Cache-Control', 'private, no-store')
      .type('html')
      .send(htmlPage(title, `${lines.map((l) => `<p class="problem">${escapeHtml(l)}</p>`).join('')}${again ? `<p><a href="${oidcOperations.oidcStart.path}">${t.oidcStartAgain.zh} <span lang="en">${t.oidcStartAgain.en}</span></a></p>` : ''}`));

  router.get(oidcOperations.oidcStart.path, limited, async (_req, res) => {
    const oidc = configured();
    const config = await configuration(oidc);
    const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUrl,
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    res.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), { ...flowCookie, maxAge: FLOW_MS });
    res.set('Cache-Control', 'private, no-store').redirect(302, url.href);
  });

  router.get(oidcOperations.oidcCallback.path, limited, async (req, res) => {
    const oidc = configured();
    parseOr400(Callback, req.query, 'query');
    const address = clientAddress(req);
    const flow = readFlow(parseCookies(req.header('cookie') ?? '')[FLOW_COOKIE]);
    res.clearCookie(FLOW_COOKIE, flowCookie);
    if (!flow) return void page(res, 400, t.oidcFailedTitle, [bilingual(t.oidcFailed)]);
    const config = await configuration(oidc);
    // The provider signs what it sent to the registered address: check it against that, not the Host this request came by.
    const current = new URL(oidc.redirectUrl);
    current.search = new URL(req.originalUrl, current).search;
    let claims: { sub: string; email?: unknown; email_verified?: unknown };
    try {
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      const idToken = tokens.claims()!;
      // A provider may keep the email out of the ID token when it issues an access token: then UserInfo has it, for the same subject.
      claims = idToken.email !== undefined ? idToken : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (err) {
      if (err instanceof client.ClientError && err.code === 'OAUTH_TIMEOUT') throw new HttpError(503, bilingual(t.oidcUnavailable));
      deps.log.info({ err }, 'OpenID Connect callback refused');
      res.locals.audit = { action: 'auth.signIn', objectType: 'staff', objectId: 'unknown', after: { method: 'oidc', outcome: 'invalidCallback', address } } satisfies AuditNote;
      return void page(res, 400, t.oidcFailedTitle, [bilingual(t.oidcFailed)]);
    }
    const email = typeof claims.email === 'string' ? claims.email : undefined;
    const now = deps.now();
    if (!email || claims.email_verified !== true) {
      res.locals.audit = { action: 'auth.signIn', objectType: 'staff', objectId: email ?? `sub:${claims.sub}`, after: { method: 'oidc', outcome: 'unverifiedEmail', address } } satisfies AuditNote;
      return void page(res, 403, t.oidcRefusedTitle, [bilingual(t.oidcUnverified)]);
    }
    // Not a sign-in attempt of the password lockout (store/localAccounts.ts): the provider throttles its own.
    const account = await accountForSignIn(prisma, email);
    const outcome = !account ? 'unknownAccount' : account.disabledAt ? 'disabled' : 'succeeded';
    if (outcome !== 'succeeded' || !account) {
      res.locals.audit = { action: 'auth.signIn', objectType: 'staff', objectId: account?.id ?? email, after: { method: 'oidc', outcome, address } } satisfies AuditNote;
      return void page(res, 403, t.oidcRefusedTitle, [t.oidcUnknown.zh, t.oidcUnknown.en, email], false);
    }
    const { row, secret } = await openSession(prisma, { staffId: account.id, method: 'oidc', address, userAgent: req.get('user-agent'), now, lifetime: settings.session }, (session) =>
      auditInTransaction(res, { action: 'auth.signIn', objectType: 'staff', objectId: account.id, after: { method: 'oidc', outcome, address, session: session.id } }),
    );
    setSessionCookie(res, settings, row, secret);
    const staff = await staffMember(prisma, account.id);
    res
      .set('Cache-Control', 'private, no-store')
      .type('html')
      .send(htmlPage(t.signedInTitle, `<p>${escapeHtml(staff.name)}</p><p>${t.account.zh} <span lang="en">${t.account.en}</span>: ${escapeHtml(staff.email)}</p>`));
  });

  return router;
}

function readFlow(value: string | undefined): z.infer<typeof Flow> | undefined {
  if (!value) return undefined;
  try {
    return Flow.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
}
