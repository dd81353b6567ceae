import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { config, type Config } from '../platform/config';
import type { PdfRenderer } from '../platform/libreOffice';
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import type { TaskChangeFeed } from '../store/taskChanges';
import { auditRoutes, auditTrail } from './audit';
import { authenticate } from './auth';
import { campaignRoutes, type CaseSettings } from './campaigns';
import { caseRoutes } from './cases';
import { directoryRoutes } from './directory';
import { eventRoutes } from './events';
import { docsRoutes } from './docs';
import { enterpriseRoutes } from './enterprises';
import { errorHandler, methodNotAllowed, notFound } from './errors';
import { healthRoutes } from './health';
import { importRoutes } from './imports';
import { oidcRoutes } from './oidc';
import { openApiDocument, operations } from './openapi';
import { pageAssets } from './pages';
import { webAppRoutes } from './webApp';
import { perMinute, postsRateLimitedPerUser, type RateLimits } from './rateLimits';
import { dashboardRoutes } from './dashboard';
import { reportRoutes } from './reports';
import { savedFilterRoutes } from './savedFilters';
import { requestLog } from './requestLog';
import { sessionCookieName, signInRoutes, type SignInSettings } from './signIn';
import { storableBody, storableUrl } from './storableInput';
import { taskRoutes } from './tasks';
import { referralRoutes } from './referrals';
import { typicalCaseRoutes } from './typicalCases';
import { jointInspectionRoutes } from './jointInspections';
import { tipRoutes } from './tips';
import { tokenRoutes } from './tokens';

export interface ApiDependencies {
  prisma: PrismaClient;
  caseSettings: CaseSettings;
  temporal: Client;
  namespace: string;
  /** The Temporal Web UI, for the cases' links to their workflows; none when unknown. */
  temporalUiUrl?: string;
  taskQueue: string;
  log: Logger;
  /** The report store: the API serves its files and writes drafts into it. */
  reportsDir: string;
  /** Prints drafted reports as PDF; without it they come without one. */
  pdf?: PdfRenderer;
  /** The SMTP relay, checked by /readyz (not at all when absent). */
  mailer?: Pick<Mailer, 'verify'>;
  /** The deadline of a request's Temporal calls; TEMPORAL_REQUEST_DEADLINE_MS unless set. */
  temporalDeadlineMs?: number;
  /** The clock credentials are judged by (expiry, lockout); tests drive it. */
  now?: () => Date;
  /** Sessions, lockout and password links; from the configuration unless set. */
  signIn?: SignInSettings;
  rateLimits?: RateLimits;
  /** Express's `trust proxy`; TRUST_PROXY unless set. */
  trustProxy?: false | number | string[];
  /** Announces task writes to GET /events; without it that answers 503. */
  taskChanges?: TaskChangeFeed;
  /** false only in `npm run bench:audit`, which measures what the audit trail costs. */
  auditTrail?: boolean;
}

export function signInSettingsOf(cfg: Config): SignInSettings {
  const publicUrl = cfg.PUBLIC_URL ?? `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  return {
    publicUrl,
    session: { maxMs: cfg.SESSION_HOURS * 3_600_000, idleMs: cfg.SESSION_IDLE_MINUTES * 60_000 },
    lockout: { accountLockAfter: cfg.SIGN_IN_LOCK_AFTER, addressLockAfter: cfg.SIGN_IN_ADDRESS_LOCK_AFTER, lockMs: cfg.SIGN_IN_LOCK_MINUTES * 60_000 },
    passwordLinkMs: cfg.PASSWORD_LINK_HOURS * 3_600_000,
    ...(cfg.OIDC_ISSUER_URL && cfg.OIDC_CLIENT_ID && cfg.OIDC_CLIENT_SECRET
      ? { oidc: { issuerUrl: cfg.OIDC_ISSUER_URL, clientId: cfg.OIDC_CLIENT_ID, clientSecret: cfg.OIDC_CLIENT_SECRET, redirectUrl: cfg.OIDC_REDIRECT_URL ?? `${publicUrl.replace(/\/$/, '')}/auth/oidc/callback` } }
      : {}),
  };
}

export const rateLimitsOf = (cfg: Config): RateLimits => ({ signIn: perMinute(cfg.SIGN_IN_RATE_PER_MINUTE), imports: perMinute(cfg.IMPORT_RATE_PER_MINUTE) });

/**
 * Pages and answers allow nothing but their own stylesheet and forms, and no framing. /docs runs
 * Swagger UI's own script and styles, a report file its inline style (no script at all).
 */
const STRICT_CSP = { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] };
const DOCS_CSP = { ...STRICT_CSP, scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'] };
const REPORT_FILE_CSP = { ...STRICT_CSP, styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], formAction: ["'none'"] };
const csp = (directives: Record<string, string[]>) => helmet.contentSecurityPolicy({ useDefaults: false, directives });

/**
 * Every Temporal call a request makes ends by this deadline (the SDK's own retries included), so
 * a request made while Temporal or the worker is down answers 503 instead of hanging.
 */
const TEMPORAL_REQUEST_DEADLINE_MS = 10_000;

export function createApp(deps: ApiDependencies): Express {
  const now = deps.now ?? (() => new Date());
  const signIn = deps.signIn ?? signInSettingsOf(config());
  const limits = deps.rateLimits ?? rateLimitsOf(config());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? config().TRUST_PROXY);
  app.use(requestLog(deps.log));
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Only meaningful, and only safe to promise, when people reach the API over https.
      strictTransportSecurity: signIn.publicUrl.startsWith('https://'),
    }),
  );
  app.use('/docs', csp(DOCS_CSP));
  app.use('/reports/:id/:format', csp(REPORT_FILE_CSP));
  app.use(auditTrail(deps.prisma, deps.log, operations, { enabled: deps.auditTrail }));
  // Before authentication: which methods a path has is in the public document anyway.
  app.use(methodNotAllowed(operations));
  app.use(docsRoutes(openApiDocument()));
  app.use((_req, res, next) => {
    void deps.temporal.connection.withDeadline(Date.now() + (deps.temporalDeadlineMs ?? TEMPORAL_REQUEST_DEADLINE_MS), () => {
      const answered = new Promise<void>((resolve) => res.once('close', resolve));
      next();
      return answered;
    });
  });
  app.use(healthRoutes(deps));
  app.use(pageAssets());
  app.use(webAppRoutes({ oidc: Boolean(signIn.oidc) }));
  app.use(storableUrl);
  const signInRouters = signInRoutes({ ...deps, now, settings: signIn, rateLimits: limits });
  app.use(signInRouters.open);
  app.use(oidcRoutes({ ...deps, now, settings: signIn, rateLimits: limits }));
  app.use(authenticate({ prisma: deps.prisma, now, cookieName: sessionCookieName(signIn), session: signIn.session }));
  // Imports read the raw file (JSON files included), so they come before the JSON body parser.
  app.use(['/imports', '/directory/imports'], ...postsRateLimitedPerUser(limits.imports));
  const directory = directoryRoutes(deps);
  app.use(importRoutes(deps));
  app.use(directory.files);
  app.use(express.json({ limit: '1mb' }));
  app.use(storableBody);
  app.use(signInRouters.own);
  app.use(tokenRoutes({ prisma: deps.prisma, now }));
  app.use(tipRoutes(deps));
  app.use(referralRoutes(deps));
  app.use(typicalCaseRoutes(deps));
  app.use(jointInspectionRoutes(deps));
  app.use(enterpriseRoutes(deps));
  app.use(campaignRoutes(deps));
  app.use(caseRoutes(deps));
  app.use(taskRoutes(deps));
  app.use(savedFilterRoutes(deps));
  app.use(eventRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(dashboardRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(directory.json);
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
