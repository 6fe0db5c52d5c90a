-- Actor and CAMEO filters are prefixes (IRQ, IRQGOV; 19, 193). A range
-- over a code index cannot return events in date order, so every match had
-- to be sorted. Actor codes start with a three-letter country and event
-- codes with a two-digit root: indices on those parts, ending in day,
-- answer the usual prefixes with an equality and read the newest first.
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_code;
CREATE INDEX events_source ON events (substr(source_code, 1, 3), day);
CREATE INDEX events_target ON events (substr(target_code, 1, 3), day);
CREATE INDEX events_root ON events (root, day);

-- An event's representative record is its first mention's record; the
-- copy in events doubled what every new event wrote.
ALTER TABLE events DROP COLUMN record;
