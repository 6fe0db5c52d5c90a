-- The listing indices carry, after (day, id), the filters a listing
-- adds to them: the full actor code, the CAMEO root and the quad class.
-- A B-tree checks these in the index, so a listing by an actor country
-- and a code or quad class reads the index newest first and fetches
-- only matches, where the planner, expecting few, read every event of
-- the country from the heap and sorted them (bench/store at 850,000
-- records, target ISRGOV with quad class 1: 26,000 rows over 18,700
-- heap blocks, 2,455 ms -> an index-only scan of 51 rows, 11 ms).
DROP INDEX events_country;
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_country ON events (place_country, day, id, root, quad);
CREATE INDEX events_source ON events (substr(source_code, 1, 3), day, id, source_code, root, quad);
CREATE INDEX events_target ON events (substr(target_code, 1, 3), day, id, target_code, root, quad);
