DROP INDEX `screening_results_latest`;--> statement-breakpoint
CREATE INDEX `screening_results_member` ON `screening_results` (`member_id`,`latest`,`scheme`,`status`);