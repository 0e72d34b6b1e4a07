import { describe, expect, it } from "vitest";
import { normaliseClaims } from "./claims";
import { describeContext } from "./context-label";
import { evaluateRules } from "./evaluate";
import { parsePreferredContexts, parseStoredLoginSession, parseStoredRules } from "./stored";
import { allRules, AVD12, commissionClaim, NOW, personClaims, REGION, tree } from "./test-fixtures";

/** A login session's columns exactly as sign-in writes them. */
function storedSession() {
  const principal = normaliseClaims(
    personClaims({
      employeeHsaId: "SE2321000032-S100",
      healthcareProfessionalLicense: "Sjuksköterska",
      allCommissions: [commissionClaim({ id: "SE2321000032-U1", unit: AVD12, provider: REGION })],
    }),
  );
  const result = evaluateRules(principal, allRules, tree, NOW);
  const contexts = result.contexts.map((c) => ({ ...c, label: describeContext(c, tree) }));
  const denialReasons = result.reasons.map((r) => ({ code: r.code, message: r.message }));
  // Through JSON, as PostgreSQL gives it back: absent optional fields stay absent.
  return JSON.parse(JSON.stringify({ principal, contexts, denialReasons })) as { principal: unknown; contexts: unknown[]; denialReasons: unknown };
}

describe("parseStoredLoginSession", () => {
  it("reads back the columns sign-in stores", () => {
    const row = storedSession();
    const parsed = parseStoredLoginSession(row);
    expect(parsed).not.toBeNull();
    expect(parsed!.contexts.length).toBeGreaterThan(0);
    expect(parsed).toEqual(row);
  });

  it("refuses a session whose contexts no longer have the stored shape", () => {
    const row = storedSession();
    expect(parseStoredLoginSession({ ...row, contexts: [{ id: "x", portal: "slutenvard" }] })).toBeNull();
    expect(parseStoredLoginSession({ ...row, contexts: "avd_ssk" })).toBeNull();
    const [first] = row.contexts as Record<string, unknown>[];
    expect(parseStoredLoginSession({ ...row, contexts: [{ ...first, role: "okänd_roll" }] })).toBeNull();
  });

  it("refuses a session whose principal or denial reasons are damaged", () => {
    const row = storedSession();
    expect(parseStoredLoginSession({ ...row, principal: { employeeHsaId: "SE2321000032-1001" } })).toBeNull();
    expect(parseStoredLoginSession({ ...row, denialReasons: [{ code: 1 }] })).toBeNull();
  });
});

describe("parsePreferredContexts", () => {
  it("reads the remembered context per portal", () => {
    expect(parsePreferredContexts({ slutenvard: "ctx-1", kommun: "ctx-2" })).toEqual({ slutenvard: "ctx-1", kommun: "ctx-2" });
    expect(parsePreferredContexts({})).toEqual({});
  });

  it("reads a damaged value as nothing remembered", () => {
    expect(parsePreferredContexts({ slutenvard: 7 })).toEqual({});
    expect(parsePreferredContexts({ okand: "ctx-1" })).toEqual({});
    expect(parsePreferredContexts(null)).toEqual({});
  });
});

describe("parseStoredRules", () => {
  it("reads every example rule as stored", () => {
    const rows = JSON.parse(JSON.stringify(allRules.map((rule) => ({ id: rule.id, ownerOrgHsaId: "A", rule })))) as {
      id: string;
      ownerOrgHsaId: string;
      rule: unknown;
    }[];
    expect(parseStoredRules(rows)).toEqual({ rules: allRules, invalidIds: [], silencedOwners: [] });
  });

  it("a damaged rule silences its whole organisation (it may have been a denial), names its id, and keeps other organisations' rules", () => {
    const [first, second, third] = allRules;
    const rows = [
      { id: first!.id, ownerOrgHsaId: "A", rule: { ...first, effect: "kanske" } },
      { id: second!.id, ownerOrgHsaId: "A", rule: second },
      { id: third!.id, ownerOrgHsaId: "B", rule: third },
      { id: "trasig", ownerOrgHsaId: "C", rule: "inte en regel" },
    ];
    expect(parseStoredRules(rows)).toEqual({ rules: [third], invalidIds: [first!.id, "trasig"], silencedOwners: ["A", "C"] });
  });
});
