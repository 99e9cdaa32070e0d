package hierarchy

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/outcome"
)

// The scale benchmarks generate a layered hierarchy of a million nodes and
// about two million links, with 1% orphans, and compare the model with bare
// baselines over the same links, written here: a compressed-sparse-row Kahn
// sort, and one float64 accumulation pass.
//
// Run them with
//
//	go test -run='^$' -bench=. -benchmem -count=6 ./hierarchy
//
// (-short skips them.) Each reports ns/node and, where the system tells,
// cpu-ns/node: the CPU time of all the process's threads, the garbage
// collector's included, which a busy machine disturbs less. BenchmarkBuild
// also reports the bytes the model retains per node.

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

// genBench generates the benchmark hierarchy, with the level sizes divided
// by div. Every node below the customer outcomes has two links to distinct
// random nodes of the level above; 1% of each level below the customer
// outcomes forms a separate region whose business outcomes link to no
// customer outcome: the orphans. A quarter of the links have weight 0.5, the
// rest weight 1. Nodes are added level by level, Task first; each node's links
// together.
func genBench(div int) *benchData {
	rng := rand.New(rand.NewPCG(1, 2))
	d := &benchData{}
	var sizes [5]int
	var start [6]int
	for l, size := range levelSizes {
		sizes[l] = max(size/div, 1)
		start[l+1] = start[l] + sizes[l]
	}
	d.nodes = make([]Node, start[5])
	for l := range 5 {
		for i := start[l]; i < start[l+1]; i++ {
			d.nodes[i] = Node{ID: fmt.Sprintf("n%07d", i), Name: fmt.Sprintf("Node %d", i), Level: outcome.Level(l + 1)}
		}
	}
	half := decimal.RequireFromString("0.5")
	for l := range 4 {
		size, up := sizes[l], sizes[l+1]
		orphans, upOrphans := size/100, up/100
		if l == 3 {
			upOrphans = 0 // the orphan region's business outcomes link nowhere
		}
		for i := range size {
			if i < orphans && upOrphans == 0 {
				continue
			}
			u := start[l] + i
			first := -1
			for range 2 {
				var t int
				for t == 0 || t == first {
					switch {
					case i < orphans:
						t = start[l+1] + rng.IntN(upOrphans)
					case l == 3:
						t = start[l+1] + rng.IntN(up)
					default:
						t = start[l+1] + upOrphans + rng.IntN(up-upOrphans)
					}
					if t == first && (i < orphans && upOrphans == 1 || up-upOrphans == 1) {
						t = -1 // one node to link to: one link
					}
				}
				if t < 0 {
					break
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

// builder returns a Builder holding the generated hierarchy.
func (d *benchData) builder() *Builder {
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
	return b
}

// builderAt returns a Builder holding the generated hierarchy, its links
// added by position.
func (d *benchData) builderAt() *Builder {
	b := NewBuilder()
	b.Grow(len(d.nodes), len(d.src))
	for _, n := range d.nodes {
		b.AddNode(n)
	}
	for i, f := range d.src {
		if d.weight[i].IsZero() {
			b.AddLinkAt(int(f), int(d.dst[i]))
		} else {
			b.AddWeightedLinkAt(int(f), int(d.dst[i]), d.weight[i])
		}
	}
	return b
}

// shuffled returns d with its links in a random order, each with its own
// strings again, as decoding a file of links in that order gives them.
func (d *benchData) shuffled() *benchData {
	s := *d
	n := len(d.from)
	s.from, s.to, s.weight = make([]string, n), make([]string, n), make([]decimal.Decimal, n)
	s.src, s.dst, s.wf = make([]int32, n), make([]int32, n), make([]float64, n)
	for k, i := range rand.New(rand.NewPCG(3, 4)).Perm(n) {
		s.from[k], s.to[k] = strings.Clone(d.from[i]), strings.Clone(d.to[i])
		s.weight[k], s.src[k], s.dst[k], s.wf[k] = d.weight[i], d.src[i], d.dst[i], d.wf[i]
	}
	return &s
}

// build builds the generated hierarchy through the public API.
func (d *benchData) build() (Model, error) { return d.builder().Build() }

var benchCache *benchData

func benchSetup(b *testing.B) *benchData {
	if testing.Short() {
		b.Skip("the scale benchmarks generate a million nodes")
	}
	if benchCache == nil {
		benchCache = genBench(1)
	}
	return benchCache
}

// perNode reports the time per node, and the CPU time per node used since
// cpu0, a reading of cpuNanos taken before the benchmark loop (the loop runs
// the benchmark's body once, so setup is outside it).
func perNode(b *testing.B, n int, cpu0 int64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/node")
	if cpu0 != 0 {
		b.ReportMetric(float64(cpuNanos()-cpu0)/float64(b.N)/float64(n), "cpu-ns/node")
	}
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

// BenchmarkBareKahn is the baseline for Build: CSR and Kahn from int32 links.
func BenchmarkBareKahn(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if order := bareKahn(len(d.nodes), d.src, d.dst); len(order) != len(d.nodes) {
			b.Fatal("cycle")
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBareMapKahn adds to the baseline what any model keyed by string
// IDs must do: a map from ID to position, built from the nodes and read for
// both ends of every link.
func BenchmarkBareMapKahn(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	src, dst := make([]int32, len(d.from)), make([]int32, len(d.from))
	cpu0 := cpuNanos()
	for b.Loop() {
		pos := make(map[string]int32, len(d.nodes))
		for i, n := range d.nodes {
			pos[n.ID] = int32(i)
		}
		for i := range d.from {
			src[i], dst[i] = pos[d.from[i]], pos[d.to[i]]
		}
		if order := bareKahn(len(d.nodes), src, dst); len(order) != len(d.nodes) {
			b.Fatal("cycle")
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBuild is build + validate through the public API: NewBuilder,
// Grow, AddNode and AddLink (or AddWeightedLink) for every node and link,
// and Build, with its topological sort and every check. It reports the bytes
// the model retains per node, measured as the growth of the live heap over
// building it (the caller's nodes and links being live already): this
// includes the model's slices of the ID and name string headers (16 bytes
// each per node), but not the strings' bytes, which are the caller's.
func BenchmarkBuild(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if _, err := d.build(); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
	b.ReportMetric(retained(b, d)/float64(len(d.nodes)), "retained-B/node")
}

// BenchmarkBuildOnly is Build alone, on a builder already holding the nodes
// and links.
func BenchmarkBuildOnly(b *testing.B) {
	d := benchSetup(b)
	benchBuildOnly(b, len(d.nodes), d.builder())
}

// benchBuildOnly measures bl.Build, for a model of n nodes.
func benchBuildOnly(b *testing.B, n int, bl *Builder) {
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if _, err := bl.Build(); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, n, cpu0)
}

// BenchmarkBuildOnlyShuffled is BenchmarkBuildOnly with the links added in
// a random order rather than grouped by the node they leave, in the nodes'
// order: Build then hashes both ends of every link, as it does the ends they
// go to in the generated order.
func BenchmarkBuildOnlyShuffled(b *testing.B) {
	d := benchSetup(b)
	benchBuildOnly(b, len(d.nodes), d.shuffled().builder())
}

// BenchmarkBuildAt is BenchmarkBuild with the links added by position
// (AddLinkAt, AddWeightedLinkAt), as a caller that knows its nodes'
// positions adds them: Build then looks up no link's ends.
func BenchmarkBuildAt(b *testing.B) {
	d := benchSetup(b)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if _, err := d.builderAt().Build(); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBuildOnlyAt is Build alone, on a builder already holding the
// nodes, and the links by position.
func BenchmarkBuildOnlyAt(b *testing.B) {
	d := benchSetup(b)
	benchBuildOnly(b, len(d.nodes), d.builderAt())
}

// retained returns the bytes the model built from d keeps alive.
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

var benchModel Model

func benchModelSetup(b *testing.B) (*benchData, Model) {
	d := benchSetup(b)
	if benchModel.IsZero() {
		m, err := d.build()
		if err != nil {
			b.Fatal(err)
		}
		benchModel = m
	}
	return d, benchModel
}

// barePass is the baseline for the analyses: one float64 accumulation pass
// over the links, in topological order, each node pushing its value up its
// links (CSR rows) times their weights.
func barePass(order, off, tgt []int32, w, acc []float64) {
	for _, u := range order {
		x := acc[u]
		for p := off[u]; p < off[u+1]; p++ {
			acc[tgt[p]] += w[p] * x
		}
	}
}

// BenchmarkBarePass is the baseline for alignment and roll-up.
func BenchmarkBarePass(b *testing.B) {
	d := benchSetup(b)
	n := len(d.nodes)
	order := bareKahn(n, d.src, d.dst)
	off := make([]int32, n+1)
	for _, s := range d.src {
		off[s+1]++
	}
	for v := range n {
		off[v+1] += off[v]
	}
	tgt := make([]int32, len(d.src))
	w := make([]float64, len(d.src))
	cur := append([]int32(nil), off[:n]...)
	for i, s := range d.src {
		tgt[cur[s]], w[cur[s]] = d.dst[i], d.wf[i]
		cur[s]++
	}
	acc := make([]float64, n)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		for v := range acc {
			acc[v] = 1
		}
		barePass(order, off, tgt, w, acc)
	}
	perNode(b, n, cpu0)
}

// BenchmarkAlignment is the whole alignment report: shares by count and by
// weight, overall and per level, and the orphans (1% of the nodes) grouped
// and sorted by ID.
func BenchmarkAlignment(b *testing.B) {
	d, m := benchModelSetup(b)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if a := m.Alignment(); a.AllAligned() {
			b.Fatal("the generated hierarchy has orphans")
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// benchInputs returns the IDs of the generated model's inputs (nodes nothing
// feeds) and a value for each, in cents.
func benchInputs(m Model) ([]string, []decimal.Decimal) {
	var ids []string
	var vals []decimal.Decimal
	g := m.graph()
	for u := range int32(len(g.ids)) {
		if g.inOff[u] == g.inOff[u+1] {
			ids = append(ids, g.ids[u])
			vals = append(vals, decimal.New(int64(u%100_000)+1, -2))
		}
	}
	return ids, vals
}

// BenchmarkLoadValues is the loading of a value for every input (every
// task, and the few nodes above the tasks that nothing feeds) by ID, as
// decimals: a hash lookup and a conversion to fixed point each.
func BenchmarkLoadValues(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		s, err := m.NewValues(2)
		if err != nil {
			b.Fatal(err)
		}
		for i, id := range ids {
			if err := s.Set(id, vals[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// benchShard returns a value set of m with a value for each input: the
// values given, or, with vals nil, zero.
func benchShard(b *testing.B, m Model, ids []string, vals []decimal.Decimal) *Values {
	s, err := m.NewValues(2)
	if err != nil {
		b.Fatal(err)
	}
	for i, id := range ids {
		v := decimal.Zero
		if vals != nil {
			v = vals[i]
		}
		if err := s.Set(id, v); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkBareMerge is the baseline for Values.Merge: adding one dense
// []int64 of a value per node into another, with no check.
func BenchmarkBareMerge(b *testing.B) {
	d := benchSetup(b)
	n := len(d.nodes)
	acc, add := make([]int64, n), make([]int64, n)
	for u := range add {
		acc[u], add[u] = int64(u%100_000)+1, 0
	}
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		for u, x := range add {
			acc[u] += x
		}
	}
	perNode(b, n, cpu0)
}

// BenchmarkValuesMerge is the merge of one shard's values for every input
// (every task, and the few nodes above the tasks that nothing feeds) into
// another's: the sets' bitsets word by word, and an add with an overflow
// check for each value. The shard merged in holds zeros, so the set merged
// into stays the same from one merge to the next; the work does not depend
// on the values.
func BenchmarkValuesMerge(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	s, o := benchShard(b, m, ids, vals), benchShard(b, m, ids, nil)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if err := s.Merge(o); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBareValuesBinary is the baseline for a value set's binary
// form: the inputs' values, held in a dense []int64 by position, appended
// as zig-zag varints, each after the varint of its gap from the last.
func BenchmarkBareValuesBinary(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	pos, v := make([]int, len(ids)), make([]int64, len(d.nodes))
	for i, id := range ids {
		pos[i], _ = m.Position(id)
		v[pos[i]] = vals[i].CoefficientInt64()
	}
	buf := make([]byte, 0, 8*len(ids))
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		buf = buf[:0]
		next := 0
		for _, u := range pos {
			buf = binary.AppendUvarint(buf, uint64(u-next))
			buf = binary.AppendVarint(buf, v[u])
			next = u + 1
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBareValuesBinaryRead is the baseline for reading that form
// back: the gaps and values read with encoding/binary's varint readers into
// a dense []int64, with no check but that each varint is whole.
func BenchmarkBareValuesBinaryRead(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	var buf []byte
	next := 0
	for i, id := range ids {
		u, _ := m.Position(id)
		buf = binary.AppendUvarint(buf, uint64(u-next))
		buf = binary.AppendVarint(buf, vals[i].CoefficientInt64())
		next = u + 1
	}
	v := make([]int64, len(d.nodes))
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		data, next := buf, 0
		for len(data) > 0 {
			gap, k := binary.Uvarint(data)
			x, j := binary.Varint(data[k:])
			if k <= 0 || j <= 0 {
				b.Fatal("bad varint")
			}
			next += int(gap)
			v[next] = x
			next++
			data = data[k+j:]
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkValuesAppendBinary is the binary form of a value set with a
// value for every input, appended to a buffer with room.
func BenchmarkValuesAppendBinary(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	s := benchShard(b, m, ids, vals)
	buf, err := s.AppendBinary(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if buf, err = s.AppendBinary(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
	b.ReportMetric(float64(len(buf))/float64(len(ids)), "bytes/value")
}

// BenchmarkValuesUnmarshalBinary reads that form back into a set, checked.
func BenchmarkValuesUnmarshalBinary(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	data, err := benchShard(b, m, ids, vals).MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	s := benchShard(b, m, nil, nil)
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if err := s.UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkValuesUnmarshalJSON is the loading of a value for every input
// from JSON by ID ({"places":2,"values":[{"id":...,"value":"..."}]}, about
// 40 bytes a value), checked: set it against LoadValues, the same values
// set one by one from decimals.
func BenchmarkValuesUnmarshalJSON(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	data, err := benchShard(b, m, ids, vals).MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	s := benchShard(b, m, nil, nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if err := s.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkRollUp is the weighted-sum roll-up of the loaded values, in
// exact 128-bit fixed point at the values' 2 places plus the generated
// weights' growth (4 links of weight 0.5 on the longest path: 4 places).
func BenchmarkRollUp(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	s, err := m.NewValues(2)
	if err != nil {
		b.Fatal(err)
	}
	for i, id := range ids {
		if err := s.Set(id, vals[i]); err != nil {
			b.Fatal(err)
		}
	}
	if r, err := m.RollUp(s, WeightedSum); err != nil || len(r.Missing()) != 0 {
		b.Fatal("missing values", err)
	}
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		if _, err := m.RollUp(s, WeightedSum); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBuildThenRollUp is Build on a filled builder, then the loading
// of the inputs' values and the first weighted-sum roll-up of the new model,
// which finds the decimal places the weights add up to along paths (work
// that Build leaves to the first roll-up or attribution that needs it): set
// it against BuildOnly + LoadValues + RollUp.
func BenchmarkBuildThenRollUp(b *testing.B) {
	d, m := benchModelSetup(b)
	ids, vals := benchInputs(m)
	bl := d.builder()
	b.ReportAllocs()
	cpu0 := cpuNanos()
	for b.Loop() {
		m, err := bl.Build()
		if err != nil {
			b.Fatal(err)
		}
		s, err := m.NewValues(2)
		if err != nil {
			b.Fatal(err)
		}
		for i, id := range ids {
			if err := s.Set(id, vals[i]); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := m.RollUp(s, WeightedSum); err != nil {
			b.Fatal(err)
		}
	}
	perNode(b, len(d.nodes), cpu0)
}

// BenchmarkBuildCycles is Build refusing a model of n tasks in which every
// tenth task and the next link to each other: n/10 cycles of two, each
// reported with its nodes. At 10,000 and 80,000 nodes the time per node
// should be the same: the cycles are found in time linear in the model.
func BenchmarkBuildCycles(b *testing.B) {
	for _, n := range []int{10_000, 80_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			bl := NewBuilder()
			for i := range n {
				bl.AddNode(Node{ID: fmt.Sprintf("t%07d", i), Level: outcome.Task})
			}
			for i := 0; i+1 < n; i += 10 {
				bl.AddLink(fmt.Sprintf("t%07d", i), fmt.Sprintf("t%07d", i+1))
				bl.AddLink(fmt.Sprintf("t%07d", i+1), fmt.Sprintf("t%07d", i))
			}
			b.ReportAllocs()
			cpu0 := cpuNanos()
			for b.Loop() {
				if _, err := bl.Build(); len(outcome.Problems(err)) != n/10 {
					b.Fatalf("%d problems, not %d cycles", len(outcome.Problems(err)), n/10)
				}
			}
			perNode(b, n, cpu0)
		})
	}
}

// BenchmarkAncestors is the ancestors of one task of the generated model,
// its whole line of sight upward (a few dozen nodes): the cost of one
// query, which should follow the size of its answer, not the model's.
func BenchmarkAncestors(b *testing.B) {
	d, m := benchModelSetup(b)
	id := d.nodes[0].ID
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		seq, err := m.Ancestors(id)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		for range seq {
			n++
		}
	}
	b.ReportMetric(float64(n), "ancestors")
}

// bareAttribute is [Model.Attribute] as it was before session 8: it marks
// the part beneath the node in a bitset of every node of the model and keeps
// each node's index in sub in an array of every node, so that each call
// takes time and memory in proportion to the whole model, however little is
// beneath the node. It is the baseline of BenchmarkAttribute and what
// TestAttributeMatchesBare checks Attribute against, so it is a copy of
// that algorithm, not a caller of Attribute's code: it works out the path
// weights, the contributions, the values and the change on its own, and,
// as it did then, returns the first problem it finds (Attribute now
// reports them all): the node's, the sets', the precision's, the nodes
// measured in one period only, the inputs with no value, the first path
// weight, contribution, weighted sum or change beyond 128-bit fixed point.
// It shares only the arithmetic of i128 and the values' scaling (scaled,
// wideSum) and the messages' helpers with Attribute.
func bareAttribute(m Model, id string, before, after *Values, opts ...RollUpOption) (Attribution, error) {
	var o rollUpOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	g := m.graph()
	x, err := g.pos(id)
	switch {
	case err != nil:
		return Attribution{}, err
	case before == nil || after == nil || !before.sameModel(g) || !after.sameModel(g):
		return Attribution{}, foreignError(before, after)
	case max(before.places, after.places)+g.placesGrowth() > maxScale:
		return Attribution{}, g.precisionError(max(before.places, after.places))
	}
	measured := func(u int32) bool { return before.isSet(u) || after.isSet(u) }

	// The part beneath x: breadth first down the links, not below measured
	// nodes (other than x) nor below nodes nothing feeds.
	n := len(g.ids)
	seen := make([]uint64, (n+63)/64)
	local := make([]int32, n) // a node's index in sub
	sub := []int32{x}
	seen[x/64] |= 1 << (x % 64)
	// A measured node's value does not depend on the nodes beneath it.
	expands := func(u int32) bool { return !measured(u) }
	var differ, missing []string
	for i := 0; i < len(sub); i++ {
		u := sub[i]
		local[u] = int32(i)
		if before.isSet(u) != after.isSet(u) {
			differ = append(differ, g.ids[u])
		}
		if !expands(u) {
			continue
		}
		if g.inOff[u] == g.inOff[u+1] && !o.missingAsZero {
			missing = append(missing, g.ids[u])
		}
		for _, c := range g.inSrc[g.inOff[u]:g.inOff[u+1]] {
			if seen[c/64]&(1<<(c%64)) == 0 {
				seen[c/64] |= 1 << (c % 64)
				sub = append(sub, c)
			}
		}
	}
	if len(differ) > 0 {
		slices.Sort(differ)
		return Attribution{}, newError(ErrMeasuredDiffer, differ,
			"hierarchy: the two periods measure different nodes beneath %q: %s", clip(id), quoteList(differ))
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return Attribution{}, newError(ErrMissingValue, missing,
			"hierarchy: %q cannot be attributed: nodes beneath it have no value: %s", clip(id), quoteList(missing))
	}

	// The weight of all paths from each node of sub up to x, in fixed
	// point at the weights' growth, in reverse topological order within
	// sub: a node is done once every node it feeds in sub is.
	inSub := func(u int32) bool { return seen[u/64]&(1<<(u%64)) != 0 }
	pending := make([]int32, len(sub))
	for i, u := range sub {
		for _, t := range g.outTgt[g.outOff[u]:g.outOff[u+1]] {
			if inSub(t) && expands(t) {
				pending[i]++
			}
		}
	}
	one, _ := i128From(1).scaleUp(g.placesGrowth()) // 10^growth, growth <= maxScale
	coef := make([]i128, len(sub))
	queue := make([]int32, 0, len(sub))
	queue = append(queue, x)
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		c := one
		if u != x {
			var overflow bool
			if c, overflow = barePathWeight(g, u, coef, local, inSub, expands); overflow {
				return Attribution{}, newError(ErrRollUpOverflow, []string{g.ids[u]},
					"hierarchy: the weight of the paths from %q up to %q is beyond 128-bit fixed point", clip(g.ids[u]), clip(id))
			}
		}
		coef[local[u]] = c
		if !expands(u) {
			continue
		}
		for _, w := range g.inSrc[g.inOff[u]:g.inOff[u+1]] {
			if pending[local[w]]--; pending[local[w]] == 0 {
				queue = append(queue, w)
			}
		}
	}

	// Each measured node's contribution: its path weight times its change,
	// at the larger of the two sets' places plus the growth. The values
	// before and after are the sums of each measured node's value times its
	// path weight; a product or partial sum past 128 bits need not mean the
	// sum is, since values may be negative, so the sums then go on exactly
	// in big.Ints, and only a sum beyond 128 bits is an error.
	places := max(before.places, after.places)
	scale := places + g.placesGrowth()
	var sumBefore, sumAfter i128
	wide := false
	type amount struct {
		u int32
		v i128
	}
	var amounts []amount
	for i, u := range sub {
		if !measured(u) {
			continue
		}
		vb, va := scaled(before, u, places), scaled(after, u, places)
		d, _ := va.sub(vb) // |va|, |vb| < 2^63·10^9: the difference fits
		d, overflow := d.mulSigned(coef[i])
		if overflow {
			return Attribution{}, newError(ErrRollUpOverflow, []string{g.ids[u], id},
				"hierarchy: the contribution of %q to the change at node %q is beyond 128-bit fixed point at %d decimal places",
				clip(g.ids[u]), clip(id), scale)
		}
		if d.sign() != 0 {
			amounts = append(amounts, amount{u, d})
		}
		if !wide {
			b, ok1 := vb.mulSigned(coef[i])
			a, ok2 := va.mulSigned(coef[i])
			var ok3, ok4 bool
			sumBefore, ok3 = sumBefore.add(b)
			sumAfter, ok4 = sumAfter.add(a)
			wide = ok1 || ok2 || ok3 || ok4
		}
	}
	if wide {
		var fits1, fits2 bool
		sumBefore, fits1 = i128FromBig(wideSum(before, sub, coef, places, measured))
		sumAfter, fits2 = i128FromBig(wideSum(after, sub, coef, places, measured))
		if fits1 || fits2 {
			return Attribution{}, newError(ErrRollUpOverflow, []string{id},
				"hierarchy: the weighted sum at node %q is beyond 128-bit fixed point at %d decimal places", clip(id), scale)
		}
	}
	change, overflow := sumAfter.sub(sumBefore)
	if overflow {
		return Attribution{}, newError(ErrRollUpOverflow, []string{id},
			"hierarchy: the change at node %q is beyond 128-bit fixed point at %d decimal places", clip(id), scale)
	}
	slices.SortFunc(amounts, func(p, q amount) int {
		ph, pl := p.v.abs()
		qh, ql := q.v.abs()
		if c := (i128{hi: int64(qh), lo: ql}).cmpUnsigned(i128{hi: int64(ph), lo: pl}); c != 0 {
			return c
		}
		return strings.Compare(g.ids[p.u], g.ids[q.u])
	})
	att := Attribution{ID: id, Before: sumBefore.decimal(scale), After: sumAfter.decimal(scale),
		Change: change.decimal(scale), Contributions: make([]Contribution, len(amounts))}
	for i, a := range amounts {
		att.Contributions[i] = Contribution{ID: g.ids[a.u], Amount: a.v.decimal(scale)}
	}
	return att, nil
}

// barePathWeight is pathWeight as it was before session 8, for
// bareAttribute: the index of a node of sub read from local.
func barePathWeight(g *graph, u int32, coef []i128, local []int32, inSub func(int32) bool, expands func(int32) bool) (i128, bool) {
	var c i128
	var overflow bool
	for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
		t := g.outTgt[p]
		if !inSub(t) || !expands(t) {
			continue
		}
		x := coef[local[t]]
		if g.weights != nil {
			// Whole at the growth's places, as a path weight is: so the
			// division by 10^6 in mulWeight is exact.
			if x, overflow = x.mulWeight(g.weights[p]); overflow {
				return i128{}, true
			}
		}
		if c, overflow = c.add(x); overflow {
			return i128{}, true
		}
	}
	return c, false
}

// BenchmarkAttribute attributes, one at a time, the change of each of 200
// activities of the million-node hierarchy (a few tasks beneath each), and of
// one customer outcome (about 1.7% of the model beneath it), the ones a BI
// tool drilling into the hierarchy asks for: impl=Attribute is
// [Model.Attribute]; impl=bare is bareAttribute, the algorithm before
// session 8, which clears two arrays of every node for each call. One op is
// one attribution.
func BenchmarkAttribute(b *testing.B) {
	d, m := benchModelSetup(b)
	g := m.graph()
	before, err := m.NewValues(2)
	if err != nil {
		b.Fatal(err)
	}
	after, _ := m.NewValues(2)
	for u := range g.ids {
		if g.input(int32(u)) {
			_ = before.Set(g.ids[u], decimal.New(int64(u%1000), -2))
			_ = after.Set(g.ids[u], decimal.New(int64(u*7%1000), -2))
		}
	}
	var acts []string
	for i, n := range d.nodes {
		if n.Level == outcome.Activity && i%1000 == 0 && len(acts) < 200 {
			acts = append(acts, n.ID)
		}
	}
	sco := d.nodes[len(d.nodes)-1].ID
	for _, impl := range []struct {
		name string
		f    func(Model, string, *Values, *Values, ...RollUpOption) (Attribution, error)
	}{{"Attribute", Model.Attribute}, {"bare", bareAttribute}} {
		b.Run("node=activity/impl="+impl.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := impl.f(m, acts[i%len(acts)], before, after); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run("node=customer-outcome/impl="+impl.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := impl.f(m, sco, before, after); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
