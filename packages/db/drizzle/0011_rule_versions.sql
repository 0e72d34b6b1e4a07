CREATE TABLE "role_mapping_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" text NOT NULL,
	"version" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"change" text NOT NULL,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by_staff_id" uuid,
	"changed_by_name" text,
	CONSTRAINT "role_mapping_rule_versions_rule_version_key" UNIQUE("rule_id","version")
);
--> statement-breakpoint
ALTER TABLE "role_mapping_rule_versions" ADD CONSTRAINT "role_mapping_rule_versions_rule_id_role_mapping_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."role_mapping_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_rule_versions" ADD CONSTRAINT "role_mapping_rule_versions_changed_by_staff_id_staff_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;