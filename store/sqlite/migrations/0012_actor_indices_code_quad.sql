-- As migration 0011 did for the place country: the indices on an actor
-- code's country carry the full code, the root and the quad class after
-- (day, id), so a listing by an actor (its country or a full code) with
-- a root or quad class checks them in the index and looks up only the
-- matches. bench/store at a million events, target ISRGOV with quad
-- class 1: some 2,000 look-ups for a page, 7-10 ms -> 0-2 ms in sqlite3.
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_source ON events (substr(source_code, 1, 3), day, id, source_code, root, quad);
CREATE INDEX events_target ON events (substr(target_code, 1, 3), day, id, target_code, root, quad);
