import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { StaffRole } from '../domain/access';
import { type AgencyEntry, type StaffEntry, agencyIdOf, nationalAgencyKinds, normalEmail } from '../domain/directory';
import { ActingAgency, type AgencyKind } from '../domain/enums';
import { agencyLabels, staffRoleLabels } from '../domain/labels';
import { activateDemoTokens } from './apiTokens';
import { type AuditEntry, appendAudit } from './audit';
import { canonicalJson } from './canonicalJson';

/** A member of staff to write: `id` names an existing person (or the demo's fixed ids); otherwise they are matched by email. */
export type StaffWrite = StaffEntry & { id?: string };

export interface DirectoryWrite {
  agencies: readonly AgencyEntry[];
  staff: readonly StaffWrite[];
}

export interface Counts {
  created: number;
  changed: number;
  unchanged: number;
}

export interface DirectoryOutcome {
  agencies: Counts & { ids: string[] };
  staff: Counts & { ids: string[] };
  /** Open tasks of people disabled by this write, handed back to their agency. */
  tasksReturned: number;
}

/** Directory writes take turns: a change is read against the entry it replaces, and rare enough to queue. */
const DIRECTORY_LOCK = 0x6469_7265;

function agencySnapshot(a: { kind: AgencyKind; provinceName: string | null; name: string; emails: readonly string[] }) {
  return { kind: a.kind, province: a.provinceName, name: a.name, emails: [...a.emails] };
}

function staffSnapshot(s: { name: string; email: string; mobile: string | null; agencyId: string; role: StaffRole; active: boolean }) {
  return { name: s.name, email: s.email, mobile: s.mobile, agencyId: s.agencyId, role: s.role, active: s.active };
}

/** New people get an id that stays when their email, agency or role changes. */
function newStaffId(agencyId: string, email: string): string {
  return `${agencyId}-${createHash('sha256').update(email).digest('hex').slice(0, 8)}`;
}

/**
 * Writes directory entries in one transaction, each agency and person compared with what is on
 * file: a new one is created at version 1, a changed one gets the next version (the old ones keep
 * what it said before, with who and when), an unchanged one is not touched, so a file imported
 * twice writes nothing the second time. Disabling someone hands their open tasks back to their
 * agency at once (assigneeId null), so the reminders go to the agency; their credentials stop
 * working on the next request, as the token lookup refuses a disabled person.
 * `onlyNew` leaves existing entries alone (the demo seed, run on every start, must not undo an
 * administrator's changes). `audit` makes the change's audit row, appended in the same transaction.
 */
export async function writeDirectory(
  prisma: PrismaClient,
  write: DirectoryWrite,
  meta: { source: string; actor: string; onlyNew?: boolean; audit?: (outcome: DirectoryOutcome) => AuditEntry | undefined },
): Promise<DirectoryOutcome> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK})`;
      const outcome: DirectoryOutcome = { agencies: { created: 0, changed: 0, unchanged: 0, ids: [] }, staff: { created: 0, changed: 0, unchanged: 0, ids: [] }, tasksReturned: 0 };
      const provinces = [...new Set(write.agencies.flatMap((a) => (a.province === null ? [] : [a.province])))];
      if (provinces.length > 0) await tx.province.createMany({ data: provinces.map((name) => ({ name })), skipDuplicates: true });

      const agencyIds = write.agencies.map((a) => agencyIdOf(a.kind, a.province));
      const agenciesOnFile = new Map((await tx.agency.findMany({ where: { id: { in: agencyIds } } })).map((a) => [a.id, a]));
      const newAgencies: Prisma.AgencyCreateManyInput[] = [];
      const agencyVersions: Prisma.AgencyVersionCreateManyInput[] = [];
      for (const [i, entry] of write.agencies.entries()) {
        const id = agencyIds[i];
        const snapshot = agencySnapshot({ ...entry, provinceName: entry.province });
        const before = agenciesOnFile.get(id);
        outcome.agencies.ids.push(id);
        if (!before) {
          outcome.agencies.created++;
          newAgencies.push({ id, kind: entry.kind, provinceName: entry.province, name: entry.name, emails: [...entry.emails], updatedBy: meta.actor });
          agencyVersions.push({ agencyId: id, version: 1, snapshot, source: meta.source, changedBy: meta.actor });
        } else if (meta.onlyNew || canonicalJson(agencySnapshot(before)) === canonicalJson(snapshot)) {
          outcome.agencies.unchanged++;
        } else {
          outcome.agencies.changed++;
          const version = before.currentVersion + 1;
          await tx.agency.update({ where: { id }, data: { name: entry.name, emails: [...entry.emails], currentVersion: version, updatedBy: meta.actor } });
          agencyVersions.push({ agencyId: id, version, snapshot, source: meta.source, changedBy: meta.actor });
        }
      }
      await tx.agency.createMany({ data: newAgencies });
      await tx.agencyVersion.createMany({ data: agencyVersions });

      const ids = write.staff.flatMap((s) => (s.id === undefined ? [] : [s.id]));
      const staffOnFile = await tx.staffUser.findMany({ where: { OR: [{ id: { in: ids } }, { email: { in: write.staff.map((s) => s.email), mode: 'insensitive' } }] } });
      const byId = new Map(staffOnFile.map((s) => [s.id, s]));
      const byEmail = new Map(staffOnFile.map((s) => [normalEmail(s.email), s]));
      const newStaff: Prisma.StaffUserCreateManyInput[] = [];
      const staffVersions: Prisma.StaffVersionCreateManyInput[] = [];
      const now = new Date();
      for (const entry of write.staff) {
        const before = entry.id !== undefined ? byId.get(entry.id) : byEmail.get(normalEmail(entry.email));
        const snapshot = staffSnapshot(entry);
        if (!before) {
          const id = entry.id ?? newStaffId(entry.agencyId, entry.email);
          outcome.staff.ids.push(id);
          outcome.staff.created++;
          newStaff.push({ id, name: entry.name, email: entry.email, mobile: entry.mobile, agencyId: entry.agencyId, role: entry.role, disabledAt: entry.active ? null : now, updatedBy: meta.actor });
          staffVersions.push({ staffId: id, version: 1, snapshot, source: meta.source, changedBy: meta.actor });
          continue;
        }
        outcome.staff.ids.push(before.id);
        if (meta.onlyNew || canonicalJson(staffSnapshot({ ...before, active: before.disabledAt === null })) === canonicalJson(snapshot)) {
          outcome.staff.unchanged++;
          continue;
        }
        outcome.staff.changed++;
        const version = before.currentVersion + 1;
        const disabling = before.disabledAt === null && !entry.active;
        await tx.staffUser.update({
          where: { id: before.id },
          data: {
            name: entry.name,
            email: entry.email,
            mobile: entry.mobile,
            agencyId: entry.agencyId,
            role: entry.role,
            disabledAt: entry.active ? null : (before.disabledAt ?? now),
            currentVersion: version,
            updatedBy: meta.actor,
          },
        });
        staffVersions.push({ staffId: before.id, version, snapshot, source: meta.source, changedBy: meta.actor });
        // Leaving the agency or the role of doing its tasks hands them back too, as disabling does.
        const keepsTasks = entry.active && entry.agencyId === before.agencyId && (entry.role === 'staff' || entry.role === 'agencyHead');
        if (disabling || !keepsTasks) {
          const { count } = await tx.caseTask.updateMany({ where: { assigneeId: before.id, status: 'open' }, data: { assigneeId: null } });
          outcome.tasksReturned += count;
        }
      }
      await tx.staffUser.createMany({ data: newStaff });
      await tx.staffVersion.createMany({ data: staffVersions });
      const audit = meta.audit?.(outcome);
      if (audit) await appendAudit(tx, audit);
      return outcome;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

export interface AgencyRecord {
  id: string;
  kind: AgencyKind;
  province: string | null;
  name: string;
  emails: string[];
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface StaffRecord {
  id: string;
  name: string;
  email: string;
  mobile: string | null;
  agencyId: string;
  agencyKind: AgencyKind;
  province: string | null;
  role: StaffRole;
  active: boolean;
  disabledAt: Date | null;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

const agencyRecord = (a: { id: string; kind: AgencyKind; provinceName: string | null; name: string; emails: string[]; currentVersion: number; updatedAt: Date; updatedBy: string }): AgencyRecord => ({
  id: a.id,
  kind: a.kind,
  province: a.provinceName,
  name: a.name,
  emails: a.emails,
  version: a.currentVersion,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
});

const withAgency = { agency: { select: { kind: true, provinceName: true } } } as const;
const staffRecord = (s: Prisma.StaffUserGetPayload<{ include: typeof withAgency }>): StaffRecord => ({
  id: s.id,
  name: s.name,
  email: s.email,
  mobile: s.mobile,
  agencyId: s.agencyId,
  agencyKind: s.agency.kind,
  province: s.agency.provinceName,
  role: s.role,
  active: s.disabledAt === null,
  disabledAt: s.disabledAt,
  version: s.currentVersion,
  updatedAt: s.updatedAt,
  updatedBy: s.updatedBy,
});

/** One page of a list, and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}
type Window = { skip: number; take: number };

/** A province's offices, or with `province` undefined every office (national ones first). */
export async function listAgencies(prisma: PrismaClient, filter: { province?: string }, window: Window): Promise<Page<AgencyRecord>> {
  const where = filter.province === undefined ? {} : { provinceName: filter.province };
  const [total, rows] = await Promise.all([prisma.agency.count({ where }), prisma.agency.findMany({ where, orderBy: [{ provinceName: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }], ...window })]);
  return { items: rows.map(agencyRecord), total };
}

export async function findAgency(prisma: PrismaClient, id: string): Promise<AgencyRecord | undefined> {
  const row = await prisma.agency.findUnique({ where: { id } });
  return row ? agencyRecord(row) : undefined;
}

export async function listStaff(prisma: PrismaClient, filter: { province?: string; agencyId?: string; active?: boolean }, window: Window): Promise<Page<StaffRecord>> {
  const where: Prisma.StaffUserWhereInput = {
    ...(filter.province === undefined ? {} : { agency: { provinceName: filter.province } }),
    ...(filter.agencyId === undefined ? {} : { agencyId: filter.agencyId }),
    ...(filter.active === undefined ? {} : { disabledAt: filter.active ? null : { not: null } }),
  };
  const [total, rows] = await Promise.all([prisma.staffUser.count({ where }), prisma.staffUser.findMany({ where, include: withAgency, orderBy: [{ agencyId: 'asc' }, { email: 'asc' }], ...window })]);
  return { items: rows.map(staffRecord), total };
}

export async function findStaff(prisma: PrismaClient, where: { id: string } | { email: string }): Promise<StaffRecord | undefined> {
  const row = await prisma.staffUser.findFirst({ where: 'id' in where ? where : { email: { equals: where.email, mode: 'insensitive' } }, include: withAgency });
  return row ? staffRecord(row) : undefined;
}

/** Every office on file, by id, to check a directory file's people against. */
export async function agencyIds(prisma: PrismaClient): Promise<Set<string>> {
  return new Set((await prisma.agency.findMany({ select: { id: true } })).map((a) => a.id));
}

const provincialAgencies = ActingAgency.options;

export interface DirectoryEntry {
  staffId: string;
  role: StaffRole;
  agencyKind: AgencyKind;
  province: string | null;
  email: string;
  token: string;
}

/**
 * A demo directory: in every province each agency with a member of staff and a head, a provincial
 * coordinator and the province's directory administrator at the industry department (which leads
 * locally), a national MIIT coordinator and administrator, and the coordination mechanism's office.
 * Written through writeDirectory like an imported one, new entries only. Tokens are derived from
 * the entry (`demo-<province code>-<agency>-<role>`), so they are stable across restarts and can be
 * printed for people trying the system; never use them in production.
 */
export async function seedDemoDirectory(prisma: PrismaClient, provinces: readonly { name: string; code: string }[]): Promise<DirectoryEntry[]> {
  const agencies: AgencyEntry[] = [];
  const staff: (StaffWrite & { token: string; agencyKind: AgencyKind; province: string | null })[] = [];
  const office = (kind: AgencyKind, province: { name: string; code: string } | null, roles: StaffRole[]) => {
    const id = agencyIdOf(kind, province?.name ?? null);
    agencies.push({ kind, province: province?.name ?? null, name: province ? `${province.name}${agencyLabels[kind].zh}` : agencyLabels[kind].zh, emails: [`${id}@campaign.example`] });
    for (const role of roles) {
      const staffId = `${id}-${role}`;
      staff.push({
        id: staffId,
        name: `${agencyLabels[kind].zh}${staffRoleLabels[role].zh}`,
        email: `${staffId}@campaign.example`,
        mobile: null,
        agencyId: id,
        role,
        active: true,
        token: `demo-${province?.code ?? 'national'}-${kind}-${role}`,
        agencyKind: kind,
        province: province?.name ?? null,
      });
    }
  };
  for (const province of provinces) {
    for (const kind of provincialAgencies) {
      if (kind === 'disciplineInspection') office(kind, province, ['disciplineInspection']);
      else if (kind === 'industry') office(kind, province, ['staff', 'agencyHead', 'provincialCoordinator', 'administrator']);
      else office(kind, province, ['staff', 'agencyHead']);
    }
  }
  office('miit', null, ['miitCoordinator', 'administrator']);
  for (const kind of nationalAgencyKinds.filter((k) => k !== 'miit')) office(kind, null, []);

  await writeDirectory(prisma, { agencies, staff }, { source: 'demo', actor: 'demo', onlyNew: true });
  // API tokens marked as the demo's: a start with the demo off revokes them (store/apiTokens.ts).
  await activateDemoTokens(prisma, staff.map((s) => ({ staffId: s.id!, token: s.token })), new Date());
  return staff.map((s) => ({ staffId: s.id!, role: s.role, agencyKind: s.agencyKind, province: s.province, email: s.email, token: s.token }));
}

/** Staff by id, with the name and address a task shows; ids the directory does not know are left out. */
export async function staffByIds(prisma: PrismaClient, ids: readonly string[]): Promise<{ id: string; name: string; email: string }[]> {
  if (ids.length === 0) return [];
  return prisma.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, email: true } });
}

/** A member of staff's role and the agency they belong to; null for an unknown id or a disabled person, who takes no task. */
export async function staffMembership(prisma: PrismaClient, staffId: string): Promise<{ role: StaffRole; agencyKind: AgencyKind; province: string | null } | null> {
  const staff = await prisma.staffUser.findFirst({ where: { id: staffId, disabledAt: null }, select: { role: true, agency: { select: { kind: true, provinceName: true } } } });
  return staff && { role: staff.role, agencyKind: staff.agency.kind, province: staff.agency.provinceName };
}

/** Who a task of an agency may be given to: its active staff and head in the province, by name. */
export async function agencyAssignees(prisma: PrismaClient, agencyKind: AgencyKind, province: string): Promise<{ id: string; name: string; email: string; role: StaffRole }[]> {
  return prisma.staffUser.findMany({
    where: { disabledAt: null, role: { in: ['staff', 'agencyHead'] }, agency: { kind: agencyKind, provinceName: province } },
    select: { id: true, name: true, email: true, role: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}
