package sqlstore

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/annals/annals/event"
)

// filled sets every field reachable from v to a value other than its
// zero, counting up from *n so that no two fields are alike: a field
// the compact encoding forgets comes back zero and fails the round trip.
func filled(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + string(rune('A'+*n/26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n) * 1000003)
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		filled(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			filled(v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			filled(v.Field(i), n)
		}
	default:
		panic("filled: no value for a " + v.Kind().String() + "; teach the compact record encoding this field's type")
	}
}

func TestRecordRoundTrip(t *testing.T) {
	var full event.Record
	n := 0
	filled(reflect.ValueOf(&full).Elem(), &n)
	noImplied := full
	src, tgt := *full.Source, *full.Target
	src.Implied, tgt.Implied = false, false
	noImplied.Source, noImplied.Target = &src, &tgt
	for _, c := range []struct {
		name string
		rec  event.Record
	}{
		{"every field set", full},
		{"actors not implied", noImplied},
		{"zero", event.Record{}},
		{"negative offsets, no actors", event.Record{ID: "e-1", Sentence: event.SentenceRef{Index: 3, Start: -1, End: -1, Text: "Police fired."},
			Target: &event.Actor{Code: "IRQ", Start: -1, End: -1}, Goldstein: -10, Counts: []event.Count{{Kind: event.Killed, Low: 0, High: 1 << 40}}}},
		{"text beyond ASCII", event.Record{ID: "é", Sentence: event.SentenceRef{Text: "Le président a parlé."}, Location: &event.Location{Name: "Zürich", Lat: -33.5}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := encodeRecord(nil, &c.rec)
			var got event.Record
			if err := decodeRecord(b, c.rec.Sentence.Text, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.rec) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, c.rec)
			}
			j, _ := json.Marshal(c.rec)
			t.Logf("%d bytes compact, %d JSON", len(b), len(j))
		})
	}
}

// Records stored as JSON, before the compact encoding, read as they were.
func TestRecordJSON(t *testing.T) {
	rec := event.Record{ID: "e-1", Sentence: event.SentenceRef{Index: 2, Text: "Troops entered Basra."}, Code: "190",
		Source: &event.Actor{Code: "IRQMIL", Roles: []string{"MIL"}}, Location: &event.Location{Name: "Basra", Lat: 30.5}}
	j, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var got event.Record
	if err := decodeRecord(j, "a sentence column that the JSON does not need", &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rec) {
		t.Errorf("got %+v, want %+v", got, rec)
	}
}

func TestRecordCorrupt(t *testing.T) {
	rec := event.Record{ID: "e-1", Code: "190", Source: &event.Actor{Code: "IRQMIL"}, Counts: []event.Count{{Kind: event.Killed, Text: "five"}}}
	b := encodeRecord(nil, &rec)
	for i := 1; i < len(b); i++ {
		var got event.Record
		if err := decodeRecord(b[:i], "", &got); err == nil {
			t.Errorf("the first %d of %d bytes decode without an error", i, len(b))
		}
	}
	var got event.Record
	if err := decodeRecord(append(b, 0), "", &got); err == nil {
		t.Error("a byte after the record decodes without an error")
	}
}

func FuzzDecodeRecord(f *testing.F) {
	rec := event.Record{ID: "e-1", Code: "190", Source: &event.Actor{Code: "IRQMIL", Roles: []string{"MIL"}},
		Location: &event.Location{Name: "Basra"}, Quote: &event.Quote{Speaker: "x"}, Counts: []event.Count{{Kind: event.Killed}}}
	f.Add(encodeRecord(nil, &rec))
	j, _ := json.Marshal(rec)
	f.Add(j)
	f.Add([]byte{recordV1, 0x7f, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		var r event.Record
		if decodeRecord(data, "s", &r) != nil || len(data) == 0 || data[0] != recordV1 {
			return
		}
		// What decodes encodes to what decodes the same.
		var again event.Record
		if err := decodeRecord(encodeRecord(nil, &r), "s", &again); err != nil || !reflect.DeepEqual(again, r) {
			t.Errorf("%x decodes as %+v, which encodes to %+v (%v)", data, r, again, err)
		}
	})
}
