ALTER TABLE "case_parties" ADD COLUMN "visible_from" timestamp with time zone;--> statement-breakpoint
-- Backfill: the ward sees its case from when it was added; a receiving party from the first
-- message addressed to it (registration time); a party nothing has been sent to yet stays hidden.
UPDATE "case_parties" cp SET "visible_from" = cp."added_at" WHERE cp."role" = 'avdelning';--> statement-breakpoint
UPDATE "case_parties" cp SET "visible_from" = first."at"
FROM (
  SELECT m."case_id", r."unit_id", min(m."registered_at") AS "at"
  FROM "message_recipients" r JOIN "messages" m ON m."id" = r."message_id"
  GROUP BY m."case_id", r."unit_id"
) first
WHERE cp."visible_from" IS NULL AND first."case_id" = cp."case_id" AND first."unit_id" = cp."unit_id";
