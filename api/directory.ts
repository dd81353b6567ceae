import type { PrismaClient } from '@prisma/client';
import express, { type Response, Router } from 'express';
import { z } from 'zod';
import { type Principal, StaffRole, administersDirectory } from '../domain/access';
import { AgencyEntry, Email, Mobile, StaffEntry, agencyIdOf, agencyPlacementProblem, rolePlacementProblem } from '../domain/directory';
import { AgencyKind } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { identifier, text } from '../domain/text';
import { MAX_FILE_BYTES, parseDirectoryFiles } from '../intake';
import type { Logger } from '../platform/logger';
import {
  type AgencyRecord,
  type DirectoryOutcome,
  type DirectoryWrite,
  type StaffRecord,
  agencyIds,
  findAgency,
  findStaff,
  listAgencies,
  listStaff,
  writeDirectory,
} from '../store/directory';
import { type AuditNote, auditInTransaction } from './auditNote';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { XLSX_TYPE } from './imports';
import { QueryBoolean, error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';

const AgencyView = z.object({
  id: z.string(),
  kind: AgencyKind,
  province: z.string().nullable(),
  name: z.string(),
  emails: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});

const StaffView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  agencyId: z.string(),
  agencyKind: AgencyKind,
  province: z.string().nullable(),
  role: StaffRole,
  active: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});

const AgencyPath = z.object({ id: identifier(100) });
const StaffPath = z.object({ id: identifier(200) });
const AgencyQuery = PageQuery.extend({ province: ProvinceName.optional().meta({ description: 'only this province (national offices have none)' }) });
const StaffQuery = PageQuery.extend({
  province: ProvinceName.optional(),
  agencyId: identifier(100).optional(),
  active: QueryBoolean.optional().meta({ description: 'true: active people only; false: disabled ones only' }),
});

const AgencyChange = z.object({ name: text(100).optional(), emails: AgencyEntry.shape.emails.optional() }).strict();
const NewStaff = StaffEntry.omit({ active: true }).extend({ mobile: Mobile.nullable().default(null) }).strict();
const StaffChange = z
  .object({
    name: text(50).optional(),
    email: Email.optional(),
    mobile: Mobile.nullable().optional(),
    agencyId: z.string().optional(),
    role: StaffRole.optional(),
    active: z.literal(true).optional().meta({ description: 'enable a disabled person again (disabling is POST …/disable)' }),
  })
  .strict();

const Counts = z.object({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });
const Imported = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv', 'json']),
  encoding: z.enum(['UTF-8', 'GB18030']).optional(),
  agencies: Counts.optional(),
  staff: Counts.optional(),
  rows: z.object({ agencies: z.number().int(), staff: z.number().int() }),
  tasksReturned: z.number().int().optional(),
});
const Problems = z.object({
  error: z.string(),
  details: z.array(z.object({ sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional(), value: z.string().optional(), reason: z.object({ zh: z.string(), en: z.string() }) })),
});
const Disabled = z.object({ staff: StaffView, tasksReturned: z.number().int().meta({ description: 'open tasks handed back to the agency' }) });

const notAdministrator = error('only directory administrators read or write the directory');
const tag = 'directory';

export const directoryOperations = {
  listAgencies: {
    method: 'get',
    path: '/directory/agencies',
    tag,
    summary: 'The offices in the directory: every one for MIIT’s administrator, a province’s for its administrator',
    query: AgencyQuery,
    responses: { 200: { description: 'one page of offices', schema: Paged(AgencyView) }, 403: notAdministrator },
  },
  createAgency: {
    method: 'post',
    path: '/directory/agencies',
    tag,
    summary: 'Add an office (its kind, province, name as officials write it, contact emails)',
    body: { schema: AgencyEntry, example: { kind: 'tax', province: '江西省', name: '国家税务总局江西省税务局', emails: ['jxtax@tax.example.cn'] } },
    responses: {
      201: { description: 'added', schema: AgencyView },
      403: error('not a directory administrator, or the office is outside your province'),
      409: error('the province already has an office of this kind'),
      422: error('a national office with a province, or a provincial one without'),
    },
  },
  changeAgency: {
    method: 'post',
    path: '/directory/agencies/:id',
    tag,
    summary: "Change an office's name or contact emails (a new version; the old one is kept)",
    params: AgencyPath,
    body: { schema: AgencyChange, example: { emails: ['jxtax@tax.example.cn', 'jxtax-duty@tax.example.cn'] } },
    responses: { 200: { description: 'the office as it now stands', schema: AgencyView }, 403: notAdministrator, 404: error('no such office, or not in your province') },
  },
  listStaff: {
    method: 'get',
    path: '/directory/staff',
    tag,
    summary: 'The people in the directory, active and disabled',
    query: StaffQuery,
    responses: { 200: { description: 'one page of people', schema: Paged(StaffView) }, 403: notAdministrator },
  },
  createStaff: {
    method: 'post',
    path: '/directory/staff',
    tag,
    summary: 'Add a member of staff to an office, with one role',
    body: { schema: NewStaff, example: { name: '王芳', email: 'wangfang@tax.example.cn', mobile: '13907910001', agencyId: '36-tax', role: 'staff' } },
    responses: {
      201: { description: 'added', schema: StaffView },
      403: notAdministrator,
      409: error('someone in the directory has this email already'),
      422: error('no such office in your province, or the role does not belong to that office'),
    },
  },
  changeStaff: {
    method: 'post',
    path: '/directory/staff/:id',
    tag,
    summary: "Change a person's name, email, mobile, office or role, or enable them again",
    description: 'A person moved to another office or out of the roles that do tasks hands their open tasks back to their agency, as disabling does.',
    params: StaffPath,
    body: { schema: StaffChange, example: { mobile: '13907910002' } },
    responses: {
      200: { description: 'the person as they now stand', schema: StaffView },
      403: notAdministrator,
      404: error('no such person, or not in your province'),
      409: error('someone else has this email'),
      422: error('no such office in your province, or the role does not belong to that office'),
    },
  },
  disableStaff: {
    method: 'post',
    path: '/directory/staff/:id/disable',
    tag,
    summary: 'Disable a person (leave, transfer): their open tasks go back to the agency, their credentials stop working at once',
    params: StaffPath,
    responses: { 200: { description: 'disabled (again: nothing changes)', schema: Disabled }, 403: notAdministrator, 404: error('no such person, or not in your province') },
  },
  importDirectory: {
    method: 'post',
    path: '/directory/imports',
    tag,
    summary: 'Import a directory file (the template from /templates/directory.xlsx, CSV or JSON): all or nothing, idempotent',
    description:
      "Offices are keyed by kind and province, people by email. A file with problems answers 422 and `details` lists every one by sheet, row, column and value, in Chinese and English; nothing is written. A provincial administrator's file may name only their province's offices. Importing the same file again writes nothing.",
    query: z.object({
      fileName: text(255).default('directory').meta({ description: 'shown in the problem report; the content tells the format' }),
      dryRun: QueryBoolean.default(false).meta({ description: 'check and report, write nothing' }),
    }),
    body: { mediaTypes: [XLSX_TYPE, 'text/csv', 'application/json', 'application/octet-stream'], description: 'the file as it is, up to 20 MB' },
    responses: {
      200: { description: 'imported (or checked): offices and people created, changed, unchanged', schema: Imported },
      403: error('not a directory administrator, or the file names a province not yours'),
      413: error('over 20 MB'),
      422: { description: 'the problems; nothing was written', schema: Problems },
    },
  },
} satisfies Record<string, Operation>;

function agencyView(a: AgencyRecord): z.input<typeof AgencyView> {
  return { ...a, updatedAt: a.updatedAt.toISOString() };
}

function staffView(s: StaffRecord): z.input<typeof StaffView> {
  return { ...s, disabledAt: s.disabledAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString() };
}

/** The fields a change touched, as they were and as they became. */
function changedFields(before: StaffEntry, after: StaffEntry): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = (Object.keys(after) as (keyof StaffEntry)[]).filter((k) => before[k] !== after[k]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

const entryOf = (s: StaffRecord): StaffEntry => ({ name: s.name, email: s.email, mobile: s.mobile, agencyId: s.agencyId, role: s.role, active: s.active });

function administrator(res: Response): Principal {
  const me = principalOf(res);
  if (me.role !== 'administrator') throw new HttpError(403, 'only directory administrators read or write the directory');
  return me;
}

/** A province MIIT's administrator sees all of; a provincial administrator only their own. */
const scopeOf = (me: Principal): string | undefined => (administersDirectory(me, null) ? undefined : me.province!);

/**
 * The directory's admin API and its import. MIIT's administrator manages every office and person,
 * a provincial administrator those of their province; an object outside that answers 404 as if
 * it did not exist. Every write goes through store/directory.ts's writeDirectory, which versions it.
 */
export function directoryRoutes(deps: { prisma: PrismaClient; log: Logger }): { files: Router; json: Router } {
  const files = Router();
  const json = Router();

  const visibleAgency = async (me: Principal, id: string): Promise<AgencyRecord> => {
    const agency = await findAgency(deps.prisma, id);
    if (!agency || !administersDirectory(me, agency.province)) throw new HttpError(404, 'office not found');
    return agency;
  };
  const visibleStaff = async (me: Principal, id: string): Promise<StaffRecord> => {
    const person = await findStaff(deps.prisma, { id });
    if (!person || !administersDirectory(me, person.province)) throw new HttpError(404, 'person not found');
    return person;
  };
  /** The office a person is put in: one the caller administers, of a kind the role belongs to. */
  const checkPlacement = async (me: Principal, entry: StaffEntry): Promise<void> => {
    const agency = await findAgency(deps.prisma, entry.agencyId);
    // The same answer for an office elsewhere as for none: ids of other provinces are not to be probed.
    if (!agency || !administersDirectory(me, agency.province)) throw new HttpError(422, 'no such office in your directory', [{ path: 'agencyId', message: `no office ${entry.agencyId}` }]);
    const misplaced = rolePlacementProblem(entry.role, agency);
    if (misplaced) throw new HttpError(422, `${misplaced.en} / ${misplaced.zh}`, [{ path: 'role', message: misplaced.en }]);
  };
  const checkEmailFree = async (email: string, id?: string): Promise<void> => {
    const holder = await findStaff(deps.prisma, { email });
    if (holder && holder.id !== id) throw new HttpError(409, `someone in the directory has the email ${email} already`);
  };
  /**
   * Writes and audits in one transaction: the note is made from what was written. Without the audit
   * middleware in front (an app assembled without it) there is no request to tie a row to, and the
   * note is all that is left.
   */
  const write = (res: Response, source: string, directory: Partial<DirectoryWrite>, note: (outcome: DirectoryOutcome) => AuditNote, status = 200) =>
    writeDirectory(
      deps.prisma,
      { agencies: [], staff: [], ...directory },
      {
        source,
        actor: principalOf(res).staffId,
        audit: (outcome) => {
          if (res.locals.auditContext) return auditInTransaction(res, note(outcome), status);
          res.locals.audit = note(outcome);
          return undefined;
        },
      },
    );

  json.get(directoryOperations.listAgencies.path, async (req, res) => {
    const me = administrator(res);
    const query = parseOr400(AgencyQuery, req.query, 'query');
    const scope = scopeOf(me);
    if (scope !== undefined && query.province !== undefined && query.province !== scope) return void res.json(paged([], query, 0));
    const page = await listAgencies(deps.prisma, { province: scope ?? query.province }, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    res.json(paged(page.items.map(agencyView), query, page.total));
  });

  json.post(directoryOperations.createAgency.path, async (req, res) => {
    const me = administrator(res);
    const entry = parseOr400(AgencyEntry, req.body, 'request body');
    if (!administersDirectory(me, entry.province)) throw new HttpError(403, 'you may add offices of your own province only');
    const misplaced = agencyPlacementProblem(entry.kind, entry.province);
    if (misplaced) throw new HttpError(422, `${misplaced.en} / ${misplaced.zh}`, [{ path: 'province', message: misplaced.en }]);
    const id = agencyIdOf(entry.kind, entry.province);
    if (await findAgency(deps.prisma, id)) throw new HttpError(409, `the directory has this office already: ${id}`);
    await write(res, 'api', { agencies: [entry] }, () => ({ action: 'directory.agency.create', objectType: 'agency', objectId: id, province: entry.province, after: entry }), 201);
    const created = (await findAgency(deps.prisma, id))!;
    res.status(201).json(agencyView(created));
  });

  json.post(directoryOperations.changeAgency.path, async (req, res) => {
    const me = administrator(res);
    const before = await visibleAgency(me, parseOr400(AgencyPath, req.params, 'path').id);
    const change = parseOr400(AgencyChange, req.body, 'request body');
    const entry = { kind: before.kind, province: before.province, name: change.name ?? before.name, emails: change.emails ?? before.emails };
    await write(res, 'api', { agencies: [entry] }, () => ({
      action: 'directory.agency.change',
      objectType: 'agency',
      objectId: before.id,
      province: before.province,
      before: { name: before.name, emails: before.emails },
      after: { name: entry.name, emails: entry.emails },
    }));
    const after = (await findAgency(deps.prisma, before.id))!;
    res.json(agencyView(after));
  });

  json.get(directoryOperations.listStaff.path, async (req, res) => {
    const me = administrator(res);
    const query = parseOr400(StaffQuery, req.query, 'query');
    const scope = scopeOf(me);
    if (scope !== undefined && query.province !== undefined && query.province !== scope) return void res.json(paged([], query, 0));
    const filter = { province: scope ?? query.province, agencyId: query.agencyId, active: query.active };
    const page = await listStaff(deps.prisma, filter, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    res.json(paged(page.items.map(staffView), query, page.total));
  });

  json.post(directoryOperations.createStaff.path, async (req, res) => {
    const me = administrator(res);
    const entry: StaffEntry = { ...parseOr400(NewStaff, req.body, 'request body'), active: true };
    await checkPlacement(me, entry);
    await checkEmailFree(entry.email);
    const agency = (await findAgency(deps.prisma, entry.agencyId))!;
    const [id] = (await write(res, 'api', { staff: [entry] }, (o) => ({ action: 'directory.staff.create', objectType: 'staff', objectId: o.staff.ids[0], province: agency.province, after: entry }), 201)).staff.ids;
    const created = (await findStaff(deps.prisma, { id }))!;
    res.status(201).json(staffView(created));
  });

  json.post(directoryOperations.changeStaff.path, async (req, res) => {
    const me = administrator(res);
    const before = await visibleStaff(me, parseOr400(StaffPath, req.params, 'path').id);
    const change = parseOr400(StaffChange, req.body, 'request body');
    const entry: StaffEntry = { ...entryOf(before), ...change, active: change.active ?? before.active };
    await checkPlacement(me, entry);
    await checkEmailFree(entry.email, before.id);
    const diff = changedFields(entryOf(before), entry);
    const outcome = await write(res, 'api', { staff: [{ ...entry, id: before.id }] }, (o) => ({
      action: 'directory.staff.change',
      objectType: 'staff',
      objectId: before.id,
      province: before.province,
      before: diff.before,
      after: o.tasksReturned > 0 ? { ...diff.after, tasksReturned: o.tasksReturned } : diff.after,
    }));
    const after = (await findStaff(deps.prisma, { id: before.id }))!;
    deps.log.info({ staffId: before.id, by: me.staffId, tasksReturned: outcome.tasksReturned }, 'directory: staff changed');
    res.json(staffView(after));
  });

  json.post(directoryOperations.disableStaff.path, async (req, res) => {
    const me = administrator(res);
    const before = await visibleStaff(me, parseOr400(StaffPath, req.params, 'path').id);
    const { tasksReturned } = await write(res, 'api', { staff: [{ ...entryOf(before), id: before.id, active: false }] }, (o) => ({
      action: 'directory.staff.disable',
      objectType: 'staff',
      objectId: before.id,
      province: before.province,
      before: { active: before.active },
      after: { active: false, tasksReturned: o.tasksReturned },
    }));
    const after = (await findStaff(deps.prisma, { id: before.id }))!;
    deps.log.info({ staffId: before.id, by: me.staffId, tasksReturned }, 'directory: staff disabled');
    res.json({ staff: staffView(after), tasksReturned } satisfies z.input<typeof Disabled>);
  });

  files.post(directoryOperations.importDirectory.path, express.raw({ type: () => true, limit: MAX_FILE_BYTES }), async (req, res) => {
    const me = administrator(res);
    const query = parseOr400(directoryOperations.importDirectory.query, req.query, 'query');
    const content: unknown = req.body;
    const result = await parseDirectoryFiles([{ fileName: query.fileName, content: Buffer.isBuffer(content) ? content : Buffer.alloc(0) }], await agencyIds(deps.prisma));
    if (!result.ok) throw new HttpError(422, `${query.fileName}: ${result.problems.length} problem(s); nothing was imported`, result.problems);
    const { agencies, staff } = result.directory;
    const named = [...agencies.map((a) => a.province), ...staff.map((s) => s.province)];
    const foreign = [...new Set(named)].filter((p) => !administersDirectory(me, p));
    if (foreign.length > 0) throw new HttpError(403, `you may not write the directory of ${foreign.map((p) => p ?? 'the national offices').join('、')}; nothing was imported`);

    const [{ format, encoding }] = result.files;
    const read = { format, ...(encoding ? { encoding } : {}), rows: { agencies: agencies.length, staff: staff.length } };
    if (query.dryRun) return void res.json({ dryRun: true, ...read } satisfies z.input<typeof Imported>);
    const counts = (c: { created: number; changed: number; unchanged: number }) => ({ created: c.created, changed: c.changed, unchanged: c.unchanged });
    const answerOf = (o: DirectoryOutcome) => ({ dryRun: false, ...read, agencies: counts(o.agencies), staff: counts(o.staff), tasksReturned: o.tasksReturned }) satisfies z.input<typeof Imported>;
    const outcome = await write(res, `import:${query.fileName}`, { agencies, staff }, (o) => ({ action: 'directory.import', objectType: 'directoryImport', objectId: query.fileName, province: me.province, after: answerOf(o) }));
    const answer = answerOf(outcome);
    deps.log.info({ fileName: query.fileName, by: me.staffId, agencies: answer.agencies, staff: answer.staff }, 'directory imported');
    res.json(answer);
  });

  return { files, json };
}
