import "../zod-csp";
import * as z from "zod";

/**
 * The amount per vårddygn the kommun pays for a patient who is ready for discharge and still in
 * hospital: one amount per calendar year, fixed by Socialstyrelsen in a föreskrift "om belopp för
 * vård av utskrivningsklara patienter för år X" (LOSUS 5 kap. 6 §; förordning (2017:617) om
 * fastställande av belopp för vård av utskrivningsklara patienter). Since 2019 the föreskrift
 * has a single amount for all care, somatic and psychiatric alike (HSLF-FS 2018:67).
 *
 * The amounts are data, never constants in the rules: the administrator enters a new year with
 * its föreskrift, and an agreement may set its own amount instead (the law is dispositive).
 * Amounts are whole kronor, as the föreskrifter state them.
 */

/** "HSLF-FS 2018:67": Socialstyrelsen's författningssamling, year and number. */
export const REGULATION_ID = /^HSLF-FS \d{4}:\d{1,4}$/;

export interface YearlyAmount {
  year: number;
  /** Kronor per vårddygn. */
  amountKr: number;
  /** The föreskrift that fixes it ("HSLF-FS 2018:67"); null when the number is not known yet. */
  regulationId: string | null;
  /** Where the figure was read: the föreskrift's title or the page that quotes it. */
  source: string;
}

const year = z
  .number({ error: "Året måste vara ett tal" })
  .int({ error: "Året måste vara ett heltal" })
  .min(2018, { error: "Beloppen enligt lagen om samverkan vid utskrivning gäller från 2018" })
  .max(2100, { error: "Året är orimligt långt fram" });

const amountKr = z
  .number({ error: "Beloppet måste vara ett tal (kronor)" })
  .int({ error: "Beloppet anges i hela kronor" })
  .min(1, { error: "Beloppet måste vara större än noll" })
  .max(100_000, { error: "Beloppet är orimligt högt för ett vårddygn" });

const regulationId = z
  .string({ error: "Ange föreskriftens beteckning" })
  .trim()
  .regex(REGULATION_ID, { error: 'Ange föreskriftens beteckning som "HSLF-FS 2025:74"' });

/** A stored row: the föreskrift's id may be missing for years entered before it was known. */
export const yearlyAmountSchema = z
  .object({
    year,
    amountKr,
    regulationId: regulationId.nullable(),
    source: z.string().trim().min(1, { error: "Ange källan" }).max(500),
  })
  .strict();

/** What the administrator enters for a new year: the föreskrift's id is required. */
export const newYearlyAmountSchema = yearlyAmountSchema.extend({ regulationId });

/**
 * The years the research found with both amount and source. Years without a found amount (2018,
 * 2021, 2024–2026) are deliberately absent: the administrator enters them from socialstyrelsen.se
 * (the 2026 amount is in HSLF-FS 2025:74). 2020 and 2022 lack the föreskrift's number.
 */
export const KNOWN_YEARLY_AMOUNTS: readonly YearlyAmount[] = [
  {
    year: 2019,
    amountKr: 7_800,
    regulationId: "HSLF-FS 2018:67",
    source: "Socialstyrelsens föreskrifter om belopp för vård av utskrivningsklara patienter för år 2019 (HSLF-FS 2018:67)",
  },
  {
    year: 2020,
    amountKr: 8_200,
    regulationId: null,
    source:
      "Region Stockholm, Gemensam rutin för samverkan vid utskrivning från psykiatrisk heldygnsvård: det kommunala betalningsansvaret (8 200 kronor enligt Socialstyrelsens föreskrifter)",
  },
  {
    year: 2022,
    amountKr: 9_300,
    regulationId: null,
    source: "Vårdsamverkan Skåne, Belopp för vård av utskrivningsklara patienter (2021-12-14)",
  },
  {
    year: 2023,
    amountKr: 10_500,
    regulationId: "HSLF-FS 2022:60",
    source: "Socialstyrelsens föreskrifter om belopp för vård av utskrivningsklara patienter för år 2023 (HSLF-FS 2022:60)",
  },
];

export type AmountSource =
  | { kind: "overenskommelse"; amountKr: number }
  | { kind: "socialstyrelsen"; amountKr: number; regulationId: string | null; year: number }
  | { kind: "saknas"; year: number };

/**
 * The amount for a vårddygn in `year`: the agreement's own amount if it has one, else the
 * year's row of the table. "saknas" when neither exists: the days are still counted, the money
 * is not invented.
 */
export function amountForYear(year: number, table: readonly YearlyAmount[], agreementAmountKr?: number): AmountSource {
  if (agreementAmountKr !== undefined) return { kind: "overenskommelse", amountKr: agreementAmountKr };
  const row = table.find((r) => r.year === year);
  return row ? { kind: "socialstyrelsen", amountKr: row.amountKr, regulationId: row.regulationId, year } : { kind: "saknas", year };
}

/** Swedish text for where an amount comes from, for the invoice basis and the explanations. */
export function amountSourceText(source: AmountSource): string {
  switch (source.kind) {
    case "overenskommelse":
      return "belopp enligt överenskommelsen";
    case "socialstyrelsen":
      return source.regulationId ? `Socialstyrelsens belopp för ${source.year} (${source.regulationId})` : `Socialstyrelsens belopp för ${source.year}`;
    case "saknas":
      return `belopp för ${source.year} saknas i beloppstabellen`;
  }
}
