package northstar

import (
	"encoding/json"
	"errors"
	"github.com/cxmodel/cx/internal/equaltest"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

func TestRatingEqual(t *testing.T) {
	base := func() Rating {
		return Rating{Aspect: "actionable", Value: dec("4"), Min: dec("1"), Max: dec("5")}
	}
	equaltest.Check(t, equaltest.Case[Rating]{Equal: Rating.Equal,
		Twins: []equaltest.Twins[Rating]{
			{Name: "4.0 from 1.00 to 5.000", A: base(), B: Rating{Aspect: "actionable", Value: dec("4.0"), Min: dec("1.00"), Max: dec("5.000")}, DeepDiffers: true},
		},
		Base: base,
		Changes: []equaltest.Change[Rating]{
			{Field: "Aspect", What: "another aspect", Apply: func(r *Rating) { r.Aspect = "Actionable" }},
			{Field: "Value", What: "4.01", Apply: func(r *Rating) { r.Value = dec("4.01") }},
			{Field: "Min", What: "0", Apply: func(r *Rating) { r.Min = dec("0") }},
			{Field: "Max", What: "10", Apply: func(r *Rating) { r.Max = dec("10") }},
		},
	})
}

func TestIndicatorEqual(t *testing.T) {
	base := func() Indicator { return Indicator{Metric: "fcr", Importance: dec("1.5")} }
	equaltest.Check(t, equaltest.Case[Indicator]{Equal: Indicator.Equal,
		Twins: []equaltest.Twins[Indicator]{
			{Name: "1.5 and 1.50", A: base(), B: Indicator{Metric: "fcr", Importance: dec("1.50")}, DeepDiffers: true},
		},
		Base: base,
		Changes: []equaltest.Change[Indicator]{
			{Field: "Metric", What: "another metric", Apply: func(i *Indicator) { i.Metric = "effort" }},
			{Field: "Importance", What: "1.6", Apply: func(i *Indicator) { i.Importance = dec("1.6") }},
		},
	})
}

// A gate failure, a score, a category's contribution, a correlation and a
// weight change hold no decimals and no lists: reflect.DeepEqual agrees
// with their Equal, which the results that hold them compare them with.

func TestGateFailureEqual(t *testing.T) {
	base := func() GateFailure { return GateFailure{Gate: GateCanvas, Reason: reasonCanvas} }
	equaltest.Check(t, equaltest.Case[GateFailure]{Equal: GateFailure.Equal,
		Twins: []equaltest.Twins[GateFailure]{
			{Name: "built apart", A: base(), B: GateFailure{Gate: GateCanvas, Reason: reasonCanvas}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[GateFailure]{
			{Field: "Gate", What: "another gate", Apply: func(g *GateFailure) { g.Gate = GateLead }},
			{Field: "Reason", What: "another reason", Apply: func(g *GateFailure) { g.Reason += "." }},
		},
	})
}

func TestScoreEqual(t *testing.T) {
	base := func() Score {
		return Score{Criterion: Coverage, Raw: 0.5, Normalised: 1, Weight: 0.3, Contribution: 0.3}
	}
	equaltest.Check(t, equaltest.Case[Score]{Equal: Score.Equal,
		Twins: []equaltest.Twins[Score]{
			{Name: "built apart", A: base(), B: Score{Criterion: Coverage, Raw: 0.25 * 2, Normalised: 1, Weight: 0.3, Contribution: 0.3}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[Score]{
			{Field: "Criterion", What: "lead", Apply: func(s *Score) { s.Criterion = Lead }},
			{Field: "Raw", What: "0.6", Apply: func(s *Score) { s.Raw = 0.6 }},
			{Field: "Normalised", What: "0.9", Apply: func(s *Score) { s.Normalised = 0.9 }},
			{Field: "Weight", What: "0.2", Apply: func(s *Score) { s.Weight = 0.2 }},
			{Field: "Contribution", What: "0.2", Apply: func(s *Score) { s.Contribution = 0.2 }},
			{Field: "Missing", What: "true", Apply: func(s *Score) { s.Missing = true }},
		},
	})
}

func TestCategoryContributionEqual(t *testing.T) {
	base := func() CategoryContribution {
		return CategoryContribution{Category: "callers", Weight: 0.5, Share: 0.6, Raw: 0.3, Contribution: 0.25}
	}
	equaltest.Check(t, equaltest.Case[CategoryContribution]{Equal: CategoryContribution.Equal,
		Twins: []equaltest.Twins[CategoryContribution]{
			{Name: "built apart", A: base(), B: CategoryContribution{Category: "callers", Weight: 0.5, Share: 0.6, Raw: 0.3, Contribution: 0.25}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[CategoryContribution]{
			{Field: "Category", What: "another category", Apply: func(c *CategoryContribution) { c.Category = "business" }},
			{Field: "Weight", What: "0.4", Apply: func(c *CategoryContribution) { c.Weight = 0.4 }},
			{Field: "Share", What: "0.5", Apply: func(c *CategoryContribution) { c.Share = 0.5 }},
			{Field: "Raw", What: "0.2", Apply: func(c *CategoryContribution) { c.Raw = 0.2 }},
			{Field: "Contribution", What: "0.2", Apply: func(c *CategoryContribution) { c.Contribution = 0.2 }},
		},
	})
}

func TestCorrelationEqual(t *testing.T) {
	base := func() Correlation { return Correlation{Lag: 1, R: 0.75, Pairs: 11} }
	equaltest.Check(t, equaltest.Case[Correlation]{Equal: Correlation.Equal,
		Twins: []equaltest.Twins[Correlation]{
			{Name: "built apart", A: base(), B: Correlation{Lag: 1, R: 0.75, Pairs: 11}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[Correlation]{
			{Field: "Lag", What: "-1", Apply: func(c *Correlation) { c.Lag = -1 }},
			{Field: "R", What: "-0.75", Apply: func(c *Correlation) { c.R = -0.75 }},
			{Field: "Pairs", What: "12", Apply: func(c *Correlation) { c.Pairs = 12 }},
		},
	})
}

func TestWeightChangeEqual(t *testing.T) {
	base := func() WeightChange {
		return WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}
	}
	equaltest.Check(t, equaltest.Case[WeightChange]{Equal: WeightChange.Equal,
		Twins: []equaltest.Twins[WeightChange]{
			{Name: "built apart", A: base(), B: WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[WeightChange]{
			{Field: "Criterion", What: "lead", Apply: func(w *WeightChange) { w.Criterion = Lead }},
			{Field: "From", What: "2", Apply: func(w *WeightChange) { w.From = 2 }},
			{Field: "To", What: "0.6", Apply: func(w *WeightChange) { w.To = 0.6 }},
			{Field: "Rise", What: "true", Apply: func(w *WeightChange) { w.Rise = true }},
			{Field: "Challenger", What: "another", Apply: func(w *WeightChange) { w.Challenger = "aht" }},
		},
	})
}

// equalSeries is a candidate's series and an outcome's that it leads by a
// period, for lead/lag analyses.
var equalSeries = [2][]float64{{3, 5, 4, 6, 5, 8, 7, 9, 8, 10, 9, 12}, {4, 3, 5, 4, 6, 5, 8, 7, 9, 8, 10, 9}}

// analysed returns the lead/lag analysis of equalSeries up to maxLag.
func analysed(t *testing.T, maxLag int) LeadLag {
	t.Helper()
	l, err := AnalyzeLeadLag(equalSeries[0], equalSeries[1], LagOptions{MaxLag: maxLag})
	require.NoError(t, err)
	return l
}

func TestEvidenceEqual(t *testing.T) {
	base := func() Evidence {
		return Evidence{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 2), Aligned: 0.9, Strength: 0.9}
	}
	equaltest.Check(t, equaltest.Case[Evidence]{Equal: Evidence.Equal,
		Twins: []equaltest.Twins[Evidence]{
			{Name: "analysed apart", A: base(), B: Evidence{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 2), Aligned: 0.9, Strength: 0.9}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[Evidence]{
			{Field: "Outcome", What: "another outcome", Apply: func(e *Evidence) { e.Outcome = "cost" }},
			{Field: "Kind", What: "cost", Apply: func(e *Evidence) { e.Kind = outcome.Cost }},
			{Field: "LeadLag", What: "up to lag 1", Apply: func(e *Evidence) { e.LeadLag = analysed(t, 1) }},
			{Field: "LeadLag", What: "none", Apply: func(e *Evidence) { e.LeadLag = LeadLag{} }},
			{Field: "Aligned", What: "-0.9", Apply: func(e *Evidence) { e.Aligned = -0.9 }},
			{Field: "Strength", What: "0", Apply: func(e *Evidence) { e.Strength = 0 }},
		},
	})
}

// equalEntry returns an entry with every field set, each list of one
// element.
func equalEntry(t *testing.T) Entry {
	return Entry{
		Rank: 2, Metric: fcr, Eligible: false,
		Failed: []GateFailure{{Gate: GateHierarchy, Reason: reasonNoNode}},
		Total:  0.5,
		Scores: []Score{{Criterion: Coverage, Raw: 0.5, Normalised: 1, Weight: 0.3, Contribution: 0.3}},
		Categories: []CategoryContribution{{Category: "callers", Weight: 1, Share: 0.5, Raw: 0.5,
			Contribution: 0.3}},
		Evidence: []Evidence{{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 2), Aligned: 0.9, Strength: 0.9}},
		Links:    []Link{{Outcome: "revenue", Kind: outcome.Revenue, Evidence: true}},
		Nodes:    []string{"problem-solved"},
	}
}

func TestEntryEqual(t *testing.T) {
	base := func() Entry { return equalEntry(t) }
	bare := Entry{Rank: 1, Metric: fcr, Eligible: true, Total: 1}
	empty := bare
	empty.Failed, empty.Scores, empty.Categories, empty.Evidence, empty.Links, empty.Nodes =
		[]GateFailure{}, []Score{}, []CategoryContribution{}, []Evidence{}, []Link{}, []string{}
	equaltest.Check(t, equaltest.Case[Entry]{Equal: Entry.Equal,
		Twins: []equaltest.Twins[Entry]{
			{Name: "built apart", A: base(), B: equalEntry(t), DeepDiffers: false},
			{Name: "nil lists and empty ones", A: bare, B: empty, DeepDiffers: true},
		},
		Base: base,
		Changes: []equaltest.Change[Entry]{
			{Field: "Rank", What: "1", Apply: func(e *Entry) { e.Rank = 1 }},
			{Field: "Metric", What: "another metric", Apply: func(e *Entry) { e.Metric = effort }},
			{Field: "Eligible", What: "true", Apply: func(e *Entry) { e.Eligible = true }},
			{Field: "Failed", What: "another gate", Apply: func(e *Entry) { e.Failed = []GateFailure{{Gate: GateOutcome, Reason: reasonNoNode}} }},
			{Field: "Failed", What: "none", Apply: func(e *Entry) { e.Failed = nil }},
			{Field: "Total", What: "0.25", Apply: func(e *Entry) { e.Total = 0.25 }},
			{Field: "Scores", What: "another raw", Apply: func(e *Entry) {
				e.Scores = []Score{{Criterion: Coverage, Raw: 0.25, Normalised: 1, Weight: 0.3, Contribution: 0.3}}
			}},
			{Field: "Scores", What: "one more", Apply: func(e *Entry) { e.Scores = append(equalEntry(t).Scores, Score{Criterion: Lead}) }},
			{Field: "Categories", What: "another share", Apply: func(e *Entry) {
				e.Categories = []CategoryContribution{{Category: "callers", Weight: 1, Share: 0.25, Raw: 0.5, Contribution: 0.3}}
			}},
			{Field: "Categories", What: "none", Apply: func(e *Entry) { e.Categories = []CategoryContribution{} }},
			{Field: "Evidence", What: "up to lag 1", Apply: func(e *Entry) {
				e.Evidence = []Evidence{{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 1), Aligned: 0.9, Strength: 0.9}}
			}},
			{Field: "Evidence", What: "none", Apply: func(e *Entry) { e.Evidence = nil }},
			{Field: "Links", What: "declared too", Apply: func(e *Entry) {
				e.Links = []Link{{Outcome: "revenue", Kind: outcome.Revenue, Evidence: true, Declared: true}}
			}},
			{Field: "Links", What: "one more", Apply: func(e *Entry) { e.Links = append(equalEntry(t).Links, Link{Outcome: "cost", Kind: outcome.Cost}) }},
			{Field: "Nodes", What: "another node", Apply: func(e *Entry) { e.Nodes = []string{"effort-low"} }},
			{Field: "Nodes", What: "none", Apply: func(e *Entry) { e.Nodes = nil }},
		},
	})
}

func TestRobustnessEqual(t *testing.T) {
	change := WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}
	base := func() Robustness {
		return Robustness{RunnerUp: "effort", Margin: 0.125, Changes: []WeightChange{change}}
	}
	equaltest.Check(t, equaltest.Case[Robustness]{Equal: Robustness.Equal,
		Twins: []equaltest.Twins[Robustness]{
			{Name: "built apart", A: base(), B: Robustness{RunnerUp: "effort", Margin: 0.125, Changes: []WeightChange{change}}, DeepDiffers: false},
			{Name: "nil changes and empty ones", A: Robustness{Margin: 0.5}, B: Robustness{Margin: 0.5, Changes: []WeightChange{}}, DeepDiffers: true},
		},
		Base: base,
		Changes: []equaltest.Change[Robustness]{
			{Field: "RunnerUp", What: "none", Apply: func(r *Robustness) { r.RunnerUp = "" }},
			{Field: "Margin", What: "0.25", Apply: func(r *Robustness) { r.Margin = 0.25 }},
			{Field: "Changes", What: "a rise", Apply: func(r *Robustness) {
				r.Changes = []WeightChange{{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort", Rise: true}}
			}},
			{Field: "Changes", What: "one more", Apply: func(r *Robustness) { r.Changes = []WeightChange{change, change} }},
			{Field: "Changes", What: "none", Apply: func(r *Robustness) { r.Changes = nil }},
		},
	})
}

func TestInputMetricEqual(t *testing.T) {
	base := func() InputMetric {
		return InputMetric{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 4, Direct: true}
	}
	equaltest.Check(t, equaltest.Case[InputMetric]{Equal: InputMetric.Equal,
		Twins: []equaltest.Twins[InputMetric]{
			{Name: "built apart", A: base(), B: InputMetric{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 4, Direct: true}, DeepDiffers: false},
			{Name: "nil nodes and empty ones", A: InputMetric{Metric: fixes}, B: InputMetric{Metric: fixes, Nodes: []string{}}, DeepDiffers: true},
		},
		Base: base,
		Changes: []equaltest.Change[InputMetric]{
			{Field: "Metric", What: "another metric", Apply: func(m *InputMetric) { m.Metric = callsHandled }},
			{Field: "Nodes", What: "another node", Apply: func(m *InputMetric) { m.Nodes = []string{"handle-calls"} }},
			{Field: "Nodes", What: "one more", Apply: func(m *InputMetric) { m.Nodes = []string{"fix-faults", "handle-calls"} }},
			{Field: "Influence", What: "8", Apply: func(m *InputMetric) { m.Influence = 8 }},
			{Field: "Direct", What: "false", Apply: func(m *InputMetric) { m.Direct = false }},
		},
	})
}

// equalWarnings returns a ranking's warnings: one with IDs, one without.
func equalWarnings() []*outcome.Error {
	return []*outcome.Error{
		{Code: ErrNeedNotSMART, Severity: outcome.SeverityWarning, IDs: []string{"callers", "fixed"}, Message: "northstar: need not SMART"},
		{Code: ErrZeroCategoryWeight, Severity: outcome.SeverityWarning, Message: "northstar: weight zero"},
	}
}

// equalRanking returns a ranking with every field set: a policy whose
// coverage weight is 0.50.
func equalRanking(t *testing.T) Ranking {
	p := DefaultPolicy()
	p.Weights.Coverage = dec("0.50")
	return Ranking{
		Entries:      []Entry{equalEntry(t)},
		Policy:       p,
		Robustness:   Robustness{RunnerUp: "effort", Margin: 0.125, Changes: []WeightChange{{Criterion: Lead, From: 2, To: 4, Rise: true, Challenger: "effort"}}},
		InputMetrics: []InputMetric{{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 4, Direct: true}},
		Warnings:     equalWarnings(),
	}
}

func TestRankingEqual(t *testing.T) {
	base := func() Ranking { return equalRanking(t) }
	scaled := equalRanking(t)
	scaled.Policy.Weights.Coverage = dec("0.5")
	scaled.Policy.Weights.Lead = dec("2.000")
	caused := equalRanking(t)
	caused.Warnings[0].Err = errors.New("the cause")
	bare := Ranking{Policy: DefaultPolicy()}
	empty := Ranking{Policy: DefaultPolicy(), Entries: []Entry{}, InputMetrics: []InputMetric{}, Warnings: []*outcome.Error{}}
	noIDs := equalRanking(t)
	noIDs.Warnings[1].IDs = []string{}
	// A policy's own rules: a zero method is Pearson ([Policy.Equal]).
	pearson := equalRanking(t)
	pearson.Policy.LeadLag.Method = 0
	equaltest.Check(t, equaltest.Case[Ranking]{Equal: Ranking.Equal,
		Twins: []equaltest.Twins[Ranking]{
			{Name: "built apart", A: base(), B: equalRanking(t), DeepDiffers: false},
			{Name: "weights 0.5 and 0.50, 2.000 and 2", A: base(), B: scaled, DeepDiffers: true},
			{Name: "a warning's cause", A: base(), B: caused, DeepDiffers: true},
			{Name: "nil lists and empty ones", A: bare, B: empty, DeepDiffers: true},
			{Name: "a warning's nil IDs and empty ones", A: base(), B: noIDs, DeepDiffers: true},
			{Name: "a zero method and Pearson", A: base(), B: pearson, DeepDiffers: true},
			{Name: "no warnings and nil ones", A: Ranking{Warnings: []*outcome.Error{nil}}, B: Ranking{Warnings: []*outcome.Error{nil}}, DeepDiffers: false},
		},
		Base: base,
		Changes: []equaltest.Change[Ranking]{
			{Field: "Entries", What: "another rank", Apply: func(r *Ranking) {
				e := equalEntry(t)
				e.Rank = 1
				r.Entries = []Entry{e}
			}},
			{Field: "Entries", What: "none", Apply: func(r *Ranking) { r.Entries = nil }},
			{Field: "Policy", What: "coverage weight 0.51", Apply: func(r *Ranking) { r.Policy.Weights.Coverage = dec("0.51") }},
			{Field: "Policy", What: "lags up to 2", Apply: func(r *Ranking) { r.Policy.LeadLag.MaxLag = 2 }},
			{Field: "Robustness", What: "another margin", Apply: func(r *Ranking) { r.Robustness.Margin = 0.25 }},
			{Field: "InputMetrics", What: "another influence", Apply: func(r *Ranking) {
				r.InputMetrics = []InputMetric{{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 2, Direct: true}}
			}},
			{Field: "InputMetrics", What: "none", Apply: func(r *Ranking) { r.InputMetrics = nil }},
			{Field: "Warnings", What: "another code", Apply: func(r *Ranking) { r.Warnings[0].Code = ErrEmptyNeed }},
			{Field: "Warnings", What: "an error", Apply: func(r *Ranking) { r.Warnings[0].Severity = outcome.SeverityError }},
			{Field: "Warnings", What: "other IDs", Apply: func(r *Ranking) { r.Warnings[0].IDs = []string{"callers"} }},
			{Field: "Warnings", What: "IDs given", Apply: func(r *Ranking) { r.Warnings[1].IDs = []string{"callers"} }},
			{Field: "Warnings", What: "another message", Apply: func(r *Ranking) { r.Warnings[1].Message += "!" }},
			{Field: "Warnings", What: "a nil warning", Apply: func(r *Ranking) { r.Warnings[1] = nil }},
			{Field: "Warnings", What: "one fewer", Apply: func(r *Ranking) { r.Warnings = r.Warnings[:1] }},
		},
	})
}

// TestResultsEqualReadBack checks that the results of Select, and each of
// their parts that reads back from JSON on its own, are Equal to what they
// read back as, though reflect.DeepEqual calls some of them different (the
// policy's weight 0.50 reads back as 0.5).
func TestResultsEqualReadBack(t *testing.T) {
	for name, in := range map[string]Input{"lead": leadInput(), "centre": centreInput()} {
		t.Run(name, func(t *testing.T) {
			in.Policy.Weights.Coverage = dec("3.0")
			r, err := Select(in)
			require.NoError(t, err)
			require.NotEmpty(t, r.Entries)
			back := readBack(t, r)
			assert.True(t, r.Equal(back), "ranking")
			assert.True(t, back.Equal(r), "ranking, the other way")
			assert.False(t, reflect.DeepEqual(r, back), "the weight 3.0 reads back as 3")
			for i, e := range r.Entries {
				assert.True(t, e.Equal(readBack(t, e)), "entry %d", i)
				for j, s := range e.Scores {
					assert.True(t, s.Equal(readBack(t, s)), "entry %d, score %d", i, j)
				}
			}
			for i, m := range r.InputMetrics {
				assert.True(t, m.Equal(readBack(t, m)), "input metric %d", i)
			}
			assert.True(t, r.Robustness.Equal(readBack(t, r.Robustness)), "robustness")
			for i, cv := range in.Canvases {
				for _, o := range cv.Spec().Outcomes {
					for _, ind := range o.Indicators {
						ind.Importance = ind.Importance.Add(dec("0.00"))
						assert.True(t, ind.Equal(readBack(t, ind)), "canvas %d, %s", i, ind.Metric)
					}
				}
			}
		})
	}
	// The lists read back empty where they were nil (those left out stay
	// nil): equal, though reflect.DeepEqual calls them different.
	m := InputMetric{Metric: fixes, Influence: 1}
	back := readBack(t, m)
	assert.Equal(t, []string{}, back.Nodes)
	assert.True(t, m.Equal(back))
	assert.False(t, reflect.DeepEqual(m, back))
}

// readBack returns v marshalled and read back.
func readBack[T any](t *testing.T, v T) T {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(data, &back), "%s", data)
	return back
}
