import type { PrismaClient } from '@prisma/client';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { IsoDate, ReviewWindow, assembleDossiers, buildDataset, defaultReviewWindow } from '../domain/campaign';
import { checkEnterprise } from '../domain/rules';
import { seesProvince } from '../domain/access';
import { EnterpriseType } from '../domain/enums';
import { UnifiedSocialCreditCode } from '../domain/tip';
import { enterpriseArchive } from '../store/enterpriseArchive';
import { loadCampaignRecords } from '../store/loadCampaignRecords';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { PageQuery, paged } from './pagination';

const ListQuery = PageQuery.extend({
  province: z.string().trim().min(1).optional(),
  type: EnterpriseType.optional(),
});

const ChecksQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

const ArchiveQuery = z.object({
  /** The day on which papers' validity is judged; today by default. */
  asOf: IsoDate.optional(),
  ledgerPage: z.coerce.number().int().min(1).default(1),
  ledgerPageSize: z.coerce.number().int().min(1).max(1_000).default(200),
});

/** The enterprise register and each enterprise's production-and-operation archive. */
export function enterpriseRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/enterprises', async (req, res) => {
    const query = parseOr400(ListQuery, req.query, 'query');
    const me = principalOf(res);
    // Everyone but MIIT sees only their own province, whatever they ask for.
    const province = me.role === 'miitCoordinator' ? query.province : me.province!;
    if (query.province && !seesProvince(me, query.province)) return void res.json(paged([], query, 0));
    const where = { ...(province ? { provinceName: province } : {}), ...(query.type ? { types: { has: query.type } } : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.enterprise.count({ where }),
      deps.prisma.enterprise.findMany({
        where,
        orderBy: { code: 'asc' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        select: { code: true, name: true, provinceName: true, types: true, currentVersion: true },
      }),
    ]);
    res.json(paged(rows.map(({ provinceName, ...e }) => ({ ...e, province: provinceName })), query, total));
  });

  /** An enterprise of another province answers 404, as if it did not exist. */
  const visibleEnterprise = async (res: Response, raw: unknown): Promise<string> => {
    const code = parseOr400(UnifiedSocialCreditCode, raw, 'enterprise code');
    const row = await deps.prisma.enterprise.findUnique({ where: { code }, select: { provinceName: true } });
    if (!row || !seesProvince(principalOf(res), row.provinceName)) throw new HttpError(404, 'enterprise not found');
    return code;
  };

  router.get('/enterprises/:code', async (req, res) => {
    const code = await visibleEnterprise(res, req.params.code);
    const query = parseOr400(ArchiveQuery, req.query, 'query');
    const archive = await enterpriseArchive(deps.prisma, code, {
      asOf: query.asOf ?? new Date().toISOString().slice(0, 10),
      ledger: { page: query.ledgerPage, pageSize: query.ledgerPageSize },
    });
    if (!archive) throw new HttpError(404, 'enterprise not found');
    res.json(archive);
  });

  router.get('/enterprises/:code/checks', async (req, res) => {
    const code = await visibleEnterprise(res, req.params.code);
    const { from, to } = parseOr400(ChecksQuery, req.query, 'query');
    const window = parseOr400(ReviewWindow, { from: from ?? defaultReviewWindow.from, to: to ?? defaultReviewWindow.to }, 'review window');
    // Suppliers and customers anywhere matter to the answers, so the rules see the whole archive.
    const dataset = buildDataset(assembleDossiers(await loadCampaignRecords(deps.prisma)));
    const dossier = dataset.byCode.get(code);
    if (!dossier) throw new HttpError(404, 'enterprise not found');
    res.json({ reviewWindow: window, ...checkEnterprise(dossier, dataset, window) });
  });

  router.get('/enterprises/:code/versions/:version', async (req, res) => {
    const code = await visibleEnterprise(res, req.params.code);
    const version = parseOr400(z.coerce.number().int().min(1), req.params.version, 'version');
    const row = await deps.prisma.enterpriseVersion.findUnique({ where: { enterpriseCode_version: { enterpriseCode: code, version } } });
    if (!row) throw new HttpError(404, 'version not found');
    res.json({ version: row.version, importedAt: row.importedAt.toISOString(), importedBy: row.importedBy, source: row.source, snapshot: row.snapshot });
  });

  return router;
}
