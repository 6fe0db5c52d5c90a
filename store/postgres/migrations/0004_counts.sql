-- The counts an event states (killed, injured, arrested, crowd): for each
-- kind the range its mentions span, low the lowest and high the highest
-- any mention gives, and the precision folding kept (store.FoldCounts);
-- -1 and '' where no mention states the kind. Each mention keeps its own
-- counts in its record. Listings sorted by a kind read the high ends in
-- order, and count filters bound them; the indices end in id for the
-- (high, id) page cursor, and hold only the events that state a count of
-- their kind, so that the many that state none cost an insert nothing.
ALTER TABLE events ADD COLUMN killed_low BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN killed_high BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN killed_precision TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN injured_low BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN injured_high BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN injured_precision TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN arrested_low BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN arrested_high BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN arrested_precision TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN crowd_low BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN crowd_high BIGINT NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN crowd_precision TEXT NOT NULL DEFAULT '';
CREATE INDEX events_killed ON events (killed_high, id) WHERE killed_high >= 0;
CREATE INDEX events_injured ON events (injured_high, id) WHERE injured_high >= 0;
CREATE INDEX events_arrested ON events (arrested_high, id) WHERE arrested_high >= 0;
CREATE INDEX events_crowd ON events (crowd_high, id) WHERE crowd_high >= 0;
-- Records stored before carry no counts: nothing to fill in.
