import pg from "pg";
import superjson from "superjson";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, and, sql } from "@vardkedjan/db/client";
import { castCallers, openWardCase, type Caller } from "../../testing/callers";
import { loadWardCases } from "../../testing/worklist-load";
import { serializeOutput } from "../../transformer";
import { clearKeptPages, KEPT_PAGE_MS, keepPage, keptPage, keptPageCount, pruneWorklistChanges, worklistChangesPruneJob } from "./worklist-page-cache";

/**
 * A worklist page read again while nothing it shows has changed is served as it was kept, and
 * every read is still audited; any write to what a row shows (the party row, the case, the
 * patient, the consents, the payment responsibility) in any transaction the page's snapshot did
 * not see makes the next read read it anew, including a transaction that was open when the page
 * was read and committed after. What a party without consent sees is the same kept or read anew.
 */
describe("worklist pages kept per snapshot", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  let key = 0;
  const k = () => `wpc-${++key}-${Date.now()}`;
  const SANNA_WARD = "SE2321000032-MSEAVD12";
  const sanna = () => as("sanna.sjoberg", "slutenvard");
  const berit = () => as("berit.holm", "kommun");

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await loadWardCases(t.db, SANNA_WARD, { prefix: "WPC", open: 60, closed: 5 });
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => t.close());

  /** The page read anew, with nothing kept: what a kept page must equal. */
  async function fresh(caller: Caller, input: Parameters<Caller["case"]["list"]>[0] = {}) {
    clearKeptPages();
    return caller.case.list(input);
  }

  const listAudits = async () =>
    (
      await t.db
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.action, "case.list"), eq(schema.auditEvents.actorName, "Sanna Sjöberg")))
    ).length;

  it("serves the same page while nothing changed, audits every read with the cases shown, and equals a page read anew", async () => {
    const ward = await sanna();
    const first = await fresh(ward);
    const before = await listAudits();
    const again = await ward.case.list({});
    expect(again).toBe(first);
    const third = await ward.case.list({});
    expect(third).toBe(first);
    expect(await listAudits()).toBe(before + 2);
    const [latest] = await t.db
      .execute<{ details: { caseIds: string[]; search: string | null } }>(
        sql`select details from audit_events where action = 'case.list' and actor_name = 'Sanna Sjöberg' order by at desc, id desc limit 1`,
      )
      .then((r) => r.rows);
    expect(latest!.details).toEqual({ caseIds: first.rows.map((r) => r.caseId), search: null });
    // The kept page is frozen: no reader can change what the next one gets.
    expect(Object.isFrozen(first.rows[0])).toBe(true);
    expect(JSON.stringify(await fresh(ward))).toBe(JSON.stringify(first));
  });

  it("reads the page anew after a write to each thing a row shows", async () => {
    const ward = await sanna();
    let page = await fresh(ward);
    const row = page.rows[0]!;
    const caseId = row.caseId;
    const next = async () => {
      const p = await ward.case.list({});
      expect(p, "a page read anew").not.toBe(page);
      page = p;
      return p.rows.find((r) => r.caseId === caseId)!;
    };

    // The patient's name.
    await t.db.execute(sql`update patients set given_name = 'Omdöpt' where id = (select patient_id from coordination_cases where id = ${caseId})`);
    expect((await next()).patientName).toMatch(/^Omdöpt /);
    // The case's estimated discharge date.
    await t.db.update(schema.coordinationCases).set({ estimatedDischargeDate: "2031-01-02" }).where(eq(schema.coordinationCases.id, caseId));
    expect((await next()).estimatedDischargeDate).toBe("2031-01-02");
    // The party row (the unacknowledged messages the row counts).
    await t.db.execute(sql`update case_parties set unacknowledged = 7 where case_id = ${caseId}`);
    expect((await next()).unacknowledged).toBe(7);
    // The payment responsibility.
    await t.db.execute(sql`insert into case_payments (case_id, region_id, basis, liability_from, computed_at)
      select id, region_id, 'individuell', now() - interval '1 day', now() from coordination_cases where id = ${caseId}`);
    expect((await next()).paymentLiabilityText).toMatch(/^Betalningsansvar från /);
    // A consent record of the case.
    await t.db.execute(sql`insert into consents (case_id, kind, given, documented_at, documented_by_unit_id, documented_by_staff_id, source)
      select id, 'informationsoverforing_kommun', true, now(), ward_unit_id, (select id from staff limit 1), 'patient' from coordination_cases where id = ${caseId}`);
    await next();
    // Each of them read anew equals what was served.
    expect(JSON.stringify(await ward.case.list({}))).toBe(JSON.stringify(await fresh(ward)));
  });

  it("reads anew after a transaction that was open when the page was read commits", async () => {
    const ward = await sanna();
    const page = await fresh(ward);
    const caseId = page.rows[1]!.caseId;
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("update patients set family_name = 'Sentida' where id = (select patient_id from coordination_cases where id = $1)", [caseId]);
      // A later transaction commits first: the open one is then inside the page's snapshot's range
      // (below its xmax) yet not visible in it.
      await t.db.execute(sql`select pg_current_xact_id()`);
      // The page is read while the change is uncommitted: it cannot show it, and is kept so.
      clearKeptPages();
      const during = await ward.case.list({});
      expect(during.rows.find((r) => r.caseId === caseId)!.patientName).not.toMatch(/Sentida$/);
      expect(await ward.case.list({})).toBe(during);
      await other.query("commit");
    } finally {
      await other.end();
    }
    const after = await ward.case.list({});
    expect(after.rows.find((r) => r.caseId === caseId)!.patientName).toMatch(/ Sentida$/);
  });

  it("keeps the page through writes to another unit's cases", async () => {
    const ward = await sanna();
    const page = await fresh(ward);
    await t.db.execute(sql`update case_parties set unacknowledged = unacknowledged + 1
      where unit_id <> (select id from units where hsa_id = ${SANNA_WARD}) and case_id not in (select case_id from case_parties where unit_id = (select id from units where hsa_id = ${SANNA_WARD}))`);
    expect(await ward.case.list({})).toBe(page);
  });

  it("keeps each page of the list on its own and never keeps a search", async () => {
    const ward = await sanna();
    const first = await fresh(ward, { pageSize: 25 });
    const second = await ward.case.list({ pageSize: 25, cursor: first.nextCursor });
    expect(second.rows[0]!.caseId).not.toBe(first.rows[0]!.caseId);
    expect(await ward.case.list({ pageSize: 25, cursor: first.nextCursor })).toBe(second);
    expect(await ward.case.list({ pageSize: 25 })).toBe(first);
    const kept = keptPageCount();
    const search = await ward.case.list({ search: "Listpatient" });
    expect(search.rows.length).toBeGreaterThan(0);
    expect(await ward.case.list({ search: "Listpatient" })).not.toBe(search);
    expect(keptPageCount()).toBe(kept);
  });

  it("shows a kommun without consent what a page read anew shows it, and what consent opens once it is given", async () => {
    const ward = await sanna();
    const kommun = await berit();
    const { caseId } = await openWardCase(ward, "191212121212", k());
    const view = await ward.case.get({ caseId });
    const send = (kind: string, payload: Record<string, unknown>, recipients?: string[]) =>
      ward.case.sendMessage({
        caseId,
        kind: kind as never,
        payload,
        recipientUnitIds: recipients ?? view.viewer.defaultRecipients[kind as never] ?? [],
        idempotencyKey: k(),
      });
    const kommunUnit = view.parties.find((p) => p.role === "kommun")!.unitId;
    // Not yet notified: not in Berit Holm's list, and her kept page says so until the notice.
    expect((await fresh(kommun)).rows.map((r) => r.caseId)).not.toContain(caseId);
    await send("samtycke", { consents: [{ kind: "informationsoverforing_kommun", given: false }], source: "patient" });
    await send("inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 4 * 86400_000).toISOString().slice(0, 10) }, [kommunUnit]);
    const listed = await kommun.case.list({});
    const row = listed.rows.find((r) => r.caseId === caseId)!;
    expect(row.fixedCareContactVisible).toBe(false);
    expect(row.fixedCareContactName).toBeNull();
    expect(await kommun.case.list({})).toBe(listed);
    expect(JSON.stringify(listed)).toBe(JSON.stringify(await fresh(kommun)));
    // The ward's list is a page of its own, never the kommun's.
    expect(await ward.case.list({})).not.toBe(listed);

    await send("samtycke", { consents: [{ kind: "informationsoverforing_kommun", given: true }], source: "patient" });
    const after = await kommun.case.list({});
    expect(after.rows.find((r) => r.caseId === caseId)!.fixedCareContactVisible).toBe(true);
  });

  it("forgets a page after its minute, and never serves one for another set of units", () => {
    const result = { rows: [] };
    keepPage("nyckel", { units: ["a", "b"], snapshot: "1:1:", result, keptAt: 1_000 });
    expect(keptPage("nyckel", ["a", "c"], 1_001)).toBeNull();
    keepPage("nyckel", { units: ["a", "b"], snapshot: "1:1:", result, keptAt: 1_000 });
    expect(keptPage("nyckel", ["a", "b"], 1_000 + KEPT_PAGE_MS)!.result).toBe(result);
    expect(keptPage("nyckel", ["a", "b"], 1_001 + KEPT_PAGE_MS)).toBeNull();
  });

  it("serialises a kept answer once, as superjson would", () => {
    const answer = { rows: [{ at: new Date("2026-12-07T10:00:00Z"), name: "Tolvan" }], more: undefined };
    keepPage("serialiserad", { units: [], snapshot: "1:1:", result: answer, keptAt: Date.now() });
    const once = serializeOutput(answer);
    expect(serializeOutput(answer)).toBe(once);
    expect(once).toEqual(superjson.serialize(answer));
    // An answer not kept is written anew each time.
    const other = { n: 1 };
    expect(serializeOutput(other)).not.toBe(serializeOutput(other));
  });

  it("clears change rows only once no kept page can need them", async () => {
    const count = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from worklist_changes`)).rows[0]!.n;
    await t.db.execute(sql`update case_parties set unacknowledged = unacknowledged where case_id in (select case_id from case_parties limit 3)`);
    expect(await count()).toBeGreaterThan(0);
    let now = Date.parse("2026-12-07T12:00:00Z");
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const job = worklistChangesPruneJob(() => t.db);
    // The first note (A): nothing is old enough to go yet.
    await job.run();
    const total = await count();
    now += 90_000;
    // The second note (B), then a change: a page kept after B may need that change's row.
    await job.run();
    expect(await count()).toBe(total);
    await t.db.execute(sql`update case_parties set unacknowledged = unacknowledged where case_id in (select case_id from case_parties limit 1)`);
    const [newest] = (await t.db.execute<{ xid: string }>(sql`select max(xid)::text as xid from worklist_changes`)).rows;
    // A minute and the clocks' margin after A, not yet after B: the rows older than A go, no others.
    now += KEPT_PAGE_MS + 60_000 - 90_000;
    await job.run();
    const left = await t.db.execute<{ xid: string }>(sql`select xid::text as xid from worklist_changes`);
    expect(left.rows.length).toBeGreaterThan(0);
    expect(left.rows.length).toBeLessThan(total + 1);
    expect(left.rows.map((r) => r.xid)).toContain(newest!.xid);
    // A horizon of the oldest running transaction now removes everything older.
    const [{ xmin }] = (await t.db.execute<{ xmin: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`)).rows as [{ xmin: string }];
    await pruneWorklistChanges(t.db, xmin);
    expect(await count()).toBe(0);
  });
});
