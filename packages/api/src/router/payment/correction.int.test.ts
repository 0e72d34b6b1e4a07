import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, sql } from "@vardkedjan/db/client";
import { TOLVAN_IDENTIFIER } from "@vardkedjan/db/seed";
import { addDaysToIsoDate, stockholmDate, stockholmInstant } from "@vardkedjan/domain/time/stockholm";
import { castCallers } from "../../testing/callers";
import { demoActor } from "../../seed/actors";
import { runCase, thirdOfLastMonth } from "../../seed/demo-cases";
import { getCase } from "../../services/case/get-case";
import { sendMessage } from "../../services/case/send-message";

/**
 * A discharge registered after an outage, with its original time in a month already fixed: the
 * fixed month keeps its rows, and the days that were invoiced but did not happen come back as a
 * negative correction row in the next open month.
 *
 * Tolvan (folkbokförd in Eskilstuna) is admitted the 3rd of last month, ready the 4th at 19:00
 * (day 0), days 5–7 free, so the 8th is the first payment day; the stay goes on, so last month is
 * fixed with the 8th to the month's last day. Then the discharge is registered after an outage at
 * its original time, the 10th at 12:00: the days are the 8th, 9th and 10th.
 */
describe("a change after Fastställ becomes a correction row", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  const now = new Date();
  const lastMonth = stockholmDate(thirdOfLastMonth(now)).slice(0, 7);
  const thisMonth = stockholmDate(now).slice(0, 7);
  const lastDay = Number(addDaysToIsoDate(`${thisMonth}-01`, -1).slice(8, 10));
  let eskilstuna = "";
  let caseId = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const actors = {
      ward: await demoActor(t.db, "sanna.sjoberg", "slutenvard", now),
      kommun: await demoActor(t.db, "berit.holm", "kommun", now),
      vc: await demoActor(t.db, "fredrik.vall", "primarvard", now),
    };
    await runCase(t.db, actors, TOLVAN_IDENTIFIER, "correction:a", thirdOfLastMonth(now), "utskrivningsklar", false);
    caseId = (await t.db.execute<{ id: string }>(sql`select id from coordination_cases`)).rows[0]!.id;
    eskilstuna = (await t.db.execute<{ id: string }>(sql`select id from organisations where municipality_code = '0484'`)).rows[0]!.id;
  }, 120_000);
  afterAll(() => t.close());

  it("fixes last month with the ongoing stay's days to the month's end", async () => {
    const locked = await (await as("maria.ekholm", "forvaltning")).payment.lockMonth({ municipalityId: eskilstuna, month: lastMonth });
    expect(locked.rows.map((r) => [r.caseId, r.kind, r.days, r.amountKr])).toEqual([[caseId, "ordinarie", lastDay - 7, (lastDay - 7) * 10_500]]);
  });

  it("an after-registered discharge at its original time gives the days back in the next open month", async () => {
    const ward = await demoActor(t.db, "sanna.sjoberg", "slutenvard", now);
    const dischargedAt = stockholmInstant(`${lastMonth}-10`, "12:00");
    const view = await getCase(t.db, ward, caseId, now);
    await sendMessage(
      t.db,
      ward,
      {
        caseId,
        kind: "utskrivningsmeddelande",
        payload: { dischargedAt: dischargedAt.toISOString(), dischargePlan: "Hem med hemtjänst.", medicationList: "Enligt lista" },
        recipientUnitIds: view.viewer.defaultRecipients.utskrivningsmeddelande ?? [],
        idempotencyKey: "correction:discharge",
        afterRegistration: { occurredAt: dischargedAt, outageId: randomUUID() },
      },
      now,
    );
    const maria = await as("maria.ekholm", "forvaltning");
    // The fixed month is as it was fixed.
    const fixed = await maria.payment.invoiceBasis({ municipalityId: eskilstuna, month: lastMonth });
    expect(fixed.total).toEqual({ days: lastDay - 7, amountKr: (lastDay - 7) * 10_500 });
    // This month: no ordinary days (discharged last month), one correction: 3 days now minus those invoiced.
    const open = await maria.payment.invoiceBasis({ municipalityId: eskilstuna, month: thisMonth });
    expect(open.rows.map((r) => [r.caseId, r.kind, r.serviceMonth, r.days, r.amountKr])).toEqual([
      [caseId, "rattelse", lastMonth, 3 - (lastDay - 7), (3 - (lastDay - 7)) * 10_500],
    ]);
    const periods = await t.db.select().from(schema.casePaymentPeriods);
    expect(periods.map((p) => [p.fromDate, p.toDate])).toEqual([[`${lastMonth}-08`, `${lastMonth}-10`]]);
  });
});
