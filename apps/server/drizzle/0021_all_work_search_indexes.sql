CREATE INDEX "conversations_open_queue_pending_idx" ON "conversations" USING btree ("queue_id",coalesce("pending_since", 'infinity'::timestamptz),"id") WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "conversations_topic_trgm_idx" ON "conversations" USING gin ("topic" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "conversations_customer_address_trgm_idx" ON "conversations" USING gin ("customer_address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "messages_text_trgm_idx" ON "messages" USING gin (("content" ->> 'text') gin_trgm_ops);