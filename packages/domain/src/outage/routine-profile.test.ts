import { describe, expect, it } from "vitest";
import {
  contactConfirmationDue,
  defaultRoutineProfile,
  followUpDue,
  parseRoutineProfile,
  routineStatus,
  routineVariantFor,
  SEEDED_ROUTINE_PROFILES,
  stepNotesFor,
  type RoutineProfile,
} from "./routine-profile";
import { SORMLAND_ROUTINE_PROFILE as SRM } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE as VNL } from "./profiles/vasternorrland";
import { OUTAGE_SYSTEMS } from "./types";
import { at } from "./test-fixtures";
import { openingStatus } from "./opening-hours";

const kitText = (p: RoutineProfile): string =>
  p.sections.flatMap((s) => [s.heading, ...s.paragraphs.flatMap((x) => (typeof x === "string" ? [x] : "bullets" in x ? x.bullets : x.numbered))]).join("\n");

describe("the seeded profiles", () => {
  it("are valid profiles, one per region", () => {
    for (const p of SEEDED_ROUTINE_PROFILES) expect(parseRoutineProfile(p)).toEqual({ ok: true, profile: p });
    expect(SEEDED_ROUTINE_PROFILES.map((p) => p.regionHsaId)).toEqual(["SE2321000032-VG", "SE2321000206-VG"]);
  });

  it("Sörmland (Region Sörmland, Reservrutin Link): 6 hours to confirm the contact list, 48 h and 7 days follow-up calls, two kinds of outage", () => {
    expect(SRM.contactConfirmationHours).toBe(6);
    expect(SRM.routineAppliesAfterHours).toBe(0);
    expect(SRM.dischargeRequiresReceiverConfirmation).toBe(false);
    expect(SRM.summaryMessageTitle).toBe("Sammanfattning av samordning under driftstörning");
    // "Du gör detta via telefon mellan 7.30–16.15": no weekday limit, so open on a Sunday too.
    expect(SRM.dischargeCoordinatorHours).toBe("07.30–16.15");
    expect(openingStatus(SRM.dischargeCoordinatorHours!, at("2026-03-01", "10:00"))).toBe("open");
    expect(openingStatus(SRM.dischargeCoordinatorHours!, at("2026-03-01", "16:30"))).toBe("closed");
    const kit = kitText(SRM);
    expect(kit).toContain("utskrivningsledareMSE@regionsormland.se");
    expect(kit).toContain("utskrivningsledareNLN@regionsormland.se");
    expect(kit).toContain("Så rättar du ett inaktuellt nummer");
    expect(kit).toContain("oavsett om patienten är inlagd på sjukhus eller är hemma");
    expect(kit).toMatch(/särskild blankett och ger den till patienten före hemgång/);
    expect(SRM.followUpCalls.map((f) => [f.role, f.within])).toEqual([
      ["avdelning", { hours: 48 }],
      ["vardcentral", { days: 7 }],
    ]);
    expect(routineVariantFor(SRM, "journalsystem")?.key).toBe("journalsystem_nere");
    expect(routineVariantFor(SRM, "samordning")?.key).toBe("samordning_nere");
    expect(routineVariantFor(SRM, "inloggning")).toBeNull();
  });

  it("Västernorrland (Region Västernorrland, Avbrottsrutin Lifecare SP): no discharge before the receiver confirms; short outages need no routine", () => {
    expect(VNL.dischargeRequiresReceiverConfirmation).toBe(true);
    expect(VNL.routineAppliesAfterHours).toBeGreaterThan(0);
    expect(VNL.routineAppliesAfterHours).toBeLessThanOrEqual(8);
    expect(VNL.followUpCalls).toEqual([]);
    expect(OUTAGE_SYSTEMS.every((s) => routineVariantFor(VNL, s)?.key === "avbrott")).toBe(true);
    // Primary care sends the SIP kallelse afterwards; patient information is listed for the kommun and primary care.
    expect(VNL.sipInvitationBy).toBe("primarvarden");
    expect(kitText(VNL).match(/Patientinformation \(fyll i om det är möjligt\)/g)).toHaveLength(3);
  });

  it("both never register ready notices; the planning basis only in Västernorrland, unless ready or home; they register the rest", () => {
    for (const p of SEEDED_ROUTINE_PROFILES) {
      expect(p.registerAfter).toEqual({
        admission: true,
        discharge: true,
        readyForDischarge: false,
        planningBasis: p === VNL ? "om_inte_klar_eller_hemma" : false,
        sipCall: true,
        fixedCareContact: p === VNL,
        acknowledgeMessages: true,
        summaryMessage: true,
      });
    }
  });

  it("the kit's text says what the rules do (rules and text must not drift apart)", () => {
    const srm = kitText(SRM);
    expect(srm).toContain(`inom ${SRM.contactConfirmationHours} timmar`);
    expect(srm).toContain("inom 48 timmar");
    expect(srm).toContain("inom 7 dagar");
    expect(srm).toContain(SRM.summaryMessageTitle);
    expect(srm).toContain("07.30–16.15");
    expect(srm).toContain("016-10 30 00");
    expect(srm).toContain("Waranteamet");
    expect(srm).not.toMatch(/\bLink\b/);
    const vnl = kitText(VNL);
    expect(vnl).toContain("mottagande enhet har tagit emot informationen");
    expect(vnl).toContain("upp till ett par timmar");
    expect(vnl).toContain("Utskrivningsklar-meddelande");
    expect(vnl).toContain("Planeringsunderlag (om patienten blivit utskrivningsklar eller gått hem)");
    expect(vnl).toContain("hunnit bli både inskrivna och utskrivna");
    expect(vnl).toContain("formell kallelse");
    expect(vnl).toContain("0611-800 00");
    expect(vnl).not.toMatch(/Lifecare/);
  });
});

describe("parseRoutineProfile", () => {
  it("refuses to after-register ready notices or planning bases, in Swedish", () => {
    const r = parseRoutineProfile({ ...SRM, registerAfter: { ...SRM.registerAfter, readyForDischarge: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path: "registerAfter.readyForDischarge", message: "Utskrivningsklar efterregistreras aldrig" });
  });

  it("refuses a system in two variants, a negative threshold and an empty routine", () => {
    const r = parseRoutineProfile({
      ...SRM,
      routineAppliesAfterHours: -1,
      sections: [],
      variants: [SRM.variants[0], { ...SRM.variants[1], systems: ["samordning"] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toContain("routineAppliesAfterHours");
      expect(paths).toContain("sections");
      expect(paths).toContain("variants.1.systems");
    }
  });

  it("the default profile for a new region is the strict reading", () => {
    const p = defaultRoutineProfile("SE2321000214-VG", "Region Jämtland Härjedalen");
    expect(parseRoutineProfile(p).ok).toBe(true);
    expect(p).toMatchObject({ dischargeRequiresReceiverConfirmation: true, routineAppliesAfterHours: 0, contactConfirmationHours: 6 });
    expect(p.followUpCalls).toHaveLength(2);
    expect(p.regionName).toBe("Region Jämtland Härjedalen");
    expect(kitText(p)).not.toMatch(/\d{3,4}-\d/); // no other region's phone numbers
    expect(kitText(p)).toContain("mottagande enhet har bekräftat");
  });
});

describe("the profile's clocks", () => {
  it("routineStatus: Västernorrland's short outage, then the routine", () => {
    const o = { startedAt: at("2026-03-02", "08:00"), endedAt: null };
    const early = routineStatus(VNL, o, at("2026-03-02", "09:00"));
    expect(early.applies).toBe(false);
    expect(early.text).toContain("Kort driftstörning");
    expect(early.appliesFrom).toEqual(new Date(at("2026-03-02", "08:00").getTime() + VNL.routineAppliesAfterHours * 3_600_000));
    expect(routineStatus(VNL, o, at("2026-03-02", "18:00")).applies).toBe(true);
    expect(routineStatus(SRM, o, at("2026-03-02", "08:00")).applies).toBe(true);
  });

  it("follow-up deadlines: 48 exact hours; 7 calendar days to the end of the day (over the spring change)", () => {
    const discharged = at("2026-03-27", "10:00");
    expect(followUpDue({ role: "avdelning", within: { hours: 48 }, text: "" }, discharged)).toEqual(new Date(discharged.getTime() + 48 * 3_600_000));
    expect(followUpDue({ role: "vardcentral", within: { days: 7 }, text: "" }, discharged)).toEqual(new Date(at("2026-04-04").getTime() - 1));
    expect(contactConfirmationDue(SRM, at("2026-03-02", "08:00"))).toEqual(at("2026-03-02", "14:00"));
  });

  it("stepNotesFor reads the variant of the outage's system", () => {
    expect(stepNotesFor(SRM, "journalsystem", "inskrivning")[0]).toContain("vårdcentralen");
    expect(stepNotesFor(SRM, "inloggning", "inskrivning")).toEqual([]);
    expect(stepNotesFor(VNL, "samordning", "utskrivningsmeddelande")[0]).toContain("bekräftat");
  });
});
