import { describe, expect, it } from "vitest";
import { sentText } from "./sent-text";

describe("sentText", () => {
  it("says a consent was registered, not sent, when it had no recipients", () => {
    expect(sentText({ kind: "samtycke", warnings: [], correction: false, recipients: 0 })).toBe(
      "Samtycke registrerat i ärendet. Det har inte skickats till någon.",
    );
    expect(sentText({ kind: "samtycke", warnings: [], correction: false, recipients: 2 })).toBe("Samtycke registrerat och skickat till 2 mottagare.");
  });

  it("says a message was sent, and a closure without recipients was registered", () => {
    expect(sentText({ kind: "utskrivningsmeddelande", warnings: [], correction: false, recipients: 3 })).toBe("Skickat: Utskrivningsmeddelande.");
    expect(sentText({ kind: "avslut", warnings: [], correction: false, recipients: 0 })).toMatch(/^Registrerat i ärendet: /);
  });
});
