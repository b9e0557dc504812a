-- Demo data for `npm start`: a few days of anonymous check counts (no personal data exists in this table).
INSERT OR IGNORE INTO daily_checks (day, country, checks) VALUES
  ('2025-06-01', 'ke', 42), ('2025-06-02', 'ke', 57);
INSERT OR IGNORE INTO scheme_result_counts (day, country, scheme, status, count) VALUES
  ('2025-06-01', 'ke', 'inua_jamii_opct', 'not_eligible', 35),
  ('2025-06-01', 'ke', 'inua_jamii_opct', 'eligible', 4),
  ('2025-06-01', 'ke', 'inua_jamii_opct', 'needs_info', 3);
