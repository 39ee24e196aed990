CREATE TABLE "inbound_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"mailbox" text NOT NULL,
	"uid_validity" bigint NOT NULL,
	"uid" bigint NOT NULL,
	"message_id" text,
	"from_address" text,
	"from_name" text,
	"subject" text,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"size" integer,
	"intent" text,
	"session_slug" text,
	"outcome" text NOT NULL,
	"reason" text,
	"understanding" jsonb,
	"error" text,
	"registration_id" integer,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_state" (
	"mailbox" text PRIMARY KEY NOT NULL,
	"uid_validity" bigint NOT NULL,
	"last_uid" bigint NOT NULL,
	"baseline_at" timestamp with time zone NOT NULL,
	"last_sync_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"inbound_id" integer,
	"registration_id" integer,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"from_address" text NOT NULL,
	"subject" text NOT NULL,
	"message_id" text NOT NULL,
	"in_reply_to" text,
	"raw" text NOT NULL,
	"thread" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"smtp_response" text,
	"copied_to_sent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"series" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"municipality" text,
	"attendees" integer NOT NULL,
	"names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"status" text NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"calendar_uid" text NOT NULL,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"calendar_response" text,
	"calendar_response_at" timestamp with time zone,
	"attention" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "registrations_calendar_uid_unique" UNIQUE("calendar_uid")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"series" text NOT NULL,
	"organiser" text,
	"region" text NOT NULL,
	"city" text NOT NULL,
	"date" date NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"venue" text NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"programme" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signup_deadline" timestamp with time zone,
	"timezone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_inbound_id_inbound_messages_id_fk" FOREIGN KEY ("inbound_id") REFERENCES "public"."inbound_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_mailbox_uid" ON "inbound_messages" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "inbound_messages_message_id" ON "inbound_messages" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_to_created" ON "outbox" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_one_active_per_address" ON "registrations" USING btree ("series","email") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_session_status" ON "registrations" USING btree ("session_id","status");