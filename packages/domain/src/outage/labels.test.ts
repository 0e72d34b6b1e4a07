import { describe, expect, it } from "vitest";
import { AFTER_REGISTRATION_KIND_LABELS, AFTER_REGISTRATION_KINDS } from "./after-registration-types";
import {
  OUTAGE_STATUS_LABELS,
  OUTAGE_STATUSES,
  OUTAGE_SYSTEM_LABELS,
  OUTAGE_SYSTEMS,
  PHONE_DIRECTION_LABELS,
  PHONE_DIRECTIONS,
  PHONE_STEP_LABELS,
  PHONE_STEPS,
} from "./types";

describe("outage vocabularies", () => {
  it("label every value of every closed list, in Swedish, in list order", () => {
    expect(Object.keys(OUTAGE_SYSTEM_LABELS)).toEqual([...OUTAGE_SYSTEMS]);
    expect(Object.keys(OUTAGE_STATUS_LABELS)).toEqual([...OUTAGE_STATUSES]);
    expect(Object.keys(AFTER_REGISTRATION_KIND_LABELS)).toEqual([...AFTER_REGISTRATION_KINDS]);
    expect(Object.keys(PHONE_STEP_LABELS)).toEqual([...PHONE_STEPS]);
    expect(Object.keys(PHONE_DIRECTION_LABELS)).toEqual([...PHONE_DIRECTIONS]);
    expect(OUTAGE_SYSTEM_LABELS.journalsystem).toBe("Journalsystemet");
    expect(OUTAGE_STATUS_LABELS.pagaende).toBe("Pågår");
  });
});
