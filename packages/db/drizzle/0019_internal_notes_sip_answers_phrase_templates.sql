CREATE TYPE "public"."sip_answer" AS ENUM('accepted', 'declined');--> statement-breakpoint
CREATE TABLE "case_internal_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"author_staff_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phrase_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"updated_by_staff_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"call_message_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"answer" "sip_answer" NOT NULL,
	"comment" text,
	"answered_by_staff_id" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_internal_notes" ADD CONSTRAINT "case_internal_notes_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_internal_notes" ADD CONSTRAINT "case_internal_notes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_internal_notes" ADD CONSTRAINT "case_internal_notes_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phrase_templates" ADD CONSTRAINT "phrase_templates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phrase_templates" ADD CONSTRAINT "phrase_templates_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_answers" ADD CONSTRAINT "sip_answers_case_id_coordination_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."coordination_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_answers" ADD CONSTRAINT "sip_answers_call_message_id_messages_id_fk" FOREIGN KEY ("call_message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_answers" ADD CONSTRAINT "sip_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_answers" ADD CONSTRAINT "sip_answers_answered_by_staff_id_staff_id_fk" FOREIGN KEY ("answered_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_internal_notes_case_unit_idx" ON "case_internal_notes" USING btree ("case_id","unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "phrase_templates_unit_title" ON "phrase_templates" USING btree ("unit_id","title");--> statement-breakpoint
CREATE INDEX "sip_answers_call_idx" ON "sip_answers" USING btree ("call_message_id","unit_id","answered_at");