-- The map and the network open over all dates, where rollup_place and
-- rollup_edge hold nearly a row per event (a day is in their keys).
-- These count every date together: a row a place and root, a row an
-- edge and place country. Prune counts them again from the events left.
CREATE TABLE rollup_place_all (
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
	killed        INTEGER NOT NULL,
	injured       INTEGER NOT NULL,
	arrested      INTEGER NOT NULL,
	crowd         INTEGER NOT NULL,
	PRIMARY KEY (place_name, place_country, place_admin1, gazetteer_id, lat, lon, background, root, quad)
) WITHOUT ROWID;
INSERT INTO rollup_place_all SELECT background, root, quad, place_name, place_country, place_admin1, gazetteer_id, lat, lon,
	count(*), sum(num_mentions), sum(goldstein), sum(CASE WHEN killed_low > 0 THEN killed_low ELSE 0 END),
	sum(CASE WHEN injured_low > 0 THEN injured_low ELSE 0 END), sum(CASE WHEN arrested_low > 0 THEN arrested_low ELSE 0 END),
	sum(CASE WHEN crowd_low > 0 THEN crowd_low ELSE 0 END) FROM events WHERE place_name <> '' AND lat IS NOT NULL
	GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

CREATE TABLE rollup_edge_all (
	background    INTEGER NOT NULL,
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	place_country TEXT NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     REAL NOT NULL,
	cooperation   INTEGER NOT NULL, -- events of quad class 1 or 2
	conflict      INTEGER NOT NULL, -- events of quad class 3 or 4
	PRIMARY KEY (source_code, target_code, background, place_country)
) WITHOUT ROWID;
INSERT INTO rollup_edge_all SELECT background, source_code, target_code, place_country,
	count(*), sum(num_mentions), sum(goldstein), sum(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END),
	sum(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) FROM events GROUP BY 1, 2, 3, 4;
