package northstar

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeNode struct {
	id     string
	level  outcome.Level
	metric outcome.Metric
}

type fakeLink struct {
	from, to string
	weight   decimal.Decimal
}

// fakeHierarchy implements Hierarchy over literal nodes (in topological
// order) and links; its err fields make a method fail.
type fakeHierarchy struct {
	nodes                           []fakeNode
	links                           []fakeLink
	infoErr, childrenErr, weightErr string // the node (or link's from) that fails
	extraChild                      string
}

func (h fakeHierarchy) TopoOrder() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, n := range h.nodes {
			if !yield(n.id) {
				return
			}
		}
	}
}

func (h fakeHierarchy) Children(id string) (iter.Seq[string], error) {
	if id == h.childrenErr {
		return nil, errors.New("no children today")
	}
	return func(yield func(string) bool) {
		for _, l := range h.links {
			if l.to == id && !yield(l.from) {
				return
			}
		}
		if h.extraChild != "" && id == h.nodes[len(h.nodes)-1].id {
			yield(h.extraChild)
		}
	}, nil
}

func (h fakeHierarchy) NodeInfo(id string) (outcome.Level, outcome.Metric, error) {
	if id == h.infoErr {
		return 0, outcome.Metric{}, errors.New("unknown node")
	}
	for _, n := range h.nodes {
		if n.id == id {
			return n.level, n.metric, nil
		}
	}
	return 0, outcome.Metric{}, errors.New("unknown node")
}

func (h fakeHierarchy) LinkWeight(from, to string) (decimal.Decimal, error) {
	if from == h.weightErr {
		return decimal.Zero, errors.New("no weight")
	}
	for _, l := range h.links {
		if l.from == from && l.to == to {
			return l.weight, nil
		}
	}
	return decimal.Zero, errors.New("no such link")
}

var (
	fcr          = metric("fcr", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	effort       = metric("effort", outcome.CustomerOutcome, outcome.LowerIsBetter, 0)
	costToServe  = metric("cost-to-serve", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Cost)
	fines        = metric("fines", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Compliance)
	callsHandled = metric("calls-handled", outcome.Output, outcome.HigherIsBetter, 0)
	fixes        = metric("fixes", outcome.Output, outcome.HigherIsBetter, 0)
	nps          = metric("nps", outcome.Output, outcome.HigherIsBetter, 0)
	callsAnswer  = metric("calls-answered", outcome.Task, outcome.HigherIsBetter, 0)
	diagnosis    = metric("diagnoses", outcome.Activity, outcome.HigherIsBetter, 0)
)

// centreHierarchy is a contact centre's hierarchy, by hand:
//
//	answer-call (task) -1-> calls-handled (output) -0.5-> problem-solved (SCO)
//	log-fault (task) -1-> diagnose (activity) -2-> fixes (output) -1-> problem-solved
//	fixes -1-> cost (BO) -1-> effort-low (SCO)
//	update-crm (task): linked to nothing; fines-avoided (BO): feeds nothing.
//
// Aligned work: answer-call, log-fault, diagnose, calls-handled, fixes: 5.
func centreHierarchy() fakeHierarchy {
	one := decimal.NewFromInt(1)
	return fakeHierarchy{
		nodes: []fakeNode{
			{"answer-call", outcome.Task, callsAnswer},
			{"log-fault", outcome.Task, outcome.Metric{}},
			{"update-crm", outcome.Task, outcome.Metric{}},
			{"diagnose", outcome.Activity, diagnosis},
			{"calls-handled", outcome.Output, callsHandled},
			{"fixes", outcome.Output, fixes},
			{"cost", outcome.BusinessOutcome, costToServe},
			{"fines-avoided", outcome.BusinessOutcome, fines},
			{"problem-solved", outcome.CustomerOutcome, fcr},
			{"effort-low", outcome.CustomerOutcome, effort},
		},
		links: []fakeLink{
			{"answer-call", "calls-handled", one},
			{"log-fault", "diagnose", one},
			{"diagnose", "fixes", decimal.NewFromInt(2)},
			{"calls-handled", "problem-solved", dec("0.5")},
			{"fixes", "problem-solved", one},
			{"fixes", "cost", one},
			{"cost", "effort-low", one},
		},
	}
}

func centreInput() Input {
	var inds []Indicator
	for _, id := range []string{"fcr", "effort", "cost-to-serve", "fines", "calls-handled", "nps"} {
		imp := dec("1")
		if id == "fcr" {
			imp = dec("2")
		}
		inds = append(inds, Indicator{Metric: id, Importance: imp})
	}
	cv := MustCanvas(CanvasSpec{Category: "callers", Name: "Callers", Weight: dec("1"),
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: inds}}})
	return Input{
		Candidates: []Candidate{{Metric: fcr}, {Metric: effort}, {Metric: costToServe}, {Metric: fines},
			{Metric: callsHandled}, {Metric: nps}, {Metric: fixes}},
		Canvases:  []Canvas{cv},
		Policy:    DefaultPolicy(),
		Hierarchy: centreHierarchy(),
	}
}

func TestSelectWithHierarchy(t *testing.T) {
	r, err := Select(centreInput())
	require.NoError(t, err)
	gates := func(id string) []Gate {
		e, ok := r.Find(id)
		require.True(t, ok, id)
		var out []Gate
		for _, f := range e.Failed {
			out = append(out, f.Gate)
		}
		return out
	}
	assert.Nil(t, gates("fcr"))
	assert.Nil(t, gates("effort"))
	assert.Nil(t, gates("cost-to-serve"))
	assert.Equal(t, []Gate{GateHierarchy}, gates("fines"), "fines-avoided feeds no customer outcome")
	assert.Equal(t, []Gate{GateOutcome}, gates("calls-handled"))
	assert.Equal(t, []Gate{GateOutcome, GateHierarchy}, gates("nps"), "an output, and not in the hierarchy")
	assert.Equal(t, []Gate{GateOutcome, GateCanvas}, gates("fixes"))
	fi, _ := r.Find("fines")
	assert.Equal(t, "in the hierarchy it reaches no successful customer outcome", fi.Failed[0].Reason)
	np, _ := r.Find("nps")
	assert.Equal(t, "it is not in the hierarchy, so nothing connects it to the work of the front line", np.Failed[1].Reason)

	// Reach: problem-solved is fed by all 5 pieces of aligned work;
	// effort-low by fixes, diagnose and log-fault (3 of 5); cost by the same
	// 3. Fixes' own node is not counted as feeding itself: 2 of 5.
	for id, want := range map[string]float64{"fcr": 1, "effort": 0.6, "cost-to-serve": 0.6, "fines": 0, "nps": 0, "fixes": 0.4} {
		e, _ := r.Find(id)
		assert.InDelta(t, want, e.Score(Reach).Raw, 1e-15, id)
		assert.False(t, e.Score(Reach).Missing)
	}
	e, _ := r.Find("fcr")
	assert.Equal(t, []string{"problem-solved"}, e.Nodes)
	assert.Empty(t, e.Links, "problem-solved is fed by work only, and has nothing above it")

	// Links through the hierarchy: fixes contributes to cost (a cost
	// outcome); cost is fed by work only, and contributes to nothing of
	// business level above it; effort-low is fed by cost, a cost outcome.
	fx, _ := r.Find("fixes")
	assert.Equal(t, []Link{{Outcome: "cost-to-serve", Kind: outcome.Cost, Feeds: true}}, fx.Links)
	assert.Equal(t, 1.0, fx.Score(Linkage).Raw)
	ct, _ := r.Find("cost-to-serve")
	assert.Empty(t, ct.Links)
	ef, _ := r.Find("effort")
	assert.Equal(t, []Link{{Outcome: "cost-to-serve", Kind: outcome.Cost, FedBy: true}}, ef.Links)
	assert.Equal(t, 1.0, ef.Score(Linkage).Raw)

	// The winner: fcr. Weights 3, 2, 2, 1, 2 of 10; no series and no
	// ratings. Eligible: fcr, effort, cost-to-serve. Coverage 2/7, 1/7,
	// 1/7 scores 1, 0.5, 0.5; reach 1, 0.6, 0.6; linkage 0, 1, 0 (effort is
	// the best: 1). Totals: fcr 0.3 + 0.2 = 0.5; effort 0.15 + 0.2 + 0.12 =
	// 0.47; cost-to-serve 0.15 + 0.12 = 0.27.
	w, ok := r.Winner()
	require.True(t, ok)
	assert.Equal(t, "fcr", w.Metric.ID())
	assert.Equal(t, []string{"fcr", "effort", "cost-to-serve"}, ids(r)[:3])
	assert.InDelta(t, 0.5, w.Total, 1e-15)
	assert.InDelta(t, 0.47, ef.Total, 1e-15)
	assert.InDelta(t, 0.27, ct.Total, 1e-15)
	assert.Equal(t, "effort", r.Robustness.RunnerUp)
	assert.InDelta(t, 0.03, r.Robustness.Margin, 1e-15)

	// Input metrics beneath problem-solved: diagnose 2 (its link to fixes
	// weighs 2, fixes' to problem-solved 1); fixes 1; calls-handled 0.5 and
	// answer-call 0.5·1 = 0.5 (a tie, broken by ID); log-fault has no metric.
	var got []string
	var infl []float64
	for _, m := range r.InputMetrics {
		got = append(got, m.Metric.ID())
		infl = append(infl, m.Influence)
	}
	assert.Equal(t, []string{"diagnoses", "fixes", "calls-answered", "calls-handled"}, got)
	assert.InDeltaSlice(t, []float64{2, 1, 0.5, 0.5}, infl, 1e-15)
	assert.Equal(t, []string{"diagnose"}, r.InputMetrics[0].Nodes)
	assert.False(t, r.InputMetrics[0].Direct)
	assert.True(t, r.InputMetrics[1].Direct)
}

// TestSelectInputMetricsAreWork: the input metrics are the metrics of the
// work beneath the North Star, not of the outcomes beneath it, though the
// work's influence reaches the North Star through them. By hand, beneath
// problem-solved (fcr):
//
//	answer (task, calls-answered) -1-> calls (output, calls-handled)
//	calls -2-> problem-solved; calls -0.5-> revenue (BO) -3-> problem-solved
//	diagnose (activity, diagnoses) -1-> effort-low (SCO) -0.5-> problem-solved
//
// Revenue moves problem-solved by 3 and effort-low by 0.5, but neither is
// work: a business outcome is what the North Star is to lead, and a customer
// outcome what it delivers. calls-handled: 2 directly + 0.5 × 3 through
// revenue = 3.5; calls-answered: 1 × 3.5 = 3.5 (a tie, broken by ID);
// diagnoses: 1 × 0.5 = 0.5, through effort-low.
func TestSelectInputMetricsAreWork(t *testing.T) {
	revenue := metric("revenue", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer", Level: outcome.Task, Metric: callsAnswer})
	b.AddNode(hierarchy.Node{ID: "calls", Level: outcome.Output, Metric: callsHandled})
	b.AddNode(hierarchy.Node{ID: "diagnose", Level: outcome.Activity, Metric: diagnosis})
	b.AddNode(hierarchy.Node{ID: "revenue", Level: outcome.BusinessOutcome, Metric: revenue})
	b.AddNode(hierarchy.Node{ID: "effort-low", Level: outcome.CustomerOutcome, Metric: effort})
	b.AddNode(hierarchy.Node{ID: "problem-solved", Level: outcome.CustomerOutcome, Metric: fcr})
	b.AddLink("answer", "calls")
	b.AddWeightedLink("calls", "problem-solved", dec("2"))
	b.AddWeightedLink("calls", "revenue", dec("0.5"))
	b.AddWeightedLink("revenue", "problem-solved", dec("3"))
	b.AddLink("diagnose", "effort-low")
	b.AddWeightedLink("effort-low", "problem-solved", dec("0.5"))
	m, err := b.Build()
	require.NoError(t, err)
	cv := MustCanvas(CanvasSpec{Category: "callers", Name: "Callers", Weight: dec("1"),
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "fcr", Importance: dec("1")}}}}})
	r, err := Select(Input{Candidates: []Candidate{{Metric: fcr}, {Metric: revenue}}, Canvases: []Canvas{cv},
		Policy: DefaultPolicy(), Hierarchy: FromModel(m)})
	require.NoError(t, err)
	w, ok := r.Winner()
	require.True(t, ok)
	require.Equal(t, "fcr", w.Metric.ID())
	var got []string
	var infl []float64
	for _, im := range r.InputMetrics {
		got = append(got, im.Metric.ID())
		infl = append(infl, im.Influence)
		assert.True(t, isWork(im.Metric.Level()), im.Metric.ID())
	}
	assert.Equal(t, []string{"calls-answered", "calls-handled", "diagnoses"}, got)
	assert.InDeltaSlice(t, []float64{3.5, 3.5, 0.5}, infl, 1e-15)
	assert.Equal(t, []bool{false, true, false},
		[]bool{r.InputMetrics[0].Direct, r.InputMetrics[1].Direct, r.InputMetrics[2].Direct})
	assert.Equal(t, []string{"calls"}, r.InputMetrics[1].Nodes)
}

// TestSelectLinkedToOutcomesBeneath: nothing above a successful customer
// outcome is a business outcome (a hierarchy.Model refuses the downward
// link), so an SCO's links in the hierarchy are to the business outcomes
// that feed it.
func TestSelectLinkedToOutcomesBeneath(t *testing.T) {
	star := metric("star", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	retention := metric("retention", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	rev := metric("rev", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	cost := metric("cost", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Cost)
	work := metric("work", outcome.Output, outcome.HigherIsBetter, 0)
	one := dec("1")
	// work -> retention -> rev -> star, work -> cost -> star.
	h := fakeHierarchy{
		nodes: []fakeNode{
			{"work", outcome.Output, work},
			{"retention", outcome.BusinessOutcome, retention},
			{"cost", outcome.BusinessOutcome, cost},
			{"rev", outcome.BusinessOutcome, rev},
			{"star", outcome.CustomerOutcome, star},
		},
		links: []fakeLink{
			{"work", "retention", one}, {"work", "cost", one},
			{"retention", "rev", one}, {"rev", "star", one}, {"cost", "star", one},
		},
	}
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: one,
		Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{
			{Metric: "star", Importance: one}, {Metric: "retention", Importance: one}}}}})
	for name, hier := range map[string]Hierarchy{"fake": h, "model": FromModel(modelOf(t, h))} {
		t.Run(name, func(t *testing.T) {
			r, err := Select(Input{
				Candidates: []Candidate{{Metric: star}, {Metric: retention}, {Metric: rev}, {Metric: cost}},
				Canvases:   []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: hier})
			require.NoError(t, err)
			// Links, in topological order: star is fed by retention, cost
			// and rev (two kinds); retention feeds rev; rev is fed by
			// retention; cost is fed by work only and feeds star only.
			want := map[string][]Link{
				"star": {{Outcome: "retention", Kind: outcome.Revenue, FedBy: true},
					{Outcome: "cost", Kind: outcome.Cost, FedBy: true},
					{Outcome: "rev", Kind: outcome.Revenue, FedBy: true}},
				"retention": {{Outcome: "rev", Kind: outcome.Revenue, Feeds: true}},
				"rev":       {{Outcome: "retention", Kind: outcome.Revenue, FedBy: true}},
				"cost":      nil,
			}
			linkage := map[string]float64{"star": 2, "retention": 1, "rev": 1, "cost": 0}
			for id, links := range want {
				e, _ := r.Find(id)
				assert.Equal(t, links, e.Links, id)
				assert.Equal(t, linkage[id], e.Score(Linkage).Raw, id)
			}
			// Eligible: star and retention (rev and cost are on no
			// canvas). Coverage 1/2 each (score 1), reach 1 each (the one
			// piece of work feeds both), linkage 2 and 1 (scores 1 and
			// 0.5). Totals: star 0.3 + 0.2 + 0.2 = 0.7, retention 0.3 +
			// 0.1 + 0.2 = 0.6.
			assert.Equal(t, []string{"star", "retention", "rev", "cost"}, ids(r))
			assert.InDelta(t, 0.7, r.Entries[0].Total, 1e-15)
			assert.InDelta(t, 0.6, r.Entries[1].Total, 1e-15)
			assert.InDelta(t, 0.1, r.Robustness.Margin, 1e-15)
			// Only linkage tells them apart: D = 2 × (1 - 0.5) = 1, so
			// linkage's weight must fall by 1/0.5 = 2, to zero, where they
			// tie and the tie-break keeps star (a higher level): no change
			// of one weight brings retention level.
			_, ok := r.Robustness.Smallest()
			assert.False(t, ok)
		})
	}
}

// TestSelectLinkBothWays: a candidate that measures two nodes can be fed by
// one node of an outcome and feed another; the link is listed once, with
// both flags, where the outcome's first node comes.
func TestSelectLinkBothWays(t *testing.T) {
	m := metric("m", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	x := metric("x", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Cost)
	sco := metric("sco", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	one := dec("1")
	// x1 -> m1 -> x2 -> m2 -> s: m measures m1 and m2, x measures x1 and
	// x2. m is fed by x1 and x2 and feeds x2; x is fed by m1 and feeds m1
	// and m2.
	h := fakeHierarchy{
		nodes: []fakeNode{
			{"x1", outcome.BusinessOutcome, x},
			{"m1", outcome.BusinessOutcome, m},
			{"x2", outcome.BusinessOutcome, x},
			{"m2", outcome.BusinessOutcome, m},
			{"s", outcome.CustomerOutcome, sco},
		},
		links: []fakeLink{{"x1", "m1", one}, {"m1", "x2", one}, {"x2", "m2", one}, {"m2", "s", one}},
	}
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: one,
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "m", Importance: one}}}}})
	r, err := Select(Input{Candidates: []Candidate{{Metric: m, Drives: []string{"x"}}, {Metric: x}},
		Canvases: []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: h})
	require.NoError(t, err)
	e, _ := r.Find("m")
	assert.Equal(t, []string{"m1", "m2"}, e.Nodes)
	assert.Equal(t, []Link{{Outcome: "x", Kind: outcome.Cost, Declared: true, Feeds: true, FedBy: true}}, e.Links,
		"declared, and found both ways in the hierarchy: one link")
	assert.Equal(t, 1.0, e.Score(Linkage).Raw)
	xe, _ := r.Find("x")
	assert.Equal(t, []Link{{Outcome: "m", Kind: outcome.Revenue, Feeds: true, FedBy: true}}, xe.Links)
}

func TestSelectWithHierarchyNodeByID(t *testing.T) {
	// A node with no metric whose ID is the candidate's metric ID stands
	// for it; a metric that measures two nodes has both, and the input
	// metrics add its influence up.
	h := centreHierarchy()
	h.nodes[8].metric = outcome.Metric{} // problem-solved no longer measured by fcr
	h.nodes[8].id = "fcr"
	for i := range h.links {
		if h.links[i].to == "problem-solved" {
			h.links[i].to = "fcr"
		}
	}
	h.nodes[3].level, h.nodes[3].metric = outcome.Output, fixes // diagnose, an output, is measured by "fixes" too
	in := centreInput()
	in.Hierarchy = h
	r, err := Select(in)
	require.NoError(t, err)
	e, _ := r.Find("fcr")
	assert.Equal(t, []string{"fcr"}, e.Nodes)
	assert.True(t, e.Eligible)
	var fx InputMetric
	for _, m := range r.InputMetrics {
		if m.Metric.ID() == "fixes" {
			fx = m
		}
	}
	assert.Equal(t, []string{"diagnose", "fixes"}, fx.Nodes)
	assert.InDelta(t, 3, fx.Influence, 1e-15, "diagnose 2 + fixes 1")
	f, _ := r.Find("fixes")
	assert.Equal(t, []string{"diagnose", "fixes"}, f.Nodes)
}

// TestSelectLinksThroughNodeByID: a hierarchy whose nodes carry no metrics,
// as cxtest.Hierarchy builds them: calls-handled (output) -> cost-to-serve
// (business outcome) -> fcr (successful customer outcome). Each candidate
// stands for the node of its ID, for the gates and reach, and so for the
// links: fcr is fed by cost-to-serve's node, whose kind, cost, comes from the
// candidate cost-to-serve, so fcr links to it (linkage 1), and calls-handled
// feeds it; exactly as when the nodes carry the metrics.
func TestSelectLinksThroughNodeByID(t *testing.T) {
	build := func(measured bool) hierarchy.Model {
		m := func(x outcome.Metric) outcome.Metric {
			if measured {
				return x
			}
			return outcome.Metric{}
		}
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "fcr", Level: outcome.CustomerOutcome, Metric: m(fcr)})
		b.AddNode(hierarchy.Node{ID: "cost-to-serve", Level: outcome.BusinessOutcome, Metric: m(costToServe)})
		b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output, Metric: m(callsHandled)})
		b.AddLink("calls-handled", "cost-to-serve")
		b.AddLink("cost-to-serve", "fcr")
		h, err := b.Build()
		require.NoError(t, err)
		return h
	}
	cv := MustCanvas(CanvasSpec{Category: "callers", Name: "Callers", Weight: dec("1"),
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "fcr", Importance: dec("1")}}}}})
	for _, measured := range []bool{false, true} {
		t.Run(fmt.Sprintf("measured %v", measured), func(t *testing.T) {
			r, err := Select(Input{Candidates: []Candidate{{Metric: fcr}, {Metric: costToServe}, {Metric: callsHandled}},
				Canvases: []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: FromModel(build(measured))})
			require.NoError(t, err)
			e, _ := r.Find("fcr")
			assert.Equal(t, []string{"fcr"}, e.Nodes)
			assert.Equal(t, []Link{{Outcome: "cost-to-serve", Kind: outcome.Cost, FedBy: true}}, e.Links)
			assert.Equal(t, 1.0, e.Score(Linkage).Raw)
			ch, _ := r.Find("calls-handled")
			assert.Equal(t, []Link{{Outcome: "cost-to-serve", Kind: outcome.Cost, Feeds: true}}, ch.Links)
			cost, _ := r.Find("cost-to-serve")
			assert.Empty(t, cost.Links, "its own node is no link")
		})
	}
}

func TestSelectWithoutHierarchyReachIsMissing(t *testing.T) {
	in := centreInput()
	in.Hierarchy = nil
	r, err := Select(in)
	require.NoError(t, err)
	for _, e := range r.Entries {
		assert.True(t, e.Score(Reach).Missing)
		assert.Empty(t, e.Nodes)
	}
	assert.Nil(t, r.InputMetrics)
}

func TestSelectHierarchyErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*fakeHierarchy)
		msg  string
		ids  []string
	}{
		{"twice in the order", func(h *fakeHierarchy) { h.nodes = append(h.nodes, h.nodes[0]) },
			`northstar: hierarchy: node "answer-call" appears twice in the topological order`,
			[]string{"answer-call"}},
		{"child after parent", func(h *fakeHierarchy) {
			h.nodes[4], h.nodes[0] = h.nodes[0], h.nodes[4]
		}, `northstar: hierarchy: "answer-call" contributes to "calls-handled" but does not come before it in the topological order`,
			[]string{"answer-call", "calls-handled"}},
		{"child not in the order", func(h *fakeHierarchy) { h.extraChild = "ghost" },
			`northstar: hierarchy: "ghost" contributes to "effort-low" but is not in the topological order`,
			[]string{"ghost", "effort-low"}},
		{"no level", func(h *fakeHierarchy) { h.nodes[2].level = 0 },
			`northstar: hierarchy: node "update-crm" has no valid level`, []string{"update-crm"}},
		{"node info fails", func(h *fakeHierarchy) { h.infoErr = "update-crm" },
			`northstar: hierarchy: node "update-crm": unknown node`, []string{"update-crm"}},
		{"children fail", func(h *fakeHierarchy) { h.childrenErr = "fixes" },
			`northstar: hierarchy: children of "fixes": no children today`, []string{"fixes"}},
		{"weight fails", func(h *fakeHierarchy) { h.weightErr = "log-fault" },
			`northstar: hierarchy: link from "log-fault" to "diagnose": no weight`,
			[]string{"log-fault", "diagnose"}},
		{"negative weight", func(h *fakeHierarchy) { h.links[0].weight = dec("-1") },
			`northstar: hierarchy: link from "answer-call" to "calls-handled": weight -1 is negative or out of range`,
			[]string{"answer-call", "calls-handled"}},
		// Counted twice, the path fixes -> problem-solved would double the
		// influence of everything beneath fixes (diagnoses 2 would be 4).
		{"child listed twice", func(h *fakeHierarchy) { h.links = append(h.links, h.links[4]) },
			`northstar: hierarchy: "fixes" is listed more than once among the children of "problem-solved"`,
			[]string{"fixes", "problem-solved"}},
		{"child listed three times", func(h *fakeHierarchy) { h.links = append(h.links, h.links[0], h.links[0]) },
			`northstar: hierarchy: "answer-call" is listed more than once among the children of "calls-handled"`,
			[]string{"answer-call", "calls-handled"}},
		// A node's metric measures another level than the node's: the
		// output calls-handled measured as a successful customer outcome
		// (hierarchy.Model refuses it at Build, ErrMetricLevel).
		{"metric of another level than its node", func(h *fakeHierarchy) {
			h.nodes[4].metric = metric("calls-handled", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
		}, `northstar: hierarchy: node "calls-handled" is at level Output, but its metric "calls-handled" measures level Successful Customer Outcome`,
			[]string{"calls-handled", "calls-handled"}},
		// Two nodes measured by different metrics of one ID: the input
		// metrics and the links would take the first for both (a
		// hierarchy.Model refuses it at Build, outcome.ErrDuplicateID).
		// The IDs are the metric's, then the two nodes'.
		{"different metrics of one ID", func(h *fakeHierarchy) {
			h.nodes[1].metric = metric("calls-answered", outcome.Task, outcome.LowerIsBetter, 0)
		}, `northstar: hierarchy: metric ID "calls-answered" names different metrics, carried by nodes "answer-call" and "log-fault"`,
			[]string{"calls-answered", "answer-call", "log-fault"}},
		// A link its parent lists whose weight the hierarchy cannot find.
		{"link weight not found", func(h *fakeHierarchy) { h.extraChild = "answer-call" },
			`northstar: hierarchy: link from "answer-call" to "effort-low": no such link`,
			[]string{"answer-call", "effort-low"}},
		// A node its own child.
		{"node its own child", func(h *fakeHierarchy) { h.extraChild = "effort-low" },
			`northstar: hierarchy: "effort-low" contributes to "effort-low" but does not come before it in the topological order`,
			[]string{"effort-low", "effort-low"}},
		// The hierarchy and a candidate disagree on what the candidate is:
		// the metric on a node has the candidate's ID but another level, or
		// another kind; a node found by the candidate's ID (update-crm,
		// renamed nps, which nothing measures) has another level.
		{"metric of another level", func(h *fakeHierarchy) {
			h.nodes[4].level = outcome.CustomerOutcome
			h.nodes[4].metric = metric("calls-handled", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
		}, `northstar: hierarchy: node "calls-handled" is measured by metric "calls-handled" at level Successful Customer Outcome, but the candidate "calls-handled" is at level Output`,
			[]string{"calls-handled", "calls-handled"}},
		{"metric of another kind", func(h *fakeHierarchy) {
			h.nodes[6].metric = metric("cost-to-serve", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Revenue)
		}, `northstar: hierarchy: node "cost" is measured by metric "cost-to-serve" at level Business Outcome, kind revenue, but the candidate "cost-to-serve" is at level Business Outcome, kind cost`,
			[]string{"cost", "cost-to-serve"}},
		{"node by ID of another level", func(h *fakeHierarchy) { h.nodes[2].id = "nps" },
			`northstar: hierarchy: node "nps" at level Task stands for the candidate "nps", whose ID it has, but the candidate is at level Output`,
			[]string{"nps", "nps"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := centreHierarchy()
			tt.edit(&h)
			in := centreInput()
			in.Hierarchy = h
			_, err := Select(in)
			probs := outcome.Problems(err)
			require.Len(t, probs, 1, "%v", err)
			assert.ErrorIs(t, probs[0], ErrInvalidHierarchy)
			assert.Equal(t, tt.msg, probs[0].Message)
			assert.Equal(t, tt.ids, probs[0].IDs)
		})
	}
}

// TestSelectHierarchyEveryProblem: every problem of a hierarchy is
// reported at once, in its topological order, each node's own before those
// of the links to it. Worked by hand on the contact centre: log-fault
// carries a metric calls-answered unlike answer-call's (log-fault comes
// second); update-crm has no valid level (and so its metric, a task's, is
// not said to measure another level); calls-handled, an output, is
// measured as a customer outcome, and the link to it from answer-call has
// weight -1.
func TestSelectHierarchyEveryProblem(t *testing.T) {
	h := centreHierarchy()
	h.nodes[1].metric = metric("calls-answered", outcome.Task, outcome.LowerIsBetter, 0)
	h.nodes[2].level, h.nodes[2].metric = 0, metric("crm-updates", outcome.Task, outcome.HigherIsBetter, 0)
	h.nodes[4].metric = metric("calls-handled", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	h.links[0].weight = dec("-1")
	in := centreInput()
	in.Hierarchy = h
	_, err := Select(in)
	for _, p := range outcome.Problems(err) {
		assert.ErrorIs(t, p, ErrInvalidHierarchy)
	}
	assert.Equal(t, []formProblem{
		{ErrInvalidHierarchy, []string{"calls-answered", "answer-call", "log-fault"},
			`northstar: hierarchy: metric ID "calls-answered" names different metrics, carried by nodes "answer-call" and "log-fault"`},
		{ErrInvalidHierarchy, []string{"update-crm"}, `northstar: hierarchy: node "update-crm" has no valid level`},
		{ErrInvalidHierarchy, []string{"calls-handled", "calls-handled"},
			`northstar: hierarchy: node "calls-handled" is at level Output, but its metric "calls-handled" measures level Successful Customer Outcome`},
		{ErrInvalidHierarchy, []string{"answer-call", "calls-handled"},
			`northstar: hierarchy: link from "answer-call" to "calls-handled": weight -1 is negative or out of range`},
	}, formProblems(err))
}

// TestSelectHierarchyProblemsAndConflicts: the candidates' disagreements
// with a hierarchy are reported after the hierarchy's own problems, which
// do not hide them, each list in topological order; a node with a problem
// of its own is not also said to disagree. Worked by hand on the contact
// centre: calls-handled (position 4), an output, is measured as a customer
// outcome (its own problem; the candidate calls-handled, an output, is not
// also said to disagree with it), and the link to it from answer-call has
// weight -1; update-crm (position 2), a task, renamed nps, stands for the
// candidate nps, an output; cost (position 6) is measured by a metric
// cost-to-serve of kind revenue, the candidate's being of kind cost.
func TestSelectHierarchyProblemsAndConflicts(t *testing.T) {
	h := centreHierarchy()
	h.nodes[2].id = "nps"
	h.nodes[4].metric = metric("calls-handled", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	h.nodes[6].metric = metric("cost-to-serve", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Revenue)
	h.links[0].weight = dec("-1")
	in := centreInput()
	in.Hierarchy = h
	_, err := Select(in)
	assert.Equal(t, []formProblem{
		{ErrInvalidHierarchy, []string{"calls-handled", "calls-handled"},
			`northstar: hierarchy: node "calls-handled" is at level Output, but its metric "calls-handled" measures level Successful Customer Outcome`},
		{ErrInvalidHierarchy, []string{"answer-call", "calls-handled"},
			`northstar: hierarchy: link from "answer-call" to "calls-handled": weight -1 is negative or out of range`},
		{ErrInvalidHierarchy, []string{"nps", "nps"},
			`northstar: hierarchy: node "nps" at level Task stands for the candidate "nps", whose ID it has, but the candidate is at level Output`},
		{ErrInvalidHierarchy, []string{"cost", "cost-to-serve"},
			`northstar: hierarchy: node "cost" is measured by metric "cost-to-serve" at level Business Outcome, kind revenue, but the candidate "cost-to-serve" is at level Business Outcome, kind cost`},
	}, formProblems(err))

	// A node whose NodeInfo fails, or that has no valid level, is not said
	// to disagree with the candidate whose ID it has: update-crm renamed
	// nps, failing, then of level 0.
	for _, edit := range []func(h *fakeHierarchy){
		func(h *fakeHierarchy) { h.infoErr = "nps" },
		func(h *fakeHierarchy) { h.nodes[2].level = 0 },
	} {
		h := centreHierarchy()
		h.nodes[2].id = "nps"
		edit(&h)
		in.Hierarchy = h
		_, err := Select(in)
		probs := outcome.Problems(err)
		require.Len(t, probs, 1, "%v", err)
		assert.Equal(t, []string{"nps"}, probs[0].IDs)
	}
}

// TestSelectHierarchyCandidateConflict: a hierarchy.Model whose output node
// calls-handled is measured by the output metric calls-handled, and a
// candidate of that ID that calls itself a successful customer outcome. The
// canvas gives it importance 3 of 4, so were its claim taken, it would
// measure the output node, reach fcr (aligned), pass every gate and win
// on coverage 0.75 against fcr's 0.25. It is an error, naming the node and
// the candidate, as is a node found by ID whose level is not the
// candidate's; every such problem is reported, in topological order. A
// metric that differs from the candidate only in name and direction is
// not a conflict: only the level and the kind are compared.
func TestSelectHierarchyCandidateConflict(t *testing.T) {
	build := func(handled outcome.Metric) hierarchy.Model {
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "answer-call", Level: outcome.Task})
		b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output, Metric: handled})
		b.AddNode(hierarchy.Node{ID: "fcr", Level: outcome.CustomerOutcome, Metric: fcr})
		b.AddLink("answer-call", "calls-handled")
		b.AddLink("calls-handled", "fcr")
		h, err := b.Build()
		require.NoError(t, err)
		return h
	}
	cv := MustCanvas(CanvasSpec{Category: "callers", Name: "Callers", Weight: dec("1"),
		Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{
			{Metric: "calls-handled", Importance: dec("3")}, {Metric: "fcr", Importance: dec("1")}, {Metric: "answer-call", Importance: dec("1")}}}}})
	posing := metric("calls-handled", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	answer := metric("answer-call", outcome.Activity, outcome.HigherIsBetter, 0)
	in := Input{Candidates: []Candidate{{Metric: fcr}, {Metric: posing}, {Metric: answer}}, Canvases: []Canvas{cv},
		Policy: DefaultPolicy(), Hierarchy: FromModel(build(callsHandled))}
	_, err := Select(in)
	probs := outcome.Problems(err)
	require.Len(t, probs, 2, "%v", err)
	for _, p := range probs {
		assert.ErrorIs(t, p, ErrInvalidHierarchy)
	}
	assert.Equal(t, `northstar: hierarchy: node "answer-call" at level Task stands for the candidate "answer-call", whose ID it has, but the candidate is at level Activity`,
		probs[0].Message)
	assert.Equal(t, []string{"answer-call", "answer-call"}, probs[0].IDs)
	assert.Equal(t, `northstar: hierarchy: node "calls-handled" is measured by metric "calls-handled" at level Output, but the candidate "calls-handled" is at level Successful Customer Outcome`,
		probs[1].Message)
	assert.Equal(t, []string{"calls-handled", "calls-handled"}, probs[1].IDs)

	// The same level, another name and direction: no conflict. The output
	// fails the outcome gate, and fcr wins.
	renamed := outcome.MustMetric(outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled (contact centre)",
		Level: outcome.Output, Direction: outcome.LowerIsBetter})
	in.Hierarchy = FromModel(build(renamed))
	in.Candidates = []Candidate{{Metric: fcr}, {Metric: callsHandled}, {Metric: metric("answer-call", outcome.Task, outcome.HigherIsBetter, 0)}}
	r, err := Select(in)
	require.NoError(t, err)
	w, ok := r.Winner()
	require.True(t, ok)
	assert.Equal(t, "fcr", w.Metric.ID())
	e, _ := r.Find("calls-handled")
	assert.Equal(t, []string{"calls-handled"}, e.Nodes)
	assert.Equal(t, []GateFailure{{GateOutcome, reasonOutput}}, e.Failed)
}

func TestGateHierarchyText(t *testing.T) {
	assert.Equal(t, "hierarchy", GateHierarchy.String())
	assert.True(t, GateHierarchy.IsValid())
	assert.True(t, GateLead.IsValid())
	assert.False(t, Gate(5).IsValid())
	assert.True(t, slices.Contains([]Gate{GateOutcome, GateCanvas, GateHierarchy}, GateHierarchy))
}

func TestSelectInfluenceOverflow(t *testing.T) {
	// A chain of tasks, each contributing to the one above by a link of
	// weight 10^12 (hierarchy.MaxWeight), up to first-contact resolution's
	// node: the task at the bottom, measured by calls answered, moves it by
	// (10^12)^links. With 25 links that is 10^300, within float64's range;
	// with 26 it is 10^312, beyond it (about 1.8·10^308). Beneath that, by a
	// link of weight 0, the influence would be 0 times infinity: NaN.
	chain := func(links int, zero bool) Input {
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "problem-solved", Level: outcome.CustomerOutcome, Metric: fcr})
		above := "problem-solved"
		for k := range links {
			node := hierarchy.Node{ID: "task-" + strconv.Itoa(k), Level: outcome.Task}
			w := decimal.NewFromInt(hierarchy.MaxWeight)
			if zero && k == links-1 {
				w = decimal.Zero
			}
			if k == links-1 {
				node.Metric = callsAnswer
			}
			b.AddNode(node)
			b.AddWeightedLink(node.ID, above, w)
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
	r, err := Select(chain(25, false))
	require.NoError(t, err)
	require.Len(t, r.InputMetrics, 1)
	assert.InEpsilon(t, 1e300, r.InputMetrics[0].Influence, 1e-12)
	_, err = json.Marshal(r)
	require.NoError(t, err)

	for _, in := range []Input{chain(26, false), chain(27, true)} {
		r, err = Select(in)
		assert.Empty(t, r.Entries)
		probs := outcome.Problems(err)
		require.Len(t, probs, 1, "%v", err)
		assert.ErrorIs(t, probs[0], ErrInfluenceOverflow)
		assert.Equal(t, []string{"calls-answered", "fcr"}, probs[0].IDs)
		assert.Equal(t, `northstar: the influence of "calls-answered" on the North Star "fcr" is beyond float64's range (about 1.8e308): `+
			"the hierarchy's link weights, multiplied along the paths between them and added up, exceed it", probs[0].Message)
	}
}

// TestSelectMetricOnManyNodes: one metric measures many nodes, as calls
// handled measures one output per contact centre, some of them beneath
// others. By hand:
//
//	t1 -> o1 -> o2 -> b1 (cost) -> s;  t2 -> o2;  t3 -> o3 -> b1, o3 -> b2 (rev) -> s
//	t4 (task): linked to nothing.
//
// The nodes are listed in topological order, t1, t2, t3, t4, o1, o3, o2,
// b2, b1, s, which is also the model's (Kahn's, first in first out). calls
// measures o1, o3 and o2. Aligned work: t1, t2, t3, o1, o2, o3: 6. What
// feeds calls' nodes is those six; its own three are not counted, so its
// reach is 3/6 = 0.5 (o1 feeds o2, but is calls' own). Its nodes feed b2
// and b1, in topological order: rev then cost, linkage 2. star (s) is fed
// by all six (reach 1) and by b2 and b1. cost's node b1 is fed by t1, t2,
// t3, o1, o2 and o3 (reach 1), rev's b2 by t3 and o3 (reach 2/6); each
// feeds s, not a business outcome, and nothing beneath it is one: no links.
func TestSelectMetricOnManyNodes(t *testing.T) {
	calls := metric("calls", outcome.Output, outcome.HigherIsBetter, 0)
	cost := metric("cost", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Cost)
	rev := metric("rev", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	star := metric("star", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	one := dec("1")
	h := fakeHierarchy{
		nodes: []fakeNode{
			{"t1", outcome.Task, outcome.Metric{}},
			{"t2", outcome.Task, outcome.Metric{}},
			{"t3", outcome.Task, outcome.Metric{}},
			{"t4", outcome.Task, outcome.Metric{}},
			{"o1", outcome.Output, calls},
			{"o3", outcome.Output, calls},
			{"o2", outcome.Output, calls},
			{"b2", outcome.BusinessOutcome, rev},
			{"b1", outcome.BusinessOutcome, cost},
			{"s", outcome.CustomerOutcome, star},
		},
		links: []fakeLink{
			{"t1", "o1", one}, {"t2", "o2", one}, {"t3", "o3", one}, {"o1", "o2", one},
			{"o2", "b1", one}, {"o3", "b1", one}, {"o3", "b2", one}, {"b1", "s", one}, {"b2", "s", one},
		},
	}
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: one,
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "star", Importance: one}}}}})
	for name, hier := range map[string]Hierarchy{"fake": h, "model": FromModel(modelOf(t, h))} {
		t.Run(name, func(t *testing.T) {
			r, err := Select(Input{Candidates: []Candidate{{Metric: calls}, {Metric: star}, {Metric: cost}, {Metric: rev}},
				Canvases: []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: hier})
			require.NoError(t, err)
			want := map[string]struct {
				nodes []string
				reach float64
				links []Link
			}{
				"calls": {[]string{"o1", "o3", "o2"}, 0.5, []Link{
					{Outcome: "rev", Kind: outcome.Revenue, Feeds: true}, {Outcome: "cost", Kind: outcome.Cost, Feeds: true}}},
				"star": {[]string{"s"}, 1, []Link{
					{Outcome: "rev", Kind: outcome.Revenue, FedBy: true}, {Outcome: "cost", Kind: outcome.Cost, FedBy: true}}},
				"cost": {[]string{"b1"}, 1, nil},
				"rev":  {[]string{"b2"}, 2.0 / 6, nil},
			}
			for id, w := range want {
				e, ok := r.Find(id)
				require.True(t, ok, id)
				assert.Equal(t, w.nodes, e.Nodes, id)
				assert.Equal(t, w.reach, e.Score(Reach).Raw, id)
				assert.Equal(t, w.links, e.Links, id)
				assert.Equal(t, float64(len(w.links)), e.Score(Linkage).Raw, id)
			}
		})
	}
}

// TestSelectManyLinkedOutcomes: business-outcome nodes with metrics of
// their own that are not candidates, two nodes measured by one of them, and
// a candidate declared, found and shown by the hierarchy. By hand:
//
//	w (output) -> r1a, w -> rev
//	r1a -> s1, r1b -> s1, c1 -> s1, rev -> s1;  c1 -> s2, rev -> s2
//
// r1a and r1b are measured by r1 (revenue), c1 by c1 (cost), rev by the
// candidate rev (revenue); none but rev is a candidate. In topological
// order (w, r1a, r1b, c1, rev, s1, s2): star (s1), which declares rev, is
// linked to rev (declared and fed by), then r1 (once for its two nodes)
// and c1, fed by both; joy (s2) to c1 and rev, fed by both, listed in its
// own order whatever star's was; work (w) feeds r1 and rev; rev's own node
// is no link of its own.
func TestSelectManyLinkedOutcomes(t *testing.T) {
	star := metric("star", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	joy := metric("joy", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	work := metric("work", outcome.Output, outcome.HigherIsBetter, 0)
	rev := metric("rev", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	r1 := metric("r1", outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
	c1 := metric("c1", outcome.BusinessOutcome, outcome.LowerIsBetter, outcome.Cost)
	one := dec("1")
	h := fakeHierarchy{
		nodes: []fakeNode{
			{"w", outcome.Output, work},
			{"r1a", outcome.BusinessOutcome, r1},
			{"r1b", outcome.BusinessOutcome, r1},
			{"c1", outcome.BusinessOutcome, c1},
			{"rev", outcome.BusinessOutcome, rev},
			{"s1", outcome.CustomerOutcome, star},
			{"s2", outcome.CustomerOutcome, joy},
		},
		links: []fakeLink{
			{"w", "r1a", one}, {"w", "rev", one},
			{"r1a", "s1", one}, {"r1b", "s1", one}, {"c1", "s1", one}, {"rev", "s1", one},
			{"c1", "s2", one}, {"rev", "s2", one},
		},
	}
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: one,
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "star", Importance: one}}}}})
	for name, hier := range map[string]Hierarchy{"fake": h, "model": FromModel(modelOf(t, h))} {
		t.Run(name, func(t *testing.T) {
			r, err := Select(Input{
				Candidates: []Candidate{{Metric: star, Drives: []string{"rev"}}, {Metric: joy}, {Metric: work}, {Metric: rev}},
				Canvases:   []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: hier})
			require.NoError(t, err)
			want := map[string][]Link{
				"star": {{Outcome: "rev", Kind: outcome.Revenue, Declared: true, FedBy: true},
					{Outcome: "r1", Kind: outcome.Revenue, FedBy: true},
					{Outcome: "c1", Kind: outcome.Cost, FedBy: true}},
				"joy": {{Outcome: "c1", Kind: outcome.Cost, FedBy: true},
					{Outcome: "rev", Kind: outcome.Revenue, FedBy: true}},
				"work": {{Outcome: "r1", Kind: outcome.Revenue, Feeds: true},
					{Outcome: "rev", Kind: outcome.Revenue, Feeds: true}},
				"rev": nil,
			}
			linkage := map[string]float64{"star": 2, "joy": 2, "work": 1, "rev": 0}
			for id, links := range want {
				e, ok := r.Find(id)
				require.True(t, ok, id)
				assert.Equal(t, links, e.Links, id)
				assert.Equal(t, linkage[id], e.Score(Linkage).Raw, id)
			}
		})
	}
}

// TestSelectInputMetricDirectOnAnyNode: an input metric is direct if any of
// its nodes feeds the North Star's by a single link, whichever comes first
// in topological order. By hand, with star on s:
//
//	t1 -(2)-> s;  t2 -(3)-> o -(5)-> s
//
// t1 and t2 are both measured by answer (a task metric), o by calls. answer
// moves s by 2 through t1 and 3·5 = 15 through t2, 17 in all, and is direct
// by t1 (t2 is not); calls moves it by 5, directly.
func TestSelectInputMetricDirectOnAnyNode(t *testing.T) {
	answer := metric("answer", outcome.Task, outcome.HigherIsBetter, 0)
	calls := metric("calls", outcome.Output, outcome.HigherIsBetter, 0)
	star := metric("star", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)
	h := fakeHierarchy{
		nodes: []fakeNode{
			{"t1", outcome.Task, answer},
			{"t2", outcome.Task, answer},
			{"o", outcome.Output, calls},
			{"s", outcome.CustomerOutcome, star},
		},
		links: []fakeLink{{"t1", "s", dec("2")}, {"t2", "o", dec("3")}, {"o", "s", dec("5")}},
	}
	one := dec("1")
	cv := MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: one,
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{{Metric: "star", Importance: one}}}}})
	r, err := Select(Input{Candidates: []Candidate{{Metric: star}}, Canvases: []Canvas{cv}, Policy: DefaultPolicy(), Hierarchy: h})
	require.NoError(t, err)
	want := []InputMetric{
		{Metric: answer, Nodes: []string{"t1", "t2"}, Influence: 17, Direct: true},
		{Metric: calls, Nodes: []string{"o"}, Influence: 5, Direct: true},
	}
	require.Len(t, r.InputMetrics, len(want))
	for i, w := range want {
		assert.True(t, w.Equal(r.InputMetrics[i]), "%d: %+v, want %+v", i, r.InputMetrics[i], w)
	}
}

// TestSelectHierarchyChildListedAgain: a child listed again among one
// node's children is a repeat, once for all its repeats, whatever else is
// wrong with it, which is said at its first listing, once: a child not in
// the order and a node its own child, each listed three times, where each
// listing said its problem again. Worked out by hand.
func TestSelectHierarchyChildListedAgain(t *testing.T) {
	h := centreHierarchy()
	ghost := fakeLink{from: "ghost", to: "calls-handled", weight: dec("1")}
	self := fakeLink{from: "calls-handled", to: "calls-handled", weight: dec("1")}
	h.links = append(h.links, ghost, self, ghost, self, ghost, self)
	in := centreInput()
	in.Hierarchy = h
	_, err := Select(in)
	want := []string{
		`northstar: hierarchy: "ghost" contributes to "calls-handled" but is not in the topological order`,
		`northstar: hierarchy: "calls-handled" contributes to "calls-handled" but does not come before it in the topological order`,
		`northstar: hierarchy: "ghost" is listed more than once among the children of "calls-handled"`,
		`northstar: hierarchy: "calls-handled" is listed more than once among the children of "calls-handled"`,
	}
	wantIDs := [][]string{{"ghost", "calls-handled"}, {"calls-handled", "calls-handled"}, {"ghost", "calls-handled"}, {"calls-handled", "calls-handled"}}
	probs := outcome.Problems(err)
	require.Len(t, probs, len(want), "%v", err)
	for i, p := range probs {
		assert.ErrorIs(t, p, ErrInvalidHierarchy, i)
		assert.Equal(t, want[i], p.Message, i)
		assert.Equal(t, wantIDs[i], p.IDs, i)
	}
}
