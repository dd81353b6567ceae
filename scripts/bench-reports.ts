import { type CampaignDataset, type ReviewWindow } from '../domain/campaign';
import { type DispositionAmount, agenciesFor, investigatingAgency, measures, proposeHandlingPlan } from '../domain/catalogue';
import { generateCampaign, Prng, provinces } from '../demo/generator';
import { type RuleResult, checkAll } from '../domain/rules';
import {
  type AgencyFinding,
  type DispositionRecord,
  type DispositionStatus,
  type ProvinceReportData,
  type ReportCampaign,
  type TaskRecord,
  renderReport,
  ruleAnswersOf,
} from '../reports';
import { count, round, seconds } from './lib/benchFigures';
import { commandLine, optionValues } from './lib/commandLine';
import { z } from 'zod';

/**
 * `npm run bench:reports [-- --enterprises N] [-- --national N]`: annex 3 and annex 4 in every
 * format for one province of N generated enterprises (default 10,000), then the national roll-up
 * over a second generated campaign (default 100,000 enterprises in their provinces). The cases'
 * findings, measures and tasks are made up for the enterprises the rules flag, with every status
 * a measure can have. Prints progress, and as its last line one JSON object of the figures.
 */

const GENERATED_AT = '2015-02-15T02:00:00Z';
const options = { generatedAt: GENERATED_AT, draft: false };

interface CaseRecords {
  findings: AgencyFinding[];
  dispositions: DispositionRecord[];
  tasks: TaskRecord[];
  supervised: string[];
}

/**
 * What the agencies might have recorded by mid-acceptance: every verification done but a few
 * (some overdue), a finding for most rule findings, and the catalogue's measures for each flagged
 * enterprise, mostly accepted, some carried out, unfinished or still planned.
 */
function simulateCases(rng: Prng, dossiers: CampaignDataset['dossiers'], results: ReadonlyMap<string, RuleResult>): CaseRecords {
  const records: CaseRecords = { findings: [], dispositions: [], tasks: [], supervised: [] };
  const statuses: DispositionStatus[] = ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'done', 'done', 'unfinished', 'planned'];
  for (const { enterprise } of dossiers) {
    const code = enterprise.code;
    for (const agencyKind of agenciesFor(enterprise.types)) {
      const open = rng.chance(0.02);
      records.tasks.push({
        key: `${code}/verification/${agencyKind}`,
        enterpriseCode: code,
        kind: 'verification',
        agencyKind,
        dueAt: open && rng.chance(0.5) ? '2015-03-20T16:00:00Z' : '2014-11-25T16:00:00Z',
        status: open ? 'open' : 'completed',
      });
    }
    const findings = results.get(code)?.findings ?? [];
    if (findings.length === 0) continue;
    findings.forEach((violation, i) => {
      if (rng.chance(0.2)) return;
      records.findings.push({
        id: `${code}/finding/${i}`,
        enterpriseCode: code,
        violation,
        agencyKind: investigatingAgency(violation),
        amounts: { illegalGainsFen: rng.int(0, 5_000_000) * 100, unpaidTaxFen: rng.int(0, 1_000_000) * 100 },
      });
    });
    records.tasks.push({ key: `${code}/handlingPlan`, enterpriseCode: code, kind: 'handlingPlan', agencyKind: 'industry', dueAt: '2014-11-25T16:00:00Z', status: 'completed' });
    for (const { disposition, agencyKind } of proposeHandlingPlan(findings)) {
      const status = rng.pick(statuses);
      const amounts: Partial<Record<DispositionAmount, number>> = {};
      for (const { field } of measures[disposition].mustState) {
        if (field !== 'rectificationDeadline') amounts[field] = rng.int(1, 2_000_000) * 100;
      }
      records.dispositions.push({
        id: `${code}/disposition/${agencyKind}/${disposition}`,
        enterpriseCode: code,
        disposition,
        agencyKind,
        dueDate: '2015-01-31',
        status,
        ...(status === 'planned' ? { amounts: {} } : { documentNo: `BENCH-2015-${rng.int(1, 99_999)}`, amounts }),
        ...(status === 'unfinished' ? { unfinishedReason: 'equipment not yet dismantled (synthetic)', newCompletionDate: '2015-05-31' } : {}),
      });
      if (status === 'planned' || status === 'unfinished') {
        records.tasks.push({ key: `${code}/disposition/${disposition}`, enterpriseCode: code, kind: 'disposition', agencyKind, dueAt: '2015-01-31T16:00:00Z', status: 'open' });
      }
    }
    if (rng.chance(0.02)) records.supervised.push(code);
  }
  return records;
}

function campaignOf(window: ReviewWindow): ReportCampaign {
  return { id: 'bench-2014', name: 'Benchmark campaign (synthetic)', reviewWindow: window };
}

function provinceData(campaign: ReportCampaign, province: string, dossiers: CampaignDataset['dossiers'], results: ReadonlyMap<string, RuleResult>, rng: Prng): ProvinceReportData {
  const cases = simulateCases(rng, dossiers, results);
  return {
    campaign,
    province,
    enterprises: dossiers.map(({ enterprise }) => ({ code: enterprise.code, name: enterprise.name, types: enterprise.types })),
    rules: dossiers.flatMap(({ enterprise }) => {
      const result = results.get(enterprise.code);
      return result ? [ruleAnswersOf(result)] : [];
    }),
    ...cases,
    referrals: [],
    tips: [],
    typical: [],
  };
}

function generated(enterprises: number, seed: number) {
  let t = process.hrtime.bigint();
  const campaign = generateCampaign({ seed, enterprises });
  console.log(`generated ${enterprises} enterprises in ${seconds(t).toFixed(1)} s`);
  t = process.hrtime.bigint();
  const results = new Map(checkAll(campaign.dataset, campaign.window).map((r) => [r.enterpriseCode, r]));
  const flagged = [...results.values()].filter((r) => r.findings.length > 0).length;
  console.log(`rules over ${enterprises} enterprises in ${seconds(t).toFixed(1)} s (${flagged} with findings)`);
  return { campaign, results };
}

async function timed(label: string, render: () => Promise<{ xlsx: Buffer; csv: string; json: string; html: string }>): Promise<number> {
  const t = process.hrtime.bigint();
  const r = await render();
  const s = seconds(t);
  const mb = (n: number) => (n / 1e6).toFixed(1);
  console.log(`${label}: ${s.toFixed(2)} s (xlsx ${mb(r.xlsx.length)} MB, csv ${mb(Buffer.byteLength(r.csv))} MB, json ${mb(Buffer.byteLength(r.json))} MB, html ${mb(Buffer.byteLength(r.html))} MB)`);
  return s;
}

async function main(): Promise<void> {
  const { values } = commandLine({ enterprises: { type: 'string' }, national: { type: 'string' } });
  const { enterprises: provinceSize, national: nationalSize } = optionValues(z.object({ enterprises: count(10_000), national: count(100_000) }), values);

  // One province of N enterprises: the generator spreads enterprises over provinces, so all of them
  // are reported as one province here (the rules ran over the whole generated archive, as they do).
  const one = generated(provinceSize, 2014);
  const jiangxi = provinces.find((p) => p.code === '36')!.name;
  const province = provinceData(campaignOf(one.campaign.window), jiangxi, one.campaign.dataset.dossiers, one.results, new Prng(1));
  console.log(`case records: ${province.findings.length} findings, ${province.dispositions.length} measures, ${province.tasks.length} tasks`);
  const annex3 = await timed(`annex 3, ${provinceSize} enterprises`, () => renderReport('annex3', province, options));
  const annex4 = await timed(`annex 4, ${provinceSize} enterprises`, () => renderReport('annex4', province, options));

  const all = generated(nationalSize, 2015);
  const byProvince = new Map<string, CampaignDataset['dossiers'][number][]>();
  for (const dossier of all.campaign.dataset.dossiers) {
    const list = byProvince.get(dossier.enterprise.province) ?? [];
    list.push(dossier);
    byProvince.set(dossier.enterprise.province, list);
  }
  const rng = new Prng(2);
  const campaign = campaignOf(all.campaign.window);
  const national = { campaign, provinces: [...byProvince].map(([name, dossiers]) => provinceData(campaign, name, dossiers, all.results, rng)) };
  const rollup = await timed(`national roll-up, ${nationalSize} enterprises in ${byProvince.size} provinces`, () => renderReport('nationalSummary', national, options));

  console.log(
    JSON.stringify({
      annex3_10k_s: round(annex3),
      annex4_10k_s: round(annex4),
      rollup_100k_s: round(rollup),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
