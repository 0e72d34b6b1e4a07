// `npm run db:migrate` / `npm run db:seed`: against DATABASE_URL, or the embedded server in .data/pg.
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { seedDemoCases } from "@vardkedjan/api/seed/demo-cases";
import { seedHistory } from "@vardkedjan/api/seed/history";
import { backfillCaseReportFacts } from "@vardkedjan/api/services/reports/case-facts";
import { ROOT, portsFromEnv } from "./lib/system";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("Användning: tsx scripts/db.ts migrate|seed");
  process.exit(2);
}

const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/pg"), port: portsFromEnv(process.env).pgPort });
const handle = createDb(process.env.DATABASE_URL || embedded!.url, { max: 2 });
try {
  await runMigrations(handle.db);
  // Report rows of cases written before the reports existed (computed by the domain, so not in the SQL migration).
  await backfillCaseReportFacts(handle.db);
  console.log("Migreringarna är körda.");
  if (command === "seed")
    console.log("Demodata:", await seedDemoData(handle.db), "demoärenden:", await seedDemoCases(handle.db), "historik:", await seedHistory(handle.db));
} finally {
  await handle.close();
  await embedded?.stop();
}
