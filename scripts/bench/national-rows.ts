// `tsx scripts/bench/national-rows.ts [--patients=3100] [--copy [--deferred]] [--hash]`: what `npm run db:national`
// costs per case, in CPU time rather than wall time (the machine is shared, so wall time says little):
// making the rows in this thread (run it under `node --cpu-prof --import tsx` to see where), and with
// --copy writing them with COPY in a transaction that is rolled back, counting the server process's
// CPU from /proc (--deferred: without the indexes the load builds after it). --hash prints a digest of the rows made with fixed ids and a fixed "now", so a
// change that must not change the rows can be checked to keep them byte for byte.
// Needs a database with the national tree (after `npm run db:national -- --scale=0.001`).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@vardkedjan/db/embedded";
import { createDb } from "@vardkedjan/db/client";
import { buildBatch, copyInto, deferrableIndexes, nationalContext } from "@vardkedjan/api/seed/national";
import { ROOT, portsFromEnv } from "../lib/system";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const patients = Number(arg("patients") ?? 3100);
const withCopy = process.argv.includes("--copy");
const withHash = process.argv.includes("--hash");
// --deferred: the COPY without the indexes the load builds afterwards (indexes.ts), as the load writes.
const deferred = process.argv.includes("--deferred");
const BATCH = 4_000;
// Patients past the national load's last one, so the rolled-back COPY meets no unique key it holds.
const FROM = 700_000;

const dataDir = path.resolve(ROOT, process.env.VK_DATA_DIR ?? ".data");
const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: portsFromEnv(process.env).pgPort });
const handle = createDb(process.env.DATABASE_URL || embedded!.url, { max: 2 });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU ms of a server process (utime + stime, in clock ticks of 10 ms). */
const serverCpu = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
try {
  const context = await nationalContext(handle, new Date("2026-12-06T00:00:00Z"));
  let counter = 0;
  const newId = () => `00000000-0000-7000-8000-${(++counter).toString(16).padStart(12, "0")}`;
  const client = await handle.pool.connect();
  const digest = createHash("sha256");
  let cases = 0;
  let buildMs = 0;
  let copyMs = 0;
  let serverMs = 0;
  const wall = performance.now();
  try {
    const pid = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    await client.query("set synchronous_commit = off");
    await client.query("set session_replication_role = replica");
    for (let first = FROM; first < FROM + patients; first += BATCH) {
      const last = Math.min(FROM + patients, first + BATCH);
      const refs = Array.from({ length: (last - first) * 4 }, (_, i) => String(90_000_000 + first * 4 + i));
      const c0 = cpu();
      const batch = buildBatch(context, { first, last, refs }, newId);
      buildMs += cpu() - c0;
      cases += batch.counts.cases;
      if (withHash) for (const t of batch.tables) digest.update(`${t.table}\n${t.columns.join(",")}\n`).update(t.data);
      if (withCopy) {
        const c1 = cpu();
        const s1 = serverCpu(pid);
        await client.query("begin");
        if (deferred) for (const ix of await deferrableIndexes(client)) await client.query(`drop index "${ix.name}"`);
        for (const t of batch.tables) await copyInto(client, t);
        await client.query("rollback");
        copyMs += cpu() - c1;
        serverMs += serverCpu(pid) - s1;
      }
    }
  } finally {
    client.release();
  }
  const per = (ms: number) => `${((ms / cases) * 1000).toFixed(0)} µs/ärende`;
  console.log(
    `${cases} ärenden på ${((performance.now() - wall) / 1000).toFixed(1)} s väggtid (belastning ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]})`,
  );
  console.log(`raderna: ${buildMs.toFixed(0)} ms CPU, ${per(buildMs)}`);
  if (withCopy) console.log(`COPY: klienten ${copyMs.toFixed(0)} ms CPU (${per(copyMs)}), servern ${serverMs} ms CPU (${per(serverMs)})`);
  if (withHash) console.log(`sha256 ${digest.digest("hex")}`);
} finally {
  await handle.close();
  await embedded?.stop();
}
