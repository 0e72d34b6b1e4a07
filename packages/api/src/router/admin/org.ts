import { z } from "zod";
import { UNIT_KINDS } from "@vardkedjan/domain/identity/types";
import { adminProcedure, authorize, createTRPCRouter } from "../../trpc";
import { organisationUnits } from "../../services/admin/org/unit-tree-view";
import { addUnit, removeUnit, setUnitActive, updateUnit } from "../../services/admin/org/unit-edit";
import { applyUnitImport, previewUnitImport } from "../../services/admin/org/unit-import";

/** A unit's local attributes as the form sends them; the domain validates them field by field. */
const attributes = z.object({
  name: z.string().max(300),
  phone: z.string().max(60).nullable(),
  switchboard: z.string().max(60).nullable(),
  openingHours: z.string().max(300).nullable(),
  functionMailbox: z.string().max(300).nullable(),
  streetAddress: z.string().max(300).nullable(),
  postalCode: z.string().max(20).nullable(),
  city: z.string().max(150).nullable(),
});
const version = z.number().int().min(1);
/** A unit list of one organisation: a few hundred rows, well below this. */
const csv = z.string().max(1_000_000, { error: "Filen är för stor (högst 1 MB)." });

const read = authorize("org.readUnits", adminProcedure);
const manage = authorize("org.manage", adminProcedure);

/** Organisation: the unit tree of the administrator's organisation (or one it reads), its edits and the HSA import. */
export const orgRouter = createTRPCRouter({
  units: read
    .input(z.object({ organisationId: z.string().uuid().nullish() }))
    .query(({ ctx, input }) => organisationUnits(ctx.db, ctx.actor, input.organisationId)),
  updateUnit: manage.input(z.object({ unitId: z.string().uuid(), version, attributes })).mutation(({ ctx, input }) => updateUnit(ctx.db, ctx.actor, input)),
  addUnit: manage
    .input(
      z.object({
        organisationId: z.string().uuid(),
        hsaId: z.string().max(40),
        kind: z.enum(UNIT_KINDS, { error: "Välj enhetstyp." }),
        parentId: z.string().uuid().nullable(),
        attributes,
      }),
    )
    .mutation(({ ctx, input }) => addUnit(ctx.db, ctx.actor, input)),
  setUnitActive: manage
    .input(z.object({ unitId: z.string().uuid(), version, active: z.boolean() }))
    .mutation(({ ctx, input }) => setUnitActive(ctx.db, ctx.actor, input)),
  removeUnit: manage.input(z.object({ unitId: z.string().uuid(), version })).mutation(({ ctx, input }) => removeUnit(ctx.db, ctx.actor, input)),
  importPreview: manage.input(z.object({ organisationId: z.string().uuid(), csv })).mutation(({ ctx, input }) => previewUnitImport(ctx.db, ctx.actor, input)),
  importApply: manage
    .input(z.object({ organisationId: z.string().uuid(), csv, basis: z.string().regex(/^[0-9a-f]{64}$/) }))
    .mutation(({ ctx, input }) => applyUnitImport(ctx.db, ctx.actor, input)),
});
