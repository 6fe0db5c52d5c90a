-- The timeline the UI opens with (all events, a series a quad class or
-- root) read rollup_day, a row for each day, root and place country:
-- 2.6 events a row at a million events, scanned once a series. Without
-- the place country a row stands for a day and root.
CREATE TABLE rollup_day_root (
	day           INTEGER NOT NULL,
	day_end       INTEGER NOT NULL,
	background    INTEGER NOT NULL,
	root          TEXT COLLATE "C" NOT NULL,
	quad          INTEGER NOT NULL,
	events        INTEGER NOT NULL,
	num_mentions  INTEGER NOT NULL,
	goldstein     DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (day, day_end, background, root, quad)
);
INSERT INTO rollup_day_root SELECT day, day_end, background, root, quad,
	count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5;
