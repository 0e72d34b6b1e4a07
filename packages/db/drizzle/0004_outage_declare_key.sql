ALTER TABLE "outages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "outages_idempotency" ON "outages" USING btree ("declared_by_staff_id","idempotency_key");