import os from 'node:os';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { emailActivities, messageIdFor } from '../../activities/email';
import type { StoredMail } from '../../platform/mailSink';
import { useFreshDatabase } from '../support/freshDatabase';
import { services } from '../support/services';

const db = useFreshDatabase();

const mailbox = async (to: string) => (await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as StoredMail[];

describe('the email outbox', () => {
  test('a step sends one email however often the activity runs', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: nodemailer.createTransport(services().smtpUrl), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const to = `head-${randomUUID()}@tax.example`;
    const email = { key: `task-${randomUUID()}/agencyHead`, to: [to], subject: '任务逾期 Task overdue', body: '请督促办理 please act' };
    const first = await sendEmail(email);
    const second = await sendEmail(email);
    expect(first).toEqual({ messageId: messageIdFor(email.key), alreadySent: false });
    expect(second).toEqual({ messageId: messageIdFor(email.key), alreadySent: true });
    const received = await mailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ subject: '任务逾期 Task overdue', messageId: messageIdFor(email.key) });
    expect(await db.prisma.outboundEmail.findUnique({ where: { key: email.key } })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('a resend after a crash between SMTP acceptance and the outbox update is dropped by Message-ID', async () => {
    const mailer = nodemailer.createTransport(services().smtpUrl);
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer, from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const to = `discipline-${randomUUID()}@jiangxi.example`;
    const email = { key: `task-${randomUUID()}/disciplineInspection`, to: [to], subject: 'subject', body: 'body' };
    await sendEmail(email);
    // Simulate the crash: the message went out but the row never learnt it.
    await db.prisma.outboundEmail.update({ where: { key: email.key }, data: { status: 'pending' } });
    await sendEmail(email);
    expect(await mailbox(to)).toHaveLength(1);
  });

  test('an SMTP failure leaves the step pending with the error, for the retry', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: nodemailer.createTransport('smtp://127.0.0.1:1'), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const email = { key: `task-${randomUUID()}/reminder`, to: ['x@example.org'], subject: 's', body: 'b' };
    await expect(sendEmail(email)).rejects.toThrow();
    const row = await db.prisma.outboundEmail.findUniqueOrThrow({ where: { key: email.key } });
    expect(row.status).toBe('pending');
    expect(row.lastError).toMatch(/ECONNREFUSED/);
  });
});
