package hierarchy

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// Share is how much of some work (one level's nodes, or all the work below
// the successful customer outcomes) is aligned: reaches a successful customer
// outcome.
//
// By count, every node counts once. By weight, every node counts with the
// total weight of its links up, and the aligned part of it is the weight of
// the links that go to nodes that reach a customer outcome: a task that gives
// 0.7 of its effort to an aligned activity and 0.3 to an orphan one is 70%
// aligned by weight. A node whose links up weigh nothing in all (it has no
// link up, or only links of weight 0) counts with weight 1, the default weight
// of a link: all of it aligned if the node reaches a successful customer
// outcome, none of it if not. So every node weighs something.
//
// Share is immutable data; compare shares with [Share.Equal].
type Share struct {
	// Level is the level of the nodes counted, or zero for all the work
	// (and then absent from the JSON form).
	Level outcome.Level `json:"level,omitzero"`
	// Nodes is the number of nodes; Aligned, how many of them reach a
	// successful customer outcome.
	Nodes   int `json:"nodes"`
	Aligned int `json:"aligned"`
	// Weight is the weight of the nodes; AlignedWeight, the part of it that
	// goes to nodes that reach a successful customer outcome.
	Weight        decimal.Decimal `json:"weight"`
	AlignedWeight decimal.Decimal `json:"alignedWeight"`
}

// ByCount returns the aligned share by count, Aligned / Nodes, rounded half
// away from zero to the given number of decimal places. With no nodes it is
// 1: nothing is misaligned.
func (s Share) ByCount(places int32) decimal.Decimal {
	if s.Nodes == 0 {
		return decimal.New(1, 0)
	}
	return decimal.New(int64(s.Aligned), 0).DivRound(decimal.New(int64(s.Nodes), 0), places)
}

// ByWeight returns the aligned share by weight, AlignedWeight / Weight,
// rounded half away from zero to the given number of decimal places. With no
// weight (no nodes: every node weighs something) it is 1: nothing is
// misaligned.
func (s Share) ByWeight(places int32) decimal.Decimal {
	if s.Weight.Sign() == 0 {
		return decimal.New(1, 0)
	}
	return s.AlignedWeight.DivRound(s.Weight, places)
}

// Equal reports whether s and o count the same, with equal weights.
func (s Share) Equal(o Share) bool {
	return s.Level == o.Level && s.Nodes == o.Nodes && s.Aligned == o.Aligned &&
		s.Weight.Equal(o.Weight) && s.AlignedWeight.Equal(o.AlignedWeight)
}

// OrphanGroup is the orphans (nodes that reach no successful customer
// outcome) whose line of sight stops at the same level: the highest level
// they reach, through the links above them.
type OrphanGroup struct {
	// Highest is the highest level the orphans reach: an output that feeds
	// nothing, and the tasks and activities that feed only it, all stop at
	// [outcome.Output].
	Highest outcome.Level `json:"highest"`
	// IDs are the orphans' IDs, sorted.
	IDs []string `json:"ids"`
}

// Equal reports whether g and o are the same group, field by field: the
// same highest level and the same IDs in the same order. No IDs, nil or
// empty, are equal: [OrphanGroup.MarshalJSON] writes both [].
func (g OrphanGroup) Equal(o OrphanGroup) bool {
	return g.Highest == o.Highest && slices.Equal(g.IDs, o.IDs)
}

// Alignment answers the method's question, "is everything you are doing
// aligned to delivering a successful customer outcome?", for a whole
// hierarchy, with its reasons as data: the aligned share overall and per
// level, the orphans and the successful customer outcomes no work feeds.
// [Model.Alignment] computes it.
//
// The work is every node below the successful customer outcomes; a
// successful customer outcome is aligned by definition, and is not counted.
// That the business outcomes count with the work is this library's choice:
// the method's summary names tasks, activities and outputs as the nodes that
// can be orphaned (orphans being work aligned to nothing), and the library
// adds business outcomes, because a business outcome that reaches no
// successful customer outcome is a result cut off from the customer, which
// the method's question ("is everything you are doing aligned to
// delivering a successful customer outcome?") means to find. Levels keeps
// each level's share apart, so [Alignment.Of] gives the share of tasks,
// activities and outputs alone.
type Alignment struct {
	// Overall is the share of all the work.
	Overall Share `json:"overall"`
	// Levels holds the share of each level of work: task, activity, output
	// and business outcome, in that order (always four entries).
	Levels []Share `json:"levels"`
	// Orphans holds the nodes that reach no successful customer outcome,
	// grouped by the highest level they reach, lowest first; only groups
	// with nodes appear.
	Orphans []OrphanGroup `json:"orphans,omitempty"`
	// Unsupported holds the IDs of the successful customer outcomes that no
	// work feeds, sorted: those with no task, activity, output or business
	// outcome beneath them, directly or through other customer outcomes
	// (one fed only by a customer outcome that nothing feeds is one).
	Unsupported []string `json:"unsupported,omitempty"`
}

// AllAligned reports whether every node of work reaches a successful
// customer outcome: the method's "yes, 100%".
func (a Alignment) AllAligned() bool { return a.Overall.Aligned == a.Overall.Nodes }

// Level returns the share of the given level of work, or a Share with no
// nodes for [outcome.CustomerOutcome] and invalid levels.
func (a Alignment) Level(l outcome.Level) Share {
	for _, s := range a.Levels {
		if s.Level == l {
			return s
		}
	}
	return Share{Level: l}
}

// Of returns the share of the given levels of work together: their nodes,
// aligned nodes and weights added up, each level once however often it is
// given. Levels that are not levels of work ([outcome.CustomerOutcome],
// invalid ones) add nothing. The share's Level is the level when one level
// of work is given, else zero. So a.Of(outcome.Task, outcome.Activity,
// outcome.Output) is the share of the work the method names, without the
// business outcomes that Overall counts too.
func (a Alignment) Of(levels ...outcome.Level) Share {
	var out Share
	var seen [int(outcome.CustomerOutcome) + 1]bool
	n := 0
	for _, l := range levels {
		if !l.IsValid() || l == outcome.CustomerOutcome || seen[l] {
			continue
		}
		seen[l] = true
		n++
		s := a.Level(l)
		out.Level = l
		out.Nodes += s.Nodes
		out.Aligned += s.Aligned
		out.Weight = out.Weight.Add(s.Weight)
		out.AlignedWeight = out.AlignedWeight.Add(s.AlignedWeight)
	}
	if n != 1 {
		out.Level = 0
	}
	return out
}

// Equal reports whether a and o are the same report, field by field: the
// overall shares and each level's by [Share.Equal] (weights by value, 1.0
// equals 1.00), the orphan groups by [OrphanGroup.Equal], and the same
// unsupported IDs, each list in the same order. A nil list equals an empty
// one: [Alignment.MarshalJSON] writes both alike.
func (a Alignment) Equal(o Alignment) bool {
	return a.Overall.Equal(o.Overall) && slices.EqualFunc(a.Levels, o.Levels, Share.Equal) &&
		slices.EqualFunc(a.Orphans, o.Orphans, OrphanGroup.Equal) && slices.Equal(a.Unsupported, o.Unsupported)
}

// maxNamed bounds the number of IDs [Alignment.Answer] names.
const maxNamed = 5

// Answer answers the method's question in one sentence, for people: whether
// everything is aligned, the aligned share of the work overall and per level
// (by count, in whole percent, rounded half up, but never shown as 100% while
// anything is misaligned, nor as 0% while anything is aligned), the orphans
// (naming the first five, lowest group first) and the successful customer
// outcomes that no work feeds. For example:
//
//	No: 73% of the work (8 of 11 nodes) reaches a successful customer outcome (tasks 67%, activities 67%, outputs 67%, business outcomes 100%); 3 do not: "monitor-queues", "update-wallboard", "wallboard-refreshes".
func (a Alignment) Answer() string {
	var sb strings.Builder
	o := a.Overall
	switch {
	case o.Nodes == 0:
		sb.WriteString("There is no work to align: no tasks, activities, outputs or business outcomes")
	case a.AllAligned():
		fmt.Fprintf(&sb, "Yes: all the work (%d %s) reaches a successful customer outcome", o.Nodes, nodes(o.Nodes))
	default:
		fmt.Fprintf(&sb, "No: %s of the work (%d of %d %s) reaches a successful customer outcome (",
			percent(o.Aligned, o.Nodes), o.Aligned, o.Nodes, nodes(o.Nodes))
		first := true
		for _, s := range a.Levels {
			if s.Nodes == 0 {
				continue
			}
			if !first {
				sb.WriteString(", ")
			}
			first = false
			fmt.Fprintf(&sb, "%s %s", plural(s.Level), percent(s.Aligned, s.Nodes))
		}
		fmt.Fprintf(&sb, "); %d %s not: ", o.Nodes-o.Aligned, do(o.Nodes-o.Aligned))
		total := 0
		var ids []string // the first maxNamed+1 orphans: enough to name
		for _, g := range a.Orphans {
			total += len(g.IDs)
			if len(ids) <= maxNamed {
				ids = append(ids, g.IDs[:min(len(g.IDs), maxNamed+1-len(ids))]...)
			}
		}
		writeIDs(&sb, ids, total)
	}
	if u := len(a.Unsupported); u > 0 {
		join := "; and"
		if o.Nodes > 0 && a.AllAligned() {
			join = "; but"
		}
		what := "successful customer outcome has"
		if u > 1 {
			what = "successful customer outcomes have"
		}
		fmt.Fprintf(&sb, "%s %d %s no work feeding %s: ", join, u, what, them(u))
		writeIDs(&sb, a.Unsupported, len(a.Unsupported))
	}
	sb.WriteString(".")
	return sb.String()
}

func nodes(n int) string {
	if n == 1 {
		return "node"
	}
	return "nodes"
}

func do(n int) string {
	if n == 1 {
		return "does"
	}
	return "do"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// percent writes part/whole in whole percent, rounded half up, but not to
// 100% unless part == whole, nor to 0% unless part == 0.
func percent(part, whole int) string {
	p := (200*part + whole) / (2 * whole)
	switch {
	case p == 100 && part < whole:
		p = 99
	case p == 0 && part > 0:
		p = 1
	}
	return fmt.Sprintf("%d%%", p)
}

// writeIDs writes the first maxNamed of total IDs, quoted, from ids, which
// holds at least those (or all, if there are fewer), and how many more there
// are, as the module writes a list of items ([words.List]).
func writeIDs(sb *strings.Builder, ids []string, total int) {
	quoted := make([]string, min(len(ids), maxNamed))
	for i := range quoted {
		quoted[i] = strconv.Quote(clip(ids[i]))
	}
	sb.WriteString(words.List(quoted, total))
}

// u128 is an unsigned 128-bit sum of weights in millionths.
type u128 struct{ hi, lo uint64 }

func (s *u128) add(w int64) {
	var carry uint64
	s.lo, carry = bits.Add64(s.lo, uint64(w), 0)
	s.hi += carry
}

func (s u128) decimal() decimal.Decimal {
	if s.hi == 0 && s.lo < 1<<63 {
		return weightDecimal(int64(s.lo))
	}
	return decimalFrom128(s.hi, s.lo, -WeightPlaces).Normalize()
}

// Alignment returns the model's [Alignment] report. It takes one pass over
// the nodes and their links up, and sorts the orphans and the unsupported
// outcomes by ID.
func (m Model) Alignment() Alignment {
	g := m.graph()
	const work = int(outcome.BusinessOutcome) // the levels of work, Task..BusinessOutcome
	var count, aligned, orphans [work]int
	var weight, alignedWeight [work]u128
	unsupported := 0
	for u := range int32(len(g.ids)) {
		l := g.levels[u]
		if l == outcome.CustomerOutcome {
			if g.undelivered(u) {
				unsupported++
			}
			continue
		}
		k := l - 1
		count[k]++
		if g.aligned(u) {
			aligned[k]++
		} else {
			orphans[g.reach(u)-1]++
		}
		// some is not zero once a link up weighs anything (weights are not
		// negative): a node whose links up weigh nothing counts with 1.
		var some int64
		for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
			w := g.weight(p)
			some |= w
			weight[k].add(w)
			if g.aligned(g.outTgt[p]) {
				alignedWeight[k].add(w)
			}
		}
		if some == 0 {
			weight[k].add(weightScale)
			if g.aligned(u) {
				alignedWeight[k].add(weightScale)
			}
		}
	}

	var a Alignment
	a.Levels = make([]Share, work)
	var total, totalAligned u128
	for k := range work {
		a.Levels[k] = Share{Level: outcome.Level(k + 1), Nodes: count[k], Aligned: aligned[k],
			Weight: weight[k].decimal(), AlignedWeight: alignedWeight[k].decimal()}
		a.Overall.Nodes += count[k]
		a.Overall.Aligned += aligned[k]
		total.addU(weight[k])
		totalAligned.addU(alignedWeight[k])
	}
	a.Overall.Weight, a.Overall.AlignedWeight = total.decimal(), totalAligned.decimal()

	// The orphans, bucketed by the highest level they reach, and the
	// unsupported outcomes, in one slice of positions.
	nOrphans := a.Overall.Nodes - a.Overall.Aligned
	pos := make([]int32, nOrphans+unsupported)
	var start [work + 1]int
	for k := range work {
		start[k+1] = start[k] + orphans[k]
	}
	next := start
	for u := range int32(len(g.ids)) {
		switch l := g.levels[u]; {
		case l == outcome.CustomerOutcome:
			if g.undelivered(u) {
				pos[next[work]] = u
				next[work]++
			}
		case !g.aligned(u):
			k := g.reach(u) - 1
			pos[next[k]] = u
			next[k]++
		}
	}
	ids := make([]string, len(pos))
	for k := range work + 1 {
		end := len(pos)
		if k < work {
			end = start[k+1]
		}
		group := pos[start[k]:end]
		if len(group) == 0 {
			continue
		}
		g.sortIDs(group)
		out := ids[start[k]:end:end]
		for i, v := range group {
			out[i] = g.ids[v]
		}
		if k == work {
			a.Unsupported = out
			continue
		}
		a.Orphans = append(a.Orphans, OrphanGroup{Highest: outcome.Level(k + 1), IDs: out})
	}
	return a
}

func (s *u128) addU(o u128) {
	var carry uint64
	s.lo, carry = bits.Add64(s.lo, o.lo, 0)
	s.hi += o.hi + carry
}
