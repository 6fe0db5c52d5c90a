package cluster

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"maps"
	"testing"
)

func TestLearn(t *testing.T) {
	var sents [][]string
	for i := 0; i < 30; i++ {
		for _, c := range []string{"Oslo", "Lima", "Paris"} {
			sents = append(sents, []string{"she", "flew", "to", c, "on", "monday"})
		}
		for _, v := range []string{"ate", "cooked", "baked"} {
			sents = append(sents, []string{"he", v, "the", "bread", "today"})
		}
	}
	opt := Options{MinCount: 3, Contexts: 50, Dims: 4, Ks: []int{5}, Seed: 1}
	cl, err := Learn(context.Background(), sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if cl["Oslo"] != cl["Lima"] || cl["Lima"] != cl["Paris"] || cl["ate"] != cl["baked"] || cl["Oslo"] == cl["ate"] {
		t.Errorf("clusters Oslo %d Lima %d Paris %d ate %d baked %d", cl["Oslo"], cl["Lima"], cl["Paris"], cl["ate"], cl["baked"])
	}
	again, _ := Learn(context.Background(), sents, opt)
	for w, c := range cl {
		if again[w] != c {
			t.Fatalf("not deterministic: %s in %d then %d", w, c, again[w])
		}
	}
}

func TestWriteRead(t *testing.T) {
	c := Clusters{"Oslo": 1 | 7<<10, "oslo": 2, "ate": 3 | 4<<10 | 1000<<20}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	c.Write(w)
	w.Flush()
	got, err := Read(bufio.NewReader(bytes.NewReader(buf.Bytes())))
	if err != nil || !maps.Equal(got, c) {
		t.Fatalf("Read = %v, %v; want %v", got, err, c)
	}
	if id := got["ate"]; Granularity(id, 0) != 3 || Granularity(id, 1) != 4 || Granularity(id, 2) != 1000 {
		t.Errorf("ids of ate = %x, want granularities 3, 4, 1000", id)
	}
	for _, bad := range []string{"", "\x05\x03Osl", "\xff\xff\xff\xff\x7f", "\x01\x02\xff\xfe\x01", "\x01\x01a\xff\xff\xff\xff\x7f"} {
		if _, err := Read(bufio.NewReader(bytes.NewReader([]byte(bad)))); !errors.Is(err, ErrFormat) {
			t.Errorf("Read(%q) = %v, want ErrFormat", bad, err)
		}
	}
}
