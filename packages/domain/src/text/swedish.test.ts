import { describe, expect, it } from "vitest";
import { lowerFirst, swedishList } from "./swedish";

describe("Swedish prose", () => {
  it("lists with commas and a final 'och'", () => {
    expect(swedishList(["a", "b", "c"])).toBe("a, b och c");
    expect(swedishList(["a", "b"])).toBe("a och b");
    expect(swedishList(["a"])).toBe("a");
    expect(swedishList([])).toBe("");
  });

  it("lowers the first letter but leaves an abbreviation", () => {
    expect(lowerFirst("Läsning i NPÖ")).toBe("läsning i NPÖ");
    expect(lowerFirst("SIP-plan")).toBe("SIP-plan");
  });
});
