import { readFileSync, readdirSync } from "node:fs";

/** The processes started from these, and their children (a portal may spawn workers). */
export function processTree(rootPids: number[]): Set<number> {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const all = new Set(rootPids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (all.has(ppid) && !all.has(pid)) {
        all.add(pid);
        grew = true;
      }
  }
  return all;
}

function field(pid: number, file: string, name: string): number {
  try {
    const m = new RegExp(`${name}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/${file}`, "utf8"));
    return Number(m?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Proportional set size (shared pages divided among sharers) of the whole system, in MB. */
export function pssMb(rootPids: number[]): number {
  let kb = 0;
  for (const pid of processTree(rootPids)) kb += field(pid, "smaps_rollup", "Pss");
  return kb / 1024;
}

/** The largest peak resident set (VmHWM) of any one process of the system, in MB. */
export function peakRssMb(rootPids: number[]): number {
  let kb = 0;
  for (const pid of processTree(rootPids)) kb = Math.max(kb, field(pid, "status", "VmHWM"));
  return kb / 1024;
}
