-- Rollups: event and mention counts kept as events land, so that the
-- timeline, the map and the actor network read thousands of rows instead
-- of every event. Each is keyed by what those views group and filter by;
-- events counts events, num_mentions their mentions, goldstein the sum of
-- their Goldstein scores. The write path adds to them in the transaction
-- that stores the events, prune deletes whole rows with the events, and
-- "annals store rebuild-rollups" recounts them from the events.
--
-- rollup_day: the timeline and counts. source_code and target_code hold
-- the first three letters of the actor codes (their country), which
-- answer actor prefixes up to three letters.
CREATE TABLE rollup_day (
	day           INTEGER NOT NULL,
	day_end       INTEGER NOT NULL,
	background    INTEGER NOT NULL,
	root          TEXT NOT NULL,
	quad          INTEGER NOT NULL,
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	place_country TEXT NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	PRIMARY KEY (day, day_end, background, root, quad, source_code, target_code, place_country)
) WITHOUT ROWID;

-- rollup_edge: the actor network, by whole actor codes.
CREATE TABLE rollup_edge (
	day           INTEGER NOT NULL,
	day_end       INTEGER NOT NULL,
	background    INTEGER NOT NULL,
	root          TEXT NOT NULL,
	quad          INTEGER NOT NULL,
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	place_country TEXT NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	PRIMARY KEY (source_code, target_code, day, day_end, background, root, quad, place_country)
) WITHOUT ROWID;

-- rollup_place: the map, by place (the events that have one), with the
-- people the events' counts give (store.Place.People).
CREATE TABLE rollup_place (
	day           INTEGER NOT NULL,
	day_end       INTEGER NOT NULL,
	background    INTEGER NOT NULL,
	root          TEXT NOT NULL,
	quad          INTEGER NOT NULL,
	place_name    TEXT NOT NULL,
	place_country TEXT NOT NULL,
	place_admin1  TEXT NOT NULL,
	gazetteer_id  TEXT NOT NULL,
	lat           REAL NOT NULL,
	lon           REAL NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	killed        INTEGER NOT NULL, -- sums of the low ends of the events' counts, kind by kind
	injured       INTEGER NOT NULL,
	arrested      INTEGER NOT NULL,
	crowd         INTEGER NOT NULL,
	PRIMARY KEY (place_name, place_country, place_admin1, gazetteer_id, lat, lon, day, day_end, background, root, quad)
) WITHOUT ROWID;

INSERT INTO rollup_day SELECT day, day_end, background, root, quad, substr(source_code, 1, 3), substr(target_code, 1, 3), place_country,
	count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO rollup_edge SELECT day, day_end, background, root, quad, source_code, target_code, place_country,
	count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO rollup_place SELECT day, day_end, background, root, quad, place_name, place_country, place_admin1, gazetteer_id, lat, lon,
	count(*), sum(num_mentions), sum(goldstein), sum(CASE WHEN killed_low > 0 THEN killed_low ELSE 0 END),
	sum(CASE WHEN injured_low > 0 THEN injured_low ELSE 0 END), sum(CASE WHEN arrested_low > 0 THEN arrested_low ELSE 0 END),
	sum(CASE WHEN crowd_low > 0 THEN crowd_low ELSE 0 END) FROM events WHERE place_name <> '' AND lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;

-- Pruning deletes mentions; the full-text index forgets their sentences.
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
	INSERT INTO mentions_fts (mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
