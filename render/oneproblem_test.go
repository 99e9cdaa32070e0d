package render_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
	"github.com/cxmodel/cx/triplecrown"
)

// oneProblemModel is a task "t" that feeds an output "o", which feeds the
// customer outcome "s"; and a task "u" that feeds "s" alone.
func oneProblemModel(t *testing.T) hierarchy.Model {
	t.Helper()
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "t", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "u", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "o", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "s", Level: outcome.CustomerOutcome})
	b.AddLink("t", "o")
	b.AddLink("o", "s")
	b.AddLink("u", "s")
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

// TestOneProblemIsTheProblem checks the module's convention for the
// renderers: options with exactly one problem give that *outcome.Error
// itself (err.(*outcome.Error) holds, without errors.As), not a joined
// error of one, with the code, IDs and message worked out from the
// options. The diagram cases went through errors.Join before (newView),
// but for a highlight that does not serve the node served once the view is
// built, and the tables' zero values, which already returned one error and
// are a guard.
func TestOneProblemIsTheProblem(t *testing.T) {
	m := oneProblemModel(t)
	mermaid := func(opts render.DiagramOptions) error { return render.Mermaid(&bytes.Buffer{}, m, opts) }
	dot := func(opts render.DiagramOptions) error { return render.DOT(&bytes.Buffer{}, m, opts) }
	tests := []struct {
		name string
		err  error
		code outcome.Code
		ids  []string
		msg  string
	}{
		// A joined error of one before.
		{"Mermaid, hiding the customer outcomes", mermaid(render.DiagramOptions{Hide: []outcome.Level{outcome.CustomerOutcome}}),
			render.ErrHiddenCustomerOutcomes, nil,
			`render: cannot hide the successful customer outcomes: every line of sight ends there`},
		{"Mermaid, hiding a level that is none", mermaid(render.DiagramOptions{Hide: []outcome.Level{9}}),
			outcome.ErrUnknownLevel, nil, `render: cannot hide ` + outcome.Level(9).String() + `: it is not a level`},
		{"Mermaid, serving an unknown node", mermaid(render.DiagramOptions{Serving: "zz"}),
			hierarchy.ErrUnknownNode, []string{"zz"}, `render: the node to serve, "zz", is not in the hierarchy`},
		{"Mermaid, highlighting a node of a hidden level", mermaid(render.DiagramOptions{Hide: []outcome.Level{outcome.Task}, Highlight: "t"}),
			render.ErrNodeNotShown, []string{"t"}, `render: the node to highlight, "t", is a Task, a level the options hide`},
		{"DOT, highlighting an unknown node", dot(render.DiagramOptions{Highlight: "zz"}),
			hierarchy.ErrUnknownNode, []string{"zz"}, `render: the node to highlight, "zz", is not in the hierarchy`},

		// One error already.
		{"Mermaid, a highlight that does not serve the node served", mermaid(render.DiagramOptions{Serving: "o", Highlight: "u"}),
			render.ErrNodeNotShown, []string{"u", "o"}, `render: the node to highlight, "u", does not serve "o", which the diagram is about`},
		{"AuditText, the zero report", render.AuditText(&bytes.Buffer{}, outcome.AuditReport{}),
			render.ErrNothingToRender, nil, `render: cannot render the zero AuditReport, which comes with an error`},
		{"NorthStarText, no candidates", render.NorthStarText(&bytes.Buffer{}, northstar.Ranking{}),
			render.ErrNothingToRender, nil, `render: cannot render a Ranking with no candidates`},
		{"ScoreText, the zero Score", render.ScoreText(&bytes.Buffer{}, triplecrown.Score{}),
			render.ErrNothingToRender, nil, `render: cannot render the zero Score, which comes with an error`},
		{"ContributionsText, the zero Contributions", render.ContributionsText(&bytes.Buffer{}, triplecrown.Contributions{}),
			render.ErrNothingToRender, nil, `render: cannot render the zero Contributions, which comes with an error`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			p, ok := tt.err.(*outcome.Error)
			require.True(t, ok, "the error is the problem itself, not %T: %v", tt.err, tt.err)
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, tt.ids, p.IDs)
			assert.Equal(t, tt.msg, p.Message)
		})
	}
}

// TestTwoProblemsAreJoined checks that options with two independent
// problems give a joined error, not an *outcome.Error, whose problems are
// both, in the documented order: hiding the customer outcomes before the
// node to serve.
func TestTwoProblemsAreJoined(t *testing.T) {
	m := oneProblemModel(t)
	err := render.Mermaid(&bytes.Buffer{}, m, render.DiagramOptions{Serving: "zz", Hide: []outcome.Level{outcome.CustomerOutcome}})
	require.Error(t, err)
	_, one := err.(*outcome.Error)
	assert.False(t, one, "two problems are joined")
	ps := outcome.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, render.ErrHiddenCustomerOutcomes, ps[0].Code)
	assert.Equal(t, `render: cannot hide the successful customer outcomes: every line of sight ends there`, ps[0].Message)
	assert.Equal(t, hierarchy.ErrUnknownNode, ps[1].Code)
	assert.Equal(t, []string{"zz"}, ps[1].IDs)
	assert.Equal(t, `render: the node to serve, "zz", is not in the hierarchy`, ps[1].Message)
}
