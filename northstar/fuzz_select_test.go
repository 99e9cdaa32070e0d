package northstar

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/nulltest"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// FuzzPolicyJSON decodes arbitrary JSON as a policy. It must never panic; a
// failure must be *outcome.Error values in this package's words
// ([checkProblems]), each saying it is the policy's ("northstar: policy: "),
// the weights' and the lead/lag options' alike, but for null ("northstar: a
// policy cannot be null"), the same with the members of its objects in any
// order ([ordertest.Check]); a success must validate and round-trip, with
// its confidence level read as written: zero only if the text writes zero,
// never subnormal ([floattext.Underflows]); and the policy the text makes
// read without validation marshals exactly when it validates, a refusal
// with Validate's problems in its order.
func FuzzPolicyJSON(f *testing.F) {
	def, _ := json.Marshal(DefaultPolicy())
	f.Add(string(def))
	f.Add(`{"weights":{"coverage":"1"},"leadLag":{"maxLag":6,"method":"Spearman"}}`)
	f.Add(`{"weights":{"lead":"-1","coverage":"1e400"},"leadLag":{"confidence":1}}`)
	f.Add(`{"weights":{}}`)
	f.Add(`{"weights":{"lead":"1,5","reach":true},"leadLag":{"method":"kendall","maxLag":"2"}}`)
	f.Add(`{"x":1,"leadLag":{"confidence":2,"method":5,"maxLag":"3"},"weights":{"b":2,"lead":null,"z":1}}`)
	f.Add(`{"weights":{"x":1e999},"weights":{}}`) // given twice, with a number no float64 holds
	for _, conf := range []string{"1e-400", "-1e-400", "5e-324", "-0", "0.0e-400", "2.2250738585072014e-308"} {
		f.Add(`{"weights":{"reach":"1"},"leadLag":{"confidence":` + conf + `}}`)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ordertest.Check(t, []byte(in), ordertest.Unmarshal[Policy], Policy.Equal)
		// Whatever policy the text makes, read without validation, marshals
		// exactly when it validates, and a refusal has Validate's problems,
		// with their codes, in its order.
		var loose policyJSON
		if json.Unmarshal([]byte(in), &loose) == nil {
			verr := Policy(loose).Validate()
			_, merr := Policy(loose).MarshalJSON()
			vp, mp := outcome.Problems(verr), outcome.Problems(merr)
			if len(vp) != len(mp) {
				t.Fatalf("%s: Validate says %v, MarshalJSON %v", in, verr, merr)
			}
			for i := range vp {
				if vp[i].Code != mp[i].Code || "northstar: cannot marshal a policy: "+strings.TrimPrefix(vp[i].Message, "northstar: ") != mp[i].Message {
					t.Fatalf("%s: Validate says %v, MarshalJSON %v", in, verr, merr)
				}
			}
		}
		var p Policy
		err := p.UnmarshalJSON([]byte(in))
		if err != nil {
			checkProblems(t, err)
			for _, pr := range outcome.Problems(err) {
				if !strings.HasPrefix(pr.Message, "northstar: policy: ") && pr.Message != "northstar: a policy cannot be null" {
					t.Fatalf("a problem that does not say it is the policy's: %q", pr.Message)
				}
			}
			if !p.IsZero() {
				t.Fatal("failed decode changed the policy")
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("decoded policy does not validate: %v", err)
		}
		// A confidence level is read as written: zero only if it writes
		// zero (never 1e-400, the default's zero), never subnormal.
		var written struct {
			LeadLag struct{ Confidence json.Number }
		}
		_ = json.Unmarshal([]byte(in), &written) // the one member of each field: in decoded
		if c := p.LeadLag.Confidence; floattext.Underflows(string(written.LeadLag.Confidence), c) {
			t.Fatalf("confidence level %q read as %v", written.LeadLag.Confidence, c)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Policy
		if err := back.UnmarshalJSON(out); err != nil || !back.Equal(p) {
			t.Fatalf("round trip: %s: %v", out, err)
		}
	})
}

// fuzzInput builds a selection problem from bytes: each byte chooses
// something (a level, a weight, an importance, a rating, a link), so the
// fuzzer explores valid and invalid problems alike.
func fuzzInput(data []byte) Input {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	levels := []outcome.Level{outcome.Task, outcome.Activity, outcome.Output, outcome.BusinessOutcome, outcome.CustomerOutcome}
	var in Input
	nc := next() % 8
	for i := range nc {
		lv := levels[next()%5]
		var kind outcome.Kind
		if lv == outcome.BusinessOutcome {
			kind = outcome.Kind(1 + next()%4)
		}
		var c Candidate
		if dir := next(); dir < 250 { // from 250, the zero Metric, which Select still checks
			c.Metric = metric("m"+strconv.Itoa(i%6), lv, outcome.Direction(1+dir%2), kind)
		}
		// Up to two ratings, on aspects 0 and 1; or, from a byte of 240 or
		// more, 3 to 18, more than fewRatings among them, each on an aspect
		// chosen from 0 to 4 or blank, so that aspects repeat.
		nr, many := next(), false
		if nr >= 240 {
			nr, many = 3+nr-240, true
		} else {
			nr %= 3
		}
		for a := range nr {
			aspect := strconv.Itoa(a % 2)
			if many {
				if aspect = strconv.Itoa(next() % 6); aspect == "5" {
					aspect = " "
				}
			}
			c.Ratings = append(c.Ratings, Rating{Aspect: aspect, Value: decimal.NewFromInt(int64(next()%9 - 1)),
				Min: decimal.NewFromInt(int64(next() % 3)), Max: decimal.NewFromInt(int64(next() % 9))})
		}
		if next()%3 == 0 {
			c.Drives = []string{"m" + strconv.Itoa(next()%8)}
			for range next() % 4 { // repeats among them, often
				c.Drives = append(c.Drives, "m"+strconv.Itoa(next()%8))
			}
		}
		if n := next() % 12; n > 0 {
			for range n + next()%2 {
				v := next()
				if v >= 250 { // NaN, which Select refuses
					c.Series = append(c.Series, math.NaN())
					continue
				}
				c.Series = append(c.Series, float64(v%5))
			}
		}
		in.Candidates = append(in.Candidates, c)
	}
	for k := range next() % 4 {
		spec := CanvasSpec{Category: "c" + strconv.Itoa(k%3), Name: "c", Weight: decimal.NewFromInt(int64(next() % 3)),
			Needs: []Need{{ID: "n", Statement: "s"}}}
		var inds []Indicator
		for j := range 1 + next()%3 {
			inds = append(inds, Indicator{Metric: "m" + strconv.Itoa((j+next())%8), Importance: decimal.NewFromInt(int64(next() % 3))})
		}
		spec.Outcomes = []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: inds}}
		if cv, err := NewCanvas(spec); err == nil {
			in.Canvases = append(in.Canvases, cv)
		}
	}
	if next()%2 == 1 {
		var h fakeHierarchy
		for v := range next() % 10 {
			id := "m" + strconv.Itoa(next()%8)
			mid := id
			if next()%4 == 0 {
				// A node of its own ID, measured by a metric that may
				// measure others.
				id, mid = "n"+strconv.Itoa(v), "m"+strconv.Itoa(v%8)
			}
			// A node's metric is at the level the node's byte gives, unless
			// that is no level, or one time in four, when it is at the
			// level its own byte gives, which may differ.
			measured, lv := next()%2 == 0, outcome.Level(0)
			if measured {
				lv = levels[next()%5]
			}
			b := next()
			level := outcome.Level(b % 6)
			var m outcome.Metric
			if measured {
				if level.IsValid() && b/6%4 != 0 {
					lv = level
				}
				var kind outcome.Kind
				if lv == outcome.BusinessOutcome {
					kind = outcome.Revenue
				}
				m = metric(mid, lv, outcome.HigherIsBetter, kind)
			}
			h.nodes = append(h.nodes, fakeNode{id: id, level: level, metric: m})
		}
		for range next() % 12 {
			if len(h.nodes) == 0 {
				break
			}
			h.links = append(h.links, fakeLink{from: h.nodes[next()%len(h.nodes)].id, to: h.nodes[next()%len(h.nodes)].id,
				weight: decimal.NewFromInt(int64(next()%4 - 1))})
		}
		in.Hierarchy = h
	}
	in.Policy = DefaultPolicy()
	in.Policy.LeadLag.MaxLag = next() % 4
	for c := range Criteria() {
		in.Policy.Weights = in.Policy.Weights.With(c, decimal.NewFromInt(int64(next()%4)))
	}
	return in
}

// conflictMessages returns the messages of the problems in err that say a
// candidate disagrees with the hierarchy's node ([graph.conflicts]).
func conflictMessages(err error) []string {
	var out []string
	for _, p := range outcome.Problems(err) {
		if strings.Contains(p.Message, "stands for the candidate") || strings.Contains(p.Message, "is measured by metric") {
			out = append(out, p.Message)
		}
	}
	return out
}

// checkConflictsWithoutLinks checks that err, Select's error for in,
// reports the candidates' disagreements with in's hierarchy (a fake one)
// whatever its links: the same as with no links at all, so that a
// problem of a link hides none of them.
func checkConflictsWithoutLinks(t *testing.T, in Input, err error) {
	t.Helper()
	h, ok := in.Hierarchy.(fakeHierarchy)
	if !ok || len(h.links) == 0 {
		return
	}
	h.links = nil
	in.Hierarchy = h
	_, alone := Select(in)
	if got, want := conflictMessages(err), conflictMessages(alone); !slices.Equal(got, want) {
		t.Fatalf("disagreements with the hierarchy:\n%q\nwith no links:\n%q", got, want)
	}
}

// FuzzSelect runs Select on problems built from arbitrary bytes. It must
// never panic; the candidates' disagreements with a hierarchy must not
// depend on its links ([checkConflictsWithoutLinks]); a failure must be
// *outcome.Error values, a repeated Drives entry among them once for each
// entry equal to one before it in its list, whatever it names, and, once
// for each other entry, one that names no candidate, the candidate itself
// or a candidate that is not a business outcome (so never again for a
// repeat),
// a NaN once for each series with one (of any length; a byte of 250 or more
// is a NaN),
// an aspect rated twice once for each rating whose aspect, not blank, is
// that of a rating before it (few ratings or many), and, of a hierarchy,
// a metric at another level than its node's once for each such node (of a
// valid level) and different metrics of one ID once for each node whose
// metric differs from the first of its ID;
// a success must rank every candidate once, eligible ones first, with finite
// numbers whose contributions add up to each total, reach at most 1, and
// links to distinct outcomes other than its own, the declared ones first in
// Drives order, as many kinds among them as the linkage; the gates failed
// in gate order, the lead gate exactly when the candidate's evidence shows a
// lag behind a business outcome and no lead in the direction of
// improvement; and input metrics that measure work (tasks, activities and
// outputs) only.
func FuzzSelect(f *testing.F) {
	f.Add([]byte{3, 4, 0, 2, 5, 1, 3, 1, 0, 4, 4, 1, 1, 2, 0, 1, 2, 2, 1, 1, 3, 2, 1})
	f.Add([]byte{7, 4, 0, 0, 0, 2, 1, 2, 3, 4, 1, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 3, 2, 1, 1, 0, 1})
	f.Add([]byte{})
	f.Add([]byte{3, 4, 0, 2, 5, 1, 3, 1, 0, 4, 4, 1, 1, 2, 0, 1, 2, 2, 1, 1, 3, 2, 1, 1, 6, 0, 1, 0, 4, 1, 1, 0, 2, 0, 5,
		2, 3, 0, 1, 3, 0, 4, 0, 0, 5, 7, 0, 1, 2, 1, 2, 3, 3, 2, 4, 1, 0, 3, 3})
	// A candidate that declares an outcome and leads it: one link, both
	// flags (found by the fuzzer when links were not merged).
	f.Add([]byte("C00001000001\"00002000000100010\"0000200000011001001"))
	// A successful customer outcome, the one candidate, fed by a business
	// outcome's node (m1, revenue): no input metric, the North Star being
	// what leads it.
	f.Add([]byte{1, 4, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 2, 1, 1, 0, 3, 4, 0, 1, 1, 5, 1, 0, 1, 2, 0, 1, 1, 1, 1, 1})
	// One customer outcome rated 13 times (a byte of 250), on aspects 0, 1,
	// 0, blank, 1, 2, 2, 3, 4, 0, blank, 4, 1: repeats at 2, 4, 6, 9, 11 and
	// 12, and two blank aspects.
	many := []byte{1, 4, 0, 250}
	for _, a := range []byte{0, 1, 0, 5, 1, 2, 2, 3, 4, 0, 5, 4, 1} {
		many = append(many, a, 3, 0, 4)
	}
	f.Add(many)
	// A hierarchy of one node, m1, a task linked to itself, measured by m1
	// as a task where the candidate m1 is a business outcome (found by the
	// fuzzer when a hierarchy's problems hid every disagreement).
	f.Add([]byte("7100000000000000000000000000000000000000000000000000000001y110071"))
	// A business outcome m0, and a candidate with the zero Metric (a
	// direction byte of 250) rated four times (a byte of 241) on aspects
	// 0, 0, blank and 1, driving m0 twice, with a series 1, NaN, 3, 2: its
	// repeated aspect, blank aspect, repeated Drives entry and NaN are
	// each reported.
	f.Add([]byte{2, 3, 0, 0, 0, 1, 0, 4, 250, 241, 0, 4, 1, 5, 0, 4, 1, 5, 5, 4, 1, 5, 1, 4, 1, 5, 0, 0, 1, 0, 4, 0, 1, 250, 3, 2})
	// Two outputs with a series each, of 4 and 5 values, the second with a
	// NaN (a byte of 250): the NaN is reported with the lengths.
	f.Add([]byte{2, 2, 0, 0, 1, 4, 0, 0, 1, 2, 3, 2, 0, 0, 1, 4, 1, 1, 2, 250, 3, 4})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzInput(data)
		r, err := Select(in)
		checkConflictsWithoutLinks(t, in, err)
		// Of the hierarchy, by a search of the nodes before each: metrics
		// at another level than their node's, and nodes whose metric
		// differs from the first of its ID.
		wrongLevel, differ := 0, 0
		if h, ok := in.Hierarchy.(fakeHierarchy); ok {
			var seen []string
			var first []outcome.Metric
			for id := range h.TopoOrder() {
				if slices.Contains(seen, id) {
					continue // twice in the order: read once
				}
				seen = append(seen, id)
				lv, m, _ := h.NodeInfo(id)
				if m.IsZero() {
					continue
				}
				if lv.IsValid() && m.Level() != lv {
					wrongLevel++
				}
				if k := slices.IndexFunc(first, func(f outcome.Metric) bool { return f.ID() == m.ID() }); k < 0 {
					first = append(first, m)
				} else if !first[k].Equal(m) {
					differ++
				}
			}
		}
		// Aspects rated twice and ratings without one, by a search of the
		// ratings before each (a candidate with the zero Metric's too).
		ratedTwice, blank := 0, 0
		for _, c := range in.Candidates {
			for j, rt := range c.Ratings {
				switch {
				case strings.TrimSpace(rt.Aspect) == "":
					blank++
				case slices.ContainsFunc(c.Ratings[:j], func(p Rating) bool { return p.Aspect == rt.Aspect }):
					ratedTwice++
				}
			}
		}
		// Series with a NaN, each reported once, whatever its length.
		notFinite := 0
		for _, c := range in.Candidates {
			if slices.ContainsFunc(c.Series, math.IsNaN) {
				notFinite++
			}
		}
		// Repeats: a Drives entry equal to an earlier one, whatever it
		// names; the others, each at its first listing: one that names no
		// candidate, the candidate itself, or a candidate (the first of its
		// ID) that is not a business outcome.
		repeats, unknown, itself, notOutcome := 0, 0, 0, 0
		first := map[string]outcome.Metric{}
		for _, c := range in.Candidates {
			if _, ok := first[c.Metric.ID()]; !ok && !c.Metric.IsZero() {
				first[c.Metric.ID()] = c.Metric
			}
		}
		for _, c := range in.Candidates {
			for j, d := range c.Drives {
				m, ok := first[d]
				switch {
				case slices.Contains(c.Drives[:j], d):
					repeats++
				case !ok:
					unknown++
				case d == c.Metric.ID():
					itself++
				case m.Level() != outcome.BusinessOutcome:
					notOutcome++
				}
			}
		}
		if err != nil {
			reported := 0
			for _, p := range outcome.Problems(err) {
				if p.Code == "" || !strings.HasPrefix(p.Message, "northstar: ") {
					t.Fatalf("bad problem: %#v", p)
				}
				drives := strings.HasPrefix(p.Message, "northstar: candidate ")
				switch {
				case strings.HasSuffix(p.Message, "twice in Drives"):
					reported++
				case drives && strings.HasSuffix(p.Message, ", which is not a candidate"):
					unknown--
				case drives && strings.HasSuffix(p.Message, " cannot drive itself"):
					itself--
				case drives && strings.HasSuffix(p.Message, ", not a business outcome"):
					notOutcome--
				case strings.HasSuffix(p.Message, "is rated twice"):
					ratedTwice--
				case strings.HasSuffix(p.Message, "has no aspect"):
					blank--
				case strings.Contains(p.Message, "but its metric"):
					wrongLevel--
				case strings.Contains(p.Message, "names different metrics"):
					differ--
				case p.Code == outcome.ErrNotFinite:
					notFinite--
				}
			}
			if notFinite != 0 {
				t.Fatalf("%d more series with a NaN than reported: %v", notFinite, err)
			}
			if ratedTwice != 0 || blank != 0 {
				t.Fatalf("%d more repeated aspects, %d more blank ones than reported: %v", ratedTwice, blank, err)
			}
			if wrongLevel != 0 || differ != 0 {
				t.Fatalf("%d more metrics at another level, %d more different metrics of one ID than reported: %v",
					wrongLevel, differ, err)
			}
			if len(outcome.Problems(err)) == 0 {
				t.Fatalf("error without *outcome.Error: %v", err)
			}
			checkShape(t, err)
			if reported != repeats {
				t.Fatalf("%d repeated Drives entries reported, %d listed: %v", reported, repeats, err)
			}
			if unknown != 0 || itself != 0 || notOutcome != 0 {
				t.Fatalf("%d more Drives entries naming no candidate, %d more naming the candidate, %d more naming "+
					"no business outcome than reported: %v", unknown, itself, notOutcome, err)
			}
			return
		}
		if unknown > 0 || itself > 0 || notOutcome > 0 || repeats > 0 || ratedTwice > 0 || blank > 0 ||
			wrongLevel > 0 || differ > 0 || notFinite > 0 {
			t.Fatalf("%d repeated Drives entries, %d naming no candidate, the candidate or no business outcome, "+
				"%d repeated aspects, %d blank ones, %d metrics at another level, "+
				"%d different metrics of one ID, %d series with a NaN, and no error",
				repeats, unknown+itself+notOutcome, ratedTwice, blank, wrongLevel, differ, notFinite)
		}
		for _, e := range r.Entries {
			// The gates failed come in gate order, and the lead gate is
			// failed exactly when the evidence shows a lag and no lead in
			// the direction of improvement.
			lagging, leading := false, false
			for _, ev := range e.Evidence {
				lagging = lagging || ev.LeadLag.Verdict() == Lags
				leading = leading || ev.LeadLag.Verdict() == Leads && ev.Aligned > 0
			}
			failedLead := false
			for j, f := range e.Failed {
				if !f.Gate.IsValid() || f.Reason == "" || j > 0 && e.Failed[j-1].Gate >= f.Gate {
					t.Fatalf("%s: gates failed %+v", e.Metric.ID(), e.Failed)
				}
				failedLead = failedLead || f.Gate == GateLead
			}
			if failedLead != (lagging && !leading) || e.Eligible != (len(e.Failed) == 0) {
				t.Fatalf("%s: gates failed %+v, evidence %+v", e.Metric.ID(), e.Failed, e.Evidence)
			}
			if reach := e.Score(Reach).Raw; reach > 1 {
				t.Fatalf("%s: reach %v", e.Metric.ID(), reach)
			}
			var drives []string
			for _, c := range in.Candidates {
				if c.Metric.ID() == e.Metric.ID() {
					drives = c.Drives
				}
			}
			outcomes, kinds := map[string]bool{}, map[outcome.Kind]bool{}
			for j, l := range e.Links {
				if outcomes[l.Outcome] || l.Outcome == e.Metric.ID() {
					t.Fatalf("%s: a link to itself or two to %s: %+v", e.Metric.ID(), l.Outcome, e.Links)
				}
				outcomes[l.Outcome] = true
				kinds[l.Kind] = true
				if l.Declared != (j < len(drives)) || j < len(drives) && l.Outcome != drives[j] {
					t.Fatalf("%s: links %+v, drives %q", e.Metric.ID(), e.Links, drives)
				}
				if !(l.Declared || l.Evidence || l.Feeds || l.FedBy) {
					t.Fatalf("%s: a link for no reason: %+v", e.Metric.ID(), l)
				}
			}
			if len(e.Links) < len(drives) || float64(len(kinds)) != e.Score(Linkage).Raw {
				t.Fatalf("%s: links %+v, drives %q, linkage %v", e.Metric.ID(), e.Links, drives, e.Score(Linkage).Raw)
			}
		}
		if len(r.Entries) != len(in.Candidates) {
			t.Fatalf("%d entries for %d candidates", len(r.Entries), len(in.Candidates))
		}
		seen := map[string]bool{}
		for i, e := range r.Entries {
			if seen[e.Metric.ID()] || e.Rank != i+1 {
				t.Fatalf("entry %d: %s rank %d", i, e.Metric.ID(), e.Rank)
			}
			seen[e.Metric.ID()] = true
			if i > 0 && e.Eligible && !r.Entries[i-1].Eligible {
				t.Fatal("an eligible candidate below an ineligible one")
			}
			var sum float64
			for _, s := range e.Scores {
				for _, v := range []float64{s.Raw, s.Normalised, s.Weight, s.Contribution} {
					if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
						t.Fatalf("%s: %+v", e.Metric.ID(), s)
					}
				}
				sum += s.Contribution
			}
			if math.Abs(sum-e.Total) > 1e-9 {
				t.Fatalf("%s: contributions %v, total %v", e.Metric.ID(), sum, e.Total)
			}
		}
		for _, im := range r.InputMetrics {
			if math.IsNaN(im.Influence) || math.IsInf(im.Influence, 0) || im.Influence < 0 || len(im.Nodes) == 0 {
				t.Fatalf("input metric %+v", im)
			}
			for _, node := range im.Nodes {
				if lv, _, _ := in.Hierarchy.NodeInfo(node); !isWork(lv) {
					t.Fatalf("input metric %s measures node %s, a %s: not work", im.Metric.ID(), node, lv)
				}
			}
		}
		for _, ch := range r.Robustness.Changes {
			if math.IsNaN(ch.To) || ch.To < 0 || math.IsInf(ch.To, 0) {
				t.Fatalf("change %+v", ch)
			}
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		// An empty list is written [], never null.
		if nulls, err := nulltest.Paths(out); err != nil || len(nulls) > 0 {
			t.Fatalf("nulls at %q (%v) in %s", nulls, err, out)
		}
	})
}
