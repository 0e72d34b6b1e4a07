import { stockholmInstant as at } from "../time/stockholm";
import type { CaseEvent, MessageKind, PartyRole } from "../case/types";
import type { AfterRegistrationCase } from "./after-registration";
import type { ScopeUnit } from "./scope";
import type { OutageScope, OutageSystem, OutageWindow, PhoneContactEntry } from "./types";

/**
 * A small region for the outage tests: Region Sörmland with one hospital (two wards), a kommun
 * (biståndsenhet, hemsjukvård, hemtjänst) and a vårdcentral; and a ward of another region.
 */

export const REGION = "00000000-0000-4000-8000-0000000000a1";
export const OTHER_REGION = "00000000-0000-4000-8000-0000000000a2";
export const KOMMUN_ORG = "00000000-0000-4000-8000-0000000000b0";

export const HOSPITAL = "00000000-0000-4000-8000-0000000000d0";
export const WARD_A = "00000000-0000-4000-8000-0000000000d1";
export const WARD_B = "00000000-0000-4000-8000-0000000000d2";
export const BIST = "00000000-0000-4000-8000-0000000000b1";
export const HSV = "00000000-0000-4000-8000-0000000000b2";
export const HTJ = "00000000-0000-4000-8000-0000000000b3";
export const VC = "00000000-0000-4000-8000-0000000000c1";
export const FAR_WARD = "00000000-0000-4000-8000-0000000000e1";

export const UNITS: ScopeUnit[] = [
  { id: HOSPITAL, regionId: REGION, name: "Mälarsjukhuset" },
  { id: WARD_A, regionId: REGION, ancestors: [HOSPITAL], name: "Avd 12 Medicin" },
  { id: WARD_B, regionId: REGION, ancestors: [HOSPITAL], name: "Avd 14 Ortopedi" },
  { id: BIST, regionId: REGION, name: "Biståndsenheten Eskilstuna" },
  { id: HSV, regionId: REGION, name: "Hemsjukvården Eskilstuna" },
  { id: HTJ, regionId: REGION, name: "Hemtjänst Centrum" },
  { id: VC, regionId: REGION, name: "Vårdcentralen Fröslunda" },
  { id: FAR_WARD, regionId: OTHER_REGION, name: "Avd 11 Sundsvall" },
];

export const ROLE_OF: Record<string, PartyRole> = {
  [WARD_A]: "avdelning",
  [WARD_B]: "avdelning",
  [BIST]: "kommun",
  [HSV]: "hemsjukvard",
  [HTJ]: "hemtjanst",
  [VC]: "vardcentral",
  [FAR_WARD]: "avdelning",
};

export { at };

export function outage(
  id: string,
  startedAt: Date,
  endedAt: Date | null,
  scope: OutageScope = { kind: "region" },
  system: OutageSystem = "samordning",
  regionId = REGION,
): OutageWindow {
  return { id, regionId, scope, system, startedAt, endedAt };
}

let callSeq = 0;
/** A phone contact; defaults: the ward gave it to the biståndshandläggare. */
export function call(p: Partial<PhoneContactEntry> & Pick<PhoneContactEntry, "occurredAt" | "steps">): PhoneContactEntry {
  callSeq += 1;
  return {
    id: `call-${String(callSeq).padStart(4, "0")}`,
    outageId: "o1",
    caseId: null,
    patientId: "patient-1",
    unitId: WARD_A,
    counterpartKind: "enhet",
    counterpartName: "Anna Berg",
    counterpartUnitId: BIST,
    counterpartUnitText: null,
    direction: "lamnat",
    comment: null,
    receiverConfirmed: false,
    ...p,
  };
}

let eventSeq = 0;
export function ev(kind: MessageKind, occurredAt: Date, from: string, to: string[], payload: Record<string, unknown> = {}): CaseEvent {
  eventSeq += 1;
  return {
    id: `ev-${eventSeq}`,
    kind,
    occurredAt,
    senderUnitId: from,
    senderRole: ROLE_OF[from] ?? "avdelning",
    recipientUnitIds: to,
    payload,
  };
}

export function arCase(p: Partial<AfterRegistrationCase> & Pick<AfterRegistrationCase, "id" | "admittedAt">): AfterRegistrationCase {
  return {
    patientId: "patient-1",
    wardUnitId: WARD_A,
    parties: [
      { unitId: WARD_A, role: "avdelning" },
      { unitId: BIST, role: "kommun" },
      { unitId: VC, role: "vardcentral" },
    ],
    dischargedAt: null,
    events: [],
    provisional: false,
    ...p,
  };
}

/** A day's outage: Monday 2026-03-02 08:00–16:00, the whole region. */
export const DAY_START = at("2026-03-02", "08:00");
export const DAY_END = at("2026-03-02", "16:00");
export const DAY_OUTAGE = outage("o1", DAY_START, DAY_END);
