import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { sql } from "@vardkedjan/db/client";
import { castByKey, TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { castCallers, openWardCase } from "./testing/callers";
import { clientShape, outcomeOf } from "./testing/procedures";
import { stateFingerprint, changedTables } from "./testing/fingerprint";
import type { TRPCError } from "@trpc/server";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "./trpc";
import { handleTrpcRequest, MAX_BATCH_SIZE } from "./portal/routes/trpc";

/** Refusals are audited, malformed input is refused in Swedish and changes nothing, at the API and over HTTP. */
describe("robustness of the API", () => {
  let t: TestDatabase;
  let as: ReturnType<typeof castCallers>;
  let caseId: string;
  let recipients: string[];

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    as = castCallers(() => ({ db: t.db }));
    ({ caseId } = await openWardCase(await as("sanna.sjoberg", "slutenvard"), TOLVAN_IDENTIFIER, "robust-arende-1"));
    const view = await (await as("sanna.sjoberg", "slutenvard")).case.get({ caseId });
    recipients = view.parties.map((p) => p.unitId).filter((u) => !view.viewer.unitIds.includes(u));
  }, 60_000);
  afterAll(() => t?.close());

  const deniedRows = async () =>
    (
      await t.db.execute<{ actor_hsa_id: string; role: string; entity_id: string; details: Record<string, unknown>; category: string }>(
        sql`select actor_hsa_id, role, entity_id, details, category from audit_events where action = 'access.denied' and outcome = 'denied' order by id`,
      )
    ).rows;

  it("audits a refusal at the role level: an administrator calling a case procedure", async () => {
    const admin = await as("asa.berg", "forvaltning");
    const before = (await deniedRows()).length;
    const out = await outcomeOf(admin, "case.get", { caseId });
    expect(out).toMatchObject({ ok: false, appCode: "FORBIDDEN", message: "Du har inte behörighet att göra detta." });
    const rows = await deniedRows();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actor_hsa_id: castByKey("asa.berg").employeeHsaId,
      role: "sysadmin",
      entity_id: "case.get",
      category: "security",
      details: { reason: "FORBIDDEN", requiredAction: "case.read" },
    });
  });

  it("audits a refusal for the wrong portal: a kommun role calling a ward procedure", async () => {
    const berit = await as("berit.holm", "kommun");
    const out = await outcomeOf(berit, "case.prepare", { identifier: "191212121212" });
    expect(out).toMatchObject({ ok: false, appCode: "WRONG_PORTAL" });
    expect((await deniedRows()).at(-1)).toMatchObject({
      role: "bistandshandlaggare",
      entity_id: "case.prepare",
      details: { reason: "WRONG_PORTAL", requiredPortal: "slutenvard" },
    });
  });

  async function refusedWithoutChange(path: string, input: unknown, who: Parameters<typeof as> = ["sanna.sjoberg", "slutenvard"]) {
    const caller = await as(...who);
    const before = await stateFingerprint(t.db);
    const out = await outcomeOf(caller, path, input);
    expect(changedTables(before, await stateFingerprint(t.db))).toEqual([]);
    if (out.ok) throw new Error(`${path} tog emot indata som borde nekas`);
    return { code: out.error.code, appCode: out.appCode, message: out.message, fields: clientShape(out.error, path).data.fieldErrors };
  }

  it("refuses a NUL byte in any text, a search included, in Swedish with the field", async () => {
    expect(await refusedWithoutChange("case.list", { search: "Sven\u0000" })).toEqual({
      code: "BAD_REQUEST",
      appCode: "INVALID_INPUT",
      message: "Fältet innehåller otillåtna tecken (styrtecken).",
      fields: [{ path: "search", message: "Fältet innehåller otillåtna tecken (styrtecken)." }],
    });
    const send = { caseId, kind: "generellt", recipientUnitIds: recipients, idempotencyKey: "robust-nul-1" };
    expect((await refusedWithoutChange("case.sendMessage", { ...send, payload: { subject: "Fråga", text: "Hej\u0000" } })).fields).toEqual([
      { path: "payload.text", message: expect.stringMatching(/styrtecken/) },
    ]);
    expect((await refusedWithoutChange("case.sendMessage", { ...send, payload: { subject: "Fråga", text: "Hej", "x\u0000": 1 } })).appCode).toBe(
      "INVALID_INPUT",
    );
    expect((await refusedWithoutChange("case.sendMessage", { ...send, payload: { subject: "Fråga", text: "Hej" }, freeText: "\u0000" })).fields).toEqual([
      { path: "freeText", message: expect.any(String) },
    ]);
    expect((await refusedWithoutChange("case.sendMessage", { ...send, payload: { subject: "Fråga \ud800", text: "Hej" } })).fields).toEqual([
      { path: "payload.subject", message: "Fältet innehåller ogiltiga tecken." },
    ]);
  });

  it("refuses a date far out of range and an invalid date", async () => {
    const sanna = await as("sanna.sjoberg", "slutenvard");
    const prep = await sanna.case.prepare({ identifier: "194408139089" });
    const create = (admittedAt: Date) => ({
      identifier: "194408139089",
      admittedAt,
      wardUnitId: prep.options.wards[0]!.id,
      careType: "somatisk",
      municipalityUnitId: prep.proposed.municipalityUnitId,
      primaryCareUnitId: null,
      idempotencyKey: `robust-datum-${admittedAt.getTime()}`,
    });
    for (const d of [new Date("9999-12-31T00:00:00Z"), new Date(8.64e15), new Date("1800-01-01T00:00:00Z"), new Date(NaN)]) {
      const r = await refusedWithoutChange("case.create", create(d));
      expect(r.appCode).toBe("INVALID_INPUT");
      expect(r.fields?.[0]?.path).toBe("admittedAt");
      expect(r.message).toMatch(/datum/i);
    }
  });

  it("refuses the same recipient twice", async () => {
    const r = await refusedWithoutChange("case.sendMessage", {
      caseId,
      kind: "generellt",
      payload: { subject: "Fråga", text: "Hej" },
      recipientUnitIds: [recipients[0], recipients[0]],
      idempotencyKey: "robust-dubbel-1",
    });
    expect(r).toMatchObject({ appCode: "INVALID_INPUT", fields: [{ path: "recipientUnitIds", message: "Samma enhet får bara anges en gång." }] });
  });

  it("answers in Swedish with a zod issue of its own kind", async () => {
    const r = await refusedWithoutChange("case.list", { search: "x".repeat(101) });
    expect(r).toMatchObject({ appCode: "INVALID_INPUT", fields: [{ path: "search", message: "Högst 100 tecken." }] });
  });

  it("answers a value the database refuses as invalid input and a lost unique race as a conflict, never a server error", async () => {
    // The last line behind the schemas: a procedure whose query the database refuses.
    const pg = (code: string) =>
      Object.assign(new Error("Failed query: insert … params: Sven"), { cause: Object.assign(new Error("x"), { code, severity: "ERROR" }) });
    const router = createTRPCRouter({
      nul: publicProcedure.query(() => Promise.reject(pg("22021"))),
      race: publicProcedure.query(() => Promise.reject(pg("23505"))),
      bug: publicProcedure.query(() => Promise.reject(pg("42601"))),
    });
    const caller = createCallerFactory(router)({ db: t.db, portal: "slutenvard", session: null, expectedContextId: null });
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: TRPCError) => [e.code, clientShape(e, "x").message],
      );
    expect(await codeOf(caller.nul())).toEqual(["BAD_REQUEST", "Uppgifterna är ofullständiga eller felaktiga."]);
    expect(await codeOf(caller.race())).toEqual(["CONFLICT", expect.stringMatching(/ändrat uppgifterna/)]);
    expect(await codeOf(caller.bug())).toEqual(["INTERNAL_SERVER_ERROR", expect.stringMatching(/Något gick fel/)]);
  });

  describe("over HTTP (the portal's /api/trpc)", () => {
    const post = (path: string, body: string, init: RequestInit = {}) =>
      handleTrpcRequest(
        new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body, headers: { "content-type": "application/json" }, ...init }),
        async () => ({
          db: t.db,
          portal: "slutenvard",
          session: null,
          expectedContextId: null,
        }),
      );

    async function jsonError(res: Response) {
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as unknown;
      // The transformer (superjson) wraps the error shape in `json`.
      const items = ((Array.isArray(body) ? body : [body]) as { error: { json: { message: string; data: { appCode: string } } } }[]).map((i) => i.error.json);
      for (const item of items) {
        expect(item.message).toMatch(/[åäö]/);
        expect(item.message).not.toMatch(/No procedure|Unexpected token|Cannot convert|JSON/);
      }
      return { status: res.status, appCodes: items.map((i) => i.data.appCode), message: items[0]!.message };
    }

    it("an unknown procedure", async () => {
      expect(await jsonError(await post("finns.inte", "{}"))).toMatchObject({ status: 404, appCodes: ["UNKNOWN_PROCEDURE"] });
    });

    it("a body that is not JSON", async () => {
      expect(await jsonError(await post("session.switchContext", "{inte json"))).toMatchObject({ status: 400, appCodes: ["MALFORMED_REQUEST"] });
    });

    it("a value the transformer cannot read (a bigint that is no number)", async () => {
      expect(
        await jsonError(await post("session.switchContext", JSON.stringify({ json: { contextId: "x" }, meta: { values: { contextId: ["bigint"] } } }))),
      ).toMatchObject({
        status: 400,
        appCodes: ["MALFORMED_REQUEST"],
      });
    });

    it("malformed and oversized batches", async () => {
      expect((await jsonError(await post("session.current,system.health?batch=1", "[1,2]"))).status).toBe(400);
      expect((await jsonError(await post("session.current,system.health?batch=1", '{"0":'))).status).toBe(400);
      const many = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => "system.health").join(",");
      expect((await jsonError(await post(`${many}?batch=1`, "{}"))).status).toBe(400);
    });

    it("a mutation asked for with GET", async () => {
      const res = await handleTrpcRequest(new Request("http://localhost/api/trpc/session.switchContext?input=%7B%7D"), async () => ({
        db: t.db,
        portal: "slutenvard",
        session: null,
        expectedContextId: null,
      }));
      expect(await jsonError(res)).toMatchObject({ status: 405, appCodes: ["METHOD_NOT_ALLOWED"] });
    });
  });
});
