import { schema, and, eq, type Db } from "@vardkedjan/db/client";
import type { DemoKey } from "@vardkedjan/db/seed";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { Actor } from "../actor";
import { createCase } from "../services/case/create-case";
import { getCase } from "../services/case/get-case";
import { sendMessage, acknowledgeMessage } from "../services/case/send-message";
import { addDaysToIsoDate, stockholmDate, stockholmInstant } from "@vardkedjan/domain/time/stockholm";
import { demoActor } from "./actors";
import { HISTORY_DISCHARGE_REASON } from "./history/plan";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Stage = "inskriven_forsenad" | "planering" | "utskrivningsklar" | "utskriven" | "avslutad_och_ater";

interface RegionCast {
  code: string;
  ward: DemoKey;
  kommun: DemoKey;
  vc: DemoKey;
  /** Patients (test numbers only) and the stage their demo case is left in. */
  cases: { identifier: string; stage: Stage; withVc: boolean }[];
}

/** The demo cases: every stage in each region, including overdue steps. Tolvan is left free for the demo flow. */
const REGIONS: RegionCast[] = [
  {
    code: "srm",
    ward: "sanna.sjoberg",
    kommun: "berit.holm",
    vc: "fredrik.vall",
    cases: [
      { identifier: "195009072553", stage: "avslutad_och_ater", withVc: true },
      { identifier: "200001252386", stage: "utskrivningsklar", withVc: true },
      { identifier: "196101182803", stage: "inskriven_forsenad", withVc: false },
      { identifier: "194408139089", stage: "utskriven", withVc: false },
    ],
  },
  {
    code: "vnl",
    ward: "emma.nordin",
    kommun: "eva.sandberg",
    vc: "lena.vestin",
    cases: [
      { identifier: "199002222397", stage: "planering", withVc: true },
      { identifier: "189002029800", stage: "utskrivningsklar", withVc: true },
      { identifier: "199006022397", stage: "inskriven_forsenad", withVc: false },
      { identifier: "196109732393", stage: "avslutad_och_ater", withVc: false },
    ],
  },
  {
    code: "rjh",
    ward: "sara.jonsson",
    kommun: "jenny.astrom",
    vc: "anna.westberg",
    cases: [
      { identifier: "200302022389", stage: "planering", withVc: true },
      { identifier: "190104132386", stage: "utskrivningsklar", withVc: true },
      { identifier: "189602029812", stage: "inskriven_forsenad", withVc: false },
      { identifier: "98240301AA06", stage: "avslutad_och_ater", withVc: false },
    ],
  },
];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

async function unitIdOfScope(db: Db, actor: Actor): Promise<string> {
  const [u] = await db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.hsaId, actor.context.scopeHsaId!));
  return u!.id;
}

/** One case through the real services, with the clock set back so deadlines fall where the story needs them. Tests reuse it. */
export async function runCase(
  db: Db,
  actors: { ward: Actor; kommun: Actor; vc: Actor },
  identifier: string,
  key: string,
  admittedAt: Date,
  until: "inskriven" | "planering" | "utskrivningsklar" | "utskriven" | "avslutad",
  withVc: boolean,
  manualName?: { givenName: string; familyName: string },
  /** How long the patient waits, ready for discharge, before the kommun is ready: a long wait makes payment days. */
  waitAfterReadyMs = 0,
) {
  const [existing] = await db
    .select({ id: schema.coordinationCases.id })
    .from(schema.coordinationCases)
    .where(and(eq(schema.coordinationCases.createdByStaffId, actors.ward.staffId), eq(schema.coordinationCases.creationKey, key)));
  if (existing) return;
  const kommunUnit = await unitIdOfScope(db, actors.kommun);
  const vcUnit = withVc ? await unitIdOfScope(db, actors.vc) : null;
  const { caseId } = await createCase(db, actors.ward, {
    identifier,
    admittedAt,
    wardUnitId: await unitIdOfScope(db, actors.ward),
    careType: "somatisk",
    lpt: false,
    lrv: false,
    municipalityUnitId: kommunUnit,
    primaryCareUnitId: vcUnit,
    otherPartyUnitIds: [],
    manualName: manualName ?? null,
    idempotencyKey: key,
  });
  let clock = admittedAt.getTime();
  let n = 0;
  const send = async (actor: Actor, kind: MessageKind, payload: Record<string, unknown>, afterMs: number, freeText?: string) => {
    clock += afterMs;
    const view = await getCase(db, actor, caseId, new Date(clock));
    // A demo discharge before the vårdcentral has named its fast vårdkontakt is sent as a ward would: deliberately, with a reason.
    const confirmation = kind === "utskrivningsmeddelande" ? { confirmed: true, reason: HISTORY_DISCHARGE_REASON } : null;
    await sendMessage(
      db,
      actor,
      {
        caseId,
        kind,
        payload,
        freeText: freeText ?? null,
        recipientUnitIds: view.viewer.defaultRecipients[kind] ?? [],
        idempotencyKey: `${key}:${++n}`,
        confirmation,
      },
      new Date(clock),
    );
  };
  const ackAll = async (actor: Actor, afterMs: number) => {
    clock += afterMs;
    const view = await getCase(db, actor, caseId, new Date(clock));
    for (const m of view.messages.filter((x) => x.awaitingMyAcknowledgement)) await acknowledgeMessage(db, actor, { caseId, messageId: m.id }, new Date(clock));
  };

  await send(
    actors.ward,
    "samtycke",
    {
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "informationsoverforing_vardcentral", given: true },
        { kind: "npo", given: true },
        { kind: "sip", given: true },
      ],
    },
    2 * HOUR,
  );
  if (until === "inskriven") return;
  await send(actors.ward, "inskrivningsmeddelande", { estimatedDischargeDate: isoDate(new Date(admittedAt.getTime() + 5 * DAY)) }, 3 * HOUR);
  await ackAll(actors.kommun, 2 * HOUR);
  await send(actors.kommun, "svar_pa_inskrivning", { currentServices: "Hemtjänst morgon och kväll", knownToUnit: true }, HOUR);
  await send(
    actors.ward,
    "planeringsunderlag",
    {
      version: 1,
      needs: "Stöd vid personlig hygien och måltider",
      adlStatus: "Går med rollator",
      homeSituation: "Bor ensam i lägenhet med hiss",
      track: "gul",
    },
    6 * HOUR,
  );
  if (until === "planering") return;
  await send(actors.ward, "utskrivningsklar", { decidedAt: new Date(clock + 20 * HOUR).toISOString(), decidedBy: "Dr Lisa Läkare" }, 21 * HOUR);
  await ackAll(actors.kommun, HOUR);
  if (until === "utskrivningsklar") return;
  await send(actors.kommun, "kommunklar", { ready: true }, 4 * HOUR + waitAfterReadyMs);
  await send(
    actors.ward,
    "utskrivningsmeddelande",
    {
      dischargedAt: new Date(clock + 20 * HOUR).toISOString(),
      dischargePlan: "Hem med utökad hemtjänst. Uppföljning på vårdcentralen om två veckor.",
      medicationList: "Enligt bifogad läkemedelslista",
    },
    20 * HOUR,
  );
  await ackAll(actors.kommun, HOUR);
  if (until === "utskriven") return;
  await send(actors.ward, "avslut", { reason: "utskriven_klar" }, 2 * DAY);
}

/** 08:00 Stockholm time on the 3rd of the month before `now`'s. */
export function thirdOfLastMonth(now: Date): Date {
  const firstOfThisMonth = `${stockholmDate(now).slice(0, 7)}-01`;
  const lastMonth = addDaysToIsoDate(firstOfThisMonth, -1).slice(0, 7);
  return stockholmInstant(`${lastMonth}-03`, "08:00");
}

/**
 * Demo cases for a living system, made through the services (so every invariant and audit row
 * holds) and idempotent: a case already made under its key is left as it is.
 */
export async function seedDemoCases(db: Db, now = new Date()): Promise<number> {
  let made = 0;
  for (const region of REGIONS) {
    const actors = {
      ward: await demoActor(db, region.ward, "slutenvard", now),
      kommun: await demoActor(db, region.kommun, "kommun", now),
      vc: await demoActor(db, region.vc, "primarvard", now),
    };
    for (const [i, c] of region.cases.entries()) {
      const key = `demo:${region.code}:${i}`;
      const name = /[A-Z]/.test(c.identifier) ? { givenName: "Okänd", familyName: "Patient (reservnummer)" } : undefined;
      switch (c.stage) {
        case "inskriven_forsenad":
          await runCase(db, actors, c.identifier, key, new Date(now.getTime() - 30 * HOUR), "inskriven", c.withVc, name);
          break;
        case "planering":
          await runCase(db, actors, c.identifier, key, new Date(now.getTime() - 2 * DAY), "planering", c.withVc, name);
          break;
        case "utskrivningsklar":
          await runCase(db, actors, c.identifier, key, new Date(now.getTime() - 4 * DAY), "utskrivningsklar", c.withVc, name);
          break;
        case "utskriven":
          await runCase(db, actors, c.identifier, key, new Date(now.getTime() - 6 * DAY), "utskriven", c.withVc, name);
          break;
        case "avslutad_och_ater":
          // A finished stay in the previous calendar month with a week's wait for the kommun (so
          // last month's invoice basis has payment days), then a readmission (linked to it) now in planning.
          await runCase(db, actors, c.identifier, `${key}:a`, thirdOfLastMonth(now), "avslutad", c.withVc, name, 6 * DAY);
          await runCase(db, actors, c.identifier, `${key}:b`, new Date(now.getTime() - 2 * DAY), "planering", c.withVc, name);
          break;
      }
      made += 1;
    }
  }
  return made;
}
