import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schema, and, eq } from "@vardkedjan/db/client";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import type { Portal } from "@vardkedjan/domain/identity/types";
import type { SessionView } from "../services/identity/session";
import { signInCast } from "../testing/callers";
import { testRouteContext } from "../testing/route-context";
import { withActor } from "./with-actor";
import { documentRoute } from "./routes/documents";
import { eventsRoute } from "./routes/events";

const ORIGIN = "http://localhost:3901";

/**
 * Route handlers (documents, exports, the event stream) through the same action table as the
 * procedures. The session is given, as Auth.js would have read it from the cookie.
 */
describe("withActor", () => {
  let t: TestDatabase;
  let sanna: SessionView;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    sanna = (await signInCast(t.db, "sanna.sjoberg", "slutenvard")).session;
  });
  afterAll(() => t.close());

  const contextOf = (portal: Portal, session: SessionView | null) => testRouteContext(t.db, portal, session, ORIGIN);

  const deniedRows = () =>
    t.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(eq(schema.auditEvents.action, "access.denied"), eq(schema.auditEvents.entityType, "route"), eq(schema.auditEvents.actorStaffId, sanna.staffId)),
      );

  it("refuses a role the action table does not allow, audited, with the answer of a refused procedure", async () => {
    const handle = vi.fn(async () => new Response("inte hit"));
    const res = await withActor(contextOf("slutenvard", sanna), "outage.report", { route: "dokument", signedOut: "login" }, handle);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("Du har inte behörighet att göra detta.");
    expect(handle).not.toHaveBeenCalled();
    expect(await deniedRows()).toEqual([
      expect.objectContaining({ outcome: "denied", entityId: "dokument", role: "avd_ssk", details: { reason: "FORBIDDEN", requiredAction: "outage.report" } }),
    ]);
  });

  it("checks the outage report's action at the route, before the service", async () => {
    const before = (await deniedRows()).length;
    const req = new Request(`${ORIGIN}/dokument/driftstorningsrapport.csv?driftstorning=00000000-0000-4000-8000-000000000000`);
    const res = await documentRoute(contextOf("slutenvard", sanna), req, "driftstorningsrapport.csv");
    expect(res.status).toBe(403);
    expect((await deniedRows()).length).toBe(before + 1);
  });

  it("gives an allowed role's handler the actor of the session", async () => {
    const handle = vi.fn(async () => new Response("ok"));
    const res = await withActor(contextOf("slutenvard", sanna), "case.read", { route: "arendedokument", signedOut: "login" }, handle);
    expect(res.status).toBe(200);
    expect(handle).toHaveBeenCalledWith(
      expect.objectContaining({ staffId: sanna.staffId, context: expect.objectContaining({ role: "avd_ssk", portal: "slutenvard" }) }),
    );
  });

  it("sends someone without a session to log in, and answers a stream 401", async () => {
    const doc = await documentRoute(contextOf("slutenvard", null), new Request(`${ORIGIN}/dokument/reservparm.pdf`), "reservparm.pdf");
    expect(doc.status).toBe(303);
    expect(doc.headers.get("location")).toBe(`${ORIGIN}/logga-in`);
    const events = await eventsRoute(contextOf("slutenvard", null), new Request(`${ORIGIN}/api/events`));
    expect(events.status).toBe(401);
  });

  it("treats a session whose context is of another portal as none", async () => {
    const handle = vi.fn(async () => new Response("inte hit"));
    const res = await withActor(contextOf("kommun", sanna), "case.read", { route: "arendedokument", signedOut: "login" }, handle);
    expect(res.status).toBe(303);
    expect(handle).not.toHaveBeenCalled();
  });

  it("answers an unknown document 404 after the login check", async () => {
    const res = await documentRoute(contextOf("slutenvard", sanna), new Request(`${ORIGIN}/dokument/toString`), "toString");
    expect(res.status).toBe(404);
  });
});
