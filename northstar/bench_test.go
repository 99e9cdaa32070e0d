package northstar

import (
	"strconv"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
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
