// Package gold holds the hand-coded news gold set that `annals eval events`
// scores annals against, and the test that keeps it sound.
//
// news-dev-articles.tsv lists the articles of the dev gold (batch, topic,
// publication date, file under the shared folder, key, title);
// news-dev.jsonl holds one JSON line per coded article: its file, key and
// text hash, then its events, each with the acceptable source keys, CAMEO
// roots and target keys, the best codes, date, place, evidence and mode.
// docs/codebook.md says what counts as an event and how each field is
// coded; the article texts stay in the shared folder.
//
// counts-dev.jsonl is the gold of `annals eval counts`: one JSON line per
// article (file, key, text hash) with every count mention in it (killed,
// injured, arrested, crowd; range, precision, words and byte span).
// docs/counts.md is its annotation guide and says what each source's text
// is.
package gold
