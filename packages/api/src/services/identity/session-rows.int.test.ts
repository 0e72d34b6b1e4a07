import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { createDb, schema, eq, type DbHandle } from "@vardkedjan/db/client";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import { signIn } from "./sign-in";
import { endSession, loadSession } from "./session";

/**
 * When an outage is announced every open page asks for its session at once: those reads go as one
 * query (session-rows.ts), and each page still gets exactly what it would have got alone.
 */
describe("login sessions read together", () => {
  let t: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    // A handle of its own, so that its pool's round trips can be counted.
    h = createDb(t.url, { max: 10 });
  });
  afterAll(async () => {
    await h.close();
    await t.close();
  });

  const sessionOf = async (who: DemoKey, portal: Portal, maxAgeSeconds = 3600) =>
    (await signIn(t.db, { portal, claims: { ...castByKey(who).claims, acr: LOA3 }, maxAgeSeconds })).loginSessionId;

  it("answers a burst of pages with one read, each page as it would be answered alone", async () => {
    const sanna = await sessionOf("sanna.sjoberg", "slutenvard");
    const berit = await sessionOf("berit.holm", "kommun");
    const ended = await sessionOf("sanna.sjoberg", "slutenvard");
    await endSession(t.db, ended, "slutenvard");
    const expired = await sessionOf("berit.holm", "kommun");
    await t.db
      .update(schema.loginSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.loginSessions.id, expired));
    const asks: [string, Portal][] = [
      [sanna, "slutenvard"],
      [berit, "kommun"],
      [sanna, "kommun"], // the wrong portal for that session
      [ended, "slutenvard"],
      [expired, "kommun"],
      ["00000000-0000-4000-8000-000000000000", "slutenvard"],
      ["inte-en-session", "slutenvard"],
    ];
    const alone: Awaited<ReturnType<typeof loadSession>>[] = [];
    for (const [id, portal] of asks) alone.push(await loadSession(h.db, id, portal));

    let reads = 0;
    const count = () => void (reads += 1);
    h.pool.on("acquire", count);
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => loadSession(h.db, ...asks[i % asks.length]!)));
    h.pool.off("acquire", count);

    expect(reads).toBe(1);
    burst.forEach((view, i) => expect(view).toEqual(alone[i % asks.length]));
    expect(alone.map((v) => v?.name ?? null)).toEqual(["Sanna Sjöberg", "Berit Holm", null, null, null, null, null]);
  });

  it("never answers with a read made before the call: a logout committed while a read is out is seen by the next page", async () => {
    const id = await sessionOf("sanna.sjoberg", "slutenvard");
    const before = loadSession(h.db, id, "slutenvard");
    await endSession(t.db, id, "slutenvard");
    const after = await loadSession(h.db, id, "slutenvard");
    expect(after).toBeNull();
    // The read that was out may have seen the session either way; it was asked before the logout.
    await before;
  });
});
