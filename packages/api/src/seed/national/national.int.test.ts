import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { createDb, schema, eq, inArray, sql, type DbHandle } from "@vardkedjan/db/client";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { refreshCaseDerived } from "../../services/case/facts";
import { getCase } from "../../services/case/get-case";
import { getWorklist } from "../../services/case/worklist";
import { demoActor } from "../actors";
import { loadNational, NATIONAL_PATIENTS, type NationalSummary } from "./load";
import { deferIndexes, LOADED_TABLES } from "./indexes";

// The same loader as `npm run db:national`, at a scale that makes about 2,000 cases.
const SCALE = 1240 / NATIONAL_PATIENTS;
const NOW = new Date("2026-12-06T12:00:00Z");

let t: TestDatabase;
let handle: DbHandle;
let first: NationalSummary;
let indexesBefore: string[];
/** A transaction id from before the load: every worklist change row the load leaves is newer. */
let xidBefore: string;

/** Every index of the tables the load writes, as its definition. */
const indexDefinitions = async () =>
  (
    await handle.pool.query<{ d: string }>(
      "select indexdef as d from pg_indexes where schemaname = current_schema() and tablename = any($1) order by indexname",
      [LOADED_TABLES],
    )
  ).rows.map((r) => r.d);

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  handle = createDb(t.url, { max: 3 });
  indexesBefore = await indexDefinitions();
  xidBefore = (await handle.pool.query<{ x: string }>("select pg_current_xact_id()::text as x")).rows[0]!.x;
  first = await loadNational(handle, { scale: SCALE, now: NOW });
}, 240_000);

afterAll(async () => {
  await handle?.close();
  await t?.close();
});

/** Every derived column the services store about a case, as read back. */
async function derived(tx: Pick<DbHandle["db"], "select" | "execute">, caseId: string) {
  const [c] = await tx.select().from(schema.coordinationCases).where(eq(schema.coordinationCases.id, caseId));
  const parties = await tx.select().from(schema.caseParties).where(eq(schema.caseParties.caseId, caseId));
  const [facts] = await tx.select().from(schema.caseReportFacts).where(eq(schema.caseReportFacts.caseId, caseId));
  const [payment] = await tx.select().from(schema.casePayments).where(eq(schema.casePayments.caseId, caseId));
  const periods = await tx.select().from(schema.casePaymentPeriods).where(eq(schema.casePaymentPeriods.caseId, caseId));
  return {
    case: c,
    parties: parties.sort((a, b) => a.unitId.localeCompare(b.unitId)),
    facts,
    payment: payment ?? null,
    // New ids on every recomputation: compare what they say.
    periods: periods.map(({ id: _id, ...p }) => p).sort((a, b) => a.fromDate.localeCompare(b.fromDate)),
  };
}

class Rollback extends Error {}

describe("npm run db:national (small scale)", () => {
  it("makes about 2,000 cases with full histories, about 2 % open, and the tree at national size", async () => {
    expect(first.alreadyLoaded).toBe(false);
    expect(first.made.cases).toBeGreaterThan(1_700);
    expect(first.made.cases).toBeLessThan(2_400);
    expect(first.made.messages / first.made.cases).toBeGreaterThan(7);
    expect(first.made.openCases / first.made.cases).toBeGreaterThan(0.01);
    expect(first.made.openCases / first.made.cases).toBeLessThan(0.05);
    const counts = (
      await handle.pool.query(`select
        (select count(*)::int from organisations where kind = 'region') as regions,
        (select count(*)::int from organisations where kind = 'kommun') as kommuner,
        (select count(*)::int from units where kind = 'vardavdelning') as wards,
        (select count(*)::int from units where kind = 'vardcentral') as vcs,
        (select count(*)::int from units where kind = 'sjukhus') as hospitals`)
    ).rows[0];
    expect(counts.regions).toBeGreaterThanOrEqual(21);
    expect(counts.kommuner).toBeGreaterThanOrEqual(290);
    expect(counts.wards).toBeGreaterThanOrEqual(1_500);
    expect(counts.vcs).toBeGreaterThanOrEqual(1_200);
    expect(counts.hospitals).toBeGreaterThanOrEqual(70);
    // Every synthetic kommun has its biståndsenhet, hemsjukvård and hemtjänst groups.
    const incomplete = await handle.pool.query(`
      select o.hsa_id from organisations o where o.hsa_id like 'SE0000001%'
      and (select count(distinct kind) from units u where u.organisation_id = o.id and u.kind in ('bistandsenhet', 'hemsjukvard', 'hemtjanstgrupp')) < 3`);
    expect(incomplete.rows).toEqual([]);
    // The demo cast's units carry cases too.
    expect(first.avd12.open + first.avd12.closed).toBeGreaterThan(50);
  });

  it("stores exactly the derived columns the services compute (refreshCaseDerived at the last write)", async () => {
    const sample = (
      await handle.pool.query<{ id: string }>(`
        (select id from coordination_cases where creation_key like 'nationell:%' and closed_at is null order by id limit 25)
        union all
        (select id from coordination_cases where creation_key like 'nationell:%' and closed_at is not null order by reference limit 25)
        union all
        (select id from coordination_cases where creation_key like 'nationell:%' and previous_case_id is not null order by id limit 10)`)
    ).rows.map((r) => r.id);
    expect(sample.length).toBeGreaterThanOrEqual(50);
    for (const id of sample) {
      const loaded = await derived(handle.db, id);
      let recomputed: Awaited<ReturnType<typeof derived>> | undefined;
      await handle.db
        .transaction(async (tx) => {
          await refreshCaseDerived(tx, id, loaded.case!.updatedAt);
          recomputed = await derived(tx, id);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      expect(recomputed, id).toEqual(loaded);
    }
  }, 300_000);

  it("keeps every reference whole (the load skips the per-row foreign-key triggers)", async () => {
    const orphans = (
      await handle.pool.query(`select
        (select count(*)::int from case_parties p where not exists (select 1 from coordination_cases c where c.id = p.case_id)) +
        (select count(*)::int from messages m where not exists (select 1 from coordination_cases c where c.id = m.case_id)) +
        (select count(*)::int from message_recipients r where not exists (select 1 from messages m where m.id = r.message_id)) +
        (select count(*)::int from message_recipients r where not exists (select 1 from units u where u.id = r.unit_id)) +
        (select count(*)::int from messages m where not exists (select 1 from staff s where s.id = m.sender_staff_id)) +
        (select count(*)::int from coordination_cases c where not exists (select 1 from patients p where p.id = c.patient_id)) +
        (select count(*)::int from coordination_cases c where c.previous_case_id is not null and not exists (select 1 from coordination_cases x where x.id = c.previous_case_id)) +
        (select count(*)::int from case_parties p where p.fixed_care_contact_staff_id is not null and not exists (select 1 from staff s where s.id = p.fixed_care_contact_staff_id)) +
        (select count(*)::int from consents k where not exists (select 1 from coordination_cases c where c.id = k.case_id)) +
        (select count(*)::int from case_report_facts f where not exists (select 1 from coordination_cases c where c.id = f.case_id)) +
        (select count(*)::int from case_payment_periods p where not exists (select 1 from coordination_cases c where c.id = p.case_id)) as n`)
    ).rows[0].n;
    expect(orphans).toBe(0);
  });

  it("gives Sanna Sjöberg a worklist and a case page over the loaded cases", async () => {
    const sanna = await demoActor(handle.db, "sanna.sjoberg", "slutenvard", NOW);
    const list = await getWorklist(handle.db, sanna, { pageSize: 50 });
    const national = await handle.pool.query<{ id: string }>(
      `select c.id from coordination_cases c join units u on u.id = c.ward_unit_id where u.hsa_id = $1 and c.creation_key like 'nationell:%' and c.closed_at is null`,
      [sanna.context.scopeHsaId],
    );
    expect(national.rows.length).toBeGreaterThan(0);
    expect(list.count!.value).toBeGreaterThanOrEqual(national.rows.length);
    // The load skips the triggers that note which units' lists changed, so it marks every unit at
    // its end: no portal serves a worklist page it kept from before the load.
    const marked = await handle.pool.query<{ n: number; units: number }>(
      "select (select count(distinct unit_id)::int from worklist_changes where xid > $1::xid8) as n, (select count(*)::int from units) as units",
      [xidBefore],
    );
    expect(marked.rows[0]!.n).toBe(marked.rows[0]!.units);
    const view = await getCase(handle.db, sanna, national.rows[0]!.id, NOW);
    expect(view.messages.length).toBeGreaterThan(0);
    const berit = await demoActor(handle.db, "berit.holm", "kommun", NOW);
    expect((await getWorklist(handle.db, berit, { pageSize: 50 })).count!.value).toBeGreaterThan(0);
  });

  it("uses reservnummer only, never a valid personnummer", async () => {
    const rows = (
      await handle.pool.query<{ identifier: string; identifier_kind: string }>(`select identifier, identifier_kind from patients where identifier like 'NAT%'`)
    ).rows;
    expect(rows.length).toBe(first.made.patients);
    for (const r of rows) {
      expect(r.identifier_kind).toBe("reservnummer");
      const parsed = parsePatientIdentifier(r.identifier);
      expect(parsed.ok && parsed.value.kind).toBe("reservnummer");
    }
    // No national patient at all outside the reserve numbers.
    const others = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.patients)
      .where(
        inArray(
          schema.patients.id,
          handle.db
            .select({ id: schema.coordinationCases.patientId })
            .from(schema.coordinationCases)
            .where(sql`creation_key like 'nationell:%'`),
        ),
      );
    expect(others[0]!.n).toBe(first.made.patients);
    expect(rows.every((r) => !/^\d{12}$/.test(r.identifier))).toBe(true);
  });

  it("builds again every index it dropped for the COPY, and leaves no trace of having dropped them", async () => {
    // The worklist's indexes begin with the unit: the load drops them and builds them at the end.
    expect(indexesBefore.some((d) => d.includes("case_parties_list_due_idx"))).toBe(true);
    expect(await indexDefinitions()).toEqual(indexesBefore);
    expect((await handle.pool.query("select to_regclass('national_load_deferred_indexes') as t")).rows[0].t).toBeNull();
    // Autovacuum, held off the tables during the load, has them back.
    const settings = await handle.pool.query("select relname, reloptions from pg_class where relname = any($1) and reloptions is not null", [LOADED_TABLES]);
    expect(settings.rows).toEqual([]);
  });

  it("builds the indexes on the next run when a load stopped before building them", async () => {
    // As a load leaves the database when it stops between its last COPY and the index builds.
    const client = await handle.pool.connect();
    try {
      expect((await deferIndexes(client)).length).toBeGreaterThan(0);
    } finally {
      client.release();
    }
    expect(await indexDefinitions()).not.toEqual(indexesBefore);
    const again = await loadNational(handle, { scale: SCALE, now: NOW });
    expect(again.alreadyLoaded).toBe(true);
    expect(await indexDefinitions()).toEqual(indexesBefore);
    expect(
      (await handle.pool.query("select count(*)::int as n from pg_class where relname = any($1) and reloptions is not null", [LOADED_TABLES])).rows[0].n,
    ).toBe(0);
  });

  it("is idempotent: a rerun finds the data and makes nothing", async () => {
    const before = (await handle.pool.query(`select count(*)::int as n from coordination_cases`)).rows[0].n;
    const again = await loadNational(handle, { scale: SCALE, now: NOW });
    expect(again.alreadyLoaded).toBe(true);
    expect(again.made.cases).toBe(0);
    expect((await handle.pool.query(`select count(*)::int as n from coordination_cases`)).rows[0].n).toBe(before);
  });
});
