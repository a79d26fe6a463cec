CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_scope_check" CHECK ("saved_views"."scope" in ('private', 'global'))
);
--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_views_creator_idx" ON "saved_views" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_private_name_key" ON "saved_views" USING btree ("created_by_user_id",lower("name")) WHERE "saved_views"."scope" = 'private';--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_global_name_key" ON "saved_views" USING btree (lower("name")) WHERE "saved_views"."scope" = 'global';