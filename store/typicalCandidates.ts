import type { PrismaClient } from '@prisma/client';
import { assembleDossiers, buildDataset, type CampaignDataset } from '../domain/campaign';
import { checkEnterprise } from '../domain/rules';
import type { ExportTrace } from '../domain/trace';
import { type TypicalCandidate, proposeTypicalCases } from '../reports/typical';
import { loadCampaignRecords } from './loadCampaignRecords';
import { loadProvinceReportData } from './reportData';

/**
 * The system's proposals for a province (reports/typical.ts decides): its enterprises and measures
 * from the report data, off-site invoicing from the rules' evidence, the campaign's export traces,
 * and the tips whose verification recorded a violation.
 */
export async function typicalCandidates(prisma: PrismaClient, request: { campaignId: string; province: string; supervised: readonly string[]; dataset?: CampaignDataset }): Promise<TypicalCandidate[]> {
  const dataset = request.dataset ?? buildDataset(assembleDossiers(await loadCampaignRecords(prisma)));
  const data = await loadProvinceReportData(prisma, { ...request, dataset });
  const offSiteKg = new Map<string, number>();
  for (const e of data.enterprises) {
    const dossier = dataset.byCode.get(e.code);
    if (!dossier) continue;
    const kg = checkEnterprise(dossier, dataset, data.campaign.reviewWindow).offSiteInvoicing.evidence.reduce((sum, ev) => sum + (ev.kind === 'offSiteInvoice' ? ev.kgReo : 0), 0);
    offSiteKg.set(e.code, kg);
  }
  const traces = await prisma.exportTrace.findMany({ where: { campaignId: request.campaignId }, select: { exporterCode: true, trace: true } });
  const untracedKg = new Map<string, number>();
  const illegalTraceExporters = new Set<string>();
  for (const row of traces) {
    const trace = row.trace as unknown as ExportTrace;
    if (trace.illegalSource) illegalTraceExporters.add(row.exporterCode);
    for (const link of trace.links) untracedKg.set(link.code, Math.max(untracedKg.get(link.code) ?? 0, link.untracedKg));
  }
  const tips = await prisma.tip.findMany({ where: { province: request.province, triagedAt: { not: null } }, select: { outcome: true } });
  const tipTasks = tips.map((t) => t.outcome as { action?: string; campaignId?: string; taskKey?: string } | null).filter((o) => o?.action === 'linkToCase' && o.campaignId === request.campaignId && o.taskKey);
  const confirmed = await prisma.caseFinding.findMany({ where: { taskKey: { in: tipTasks.map((o) => o!.taskKey!) } }, select: { enterpriseCode: true } });
  return proposeTypicalCases({
    province: request.province,
    enterprises: data.enterprises,
    dispositions: data.dispositions,
    supervised: data.supervised,
    offSiteKg,
    untracedKg,
    illegalTraceExporters,
    confirmedTips: new Set(confirmed.map((f) => f.enterpriseCode)),
  });
}
