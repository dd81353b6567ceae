import type { Label } from '../domain/labels';

/**
 * One thing wrong with an imported file, located the way the person fixing it sees the file: for
 * a spreadsheet or CSV the sheet name, the row number on screen and the Chinese column heading;
 * for JSON the array's key, the item's 1-based position and the property name.
 */
export interface IntakeProblem {
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  reason: Label;
}

/** One line of a console report: where, the value, the reason in Chinese and English. */
export function describeProblem(problem: IntakeProblem): string {
  const where = [problem.sheet, problem.row === undefined ? undefined : `row ${problem.row}`, problem.column].filter(Boolean).join(' / ');
  const value = problem.value === undefined ? '' : ` 「${problem.value}」`;
  return `${where || '(file)'}${value}: ${problem.reason.zh} — ${problem.reason.en}`;
}

/** Enough to fix a file in one pass; beyond it the clerk is better served by a new template. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Keeps the first problems and counts the rest, so a file of junk rows cannot exhaust memory. */
export class ProblemList {
  private readonly listed: IntakeProblem[] = [];
  private unlisted = 0;

  add(problem: IntakeProblem): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
    else this.unlisted++;
  }

  get empty(): boolean {
    return this.listed.length === 0;
  }

  toArray(): IntakeProblem[] {
    if (this.unlisted === 0) return [...this.listed];
    const more = { zh: `另有${this.unlisted}个问题未列出`, en: `${this.unlisted} more problems not listed` };
    return [...this.listed, { reason: more }];
  }
}
