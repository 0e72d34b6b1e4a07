import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@vardkedjan/db/client";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { MESSAGE_PAYLOAD_SCHEMAS } from "@vardkedjan/domain/case/payloads";
import { phoneContactFormSchema } from "@vardkedjan/domain/outage/phone-form";
import { routineProfileSchema } from "@vardkedjan/domain/outage/profile-schema";
import { APP_ERROR_CODES } from "./errors";
import { seedDemoCases } from "./seed/demo-cases";
import { allowed, listProcedures, outcomeOf, roleCallers, visibleCaseIds, type ProcedureInfo, type RoleCaller } from "./testing/procedures";
import { fuzzInputs, sample, type FuzzInput, type Hints } from "./testing/zod-inputs";
import { watchChanges } from "./testing/fingerprint";

/**
 * Every procedure fed inputs derived from its own zod schema (and, where the schema is free-form,
 * from the domain schema that validates that part: a message's payload per kind, the phone form,
 * the routine profile). A refused input must give no server error, change nothing, and be
 * answered in Swedish.
 */

/** tRPC's, zod's and Node's English defaults, and English words a Swedish message never has. */
const ENGLISH =
  /No procedure|Unexpected token|Cannot convert|Invalid input|expected|received|Too (small|big)|Internal Server|\b(the|is|must|not|found|required|error)\b/i;
const SWEDISH_MESSAGES = new Set<string>(Object.values(APP_ERROR_CODES).map((c) => c.sv));
const isSwedish = (m: string) =>
  !ENGLISH.test(m) &&
  (SWEDISH_MESSAGES.has(m) || /[åäöÅÄÖ]/.test(m) || /\b(och|eller|inte|får|ange|ogiltig|fält|värde|okän|saknas|tecken|välj|högst|minst|val)/i.test(m));

/** The part of an input a domain schema validates, per procedure: where it sits and the variants of its schema. */
function domainParts(p: ProcedureInfo, base: Record<string, unknown>, hints: Hints, recipients: Partial<Record<string, string[]>>): FuzzInput[] {
  switch (p.path) {
    case "case.sendMessage":
      return Object.entries(MESSAGE_PAYLOAD_SCHEMAS).flatMap(([kind, schema]) => {
        const withKind = { ...base, kind, payload: sample(schema, hints), recipientUnitIds: recipients[kind] ?? base.recipientUnitIds };
        return fuzzInputs(schema, withKind, hints, ["payload"]).map((f) => ({ ...f, label: `${kind} ${f.label}` }));
      });
    case "outage.logPhoneContact":
      return fuzzInputs(phoneContactFormSchema, { ...base, form: sample(phoneContactFormSchema, hints) }, hints, ["form"]);
    case "outage.saveRoutineProfile":
      return fuzzInputs(routineProfileSchema, { ...base, profile: sample(routineProfileSchema, hints) }, hints, ["profile"]);
    default:
      return [];
  }
}

/** Where the schema alone does not make a valid base: a general message can be sent in any open case. */
const BASE_OVERRIDES: Record<string, Record<string, unknown>> = {
  "case.sendMessage": { kind: "generellt", payload: { subject: "Fråga", text: "Hur går det?" } },
};

function freshKey(input: unknown, next: () => string): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const o = input as Record<string, unknown>;
  return typeof o.idempotencyKey === "string" && o.idempotencyKey.startsWith("fuzz-nyckel-") ? { ...o, idempotencyKey: next() } : input;
}

describe("fuzz: every procedure with inputs from its own schema", () => {
  let t: TestDatabase;
  let callers: RoleCaller[];
  const procedures = listProcedures();
  const inScope = new Map<string, string | undefined>();
  const perProcedure: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    await seedDemoCases(t.db);
    callers = await roleCallers(t.db);
    for (const rc of callers) inScope.set(rc.role, (await visibleCaseIds(rc.caller))[0]);
  }, 120_000);
  afterAll(async () => {
    const total = Object.values(perProcedure).reduce((a, b) => a + b, 0);
    console.log(
      `Fuzz: ${total} indata över ${Object.keys(perProcedure).length} procedurer; per procedur: ${Object.entries(perProcedure)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    await t?.close();
  });

  it("never answers a server error, never changes state on a refusal, and always answers in Swedish", async () => {
    const problems: string[] = [];
    let key = 0;
    // What each input wrote, from a change log kept by triggers (hashing every table after each of
    // several thousand inputs cost most of the test's time).
    const writtenSince = await watchChanges(t.db);
    await writtenSince();
    // The log sees a committed write and not a rolled-back one (or the test below would prove nothing).
    await t.db.execute(sql`update units set name = name where id = (select id from units limit 1)`);
    expect(await writtenSince()).toContain("units");
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`update units set name = name where id = (select id from units limit 1)`);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await writtenSince()).toEqual([]);
    for (const p of procedures) {
      // The first role that may call the procedure, with a case it sees where the input names one.
      // (A procedure whose caseId names a row of something else, e.g. an invoice basis row that the
      // kommun's economy role disputes without reading the case, falls back to any allowed role.)
      const rc =
        callers.find((c) => allowed(p, c) && (!p.input || !("caseId" in ((p.input as unknown as { shape?: object }).shape ?? {})) || inScope.get(c.role))) ??
        callers.find((c) => allowed(p, c))!;
      // The case's other parties as recipients (per kind, as the case view proposes them), so a
      // message gets as far as being stored.
      const caseId = inScope.get(rc.role);
      const view = p.path === "case.sendMessage" && caseId ? await rc.caller.case.get({ caseId }) : null;
      const others = view ? view.parties.map((x) => x.unitId).filter((u) => !view.viewer.unitIds.includes(u)) : [];
      const hints: Hints = {
        recipientUnitIds: () => others,
        caseId: () => inScope.get(rc.role) ?? "00000000-0000-4000-8000-000000000000",
        identifier: () => TOLVAN_IDENTIFIER,
        contextId: () => rc.contextId,
        idempotencyKey: () => `fuzz-nyckel-${++key}`,
        // The phone form asks whom one spoke with; without it nothing further is looked at.
        counterpartName: () => "Karin på hemsjukvården",
      };
      const base = p.input ? { ...(sample(p.input, hints) as object), ...BASE_OVERRIDES[p.path] } : undefined;
      const inputs: FuzzInput[] = p.input
        ? [...fuzzInputs(p.input, base, hints), ...domainParts(p, base as Record<string, unknown>, hints, view?.viewer.defaultRecipients ?? {})]
        : [
            { label: "utan indata", input: undefined },
            { label: "oväntad indata med NUL", input: { a: "\u0000" } },
          ];
      perProcedure[p.path] = inputs.length;
      for (const { label, input: generated } of inputs) {
        // A fresh idempotency key per input, or every variant would replay the first one's answer.
        const input = freshKey(generated, () => `fuzz-nyckel-${++key}`);
        const where = `${p.path} som ${rc.role} [${label}]`;
        const out = await outcomeOf(rc.caller, p.path, input);
        if (process.env.FUZZ_LOG === p.path) console.log(where, out.ok ? "ok" : `${out.error.code} ${out.message}`);
        const changed = await writtenSince();
        // A change may start work after its commit (e-mail to the contact list's representatives
        // after an outage is declared): wait until the state is still, so it is not blamed on the next input.
        for (let i = 0; out.ok && changed.length > 0 && i < 50; i++) {
          await new Promise((r) => setTimeout(r, 10));
          if ((await writtenSince()).length === 0) break;
        }
        if (!out.ok) {
          if (out.error.code === "INTERNAL_SERVER_ERROR")
            problems.push(`${where}: serverfel ${String(out.error.cause?.message ?? out.error.message).slice(0, 160)}`);
          if (changed.length) problems.push(`${where}: nekad men ändrade ${changed.join(", ")}`);
          if (!isSwedish(out.message)) problems.push(`${where}: meddelandet är inte svenska: ${out.message.slice(0, 120)}`);
          if (out.message.length > 500) problems.push(`${where}: meddelandet har ${out.message.length} tecken`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
