import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; it never connects. Migrations are applied by src/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
