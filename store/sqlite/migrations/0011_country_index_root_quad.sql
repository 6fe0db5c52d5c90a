-- A listing by place country and a CAMEO root or quad class read the
-- country's events newest first and looked each one up in the table to
-- check the other filter: with fewer matches than a page (a rare country
-- and root) every event of the country. With the root and quad class in
-- the index the look-up is made only for the matches; the id before them
-- keeps the index in the listing's order (day, id), without which the
-- planner read the root's index instead. bench/store at a million
-- events, COL with root 04 (4,985 events of COL): 150-260 ms -> 1-2 ms
-- in sqlite3. PostgreSQL combines the two indices in a bitmap instead.
DROP INDEX events_country;
CREATE INDEX events_country ON events (place_country, day, id, root, quad);
