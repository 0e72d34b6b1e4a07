import "../zod-csp";
import * as z from "zod";

// The lists and labels live apart (./labels), so the pages that only show a deviation need no zod.
import { DEVIATION_CATEGORIES, DEVIATION_TEXT_MAX } from "./labels";

export * from "./labels";

const text = (what: string) =>
  z
    .string({ error: `Skriv ${what}.` })
    .trim()
    .min(1, `Skriv ${what}.`)
    .max(DEVIATION_TEXT_MAX, `Högst ${DEVIATION_TEXT_MAX} tecken.`);

/** The report form, as the API validates it and the UI shows its Swedish field errors. */
export const deviationReportSchema = z.object({
  category: z.enum(DEVIATION_CATEGORIES, { error: "Välj en kategori." }),
  description: text("vad som hände"),
  receiverOrganisationId: z.string({ error: "Välj vilken organisation avvikelsen gäller." }).uuid("Välj vilken organisation avvikelsen gäller."),
});
export type DeviationReport = z.infer<typeof deviationReportSchema>;

/** The free text of an answer or of a reopening. */
export const deviationTextSchema = (what: string) => text(what);
