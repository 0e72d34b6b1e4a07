CREATE TYPE "public"."audit_flag_kind" AS ENUM('protected_identity', 'not_a_party', 'same_family_name', 'outside_own_region');--> statement-breakpoint
CREATE TYPE "public"."audit_review_outcome" AS ENUM('utan_anmarkning', 'utreds');--> statement-breakpoint
CREATE TABLE "audit_flag_scans" (
	"id" text PRIMARY KEY NOT NULL,
	"scanned_until" timestamp (3) with time zone NOT NULL,
	"resume_at" timestamp (3) with time zone,
	"resume_id" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" bigint NOT NULL,
	"event_at" timestamp (3) with time zone NOT NULL,
	"kind" "audit_flag_kind" NOT NULL,
	"org_hsa_id" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_id" uuid,
	"sample_item_id" uuid,
	"outcome" "audit_review_outcome" NOT NULL,
	"note" text,
	"reviewer_staff_id" uuid NOT NULL,
	"reviewer_hsa_id" text NOT NULL,
	"reviewer_name" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_reviews_one_target" CHECK (num_nonnulls("audit_reviews"."flag_id", "audit_reviews"."sample_item_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_sample_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"event_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_hsa_id" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"requested_size" integer NOT NULL,
	"seed" text NOT NULL,
	"drawn_by_staff_id" uuid NOT NULL,
	"drawn_by_name" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_flag_id_audit_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."audit_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_sample_item_id_audit_sample_items_id_fk" FOREIGN KEY ("sample_item_id") REFERENCES "public"."audit_sample_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_sample_items" ADD CONSTRAINT "audit_sample_items_sample_id_audit_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."audit_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_flags_event_kind_idx" ON "audit_flags" USING btree ("event_id","kind");--> statement-breakpoint
CREATE INDEX "audit_flags_org_idx" ON "audit_flags" USING btree ("org_hsa_id","event_at");--> statement-breakpoint
CREATE INDEX "audit_reviews_flag_idx" ON "audit_reviews" USING btree ("flag_id");--> statement-breakpoint
CREATE INDEX "audit_reviews_sample_item_idx" ON "audit_reviews" USING btree ("sample_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_sample_items_sample_event_idx" ON "audit_sample_items" USING btree ("sample_id","event_id");--> statement-breakpoint
CREATE INDEX "audit_samples_org_idx" ON "audit_samples" USING btree ("org_hsa_id","drawn_at");
