package northstar

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mutation changes one field of a value: field is the Go name of the field
// changed, so that checkEqual can see that every field has one.
type mutation[T any] struct {
	field string
	name  string
	edit  func(*T)
}

// checkEqual checks Equal on values of T that make builds afresh: a and b,
// built independently with the same content (b with its decimals at other
// scales, 1.5 as 1.50, where T has decimals), are Equal both ways, and
// reflect.DeepEqual says whether they differ as deepDiffers says (it does
// where decimals are at other scales: why Equal exists); each mutation of a
// value of make, one field changed, is Equal to a neither way; and the
// mutations change every field of T, so that a field forgotten in Equal or
// in the table fails.
func checkEqual[T interface{ Equal(T) bool }](t *testing.T, make, makeOtherScale func() T, deepDiffers bool, mutations []mutation[T]) {
	t.Helper()
	a, b := make(), makeOtherScale()
	assert.True(t, a.Equal(b), "a.Equal(b)")
	assert.True(t, b.Equal(a), "b.Equal(a)")
	assert.True(t, a.Equal(a), "a.Equal(a)")
	assert.Equal(t, deepDiffers, !reflect.DeepEqual(a, b), "reflect.DeepEqual(a, b) == %v", !deepDiffers)
	fields := map[string]bool{}
	for _, m := range mutations {
		fields[m.field] = true
		t.Run(m.field+"/"+m.name, func(t *testing.T) {
			c := make()
			m.edit(&c)
			assert.False(t, a.Equal(c), "a.Equal(changed)")
			assert.False(t, c.Equal(a), "changed.Equal(a)")
		})
	}
	typ := reflect.TypeFor[T]()
	for i := range typ.NumField() {
		assert.True(t, fields[typ.Field(i).Name], "no mutation of field %s", typ.Field(i).Name)
	}
}

// equalNeed is a need with every field set.
func equalNeed() Need {
	return Need{ID: "home", Statement: "a place that feels like home", Measure: "stays rated 4 or more",
		Target: "95%", TimeBound: "by the end of 2026"}
}

func TestNeedEqual(t *testing.T) {
	checkEqual(t, equalNeed, equalNeed, false, []mutation[Need]{
		{"ID", "other", func(n *Need) { n.ID = "homely" }},
		{"Statement", "other", func(n *Need) { n.Statement = "a place" }},
		{"Measure", "other", func(n *Need) { n.Measure = "stays rated 5" }},
		{"Measure", "left out", func(n *Need) { n.Measure = "" }},
		{"Target", "other", func(n *Need) { n.Target = "96%" }},
		{"TimeBound", "other", func(n *Need) { n.TimeBound = "by the end of 2027" }},
		{"TimeBound", "white space added", func(n *Need) { n.TimeBound += " " }},
	})
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
	checkEqual(t, func() SuccessfulOutcome { return equalOutcome("") }, func() SuccessfulOutcome { return equalOutcome("0") }, true,
		[]mutation[SuccessfulOutcome]{
			{"ID", "other", func(o *SuccessfulOutcome) { o.ID = "return" }},
			{"Name", "other", func(o *SuccessfulOutcome) { o.Name = "they come back" }},
			{"Description", "left out", func(o *SuccessfulOutcome) { o.Description = "" }},
			{"Indicators", "an importance", func(o *SuccessfulOutcome) { o.Indicators[0].Importance = dec("1.6") }},
			{"Indicators", "a metric", func(o *SuccessfulOutcome) { o.Indicators[1].Metric = "repeat-guests" }},
			{"Indicators", "one dropped", func(o *SuccessfulOutcome) { o.Indicators = o.Indicators[:1] }},
			{"Indicators", "order", func(o *SuccessfulOutcome) { slices.Reverse(o.Indicators) }},
			{"Indicators", "none", func(o *SuccessfulOutcome) { o.Indicators = nil }},
		})

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
	checkEqual(t, func() CanvasSpec { return equalSpec("") }, func() CanvasSpec { return equalSpec("0") }, true,
		[]mutation[CanvasSpec]{
			{"Category", "other", func(s *CanvasSpec) { s.Category = "hosts" }},
			{"Name", "other", func(s *CanvasSpec) { s.Name = "Guests" }},
			{"Description", "left out", func(s *CanvasSpec) { s.Description = "" }},
			{"Weight", "other", func(s *CanvasSpec) { s.Weight = dec("0.61") }},
			{"Weight", "zero", func(s *CanvasSpec) { s.Weight = decimal.Decimal{} }},
			{"Needs", "a need's field", func(s *CanvasSpec) { s.Needs[1].Target = "3 clicks" }},
			{"Needs", "one dropped", func(s *CanvasSpec) { s.Needs = s.Needs[1:] }},
			{"Needs", "order", func(s *CanvasSpec) { slices.Reverse(s.Needs) }},
			{"Outcomes", "an importance", func(s *CanvasSpec) { s.Outcomes[1].Indicators[1].Importance = dec("3") }},
			{"Outcomes", "an outcome's name", func(s *CanvasSpec) { s.Outcomes[0].Name = "home" }},
			{"Outcomes", "order", func(s *CanvasSpec) { slices.Reverse(s.Outcomes) }},
		})

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
	checkEqual(t, func() Candidate { return equalCandidate("") }, func() Candidate { return equalCandidate("0") }, true,
		[]mutation[Candidate]{
			{"Metric", "its name", func(c *Candidate) {
				s := c.Metric.Spec()
				s.Name = "Nights"
				c.Metric = outcome.MustMetric(s)
			}},
			{"Series", "a value", func(c *Candidate) { c.Series[2] = 4.25 }},
			{"Series", "one dropped", func(c *Candidate) { c.Series = c.Series[:2] }},
			{"Series", "none", func(c *Candidate) { c.Series = nil }},
			{"Ratings", "aspect", func(c *Candidate) { c.Ratings[0].Aspect = "objective" }},
			{"Ratings", "value", func(c *Candidate) { c.Ratings[0].Value = dec("4") }},
			{"Ratings", "min", func(c *Candidate) { c.Ratings[0].Min = dec("0") }},
			{"Ratings", "max", func(c *Candidate) { c.Ratings[0].Max = dec("10") }},
			{"Ratings", "another", func(c *Candidate) { c.Ratings = append(c.Ratings, rating("clear", 3, 1, 5)) }},
			{"Drives", "order", func(c *Candidate) { slices.Reverse(c.Drives) }},
			{"Drives", "one dropped", func(c *Candidate) { c.Drives = c.Drives[:1] }},
		})

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
	build := func(scale string) func() Input {
		return func() Input {
			p := DefaultPolicy()
			p.Weights.Reach = dec("2.0" + scale)
			return Input{
				Candidates: []Candidate{equalCandidate(scale), {Metric: revenue}},
				Canvases:   []Canvas{MustCanvas(equalSpec(scale))},
				Policy:     p,
				Hierarchy:  FromModel(twoNodeModel(t, "0.5"+scale)),
			}
		}
	}
	checkEqual(t, build(""), build("0"), true, []mutation[Input]{
		{"Candidates", "a rating", func(in *Input) { in.Candidates[0].Ratings[0].Value = dec("3") }},
		{"Candidates", "order", func(in *Input) { slices.Reverse(in.Candidates) }},
		{"Candidates", "none", func(in *Input) { in.Candidates = nil }},
		{"Canvases", "a weight", func(in *Input) {
			s := in.Canvases[0].Spec()
			s.Weight = dec("0.7")
			in.Canvases[0] = MustCanvas(s)
		}},
		{"Canvases", "another", func(in *Input) { in.Canvases = append(in.Canvases, MustCanvas(guestsSpec())) }},
		{"Policy", "a weight", func(in *Input) { in.Policy.Weights.Lead = dec("3") }},
		{"Policy", "a lag", func(in *Input) { in.Policy.LeadLag.MaxLag = 2 }},
		{"Hierarchy", "a link's weight", func(in *Input) { in.Hierarchy = FromModel(twoNodeModel(t, "0.4")) }},
		{"Hierarchy", "none", func(in *Input) { in.Hierarchy = nil }},
		{"Hierarchy", "another type", func(in *Input) { in.Hierarchy = centreHierarchy() }},
	})

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

	// nil lists equal empty ones.
	a, b := Input{Policy: DefaultPolicy()}, Input{Candidates: []Candidate{}, Canvases: []Canvas{}, Policy: DefaultPolicy()}
	assert.True(t, a.Equal(b))
	assert.True(t, b.Equal(a))
}

// equalLink is a link with every field set.
func equalLink() Link {
	return Link{Outcome: "revenue", Kind: outcome.Revenue, Declared: true, Evidence: true, Feeds: true, FedBy: true}
}

func TestLinkEqual(t *testing.T) {
	checkEqual(t, equalLink, equalLink, false, []mutation[Link]{
		{"Outcome", "other", func(l *Link) { l.Outcome = "cost" }},
		{"Kind", "other", func(l *Link) { l.Kind = outcome.Cost }},
		{"Declared", "false", func(l *Link) { l.Declared = false }},
		{"Evidence", "false", func(l *Link) { l.Evidence = false }},
		{"Feeds", "false", func(l *Link) { l.Feeds = false }},
		{"FedBy", "false", func(l *Link) { l.FedBy = false }},
	})

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
	checkEqual(t, func() LagOptions { return LagOptions{MaxLag: 3} },
		func() LagOptions { return LagOptions{MaxLag: 3, Method: Pearson, Confidence: 0.95} }, true,
		[]mutation[LagOptions]{
			{"MaxLag", "2", func(o *LagOptions) { o.MaxLag = 2 }},
			{"MaxLag", "0", func(o *LagOptions) { o.MaxLag = 0 }},
			{"Method", "Spearman", func(o *LagOptions) { o.Method = Spearman }},
			{"Method", "invalid", func(o *LagOptions) { o.Method = 9 }},
			{"Confidence", "0.9", func(o *LagOptions) { o.Confidence = 0.9 }},
			{"Confidence", "0.99", func(o *LagOptions) { o.Confidence = 0.99 }},
		})

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
