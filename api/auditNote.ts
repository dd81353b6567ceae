/**
 * What a handler that changes state (or refuses to) tells the audit trail, in `res.locals.audit`:
 * the contract between the directory, sign-in and audit slices of issue 11.
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
