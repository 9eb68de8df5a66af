-- An entry with neither guid nor link is still an article (identified by its content hash); it
-- has no address of its own. Unique constraints allow any number of NULLs on H2 and PostgreSQL.
ALTER TABLE article ALTER COLUMN url DROP NOT NULL;
