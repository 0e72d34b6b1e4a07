import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_STAGES, MESSAGE_KINDS } from "@vardkedjan/domain/case/types";
import { AFTER_REGISTRATION_KINDS } from "@vardkedjan/domain/outage/after-registration-types";
import { OUTAGE_SYSTEMS } from "@vardkedjan/domain/outage/types";
import * as schema from "./index";

/**
 * A closed list lives once, in the domain; the database enums are built from it. A literal list in
 * a pgEnum would be a second copy that drifts.
 */
describe("database vocabularies", () => {
  it("no pgEnum is given a literal list", () => {
    const dir = import.meta.dirname;
    const literal = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .filter((f) => /pgEnum\(\s*"[^"]+"\s*,\s*\[/.test(readFileSync(join(dir, f), "utf8")));
    expect(literal).toEqual([]);
  });

  it("the enums carry the domain's values, and the after-registration kinds are stored as enums", () => {
    const values = (e: { enumValues: readonly string[] }) => [...e.enumValues];
    expect(values(schema.caseStage)).toEqual([...CASE_STAGES]);
    expect(values(schema.messageKind)).toEqual([...MESSAGE_KINDS]);
    expect(values(schema.outageSystem)).toEqual([...OUTAGE_SYSTEMS]);
    expect(values(schema.afterRegistrationKind)).toEqual([...AFTER_REGISTRATION_KINDS]);
    expect(schema.afterRegistrationItems.kind.getSQLType()).toBe("after_registration_kind");
    expect(schema.afterRegistrationItems.messageKind.getSQLType()).toBe("message_kind");
  });
});
