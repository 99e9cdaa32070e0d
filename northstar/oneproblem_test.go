package northstar

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/listtest"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// overflowInput is a chain of links tasks, each contributing to the one
// above by a link of weight 10^12, up to first-contact resolution's node,
// the task at the bottom measured by calls answered: with 26 links its
// influence on fcr, the winner, is 10^312, beyond float64's range (as
// TestSelectInfluenceOverflow works out).
func overflowInput(t *testing.T, links int) Input {
	t.Helper()
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "problem-solved", Level: outcome.CustomerOutcome, Metric: fcr})
	above := "problem-solved"
	for k := range links {
		node := hierarchy.Node{ID: "task-" + strconv.Itoa(k), Level: outcome.Task}
		if k == links-1 {
			node.Metric = callsAnswer
		}
		b.AddNode(node)
		b.AddWeightedLink(node.ID, above, decimal.NewFromInt(hierarchy.MaxWeight))
		above = node.ID
	}
	m, err := b.Build()
	require.NoError(t, err)
	cv := MustCanvas(CanvasSpec{Category: "callers", Name: "Callers", Weight: dec("1"),
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "fcr", Importance: dec("1")}}}}})
	return Input{Candidates: []Candidate{{Metric: fcr}, {Metric: callsAnswer}}, Canvases: []Canvas{cv},
		Policy: DefaultPolicy(), Hierarchy: FromModel(m)}
}

// validLeadLagJSON is the JSON of a lead/lag analysis that reads back.
func validLeadLagJSON(t *testing.T) string {
	t.Helper()
	l, err := AnalyzeLeadLag([]float64{1, 2, 4, 3, 5, 7, 6, 8}, []float64{2, 1, 3, 5, 4, 6, 8, 7}, LagOptions{MaxLag: 1})
	require.NoError(t, err)
	return string(mustJSON(t, l))
}

// TestOneProblemIsTheError: every exported function or method that refuses
// its input returns, when it finds exactly one problem, that
// *outcome.Error itself, not a joined error of one (nor a join within a
// join), so that err.(*outcome.Error) holds. Each input has one problem,
// whose code and IDs are worked out by hand. The cases marked "already"
// returned the problem itself before this test was written, and guard it.
func TestOneProblemIsTheError(t *testing.T) {
	noName := guestsSpec()
	noName.Name = ""
	badText := guestsSpec()
	badText.Name = "caf\xe9"
	guests := string(mustJSON(t, guestsSpec()))
	guestsNoName := strings.Replace(guests, `"name":"Guests who want a place that feels like home"`, `"name":""`, 1)
	require.NotEqual(t, guests, guestsNoName)
	leadLag := validLeadLagJSON(t)
	policy := string(mustJSON(t, DefaultPolicy()))
	ranking := `{"entries":[],"policy":` + policy + `}`
	var r Ranking
	require.NoError(t, json.Unmarshal([]byte(ranking), &r))
	var l LeadLag
	require.NoError(t, json.Unmarshal([]byte(leadLag), &l))
	withDrives := func(drives ...string) Input {
		in := market()
		in.Candidates[0].Drives = drives
		return in
	}
	_, err := Select(withDrives("revenue"))
	require.NoError(t, err)
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "a", Level: outcome.Task})
	m, err := b.Build()
	require.NoError(t, err)

	tests := []struct {
		name string
		call func() error
		code outcome.Code
		ids  []string
	}{
		{"NewCanvas", func() error { _, err := NewCanvas(noName); return err },
			outcome.ErrEmptyName, []string{"guests"}},
		{"Canvas.UnmarshalJSON/form", func() error {
			var c Canvas
			return c.UnmarshalJSON([]byte(strings.Replace(guests, `{`, `{"colour":1,`, 1)))
		}, outcome.ErrInvalidJSON, []string{"guests"}},
		{"Canvas.UnmarshalJSON/category unread", func() error {
			var c Canvas
			return c.UnmarshalJSON([]byte(strings.Replace(guests, `"category":"guests"`, `"category":5`, 1)))
		}, outcome.ErrInvalidJSON, nil},
		{"Canvas.UnmarshalJSON/NewCanvas", func() error {
			var c Canvas
			return c.UnmarshalJSON([]byte(guestsNoName))
		}, outcome.ErrEmptyName, []string{"guests"}},
		{"Canvas.UnmarshalJSON/null (already)", func() error { var c Canvas; return c.UnmarshalJSON([]byte("null")) },
			outcome.ErrInvalidJSON, nil},
		{"Canvas.MarshalJSON (already)", func() error { _, err := Canvas{}.MarshalJSON(); return err },
			outcome.ErrEmptyID, nil},
		{"DecodeCanvases (already)", func() error { _, err := DecodeCanvases([]byte("[" + guestsNoName + "]")); return err },
			outcome.ErrEmptyName, []string{"guests"}},
		{"CanvasSpec.UnmarshalJSON", func() error {
			var s CanvasSpec
			return s.UnmarshalJSON([]byte(strings.Replace(guests, `"weight":"0.6"`, `"weight":"x"`, 1)))
		}, ErrInvalidWeight, []string{"guests"}},
		{"CanvasSpec.MarshalJSON", func() error { _, err := badText.MarshalJSON(); return err },
			outcome.ErrInvalidText, []string{"guests"}},
		{"Need.MarshalJSON", func() error { _, err := Need{ID: "home", Statement: "caf\xe9"}.MarshalJSON(); return err },
			outcome.ErrInvalidText, []string{"home"}},
		{"Need.UnmarshalJSON (already)", func() error {
			var n Need
			return n.UnmarshalJSON([]byte(`{"id":"home","statement":5}`))
		}, outcome.ErrInvalidJSON, []string{"home"}},
		{"SuccessfulOutcome.MarshalJSON", func() error {
			_, err := SuccessfulOutcome{ID: "stay", Name: "\xff"}.MarshalJSON()
			return err
		}, outcome.ErrInvalidText, []string{"stay"}},
		{"SuccessfulOutcome.UnmarshalJSON", func() error {
			var o SuccessfulOutcome
			return o.UnmarshalJSON([]byte(`{"id":"stay","name":"S","metrics":[{"metric":"fcr","importance":"high"}]}`))
		}, ErrInvalidWeight, []string{"stay", "fcr"}},
		{"Indicator.MarshalJSON (already)", func() error { _, err := Indicator{Metric: "m\xff"}.MarshalJSON(); return err },
			outcome.ErrInvalidText, []string{"m\xff"}},
		{"Indicator.UnmarshalJSON", func() error {
			var i Indicator
			return i.UnmarshalJSON([]byte(`{"metric":"fcr","importance":"high"}`))
		}, ErrInvalidWeight, []string{"fcr"}},
		{"Weights.UnmarshalJSON", func() error { var w Weights; return w.UnmarshalJSON([]byte(`{"lead":"x"}`)) },
			ErrInvalidWeight, nil},
		{"Policy.Validate", func() error { return Policy{}.Validate() }, ErrZeroWeights, nil},
		{"Policy.MarshalJSON", func() error { _, err := Policy{}.MarshalJSON(); return err }, ErrZeroWeights, nil},
		{"Policy.UnmarshalJSON/form", func() error {
			var p Policy
			return p.UnmarshalJSON([]byte(strings.Replace(policy, `{`, `{"x":1,`, 1)))
		}, outcome.ErrInvalidJSON, nil},
		{"Policy.UnmarshalJSON/Validate", func() error {
			var p Policy
			return p.UnmarshalJSON([]byte(`{"weights":{"coverage":"-1","lead":"1"}}`))
		}, ErrNegativeWeight, nil},
		{"LagOptions.UnmarshalJSON", func() error { var o LagOptions; return o.UnmarshalJSON([]byte(`{"maxLag":-1}`)) },
			ErrInvalidLag, nil},
		{"AnalyzeLeadLag", func() error {
			_, err := AnalyzeLeadLag([]float64{1, 2, 3, 4, 5}, []float64{1, 2, 3, 4}, LagOptions{})
			return err
		}, ErrSeriesLength, nil},
		{"LeadLag.UnmarshalJSON/form", func() error {
			var l LeadLag
			return l.UnmarshalJSON([]byte(strings.Replace(leadLag, `{`, `{"q":1,`, 1)))
		}, outcome.ErrInvalidJSON, nil},
		{"LeadLag.UnmarshalJSON/parts", func() error {
			var l LeadLag
			return l.UnmarshalJSON([]byte(strings.Replace(leadLag, `"maxLag":1`, `"maxLag":-1`, 1)))
		}, ErrInvalidLag, nil},
		{"Select/policy", func() error {
			in := market()
			in.Policy = Policy{}
			_, err := Select(in)
			return err
		}, ErrZeroWeights, nil},
		{"Select/Drives", func() error { _, err := Select(withDrives("nights-booked")); return err },
			ErrNotBusinessOutcome, []string{"listings-created", "nights-booked"}},
		{"Select/influence", func() error { _, err := Select(overflowInput(t, 26)); return err },
			ErrInfluenceOverflow, []string{"calls-answered", "fcr"}},
		{"Ranking.MarshalJSON", func() error { _, err := Ranking{}.MarshalJSON(); return err }, ErrZeroWeights, nil},
		{"Ranking.UnmarshalJSON/form", func() error {
			var r Ranking
			return r.UnmarshalJSON([]byte(strings.Replace(ranking, `{`, `{"x":1,`, 1)))
		}, outcome.ErrInvalidJSON, nil},
		{"Ranking.UnmarshalJSON/policy", func() error { var r Ranking; return r.UnmarshalJSON([]byte(`{"entries":[]}`)) },
			ErrZeroWeights, nil},
		{"Entry.UnmarshalJSON", func() error { var e Entry; return e.UnmarshalJSON([]byte(`{}`)) }, outcome.ErrEmptyID, nil},
		{"Score.UnmarshalJSON", func() error { var s Score; return s.UnmarshalJSON([]byte(`{}`)) }, ErrUnknownCriterion, nil},
		{"GateFailure.UnmarshalJSON", func() error { var g GateFailure; return g.UnmarshalJSON([]byte(`{"reason":"r"}`)) },
			ErrUnknownGate, nil},
		{"Evidence.UnmarshalJSON", func() error { var ev Evidence; return ev.UnmarshalJSON([]byte(`{"kind":"nope"}`)) },
			outcome.ErrUnknownKind, nil},
		{"InputMetric.UnmarshalJSON", func() error { var m InputMetric; return m.UnmarshalJSON([]byte(`{}`)) },
			outcome.ErrEmptyID, nil},
		{"Robustness.UnmarshalJSON", func() error { var rb Robustness; return rb.UnmarshalJSON([]byte(`{"x":1}`)) },
			outcome.ErrInvalidJSON, nil},
		{"ParseMethod (already)", func() error { _, err := ParseMethod("kendall"); return err }, ErrUnknownMethod, nil},
		{"Method.UnmarshalText (already)", func() error { var m Method; return m.UnmarshalText([]byte("x")) },
			ErrUnknownMethod, nil},
		{"Method.MarshalText (already)", func() error { _, err := Method(9).MarshalText(); return err },
			ErrUnknownMethod, nil},
		{"ParseVerdict (already)", func() error { _, err := ParseVerdict("maybe"); return err }, ErrUnknownVerdict, nil},
		{"Verdict.UnmarshalText (already)", func() error { var v Verdict; return v.UnmarshalText([]byte("x")) },
			ErrUnknownVerdict, nil},
		{"Verdict.MarshalText (already)", func() error { _, err := Verdict(9).MarshalText(); return err },
			ErrUnknownVerdict, nil},
		{"ParseCriterion (already)", func() error { _, err := ParseCriterion("beauty"); return err }, ErrUnknownCriterion, nil},
		{"Criterion.UnmarshalText (already)", func() error { var c Criterion; return c.UnmarshalText([]byte("x")) },
			ErrUnknownCriterion, nil},
		{"Criterion.MarshalText (already)", func() error { _, err := Criterion(9).MarshalText(); return err },
			ErrUnknownCriterion, nil},
		{"ParseGate (already)", func() error { _, err := ParseGate("x"); return err }, ErrUnknownGate, nil},
		{"Gate.UnmarshalText (already)", func() error { var g Gate; return g.UnmarshalText([]byte("x")) },
			ErrUnknownGate, nil},
		{"Gate.MarshalText (already)", func() error { _, err := Gate(9).MarshalText(); return err },
			ErrUnknownGate, nil},
		{"FromModel LinkWeight (already)", func() error { _, err := FromModel(m).LinkWeight("a", "b"); return err },
			ErrInvalidHierarchy, []string{"a", "b"}},
		{"FromModel NodeInfo (already)", func() error { _, _, err := FromModel(m).NodeInfo("b"); return err },
			hierarchy.ErrUnknownNode, []string{"b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			p, ok := err.(*outcome.Error)
			require.True(t, ok, "%T: %v", err, err)
			assert.Equal(t, tt.code, p.Code, "%v", err)
			assert.Equal(t, tt.ids, p.IDs, "%v", err)
		})
	}
}

// TestSeveralProblemsJoined: with two independent problems the error is
// no *outcome.Error but a join, one level deep, of the two, in the
// documented order.
func TestSeveralProblemsJoined(t *testing.T) {
	leadLag := validLeadLagJSON(t)
	twoNeeds := guestsSpec()
	twoNeeds.Name = ""
	twoNeeds.Needs = nil
	type problem struct {
		code outcome.Code
		ids  []string
	}
	tests := []struct {
		name string
		call func() error
		want []problem
	}{
		// NewCanvas: the canvas's name, then its needs.
		{"NewCanvas", func() error { _, err := NewCanvas(twoNeeds); return err },
			[]problem{{outcome.ErrEmptyName, []string{"guests"}}, {ErrEmptyCanvas, []string{"guests"}}}},
		// Canvas.UnmarshalJSON: the form's (an unknown key), then
		// NewCanvas's (no name), where NewCanvas's were a join within.
		{"Canvas.UnmarshalJSON", func() error {
			var c Canvas
			return c.UnmarshalJSON([]byte(`{"category":"guests","name":"","weight":"1","colour":1,` +
				`"needs":[{"id":"n","statement":"s"}],"outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":"1"}]}]}`))
		}, []problem{{outcome.ErrInvalidJSON, []string{"guests"}}, {outcome.ErrEmptyName, []string{"guests"}}}},
		// Select: the policy's (zero weights), then no candidates, where
		// the policy's were a join within.
		{"Select", func() error { _, err := Select(Input{Canvases: market().Canvases[:0]}); return err },
			[]problem{{ErrZeroWeights, nil}, {ErrNoCandidates, nil}, {ErrEmptyCanvas, nil}}},
		// LeadLag.UnmarshalJSON: the form's, then a part's.
		{"LeadLag.UnmarshalJSON", func() error {
			var l LeadLag
			return l.UnmarshalJSON([]byte(strings.Replace(strings.Replace(leadLag, `{`, `{"q":1,`, 1), `"maxLag":1`, `"maxLag":-1`, 1)))
		}, []problem{{outcome.ErrInvalidJSON, nil}, {ErrInvalidLag, nil}}},
		// Policy.UnmarshalJSON: the form's, then Validate's.
		{"Policy.UnmarshalJSON", func() error {
			var p Policy
			return p.UnmarshalJSON([]byte(`{"x":1,"weights":{"coverage":"-1","lead":"1"}}`))
		}, []problem{{outcome.ErrInvalidJSON, nil}, {ErrNegativeWeight, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			_, one := err.(*outcome.Error)
			assert.False(t, one, "%v", err)
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs})
			}
			assert.Equal(t, tt.want, got, "%v", err)
			j, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok, "%T", err)
			for _, e := range j.Unwrap() {
				_, one := e.(*outcome.Error)
				assert.True(t, one, "a join within the join: %T %v", e, e)
			}
		})
	}
}

// checkShape checks, for the fuzzers, the shape of err, a refusal: with one
// problem it is that *outcome.Error itself; with several, a join, one level
// deep, of exactly those problems, in order.
func checkShape(t listtest.TB, err error) {
	t.Helper()
	probs := outcome.Problems(err)
	if len(probs) == 1 {
		if p, ok := err.(*outcome.Error); !ok || p != probs[0] {
			t.Fatalf("one problem, not itself but %T: %v", err, err)
		}
		return
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("%d problems, not joined but %T: %v", len(probs), err, err)
	}
	errs := j.Unwrap()
	if len(errs) != len(probs) {
		t.Fatalf("%d problems in a join of %d (a join within a join): %v", len(probs), len(errs), err)
	}
	for i, e := range errs {
		if p, ok := e.(*outcome.Error); !ok || p != probs[i] {
			t.Fatalf("element %d of the join is %T, not problem %d: %v", i, e, i, err)
		}
	}
}
