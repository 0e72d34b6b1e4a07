import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq } from "@vardkedjan/db/client";
import { castCallers, signInCast } from "../testing/callers";
import { actorOf } from "../services/identity/session";
import { contextScope, outageStateOfSession } from "../services/outage/current";
import { declareOutage, endOutage } from "../services/outage/manage";
import { demoActor } from "../seed/actors";
import { EventHub } from "./hub";
import { eventStream } from "./stream";

/** An open page's live-update stream when an outage of its region changes, as /api/events opens it. */
describe("the outage event on an open page's stream", () => {
  let t: TestDatabase;
  let hub: EventHub;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    hub = new EventHub(t.url);
    await hub.ready();
  });
  afterAll(async () => {
    await hub.close();
    await t.close();
  });
  const as = castCallers(() => ({ db: t.db, mailer: null, outageCache: hub.outages }));

  async function openPage() {
    const { session } = await signInCast(t.db, "sanna.sjoberg", "slutenvard");
    const actor = actorOf(session)!;
    const { regionId, unitIds } = await contextScope(t.db, actor, hub.outages);
    const abort = new AbortController();
    const reader = eventStream(hub, actor, [...unitIds], regionId, abort.signal, () =>
      outageStateOfSession(t.db, actor, "slutenvard", hub.outages),
    ).getReader();
    const decoder = new TextDecoder();
    let text = "";
    /** The stream's text until `pattern` appears, or until it closes. */
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) return { text, closed: true };
        text += decoder.decode(value);
      }
      return { text, closed: false };
    };
    await until(/ansluten/);
    return { session, until, abort };
  }

  it("carries what outage.current answers the page, so the banner needs no request", async () => {
    const page = await openPage();
    const asa = await demoActor(t.db, "asa.berg", "forvaltning");
    const { outageId } = await declareOutage(t.db, asa, { system: "journalsystem", scope: "region", message: "Prov", idempotencyKey: "event-state" });
    const { text } = await page.until(/event: outage\ndata: .*\n/);
    page.abort.abort();
    const data = JSON.parse(/event: outage\ndata: (.*)\n/.exec(text)![1]!) as { outageId: string; current: unknown };
    expect(data.outageId).toBe(outageId);
    // Exactly the procedure's answer for the same person and context, as JSON.
    const answer = await (await as("sanna.sjoberg", "slutenvard")).outage.current();
    expect(answer.map((o) => o.id)).toEqual([outageId]);
    expect(data.current).toEqual(JSON.parse(JSON.stringify(answer)));
    await endOutage(t.db, asa, outageId);
  });

  it("closes instead of sending it once the page's session has ended", async () => {
    const page = await openPage();
    await t.db.update(schema.loginSessions).set({ endedAt: new Date() }).where(eq(schema.loginSessions.id, page.session.loginSessionId));
    const asa = await demoActor(t.db, "asa.berg", "forvaltning");
    const { outageId } = await declareOutage(t.db, asa, { system: "journalsystem", scope: "region", idempotencyKey: "event-ended-session" });
    const { text, closed } = await page.until(/event: outage/);
    expect(closed).toBe(true);
    expect(text).not.toMatch(/event: outage/);
    await endOutage(t.db, asa, outageId);
  });
});
