import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { quickActivity } from './activityOptions';
import type { EmailToSend } from '../activities/email';

const { sendEmail } = proxyActivities<Activities>({
  ...quickActivity,
  // A password link is worth sending only while it works: retries stop within its lifetime.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 100 },
});

/**
 * An email about a person's account (a one-time password link), sent through the outbox as
 * escalations are: at most once per key, retried while the relay is down, whoever else is trying.
 */
export async function accountEmailWorkflow(email: EmailToSend): Promise<{ messageId: string }> {
  const sent = await sendEmail(email);
  return { messageId: sent.messageId };
}
