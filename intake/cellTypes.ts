import { type ParseResult, type ProductCategory, dateOfDayNumber, dayNumber, hasValidCheckChar, tryParseTonnes, tryParseYuan, windowMonths } from '../domain/campaign';
import { EnterpriseType } from '../domain/enums';
import { type Label, enterpriseTypeLabels, productCategoryLabels } from '../domain/labels';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { EARLIEST_DAY, LATEST_DAY, isDayInRange } from '../domain/storable';
import { type CellType, cleanText, compact, fail, isoDateOf, ok } from './cells';

/** Free text: names, addresses, document numbers. Lengths are the domain schemas' business. */
export const text: CellType<string> = {
  read: (value) => ok(cleanText(value instanceof Date ? (isoDateOf(value) ?? '') : String(value))),
};

/** Free text Excel must not turn into a number (phone numbers lose their leading 0). */
export const digitsText: CellType<string> = { ...text, keepText: true };

export const creditCode: CellType<string> = {
  keepText: true,
  read(value) {
    // 18 digits exceed a double's precision: once Excel has made a number of it, the code is gone.
    if (typeof value === 'number') return fail('代码被存成了数字，末几位已丢失：请将本列设为文本格式后重新输入', 'the code was stored as a number and lost its last digits: format the column as text and type it again');
    const code = compact(String(value)).toUpperCase();
    if (!UnifiedSocialCreditCode.safeParse(code).success) {
      return fail('统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）', 'a unified social credit code is 18 digits or capital letters (no I, O, Z, S, V)');
    }
    if (!hasValidCheckChar(code)) return fail('统一社会信用代码校验位不符，请核对', 'the check character of the credit code does not match: check for a typing error');
    return ok(code);
  },
};

/** A province by full name, or by a short name that only one province of the campaign starts with (江西 → 江西省). */
export const province: CellType<string> = {
  choices: (options) => options.provinces,
  read(value, { provinces }) {
    const name = compact(String(value));
    if (provinces.includes(name)) return ok(name);
    const candidates = name.length >= 2 ? provinces.filter((p) => p.startsWith(name)) : [];
    if (candidates.length === 1) return ok(candidates[0]);
    if (candidates.length > 1) return fail(`省份不明确：可能是${candidates.join('、')}`, `ambiguous province: could be ${candidates.join(', ')}`);
    return fail('不是本次专项行动的省（区、市），请从下拉列表中选择', 'not a province of this campaign: pick one from the list');
  },
};

/** Chinese label or English key of an enumeration, to its key (the directory's kinds and roles too). */
export function lookup<K extends string>(labels: Record<K, Label>): (text: string) => K | undefined {
  const byName = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    byName.set(labels[key].zh, key);
    byName.set(key.toLowerCase(), key);
  }
  return (text) => byName.get(text.toLowerCase());
}

const enterpriseTypeOf = lookup(enterpriseTypeLabels);
const typeNames = Object.values(enterpriseTypeLabels).map((l) => l.zh);

/**
 * The types an enterprise ticked. Several go in one cell separated by the enumeration comma 、
 * (矿山、冶炼分离), which is what a clerk writes; commas, semicolons, slashes and spaces are
 * accepted too, as no type name contains them.
 */
export const enterpriseTypes: CellType<EnterpriseType[]> = {
  choices: () => typeNames,
  openList: true,
  read(value) {
    const names = String(value).normalize('NFKC').split(/[、,;/\s]+/u).filter((n) => n !== '');
    const unknown = names.filter((n) => enterpriseTypeOf(n) === undefined);
    if (unknown.length > 0 || names.length === 0) {
      return fail(`未知的企业类型“${unknown.join('、')}”，应为${typeNames.join('、')}，多个用“、”分隔`, `unknown enterprise type "${unknown.join(', ')}": use ${typeNames.join(', ')}, several separated by 、`);
    }
    const ticked = new Set(names.map(enterpriseTypeOf));
    return ok(EnterpriseType.options.filter((t) => ticked.has(t)));
  },
};

const categoryOf = lookup(productCategoryLabels);
const categoryNames = Object.values(productCategoryLabels).map((l) => l.zh);

export const productCategory: CellType<ProductCategory> = {
  choices: () => categoryNames,
  read(value) {
    const category = categoryOf(compact(String(value)));
    return category === undefined ? fail(`产品类别应为${categoryNames.join('或')}`, `the product category is ${categoryNames.join(' or ')}`) : ok(category);
  },
};

interface DecimalUnit {
  parse(text: string): ParseResult;
  unit: Label;
  /** The rule the domain parser applies, for the Chinese reason (its own reason is English). */
  rangeZh: string;
}

/**
 * A quantity typed as a clerk types it. 。 is taken for the decimal point (a Chinese input method
 * types it for "."), but a comma or an inner space is refused: 1,234 may be a thousand or a decimal
 * comma. A unit after the number is refused too: 12吨 may be gross tonnes, not tonnes of REO.
 */
function decimal({ parse, unit, rangeZh }: DecimalUnit): CellType<number> {
  return {
    read(value) {
      if (value instanceof Date) return fail(`应为数字（${unit.zh}），不是日期`, `a number of ${unit.en} is expected, not a date`);
      const written = typeof value === 'number' ? String(value) : value.normalize('NFKC').trim().replace(/。/gu, '.');
      if (/[,\s]/u.test(written)) {
        return fail('不要使用千位分隔符、逗号或空格，请写成 1234.5 这样的数字', 'no thousands separators, commas or spaces: write the number like 1234.5');
      }
      if (/^-?[\d.]+\D+$/u.test(written)) return fail(`只填数字：本列单位已是${unit.zh}`, `numbers only: the column is already in ${unit.en}`);
      const parsed = parse(written);
      return parsed.ok ? ok(parsed.value) : fail(rangeZh, parsed.reason);
    },
  };
}

/** Tonnes of REO to integer kilograms. */
export const tonnes = decimal({
  parse: (text) => tryParseTonnes(text),
  unit: { zh: '吨（折REO）', en: 'tonnes REO' },
  rangeZh: '应为0至1000000吨（折REO）之间的数，最多三位小数',
});

/** Yuan to integer fen. */
export const yuan = decimal({
  parse: (text) => tryParseYuan(text),
  unit: { zh: '元', en: 'yuan' },
  rangeZh: '应为不超过一万亿元的非负数，最多两位小数',
});

function isoDate(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Round-tripping through the day number rejects 2014-02-30 and month 13.
  return dateOfDayNumber(dayNumber(iso)) === iso ? iso : undefined;
}

/** An Excel date, or text 2014-03-31, 2014/3/31, 2014.3.31 or 2014年3月31日. */
export const date: CellType<string> = {
  read(value) {
    const written = value instanceof Date ? isoDateOf(value) : typeof value === 'string' ? compact(value) : undefined;
    const parts = written === undefined ? null : (/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(written) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u.exec(written));
    const iso = parts === null ? undefined : isoDate(parts[1], parts[2], parts[3]);
    if (iso === undefined) return fail('应为日期，如 2014-03-31 或 2014年3月31日', 'a date is expected, such as 2014-03-31 or 2014年3月31日');
    return isDayInRange(iso) ? ok(iso) : fail(`日期须在 ${EARLIEST_DAY} 至 ${LATEST_DAY} 之间`, `the date must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`);
  },
};

/** 2013年6月, the form's own way of writing a month. */
function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** A month of the review window: an Excel date, or text 2013-06, 2013/6 or 2013年6月. */
export const monthInWindow: CellType<string> = {
  keepText: true,
  choices: ({ reviewWindow }) => windowMonths(reviewWindow).map(monthLabel),
  read(value, { reviewWindow }) {
    const written = value instanceof Date ? isoDateOf(value)?.slice(0, 7) : typeof value === 'string' ? compact(value) : undefined;
    const parts = written === undefined ? null : (/^(\d{4})[-/.](\d{1,2})$/u.exec(written) ?? /^(\d{4})年(\d{1,2})月?$/u.exec(written));
    const month = parts === null || Number(parts[2]) < 1 || Number(parts[2]) > 12 ? undefined : `${parts[1]}-${parts[2].padStart(2, '0')}`;
    if (month === undefined) return fail('应为月份，如 2013年6月 或 2013-06', 'a month is expected, such as 2013年6月 or 2013-06');
    const months = windowMonths(reviewWindow);
    if (!months.includes(month)) {
      const [first, last] = [monthLabel(months[0]), monthLabel(months[months.length - 1])];
      return fail(`不在核查期（${first}至${last}）内`, `outside the review window (${months[0]} to ${months[months.length - 1]})`);
    }
    return ok(month);
  },
};

export const year: CellType<number> = {
  read(value) {
    const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? compact(value).replace(/年$/u, '') : '';
    return /^\d{4}$/u.test(written) ? ok(Number(written)) : fail('应为年份，如 2014', 'a year is expected, such as 2014');
  },
};
