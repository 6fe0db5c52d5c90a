-- The timeline and the network filtered by a place country read every
-- row of rollup_day and rollup_edge_all (a sequential scan) for the
-- country's: a read that grows with every country's events. These
-- indices lead with the country and carry the counts, so the country's
-- rows are read from the index alone where the pages are all-visible
-- (VACUUM marks them), else with a heap fetch a row (bench/store at
-- 500,000 records, EXPLAIN ANALYZE: timeline EGY 38 -> 4.6 ms, network
-- USA 49 -> 13 ms). SQLite keys the tables by the country first instead
-- (its migration 0014).
CREATE INDEX rollup_day_country ON rollup_day (place_country, day, day_end, background, root, quad)
	INCLUDE (events, num_mentions, goldstein);
CREATE INDEX rollup_edge_all_country ON rollup_edge_all (place_country, source_code, target_code, background)
	INCLUDE (events, num_mentions, goldstein, cooperation, conflict);
