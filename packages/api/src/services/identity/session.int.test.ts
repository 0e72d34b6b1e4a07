import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey } from "@vardkedjan/db/seed";
import { schema, eq, desc, sql } from "@vardkedjan/db/client";
import { signIn } from "./sign-in";
import { chooseContext, endSession, loadSession } from "./session";
import { AppError } from "../../errors";
import { setServerErrorSink } from "../../portal/log";

const MAX_AGE = 8 * 3600;

describe("login sessions (against the seeded demo data)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  async function lastAudit() {
    const [row] = await t.db.select().from(schema.auditEvents).orderBy(desc(schema.auditEvents.id)).limit(1);
    return row;
  }

  it("signs Sanna Sjöberg in to her ward context and audits it in the same transaction", async () => {
    const sanna = castByKey("sanna.sjoberg");
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: sanna.claims, idToken: "tok", maxAgeSeconds: MAX_AGE });
    const view = await loadSession(t.db, loginSessionId, "slutenvard");
    expect(view?.name).toBe("Sanna Sjöberg");
    expect(view?.activeContext?.label.label).toBe("Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset");
    expect(view?.activeContext?.role).toBe("avd_ssk");
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "session.login",
      category: "security",
      actorHsaId: sanna.employeeHsaId,
      role: "avd_ssk",
      outcome: "success",
      entityId: loginSessionId,
    });
    // The session cookie carries only the id: the claims are kept server-side, with no session in another portal.
    expect(await loadSession(t.db, loginSessionId, "kommun")).toBeNull();
  });

  it("gives Mira Dahl two contexts to choose from, logs the choice and the switch, and remembers it", async () => {
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: castByKey("mira.dahl").claims, maxAgeSeconds: MAX_AGE });
    let view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    expect(view.contexts).toHaveLength(2);
    expect(view.activeContext).toBeNull();
    const [a, b] = view.contexts as [(typeof view.contexts)[0], (typeof view.contexts)[0]];
    expect(a.scopeHsaId).not.toBe(b.scopeHsaId);

    await chooseContext(t.db, view, a.id);
    expect(await lastAudit()).toMatchObject({ action: "session.choose_context", unitHsaId: a.scopeHsaId });
    view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    expect(view.activeContext?.id).toBe(a.id);

    await chooseContext(t.db, view, b.id);
    expect(await lastAudit()).toMatchObject({ action: "session.switch_context", details: { from: a.id, to: b.id } });
    view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    expect(view.activeContext?.id).toBe(b.id);

    // The last choice comes first at the next login.
    const next = await signIn(t.db, { portal: "slutenvard", claims: castByKey("mira.dahl").claims, maxAgeSeconds: MAX_AGE });
    expect((await loadSession(t.db, next.loginSessionId, "slutenvard"))!.contexts[0]!.id).toBe(b.id);
  });

  it("refuses a context the rules did not grant, and changes nothing", async () => {
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: castByKey("mira.dahl").claims, maxAgeSeconds: MAX_AGE });
    const view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    const before = await lastAudit();
    const foreign = "kommun~bistandshandlaggare~SE2120000308-X~s~SE2120000308-VG";
    await expect(chooseContext(t.db, view, foreign)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await loadSession(t.db, loginSessionId, "slutenvard"))!.activeContext).toBeNull();
    expect((await lastAudit())!.id).toBe(before!.id);
  });

  it("explains in Swedish why Nils Nord gets nothing, and audits the refusal", async () => {
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: castByKey("nils.nord").claims, maxAgeSeconds: MAX_AGE });
    const view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    expect(view.contexts).toEqual([]);
    expect(view.otherPortals).toEqual([]);
    const messages = view.denialReasons.map((r) => r.message).join(" | ");
    expect(messages).toContain("Vård och behandling");
    expect(messages).toMatch(/systemroll/i);
    expect(await lastAudit()).toMatchObject({ action: "session.login_denied", outcome: "denied" });
  });

  it("tells Berit Holm at the ward portal that her portal is Kommun", async () => {
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: castByKey("berit.holm").claims, maxAgeSeconds: MAX_AGE });
    const view = (await loadSession(t.db, loginSessionId, "slutenvard"))!;
    expect(view.contexts).toEqual([]);
    expect(view.otherPortals).toEqual(["kommun"]);
  });

  it("rejects a claim set without an HSA-id with a Swedish message and writes nothing", async () => {
    const count = async () =>
      (await t.db.execute<{ n: number }>(sql`select (select count(*) from login_sessions) + (select count(*) from audit_events) as n`)).rows[0]!.n;
    const before = await count();
    const err = await signIn(t.db, { portal: "slutenvard", claims: { given_name: "Ingen" }, maxAgeSeconds: MAX_AGE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("INVALID_INPUT");
    expect((err as AppError).userMessage).toMatch(/HSA-id/);
    expect(await count()).toBe(before);
  });

  it("ends the session on sign-out, returns the id_token for the IdP, and audits it", async () => {
    const { loginSessionId } = await signIn(t.db, {
      portal: "primarvard",
      claims: castByKey("fredrik.vall").claims,
      idToken: "id-token-x",
      maxAgeSeconds: MAX_AGE,
    });
    expect(await endSession(t.db, loginSessionId, "primarvard")).toEqual({ idToken: "id-token-x" });
    expect(await loadSession(t.db, loginSessionId, "primarvard")).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: "session.logout", entityId: loginSessionId });
    // A second sign-out (double click) is harmless.
    expect(await endSession(t.db, loginSessionId, "primarvard")).toEqual({ idToken: null });
  });

  it("treats an expired session as logged out", async () => {
    const { loginSessionId } = await signIn(t.db, {
      portal: "kommun",
      claims: castByKey("karin.ek").claims,
      maxAgeSeconds: 60,
      now: new Date(Date.now() - 120_000),
    });
    expect(await loadSession(t.db, loginSessionId, "kommun")).toBeNull();
    const [row] = await t.db.select().from(schema.loginSessions).where(eq(schema.loginSessions.id, loginSessionId));
    expect(row?.endedAt).toBeNull();
  });

  it("ends a session whose stored contexts no longer parse and answers as logged out", async () => {
    const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: castByKey("sanna.sjoberg").claims, maxAgeSeconds: MAX_AGE });
    await t.db
      .update(schema.loginSessions)
      .set({ contexts: sql`'[{"id":"x","portal":"slutenvard"}]'::jsonb` })
      .where(eq(schema.loginSessions.id, loginSessionId));
    expect(await loadSession(t.db, loginSessionId, "slutenvard")).toBeNull();
    const [row] = await t.db.select().from(schema.loginSessions).where(eq(schema.loginSessions.id, loginSessionId));
    expect(row?.endedAt).not.toBeNull();
    // A new login evaluates the rules afresh and works as before.
    const again = await signIn(t.db, { portal: "slutenvard", claims: castByKey("sanna.sjoberg").claims, maxAgeSeconds: MAX_AGE });
    expect((await loadSession(t.db, again.loginSessionId, "slutenvard"))?.activeContext?.role).toBe("avd_ssk");
  });

  it("a stored mapping rule that no longer parses silences its own organisation's rules, not the others'; logged by id", async () => {
    const sanna = castByKey("sanna.sjoberg");
    const first = await signIn(t.db, { portal: "slutenvard", claims: sanna.claims, maxAgeSeconds: MAX_AGE });
    const granting = new Set((await loadSession(t.db, first.loginSessionId, "slutenvard"))!.contexts.flatMap((c) => c.ruleIds));
    const rules = await t.db.select().from(schema.roleMappingRules).where(eq(schema.roleMappingRules.enabled, true));
    const ownOrgs = new Set(rules.filter((r) => granting.has(r.id)).map((r) => r.ownerOrgHsaId));
    const damage = (id: string) =>
      t.db
        .update(schema.roleMappingRules)
        .set({ rule: sql`jsonb_set(${schema.roleMappingRules.rule}, '{when}', 'null'::jsonb)` })
        .where(eq(schema.roleMappingRules.id, id));
    const other = rules.find((r) => !ownOrgs.has(r.ownerOrgHsaId))!;
    const own = rules.find((r) => ownOrgs.has(r.ownerOrgHsaId) && !granting.has(r.id))!;
    const lines: string[] = [];
    const restore = setServerErrorSink((line) => lines.push(line));
    try {
      await damage(other.id);
      const { loginSessionId } = await signIn(t.db, { portal: "slutenvard", claims: sanna.claims, maxAgeSeconds: MAX_AGE });
      expect((await loadSession(t.db, loginSessionId, "slutenvard"))?.activeContext?.role).toBe("avd_ssk");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`ruleId=${other.id}`);
      expect(lines[0]).toContain("invalid_stored_rule");

      // A damaged rule of her own organisation (perhaps a denial): fail closed, no context.
      await damage(own.id);
      const { loginSessionId: closed } = await signIn(t.db, { portal: "slutenvard", claims: sanna.claims, maxAgeSeconds: MAX_AGE });
      expect((await loadSession(t.db, closed, "slutenvard"))?.contexts ?? []).toEqual([]);
    } finally {
      setServerErrorSink(restore);
      for (const r of [other, own]) await t.db.update(schema.roleMappingRules).set({ rule: r.rule }).where(eq(schema.roleMappingRules.id, r.id));
    }
  });
});
