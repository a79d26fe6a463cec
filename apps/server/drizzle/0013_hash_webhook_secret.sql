-- Only a hash of the webhook secret is kept; the admin saw the secret when it was made.
ALTER TABLE "channel_connections" RENAME COLUMN "webhook_secret" TO "webhook_secret_hash";--> statement-breakpoint
UPDATE "channel_connections" SET "webhook_secret_hash" = encode(sha256(convert_to("webhook_secret_hash", 'UTF8')), 'hex');
