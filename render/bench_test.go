package render_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
)

// benchModel generates a layered hierarchy of about n nodes: 60% tasks, 30%
// activities, 9% outputs, 0.9% business outcomes and 0.1% customer
// outcomes (at least one of each); every node below the customer outcomes
// has two links to random nodes of the level above, a quarter of them with
// weight 0.5; 1% of each level forms a separate region whose business
// outcomes link to no customer outcome: the orphans.
func benchModel(n int) hierarchy.Model {
	rng := rand.New(rand.NewPCG(1, 2))
	shares := [5]int{600, 300, 90, 9, 1}
	var start [6]int
	for l, s := range shares {
		start[l+1] = start[l] + max(n*s/1000, 1)
	}
	b := hierarchy.NewBuilder()
	total := start[5]
	b.Grow(total, 2*total)
	id := func(i int) string { return fmt.Sprintf("n%07d", i) }
	for l := range 5 {
		for i := start[l]; i < start[l+1]; i++ {
			b.AddNode(hierarchy.Node{ID: id(i), Name: fmt.Sprintf("Node %d", i), Level: outcome.Level(l + 1)})
		}
	}
	half := decimal.RequireFromString("0.5")
	for l := range 4 {
		size, above := start[l+1]-start[l], start[l+2]-start[l+1]
		orphans, aboveOrphans := size/100, above/100
		if l == 3 {
			aboveOrphans = 0 // no customer outcome is orphaned
		}
		for i := start[l]; i < start[l+1]; i++ {
			// The targets: the orphans' region above, or the rest.
			lo, span := start[l+1], above-aboveOrphans
			if i >= start[l+1]-orphans {
				if aboveOrphans == 0 {
					continue // an orphaned business outcome links to nothing
				}
				lo, span = start[l+2]-aboveOrphans, aboveOrphans
			}
			first := rng.IntN(span)
			targets := []int{lo + first}
			if span > 1 {
				targets = append(targets, lo+(first+1+rng.IntN(span-1))%span)
			}
			for _, j := range targets {
				if rng.IntN(4) == 0 {
					b.AddWeightedLink(id(i), id(j), half)
				} else {
					b.AddLink(id(i), id(j))
				}
			}
		}
	}
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// The rendering benchmarks draw a generated hierarchy (see benchModel) of
// 10,000 and of 100,000 nodes, about two links each, to io.Discard, in both
// formats, with and without options: ns/node that stays flat from one size
// to the other shows that the time is linear. They report the output's size
// as bytes per operation (so MB/s), and ns/node.
//
// Run them with
//
//	go test -run='^$' -bench=. -benchmem -count=6 ./render
func BenchmarkMermaid(b *testing.B) { benchDiagram(b, render.Mermaid) }

func BenchmarkDOT(b *testing.B) { benchDiagram(b, render.DOT) }

func benchDiagram(b *testing.B, draw func(io.Writer, hierarchy.Model, render.DiagramOptions) error) {
	for _, n := range []int{10_000, 100_000} {
		m := benchModel(n)
		for _, o := range []struct {
			name string
			opts render.DiagramOptions
		}{
			{"whole", render.DiagramOptions{}},
			{"highlight", render.DiagramOptions{Highlight: "n0000000"}},
			{"hide=activities", render.DiagramOptions{Hide: []outcome.Level{outcome.Activity}}},
		} {
			b.Run(fmt.Sprintf("nodes=%d/%s", n, o.name), func(b *testing.B) {
				var size countWriter
				if err := draw(&size, m, o.opts); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				for b.Loop() {
					if err := draw(io.Discard, m, o.opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(m.Len()), "ns/node")
			})
		}
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// BenchmarkDiagramPart draws, in the 100,000-node hierarchy of benchModel,
// the part that serves one output (a few dozen nodes), the same with the
// tasks hidden and an activity beneath highlighted, the part that serves one
// customer outcome (a few per cent of the model), and the whole hierarchy,
// in both formats, as drawn now (impl=new) and as drawn before session 8
// (impl=bare: BareMermaid and BareDOT, which cost the whole model whatever
// the options), side by side in one run. It reports the nodes of the part
// served (part-nodes).
//
//	go test -run='^$' -bench=DiagramPart -benchmem -count=6 ./render | benchstat -col /impl -
func BenchmarkDiagramPart(b *testing.B) {
	m := benchModel(100_000)
	output, outcome0 := "n0090000", "n0099900" // the first output, the first customer outcome
	below, err := m.Descendants(output)
	if err != nil {
		b.Fatal(err)
	}
	var activity string
	for id := range below {
		if n, _ := m.Node(id); n.Level == outcome.Activity {
			activity = id
			break
		}
	}
	for _, o := range []struct {
		name string
		opts render.DiagramOptions
	}{
		{"output", render.DiagramOptions{Serving: output}},
		{"output-hide-highlight", render.DiagramOptions{Serving: output, Highlight: activity,
			Hide: []outcome.Level{outcome.Task}}},
		{"customer-outcome", render.DiagramOptions{Serving: outcome0}},
		{"whole", render.DiagramOptions{}},
	} {
		part := m.Len()
		if o.opts.Serving != "" {
			below, _ := m.Descendants(o.opts.Serving)
			part = 1
			for range below {
				part++
			}
		}
		for _, f := range []struct {
			name string
			draw func(io.Writer, hierarchy.Model, render.DiagramOptions) error
		}{
			{"format=Mermaid/impl=new", render.Mermaid},
			{"format=Mermaid/impl=bare", render.BareMermaid},
			{"format=DOT/impl=new", render.DOT},
			{"format=DOT/impl=bare", render.BareDOT},
		} {
			b.Run("part="+o.name+"/"+f.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.draw(io.Discard, m, o.opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(part), "part-nodes")
			})
		}
	}
}
