import { z } from 'zod';
import { transferSteps, type TransferStep } from './catalogue';
import type { AgencyKind } from './enums';
import { provinceDivisions } from './provinces';

/** Who a staff user is in the campaign; decides what they see and may act on. */
export const StaffRole = z.enum(['staff', 'agencyHead', 'provincialCoordinator', 'miitCoordinator', 'disciplineInspection', 'administrator']);
export type StaffRole = z.infer<typeof StaffRole>;

export interface Principal {
  staffId: string;
  name: string;
  email: string;
  role: StaffRole;
  agencyKind: AgencyKind;
  /** null for national offices (MIIT). */
  province: string | null;
  /** What the request was authenticated with: the audit trail names it, revocation ends it. */
  credential: { kind: 'session' | 'token'; id: string };
}

/** MIIT sees every province (it receives every provincial report); everyone else their own. */
export function seesProvince(principal: Pick<Principal, 'role' | 'province'>, province: string): boolean {
  return principal.role === 'miitCoordinator' || principal.province === province;
}

/**
 * The province a list is narrowed to: undefined for MIIT (every province, or the one asked for),
 * the caller's own otherwise, null for anyone of a national office but MIIT's coordinators (MIIT's
 * directory administrator), who sees no province's cases, tasks or enterprises.
 */
export function listedProvince(principal: Principal, asked: string | undefined): string | undefined | null {
  return principal.role === 'miitCoordinator' ? asked : principal.province;
}

/**
 * Agency staff act only on tasks of their own agency in their own province; the provincial
 * coordinator on any task of the province, MIIT on any task. Discipline inspection oversees and
 * is told of failures, but does not complete other agencies' tasks.
 */
export function actsOnTask(principal: Principal, task: { agencyKind: AgencyKind; province: string }): boolean {
  switch (principal.role) {
    case 'miitCoordinator':
      return true;
    case 'provincialCoordinator':
      return principal.province === task.province;
    case 'staff':
    case 'agencyHead':
      return principal.province === task.province && principal.agencyKind === task.agencyKind;
    case 'disciplineInspection':
    case 'administrator':
      return false;
  }
}

/** Completing a task: whoever acts on it, but a transfer's approval (Order 310, art. 5) is the agency head's, not its staff's. */
export function completesTask(principal: Principal, task: { agencyKind: AgencyKind; province: string; kind: string }): boolean {
  const headOnly = task.kind in transferSteps && transferSteps[task.kind as TransferStep].by === 'agencyHead';
  return actsOnTask(principal, task) && !(headOnly && principal.role === 'staff');
}

/** Seeing a task: whoever may act on it, and discipline inspection within its province. */
export function seesTask(principal: Principal, task: { agencyKind: AgencyKind; province: string }): boolean {
  return actsOnTask(principal, task) || (principal.role === 'disciplineInspection' && principal.province === task.province);
}

/**
 * Handing a task to one person: the head of the task's agency in its province, the provincial
 * coordinator, MIIT. Staff act on their agency's tasks but do not share them out among themselves.
 */
export function assignsTask(principal: Principal, task: { agencyKind: AgencyKind; province: string }): boolean {
  switch (principal.role) {
    case 'miitCoordinator':
      return true;
    case 'provincialCoordinator':
      return principal.province === task.province;
    case 'agencyHead':
      return principal.province === task.province && principal.agencyKind === task.agencyKind;
    case 'staff':
    case 'disciplineInspection':
    case 'administrator':
      return false;
  }
}

/**
 * Taking a task on oneself (claim) and handing it back (release): the staff and the head of the
 * task's agency in its province, who do the work; coordinators hand tasks out instead.
 */
export function claimsTask(principal: Principal, task: { agencyKind: AgencyKind; province: string }): boolean {
  return (principal.role === 'staff' || principal.role === 'agencyHead') && principal.province === task.province && principal.agencyKind === task.agencyKind;
}

/** Coordinating a province's campaign (start it, add enterprises, draft its reports); supervision (挂牌督办) is MIIT's alone. */
export function coordinatesProvince(principal: Pick<Principal, 'role' | 'province'>, province: string): boolean {
  return principal.role === 'miitCoordinator' || (principal.role === 'provincialCoordinator' && principal.province === province);
}

/**
 * Campaign ids are namespaced, so nobody can take an id another level means to use. An id that
 * starts with a province's GB/T 2260 code and a hyphen (`36-2015-spot-checks`) is that province's
 * own campaign, for that province alone. Any other id is national: null here.
 */
export function provinceOfCampaignId(campaignId: string): string | null {
  const code = /^(\d{2})-/.exec(campaignId)?.[1];
  return provinceDivisions.find((p) => p.code === code)?.name ?? null;
}

/**
 * Creating a campaign (writing its name, calendar and clock): a national one is MIIT's alone, a
 * province's own one its coordinator's or MIIT's. A provincial coordinator starts their province's
 * part of a national campaign only once MIIT has created it, and with its settings.
 */
export function createsCampaign(principal: Principal, campaignId: string): boolean {
  const province = provinceOfCampaignId(campaignId);
  return province === null ? principal.role === 'miitCoordinator' : coordinatesProvince(principal, province);
}

/**
 * Submitting a province's enterprise records (annex 1 and annex 2 files): the industry department
 * collects the forms (section 三.(一) of the plan), the provincial coordinator oversees them, MIIT
 * may load any province's.
 */
export function submitsRecordsFor(principal: Pick<Principal, 'role' | 'agencyKind' | 'province'>, province: string | null): boolean {
  if (principal.role === 'miitCoordinator') return true;
  if (province === null || principal.province !== province) return false;
  return principal.role === 'provincialCoordinator' || (principal.agencyKind === 'industry' && (principal.role === 'staff' || principal.role === 'agencyHead'));
}

/**
 * Writing the directory (agencies, staff, disabling): MIIT's administrator (an administrator of the
 * national MIIT office) everywhere, a provincial administrator the offices of their own province.
 * Nobody else writes it, nor reads it through the admin API. `province` is the office's, null for a
 * national office, which only MIIT's administrator manages.
 */
export function administersDirectory(principal: Principal, province: string | null): boolean {
  if (principal.role !== 'administrator') return false;
  if (principal.agencyKind === 'miit' && principal.province === null) return true;
  return province !== null && principal.province === province;
}

/**
 * Reading the audit trail: MIIT and discipline inspection all of it, a provincial coordinator
 * their province's, nobody else (undefined).
 */
export function auditScope(principal: Principal): { province: string | null } | 'all' | undefined {
  if (principal.role === 'miitCoordinator' || principal.role === 'disciplineInspection') return 'all';
  if (principal.role === 'provincialCoordinator') return { province: principal.province };
  return undefined;
}
