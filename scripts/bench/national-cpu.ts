import { readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { processTree } from "./national-memory";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14 to 17 of stat (the name and the state come first).
    // The children's part counts backends that have ended; a live one counts in its own fields.
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

function cwdOf(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return "";
  }
}

/**
 * The CPU a group of the system's processes has used so far (user + system, ms): a portal by its
 * app folder (Next runs the server in the process started there), PostgreSQL by its data folder
 * (the postmaster and every backend run there). On two shared cores wall-clock figures follow the
 * neighbours' load; CPU time per request is what the 50-user throughput depends on.
 */
export function cpuMsOf(rootPids: number[], cwd: string): number {
  const want = path.resolve(cwd);
  let ticks = 0;
  for (const pid of processTree(rootPids)) if (cwdOf(pid) === want) ticks += cpuTicks(pid);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
