import { sql, type SQL } from "@vardkedjan/db/client";
import type { WorklistDirection, WorklistSort } from "@vardkedjan/domain/case/worklist-columns";
import { AppError } from "../../errors";

/**
 * The worklist's sort keys as SQL over a party row (alias given), each matching an index of
 * `case_parties` (packages/db/src/schema/case.ts: `case_parties_list_*`) column for column, so a
 * page is read in order from the index after the cursor: no sort of the unit's open cases.
 * Nullable columns are made total (a date of 'infinity', or a null flag first) so that the
 * cursor's row comparison works and empty values come last.
 */
interface SortKeys {
  exprs: (alias: string) => SQL[];
  /** The SQL type of each key, to cast the cursor's text back. */
  types: string[];
}

const col = (alias: string, name: string) => sql.raw(`${alias}.${name}`);

export const SORT_KEYS: Record<WorklistSort, SortKeys> = {
  frist: { exprs: (a) => [sql`coalesce(${col(a, "next_due_at")}, 'infinity'::timestamptz)`], types: ["timestamptz"] },
  inskriven: { exprs: (a) => [col(a, "admitted_at")], types: ["timestamptz"] },
  beraknat: { exprs: (a) => [sql`coalesce(${col(a, "estimated_discharge_date")}, 'infinity'::date)`], types: ["date"] },
  dagar_klar: { exprs: (a) => [sql`coalesce(${col(a, "ready_for_discharge_at")}, 'infinity'::timestamptz)`], types: ["timestamptz"] },
  kommun: {
    exprs: (a) => [sql`(${col(a, "municipality_name")} is null)`, sql`coalesce(${col(a, "municipality_name")}, '')`],
    types: ["boolean", "text"],
  },
  kommunklar: { exprs: (a) => [sql`coalesce(${col(a, "kommunklar_at")}, '-infinity'::timestamptz)`], types: ["timestamptz"] },
  fast_vardkontakt: {
    exprs: (a) => [sql`(${col(a, "fixed_care_contact_name")} is null)`, sql`coalesce(${col(a, "fixed_care_contact_name")}, '')`],
    types: ["boolean", "text"],
  },
};

/** Where the next page starts: the last row's keys and case, for the same sort and direction. Opaque to the client. */
export interface Cursor {
  sort: WorklistSort;
  direction: WorklistDirection;
  keys: string[];
  caseId: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.direction, c.keys, c.caseId]), "utf8").toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor from another sort, or altered, is refused in Swedish rather than read as something else. */
export function decodeCursor(text: string, sort: WorklistSort, direction: WorklistDirection): Cursor {
  const bad = () =>
    new AppError("INVALID_INPUT", {
      userMessage: "Sidan kunde inte visas eftersom sorteringen har ändrats. Börja om från första sidan.",
      internal: "worklist cursor does not match",
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad();
  const [s, d, keys, caseId] = parsed as unknown[];
  if (s !== sort || d !== direction || typeof caseId !== "string" || !UUID.test(caseId)) throw bad();
  if (!Array.isArray(keys) || keys.length !== SORT_KEYS[sort].types.length || !keys.every((k) => typeof k === "string" && k.length <= 200)) throw bad();
  return { sort, direction, keys: keys as string[], caseId };
}

/** `(key…, case) > (cursor…)` (or `<` descending): the rows after the cursor, as an index condition. */
export function afterCursor(alias: string, c: Cursor): SQL {
  const { exprs, types } = SORT_KEYS[c.sort];
  const left = sql.join([...exprs(alias), col(alias, "case_id")], sql`, `);
  const right = sql.join([...c.keys.map((k, i) => sql`${k}::${sql.raw(types[i]!)}`), sql`${c.caseId}::uuid`], sql`, `);
  return c.direction === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

export function orderBy(alias: string, sort: WorklistSort, direction: WorklistDirection, caseIdColumn = "case_id"): SQL {
  const dir = sql.raw(direction === "asc" ? "asc" : "desc");
  return sql.join(
    [...SORT_KEYS[sort].exprs(alias), col(alias, caseIdColumn)].map((e) => sql`${e} ${dir}`),
    sql`, `,
  );
}
