import type { RoutineProfile } from "../profile-schema";

/**
 * Region Sörmland's routine, condensed from Region Sörmland, Reservrutin Link ("Reservrutin Link – Kommunikation mellan
 * region och kommuner när Link inte fungerar i Cosmic", beslutad 2026-06-26, version 1.0) and
 * worded for Vårdkedjan: "Link" and "Min arbetsyta" read "Vårdkedjan", Cosmic is the journal
 * system. Public text; the phone numbers are the routine's own (the contact list has the rest).
 *
 * Readings: the routine has no threshold (it applies from the start: 0 hours); it does not demand
 * a receipt before discharge (it says "meddela kommunaktörerna att patienten har lämnat
 * sjukhuset"), so the confirmation rule is off; it does not list what is NOT registered, so the
 * product's rule (Region Västernorrland, Avbrottsrutin Lifecare SP) holds: ready notices and planning bases are never after-registered.
 */
export const SORMLAND_ROUTINE_PROFILE: RoutineProfile = {
  regionHsaId: "SE2321000032-VG",
  regionName: "Region Sörmland",
  name: "Reservrutin vid driftstörning i Vårdkedjan",
  source: {
    title: "Reservrutin Link – Kommunikation mellan region och kommuner när Link inte fungerar i Cosmic",
    decided: "Beslutad av hälso- och sjukvårdsdirektören 2026-06-26",
    version: "1.0",
  },
  routineAppliesAfterHours: 0,
  contactConfirmationHours: 6,
  dischargeRequiresReceiverConfirmation: false,
  summaryMessageTitle: "Sammanfattning av samordning under driftstörning",
  // "Du gör detta via telefon mellan 7.30–16.15": the routine names no weekdays, so every day.
  dischargeCoordinatorHours: "07.30–16.15",
  registerAfter: {
    admission: true,
    discharge: true,
    readyForDischarge: false,
    planningBasis: false,
    sipCall: true,
    fixedCareContact: false,
    acknowledgeMessages: true,
    summaryMessage: true,
  },
  followUpCalls: [
    { role: "avdelning", within: { hours: 48 }, text: "Ring upp patienten inom 48 timmar efter utskrivningen" },
    { role: "vardcentral", within: { days: 7 }, text: "Ring patienten inom 7 dagar efter utskrivningen" },
  ],
  manualChecklist: [
    {
      key: "kuvert",
      text: "Skicka med aktuell läkemedelslista, utskrivningsplan och patientens egna läkemedel i förslutet kuvert",
      role: "avdelning",
      when: "fore_utskrivning",
    },
    {
      key: "hemtjanst_rapport",
      text: "Ring hemtjänsten för muntlig rapport om patienten bara har hemtjänst (hemtjänsten har inte tillgång till NPÖ)",
      role: "avdelning",
      when: "fore_utskrivning",
    },
  ],
  variants: [
    {
      key: "samordning_nere",
      name: "Samordningen i Vårdkedjan fungerar inte, journalsystemet fungerar",
      systems: ["samordning", "vardkedjan_planerat"],
      instructions: [
        "All kommunikation mellan kommun och region sker per telefon enligt kontaktlistan.",
        "Slutenvården skriver utskrivningsplanen i journalsystemet som vanligt.",
        "Slutenvården lägger upp patienten i Vårdkedjan så snart det går (eller loggar telefonkontakten) så att ärendet finns när driftstörningen är över.",
        "Legitimerad hälso- och sjukvårdspersonal kan läsa i NPÖ.",
      ],
      stepNotes: {
        inskrivning:
          "Slutenvården ringer kommunen enligt kontaktlistan, lämnar över samtycket och meddelar beräknat utskrivningsdatum. Kommunen berättar om aktuella insatser från alla berörda kommunaktörer.",
        planeringsunderlag:
          "Kommunens aktörer meddelar per telefon vad som ansöks om och beslutas; slutenvården fyller i utskrivningsplanen i journalsystemet.",
      },
    },
    {
      key: "journalsystem_nere",
      name: "Journalsystemet (Cosmic) fungerar inte",
      systems: ["journalsystem"],
      instructions: [
        "All kommunikation sker per telefon och på papper i förslutet kuvert; allt förs in i efterhand.",
        "Vid inskrivning ringer slutenvården både kommunen och vårdcentralen.",
        "Utskrivningsplanen fylls i på blankett och skickas med patienten vid utskrivningen.",
        "Uppdrag hemsjukvård skrivs ut och lämnas till patienten; den kommunala hälso- och sjukvården hämtar det hos patienten.",
      ],
      stepNotes: {
        inskrivning:
          "Slutenvården ringer kommunen och vårdcentralen enligt kontaktlistan, lämnar över samtycket och meddelar beräknat utskrivningsdatum. De berättar om aktuella insatser och fasta vårdkontakter.",
        planeringsunderlag:
          "Kommunens aktörer meddelar per telefon vad som ansöks om och beslutas; regionen fyller i blanketten Utskrivningsplan, som skickas med patienten.",
        utskrivningsmeddelande: "Utskrivningsplanen och aktuell läkemedelslista skickas med patienten i förslutet kuvert.",
        sip_datum: "Kallelse till SIP sker per telefon; planen skrivs ut och skickas med patienten i förslutet kuvert.",
      },
    },
  ],
  sections: [
    {
      heading: "Omfattning",
      paragraphs: [
        "Rutinen gäller Region Sörmland och alla kommuner i Södermanlands län, för kommunikationen mellan kommuner, öppenvård och region när Vårdkedjan eller journalsystemet inte fungerar.",
        "Efter driftstörningen för respektive aktör in dokumentationen i Vårdkedjan och i ordinarie journalsystem.",
        "Varje verksamhet ska ha en utskriven, aktuell version av rutinen, kontaktlistan och blanketterna: den här reservpärmen.",
      ],
    },
    {
      heading: "Två slags driftstörning",
      paragraphs: [
        {
          bullets: [
            "Samordningen i Vårdkedjan fungerar inte men journalsystemet fungerar: all kommunikation sker per telefon, slutenvården skriver utskrivningsplanen i journalsystemet och lägger upp patienten i Vårdkedjan så att ärendet finns när driftstörningen är över.",
            "Journalsystemet (Cosmic) fungerar inte: all kommunikation sker per telefon och på papper i förslutet kuvert, och allt förs in i efterhand.",
          ],
        },
        "Ordinarie rutiner och processer gäller även vid driftstörning (Samverkan vid in- och utskrivning, Rutin för säker läkemedelshantering vid in- och utskrivning). Skillnaden är att kommunikationen sker per telefon och på papper.",
      ],
    },
    {
      heading: "Kontaktlistan",
      paragraphs: [
        'Kontaktlistan "Kontaktlista driftstörning" finns i Vårdkedjan, på Samverkanswebben och på regionens intranät.',
        "Vid en omfattande driftstörning skickar förvaltningen ett informationsmejl till berörda. Utsedda representanter i kommunerna ska inom 6 timmar säkerställa att telefonnumren i kontaktlistan är korrekta och rätta de nummer som är inaktuella. Förvaltningen uppdaterar listan med de uppgifter som skickats in.",
        {
          bullets: [
            "Så rättar du ett inaktuellt nummer: den utsedda representanten svarar på förfrågan om att bekräfta kontaktlistan (länken i informationsmejlet) och anger det rätta numret, eller uppdaterar numret i kanalen för driftstörning.",
            "Meddela sedan förvaltningen på link.forvaltning@regionsormland.se att uppdateringen är gjord. Skicka inga patientuppgifter.",
          ],
        },
      ],
    },
    {
      heading: "Arbetssätt under driftstörning",
      paragraphs: [
        {
          bullets: [
            "All kommunikation mellan kommun och region sker per telefon enligt kontaktlistan.",
            "Dokumentera alla kontakter med slutenvård och öppenvård noggrant i den egna journalen, och logga varje samtal i Vårdkedjan (Logga telefonkontakt).",
            "Legitimerad hälso- och sjukvårdspersonal i kommunen kan läsa i Nationell patientöversikt (NPÖ) under vårdtiden, enligt det samtycke regionen inhämtat. NPÖ uppdaterar journalanteckningar en gång i timmen och provsvar en gång i halvtimmen.",
            "Alla patienter som behöver samordning ska läggas upp i Vårdkedjan så att de finns i systemet när driftstörningen är över.",
            "För kontakt med en viss avdelning eller mottagning, även under jourtid: ring regionens växel 016-10 30 00 eller 0155-24 50 00.",
            "Skicka aldrig personuppgifter eller namn via mejl.",
          ],
        },
      ],
    },
    {
      heading: "Samtycke",
      paragraphs: [
        "Regionen inhämtar patientens samtycke vid inskrivningen i slutenvården: till informationsöverföring till kommunen och till läsning i NPÖ.",
        {
          bullets: [
            "Regionens medarbetare meddelar samtycket per telefon i överrapporteringen till kommunen.",
            "Kommunens medarbetare meddelar i samma samtal vilka samtycken som redan finns i kommunens journal.",
            "Båda dokumenterar samtycket i sin journal.",
          ],
        },
      ],
    },
    {
      heading: "Detta skickas med patienten till sjukhuset",
      paragraphs: [
        "När kommunen bedömer att en patient med (behov av) samordningsärende behöver läggas in på sjukhus skickas följande med:",
        {
          bullets: [
            "Medföljande blankett: samtycke, personuppgifter, kontaktuppgifter, hjälpbehov före aktuell händelse, SBAR och aktuell ordinationshandling.",
            "Aktuell läkemedelslista i förslutet kuvert; vid dosdispenserade läkemedel hela dosrullen.",
            "Individbundna läkemedel, till exempel insulinpennor, inhalatorer och ögondroppar, och specialläkemedel som licensläkemedel.",
            "Specialanpassade hjälpmedel, till exempel komfortrullstol eller gånghjälpmedel.",
          ],
        },
        "Följ rutinen Säker läkemedelshantering vid in- och utskrivning.",
      ],
    },
    {
      heading: "Utskrivningsledarna",
      paragraphs: [
        "Kontakta utskrivningsledarna för att stämma av om en patient är inskriven och vid patientförfrågningar. De svarar i telefon 07.30–16.15. Du kan också mejla och be om att bli uppringd: ange namn och telefonnummer till den som ska kontaktas, men inga patientuppgifter.",
        {
          bullets: [
            "Mälarsjukhuset: 016-10 57 11, utskrivningsledareMSE@regionsormland.se",
            "Nyköpings lasarett: 076-496 44 21, utskrivningsledareNLN@regionsormland.se",
            "Kullbergska sjukhuset: 016-10 57 11 eller 076-496 44 21, utskrivningsledareMSE@regionsormland.se eller utskrivningsledareNLN@regionsormland.se",
          ],
        },
      ],
    },
    {
      heading: "Moment för moment",
      paragraphs: [
        {
          bullets: [
            "Vårdbegäran: den kommunala hälso- och sjukvården skriver den medföljande blanketten, som följer med patienten till akuten.",
            "Inskrivningsmeddelande inom 24 timmar: slutenvården ringer kommunen (när journalsystemet inte fungerar även vårdcentralen), lämnar över samtycket och meddelar beräknat utskrivningsdatum. Kommunen och vårdcentralen berättar om aktuella insatser och fasta vårdkontakter.",
            "Utskrivningsplanering: kommunens aktörer meddelar per telefon vad som ansöks om och beslutas. Slutenvården fyller i utskrivningsplanen i journalsystemet, eller på blankett som skickas med patienten när journalsystemet inte fungerar.",
            "SIP: vid behov upprättas verksamhetsmöte samt risk och konsekvens. Alla aktörer kan kalla till SIP, oavsett om patienten är inlagd på sjukhus eller är hemma; kallelsen sker per telefon under vårdtiden. Planen skrivs ut och skickas med patienten i förslutet kuvert.",
            "Meddela beslut: biståndshandläggaren meddelar beslut till avdelningen per telefon.",
            "Egenvård: behöver patienten praktiskt stöd för att utföra sin egenvård dokumenterar behandlande legitimerad hälso- och sjukvårdspersonal det på särskild blankett och ger den till patienten före hemgång, som underlag för en ansökan. Slutenvården (sjuksköterska, fysioterapeut, arbetsterapeut) ringer biståndshandläggaren om egenvårdsbedömningen; biståndshandläggaren meddelar regionen när insatserna beviljas.",
            "Uppdrag hemsjukvård: slutenvården ringer den kommunala hälso- och sjukvården och förmedlar uppdraget. När journalsystemet inte fungerar skrivs uppdraget ut och lämnas till patienten.",
            "Funktionsstatus inför utskrivning: informationen förs över samma dag som patienten skrivs ut. Legitimerad personal i kommunen läser i NPÖ eller får muntlig rapport; för patienter med enbart hemtjänst ringer avdelningen hemtjänsten, som inte har tillgång till NPÖ.",
            "Läkemedel och hjälpmedel: aktuell läkemedelslista och de läkemedel som kom med patienten skickas hem i förslutet kuvert. Kommunen ser till att aktuella hjälpmedel skickas med till sjukhuset.",
            "Utskrivningsklar: slutenvården ringer berörda enheter i kommunen och meddelar att patienten är utskrivningsklar.",
            "Kommunklar: mottagande aktörer meddelar per telefon när de är redo att ta emot patienten.",
            "Utskrivningsdatum: slutenvården ringer berörda verksamheter, meddelar tid för hemgång och bokar transport.",
          ],
        },
      ],
    },
    {
      heading: "Utskrivning under driftstörning",
      paragraphs: [
        "Slutenvårdens ansvar:",
        { bullets: ["Meddela kommunens aktörer att patienten har lämnat sjukhuset.", "Ring upp patienten inom 48 timmar."] },
        "Vårdcentralens ansvar:",
        { bullets: ["Ring patienten inom 7 dagar, enligt riktlinjen Samverkan vid in- och utskrivning från den slutna vården."] },
      ],
    },
    {
      heading: "Samordningsärende efter slutenvård",
      paragraphs: [{ bullets: ["Fortsatt samordning sker per telefon under driftstörningen.", "Kommunens egen reservrutin följs."] }],
    },
    {
      heading: "Waranteamet när AK-systemet inte fungerar mot kommunerna",
      paragraphs: [
        "Waranteamet är en digital mottagning som styrs från Kullbergska sjukhuset och Mälarsjukhuset, bemannad varje vardag.",
        {
          numbered: [
            "Vid avvikande provsvar som kräver snar dosjustering eller provtagning i närtid ringer Waranteamets sjuksköterska till ansvarig sjuksköterska i kommunen.",
            "För övriga patienter postas dosering och datum för ny provtagning till kommunens sjuksköterskor, till adresserna i kontaktlistan. Räkna med en veckas fördröjning i postgången.",
          ],
        },
        "Kommunerna uppdaterar sina adresser i kontaktlistan vid förändringar. Har du tagit prov och vill ha svar på doseringen: ring Waranteamet på numret i kontaktlistan.",
      ],
    },
    {
      heading: "När driftstörningen är över",
      paragraphs: [
        {
          bullets: [
            "Det som vanligtvis skrivs i Vårdkedjan förs in av respektive aktör; Vårdkedjan visar listan för efterregistrering per enhet.",
            'Finns ett samordningsärende sedan tidigare skickas en sammanfattning av vad som hänt under driftstörningen som generellt meddelande med titeln "Sammanfattning av samordning under driftstörning".',
          ],
        },
      ],
    },
  ],
};
