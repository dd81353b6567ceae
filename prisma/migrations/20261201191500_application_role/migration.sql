-- The application's role (the API and the worker connect as it; the migrations run as the owner).
-- It reads and writes the campaign's tables, but may only append to and read the audit trail: no
-- UPDATE, DELETE or TRUNCATE of "AuditEvent". Roles belong to the whole server: on the embedded one
-- it already exists with a login; elsewhere it is made here without one, for the administrator to
-- give it a password (README, "Two database roles"). Concurrent migrations of two databases on
-- one server may both try to make it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campaign_app') THEN
    CREATE ROLE campaign_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO campaign_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO campaign_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO campaign_app;
-- Tables and sequences later migrations create (as the same owner) are the application's too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO campaign_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO campaign_app;

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM campaign_app;
REVOKE ALL ON "_prisma_migrations" FROM campaign_app;
