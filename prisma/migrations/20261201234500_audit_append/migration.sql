-- Appends rows to the audit chain in one call: takes the chain's lock, reads the previous row's
-- hash (after the lock is held: each statement of a VOLATILE function takes a new snapshot under
-- READ COMMITTED, so the read sees the last holder's committed row), and inserts each row chained
-- onto the one before, in array order. Called as the last statement of a change's transaction, or
-- alone for a batch of rows, so the lock is held for that call and the commit only.
-- Each element carries the row's columns and `canonical`, the row's content as canonical JSON
-- (store/canonicalJson.ts); the hash is sha256 over the previous hash, a newline and that text, as
-- store/audit.ts's auditHash computes it for `npm run audit -- verify`.
-- SECURITY INVOKER (the default), so the caller's privileges apply: the application role still
-- only INSERTs and SELECTs "AuditEvent".
CREATE FUNCTION audit_append(entries jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text;
  entry jsonb;
  next_hash text;
BEGIN
  -- Arbitrary, fixed, and distinct from the migrations' lock (platform/migrations.ts).
  PERFORM pg_advisory_xact_lock(72707370);
  SELECT "hash" INTO prev FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
  prev := COALESCE(prev, repeat('0', 64));
  FOR entry IN SELECT e.value FROM jsonb_array_elements(entries) WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
    next_hash := encode(sha256(convert_to(prev || E'\n' || (entry->>'canonical'), 'UTF8')), 'hex');
    INSERT INTO "AuditEvent" ("at", "actorStaffId", "actorRole", "credentialKind", "credentialId", "clientAddress", "requestId", "method", "path",
      "action", "objectType", "objectId", "province", "outcome", "status", "before", "after", "updateId", "prevHash", "hash")
    VALUES ((entry->>'at')::timestamptz, entry->>'actorStaffId', (entry->>'actorRole')::"StaffRole", entry->>'credentialKind', entry->>'credentialId',
      entry->>'clientAddress', entry->>'requestId', entry->>'method', entry->>'path', entry->>'action', entry->>'objectType', entry->>'objectId',
      entry->>'province', (entry->>'outcome')::"AuditOutcome", (entry->>'status')::int, NULLIF(entry->'before', 'null'::jsonb),
      NULLIF(entry->'after', 'null'::jsonb), entry->>'updateId', prev, next_hash);
    prev := next_hash;
  END LOOP;
END $$;

GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO campaign_app;
