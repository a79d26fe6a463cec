ALTER TABLE "conversation_tags" DROP CONSTRAINT "conversation_tags_tag_id_tags_id_fk";
--> statement-breakpoint
DROP INDEX "tags_kind_name_key";--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tags_kind_name_key" ON "tags" USING btree ("kind",lower("name")) WHERE "tags"."deleted_at" is null;