package northstar

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// resultTwins are two values of a result built apart with the same
// content, which Equal must call equal; deepDiffers says whether
// reflect.DeepEqual calls them different (a decimal at another scale, a nil
// list beside an empty one): why the type has an Equal.
type resultTwins[T any] struct {
	name        string
	a, b        T
	deepDiffers bool
}

// resultChange changes one field of a result, the Go field named field.
type resultChange[T any] struct {
	field  string
	what   string
	change func(*T)
}

// checkResultEqual checks equal, the Equal method of T, a struct type: each
// pair of twins is equal both ways (and reflect.DeepEqual calls them
// different exactly when the pair says so); a value made by base equals
// itself; every field of T is named by some change; and each change, made
// to a fresh value of base, changes its field alone (the others stay
// reflect.DeepEqual) and gives a value that is not equal to base's, both
// ways. A field that Equal leaves out fails the last check, and a field
// added to T without a change fails the third.
func checkResultEqual[T any](t *testing.T, equal func(T, T) bool, twins []resultTwins[T], base func() T, changes []resultChange[T]) {
	t.Helper()
	for _, tw := range twins {
		assert.True(t, equal(tw.a, tw.b), "%s: a.Equal(b)", tw.name)
		assert.True(t, equal(tw.b, tw.a), "%s: b.Equal(a)", tw.name)
		assert.Equal(t, tw.deepDiffers, !reflect.DeepEqual(tw.a, tw.b), "%s: reflect.DeepEqual calls them different", tw.name)
	}
	assert.True(t, equal(base(), base()), "a value equals itself")

	typ := reflect.TypeFor[T]()
	named := map[string]bool{}
	for _, c := range changes {
		named[c.field] = true
	}
	for i := range typ.NumField() {
		assert.True(t, named[typ.Field(i).Name], "no change of %s.%s", typ.Name(), typ.Field(i).Name)
	}
	for _, c := range changes {
		orig, changed := base(), base()
		c.change(&changed)
		vo, vc := reflect.ValueOf(orig), reflect.ValueOf(changed)
		_, ok := typ.FieldByName(c.field)
		require.True(t, ok, "%s.%s is not a field", typ.Name(), c.field)
		for i := range typ.NumField() {
			same := reflect.DeepEqual(vo.Field(i).Interface(), vc.Field(i).Interface())
			assert.Equal(t, typ.Field(i).Name != c.field, same, "%s (%s) changes %s.%s", c.field, c.what, typ.Name(), typ.Field(i).Name)
		}
		assert.False(t, equal(orig, changed), "%s (%s): base.Equal(changed)", c.field, c.what)
		assert.False(t, equal(changed, orig), "%s (%s): changed.Equal(base)", c.field, c.what)
	}
}

func TestRatingEqual(t *testing.T) {
	base := func() Rating {
		return Rating{Aspect: "actionable", Value: dec("4"), Min: dec("1"), Max: dec("5")}
	}
	checkResultEqual(t, Rating.Equal, []resultTwins[Rating]{
		{"4.0 from 1.00 to 5.000", base(), Rating{Aspect: "actionable", Value: dec("4.0"), Min: dec("1.00"), Max: dec("5.000")}, true},
	}, base, []resultChange[Rating]{
		{"Aspect", "another aspect", func(r *Rating) { r.Aspect = "Actionable" }},
		{"Value", "4.01", func(r *Rating) { r.Value = dec("4.01") }},
		{"Min", "0", func(r *Rating) { r.Min = dec("0") }},
		{"Max", "10", func(r *Rating) { r.Max = dec("10") }},
	})
}

func TestIndicatorEqual(t *testing.T) {
	base := func() Indicator { return Indicator{Metric: "fcr", Importance: dec("1.5")} }
	checkResultEqual(t, Indicator.Equal, []resultTwins[Indicator]{
		{"1.5 and 1.50", base(), Indicator{Metric: "fcr", Importance: dec("1.50")}, true},
	}, base, []resultChange[Indicator]{
		{"Metric", "another metric", func(i *Indicator) { i.Metric = "effort" }},
		{"Importance", "1.6", func(i *Indicator) { i.Importance = dec("1.6") }},
	})
}

// A gate failure, a score, a category's contribution, a correlation and a
// weight change hold no decimals and no lists: reflect.DeepEqual agrees
// with their Equal, which the results that hold them compare them with.

func TestGateFailureEqual(t *testing.T) {
	base := func() GateFailure { return GateFailure{Gate: GateCanvas, Reason: reasonCanvas} }
	checkResultEqual(t, GateFailure.Equal, []resultTwins[GateFailure]{
		{"built apart", base(), GateFailure{Gate: GateCanvas, Reason: reasonCanvas}, false},
	}, base, []resultChange[GateFailure]{
		{"Gate", "another gate", func(g *GateFailure) { g.Gate = GateLead }},
		{"Reason", "another reason", func(g *GateFailure) { g.Reason += "." }},
	})
}

func TestScoreEqual(t *testing.T) {
	base := func() Score {
		return Score{Criterion: Coverage, Raw: 0.5, Normalised: 1, Weight: 0.3, Contribution: 0.3}
	}
	checkResultEqual(t, Score.Equal, []resultTwins[Score]{
		{"built apart", base(), Score{Criterion: Coverage, Raw: 0.25 * 2, Normalised: 1, Weight: 0.3, Contribution: 0.3}, false},
	}, base, []resultChange[Score]{
		{"Criterion", "lead", func(s *Score) { s.Criterion = Lead }},
		{"Raw", "0.6", func(s *Score) { s.Raw = 0.6 }},
		{"Normalised", "0.9", func(s *Score) { s.Normalised = 0.9 }},
		{"Weight", "0.2", func(s *Score) { s.Weight = 0.2 }},
		{"Contribution", "0.2", func(s *Score) { s.Contribution = 0.2 }},
		{"Missing", "true", func(s *Score) { s.Missing = true }},
	})
}

func TestCategoryContributionEqual(t *testing.T) {
	base := func() CategoryContribution {
		return CategoryContribution{Category: "callers", Weight: 0.5, Share: 0.6, Raw: 0.3, Contribution: 0.25}
	}
	checkResultEqual(t, CategoryContribution.Equal, []resultTwins[CategoryContribution]{
		{"built apart", base(), CategoryContribution{Category: "callers", Weight: 0.5, Share: 0.6, Raw: 0.3, Contribution: 0.25}, false},
	}, base, []resultChange[CategoryContribution]{
		{"Category", "another category", func(c *CategoryContribution) { c.Category = "business" }},
		{"Weight", "0.4", func(c *CategoryContribution) { c.Weight = 0.4 }},
		{"Share", "0.5", func(c *CategoryContribution) { c.Share = 0.5 }},
		{"Raw", "0.2", func(c *CategoryContribution) { c.Raw = 0.2 }},
		{"Contribution", "0.2", func(c *CategoryContribution) { c.Contribution = 0.2 }},
	})
}

func TestCorrelationEqual(t *testing.T) {
	base := func() Correlation { return Correlation{Lag: 1, R: 0.75, Pairs: 11} }
	checkResultEqual(t, Correlation.Equal, []resultTwins[Correlation]{
		{"built apart", base(), Correlation{Lag: 1, R: 0.75, Pairs: 11}, false},
	}, base, []resultChange[Correlation]{
		{"Lag", "-1", func(c *Correlation) { c.Lag = -1 }},
		{"R", "-0.75", func(c *Correlation) { c.R = -0.75 }},
		{"Pairs", "12", func(c *Correlation) { c.Pairs = 12 }},
	})
}

func TestWeightChangeEqual(t *testing.T) {
	base := func() WeightChange {
		return WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}
	}
	checkResultEqual(t, WeightChange.Equal, []resultTwins[WeightChange]{
		{"built apart", base(), WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}, false},
	}, base, []resultChange[WeightChange]{
		{"Criterion", "lead", func(w *WeightChange) { w.Criterion = Lead }},
		{"From", "2", func(w *WeightChange) { w.From = 2 }},
		{"To", "0.6", func(w *WeightChange) { w.To = 0.6 }},
		{"Rise", "true", func(w *WeightChange) { w.Rise = true }},
		{"Challenger", "another", func(w *WeightChange) { w.Challenger = "aht" }},
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
	checkResultEqual(t, Evidence.Equal, []resultTwins[Evidence]{
		{"analysed apart", base(), Evidence{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 2), Aligned: 0.9, Strength: 0.9}, false},
	}, base, []resultChange[Evidence]{
		{"Outcome", "another outcome", func(e *Evidence) { e.Outcome = "cost" }},
		{"Kind", "cost", func(e *Evidence) { e.Kind = outcome.Cost }},
		{"LeadLag", "up to lag 1", func(e *Evidence) { e.LeadLag = analysed(t, 1) }},
		{"LeadLag", "none", func(e *Evidence) { e.LeadLag = LeadLag{} }},
		{"Aligned", "-0.9", func(e *Evidence) { e.Aligned = -0.9 }},
		{"Strength", "0", func(e *Evidence) { e.Strength = 0 }},
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
	checkResultEqual(t, Entry.Equal, []resultTwins[Entry]{
		{"built apart", base(), equalEntry(t), false},
		{"nil lists and empty ones", bare, empty, true},
	}, base, []resultChange[Entry]{
		{"Rank", "1", func(e *Entry) { e.Rank = 1 }},
		{"Metric", "another metric", func(e *Entry) { e.Metric = effort }},
		{"Eligible", "true", func(e *Entry) { e.Eligible = true }},
		{"Failed", "another gate", func(e *Entry) { e.Failed = []GateFailure{{Gate: GateOutcome, Reason: reasonNoNode}} }},
		{"Failed", "none", func(e *Entry) { e.Failed = nil }},
		{"Total", "0.25", func(e *Entry) { e.Total = 0.25 }},
		{"Scores", "another raw", func(e *Entry) {
			e.Scores = []Score{{Criterion: Coverage, Raw: 0.25, Normalised: 1, Weight: 0.3, Contribution: 0.3}}
		}},
		{"Scores", "one more", func(e *Entry) { e.Scores = append(equalEntry(t).Scores, Score{Criterion: Lead}) }},
		{"Categories", "another share", func(e *Entry) {
			e.Categories = []CategoryContribution{{Category: "callers", Weight: 1, Share: 0.25, Raw: 0.5, Contribution: 0.3}}
		}},
		{"Categories", "none", func(e *Entry) { e.Categories = []CategoryContribution{} }},
		{"Evidence", "up to lag 1", func(e *Entry) {
			e.Evidence = []Evidence{{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: analysed(t, 1), Aligned: 0.9, Strength: 0.9}}
		}},
		{"Evidence", "none", func(e *Entry) { e.Evidence = nil }},
		{"Links", "declared too", func(e *Entry) {
			e.Links = []Link{{Outcome: "revenue", Kind: outcome.Revenue, Evidence: true, Declared: true}}
		}},
		{"Links", "one more", func(e *Entry) { e.Links = append(equalEntry(t).Links, Link{Outcome: "cost", Kind: outcome.Cost}) }},
		{"Nodes", "another node", func(e *Entry) { e.Nodes = []string{"effort-low"} }},
		{"Nodes", "none", func(e *Entry) { e.Nodes = nil }},
	})
}

func TestRobustnessEqual(t *testing.T) {
	change := WeightChange{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort"}
	base := func() Robustness {
		return Robustness{RunnerUp: "effort", Margin: 0.125, Changes: []WeightChange{change}}
	}
	checkResultEqual(t, Robustness.Equal, []resultTwins[Robustness]{
		{"built apart", base(), Robustness{RunnerUp: "effort", Margin: 0.125, Changes: []WeightChange{change}}, false},
		{"nil changes and empty ones", Robustness{Margin: 0.5}, Robustness{Margin: 0.5, Changes: []WeightChange{}}, true},
	}, base, []resultChange[Robustness]{
		{"RunnerUp", "none", func(r *Robustness) { r.RunnerUp = "" }},
		{"Margin", "0.25", func(r *Robustness) { r.Margin = 0.25 }},
		{"Changes", "a rise", func(r *Robustness) {
			r.Changes = []WeightChange{{Criterion: Coverage, From: 3, To: 0.5, Challenger: "effort", Rise: true}}
		}},
		{"Changes", "one more", func(r *Robustness) { r.Changes = []WeightChange{change, change} }},
		{"Changes", "none", func(r *Robustness) { r.Changes = nil }},
	})
}

func TestInputMetricEqual(t *testing.T) {
	base := func() InputMetric {
		return InputMetric{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 4, Direct: true}
	}
	checkResultEqual(t, InputMetric.Equal, []resultTwins[InputMetric]{
		{"built apart", base(), InputMetric{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 4, Direct: true}, false},
		{"nil nodes and empty ones", InputMetric{Metric: fixes}, InputMetric{Metric: fixes, Nodes: []string{}}, true},
	}, base, []resultChange[InputMetric]{
		{"Metric", "another metric", func(m *InputMetric) { m.Metric = callsHandled }},
		{"Nodes", "another node", func(m *InputMetric) { m.Nodes = []string{"handle-calls"} }},
		{"Nodes", "one more", func(m *InputMetric) { m.Nodes = []string{"fix-faults", "handle-calls"} }},
		{"Influence", "8", func(m *InputMetric) { m.Influence = 8 }},
		{"Direct", "false", func(m *InputMetric) { m.Direct = false }},
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
	checkResultEqual(t, Ranking.Equal, []resultTwins[Ranking]{
		{"built apart", base(), equalRanking(t), false},
		{"weights 0.5 and 0.50, 2.000 and 2", base(), scaled, true},
		{"a warning's cause", base(), caused, true},
		{"nil lists and empty ones", bare, empty, true},
		{"a warning's nil IDs and empty ones", base(), noIDs, true},
		{"a zero method and Pearson", base(), pearson, true},
		{"no warnings and nil ones", Ranking{Warnings: []*outcome.Error{nil}}, Ranking{Warnings: []*outcome.Error{nil}}, false},
	}, base, []resultChange[Ranking]{
		{"Entries", "another rank", func(r *Ranking) {
			e := equalEntry(t)
			e.Rank = 1
			r.Entries = []Entry{e}
		}},
		{"Entries", "none", func(r *Ranking) { r.Entries = nil }},
		{"Policy", "coverage weight 0.51", func(r *Ranking) { r.Policy.Weights.Coverage = dec("0.51") }},
		{"Policy", "lags up to 2", func(r *Ranking) { r.Policy.LeadLag.MaxLag = 2 }},
		{"Robustness", "another margin", func(r *Ranking) { r.Robustness.Margin = 0.25 }},
		{"InputMetrics", "another influence", func(r *Ranking) {
			r.InputMetrics = []InputMetric{{Metric: fixes, Nodes: []string{"fix-faults"}, Influence: 2, Direct: true}}
		}},
		{"InputMetrics", "none", func(r *Ranking) { r.InputMetrics = nil }},
		{"Warnings", "another code", func(r *Ranking) { r.Warnings[0].Code = ErrEmptyNeed }},
		{"Warnings", "an error", func(r *Ranking) { r.Warnings[0].Severity = outcome.SeverityError }},
		{"Warnings", "other IDs", func(r *Ranking) { r.Warnings[0].IDs = []string{"callers"} }},
		{"Warnings", "IDs given", func(r *Ranking) { r.Warnings[1].IDs = []string{"callers"} }},
		{"Warnings", "another message", func(r *Ranking) { r.Warnings[1].Message += "!" }},
		{"Warnings", "a nil warning", func(r *Ranking) { r.Warnings[1] = nil }},
		{"Warnings", "one fewer", func(r *Ranking) { r.Warnings = r.Warnings[:1] }},
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
