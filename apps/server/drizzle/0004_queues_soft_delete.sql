DROP INDEX "queues_name_key";--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "queues_name_key" ON "queues" USING btree (lower("name")) WHERE "queues"."deleted_at" is null;