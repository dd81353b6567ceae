import type { PrismaClient } from '@prisma/client';
import type { Transporter } from 'nodemailer';
import { benchmarkActivities } from './benchmark';
import { directoryActivities } from './directory';
import { emailActivities } from './email';
import { ruleCheckActivities } from './ruleChecks';
import { taskActivities } from './tasks';
import { tipActivities } from './tips';

export interface ActivityDependencies {
  prisma: PrismaClient;
  mailer: Transporter;
  mailFrom: string;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities({ prisma, mailer, mailFrom }: ActivityDependencies) {
  return {
    ...tipActivities(prisma),
    ...emailActivities({ prisma, mailer, from: mailFrom }),
    ...taskActivities(prisma),
    ...ruleCheckActivities(prisma),
    ...directoryActivities(prisma),
    ...benchmarkActivities(),
  };
}

export type Activities = ReturnType<typeof createActivities>;
