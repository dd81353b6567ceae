import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import type { EmailToSend } from '../../../activities/email';

// Shorter than production's 15 s so that a frozen relay costs the test several attempts quickly;
// the activity fits its SMTP session inside whatever timeout it is given.
const { sendEmail } = proxyActivities<Activities>({ startToCloseTimeout: '5 seconds', retry: { initialInterval: '200 milliseconds', maximumInterval: '1 second' } });

/** One outbox email through Temporal's own timeouts and retries. */
export async function sendEmailOnceWorkflow(email: EmailToSend) {
  return sendEmail(email);
}
