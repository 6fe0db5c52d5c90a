package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/annals/annals/geo"
)

func gazetteerCommand() *Command {
	c := &Command{
		Name:  "gazetteer",
		Usage: "build --from DIR --out FILE [--cities FILE] [--region-cities FILE] [--countries FILE] [--features FILE] [--country-points FILE]",
		Short: "build the place-name index from GeoNames dumps",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		return subcommand(ctx, env, "gazetteer", map[string]func(context.Context, *Env, []string) error{
			"build": func(ctx context.Context, env *Env, args []string) error { return gazetteerBuild(ctx, env, c, args) },
		}, args)
	}
	return c
}

func gazetteerBuild(ctx context.Context, env *Env, c *Command, args []string) error {
	fs := newFlags(env, c)
	from := fs.String("from", "", "folder with countryInfo.txt, admin1CodesASCII.txt and the cities file")
	out := fs.String("out", "", "index file to write (gzip)")
	cities := fs.String("cities", "cities15000.txt", "cities file inside --from (cities15000.txt or cities500.txt)")
	countries := fs.String("countries", "", "world-countries countries.json for country centroids, spellings and demonyms (optional)")
	regionCities := fs.String("region-cities", "", "denser cities file inside --from that only places regions, e.g. cities500.txt (optional)")
	features := fs.String("features", "", "GeoNames dump (allCountries format) whose class-A rows give countries and regions GeoNames' own points (optional)")
	countryPoints := fs.String("country-points", "", "CSV with COUNTRY_CODE, LATITUDE and LONGITUDE columns giving countries GeoNames' own points (optional)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *out == "" {
		fs.Usage()
		return ErrUsage
	}
	g, err := geo.Build(ctx, geo.BuildOptions{Dir: *from, Cities: *cities, Countries: *countries,
		RegionCities: *regionCities, Features: *features, CountryPoints: *countryPoints})
	if err != nil {
		return err
	}
	// Write beside the target and rename, so that a failed build never
	// leaves a truncated index where a good one was.
	// The user cache folder may not exist yet.
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(*out), ".gazetteer-*.gz")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := g.WriteIndex(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), *out); err != nil {
		return err
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d places, %d bytes\n", *out, g.Len(), st.Size())
	return nil
}
