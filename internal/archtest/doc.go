// Package archtest holds the test of annals' import rules: data flows one
// way, ingest -> nlp -> coder -> geo/dates -> store -> server/export, and
// each package may import only what lies upstream of it. The package has
// no code of its own; its test reads the imports of every package of the
// module and fails on an import against the flow.
package archtest
