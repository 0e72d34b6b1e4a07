import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("takes a UUID of any version, in either case", () => {
    expect(isUuid("00000000-0000-4000-8000-00000000c0de")).toBe(true);
    expect(isUuid("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).toBe(true);
  });

  it("refuses anything else, so that it never reaches the database as an id", () => {
    for (const v of [
      "",
      "ny",
      "00000000-0000-4000-8000-00000000c0d",
      "00000000-0000-4000-8000-00000000c0de/x",
      " 00000000-0000-4000-8000-00000000c0de",
      "g0000000-0000-4000-8000-00000000c0de",
      null,
      undefined,
      42,
    ]) {
      expect(isUuid(v)).toBe(false);
    }
  });
});
