import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey } from "@vardkedjan/db/seed";
import { schema, and, desc, eq } from "@vardkedjan/db/client";
import type { MappingRule } from "@vardkedjan/domain/identity/types";
import { castCallers, signInCast } from "../../../testing/callers";
import { loadSession } from "../../../services/identity/session";

const REGION = "SE2321000032-VG";
const ESKILSTUNA = "SE2120000357-VG";
const FLEN = "SE2120000332-VG";

/** The portals a cast member's next login gives contexts in, as "portal role unit". */
async function nextLogin(db: TestDatabase["db"], who: Parameters<typeof signInCast>[1]) {
  const { loginSessionId } = await signInCast(db, who, "slutenvard");
  const [row] = await db.select().from(schema.loginSessions).where(eq(schema.loginSessions.id, loginSessionId));
  return (row!.contexts as { portal: string; role: string; scopeHsaId: string }[]).map((c) => `${c.portal} ${c.role} ${c.scopeHsaId}`);
}

/** The rule body the form sends: the stored rule without id, version and owner. */
function draftOf(rule: MappingRule): Record<string, unknown> {
  const { id: _id, version: _version, ownerOrgHsaId: _owner, ...body } = rule;
  return body;
}

describe("Behörighetsregler through the API (seeded demo data)", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  const lastAudit = async (action: string) =>
    (await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, action)).orderBy(desc(schema.auditEvents.id)).limit(1))[0];

  it("lists the administrator's own rules in words, with status and version", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const list = await asa.admin.rules.list({});
    expect(list.owner).toMatchObject({ hsaId: REGION, name: "Region Sörmland", editable: true });
    expect(list.owners.map((o) => o.name)).toContain("Eskilstuna kommun");
    expect(list.rules.find((r) => r.id === "srm-R1")).toMatchObject({
      description: "Sjuksköterska på vårdavdelning",
      grants: "Sjuksköterska i Slutenvård på medarbetaruppdragets vårdenhet och enheterna under",
      status: "aktiv",
      version: 1,
    });
    expect(list.rules.every((r) => r.id.startsWith("srm-"))).toBe(true);
  });

  it("a rule saved in Förvaltning changes the next login: disabled, re-enabled, edited, created, and a deny rule", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const tomas = await as("tomas.wik", "forvaltning");
    expect(await nextLogin(t.db, "sanna.sjoberg")).toEqual(["slutenvard avd_ssk SE2321000032-MSEAVD12"]);

    // Commission-level rule switched off, then on again.
    const off = await asa.admin.rules.setEnabled({ id: "srm-R1", expectedVersion: 1, enabled: false });
    expect(off.version).toBe(2);
    expect(await nextLogin(t.db, "sanna.sjoberg")).toEqual([]);
    await asa.admin.rules.setEnabled({ id: "srm-R1", expectedVersion: 2, enabled: true });
    expect(await nextLogin(t.db, "sanna.sjoberg")).toEqual(["slutenvard avd_ssk SE2321000032-MSEAVD12"]);

    // Edited: an exception for Sanna.
    const r1 = (await asa.admin.rules.get({ id: "srm-R1" })).rule;
    const edited = { ...r1, when: { ...r1.when, none: [{ attr: "person.employeeHsaId", op: "eq", value: castByKey("sanna.sjoberg").employeeHsaId }] } };
    await asa.admin.rules.update({ id: "srm-R1", expectedVersion: 3, rule: draftOf(edited as MappingRule) });
    expect(await nextLogin(t.db, "sanna.sjoberg")).toEqual([]);
    await asa.admin.rules.update({ id: "srm-R1", expectedVersion: 4, rule: draftOf(r1) });
    expect(await nextLogin(t.db, "sanna.sjoberg")).toHaveLength(1);

    // Created: Sanna also leads discharges for the whole hospital.
    const created = await asa.admin.rules.create({
      rule: {
        description: "Sanna Sjöberg som utskrivningsledare",
        level: "commission",
        priority: 90,
        effect: "allow",
        when: {
          all: [
            { attr: "person.employeeHsaId", op: "eq", value: castByKey("sanna.sjoberg").employeeHsaId },
            { op: "unitUnder", attr: "commission.unitHsaId", ancestorHsaId: REGION },
          ],
        },
        grant: { portal: "slutenvard", role: "utskrivningsledare", scope: { type: "commissionAncestor", kind: "sjukhus", includeDescendants: true } },
      },
    });
    expect(await nextLogin(t.db, "sanna.sjoberg")).toContain("slutenvard utskrivningsledare SE2321000032-MSE");
    await asa.admin.rules.setEnabled({ id: created.id, expectedVersion: 1, enabled: false });

    // A person-level deny rule of the kommun: Karin Ek loses her kommun context, nobody else.
    expect(await nextLogin(t.db, "karin.ek")).toEqual(["kommun kommun_ssk SE2120000357-HSV"]);
    await tomas.admin.rules.create({
      rule: {
        description: "Spärr för Karin Ek",
        level: "person",
        priority: 1,
        effect: "deny",
        when: { all: [{ attr: "person.employeeHsaId", op: "eq", value: castByKey("karin.ek").employeeHsaId }] },
        denyPortals: ["kommun"],
      },
    });
    expect(await nextLogin(t.db, "karin.ek")).toEqual([]);
    expect(await nextLogin(t.db, "berit.holm")).toEqual(["kommun bistandshandlaggare SE2120000357-BIST"]);

    // Person-level allow rules of the kommun: MAS (org scope) and hemtjänst (unit from the system role).
    // (Her log-review context comes from a rule of its own, which stays.)
    expect(await nextLogin(t.db, "gunilla.rask")).toEqual(["kommun mas SE2120000357-VG", "forvaltning loggranskare SE2120000357-VG"]);
    await tomas.admin.rules.setEnabled({ id: "k0484-R6", expectedVersion: 1, enabled: false });
    expect(await nextLogin(t.db, "gunilla.rask")).toEqual(["forvaltning loggranskare SE2120000357-VG"]);
    await tomas.admin.rules.setEnabled({ id: "k0484-R6", expectedVersion: 2, enabled: true });
    expect(await nextLogin(t.db, "hans.tjader")).toEqual(["kommun hemtjanst SE2120000357-HTJ1"]);
    const r5 = (await tomas.admin.rules.get({ id: "k0484-R5" })).rule;
    await tomas.admin.rules.update({
      id: "k0484-R5",
      expectedVersion: 1,
      rule: draftOf({ ...r5, grant: { ...r5.grant!, scope: { type: "systemRoleUnit", regex: "^VK;Hemtjanst-(.+)-inte$" } } }),
    });
    expect(await nextLogin(t.db, "hans.tjader")).toEqual([]);
    await tomas.admin.rules.update({ id: "k0484-R5", expectedVersion: 2, rule: draftOf(r5) });
    expect(await nextLogin(t.db, "hans.tjader")).toEqual(["kommun hemtjanst SE2120000357-HTJ1"]);
  });

  it("keeps a history of every saved version with who and what changed", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const detail = await asa.admin.rules.get({ id: "srm-R1" });
    expect(detail.history.map((h) => [h.version, h.change])).toEqual([
      [5, "updated"],
      [4, "updated"],
      [3, "enabled"],
      [2, "disabled"],
      [1, "created"],
    ]);
    expect(detail.history[0]).toMatchObject({ changedBy: "Åsa Berg", changedFields: ["villkor"] });
  });

  it("refuses a stale version with a Swedish conflict, and changes nothing", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const r8 = (await asa.admin.rules.get({ id: "srm-R8" })).rule;
    await asa.admin.rules.update({ id: "srm-R8", expectedVersion: 1, rule: draftOf({ ...r8, description: "Systemförvaltare (ändrad)" }) });
    await expect(asa.admin.rules.update({ id: "srm-R8", expectedVersion: 1, rule: draftOf({ ...r8, description: "Min ändring" }) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Regeln har ändrats av någon annan sedan du öppnade den \(nu version 2, sparad av Åsa Berg/),
    });
    expect((await asa.admin.rules.get({ id: "srm-R8" })).rule.description).toBe("Systemförvaltare (ändrad)");
  });

  it("refuses, field by field in Swedish, a rule that would grant beyond its owner", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const err = await tomas.admin.rules
      .create({
        rule: {
          description: "Breddning",
          level: "person",
          priority: 100,
          effect: "allow",
          when: { all: [{ op: "hasSystemRole", systemId: "VK", role: "MAS" }] },
          grant: { portal: "kommun", role: "mas", scope: { type: "org", orgHsaId: FLEN, includeDescendants: true } },
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      message: "Flens kommun ligger utanför Eskilstuna kommun, som äger regeln",
      cause: { details: { fields: [{ path: "grant.scope.orgHsaId", message: "Flens kommun ligger utanför Eskilstuna kommun, som äger regeln" }] } },
    });
    const esk = await t.db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.ownerOrgHsaId, ESKILSTUNA));
    expect(esk.some((r) => (r.rule as MappingRule).description === "Breddning")).toBe(false);
  });

  it("Tomas Wik cannot read or change the region's or Flen's rules; each attempt is audited as access.denied", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const mine = await tomas.admin.rules.list({});
    expect(mine.owner.name).toBe("Eskilstuna kommun");
    expect(mine.owners.map((o) => o.name)).toEqual(["Eskilstuna kommun"]);
    for (const attempt of [
      () => tomas.admin.rules.list({ ownerHsaId: REGION }),
      () => tomas.admin.rules.list({ ownerHsaId: FLEN }),
      () => tomas.admin.rules.get({ id: "srm-R1" }),
      () => tomas.admin.rules.get({ id: "k0482-R6" }),
      () => tomas.admin.rules.setEnabled({ id: "k0482-R6", expectedVersion: 1, enabled: false }),
      () => tomas.admin.rules.update({ id: "srm-R7", expectedVersion: 1, rule: { description: "x" } }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Eskilstuna kommuns behörighetsregler/) });
      expect(await lastAudit("access.denied")).toMatchObject({
        actorHsaId: castByKey("tomas.wik").employeeHsaId,
        outcome: "denied",
        entityType: expect.any(String),
      });
    }
    const [flen] = await t.db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, "k0482-R6"));
    expect(flen).toMatchObject({ version: 1, enabled: true });
  });

  it("Åsa Berg reads Eskilstuna's rules (audited) but cannot change them", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const esk = await asa.admin.rules.list({ ownerHsaId: ESKILSTUNA });
    expect(esk.owner).toMatchObject({ name: "Eskilstuna kommun", editable: false });
    expect(await lastAudit("rules.read")).toMatchObject({ actorHsaId: castByKey("asa.berg").employeeHsaId, entityId: ESKILSTUNA });
    await expect(asa.admin.rules.setEnabled({ id: "k0484-R6", expectedVersion: 1, enabled: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Du kan läsa Eskilstuna kommuns behörighetsregler men inte ändra dem. Bara Eskilstuna kommuns egen administratör kan ändra dem.",
    });
    expect(await lastAudit("access.denied")).toMatchObject({ entityId: "k0484-R6", details: { reason: "rules_read_only", ownerOrgHsaId: ESKILSTUNA } });
  });

  it("shows the sessions a saved change affects, and ending them makes every portal refuse them", async () => {
    const asa = await as("asa.berg", "forvaltning");
    const { loginSessionId } = await signInCast(t.db, "johan.ekstrom", "slutenvard");
    const other = await signInCast(t.db, "fredrik.vall", "primarvard");
    const r = await asa.admin.rules.get({ id: "srm-R1-lakare" });
    const saved = await asa.admin.rules.setEnabled({ id: "srm-R1-lakare", expectedVersion: r.rule.version, enabled: false });
    const johan = saved.affected.find((s) => s.loginSessionId === loginSessionId);
    expect(johan).toMatchObject({ name: "Johan Ekström", lost: ["Läkare · Avd 12 Medicin · Mälarsjukhuset"], gained: [] });
    expect(saved.affected.some((s) => s.loginSessionId === other.loginSessionId)).toBe(false);
    expect((await asa.admin.rules.affectedSessions({ id: "srm-R1-lakare", version: saved.version })).map((s) => s.loginSessionId)).toContain(loginSessionId);

    // An id outside the affected set is ignored: the server decides which sessions the change concerns.
    const ended = await asa.admin.rules.endAffected({ id: "srm-R1-lakare", version: saved.version, sessionIds: [loginSessionId, other.loginSessionId] });
    expect(ended).toEqual({ ended: 1 });
    expect(await loadSession(t.db, loginSessionId, "slutenvard")).toBeNull();
    expect(await loadSession(t.db, other.loginSessionId, "primarvard")).not.toBeNull();
    expect(await lastAudit("session.end")).toMatchObject({
      entityId: loginSessionId,
      actorHsaId: castByKey("asa.berg").employeeHsaId,
      details: { reason: "rule_changed" },
    });
    await asa.admin.rules.setEnabled({ id: "srm-R1-lakare", expectedVersion: saved.version, enabled: true });
  });

  it("simulates a person as last seen at login, before and after a draft, saving nothing", async () => {
    const asa = await as("asa.berg", "forvaltning");
    await signInCast(t.db, "ulrika.lind", "slutenvard");
    const [ulrika] = await asa.admin.rules.findPeople({ query: "Ulrika" });
    expect(ulrika).toMatchObject({ name: "Ulrika Lind" });
    const r2 = (await asa.admin.rules.get({ id: "srm-R2" })).rule;
    const before = await t.db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, "srm-R2"));
    const res = await asa.admin.rules.simulate({
      staffId: ulrika!.staffId,
      draft: {
        id: "srm-R2",
        rule: draftOf({ ...r2, enabled: false, when: { ...r2.when, none: [{ attr: "person.titles", op: "eq", value: "Utskrivningsledare" }] } }),
      },
    });
    expect(res.before.portals.find((p) => p.portal === "slutenvard")!.contexts.map((c) => c.label)).toEqual([
      "Utskrivningsledare · Mälarsjukhuset · Region Sörmland",
    ]);
    expect(res.diff).toEqual({
      changed: true,
      portals: [expect.objectContaining({ portal: "slutenvard", removed: ["Utskrivningsledare · Mälarsjukhuset · Region Sörmland"] })],
    });
    expect(await t.db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.id, "srm-R2"))).toEqual(before);
    expect(await lastAudit("rules.simulate")).toMatchObject({ entityType: "staff", details: { draftRuleId: "srm-R2" } });
  });

  it("simulates pasted claims; a kommun administrator sees other organisations' rules only by owner", async () => {
    const tomas = await as("tomas.wik", "forvaltning");
    const res = await tomas.admin.rules.simulate({ claims: JSON.stringify(castByKey("sanna.sjoberg").claims) });
    const ward = res.before.portals.find((p) => p.portal === "slutenvard")!;
    expect(ward.contexts[0]!.grantedBy[0]).toMatchObject({ ruleId: "", ruleDescription: "En regel som tillhör Region Sörmland" });
    expect(JSON.stringify(res)).not.toMatch(/srm-/);
    await expect(tomas.admin.rules.simulate({ claims: "{inte json" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Uppgifterna är inte giltig JSON.",
    });
    // People outside Eskilstuna are not his to look up.
    expect(await tomas.admin.rules.findPeople({ query: "Sanna" })).toEqual([]);
    const [sanna] = await t.db
      .select()
      .from(schema.staff)
      .where(and(eq(schema.staff.hsaId, castByKey("sanna.sjoberg").employeeHsaId)));
    await expect(tomas.admin.rules.simulate({ staffId: sanna!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
