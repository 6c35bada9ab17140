-- Version stamps for what a web process caches in memory (lib/server/cache-version.ts): the rule settings and the CSM
-- roster (profiles, expertise, certifications, and the name, role and active flag of their users). Every write to
-- those tables moves the stamp in the writing transaction, so a process that reads the stamp from the database before
-- using its cache sees another process's committed change at once, and a change no process has seen yet never matches
-- a stamp it cached under. The stamp is the counter and the writing transaction's id: a transaction that rolls back
-- leaves a counter value another transaction will reuse, but never its transaction id, so what it cached from its own
-- uncommitted rows can never be taken for a committed state. Never written by the app.

CREATE TABLE "CacheVersion" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "xact" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("key")
);

CREATE FUNCTION "cache_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CacheVersion" AS c ("key", "version", "xact") VALUES (TG_ARGV[0], 1, pg_current_xact_id()::text)
  ON CONFLICT ("key") DO UPDATE SET "version" = c."version" + 1, "xact" = EXCLUDED."xact";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Setting_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "cache_version_bump"('settings');

CREATE TRIGGER "CsmProfile_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CsmProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION "cache_version_bump"('csm_roster');
CREATE TRIGGER "CsmProductExpertise_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CsmProductExpertise"
  FOR EACH STATEMENT EXECUTE FUNCTION "cache_version_bump"('csm_roster');
CREATE TRIGGER "CsmCertification_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CsmCertification"
  FOR EACH STATEMENT EXECUTE FUNCTION "cache_version_bump"('csm_roster');
-- A user's other columns (calendar, free/busy, sign-in) change often and are not part of the roster. Deleting a user
-- deletes their profile, which moves the stamp above.
CREATE TRIGGER "User_cache_version" AFTER UPDATE OF "name", "role", "active" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."role" IS DISTINCT FROM NEW."role" OR OLD."active" IS DISTINCT FROM NEW."active")
  EXECUTE FUNCTION "cache_version_bump"('csm_roster');

INSERT INTO "CacheVersion" ("key", "version", "xact") VALUES ('settings', 1, pg_current_xact_id()::text), ('csm_roster', 1, pg_current_xact_id()::text);
