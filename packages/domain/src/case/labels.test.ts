import { describe, expect, it } from "vitest";
import { capitalise, CARE_TYPE_LABELS, CLOSE_REASON_LABELS, CONSENT_KIND_LABELS, MESSAGE_KIND_LABELS, PARTY_ROLE_LABELS, STAGE_LABELS } from "./labels";
import { CARE_TYPES, CASE_STAGES, CLOSE_REASONS, CONSENT_KINDS, MESSAGE_KINDS, PARTY_ROLES } from "./types";

describe("labels", () => {
  it("covers every value of every closed list, in Swedish", () => {
    expect(Object.keys(STAGE_LABELS)).toEqual([...CASE_STAGES]);
    expect(Object.keys(MESSAGE_KIND_LABELS)).toEqual([...MESSAGE_KINDS]);
    expect(Object.keys(PARTY_ROLE_LABELS)).toEqual([...PARTY_ROLES]);
    expect(Object.keys(CONSENT_KIND_LABELS)).toEqual([...CONSENT_KINDS]);
    expect(Object.keys(CLOSE_REASON_LABELS)).toEqual([...CLOSE_REASONS]);
    expect(Object.keys(CARE_TYPE_LABELS)).toEqual([...CARE_TYPES]);
    expect(MESSAGE_KIND_LABELS.svar_pa_inskrivning).toBe("Svar på inskrivning");
    expect(MESSAGE_KIND_LABELS.generellt).toBe("Generellt meddelande");
  });

  it("capitalises a definite role label at the start of a sentence", () => {
    expect(capitalise(PARTY_ROLE_LABELS.vardcentral.definite)).toBe("Vårdcentralen");
    expect(capitalise(PARTY_ROLE_LABELS.psykiatrisk_oppenvard.definite)).toBe("Den psykiatriska öppenvården");
  });
});
