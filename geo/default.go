package geo

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/annals/annals/internal/resident"
)

// defaultIndex is the index built by
//
//	annals gazetteer build --from ../shared/corpora/geonames --out geo/gazetteer.gz \
//	    --cities cities500.txt --region-cities cities500.txt \
//	    --countries ../shared/corpora/countries/world-countries.countries.json \
//	    --country-points countries.csv
//
// (countries.csv: gvenzl/sample-data's, see docs/models.md)
//
//go:embed gazetteer.gz
var defaultIndex []byte

// loadDefault decodes the embedded index once; the result is never
// modified, so sharing it is safe.
var loadDefault = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := ReadIndex(bytes.NewReader(defaultIndex), "(embedded)")
	resident.Drop(defaultIndex)
	return g, err
})

// Default returns the gazetteer embedded in annals: countries, admin1
// and admin2 regions and the towns of GeoNames' cities500.
func Default() (*Gazetteer, error) { return loadDefault() }

// Open reads a gazetteer index file written by WriteIndex.
func Open(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	defer f.Close()
	return ReadIndex(f, path)
}

// CachePath is where Load looks for a fuller index when given no path:
// os.UserCacheDir()/annals/gazetteer.gz.
func CachePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("geo: %w", err)
	}
	return filepath.Join(dir, "annals", "gazetteer.gz"), nil
}

// Load returns the gazetteer at path; with path "", the one in CachePath
// if there is one, else Default.
func Load(path string) (*Gazetteer, error) {
	if path != "" {
		return Open(path)
	}
	if cache, err := CachePath(); err == nil {
		g, err := Open(cache)
		if !errors.Is(err, fs.ErrNotExist) {
			return g, err
		}
	}
	return Default()
}
