import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { PdfRenderer } from '../platform/libreOffice';
import type { Logger } from '../platform/logger';
import type { Mailer } from '../platform/mailer';
import { authenticate } from './auth';
import { campaignRoutes, type CaseSettings } from './campaigns';
import { caseRoutes } from './cases';
import { docsRoutes } from './docs';
import { enterpriseRoutes } from './enterprises';
import { errorHandler, methodNotAllowed, notFound } from './errors';
import { healthRoutes } from './health';
import { importRoutes } from './imports';
import { openApiDocument, operations } from './openapi';
import { reportRoutes } from './reports';
import { requestLog } from './requestLog';
import { storableBody, storableUrl } from './storableInput';
import { taskRoutes } from './tasks';
import { tipRoutes } from './tips';
import { tokenRoutes } from './tokens';

export interface ApiDependencies {
  prisma: PrismaClient;
  caseSettings: CaseSettings;
  temporal: Client;
  namespace: string;
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
}

/**
 * Every Temporal call a request makes ends by this deadline (the SDK's own retries included), so
 * a request made while Temporal or the worker is down answers 503 instead of hanging.
 */
const TEMPORAL_REQUEST_DEADLINE_MS = 10_000;

export function createApp(deps: ApiDependencies): Express {
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(deps.log));
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
  app.use(authenticate({ prisma: deps.prisma, now }));
  app.use(storableUrl);
  // Imports read the raw file (JSON files included), so they come before the JSON body parser.
  app.use(importRoutes(deps));
  app.use(express.json({ limit: '1mb' }));
  app.use(storableBody);
  app.use(tokenRoutes({ prisma: deps.prisma, now }));
  app.use(tipRoutes(deps));
  app.use(enterpriseRoutes(deps));
  app.use(campaignRoutes(deps));
  app.use(caseRoutes(deps));
  app.use(taskRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
