-- The administrator's generated password works once: an account with must_change_password signs in,
-- and is then led to choose a new password before any other page; setting one clears the mark.
-- Accounts made before this migration (and a password set by tidings.admin.password) keep theirs.
-- One statement that H2 (PostgreSQL mode) and PostgreSQL both accept; no table rewrite on PostgreSQL 11+.
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
