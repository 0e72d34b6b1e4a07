import { afterAll, beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import { sql } from "@vardkedjan/db/client";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { TOLVAN_IDENTIFIER, type DemoKey } from "@vardkedjan/db/seed";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { castCallers, openWardCase, signInCast } from "../testing/callers";
import type { ApiContext } from "../trpc";
import { handleTrpcRequest } from "./routes/trpc";
import { prefetchQueries } from "./prefetch";

/** A case id no case has. */
const NO_CASE = "00000000-0000-4000-8000-000000000000";

/**
 * The pages' server-side queries (portal.prefetch) are calls of the API, not a way around it: the
 * same refusals and the same audit rows as the same query over HTTP (`/api/trpc`).
 */
describe("prefetchQueries (the pages' server-side tRPC calls)", () => {
  let t: TestDatabase;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const as = castCallers(() => ({ db: t.db }));
    ({ caseId } = await openWardCase(await as("sanna.sjoberg", "slutenvard"), TOLVAN_IDENTIFIER, "prefetch-arende-1"));
  }, 60_000);
  afterAll(() => t?.close());

  const contextOf = async (who: DemoKey | null, portal: Portal): Promise<ApiContext> => ({
    db: t.db,
    portal,
    session: who ? (await signInCast(t.db, who, portal)).session : null,
    expectedContextId: null,
  });

  const lastAuditId = async () => Number((await t.db.execute<{ id: string | null }>(sql`select max(id) as id from audit_events`)).rows[0]!.id ?? 0);
  /** The audit rows written since `after`, without what differs by nature between two calls (ids, times). */
  const auditSince = async (after: number) =>
    (
      await t.db.execute<{ action: string; outcome: string; role: string | null; entity_type: string | null; entity_id: string | null; details: unknown }>(
        sql`select action, outcome, role, entity_type, entity_id, details from audit_events where id > ${after} order by id`,
      )
    ).rows;

  /** The same query over HTTP, as the page's client component sends it. */
  const overHttp = (context: ApiContext, input: unknown) =>
    handleTrpcRequest(
      new Request("http://localhost/api/trpc/case.get", {
        method: "POST",
        body: JSON.stringify(superjson.serialize(input)),
        headers: { "content-type": "application/json" },
      }),
      async () => context,
    );

  async function bothWays(context: ApiContext, input: { caseId: string }) {
    const before = await lastAuditId();
    const state = await prefetchQueries(
      async () => context,
      (trpc) => [trpc.case.get.queryOptions(input)],
    );
    const server = await auditSince(before);
    const middle = await lastAuditId();
    const res = await overHttp(context, input);
    const body = (await res.json()) as { error?: { json: { data: { appCode: string } } } };
    return { state, server, http: await auditSince(middle), status: res.status, body };
  }

  it("hands a case the unit may read to the page, under the client's query key, audited as a read as over HTTP", async () => {
    const sanna = await contextOf("sanna.sjoberg", "slutenvard");
    const { state, server, http, status } = await bothWays(sanna, { caseId });
    expect(status).toBe(200);
    expect(state.queries).toHaveLength(1);
    const [query] = state.queries;
    expect(query!.queryKey).toEqual([["case", "get"], { input: { caseId }, type: "query" }]);
    expect(query!.state.status).toBe("success");
    const view = superjson.deserialize<{ id: string; admittedAt: unknown }>(query!.state.data as Parameters<typeof superjson.deserialize>[0]);
    expect(view.id).toBe(caseId);
    expect(server).toEqual(http);
    expect(server).toEqual([expect.objectContaining({ action: "case.read", outcome: "success", entity_id: caseId })]);
  });

  it("leaves out a case the unit may not see, audited as the same refusal as over HTTP", async () => {
    const sanna = await contextOf("sanna.sjoberg", "slutenvard");
    const { state, server, http, body } = await bothWays(sanna, { caseId: NO_CASE });
    expect(body.error?.json.data.appCode).toBe("NOT_FOUND");
    expect(state.queries).toEqual([]);
    expect(server).toEqual(http);
    expect(server).toEqual([expect.objectContaining({ outcome: "denied", entity_id: NO_CASE })]);
  });

  it("leaves out a query the role may not make (Förvaltning reading a case), audited as over HTTP", async () => {
    const asa = await contextOf("asa.berg", "forvaltning");
    const { state, server, http, body } = await bothWays(asa, { caseId });
    expect(body.error?.json.data.appCode).toBe("FORBIDDEN");
    expect(state.queries).toEqual([]);
    expect(server).toEqual(http);
    expect(server).toEqual([
      expect.objectContaining({
        action: "access.denied",
        outcome: "denied",
        role: "sysadmin",
        entity_id: "case.get",
        details: { reason: "FORBIDDEN", requiredAction: "case.read" },
      }),
    ]);
  });

  it("without a session: nothing for the page, as the API answers UNAUTHENTICATED", async () => {
    const nobody = await contextOf(null, "slutenvard");
    const { state, server, http, body } = await bothWays(nobody, { caseId });
    expect(body.error?.json.data.appCode).toBe("UNAUTHENTICATED");
    expect(state.queries).toEqual([]);
    expect(server).toEqual(http);
  });
});
