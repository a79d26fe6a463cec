CREATE TABLE "email_raw_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"raw" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_references" (
	"message_id" text PRIMARY KEY NOT NULL,
	"references" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livechat_visitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"name" text,
	"email" text,
	"customer_id" uuid,
	"seen_up_to_message_id" uuid,
	"seen_up_to_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"connection_id" uuid,
	"source_key" text,
	"url_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_template_syncs" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"synced_at" timestamp with time zone,
	"attempted_at" timestamp with time zone NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "channel_connections" DROP CONSTRAINT "channel_connections_channel_check";--> statement-breakpoint
ALTER TABLE "channel_connections" DROP CONSTRAINT "channel_connections_provider_check";--> statement-breakpoint
ALTER TABLE "channel_connections" ALTER COLUMN "base_url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_connections" ALTER COLUMN "api_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_connections" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Infobip connections keep working: their base URL and API key become the adapter's settings.
UPDATE "channel_connections" SET "settings" = jsonb_build_object('baseUrl', "base_url", 'apiKey', "api_key") WHERE "provider" = 'infobip';--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "send_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "send_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_templates" ADD COLUMN "header_format" text;--> statement-breakpoint
ALTER TABLE "whatsapp_templates" ADD COLUMN "buttons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "whatsapp_templates" ADD COLUMN "placeholders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "whatsapp_templates" ADD COLUMN "unsupported_reason" text;--> statement-breakpoint
ALTER TABLE "livechat_visitors" ADD CONSTRAINT "livechat_visitors_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livechat_visitors" ADD CONSTRAINT "livechat_visitors_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livechat_visitors" ADD CONSTRAINT "livechat_visitors_seen_up_to_message_id_messages_id_fk" FOREIGN KEY ("seen_up_to_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_template_syncs" ADD CONSTRAINT "whatsapp_template_syncs_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_raw_messages_received_idx" ON "email_raw_messages" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "livechat_visitors_token_hash_key" ON "livechat_visitors" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_source_key" ON "attachments" USING btree ("connection_id","source_key") WHERE "attachments"."source_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_send_claimed_idx" ON "messages" USING btree ("send_claimed_at") WHERE "messages"."send_claimed_at" is not null;--> statement-breakpoint
CREATE INDEX "messages_attachments_idx" ON "messages" USING gin (("content" -> 'attachments') jsonb_path_ops) WHERE ("messages"."content" -> 'attachments') is not null;--> statement-breakpoint
ALTER TABLE "channel_connections" ADD CONSTRAINT "channel_connections_channel_check" CHECK ("channel_connections"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT'));--> statement-breakpoint
ALTER TABLE "channel_connections" ADD CONSTRAINT "channel_connections_provider_check" CHECK ("channel_connections"."provider" in ('infobip', 'telegram', 'email', 'livechat'));