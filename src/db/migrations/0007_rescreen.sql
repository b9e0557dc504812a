CREATE TABLE `eligibility_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`network_id` text NOT NULL,
	`cluster_id` text NOT NULL,
	`scheme` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`from_rule_version` text,
	`to_rule_version` text,
	`from_hash` text,
	`to_hash` text,
	`kind` text NOT NULL,
	`causes` text NOT NULL,
	`detected_on` text NOT NULL,
	`screening_id` text NOT NULL,
	`run_id` text NOT NULL,
	`task_id` text,
	`task_kind` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `eligibility_changes_network` ON `eligibility_changes` (`network_id`,`kind`,`detected_on`,`id`);--> statement-breakpoint
CREATE INDEX `eligibility_changes_cluster` ON `eligibility_changes` (`cluster_id`,`kind`,`detected_on`,`id`);--> statement-breakpoint
CREATE INDEX `eligibility_changes_member` ON `eligibility_changes` (`member_id`);--> statement-breakpoint
CREATE TABLE `rescreen_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`country` text NOT NULL,
	`date` text NOT NULL,
	`trigger` text NOT NULL,
	`pack_hash` text NOT NULL,
	`in_force_key` text NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	`chunks` integer DEFAULT 0 NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`scanned` integer DEFAULT false NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `rescreen_runs_network` ON `rescreen_runs` (`network_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `rescreen_steps` (
	`run_id` text NOT NULL,
	`step` text NOT NULL,
	`n` integer NOT NULL,
	`members` integer NOT NULL,
	`changed` integer NOT NULL,
	`rows_read` integer NOT NULL,
	`rows_written` integer NOT NULL,
	`compute_ms` real NOT NULL,
	`done_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `step`, `n`)
);
--> statement-breakpoint
CREATE TABLE `rules_state` (
	`country` text PRIMARY KEY NOT NULL,
	`pack_hash` text NOT NULL,
	`in_force_key` text NOT NULL,
	`processed_on` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `members` ADD `screened_key` text;--> statement-breakpoint
CREATE INDEX `members_network_screened` ON `members` (`network_id`,`screened_key`,`id`);--> statement-breakpoint
ALTER TABLE `screenings` ADD `cause` text;--> statement-breakpoint
ALTER TABLE `screenings` ADD `run_id` text;