import { describe, expect, it } from "vitest";
import { parseStoredPhones } from "./contact-phones";

describe("parseStoredPhones", () => {
  it("reads a stored list of numbers as it is", () => {
    expect(parseStoredPhones(["016-10 40 00", "070-123 45 67"])).toEqual(["016-10 40 00", "070-123 45 67"]);
    expect(parseStoredPhones([])).toEqual([]);
  });

  it("keeps the numbers that are still text from a damaged list", () => {
    expect(parseStoredPhones(["016-10 40 00", 42, null])).toEqual(["016-10 40 00"]);
  });

  it("reads anything that is not a list as no numbers", () => {
    expect(parseStoredPhones("016-10 40 00")).toEqual([]);
    expect(parseStoredPhones(null)).toEqual([]);
    expect(parseStoredPhones({ phone: "016-10 40 00" })).toEqual([]);
  });
});
