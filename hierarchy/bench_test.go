package hierarchy

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/outcome"
)

// The scale benchmarks build a layered hierarchy of about a million nodes and
// two million links, with 1% orphans, and compare the model with bare
// baselines over the same links: a compressed-sparse-row Kahn sort, and one
// float64 accumulation pass.

// benchData is a generated hierarchy: the caller's nodes and links, and the
// same links as int32 positions for the baselines.
type benchData struct {
	nodes    []Node
	from, to []string
	weight   []decimal.Decimal // the zero Decimal for weight 1
	src, dst []int32
	wf       []float64
}

// levelSizes are the nodes per level, Task first: a million in all.
var levelSizes = [5]int{600_000, 300_000, 90_000, 9_000, 1_000}

// genBench generates the benchmark hierarchy. Every node below the customer
// outcomes has two links to random nodes of the level above; 1% of each level
// below the customer outcomes forms a separate region whose business outcomes
// link to no customer outcome: the orphans. A quarter of the links have
// weight 0.5, the rest weight 1.
func genBench() *benchData {
	rng := rand.New(rand.NewPCG(1, 2))
	d := &benchData{}
	var start [6]int
	for l, size := range levelSizes {
		start[l+1] = start[l] + size
	}
	n := start[5]
	d.nodes = make([]Node, n)
	for l := range 5 {
		for i := start[l]; i < start[l+1]; i++ {
			d.nodes[i] = Node{ID: fmt.Sprintf("n%07d", i), Name: fmt.Sprintf("Node %d", i), Level: outcome.Level(l + 1)}
		}
	}
	half := decimal.RequireFromString("0.5")
	for l := range 4 {
		size, up := levelSizes[l], levelSizes[l+1]
		orphans, upOrphans := size/100, up/100
		if l == 3 {
			upOrphans = 0 // orphan business outcomes link nowhere
		}
		for i := range size {
			u := start[l] + i
			first := -2
			for range 2 {
				var t int
				for t == 0 || t == first {
					switch {
					case i < orphans && upOrphans == 0:
						t = -1
					case i < orphans:
						t = start[l+1] + rng.IntN(upOrphans)
					case l == 3:
						t = start[l+1] + rng.IntN(up)
					default:
						t = start[l+1] + upOrphans + rng.IntN(up-upOrphans)
					}
				}
				if t < 0 {
					continue
				}
				first = t
				// Each link has its own strings, as decoding a file or a
				// database's rows gives them.
				d.from = append(d.from, strings.Clone(d.nodes[u].ID))
				d.to = append(d.to, strings.Clone(d.nodes[t].ID))
				d.src = append(d.src, int32(u))
				d.dst = append(d.dst, int32(t))
				if rng.IntN(4) == 0 {
					d.weight = append(d.weight, half)
					d.wf = append(d.wf, 0.5)
				} else {
					d.weight = append(d.weight, decimal.Decimal{})
					d.wf = append(d.wf, 1)
				}
			}
		}
	}
	return d
}

// build builds the benchmark model through the public API.
func (d *benchData) build() (Model, error) {
	b := NewBuilder()
	b.Grow(len(d.nodes), len(d.from))
	for _, n := range d.nodes {
		b.AddNode(n)
	}
	for i := range d.from {
		if d.weight[i].IsZero() {
			b.AddLink(d.from[i], d.to[i])
		} else {
			b.AddWeightedLink(d.from[i], d.to[i], d.weight[i])
		}
	}
	return b.Build()
}

var benchCache *benchData

func benchSetup(b *testing.B) *benchData {
	if testing.Short() {
		b.Skip("the scale benchmarks generate a million nodes")
	}
	if benchCache == nil {
		benchCache = genBench()
	}
	return benchCache
}

// bareKahn is the baseline: compressed sparse rows from int32 links and
// Kahn's algorithm, first in first out.
func bareKahn(n int, src, dst []int32) []int32 {
	off := make([]int32, n+1)
	indeg := make([]int32, n)
	for i, s := range src {
		off[s+1]++
		indeg[dst[i]]++
	}
	for v := range n {
		off[v+1] += off[v]
	}
	tgt := make([]int32, len(src))
	cur := make([]int32, n)
	copy(cur, off[:n])
	for i, s := range src {
		tgt[cur[s]] = dst[i]
		cur[s]++
	}
	order := cur[:0]
	for v := range int32(n) {
		if indeg[v] == 0 {
			order = append(order, v)
		}
	}
	for head := 0; head < len(order); head++ {
		u := order[head]
		for _, t := range tgt[off[u]:off[u+1]] {
			indeg[t]--
			if indeg[t] == 0 {
				order = append(order, t)
			}
		}
	}
	return order
}

func BenchmarkBareKahn(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if order := bareKahn(len(d.nodes), d.src, d.dst); len(order) != len(d.nodes) {
			b.Fatal("cycle")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.nodes)), "ns/node")
}

func BenchmarkBuild(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.build(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.nodes)), "ns/node")
	b.ReportMetric(retained(b, d)/float64(len(d.nodes)), "retained-B/node")
}

// retained returns the bytes the model built from d keeps alive, measured
// as the growth of the live heap over building it (with the caller's nodes
// and links already live).
func retained(b *testing.B, d *benchData) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := d.build()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(m)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}
