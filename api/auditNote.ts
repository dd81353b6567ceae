/**
 * What a state-changing handler tells the audit trail about its change (the contract between the
 * directory, sign-in and audit work): set as `res.locals.audit`. Declared here until the audit
 * trail's own module takes this file's place.
 */
export interface AuditNote {
  action: string;
  objectType: string;
  objectId: string;
  province?: string | null;
  before?: unknown;
  after?: unknown;
  updateId?: string;
}
