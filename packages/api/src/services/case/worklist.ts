import { executePrepared, sql, type Db, type SQL } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import { PARTY_ROLES, type CaseStage, type ConsentRecord, type PartyRole } from "@vardkedjan/domain/case/types";
import type { DeadlineKind, DueStepCode } from "@vardkedjan/domain/case/due";
import { seesPaymentResponsibility } from "@vardkedjan/domain/case/visibility";
import {
  WORKLIST_COUNT_CAP,
  worklistConsentKind,
  worklistFieldsVisible,
  worklistSortsFor,
  type WorklistDirection,
  type WorklistSort,
} from "@vardkedjan/domain/case/worklist-columns";
import type { RoleContext } from "@vardkedjan/domain/identity/types";
import { liabilityFromText } from "@vardkedjan/domain/payment/text";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { auditInsertSql } from "../../audit";
import { AppError } from "../../errors";
import { resolveScope, type OrgNames } from "../workspace/scope";
import { keptSetCount, registerUnitSet, unitSetKey } from "./worklist-unit-sets";
import { changedSinceSql, forgetPage, keepPage, keptPage } from "./worklist-page-cache";
import { SORT_KEYS, afterCursor, decodeCursor, encodeCursor, orderBy, type Cursor } from "./worklist-sorts";

export interface WorklistInput {
  stage?: CaseStage | null;
  /** Name, personnummer (with or without separator) or case reference. */
  search?: string | null;
  /** Narrow to one unit of the actor's scope (e.g. one ward of a hospital). */
  unitId?: string | null;
  /** The patient's folkbokföringskommun (kommunkod). */
  municipalityCode?: string | null;
  /** Closed cases too (stage "avslutad" lists only them). */
  includeClosed?: boolean;
  /** "alla": one list over the units of every context the person has in this portal ("Alla mina enheter"). */
  scope?: "sammanhang" | "alla";
  sort?: WorklistSort;
  direction?: WorklistDirection;
  /** Where the page starts (the previous page's nextCursor); none: the first page. */
  cursor?: string | null;
  pageSize: number;
}

export interface WorklistDueStep {
  step: DueStepCode;
  dueAt: Date | null;
  deadline: DeadlineKind;
}

export interface WorklistRow {
  caseId: string;
  reference: string;
  stage: CaseStage;
  patientName: string;
  patientIdentifier: string;
  protectedIdentity: boolean;
  wardName: string;
  hospitalName: string;
  /** The unit of the reader's that is party to the case. */
  unitName: string;
  /** In "Alla mina enheter": the context the case belongs to, when it is not the active one (opening it switches). */
  otherContextId: string | null;
  admittedAt: Date;
  estimatedDischargeDate: string | null;
  readyForDischargeAt: Date | null;
  municipalityName: string | null;
  /** Null also when the reader may not see it (see fixedCareContactVisible). */
  kommunklarAt: Date | null;
  kommunklarVisible: boolean;
  fixedCareContactName: string | null;
  fixedCareContactVisible: boolean;
  /** Every step the reader's unit has due, earliest first, each with how it is timed. */
  dueSteps: WorklistDueStep[];
  unacknowledged: number;
  /** "Betalningsansvar från 9 dec. 00:00" (the stored engine result), for the parties it concerns (seesPaymentResponsibility). */
  paymentLiabilityText: string | null;
}

export interface Worklist {
  rows: WorklistRow[];
  /** The next page's start; null on the last page. */
  nextCursor: string | null;
  /** Counted up to WORKLIST_COUNT_CAP (above it `more`: the list says "fler än 1 000"); on the first page only, else null. */
  count: { value: number; more: boolean } | null;
  /** The kommuner of the region(s) of the list's units, for the filter. */
  municipalities: { code: string; name: string }[];
  pageSize: number;
}

function searchCondition(search: string): SQL {
  const q = search.trim();
  const digits = q.replace(/[\s-+]/g, "");
  if (/^\d{6,12}$/.test(digits)) {
    // A personnummer typed with or without century or separator: match on the digits.
    return sql`(p.identifier like ${"%" + digits + "%"})`;
  }
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`(p.given_name || ' ' || p.family_name ilike ${like} or c.reference ilike ${like})`;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** The contexts the list covers, each authorised for reading cases on its own, and the unit → context map. */
async function listScope(db: Db, actor: Actor, input: WorklistInput, sessionContexts: readonly RoleContext[]) {
  const contexts =
    input.scope === "alla"
      ? [actor.context, ...sessionContexts.filter((c) => c.id !== actor.context.id && c.portal === actor.portal && can(c.role, "case.read"))]
      : [actor.context];
  const contextOfUnit = new Map<string, RoleContext>();
  let org: (OrgNames & { treeVersion: string | null }) | null = null;
  for (const c of contexts) {
    const scope = await resolveScope(db, c);
    for (const u of scope.unitIds) if (!contextOfUnit.has(u)) contextOfUnit.set(u, c);
    org = scope;
  }
  return { contexts, contextOfUnit, org: org! };
}

/**
 * What a page's rows are decided by, as the key it is kept under (worklist-page-cache.ts): the
 * organisation tree's version (which names the database), the reader's context and the list's
 * contexts (each names its role, scope and provider: the unit set and what each row may show), and
 * the list's choices. A search is never kept: its words stay with its one request.
 */
function pageKey(
  treeVersion: string | null,
  actor: Actor,
  contexts: readonly RoleContext[],
  input: WorklistInput,
  sort: WorklistSort,
  direction: WorklistDirection,
) {
  if (treeVersion === null || input.search?.trim()) return null;
  return [
    treeVersion,
    actor.context.id,
    contexts.map((c) => c.id).join(","),
    input.stage ?? "",
    input.unitId ?? "",
    input.municipalityCode ?? "",
    input.includeClosed === true,
    input.scope ?? "",
    sort,
    direction,
    input.cursor ?? "",
    input.pageSize,
  ].join("|");
}

/**
 * Min arbetsyta: the cases the actor's units are parties to, a page at a time in the chosen order
 * (by default what is due first), read from the party rows that refreshCaseDerived keeps: each
 * unit's rows after the cursor come in order from an index (a few rows per unit), so a page costs
 * the same with a hundred open cases or a thousand. The count stops at WORKLIST_COUNT_CAP. One
 * audit row per page, with the ids of the cases shown.
 */
export async function getWorklist(db: Db, actor: Actor, input: WorklistInput, sessionContexts: readonly RoleContext[] = []): Promise<Worklist> {
  const sort = input.sort ?? "frist";
  const direction = input.direction ?? "asc";
  if (!worklistSortsFor(actor.context.role).includes(sort)) {
    throw new AppError("INVALID_INPUT", { userMessage: "Den sorteringen finns inte för din roll.", internal: `sort ${sort} not for role` });
  }
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, direction) : null;
  const { contexts, contextOfUnit, org } = await listScope(db, actor, input, sessionContexts);
  const scope = [...contextOfUnit.keys()];
  const units = input.unitId ? scope.filter((u) => u === input.unitId) : scope;
  const empty: Worklist = { rows: [], nextCursor: null, count: { value: 0, more: false }, municipalities: [], pageSize: input.pageSize };
  if (units.length === 0) return empty;

  const auditOf = (details: SQL, when: SQL) => auditInsertSql(actor, { action: "case.list", activity: "Läsa", entityType: "worklist" }, details, when);
  const contextsDetail = contexts.length > 1 ? sql` || ${JSON.stringify({ contexts: contexts.map((c) => c.id) })}::jsonb` : sql``;

  // The page as read before, when nothing it shows has changed since: one statement asks that and
  // writes the read's audit row (the same row as below), or writes nothing and the page is read anew.
  const key = pageKey(org.treeVersion, actor, contexts, input, sort, direction);
  const kept = key ? keptPage<Worklist>(key, units) : null;
  if (kept) {
    const caseIds = kept.result.rows.map((r) => r.caseId);
    const shown = sql`${JSON.stringify({ caseIds, search: null })}::jsonb${contextsDetail}`;
    const [check] = (
      await executePrepared<{ changed: boolean }>(
        db,
        sql`with changed as (select ${changedSinceSql(units, kept.snapshot)} as c),
          audit as (${auditOf(shown, caseIds.length > 0 ? sql`not (select c from changed)` : sql`false`)} returning 1)
          select (select c from changed) as changed, (select count(*)::int from audit) as audited`,
      )
    ).rows;
    if (!check!.changed) return kept.result;
    forgetPage(key!);
  }

  const { pageSql, countSql, search } = worklistQueries(units, input, sort, direction, cursor);

  // One statement, so one transaction and one round trip: the page with its rows, on the first
  // page the count with the filter's kommuner, and the audit row. PDL: the list shows patients'
  // names and numbers; the row logs which cases were shown (ids), what was searched for (a search
  // without hits too) and, for "Alla mina enheter", the contexts whose units were read. A prepared
  // statement, planned once per connection: planning the eight-table join took longer than running it.
  const setKey = units.length > 1 && unfiltered(input) ? unitSetKey(units) : null;
  const details = sql`jsonb_build_object('caseIds', (select coalesce(jsonb_agg(p.case_id order by p.ord), '[]'::jsonb) from listed p where p.ord <= ${input.pageSize}::int),
    'search', ${search}::text)${contextsDetail}`;
  const audit = auditOf(details, sql`exists (select 1 from listed) or ${search}::text is not null`);
  // The statement's snapshot, kept with the page: what it saw is what the page shows.
  const statement = sql`
    with listed as (${pageWithRowsSql(pageSql, sort, direction)}),
    audit as (${audit} returning 1)
    select (select coalesce(json_agg(p order by p.ord), '[]'::json) from listed p) as rows,
      ${cursor ? sql`null::int as n` : sql`f.n`}, (select count(*)::int from audit) as audited, pg_current_snapshot()::text as snapshot
    ${cursor ? sql`` : sql`from (${firstPageSql(units, input, countSql, setKey)}) f`}`;
  const [result] = (await executePrepared<{ rows: PageRow[]; n: number | null; snapshot: string }>(db, statement)).rows;
  const page = result!.rows;
  const hasMore = page.length > input.pageSize;
  const shown = page.slice(0, input.pageSize);
  const rows = shown.map((r) => rowOf(r, actor, contextOfUnit, org.unitName));
  const last = shown.at(-1);
  const nextCursor =
    hasMore && last ? encodeCursor({ sort, direction, keys: SORT_KEYS[sort].types.map((_, i) => String(last[`t${i}`])), caseId: last.case_id }) : null;
  // Counted with the first page only; the pages after it keep that count (the list says "av 312").
  let n = cursor ? null : result!.n;
  if (!cursor && n === null) {
    // A set of units no list has read before: counted once, and kept from now on. The count is
    // no patient data; the page and its audit row are committed above.
    n = await db.transaction(
      async (tx) => (await registerUnitSet(tx, setKey!, units, input.includeClosed === true)) ?? (await tx.execute<{ n: number }>(countSql)).rows[0]!.n,
    );
  }
  const worklist: Worklist = {
    rows,
    nextCursor,
    count: n === null ? null : { value: Math.min(n, WORKLIST_COUNT_CAP), more: n > WORKLIST_COUNT_CAP },
    municipalities: cursor ? [] : org.kommunerOf(units),
    pageSize: input.pageSize,
  };
  // A first page whose count was taken in a statement of its own is not kept: the count and the
  // rows were read in two snapshots. The next read keeps one.
  if (key && (cursor || result!.n !== null)) {
    keepPage(key, { units, snapshot: result!.snapshot, result: worklist, keptAt: Date.now() });
  }
  return worklist;
}

/**
 * What the list shows of the reader's party row, read with the row's keys from the index scan that
 * finds the page: the page's rows then need no second look-up by id.
 */
const PARTY_COLUMNS = sql.raw("cp.unit_id, cp.role, cp.municipality_name, cp.kommunklar_at, cp.fixed_care_contact_name, cp.due_steps, cp.unacknowledged");

/**
 * The page and the count as SQL (exported for the benchmark's EXPLAIN): for each unit, its rows
 * after the cursor in index order, a page at most; then the few rows of all units merged.
 */
export function worklistQueries(units: string[], input: WorklistInput, sort: WorklistSort, direction: WorklistDirection, cursor: Cursor | null) {
  const unitArray = uuidArray(units);
  const search = input.search?.trim() || null;
  const filters: SQL[] = [sql`cp.removed_at is null`, sql`cp.visible_from is not null`];
  // Open or closed is the index's second column: the closed cases are their own range. Both at
  // once (includeClosed without a stage) cannot come in order from it and is for tools and tests.
  if (input.stage === "avslutad") filters.push(sql`cp.case_open = false`);
  else if (!input.includeClosed) filters.push(sql`cp.case_open = true`);
  if (input.stage) filters.push(sql`cp.stage = ${input.stage}`);
  if (input.municipalityCode) filters.push(sql`cp.municipality_code = ${input.municipalityCode}`);
  // A search reads the patient of each candidate row: its cost follows the unit's cases, as a search must.
  if (search)
    filters.push(
      sql`exists (select 1 from coordination_cases c join patients p on p.id = c.patient_id where c.id = cp.case_id and ${searchCondition(search)})`,
    );
  // A case with two of the reader's units as parties is listed once, at the party that comes first.
  const firstParty = (op: "<" | ">") => {
    const q = SORT_KEYS[sort].exprs("q");
    const mine = SORT_KEYS[sort].exprs("cp");
    const cmp =
      op === "<"
        ? sql`(${sql.join([...q, sql`q.unit_id`], sql`, `)}) < (${sql.join([...mine, sql`cp.unit_id`], sql`, `)})`
        : sql`(${sql.join([...q, sql`cp.unit_id`], sql`, `)}) > (${sql.join([...mine, sql`q.unit_id`], sql`, `)})`;
    return sql`not exists (select 1 from case_parties q where q.case_id = cp.case_id and q.unit_id = any(${unitArray}) and q.unit_id <> cp.unit_id
      and q.case_open = cp.case_open and q.removed_at is null and q.visible_from is not null and ${cmp})`;
  };
  const several = units.length > 1;
  const where = sql.join([...filters, ...(several ? [firstParty(direction === "asc" ? "<" : ">")] : [])], sql` and `);
  const pageWhere = cursor ? sql`${where} and ${afterCursor("cp", cursor)}` : where;
  // Each key typed (to merge the units' rows in order) and as text (for the next page's cursor).
  const keyCols = SORT_KEYS[sort].exprs("cp").flatMap((e, i) => [sql`${e} as ${sql.raw(`k${i}`)}`, sql`(${e})::text as ${sql.raw(`t${i}`)}`]);
  const keyCount = SORT_KEYS[sort].types.length;

  const pageSql = sql`
      select x.* from unnest(${unitArray}) as s(unit_id)
      cross join lateral (
        select cp.id as party_id, cp.case_id, ${sql.join(keyCols, sql`, `)}, ${PARTY_COLUMNS}
        from case_parties cp
        where cp.unit_id = s.unit_id and ${pageWhere}
        order by ${orderBy("cp", sort, direction)}
        limit ${input.pageSize + 1}
      ) x
      order by ${sql.join(
        [...Array.from({ length: keyCount }, (_, i) => sql.raw(`x.k${i}`)), sql`x.case_id`].map((e) => sql`${e} ${sql.raw(direction)}`),
        sql`, `,
      )}
      limit ${input.pageSize + 1}`;
  const countSql = sql`
      select count(*)::int as n from (
        select 1 from case_parties cp where cp.unit_id = any(${unitArray}) and ${sql.join(filters, sql` and `)}
          ${several ? sql`and not exists (select 1 from case_parties q where q.case_id = cp.case_id and q.unit_id = any(${unitArray}) and q.unit_id < cp.unit_id and q.case_open = cp.case_open and q.removed_at is null and q.visible_from is not null)` : sql``}
        limit ${WORKLIST_COUNT_CAP + 1}) x`;
  return { pageSql, countSql, search };
}

interface PageRow extends Record<string, unknown> {
  party_id: string;
  case_id: string;
  unit_id: string;
  role: PartyRole;
  reference: string;
  stage: CaseStage;
  given_name: string;
  family_name: string;
  identifier: string;
  protected_identity: boolean;
  ward_unit_id: string;
  hospital_unit_id: string;
  admitted_at: string;
  estimated_discharge_date: string | null;
  ready_for_discharge_at: string | null;
  municipality_name: string | null;
  kommunklar_at: string | null;
  fixed_care_contact_name: string | null;
  due_steps: { step: DueStepCode; dueAt: string | null; deadline: DeadlineKind }[];
  unacknowledged: number;
  liability_from: string | null;
  consents: (Omit<ConsentRecord, "documentedAt"> & { documentedAt: string })[];
}

/** The page's party rows (pageSql) with what the list shows of each case, numbered (`ord`) in the page's order. */
function pageWithRowsSql(pageSql: SQL, sort: WorklistSort, direction: WorklistDirection): SQL {
  const keyCount = SORT_KEYS[sort].types.length;
  const keys = Array.from({ length: keyCount }, (_, i) => sql.raw(`cp.t${i}`));
  const orderKeys = sql.join(
    [...Array.from({ length: keyCount }, (_, i) => sql.raw(`cp.k${i}`)), sql`cp.case_id`].map((e) => sql`${e} ${sql.raw(direction)}`),
    sql`, `,
  );
  return sql`
    with page as (${pageSql})
    select row_number() over (order by ${orderKeys}) as ord, cp.party_id, cp.case_id, ${sql.join(keys, sql`, `)}, cp.unit_id, cp.role, c.reference, c.stage,
           p.given_name, p.family_name, p.identifier, p.protected_identity, c.ward_unit_id, c.hospital_unit_id, c.admitted_at,
           c.estimated_discharge_date::text as estimated_discharge_date, c.ready_for_discharge_at, cp.municipality_name, cp.kommunklar_at,
           cp.fixed_care_contact_name, cp.due_steps, cp.unacknowledged, pay.liability_from,
           ${CONSENTS_OF_ROW} as consents
    from page cp
    join coordination_cases c on c.id = cp.case_id
    join patients p on p.id = c.patient_id
    left join case_payments pay on pay.case_id = c.id
    order by ${orderKeys}`;
}

/**
 * The consent records a row's columns depend on (worklistConsentKind): for a ward's row none, for
 * another party only the one kind that decides what it sees, so the list reads no consents for
 * most rows and at most one kind's for the rest. Built once: it is the same for every page.
 */
const CONSENTS_OF_ROW: SQL = (() => {
  const branches = PARTY_ROLES.flatMap((role) => {
    const kind = worklistConsentKind(role);
    return kind
      ? [
          sql`when ${role} then (select coalesce(json_agg(json_build_object('kind', k.kind, 'given', k.given, 'documentedAt', k.documented_at,
                'documentedByUnitId', k.documented_by_unit_id, 'source', k.source)), '[]'::json)
              from consents k where k.case_id = cp.case_id and k.kind = ${kind})`,
        ]
      : [];
  });
  return sql`(case cp.role::text ${sql.join(branches, sql` `)} else '[]'::json end)`;
})();

/** A list without a stage, kommun or search: its count is kept as data. */
const unfiltered = (input: WorklistInput) => !input.stage && !input.municipalityCode && !input.search?.trim();

/**
 * The count, for the first page (the kommuner for the filter come from the tree's names, OrgNames). A list without a filter reads its
 * count as kept by triggers on the party rows, so that the first page does not count the unit's
 * thousand open rows: a single unit's from `unit_list_counts`, several units' (a case with two of
 * them as parties counted once) from their set's row in `worklist_unit_set_counts` (null while the
 * set is not registered). A filtered list counts its rows up to the cap.
 */
function firstPageSql(units: string[], input: WorklistInput, countSql: SQL, setKey: string | null): SQL {
  const count =
    units.length === 1 && unfiltered(input)
      ? sql`(select coalesce(sum(l.listed), 0)::int from unit_list_counts l where l.unit_id = ${units[0]}::uuid and (l.case_open or ${input.includeClosed === true}))`
      : setKey
        ? keptSetCount(setKey, input.includeClosed === true)
        : sql`(${countSql})`;
  return sql`select ${count} as n`;
}

/** One row of the page, with what its reader may see of it. */
function rowOf(r: PageRow, actor: Actor, contextOfUnit: Map<string, RoleContext>, unitName: (id: string) => string): WorklistRow {
  const context = contextOfUnit.get(r.unit_id) ?? actor.context;
  const viewer = { partyRole: r.role, role: context.role };
  const sees = worklistFieldsVisible(
    viewer,
    r.consents.map((c) => ({ ...c, documentedAt: new Date(c.documentedAt) })),
  );
  return {
    caseId: r.case_id,
    reference: r.reference,
    stage: r.stage,
    patientName: `${r.given_name} ${r.family_name}`,
    patientIdentifier: r.identifier,
    protectedIdentity: r.protected_identity,
    wardName: unitName(r.ward_unit_id),
    hospitalName: unitName(r.hospital_unit_id),
    unitName: unitName(r.unit_id),
    otherContextId: context.id === actor.context.id ? null : context.id,
    admittedAt: new Date(r.admitted_at),
    estimatedDischargeDate: r.estimated_discharge_date,
    readyForDischargeAt: r.ready_for_discharge_at ? new Date(r.ready_for_discharge_at) : null,
    municipalityName: r.municipality_name,
    kommunklarAt: sees.kommunklar && r.kommunklar_at ? new Date(r.kommunklar_at) : null,
    kommunklarVisible: sees.kommunklar,
    fixedCareContactName: sees.fixedCareContact ? r.fixed_care_contact_name : null,
    fixedCareContactVisible: sees.fixedCareContact,
    dueSteps: r.due_steps.map((s) => ({ step: s.step, dueAt: s.dueAt ? new Date(s.dueAt) : null, deadline: s.deadline })),
    unacknowledged: r.unacknowledged,
    paymentLiabilityText: r.liability_from && seesPaymentResponsibility(viewer) ? liabilityFromText(stockholmDate(new Date(r.liability_from))) : null,
  };
}
