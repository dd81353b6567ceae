import type { EnterpriseType } from '../domain/enums';
import { enterpriseGroupLabels } from '../domain/labels';
import type { EnterpriseAssessment } from './assess';
import type { SheetBuilder } from './sheet';

/** 一 矿山企业 … 五 出口企业: the order of the forms' groups. */
export const groupOrder = Object.keys(enterpriseGroupLabels) as EnterpriseType[];

interface Group {
  type: EnterpriseType;
  members: EnterpriseAssessment[];
}

/**
 * Every group of the form, empty or not (the printed form has all five), each with the included
 * enterprises that ticked its box, by credit code. An enterprise of several types is in each group.
 */
export function groupsOf(assessments: readonly EnterpriseAssessment[], include: (a: EnterpriseAssessment) => boolean): Group[] {
  const included = assessments.filter(include);
  return groupOrder.map((type) => ({ type, members: included.filter((a) => a.enterprise.types.includes(type)) }));
}

/** Where an enterprise first appears when it is listed once: its first group. */
export function firstGroup(types: readonly EnterpriseType[]): number {
  return Math.min(...types.map((t) => groupOrder.indexOf(t)));
}

/** The group row as the forms print it: the numeral under 序号, the group's name under the next heading. */
export function groupRow(builder: SheetBuilder, type: EnterpriseType): number {
  const label = enterpriseGroupLabels[type];
  return builder.row('group', [label.numeral, label.zh]);
}
