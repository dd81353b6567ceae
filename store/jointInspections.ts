import type { Prisma, PrismaClient } from '@prisma/client';
import type { AgencyKind } from '../domain/enums';

export interface InspectionMember {
  agency: AgencyKind;
  name: string;
}
export interface InspectionSupervision {
  enterpriseCode: string;
  caseId: string;
  reason: string;
}
export interface JointInspectionRow {
  id: string;
  campaignId: string;
  province: string;
  from: string;
  to: string;
  members: InspectionMember[];
  scheduledBy: string;
  scheduledAt: string;
  findings?: string;
  supervised: InspectionSupervision[];
  recordedBy?: string;
  recordedAt?: string;
}

type Row = Prisma.JointInspectionGetPayload<object>;
const day = (d: Date) => d.toISOString().slice(0, 10);
function rowOf(r: Row): JointInspectionRow {
  return {
    id: r.id,
    campaignId: r.campaignId,
    province: r.provinceName,
    from: day(r.startsOn),
    to: day(r.endsOn),
    members: r.members as unknown as InspectionMember[],
    scheduledBy: r.scheduledBy,
    scheduledAt: r.scheduledAt.toISOString(),
    ...(r.findings === null ? {} : { findings: r.findings }),
    supervised: (r.supervised ?? []) as unknown as InspectionSupervision[],
    ...(r.recordedBy === null ? {} : { recordedBy: r.recordedBy }),
    ...(r.recordedAt === null ? {} : { recordedAt: r.recordedAt.toISOString() }),
  };
}

/** Whether MIIT's campaign runs in the province: an inspection is of a province of the campaign. */
export async function campaignHasProvince(prisma: PrismaClient, campaignId: string, province: string): Promise<boolean> {
  return (await prisma.campaignProvince.count({ where: { campaignId, provinceName: province } })) > 0;
}

export async function scheduleInspection(
  prisma: PrismaClient,
  s: { id: string; campaignId: string; province: string; from: string; to: string; members: InspectionMember[]; by: string },
): Promise<JointInspectionRow> {
  const row = await prisma.jointInspection.create({
    data: { id: s.id, campaignId: s.campaignId, provinceName: s.province, startsOn: new Date(s.from), endsOn: new Date(s.to), members: s.members as unknown as Prisma.InputJsonValue, scheduledBy: s.by },
  });
  return rowOf(row);
}

export async function inspectionsOf(prisma: PrismaClient, campaignId: string, province: string): Promise<JointInspectionRow[]> {
  return (await prisma.jointInspection.findMany({ where: { campaignId, provinceName: province }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] })).map(rowOf);
}

export async function inspectionById(prisma: PrismaClient, id: string): Promise<JointInspectionRow | undefined> {
  const row = await prisma.jointInspection.findUnique({ where: { id } });
  return row ? rowOf(row) : undefined;
}

/** Findings are recorded once: the update matches only an inspection without them, so two at once cannot both land. */
export async function recordInspectionFindings(
  prisma: PrismaClient,
  f: { id: string; findings: string; supervised: InspectionSupervision[]; by: string },
): Promise<JointInspectionRow | undefined> {
  const { count } = await prisma.jointInspection.updateMany({
    where: { id: f.id, recordedAt: null },
    data: { findings: f.findings, supervised: f.supervised as unknown as Prisma.InputJsonValue, recordedBy: f.by, recordedAt: new Date() },
  });
  return count === 1 ? inspectionById(prisma, f.id) : undefined;
}
