import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { layout, parseCampaignFile } from '../../intake';
import { provinceNames } from '../../domain/provinces';
import { projectRoot } from '../../platform/projectRoot';
import { filledRows, filledWorkbook, mine, options, trader, worksheetOf } from '../fixtures/intake/campaignFile';
import { useHarness } from '../support/harness';


const h = useHarness('imports');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(token: string, content: Buffer | string, query = 'fileName=annex2.xlsx') {
  const res = await h.as(token)(`/imports?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: content });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every archive table's row count: an import that is refused must leave all of them as they were. */
async function archiveCounts() {
  const p = h.prisma;
  const [enterprises, versions, licences, permits, plans, ledger, trades, tax] = await Promise.all([
    p.enterprise.count(),
    p.enterpriseVersion.count(),
    p.miningLicence.count(),
    p.permitDocument.count(),
    p.productionPlan.count(),
    p.ledgerEntry.count(),
    p.tradeRecord.count(),
    p.taxRecord.count(),
  ]);
  return { enterprises, versions, licences, permits, plans, ledger, trades, tax };
}

// The archive API's JSON, as far as these tests read it.
interface Archive {
  enterprise: { name: string; phone: string; province: string; types: string[] };
  miningLicences: { number: string }[];
  permits: { kind: string; documentNo: string }[];
  ledger: { total: number };
  versions: unknown[];
}
const archiveOf = async (code: string) => (await (await h.as(h.tokens.miit)(`/enterprises/${code}`)).json()) as Archive;

const edited = (edit: (workbook: Workbook) => void) => filledWorkbook(edit);

describe('importing filled-in templates through the API', () => {
  test('the templates download as workbooks with the official sheets', async () => {
    const res = await h.as(h.tokens.miit)('/templates/annex2.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const names = workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names).toEqual(Object.values(layout).map((sheet) => sheet.name));
    expect((await h.as(h.tokens.miit)('/templates/annex5.xlsx')).status).toBe(400);
  });

  test('a valid annex 2 is stored; the same file again changes nothing', async () => {
    const file = await filledWorkbook();
    const first = await upload(h.tokens.miit, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'annex2', enterprises: 2, created: [mine, trader], changed: [], unchanged: [] });
    const stored = await archiveCounts();
    expect(stored).toEqual({ enterprises: 2, versions: 2, licences: 1, permits: 3, plans: 2, ledger: 3, trades: 1, tax: 1 });

    const again = await upload(h.tokens.miit, file);
    expect(again.body).toMatchObject({ created: [], changed: [], unchanged: [mine, trader], rowsWritten: 0 });
    expect(await archiveCounts()).toEqual(stored);

    const archive = await archiveOf(mine);
    expect(archive.enterprise).toMatchObject({ name: '赣州稀土矿业有限公司', province: '江西省', types: ['mine', 'smelting'] });
    expect(archive.miningLicences).toEqual([expect.objectContaining({ number: 'C3600002011043210001' })]);
    expect(archive.permits).toContainEqual(expect.objectContaining({ kind: 'recovery', documentNo: '赣国土资回收〔2013〕12号' }));
  });

  test('a correction adds a version and keeps the old one', async () => {
    const corrected = await edited((workbook) => {
      worksheetOf(workbook, 'enterprises').getCell('F3').value = '0797-8999999';
    });
    const res = await upload(h.tokens.miit, corrected);
    expect(res.body).toMatchObject({ created: [], changed: [mine], unchanged: [trader] });
    const first = (await (await h.as(h.tokens.miit)(`/enterprises/${mine}/versions/1`)).json()) as { snapshot: Archive };
    expect(first.snapshot.enterprise.phone).toBe('0797-8123456');
    const current = await archiveOf(mine);
    expect(current.enterprise.phone).toBe('0797-8999999');
    expect(current.versions).toHaveLength(2);
  });

  test('an annex 1 corrects the list and leaves the archive of listed enterprises alone', async () => {
    const before = await archiveCounts();
    const annex1 = await edited((workbook) => {
      for (const sheet of workbook.worksheets.filter((w) => w.name !== layout.enterprises.name)) workbook.removeWorksheet(sheet.id);
      worksheetOf(workbook, 'enterprises').getCell('B3').value = '赣州稀土矿业股份有限公司';
    });
    const res = await upload(h.tokens.miit, annex1, 'fileName=annex1.xlsx');
    expect(res.body).toMatchObject({ kind: 'annex1', changed: [mine] });
    expect(await archiveCounts()).toEqual({ ...before, versions: before.versions + 1 });
    const current = await archiveOf(mine);
    expect(current.enterprise.name).toBe('赣州稀土矿业股份有限公司');
    expect(current.ledger.total).toBe(1);
  });

  test('systems send JSON (as application/json) or CSV: the same records as the workbook', async () => {
    const row = (values: (string | number | null | Date | object)[]) => Object.fromEntries(layout.enterprises.columns.map((c, i) => [c.key, values[i]]));
    const json = JSON.stringify({ enterprises: filledRows.enterprises.map(row) });
    const viaJson = await h.as(h.tokens.miit)('/imports?fileName=list.json&dryRun=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    expect(viaJson.status).toBe(200);
    expect(await viaJson.json()).toMatchObject({ kind: 'annex1', enterprises: 2 });

    const csv = [layout.enterprises.columns.map((c) => c.heading.zh), ...filledRows.enterprises.map((r) => r.map(String))].map((r) => r.join(',')).join('\r\n');
    const viaCsv = await h.as(h.tokens.miit)('/imports?fileName=list.csv&dryRun=true', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(await viaCsv.json()).toMatchObject({ kind: 'annex1', enterprises: 2 });
  });

  test('a dry run validates and writes nothing', async () => {
    const before = await archiveCounts();
    const res = await upload(h.tokens.miit, await edited((w) => void (worksheetOf(w, 'enterprises').getCell('F3').value = '0797-1')), 'fileName=a.xlsx&dryRun=true');
    expect(res).toEqual({ status: 200, body: { dryRun: true, kind: 'annex2', format: 'xlsx', enterprises: 2, rows: expect.any(Object) } });
    expect(await archiveCounts()).toEqual(before);
  });

  test('full-width digits and spaces a clerk types are normalised, not refused', async () => {
    const typed = await upload(
      h.tokens.miit,
      await edited((workbook) => {
        const ledger = worksheetOf(workbook, 'ledger');
        ledger.getCell('F3').value = '１１０．５';
        ledger.getCell('K3').value = '　１００　';
      }),
    );
    expect(typed.status).toBe(200);
    // The same file with plain digits says the same thing, so it writes nothing.
    expect((await upload(h.tokens.miit, await filledWorkbook())).body).toMatchObject({ changed: [], unchanged: [mine, trader] });
  });

  const junk = () => {
    let seed = 7;
    return Buffer.from(
      Buffer.alloc(5 * 1024 * 1024).map(() => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed >> 16;
      }),
    );
  };
  const ledgerCell = (cell: string, value: unknown) => edited((w) => void (worksheetOf(w, 'ledger').getCell(cell).value = value as never));
  const listCell = (cell: string, value: unknown) => edited((w) => void (worksheetOf(w, 'enterprises').getCell(cell).value = value as never));
  const badFiles: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['wrong file type', () => Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n')]), '不是电子表格'],
    ['empty file', () => Buffer.alloc(0), '文件为空'],
    ['missing sheet', () => edited((w) => w.removeWorksheet(worksheetOf(w, 'taxRecords').id)), '缺少工作表'],
    ['renamed column', () => listCell('B1', '公司名称'), '此处应为列“企业名称”'],
    ['missing column', () => edited((w) => worksheetOf(w, 'trades').spliceColumns(10, 1)), '缺少列“金额（元）”'],
    ['text in a number cell', () => ledgerCell('F3', 'abc'), '应为0至1000000吨'],
    ['negative tonnage', () => ledgerCell('H4', -5), '应为0至1000000吨'],
    ['absurd tonnage', () => ledgerCell('K5', 2_000_000), '应为0至1000000吨'],
    ['month outside the review window', () => ledgerCell('B4', '2014年8月'), '不在核查期'],
    ['duplicate enterprise code', () => edited((w) => void worksheetOf(w, 'enterprises').addRow([mine, '重复', '江西省', '赣州', '张三', '1', '李四', '主任', '1', '矿山'])), '重复'],
    ['unknown enterprise type', () => listCell('J4', '贸易、加工'), '未知的企业类型“加工”'],
    ['unknown province', () => listCell('C3', '火星省'), '不是本次专项行动的省（区、市）'],
    ['5 MB of junk', junk, '不是电子表格'],
    ['a formula cell', () => ledgerCell('F3', { formula: 'E3*0.9', result: 112.5 }), '不接受公式'],
    ['an ambiguous number (thousands separator)', () => ledgerCell('K3', '1,000'), '不要使用千位分隔符'],
  ];

  test.each(badFiles)('%s: the whole report comes back (422) and nothing is written', async (_, build, expectedReason) => {
    const before = await archiveCounts();
    const content = await build();
    const res = await upload(h.tokens.miit, content);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/problem\(s\); nothing was imported$/);
    // The API hands over the parser's report as is; tests/unit/intake*.test.ts pin its exact wording.
    const direct = await parseCampaignFile({ fileName: 'annex2.xlsx', content }, { ...options, provinces: provinceNames });
    expect(direct.ok).toBe(false);
    expect(res.body.details).toEqual(direct.ok ? undefined : direct.problems);
    expect(JSON.stringify(res.body.details)).toContain(expectedReason);
    expect(await archiveCounts()).toEqual(before);
  });

  test('a CSV saved by Chinese Excel (GB18030/GBK) is read, and the answer says in which encoding', async () => {
    const csv = [layout.enterprises.columns.map((c) => c.heading.zh), ...filledRows.enterprises.map((r) => r.map(String))].map((r) => r.join(',')).join('\r\n');
    const gbk = await upload(h.tokens.miit, iconv.encode(csv, 'gb18030'), 'fileName=list.csv&dryRun=true');
    expect(gbk).toEqual({ status: 200, body: { dryRun: true, kind: 'annex1', format: 'csv', encoding: 'GB18030', enterprises: 2, rows: { enterprises: 2 } } });
    const utf8 = await upload(h.tokens.miit, Buffer.from(csv), 'fileName=list.csv&dryRun=true');
    expect(utf8.body).toMatchObject({ format: 'csv', encoding: 'UTF-8' });
    const neither = await upload(h.tokens.miit, Buffer.concat([iconv.encode(csv, 'gb18030'), Buffer.from([0xff, 0x41])]), 'fileName=list.csv&dryRun=true');
    expect(neither.status).toBe(422);
    expect(JSON.stringify(neither.body.details)).toContain('neither UTF-8 nor GB18030');
  });

  test('a zip bomb (small workbook, huge unreferenced entries) is refused before it is inflated, in bounded memory', async () => {
    // A real workbook with three entries no part references, each 400 MB of zeros deflated to ~400 KB.
    const zip = await JSZip.loadAsync(await filledWorkbook());
    const zeros = Buffer.alloc(400 * 1024 * 1024);
    for (const n of [1, 2, 3]) zip.file(`xl/media/padding${n}.bin`, zeros, { compression: 'DEFLATE', compressionOptions: { level: 1 } });
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(20 * 1024 * 1024);
    const before = await archiveCounts();
    // The API runs in this process: its peak resident memory must not grow by the inflated size.
    global.gc?.();
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const res = await upload(h.tokens.miit, bomb, 'fileName=bomb.xlsx');
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore;
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.details)).toContain('the workbook unpacks to more than 64 MB');
    expect(peakGrowth).toBeLessThan(300 * 1024 * 1024);
    expect(await archiveCounts()).toEqual(before);

    // A lying directory (an entry claiming 1 KB that inflates to 400 MB) is caught while streaming.
    const liar = Buffer.from(bomb);
    const eocd = liar.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    for (let at = liar.readUInt32LE(eocd + 16); liar.readUInt32LE(at) === 0x02014b50; at += 46 + liar.readUInt16LE(at + 28) + liar.readUInt16LE(at + 30) + liar.readUInt16LE(at + 32)) {
      if (liar.toString('utf8', at + 46, at + 46 + liar.readUInt16LE(at + 28)).startsWith('xl/media/')) liar.writeUInt32LE(1024, at + 24);
    }
    const lied = await upload(h.tokens.miit, liar, 'fileName=liar.xlsx');
    expect(lied.status).toBe(422);
    expect(JSON.stringify(lied.body.details)).toContain('cannot be opened as an Excel workbook');
  });

  test('a file over 20 MB is refused before it is read', async () => {
    const res = await upload(h.tokens.miit, Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(res.status).toBe(413);
  });

  test('agency staff outside the industry department may not import; a province only its own enterprises', async () => {
    const before = await archiveCounts();
    const file = await filledWorkbook();
    expect((await upload(h.tokens['36-tax-staff'], file)).status).toBe(403);
    const foreign = await upload(h.tokens['36-industry-staff'], file);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toContain('广东省');
    expect(await archiveCounts()).toEqual(before);

    const ownOnly = await edited((workbook) => {
      for (const sheet of workbook.worksheets.filter((w) => w.name !== layout.enterprises.name)) workbook.removeWorksheet(sheet.id);
      worksheetOf(workbook, 'enterprises').spliceRows(4, 1);
    });
    const own = await upload(h.tokens['36-industry-staff'], ownOnly, 'fileName=annex1.xlsx');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ kind: 'annex1', enterprises: 1 });
  });

  test('a campaign that does not exist is a 404, not a silent default window', async () => {
    const res = await upload(h.tokens.miit, await filledWorkbook(), 'fileName=a.xlsx&campaign=no-such-campaign');
    expect(res.status).toBe(404);
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  const script = path.join(projectRoot(), 'dist', 'scripts', 'import.js');
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'import-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, DATABASE_URL: h.databaseUrl, LOG_LEVEL: 'silent' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  test('a bad file: every problem printed, exit code 1, nothing written', async () => {
    const before = await archiveCounts();
    const file = path.join(dir, 'bad.xlsx');
    await writeFile(file, await edited((w) => void (worksheetOf(w, 'ledger').getCell('F3').value = 'abc')));
    const result = await cli(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 problem(s); nothing was imported');
    expect(result.stderr).toContain('生产、销售、出口等情况表（折REO，吨） / row 3 / 生产量（矿山/冶炼分离） 「abc」');
    expect(await archiveCounts()).toEqual(before);
  });

  test('a valid file is imported, and again changes nothing', async () => {
    const file = path.join(dir, 'corrected.xlsx');
    await writeFile(file, await edited((w) => void (worksheetOf(w, 'enterprises').getCell('I3').value = '13900000000')));
    const first = await cli('--actor', 'clerk', file);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('created 0, changed 1');
    const again = await cli(file);
    expect(again.stdout).toContain('created 0, changed 0 (new version kept beside the old), unchanged 2');
  });

  test('a GB18030 CSV is imported, and the output says it was read as such', async () => {
    const csv = [layout.enterprises.columns.map((c) => c.heading.zh), ...filledRows.enterprises.map((r) => r.map(String))].map((r) => r.join(',')).join('\r\n');
    const file = path.join(dir, '企业名单.csv');
    await writeFile(file, iconv.encode(csv, 'gb18030'));
    const result = await cli('--dry-run', file);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('企业名单.csv: read as CSV in GB18030');
  });

  test('usage errors exit with 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli(path.join(dir, 'missing.xlsx'))).code).toBe(2);
  });
});
