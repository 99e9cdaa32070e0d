package northstar

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/benchjson"
	"github.com/cxmodel/cx/outcome"
)

// manyRatingsInput is one candidate, a customer outcome that one canvas
// relies on, rated on n distinct aspects, each 3 on a scale of 1 to 5.
func manyRatingsInput(n int) Input {
	c := Candidate{Metric: metric("fcr", outcome.CustomerOutcome, outcome.HigherIsBetter, 0),
		Ratings: make([]Rating, n)}
	for k := range c.Ratings {
		c.Ratings[k] = Rating{Aspect: "aspect-" + strconv.Itoa(k), Value: decimal.NewFromInt(3),
			Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(5)}
	}
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: decimal.NewFromInt(1),
		Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o",
			Indicators: []Indicator{{Metric: "fcr", Importance: decimal.NewFromInt(1)}}}}})
	return Input{Candidates: []Candidate{c}, Canvases: []Canvas{cv}, Policy: DefaultPolicy()}
}

// BenchmarkSelectManyRatings: one candidate rated on 20,000 distinct
// aspects, which come from user input with no bound. The check for an
// aspect rated twice was quadratic in them (each aspect searched those
// before it).
func BenchmarkSelectManyRatings(b *testing.B) {
	benchSelect(b, manyRatingsInput(20_000))
}

// lookupCanvas is a canvas of n distinct metrics, "metric-0" to
// "metric-<n-1>", shown by outcomes of at most 100 metrics each, of
// importance 1 to 5.
func lookupCanvas(n int) Canvas {
	spec := CanvasSpec{Category: "c", Name: "c", Weight: decimal.NewFromInt(1),
		Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}}}
	for i := range n {
		if i%100 == 0 {
			spec.Outcomes = append(spec.Outcomes, SuccessfulOutcome{ID: "o-" + strconv.Itoa(i/100), Name: "o"})
		}
		o := &spec.Outcomes[len(spec.Outcomes)-1]
		o.Indicators = append(o.Indicators, Indicator{Metric: "metric-" + strconv.Itoa(i), Importance: decimal.NewFromInt(int64(1 + i%5))})
	}
	return MustCanvas(spec)
}

// bareScanImportance is [Canvas.Importance] as it was before session 8, a
// scan of the canvas's metrics: the baseline of BenchmarkCanvasLookup, and
// what TestCanvasLookupMatchesScan checks the index against.
func bareScanImportance(c Canvas, metric string) (decimal.Decimal, bool) {
	for _, m := range c.metrics {
		if m.id == metric {
			return m.importance, true
		}
	}
	return decimal.Zero, false
}

// bareScanShare is [Canvas.Share] as it was before session 8, a scan of the
// canvas's metrics: the baseline of BenchmarkCanvasLookup.
func bareScanShare(c Canvas, metric string) float64 {
	for _, m := range c.metrics {
		if m.id == metric {
			return m.share
		}
	}
	return 0
}

// BenchmarkCanvasLookup asks a canvas of 12 metrics (a canvas of
// benchInput's size, at most fewMetrics: searched) and one of 10,000
// (indexed) for the importance and the share of each of its metrics, as a BI tool drawing the canvas's table does, by
// Canvas.Importance and Canvas.Share (impl=method) and by the baseline,
// the scan they made before session 8 (impl=bareScan: bareScanImportance
// and bareScanShare). ns/lookup is one Importance and one Share.
func BenchmarkCanvasLookup(b *testing.B) {
	for _, n := range []int{12, 10_000} {
		c := lookupCanvas(n)
		var ids []string
		for id := range c.Metrics() {
			ids = append(ids, id)
		}
		for _, impl := range []struct {
			name       string
			importance func(Canvas, string) (decimal.Decimal, bool)
			share      func(Canvas, string) float64
		}{{"method", Canvas.Importance, Canvas.Share}, {"bareScan", bareScanImportance, bareScanShare}} {
			b.Run("metrics="+strconv.Itoa(n)+"/impl="+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					for _, id := range ids {
						if _, ok := impl.importance(c, id); !ok || impl.share(c, id) == 0 {
							b.Fatalf("%s not found", id)
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/lookup")
			})
		}
	}
}

// BenchmarkRankingUnmarshalJSON decodes the ranking of BenchmarkSelect's
// input (10,000 candidates, 1,000 categories, 9.3 MB of JSON), as a
// dashboard reading a stored ranking back does, with Ranking.UnmarshalJSON
// (impl=strict) and, as the baseline, with json.Unmarshal into
// plainRanking (impl=encoding-json): the same text read leniently, with no
// check.
//
//	go test -run='^$' -bench=RankingUnmarshalJSON -benchmem ./northstar
func BenchmarkRankingUnmarshalJSON(b *testing.B) {
	r, err := Select(benchInput(10_000, 1_000))
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		b.Fatal(err)
	}
	benchjson.Run(b, data,
		benchjson.Impl{Name: "strict", Decode: func(data []byte) error {
			var back Ranking
			err := json.Unmarshal(data, &back)
			return benchjson.Count(len(back.Entries), len(r.Entries), err)
		}},
		benchjson.Lenient(func(back *plainRanking) error { return benchjson.Count(len(back.Entries), len(r.Entries), nil) }))
}

// The JSON form of a ranking with no decoder of its own: the shape
// encoding/json reads leniently, the baseline of
// BenchmarkRankingUnmarshalJSON.
type (
	plainScore struct {
		Criterion    string  `json:"criterion"`
		Raw          float64 `json:"raw"`
		Normalised   float64 `json:"normalised"`
		Weight       float64 `json:"weight"`
		Contribution float64 `json:"contribution"`
		Missing      bool    `json:"missing,omitempty"`
	}
	plainCategory struct {
		Category     string  `json:"category"`
		Weight       float64 `json:"weight"`
		Share        float64 `json:"share"`
		Raw          float64 `json:"raw"`
		Contribution float64 `json:"contribution"`
	}
	plainEvidence struct {
		Outcome  string          `json:"outcome"`
		Kind     string          `json:"kind,omitempty"`
		LeadLag  json.RawMessage `json:"leadLag"`
		Aligned  bool            `json:"aligned"`
		Strength float64         `json:"strength"`
	}
	plainLink struct {
		Outcome  string   `json:"outcome"`
		Kind     string   `json:"kind,omitempty"`
		Declared bool     `json:"declared"`
		Evidence bool     `json:"evidence"`
		Feeds    []string `json:"feeds,omitempty"`
		FedBy    []string `json:"fedBy,omitempty"`
	}
	plainGateFailure struct {
		Gate   string `json:"gate"`
		Reason string `json:"reason"`
	}
	plainEntry struct {
		Rank       int                `json:"rank"`
		Metric     benchjson.Metric   `json:"metric"`
		Eligible   bool               `json:"eligible"`
		Failed     []plainGateFailure `json:"failed,omitempty"`
		Total      float64            `json:"total"`
		Scores     []plainScore       `json:"scores"`
		Categories []plainCategory    `json:"categories,omitempty"`
		Evidence   []plainEvidence    `json:"evidence,omitempty"`
		Links      []plainLink        `json:"links,omitempty"`
		Nodes      []string           `json:"nodes,omitempty"`
	}
	plainPolicy struct {
		Weights map[string]string `json:"weights"`
		LeadLag struct {
			MaxLag     int     `json:"maxLag"`
			Method     string  `json:"method"`
			Confidence float64 `json:"confidence"`
		} `json:"leadLag"`
	}
	plainWeightChange struct {
		Criterion  string  `json:"criterion"`
		From       float64 `json:"from"`
		To         float64 `json:"to"`
		Rise       bool    `json:"rise"`
		Challenger string  `json:"challenger"`
	}
	plainRobustness struct {
		RunnerUp string              `json:"runnerUp"`
		Margin   float64             `json:"margin"`
		Changes  []plainWeightChange `json:"changes"`
	}
	plainInputMetric struct {
		Metric    benchjson.Metric `json:"metric"`
		Nodes     []string         `json:"nodes"`
		Influence float64          `json:"influence"`
		Direct    bool             `json:"direct"`
	}
	plainWarning struct {
		Code     string   `json:"code"`
		Severity string   `json:"severity"`
		IDs      []string `json:"ids"`
		Message  string   `json:"message"`
	}
	plainRanking struct {
		Entries      []plainEntry       `json:"entries"`
		Policy       plainPolicy        `json:"policy"`
		Robustness   plainRobustness    `json:"robustness"`
		InputMetrics []plainInputMetric `json:"inputMetrics,omitempty"`
		Warnings     []plainWarning     `json:"warnings,omitempty"`
	}
)

// plainCanvas is a canvas's JSON form with no decoder of its own: the
// baseline of BenchmarkDecodeCanvases.
type plainCanvas struct {
	Category    string `json:"category"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Weight      string `json:"weight"`
	Needs       []struct {
		ID        string `json:"id"`
		Statement string `json:"statement"`
		Measure   string `json:"measure"`
		Target    string `json:"target"`
		TimeBound string `json:"timeBound"`
	} `json:"needs"`
	Outcomes []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
		Metrics     []struct {
			Metric     string `json:"metric"`
			Importance string `json:"importance"`
		} `json:"metrics"`
	} `json:"outcomes"`
}

// BenchmarkDecodeCanvases decodes the 1,000 canvases of BenchmarkSelect's
// input with DecodeCanvases (impl=strict) and, as the baseline, with
// json.Unmarshal into []plainCanvas (impl=encoding-json).
//
//	go test -run='^$' -bench=DecodeCanvases -benchmem ./northstar
func BenchmarkDecodeCanvases(b *testing.B) {
	in := benchInput(10_000, 1_000)
	data, err := json.Marshal(in.Canvases)
	if err != nil {
		b.Fatal(err)
	}
	benchjson.Run(b, data,
		benchjson.Impl{Name: "strict", Decode: func(data []byte) error {
			cs, err := DecodeCanvases(data)
			return benchjson.Count(len(cs), len(in.Canvases), err)
		}},
		benchjson.Lenient(func(cs *[]plainCanvas) error { return benchjson.Count(len(*cs), len(in.Canvases), nil) }))
}
