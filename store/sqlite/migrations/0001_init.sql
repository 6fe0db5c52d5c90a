-- Documents, each stored once: hash is the SHA-256 of the text.
CREATE TABLE documents (
	id        TEXT PRIMARY KEY,
	hash      TEXT NOT NULL UNIQUE,
	url       TEXT NOT NULL,
	title     TEXT NOT NULL,
	author    TEXT NOT NULL,
	source    TEXT NOT NULL,
	published INTEGER NOT NULL, -- Unix seconds, 0 when unknown
	text      TEXT NOT NULL,
	doc_len   INTEGER NOT NULL, -- bytes
	added     INTEGER NOT NULL  -- Unix seconds
);
CREATE INDEX documents_url ON documents (url);

-- Events: one row per distinct happening (GDELT Events). The filter
-- columns are copied out of the representative record so that indices can
-- answer them; record holds that record as JSON.
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	fold_base      TEXT NOT NULL,    -- source|target|code|place
	day            INTEGER NOT NULL, -- days since 1970-01-01 of the first mention's date
	source_code    TEXT NOT NULL,
	source_country TEXT NOT NULL,
	target_code    TEXT NOT NULL,
	target_country TEXT NOT NULL,
	code           TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL,
	mode           TEXT NOT NULL,
	place_name     TEXT NOT NULL,
	place_country  TEXT NOT NULL,
	place_admin1   TEXT NOT NULL,
	lat            REAL,
	lon            REAL,
	gazetteer_id   TEXT NOT NULL,
	num_mentions   INTEGER NOT NULL,
	num_sources    INTEGER NOT NULL,
	num_articles   INTEGER NOT NULL,
	confidence_sum INTEGER NOT NULL,
	first_added    INTEGER NOT NULL,
	last_added     INTEGER NOT NULL,
	source_url     TEXT NOT NULL,
	doc_id         TEXT NOT NULL,
	is_root        INTEGER NOT NULL,
	record         TEXT NOT NULL
);
-- Folding looks events up by base and date; one event per base and day.
CREATE UNIQUE INDEX events_fold ON events (fold_base, day);
-- Listings are newest first; each filter column leads an index ending in
-- day so that a filtered page is read in order without sorting. SQLite
-- appends the rowid (id) to every index, which completes the (day, id)
-- cursor order.
CREATE INDEX events_day ON events (day);
CREATE INDEX events_source ON events (source_code, day);
CREATE INDEX events_target ON events (target_code, day);
CREATE INDEX events_code ON events (code, day);
CREATE INDEX events_quad ON events (quad, day);
CREATE INDEX events_country ON events (place_country, day);
CREATE INDEX events_plover ON events (plover, day);
CREATE INDEX events_place ON events (place_name, day);
CREATE INDEX events_lat ON events (lat, lon);

-- Mentions: one row per coded sentence (GDELT Mentions).
CREATE TABLE mentions (
	id             INTEGER PRIMARY KEY,
	event_id       INTEGER NOT NULL REFERENCES events (id),
	doc_id         TEXT NOT NULL REFERENCES documents (id),
	sentence_index INTEGER NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	source_start   INTEGER NOT NULL,
	source_end     INTEGER NOT NULL,
	target_start   INTEGER NOT NULL,
	target_end     INTEGER NOT NULL,
	verb_start     INTEGER NOT NULL,
	verb_end       INTEGER NOT NULL,
	confidence     INTEGER NOT NULL,
	mode           TEXT NOT NULL,
	source_name    TEXT NOT NULL,
	added          INTEGER NOT NULL,
	sentence       TEXT NOT NULL,
	record         TEXT NOT NULL
);
-- NumSources needs "has this event a mention from this outlet yet?".
CREATE INDEX mentions_event_source ON mentions (event_id, source_name);
CREATE INDEX mentions_doc ON mentions (doc_id, sentence_index);

-- Full-text search over the sentences, kept in step by a trigger.
CREATE VIRTUAL TABLE mentions_fts USING fts5 (sentence, content = 'mentions', content_rowid = 'id');
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO mentions_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;
