import "../zod-csp";
import { z } from "zod";
import { REGISTER_FIELDS, REGISTER_FIELD_LABELS, type RegisterField } from "./register-labels";

/**
 * A patient directory that never blocks an admission: when the population register (folkbokföringen)
 * does not know a valid number, or does not answer, the ward registers the name and address by hand
 * and the patient is flagged until the register confirms the person. Then the register's details
 * replace the hand-typed ones and the differences are kept, so that everyone who worked from the
 * hand-typed details can see what changed.
 */

export * from "./register-labels";

export type PersonDetails = Record<RegisterField, string | null>;

export const registerDifferenceSchema = z.object({
  field: z.enum(REGISTER_FIELDS),
  manual: z.string().nullable(),
  register: z.string().nullable(),
});
export type RegisterDifference = z.infer<typeof registerDifferenceSchema>;

const norm = (v: string | null | undefined) => (v ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv-SE");

/** What the register says differently from the hand-typed details (case and spacing do not count). */
export function registerDifferences(manual: PersonDetails, register: PersonDetails): RegisterDifference[] {
  return REGISTER_FIELDS.filter((f) => norm(manual[f]) !== norm(register[f])).map((field) => ({
    field,
    manual: manual[field],
    register: register[field],
  }));
}

/** "Efternamn: Andersson → Anderson" lines for the user. */
export function describeDifferences(diffs: readonly RegisterDifference[]): string[] {
  return diffs.map((d) => `${REGISTER_FIELD_LABELS[d.field]}: ${d.manual || "(tomt)"} → ${d.register || "(tomt)"}`);
}

export function parseRegisterDifferences(raw: unknown): RegisterDifference[] {
  const parsed = z.array(registerDifferenceSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

const base = (label: string, max: number) =>
  z
    .string({ error: missingText(label) })
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken` });
const missingText = (label: string) => (iss: { input?: unknown }) => (iss.input == null ? `Ange ${label.toLowerCase()}` : `${label} måste vara text`);
const required = (label: string, max: number) => base(label, max).min(1, { error: `Ange ${label.toLowerCase()}` });
const optional = (label: string, max: number) =>
  base(label, max)
    .nullish()
    .transform((s) => s || null);

/**
 * The hand registration: the name is required (the case needs to say who the patient is); the
 * address is asked for, but a patient without a known address is still admitted.
 */
export const manualRegistrationSchema = z.object({
  givenName: required("Förnamn", 100),
  familyName: required("Efternamn", 100),
  streetAddress: optional("Gatuadress", 200),
  postalCode: z
    .string()
    .trim()
    .nullish()
    .transform((s) => (s ? s.replace(/\s+/g, "") : null))
    .refine((s) => s === null || /^\d{5}$/.test(s), { error: "Postnummer ska vara fem siffror, t.ex. 632 20" })
    .transform((s) => (s ? `${s.slice(0, 3)} ${s.slice(3)}` : null)),
  city: optional("Postort", 100),
});
export type ManualRegistration = z.output<typeof manualRegistrationSchema>;
