import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesProvince } from '../domain/access';
import { DateRange } from '../domain/campaign';
import { CampaignId } from '../domain/caseIds';
import { AgencyKind } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { text } from '../domain/text';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { campaignHasProvince, inspectionById, inspectionsOf, recordInspectionFindings, scheduleInspection, type InspectionSupervision } from '../store/jointInspections';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import { supervisedCase } from './campaignWork';
import { HttpError, OutOfScopeError, parseOr, parseOr400 } from './errors';
import { error, type Operation } from './operation';

const ProvincePath = z.object({ id: CampaignId, province: ProvinceName });
const IdPath = z.object({ id: text(100) });
const Member = z.object({ agency: AgencyKind, name: text(100) });
// The document states the shape (400 when a request breaks it); the order of the dates is a rule
// JSON Schema cannot state, answered 422 like every such rule (api/errors.ts).
const ScheduleShape = DateRange.extend({ members: z.array(Member).min(1).max(50) });
const Schedule = ScheduleShape.refine((s) => s.from <= s.to, { message: 'the inspection must not end before it starts' });
const Findings = z.object({
  findings: text(10_000),
  /** The serious cases the findings put under supervision (挂牌督办), each with why. An inspection
   * names a few; Schemathesis could not generate examples fast enough for 100 patterned items. */
  supervise: z.array(z.object({ enterpriseCode: UnifiedSocialCreditCode, reason: text(1_000) })).max(20).default([]),
});
const Inspection = z.object({
  id: z.string(),
  campaignId: z.string(),
  province: z.string(),
  from: z.string(),
  to: z.string(),
  members: z.array(z.object({ agency: z.string(), name: z.string() })),
  scheduledBy: z.string(),
  scheduledAt: z.string(),
  findings: z.string().optional(),
  supervised: z.array(z.object({ enterpriseCode: z.string(), caseId: z.string(), reason: z.string() })),
  recordedBy: z.string().optional(),
  recordedAt: z.string().optional(),
});

export const jointInspectionOperations = {
  list: {
    method: 'get',
    path: '/campaigns/:id/provinces/:province/inspections',
    tag: 'joint inspections',
    summary: "MIIT's joint inspections (联合检查组) of the province, with their findings once recorded",
    params: ProvincePath,
    responses: { 200: { description: 'the inspections, earliest first', schema: z.array(Inspection) }, 404: error('no such campaign in the province, or not your province') },
  },
  schedule: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/inspections',
    tag: 'joint inspections',
    summary: 'MIIT schedules a joint inspection of the province: its dates and its members by agency',
    params: ProvincePath,
    body: { schema: ScheduleShape, example: { from: '2014-12-15', to: '2014-12-19', members: [{ agency: 'miit', name: '王五' }, { agency: 'landResources', name: '赵六' }] } },
    responses: { 201: { description: 'scheduled', schema: Inspection }, 403: error('not MIIT'), 404: error('no such campaign in the province, or not your province'), 422: error('the inspection ends before it starts') },
  },
  get: {
    method: 'get',
    path: '/inspections/:id',
    tag: 'joint inspections',
    summary: 'One joint inspection',
    params: IdPath,
    responses: { 200: { description: 'the inspection', schema: Inspection }, 404: error('no such inspection in your scope') },
  },
  findings: {
    method: 'post',
    path: '/inspections/:id/findings',
    tag: 'joint inspections',
    summary: "MIIT records the inspection's findings and puts the serious cases it names under supervision (挂牌督办), through the province's campaign like any supervision",
    params: IdPath,
    body: { schema: Findings, example: { findings: '抽查10家企业，发现2家台账不实', supervise: [{ enterpriseCode: '91360700MA35XXXX1A', reason: '从无证矿点购矿，数量巨大' }] } },
    responses: {
      200: { description: 'recorded', schema: Inspection },
      403: error('not MIIT'),
      404: error('no such inspection in your scope, or an enterprise with no case in the campaign'),
      409: error('findings recorded already, or the campaign has closed in the province'),
    },
  },
} satisfies Record<string, Operation>;

/**
 * MIIT's joint inspection groups (联合检查组): they check a province's progress during the campaign
 * and put serious cases under supervision. MIIT does all of it itself and the plan sets no deadline
 * for the findings, so there is no step anyone else owes and nothing to escalate: a record and its
 * endpoints, no workflow. The supervision it orders is the case workflow's own.
 */
export function jointInspectionRoutes(deps: { prisma: PrismaClient; temporal: Client }): Router {
  const router = Router();
  const miitOnly = (what: string) => {
    throw new HttpError(403, `joint inspections are MIIT's: only MIIT ${what}`);
  };

  const provinceOfCampaign = async (res: Parameters<typeof principalOf>[0], params: unknown) => {
    const { id, province } = parseOr400(ProvincePath, params, 'path');
    const exists = await campaignHasProvince(deps.prisma, id, province);
    if (!seesProvince(principalOf(res), province)) throw exists ? new OutOfScopeError('campaign not found') : new HttpError(404, 'campaign not found');
    if (!exists) throw new HttpError(404, 'campaign not found');
    return { id, province };
  };
  const inspectionInScope = async (res: Parameters<typeof principalOf>[0], params: unknown) => {
    const { id } = parseOr400(IdPath, params, 'path');
    const row = await inspectionById(deps.prisma, id);
    if (!row) throw new HttpError(404, 'inspection not found');
    if (!seesProvince(principalOf(res), row.province)) throw new OutOfScopeError('inspection not found');
    return row;
  };

  router.get(jointInspectionOperations.list.path, async (req, res) => {
    const { id, province } = await provinceOfCampaign(res, req.params);
    res.json(await inspectionsOf(deps.prisma, id, province));
  });

  router.post(jointInspectionOperations.schedule.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province } = await provinceOfCampaign(res, req.params);
    if (me.role !== 'miitCoordinator') miitOnly('schedules them');
    const schedule = parseOr(422, Schedule, parseOr400(ScheduleShape, req.body, 'inspection'), 'inspection');
    const inspectionId = randomUUID();
    res.locals.audit = { action: 'inspections.schedule', objectType: 'jointInspection', objectId: inspectionId, province, after: schedule } satisfies AuditNote;
    res.status(201).json(await scheduleInspection(deps.prisma, { id: inspectionId, campaignId: id, province, ...schedule, by: me.email }));
  });

  router.get(jointInspectionOperations.get.path, async (req, res) => {
    res.json(await inspectionInScope(res, req.params));
  });

  router.post(jointInspectionOperations.findings.path, async (req, res) => {
    const me = principalOf(res);
    const row = await inspectionInScope(res, req.params);
    if (me.role !== 'miitCoordinator') miitOnly('records their findings');
    const { findings, supervise } = parseOr400(Findings, req.body, 'findings');
    res.locals.audit = { action: 'inspections.findings', objectType: 'jointInspection', objectId: row.id, province: row.province, after: { findings, supervise } } satisfies AuditNote;
    if (row.recordedAt) throw new HttpError(409, 'the findings of this inspection are recorded already');
    // Supervision first: it is idempotent, so a request retried after a failure part-way asks again
    // harmlessly, and the findings are only on record once every case it names is supervised.
    const supervised: InspectionSupervision[] = [];
    for (const s of supervise) {
      const caseId = await supervisedCase(deps.temporal, { campaignId: row.campaignId, province: row.province, code: s.enterpriseCode, by: me.email, inspectionId: row.id });
      supervised.push({ ...s, caseId });
    }
    const recorded = await recordInspectionFindings(deps.prisma, { id: row.id, findings, supervised, by: me.email });
    if (!recorded) throw new HttpError(409, 'the findings of this inspection are recorded already');
    res.json(recorded);
  });

  return router;
}
