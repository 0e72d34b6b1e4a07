import { drawHeading, drawNote, drawSignatureRow, drawTitle } from "../layout/blocks";
import { formatDate, formatPersonnummer, type DateInput } from "../layout/format";
import { checkField, drawGrid, field, type GridRow } from "../layout/grid";
import type { PdfLayout, PrintInfo } from "../layout/page";
import { renderPdf } from "../layout/render";
import { patientHeaderLine, SEALED_ENVELOPE_NOTE } from "./common";

/**
 * "Medföljande blankett": what the municipality's health care sends with a patient to hospital
 * in a sealed envelope when the system is down (Region Sörmland, Reservrutin Link, table row "Vårdbegäran"): consent,
 * personal and contact data, help needs before admission, SBAR, current prescriptions, personal
 * medicines (insulin pens, inhalers, eye drops), aids. Blank, or pre-filled from what is known.
 */

export const ACCOMPANYING_FORM_TITLE = "Medföljande blankett";

export const HOUSING_LABELS = {
  ordinary: "Ordinärt boende",
  special: "Särskilt boende",
  shortTerm: "Korttidsboende",
  other: "Annat",
} as const;
export type Housing = keyof typeof HOUSING_LABELS;

export const HELP_SERVICE_LABELS = {
  homeCare: "Hemtjänst",
  homeHealthCare: "Hemsjukvård",
  safetyAlarm: "Trygghetslarm",
  mealDelivery: "Matdistribution",
  dayActivity: "Dagverksamhet",
  rehabilitation: "Rehabilitering",
  personalAssistance: "Personlig assistans",
  other: "Annat",
} as const;
export type HelpService = keyof typeof HELP_SERVICE_LABELS;

export const PERSONAL_MEDICINE_LABELS = {
  insulinPens: "Insulinpennor",
  inhalers: "Inhalatorer",
  eyeDrops: "Ögondroppar",
  specialMedicines: "Specialläkemedel (t.ex. licensläkemedel)",
} as const;
export type PersonalMedicine = keyof typeof PERSONAL_MEDICINE_LABELS;

export const AID_LABELS = {
  comfortWheelchair: "Komfortrullstol",
  wheelchair: "Rullstol",
  walkingAid: "Gånghjälpmedel / rollator",
  other: "Annat",
} as const;
export type Aid = keyof typeof AID_LABELS;

/** Consents the municipality holds (the region asks the patient itself at admission). */
export type ConsentAnswer = "yes" | "no" | "cannotDecide";

export interface AccompanyingFormData {
  patient?: { name?: string; personnummer?: string; address?: string; phone?: string };
  housing?: Housing;
  housingOther?: string;
  nextOfKin?: { name: string; relation?: string; phone?: string }[];
  /** Kommunal hälso- och sjukvård. */
  municipalCare?: { unit?: string; nurse?: string; phone?: string };
  homeCare?: { unit?: string; phone?: string };
  needsAssessor?: { name?: string; phone?: string };
  primaryCare?: { unit?: string; fixedCareContact?: string; phone?: string };
  consent?: { informationTransfer?: ConsentAnswer; npo?: ConsentAnswer; note?: string };
  helpNeeds?: { services?: HelpService[]; other?: string; description?: string };
  sbar?: { situation?: string; background?: string; assessment?: string; recommendation?: string };
  medication?: {
    /** Current medication list / ordinationshandling enclosed in the sealed envelope. */
    listEnclosed?: boolean;
    /** Dose-dispensed: the whole dose roll sent along. */
    doseRollEnclosed?: boolean;
    personal?: PersonalMedicine[];
    other?: string;
  };
  aids?: { items?: Aid[]; other?: string };
  filledBy?: { name?: string; title?: string; unit?: string; phone?: string; date?: DateInput };
}

export interface AccompanyingFormContent {
  /** The municipality, e.g. "Eskilstuna kommun". */
  organisation?: string;
  /** The unit sending the patient. */
  unit?: string;
  /** What is known; absent for a blank form. */
  data?: AccompanyingFormData;
}

export type AccompanyingFormInput = AccompanyingFormContent & PrintInfo;

const consentChecks = (answer: ConsentAnswer | undefined, withCannot: boolean) => [
  { label: "Ja", checked: answer === "yes" },
  { label: "Nej", checked: answer === "no" },
  ...(withCannot ? [{ label: "Kan inte ta ställning", checked: answer === "cannotDecide" }] : []),
];

function labelled<K extends string>(labels: Record<K, string>, chosen: readonly K[] | undefined) {
  const set = new Set<K>(chosen ?? []);
  return (Object.keys(labels) as K[]).map((k) => ({ label: labels[k], checked: set.has(k) }));
}

export function drawAccompanyingForm(layout: PdfLayout, input: AccompanyingFormContent): void {
  const d = input.data ?? {};
  const p = d.patient ?? {};
  layout.startSection({
    documentName: ACCOMPANYING_FORM_TITLE,
    headerLines: [
      p.name && p.personnummer
        ? patientHeaderLine({ name: p.name, personnummer: p.personnummer })
        : "Patient (namn, personnummer): ________________________________",
    ],
    footerNote: SEALED_ENVELOPE_NOTE,
  });
  drawTitle(layout, ACCOMPANYING_FORM_TITLE, "Följer med patienten till sjukhuset i förslutet kuvert vid driftstörning");
  drawNote(layout, [
    "Fylls i av kommunens hälso- och sjukvård, av den som vanligtvis skriver vårdbegäran. Lägg blanketten i ett förslutet kuvert tillsammans med aktuell läkemedelslista och skicka den med patienten till akuten.",
    "Skicka med individbundna läkemedel och specialanpassade hjälpmedel. Har patienten dosdispenserade läkemedel skickas hela dosrullen med. Följ rutinen för säker läkemedelshantering vid in- och utskrivning.",
  ]);

  const top: GridRow[] = [{ cells: [field("Region / kommun", input.organisation, { width: 0.45 }), field("Skickande enhet", input.unit, { width: 0.55 })] }];
  drawGrid(layout, top);

  drawHeading(layout, "Personuppgifter");
  drawGrid(layout, [
    { cells: [field("Namn", p.name, { width: 0.6 }), field("Personnummer", p.personnummer ? formatPersonnummer(p.personnummer) : undefined, { width: 0.4 })] },
    { cells: [field("Adress", p.address, { width: 0.6 }), field("Telefon", p.phone, { width: 0.4 })] },
    {
      cells: [
        checkField("Boende", labelled(HOUSING_LABELS, d.housing ? [d.housing] : []), { width: 0.65, columns: 4 }),
        field("Annat boende, vilket", d.housingOther, { width: 0.35 }),
      ],
    },
  ]);

  drawHeading(layout, "Kontaktuppgifter");
  const kin = d.nextOfKin && d.nextOfKin.length > 0 ? d.nextOfKin : [undefined, undefined];
  drawGrid(layout, [
    ...kin.map((k) => ({
      cells: [
        field("Närstående (namn)", k?.name, { width: 0.45 }),
        field("Relation", k?.relation, { width: 0.25 }),
        field("Telefon", k?.phone, { width: 0.3 }),
      ],
    })),
    {
      cells: [
        field("Kommunal hälso- och sjukvård (enhet)", d.municipalCare?.unit, { width: 0.4 }),
        field("Ansvarig sjuksköterska", d.municipalCare?.nurse, { width: 0.3 }),
        field("Telefon", d.municipalCare?.phone, { width: 0.3 }),
      ],
    },
    { cells: [field("Hemtjänst (enhet)", d.homeCare?.unit, { width: 0.7 }), field("Telefon", d.homeCare?.phone, { width: 0.3 })] },
    { cells: [field("Biståndshandläggare", d.needsAssessor?.name, { width: 0.7 }), field("Telefon", d.needsAssessor?.phone, { width: 0.3 })] },
    {
      cells: [
        field("Vårdcentral", d.primaryCare?.unit, { width: 0.4 }),
        field("Fast vårdkontakt", d.primaryCare?.fixedCareContact, { width: 0.3 }),
        field("Telefon", d.primaryCare?.phone, { width: 0.3 }),
      ],
    },
  ]);

  drawHeading(layout, "Samtycke");
  drawGrid(
    layout,
    [
      {
        cells: [
          checkField("Samtycke till informationsöverföring mellan kommun och region", consentChecks(d.consent?.informationTransfer, true), {
            width: 0.6,
            columns: 3,
          }),
          checkField("Samtycke till läsning i NPÖ", consentChecks(d.consent?.npo, false), { width: 0.4, columns: 2 }),
        ],
      },
      { cells: [field("Kommentar om samtycke (t.ex. vem som har lämnat det, företrädare)", d.consent?.note)] },
    ],
    { keepTogether: true },
  );

  drawHeading(layout, "Hjälpbehov före aktuell händelse");
  drawGrid(layout, [
    {
      cells: [
        checkField("Insatser före inläggningen", labelled(HELP_SERVICE_LABELS, d.helpNeeds?.services), {
          columns: 4,
          extra: d.helpNeeds?.other ? [{ kind: "text", text: `Annat: ${d.helpNeeds.other}`, size: 9.5 }] : [],
        }),
      ],
    },
    { cells: [field("Hjälpbehov i vardagen (förflyttning, ADL, kognition, kommunikation)", d.helpNeeds?.description, { lines: 3 })] },
  ]);

  drawHeading(layout, "SBAR");
  const s = d.sbar ?? {};
  drawGrid(layout, [
    { cells: [field("S – Situation: varför patienten skickas till sjukhuset", s.situation, { lines: 3 })] },
    { cells: [field("B – Bakgrund: tidigare sjukdomar, aktuell behandling", s.background, { lines: 3 })] },
    { cells: [field("A – Aktuellt tillstånd: vitalparametrar, bedömning", s.assessment, { lines: 3 })] },
    { cells: [field("R – Rekommendation: vad behöver mottagaren veta eller göra", s.recommendation, { lines: 2 })] },
  ]);

  drawHeading(layout, "Läkemedel");
  const m = d.medication ?? {};
  drawGrid(
    layout,
    [
      {
        cells: [
          checkField(
            "Aktuell ordinationshandling",
            [
              { label: "Aktuell läkemedelslista bifogad i förslutet kuvert", checked: m.listEnclosed === true },
              { label: "Dosdispenserade läkemedel: hela dosrullen medskickad", checked: m.doseRollEnclosed === true },
            ],
            { columns: 1 },
          ),
        ],
      },
      { cells: [checkField("Individbundna läkemedel som skickas med", labelled(PERSONAL_MEDICINE_LABELS, m.personal), { columns: 2 })] },
      { cells: [field("Övriga medskickade läkemedel", m.other, { lines: 2 })] },
    ],
    { keepTogether: true },
  );

  drawHeading(layout, "Hjälpmedel");
  drawGrid(
    layout,
    [
      { cells: [checkField("Specialanpassade hjälpmedel som skickas med", labelled(AID_LABELS, d.aids?.items), { columns: 4 })] },
      { cells: [field("Vilka (även annat)", d.aids?.other, { lines: 1 })] },
    ],
    { keepTogether: true },
  );

  drawHeading(layout, "Ifylld av");
  const f = d.filledBy ?? {};
  drawGrid(layout, [
    {
      cells: [
        field("Namn", f.name, { width: 0.32 }),
        field("Titel", f.title, { width: 0.2 }),
        field("Enhet", f.unit, { width: 0.28 }),
        field("Telefon", f.phone, { width: 0.2 }),
      ],
    },
  ]);
  layout.moveDown(4);
  drawSignatureRow(layout, [
    { label: "Datum", value: f.date ? formatDate(f.date) : undefined, width: 1 },
    { label: "Signatur", width: 2 },
  ]);
}

export function renderAccompanyingForm(input: AccompanyingFormInput): Promise<Buffer> {
  return renderPdf({ title: ACCOMPANYING_FORM_TITLE, print: input }, (layout) => drawAccompanyingForm(layout, input));
}
