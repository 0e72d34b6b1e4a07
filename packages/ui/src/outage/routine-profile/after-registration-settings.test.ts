import { describe, expect, it } from "vitest";
import { SORMLAND_ROUTINE_PROFILE } from "@vardkedjan/domain/outage/profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "@vardkedjan/domain/outage/profiles/vasternorrland";
import { afterRegistrationSettingsText, planningBasisFrom, planningBasisValue, sipInvitationFrom, sipInvitationValue } from "./after-registration-settings";

describe("the routine page's after-registration settings", () => {
  it("shows each seeded routine's settings and saves them back unchanged", () => {
    for (const p of [SORMLAND_ROUTINE_PROFILE, VASTERNORRLAND_ROUTINE_PROFILE]) {
      expect(planningBasisFrom(planningBasisValue(p.registerAfter.planningBasis))).toBe(p.registerAfter.planningBasis);
      expect(sipInvitationFrom(sipInvitationValue(p.sipInvitationBy))).toBe(p.sipInvitationBy);
    }
    expect(planningBasisValue(VASTERNORRLAND_ROUTINE_PROFILE.registerAfter.planningBasis)).toBe("om_inte_klar_eller_hemma");
    expect(sipInvitationValue(SORMLAND_ROUTINE_PROFILE.sipInvitationBy)).toBe("uppringaren");
  });

  it("the preview says what the rules do, not 'never' where the routine registers the planning basis", () => {
    expect(afterRegistrationSettingsText("om_inte_klar_eller_hemma", "primarvarden")).toEqual([
      "Utskrivningsklar registreras aldrig i efterhand.",
      "Ett planeringsunderlag som lämnats per telefon registreras i efterhand, utom när patienten har blivit utskrivningsklar eller gått hem.",
      "Patientens primärvård skickar den formella kallelsen till SIP när tiden bestämts per telefon.",
    ]);
    expect(afterRegistrationSettingsText(false, undefined).slice(1)).toEqual([
      "Planeringsunderlag registreras aldrig i efterhand.",
      "Den enhet som ringde skickar den formella kallelsen till SIP när tiden bestämts per telefon.",
    ]);
  });
});
