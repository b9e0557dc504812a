CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`network_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`fields` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_network_at` ON `audit_log` (`network_id`,`id`);--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`region` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_network_code` ON `clusters` (`network_id`,`code`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`notice_version` text NOT NULL,
	`notice_lang` text NOT NULL,
	`purposes` text NOT NULL,
	`method` text NOT NULL,
	`witness` text,
	`given_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`receipt_code` text NOT NULL,
	`withdrawn_on` text,
	`withdrawal_channel` text,
	`withdrawal_effect` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_member` ON `consents` (`member_id`);--> statement-breakpoint
CREATE TABLE `enrollment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`scheme` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`occurred_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`verification` text,
	`barrier` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrollment_events_member` ON `enrollment_events` (`member_id`,`scheme`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`member_id` text NOT NULL,
	`scheme` text NOT NULL,
	`network_id` text NOT NULL,
	`cluster_id` text NOT NULL,
	`state` text NOT NULL,
	`since` text NOT NULL,
	`verification` text,
	`barrier` text,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`last_event_id` text NOT NULL,
	PRIMARY KEY(`member_id`, `scheme`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enrollments_cluster_state` ON `enrollments` (`cluster_id`,`state`,`since`);--> statement-breakpoint
CREATE INDEX `enrollments_network_scheme` ON `enrollments` (`network_id`,`scheme`,`state`);--> statement-breakpoint
CREATE TABLE `erased_keys` (
	`network_id` text NOT NULL,
	`key_hash` text NOT NULL,
	`erased_at` text NOT NULL,
	PRIMARY KEY(`network_id`, `key_hash`)
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`role` text NOT NULL,
	`cluster_ids` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`used_by` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`cluster_id` text NOT NULL,
	`member_no` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text,
	`lang` text NOT NULL,
	`facts` text DEFAULT '{}' NOT NULL,
	`consent_state` text NOT NULL,
	`stats_consent` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_network_no` ON `members` (`network_id`,`member_no`);--> statement-breakpoint
CREATE INDEX `members_cluster_name` ON `members` (`cluster_id`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `members_network_name` ON `members` (`network_id`,`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `members_network_phone` ON `members` (`network_id`,`phone`);--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`languages` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `networks_code_unique` ON `networks` (`code`);--> statement-breakpoint
CREATE TABLE `role_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`network_id` text NOT NULL,
	`role` text NOT NULL,
	`cluster_id` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`granted_by` text,
	`created_at` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grants_user` ON `role_grants` (`user_id`);--> statement-breakpoint
CREATE TABLE `screening_results` (
	`screening_id` text NOT NULL,
	`member_id` text NOT NULL,
	`scheme` text NOT NULL,
	`status` text NOT NULL,
	`rule_version` text NOT NULL,
	`version_hash` text NOT NULL,
	`failed` text NOT NULL,
	`unknown` text NOT NULL,
	`latest` integer NOT NULL,
	PRIMARY KEY(`screening_id`, `scheme`),
	FOREIGN KEY (`screening_id`) REFERENCES `screenings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_results_latest` ON `screening_results` (`member_id`,`latest`,`scheme`);--> statement-breakpoint
CREATE INDEX `screening_results_scheme` ON `screening_results` (`scheme`,`latest`,`status`);--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`network_id` text NOT NULL,
	`country` text NOT NULL,
	`date` text NOT NULL,
	`lang` text NOT NULL,
	`facts` text NOT NULL,
	`rules_version` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screenings_member` ON `screenings` (`member_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`idle_expires_at` text NOT NULL,
	`absolute_expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_start` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`network_id` text NOT NULL,
	`cluster_id` text NOT NULL,
	`scheme` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_cluster_due` ON `tasks` (`cluster_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_member` ON `tasks` (`member_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`email` text,
	`phone` text,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`lang` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`last_sign_in_at` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_network` ON `users` (`network_id`);