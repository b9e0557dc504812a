-- The advocacy evidence's derived tables (src/db/evidence.ts): narrow rows of stored ids, kept in step with the
-- registry by triggers (whatever writes a screening, an enrollment, a move, a member's facts or consent, or erases
-- her), so that a network's aggregates are index-only scans rather than joins over its members' rows. They hold no
-- name, phone or number; a member's rows go when she is erased. drizzle does not model triggers; this file is custom.
-- Each trigger repeats the same "recompute her row for this scheme" statements: SQLite triggers cannot call a
-- procedure. The rung codes match src/db/evidence.ts, and test/http/evidence/aggregates.test.ts holds them to the engine.
--
-- coverage: one row per member and scheme she was screened for (latest screening) or has an enrollment in:
-- her rung code (6 covered, 5 lapsed, 4 in progress, 3 not started, 2 unknown, 1 excluded; src/evidence/types.ts),
-- the criteria she failed when excluded, the barrier recorded, and what the breakdowns read (cluster, sex, worker
-- type, birth date or age), with `counted`: her consent includes anonymous statistics.
CREATE TABLE `coverage` (
  `member_id` text NOT NULL,
  `scheme` text NOT NULL,
  `network_id` text NOT NULL,
  `cluster_id` text NOT NULL,
  `counted` integer NOT NULL,
  `sex` text,
  `worker_type` text,
  `born` text,
  `age` integer,
  `status` text,
  `state` text,
  `barrier` text,
  `failed` text,
  `code` integer NOT NULL,
  PRIMARY KEY (`member_id`, `scheme`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `coverage_scheme` ON `coverage` (`network_id`, `counted`, `scheme`, `code`, `state`, `barrier`, `cluster_id`, `sex`, `worker_type`, `born`, `age`, `failed`);
--> statement-breakpoint
CREATE INDEX `coverage_member` ON `coverage` (`network_id`, `counted`, `member_id`, `scheme`, `code`, `cluster_id`, `sex`, `worker_type`, `born`, `age`);
--> statement-breakpoint
-- evidence_moves: one row per enrollment event, with the days since the member's previous event for the scheme.
CREATE TABLE `evidence_moves` (
  `event_id` text PRIMARY KEY NOT NULL,
  `member_id` text NOT NULL,
  `scheme` text NOT NULL,
  `network_id` text NOT NULL,
  `cluster_id` text NOT NULL,
  `counted` integer NOT NULL,
  `from_state` text,
  `to_state` text NOT NULL,
  `occurred_on` text NOT NULL,
  `days` integer
);
--> statement-breakpoint
CREATE INDEX `evidence_moves_network` ON `evidence_moves` (`network_id`, `counted`, `scheme`, `from_state`, `to_state`, `days`, `occurred_on`, `member_id`);
--> statement-breakpoint
CREATE INDEX `evidence_moves_member` ON `evidence_moves` (`member_id`);
--> statement-breakpoint
CREATE INDEX `evidence_moves_outcome` ON `evidence_moves` (`network_id`, `counted`, `to_state`, `scheme`, `member_id`, `cluster_id`, `from_state`, `occurred_on`);
--> statement-breakpoint
CREATE TRIGGER `coverage_result_insert` AFTER INSERT ON `screening_results` WHEN new.latest = 1 BEGIN
  DELETE FROM coverage WHERE member_id = new.member_id AND scheme = new.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, new.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = new.member_id AND scheme = new.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = new.scheme
    WHERE m.id = new.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
-- A result that stops being the latest while a newer one is already in (a re-screening writes the new results
-- first) needs nothing: the newer one's insert already recomputed her row.
CREATE TRIGGER `coverage_result_update` AFTER UPDATE OF `latest`, `status`, `failed` ON `screening_results`
  WHEN (new.latest = 1 OR old.latest = 1)
    AND NOT (new.latest = 0 AND EXISTS (SELECT 1 FROM screening_results x WHERE x.member_id = new.member_id AND x.latest = 1 AND x.scheme = new.scheme AND x.rowid <> new.rowid)) BEGIN
  DELETE FROM coverage WHERE member_id = new.member_id AND scheme = new.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, new.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = new.member_id AND scheme = new.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = new.scheme
    WHERE m.id = new.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_result_delete` AFTER DELETE ON `screening_results` WHEN old.latest = 1 BEGIN
  DELETE FROM coverage WHERE member_id = old.member_id AND scheme = old.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, old.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = old.member_id AND scheme = old.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = old.scheme
    WHERE m.id = old.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_enrollment_insert` AFTER INSERT ON `enrollments` BEGIN
  DELETE FROM coverage WHERE member_id = new.member_id AND scheme = new.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, new.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = new.member_id AND scheme = new.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = new.scheme
    WHERE m.id = new.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_enrollment_update` AFTER UPDATE OF `state`, `barrier` ON `enrollments` BEGIN
  DELETE FROM coverage WHERE member_id = new.member_id AND scheme = new.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, new.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = new.member_id AND scheme = new.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = new.scheme
    WHERE m.id = new.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_enrollment_delete` AFTER DELETE ON `enrollments` BEGIN
  DELETE FROM coverage WHERE member_id = old.member_id AND scheme = old.scheme;
  INSERT INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
    SELECT m.id, old.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
      CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
    FROM members m
    LEFT JOIN (SELECT status, failed FROM screening_results WHERE member_id = old.member_id AND scheme = old.scheme AND latest = 1 ORDER BY rowid DESC LIMIT 1) x
    LEFT JOIN enrollments e ON e.member_id = m.id AND e.scheme = old.scheme
    WHERE m.id = old.member_id AND (x.status IS NOT NULL OR e.state IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_member_update` AFTER UPDATE OF `facts`, `consent_state`, `stats_consent`, `cluster_id` ON `members` BEGIN
  UPDATE coverage SET cluster_id = new.cluster_id, counted = (new.consent_state = 'given' AND new.stats_consent = 1), sex = json_extract(new.facts, '$.sex'),
    worker_type = json_extract(new.facts, '$.worker_type'), born = json_extract(new.facts, '$.birth_date'), age = json_extract(new.facts, '$.age')
    WHERE member_id = new.id;
  UPDATE evidence_moves SET cluster_id = new.cluster_id, counted = (new.consent_state = 'given' AND new.stats_consent = 1) WHERE member_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_member_delete` AFTER DELETE ON `members` BEGIN
  DELETE FROM coverage WHERE member_id = old.id;
  DELETE FROM evidence_moves WHERE member_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_moves_insert` AFTER INSERT ON `enrollment_events` BEGIN
  INSERT OR REPLACE INTO evidence_moves (event_id, member_id, scheme, network_id, cluster_id, counted, from_state, to_state, occurred_on, days)
    SELECT new.id, new.member_id, new.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), new.from_state, new.to_state, new.occurred_on,
      max(0, CAST(julianday(new.occurred_on) - julianday((SELECT p.occurred_on FROM enrollment_events p WHERE p.member_id = new.member_id AND p.scheme = new.scheme AND p.id <> new.id AND p.recorded_at <= new.recorded_at ORDER BY p.recorded_at DESC, p.occurred_on DESC LIMIT 1)) AS INTEGER))
    FROM members m WHERE m.id = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_moves_delete` AFTER DELETE ON `enrollment_events` BEGIN
  DELETE FROM evidence_moves WHERE event_id = old.id;
END;
--> statement-breakpoint
-- What the registry already holds.
INSERT OR REPLACE INTO coverage (member_id, scheme, network_id, cluster_id, counted, sex, worker_type, born, age, status, state, barrier, failed, code)
  SELECT m.id, k.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), json_extract(m.facts, '$.sex'), json_extract(m.facts, '$.worker_type'), json_extract(m.facts, '$.birth_date'), json_extract(m.facts, '$.age'), x.status, e.state, e.barrier, CASE WHEN x.status = 'not_eligible' THEN x.failed END,
    CASE
      WHEN e.state = 'enrolled' THEN 6
      WHEN e.state = 'lapsed' THEN 5
      WHEN x.status IN ('eligible', 'likely_eligible') AND e.state IN ('gathering_documents', 'ready_to_apply', 'applied', 'appealed') THEN 4
      WHEN x.status IN ('eligible', 'likely_eligible') THEN 3
      WHEN x.status = 'not_eligible' THEN 1
      ELSE 2 END
  FROM (SELECT member_id, scheme FROM screening_results WHERE latest = 1 UNION SELECT member_id, scheme FROM enrollments) k
  JOIN members m ON m.id = k.member_id
  LEFT JOIN screening_results x ON x.member_id = k.member_id AND x.scheme = k.scheme AND x.latest = 1
  LEFT JOIN enrollments e ON e.member_id = k.member_id AND e.scheme = k.scheme;
--> statement-breakpoint
INSERT OR REPLACE INTO evidence_moves (event_id, member_id, scheme, network_id, cluster_id, counted, from_state, to_state, occurred_on, days)
  SELECT ev.id, ev.member_id, ev.scheme, m.network_id, m.cluster_id, (m.consent_state = 'given' AND m.stats_consent = 1), ev.from_state, ev.to_state, ev.occurred_on,
    max(0, CAST(julianday(ev.occurred_on) - julianday(lag(ev.occurred_on) OVER (PARTITION BY ev.member_id, ev.scheme ORDER BY ev.recorded_at, ev.occurred_on)) AS INTEGER))
  FROM enrollment_events ev JOIN members m ON m.id = ev.member_id;
