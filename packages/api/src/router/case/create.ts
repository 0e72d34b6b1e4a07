import { z } from "zod";
import { CARE_TYPES } from "@vardkedjan/domain/case/types";
import { dateInput, unitIdList } from "../../input";
import { authorize, wardProcedure } from "../../trpc";
import { createCase } from "../../services/case/create-case";

export const create = authorize("case.create", wardProcedure)
  .input(
    z.object({
      identifier: z.string().min(1).max(20),
      admittedAt: dateInput(),
      needAssessedAt: dateInput().nullish(),
      wardUnitId: z.string().uuid(),
      careType: z.enum(CARE_TYPES),
      lpt: z.boolean().default(false),
      lrv: z.boolean().default(false),
      municipalityUnitId: z.string().uuid().nullable(),
      primaryCareUnitId: z.string().uuid().nullable(),
      otherPartyUnitIds: unitIdList(10).default([]),
      manualName: z.object({ givenName: z.string().trim().min(1).max(100), familyName: z.string().trim().min(1).max(100) }).nullish(),
      manualAddress: z
        .object({ streetAddress: z.string().max(200).nullish(), postalCode: z.string().max(20).nullish(), city: z.string().max(100).nullish() })
        .nullish(),
      idempotencyKey: z.string().min(8).max(100),
    }),
  )
  .mutation(({ ctx, input }) => createCase(ctx.db, ctx.actor, input));
