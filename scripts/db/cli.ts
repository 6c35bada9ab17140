// npm run db:migrate | db:diff <name> | db:status | db:resolve -- --rolled-back <name>
import path from "node:path";
import { databaseUrlFromEnv, diff, migrate, resolveRolledBack, status } from "./engine";

const USAGE = "usage: tsx scripts/db/cli.ts migrate | diff <name> | status | resolve --rolled-back <name>";

// Shows which database is meant without printing a password.
function describe(url: string): string {
  const u = new URL(url);
  u.password = "";
  return u.toString();
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const url = databaseUrlFromEnv();
  const started = Date.now();
  const took = () => `(${((Date.now() - started) / 1000).toFixed(1)} s)`;

  switch (command) {
    case "migrate": {
      const applied = await migrate(url);
      if (applied.length === 0) console.log(`${describe(url)}: already up to date ${took()}`);
      else console.log(`${describe(url)}: applied ${applied.length} migration(s) ${took()}\n  ${applied.join("\n  ")}`);
      return 0;
    }
    case "diff": {
      const name = rest[0];
      if (!name) throw new Error(`diff needs a migration name.\n${USAGE}`);
      const written = await diff(name);
      if (!written) console.log(`no changes: prisma/schema.prisma matches the migrations ${took()}`);
      else console.log(`wrote ${path.relative(process.cwd(), written.file)} ${took()}\nreview it, then: npm run db:migrate`);
      return 0;
    }
    case "status": {
      const s = await status(url);
      console.log(`${describe(url)}${s.databaseExists ? "" : " (database does not exist yet)"}`);
      const list = (title: string, names: string[]) => names.length > 0 && console.log(`${title}:\n  ${names.join("\n  ")}`);
      list("applied", s.applied);
      for (const f of s.failed) console.log(`FAILED: ${f.name}\n  ${f.error.replace(/\n/g, "\n  ")}`);
      list("pending", s.pending);
      list("edited since applied (checksum differs)", s.edited);
      list("applied but missing from prisma/migrations", s.missingLocally);
      if (s.failed[0]) console.log(`\nresolve: fix the migration, then npm run db:resolve -- --rolled-back ${s.failed[0].name}`);
      const upToDate = s.failed.length === 0 && s.pending.length === 0;
      console.log(upToDate ? "database is up to date" : "database is NOT up to date");
      // Like `prisma migrate status`: non-zero when something is left to do, so CI can check it.
      return upToDate ? 0 : 1;
    }
    case "resolve": {
      const name = rest[0] === "--rolled-back" ? rest[1] : undefined;
      if (!name) throw new Error(`resolve needs --rolled-back <migration name>.\n${USAGE}`);
      await resolveRolledBack(url, name);
      console.log(`marked ${name} as rolled back; npm run db:migrate applies it again`);
      return 0;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
