-- rollup_day kept the actors' countries as well, which made it nearly a
-- row per event on a busy day and the timeline no faster. The timeline
-- and counts filtered by actor read rollup_edge; rollup_day keeps what
-- the unfiltered and country-filtered timeline needs.
DROP TABLE rollup_day;
CREATE TABLE rollup_day (
	day           INTEGER NOT NULL,
	day_end       INTEGER NOT NULL,
	background    INTEGER NOT NULL,
	root          TEXT COLLATE "C" NOT NULL,
	quad          INTEGER NOT NULL,
	place_country TEXT COLLATE "C" NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (day, day_end, background, root, quad, place_country)
);
INSERT INTO rollup_day SELECT day, day_end, background, root, quad, place_country,
	count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6;
