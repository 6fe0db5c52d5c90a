-- Writes: every index is a B-tree each new event updates. The quad
-- class (four values) and the PLOVER category (a score, a few of them
-- common) are answered as well by reading the day index newest first
-- and skipping non-matches, and their counts come from the rollups, so
-- their indices cost more at write time than they pay.
DROP INDEX IF EXISTS events_quad;
DROP INDEX IF EXISTS events_plover;
