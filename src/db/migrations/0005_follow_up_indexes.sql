CREATE INDEX `enrollments_network_state` ON `enrollments` (`network_id`,`state`,`since`);--> statement-breakpoint
CREATE INDEX `tasks_network_due` ON `tasks` (`network_id`,`status`,`due_on`);