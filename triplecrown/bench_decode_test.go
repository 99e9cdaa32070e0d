package triplecrown_test

import (
	"encoding/json"
	"testing"

	"github.com/cxmodel/cx/internal/benchjson"
	"github.com/cxmodel/cx/triplecrown"
)

// The JSON form of a scorecard with no decoder of its own: the shape
// encoding/json reads leniently, the baseline of BenchmarkDecodeScorecards.
type (
	plainMoney struct {
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	}
	plainAmounts struct {
		Baseline plainMoney `json:"baseline"`
		Actual   plainMoney `json:"actual"`
	}
	plainMeasure struct {
		Value     string  `json:"value,omitempty"`
		Total     string  `json:"total,omitempty"`
		Weight    string  `json:"weight,omitempty"`
		Successes int64   `json:"successes,omitempty"`
		Trials    int64   `json:"trials,omitempty"`
		Mean      string  `json:"mean,omitempty"`
		SD        float64 `json:"sd,omitempty"`
		N         int64   `json:"n,omitempty"`
	}
	plainService struct {
		Name      string       `json:"name"`
		Unit      string       `json:"unit,omitempty"`
		Direction string       `json:"direction"`
		Baseline  plainMeasure `json:"baseline"`
		Actual    plainMeasure `json:"actual"`
	}
	plainScorecard struct {
		Unit    string       `json:"unit"`
		Name    string       `json:"name,omitempty"`
		Period  string       `json:"period"`
		Cost    plainAmounts `json:"cost"`
		Revenue plainAmounts `json:"revenue"`
		Service plainService `json:"service"`
	}
)

// BenchmarkDecodeScorecards decodes 10,000 scorecards (benchCards, about
// 4.2 MB of JSON) with DecodeScorecards (impl=strict) and, as the baseline,
// with json.Unmarshal into []plainScorecard (impl=encoding-json): the same
// text read leniently, with no check.
//
//	go test -run='^$' -bench=DecodeScorecards -benchmem ./triplecrown
func BenchmarkDecodeScorecards(b *testing.B) {
	data, err := json.Marshal(benchCards(10_000))
	if err != nil {
		b.Fatal(err)
	}
	benchjson.Run(b, data,
		benchjson.Impl{Name: "strict", Decode: func(data []byte) error {
			cs, err := triplecrown.DecodeScorecards(data)
			return benchjson.Count(len(cs), 10_000, err)
		}},
		benchjson.Lenient(func(cs *[]plainScorecard) error { return benchjson.Count(len(*cs), 10_000, nil) }))
}

// BenchmarkMarshalScorecards marshals the 10,000 scorecards
// BenchmarkDecodeScorecards decodes (benchCards) with json.Marshal, and
// (spec) their specs, which MarshalJSON checks as NewScorecard does before
// writing them.
//
//	go test -run='^$' -bench=MarshalScorecards -benchmem ./triplecrown
func BenchmarkMarshalScorecards(b *testing.B) {
	cards := benchCards(10_000)
	specs := make([]triplecrown.ScorecardSpec, len(cards))
	for i, c := range cards {
		specs[i] = c.Spec()
	}
	for _, bc := range []struct {
		name string
		v    any
	}{{"scorecard", cards}, {"spec", specs}} {
		b.Run("of="+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(bc.v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
