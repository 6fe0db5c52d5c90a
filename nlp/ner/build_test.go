package ner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/nlp/cluster"
)

// writeFiles writes name -> content under a temporary folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadUnlabelled(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.csv":    "\ufeffid,text\n1,\"Rain fell in Lima.\nIt stopped.\"\n",
		"b.xml":    "<articles><article><text>Floods hit Oslo.</text><source>x</source></article></articles>",
		"c.txt":    "One line.\n\nTwo lines.\n",
		"d.conllu": "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
		"bad.csv":  "id,body\n1,x\n",
		"e.jsonl":  "{\"id\": \"x1\", \"text\": \"Snow closed Kabul.\\nSchools shut.\"}\n\n{\"text\": \"Calm.\"}\n",
		"f.sgm": "<REUTERS><TEXT><TITLE>OIL UP</TITLE><BODY>Oil rose in\nHouston &amp; Tulsa.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n" +
			"<REUTERS><TEXT><BODY>Gold fell.</BODY></TEXT></REUTERS>",
		"g/one.txt":     "First file.",
		"g/sub/two.txt": "Second file.",
		"g/skip.csv":    "text\nnot read\n",
		"bad.jsonl":     "{\"text\": 3}\n",
	})
	tests := []struct {
		file string
		want string
	}{
		{"a.csv", "Rain fell in Lima .|It stopped ."},
		{"b.xml", "Floods hit Oslo ."},
		{"c.txt", "One line .|Two lines ."},
		{"d.conllu", "Hi"},
		{"e.jsonl", "Snow closed Kabul .|Schools shut .|Calm ."},
		{"f.sgm", "Oil rose in Houston & Tulsa .|Gold fell ."},
		{"g", "First file .|Second file ."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sents, err := ReadUnlabelled(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, s := range sents {
				lines = append(lines, strings.Join(s, " "))
			}
			if got := strings.Join(lines, "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := ReadUnlabelled(filepath.Join(dir, "bad.csv")); err == nil || !strings.Contains(err.Error(), "bad.csv") {
		t.Errorf("CSV without a text column: error %v", err)
	}
	if _, err := ReadUnlabelled(filepath.Join(dir, "bad.jsonl")); err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("JSON line without a text string: error %v", err)
	}
	if _, err := ReadUnlabelled(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("no error for a missing file")
	}
}

// geoFiles are hand-made rows in the layout of the GeoNames and mordecai
// files that BuildGazetteer reads.
var geoFiles = map[string]string{
	"geo/countryInfo.txt":           "#ISO\tISO3\tnum\tfips\tCountry\tCapital\n" + "NO\tNOR\t578\tNO\tNorway\tOslo\n",
	"geo/cities15000.txt":           "1\tBergen\tBergen\talt\t60\t5\tP\tPPLA\tNO\t\t\t\t\t\t285000\t\t\t\t\n" + "2\tSao Paulo\tSao Paulo\t\t0\t0\tP\tPPLA\tBR\t\t\t\t\t\t12000000\t\t\t\t\n",
	"geo/admin1CodesASCII.txt":      "NO.46\tVestland\tVestland\t1\n",
	"countries/mordecai.nat_df.csv": "nationality,alpha_3_code\nNorwegian,NOR\nBermudianBMU\n",
}

func TestBuildGazetteer(t *testing.T) {
	dir := writeFiles(t, geoFiles)
	g, err := BuildGazetteer(filepath.Join(dir, "geo"), filepath.Join(dir, "countries"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint16{"norway": gazCountry, "oslo": gazCity, "bergen": gazCity, "sao paulo": gazCity | gazBigCity, "vestland": gazRegion, "norwegian": gazDemonym}
	for name, cat := range want {
		if g.names[name] != cat {
			t.Errorf("%s: categories %b, want %b", name, g.names[name], cat)
		}
	}
	if g.Len() != len(want) {
		t.Errorf("%d names, want %d: %v", g.Len(), len(want), g.sortedNames())
	}
	if _, err := BuildGazetteer(filepath.Join(dir, "nowhere"), dir); err == nil {
		t.Error("no error for a missing GeoNames folder")
	}
}

func TestBuild(t *testing.T) {
	files := map[string]string{
		"train.iob2": strings.Repeat("Anna\tB-PER\nflew\tO\nto\tO\nBergen\tB-LOC\n.\tO\n\nNorwegian\tO\nfirms\tO\nlike\tO\nAcme\tB-ORG\ngrew\tO\n\n", 3),
		"text.txt":   strings.Repeat("Anna flew to Bergen. Acme flew to Oslo.\n", 5),
	}
	for k, v := range geoFiles {
		files[k] = v
	}
	dir := writeFiles(t, files)
	src := Sources{
		Train:      []string{filepath.Join(dir, "train.iob2")},
		Unlabelled: []string{filepath.Join(dir, "text.txt")},
		Geonames:   filepath.Join(dir, "geo"),
		Countries:  filepath.Join(dir, "countries"),
	}
	copt := cluster.Options{MinCount: 2, Contexts: 20, Dims: 3, Ks: []int{2, 3}, Seed: 1}
	var epochs []int
	r, err := Build(context.Background(), src, copt, TrainOptions{Epochs: 3, Seed: 1}, nil, func(e int, _ *Recognizer) { epochs = append(epochs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(epochs, []int{1, 2, 3}) {
		t.Errorf("progress after epochs %v", epochs)
	}
	if len(r.clusters) == 0 || r.gaz == nil || r.gaz.Len() == 0 {
		t.Errorf("clusters %d, gazetteer %v", len(r.clusters), r.gaz)
	}
	src.Train = append(src.Train, filepath.Join(dir, "missing.iob2"))
	if _, err := Build(context.Background(), src, copt, TrainOptions{Epochs: 1}, nil, nil); err == nil {
		t.Error("no error for a missing training file")
	}
}

func FuzzSplitWords(f *testing.F) {
	f.Add(`He didn't visit U.S. bases in al-Anbar, "twice".`)
	f.Add("\xff a")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range splitWords(s) {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("bad word %q", w)
			}
		}
	})
}

func TestSplitWordsKeepsBytes(t *testing.T) {
	if got := strings.Join(splitWords("\xffab c"), "|"); got != "\xff|ab|c" {
		t.Errorf("splitWords = %q", got)
	}
}
