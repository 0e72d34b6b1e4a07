import type { RoutineProfile } from "../profile-schema";
import { SORMLAND_ROUTINE_PROFILE } from "./sormland";

/**
 * The profile for a region that has not written its own: the strict reading of both seeded
 * routines (the routine applies at once; the receiver confirms before discharge, Region Västernorrland, Avbrottsrutin Lifecare SP; the
 * 6 hours, the summary and the follow-up calls of the Sörmland routine) with a short, region-neutral text for
 * the kit. The region's administrators replace it with their own routine.
 */
export function defaultRoutineProfile(regionHsaId: string, regionName: string): RoutineProfile {
  return {
    regionHsaId,
    regionName,
    name: "Reservrutin vid driftstörning",
    source: { title: "Vårdkedjans standardrutin (utgår från Region Sörmlands och Region Västernorrlands rutiner)", decided: null, version: null },
    routineAppliesAfterHours: 0,
    contactConfirmationHours: 6,
    dischargeRequiresReceiverConfirmation: true,
    summaryMessageTitle: "Sammanfattning av samordning under driftstörning",
    dischargeCoordinatorHours: null,
    registerAfter: { ...SORMLAND_ROUTINE_PROFILE.registerAfter },
    followUpCalls: SORMLAND_ROUTINE_PROFILE.followUpCalls.map((f) => ({ ...f })),
    manualChecklist: [],
    variants: SORMLAND_ROUTINE_PROFILE.variants.map((v) => ({ ...v, systems: [...v.systems], instructions: [...v.instructions] })),
    sections: [
      {
        heading: "Under driftstörningen",
        paragraphs: [
          {
            bullets: [
              'All kommunikation mellan region, kommun och öppenvård sker per telefon enligt kontaktlistan "Kontaktlista driftstörning".',
              "Logga varje samtal i Vårdkedjan (Logga telefonkontakt) eller på blanketten vid driftstörning: datum, tid, signatur och namnet på den du talat med.",
              "Skicka aldrig personuppgifter eller namn via mejl.",
              "Kommunernas utsedda representanter bekräftar eller rättar kontaktlistan inom 6 timmar efter förvaltningens meddelande.",
            ],
          },
        ],
      },
      {
        heading: "Utskrivning",
        paragraphs: [
          "Utskrivning får inte ske förrän mottagande enhet har bekräftat att den tagit emot informationen.",
          {
            bullets: [
              "Läkemedelslista och utskrivningsplan skickas med patienten i förslutet kuvert.",
              "Avdelningen ringer upp patienten inom 48 timmar efter utskrivningen; vårdcentralen ringer patienten inom 7 dagar.",
            ],
          },
        ],
      },
      {
        heading: "När driftstörningen är över",
        paragraphs: [
          {
            bullets: [
              "Patienter inskrivna under driftstörningen registreras; det som redan meddelats per telefon behöver inte föras in igen.",
              "Patienter utskrivna under driftstörningen registreras som utskrivna. Patienter som både skrivits in och ut under driftstörningen registreras inte.",
              "Utskrivningsklar och planeringsunderlag efterregistreras inte.",
              'Ärenden som fanns före driftstörningen får ett generellt meddelande med titeln "Sammanfattning av samordning under driftstörning".',
              "SIP-datum som bestämts per telefon får en formell kallelse. Alla meddelanden som kommit in under eller efter driftstörningen kvitteras.",
            ],
          },
        ],
      },
    ],
  };
}
