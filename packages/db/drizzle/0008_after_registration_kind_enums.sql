-- after_registration_items.kind and .message_kind become enums built from the domain's lists. Every
-- stored value was written from those same lists (AFTER_REGISTRATION_KINDS, MESSAGE_KINDS), so the
-- USING casts convert each existing row; a NULL message_kind stays NULL.
CREATE TYPE "public"."after_registration_kind" AS ENUM('register_admission', 'register_discharge', 'register_planning_basis', 'formal_sip_call', 'confirm_fixed_care_contact', 'summary_message', 'acknowledge');--> statement-breakpoint
ALTER TABLE "after_registration_items" ALTER COLUMN "kind" SET DATA TYPE "public"."after_registration_kind" USING "kind"::"public"."after_registration_kind";--> statement-breakpoint
ALTER TABLE "after_registration_items" ALTER COLUMN "message_kind" SET DATA TYPE "public"."message_kind" USING "message_kind"::"public"."message_kind";