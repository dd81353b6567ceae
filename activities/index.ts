import type { PrismaClient } from '@prisma/client';
import type { Transporter } from 'nodemailer';
import { benchmarkActivities } from './benchmark';
import { directoryActivities } from './directory';
import { emailActivities } from './email';
import { reportActivities } from './reports';
import { ruleCheckActivities } from './ruleChecks';
import { taskActivities } from './tasks';
import { tipActivities } from './tips';

export interface ActivityDependencies {
  prisma: PrismaClient;
  mailer: Transporter;
  mailFrom: string;
  /** The report store. */
  reportsDir: string;
  /** Where phase reports are sent. */
  miitReportEmail: string;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities({ prisma, mailer, mailFrom, reportsDir, miitReportEmail }: ActivityDependencies) {
  return {
    ...tipActivities(prisma),
    ...emailActivities({ prisma, mailer, from: mailFrom, reportsDir }),
    ...reportActivities({ prisma, reportsDir, miitReportEmail }),
    ...taskActivities(prisma),
    ...ruleCheckActivities(prisma),
    ...directoryActivities(prisma),
    ...benchmarkActivities(),
  };
}

export type Activities = ReturnType<typeof createActivities>;
