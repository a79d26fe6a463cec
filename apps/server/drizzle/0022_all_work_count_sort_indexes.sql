DROP INDEX "conversation_tags_tag_idx";--> statement-breakpoint
CREATE INDEX "conversations_open_priority_pending_idx" ON "conversations" USING btree ("priority",coalesce("pending_since", 'infinity'::timestamptz),"id") WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "customers_id_name_idx" ON "customers" USING btree ("id","name");--> statement-breakpoint
CREATE INDEX "conversation_tags_tag_idx" ON "conversation_tags" USING btree ("tag_id","conversation_id");