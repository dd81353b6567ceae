import type { PrismaClient } from '@prisma/client';
import express, { Router } from 'express';
import { z } from 'zod';
import { submitsRecordsFor } from '../domain/access';
import { defaultReviewWindow, type ReviewWindow } from '../domain/campaign';
import { provinceNames } from '../domain/provinces';
import { MAX_FILE_BYTES, buildTemplateWorkbook, parseCampaignFile, type IntakeOptions } from '../intake';
import type { Logger } from '../platform/logger';
import { isoOf } from '../store/decimal';
import { storeIntake } from '../store/storeIntake';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';

const ImportQuery = z.object({
  /** Shown in the problem report; the format itself is told by the content. */
  fileName: z.string().trim().min(1).max(255).default('upload'),
  /** Validate and report, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  campaign: z.string().trim().min(1).max(64).optional(),
});

const TemplateQuery = z.object({ campaign: z.string().trim().min(1).max(64).optional() });

const TemplateKind = z.enum(['annex1', 'annex2'], { error: 'templates are annex1.xlsx and annex2.xlsx' });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Annex 1 and annex 2 files in, blank templates out. A file is read whole and checked whole:
 * every problem comes back at once (422) and nothing is written unless there are none.
 */
export function importRoutes(deps: { prisma: PrismaClient; log: Logger }): Router {
  const router = Router();

  /** Months are checked against the campaign's review window, the 2014 one unless a campaign is named. */
  const intakeOptions = async (campaignId: string | undefined): Promise<IntakeOptions> => {
    let reviewWindow: ReviewWindow = defaultReviewWindow;
    if (campaignId !== undefined) {
      const campaign = await deps.prisma.campaign.findUnique({ where: { id: campaignId }, select: { reviewWindowStart: true, reviewWindowEnd: true } });
      if (!campaign) throw new HttpError(404, 'campaign not found');
      reviewWindow = { from: isoOf(campaign.reviewWindowStart), to: isoOf(campaign.reviewWindowEnd) };
    }
    return { reviewWindow, provinces: provinceNames };
  };

  router.get('/templates/:file', async (req, res) => {
    const kind = parseOr400(TemplateKind, req.params.file.replace(/\.xlsx$/, ''), 'template');
    const query = parseOr400(TemplateQuery, req.query, 'query');
    const workbook = await buildTemplateWorkbook(kind, await intakeOptions(query.campaign));
    res.type(XLSX_TYPE).attachment(`${kind}-template.xlsx`).send(workbook);
  });

  router.post('/imports', express.raw({ type: () => true, limit: MAX_FILE_BYTES }), async (req, res) => {
    const query = parseOr400(ImportQuery, req.query, 'query');
    const me = principalOf(res);
    if (!submitsRecordsFor(me, me.province ?? '')) {
      throw new HttpError(403, 'only the industry department, the provincial coordinator or MIIT submit enterprise records');
    }
    const content: unknown = req.body;
    const result = await parseCampaignFile({ fileName: query.fileName, content: Buffer.isBuffer(content) ? content : Buffer.alloc(0) }, await intakeOptions(query.campaign));
    if (!result.ok) {
      throw new HttpError(422, `${query.fileName}: ${result.problems.length} problem(s); nothing was imported`, result.problems);
    }
    const foreign = [...new Set(result.records.enterprises.map((e) => e.province))].filter((p) => !submitsRecordsFor(me, p));
    if (foreign.length > 0) throw new HttpError(403, `you may not submit records of ${foreign.join('、')}; nothing was imported`);

    const enterprises = result.records.enterprises.length;
    // One file: how it was read, so a clerk sees that a GBK CSV was taken as GB18030.
    const [{ format, encoding }] = result.summary.files;
    const read = { format, ...(encoding ? { encoding } : {}) };
    if (query.dryRun) return void res.json({ dryRun: true, kind: result.summary.kind, ...read, rows: result.summary.rows, enterprises });
    const outcome = await storeIntake(deps.prisma, result, { source: `import:${query.fileName}`, actor: me.staffId });
    deps.log.info({ fileName: query.fileName, by: me.staffId, created: outcome.created.length, changed: outcome.changed.length }, 'records imported');
    res.json({ dryRun: false, kind: result.summary.kind, ...read, rows: result.summary.rows, enterprises, ...outcome });
  });

  return router;
}
