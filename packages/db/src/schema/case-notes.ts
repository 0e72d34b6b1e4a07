import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SIP_ANSWERS } from "@vardkedjan/domain/case/structured-content";
import { units } from "./organisation";
import { staff } from "./identity";
import { coordinationCases, messages } from "./case";

/**
 * A unit's own notes on a case, never shown to another party: a table of its own, outside
 * `messages`, so that no read path of the case's messages (case view, documents, events,
 * worklist, exports) can reach them; only the notes service reads it, by the reader's units.
 */
export const caseInternalNotes = pgTable(
  "case_internal_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    /** The unit whose note it is: only this unit sees it. */
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    authorStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_internal_notes_case_unit_idx").on(t.caseId, t.unitId, t.createdAt)],
);

export const sipAnswer = pgEnum("sip_answer", SIP_ANSWERS);

/** A called party's answer to a SIP call (the kallelse message); the latest row per (call, unit) is current. */
export const sipAnswers = pgTable(
  "sip_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => coordinationCases.id),
    callMessageId: uuid()
      .notNull()
      .references(() => messages.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    answer: sipAnswer().notNull(),
    comment: text(),
    answeredByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sip_answers_call_idx").on(t.callMessageId, t.unitId, t.answeredAt)],
);

/** A unit's own text snippets (textmallar) to insert in free-text fields; only the unit sees them. */
export const phraseTemplates = pgTable(
  "phrase_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    title: text().notNull(),
    text: text().notNull(),
    updatedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("phrase_templates_unit_title").on(t.unitId, t.title)],
);
