import { defineConfig } from "prisma/config";

// Only the online Prisma CLI reads this file (migrate deploy / studio); the app and scripts resolve the
// database through lib/env.ts. The fallback is the local default database the README describes.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/baton" },
});
