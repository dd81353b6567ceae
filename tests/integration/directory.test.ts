import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import { addressedToAssignee } from '../../activities/directory';
import { calendar2014 } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign, type ProvinceInfo } from '../../demo/generator';
import { agencyLabels, bilingual } from '../../domain/labels';
import type { StoredMail } from '../../platform/mailSink';
import { projectRoot } from '../../platform/projectRoot';
import type { enterpriseCaseWorkflow } from '../../workflows';
import type { CaseTiming } from '../../workflows/caseMessages';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { useHarness } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * The directory: its spreadsheet (template, import, all or nothing, idempotent), its admin API and
 * who may use it, disabling someone, and escalation emails going to what the directory says.
 * Province A and B are demo provinces; 北京市 has no demo directory, so everything there is imported.
 */
const generated = generateCampaign({ seed: 71, enterprises: 120 });
const [A, B] = provincesWith(generated, [cleanTrader]);
const traderOf = (p: ProvinceInfo) => enterprisesOf(generated, cleanTrader, p)[0];
const campaignId = `c-directory-${Date.now().toString(36)}`;
const farAhead = new Date(Date.now() + 30 * 86_400_000).toISOString();

const h = useHarness('directory', { dossiers: generated.dataset.dossiers });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = { 'content-type': 'application/json' };
const miitAdmin = () => h.as(h.tokens['national-miit-administrator']);
const adminOf = (p: { code: string }) => h.as(h.tokens[`${p.code}-industry-administrator`]);
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: json, body: JSON.stringify(body) });

type Row = (string | null)[];
/** The template as downloaded, filled in: rows of 机构 (province, kind, name, emails) and 人员 (name, email, mobile, province, kind, role, status) from row 3. */
async function directoryFile(agencies: Row[], staff: Row[]): Promise<Buffer> {
  const res = await h.as(h.tokens.miit)('/templates/directory.xlsx');
  expect(res.status).toBe(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  for (const [name, rows] of [
    ['机构', agencies],
    ['人员', staff],
  ] as const) {
    const sheet = workbook.getWorksheet(name)!;
    rows.forEach((row, i) => row.forEach((value, c) => (sheet.getCell(i + 3, c + 1).value = value)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const importAs = (as: ReturnType<typeof miitAdmin>, file: Buffer, fileName = 'directory.xlsx') =>
  as(`/directory/imports?fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { 'content-type': XLSX }, body: new Uint8Array(file) });

/** Everything an import could write, to show that nothing was. */
const directoryState = async () => ({
  agencies: await h.prisma.agency.findMany({ orderBy: { id: 'asc' } }),
  staff: await h.prisma.staffUser.findMany({ orderBy: { id: 'asc' } }),
  agencyVersions: await h.prisma.agencyVersion.count(),
  staffVersions: await h.prisma.staffVersion.count(),
});

const beijing = {
  agencies: [
    ['北京市', '税务部门', '国家税务总局北京市税务局', 'bj-tax@tax.example.cn、BJ-Tax-Office@tax.example.cn'],
    ['北京市', '纪检监察部门', '北京市纪委监委', 'bj-jiwei@jw.example.cn'],
  ],
  staff: [
    ['张伟', 'zhangwei@tax.example.cn', '13800000001', '北京市', '税务部门', '工作人员', null],
    ['李娜', 'lina@tax.example.cn', null, '北京', '税务部门', '部门负责人', '在岗'],
    ['王强', 'wangqiang@jw.example.cn', '010-12345678', '北京市', '纪检监察部门', '纪检监察', null],
  ],
};

test('the template has the two sheets, Chinese headings over English ones, and drop-down lists', async () => {
  const res = await h.as(h.tokens[`${A.code}-tax-staff`])('/templates/directory.xlsx');
  expect(res.headers.get('content-type')).toContain(XLSX);
  const workbook = new Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const agencies = workbook.getWorksheet('机构')!;
  const staff = workbook.getWorksheet('人员')!;
  expect(agencies.getRow(1).values).toEqual([undefined, '省（区、市）', '机构类别', '机构名称', '联系邮箱']);
  expect(staff.getRow(1).values).toEqual([undefined, '姓名', '电子邮箱', '手机', '省（区、市）', '所在机构类别', '角色', '状态']);
  expect(agencies.getCell('B2').value).toBe('Kind of office');
  expect(agencies.getCell('B3').dataValidation).toMatchObject({ type: 'list' });
  expect(staff.getCell('F3').dataValidation).toMatchObject({ type: 'list' });
});

test('a directory file with bad rows answers 422 with every problem and writes nothing', async () => {
  const before = await directoryState();
  const file = await directoryFile(
    [
      [null, '税务部门', '某税务局', 'tax@x.example.cn'],
      ['北京市', '工业和信息化部', '工业和信息化部', null],
      ['北京市', '不存在的部门', '某部门', null],
      ['北京市', '海关', '北京海关', 'not-an-email'],
    ],
    [
      ['甲', 'bad-address', null, '北京市', '税务部门', '工作人员', null],
      ['乙', 'yi@x.example.cn', null, '北京市', '公安部门', '工作人员', null],
      ['丙', 'bing@x.example.cn', null, A.name, '税务部门', '工业和信息化部协调人', null],
      ['丁', 'ding@x.example.cn', null, A.name, '税务部门', '工作人员', null],
      ['戊', 'ding@x.example.cn', null, A.name, '税务部门', '工作人员', null],
      ['己', 'ji@x.example.cn', null, A.name, '税务部门', '领导', '在岗'],
    ],
  );
  const { status, body } = await answer(await importAs(miitAdmin(), file, 'bad.xlsx'));
  expect(status).toBe(422);
  expect(body.error).toBe('bad.xlsx: 9 problem(s); nothing was imported');
  const details = body.details as { sheet: string; row: number; column: string; value?: string; reason: { zh: string; en: string } }[];
  expect(details.map(({ sheet, row, column }) => `${sheet} ${row} ${column}`).sort()).toEqual(
    [
      '机构 3 机构类别', // a provincial office without its province
      '机构 4 机构类别', // MIIT is national
      '机构 5 机构类别', // no such kind
      '机构 6 联系邮箱',
      '人员 3 电子邮箱',
      '人员 4 所在机构类别', // 北京市 public security is neither in the file nor on file
      '人员 5 角色', // MIIT's coordinator sits at MIIT
      '人员 7 电子邮箱', // the same person as row 6
      '人员 8 角色', // no such role
    ].sort(),
  );
  for (const d of details) {
    expect(d.reason.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(d.reason.en).toMatch(/[a-z]/);
  }
  expect(details.find((d) => d.row === 6 && d.sheet === '机构')).toMatchObject({ value: 'not-an-email' });
  expect(await directoryState()).toEqual(before);
});

test('a good file creates offices and staff, versioned with who and when; the same file again writes nothing', async () => {
  const file = await directoryFile(beijing.agencies, beijing.staff);
  const first = await answer(await importAs(miitAdmin(), file, 'beijing.xlsx'));
  expect(first).toEqual({
    status: 200,
    body: { dryRun: false, format: 'xlsx', rows: { agencies: 2, staff: 3 }, agencies: { created: 2, changed: 0, unchanged: 0 }, staff: { created: 3, changed: 0, unchanged: 0 }, tasksReturned: 0 },
  });
  const tax = await h.prisma.agency.findUniqueOrThrow({ where: { id: '11-tax' }, include: { versions: true } });
  expect(tax).toMatchObject({ name: '国家税务总局北京市税务局', emails: ['bj-tax@tax.example.cn', 'BJ-Tax-Office@tax.example.cn'], provinceName: '北京市', currentVersion: 1 });
  expect(tax.versions).toEqual([expect.objectContaining({ version: 1, source: 'import:beijing.xlsx', changedBy: 'national-miit-administrator' })]);
  const lina = await h.prisma.staffUser.findUniqueOrThrow({ where: { email: 'lina@tax.example.cn' } });
  expect(lina).toMatchObject({ name: '李娜', role: 'agencyHead', agencyId: '11-tax', mobile: null, disabledAt: null });

  const before = await directoryState();
  const again = await answer(await importAs(miitAdmin(), file, 'beijing.xlsx'));
  expect(again.body).toMatchObject({ agencies: { created: 0, changed: 0, unchanged: 2 }, staff: { created: 0, changed: 0, unchanged: 3 } });
  expect(await directoryState()).toEqual(before);

  // The same person written in another case is that person, unchanged; two such rows in one file are one person twice.
  const recased = await directoryFile(beijing.agencies, [['张伟', 'ZhangWei@Tax.example.cn', ...beijing.staff[0].slice(2)], ...beijing.staff.slice(1)]);
  expect((await answer(await importAs(miitAdmin(), recased))).body).toMatchObject({ staff: { created: 0, changed: 1, unchanged: 2 } });
  expect(await h.prisma.staffUser.count({ where: { email: { equals: 'zhangwei@tax.example.cn', mode: 'insensitive' } } })).toBe(1);
  const twice = await answer(await importAs(miitAdmin(), await directoryFile(beijing.agencies, [...beijing.staff, ['张伟', 'ZHANGWEI@tax.example.cn', ...beijing.staff[0].slice(2)]])));
  expect(twice).toMatchObject({ status: 422, body: { details: [expect.objectContaining({ sheet: '人员', value: 'ZHANGWEI@tax.example.cn' })] } });
  const restored = await directoryFile(beijing.agencies, beijing.staff);
  expect((await answer(await importAs(miitAdmin(), restored))).body).toMatchObject({ staff: { created: 0, changed: 1, unchanged: 2 } });

  // A changed cell makes a new version and keeps the old one.
  const moved = await directoryFile(beijing.agencies, [['张伟', 'zhangwei@tax.example.cn', '13800000009', '北京市', '税务部门', '工作人员', null], ...beijing.staff.slice(1)]);
  expect((await answer(await importAs(miitAdmin(), moved))).body).toMatchObject({ staff: { created: 0, changed: 1, unchanged: 2 } });
  const versions = await h.prisma.staffVersion.findMany({ where: { staff: { email: 'zhangwei@tax.example.cn' } }, orderBy: { version: 'asc' } });
  // Versions 2 and 3 are the address written in another case and back.
  expect(versions.map((v) => v.snapshot as { email: string; mobile: string }).map((v) => `${v.email} ${v.mobile}`)).toEqual([
    'zhangwei@tax.example.cn 13800000001',
    'ZhangWei@Tax.example.cn 13800000001',
    'zhangwei@tax.example.cn 13800000001',
    'zhangwei@tax.example.cn 13800000009',
  ]);
});

test('a provincial administrator manages their own province and nothing else; nobody else uses the directory API', async () => {
  const mine = await answer(await adminOf(A)('/directory/staff?pageSize=500'));
  expect(mine.status).toBe(200);
  const items = mine.body.items as { id: string; province: string | null }[];
  expect(items.map((s) => s.id)).toContain(`${A.code}-tax-staff`);
  expect(items.filter((s) => s.province !== A.name)).toEqual([]);
  expect((await answer(await adminOf(A)(`/directory/staff?province=${encodeURIComponent(B.name)}`))).body).toMatchObject({ items: [], total: 0 });
  expect(((await answer(await miitAdmin()('/directory/agencies?pageSize=500'))).body.items as { id: string }[]).map((a) => a.id)).toEqual(
    expect.arrayContaining(['national-miit', 'national-coordinationMechanism', `${A.code}-tax`, `${B.code}-tax`, '11-tax']),
  );

  // Another province's people and offices are hidden, exactly like ids that do not exist.
  const missing = await answer(await adminOf(A)('/directory/staff/no-such-person', post({ mobile: '13900000000' })));
  expect(missing.status).toBe(404);
  expect(await answer(await adminOf(A)(`/directory/staff/${B.code}-tax-staff`, post({ mobile: '13900000000' })))).toEqual(missing);
  expect(await answer(await adminOf(A)(`/directory/staff/${B.code}-tax-staff/disable`, { method: 'POST' }))).toEqual(await answer(await adminOf(A)('/directory/staff/no-such-person/disable', { method: 'POST' })));
  expect((await answer(await adminOf(A)(`/directory/agencies/${B.code}-tax`, post({ name: 'x' })))).status).toBe(404);
  expect((await answer(await adminOf(A)('/directory/agencies', post({ kind: 'customs', province: B.name, name: '某海关', emails: [] })))).status).toBe(403);
  const elsewhere = await answer(await adminOf(A)('/directory/staff', post({ name: '周', email: 'zhou@x.example.cn', agencyId: `${B.code}-tax`, role: 'staff' })));
  expect(elsewhere).toMatchObject({ status: 422, body: { error: 'no such office in your directory' } });
  const before = await directoryState();
  expect((await importAs(adminOf(A), await directoryFile(beijing.agencies, beijing.staff))).status).toBe(403);
  expect(await directoryState()).toEqual(before);
  expect((await h.prisma.staffUser.findUniqueOrThrow({ where: { id: `${B.code}-tax-staff` } })).disabledAt).toBeNull();

  // In their own province they do: a changed office is a new version, by them.
  const changed = await answer(await adminOf(A)(`/directory/agencies/${A.code}-tax`, post({ emails: ['tax-office@a.example.cn'] })));
  expect(changed).toMatchObject({ status: 200, body: { id: `${A.code}-tax`, emails: ['tax-office@a.example.cn'], version: 2, updatedBy: `${A.code}-industry-administrator` } });
  const added = await answer(await adminOf(A)('/directory/staff', post({ name: '周', email: 'zhou@x.example.cn', agencyId: `${A.code}-tax`, role: 'staff' })));
  expect(added).toMatchObject({ status: 201, body: { name: '周', agencyId: `${A.code}-tax`, province: A.name, role: 'staff', active: true, version: 1 } });
  expect((await answer(await adminOf(A)('/directory/staff', post({ name: '周二', email: 'zhou@x.example.cn', agencyId: `${A.code}-tax`, role: 'staff' })))).status).toBe(409);
  // One address is one person whatever its case.
  expect((await answer(await adminOf(A)('/directory/staff', post({ name: '周二', email: 'Zhou@X.example.cn', agencyId: `${A.code}-tax`, role: 'staff' })))).status).toBe(409);
  const wrongRole = await answer(await adminOf(A)('/directory/staff', post({ name: '吴', email: 'wu@x.example.cn', agencyId: `${A.code}-tax`, role: 'disciplineInspection' })));
  expect(wrongRole.status).toBe(422);

  for (const role of ['staff', 'agencyHead', 'provincialCoordinator', 'disciplineInspection']) {
    const agency = role === 'disciplineInspection' ? 'disciplineInspection' : role === 'provincialCoordinator' ? 'industry' : 'tax';
    expect((await h.as(h.tokens[`${A.code}-${agency}-${role}`])('/directory/staff')).status).toBe(403);
  }
  expect((await h.as(h.tokens.miit)('/directory/agencies')).status).toBe(403);
});

const startCase = (p: ProvinceInfo, timing: CaseTiming) => {
  const { code, name, types } = traderOf(p).enterprise;
  return h.client.workflow.start<typeof enterpriseCaseWorkflow>('enterpriseCaseWorkflow', {
    workflowId: caseWorkflowId(campaignId, p.name, code),
    taskQueue: h.taskQueue,
    args: [{ campaignId, province: p.name, enterprise: { code, name, types }, reviewWindow: calendar2014.reviewWindow, timing, supervised: false, phaseEnds: { selfInspection: farAhead, rectification: farAhead, acceptance: farAhead } }],
  });
};
const taxTaskOf = (caseId: string) =>
  waitFor('the tax task', async () => {
    const page = (await (await h.as(h.tokens.miit)(`/tasks?status=open&caseId=${encodeURIComponent(caseId)}`)).json()) as { items: { key: string; agency: string; assignee: unknown }[] };
    return page.items.find((t) => t.agency === 'tax');
  });

test('escalation emails go to the addresses of an imported directory', async () => {
  // B's tax office and discipline inspection are taken over by a file: the demo people leave, new
  // ones come, and discipline inspection is known only by its office's address.
  const takeover = await directoryFile(
    [
      [B.name, '税务部门', `国家税务总局${B.name}税务局`, 'b-tax-office@tax.example.cn'],
      [B.name, '纪检监察部门', `${B.name}纪委监委`, 'b-jiwei@jw.example.cn'],
    ],
    [
      ['原工作人员', `${B.code}-tax-staff@campaign.example`, null, B.name, '税务部门', '工作人员', '停用'],
      ['原负责人', `${B.code}-tax-agencyHead@campaign.example`, null, B.name, '税务部门', '部门负责人', '停用'],
      ['原纪检', `${B.code}-disciplineInspection-disciplineInspection@campaign.example`, null, B.name, '纪检监察部门', '纪检监察', '停用'],
      ['赵敏', 'b-tax-zhao@tax.example.cn', null, B.name, '税务部门', '工作人员', null],
      ['钱坤', 'b-tax-qian@tax.example.cn', null, B.name, '税务部门', '部门负责人', null],
    ],
  );
  expect((await answer(await importAs(miitAdmin(), takeover, 'takeover.xlsx'))).body).toMatchObject({ agencies: { changed: 2 }, staff: { created: 2, changed: 3 } });

  const handle = await startCase(B, { taskDueMs: 2_000, reminderBeforeMs: 300, graceAfterDueMs: 700 });
  const code = traderOf(B).enterprise.code;
  const ladder = await waitFor('three escalation emails of the tax task', async () => {
    const mails = ((await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[]).filter(
      (m) => m.text.includes(code) && m.text.includes(`承办部门 Responsible agency: ${bilingual(agencyLabels.tax)}`),
    );
    return mails.length >= 3 ? mails : undefined;
  });
  expect(ladder.map((m) => ({ to: m.to, cc: [...m.cc].sort() }))).toEqual([
    { to: ['b-tax-zhao@tax.example.cn'], cc: [] },
    { to: ['b-tax-qian@tax.example.cn'], cc: ['b-tax-zhao@tax.example.cn'] },
    { to: ['b-jiwei@jw.example.cn'], cc: ['b-tax-qian@tax.example.cn'] },
  ]);
  await handle.terminate('test done');
});

test('disabling someone hands their open tasks back to the agency, their reminders with them, and their token stops working at once', async () => {
  const handle = await startCase(A, { taskDueMs: 3_600_000, reminderBeforeMs: 60_000, graceAfterDueMs: 3_600_000 });
  const task = await taxTaskOf(handle.workflowId);
  const staffToken = h.tokens[`${A.code}-tax-staff`];
  const assigned = await answer(await h.as(h.tokens[`${A.code}-tax-agencyHead`])(`/tasks/${encodeURIComponent(task.key)}/assign`, post({ staffId: `${A.code}-tax-staff` })));
  expect(assigned).toMatchObject({ status: 200, body: { assignee: { staffId: `${A.code}-tax-staff` } } });
  const reminder = { key: `${task.key}/reminder`, to: ['agency@example.cn'], subject: 's', body: 'b' };
  expect((await addressedToAssignee(h.prisma, reminder)).to).toEqual([`${A.code}-tax-staff@campaign.example`]);
  expect((await h.as(staffToken)('/tasks?assignee=me')).status).toBe(200);

  const disabled = await answer(await adminOf(A)(`/directory/staff/${A.code}-tax-staff/disable`, { method: 'POST' }));
  expect(disabled).toMatchObject({ status: 200, body: { tasksReturned: 1, staff: { id: `${A.code}-tax-staff`, active: false, version: 2 } } });
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: task.key } })).assigneeId).toBeNull();
  expect((await addressedToAssignee(h.prisma, reminder)).to).toEqual(reminder.to);
  expect(await answer(await h.as(staffToken)('/tasks?assignee=me'))).toEqual({ status: 401, body: { error: 'unknown, expired or revoked token' } });
  // Nor can the task be given back to them.
  const again = await answer(await h.as(h.tokens[`${A.code}-tax-agencyHead`])(`/tasks/${encodeURIComponent(task.key)}/assign`, post({ staffId: `${A.code}-tax-staff` })));
  expect(again.status).toBe(422);
  const version = await h.prisma.staffVersion.findUniqueOrThrow({ where: { staffId_version: { staffId: `${A.code}-tax-staff`, version: 2 } } });
  expect(version).toMatchObject({ changedBy: `${A.code}-industry-administrator`, snapshot: expect.objectContaining({ active: false }) });

  // Disabling again changes nothing; the person stays in the directory, listed as disabled.
  expect((await answer(await adminOf(A)(`/directory/staff/${A.code}-tax-staff/disable`, { method: 'POST' }))).body).toMatchObject({ tasksReturned: 0, staff: { version: 2 } });
  const listed = (await answer(await adminOf(A)(`/directory/staff?active=false&agencyId=${A.code}-tax`))).body.items as { id: string }[];
  expect(listed.map((s) => s.id)).toEqual([`${A.code}-tax-staff`]);
  await handle.terminate('test done');
});

describe('npm run directory -- import', () => {
  const run = promisify(execFile);
  const script = path.join(projectRoot(), 'dist', 'scripts', 'directory.js');
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [script, 'import', ...args], { env: { PATH: process.env.PATH, DATABASE_URL: h.databaseUrl, LOG_LEVEL: 'silent' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'directory-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('one CSV per sheet: a bad one prints every problem and writes nothing; a good one is imported once', async () => {
    const agencies = path.join(dir, '机构.csv');
    const staff = path.join(dir, '人员.csv');
    await writeFile(agencies, csv([['省（区、市）', '机构类别', '机构名称', '联系邮箱'], ['天津市', '海关', '天津海关', 'customs@tj.example.cn']]));
    await writeFile(staff, csv([['姓名', '电子邮箱', '手机', '省（区、市）', '所在机构类别', '角色', '状态'], ['孙', 'sun@tj.example.cn', '', '天津市', '海关', '主任', '']]));
    const before = await directoryState();
    const bad = await cli(agencies, staff);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('1 problem(s); nothing was imported');
    expect(bad.stderr).toContain('人员 / row 2 / 角色 「主任」');
    expect(await directoryState()).toEqual(before);

    await writeFile(staff, csv([['姓名', '电子邮箱', '手机', '省（区、市）', '所在机构类别', '角色', '状态'], ['孙', 'sun@tj.example.cn', '', '天津市', '海关', '工作人员', '']]));
    const good = await cli('--actor', 'clerk', agencies, staff);
    expect(good).toMatchObject({ code: 0 });
    expect(good.stdout).toContain('offices: created 1, changed 0, unchanged 0; people: created 1, changed 0, unchanged 0');
    expect(await h.prisma.staffVersion.findFirst({ where: { staff: { email: 'sun@tj.example.cn' } } })).toMatchObject({ version: 1, changedBy: 'clerk', source: 'import:机构.csv+人员.csv' });
    const again = await cli(agencies, staff);
    expect(again.stdout).toContain('offices: created 0, changed 0, unchanged 1; people: created 0, changed 0, unchanged 1');
  });
});
