import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { emailActivities, messageIdFor } from '../../activities/email';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { createMailer } from '../../platform/mailer';
import type { StoredMail } from '../../platform/mailSink';
import { useFreshDatabase } from '../support/freshDatabase';
import { services } from '../support/services';

const db = useFreshDatabase();

const mailbox = async (to: string) => (await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as StoredMail[];

/** An SMTP relay of the test's own behaviour, for `use` to send through; closed afterwards. */
async function throughRelay(options: Omit<SMTPServerOptions, 'authOptional' | 'disabledCommands' | 'logger'>, use: (sendEmail: ReturnType<typeof emailActivities>['sendEmail']) => Promise<void>): Promise<void> {
  const relay = new SMTPServer({ ...options, authOptional: true, disabledCommands: ['STARTTLS'], logger: false });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  try {
    const port = (relay.server.address() as AddressInfo).port;
    await use(emailActivities({ prisma: db.prisma, mailer: createMailer(`smtp://127.0.0.1:${port}`), from: 'campaign@test.example', reportsDir: os.tmpdir() }).sendEmail);
  } finally {
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  }
}

describe('the email outbox', () => {
  test('a step sends one email however often the activity runs', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: createMailer(services().smtpUrl), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const to = `head-${randomUUID()}@tax.example`;
    const email = { key: `task-${randomUUID()}/agencyHead`, to: [to], subject: '任务逾期 Task overdue', body: '请督促办理 please act' };
    const first = await sendEmail(email);
    const second = await sendEmail(email);
    expect(first).toEqual({ messageId: messageIdFor(email.key), alreadySent: false, to: [to] });
    expect(second).toEqual({ messageId: messageIdFor(email.key), alreadySent: true, to: [to] });
    const received = await mailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ subject: '任务逾期 Task overdue', messageId: messageIdFor(email.key) });
    expect(await db.prisma.outboundEmail.findUnique({ where: { key: email.key } })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('an attempt that died after the body went out is held as unknown, never resent', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: createMailer(services().smtpUrl), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const to = `discipline-${randomUUID()}@jiangxi.example`;
    const email = { key: `task-${randomUUID()}/disciplineInspection`, to: [to], subject: 'subject', body: 'body' };
    await sendEmail(email);
    // What a worker killed between the server's acceptance and the outbox update leaves behind:
    // the body gone out, the row still pending, the lease run out.
    await db.prisma.outboundEmail.update({ where: { key: email.key }, data: { status: 'pending', leaseOwner: 'a dead worker', leaseUntil: new Date(Date.now() - 1_000) } });
    expect(await sendEmail(email)).toEqual({ messageId: messageIdFor(email.key), alreadySent: false, to: [to], unconfirmed: true });
    expect(await db.prisma.outboundEmail.findUnique({ where: { key: email.key } })).toMatchObject({ status: 'unknown', leaseOwner: null });
    // Held: later attempts send nothing either.
    expect(await sendEmail(email)).toMatchObject({ unconfirmed: true });
    const received = await mailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0].step).toBe('disciplineInspection');
  });

  test('a relay that takes the whole body and never answers leaves the email unknown, held, not resent', async () => {
    let bodies = 0;
    // Reads the message to its end, then says nothing: the connection stalls after DATA.
    await throughRelay({ onData: (stream) => stream.on('end', () => bodies++).resume() }, async (sendEmail) => {
      const email = { key: `task-${randomUUID()}/reminder`, to: ['staff@tax.example'], subject: 's', body: 'b' };
      expect(await sendEmail(email)).toMatchObject({ alreadySent: false, unconfirmed: true });
      expect(bodies).toBe(1);
      const row = await db.prisma.outboundEmail.findUniqueOrThrow({ where: { key: email.key } });
      expect(row).toMatchObject({ status: 'unknown', leaseOwner: null, attempts: 1 });
      expect(row.dataSentAt).not.toBeNull();
      // A retry sends nothing: the relay sees no second body.
      expect(await sendEmail(email)).toMatchObject({ unconfirmed: true });
      expect(bodies).toBe(1);
    });
  }, 60_000);

  test('while another attempt holds the send lease, a second one sends nothing and says so', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: createMailer(services().smtpUrl), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const to = `head-${randomUUID()}@tax.example`;
    const email = { key: `task-${randomUUID()}/agencyHead`, to: [to], subject: 's', body: 'b' };
    await db.prisma.outboundEmail.create({
      data: { key: email.key, messageId: messageIdFor(email.key), to: email.to, cc: [], subject: email.subject, body: email.body, leaseOwner: 'a slow worker', leaseUntil: new Date(Date.now() + 60_000) },
    });
    await expect(sendEmail(email)).rejects.toMatchObject({ type: 'EmailSendLeaseHeld' });
    expect(await mailbox(to)).toHaveLength(0);
  });

  test('a live sender renews its lease as it goes, so a lease never runs far past its holder', async () => {
    // Takes the body, then answers only after four seconds: a slow send.
    await throughRelay({ onData: (stream, _session, done) => stream.on('end', () => setTimeout(done, 4_000)).resume() }, async (sendEmail) => {
      const email = { key: `task-${randomUUID()}/reminder`, to: ['staff@tax.example'], subject: 's', body: 'b' };
      const sending = sendEmail(email);
      const leaseUntil = async () => (await db.prisma.outboundEmail.findUnique({ where: { key: email.key } }))?.leaseUntil?.getTime() ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const early = await leaseUntil();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const later = await leaseUntil();
      expect(later).toBeGreaterThan(early);
      // One term (15 s) ahead at most, whatever the attempt's own length: a dead holder frees the message soon.
      expect(later - Date.now()).toBeLessThanOrEqual(16_000);
      await expect(sendEmail(email)).rejects.toMatchObject({ type: 'EmailSendLeaseHeld' });
      expect(await sending).toMatchObject({ alreadySent: false });
      expect(await db.prisma.outboundEmail.findUnique({ where: { key: email.key } })).toMatchObject({ status: 'sent', leaseOwner: null, attempts: 1 });
    });
  }, 60_000);

  test('a sender that loses its lease stops before the body goes out', async () => {
    let bodies = 0;
    // Answers MAIL FROM only after three seconds, time for the lease to pass to someone else.
    const relay: Parameters<typeof throughRelay>[0] = {
      onMailFrom: (_address, _session, done) => setTimeout(done, 3_000),
      onData: (stream, _session, done) => stream.on('end', () => (bodies++, done())).resume(),
    };
    await throughRelay(relay, async (sendEmail) => {
      const email = { key: `task-${randomUUID()}/reminder`, to: ['staff@tax.example'], subject: 's', body: 'b' };
      const sending = sendEmail(email);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db.prisma.outboundEmail.update({ where: { key: email.key }, data: { leaseOwner: 'another worker', leaseUntil: new Date(Date.now() + 60_000) } });
      await expect(sending).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(bodies).toBe(0);
      expect(await db.prisma.outboundEmail.findUnique({ where: { key: email.key } })).toMatchObject({ status: 'pending', leaseOwner: 'another worker', dataSentAt: null });
    });
  }, 60_000);

  test('an SMTP failure leaves the step pending with the error, for the retry', async () => {
    const { sendEmail } = emailActivities({ prisma: db.prisma, mailer: createMailer('smtp://127.0.0.1:1'), from: 'campaign@test.example', reportsDir: os.tmpdir() });
    const email = { key: `task-${randomUUID()}/reminder`, to: ['x@example.org'], subject: 's', body: 'b' };
    await expect(sendEmail(email)).rejects.toThrow();
    const row = await db.prisma.outboundEmail.findUniqueOrThrow({ where: { key: email.key } });
    expect(row).toMatchObject({ status: 'pending', leaseOwner: null, dataSentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
  });
});
