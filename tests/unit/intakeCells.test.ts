import { type CellType, type CellValue, readCell } from '../../intake/cells';
import { creditCode, date, enterpriseTypes, monthInWindow, province, tonnes, year } from '../../intake/cellTypes';
import { mine, options } from '../fixtures/intake/campaignFile';

const read = <T>(type: CellType<T>, value: CellValue, required = true, provinces = options.provinces) => readCell(type, required, value, { ...options, provinces });
const value = <T>(type: CellType<T>, cell: CellValue) => {
  const result = read(type, cell);
  if (!result.ok) throw new Error(`${String(cell)}: ${result.reason.en}`);
  return result.value;
};
const reason = <T>(type: CellType<T>, cell: CellValue) => {
  const result = read(type, cell);
  if (result.ok) throw new Error(`${String(cell)} was accepted`);
  return result.reason.en;
};

describe('what a clerk types is normalised where it is unambiguous', () => {
  test.each([
    ['１２．５', 12_500],
    ['12。5', 12_500],
    ['　12.5　', 12_500],
    ['－0', 0],
    [7, 7_000],
    [110.125, 110_125],
  ])('tonnes %p → %i kg', (cell, kg) => {
    expect(value(tonnes, cell)).toBe(kg);
  });

  test.each([
    ['1,234.5', 'no thousands separators, commas or spaces: write the number like 1234.5'],
    ['1.234,5', 'no thousands separators, commas or spaces: write the number like 1234.5'],
    ['12，5', 'no thousands separators, commas or spaces: write the number like 1234.5'],
    ['1 234', 'no thousands separators, commas or spaces: write the number like 1234.5'],
    ['12吨', 'numbers only: the column is already in tonnes REO'],
    ['12 t', 'no thousands separators, commas or spaces: write the number like 1234.5'],
    ['12t', 'numbers only: the column is already in tonnes REO'],
    ['1e3', '"1e3" is not a decimal number of t REO'],
    ['12.3456', '"12.3456" has more than 3 decimals'],
  ])('tonnes %p are refused: %s', (cell, why) => {
    expect(reason(tonnes, cell)).toBe(why);
  });

  test('optional cells take the usual marks for "nothing"; required ones do not', () => {
    for (const mark of ['—', '-', '－', '/', '无', '　']) expect(read(tonnes, mark, false)).toEqual({ ok: true, value: undefined });
    expect(reason(tonnes, '-')).toBe('"-" is not a decimal number of t REO');
  });

  test('credit codes: full-width, lower case and spaces are fine', () => {
    const wide = [...mine.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(value(creditCode, ` ${wide.slice(0, 6)}\u3000${wide.slice(6)} `)).toBe(mine);
    expect(reason(creditCode, `${mine.slice(0, 17)}O`)).toBe('a unified social credit code is 18 digits or capital letters (no I, O, Z, S, V)');
  });

  test.each([
    ['矿山、冶炼分离', ['mine', 'smelting']],
    ['冶炼分离，矿山', ['mine', 'smelting']],
    ['贸易 / 出口', ['trading', 'export']],
    ['　回收利用　', ['recycling']],
    ['trading;EXPORT；贸易', ['trading', 'export']],
  ])('enterprise types %p', (cell, types) => {
    expect(value(enterpriseTypes, cell)).toEqual(types);
  });

  test('provinces: the full name, or a short one only one province starts with', () => {
    expect(value(province, '内蒙古')).toBe('内蒙古自治区');
    expect(value(province, '江 西 省')).toBe('江西省');
    expect(read(province, '吉林', true, ['吉林省', '吉林市'])).toEqual({ ok: false, reason: { zh: '省份不明确：可能是吉林省、吉林市', en: 'ambiguous province: could be 吉林省, 吉林市' } });
    expect(reason(province, '广')).toBe('not a province of this campaign: pick one from the list');
  });

  test.each([
    ['2013-6', '2013-06'],
    ['2013/06', '2013-06'],
    ['２０１３年６月', '2013-06'],
    ['2014年7', '2014-07'],
    [new Date(Date.UTC(2014, 6, 15)), '2014-07'],
  ])('month %p', (cell, month) => {
    expect(value(monthInWindow, cell)).toBe(month);
  });

  test.each([['2013-13'], ['2013-06-01'], ['六月'], [41_426]])('month %p is refused', (cell) => {
    expect(reason(monthInWindow, cell)).toBe('a month is expected, such as 2013年6月 or 2013-06');
  });

  test.each([
    ['2014.3.31', '2014-03-31'],
    ['2014/03/31', '2014-03-31'],
    ['2014年3月31日', '2014-03-31'],
    [new Date(Date.UTC(2014, 2, 31)), '2014-03-31'],
  ])('date %p', (cell, iso) => {
    expect(value(date, cell)).toBe(iso);
  });

  test.each([['2014-02-30'], ['31/03/2014'], [41_729]])('date %p is refused', (cell) => {
    expect(reason(date, cell)).toBe('a date is expected, such as 2014-03-31 or 2014年3月31日');
  });

  test('years', () => {
    expect([value(year, '2014年'), value(year, 2013), value(year, '２０１４')]).toEqual([2014, 2013, 2014]);
    expect(reason(year, '14')).toBe('a year is expected, such as 2014');
  });
});
