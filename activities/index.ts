import type { PrismaClient } from '@prisma/client';
import type { PdfRenderer } from '../platform/libreOffice';
import type { Mailer } from '../platform/mailer';
import { directoryActivities } from './directory';
import { createDatasetCache } from '../store/datasetCache';
import { emailActivities } from './email';
import { exportTraceActivities } from './exportTrace';
import { failingFastOnDeterministicErrors } from './failures';
import { referralActivities } from './referrals';
import { reportActivities } from './reports';
import { ruleCheckActivities } from './ruleChecks';
import { taskActivities } from './tasks';
import { tipActivities } from './tips';

export interface ActivityDependencies {
  prisma: PrismaClient;
  mailer: Mailer;
  mailFrom: string;
  /** The report store. */
  reportsDir: string;
  /** Where phase reports are sent. */
  miitReportEmail: string;
  /** Prints reports as PDF; without it they come without one. */
  pdf?: PdfRenderer;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities({ prisma, mailer, mailFrom, reportsDir, miitReportEmail, pdf }: ActivityDependencies) {
  const datasets = createDatasetCache(prisma);
  return failingFastOnDeterministicErrors({
    ...tipActivities(prisma),
    ...referralActivities(prisma),
    ...emailActivities({ prisma, mailer, from: mailFrom, reportsDir }),
    ...reportActivities({ prisma, reportsDir, miitReportEmail, datasets, pdf }),
    ...taskActivities(prisma),
    ...ruleCheckActivities(datasets),
    ...exportTraceActivities(prisma, datasets),
    ...directoryActivities(prisma),
  });
}

export type Activities = ReturnType<typeof createActivities>;
