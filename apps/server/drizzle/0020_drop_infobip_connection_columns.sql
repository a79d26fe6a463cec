ALTER TABLE "channel_connections" DROP COLUMN "base_url";--> statement-breakpoint
ALTER TABLE "channel_connections" DROP COLUMN "api_key";