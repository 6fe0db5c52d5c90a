-- The mentions' foreign keys cost every saved mention two lookups, each
-- locking the event's and the document's row (PostgreSQL's RI
-- triggers): half the server's work of copying a mention. The write path
-- holds what they checked by itself: a mention names a document the same
-- transaction inserted, and an event the same transaction inserted or
-- updated (the update of every stored event a batch folds into must
-- find it, and locks it until the commit), and prune deletes mentions
-- before their events and documents. SQLite keeps its foreign keys,
-- which cost it little.
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_event_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_doc_id_fkey;
