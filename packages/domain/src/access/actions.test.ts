import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/types";
import { portalForRole } from "../identity/context-label";
import { ACTION_LABELS, ACTIONS, actionsFor, assertCan, can, isAction, PATIENT_DATA_ACTIONS, ROLE_ACTIONS } from "./actions";

describe("role → actions table", () => {
  it("hemtjänst reads its cases and acknowledges, but cannot read or write the planning basis", () => {
    expect(can("hemtjanst", "case.read")).toBe(true);
    expect(can("hemtjanst", "case.acknowledge")).toBe(true);
    expect(can("hemtjanst", "case.readPlanning")).toBe(false);
    expect(can("hemtjanst", "case.writePlanning")).toBe(false);
    expect(can("hemtjanst", "case.sendMessage")).toBe(false);
  });

  it("administrators have no patient-data action (separation of duties)", () => {
    for (const role of ["sysadmin", "kommunadmin"] as const) {
      expect(actionsFor(role).filter((a) => PATIENT_DATA_ACTIONS.includes(a))).toEqual([]);
    }
    expect(can("sysadmin", "case.read")).toBe(false);
    expect(can("sysadmin", "rules.manage")).toBe(true);
    expect(can("kommunadmin", "rules.manage")).toBe(true);
  });

  it("payment responsibility: the region's administrator keeps the agreements; the economy roles fix, dispute and answer the invoice basis and alone see its patients", () => {
    expect(ROLES.filter((r) => can(r, "payment.manageAgreements"))).toEqual(["sysadmin"]);
    expect(ROLES.filter((r) => can(r, "payment.readAgreements"))).toEqual(["sysadmin", "kommunadmin", "region_ekonom", "kommun_ekonom"]);
    expect(ROLES.filter((r) => can(r, "invoice.read"))).toEqual(["sysadmin", "kommunadmin", "region_ekonom", "kommun_ekonom"]);
    expect(ROLES.filter((r) => can(r, "invoice.readPatients"))).toEqual(["region_ekonom", "kommun_ekonom"]);
    expect(ROLES.filter((r) => can(r, "invoice.lock"))).toEqual(["region_ekonom"]);
    expect(ROLES.filter((r) => can(r, "invoice.answerDispute"))).toEqual(["region_ekonom"]);
    expect(ROLES.filter((r) => can(r, "invoice.dispute"))).toEqual(["kommun_ekonom"]);
    expect(PATIENT_DATA_ACTIONS).toContain("invoice.readPatients");
    // The economy roles read no case.
    expect(can("region_ekonom", "case.read") || can("kommun_ekonom", "case.read")).toBe(false);
  });

  it("only the ward opens and closes cases", () => {
    const openers = ROLES.filter((r) => can(r, "case.create"));
    expect(openers).toEqual(["avd_ssk", "lakare", "utskrivningsledare"]);
    expect(ROLES.filter((r) => can(r, "case.close"))).toEqual(openers);
  });

  it("the ward, the receiving parties and hemtjänst (its acknowledgements) work their after-registration lists; therapists, MAS and administrators do not", () => {
    expect(ROLES.filter((r) => can(r, "afterRegistration.register"))).toEqual([
      "avd_ssk",
      "lakare",
      "utskrivningsledare",
      "vc_personal",
      "psykiatri_oppenvard",
      "bistandshandlaggare",
      "kommun_ssk",
      "hemtjanst",
    ]);
  });

  it("internal notes and SIP answers are patient data for the case's parties; phrase templates for those who write in cases", () => {
    expect(PATIENT_DATA_ACTIONS).toEqual(expect.arrayContaining(["case.internalNotes", "case.answerSip"]));
    expect(ROLES.filter((r) => can(r, "case.internalNotes"))).toEqual(ROLES.filter((r) => can(r, "case.read")));
    expect(ROLES.filter((r) => can(r, "phraseTemplates.manage"))).toEqual(ROLES.filter((r) => can(r, "case.sendMessage")));
    expect(can("mas", "case.answerSip")).toBe(false);
  });

  it("only the region's system administrator declares and ends an outage", () => {
    expect(ROLES.filter((r) => can(r, "outage.declare"))).toEqual(["sysadmin"]);
    expect(ROLES.filter((r) => can(r, "outage.end"))).toEqual(["sysadmin"]);
  });

  it("procedures that borrowed another action keep exactly the roles they had", () => {
    // Adding a party was authorised as sending a message, in the ward's portal; the
    // biståndshandläggare now brings the kommun's own home care in with the decision.
    expect(ROLES.filter((r) => can(r, "case.addParty"))).toEqual([
      ...ROLES.filter((r) => portalForRole(r) === "slutenvard" && can(r, "case.sendMessage")),
      "bistandshandlaggare",
    ]);
    // The outage list and the region's units were authorised as reading the contact list, in
    // Förvaltning. The log reviewer and the economy roles, later roles, read the contact list but neither of these.
    const later: readonly string[] = ["loggranskare", "region_ekonom", "kommun_ekonom"];
    for (const action of ["outage.read", "org.readUnits"] as const) {
      expect(ROLES.filter((r) => can(r, action))).toEqual(
        ROLES.filter((r) => portalForRole(r) === "forvaltning" && !later.includes(r) && can(r, "contactList.read")),
      );
    }
    // Integrations and the routine profile were authorised as declaring an outage.
    for (const action of ["outage.manageIntegrations", "outage.manageRoutine"] as const) {
      expect(ROLES.filter((r) => can(r, action))).toEqual(ROLES.filter((r) => can(r, "outage.declare")));
    }
  });

  it("log review is the system administrator's and the log reviewer's; a kommun's administrator, who grants access, does not review its use", () => {
    expect(ROLES.filter((r) => can(r, "audit.read"))).toEqual(["sysadmin", "loggranskare"]);
    expect(actionsFor("loggranskare").filter((a) => PATIENT_DATA_ACTIONS.includes(a))).toEqual([]);
  });

  it("only administrators fetch an outage's report", () => {
    expect(ROLES.filter((r) => can(r, "outage.report"))).toEqual(["sysadmin", "kommunadmin"]);
  });

  it("receiving parties answer and plan but do not open cases", () => {
    for (const role of ["vc_personal", "psykiatri_oppenvard", "bistandshandlaggare", "kommun_ssk"] as const) {
      expect(can(role, "case.writePlanning")).toBe(true);
      expect(can(role, "case.acknowledge")).toBe(true);
      expect(can(role, "case.create")).toBe(false);
    }
  });

  it("every role can switch context and read the outage contact list", () => {
    for (const role of ROLES) {
      expect(can(role, "session.switchContext")).toBe(true);
      expect(can(role, "contactList.read")).toBe(true);
    }
  });

  it("covers every role, uses only known actions and labels every action in Swedish", () => {
    expect(Object.keys(ROLE_ACTIONS).sort()).toEqual([...ROLES].sort());
    for (const actions of Object.values(ROLE_ACTIONS)) for (const a of actions) expect(isAction(a)).toBe(true);
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...ACTIONS].sort());
    expect(isAction("case.delete")).toBe(false);
  });
});

describe("assertCan", () => {
  it("returns ok without a message when allowed", () => {
    expect(assertCan("avd_ssk", "case.create")).toEqual({ ok: true });
  });

  it("returns a typed refusal with a Swedish message instead of throwing", () => {
    expect(assertCan("hemtjanst", "case.readPlanning")).toEqual({
      ok: false,
      code: "forbidden",
      role: "hemtjanst",
      action: "case.readPlanning",
      message: "Rollen Hemtjänst får inte läsa planeringsunderlaget.",
    });
    expect(assertCan("sysadmin", "case.read")).toMatchObject({ ok: false, message: "Rollen Systemförvaltare får inte läsa samordningsärenden." });
  });
});
