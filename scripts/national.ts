// `npm run db:national [-- --scale=0.1]`: loads the synthetic national-scale data
// (packages/api/src/seed/national) beside the demo data, into DATABASE_URL or the embedded server
// that `npm start` uses (.data/pg, or VK_DATA_DIR/pg; port VK_PG_PORT). Idempotent: a rerun after a
// finished load says so and stops; one after an interrupted load goes on where it stopped.
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb } from "@vardkedjan/db/client";
import { runMigrations } from "@vardkedjan/db/migrate";
import { seedDemoData } from "@vardkedjan/db/seed";
import { seedDemoCases } from "@vardkedjan/api/seed/demo-cases";
import { seedHistory } from "@vardkedjan/api/seed/history";
import { loadNational } from "@vardkedjan/api/seed/national";
import { ROOT, portsFromEnv } from "./lib/system";

const scaleArg = process.argv.find((a) => a.startsWith("--scale="));
const scale = scaleArg ? Number(scaleArg.slice("--scale=".length)) : 1;
// --workers=0 makes the rows in this thread (for `node --cpu-prof`, which sees only the main thread).
const workersArg = process.argv.find((a) => a.startsWith("--workers="));
const workers = workersArg ? Number(workersArg.slice("--workers=".length)) : 2;
if (!(scale > 0 && scale <= 1) || !(Number.isInteger(workers) && workers >= 0 && workers <= 8)) {
  console.error("Användning: npm run db:national [-- --scale=<tal över 0, högst 1>] [--workers=<0–8>]");
  process.exit(2);
}

const dataDir = path.resolve(ROOT, process.env.VK_DATA_DIR ?? ".data");
const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: portsFromEnv(process.env).pgPort });
const handle = createDb(process.env.DATABASE_URL || embedded!.url, { max: 3 });
try {
  await runMigrations(handle.db);
  // The demo cast's units are part of the national data: make sure they are there (idempotent).
  await seedDemoData(handle.db);
  await seedDemoCases(handle.db);
  await seedHistory(handle.db);
  const started = Date.now();
  const result = await loadNational(handle, { scale, workers, log: (line) => console.log(line) });
  const s = (n: number) => n.toLocaleString("sv-SE");
  if (result.alreadyLoaded) console.log("Nationella data finns redan; inget att göra.");
  else {
    const m = result.made;
    console.log(
      `Skapade ${s(m.patients)} patienter (reservnummer), ${s(m.cases)} ärenden (${s(m.openCases)} öppna), ${s(m.messages)} meddelanden, ` +
        `${s(m.recipients)} mottagare med kvittenser, ${s(m.consents)} samtycken, ${s(m.paymentPeriods)} perioder med betalningsansvar.`,
    );
  }
  console.log(
    `Avd 12 Medicin: ${s(result.avd12.open)} öppna, ${s(result.avd12.closed)} avslutade. Biståndsenheten Eskilstuna: ${s(result.eskilstunaOpen)} öppna.`,
  );
  console.log(`Tid: ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await handle.close();
  await embedded?.stop();
}
