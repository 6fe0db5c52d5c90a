package export

// Code below mirrors GDELT's BigQuery column types: INTEGER is int64, FLOAT
// float64, STRING string; numeric columns are optional so that a field
// GDELT would leave empty is null, not zero.

// ParquetEvent is one row of the Events table in Parquet, column for
// column as the TSV, with typed columns.
type ParquetEvent struct {
	GlobalEventID        *int64   `parquet:"GLOBALEVENTID,optional"`
	SQLDate              *int64   `parquet:"SQLDATE,optional"`
	MonthYear            *int64   `parquet:"MonthYear,optional"`
	Year                 *int64   `parquet:"Year,optional"`
	FractionDate         *float64 `parquet:"FractionDate,optional"`
	Actor1Code           string   `parquet:"Actor1Code"`
	Actor1Name           string   `parquet:"Actor1Name"`
	Actor1CountryCode    string   `parquet:"Actor1CountryCode"`
	Actor1KnownGroupCode string   `parquet:"Actor1KnownGroupCode"`
	Actor1EthnicCode     string   `parquet:"Actor1EthnicCode"`
	Actor1Religion1Code  string   `parquet:"Actor1Religion1Code"`
	Actor1Religion2Code  string   `parquet:"Actor1Religion2Code"`
	Actor1Type1Code      string   `parquet:"Actor1Type1Code"`
	Actor1Type2Code      string   `parquet:"Actor1Type2Code"`
	Actor1Type3Code      string   `parquet:"Actor1Type3Code"`
	Actor2Code           string   `parquet:"Actor2Code"`
	Actor2Name           string   `parquet:"Actor2Name"`
	Actor2CountryCode    string   `parquet:"Actor2CountryCode"`
	Actor2KnownGroupCode string   `parquet:"Actor2KnownGroupCode"`
	Actor2EthnicCode     string   `parquet:"Actor2EthnicCode"`
	Actor2Religion1Code  string   `parquet:"Actor2Religion1Code"`
	Actor2Religion2Code  string   `parquet:"Actor2Religion2Code"`
	Actor2Type1Code      string   `parquet:"Actor2Type1Code"`
	Actor2Type2Code      string   `parquet:"Actor2Type2Code"`
	Actor2Type3Code      string   `parquet:"Actor2Type3Code"`
	IsRootEvent          *int64   `parquet:"IsRootEvent,optional"`
	EventCode            string   `parquet:"EventCode"`
	EventBaseCode        string   `parquet:"EventBaseCode"`
	EventRootCode        string   `parquet:"EventRootCode"`
	QuadClass            *int64   `parquet:"QuadClass,optional"`
	GoldsteinScale       *float64 `parquet:"GoldsteinScale,optional"`
	NumMentions          *int64   `parquet:"NumMentions,optional"`
	NumSources           *int64   `parquet:"NumSources,optional"`
	NumArticles          *int64   `parquet:"NumArticles,optional"`
	AvgTone              *float64 `parquet:"AvgTone,optional"`
	Actor1GeoType        *int64   `parquet:"Actor1Geo_Type,optional"`
	Actor1GeoFullName    string   `parquet:"Actor1Geo_FullName"`
	Actor1GeoCountryCode string   `parquet:"Actor1Geo_CountryCode"`
	Actor1GeoADM1Code    string   `parquet:"Actor1Geo_ADM1Code"`
	Actor1GeoADM2Code    string   `parquet:"Actor1Geo_ADM2Code"`
	Actor1GeoLat         *float64 `parquet:"Actor1Geo_Lat,optional"`
	Actor1GeoLong        *float64 `parquet:"Actor1Geo_Long,optional"`
	Actor1GeoFeatureID   string   `parquet:"Actor1Geo_FeatureID"`
	Actor2GeoType        *int64   `parquet:"Actor2Geo_Type,optional"`
	Actor2GeoFullName    string   `parquet:"Actor2Geo_FullName"`
	Actor2GeoCountryCode string   `parquet:"Actor2Geo_CountryCode"`
	Actor2GeoADM1Code    string   `parquet:"Actor2Geo_ADM1Code"`
	Actor2GeoADM2Code    string   `parquet:"Actor2Geo_ADM2Code"`
	Actor2GeoLat         *float64 `parquet:"Actor2Geo_Lat,optional"`
	Actor2GeoLong        *float64 `parquet:"Actor2Geo_Long,optional"`
	Actor2GeoFeatureID   string   `parquet:"Actor2Geo_FeatureID"`
	ActionGeoType        *int64   `parquet:"ActionGeo_Type,optional"`
	ActionGeoFullName    string   `parquet:"ActionGeo_FullName"`
	ActionGeoCountryCode string   `parquet:"ActionGeo_CountryCode"`
	ActionGeoADM1Code    string   `parquet:"ActionGeo_ADM1Code"`
	ActionGeoADM2Code    string   `parquet:"ActionGeo_ADM2Code"`
	ActionGeoLat         *float64 `parquet:"ActionGeo_Lat,optional"`
	ActionGeoLong        *float64 `parquet:"ActionGeo_Long,optional"`
	ActionGeoFeatureID   string   `parquet:"ActionGeo_FeatureID"`
	DateAdded            *int64   `parquet:"DATEADDED,optional"`
	SourceURL            string   `parquet:"SOURCEURL"`
	// Counts, after GDELT's columns, are the event's counts (the range
	// its mentions span), which GDELT has no column for.
	Counts []ParquetCount `parquet:"counts,list"`
}

// ParquetMention is one row of the Mentions table in Parquet.
type ParquetMention struct {
	GlobalEventID             *int64   `parquet:"GLOBALEVENTID,optional"`
	EventTimeDate             *int64   `parquet:"EventTimeDate,optional"`
	MentionTimeDate           *int64   `parquet:"MentionTimeDate,optional"`
	MentionType               *int64   `parquet:"MentionType,optional"`
	MentionSourceName         string   `parquet:"MentionSourceName"`
	MentionIdentifier         string   `parquet:"MentionIdentifier"`
	SentenceID                *int64   `parquet:"SentenceID,optional"`
	Actor1CharOffset          *int64   `parquet:"Actor1CharOffset,optional"`
	Actor2CharOffset          *int64   `parquet:"Actor2CharOffset,optional"`
	ActionCharOffset          *int64   `parquet:"ActionCharOffset,optional"`
	InRawText                 *int64   `parquet:"InRawText,optional"`
	Confidence                *int64   `parquet:"Confidence,optional"`
	MentionDocLen             *int64   `parquet:"MentionDocLen,optional"`
	MentionDocTone            *float64 `parquet:"MentionDocTone,optional"`
	MentionDocTranslationInfo string   `parquet:"MentionDocTranslationInfo"`
	Extras                    string   `parquet:"Extras"`
	// Counts, after GDELT's columns, are the mention's own counts.
	Counts []ParquetCount `parquet:"counts,list"`
}

// ParquetCount is one count of an event or a mention, the record's
// counts field (docs/record.md) as a Parquet struct.
type ParquetCount struct {
	Kind      string `parquet:"kind"`
	Low       int64  `parquet:"low"`
	High      int64  `parquet:"high"`
	Precision string `parquet:"precision"`
	Text      string `parquet:"text"`
	Start     int64  `parquet:"start"`
	End       int64  `parquet:"end"`
}
