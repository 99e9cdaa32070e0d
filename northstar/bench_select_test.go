package northstar

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// benchInput makes a portfolio of nc candidates (40% customer outcomes, 10%
// business outcomes, the rest outputs, activities and tasks), each rated on
// two aspects, one in seven declared to drive a business outcome, and ncat
// canvases, each with three outcomes shown by four metrics apiece.
func benchInput(nc, ncat int) Input {
	rng := rand.New(rand.NewPCG(11, 12))
	levels := [10]outcome.Level{outcome.CustomerOutcome, outcome.CustomerOutcome, outcome.CustomerOutcome,
		outcome.CustomerOutcome, outcome.BusinessOutcome, outcome.Output, outcome.Output, outcome.Output,
		outcome.Activity, outcome.Task}
	in := Input{Policy: DefaultPolicy()}
	scale := [2]decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(5)}
	for i := range nc {
		lv := levels[i%10]
		var kind outcome.Kind
		if lv == outcome.BusinessOutcome {
			kind = outcome.Kind(1 + i/10%4)
		}
		id := "metric-" + strconv.Itoa(i)
		c := Candidate{Metric: metric(id, lv, outcome.HigherIsBetter, kind),
			Ratings: []Rating{
				{Aspect: "understood by everyone", Value: decimal.NewFromInt(int64(1 + rng.IntN(5))), Min: scale[0], Max: scale[1]},
				{Aspect: "actionable by the front line", Value: decimal.NewFromInt(int64(1 + rng.IntN(5))), Min: scale[0], Max: scale[1]},
			}}
		if i%7 == 0 && lv != outcome.BusinessOutcome {
			c.Drives = []string{"metric-" + strconv.Itoa(rng.IntN(nc/10)*10+4)}
		}
		in.Candidates = append(in.Candidates, c)
	}
	for k := range ncat {
		spec := CanvasSpec{Category: "category-" + strconv.Itoa(k), Name: "category", Weight: decimal.NewFromInt(int64(1 + rng.IntN(100))),
			Needs: []Need{{ID: "need", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}}}
		for o := range 3 {
			out := SuccessfulOutcome{ID: "outcome-" + strconv.Itoa(o), Name: "o"}
			for _, j := range rng.Perm(nc)[:4] {
				out.Indicators = append(out.Indicators, Indicator{Metric: "metric-" + strconv.Itoa(j),
					Importance: decimal.NewFromInt(int64(1 + rng.IntN(5)))})
			}
			spec.Outcomes = append(spec.Outcomes, out)
		}
		in.Canvases = append(in.Canvases, MustCanvas(spec))
	}
	return in
}

// BenchmarkSelect ranks 10,000 candidates across 1,000 customer categories.
func BenchmarkSelect(b *testing.B) {
	in := benchInput(10_000, 1_000)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Select(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := r.Winner(); !ok {
			b.Fatal("no winner")
		}
	}
}

// benchHierarchy builds a layered hierarchy of about n nodes (60% tasks,
// 25% activities, 10% outputs, 4% business outcomes, 1% customer
// outcomes), each node linked to one or two nodes of the next layer up, the
// first 100 customer-outcome and business-outcome nodes and the first 3,000
// outputs measured by candidates of benchInput.
func benchHierarchy(b *testing.B, n int, in Input) Hierarchy {
	rng := rand.New(rand.NewPCG(13, 14))
	layers := []struct {
		level outcome.Level
		count int
	}{{outcome.Task, n * 60 / 100}, {outcome.Activity, n * 25 / 100}, {outcome.Output, n / 10},
		{outcome.BusinessOutcome, n * 4 / 100}, {outcome.CustomerOutcome, n / 100}}
	bld := hierarchy.NewBuilder()
	var names [][]string
	for li, l := range layers {
		var ids []string
		for j := range l.count {
			id := l.level.String()[:4] + "-" + strconv.Itoa(j)
			node := hierarchy.Node{ID: id, Level: l.level}
			switch {
			case l.level == outcome.CustomerOutcome && j < 100:
				node.Metric = in.Candidates[10*j].Metric
			case l.level == outcome.BusinessOutcome && j < 100:
				node.Metric = in.Candidates[10*j+4].Metric
			case l.level == outcome.Output && j < 3000:
				node.Metric = in.Candidates[j/3*10+5+j%3].Metric
			}
			bld.AddNode(node)
			ids = append(ids, id)
		}
		names = append(names, ids)
		if li == 0 {
			continue
		}
		for _, from := range names[li-1] {
			first := rng.IntN(len(ids))
			bld.AddWeightedLink(from, ids[first], decimal.NewFromInt(int64(1+rng.IntN(3))))
			if second := rng.IntN(len(ids)); second != first && rng.IntN(2) == 0 {
				bld.AddWeightedLink(from, ids[second], decimal.NewFromInt(int64(1+rng.IntN(3))))
			}
		}
	}
	m, err := bld.Build()
	if err != nil {
		b.Fatal(err)
	}
	return FromModel(m)
}

// BenchmarkSelectHierarchy ranks 10,000 candidates across 1,000 categories
// with a hierarchy of 100,000 nodes in which 3,200 candidates have nodes.
func BenchmarkSelectHierarchy(b *testing.B) {
	in := benchInput(10_000, 1_000)
	in.Hierarchy = benchHierarchy(b, 100_000, in)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Select(in)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.InputMetrics) == 0 {
			b.Fatal("no input metrics")
		}
	}
}

// layeredModel builds a hierarchy of about n nodes in five layers, tasks
// to successful customer outcomes, in the given shares per thousand, each
// node below the top layer linked to two random nodes of the layer above
// (one if that layer has one node), plus a customer outcome "top" that
// every other customer outcome feeds, measured by the candidate top.
// measure(l, j), if not nil, gives the j-th node of level l its metric.
func layeredModel(b *testing.B, n int, shares [5]int, measure func(l outcome.Level, j int) outcome.Metric) hierarchy.Model {
	rng := rand.New(rand.NewPCG(1, 2))
	var start [6]int
	for l, s := range shares {
		start[l+1] = start[l] + max(n*s/1000, 1)
	}
	bld := hierarchy.NewBuilder()
	bld.Grow(start[5]+1, 2*start[5])
	for l := range 5 {
		level := outcome.Level(l + 1)
		for i := start[l]; i < start[l+1]; i++ {
			node := hierarchy.Node{ID: "n" + strconv.Itoa(i), Level: level}
			if measure != nil {
				node.Metric = measure(level, i-start[l])
			}
			bld.AddNode(node)
		}
	}
	top := bld.AddNode(hierarchy.Node{ID: "top", Level: outcome.CustomerOutcome, Metric: benchTop})
	for l := range 4 {
		above := start[l+2] - start[l+1]
		for i := start[l]; i < start[l+1]; i++ {
			first := rng.IntN(above)
			bld.AddLinkAt(i, start[l+1]+first)
			if above > 1 {
				bld.AddLinkAt(i, start[l+1]+(first+1+rng.IntN(above-1))%above)
			}
		}
	}
	for i := start[4]; i < start[5]; i++ {
		bld.AddLinkAt(i, top)
	}
	m, err := bld.Build()
	if err != nil {
		b.Fatal(err)
	}
	return m
}

var benchTop = metric("top", outcome.CustomerOutcome, outcome.HigherIsBetter, 0)

// shapeInput is the input of the large-shape benchmarks: the given
// candidates, one canvas that relies on each alike, and the model.
func shapeInput(cands []outcome.Metric, m hierarchy.Model) Input {
	out := SuccessfulOutcome{ID: "o", Name: "o"}
	in := Input{Policy: DefaultPolicy(), Hierarchy: FromModel(m)}
	for _, c := range cands {
		in.Candidates = append(in.Candidates, Candidate{Metric: c})
		out.Indicators = append(out.Indicators, Indicator{Metric: c.ID(), Importance: decimal.NewFromInt(1)})
	}
	in.Canvases = []Canvas{MustCanvas(CanvasSpec{Category: "c", Name: "c", Weight: decimal.NewFromInt(1),
		Needs:    []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{out}})}
	return in
}

// benchSelect runs Select on in.
func benchSelect(b *testing.B, in Input) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Select(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSelectSharedMetric: a hierarchy of 200,000 nodes (18,000
// outputs); one candidate, calls handled, measures k of the outputs (one
// per contact centre), another the customer outcome above them all. Select
// was quadratic in k (every node reached searched the candidate's nodes).
func BenchmarkSelectSharedMetric(b *testing.B) {
	calls := metric("calls-handled", outcome.Output, outcome.HigherIsBetter, 0)
	for _, k := range []int{2_000, 16_000} {
		m := layeredModel(b, 200_000, [5]int{600, 300, 90, 9, 1}, func(l outcome.Level, j int) outcome.Metric {
			if l == outcome.Output && j < k {
				return calls
			}
			return outcome.Metric{}
		})
		b.Run("outputs="+strconv.Itoa(k), func(b *testing.B) {
			benchSelect(b, shapeInput([]outcome.Metric{calls, benchTop}, m))
		})
	}
}

// BenchmarkSelectManyOutcomes: a hierarchy of 100,000 nodes (40,000
// business outcomes), the first nb of which carry a metric of their own;
// one candidate measures the customer outcome above them all, and is
// linked to each. Select was quadratic in nb (every link searched the
// candidate's list).
func BenchmarkSelectManyOutcomes(b *testing.B) {
	for _, nb := range []int{5_000, 40_000} {
		m := layeredModel(b, 100_000, [5]int{300, 200, 99, 400, 1}, func(l outcome.Level, j int) outcome.Metric {
			if l == outcome.BusinessOutcome && j < nb {
				return metric("bo-"+strconv.Itoa(j), outcome.BusinessOutcome, outcome.HigherIsBetter, outcome.Revenue)
			}
			return outcome.Metric{}
		})
		b.Run("outcomes="+strconv.Itoa(nb), func(b *testing.B) {
			benchSelect(b, shapeInput([]outcome.Metric{benchTop}, m))
		})
	}
}

// BenchmarkSelectLargeHierarchy: one candidate, the customer outcome above
// a hierarchy of 100,000 and of 1,000,000 nodes: what reading the model
// costs.
func BenchmarkSelectLargeHierarchy(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		m := layeredModel(b, n, [5]int{600, 300, 90, 9, 1}, nil)
		b.Run("nodes="+strconv.Itoa(n), func(b *testing.B) {
			benchSelect(b, shapeInput([]outcome.Metric{benchTop}, m))
		})
	}
}
