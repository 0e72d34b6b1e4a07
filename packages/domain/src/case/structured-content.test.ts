import { describe, expect, it } from "vitest";
import {
  ADL_AREA_LABELS,
  ADL_AREAS,
  AID_KIND_LABELS,
  AID_KINDS,
  CURRENT_SERVICE_KINDS,
  CURRENT_SERVICE_LABELS,
  HOUSING_KIND_LABELS,
  HOUSING_KINDS,
  isPhysicianTitle,
  MEDICATION_HANDLER_LABELS,
  MEDICATION_HANDLER_PATIENT_WORDS,
  MEDICATION_HANDLERS,
  RISK_KIND_LABELS,
  RISK_KINDS,
} from "./structured-content";

describe("the structured forms' vocabularies", () => {
  it.each<[string, readonly string[], Record<string, string>]>([
    ["ADL areas", ADL_AREAS, ADL_AREA_LABELS],
    ["risks", RISK_KINDS, RISK_KIND_LABELS],
    ["medication handlers", MEDICATION_HANDLERS, MEDICATION_HANDLER_LABELS],
    ["medication handlers told to the patient", MEDICATION_HANDLERS, MEDICATION_HANDLER_PATIENT_WORDS],
    ["aids", AID_KINDS, AID_KIND_LABELS],
    ["housing", HOUSING_KINDS, HOUSING_KIND_LABELS],
    ["current services", CURRENT_SERVICE_KINDS, CURRENT_SERVICE_LABELS],
  ])("labels every one of the %s, with codes in plain ASCII", (_name, list, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...list].sort());
    for (const code of list) expect(code).toMatch(/^[a-z_]+$/);
  });
});

describe("isPhysicianTitle", () => {
  it.each([
    ["Läkare", true],
    ["Överläkare", true],
    ["ST-läkare", true],
    ["Sjuksköterska", false],
    [null, false],
    ["", false],
  ])("%s → %s", (title, expected) => expect(isPhysicianTitle(title)).toBe(expected));
});
