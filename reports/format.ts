import { type IsoDate, type YearMonth, formatTonnes, formatYuan } from '../domain/campaign';
import { type Label, dateWords, reportLabels, reportPunctuation as p } from '../domain/labels';

/**
 * How the reports write figures and dates: tonnes REO with three decimals and yuan with two, made
 * from the integer kg and fen by the domain's formatters (no float ever holds a sum), and dates the
 * way Chinese official documents write them.
 */

export const tonnes = formatTonnes;
export const yuan = formatYuan;

/** '2015-04-30' → 2015年4月30日. */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}${dateWords.year}${Number(date.slice(5, 7))}${dateWords.month}${Number(date.slice(8, 10))}${dateWords.day}`;
}

/** '2013-06' → 2013年6月, as annex 2 lists its months. */
export function chineseMonth(month: YearMonth): string {
  return `${Number(month.slice(0, 4))}${dateWords.year}${Number(month.slice(5, 7))}${dateWords.month}`;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as a civil date and time in Beijing, where the reports are read. */
function beijingDateTime(instant: string): { date: IsoDate; time: string } {
  const shifted = new Date(Date.parse(instant) + BEIJING_OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/**
 * The day a deadline falls on. Phases and tasks end at 24:00 Beijing time, which is 00:00 of the
 * next day: that instant belongs to the day it closes.
 */
export function deadlineDate(instant: string): IsoDate {
  return beijingDateTime(new Date(Date.parse(instant) - 1).toISOString()).date;
}

/** 数据截至 2014年11月25日 18:00 (北京时间 is implied: every official reads it so). */
export function asOfLine(generatedAt: string): string {
  const { date, time } = beijingDateTime(generatedAt);
  return `${reportLabels.asOf.zh}${p.colon}${chineseDate(date)} ${time}`;
}

export function withDraftMark(title: string, draft: boolean): string {
  return draft ? `${title}${p.open}${reportLabels.draft.zh} ${reportLabels.draft.en}${p.close}` : title;
}

export function parenthesised(text: string): string {
  return `${p.open}${text}${p.close}`;
}

/** Labels joined with 、 as a list of kinds within one cell. */
export function enumerate(labels: readonly Label[]): string {
  return labels.map((l) => l.zh).join(p.enumeration);
}

/** 标签：值 */
export function labelled(label: Label, value: string): string {
  return `${label.zh}${p.colon}${value}`;
}
