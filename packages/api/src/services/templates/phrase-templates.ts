import { schema, and, asc, eq, type Db, type DbOrTx } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { isUniqueViolation } from "../case/unique-violation";

export const TEMPLATE_TITLE_MAX = 100;
export const TEMPLATE_TEXT_MAX = 4000;
/** A unit's list stays a list one can scan, not a library. */
export const TEMPLATES_PER_UNIT_MAX = 200;

export interface PhraseTemplate {
  id: string;
  title: string;
  text: string;
  updatedAt: Date;
}

/**
 * The unit a context's templates belong to: the unit the context is at. A context over a whole
 * organisation (no unit) has no templates.
 */
async function contextUnit(db: DbOrTx, actor: Actor): Promise<string> {
  const [unit] = actor.context.scopeHsaId
    ? await db.select({ id: schema.units.id }).from(schema.units).where(eq(schema.units.hsaId, actor.context.scopeHsaId))
    : [];
  if (!unit) throw new AppError("INVALID_INPUT", { userMessage: "Textmallar hör till en enhet. Ditt arbetssammanhang gäller ingen enskild enhet." });
  return unit.id;
}

function checked(input: { title: string; text: string }): { title: string; text: string } {
  const title = input.title.trim();
  const text = input.text.trim();
  const fields: { path: string; message: string }[] = [];
  if (!title) fields.push({ path: "title", message: "Rubriken får inte vara tom" });
  else if (title.length > TEMPLATE_TITLE_MAX) fields.push({ path: "title", message: `Rubriken får vara högst ${TEMPLATE_TITLE_MAX} tecken` });
  if (!text) fields.push({ path: "text", message: "Texten får inte vara tom" });
  else if (text.length > TEMPLATE_TEXT_MAX) fields.push({ path: "text", message: `Texten får vara högst ${TEMPLATE_TEXT_MAX} tecken` });
  if (fields.length > 0) throw new AppError("INVALID_INPUT", { userMessage: fields.map((f) => f.message).join(". "), details: { fields } });
  return { title, text };
}

const DUPLICATE = "Det finns redan en textmall med den rubriken vid din enhet. Välj en annan rubrik.";

/** The templates of the actor's unit, by title. They hold no patient data: no audit row for reading them. */
export async function listPhraseTemplates(db: Db, actor: Actor): Promise<PhraseTemplate[]> {
  const unitId = await contextUnit(db, actor);
  return db
    .select({
      id: schema.phraseTemplates.id,
      title: schema.phraseTemplates.title,
      text: schema.phraseTemplates.text,
      updatedAt: schema.phraseTemplates.updatedAt,
    })
    .from(schema.phraseTemplates)
    .where(eq(schema.phraseTemplates.unitId, unitId))
    .orderBy(asc(schema.phraseTemplates.title));
}

export async function createPhraseTemplate(db: Db, actor: Actor, input: { title: string; text: string }): Promise<{ id: string }> {
  const value = checked(input);
  try {
    return await db.transaction(async (tx) => {
      const unitId = await contextUnit(tx, actor);
      const count = await tx.$count(schema.phraseTemplates, eq(schema.phraseTemplates.unitId, unitId));
      if (count >= TEMPLATES_PER_UNIT_MAX) {
        throw new AppError("INVALID_INPUT", { userMessage: `Enheten har redan ${TEMPLATES_PER_UNIT_MAX} textmallar. Ta bort någon först.` });
      }
      const [row] = await tx
        .insert(schema.phraseTemplates)
        .values({ unitId, ...value, updatedByStaffId: actor.staffId })
        .returning({ id: schema.phraseTemplates.id });
      await writeAudit(tx, actor, {
        action: "template.change",
        activity: "Skriva",
        entityType: "phrase_template",
        entityId: row!.id,
        details: { op: "create", unitId },
      });
      return { id: row!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e, "phrase_templates_unit_title")) throw new AppError("CONFLICT", { userMessage: DUPLICATE });
    throw e;
  }
}

/**
 * Runs `fn` on a template of the actor's own unit. Another unit's template (or none) is refused
 * as "not found", and the refusal audited (committed on its own), so another unit's texts are
 * neither shown nor confirmed to exist.
 */
async function withOwnTemplate<T>(db: Db, actor: Actor, id: string, op: string, fn: (tx: DbOrTx, unitId: string) => Promise<T>): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const unitId = await contextUnit(tx, actor);
    const [row] = await tx
      .select({ id: schema.phraseTemplates.id })
      .from(schema.phraseTemplates)
      .where(and(eq(schema.phraseTemplates.id, id), eq(schema.phraseTemplates.unitId, unitId)));
    if (!row) {
      await writeAudit(tx, actor, { action: "access.denied", outcome: "denied", entityType: "phrase_template", entityId: id, details: { op } });
      return { denied: true as const };
    }
    return { denied: false as const, value: await fn(tx, unitId) };
  });
  if (result.denied) throw new AppError("NOT_FOUND", { userMessage: "Textmallen finns inte vid din enhet." });
  return result.value;
}

export async function updatePhraseTemplate(db: Db, actor: Actor, input: { id: string; title: string; text: string }): Promise<{ id: string }> {
  const value = checked(input);
  try {
    return await withOwnTemplate(db, actor, input.id, "update", async (tx, unitId) => {
      await tx
        .update(schema.phraseTemplates)
        .set({ ...value, updatedByStaffId: actor.staffId, updatedAt: new Date() })
        .where(eq(schema.phraseTemplates.id, input.id));
      await writeAudit(tx, actor, {
        action: "template.change",
        activity: "Skriva",
        entityType: "phrase_template",
        entityId: input.id,
        details: { op: "update", unitId },
      });
      return { id: input.id };
    });
  } catch (e) {
    if (isUniqueViolation(e, "phrase_templates_unit_title")) throw new AppError("CONFLICT", { userMessage: DUPLICATE });
    throw e;
  }
}

export async function deletePhraseTemplate(db: Db, actor: Actor, id: string): Promise<{ id: string }> {
  return withOwnTemplate(db, actor, id, "delete", async (tx, unitId) => {
    await tx.delete(schema.phraseTemplates).where(eq(schema.phraseTemplates.id, id));
    await writeAudit(tx, actor, {
      action: "template.change",
      activity: "Radera",
      entityType: "phrase_template",
      entityId: id,
      details: { op: "delete", unitId },
    });
    return { id };
  });
}
