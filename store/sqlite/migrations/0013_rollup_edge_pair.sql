-- The network the UI opens with (every date, country and background)
-- grouped rollup_edge_all, a row an actor pair, place country and
-- background, and sorted the groups to keep the heaviest: the view that
-- grew most with the store (573 ms p99 at a million events). This
-- counts a row an actor pair (both codes known, as the network shows),
-- and its index on the events lets the heaviest be read in order
-- without grouping or sorting the rest.
CREATE TABLE rollup_edge_pair (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	cooperation   INTEGER NOT NULL, -- events of quad class 1 or 2
	conflict      INTEGER NOT NULL, -- events of quad class 3 or 4
	PRIMARY KEY (source_code, target_code)
) WITHOUT ROWID;
INSERT INTO rollup_edge_pair SELECT source_code, target_code,
	count(*), sum(num_mentions), sum(goldstein), sum(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END),
	sum(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) FROM events
	WHERE source_code <> '' AND target_code <> '' GROUP BY 1, 2;
CREATE INDEX rollup_edge_pair_events ON rollup_edge_pair (events DESC, source_code, target_code);
