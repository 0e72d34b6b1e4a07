import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, and, eq } from "@vardkedjan/db/client";
import { SORMLAND_ROUTINE_PROFILE } from "@vardkedjan/domain/outage/profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "@vardkedjan/domain/outage/profiles/vasternorrland";
import { castCallers } from "../../testing/callers";
import { routineProfileFor } from "../../services/outage/profile";
import { declareOutage } from "../../services/outage/manage";
import { requestDueConfirmations } from "../../services/outage/contact-mail";
import { demoActor } from "../../seed/actors";
import { AppError } from "../../errors";

type FieldErrors = { path: string; message: string }[];

/** The Swedish field errors an INVALID_INPUT carries (as the error formatter sends them to the page). */
function fieldErrors(e: TRPCError | null): FieldErrors {
  expect(e?.cause).toBeInstanceOf(AppError);
  const cause = e!.cause as AppError;
  expect(cause.code).toBe("INVALID_INPUT");
  return cause.details!.fields as FieldErrors;
}

/** "Reservrutin för driftstörning": the region's routine profile, read and edited by its administrators. */
describe("outage.routineProfile, saveRoutineProfile and resetRoutineProfile", () => {
  let t: TestDatabase;
  let sormlandId = "";
  let vasternorrlandId = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const orgId = async (hsaId: string) =>
      (await t.db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.hsaId, hsaId)))[0]!.id;
    sormlandId = await orgId(SORMLAND_ROUTINE_PROFILE.regionHsaId);
    vasternorrlandId = await orgId(VASTERNORRLAND_ROUTINE_PROFILE.regionHsaId);
  });
  afterAll(async () => {
    await t.close();
  });

  const as = castCallers(() => ({ db: t.db }));
  const asa = () => as("asa.berg", "forvaltning");
  const mats = () => as("mats.wallin", "forvaltning");
  const sanna = () => as("sanna.sjoberg", "slutenvard");

  const stored = async (regionId: string) => (await t.db.select().from(schema.routineProfiles).where(eq(schema.routineProfiles.regionId, regionId)))[0];
  const audits = async (regionId: string) =>
    t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, "routine_profile"), eq(schema.auditEvents.entityId, regionId)));
  const fail = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as TRPCError,
    );

  it("reads Sörmland's seeded profile (Region Sörmland, Reservrutin Link) at version 0: 6 hours to confirm the contact list", async () => {
    const r = await (await asa()).outage.routineProfile();
    expect(r.regionName).toBe("Region Sörmland");
    expect(r.version).toBe(0);
    expect(r.updatedAt).toBeNull();
    expect(r.updatedByName).toBeNull();
    expect(r.profile).toEqual(SORMLAND_ROUTINE_PROFILE);
    expect(r.profile.contactConfirmationHours).toBe(6);
    expect(r.original).toMatchObject({ name: SORMLAND_ROUTINE_PROFILE.name, seeded: true });
  });

  it("saves a change as version 1 with who and when, and writes the audit row", async () => {
    const before = Date.now();
    const profile = { ...SORMLAND_ROUTINE_PROFILE, contactConfirmationHours: 8, name: "Reservrutin vid driftstörning (reviderad)" };
    const saved = await (await asa()).outage.saveRoutineProfile({ profile, expectedVersion: 0 });
    expect(saved.version).toBe(1);

    const r = await (await asa()).outage.routineProfile();
    expect(r.version).toBe(1);
    expect(r.profile.contactConfirmationHours).toBe(8);
    expect(r.profile.name).toBe("Reservrutin vid driftstörning (reviderad)");
    expect(r.updatedByName).toBe("Åsa Berg");
    expect(r.updatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const rows = await audits(sormlandId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "admin.change", category: "admin", actorName: "Åsa Berg", outcome: "success" });
    expect(rows[0]!.details).toMatchObject({ version: 1, changed: expect.arrayContaining(["name", "contactConfirmationHours"]) });
  });

  it("is what the rules read: routineProfileFor, and the contact-list deadline of the next region outage", async () => {
    const profile = await routineProfileFor(t.db, sormlandId);
    expect(profile.contactConfirmationHours).toBe(8);

    const actor = await demoActor(t.db, "asa.berg", "forvaltning");
    const now = new Date();
    const { outageId } = await declareOutage(
      t.db,
      actor,
      { system: "samordning", scope: "region", idempotencyKey: `profile-test-${Date.now()}` },
      new Date(now.getTime() - 3600_000),
    );
    // The kommuner are asked when the routine covers the outage, with the routine's deadline from then.
    expect(await requestDueConfirmations(t.db, null, "http://forvaltning.test", now)).toBeGreaterThan(0);
    const asked = await t.db.select().from(schema.contactConfirmations).where(eq(schema.contactConfirmations.outageId, outageId));
    expect(asked.length).toBeGreaterThan(0);
    for (const c of asked) expect(c.deadlineAt.getTime() - now.getTime()).toBe(8 * 3600_000);
    await (await asa()).outage.end({ outageId });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const e = await fail(
      (await asa()).outage.saveRoutineProfile({ profile: { ...SORMLAND_ROUTINE_PROFILE, contactConfirmationHours: 12 }, expectedVersion: 0 }),
    );
    expect(e).toBeInstanceOf(TRPCError);
    expect(e!.code).toBe("CONFLICT");
    expect(e!.message).toBe("Rutinen har ändrats av någon annan sedan du öppnade den. Ladda om och gör ändringen igen.");
    expect(await stored(sormlandId)).toMatchObject({ version: 1, profile: expect.objectContaining({ contactConfirmationHours: 8 }) });
    expect(await audits(sormlandId)).toHaveLength(1);
  });

  it("refuses an invalid profile with Swedish field errors and changes nothing", async () => {
    const e = await fail(
      (await asa()).outage.saveRoutineProfile({ profile: { ...SORMLAND_ROUTINE_PROFILE, name: "  ", contactConfirmationHours: 0 }, expectedVersion: 1 }),
    );
    expect(e).toBeInstanceOf(TRPCError);
    expect(e!.code).toBe("BAD_REQUEST");
    expect(e!.message).toMatch(/^Rutinen kan inte sparas/);
    const fields = fieldErrors(e);
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: "name", message: "Rutinens namn måste fyllas i" },
        { path: "contactConfirmationHours", message: "Tiden för att bekräfta kontaktlistan måste vara större än 0" },
      ]),
    );
    expect(await stored(sormlandId)).toMatchObject({ version: 1, profile: expect.objectContaining({ contactConfirmationHours: 8 }) });
    expect(await audits(sormlandId)).toHaveLength(1);

    const nested = await fail(
      (await asa()).outage.saveRoutineProfile({
        profile: {
          ...SORMLAND_ROUTINE_PROFILE,
          sections: [{ heading: "Omfattning", paragraphs: [{ bullets: [""] }] }],
          registerAfter: { ...SORMLAND_ROUTINE_PROFILE.registerAfter, readyForDischarge: true },
        },
        expectedVersion: 1,
      }),
    );
    const nestedFields = fieldErrors(nested);
    expect(nestedFields).toEqual(
      expect.arrayContaining([
        { path: "sections.0.paragraphs.0.bullets.0", message: "Punkten måste fyllas i" },
        { path: "registerAfter.readyForDischarge", message: "Utskrivningsklar efterregistreras aldrig" },
      ]),
    );
  });

  it("keeps the region's own HSA-id and name, whatever is sent", async () => {
    const r = await (await asa()).outage.routineProfile();
    await (
      await asa()
    ).outage.saveRoutineProfile({
      profile: { ...r.profile, regionHsaId: VASTERNORRLAND_ROUTINE_PROFILE.regionHsaId, regionName: "Region Västernorrland" },
      expectedVersion: r.version,
    });
    expect(await stored(sormlandId)).toMatchObject({
      version: 2,
      profile: expect.objectContaining({ regionHsaId: SORMLAND_ROUTINE_PROFILE.regionHsaId, regionName: "Region Sörmland" }),
    });
    expect(await stored(vasternorrlandId)).toBeUndefined();
  });

  it("lets Västernorrland's administrator see and change only Västernorrland's routine", async () => {
    const r = await (await mats()).outage.routineProfile();
    expect(r.regionName).toBe("Region Västernorrland");
    expect(r.version).toBe(0);
    expect(r.profile).toEqual(VASTERNORRLAND_ROUTINE_PROFILE);

    await (await mats()).outage.saveRoutineProfile({ profile: { ...SORMLAND_ROUTINE_PROFILE, contactConfirmationHours: 1 }, expectedVersion: 0 });
    expect(await stored(vasternorrlandId)).toMatchObject({
      version: 1,
      profile: expect.objectContaining({ regionHsaId: VASTERNORRLAND_ROUTINE_PROFILE.regionHsaId, contactConfirmationHours: 1 }),
    });
    expect(await stored(sormlandId)).toMatchObject({ version: 2, profile: expect.objectContaining({ contactConfirmationHours: 8 }) });
    expect((await (await asa()).outage.routineProfile()).profile.contactConfirmationHours).toBe(8);
    expect(await audits(sormlandId)).toHaveLength(2);
  });

  it("refuses a ward nurse", async () => {
    const read = await fail((await sanna()).outage.routineProfile());
    expect(read).toBeInstanceOf(TRPCError);
    expect(read!.code).toBe("FORBIDDEN");
    const save = await fail((await sanna()).outage.saveRoutineProfile({ profile: SORMLAND_ROUTINE_PROFILE, expectedVersion: 2 }));
    expect(save!.code).toBe("FORBIDDEN");
    const reset = await fail((await sanna()).outage.resetRoutineProfile({ expectedVersion: 2 }));
    expect(reset!.code).toBe("FORBIDDEN");
    expect(await stored(sormlandId)).toMatchObject({ version: 2 });
  });

  it("resets to the seeded profile as a new version, under the same concurrency rule", async () => {
    const stale = await fail((await asa()).outage.resetRoutineProfile({ expectedVersion: 1 }));
    expect(stale!.code).toBe("CONFLICT");
    expect(await stored(sormlandId)).toMatchObject({ version: 2 });

    expect((await (await asa()).outage.resetRoutineProfile({ expectedVersion: 2 })).version).toBe(3);
    const r = await (await asa()).outage.routineProfile();
    expect(r.version).toBe(3);
    expect(r.profile).toEqual(SORMLAND_ROUTINE_PROFILE);
    expect((await routineProfileFor(t.db, sormlandId)).contactConfirmationHours).toBe(6);
    const rows = await audits(sormlandId);
    expect(rows).toHaveLength(3);
    expect(rows.some((a) => (a.details as { reset?: boolean }).reset === true)).toBe(true);
  });

  it("saves the after-registration settings the routine page edits (planning basis, who sends the SIP kallelse, the fast vårdkontakt), and the rules read them", async () => {
    const { version } = await (await mats()).outage.routineProfile();
    // On, as Västernorrland's routine says.
    const on = await (await mats()).outage.saveRoutineProfile({ profile: VASTERNORRLAND_ROUTINE_PROFILE, expectedVersion: version });
    const read = await routineProfileFor(t.db, vasternorrlandId);
    expect(read.registerAfter).toMatchObject({ planningBasis: "om_inte_klar_eller_hemma", fixedCareContact: true });
    expect(read.sipInvitationBy).toBe("primarvarden");

    // Off: the planning basis never, the kallelse by the unit that called (the setting absent).
    const { sipInvitationBy: _omitted, ...withoutSip } = VASTERNORRLAND_ROUTINE_PROFILE;
    const off = { ...withoutSip, registerAfter: { ...VASTERNORRLAND_ROUTINE_PROFILE.registerAfter, planningBasis: false, fixedCareContact: false } };
    const saved = await (await mats()).outage.saveRoutineProfile({ profile: off, expectedVersion: on.version });
    const back = await routineProfileFor(t.db, vasternorrlandId);
    expect(back.registerAfter).toMatchObject({ planningBasis: false, fixedCareContact: false });
    expect(back.sipInvitationBy).toBeUndefined();
    const [last] = (await audits(vasternorrlandId)).sort((a, b) => b.at.getTime() - a.at.getTime());
    expect(last!.details).toMatchObject({ version: saved.version, changed: expect.arrayContaining(["registerAfter"]) });
    const r = { profile: VASTERNORRLAND_ROUTINE_PROFILE };

    // A value the page never offers is refused in Swedish, on its field, and nothing changes.
    const bad = await fail(
      (await mats()).outage.saveRoutineProfile({
        profile: { ...r.profile, sipInvitationBy: "kommunen", registerAfter: { ...r.profile.registerAfter, planningBasis: "alltid" } },
        expectedVersion: saved.version,
      }),
    );
    expect(fieldErrors(bad)).toEqual(
      expect.arrayContaining([
        { path: "sipInvitationBy", message: "Välj vem som skickar kallelsen till SIP" },
        { path: "registerAfter.planningBasis", message: "Välj när planeringsunderlaget efterregistreras" },
      ]),
    );
    expect(await stored(vasternorrlandId)).toMatchObject({
      version: saved.version,
      profile: expect.objectContaining({ registerAfter: expect.objectContaining({ planningBasis: false }) }),
    });
  });
});
