CREATE TABLE "payment_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	"model" jsonb NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_agreements_version" UNIQUE NULLS NOT DISTINCT("region_id","municipality_id","version"),
	CONSTRAINT "payment_agreements_period" CHECK ("payment_agreements"."valid_to" is null or "payment_agreements"."valid_to" >= "payment_agreements"."valid_from"),
	CONSTRAINT "payment_agreements_version_positive" CHECK ("payment_agreements"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "payment_day_amounts" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount_kr" integer NOT NULL,
	"regulation_id" text,
	"source" text NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_day_amounts_positive" CHECK ("payment_day_amounts"."amount_kr" > 0),
	CONSTRAINT "payment_day_amounts_year" CHECK ("payment_day_amounts"."year" between 2018 and 2100)
);
--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_day_amounts" ADD CONSTRAINT "payment_day_amounts_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_agreements_region_idx" ON "payment_agreements" USING btree ("region_id","valid_from");