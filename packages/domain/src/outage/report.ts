import { AFTER_REGISTRATION_KINDS, type AfterRegistrationItem, type AfterRegistrationKind } from "./after-registration";
import { formatDuration, stockholmDateTime } from "../time/format";
import { OUTAGE_SYSTEM_LABELS, type OutageWindow, type PhoneContactEntry } from "./types";

export { AFTER_REGISTRATION_KIND_LABELS } from "./after-registration-types";

/**
 * Progress of the after-registration per unit ("Efterregistrering" shows it until the list is
 * empty) and the outage report's rows for the CSV export (the API writes the file). Plain values
 * only: strings and numbers, times on the Stockholm clock.
 */

export interface UnitProgress {
  unitId: string;
  total: number;
  done: number;
  pending: number;
  byKind: Record<AfterRegistrationKind, { total: number; done: number }>;
  /** Nothing left to do. */
  complete: boolean;
}

const emptyByKind = (): UnitProgress["byKind"] => Object.fromEntries(AFTER_REGISTRATION_KINDS.map((k) => [k, { total: 0, done: 0 }])) as UnitProgress["byKind"];

/** Per unit, sorted by unit id. A done key that is not in `items` is ignored. */
export function afterRegistrationProgress(items: readonly AfterRegistrationItem[], doneKeys: Iterable<string>): UnitProgress[] {
  const done = new Set(doneKeys);
  const byUnit = new Map<string, UnitProgress>();
  for (const item of items) {
    let p = byUnit.get(item.unitId);
    if (!p) {
      p = { unitId: item.unitId, total: 0, done: 0, pending: 0, byKind: emptyByKind(), complete: true };
      byUnit.set(item.unitId, p);
    }
    const isDone = done.has(item.key);
    p.total += 1;
    p.byKind[item.kind].total += 1;
    if (isDone) {
      p.done += 1;
      p.byKind[item.kind].done += 1;
    } else {
      p.pending += 1;
      p.complete = false;
    }
  }
  return [...byUnit.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

export interface OutageReportRow {
  outageId: string;
  system: string;
  startedAt: string;
  /** "" while it goes on. */
  endedAt: string;
  durationMinutes: number;
  duration: string;
  /** "" on the total row. */
  unitId: string;
  unitName: string;
  callsLogged: number;
  itemsTotal: number;
  itemsDone: number;
  itemsPending: number;
}

/** The CSV's columns in order, with Swedish headers. */
export const OUTAGE_REPORT_COLUMNS: readonly { key: keyof OutageReportRow; header: string }[] = [
  { key: "outageId", header: "Driftstörning" },
  { key: "system", header: "System" },
  { key: "startedAt", header: "Start" },
  { key: "endedAt", header: "Slut" },
  { key: "durationMinutes", header: "Längd (minuter)" },
  { key: "duration", header: "Längd" },
  { key: "unitId", header: "Enhets-id" },
  { key: "unitName", header: "Enhet" },
  { key: "callsLogged", header: "Loggade samtal" },
  { key: "itemsTotal", header: "Efterregistreringar" },
  { key: "itemsDone", header: "Klara" },
  { key: "itemsPending", header: "Kvar" },
];

export interface OutageReportInput {
  outage: OutageWindow;
  /** The affected units to list (also those with nothing to do), with names. */
  units: readonly { id: string; name?: string }[];
  /** The phone log; a call counts for this outage by its outageId. */
  phoneLog: readonly PhoneContactEntry[];
  items: readonly AfterRegistrationItem[];
  doneKeys: Iterable<string>;
  /** For the duration of an outage that goes on. */
  now: Date;
}

/**
 * One row per unit (the listed units, then any other unit with calls or items), sorted by unit
 * name, then a total row ("Totalt"). Real elapsed time: a night over the spring change is one
 * hour shorter than the wall clock says.
 */
export function outageReportRows(input: OutageReportInput): OutageReportRow[] {
  const { outage } = input;
  const end = outage.endedAt ?? input.now;
  const ms = Math.max(0, end.getTime() - outage.startedAt.getTime());
  const base = {
    outageId: outage.id,
    system: OUTAGE_SYSTEM_LABELS[outage.system],
    startedAt: stockholmDateTime(outage.startedAt),
    endedAt: outage.endedAt ? stockholmDateTime(outage.endedAt) : "",
    durationMinutes: Math.round(ms / 60_000),
    duration: formatDuration(ms),
  };
  const names = new Map(input.units.map((u) => [u.id, u.name ?? u.id]));
  const calls = new Map<string, number>();
  for (const e of input.phoneLog) {
    if (e.outageId !== outage.id) continue;
    calls.set(e.unitId, (calls.get(e.unitId) ?? 0) + 1);
    if (!names.has(e.unitId)) names.set(e.unitId, e.unitId);
  }
  for (const item of input.items) if (!names.has(item.unitId)) names.set(item.unitId, item.unitId);
  const progress = new Map(afterRegistrationProgress(input.items, input.doneKeys).map((p) => [p.unitId, p]));

  const rows: OutageReportRow[] = [...names.entries()]
    .map(([unitId, unitName]) => {
      const p = progress.get(unitId);
      return {
        ...base,
        unitId,
        unitName,
        callsLogged: calls.get(unitId) ?? 0,
        itemsTotal: p?.total ?? 0,
        itemsDone: p?.done ?? 0,
        itemsPending: p?.pending ?? 0,
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "sv") || (a.unitId < b.unitId ? -1 : 1));
  const sum = (k: "callsLogged" | "itemsTotal" | "itemsDone" | "itemsPending"): number => rows.reduce((s, r) => s + r[k], 0);
  rows.push({
    ...base,
    unitId: "",
    unitName: "Totalt",
    callsLogged: sum("callsLogged"),
    itemsTotal: sum("itemsTotal"),
    itemsDone: sum("itemsDone"),
    itemsPending: sum("itemsPending"),
  });
  return rows;
}
