import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Tip } from '../domain/tip';

const { recordTip } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Records a tip-off (举报线索) so that it enters the campaign's archive exactly once. */
export async function tipIntakeWorkflow(tip: Tip): Promise<{ tipId: string }> {
  await recordTip(tip);
  return { tipId: tip.id };
}
