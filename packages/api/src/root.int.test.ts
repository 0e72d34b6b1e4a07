import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { createCaller } from "./root";
import { signIn } from "./services/identity/sign-in";
import { loadSession } from "./services/identity/session";
import { LOA2, LOA3 } from "@vardkedjan/domain/identity/types";

/** The API through its real procedure builders, as a portal's tRPC endpoint would call it. */
describe("API authorisation", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
  });
  afterAll(() => t.close());

  async function callerFor(portal: Portal, key?: DemoKey, expectedContextId: string | null = null, acr = LOA3) {
    if (!key) return createCaller({ db: t.db, portal, session: null, expectedContextId });
    // The IdP adds the level of assurance to the person's claims (administrators need LoA 3).
    const claims = { ...castByKey(key).claims, acr };
    const { loginSessionId } = await signIn(t.db, { portal, claims, maxAgeSeconds: 3600 });
    const session = await loadSession(t.db, loginSessionId, portal);
    return createCaller({ db: t.db, portal, session, expectedContextId });
  }

  async function codeOf(p: Promise<unknown>) {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
    return { code: (e as TRPCError).code, message: (e as TRPCError).message };
  }

  it("asks an anonymous caller to log in, in Swedish", async () => {
    const caller = await callerFor("slutenvard");
    expect(await codeOf(caller.outage.current())).toEqual({ code: "UNAUTHORIZED", message: expect.stringMatching(/inte inloggad/) });
    expect(await caller.session.current()).toBeNull();
  });

  it("gives Sanna her worklist", async () => {
    const caller = await callerFor("slutenvard", "sanna.sjoberg");
    expect(await caller.case.list({})).toMatchObject({ nextCursor: null, rows: expect.any(Array) });
    expect(await caller.session.current()).toMatchObject({ name: "Sanna Sjöberg", activeContext: { role: "avd_ssk" } });
  });

  it("asks Mira to choose a context before anything else", async () => {
    const caller = await callerFor("slutenvard", "mira.dahl");
    expect(await codeOf(caller.outage.current())).toEqual({ code: "FORBIDDEN", message: expect.stringMatching(/arbetssammanhang/) });
  });

  it("refuses the administration API outside Förvaltning and scopes administrators to their organisation", async () => {
    const ward = await callerFor("slutenvard", "sanna.sjoberg");
    expect((await codeOf(ward.admin.overview())).code).toBe("FORBIDDEN");
    const admin = await callerFor("forvaltning", "asa.berg");
    const overview = await admin.admin.overview();
    expect(overview.organisationName).toBe("Region Sörmland");
    expect(overview.rules).toBeGreaterThan(0);
    expect(overview.unitsByKind.vardavdelning).toBeGreaterThan(0);
    // A delegated kommun administrator sees only the kommun.
    const kommunadmin = await callerFor("forvaltning", "tomas.wik");
    expect((await kommunadmin.admin.overview()).organisationName).toBe("Eskilstuna kommun");
  });

  it("gives an administrator with a reserve card (LoA 2) no administration context", async () => {
    const caller = await callerFor("forvaltning", "asa.berg", null, LOA2);
    expect((await codeOf(caller.admin.overview())).code).toBe("FORBIDDEN");
    expect(await caller.session.current()).toMatchObject({ activeContext: null, contexts: [] });
  });

  it("catches a page rendered with another context (a second tab that switched)", async () => {
    const caller = await callerFor("slutenvard", "sanna.sjoberg", "slutenvard~avd_ssk~SOMETHING-ELSE~s~X");
    expect(await codeOf(caller.outage.current())).toEqual({ code: "CONFLICT", message: expect.stringMatching(/annan flik/) });
  });

  it("validates input with a Swedish message", async () => {
    const caller = await callerFor("slutenvard", "sanna.sjoberg");
    expect(await codeOf(caller.session.switchContext({ contextId: "" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("reports health: database reachable and migrations current", async () => {
    const caller = await callerFor("slutenvard");
    expect(await caller.system.health()).toMatchObject({ ok: true, database: "ok", migrations: { current: true } });
  });
});
