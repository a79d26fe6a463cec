CREATE TABLE "agent_capacities" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_capacities_capacity_check" CHECK ("agent_capacities"."capacity" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "bot_sessions" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"bot_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_customer_message_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"channel" text,
	"destination" text,
	"webhook_url" text,
	"signing_secret" text,
	"session_timeout_seconds" integer DEFAULT 86400 NOT NULL,
	"keyword_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handover_keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"fallback_reply" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "bots_kind_check" CHECK ("bots"."kind" in ('WEBHOOK', 'KEYWORD'))
);
--> statement-breakpoint
CREATE TABLE "conversation_routing" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid,
	"routed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"expression" jsonb NOT NULL,
	"queue_id" uuid NOT NULL,
	"priority" text DEFAULT 'NORMAL' NOT NULL,
	"tag_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"bot_id" uuid,
	"route_only_during_working_hours" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rules_priority_check" CHECK ("routing_rules"."priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);
--> statement-breakpoint
ALTER TABLE "queue_members" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "auto_assign" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "algorithm" text DEFAULT 'ROUND_ROBIN' NOT NULL;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "sticky_agent_days" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "on_agent_unavailable" text DEFAULT 'KEEP' NOT NULL;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "working_hours" jsonb;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "away_reply" text;--> statement-breakpoint
ALTER TABLE "agent_capacities" ADD CONSTRAINT "agent_capacities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_routing" ADD CONSTRAINT "conversation_routing_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_sessions_bot_idx" ON "bot_sessions" USING btree ("bot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_position_key" ON "routing_rules" USING btree ("position");--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_algorithm_check" CHECK ("queues"."algorithm" in ('ROUND_ROBIN', 'LEAST_LOAD'));--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_on_agent_unavailable_check" CHECK ("queues"."on_agent_unavailable" in ('KEEP', 'RETURN_TO_QUEUE'));