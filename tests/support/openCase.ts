import type { Client } from '@temporalio/client';
import { flattenDossiers } from '../../domain/campaign';
import { agenciesFor } from '../../domain/catalogue';
import { generateCampaign, provinces } from '../../demo/generator';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { useHarness, type Harness } from './harness';
import { waitFor } from './waitFor';

export interface OpenCase {
  campaignId: string;
  province: string;
  /** The province's code, as in the demo tokens (`<code>-tax-staff`). */
  provinceCode: string;
  enterpriseCode: string;
  caseId: string;
  /** The case's self-inspection tasks, open, by agency. */
  tasks: Record<string, string>;
}

/**
 * A campaign in real time over one generated enterprise, so that nothing moves while a test works
 * its self-inspection tasks through the API.
 */
export async function openCase(h: Harness, campaignId: string, seed: number): Promise<OpenCase> {
  const generated = generateCampaign({ seed, enterprises: 10 });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
  const { enterprise } = generated.dataset.dossiers[0];
  const provinceCode = provinces.find((p) => p.name === enterprise.province)!.code;
  const created = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: `${campaignId} (test)`, provinces: [enterprise.province], enterprises: [enterprise.code] }),
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${created.status} ${await created.text()}`);
  const caseId = `case/${campaignId}/${enterprise.province}/${enterprise.code}`;
  // Every enterprise type routes a task to the industry department, to tax and to one more agency.
  const tasks = await waitFor('self-inspection tasks', async () => {
    const rows = await h.prisma.caseTask.findMany({ where: { caseId, kind: 'verification' }, select: { key: true, agencyKind: true } });
    return rows.length === agenciesFor(enterprise.types).length ? rows : undefined;
  });
  return { campaignId, province: enterprise.province, provinceCode, enterpriseCode: enterprise.code, caseId, tasks: Object.fromEntries(tasks.map((t) => [t.agencyKind, t.key])) };
}

export interface RetryingActivity {
  workflowId: string;
  activity: string;
  attempt: number;
  lastFailure?: string;
}

/** Activities of running workflows on the task queue past their third attempt: what retries for ever. */
export async function retryingActivities(client: Client, taskQueue: string): Promise<RetryingActivity[]> {
  const found: RetryingActivity[] = [];
  for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
    const { raw } = await client.workflow.getHandle(wf.workflowId).describe();
    for (const a of raw.pendingActivities ?? []) {
      if ((a.attempt ?? 0) > 3) found.push({ workflowId: wf.workflowId, activity: a.activityType?.name ?? '?', attempt: a.attempt ?? 0, lastFailure: a.lastFailure?.message ?? undefined });
    }
  }
  return found;
}

/** For a test file: a harness on a fresh database (see `useHarness`) and an open case. */
export function useOpenCase(name: string, seed: number): { readonly h: Harness; readonly c: OpenCase } {
  const h = useHarness(name);
  let c: OpenCase;
  beforeAll(async () => {
    c = await openCase(h, name, seed);
  });
  return {
    h,
    get c() {
      return c;
    },
  };
}
