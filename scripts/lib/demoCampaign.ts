import { DEMO_USER_AGENT } from '../../api/requestLog';
import type { Logger } from '../../platform/logger';
import { coordinatorLinks, type WebUiLink } from '../../platform/webUiLinks';
import { provinces } from '../../demo/generator';
import { startAutopilot } from './autopilot';

export const DEMO_CAMPAIGN_ID = 'demo-2014';
const MIIT = 'demo-national-miit-miitCoordinator';

/** The Web UI links for the demo campaign, as the README lists them and the start-up banner prints them. */
export function demoWebUiLinks(uiUrl: string, namespace: string): WebUiLink[] {
  return coordinatorLinks({ uiUrl, namespace, campaignId: DEMO_CAMPAIGN_ID, province: '江西省', violation: 'illegalMining' });
}

/**
 * The demo a newcomer sees on `npm start`: the 2014 campaign over the demo provinces on a fast
 * clock, started once (a later start only resumes it), and simulated staff working its tasks.
 */
export async function runDemoCampaign(options: {
  apiUrl: string;
  /** Whether an earlier start already created it (the supervisor knows from the database). */
  alreadyStarted: boolean;
  daysPerSecond: number;
  autopilot: boolean;
  latePercent: number;
  log: Logger;
}) {
  const { apiUrl, log } = options;
  if (!options.alreadyStarted) {
    const started = await fetch(`${apiUrl}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': DEMO_USER_AGENT, authorization: `Bearer ${MIIT}` },
      body: JSON.stringify({ id: DEMO_CAMPAIGN_ID, name: '打击稀土违法违规行为专项行动（演示 demo）', provinces: provinces.map((p) => p.name), daysPerSecond: options.daysPerSecond }),
    });
    if (!started.ok) throw new Error(`could not start the demo campaign: ${started.status} ${await started.text()}`);
    log.info({ campaign: DEMO_CAMPAIGN_ID, daysPerSecond: options.daysPerSecond }, 'demo campaign started');
  } else {
    log.info({ campaign: DEMO_CAMPAIGN_ID }, 'demo campaign already exists: resuming');
  }
  if (!options.autopilot) return undefined;
  const codeOf = new Map(provinces.map((p) => [p.name, p.code]));
  const dayMs = 1_000 / options.daysPerSecond;
  return startAutopilot({
    apiUrl,
    staffToken: (province, agency) => `demo-${codeOf.get(province)}-${agency}-staff`,
    overseerToken: MIIT,
    coordinatorToken: (province) => `demo-${codeOf.get(province)}-industry-provincialCoordinator`,
    latePercent: options.latePercent,
    // Late tasks are done a while after discipline inspection has been told (grace of 7 days).
    lateByMs: 10 * dayMs,
    onError: (error) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'autopilot step failed'),
  });
}
