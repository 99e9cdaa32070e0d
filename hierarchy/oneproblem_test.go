package hierarchy

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// oneProblemModel is the model the one-problem cases use: a task "t" that
// feeds the customer outcome "sco".
func oneProblemModel(t *testing.T) Model {
	t.Helper()
	return mustBuild(t, []Node{node("t", outcome.Task), node("sco", outcome.CustomerOutcome)}, []edge{{"t", "sco", ""}})
}

// fullValues returns a set of m at 0 places in which every node in ids
// holds 2^63-1, the largest value a set holds, so that merging two of them
// overflows at each of those nodes.
func fullValues(t *testing.T, m Model, ids ...string) *Values {
	t.Helper()
	s, err := m.NewValues(0)
	require.NoError(t, err)
	for _, id := range ids {
		require.NoError(t, s.Set(id, decimal.RequireFromString("9223372036854775807")))
	}
	return s
}

// TestOneProblemIsTheProblem checks the module's convention for every
// exported function of the package that refuses its input: with exactly one
// problem, the error is that *outcome.Error itself (err.(*outcome.Error)
// holds, without errors.As), not a joined error of one. Each case's code,
// IDs and message are worked out from the input. The first group went
// through errors.Join before (Build and what builds on it through
// joinSorted, the results' decoders through resultForm.err, Values.Merge's
// overflows and Values.UnmarshalJSON); the rest already used msg.Join or
// returned one error, and are kept here as a guard.
func TestOneProblemIsTheProblem(t *testing.T) {
	m := oneProblemModel(t)
	vals := func() *Values {
		s, err := m.NewValues(0)
		require.NoError(t, err)
		return s
	}
	tests := []struct {
		name string
		call func() error
		code outcome.Code
		ids  []string
		msg  string
	}{
		// Joined before.
		{"Build, a self-link", func() error {
			_, err := builder([]Node{node("a", outcome.Activity)}, []edge{{"a", "a", ""}}).Build()
			return err
		}, ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`},
		{"Build, too large alone", func() error {
			b := NewBuilder()
			b.links = 1<<31 - 1 // as many links as a model cannot hold
			_, err := b.Build()
			return err
		}, ErrTooLarge, nil, `hierarchy: 0 nodes and 2147483647 links are more than a model holds (2147483646 each)`},
		{"Model.UnmarshalJSON, an unknown end", func() error {
			var x Model
			return x.UnmarshalJSON([]byte(`{"nodes":[{"id":"t","level":"task"}],"links":[{"from":"t","to":"b"}]}`))
		}, ErrDanglingLink, []string{"t", "b"}, `hierarchy: link "t" -> "b" goes to an unknown node`},
		{"Node.MarshalJSON, no level", func() error {
			_, err := Node{ID: "a"}.MarshalJSON()
			return err
		}, outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has no valid level`},
		{"Node.UnmarshalJSON, no level", func() error {
			var n Node
			return n.UnmarshalJSON([]byte(`{"id":"a"}`))
		}, outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has no valid level`},
		{"Link.MarshalJSON, to itself", func() error {
			_, err := Link{From: "a", To: "a", Weight: decimal.New(1, 0)}.MarshalJSON()
			return err
		}, ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`},
		{"Link.UnmarshalJSON, a negative weight", func() error {
			var l Link
			return l.UnmarshalJSON([]byte(`{"from":"a","to":"b","weight":"-1"}`))
		}, ErrNegativeWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight -1, below zero`},
		{"Share.UnmarshalJSON, no nodes", func() error {
			var s Share
			return s.UnmarshalJSON([]byte(`{"aligned":0,"weight":"0","alignedWeight":"0"}`))
		}, outcome.ErrInvalidJSON, nil, `hierarchy: share: invalid JSON: the value has no "nodes"`},
		{"Contribution.UnmarshalJSON, no amount", func() error {
			var c Contribution
			return c.UnmarshalJSON([]byte(`{"id":"a"}`))
		}, outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: the value has no "amount"`},
		{"Attribution.UnmarshalJSON, no contributions", func() error {
			var a Attribution
			return a.UnmarshalJSON([]byte(`{"id":"x","before":"1","after":"2","change":"1"}`))
		}, outcome.ErrInvalidJSON, []string{"x"}, `hierarchy: attribution: invalid JSON: the value has no "contributions"`},
		{"LineOfSight.UnmarshalJSON, no complete", func() error {
			var l LineOfSight
			return l.UnmarshalJSON([]byte(`{"from":"a","paths":[]}`))
		}, outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: line of sight: invalid JSON: the value has no "complete"`},
		{"Contributors.UnmarshalJSON, no levels", func() error {
			var c Contributors
			return c.UnmarshalJSON([]byte(`{"to":"s"}`))
		}, outcome.ErrInvalidJSON, []string{"s"}, `hierarchy: contributors: invalid JSON: the value has no "levels"`},
		{"LevelIDs.UnmarshalJSON, no level", func() error {
			var s LevelIDs
			return s.UnmarshalJSON([]byte(`{"ids":[]}`))
		}, outcome.ErrUnknownLevel, nil, `hierarchy: level IDs: no "level"`},
		{"OrphanGroup.UnmarshalJSON, no highest", func() error {
			var g OrphanGroup
			return g.UnmarshalJSON([]byte(`{"ids":[]}`))
		}, outcome.ErrUnknownLevel, nil, `hierarchy: orphan group: no "highest"`},
		{"Alignment.UnmarshalJSON, no levels", func() error {
			var a Alignment
			return a.UnmarshalJSON([]byte(`{"overall":{"nodes":0,"aligned":0,"weight":"0","alignedWeight":"0"}}`))
		}, outcome.ErrInvalidJSON, nil, `hierarchy: alignment: invalid JSON: the value has no "levels"`},
		{"Values.Merge, one sum too large", func() error {
			return fullValues(t, m, "t").Merge(fullValues(t, m, "t"))
		}, ErrInvalidValue, []string{"t"},
			`hierarchy: merged value 18446744073709551614 of node "t" does not fit a value set of 0 decimal places`},
		{"Values.UnmarshalJSON, an unknown node", func() error {
			return vals().UnmarshalJSON([]byte(`{"values":[{"id":"zz","value":"1"}]}`))
		}, ErrUnknownNode, []string{"zz"}, `hierarchy: value set: values[0]: unknown node "zz"`},

		// One error already.
		{"Values.Set, an unknown node", func() error {
			return vals().Set("zz", decimal.New(1, 0))
		}, ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
		{"Values.Set, a value that does not fit", func() error {
			return vals().Set("t", decimal.RequireFromString("0.5"))
		}, ErrInvalidValue, []string{"t"}, `hierarchy: value 0.5 of node "t" does not fit a value set of 0 decimal places`},
		{"Values.Merge, places that differ", func() error {
			o, err := m.NewValues(1)
			require.NoError(t, err)
			return vals().Merge(o)
		}, ErrPlacesDiffer, nil, `hierarchy: a value set of 0 decimal places cannot merge one of 1`},
		{"Values.UnmarshalBinary, no bytes", func() error {
			return vals().UnmarshalBinary(nil)
		}, outcome.ErrInvalidBinary, nil, `hierarchy: invalid binary form of a value set: no bytes`},
		{"Model.RollUp, an unknown method", func() error {
			_, err := m.RollUp(vals(), Method(99))
			return err
		}, ErrUnknownMethod, nil, `hierarchy: unknown roll-up method 99`},
		{"Model.LineOfSight, a limit of 0", func() error {
			_, err := m.LineOfSight("t", 0)
			return err
		}, ErrInvalidLimit, []string{"t"}, `hierarchy: the limit on the paths from "t" is 0; it must be at least 1`},
		{"Model.Attribute, an unknown node", func() error {
			_, err := m.Attribute("zz", vals(), vals())
			return err
		}, ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
		{"Model.Attribute, an input with no value", func() error {
			// Nothing is measured: the input t beneath sco has no value.
			_, err := m.Attribute("sco", vals(), vals())
			return err
		}, ErrMissingValue, []string{"t"}, `hierarchy: "sco" cannot be attributed: nodes beneath it have no value: "t"`},
		{"Model.NewValues, places below 0", func() error {
			_, err := m.NewValues(-1)
			return err
		}, ErrInvalidPlaces, nil, `hierarchy: a value set keeps 0 to 9 decimal places, not -1`},
		{"ParseMethod, no method", func() error {
			_, err := ParseMethod("median")
			return err
		}, ErrUnknownMethod, nil, `hierarchy: unknown roll-up method "median"`},
		{"Model.Node, an unknown node", func() error {
			_, err := m.Node("zz")
			return err
		}, ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
		{"Model.Contributors, an unknown node", func() error {
			_, err := m.Contributors("zz")
			return err
		}, ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			p, ok := err.(*outcome.Error)
			require.True(t, ok, "the error is the problem itself, not %T: %v", err, err)
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, tt.ids, p.IDs)
			assert.Equal(t, tt.msg, p.Message)
		})
	}
}

// TestTwoProblemsAreJoined checks the other side of the convention: with two
// independent problems, the error is not an *outcome.Error but a joined
// error whose problems, in the documented order, are both, each worked out
// from the input.
func TestTwoProblemsAreJoined(t *testing.T) {
	m := oneProblemModel(t)
	vals := func() *Values {
		s, err := m.NewValues(0)
		require.NoError(t, err)
		return s
	}
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		call func() error
		want []problem
	}{
		{"Build, two self-links, by ID", func() error {
			_, err := builder([]Node{node("b", outcome.Activity), node("a", outcome.Activity)},
				[]edge{{"b", "b", ""}, {"a", "a", ""}}).Build()
			return err
		}, []problem{
			{ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`},
			{ErrSelfLink, []string{"b", "b"}, `hierarchy: node "b" links to itself`},
		}},
		{"Share.UnmarshalJSON, no nodes and an unknown level", func() error {
			var s Share
			return s.UnmarshalJSON([]byte(`{"level":"nope","aligned":0,"weight":"0","alignedWeight":"0"}`))
		}, []problem{
			{outcome.ErrInvalidJSON, nil, `hierarchy: share: invalid JSON: the value has no "nodes"`},
			{outcome.ErrUnknownLevel, nil, `outcome: unknown level "nope"`},
		}},
		{"Values.Merge, two sums too large", func() error {
			return fullValues(t, m, "sco", "t").Merge(fullValues(t, m, "t", "sco"))
		}, []problem{
			{ErrInvalidValue, []string{"t"}, `hierarchy: merged value 18446744073709551614 of node "t" does not fit a value set of 0 decimal places`},
			{ErrInvalidValue, []string{"sco"}, `hierarchy: merged value 18446744073709551614 of node "sco" does not fit a value set of 0 decimal places`},
		}},
		{"Values.UnmarshalJSON, two unknown nodes", func() error {
			return vals().UnmarshalJSON([]byte(`{"values":[{"id":"y","value":"1"},{"id":"x","value":"1"}]}`))
		}, []problem{
			{ErrUnknownNode, []string{"y"}, `hierarchy: value set: values[0]: unknown node "y"`},
			{ErrUnknownNode, []string{"x"}, `hierarchy: value set: values[1]: unknown node "x"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			_, one := err.(*outcome.Error)
			assert.False(t, one, "two problems are joined")
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			// One level: the problems are the joined errors themselves.
			j, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok)
			for i, e := range j.Unwrap() {
				assert.Same(t, outcome.Problems(err)[i], e, "problem %d is joined at the top level", i)
			}
		})
	}
}

// checkOneOrJoined fails t unless err has the module's shape, which the
// fuzzers check of every decoder's error: nil, one problem as the
// *outcome.Error itself, or two or more *outcome.Errors joined one level
// deep (never a joined error of one, nor a join within a join).
func checkOneOrJoined(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if _, one := err.(*outcome.Error); one {
		return
	}
	j, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "neither one problem nor joined problems: %T %v", err, err)
	es := j.Unwrap()
	require.GreaterOrEqual(t, len(es), 2, "a joined error of %d: %v", len(es), err)
	for i, e := range es {
		_, one := e.(*outcome.Error)
		require.True(t, one, "joined error %d is %T, not one problem: %v", i, e, err)
	}
}
