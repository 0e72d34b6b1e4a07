import { describe, expect, it } from "vitest";
import { stockholmInstant } from "../time/stockholm";
import { CONSENT_KIND_LABELS } from "./labels";
import { payloadLines } from "./payload-text";

describe("a message's form as printed lines", () => {
  it("labels the fields in the case page's order, leaves empty ones out, and writes times on the Stockholm clock", () => {
    const decidedAt = stockholmInstant("2026-03-29", "01:30").toISOString();
    expect(payloadLines("utskrivningsklar", { decidedBy: "Dr Lisa Läkare", decidedAt })).toEqual([
      { label: "Beslutande läkare", value: "Dr Lisa Läkare" },
      { label: "Beslutstid", value: "2026-03-29 01:30" },
    ]);
    expect(payloadLines("kommunklar", { ready: true, comment: "" })).toEqual([{ label: "Redo att ta emot", value: "Ja" }]);
  });

  it("writes consents, enums, lists and the fixed care contact's name in Swedish", () => {
    const consent = payloadLines("samtycke", {
      consents: [
        { kind: "informationsoverforing_kommun", given: false },
        { kind: "npo", given: true },
      ],
      source: "telefon",
    });
    expect(consent).toEqual([
      { label: "Samtycken", value: `${CONSENT_KIND_LABELS.informationsoverforing_kommun}: samtycker inte\n${CONSENT_KIND_LABELS.npo}: samtycker` },
      { label: "Lämnat", value: "Per telefon" },
    ]);
    expect(payloadLines("meddela_beslut", { decided: ["Hemtjänst", "Trygghetslarm"] })).toEqual([
      { label: "Beslutade insatser", value: "Hemtjänst\nTrygghetslarm" },
    ]);
    expect(payloadLines("svar_pa_inskrivning", { fixedCareContactStaffId: "s1" }, { staff: (id) => (id === "s1" ? "Fredrik Vall" : undefined) })).toEqual([
      { label: "Fast vårdkontakt", value: "Fredrik Vall" },
    ]);
    expect(payloadLines("planeringsunderlag", { track: "gul" })).toEqual([{ label: "Processpår", value: "Gult spår" }]);
  });
});

describe("structured content as printed lines", () => {
  it("writes the planning basis's ADL, risks, medicines and housing, and the SIP call's invited parties, in Swedish", () => {
    const lines = payloadLines("planeringsunderlag", {
      adl: [{ area: "forflyttning", level: "delvis_hjalp" }],
      risks: ["fall"],
      medicationHandler: "hemsjukvard",
      medications: [{ name: "Alvedon", dose: "1 g x 3", purpose: "smärta" }],
      housing: "ordinart_boende",
      livesAlone: true,
    });
    expect(lines.map((l) => l.label)).toEqual(["ADL", "Risker", "Sköter läkemedlen", "Läkemedelslista", "Boendeform", "Bor ensam"]);
    expect(lines.find((l) => l.label === "Läkemedelslista")?.value).toBe("Alvedon – 1 g x 3 (mot smärta)");
    expect(lines.find((l) => l.label === "Sköter läkemedlen")?.value).not.toBe("hemsjukvard");
    expect(lines.find((l) => l.label === "ADL")?.value).not.toContain("delvis_hjalp");
    const sip = payloadLines("kallelse_sip", { invitedUnitIds: ["u1", "u2"] }, { unit: (id) => (id === "u1" ? "Hemsjukvård Eskilstuna" : undefined) });
    expect(sip).toEqual([{ label: "Kallade parter", value: "Hemsjukvård Eskilstuna, Tidigare part" }]);
  });

  it("writes a consent that the patient cannot take a position on, and who gave it for the patient", () => {
    const lines = payloadLines("samtycke", {
      consents: [{ kind: "npo", given: false, unable: true }],
      representative: { kind: "god_man", name: "Eva Ek" },
    });
    expect(lines[0]).toEqual({ label: "Samtycken", value: `${CONSENT_KIND_LABELS.npo}: kan inte ta ställning` });
    expect(lines[1]?.label).toBe("Företrädare för patienten");
    // Given through the representative, not by the patient in person.
    expect(payloadLines("samtycke", { source: "patient", representative: { kind: "god_man", name: "Eva Ek" } })[0]).toEqual({
      label: "Lämnat",
      value: "Av patientens företrädare",
    });
    expect(payloadLines("samtycke", { source: "patient" })[0]).toEqual({ label: "Lämnat", value: "Av patienten" });
    expect(lines[1]?.value).toMatch(/^God man Eva Ek$/i);
  });
});
