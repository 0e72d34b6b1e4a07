import { z } from "zod";
import { parsePatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { adminProcedure, authorize } from "../../../trpc";
import { AppError } from "../../../errors";
import { patientAccessExtract } from "../../../services/admin/audit/extract";

/** A patient's access extract (PDL 8 kap.) as PDF or CSV, returned in the answer: no URL ever names the patient. */
export const extract = authorize("audit.read", adminProcedure)
  .input(z.object({ patient: z.string().trim().min(1, "Ange patientens personnummer eller reservnummer").max(40), format: z.enum(["pdf", "csv"]) }))
  .mutation(({ ctx, input }) => {
    const parsed = parsePatientIdentifier(input.patient);
    if (!parsed.ok) throw new AppError("INVALID_INPUT", { userMessage: parsed.error, details: { fields: [{ path: "patient", message: parsed.error }] } });
    return patientAccessExtract(ctx.db, ctx.actor, parsed.value, input.format);
  });
