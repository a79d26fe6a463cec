CREATE TABLE "conversation_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from" jsonb,
	"to" jsonb,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_log_kind_check" CHECK ("conversation_log"."kind" in ('status', 'assignment', 'priority', 'tag', 'queue')),
	CONSTRAINT "conversation_log_actor_kind_check" CHECK ("conversation_log"."actor_kind" in ('agent', 'supervisor', 'automation', 'system')),
	CONSTRAINT "conversation_log_actor_user_check" CHECK (("conversation_log"."actor_kind" in ('agent', 'supervisor')) = ("conversation_log"."actor_user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "conversation_reads" (
	"user_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"last_read_message_id" uuid,
	"last_read_message_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reads_user_id_conversation_id_pk" PRIMARY KEY("user_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "recently_viewed" (
	"user_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recently_viewed_user_id_conversation_id_pk" PRIMARY KEY("user_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_tags" (
	"conversation_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_tags_conversation_id_tag_id_pk" PRIMARY KEY("conversation_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "conversations_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"priority" text DEFAULT 'NORMAL' NOT NULL,
	"queue_id" uuid,
	"assignee_user_id" uuid,
	"customer_id" uuid,
	"channel" text,
	"our_address" text,
	"customer_address" text,
	"summary" text,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_customer_message_at" timestamp with time zone,
	"pending_since" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "conversations_status_check" CHECK ("conversations"."status" in ('OPEN', 'WAITING', 'SOLVED', 'CLOSED')),
	CONSTRAINT "conversations_priority_check" CHECK ("conversations"."priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
	CONSTRAINT "conversations_channel_check" CHECK ("conversations"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT')),
	CONSTRAINT "conversations_thread_key_complete" CHECK (("conversations"."channel" is null) = ("conversations"."our_address" is null) and ("conversations"."channel" is null) = ("conversations"."customer_address" is null)),
	CONSTRAINT "conversations_closed_at_check" CHECK (("conversations"."status" = 'CLOSED') = ("conversations"."closed_at" is not null)),
	CONSTRAINT "conversations_closed_not_pending" CHECK ("conversations"."status" <> 'CLOSED' or "conversations"."pending_since" is null)
);
--> statement-breakpoint
CREATE TABLE "customer_destinations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_destinations_channel_check" CHECK ("customer_destinations"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT'))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"gender" text,
	"city" text,
	"country" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_gender_check" CHECK ("customers"."gender" in ('MALE', 'FEMALE'))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"channel" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"content_type" text NOT NULL,
	"content" jsonb NOT NULL,
	"delivery_state" text NOT NULL,
	"provider_message_id" text,
	"client_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_direction_check" CHECK ("messages"."direction" in ('INBOUND', 'OUTBOUND')),
	CONSTRAINT "messages_channel_check" CHECK ("messages"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT')),
	CONSTRAINT "messages_author_kind_check" CHECK ("messages"."author_kind" in ('CUSTOMER', 'AGENT', 'BOT', 'SYSTEM')),
	CONSTRAINT "messages_content_type_check" CHECK ("messages"."content_type" in ('TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'LOCATION', 'TEMPLATE')),
	CONSTRAINT "messages_delivery_state_check" CHECK ("messages"."delivery_state" in ('RECEIVED', 'PENDING', 'SENT', 'DELIVERED', 'SEEN', 'FAILED')),
	CONSTRAINT "messages_customer_inbound_check" CHECK (("messages"."author_kind" = 'CUSTOMER') = ("messages"."direction" = 'INBOUND')),
	CONSTRAINT "messages_agent_author_check" CHECK ("messages"."author_kind" <> 'AGENT' or "messages"."author_user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_members" (
	"queue_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_members_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_kind_check" CHECK ("tags"."kind" in ('conversation', 'template')),
	CONSTRAINT "tags_color_check" CHECK ("tags"."color" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
ALTER TABLE "conversation_log" ADD CONSTRAINT "conversation_log_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_log" ADD CONSTRAINT "conversation_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_last_read_message_id_messages_id_fk" FOREIGN KEY ("last_read_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recently_viewed" ADD CONSTRAINT "recently_viewed_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_destinations" ADD CONSTRAINT "customer_destinations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_log_conversation_created_idx" ON "conversation_log" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "recently_viewed_user_viewed_idx" ON "recently_viewed" USING btree ("user_id","viewed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversation_tags_tag_idx" ON "conversation_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_number_key" ON "conversations" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_open_thread_key" ON "conversations" USING btree ("channel","our_address","customer_address") WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "conversations_thread_idx" ON "conversations" USING btree ("channel","our_address","customer_address","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversations_status_pending_idx" ON "conversations" USING btree ("status","pending_since");--> statement-breakpoint
CREATE INDEX "conversations_assignee_status_last_customer_idx" ON "conversations" USING btree ("assignee_user_id","status","last_customer_message_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversations_queue_status_idx" ON "conversations" USING btree ("queue_id","status");--> statement-breakpoint
CREATE INDEX "conversations_customer_created_idx" ON "conversations" USING btree ("customer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "customer_destinations_channel_address_key" ON "customer_destinations" USING btree ("channel","address");--> statement-breakpoint
CREATE INDEX "customer_destinations_customer_idx" ON "customer_destinations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "messages_conversation_created_idx" ON "messages" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_channel_provider_id_key" ON "messages" USING btree ("channel","provider_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_conversation_client_id_key" ON "messages" USING btree ("conversation_id","client_id");--> statement-breakpoint
CREATE INDEX "notes_conversation_created_idx" ON "notes" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "queue_members_user_idx" ON "queue_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queues_name_key" ON "queues" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "queues_single_default_key" ON "queues" USING btree ("is_default") WHERE "queues"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "tags_kind_name_key" ON "tags" USING btree ("kind",lower("name"));