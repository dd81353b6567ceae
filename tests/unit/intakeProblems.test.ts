import type { Workbook } from 'exceljs';
import { type IntakeProblem, layout, parseCampaignFile } from '../../intake';
import { filledWorkbook, mine, options, outsider, worksheetOf } from '../fixtures/intake/campaignFile';

const LEDGER = layout.ledger.name;
const CODE = '统一社会信用代码';
const tonnesRule = '应为0至1000000吨（折REO）之间的数，最多三位小数';
const notASpreadsheet = { zh: '不是电子表格：应为 .xlsx 工作簿、UTF-8 或 GB18030 编码的 CSV，或 JSON 文件', en: 'not a spreadsheet: expected an .xlsx workbook, a UTF-8 or GB18030 CSV, or a JSON file' };

async function problemsOf(content: Buffer, fileName = 'annex2.xlsx'): Promise<IntakeProblem[]> {
  const result = await parseCampaignFile({ fileName, content }, options);
  if (result.ok) throw new Error('the file was accepted');
  return result.problems;
}

const problemsAfter = async (edit: (workbook: Workbook) => void) => problemsOf(await filledWorkbook(edit));

describe('files that are not a spreadsheet at all', () => {
  test('a PDF named .xlsx: the content decides', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n')]);
    expect(await problemsOf(pdf, 'report.xlsx')).toEqual([{ value: 'report.xlsx', reason: notASpreadsheet }]);
  });

  test('a damaged workbook', async () => {
    const damaged = (await filledWorkbook()).subarray(0, 3000);
    expect(await problemsOf(damaged)).toEqual([{ value: 'annex2.xlsx', reason: { zh: '无法作为 Excel 工作簿（.xlsx）打开', en: 'cannot be opened as an Excel workbook (.xlsx)' } }]);
  });

  test('an old .xls workbook', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await problemsOf(xls, 'annex2.xls')).toEqual([
      { value: 'annex2.xls', reason: { zh: '旧版 Excel（.xls）或加密的工作簿：请取消密码并另存为 .xlsx', en: 'an old .xls or a password-protected workbook: remove the password and save it as .xlsx' } },
    ]);
  });

  test('a CSV saved in GBK is read (its header row decides the sheet); one in neither UTF-8 nor GB18030 is not', async () => {
    // 企业名称 in GBK: read, and then its one heading matches no sheet of the template.
    const gbk = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]);
    expect(await problemsOf(gbk, '企业名单.csv')).toEqual([{ row: 1, value: '企业名单.csv', reason: { zh: '首行的列标题与模板中任何工作表都不符', en: 'the header row matches no sheet of the template' } }]);
    const neither = Buffer.concat([gbk.subarray(0, 4), Buffer.from([0xff, 0x0d, 0x0a])]);
    expect(await problemsOf(neither, '企业名单.csv')).toEqual([
      { value: '企业名单.csv', reason: { zh: '文本既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel 中另存为“CSV UTF-8”', en: 'the text is neither UTF-8 nor GB18030 (GBK): save it from Excel as "CSV UTF-8"' } },
    ]);
  });

  test.each([
    ['nothing', Buffer.alloc(0)],
    ['a byte-order mark and blank lines', Buffer.from('\uFEFF \r\n\r\n')],
  ])('an empty file: %s', async (_, content) => {
    expect(await problemsOf(content, 'empty.csv')).toEqual([{ value: 'empty.csv', reason: { zh: '文件为空', en: 'the file is empty' } }]);
  });

  test('5 MB of junk: one problem', async () => {
    let seed = 42;
    const junk = Buffer.alloc(5 * 1024 * 1024, 0).map(() => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed >> 16;
    });
    expect(await problemsOf(Buffer.from(junk), 'upload.bin')).toEqual([{ value: 'upload.bin', reason: notASpreadsheet }]);
  });
});

describe('sheets and columns', () => {
  test('a missing sheet', async () => {
    const problems = await problemsAfter((workbook) => workbook.removeWorksheet(worksheetOf(workbook, 'ledger').id));
    expect(problems).toEqual([{ sheet: LEDGER, reason: { zh: `缺少工作表“${LEDGER}”`, en: `missing sheet "${LEDGER}" (Production, sales and exports (t REO))` } }]);
  });

  test('a renamed column is named with the heading it should have', async () => {
    const problems = await problemsAfter((workbook) => {
      worksheetOf(workbook, 'enterprises').getCell('B1').value = '公司名称';
    });
    expect(problems).toEqual([
      { sheet: '企业名单', row: 1, column: '企业名称', value: '公司名称', reason: { zh: '此处应为列“企业名称”，不是“公司名称”', en: 'the heading here must be "企业名称" (Enterprise name), not "公司名称"' } },
    ]);
  });

  test('a missing column, and a column the template does not have (in workbook order)', async () => {
    const problems = await problemsAfter((workbook) => {
      worksheetOf(workbook, 'trades').spliceColumns(10, 1);
      worksheetOf(workbook, 'ledger').getCell('N1').value = '备注';
    });
    expect(problems).toEqual([
      { sheet: LEDGER, row: 1, column: '备注', reason: { zh: '模板中没有此列，请删除', en: 'the template has no such column: remove it' } },
      { sheet: '交易记录', row: 1, column: '金额（元）', reason: { zh: '缺少列“金额（元）”', en: 'missing column "金额（元）" (Amount (yuan))' } },
    ]);
  });

  test('a sheet the template does not have, holding data', async () => {
    const problems = await problemsAfter((workbook) => {
      workbook.addWorksheet('Sheet1').getCell('A1').value = '草稿';
    });
    expect(problems).toEqual([
      {
        sheet: 'Sheet1',
        reason: {
          zh: `模板中没有此工作表，应为：企业名单、采矿许可证、环评批复、安全备案或验收、回收利用项目审批、生产计划、${LEDGER}、交易记录、税费缴纳`,
          en: `the template has no such sheet; its sheets are 企业名单、采矿许可证、环评批复、安全备案或验收、回收利用项目审批、生产计划、${LEDGER}、交易记录、税费缴纳`,
        },
      },
    ]);
  });
});

describe('cells', () => {
  test('every bad cell of the file is reported, in sheet and row order, then the checks across rows', async () => {
    const problems = await problemsAfter((workbook) => {
      const list = worksheetOf(workbook, 'enterprises');
      list.getCell('C3').value = '火星省';
      list.getCell('J4').value = '贸易、加工';
      list.getCell('D4').value = '　';
      list.addRow([mine, '赣州稀土矿业有限公司（重复）', '江西省', '赣州', '张三', '1', '李四', '主任', '1', '矿山']);
      const ledger = worksheetOf(workbook, 'ledger');
      ledger.getCell('F3').value = 'abc';
      ledger.getCell('H4').value = -5;
      ledger.getCell('K5').value = 2_000_000;
      ledger.getCell('B4').value = '2014年8月';
      ledger.getCell('A5').value = outsider;
      worksheetOf(workbook, 'taxRecords').getCell('B3').value = '2013-05';
    });
    const outside = { zh: '不在核查期（2013年6月至2014年7月）内', en: 'outside the review window (2013-06 to 2014-07)' };
    expect(problems).toEqual([
      { sheet: '企业名单', row: 3, column: '省（区、市）', value: '火星省', reason: { zh: '不是本次专项行动的省（区、市），请从下拉列表中选择', en: 'not a province of this campaign: pick one from the list' } },
      { sheet: '企业名单', row: 4, column: '企业地址', value: '　', reason: { zh: '此项必填', en: 'a value is required' } },
      {
        sheet: '企业名单',
        row: 4,
        column: '企业类型',
        value: '贸易、加工',
        reason: { zh: '未知的企业类型“加工”，应为矿山、冶炼分离、回收利用、贸易、出口，多个用“、”分隔', en: 'unknown enterprise type "加工": use 矿山, 冶炼分离, 回收利用, 贸易, 出口, several separated by 、' },
      },
      { sheet: LEDGER, row: 3, column: '生产量（矿山/冶炼分离）', value: 'abc', reason: { zh: tonnesRule, en: '"abc" is not a decimal number of t REO' } },
      { sheet: LEDGER, row: 4, column: '月份', value: '2014年8月', reason: outside },
      { sheet: LEDGER, row: 4, column: '采购量（冶炼分离/贸易企业）', value: '-5', reason: { zh: tonnesRule, en: '"-5" is negative' } },
      { sheet: LEDGER, row: 5, column: '销售量', value: '2000000', reason: { zh: tonnesRule, en: '"2000000" is larger than 1000000.000 t REO' } },
      { sheet: '税费缴纳', row: 3, column: '所属期', value: '2013-05', reason: outside },
      { sheet: '企业名单', row: 5, column: CODE, value: mine, reason: { zh: `与第3行重复（${CODE}）`, en: `the same ${CODE} as row 3` } },
      { sheet: LEDGER, row: 5, column: CODE, value: outsider, reason: { zh: '该企业不在“企业名单”中', en: 'this enterprise is not listed in "企业名单"' } },
    ]);
  });

  test('a formula is refused, even with a cached result; so is an error value', async () => {
    const problems = await problemsAfter((workbook) => {
      const ledger = worksheetOf(workbook, 'ledger');
      ledger.getCell('F3').value = { formula: 'E3*0.9', result: 112.5 };
      ledger.getCell('K3').value = { error: '#DIV/0!' };
    });
    expect(problems).toEqual([
      { sheet: LEDGER, row: 3, column: '生产量（矿山/冶炼分离）', value: '=E3*0.9', reason: { zh: '不接受公式，请直接填写数值（可“选择性粘贴”为数值）', en: 'formulas are not accepted: type the value (or paste values only)' } },
      { sheet: LEDGER, row: 3, column: '销售量', value: '#DIV/0!', reason: { zh: '单元格为错误值', en: 'the cell holds an error value' } },
    ]);
  });

  test('a code Excel turned into a number, and a mistyped code: the references to it are not reported again', async () => {
    const problems = await problemsAfter((workbook) => {
      const list = worksheetOf(workbook, 'enterprises');
      list.getCell('A3').value = 913_607_001_234_567_900;
      list.getCell('A4').value = `${mine.slice(0, 17)}0`;
    });
    expect(problems).toEqual([
      {
        sheet: '企业名单',
        row: 3,
        column: CODE,
        // The digits already lost, as Excel would show them.
        value: '913607001234568000',
        reason: { zh: '代码被存成了数字，末几位已丢失：请将本列设为文本格式后重新输入', en: 'the code was stored as a number and lost its last digits: format the column as text and type it again' },
      },
      { sheet: '企业名单', row: 4, column: CODE, value: `${mine.slice(0, 17)}0`, reason: { zh: '统一社会信用代码校验位不符，请核对', en: 'the check character of the credit code does not match: check for a typing error' } },
    ]);
  });

  test('what the domain schemas refuse lands on the column concerned, or on the row', async () => {
    const problems = await problemsAfter((workbook) => {
      worksheetOf(workbook, 'miningLicences').getCell('D3').value = '2017-01-01';
      worksheetOf(workbook, 'trades').getCell('F3').value = 0;
      worksheetOf(workbook, 'plans').getCell('B3').value = 1999;
    });
    expect(problems).toEqual([
      { sheet: '采矿许可证', row: 3, reason: { zh: '与本行其他数据矛盾', en: 'a licence must not expire before it is valid' } },
      { sheet: '生产计划', row: 3, column: '年度', value: '1999', reason: { zh: '低于下限（2000）', en: 'Too small: expected number to be >=2000' } },
      { sheet: '交易记录', row: 3, column: '数量（折REO，吨）', value: '0', reason: { zh: '必须大于0', en: 'Too small: expected number to be >0' } },
    ]);
  });
});
