CREATE TABLE `daily_checks` (
	`day` text NOT NULL,
	`country` text NOT NULL,
	`checks` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `country`)
);
--> statement-breakpoint
CREATE TABLE `scheme_result_counts` (
	`day` text NOT NULL,
	`country` text NOT NULL,
	`scheme` text NOT NULL,
	`status` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `country`, `scheme`, `status`)
);
