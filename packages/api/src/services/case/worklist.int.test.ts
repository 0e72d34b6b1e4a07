import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq, and, sql, desc } from "@vardkedjan/db/client";
import { WORKLIST_SORTS } from "@vardkedjan/domain/case/worklist-columns";
import { castCallers, openWardCase, type Caller } from "../../testing/callers";
import { loadWardCases } from "../../testing/worklist-load";

/**
 * The worklist read from the party rows: cursor paging in every sort and direction shows each
 * case once and in order; the kommun filter; the count that stops at 1 000; "Alla mina enheter"
 * over Mira Dahl's two wards; and kommunklar as the kommun's single statement at Karin Ek's
 * hemsjukvård.
 */
describe("worklist", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  let key = 0;
  const k = () => `wl-${++key}-${Date.now()}`;
  const SANNA_WARD = "SE2321000032-MSEAVD12";

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await loadWardCases(t.db, SANNA_WARD, { prefix: "WLT", open: 137, closed: 40 });
  }, 120_000);
  afterAll(() => t.close());

  async function all(caller: Caller, input: Parameters<Caller["case"]["list"]>[0]) {
    const seen: { caseId: string }[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Caller["case"]["list"]>> = await caller.case.list({ ...input, cursor, pageSize: 25 });
      seen.push(page.rows);
      cursor = page.nextCursor;
    } while (cursor && seen.length < 50);
    return seen.flat().map((r) => r.caseId);
  }

  it("pages every sort in both directions with each open case once, in the order of its key", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const open = await t.db.execute<{ case_id: string }>(
      sql`select cp.case_id from case_parties cp join units u on u.id = cp.unit_id where u.hsa_id = ${SANNA_WARD} and cp.case_open and cp.visible_from is not null`,
    );
    const expected = open.rows.map((r) => r.case_id).sort();
    expect(expected.length).toBeGreaterThanOrEqual(137);
    for (const sort of WORKLIST_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        const ids = await all(sanna, { sort, direction });
        expect([...ids].sort(), `${sort} ${direction}`).toEqual(expected);
      }
    }
    // The order itself, for one date key: the beräknat utskrivningsdatum never goes back.
    const rows: { estimatedDischargeDate: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Caller["case"]["list"]>> = await sanna.case.list({ sort: "beraknat", cursor, pageSize: 40 });
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    const dates = rows.map((r) => r.estimatedDischargeDate ?? "9999");
    expect(dates).toEqual([...dates].sort());
  });

  it("names the ward, hospital and kommuner from the organisation as it is now: a renamed ward shows on the next page read", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const first = await sanna.case.list({});
    // The kommuner of Sanna Sjöberg's region, every one of them, in Swedish order (Å, Ä, Ö last).
    const region = await t.db.execute<{ code: string; name: string }>(sql`
      select k.municipality_code as code, k.name from organisations k
      where k.kind = 'kommun' and k.region_id = (select coalesce(o.region_id, o.id) from units u join organisations o on o.id = u.organisation_id where u.hsa_id = ${SANNA_WARD})`);
    const swedish = new Intl.Collator("sv");
    expect(first.municipalities).toEqual(region.rows.sort((a, b) => swedish.compare(a.name, b.name)));
    const row = first.rows[0]!;
    const names = await t.db.execute<{ ward: string; hospital: string }>(sql`
      select w.name as ward, h.name as hospital from coordination_cases c join units w on w.id = c.ward_unit_id join units h on h.id = c.hospital_unit_id where c.id = ${row.caseId}`);
    expect([row.wardName, row.hospitalName, row.unitName]).toEqual([names.rows[0]!.ward, names.rows[0]!.hospital, names.rows[0]!.ward]);

    const [ward] = await t.db.select().from(schema.units).where(eq(schema.units.hsaId, SANNA_WARD));
    await t.db.update(schema.units).set({ name: "Avd 12 Medicin (omdöpt)" }).where(eq(schema.units.id, ward!.id));
    try {
      const renamed = (await sanna.case.list({})).rows.find((r) => r.caseId === row.caseId)!;
      expect([renamed.wardName, renamed.unitName]).toEqual(["Avd 12 Medicin (omdöpt)", "Avd 12 Medicin (omdöpt)"]);
    } finally {
      await t.db.update(schema.units).set({ name: ward!.name }).where(eq(schema.units.id, ward!.id));
    }
  });

  it("filters by kommun, lists closed cases apart, and refuses a cursor of another sort in Swedish", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const first = await sanna.case.list({});
    expect(first.municipalities.length).toBeGreaterThan(0);
    const code = first.municipalities[0]!.code;
    const inKommun = await all(sanna, { municipalityCode: code });
    const expected = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_parties cp join units u on u.id = cp.unit_id where u.hsa_id = ${SANNA_WARD} and cp.case_open and cp.municipality_code = ${code}`,
    );
    expect(inKommun).toHaveLength(expected.rows[0]!.n);
    const closed = await all(sanna, { stage: "avslutad", includeClosed: true, sort: "inskriven", direction: "desc" });
    expect(closed.length).toBeGreaterThanOrEqual(40);
    const page = await sanna.case.list({ pageSize: 5 });
    const wrong = await sanna.case.list({ sort: "kommun", cursor: page.nextCursor }).catch((e: Error) => e);
    expect(wrong).toBeInstanceOf(Error);
    expect((wrong as Error).message).toMatch(/Börja om från första sidan/);
  });

  it("counts up to 1 000 and says there are more beyond", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    expect((await sanna.case.list({})).count).toMatchObject({ more: false });
    await loadWardCases(t.db, SANNA_WARD, { prefix: "WLC", open: 1000, closed: 0 });
    const list = await sanna.case.list({});
    expect(list.count).toEqual({ value: 1000, more: true });
    expect(list.rows).toHaveLength(50);
  }, 60_000);

  it("gives Mira Dahl one list over both her wards, opening the other ward's cases through a context switch, audited with both contexts", async () => {
    // Cases at Avd 31 Geriatrik, the ward of Mira's second context.
    await loadWardCases(t.db, "SE2321000032-MSEAVD31", { prefix: "WLM", open: 3, closed: 0 });
    const mira = await as("mira.dahl", "slutenvard");
    const own = await mira.case.scopeUnits();
    const prep14 = await openWardCase(mira, "191212121212", k());
    const active = (await mira.session.current())!;
    const other = active.contexts.find((c) => c.id !== active.activeContext!.id)!;
    // A case at the other ward: opened there by a colleague (the ward of Mira's other context).
    const otherWard = await t.db.execute<{ id: string }>(sql`select id from units where hsa_id = 'SE2321000032-MSEAVD31'`);
    expect(own.map((u) => u.id)).not.toContain(otherWard.rows[0]!.id);
    const single = await mira.case.list({});
    expect(single.rows.map((r) => r.caseId)).toContain(prep14.caseId);
    const [otherCase] = await t.db
      .select({ caseId: schema.caseParties.caseId })
      .from(schema.caseParties)
      .where(eq(schema.caseParties.unitId, otherWard.rows[0]!.id))
      .limit(1);
    const both = await mira.case.list({ scope: "alla", pageSize: 200 });
    expect(both.rows.map((r) => r.caseId)).toContain(prep14.caseId);
    const row = both.rows.find((r) => r.caseId === otherCase!.caseId);
    expect(row?.otherContextId).toBe(other.id);
    expect(row?.unitName).toBe("Avd 31 Geriatrik");
    expect(single.rows.map((r) => r.caseId)).not.toContain(otherCase!.caseId);
    expect(both.rows.find((r) => r.caseId === prep14.caseId)?.otherContextId).toBeNull();
    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "case.list"), eq(schema.auditEvents.actorName, "Mira Dahl")))
      .orderBy(desc(schema.auditEvents.at))
      .limit(1);
    expect((audit!.details as { contexts?: string[] }).contexts?.sort()).toEqual([active.activeContext!.id, other.id].sort());
  });

  it("no longer asks Karin Ek's hemsjukvård for kommunklar once Berit Holm has sent it", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const berit = await as("berit.holm", "kommun");
    const karin = await as("karin.ek", "kommun");
    // Alva Lindberg, folkbokförd in Eskilstuna: Berit Holm's biståndsenhet and Karin Ek's hemsjukvård.
    const { caseId } = await openWardCase(sanna, "200001252386", k());
    const options = await sanna.case.partyOptions({ caseId });
    const hsv = options.find((o) => o.kind === "hemsjukvard" && o.organisationName === "Eskilstuna kommun")!;
    await sanna.case.addParty({ caseId, unitId: hsv.id });
    const send = async (caller: Caller, kind: string, payload: Record<string, unknown>) => {
      const view = await caller.case.get({ caseId });
      await caller.case.sendMessage({
        caseId,
        kind: kind as never,
        payload,
        recipientUnitIds: view.viewer.defaultRecipients[kind as never] ?? [],
        idempotencyKey: k(),
      });
    };
    await send(sanna, "samtycke", { consents: [{ kind: "informationsoverforing_kommun", given: true }] });
    await send(sanna, "inskrivningsmeddelande", { estimatedDischargeDate: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10) });
    await send(sanna, "utskrivningsklar", { decidedAt: new Date().toISOString(), decidedBy: "Dr Lisa Läkare" });
    const owed = async () => (await karin.case.list({ pageSize: 200 })).rows.find((r) => r.caseId === caseId);
    expect((await owed())?.dueSteps.map((s) => s.step)).toContain("meddela_kommunklar");
    await send(berit, "kommunklar", { ready: true });
    const after = await owed();
    expect(after?.dueSteps.map((s) => s.step)).not.toContain("meddela_kommunklar");
    expect(after?.kommunklarAt).not.toBeNull();
  });

  it("keeps each unit's listed count as party rows are added, shown, removed and closed, and reads Sanna's first page count from it", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    // The cases opened and messaged above added and showed party rows; here a party is taken out
    // of its case and put back, and cases are closed, in one statement each (as the services do).
    const [party] = await t.db.select({ id: schema.caseParties.id }).from(schema.caseParties).where(eq(schema.caseParties.caseOpen, true)).limit(1);
    await t.db.update(schema.caseParties).set({ removedAt: new Date() }).where(eq(schema.caseParties.id, party!.id));
    await t.db.update(schema.caseParties).set({ removedAt: null }).where(eq(schema.caseParties.id, party!.id));
    await t.db.execute(sql`update case_parties set case_open = false where case_id in (select case_id from case_parties where case_open limit 3)`);
    // Every unit's kept count equals its listed party rows, open and closed apart.
    const wrong = await t.db.execute(sql`
      select coalesce(a.unit_id, l.unit_id) as unit_id, a.n, l.listed from (
        select unit_id, case_open, count(*)::int as n from case_parties where removed_at is null and visible_from is not null group by unit_id, case_open) a
      full join unit_list_counts l on l.unit_id = a.unit_id and l.case_open = a.case_open
      where coalesce(a.n, 0) <> coalesce(l.listed, 0)`);
    expect(wrong.rows).toEqual([]);
    const open = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from case_parties cp join units u on u.id = cp.unit_id where u.hsa_id = ${SANNA_WARD} and cp.case_open and cp.removed_at is null and cp.visible_from is not null`,
    );
    expect((await sanna.case.list({})).count).toEqual({ value: Math.min(open.rows[0]!.n, 1000), more: open.rows[0]!.n > 1000 });
  });

  it("keeps the count of a list over several units, a case counted once however many of them are its parties, and reads the first page's count from it", async () => {
    const ulrika = await as("ulrika.lind", "slutenvard");
    const mira = await as("mira.dahl", "slutenvard");
    const gunilla = await as("gunilla.rask", "kommun");
    // Each list over several units registers its set on its first page (a hospital with its wards,
    // "Alla mina enheter", a kommun's units).
    await ulrika.case.list({});
    await mira.case.list({ scope: "alla" });
    await gunilla.case.list({});
    const sets = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from worklist_unit_sets`);
    expect(sets.rows[0]!.n).toBeGreaterThanOrEqual(3);
    // Every registered set's kept count equals its cases listed now, open and closed apart.
    const expectKept = async () => {
      const wrong = await t.db.execute(sql`
        select s.id, c.case_open, c.listed, x.n from worklist_unit_sets s
        join worklist_unit_set_counts c on c.set_id = s.id
        cross join lateral (
          select count(distinct cp.case_id)::int as n from case_parties cp
          join worklist_unit_set_members m on m.set_id = s.id and m.unit_id = cp.unit_id
          where cp.case_open = c.case_open and cp.removed_at is null and cp.visible_from is not null) x
        where c.listed <> x.n`);
      expect(wrong.rows).toEqual([]);
    };
    await expectKept();

    // A case of Sanna's ward gets a second party at another ward of the hospital (still one case
    // in the hospital's list); then the first party leaves, then the second.
    const [party] = await t.db
      .select({ id: schema.caseParties.id, caseId: schema.caseParties.caseId })
      .from(schema.caseParties)
      .innerJoin(schema.units, eq(schema.units.id, schema.caseParties.unitId))
      .where(and(eq(schema.units.hsaId, SANNA_WARD), eq(schema.caseParties.caseOpen, true), sql`${schema.caseParties.visibleFrom} is not null`))
      .limit(1);
    await t.db.execute(sql`
      insert into case_parties (case_id, unit_id, role, visible_from)
      select ${party!.caseId}::uuid, id, 'avdelning', now() from units where hsa_id = 'SE2321000032-MSEAVD14'`);
    await expectKept();
    await t.db.update(schema.caseParties).set({ removedAt: new Date() }).where(eq(schema.caseParties.id, party!.id));
    await expectKept();
    await t.db.execute(sql`update case_parties set removed_at = now() where case_id = ${party!.caseId}::uuid and removed_at is null`);
    await expectKept();
    await t.db.execute(sql`update case_parties set removed_at = null where case_id = ${party!.caseId}::uuid`);
    // Cases closed in one statement, and a party row deleted.
    await t.db.execute(sql`update case_parties set case_open = false where case_id in (select case_id from case_parties where case_open limit 3)`);
    await t.db.execute(
      sql`delete from case_parties where case_id = ${party!.caseId}::uuid and unit_id = (select id from units where hsa_id = 'SE2321000032-MSEAVD14')`,
    );
    await expectKept();

    // The hospital's first page reads its set's kept row (set here by hand, then put back).
    const hospitalSet = sql`set_id in (select m.set_id from worklist_unit_set_members m join units u on u.id = m.unit_id where u.hsa_id = 'SE2321000032-MSE')`;
    const kept = await t.db.execute<{ listed: number }>(sql`select listed from worklist_unit_set_counts where case_open and ${hospitalSet}`);
    expect(kept.rows).toHaveLength(1);
    await t.db.execute(sql`update worklist_unit_set_counts set listed = 42 where case_open and ${hospitalSet}`);
    expect((await ulrika.case.list({})).count).toEqual({ value: 42, more: false });
    await t.db.execute(sql`update worklist_unit_set_counts set listed = ${kept.rows[0]!.listed} where case_open and ${hospitalSet}`);
    await expectKept();
  });

  it("keeps a context's units until the organisation changes, then sees the new ward", async () => {
    const ulrika = await as("ulrika.lind", "slutenvard");
    const before = (await ulrika.case.scopeUnits()).length;
    expect((await ulrika.case.scopeUnits()).length).toBe(before);
    // A ward added under her hospital (as Förvaltning's organisation services or an import would).
    await t.db.execute(sql`
      insert into units (hsa_id, organisation_id, parent_id, kind, name)
      select 'SE2321000032-MSEAVDNY', organisation_id, parent_id, 'vardavdelning', 'Avd 99 Ny'
      from units where hsa_id = ${SANNA_WARD}`);
    expect((await ulrika.case.scopeUnits()).map((u) => u.name)).toContain("Avd 99 Ny");
  });
});
