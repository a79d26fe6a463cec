CREATE TABLE "customer_attribute_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_attribute_definitions_type_check" CHECK ("customer_attribute_definitions"."type" in ('text', 'number', 'date', 'yes_no', 'list')),
	CONSTRAINT "customer_attribute_definitions_options_check" CHECK (("customer_attribute_definitions"."type" = 'list') = (cardinality("customer_attribute_definitions"."options") > 0))
);
--> statement-breakpoint
CREATE TABLE "customer_card_fields" (
	"id" uuid PRIMARY KEY NOT NULL,
	"attribute_id" uuid,
	"standard_field" text,
	"section" text NOT NULL,
	"position" integer NOT NULL,
	"agent_editable" boolean NOT NULL,
	CONSTRAINT "customer_card_fields_one_ref" CHECK (("customer_card_fields"."attribute_id" is null) <> ("customer_card_fields"."standard_field" is null)),
	CONSTRAINT "customer_card_fields_standard_check" CHECK ("customer_card_fields"."standard_field" in ('gender', 'city', 'country')),
	CONSTRAINT "customer_card_fields_section_check" CHECK ("customer_card_fields"."section" in ('basic', 'additional'))
);
--> statement-breakpoint
CREATE TABLE "customer_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"conversation_id" uuid,
	"details" jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_changes_kind_check" CHECK ("customer_changes"."kind" in ('merged', 'conversation_linked', 'conversation_unlinked'))
);
--> statement-breakpoint
CREATE TABLE "customer_tags" (
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_tags_customer_id_name_pk" PRIMARY KEY("customer_id","name")
);
--> statement-breakpoint
CREATE TABLE "template_tags" (
	"template_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	CONSTRAINT "template_tags_template_id_tag_id_pk" PRIMARY KEY("template_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"language" text NOT NULL,
	"channel" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_language_check" CHECK ("templates"."language" in ('af', 'sq', 'ar', 'az', 'bn', 'bg', 'ca', 'zh_CN', 'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'nl', 'en', 'en_GB', 'en_US', 'et', 'fil', 'fi', 'fr', 'ka', 'de', 'el', 'gu', 'ha', 'he', 'hi', 'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'rw_RW', 'ko', 'ky_KG', 'lo', 'lv', 'lt', 'mk', 'ms', 'ml', 'mr', 'nb', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'sk', 'sl', 'es', 'es_AR', 'es_ES', 'es_MX', 'sw', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zu')),
	CONSTRAINT "templates_channel_check" CHECK ("templates"."channel" in ('SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER', 'TELEGRAM', 'EMAIL', 'LIVE_CHAT'))
);
--> statement-breakpoint
CREATE TABLE "whatsapp_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"header" text,
	"footer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "whatsapp_templates_category_check" CHECK ("whatsapp_templates"."category" in ('MARKETING', 'AUTHENTICATION', 'UTILITY')),
	CONSTRAINT "whatsapp_templates_status_check" CHECK ("whatsapp_templates"."status" in ('APPROVED', 'IN_APPEAL', 'PENDING', 'REJECTED', 'PENDING_DELETION', 'DELETED', 'REINSTATED', 'FLAGGED', 'FIRST_PAUSED', 'SECOND_PAUSED', 'DISABLED'))
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "person_number" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "customers_person_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_card_fields" ADD CONSTRAINT "customer_card_fields_attribute_id_customer_attribute_definitions_id_fk" FOREIGN KEY ("attribute_id") REFERENCES "public"."customer_attribute_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_changes" ADD CONSTRAINT "customer_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_changes" ADD CONSTRAINT "customer_changes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_changes" ADD CONSTRAINT "customer_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_tags" ADD CONSTRAINT "customer_tags_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_tags" ADD CONSTRAINT "template_tags_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_tags" ADD CONSTRAINT "template_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_templates" ADD CONSTRAINT "whatsapp_templates_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_attribute_definitions_name_key" ON "customer_attribute_definitions" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "customer_card_fields_attribute_key" ON "customer_card_fields" USING btree ("attribute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_card_fields_standard_key" ON "customer_card_fields" USING btree ("standard_field");--> statement-breakpoint
CREATE INDEX "customer_changes_customer_created_idx" ON "customer_changes" USING btree ("customer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "customer_tags_customer_name_key" ON "customer_tags" USING btree ("customer_id",lower("name"));--> statement-breakpoint
CREATE INDEX "template_tags_tag_idx" ON "template_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_language_name_key" ON "templates" USING btree ("language",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "whatsapp_templates_connection_external_key" ON "whatsapp_templates" USING btree ("connection_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_person_number_key" ON "customers" USING btree ("person_number");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id_key" ON "customers" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "customers_name_key_idx" ON "customers" USING btree (lower(coalesce("name", '')),"id");--> statement-breakpoint
CREATE INDEX "customers_search_text_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Profiles made before search_text existed: fill it as refreshSearchText (customers.repo.ts) does.
UPDATE "customers" c SET "search_text" = lower(concat_ws(' ', c."name", c."city", c."country",
  (SELECT string_agg(d."address", ' ') FROM "customer_destinations" d WHERE d."customer_id" = c."id"),
  (SELECT string_agg(a.value, ' ') FROM jsonb_each_text(c."attributes") a)));
