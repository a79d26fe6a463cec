CREATE TABLE "channel_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"sender" text NOT NULL,
	"base_url" text NOT NULL,
	"api_key" text NOT NULL,
	"webhook_secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_connections_channel_check" CHECK ("channel_connections"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER')),
	CONSTRAINT "channel_connections_provider_check" CHECK ("channel_connections"."provider" in ('infobip'))
);
--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_connections_enabled_sender_key" ON "channel_connections" USING btree ("channel","sender") WHERE "channel_connections"."enabled";--> statement-breakpoint
CREATE INDEX "inbound_events_pending_idx" ON "inbound_events" USING btree ("next_attempt_at") WHERE "inbound_events"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "inbound_events_processed_idx" ON "inbound_events" USING btree ("processed_at") WHERE "inbound_events"."processed_at" is not null;