import type { PrismaClient } from '@prisma/client';
import type { CampaignDataset, ReviewWindow } from '../domain/campaign';
import type { CampaignTimeBase } from '../domain/campaignClock';
import type { CaseTiming } from '../workflows/caseMessages';
import { type TraceIndex, type TraceMeasure, traceExporter, traceIndex, traceMeasures } from '../domain/trace';
import type { DatasetCache } from '../store/datasetCache';
import { saveExportTrace } from '../store/exportTraces';
import { whileBeating } from './heartbeat';

export interface TraceExportInput {
  caseId: string;
  campaignId: string;
  province: string;
  exporterCode: string;
  window: ReviewWindow;
  /** The exporter case's: the referrals of the chain's links in other provinces run on them. Absent in traces started before. */
  timing?: CaseTiming;
  clock?: CampaignTimeBase;
}

/** What the trace workflow needs to tell the chain: the figures, every link reached, and the measures. */
export interface TraceOutcome {
  exportedKg: number;
  untracedKg: number;
  illegalKg: number;
  /** Listed enterprises on the chain, the exporter first, with their provinces. */
  links: { code: string; name: string; province: string }[];
  measures: TraceMeasure[];
}

export function exportTraceActivities(prisma: PrismaClient, datasets: DatasetCache) {
  // Every exporter's trace reads the same purchases: index them once per dataset the cache hands out.
  const indexes = new WeakMap<CampaignDataset, Map<string, TraceIndex>>();
  const indexFor = (dataset: CampaignDataset, window: ReviewWindow) => {
    let byWindow = indexes.get(dataset);
    if (!byWindow) indexes.set(dataset, (byWindow = new Map()));
    const key = `${window.from}/${window.to}`;
    let index = byWindow.get(key);
    if (!index) byWindow.set(key, (index = traceIndex(dataset, window)));
    return index;
  };
  return {
    /** Computes the exporter's trace from the archive as it is now and stores it under the case. */
    async traceExport(input: TraceExportInput): Promise<TraceOutcome | undefined> {
      const dataset = await whileBeating(() => datasets.get());
      if (!dataset.byCode.has(input.exporterCode)) return undefined;
      const trace = traceExporter(indexFor(dataset, input.window), input.exporterCode);
      await whileBeating(() => saveExportTrace(prisma, { caseId: input.caseId, campaignId: input.campaignId, province: input.province, exporterCode: input.exporterCode, trace }));
      return {
        exportedKg: trace.exportedKg,
        untracedKg: trace.links.reduce((kg, l) => kg + l.untracedKg, 0),
        illegalKg: trace.links[0].illegalKg,
        links: trace.links.flatMap((l) => (l.listed && l.province !== undefined ? [{ code: l.code, name: l.name, province: l.province }] : [])),
        measures: traceMeasures(trace),
      };
    },
  };
}
