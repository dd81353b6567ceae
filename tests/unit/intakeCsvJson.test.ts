import iconv from 'iconv-lite';
import { type IntakeFile, type SheetKey, layout, parseCampaignFile, parseCampaignFiles, sheets } from '../../intake';
import { expectedRecords, filledRows, options } from '../fixtures/intake/campaignFile';

/** The fixture's cells as text: Excel dates as ISO dates, the month given as a month. */
function textRows(key: SheetKey): string[][] {
  return filledRows[key].map((row) =>
    row.map((cell, i) => {
      if (cell === null || typeof cell === 'object') {
        if (!(cell instanceof Date)) return '';
        const iso = cell.toISOString().slice(0, 10);
        return layout[key].columns[i].key === 'month' ? iso.slice(0, 7) : iso;
      }
      return String(cell);
    }),
  );
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

function csvOf(key: SheetKey, { english = true, rows = textRows(key) } = {}): IntakeFile {
  const columns = layout[key].columns;
  const lines = [columns.map((c) => c.heading.zh), ...(english ? [columns.map((c) => c.heading.en)] : []), ...rows];
  return { fileName: `${key}.csv`, content: Buffer.from(`\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`) };
}

function jsonOf(keys: readonly SheetKey[] = sheets.map((s) => s.key)): Record<string, Record<string, string>[]> {
  return Object.fromEntries(keys.map((key) => [key, textRows(key).map((row) => Object.fromEntries(layout[key].columns.map((c, i) => [c.key, row[i]])))]));
}

const jsonFile = (data: unknown): IntakeFile => ({ fileName: 'annex2.json', content: Buffer.from(JSON.stringify(data)) });

describe('CSV: one sheet per file, told by its header row', () => {
  test('one CSV per sheet make an annex 2, with the same records as the workbook', async () => {
    const files = sheets.map((s) => csvOf(s.key)).reverse();
    const result = await parseCampaignFiles(files, options);
    expect(result).toMatchObject({ ok: true, records: expectedRecords, summary: { kind: 'annex2' } });
  });

  test('the enterprise list alone, without BOM or English line, with quoted fields', async () => {
    const rows = textRows('enterprises');
    rows[0][3] = '江西省赣州市章贡区红旗大道1号, "东门"';
    const { content } = csvOf('enterprises', { english: false, rows });
    const result = await parseCampaignFile({ fileName: 'list.txt', content: content.subarray(3) }, options);
    expect(result).toMatchObject({ ok: true, summary: { kind: 'annex1', rows: { enterprises: 2 } } });
    expect(result.ok && result.records.enterprises[0].address).toBe('江西省赣州市章贡区红旗大道1号, "东门"');
  });

  test('a sheet without the enterprise list: every missing sheet is named', async () => {
    const result = await parseCampaignFile(csvOf('plans'), options);
    expect(result).toEqual({
      ok: false,
      problems: sheets
        .filter((s) => s.key !== 'plans')
        .map((s) => ({ sheet: s.name, reason: { zh: `缺少工作表“${s.name}”`, en: `missing sheet "${s.name}" (${s.en})` } })),
    });
  });

  test('a header row no sheet has, an unclosed quote, a sheet given twice', async () => {
    const result = await parseCampaignFiles(
      [csvOf('enterprises'), { fileName: 'x.csv', content: Buffer.from('名称,数量\n甲,1\n') }, { fileName: 'y.csv', content: Buffer.from('a,b\n"c,d\n') }, { ...csvOf('enterprises'), fileName: 'again.csv' }],
      options,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, value: 'x.csv', reason: { zh: '首行的列标题与模板中任何工作表都不符', en: 'the header row matches no sheet of the template' } },
        { row: 2, value: 'y.csv', reason: { zh: '引号未闭合', en: 'a quoted field is never closed' } },
        { sheet: '企业名单', value: 'again.csv', reason: { zh: '此工作表重复提交', en: 'this sheet was given twice' } },
      ],
    });
  });

  test('past 1,000 problems the list ends with a count of the rest', async () => {
    const rows = Array.from({ length: 1_100 }, () => ['X', ...textRows('enterprises')[0].slice(1)]);
    const result = await parseCampaignFile(csvOf('enterprises', { rows }), options);
    if (result.ok) throw new Error('accepted');
    expect(result.problems).toHaveLength(1_001);
    expect(result.problems[999]).toMatchObject({ sheet: '企业名单', row: 1_002, column: '统一社会信用代码', value: 'X' });
    expect(result.problems[1_000]).toEqual({ reason: { zh: '另有100个问题未列出', en: '100 more problems not listed' } });
  });
});

describe('CSV encodings: UTF-8, or GB18030 as Chinese Excel and WPS save "CSV (逗号分隔)"', () => {
  const utf8 = csvOf('enterprises', { english: false });
  const text = utf8.content.toString('utf8').slice(1);

  test('a GBK/GB18030 file reads as the same records as the UTF-8 one, and says which it was', async () => {
    const gbk = { fileName: 'list.csv', content: iconv.encode(text, 'gb18030') };
    expect(gbk.content.toString('utf8')).not.toBe(text);
    const [fromUtf8, fromGbk] = await Promise.all([parseCampaignFile(utf8, options), parseCampaignFile(gbk, options)]);
    if (!fromUtf8.ok || !fromGbk.ok) throw new Error('refused');
    expect(fromGbk.records).toEqual(fromUtf8.records);
    expect(fromUtf8.summary.files).toEqual([{ fileName: 'enterprises.csv', format: 'csv', encoding: 'UTF-8' }]);
    expect(fromGbk.summary.files).toEqual([{ fileName: 'list.csv', format: 'csv', encoding: 'GB18030' }]);
  });

  test('bytes that are neither UTF-8 nor GB18030 are still refused, with the reason', async () => {
    // 0xFF starts no GB18030 sequence and no UTF-8 one.
    const junk = Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(text.slice(20))]);
    expect(await parseCampaignFile({ fileName: 'list.csv', content: junk }, options)).toEqual({
      ok: false,
      problems: [{ value: 'list.csv', reason: { zh: '文本既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel 中另存为“CSV UTF-8”', en: 'the text is neither UTF-8 nor GB18030 (GBK): save it from Excel as "CSV UTF-8"' } }],
    });
  });

  test('JSON must be UTF-8 (RFC 8259): a GB18030 JSON file is not read', async () => {
    const result = await parseCampaignFile({ fileName: 'annex2.json', content: iconv.encode(JSON.stringify(jsonOf()), 'gb18030') }, options);
    expect(result.ok).toBe(false);
  });
});

describe('JSON: one array per sheet, cells as typed', () => {
  test('a whole annex 2', async () => {
    const result = await parseCampaignFile(jsonFile(jsonOf()), options);
    expect(result).toMatchObject({ ok: true, records: expectedRecords, summary: { kind: 'annex2' } });
  });

  test('problems are named in the JSON’s own terms', async () => {
    const data = jsonOf(['enterprises', 'ledger', 'plans']);
    data.ledger[1].productionTonnes = '-1';
    data.ledger[2].remark = '补报';
    const result = await parseCampaignFile(jsonFile(data), options);
    const missing = (key: SheetKey) => ({ sheet: key, reason: { zh: `缺少工作表“${key}”`, en: `missing sheet "${key}" (${layout[key].en})` } });
    expect(result).toEqual({
      ok: false,
      problems: [
        { sheet: 'ledger', row: 3, column: 'remark', reason: { zh: '没有此列', en: 'no such column' } },
        missing('miningLicences'),
        missing('eiaApprovals'),
        missing('safetyFilings'),
        missing('recoveryApprovals'),
        missing('trades'),
        missing('taxRecords'),
        { sheet: 'ledger', row: 2, column: 'productionTonnes', value: '-1', reason: { zh: '应为0至1000000吨（折REO）之间的数，最多三位小数', en: '"-1" is negative' } },
      ],
    });
  });

  test.each([
    ['not an object', [], [{ reason: { zh: '文件应为对象，每个工作表一个数组', en: 'the file must be an object with one array per sheet' } }]],
    ['a sheet not an array', { enterprises: {} }, [{ sheet: 'enterprises', reason: { zh: '工作表应为行的数组', en: 'a sheet must be an array of rows' } }]],
    ['a row not an object', { enterprises: ['x'] }, [{ sheet: 'enterprises', row: 1, reason: { zh: '每一行应为对象', en: 'each row must be an object' } }]],
    ['a value not a cell', { enterprises: [{ code: true }] }, [{ sheet: 'enterprises', row: 1, column: 'code', reason: { zh: '值应为字符串、数字或 null', en: 'a value must be a string, a number or null' } }]],
    ['an unknown sheet', { enterprises: [], misc: [] }, [{ sheet: 'misc', reason: { zh: `没有此工作表，应为：${sheets.map((s) => s.key).join(', ')}`, en: `no such sheet; the sheets are ${sheets.map((s) => s.key).join(', ')}` } }, { sheet: 'enterprises', reason: { zh: '没有填写任何企业', en: 'no enterprise is listed' } }]],
  ])('%s', async (_, data, problems) => {
    expect(await parseCampaignFile(jsonFile(data), options)).toEqual({ ok: false, problems });
  });

  test('broken JSON', async () => {
    const result = await parseCampaignFile({ fileName: 'a.json', content: Buffer.from('{"enterprises": [') }, options);
    expect(result).toMatchObject({ ok: false, problems: [{ value: 'a.json', reason: { en: expect.stringMatching(/^not valid JSON: /) } }] });
  });
});
