import { OUTAGE_SYSTEMS } from "../types";
import type { RoutineProfile } from "../profile-schema";

/**
 * Region Västernorrland's routine, condensed from Region Västernorrland, Avbrottsrutin Lifecare SP ("Avbrottsrutin Lifecare Samordnad
 * Planering (SP)", 2025-10-02, version 1.0, not yet decided; an OCR scan) and worded for
 * Vårdkedjan: "Lifecare SP" reads "Vårdkedjan". Public text; the phone numbers are the routine's.
 *
 * Readings where the seed is vague:
 * - Threshold: "Korta avbrott (upp till ett par timmar)" need no routine; "Längre avbrott (upp
 *   till en arbetsdag eller mer)" need it. The long category starts where the short one ends, so
 *   the threshold is 2 hours (the safe side: between "a couple of hours" and "a working day"
 *   the seed leaves no third category). An administrator may raise it, e.g. to 8.
 * - Contact-list confirmation: the seed has none (the kommuner are reached through their
 *   switchboards); 6 hours as Sörmland, the product default.
 * - Follow-up calls to the patient after discharge: not in the seed, so none.
 * - The summary message of the Sörmland routine is not in the seed either; it is kept on, since the seed asks
 *   that every contact begun or ended during the outage be documented afterwards.
 * - The person who receives the forms is named in the seed; the kit names the unit only.
 */
export const VASTERNORRLAND_ROUTINE_PROFILE: RoutineProfile = {
  regionHsaId: "SE2321000206-VG",
  regionName: "Region Västernorrland",
  name: "Avbrottsrutin Vårdkedjan",
  source: {
    title: "Avbrottsrutin Lifecare Samordnad Planering (SP)",
    decided: null,
    version: "1.0 (2025-10-02, ej beslutad)",
  },
  routineAppliesAfterHours: 2,
  contactConfirmationHours: 6,
  dischargeRequiresReceiverConfirmation: true,
  summaryMessageTitle: "Sammanfattning av samordning under driftstörning",
  dischargeCoordinatorHours: null,
  sipInvitationBy: "primarvarden",
  registerAfter: {
    admission: true,
    discharge: true,
    readyForDischarge: false,
    planningBasis: "om_inte_klar_eller_hemma",
    sipCall: true,
    fixedCareContact: true,
    acknowledgeMessages: true,
    summaryMessage: true,
  },
  followUpCalls: [],
  manualChecklist: [
    {
      key: "blankett_journal",
      text: "Skanna in blanketten eller telefonloggen i patientens journal",
      role: "avdelning",
      when: "efter_utskrivning",
    },
  ],
  variants: [
    {
      key: "avbrott",
      name: "Avbrott i Vårdkedjan",
      systems: [...OUTAGE_SYSTEMS],
      instructions: [
        "Kontakta den egna IT-supporten omedelbart.",
        "All kommunikation mellan region och kommun sker per telefon och dokumenteras i respektive huvudmans journalsystem.",
        "Utskrivning från sjukhus får inte ske förrän mottagande enhet har bekräftat att den tagit emot informationen.",
      ],
      stepNotes: {
        inskrivning:
          "Ring kommunens växel och fråga efter ansvarig biståndshandläggare, som för informationen vidare inom kommunen. Primärvården nås via den fasta vårdkontakten.",
        utskrivningsmeddelande:
          "Utskrivningen får inte ske förrän mottagande enhet har bekräftat att den tagit emot informationen. Notera namnet på den du talat med.",
        faktiskt_utskrivningsdatum: "Säkerställ att mottagande enhet har tagit emot utskrivningsdatumet innan patienten skrivs ut.",
        sip_datum:
          "Primärvården/öppenvården ringer alla berörda parter och kallar till mötet. En formell kallelse skickas i Vårdkedjan när systemet är i drift igen.",
      },
    },
  ],
  sections: [
    {
      heading: "Omfattning och syfte",
      paragraphs: [
        "Rutinen gäller all personal i Region Västernorrland och länets kommuner som arbetar i Vårdkedjan, vid avbrott i Vårdkedjan. Den tillämpas utifrån verksamhetens typ: somatisk slutenvård, psykiatrisk slutenvård, primärvård/öppenvård och kommunal vård och omsorg.",
        "Syftet är att nödvändig information mellan regionen och kommunerna ska kunna förmedlas även vid ett driftavbrott. All personal som arbetar i Vårdkedjan ansvarar för att följa rutinen.",
      ],
    },
    {
      heading: "Vid avbrott: kontakta IT-supporten",
      paragraphs: [
        "Kontakta den egna IT-supporten omedelbart, både för att felsökningen ska börja och för att berörda användare snabbt ska få information.",
        {
          bullets: [
            "Region Västernorrland: Servicedesk, telefon 0660-890 70, eller ärendeportalen support.it@rvn.se.",
            "Kommunerna: respektive kommuns IT-support.",
          ],
        },
      ],
    },
    {
      heading: "När rutinen gäller",
      paragraphs: [
        {
          bullets: [
            "Korta avbrott (upp till ett par timmar) bedöms inte påverka verksamheten i någon större omfattning.",
            "Längre avbrott (upp till en arbetsdag eller mer) kräver att avbrottsrutinen tillämpas, särskilt vid utskrivning från sjukhus och vid samordnad individuell planering (SIP).",
          ],
        },
        "Alla parter i vårdkedjan ska vara underrättade om patientens situation. Utskrivning från sjukhus får inte ske utan att det är säkerställt att mottagande enhet har tagit emot informationen.",
      ],
    },
    {
      heading: "Kommunikation under avbrottet",
      paragraphs: [
        "All kommunikation mellan region och kommun sker per telefon. Informationen dokumenteras i respektive huvudmans ordinarie journalsystem.",
        {
          bullets: [
            "Slutenvården: regionanställda hittar kontaktuppgifter i telefonkatalogen på intranätet.",
            "Kommunen: en väg in. Ring kommunens växel och fråga efter ansvarig biståndshandläggare, som för informationen vidare till övriga berörda enheter i kommunen.",
            "Primärvården/öppenvården: nås via den fasta vårdkontakten.",
          ],
        },
        "Alla parter i vårdkedjan har ett gemensamt ansvar för att relevant information förs över på ett säkert och strukturerat sätt.",
      ],
    },
    {
      heading: "Slutenvårdens ansvar (somatisk och psykiatrisk)",
      paragraphs: [
        "Kontakta samtliga berörda parter i vårdkedjan:",
        {
          bullets: [
            "Kontaktperson på kommunen (biståndshandläggare).",
            "Primärvården/hälsocentralen (fast vårdkontakt).",
            "Psykiatrisk öppenvård vid behov (fast vårdkontakt).",
          ],
        },
        "Säkerställ att följande information förs över muntligt:",
        {
          bullets: ["Inskrivning", "Beräknat utskrivningsdatum", "Planeringsunderlag", "Faktiskt utskrivningsdatum", "Utskrivningsmeddelande"],
        },
      ],
    },
    {
      heading: "Kommunens ansvar",
      paragraphs: [
        {
          bullets: [
            "Svara på inskrivningar från slutenvården genom att meddela aktuella insatser.",
            "Använd direktnummer till avdelningen/enheten eller Region Västernorrlands växel.",
            "Återkoppla till slutenvården när kommunen kan ta emot patienten.",
          ],
        },
      ],
    },
    {
      heading: "Primärvårdens och öppenvårdens ansvar",
      paragraphs: [
        {
          bullets: [
            "Kontakta aktuella parter i vårdkedjan: slutenvården och kommunen (biståndshandläggare).",
            "Svara på inskrivningsmeddelanden från slutenvården.",
            "Ange fast vårdkontakt och aktuella insatser.",
            "Meddela kommunen om behov av SIP, och vem som kallar.",
          ],
        },
      ],
    },
    {
      heading: "Kallelse till SIP under avbrottet",
      paragraphs: [
        {
          bullets: [
            "Primärvården/öppenvården ringer alla berörda parter och kallar till mötet.",
            "SIP-mötet dokumenteras på stödblanketten.",
            "Patienten erbjuds en kopia av SIP-dokumentationen.",
            "Har ni kommit överens om datum för SIP per telefon skickas en formell kallelse i Vårdkedjan när systemet är i drift igen.",
          ],
        },
      ],
    },
    {
      heading: "Blankett vid driftstopp",
      paragraphs: [
        "Alla händelser som påbörjats eller avslutats under avbrottet dokumenteras i patientens journal enligt ordinarie rutiner. Blanketten är ett stöd för att notera information som lämnats eller tagits emot muntligt, så att efterregistreringen blir korrekt.",
        {
          bullets: [
            "Notera datum och signatur för varje kontakt.",
            "Notera namnet på den person du haft kontakt med (i kommentarsfältet).",
            "Blanketten kan skannas in i patientens journal (i kommunen: bifogas verksamhetens dokumentation) och därefter kasseras.",
          ],
        },
        "Slutenvården skickar blanketterna, när de inte längre behövs, till systemförvaltningen, som sammanställer dem för fakturering till kommunerna och för statistik:",
        {
          numbered: [
            "Lägg blanketterna i ett kuvert och förslut det (känslig information).",
            'Skriv "Vårdkedjan" på kuvertet.',
            "Lägg kuvertet i ett internkuvert och skicka det med internposten till systemförvaltningen, IT-enheten Skeppet, Örnsköldsviks sjukhus.",
          ],
        },
      ],
    },
    {
      heading: "När Vårdkedjan är i drift igen: vilka patienter registreras i efterhand?",
      paragraphs: [
        {
          bullets: [
            "Patienter inskrivna under avbrottet registreras, för att slutföra processen. Information som redan meddelats behöver inte föras in retroaktivt.",
            "Patienter som skrivits ut under avbrottet registreras som utskrivna.",
            "Patienter som under avbrottet hunnit bli både inskrivna och utskrivna behöver inte registreras i efterhand.",
          ],
        },
      ],
    },
    {
      heading: "Vilka uppgifter registreras i efterhand?",
      paragraphs: [
        "Registreras:",
        {
          bullets: [
            "Inskrivningsmeddelande.",
            "Patientinformation (fyll i om det är möjligt). Om patienten gått hem skickas den hem till patienten.",
            "Utskrivningsmeddelande.",
          ],
        },
        "Registreras inte:",
        { bullets: ["Utskrivningsklar-meddelande.", "Planeringsunderlag (om patienten blivit utskrivningsklar eller gått hem)."] },
        "Kommunen:",
        {
          bullets: [
            "Kontrollera och kvittera alla nya eller fördröjda meddelanden som kommit in i samband med eller efter avbrottet.",
            "Patientinformation (fyll i om det är möjligt). Om patienten gått hem skickas den hem till patienten.",
          ],
        },
        "Primärvården/öppenvården (även psykiatrisk öppenvård):",
        {
          bullets: [
            "Kontrollera och kvittera alla nya eller fördröjda meddelanden som kommit in i samband med eller efter avbrottet.",
            "Bekräfta fast vårdkontakt.",
            "Patientinformation (fyll i om det är möjligt). Om patienten gått hem skickas den hem till patienten.",
            "Skicka kallelse till SIP där man kommit överens om datum: primärvården/öppenvården kallar, oavsett vem som loggade samtalet.",
          ],
        },
      ],
    },
    {
      heading: "Viktiga telefonnummer",
      paragraphs: [
        "Region Västernorrlands växel: 0611-800 00, eller direktnummer till avdelningen/enheten.",
        "Kommunernas växlar (fråga efter ansvarig biståndshandläggare):",
        {
          bullets: [
            "Timrå 060-16 31 00",
            "Ånge 0690-25 01 00",
            "Örnsköldsvik 0660-880 00",
            "Sundsvall 060-19 10 00",
            "Kramfors 0612-800 00",
            "Härnösand 0611-34 80 00",
            "Sollefteå 0620-68 20 00",
          ],
        },
      ],
    },
  ],
};
