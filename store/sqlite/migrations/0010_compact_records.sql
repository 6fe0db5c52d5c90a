-- From this version mentions.record holds new records in the compact
-- encoding (a BLOB whose first byte is 0x01; see docs/store.md), a third
-- of the JSON's size, without the sentence's text, which the sentence
-- column holds. Rows written before stay JSON and read as they were, so
-- nothing is rewritten here; the version tells an older annals, which
-- reads only JSON, that this database is newer than it knows.
SELECT 1;
