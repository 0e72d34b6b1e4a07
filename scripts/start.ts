// `npm start`: the whole system on the embedded PostgreSQL (or DATABASE_URL) with demo data.
import path from "node:path";
import { demoIdentities } from "@vardkedjan/db/demo-cast";
import { PORTAL_APPS, ROOT, portsFromEnv, startSystem } from "./lib/system";

const t0 = Date.now();
const system = await startSystem({
  dataDir: process.env.VK_DATA_DIR ? path.resolve(process.env.VK_DATA_DIR) : path.join(ROOT, ".data"),
  ...portsFromEnv(process.env),
  databaseUrl: process.env.DATABASE_URL || undefined,
  log: (l) => console.log(l),
});

const width = Math.max(...PORTAL_APPS.map((p) => p.label.length));
console.log(`\nVårdkedjan är igång (${((Date.now() - t0) / 1000).toFixed(1)} s).\n`);
for (const p of PORTAL_APPS) console.log(`  ${p.label.padEnd(width)}  ${system.urls[p.portal]}`);
console.log(`  ${"Test-IdP".padEnd(width)}  ${system.idpUrl}`);
console.log(`  ${"Test-e-post".padEnd(width)}  ${system.mailUrl}\n`);
console.log("Demoidentiteter (välj dem på test-IdP:ns inloggningssida):");
for (const id of demoIdentities) console.log(`  ${id.displayName.padEnd(20)} ${id.title} (${id.region})`);
console.log("\nAvsluta med Ctrl+C.");

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStänger av …");
  await system.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
