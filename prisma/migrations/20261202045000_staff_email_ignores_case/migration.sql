-- One address is one person whatever its case (domain/directory.ts Email): sign-in and the
-- identity provider's claims already compare emails without case, so the directory must not hold
-- two people whose addresses differ only in it. Prisma's schema cannot state an index on an
-- expression; its own unique index on "email" stays for the lookups it generates.
CREATE UNIQUE INDEX "StaffUser_email_lower_key" ON "StaffUser" (lower("email"));
