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
