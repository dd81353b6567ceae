import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { StoredMail } from '../../platform/mailSink';
import { services } from '../support/services';

test('the mail sink is a real SMTP server whose messages can be read over HTTP', async () => {
  const to = `discipline-${randomUUID()}@jiangxi.example`;
  const transport = nodemailer.createTransport(services().smtpUrl);
  await transport.sendMail({ from: 'campaign@example.org', to, subject: '逾期任务 overdue task', text: '请处理 please act' });
  transport.close();

  const mails = (await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as StoredMail[];
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ from: 'campaign@example.org', to: [to], subject: '逾期任务 overdue task' });
  expect(mails[0].text.trim()).toBe('请处理 please act');

  const page = await (await fetch(services().mailboxUrl)).text();
  expect(page).toContain('逾期任务 overdue task');
});
