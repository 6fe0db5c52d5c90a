package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A tiny GeoNames dump and gold file of our own: the command builds an
// index from the one and scores the other with it.
const (
	tinyCountries = "CH\tCHE\t756\tSZ\tSwitzerland\tBern\t41290\t8516543\tEU\t.ch\tCHF\tFranc\t41\t####\t^(\\d{4})$\tde-CH\t2658434\tDE,IT\t\n" +
		"FR\tFRA\t250\tFR\tFrance\tParis\t547030\t66987244\tEU\t.fr\tEUR\tEuro\t33\t#####\t^(\\d{5})$\tfr-FR\t3017382\tCH\t\n"
	tinyAdmin1 = "CH.25\tZurich\tZurich\t2657895\nFR.11\tÎle-de-France\tIle-de-France\t3012874\n"
	tinyCities = "2657896\tZürich\tZurich\tZuerich\t47.36667\t8.55\tP\tPPLA\tCH\t\t25\t112\t261\t\t341730\t\t429\tEurope/Zurich\t2024-01-01\n" +
		"2988507\tParis\tParis\t\t48.85341\t2.3488\tP\tPPLC\tFR\t\t11\t75\t751\t75056\t2138551\t\t42\tEurope/Paris\t2024-01-01\n"
	tinyGold = `<articles><article docid="1"><text>Talks in Zurich ended; envoys flew to Paris.</text><toponyms>
<toponym><phrase>Zurich</phrase><start>9</start><end>15</end><gaztag geonameid="2657896"><lat>47.37</lat><lon>8.55</lon></gaztag></toponym>
<toponym><phrase>Paris</phrase><start>38</start><end>43</end><gaztag geonameid="2988507"><lat>33.66</lat><lon>-95.56</lon></gaztag></toponym>
</toponyms></article></articles>`
)

func TestGazetteerBuildAndEvalGeo(t *testing.T) {
	dir := t.TempDir()
	for name, s := range map[string]string{
		"countryInfo.txt": tinyCountries, "admin1CodesASCII.txt": tinyAdmin1,
		"cities15000.txt": tinyCities, "gold.xml": tinyGold,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	index := filepath.Join(dir, "gaz.gz")
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	if code := Main(t.Context(), env, []string{"gazetteer", "build", "--from", dir, "--out", index}); code != 0 {
		t.Fatalf("gazetteer build: exit %d: %s", code, errb.String())
	}
	// 2 countries, 2 regions, 2 cities and the 7 continents
	if !strings.Contains(out.String(), ": 13 places") {
		t.Errorf("build said %q, want 13 places", out.String())
	}
	out.Reset()
	if code := Main(t.Context(), env, []string{"eval", "geo", "--xml", filepath.Join(dir, "gold.xml"), "--gazetteer", index}); code != 0 {
		t.Fatalf("eval geo: exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	// The gold gives this Paris the point of Paris, Texas: the right
	// entry, found, but not within 161 km.
	if last != "toponyms=2 found=2 precision=1.000 recall=1.000 acc161=0.500" {
		t.Errorf("last line %q", last)
	}
	if !regexp.MustCompile(`^gold.xml: articles=1 .*same_geonameid=2/2 `).MatchString(lines[0]) {
		t.Errorf("per-file line %q", lines[0])
	}
}

func TestEvalGeoErrors(t *testing.T) {
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	if code := Main(t.Context(), env, []string{"eval", "geo"}); code != 2 {
		t.Errorf("no --xml: exit %d, want 2", code)
	}
	missing := filepath.Join(t.TempDir(), "missing.xml")
	if code := Main(t.Context(), env, []string{"eval", "geo", "--xml", missing}); code != 1 || !strings.Contains(errb.String(), "missing.xml") {
		t.Errorf("missing file: exit %d, stderr %q", code, errb.String())
	}
}
