package ner

import (
	"context"
	"fmt"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
)

// Sources names the data a recognizer is built from.
type Sources struct {
	Train      []string // annotated files, in any format ReadFile reads
	Unlabelled []string // openly licensed text for cluster.Learn (see ReadUnlabelled)
	// ClustersFrom, when set, takes the word clusters of this recognizer
	// instead of learning them from Unlabelled (the slow part of a build):
	// for retraining the weights alone.
	ClustersFrom *Recognizer
	Geonames     string // folder of the GeoNames extracts (BuildGazetteer)
	Countries    string // folder of the nationality adjectives (BuildGazetteer)
	// Actors are names of known actors, added to the gazetteer: the
	// caller's dictionaries, which this package does not read (it is the
	// language layer, below the coder and its dictionaries).
	Actors []ActorName
	// Prepare, when set, is applied to every training sentence before
	// training: it sets what the pipeline sets before the recognizer runs
	// (the part-of-speech tags that features read).
	Prepare func(s *event.Sentence)
}

// Build reads the sources, learns the clusters, derives the gazetteer and
// trains a recognizer; logf, when not nil, hears what it is doing.
func Build(ctx context.Context, src Sources, copt cluster.Options, topt TrainOptions, logf func(format string, args ...any), progress func(epoch int, r *Recognizer)) (*Recognizer, error) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	start := time.Now()
	var train []event.Sentence
	for _, p := range src.Train {
		s, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		logf("%s: %d sentences", p, len(s))
		if src.Prepare != nil {
			for i := range s {
				src.Prepare(&s[i])
			}
		}
		train = append(train, s...)
	}
	var text [][]string
	for _, p := range src.Unlabelled {
		if src.ClustersFrom != nil {
			break
		}
		s, err := ReadUnlabelled(p)
		if err != nil {
			return nil, err
		}
		text = append(text, s...)
	}
	var clusters cluster.Clusters
	if src.ClustersFrom != nil {
		clusters = src.ClustersFrom.clusters
		logf("clusters: %d words, as in the given model", len(clusters))
	} else if len(text) > 0 {
		var err error
		if clusters, err = cluster.Learn(ctx, text, copt); err != nil {
			return nil, fmt.Errorf("ner: learning clusters: %w", err)
		}
		logf("clusters: %d words from %d lines of unlabelled text (%s)", len(clusters), len(text), time.Since(start).Round(time.Second))
	}
	var gaz *Gazetteer
	if src.Geonames != "" {
		var err error
		if gaz, err = BuildGazetteer(src.Geonames, src.Countries); err != nil {
			return nil, err
		}
		logf("gazetteer: %d names", gaz.Len())
	}
	if len(src.Actors) > 0 {
		gaz = gaz.WithActors(src.Actors)
		logf("gazetteer with %d actor names: %d names", len(src.Actors), gaz.Len())
	}
	return Train(ctx, train, clusters, gaz, topt, progress)
}
