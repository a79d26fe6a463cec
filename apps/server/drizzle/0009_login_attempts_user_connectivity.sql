CREATE TABLE "login_attempts" (
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL,
	CONSTRAINT "login_attempts_key_hash_window_start_pk" PRIMARY KEY("key_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "user_connectivity" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_connected_at" timestamp with time zone,
	"last_disconnected_at" timestamp with time zone,
	"last_signed_in_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "user_connectivity" ADD CONSTRAINT "user_connectivity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_window_idx" ON "login_attempts" USING btree ("window_start");