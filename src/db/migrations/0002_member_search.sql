-- Name search by word prefix, index-backed at any size: an FTS5 index over members.name_key (external content: the
-- index keeps tokens, the members table keeps the row), kept in step by triggers, so that erasing a member's row
-- removes her from the index in the same statement. drizzle does not model virtual tables; this file is custom.
CREATE VIRTUAL TABLE `member_names` USING fts5(name_key, content='members', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO `member_names` (rowid, name_key) SELECT rowid, name_key FROM `members`;
--> statement-breakpoint
CREATE TRIGGER `members_names_insert` AFTER INSERT ON `members` BEGIN INSERT INTO `member_names` (rowid, name_key) VALUES (new.rowid, new.name_key); END;
--> statement-breakpoint
CREATE TRIGGER `members_names_delete` AFTER DELETE ON `members` BEGIN INSERT INTO `member_names` (`member_names`, rowid, name_key) VALUES ('delete', old.rowid, old.name_key); END;
--> statement-breakpoint
CREATE TRIGGER `members_names_update` AFTER UPDATE OF name_key ON `members` BEGIN INSERT INTO `member_names` (`member_names`, rowid, name_key) VALUES ('delete', old.rowid, old.name_key); INSERT INTO `member_names` (rowid, name_key) VALUES (new.rowid, new.name_key); END;
