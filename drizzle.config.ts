import { defineConfig } from "drizzle-kit";

// Migrations are generated from shared/schema and committed; `drizzle-kit push` is for throwaway databases only.
export default defineConfig({
  dialect: "postgresql",
  schema: "./shared/schema/index.ts",
  out: "./migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://127.0.0.1:5432/test" },
});
