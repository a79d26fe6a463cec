CREATE TABLE "conversation_thread_keys" (
	"conversation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"our_address" text NOT NULL,
	"customer_address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_thread_keys_conversation_id_channel_our_address_customer_address_pk" PRIMARY KEY("conversation_id","channel","our_address","customer_address"),
	CONSTRAINT "conversation_thread_keys_channel_check" CHECK ("conversation_thread_keys"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT'))
);
--> statement-breakpoint
ALTER TABLE "conversation_log" DROP CONSTRAINT "conversation_log_kind_check";--> statement-breakpoint
ALTER TABLE "conversation_thread_keys" ADD CONSTRAINT "conversation_thread_keys_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_thread_keys_key_idx" ON "conversation_thread_keys" USING btree ("channel","our_address","customer_address");--> statement-breakpoint
ALTER TABLE "conversation_log" ADD CONSTRAINT "conversation_log_kind_check" CHECK ("conversation_log"."kind" in ('status', 'assignment', 'priority', 'tag', 'queue', 'merge'));