import type { PrismaClient } from '@prisma/client';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { IsoDate, ReviewWindow, assembleDossiers, buildDataset, defaultReviewWindow } from '../domain/campaign';
import { checkEnterprise } from '../domain/rules';
import { listedProvince, seesProvince } from '../domain/access';
import { EnterpriseType } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { enterpriseArchive } from '../store/enterpriseArchive';
import { enterpriseVersion, listEnterprises, provinceOfEnterprise } from '../store/enterprises';
import { loadCampaignRecords } from '../store/loadCampaignRecords';
import { principalOf } from './auth';
import { HttpError, OutOfScopeError, parseOr, parseOr400 } from './errors';
import { error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';

const ListQuery = PageQuery.extend({
  province: ProvinceName.optional().meta({ description: 'MIIT only: everyone else sees their own province whatever they ask' }),
  type: EnterpriseType.optional(),
});

const ChecksQuery = z.object({
  from: IsoDate.optional().meta({ description: `first day of the review window; ${defaultReviewWindow.from} by default` }),
  to: IsoDate.optional().meta({ description: `last day of the review window; ${defaultReviewWindow.to} by default` }),
});

const ArchiveQuery = z.object({
  asOf: IsoDate.optional().meta({ description: "the day on which papers' validity is judged; today by default" }),
  ledgerPage: z.coerce.number().int().min(1).max(1_000_000).default(1),
  ledgerPageSize: z.coerce.number().int().min(1).max(1_000).default(200),
});

const CodePath = z.object({ code: UnifiedSocialCreditCode.meta({ description: '统一社会信用代码', example: '91360700MA35XXXX1A' }) });

const EnterpriseRow = z.object({ code: z.string(), name: z.string(), province: z.string(), types: z.array(EnterpriseType), currentVersion: z.number().int() });

/** The archive is wide (see store/enterpriseArchive.ts); the document names its sections. */
const Archive = z.object({
  enterprise: z.object({ code: z.string(), name: z.string(), province: z.string(), types: z.array(EnterpriseType), currentVersion: z.number().int() }),
  asOf: z.string(),
  miningLicences: z.array(z.record(z.string(), z.unknown())),
  permits: z.array(z.record(z.string(), z.unknown())),
  plans: z.array(z.record(z.string(), z.unknown())),
  ledger: z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), rows: z.array(z.record(z.string(), z.unknown())) }),
});

const Checks = z.object({
  reviewWindow: z.object({ from: z.string(), to: z.string() }),
  enterpriseCode: z.string(),
  annex3: z.record(z.string(), z.unknown()),
  findings: z.array(z.unknown()),
});

const Version = z.object({ version: z.number().int(), importedAt: z.iso.datetime(), importedBy: z.string(), source: z.string(), snapshot: z.unknown() });

const notFound = error('no such enterprise in your scope');

export const enterpriseOperations = {
  list: {
    method: 'get',
    path: '/enterprises',
    tag: 'enterprises',
    summary: 'The enterprise register (annex 1), by credit code',
    query: ListQuery,
    responses: { 200: { description: 'a page of enterprises', schema: Paged(EnterpriseRow) } },
  },
  archive: {
    method: 'get',
    path: '/enterprises/:code',
    tag: 'enterprises',
    summary: "An enterprise's production-and-operation archive (生产经营档案)",
    params: CodePath,
    query: ArchiveQuery,
    responses: { 200: { description: 'the archive', schema: Archive }, 404: notFound },
  },
  checks: {
    method: 'get',
    path: '/enterprises/:code/checks',
    tag: 'enterprises',
    summary: "The rule checks' answers to annex 3's questions, with evidence, over a review window",
    params: CodePath,
    query: ChecksQuery,
    responses: { 200: { description: 'annex 3 answers, other checks and finding codes', schema: Checks }, 404: notFound, 422: error('the window ends before it starts') },
  },
  version: {
    method: 'get',
    path: '/enterprises/:code/versions/:version',
    tag: 'enterprises',
    summary: 'What one import said about an enterprise (kept after later corrections)',
    params: CodePath.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }),
    responses: { 200: { description: 'the snapshot', schema: Version }, 404: error('no such enterprise or version') },
  },
} satisfies Record<string, Operation>;

/** The enterprise register and each enterprise's production-and-operation archive. */
export function enterpriseRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get(enterpriseOperations.list.path, async (req, res) => {
    const query = parseOr400(ListQuery, req.query, 'query');
    const me = principalOf(res);
    // Everyone but MIIT sees only their own province, whatever they ask for.
    const province = listedProvince(me, query.province);
    if (province === null || (query.province && !seesProvince(me, query.province))) return void res.json(paged([], query, 0));
    const { total, rows } = await listEnterprises(deps.prisma, { province, type: query.type, page: query.page, pageSize: query.pageSize });
    res.json(paged(rows.map(({ provinceName, ...e }) => ({ ...e, province: provinceName, types: e.types as EnterpriseType[] })), query, total));
  });

  /** An enterprise of another province answers 404, as if it did not exist. */
  const visibleEnterprise = async (res: Response, params: unknown): Promise<string> => {
    const { code } = parseOr400(CodePath, params, 'enterprise code');
    const province = await provinceOfEnterprise(deps.prisma, code);
    if (province === undefined) throw new HttpError(404, 'enterprise not found');
    if (!seesProvince(principalOf(res), province)) throw new OutOfScopeError('enterprise not found');
    return code;
  };

  router.get(enterpriseOperations.archive.path, async (req, res) => {
    const code = await visibleEnterprise(res, req.params);
    const query = parseOr400(ArchiveQuery, req.query, 'query');
    const archive = await enterpriseArchive(deps.prisma, code, {
      asOf: query.asOf ?? new Date().toISOString().slice(0, 10),
      ledger: { page: query.ledgerPage, pageSize: query.ledgerPageSize },
    });
    if (!archive) throw new HttpError(404, 'enterprise not found');
    res.json(archive satisfies z.input<typeof Archive>);
  });

  router.get(enterpriseOperations.checks.path, async (req, res) => {
    const code = await visibleEnterprise(res, req.params);
    const { from, to } = parseOr400(ChecksQuery, req.query, 'query');
    const window = parseOr(422, ReviewWindow, { from: from ?? defaultReviewWindow.from, to: to ?? defaultReviewWindow.to }, 'review window');
    // Suppliers and customers anywhere matter to the answers, so the rules see the whole archive.
    const dataset = buildDataset(assembleDossiers(await loadCampaignRecords(deps.prisma)));
    const dossier = dataset.byCode.get(code);
    if (!dossier) throw new HttpError(404, 'enterprise not found');
    res.json({ reviewWindow: window, ...checkEnterprise(dossier, dataset, window) });
  });

  router.get(enterpriseOperations.version.path, async (req, res) => {
    const { version } = parseOr400(enterpriseOperations.version.params, req.params, 'path');
    const code = await visibleEnterprise(res, req.params);
    const row = await enterpriseVersion(deps.prisma, code, version);
    if (!row) throw new HttpError(404, 'version not found');
    res.json({ version: row.version, importedAt: row.importedAt.toISOString(), importedBy: row.importedBy, source: row.source, snapshot: row.snapshot } satisfies z.input<typeof Version>);
  });

  return router;
}
