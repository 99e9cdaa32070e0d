package main

import (
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/cxmodel/cx/outcome"
)

// Response is one answer to the Net Promoter question ("How likely are you
// to recommend us?", 0 to 10), with the customer category of the
// respondent: the method's canvases are per customer category, and so is
// the score.
type Response struct {
	Category string
	Score    int
}

func init() {
	beam.RegisterType(reflect.TypeFor[Response]())
	register.Function1x2[Response, string, int](keyByCategory)
	register.Combiner3[outcome.NPSTally, int, outcome.NPSTally](&NPSFn{})
	register.Function2x2[string, outcome.NPSTally, string, error](formatNPS)
}

// keyByCategory keys a response by its customer category.
func keyByCategory(r Response) (string, int) { return r.Category, r.Score }

// NPSFn is a CombineFn that tallies Net Promoter answers on the standard
// bands (detractors 0-6, passives 7-8, promoters 9-10). Its accumulator is
// an outcome.NPSTally, three counts, shipped between workers in its binary
// form; the output is the tally itself, from which the score, its
// standard error and its interval follow exactly.
type NPSFn struct{}

// CreateAccumulator returns the empty tally.
func (NPSFn) CreateAccumulator() outcome.NPSTally {
	return outcome.NewNPSTally(outcome.StandardNPSBands())
}

// AddInput counts one answer; an answer off the 0-10 scale fails the
// pipeline rather than being dropped or clamped.
func (NPSFn) AddInput(t outcome.NPSTally, score int) (outcome.NPSTally, error) { return t.Add(score) }

// MergeAccumulators merges two workers' partial tallies.
func (NPSFn) MergeAccumulators(a, b outcome.NPSTally) (outcome.NPSTally, error) { return a.Merge(b) }

// ExtractOutput returns the tally.
func (NPSFn) ExtractOutput(t outcome.NPSTally) outcome.NPSTally { return t }

// CategoryNPS tallies the responses per customer category: a PCollection of
// KV<string, outcome.NPSTally>.
func CategoryNPS(s beam.Scope, responses beam.PCollection) beam.PCollection {
	s = s.Scope("CategoryNPS")
	return beam.CombinePerKey(s, &NPSFn{}, beam.ParDo(s, keyByCategory, responses))
}

// formatNPS writes a category's score, to one place, with its counts.
func formatNPS(category string, t outcome.NPSTally) (string, error) {
	score, err := t.Score(1, outcome.RoundHalfEven)
	if err != nil {
		return "", fmt.Errorf("category %q: %w", category, err)
	}
	return fmt.Sprintf("nps %s: %s (%s, %s, %s)", category, score.StringFixed(1),
		count(t.Promoters(), "promoter"), count(t.Passives(), "passive"), count(t.Detractors(), "detractor")), nil
}

// count writes n with its noun, in the plural unless n is 1.
func count(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
