CREATE TABLE `import_chunks` (
	`import_id` text NOT NULL,
	`seq` integer NOT NULL,
	`rows` text NOT NULL,
	PRIMARY KEY(`import_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `import_rows` (
	`import_id` text NOT NULL,
	`line` integer NOT NULL,
	`seq` integer NOT NULL,
	`member_no` text,
	`outcome` text NOT NULL,
	`member_id` text,
	`data` text,
	`issues` text,
	`raw` text,
	`applied` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`import_id`, `line`)
);
--> statement-breakpoint
CREATE INDEX `import_rows_chunk` ON `import_rows` (`import_id`,`seq`);--> statement-breakpoint
CREATE INDEX `import_rows_member_no` ON `import_rows` (`import_id`,`member_no`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`file_name` text NOT NULL,
	`source` text NOT NULL,
	`encoding` text NOT NULL,
	`separator` text NOT NULL,
	`columns` text NOT NULL,
	`problems` text NOT NULL,
	`skipped` text NOT NULL,
	`mapping` text,
	`status` text NOT NULL,
	`total_rows` integer NOT NULL,
	`chunks` integer NOT NULL,
	`checked_chunks` integer DEFAULT 0 NOT NULL,
	`applied_chunks` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_network` ON `imports` (`network_id`,`created_at`);