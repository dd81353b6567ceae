import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, seesProvince, type Principal } from '../domain/access';
import { CampaignId } from '../domain/caseIds';
import { typicalCaseQuota } from '../domain/catalogue';
import { ProvinceName } from '../domain/provinces';
import { text } from '../domain/text';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { reasonInWords, type TypicalCandidate } from '../reports/typical';
import { campaignExists } from '../store/campaigns';
import { typicalCandidates } from '../store/typicalCandidates';
import { designateTypicalCase, typicalCaseCounts, typicalCasesOf, withdrawTypicalCase } from '../store/typicalCases';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import { supervisedOf } from './campaignWork';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { error, type Operation } from './operation';

const CampaignPath = z.object({ id: CampaignId });
const ProvincePath = CampaignPath.extend({ province: ProvinceName });
const DesignatedPath = ProvincePath.extend({ code: UnifiedSocialCreditCode });
const Withdrawal = z.object({ reason: text(2_000) });
const Designation = z.object({ enterpriseCode: UnifiedSocialCreditCode, note: text(2_000).optional() });
const Reason = z.object({ reason: z.string(), kgReo: z.number().int().optional(), words: z.string() });
const Candidate = z.object({ code: z.string(), name: z.string(), reasons: z.array(Reason), designated: z.boolean() });
const Quota = z.object({ min: z.number().int(), max: z.number().int() });
const Designated = z.object({ enterpriseCode: z.string(), province: z.string(), reasons: z.array(Reason), note: z.string().optional(), designatedBy: z.string(), designatedAt: z.string() });

export const typicalCaseOperations = {
  proposals: {
    method: 'get',
    path: '/campaigns/:id/provinces/:province/typical-cases',
    tag: 'typical cases',
    summary: "The province's typical-case (典型案件) candidates with the reasons in words, and those its coordinator designated, against the quota of 2-3",
    params: ProvincePath,
    responses: { 200: { description: 'candidates and designations', schema: z.object({ quota: Quota, candidates: z.array(Candidate), designated: z.array(Designated) }) }, 404: error('no such campaign, or not your province') },
  },
  designate: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/typical-cases',
    tag: 'typical cases',
    summary: "The provincial coordinator designates one of the candidates a typical case, for publicity (通报) in the summary",
    params: ProvincePath,
    body: { schema: Designation, example: { enterpriseCode: '91360700MA35XXXX1A', note: '异地开票数量大，拟通报' } },
    responses: {
      201: { description: 'designated', schema: Designated },
      403: error("not the province's coordinator"),
      404: error('no such campaign, or not your province'),
      409: error('already designated, or the province has its 3'),
      422: error('the enterprise is not among the candidates'),
    },
  },
  withdraw: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/typical-cases/:code/withdraw',
    tag: 'typical cases',
    summary: "The provincial coordinator withdraws a designation, with a reason: it no longer counts against the quota nor appears in the summary",
    params: DesignatedPath,
    body: { schema: Withdrawal, example: { reason: '复核后不符合典型案件条件' } },
    responses: {
      200: { description: 'withdrawn: the designation as it was', schema: Designated },
      403: error("not the province's coordinator"),
      404: error('no such campaign or designation, or not your province'),
    },
  },
  quota: {
    method: 'get',
    path: '/campaigns/:id/typical-cases',
    tag: 'typical cases',
    summary: "MIIT: each province's designated typical cases against the quota",
    params: CampaignPath,
    responses: {
      200: { description: 'per province', schema: z.array(z.object({ province: z.string(), designated: z.number().int(), min: z.number().int(), max: z.number().int(), met: z.boolean() })) },
      403: error('not MIIT'),
      404: error('no such campaign'),
    },
  },
} satisfies Record<string, Operation>;

const inWords = (c: Pick<TypicalCandidate, 'reasons'>) => c.reasons.map((r) => ({ ...r, words: reasonInWords(r) }));

/** Typical cases (典型案件, 一.(五)): proposed by the system, designated by the province, watched by MIIT. */
export function typicalCaseRoutes(deps: { prisma: PrismaClient; temporal: Client }): Router {
  const router = Router();

  const requireCampaign = async (id: string) => {
    if (!(await campaignExists(deps.prisma, id))) throw new HttpError(404, 'campaign not found');
  };
  // Another province's coordinator is hidden from the province; its own staff are refused.
  const requireCoordinator = (me: Principal, province: string) => {
    if (coordinatesProvince(me, province)) return;
    if (me.province === province) throw new HttpError(403, "typical cases are designated by the province's coordinator");
    throw new OutOfScopeError('campaign not found');
  };
  const candidatesOf = async (id: string, province: string) => typicalCandidates(deps.prisma, { campaignId: id, province, supervised: await supervisedOf(deps.temporal, id, province) });

  router.get(typicalCaseOperations.proposals.path, async (req, res) => {
    const { id, province } = parseOr400(ProvincePath, req.params, 'path');
    // A campaign that does not exist is not there for anyone; one that does is hidden out of scope (and the refusal audited).
    await requireCampaign(id);
    if (!seesProvince(principalOf(res), province)) throw new OutOfScopeError('campaign not found');
    const [candidates, designated] = await Promise.all([candidatesOf(id, province), typicalCasesOf(deps.prisma, id, province)]);
    const codes = new Set(designated.map((d) => d.enterpriseCode));
    res.json({
      quota: typicalCaseQuota,
      candidates: candidates.map((c) => ({ ...c, reasons: inWords(c), designated: codes.has(c.code) })),
      designated: designated.map((d) => ({ ...d, reasons: inWords(d) })),
    });
  });

  router.post(typicalCaseOperations.designate.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province } = parseOr400(ProvincePath, req.params, 'path');
    await requireCampaign(id);
    requireCoordinator(me, province);
    const { enterpriseCode, note } = parseOr400(Designation, req.body, 'designation');
    const candidate = (await candidatesOf(id, province)).find((c) => c.code === enterpriseCode);
    if (!candidate) throw new HttpError(422, `${enterpriseCode} is not among ${province}'s typical-case candidates in ${id}`);
    res.locals.audit = { action: 'typicalCases.designate', objectType: 'typicalCase', objectId: `${id}/${enterpriseCode}`, province, after: { reasons: candidate.reasons, note } } satisfies AuditNote;
    const result = await designateTypicalCase(deps.prisma, { campaignId: id, province, enterpriseCode, reasons: candidate.reasons, ...(note === undefined ? {} : { note }), by: me.email });
    if ('refused' in result) {
      throw new HttpError(409, result.refused === 'quotaFull' ? `${province} has designated its ${typicalCaseQuota.max} typical cases` : `${enterpriseCode} is a typical case already`);
    }
    res.status(201).json({ ...result.designated, reasons: inWords(result.designated) });
  });

  router.post(typicalCaseOperations.withdraw.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province, code } = parseOr400(DesignatedPath, req.params, 'path');
    await requireCampaign(id);
    requireCoordinator(me, province);
    const { reason } = parseOr400(Withdrawal, req.body, 'withdrawal');
    res.locals.audit = { action: 'typicalCases.withdraw', objectType: 'typicalCase', objectId: `${id}/${code}`, province, after: { withdrawn: true, reason } } satisfies AuditNote;
    const withdrawn = await withdrawTypicalCase(deps.prisma, { campaignId: id, province, enterpriseCode: code });
    if (!withdrawn) throw new HttpError(404, `${code} is not a typical case of ${province} in ${id}`);
    res.locals.audit = { ...(res.locals.audit as AuditNote), before: { reasons: withdrawn.reasons, note: withdrawn.note, designatedBy: withdrawn.designatedBy, designatedAt: withdrawn.designatedAt } } satisfies AuditNote;
    res.json({ ...withdrawn, reasons: inWords(withdrawn) });
  });

  router.get(typicalCaseOperations.quota.path, async (req, res) => {
    const { id } = parseOr400(CampaignPath, req.params, 'path');
    if (principalOf(res).role !== 'miitCoordinator') throw new HttpError(403, "the quota across provinces is MIIT's to watch");
    await requireCampaign(id);
    res.json(await typicalCaseCounts(deps.prisma, id));
  });

  return router;
}
