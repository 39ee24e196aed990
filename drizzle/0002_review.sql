CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"inbound_id" integer NOT NULL,
	"sender" text,
	"reply" jsonb,
	"why" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"decision" jsonb NOT NULL,
	"shown" text NOT NULL,
	"outbox_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview_at" timestamp with time zone NOT NULL,
	"correction" jsonb,
	"action" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "reviews_inbound_id_unique" UNIQUE("inbound_id")
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_inbound_id_inbound_messages_id_fk" FOREIGN KEY ("inbound_id") REFERENCES "public"."inbound_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_status_sender" ON "reviews" USING btree ("status","sender");