import type { Campaign, CampaignProvince, PrismaClient } from '@prisma/client';
import { dateOfDayNumber, dayNumber, type IsoDate } from '../domain/campaign';
import type { CampaignCalendar } from '../domain/campaignClock';
import type { CampaignEnterprise } from '../workflows/campaignMessages';
import { isoOf } from './decimal';

/** What a campaign is, once written: never changed afterwards. */
export interface CampaignSettings {
  id: string;
  name: string;
  calendar: CampaignCalendar;
  /** Campaign days per real second; null for real time. */
  daysPerSecond: number | null;
}

export interface StoredCampaign extends CampaignSettings {
  /** When a scaled clock started counting. */
  createdAt: Date;
  createdBy: string;
}

/** A province's part of a campaign: its workflow and the enterprises it started with. */
export interface ProvincePart {
  province: string;
  /** The request named no enterprises: every enterprise of the province on file at the start. */
  allOnFile: boolean;
  enterpriseCodes: string[];
  createdBy: string;
}

export interface CampaignRequest extends CampaignSettings {
  /** The provinces to start, with the enterprises named for each (null: every one on file). */
  provinces: { province: string; enterpriseCodes: string[] | null }[];
  by: string;
  /** Whether the caller may create the campaign itself, or only start parts of an existing one. */
  mayCreate: boolean;
}

/** A setting the request gives otherwise than the campaign on record. */
export interface Difference {
  field: string;
  existing: unknown;
  requested: unknown;
}

export type CampaignOutcome =
  | { kind: 'recorded'; created: boolean; campaign: StoredCampaign; parts: ProvincePart[] }
  | { kind: 'conflict'; campaign: StoredCampaign; differences: Difference[] }
  | { kind: 'notFound' };

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const dayBefore = (date: Date): IsoDate => dateOfDayNumber(dayNumber(isoOf(date)) - 1);

function storedCampaign(row: Campaign): StoredCampaign {
  return {
    id: row.id,
    name: row.name,
    // The phases follow one another without gaps (CampaignCalendar), so each ends the day before the next starts.
    calendar: {
      selfInspection: { from: isoOf(row.selfInspectionStart), to: dayBefore(row.rectificationStart) },
      rectification: { from: isoOf(row.rectificationStart), to: dayBefore(row.acceptanceStart) },
      acceptance: { from: isoOf(row.acceptanceStart), to: isoOf(row.endsOn) },
      reviewWindow: { from: isoOf(row.reviewWindowStart), to: isoOf(row.reviewWindowEnd) },
    },
    daysPerSecond: row.daysPerSecond,
    createdAt: row.createdAt,
    createdBy: row.updatedBy,
  };
}

const storedPart = (row: CampaignProvince): ProvincePart => ({
  province: row.provinceName,
  allOnFile: row.allOnFile,
  enterpriseCodes: row.enterpriseCodes,
  createdBy: row.createdBy,
});

function settingDifferences(existing: CampaignSettings, requested: CampaignSettings): Difference[] {
  const c = (x: CampaignSettings) => x.calendar;
  const fields: [string, (x: CampaignSettings) => unknown][] = [
    ['name', (x) => x.name],
    ['calendar.selfInspection.from', (x) => c(x).selfInspection.from],
    ['calendar.selfInspection.to', (x) => c(x).selfInspection.to],
    ['calendar.rectification.from', (x) => c(x).rectification.from],
    ['calendar.rectification.to', (x) => c(x).rectification.to],
    ['calendar.acceptance.from', (x) => c(x).acceptance.from],
    ['calendar.acceptance.to', (x) => c(x).acceptance.to],
    ['calendar.reviewWindow.from', (x) => c(x).reviewWindow.from],
    ['calendar.reviewWindow.to', (x) => c(x).reviewWindow.to],
    ['daysPerSecond', (x) => x.daysPerSecond],
  ];
  return fields.filter(([, get]) => get(existing) !== get(requested)).map(([field, get]) => ({ field, existing: get(existing), requested: get(requested) }));
}

const sorted = (codes: readonly string[]) => [...codes].sort();

function partDifference(existing: ProvincePart, requested: string[] | null): Difference | undefined {
  const describe = (allOnFile: boolean, codes: readonly string[]) => (allOnFile ? 'every enterprise on file' : sorted(codes));
  const same = requested === null ? existing.allOnFile : !existing.allOnFile && sorted(existing.enterpriseCodes).join() === sorted(requested).join();
  if (same) return undefined;
  return { field: `enterprises of ${existing.province}`, existing: describe(existing.allOnFile, existing.enterpriseCodes), requested: describe(requested === null, requested ?? []) };
}

/** Thrown inside the transaction to undo the parts it inserted before a conflicting one. */
class PartConflict extends Error {
  constructor(readonly differences: Difference[]) {
    super('campaign part conflict');
  }
}

/**
 * Records a campaign and the provinces it starts, atomically and idempotently. Concurrent requests
 * for one id are serialised by PostgreSQL itself: the first insert wins, the others wait on its
 * key (`ON CONFLICT DO NOTHING`) and then compare their settings with the row it committed. The
 * same settings again record nothing new; other settings record nothing at all and say what differs.
 */
export async function recordCampaign(prisma: PrismaClient, request: CampaignRequest): Promise<CampaignOutcome> {
  const { calendar } = request;
  try {
    return await prisma.$transaction(async (tx) => {
      const inserted = request.mayCreate
        ? await tx.campaign.createMany({
            data: [
              {
                id: request.id,
                name: request.name,
                selfInspectionStart: day(calendar.selfInspection.from),
                rectificationStart: day(calendar.rectification.from),
                acceptanceStart: day(calendar.acceptance.from),
                endsOn: day(calendar.acceptance.to),
                reviewWindowStart: day(calendar.reviewWindow.from),
                reviewWindowEnd: day(calendar.reviewWindow.to),
                daysPerSecond: request.daysPerSecond,
                updatedBy: request.by,
              },
            ],
            skipDuplicates: true,
          })
        : { count: 0 };
      const row = await tx.campaign.findUnique({ where: { id: request.id } });
      if (!row) return { kind: 'notFound' } as const;
      const campaign = storedCampaign(row);
      const differences = settingDifferences(campaign, request);
      if (differences.length > 0) return { kind: 'conflict', campaign, differences } as const;

      // In one order, so two requests starting overlapping provinces cannot deadlock.
      const wanted = [...request.provinces].sort((a, b) => (a.province < b.province ? -1 : a.province > b.province ? 1 : 0));
      const onFile = await tx.enterprise.findMany({
        where: { provinceName: { in: wanted.filter((p) => p.enterpriseCodes === null).map((p) => p.province) } },
        select: { code: true, provinceName: true },
        orderBy: { code: 'asc' },
      });
      const parts = await tx.campaignProvince.createMany({
        data: wanted.map((p) => ({
          campaignId: request.id,
          provinceName: p.province,
          allOnFile: p.enterpriseCodes === null,
          enterpriseCodes: p.enterpriseCodes ?? onFile.filter((e) => e.provinceName === p.province).map((e) => e.code),
          createdBy: request.by,
        })),
        skipDuplicates: true,
      });
      const stored = await tx.campaignProvince.findMany({ where: { campaignId: request.id, provinceName: { in: wanted.map((p) => p.province) } } });
      const partOf = new Map(stored.map((r) => [r.provinceName, storedPart(r)]));
      const partDifferences = wanted.flatMap((p) => partDifference(partOf.get(p.province)!, p.enterpriseCodes) ?? []);
      if (partDifferences.length > 0) throw new PartConflict(partDifferences);
      return { kind: 'recorded', created: inserted.count + parts.count > 0, campaign, parts: request.provinces.map((p) => partOf.get(p.province)!) } as const;
    });
  } catch (error) {
    if (!(error instanceof PartConflict)) throw error;
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id: request.id } });
    return { kind: 'conflict', campaign: storedCampaign(row), differences: error.differences };
  }
}

/** The names among `names` that are not in the provinces table. */
export async function unknownProvinces(prisma: PrismaClient, names: readonly string[]): Promise<string[]> {
  const known = await prisma.province.findMany({ where: { name: { in: [...names] } }, select: { name: true } });
  return names.filter((n) => !known.some((k) => k.name === n));
}

/** The province of each code on file among `codes`. */
export async function provincesOfEnterprises(prisma: PrismaClient, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await prisma.enterprise.findMany({ where: { code: { in: [...codes] } }, select: { code: true, provinceName: true } });
  return new Map(rows.map((r) => [r.code, r.provinceName]));
}

/** The enterprises a campaign workflow opens cases for, by code. */
export async function campaignEnterprises(prisma: PrismaClient, codes: readonly string[]): Promise<CampaignEnterprise[]> {
  return prisma.enterprise.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true, types: true }, orderBy: { code: 'asc' } });
}

/** An enterprise on file in `province`, as a campaign lists it; null when it is not. */
export async function enterpriseOfProvince(prisma: PrismaClient, code: string, province: string): Promise<CampaignEnterprise | null> {
  const row = await prisma.enterprise.findUnique({ where: { code }, select: { code: true, name: true, types: true, provinceName: true } });
  return row && row.provinceName === province ? { code: row.code, name: row.name, types: row.types } : null;
}

/** A campaign's open, overdue (by agency) and completed tasks in a province. */
export async function campaignTaskCounts(prisma: PrismaClient, campaignId: string, province: string, now: Date) {
  const scope = { campaignId, provinceName: province };
  const [open, overdue, completed] = await Promise.all([
    prisma.caseTask.count({ where: { ...scope, status: 'open' } }),
    prisma.caseTask.groupBy({ by: ['agencyKind'], where: { ...scope, status: 'open', dueAt: { lt: now } }, _count: true }),
    prisma.caseTask.count({ where: { ...scope, status: 'completed' } }),
  ]);
  return { open, completed, overdueByAgency: Object.fromEntries(overdue.map((o) => [o.agencyKind, o._count])) };
}

export async function campaignExists(prisma: PrismaClient, id: string): Promise<boolean> {
  return (await prisma.campaign.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** The review window a campaign's records are checked against; undefined when there is no such campaign. */
export async function campaignReviewWindow(prisma: PrismaClient, id: string): Promise<{ from: IsoDate; to: IsoDate } | undefined> {
  const row = await prisma.campaign.findUnique({ where: { id }, select: { reviewWindowStart: true, reviewWindowEnd: true } });
  return row ? { from: isoOf(row.reviewWindowStart), to: isoOf(row.reviewWindowEnd) } : undefined;
}

/**
 * Marks the province's campaign closed, with its supervised cases, and tells whether every
 * province of the campaign has now closed. The mark is written before the count, each in its own
 * statement: of two provinces closing at once, the later writer sees both marks, so a campaign's
 * end is never missed (both may see it: the roll-up and its email are idempotent).
 */
export async function closeCampaignProvince(prisma: PrismaClient, closing: { campaignId: string; province: string; supervised: readonly string[] }): Promise<{ allClosed: boolean; supervised: string[] }> {
  await prisma.campaignProvince.updateMany({ where: { campaignId: closing.campaignId, provinceName: closing.province, closedAt: null }, data: { closedAt: new Date(), supervised: [...closing.supervised] } });
  const rows = await prisma.campaignProvince.findMany({ where: { campaignId: closing.campaignId }, select: { closedAt: true, supervised: true } });
  return { allClosed: rows.length > 0 && rows.every((r) => r.closedAt !== null), supervised: rows.flatMap((r) => r.supervised) };
}
