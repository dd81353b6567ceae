import type { PrismaClient } from '@prisma/client';
import express, { Router } from 'express';
import { z } from 'zod';
import { submitsRecordsFor } from '../domain/access';
import { defaultReviewWindow, type ReviewWindow } from '../domain/campaign';
import { CampaignId } from '../domain/caseIds';
import { provinceNames } from '../domain/provinces';
import { text } from '../domain/text';
import { MAX_FILE_BYTES, buildDirectoryTemplate, buildTemplateWorkbook, parseCampaignFile, type IntakeOptions } from '../intake';
import type { Logger } from '../platform/logger';
import { campaignReviewWindow } from '../store/campaigns';
import { storeIntake } from '../store/storeIntake';
import { auditInTransaction, type AuditNote } from './auditNote';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { error, QueryBoolean, type Operation } from './operation';

const ImportQuery = z.object({
  fileName: text(255).default('upload').meta({ description: 'shown in the problem report; the content tells the format' }),
  dryRun: QueryBoolean.default(false).meta({ description: 'validate and report, write nothing' }),
  campaign: CampaignId.optional().meta({ description: "check months against this campaign's review window (the 2014 one by default)" }),
});

const TemplateQuery = z.object({ campaign: CampaignId.optional().meta({ description: "whose review window the month list offers; the 2014 one by default" }) });

const TemplatePath = z.object({ file: z.enum(['annex1.xlsx', 'annex2.xlsx', 'directory.xlsx'], { error: 'templates are annex1.xlsx, annex2.xlsx and directory.xlsx' }) });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Imported = z.object({
  dryRun: z.boolean(),
  kind: z.enum(['annex1', 'annex2']),
  /** How the file was read: a CSV saved by Chinese Excel is GB18030, not UTF-8. */
  format: z.enum(['xlsx', 'csv', 'json']),
  encoding: z.enum(['UTF-8', 'GB18030']).optional(),
  rows: z.record(z.string(), z.number().int()),
  enterprises: z.number().int(),
  created: z.array(z.string()).optional(),
  changed: z.array(z.string()).optional(),
  unchanged: z.array(z.string()).optional(),
  rowsWritten: z.number().int().optional(),
});

const Problems = z.object({
  error: z.string(),
  details: z.array(z.object({ sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional(), reason: z.object({ zh: z.string(), en: z.string() }) })),
});

const noCampaign = error('no such campaign');

export const importOperations = {
  template: {
    method: 'get',
    path: '/templates/:file',
    tag: 'imports',
    summary: 'A blank annex 1 (enterprise list), annex 2 (full form) or directory (offices and staff) template, with drop-down lists',
    params: TemplatePath,
    query: TemplateQuery,
    responses: { 200: { description: 'the workbook', mediaTypes: [XLSX_TYPE] }, 404: noCampaign },
  },
  import: {
    method: 'post',
    path: '/imports',
    tag: 'imports',
    summary: 'Import a filled-in template (.xlsx, CSV or JSON; the content decides): all or nothing, idempotent by credit code',
    description:
      'The industry department and the provincial coordinator of a province import its enterprises; MIIT any. A file with problems answers 422 and `details` lists every one by sheet, row, column and value, with the reason in Chinese and English; nothing is written. An unchanged enterprise is left alone; a changed one gets a new version and keeps the old.',
    query: ImportQuery,
    body: { mediaTypes: [XLSX_TYPE, 'text/csv', 'application/json', 'application/octet-stream'], description: 'the file as it is, up to 20 MB' },
    responses: {
      200: { description: 'imported (or, with dryRun, checked): rows per sheet, and the credit codes created, changed and unchanged', schema: Imported },
      403: error('not allowed to submit records, or for a province not yours'),
      404: noCampaign,
      413: error('over 20 MB'),
      422: { description: 'the problems; nothing was written', schema: Problems },
      429: error('too many imports by this person or from this address: wait Retry-After seconds'),
    },
  },
} satisfies Record<string, Operation>;

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
      const window = await campaignReviewWindow(deps.prisma, campaignId);
      if (!window) throw new HttpError(404, 'campaign not found');
      reviewWindow = window;
    }
    return { reviewWindow, provinces: provinceNames };
  };

  router.get(importOperations.template.path, async (req, res) => {
    const { file } = parseOr400(TemplatePath, req.params, 'template');
    const query = parseOr400(TemplateQuery, req.query, 'query');
    if (file === 'directory.xlsx') return void res.type(XLSX_TYPE).attachment('directory-template.xlsx').send(await buildDirectoryTemplate());
    const kind = file === 'annex1.xlsx' ? 'annex1' : 'annex2';
    const workbook = await buildTemplateWorkbook(kind, await intakeOptions(query.campaign));
    res.type(XLSX_TYPE).attachment(`${kind}-template.xlsx`).send(workbook);
  });

  router.post(importOperations.import.path, express.raw({ type: () => true, limit: MAX_FILE_BYTES }), async (req, res) => {
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
    if (query.dryRun) return void res.json({ dryRun: true, kind: result.summary.kind, ...read, rows: result.summary.rows, enterprises } satisfies z.input<typeof Imported>);
    const note: AuditNote = { action: 'imports.import', objectType: 'import', objectId: query.fileName, province: me.province };
    res.locals.audit = note;
    const outcome = await storeIntake(deps.prisma, result, {
      source: `import:${query.fileName}`,
      actor: me.staffId,
      audit: (stored) => auditInTransaction(res, { ...note, after: { kind: result.summary.kind, created: stored.created, changed: stored.changed } }),
    });
    deps.log.info({ fileName: query.fileName, by: me.staffId, created: outcome.created.length, changed: outcome.changed.length }, 'records imported');
    res.json({ dryRun: false, kind: result.summary.kind, ...read, rows: result.summary.rows, enterprises, ...outcome } satisfies z.input<typeof Imported>);
  });

  return router;
}
