import type { AccompanyingFormData } from "../documents/accompanying-form";
import type { BackupKitContent } from "../documents/backup-kit";
import type { ContactListContent } from "../documents/contact-list";
import type { DischargePlanContent } from "../documents/discharge-plan";
import type { OutageContactEntry } from "../documents/outage-form";
import type { PatientSummaryContent } from "../documents/patient-summary";
import type { SipDocumentContent } from "../documents/sip";
import type { PrintInfo } from "../layout/page";

/**
 * Made-up data for tests and previews. Tolvan Tolvansson 19121212-1212 is Skatteverket's test
 * person; the phone numbers come from the public routines (seeds 000 and 002).
 */

export const PRINT: Required<PrintInfo> = { printedBy: "Sanna Sjöberg", printedAt: new Date("2026-07-01T12:05:00Z") };

export const TOLVAN = { name: "Tolvan Tolvansson", personnummer: "191212121212" };
// Skatteverket test number: never a random valid personnummer.
export const ASA = { name: "Åsa Öberg-Ärlig", personnummer: "194408139089" };

export const patientSummary: PatientSummaryContent = {
  patient: ASA,
  ward: { name: "Avdelning 12 medicin", hospital: "Mälarsjukhuset", phone: "016-10 57 11" },
  admittedAt: "2026-06-24",
  dischargedAt: new Date("2026-07-01T09:00:00Z"),
  careSummary:
    "Du kom till sjukhuset på grund av andningsbesvär och feber. Du fick behandling med antibiotika för lunginflammation. Du har också fått hjälp av en fysioterapeut för att komma igång med att gå.\n\nDu mår nu bättre och kan gå hem. Fortsätt ta antibiotika i fem dagar till.",
  fixedCareContact: { name: "Fredrik Vall", unit: "Vårdcentralen Ekbacken", phone: "016-10 22 33" },
  sip: { at: new Date("2026-07-07T08:00:00Z"), place: "Hemma hos dig, Storgatan 1, Eskilstuna" },
  carePlans: [
    "Hemtjänst hjälper dig med dusch två gånger i veckan och med inköp.",
    "Distriktssköterskan kommer hem till dig på tisdag och tar blodprov.",
    "Trygghetslarm är beställt. Łukasz Čolić från kommunen ringer dig.",
  ],
  medication: "Waran enligt ordination från Waranteamet\nInsulin Novorapid 6 E till frukost\nAlvedon 1 g vid behov, högst 4 gånger per dygn",
  contacts: [
    { label: "Avdelning 12, Mälarsjukhuset", phone: "016-10 57 11", hours: "dygnet runt" },
    { label: "Vårdcentralen Ekbacken", phone: "016-10 22 33", hours: "vardagar 08.00–16.00" },
  ],
};

export const dischargePlan: DischargePlanContent = {
  patient: { ...TOLVAN, address: "Storgatan 1, 632 20 Eskilstuna" },
  ward: { name: "Avdelning 12 medicin", hospital: "Mälarsjukhuset", phone: "016-10 57 11" },
  admittedAt: "2026-06-24",
  readyForDischargeAt: new Date("2026-06-30T09:15:00Z"),
  dischargeAt: new Date("2026-07-01T11:30:00Z"),
  plan: "Hemsjukvården tar över såromläggning av höger underben två gånger i veckan. Hemtjänsten utökar med hjälp vid dusch. Vårdcentralen följer upp blodsocker om en vecka. Kommunens arbetsterapeut gör hembesök för bedömning av hjälpmedel i badrummet.",
  medication: "Waran enligt ordination från Waranteamet\nMetformin 500 mg 1 × 2\nAlvedon 1 g vid behov",
  aidsReturned: ["Rollator", "Insulinpennor (2 st)", "Inhalator Bricanyl", "Ögondroppar Xalatan", "Dosrulle (resterande påsar)"],
  receivingUnits: [
    { name: "Hemsjukvården Årby", organisation: "Eskilstuna kommun", role: "Kommunal hälso- och sjukvård", phone: "016-710 10 00" },
    { name: "Hemtjänst Öst", organisation: "Eskilstuna kommun", role: "Hemtjänst", phone: "016-710 20 00" },
    { name: "Vårdcentralen Ekbacken", organisation: "Region Sörmland", role: "Vårdcentral", phone: "016-10 22 33" },
  ],
  fixedCareContact: { name: "Fredrik Vall", unit: "Vårdcentralen Ekbacken", phone: "016-10 22 33" },
  sip: { at: new Date("2026-07-07T08:00:00Z"), place: "Patientens hem", video: false },
  responsible: { name: "Sanna Sjöberg", title: "sjuksköterska" },
};

export const sipDocument: SipDocumentContent = {
  patient: TOLVAN,
  meeting: { at: new Date("2026-07-07T08:00:00Z"), place: "Patientens hem" },
  interventions: [
    {
      intervention: "Såromläggning höger underben två gånger i veckan",
      responsibleHuvudman: "Eskilstuna kommun",
      performedBy: "Hemsjukvården Årby, distriktssköterska",
    },
    { intervention: "Uppföljning av blodsocker och läkemedel", responsibleHuvudman: "Region Sörmland", performedBy: "Vårdcentralen Ekbacken, Fredrik Vall" },
    { intervention: "Hjälp med dusch och inköp", responsibleHuvudman: "Eskilstuna kommun", performedBy: "Hemtjänst Öst" },
  ],
  overallResponsible: "Region Sörmland (Vårdcentralen Ekbacken)",
  otherMeasures: [{ actor: "Dottern Märta", measure: "Handlar mat på lördagar och följer med på läkarbesök." }],
  goals: ["Tolvan ska kunna bo kvar hemma.", "Såret ska vara läkt inom åtta veckor."],
  followUpAt: "2026-08-15",
  participants: [
    { name: "Tolvan Tolvansson", role: "Patient" },
    { name: "Fredrik Vall", role: "Fast vårdkontakt", organisation: "Vårdcentralen Ekbacken" },
    { name: "Berit Holm", role: "Biståndshandläggare", organisation: "Eskilstuna kommun" },
  ],
  consent: "given",
  offeredToPatient: true,
  patientView: "Vill helst ha besök på förmiddagen.",
};

export const outageEntries: OutageContactEntry[] = [
  {
    at: new Date("2026-07-01T07:40:00Z"),
    counterpartName: "Berit Holm",
    counterpartUnit: "Biståndsenheten, Eskilstuna kommun",
    counterpartPhone: "016-710 10 00",
    steps: ["admission", "expectedDischargeDate", "consentHandedOver"],
    direction: "given",
    comment: "Samtycke till informationsöverföring och NPÖ överlämnat. Beräknad utskrivning 2026-07-04.",
    signedBy: "Sanna Sjöberg",
  },
  {
    at: new Date("2026-07-01T10:15:00Z"),
    counterpartName: "Fredrik Vall",
    counterpartUnit: "Vårdcentralen Ekbacken",
    steps: ["sipDate"],
    direction: "received",
    comment: "SIP-möte bokat 7 juli kl. 10 i hemmet.",
    signedBy: "Sanna Sjöberg",
  },
];

export const accompanyingData: AccompanyingFormData = {
  patient: { name: ASA.name, personnummer: ASA.personnummer, address: "Ängsvägen 3, 611 30 Nyköping", phone: "0155-12 34 56" },
  housing: "special",
  nextOfKin: [{ name: "Märta Öberg", relation: "dotter", phone: "070-123 45 67" }],
  municipalCare: { unit: "Hemsjukvården Nyköping", nurse: "Jöns Åkesson", phone: "0155-24 80 00" },
  homeCare: { unit: "Hemtjänst Väst", phone: "0155-24 81 00" },
  needsAssessor: { name: "Berit Holm", phone: "0155-24 82 00" },
  primaryCare: { unit: "Vårdcentralen Brandholmen", fixedCareContact: "Fredrik Vall", phone: "0155-24 83 00" },
  consent: { informationTransfer: "yes", npo: "no", note: "Samtycket finns i kommunens journal sedan 2025-11-02." },
  helpNeeds: { services: ["homeCare", "safetyAlarm"], description: "Går med rollator inomhus. Behöver hjälp med dusch och påklädning." },
  sbar: {
    situation: "Föll i badrummet i natt, smärta i höger höft.",
    background: "Diabetes typ 2, förmaksflimmer, behandlas med Waran.",
    assessment: "Puls 92, blodtryck 145/85, vaken och orienterad.",
    recommendation: "Röntgen av höften. Kontrollera PK.",
  },
  medication: { listEnclosed: true, doseRollEnclosed: false, personal: ["insulinPens", "eyeDrops"], other: "Xalatan ögondroppar" },
  aids: { items: ["walkingAid"], other: "Rollator" },
  filledBy: { name: "Jöns Åkesson", title: "sjuksköterska", unit: "Hemsjukvården Nyköping", phone: "0155-24 80 00", date: "2026-07-01" },
};

export const contactList: ContactListContent = {
  region: "Region Sörmland",
  version: 7,
  validFrom: "2026-07-01",
  organisations: [
    {
      name: "Region Sörmland",
      units: [
        {
          name: "Mälarsjukhuset",
          entries: [
            { function: "Utskrivningsledare", phones: ["016-10 57 11"], hours: "07.30–16.15", mailbox: "utskrivningsledareMSE@regionsormland.se" },
            { function: "Växel (även jourtid)", phones: ["016-10 30 00"], hours: "dygnet runt" },
          ],
        },
        {
          name: "Nyköpings lasarett",
          entries: [
            { function: "Utskrivningsledare", phones: ["076-496 44 21"], hours: "07.30–16.15", mailbox: "utskrivningsledareNLN@regionsormland.se" },
            { function: "Växel (även jourtid)", phones: ["0155-24 50 00"], hours: "dygnet runt" },
          ],
        },
        {
          name: "Waranteamet",
          entries: [
            {
              function: "Sjuksköterska",
              phones: ["016-10 40 40"],
              hours: "vardagar",
              postalAddress: "Kullbergska sjukhuset, 641 81 Katrineholm",
              note: "Doseringsbesked skickas med post vid driftstörning",
            },
          ],
        },
      ],
    },
    {
      name: "Eskilstuna kommun",
      units: [
        {
          name: "Biståndsenheten",
          entries: [
            {
              function: "Biståndshandläggare (via växeln)",
              phones: ["016-710 10 00"],
              hours: "vardagar 08.00–16.30",
              mailbox: "bistand@eskilstuna.se",
              postalAddress: "Box 1, 631 86 Eskilstuna",
            },
          ],
        },
        {
          name: "Hemsjukvården",
          entries: [
            {
              function: "Sjuksköterska",
              phones: ["016-710 20 00", "016-710 20 01 (kväll)"],
              hours: "dygnet runt",
              postalAddress: "Hemsjukvården, 631 86 Eskilstuna",
            },
          ],
        },
      ],
    },
  ],
};

/** A long contact list (many municipalities) that needs several pages. */
export function longContactList(municipalities = 12): ContactListContent {
  const names = [
    "Flen",
    "Gnesta",
    "Katrineholm",
    "Nyköping",
    "Oxelösund",
    "Strängnäs",
    "Trosa",
    "Vingåker",
    "Eskilstuna",
    "Älmhult",
    "Örnsköldsvik",
    "Härnösand",
  ];
  return {
    ...contactList,
    organisations: [
      ...contactList.organisations,
      ...Array.from({ length: municipalities }, (_, i) => ({
        name: `${names[i % names.length]} kommun`,
        units: [
          {
            name: "Kommunal hälso- och sjukvård",
            entries: [
              {
                function: "Sjuksköterska dag",
                phones: [`0${150 + i}-10 00 0${i % 10}`],
                hours: "07.00–16.00",
                mailbox: `hsl@${(names[i % names.length] ?? "").toLowerCase()}.se`,
              },
              { function: "Sjuksköterska kväll och natt", phones: [`0${150 + i}-10 00 1${i % 10}`], hours: "16.00–07.00" },
            ],
          },
          {
            name: "Biståndsenheten",
            entries: [
              {
                function: "Biståndshandläggare",
                phones: [`0${150 + i}-20 00 00`],
                hours: "vardagar 08.00–16.00",
                postalAddress: `Kommunhuset, ${names[i % names.length]}`,
              },
            ],
          },
        ],
      })),
    ],
  };
}

export const backupKit: BackupKitContent = {
  unit: { name: "Avdelning 12 medicin", organisation: "Mälarsjukhuset, Region Sörmland" },
  region: "Region Sörmland",
  date: "2026-07-01",
  version: "Rutin 1.0, kontaktlista 7",
  routine: {
    title: "Reservrutin vid driftstörning i Vårdkedjan",
    version: "1.0",
    decided: "Beslutad 2026-06-26",
    sections: [
      {
        heading: "Beskrivning",
        paragraphs: [
          "Reservrutinen gäller för kommunikation mellan kommuner, öppenvård och region när Vårdkedjan eller journalsystemet inte fungerar.",
          {
            bullets: [
              "All kommunikation sker via telefon enligt kontaktlistan.",
              "Dokumentation förs in i Vårdkedjan av respektive aktör när driftstörningen är löst.",
            ],
          },
        ],
      },
      {
        heading: "Detta behöver skickas med patienten till sjukhuset",
        paragraphs: [
          {
            bullets: [
              "Aktuell läkemedelslista i förslutet kuvert.",
              "Om patienten har dosdispenserade läkemedel ska hela dosrullen skickas med.",
              "Individbundna läkemedel som till exempel insulinpennor, inhalatorer eller ögondroppar.",
              "Specialanpassade hjälpmedel som till exempel komfortrullstol eller gånghjälpmedel.",
            ],
          },
        ],
      },
      {
        heading: "Utskrivning",
        paragraphs: [
          { numbered: ["Meddela kommunen att patienten har lämnat sjukhuset.", "Ring upp patienten inom 48 timmar."] },
          "Vårdcentralen ringer patienten inom 7 dagar.",
        ],
      },
    ],
  },
  contactList,
  outageForm: { sendTo: "Förvaltning Vårdkedjan, IT-enheten, Mälarsjukhuset" },
};
