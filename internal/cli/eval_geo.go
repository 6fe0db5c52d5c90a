package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/annals/annals/eval/geo"
	placegeo "github.com/annals/annals/geo"
)

// evalGeo runs "annals eval geo": toponym finding and resolution against
// geoparsing gold XML files, one line per file, totals last.
func evalGeo(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "eval geo", Usage: "--xml FILE [--xml FILE...] [--gazetteer FILE] [--demonyms=false] [--ner=false] [--models DIR] [--show-misses]",
		Short: "score toponym finding and resolution (accuracy@161km) on TR-News/LGL/GeoVirus XML"}
	fs := newFlags(env, c)
	var files []string
	fs.Func("xml", "gold toponym XML file (repeatable)", func(s string) error { files = append(files, s); return nil })
	gaz := fs.String("gazetteer", "", "gazetteer index (default: the user cache's, else the embedded one)")
	demonyms := fs.Bool("demonyms", true, "count nationality words (\"Turkish\") as toponyms of their country")
	ner := fs.Bool("ner", true, "tag names first and find toponyms as the pipeline does (its locations, less people and organisations); false: the gazetteer alone")
	models := fs.String("models", "", "`DIR` of language models replacing the embedded ones (with --ner)")
	showMisses := fs.Bool("show-misses", false, "list each gold toponym not found or resolved more than 161 km away, and each toponym found that no gold toponym overlaps")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return ErrUsage
	}
	g, err := placegeo.Load(*gaz)
	if err != nil {
		return err
	}
	opt := geo.Options{Demonyms: *demonyms}
	if *ner {
		a, err := loadPipeline(*models)
		if err != nil {
			return err
		}
		opt.Analyzer = a
	}
	var total geo.Score
	for _, name := range files {
		arts, err := readFile(name, func(r io.Reader, name string) ([]geo.Article, error) {
			return geo.ReadXML(ctx, r, name)
		})
		if err != nil {
			return err
		}
		s, err := geo.Evaluate(ctx, g, arts, opt)
		if err != nil {
			return err
		}
		if *showMisses {
			for _, m := range s.Misses {
				fmt.Fprintln(env.Stdout, "MISS", m)
			}
			for _, m := range s.False {
				fmt.Fprintln(env.Stdout, "FALSE", m)
			}
		}
		fmt.Fprintf(env.Stdout, "%s: articles=%d no_point=%d bad_span=%d same_geonameid=%d/%d %v\n",
			filepath.Base(name), len(arts), s.NoPoint, s.BadSpans, s.SameID, s.WithID, s)
		total.Add(s)
	}
	fmt.Fprintln(env.Stdout, total)
	return nil
}
