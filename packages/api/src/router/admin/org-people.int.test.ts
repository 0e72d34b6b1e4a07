import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq, sql } from "@vardkedjan/db/client";
import { createCaller } from "../../root";
import { castCallers, openWardCase, signInCast } from "../../testing/callers";
import { loadSession } from "../../services/identity/session";

/**
 * Förvaltning's Organisation and Personal through the real procedures: each administrator reaches
 * only their own organisation (a region reads its kommuner), every refusal is audited.
 */
describe("Organisation and Personal in Förvaltning", () => {
  let t: TestDatabase;
  let as: ReturnType<typeof castCallers>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    as = castCallers(() => ({ db: t.db }));
    const orgs = await t.db.select().from(schema.organisations);
    for (const o of orgs) ids[o.name] = o.id;
  });
  afterAll(() => t.close());

  async function refusal(p: Promise<unknown>) {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
    return { code: (e as TRPCError).code, message: (e as TRPCError).message };
  }

  async function deniedAuditsOf(hsaId: string) {
    const rows = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorHsaId, hsaId), eq(schema.auditEvents.action, "access.denied")));
    return rows;
  }

  async function unitByHsa(hsaId: string) {
    const [u] = await t.db.select().from(schema.units).where(eq(schema.units.hsaId, hsaId));
    return u!;
  }

  it("Tomas Wik sees only Eskilstuna: its tree, and no other organisation to choose", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const view = await tomas.admin.org.units({});
    expect(view.organisation).toMatchObject({ name: "Eskilstuna kommun", access: "manage" });
    expect(view.organisations.map((o) => o.name)).toEqual(["Eskilstuna kommun"]);
    expect(view.units.map((u) => u.hsaId)).toContain("SE2120000357-BIST");
    expect(view.units.every((u) => u.hsaId.startsWith("SE2120000357"))).toBe(true);
  });

  it("Tomas Wik can neither read nor change the region's or another kommun's units, and each attempt is audited", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const before = (await deniedAuditsOf("SE2120000357-P0005")).length;
    expect(await refusal(tomas.admin.org.units({ organisationId: ids["Region Sörmland"] }))).toEqual({
      code: "FORBIDDEN",
      message: expect.stringMatching(/utanför det du administrerar/),
    });
    expect((await refusal(tomas.admin.org.units({ organisationId: ids["Nyköpings kommun"] }))).code).toBe("FORBIDDEN");
    const ward = await unitByHsa("SE2321000032-MSEAVD12");
    expect(
      (
        await refusal(
          tomas.admin.org.updateUnit({
            unitId: ward.id,
            version: ward.version,
            attributes: { ...ward, phone: "016-99 99 99" },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await refusal(tomas.admin.org.setUnitActive({ unitId: ward.id, version: ward.version, active: false }))).code).toBe("FORBIDDEN");
    expect((await refusal(tomas.admin.org.importPreview({ organisationId: ids["Nyköpings kommun"]!, csv: "x" }))).code).toBe("FORBIDDEN");
    expect((await unitByHsa("SE2321000032-MSEAVD12")).phone).toBe(ward.phone);
    const denied = await deniedAuditsOf("SE2120000357-P0005");
    expect(denied.length - before).toBe(5);
    expect(denied.at(-1)).toMatchObject({ outcome: "denied", role: "kommunadmin" });
  });

  it("Tomas Wik finds no staff of the region or of another kommun, and cannot open or end their sessions", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    await signInCast(t.db, "sanna.sjoberg", "slutenvard");
    await signInCast(t.db, "sofia.lund", "kommun");
    expect(await tomas.admin.people.search({ query: "Sjöberg" })).toEqual([]);
    expect(await tomas.admin.people.search({ query: "Sofia Lund" })).toEqual([]);
    expect((await tomas.admin.people.search({ query: "Wik" })).map((p) => p.name)).toEqual(["Tomas Wik"]);
    const [sanna] = await t.db.select().from(schema.staff).where(eq(schema.staff.hsaId, "SE2321000032-P0001"));
    const before = (await deniedAuditsOf("SE2120000357-P0005")).length;
    expect((await refusal(tomas.admin.people.get({ staffId: sanna!.id }))).code).toBe("FORBIDDEN");
    const live = await t.db.select().from(schema.loginSessions).where(eq(schema.loginSessions.staffId, sanna!.id));
    expect((await refusal(tomas.admin.people.endSessions({ staffId: sanna!.id, sessionIds: [live[0]!.id] }))).code).toBe("FORBIDDEN");
    expect((await deniedAuditsOf("SE2120000357-P0005")).length - before).toBe(2);
    expect((await loadSession(t.db, live[0]!.id, live[0]!.portal)) !== null).toBe(true);
  });

  it("Åsa Berg reads Eskilstuna's units for support but cannot change them (audited)", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const own = await asa.admin.org.units({});
    expect(own.organisation).toMatchObject({ name: "Region Sörmland", access: "manage" });
    expect(own.organisations.find((o) => o.name === "Eskilstuna kommun")).toMatchObject({ access: "read" });
    const esk = await asa.admin.org.units({ organisationId: ids["Eskilstuna kommun"] });
    expect(esk.organisation.access).toBe("read");
    const unit = esk.units.find((u) => u.hsaId === "SE2120000357-BIST")!;
    const before = (await deniedAuditsOf("SE2321000032-P0009")).length;
    const r = await refusal(asa.admin.org.updateUnit({ unitId: unit.id, version: unit.version, attributes: { ...unit, phone: "016-11 11 11" } }));
    expect(r).toEqual({ code: "FORBIDDEN", message: expect.stringMatching(/bara ändra din egen organisations/) });
    expect((await deniedAuditsOf("SE2321000032-P0009")).length - before).toBe(1);
    expect((await unitByHsa("SE2120000357-BIST")).phone).toBe(unit.phone);
  });

  it("Tomas Wik changes a phone number: validated in Swedish, versioned, and the contact list follows", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const unit = await unitByHsa("SE2120000357-BIST");
    const bad = await refusal(
      tomas.admin.org.updateUnit({ unitId: unit.id, version: unit.version, attributes: { ...unit, phone: "ring oss", postalCode: "12" } }),
    );
    expect(bad).toEqual({ code: "BAD_REQUEST", message: "Kontrollera uppgifterna." });
    const saved = await tomas.admin.org.updateUnit({ unitId: unit.id, version: unit.version, attributes: { ...unit, phone: "016-710 20 30" } });
    expect(saved.version).toBe(unit.version + 1);
    expect(saved.contactEntriesChanged).toBeGreaterThan(0);
    const list = await tomas.contacts.list();
    expect(list.entries.find((e) => e.unitId === unit.id)?.phones).toEqual(["016-710 20 30"]);
    // A second editor who opened the unit before the save meets a Swedish conflict.
    const stale = await refusal(tomas.admin.org.updateUnit({ unitId: unit.id, version: unit.version, attributes: { ...unit, name: "Annat namn" } }));
    expect(stale).toEqual({ code: "CONFLICT", message: expect.stringMatching(/Någon annan har ändrat .* Ladda om/) });
    const audit = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, "unit"), eq(schema.auditEvents.entityId, unit.id)));
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ change: "update", fields: ["phone"] }));
  });

  it("imports Eskilstuna's unit list: the preview shows additions, changes and deactivations, and nothing changes until applied", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const org = ids["Eskilstuna kommun"]!;
    const { units } = await tomas.admin.org.units({ organisationId: org });
    const keep = units.filter((u) => u.active && u.hsaId !== "SE2120000357-HTJ2");
    const rows = keep.map((u) => {
      const parent = units.find((p) => p.id === u.parentId)?.hsaId ?? "SE2120000357-VG";
      const phone = u.hsaId === "SE2120000357-HSV" ? "016-710 55 55" : (u.phone ?? "");
      return [u.hsaId, u.name, u.kind, parent, phone].join(";");
    });
    const csv = ["HSA-id;Namn;Enhetstyp;Överordnad;Telefon", ...rows, "SE2120000357-HSV9;Hemsjukvård Norr;Hemsjukvård;SE2120000357-HSV;016-710 55 56"].join(
      "\n",
    );
    const preview = await tomas.admin.org.importPreview({ organisationId: org, csv });
    expect(preview.errors).toEqual([]);
    expect(preview.additions.map((a) => a.hsaId)).toEqual(["SE2120000357-HSV9"]);
    expect(preview.changes).toEqual([expect.objectContaining({ hsaId: "SE2120000357-HSV", fields: ["phone"] })]);
    expect(preview.deactivations.map((d) => d.hsaId)).toEqual(["SE2120000357-HTJ2"]);
    expect(await t.db.select().from(schema.units).where(eq(schema.units.hsaId, "SE2120000357-HSV9"))).toEqual([]);

    const applied = await tomas.admin.org.importApply({ organisationId: org, csv, basis: preview.basis });
    expect(applied).toMatchObject({ added: 1, changed: 1, deactivated: 1 });
    const added = await unitByHsa("SE2120000357-HSV9");
    expect(added.parentId).toBe((await unitByHsa("SE2120000357-HSV")).id);
    expect((await unitByHsa("SE2120000357-HSV")).phone).toBe("016-710 55 55");
    expect(await unitByHsa("SE2120000357-HTJ2")).toMatchObject({ active: false, deactivatedAt: expect.any(Date) });
    const [audit] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, "organisation"), eq(schema.auditEvents.entityId, org), eq(schema.auditEvents.action, "admin.change")));
    expect(audit?.details).toMatchObject({ change: "unit_import", added: 1, deactivatedHsaIds: ["SE2120000357-HTJ2"] });
    // The same preview again is out of date.
    expect((await refusal(tomas.admin.org.importApply({ organisationId: org, csv, basis: preview.basis }))).code).toBe("CONFLICT");
  });

  it("applies nothing from a file with bad rows, and lists them in Swedish", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const org = ids["Eskilstuna kommun"]!;
    const count = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from units where active`)).rows[0]!.n;
    const before = await count();
    const csv = [
      "HSA-id;Namn;Enhetstyp;Överordnad",
      "SE2120000357-BIST;Biståndsenheten;Biståndsenhet;SE2120000357-VG",
      "SE2120002940-BIST;Nyköpings;Biståndsenhet;SE2120000357-VG",
      "SE2120000357-X;X;Bageri;SE2120000357-VG",
    ].join("\n");
    const preview = await tomas.admin.org.importPreview({ organisationId: org, csv });
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4]);
    const r = await refusal(tomas.admin.org.importApply({ organisationId: org, csv, basis: preview.basis }));
    expect(r).toEqual({ code: "BAD_REQUEST", message: "Filen har fel och ingenting har lästs in." });
    expect(await count()).toBe(before);
  });

  it("never deletes a unit with cases; a unit added by mistake can be deleted", async () => {
    const ward = await as("sanna.sjoberg", "slutenvard");
    await openWardCase(ward, "191212121212", "org-admin-case");
    const asa = await as("asa.berg", "forvaltning");
    const avd12 = await unitByHsa("SE2321000032-MSEAVD12");
    const r = await refusal(asa.admin.org.removeUnit({ unitId: avd12.id, version: avd12.version }));
    expect(r).toEqual({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/ärende.*tas aldrig bort.*Avaktivera/) });
    expect(await unitByHsa("SE2321000032-MSEAVD12")).toBeDefined();

    const { id } = await asa.admin.org.addUnit({
      organisationId: ids["Region Sörmland"]!,
      hsaId: "SE2321000032-FELREG",
      kind: "vardavdelning",
      parentId: (await unitByHsa("SE2321000032-MSE")).id,
      attributes: {
        name: "Felregistrerad",
        phone: null,
        switchboard: null,
        openingHours: null,
        functionMailbox: null,
        streetAddress: null,
        postalCode: null,
        city: null,
      },
    });
    expect(await asa.admin.org.removeUnit({ unitId: id, version: 1 })).toEqual({ removed: true });
    expect(await t.db.select().from(schema.units).where(eq(schema.units.id, id))).toEqual([]);
  });

  it("a deactivated unit gives no context at the next login; deactivating a unit with active units below is refused", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const htj1 = await unitByHsa("SE2120000357-HTJ1");
    await tomas.admin.org.setUnitActive({ unitId: htj1.id, version: htj1.version, active: false });
    const { session } = await signInCast(t.db, "hans.tjader", "kommun");
    expect(session.contexts).toEqual([]);
    expect(session.denialReasons.map((d) => d.message).join(" ")).toMatch(/SE2120000357-HTJ1/);
    const back = await unitByHsa("SE2120000357-HTJ1");
    await tomas.admin.org.setUnitActive({ unitId: back.id, version: back.version, active: true });
    expect((await signInCast(t.db, "hans.tjader", "kommun")).session.contexts.length).toBe(1);

    const asa = await as("asa.berg", "forvaltning");
    const mse = await unitByHsa("SE2321000032-MSE");
    expect(await refusal(asa.admin.org.setUnitActive({ unitId: mse.id, version: mse.version, active: false }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/aktiva enheter under sig/),
    });
  });

  it("'Avsluta session' ends a person's sessions in every portal at once; the next request meets the login", async () => {
    const a = await signInCast(t.db, "karin.ek", "kommun");
    const b = await signInCast(t.db, "karin.ek", "slutenvard");
    const tomas = await as("tomas.wik", "forvaltning");
    const [hit] = await tomas.admin.people.search({ query: "Karin Ek" });
    const person = await tomas.admin.people.get({ staffId: hit!.id });
    expect(person.canManage).toBe(true);
    expect(person.commissions.length).toBeGreaterThan(0);
    expect(person.contexts).toContainEqual(expect.objectContaining({ portal: "kommun", role: "kommun_ssk" }));
    expect(person.activeSessions.map((s) => s.id).sort()).toEqual([a.loginSessionId, b.loginSessionId].sort());
    // No personnummer anywhere in the person view (ids are UUIDs, whose digits could look like one).
    const withoutIds = JSON.stringify(person).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
    expect(withoutIds).not.toMatch(/\d{8}-?\d{4}/);

    const before = createCaller({ db: t.db, portal: "kommun", session: a.session, expectedContextId: null });
    expect(await before.session.current()).toMatchObject({ name: "Karin Ek" });
    expect(await tomas.admin.people.endSessions({ staffId: hit!.id, sessionIds: [a.loginSessionId, b.loginSessionId] })).toEqual({ ended: 2 });

    // Every page load and API call loads the session afresh (the portal's context): both are gone.
    expect(await loadSession(t.db, a.loginSessionId, "kommun")).toBeNull();
    expect(await loadSession(t.db, b.loginSessionId, "slutenvard")).toBeNull();
    const next = createCaller({ db: t.db, portal: "kommun", session: await loadSession(t.db, a.loginSessionId, "kommun"), expectedContextId: null });
    expect((await refusal(next.case.list({}))).code).toBe("UNAUTHORIZED");
    const audits = await t.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.entityType, "login_session"),
          eq(schema.auditEvents.action, "session.end"),
          eq(schema.auditEvents.actorHsaId, "SE2120000357-P0005"),
        ),
      );
    expect(audits.map((x) => x.entityId).sort()).toEqual([a.loginSessionId, b.loginSessionId].sort());
    expect((await tomas.admin.people.get({ staffId: hit!.id })).activeSessions).toEqual([]);
  });

  it("the start page lists the organisation's units without a phone (only its own), rules changed lately, and no open deviations or log flags in the fresh demo data", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const htj = (await tomas.admin.org.units({})).units.find((u) => u.hsaId === "SE2120000357-HTJ1")!;
    await tomas.admin.org.updateUnit({ unitId: htj.id, version: htj.version, attributes: { ...htj, phone: null } });
    await t.db.execute(
      sql`update role_mapping_rules set updated_at = now() where id = (select id from role_mapping_rules where owner_org_hsa_id = 'SE2120000357-VG' limit 1)`,
    );
    const o = await tomas.admin.overview();
    expect(o.unitsWithoutPhone!.map((u) => u.hsaId)).toEqual(["SE2120000357-HTJ1"]);
    expect(o.recentRules!.length).toBeGreaterThan(0);
    // The kommun's administrator does not review logs (separation of duties): no such section.
    expect(o.logReviewFlags).toBeNull();
    expect(o.openDeviations).toEqual({ count: 0, href: "/avvikelser" });
    // Åsa's start page names no kommun unit: those are Eskilstuna's to fix.
    const asa = await as("asa.berg", "forvaltning");
    const asaOverview = await asa.admin.overview();
    expect(asaOverview.unitsWithoutPhone!.some((u) => u.hsaId.startsWith("SE2120000357"))).toBe(false);
    expect(asaOverview.logReviewFlags?.href).toBe("/loggkontroll/flaggor");
    // The kommun's log reviewer (its MAS, through a rule) gets a start page of her own work only.
    const gunilla = await as("gunilla.rask", "forvaltning");
    const g = await gunilla.admin.overview();
    expect(g.logReviewFlags?.href).toBe("/loggkontroll/flaggor");
    expect(g.recentRules).toBeNull();
    expect(g.unitsWithoutPhone).toBeNull();
    expect(g.openDeviations).toBeNull();
  });
});
