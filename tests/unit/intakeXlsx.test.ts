import { Workbook } from 'exceljs';
import { layout } from '../../intake';
import { buildTemplateWorkbook, parseCampaignFile } from '../../intake';
import { expectedRecords, filledWorkbook, options, worksheetOf } from '../fixtures/intake/campaignFile';

async function load(content: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(content).buffer);
  return workbook;
}

describe('annex templates', () => {
  test('annex 2 has one sheet per part, Chinese and English headings, frozen, and a hidden sheet of lists', async () => {
    const workbook = await load(await buildTemplateWorkbook('annex2', options));
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['企业名单', 'visible'],
      ['采矿许可证', 'visible'],
      ['环评批复', 'visible'],
      ['安全备案或验收', 'visible'],
      ['回收利用项目审批', 'visible'],
      ['生产计划', 'visible'],
      ['生产、销售、出口等情况表（折REO，吨）', 'visible'],
      ['交易记录', 'visible'],
      ['税费缴纳', 'visible'],
      ['选项', 'veryHidden'],
    ]);
    const ledger = worksheetOf(workbook, 'ledger');
    expect(ledger.getRow(1).values).toEqual([
      undefined,
      '统一社会信用代码',
      '月份',
      '品名',
      '产品类别',
      '计划量（矿山/冶炼分离）',
      '生产量（矿山/冶炼分离）',
      '出口量（贸易企业）',
      '采购量（冶炼分离/贸易企业）',
      '原料供应单位',
      '原料供应单位统一社会信用代码',
      '销售量',
      '销售客户',
      '销售客户统一社会信用代码',
    ]);
    expect(ledger.getCell('B2').value).toBe('Month');
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(worksheetOf(workbook, 'enterprises').getRow(1).values).toEqual([undefined, ...layout.enterprises.columns.map((c) => c.heading.zh)]);
  });

  test('drop-down lists: enterprise types (several allowed), provinces, months of the review window, categories', async () => {
    const workbook = await load(await buildTemplateWorkbook('annex2', options));
    const validation = (key: 'enterprises' | 'ledger', address: string) => worksheetOf(workbook, key).getCell(address).dataValidation;
    expect(validation('enterprises', 'C5002')).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$5"], showErrorMessage: true });
    expect(validation('enterprises', 'J3')).toMatchObject({ type: 'list', formulae: ["'选项'!$B$1:$B$5"] });
    expect(validation('enterprises', 'J3')?.showErrorMessage).toBeFalsy();
    expect(validation('ledger', 'D3')).toMatchObject({ type: 'list', formulae: ["'选项'!$C$1:$C$2"] });
    expect(validation('ledger', 'B3')).toMatchObject({ type: 'list', formulae: ["'选项'!$D$1:$D$14"] });
    const lists = workbook.getWorksheet('选项');
    const column = (n: number) => lists?.getColumn(n).values.filter((v) => v !== undefined);
    expect(column(1)).toEqual(options.provinces);
    expect(column(2)).toEqual(['矿山', '冶炼分离', '回收利用', '贸易', '出口']);
    expect(column(3)).toEqual(['矿产品', '冶炼分离产品']);
    expect(column(4)).toEqual(['2013年6月', '2013年7月', '2013年8月', '2013年9月', '2013年10月', '2013年11月', '2013年12月', '2014年1月', '2014年2月', '2014年3月', '2014年4月', '2014年5月', '2014年6月', '2014年7月']);
  });

  test('codes, phone numbers and months are text columns, so Excel keeps what is typed', async () => {
    const workbook = await load(await buildTemplateWorkbook('annex1', options));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['企业名单', '选项']);
    const list = worksheetOf(workbook, 'enterprises');
    expect(['A', 'F', 'I'].map((c) => list.getColumn(c).numFmt)).toEqual(['@', '@', '@']);
    expect(list.getColumn('B').numFmt).toBeUndefined();
  });
});

describe('a filled-in annex 2 workbook', () => {
  test('template → fill → parse gives exactly the records typed in', async () => {
    const result = await parseCampaignFile({ fileName: '赣州.xlsx', content: await filledWorkbook() }, options);
    expect(result).toEqual({
      ok: true,
      records: expectedRecords,
      summary: {
        kind: 'annex2',
        rows: { enterprises: 2, miningLicences: 1, eiaApprovals: 1, safetyFilings: 1, recoveryApprovals: 1, plans: 2, ledger: 3, trades: 1, taxRecords: 1 },
        files: [{ fileName: '赣州.xlsx', format: 'xlsx' }],
      },
    });
  });

  test('the enterprise list alone is an annex 1', async () => {
    const content = await filledWorkbook((workbook) => {
      for (const sheet of workbook.worksheets.slice(1)) workbook.removeWorksheet(sheet.id);
    });
    const result = await parseCampaignFile({ fileName: 'list.xlsx', content }, options);
    expect(result).toEqual({
      ok: true,
      records: { ...expectedRecords, miningLicences: [], eiaApprovals: [], safetyFilings: [], recoveryApprovals: [], plans: [], ledger: [], trades: [], taxRecords: [] },
      summary: { kind: 'annex1', rows: { enterprises: 2 }, files: [{ fileName: 'list.xlsx', format: 'xlsx' }] },
    });
  });

  test('columns may be reordered, the English line dropped, and blank rows left in between', async () => {
    const content = await filledWorkbook((workbook) => {
      const list = worksheetOf(workbook, 'enterprises');
      list.spliceRows(2, 1);
      list.insertRow(3, []);
      const name = list.getColumn(2).values;
      list.spliceColumns(2, 1);
      list.getColumn(10).values = name;
    });
    const result = await parseCampaignFile({ fileName: 'x.xlsx', content }, options);
    expect(result).toMatchObject({ ok: true, records: { enterprises: expectedRecords.enterprises } });
  });
});
