package northstar

import (
	"encoding/json"
	"github.com/cxmodel/cx/internal/equaltest"
	"iter"
	"reflect"
	"slices"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// equalNeed is a need with every field set.
func equalNeed() Need {
	return Need{ID: "home", Statement: "a place that feels like home", Measure: "stays rated 4 or more",
		Target: "95%", TimeBound: "by the end of 2026"}
}

func TestNeedEqual(t *testing.T) {
	equaltest.Check(t, equaltest.Case[Need]{Equal: Need.Equal, Base: equalNeed,
		Twins: []equaltest.Twins[Need]{{Name: "built apart", A: equalNeed(), B: equalNeed(), DeepDiffers: false}},
		Changes: []equaltest.Change[Need]{
			{Field: "ID", What: "other", Apply: func(n *Need) { n.ID = "homely" }},
			{Field: "Statement", What: "other", Apply: func(n *Need) { n.Statement = "a place" }},
			{Field: "Measure", What: "other", Apply: func(n *Need) { n.Measure = "stays rated 5" }},
			{Field: "Measure", What: "left out", Apply: func(n *Need) { n.Measure = "" }},
			{Field: "Target", What: "other", Apply: func(n *Need) { n.Target = "96%" }},
			{Field: "TimeBound", What: "other", Apply: func(n *Need) { n.TimeBound = "by the end of 2027" }},
			{Field: "TimeBound", What: "white space added", Apply: func(n *Need) { n.TimeBound += " " }},
		}})
}

// equalOutcome is an outcome with every field set, its importances written
// as scale writes them (scale "" or "0": 3 or 3.0).
func equalOutcome(scale string) SuccessfulOutcome {
	return SuccessfulOutcome{ID: "stay", Name: "a stay that feels like home", Description: "guests feel at home",
		Indicators: []Indicator{
			{Metric: "nights-booked", Importance: dec("1.5" + scale)},
			{Metric: "review-score", Importance: dec("1.0" + scale)},
		}}
}

func TestSuccessfulOutcomeEqual(t *testing.T) {
	equaltest.Check(t, equaltest.Case[SuccessfulOutcome]{Equal: SuccessfulOutcome.Equal, Base: func() SuccessfulOutcome { return equalOutcome("") },
		Twins: []equaltest.Twins[SuccessfulOutcome]{{Name: "decimals at other scales", A: equalOutcome(""), B: equalOutcome("0"), DeepDiffers: true}},
		Changes: []equaltest.Change[SuccessfulOutcome]{
			{Field: "ID", What: "other", Apply: func(o *SuccessfulOutcome) { o.ID = "return" }},
			{Field: "Name", What: "other", Apply: func(o *SuccessfulOutcome) { o.Name = "they come back" }},
			{Field: "Description", What: "left out", Apply: func(o *SuccessfulOutcome) { o.Description = "" }},
			{Field: "Indicators", What: "an importance", Apply: func(o *SuccessfulOutcome) { o.Indicators[0].Importance = dec("1.6") }},
			{Field: "Indicators", What: "a metric", Apply: func(o *SuccessfulOutcome) { o.Indicators[1].Metric = "repeat-guests" }},
			{Field: "Indicators", What: "one dropped", Apply: func(o *SuccessfulOutcome) { o.Indicators = o.Indicators[:1] }},
			{Field: "Indicators", What: "order", Apply: func(o *SuccessfulOutcome) { slices.Reverse(o.Indicators) }},
			{Field: "Indicators", What: "none", Apply: func(o *SuccessfulOutcome) { o.Indicators = nil }},
		}})

	// nil equals empty: MarshalJSON writes both as [].
	empty, none := SuccessfulOutcome{ID: "o", Indicators: []Indicator{}}, SuccessfulOutcome{ID: "o"}
	assert.True(t, empty.Equal(none))
	assert.True(t, none.Equal(empty))
	je, err := json.Marshal(empty)
	require.NoError(t, err)
	jn, err := json.Marshal(none)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"o","name":"","metrics":[]}`, string(je))
	assert.Equal(t, string(je), string(jn))
}

// equalSpec is guestsSpec with a description, its weight and importances
// written at the scale given ("" or "0").
func equalSpec(scale string) CanvasSpec {
	s := guestsSpec()
	s.Description = "people who travel"
	s.Weight = dec("0.6" + scale)
	for i := range s.Outcomes {
		for j := range s.Outcomes[i].Indicators {
			ind := &s.Outcomes[i].Indicators[j]
			ind.Importance = dec(ind.Importance.String() + ".5" + scale)
		}
	}
	return s
}

func TestCanvasSpecEqual(t *testing.T) {
	equaltest.Check(t, equaltest.Case[CanvasSpec]{Equal: CanvasSpec.Equal, Base: func() CanvasSpec { return equalSpec("") },
		Twins: []equaltest.Twins[CanvasSpec]{{Name: "decimals at other scales", A: equalSpec(""), B: equalSpec("0"), DeepDiffers: true}},
		Changes: []equaltest.Change[CanvasSpec]{
			{Field: "Category", What: "other", Apply: func(s *CanvasSpec) { s.Category = "hosts" }},
			{Field: "Name", What: "other", Apply: func(s *CanvasSpec) { s.Name = "Guests" }},
			{Field: "Description", What: "left out", Apply: func(s *CanvasSpec) { s.Description = "" }},
			{Field: "Weight", What: "other", Apply: func(s *CanvasSpec) { s.Weight = dec("0.61") }},
			{Field: "Weight", What: "zero", Apply: func(s *CanvasSpec) { s.Weight = decimal.Decimal{} }},
			{Field: "Needs", What: "a need's field", Apply: func(s *CanvasSpec) { s.Needs[1].Target = "3 clicks" }},
			{Field: "Needs", What: "one dropped", Apply: func(s *CanvasSpec) { s.Needs = s.Needs[1:] }},
			{Field: "Needs", What: "order", Apply: func(s *CanvasSpec) { slices.Reverse(s.Needs) }},
			{Field: "Outcomes", What: "an importance", Apply: func(s *CanvasSpec) { s.Outcomes[1].Indicators[1].Importance = dec("3") }},
			{Field: "Outcomes", What: "an outcome's name", Apply: func(s *CanvasSpec) { s.Outcomes[0].Name = "home" }},
			{Field: "Outcomes", What: "order", Apply: func(s *CanvasSpec) { slices.Reverse(s.Outcomes) }},
		}})

	// nil lists equal empty ones, as MarshalJSON writes both as [].
	a, b := CanvasSpec{Category: "c"}, CanvasSpec{Category: "c", Needs: []Need{}, Outcomes: []SuccessfulOutcome{}}
	assert.True(t, a.Equal(b))
	assert.True(t, b.Equal(a))
	ja, err := json.Marshal(a)
	require.NoError(t, err)
	jb, err := json.Marshal(b)
	require.NoError(t, err)
	assert.Equal(t, string(ja), string(jb))

	// A spec stored as JSON reads back Equal, its decimals at the scale
	// MarshalJSON writes them (0.60 as "0.6"), which DeepEqual calls
	// different.
	want := equalSpec("0")
	data, err := json.Marshal(want)
	require.NoError(t, err)
	var got CanvasSpec
	require.NoError(t, json.Unmarshal(data, &got))
	assert.True(t, want.Equal(got))
	assert.True(t, got.Equal(want))
	assert.False(t, reflect.DeepEqual(want, got))
}

// TestCanvasEqual_spec: Canvas.Equal is its spec's Equal.
func TestCanvasEqual_spec(t *testing.T) {
	a, b := MustCanvas(equalSpec("")), MustCanvas(equalSpec("0"))
	assert.True(t, a.Equal(b))
	assert.True(t, b.Equal(a))
	s := equalSpec("")
	s.Description = "other"
	assert.False(t, a.Equal(MustCanvas(s)))
}

// equalCandidate is a candidate with every field set, its ratings written
// at the scale given ("" or "0").
func equalCandidate(scale string) Candidate {
	return Candidate{
		Metric: outcome.MustMetric(outcome.MetricSpec{ID: "nights-booked", Name: "Nights booked",
			Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter}),
		Series:  []float64{3, 5, 4.5},
		Ratings: []Rating{{Aspect: "tangible", Value: dec("4.5" + scale), Min: dec("1.0" + scale), Max: dec("5.0" + scale)}},
		Drives:  []string{"revenue", "cost"},
	}
}

func TestCandidateEqual(t *testing.T) {
	equaltest.Check(t, equaltest.Case[Candidate]{Equal: Candidate.Equal, Base: func() Candidate { return equalCandidate("") },
		Twins: []equaltest.Twins[Candidate]{{Name: "decimals at other scales", A: equalCandidate(""), B: equalCandidate("0"), DeepDiffers: true}},
		Changes: []equaltest.Change[Candidate]{
			{Field: "Metric", What: "its name", Apply: func(c *Candidate) {
				s := c.Metric.Spec()
				s.Name = "Nights"
				c.Metric = outcome.MustMetric(s)
			}},
			{Field: "Series", What: "a value", Apply: func(c *Candidate) { c.Series[2] = 4.25 }},
			{Field: "Series", What: "one dropped", Apply: func(c *Candidate) { c.Series = c.Series[:2] }},
			{Field: "Series", What: "none", Apply: func(c *Candidate) { c.Series = nil }},
			{Field: "Ratings", What: "aspect", Apply: func(c *Candidate) { c.Ratings[0].Aspect = "objective" }},
			{Field: "Ratings", What: "value", Apply: func(c *Candidate) { c.Ratings[0].Value = dec("4") }},
			{Field: "Ratings", What: "min", Apply: func(c *Candidate) { c.Ratings[0].Min = dec("0") }},
			{Field: "Ratings", What: "max", Apply: func(c *Candidate) { c.Ratings[0].Max = dec("10") }},
			{Field: "Ratings", What: "another", Apply: func(c *Candidate) { c.Ratings = append(c.Ratings, rating("clear", 3, 1, 5)) }},
			{Field: "Drives", What: "order", Apply: func(c *Candidate) { slices.Reverse(c.Drives) }},
			{Field: "Drives", What: "one dropped", Apply: func(c *Candidate) { c.Drives = c.Drives[:1] }},
		}})

	// nil lists equal empty ones: Select reads both as none.
	a := Candidate{Metric: nightsBooked}
	b := Candidate{Metric: nightsBooked, Series: []float64{}, Ratings: []Rating{}, Drives: []string{}}
	assert.True(t, a.Equal(b))
	assert.True(t, b.Equal(a))
}

// twoNodeModel builds a two-node hierarchy whose link has the weight given.
func twoNodeModel(t *testing.T, weight string) hierarchy.Model {
	t.Helper()
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "handle-calls", Level: outcome.Output, Metric: callsHandled})
	b.AddNode(hierarchy.Node{ID: "problem-solved", Level: outcome.CustomerOutcome, Metric: fcr})
	b.AddWeightedLink("handle-calls", "problem-solved", dec(weight))
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

func TestInputEqual(t *testing.T) {
	// The base holds a fake hierarchy, which reflect.DeepEqual can compare
	// (FromModel's holds a func, never DeepEqual), so that each change is
	// seen to change its field alone; the twins hold models built apart.
	build := func(scale string, h func() Hierarchy) func() Input {
		return func() Input {
			p := DefaultPolicy()
			p.Weights.Reach = dec("2.0" + scale)
			return Input{
				Candidates: []Candidate{equalCandidate(scale), {Metric: revenue}},
				Canvases:   []Canvas{MustCanvas(equalSpec(scale))},
				Policy:     p,
				Hierarchy:  h(),
			}
		}
	}
	equaltest.Check(t, equaltest.Case[Input]{Equal: Input.Equal, Base: build("", func() Hierarchy { return centreHierarchy() }),
		Twins: []equaltest.Twins[Input]{{Name: "decimals at other scales", DeepDiffers: true,
			A: build("", func() Hierarchy { return FromModel(twoNodeModel(t, "0.5")) })(),
			B: build("0", func() Hierarchy { return FromModel(twoNodeModel(t, "0.50")) })()}},
		Changes: []equaltest.Change[Input]{
			{Field: "Candidates", What: "a rating", Apply: func(in *Input) { in.Candidates[0].Ratings[0].Value = dec("3") }},
			{Field: "Candidates", What: "order", Apply: func(in *Input) { slices.Reverse(in.Candidates) }},
			{Field: "Candidates", What: "none", Apply: func(in *Input) { in.Candidates = nil }},
			{Field: "Canvases", What: "a weight", Apply: func(in *Input) {
				s := in.Canvases[0].Spec()
				s.Weight = dec("0.7")
				in.Canvases[0] = MustCanvas(s)
			}},
			{Field: "Canvases", What: "another", Apply: func(in *Input) { in.Canvases = append(in.Canvases, MustCanvas(guestsSpec())) }},
			{Field: "Policy", What: "a weight", Apply: func(in *Input) { in.Policy.Weights.Lead = dec("3") }},
			{Field: "Policy", What: "a lag", Apply: func(in *Input) { in.Policy.LeadLag.MaxLag = 2 }},
			{Field: "Hierarchy", What: "none", Apply: func(in *Input) { in.Hierarchy = nil }},
			{Field: "Hierarchy", What: "another type", Apply: func(in *Input) { in.Hierarchy = FromModel(twoNodeModel(t, "0.5")) }},
			{Field: "Hierarchy", What: "a node fewer", Apply: func(in *Input) {
				h := centreHierarchy()
				h.nodes = h.nodes[1:]
				in.Hierarchy = h
			}},
		}})

	// A model's link of another weight.
	model := build("", func() Hierarchy { return FromModel(twoNodeModel(t, "0.5")) })
	lighter := build("", func() Hierarchy { return FromModel(twoNodeModel(t, "0.4")) })()
	assert.False(t, model().Equal(lighter), "a link's weight")
	assert.False(t, lighter.Equal(model()), "a link's weight")

	// Hierarchies of the caller's own types: compared as Go compares them,
	// with == where it can (pointers), else reflect.DeepEqual (a
	// fakeHierarchy holds slices, which == cannot compare: no panic).
	h1, h2 := centreHierarchy(), centreHierarchy()
	other := centreHierarchy()
	other.nodes = other.nodes[1:]
	for _, tt := range []struct {
		name string
		a, b Hierarchy
		want bool
	}{
		{"both nil", nil, nil, true},
		{"nil and not", nil, h1, false},
		{"values alike", h1, h2, true},
		{"values unlike", h1, other, false},
		{"one pointer", &h1, &h1, true},
		{"two pointers", &h1, &h2, false},
		{"a value and a pointer", h1, &h1, false},
		{"a model and a value", FromModel(twoNodeModel(t, "1")), h1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Input{Hierarchy: tt.a}, Input{Hierarchy: tt.b}
			assert.Equal(t, tt.want, a.Equal(b))
			assert.Equal(t, tt.want, b.Equal(a))
		})
	}

	// A caller's hierarchy that holds a func, as an adapter over a
	// database might: reflect.DeepEqual calls it equal to nothing, itself
	// included, so Input.Equal uses its own Equal method where the type has
	// one, as the module's value types do; without one, the doc says what
	// happens.
	withEqual := func(name string) withFunc {
		return withFunc{fakeHierarchy: centreHierarchy(), name: name, fetch: func() {}}
	}
	x, y := withEqual("crm"), withEqual("crm")
	assert.True(t, Input{Hierarchy: x}.Equal(Input{Hierarchy: x}), "its own Equal: reflexive")
	assert.True(t, Input{Hierarchy: x}.Equal(Input{Hierarchy: y}), "its own Equal: built apart")
	assert.False(t, Input{Hierarchy: x}.Equal(Input{Hierarchy: withEqual("erp")}), "its own Equal: another")
	bare := withoutEqual{withEqual("crm")}
	assert.False(t, Input{Hierarchy: bare}.Equal(Input{Hierarchy: bare}), "no Equal: as reflect.DeepEqual says, not even to itself")

	// nil lists equal empty ones.
	a, b := Input{Policy: DefaultPolicy()}, Input{Candidates: []Candidate{}, Canvases: []Canvas{}, Policy: DefaultPolicy()}
	assert.True(t, a.Equal(b))
	assert.True(t, b.Equal(a))
}

// withFunc is a caller's hierarchy that holds a func, with an Equal method
// that compares what it reads from (its name), not the func.
type withFunc struct {
	fakeHierarchy
	name  string
	fetch func()
}

// Equal reports whether h and o read the same source.
func (h withFunc) Equal(o withFunc) bool { return h.name == o.name }

// withoutEqual is a withFunc without its Equal method.
type withoutEqual struct{ h withFunc }

func (w withoutEqual) TopoOrder() iter.Seq[string]                  { return w.h.TopoOrder() }
func (w withoutEqual) Children(id string) (iter.Seq[string], error) { return w.h.Children(id) }
func (w withoutEqual) NodeInfo(id string) (outcome.Level, outcome.Metric, error) {
	return w.h.NodeInfo(id)
}
func (w withoutEqual) LinkWeight(from, to string) (decimal.Decimal, error) {
	return w.h.LinkWeight(from, to)
}

// equalLink is a link with every field set.
func equalLink() Link {
	return Link{Outcome: "revenue", Kind: outcome.Revenue, Declared: true, Evidence: true, Feeds: true, FedBy: true}
}

func TestLinkEqual(t *testing.T) {
	equaltest.Check(t, equaltest.Case[Link]{Equal: Link.Equal, Base: equalLink,
		Twins: []equaltest.Twins[Link]{{Name: "built apart", A: equalLink(), B: equalLink(), DeepDiffers: false}},
		Changes: []equaltest.Change[Link]{
			{Field: "Outcome", What: "other", Apply: func(l *Link) { l.Outcome = "cost" }},
			{Field: "Kind", What: "other", Apply: func(l *Link) { l.Kind = outcome.Cost }},
			{Field: "Declared", What: "false", Apply: func(l *Link) { l.Declared = false }},
			{Field: "Evidence", What: "false", Apply: func(l *Link) { l.Evidence = false }},
			{Field: "Feeds", What: "false", Apply: func(l *Link) { l.Feeds = false }},
			{Field: "FedBy", What: "false", Apply: func(l *Link) { l.FedBy = false }},
		}})

	// A link reads back from JSON Equal: false flags are left out.
	want := Link{Outcome: "revenue", Kind: outcome.Revenue, Feeds: true}
	data, err := json.Marshal(want)
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"revenue","kind":"revenue","feeds":true}`, string(data))
	var got Link
	require.NoError(t, json.Unmarshal(data, &got))
	assert.True(t, want.Equal(got))
}

func TestLagOptionsEqual(t *testing.T) {
	// {MaxLag: 3} means what the explicit options mean (a zero method is
	// Pearson, a zero confidence 0.95), though DeepEqual tells them apart.
	equaltest.Check(t, equaltest.Case[LagOptions]{Equal: LagOptions.Equal, Base: func() LagOptions { return LagOptions{MaxLag: 3} },
		Twins: []equaltest.Twins[LagOptions]{{Name: "a zero method and confidence, and Pearson at 0.95", A: LagOptions{MaxLag: 3}, B: LagOptions{MaxLag: 3, Method: Pearson, Confidence: 0.95}, DeepDiffers: true}},
		Changes: []equaltest.Change[LagOptions]{
			{Field: "MaxLag", What: "2", Apply: func(o *LagOptions) { o.MaxLag = 2 }},
			{Field: "MaxLag", What: "0", Apply: func(o *LagOptions) { o.MaxLag = 0 }},
			{Field: "Method", What: "Spearman", Apply: func(o *LagOptions) { o.Method = Spearman }},
			{Field: "Method", What: "invalid", Apply: func(o *LagOptions) { o.Method = 9 }},
			{Field: "Confidence", What: "0.9", Apply: func(o *LagOptions) { o.Confidence = 0.9 }},
			{Field: "Confidence", What: "0.99", Apply: func(o *LagOptions) { o.Confidence = 0.99 }},
		}})

	// The explicit options read back from JSON Equal.
	for _, want := range []LagOptions{{MaxLag: 3}, {MaxLag: 2, Method: Spearman, Confidence: 0.9}} {
		data, err := json.Marshal(want)
		require.NoError(t, err)
		var got LagOptions
		require.NoError(t, json.Unmarshal(data, &got))
		assert.True(t, want.Equal(got), "%s", data)
		assert.True(t, got.Equal(want), "%s", data)
	}
}
