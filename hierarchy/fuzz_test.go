package hierarchy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/nulltest"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// fuzzIDs are the IDs fuzzed hierarchies use; the last is never a node's, so
// a link to it dangles.
var fuzzIDs = [...]string{"a", "b", "c", "d", "e", "f", "g", "h", "zz"}

// fuzzWeights are the weights a fuzzed link may have; "" is AddLink's 1.
var fuzzWeights = [...]string{"", "0.5", "-1", "0", "2", "0.0000001"}

// fuzzGraph turns bytes into nodes and links: the first byte is the number
// of nodes (0 to 15), each node takes a byte (its ID and its level, 0 being
// invalid), and each link three bytes (from, to, weight).
func fuzzGraph(data []byte) ([]Node, []edge) {
	if len(data) == 0 {
		return nil, nil
	}
	k := int(data[0] % 16)
	data = data[1:]
	var nodes []Node
	for i := 0; i < k && i < len(data); i++ {
		c := data[i]
		nodes = append(nodes, node(fuzzIDs[int(c)%(len(fuzzIDs)-1)], outcome.Level(int(c)/8%6)))
	}
	data = data[min(k, len(data)):]
	var edges []edge
	for ; len(data) >= 3; data = data[3:] {
		edges = append(edges, edge{fuzzIDs[int(data[0])%len(fuzzIDs)], fuzzIDs[int(data[1])%len(fuzzIDs)],
			fuzzWeights[int(data[2])%len(fuzzWeights)]})
	}
	return nodes, edges
}

// referenceInvalid is a simple, separate statement of when Build must fail:
// a duplicate ID, an invalid level, a link with an unknown end, a self-link,
// a link down a level, a duplicate link, a bad weight, or a cycle.
func referenceInvalid(nodes []Node, edges []edge) bool {
	level := map[string]outcome.Level{}
	for _, n := range nodes {
		if _, dup := level[n.ID]; dup || !n.Level.IsValid() {
			return true
		}
		level[n.ID] = n.Level
	}
	seen := map[[2]string]bool{}
	adj := map[string][]string{}
	for _, e := range edges {
		lf, okf := level[e.from]
		lt, okt := level[e.to]
		if !okf || !okt || e.from == e.to || lf > lt || seen[[2]string{e.from, e.to}] {
			return true
		}
		if e.w != "" {
			if _, fault := scaleWeight(decimal.RequireFromString(e.w)); fault != weightOK {
				return true
			}
		}
		seen[[2]string{e.from, e.to}] = true
		adj[e.from] = append(adj[e.from], e.to)
	}
	// A cycle, by depth-first search with three colours.
	colour := map[string]int{}
	var visit func(string) bool
	visit = func(v string) bool {
		colour[v] = 1
		for _, w := range adj[v] {
			if colour[w] == 1 || colour[w] == 0 && visit(w) {
				return true
			}
		}
		colour[v] = 2
		return false
	}
	for _, n := range nodes {
		if colour[n.ID] == 0 && visit(n.ID) {
			return true
		}
	}
	return false
}

func FuzzBuild(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0})           // a -> b -> c, rising levels
	f.Add([]byte{2, 8, 9, 0, 1, 0, 1, 0, 0})                // a <-> b: a cycle
	f.Add([]byte{2, 8, 16, 0, 8, 0})                        // a dangling link
	f.Add([]byte{2, 16, 8, 0, 1, 0})                        // a downward link
	f.Add([]byte{2, 8, 8, 0, 1, 0})                         // a duplicate ID
	f.Add([]byte{2, 8, 17, 0, 1, 0, 0, 1, 1})               // a duplicate link
	f.Add([]byte{3, 24, 25, 26, 0, 1, 0, 1, 2, 0, 2, 0, 0}) // a three-node cycle
	f.Add([]byte{5, 8, 17, 26, 35, 44, 0, 1, 1, 1, 2, 4, 2, 3, 0, 3, 4, 3, 0, 4, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		nodes, edges := fuzzGraph(data)
		m, err := builder(nodes, edges).Build()
		checkOneOrJoined(t, err)
		want := referenceInvalid(nodes, edges)
		require.Equal(t, want, err != nil, "reference says invalid=%v; Build says %v", want, err)
		if err != nil {
			for _, p := range outcome.Problems(err) {
				require.Equal(t, outcome.SeverityError, p.Severity)
			}
			return
		}
		checkModel(t, m, len(nodes), len(edges))
	})
}

// checkModel checks the invariants of a valid model, and that the JSON of
// its results (alignment, attribution, line of sight, contributors) holds no
// null: an empty list is written [].
func checkModel(t *testing.T, m Model, nodes, links int) {
	require.Equal(t, nodes, m.Len())
	require.Equal(t, links, m.LinkCount())
	pos := map[string]int{}
	for id := range m.TopoOrder() {
		pos[id] = len(pos)
	}
	require.Len(t, pos, nodes, "the topological order has every node once")
	for l := range m.Links() {
		require.Less(t, pos[l.From], pos[l.To], "a node comes before what it contributes to")
		f, err := m.Node(l.From)
		require.NoError(t, err)
		to, err := m.Node(l.To)
		require.NoError(t, err)
		require.LessOrEqual(t, f.Level, to.Level)
	}
	for n := range m.Nodes() {
		aligned, err := m.Aligned(n.ID)
		require.NoError(t, err)
		anc, err := m.Ancestors(n.ID)
		require.NoError(t, err)
		reaches := n.Level == outcome.CustomerOutcome
		for a := range anc {
			an, _ := m.Node(a)
			reaches = reaches || an.Level == outcome.CustomerOutcome
		}
		require.Equal(t, reaches, aligned, "node %q", n.ID)
	}
	_ = m.Warnings()
	_ = m.Alignment().Answer()

	// Roll up a value on every input, with every method; attribute every
	// outcome's change: the contributions add up to it.
	before, err := m.NewValues(1)
	require.NoError(t, err)
	after, err := m.NewValues(1)
	require.NoError(t, err)
	i := int64(0)
	for n := range m.Nodes() {
		if children, _ := m.Children(n.ID); len(collect(children)) == 0 {
			i++
			require.NoError(t, before.Set(n.ID, decimal.New(i, -1)))
			require.NoError(t, after.Set(n.ID, decimal.New(i*i-7, 0)))
		}
	}
	for method := WeightedSum; method <= Max; method++ {
		r, err := m.RollUp(before, method)
		require.NoError(t, err)
		if method != WeightedMean { // a mean over links of weight 0 has no value
			require.Empty(t, r.Missing())
		}
	}
	for n := range m.Nodes() {
		att, err := m.Attribute(n.ID, before, after)
		require.NoError(t, err)
		sum := decimal.Zero
		for _, c := range att.Contributions {
			sum = sum.Add(c.Amount)
		}
		require.True(t, sum.Equal(att.Change))
		los, err := m.LineOfSight(n.ID, 3)
		require.NoError(t, err)
		for _, p := range los.Paths {
			last, _ := m.Node(p[len(p)-1])
			require.Equal(t, outcome.CustomerOutcome, last.Level)
		}
		c, err := m.Contributors(n.ID)
		require.NoError(t, err)
		for _, v := range []any{att, los, c} {
			requireNoNull(t, v)
		}
	}
	requireNoNull(t, m.Alignment())

	data, err := json.Marshal(m)
	require.NoError(t, err)
	var back Model
	require.NoError(t, json.Unmarshal(data, &back))
	require.True(t, m.Equal(back))

	// The decoded model has m's node IDs in m's order, so m's value sets
	// are its own: it rolls them up as m does, and merges them.
	for method := WeightedSum; method <= Max; method++ {
		want, err := m.RollUp(before, method)
		require.NoError(t, err)
		got, err := back.RollUp(before, method)
		require.NoError(t, err)
		require.Equal(t, rolled(t, m, want), rolled(t, back, got), "%v", method)
	}
	sum, err := back.NewValues(1)
	require.NoError(t, err)
	require.NoError(t, sum.Merge(before))
	require.Equal(t, measured(t, m, before), measured(t, back, sum))
}

// unmarshalModel returns the model data decodes to with Model.UnmarshalJSON.
func unmarshalModel(data []byte) (Model, error) {
	var m Model
	err := m.UnmarshalJSON(data)
	return m, err
}

// FuzzUnmarshalJSON decodes arbitrary bytes as a model. It must never
// panic; a failure must be *outcome.Error values with codes, in JSON's words
// rather than Go's ([msg.GoWords]: no "Go struct field", no Go type's name),
// every problem of the JSON form, a metric's too, said as one of the
// definition's ("hierarchy: invalid JSON: ...", or null's own words), and
// no node named "" (a node with an empty ID is named by its position), the
// same with the members of its objects in any order ([ordertest.Check]); a
// model that decodes must round-trip to the same model and the same bytes.
func FuzzUnmarshalJSON(f *testing.F) {
	f.Add([]byte(contactCentreJSON))
	f.Add([]byte(`{"nodes":[],"links":[]}`))
	f.Add([]byte(`{"nodes":[{"id":"a","level":"x"},{"id":"a","level":"task"}],"links":[{"from":"a","to":"z","weight":"-1"}]}`))
	f.Add([]byte(`{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":1e400}]}`))
	f.Add([]byte(`{"nodes":[{"id":"a","level":"output","metric":{"id":"m","level":"output","direction":"up"}}]}`))
	f.Add([]byte(`{"nodes":[{"level":"output","metric":{"id":"","name":null,"Level":"x","level":"output","colour":1}}]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"x":1,"links":[{"weight":null,"w":2,"to":"b","from":"a"},{"to":1,"from":[2]}],` +
		`"nodes":[{"level":"task","size":1,"name":7,"id":"a"},{"metric":{"colour":1,"id":"m","rewarded":"yes"},"id":"b"},{"id":5}],"a":2}`))
	// "nodes" given twice, and a number no float64 holds, which does not
	// hide the key given twice from ordertest.Check (the first "nodes" is
	// the one read, so its reverse has another problem).
	f.Add([]byte(`{"nodes":[{"id":"a","level":"task"}],"links":[],"nodes":[{"id":5}],"x":1e999}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, unmarshalModel, Model.Equal)
		var m Model
		if err := m.UnmarshalJSON(data); err != nil {
			checkOneOrJoined(t, err)
			for _, p := range outcome.Problems(err) {
				assert.NotEmpty(t, p.Code)
				assert.Empty(t, msg.GoWords(p.Message), "a message in Go's words: %q", p.Message)
				if p.Code == outcome.ErrInvalidJSON && p.Message != "hierarchy: a definition cannot be null" {
					assert.True(t, strings.HasPrefix(p.Message, "hierarchy: invalid JSON: "), "not said as the form's: %q", p.Message)
				}
				assert.NotContains(t, p.Message, `hierarchy: node "":`)
			}
			require.NotEmpty(t, outcome.Problems(err), "every error is an *outcome.Error: %v", err)
			return
		}
		out, err := json.Marshal(m)
		require.NoError(t, err)
		var back Model
		require.NoError(t, back.UnmarshalJSON(out))
		require.True(t, m.Equal(back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.True(t, bytes.Equal(out, again))
	})
}

// FuzzResultsJSON decodes arbitrary bytes as every result that reads
// back: a share, a contribution, an attribution, an alignment, a line of
// sight, contributors, a level's IDs and an orphan group
// ([checkResultJSON]).
func FuzzResultsJSON(f *testing.F) {
	f.Add([]byte(`{"level":"task","nodes":3,"aligned":2,"weight":"4","alignedWeight":"3"}`))
	f.Add([]byte(`{"id":"cost-to-serve","before":"2320","after":2420,"change":"100",` +
		`"contributions":[{"id":"answer-call","amount":"100"},{"amount":1e-3,"id":"x"}]}`))
	f.Add([]byte(`{"aligned":"2","level":3,"nodes":"3","weight":"x","colour":1}`))
	f.Add([]byte(`{"contributions":[{"amount":"1","id":7}],"id":5,"before":"-"}`))
	f.Add([]byte(`{"level":"nowhere","nodes":"3","NODES":2}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"id":"a","before":"1","after":"1","change":"0","contributions":null}`))
	// Several problems each: unknown keys, nulls, a contribution that is
	// not an object, a level that names none.
	f.Add([]byte(`{"contributions":[null,{"y":0,"id":"b","amount":true}],"z":1,"id":"a","change":null}`))
	f.Add([]byte(`{"weight":true,"colour":1,"nodes":null,"level":"nowhere","alignedWeight":"y"}`))
	f.Add([]byte(`{"id":"a","amount":"2.50","Amount":1}`))
	// An alignment, a line of sight, contributors, a level's IDs: good,
	// with null lists as the package once wrote them, with a level left
	// out (which does not write back), and with problems at every depth,
	// levels that name none among them.
	f.Add([]byte(`{"overall":{"nodes":11,"aligned":8,"weight":"12","alignedWeight":"9"},` +
		`"levels":[{"level":"task","nodes":3,"aligned":2,"weight":"4","alignedWeight":"3"}],` +
		`"orphans":[{"highest":"output","ids":["monitor-queues"]}],"unsupported":["x"]}`))
	f.Add([]byte(`{"levels":[{"level":"nowhere","nodes":"1"},null],"orphans":[{"highest":"none","ids":[1]}],` +
		`"unsupported":null,"overall":{"weight":true,"level":"sco"},"z":0}`))
	f.Add([]byte(`{"from":"a","paths":[["a","b"]],"complete":true}`))
	f.Add([]byte(`{"from":"a","paths":[["a","b"],null,[1]],"complete":"no","q":[]}`))
	f.Add([]byte(`{"to":"t","levels":[{"level":"task","ids":["a"]},{"level":"bogus","ids":null},3]}`))
	f.Add([]byte(`{"to":"t","levels":null,"highest":"output","ids":null,"level":"activity","paths":null}`))
	f.Add([]byte(`{"ids":[]}`))
	// Each result whole, for checkMembersRequired: a contribution, a
	// level's IDs, an orphan group, contributors, and an alignment whose
	// overall share and orphans are left out when empty.
	f.Add([]byte(`{"id":"a","amount":"-1.50"}`))
	f.Add([]byte(`{"level":"output","ids":["a","b"]}`))
	f.Add([]byte(`{"ids":[],"HIGHEST":"task"}`))
	f.Add([]byte(`{"to":"t","levels":[{"level":"task","ids":["a"]}]}`))
	f.Add([]byte(`{"overall":{"nodes":0,"aligned":0,"weight":"0","alignedWeight":"0"},"levels":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkResultJSON(t, data, shareKeep, Share.Equal, "share", "a share")
		checkResultJSON(t, data, contributionKeep, Contribution.Equal, "contribution", "a contribution")
		checkResultJSON(t, data, attributionKeep, Attribution.Equal, "attribution", "an attribution")
		checkResultJSON(t, data, alignmentKeep, Alignment.Equal, "alignment", "an alignment")
		checkResultJSON(t, data, lineOfSightKeep, LineOfSight.Equal, "line of sight", "a line of sight")
		checkResultJSON(t, data, contributorsKeep, Contributors.Equal, "contributors", "contributors")
		checkResultJSON(t, data, levelIDsKeep, LevelIDs.Equal, "level IDs", "level IDs")
		checkResultJSON(t, data, orphanGroupKeep, OrphanGroup.Equal, "orphan group", "an orphan group")
	})
}

// A value of each result with every field set, into which checkResultJSON
// decodes to check that a decoder that fails leaves the value as it was,
// and that no decoder writes into its lists.
var (
	shareKeep        = Share{Level: outcome.Output, Nodes: -1, Aligned: -2, Weight: decimal.New(-3, 0), AlignedWeight: decimal.New(-4, 0)}
	contributionKeep = Contribution{ID: "keep", Amount: decimal.New(-5, -1)}
	attributionKeep  = Attribution{ID: "keep", Before: decimal.New(1, 0), After: decimal.New(2, 0), Change: decimal.New(3, 0),
		Contributions: []Contribution{contributionKeep}}
	alignmentKeep = Alignment{Overall: shareKeep, Levels: []Share{shareKeep},
		Orphans: []OrphanGroup{orphanGroupKeep}, Unsupported: []string{"keep"}}
	lineOfSightKeep  = LineOfSight{From: "keep", Paths: [][]string{{"keep", "up"}}, Complete: true}
	contributorsKeep = Contributors{To: "keep", Levels: []LevelIDs{levelIDsKeep}}
	levelIDsKeep     = LevelIDs{Level: outcome.Task, IDs: []string{"keep"}}
	orphanGroupKeep  = OrphanGroup{Highest: outcome.Activity, IDs: []string{"keep"}}
)

// checkResultJSON decodes data as a T, a result, with its UnmarshalJSON,
// into the zero T and into keep. A failure must be *outcome.Error values
// with codes, in JSON's words rather than Go's ([msg.GoWords]), each an
// invalid-json problem of the form ("hierarchy: <what>: invalid JSON: ...")
// or null's own ("hierarchy: <a what> cannot be null"), but for the levels
// that name none, which come after them all, each in outcome's words, after
// the result and its path if it is within it (`hierarchy: <what>:
// "levels[0].level": outcome: unknown level ...`); the same with the
// members of data's objects in any order ([ordertest.Check]); and it
// leaves keep as it was. Whether it fails or not, keep's lists are not
// written into (keep prints the same). A result that decodes must
// round-trip: its JSON, which holds no null (an empty list is written
// []), decodes to an equal result with the same JSON; but a result that
// holds the zero level (a level's IDs or an orphan group whose level was
// left out) does not write, with [outcome.ErrUnknownLevel], as the zero
// value never did.
func checkResultJSON[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, keep T, equal func(a, b T) bool, what, aWhat string) {
	t.Helper()
	decode := ordertest.Unmarshal[T, PT]
	ordertest.Check(t, data, decode, func(a, b T) bool {
		x, errX := json.Marshal(a)
		y, errY := json.Marshal(b)
		return equal(a, b) && (errX == nil) == (errY == nil) && bytes.Equal(x, y)
	})
	v, err := decode(data)
	checkOneOrJoined(t, err)
	was := fmt.Sprint(keep)
	into := keep
	intoErr := PT(&into).UnmarshalJSON(data)
	require.Equal(t, was, fmt.Sprint(keep), "%s: decoding into a %s writes into its lists", data, what)
	require.Equal(t, err == nil, intoErr == nil, "%s decodes into the zero %s and into another alike: %v, %v", data, what, err, intoErr)
	if err == nil {
		// What decodes is what data says, whatever the value decoded into
		// held: a member left out is not kept from it.
		require.True(t, equal(v, into), "%s decodes into the zero %s and into another alike", data, what)
		checkMembersRequired(t, data, decode, what)
	}
	if err != nil {
		require.True(t, equal(keep, into), "%s: on error the %s is unchanged", data, what)
		ps := outcome.Problems(err)
		require.NotEmpty(t, ps, "every error is an *outcome.Error: %v", err)
		require.Equal(t, err.Error(), intoErr.Error(), "%s: the problems do not depend on the value decoded into", data)
		levels := false
		for _, p := range ps {
			assert.NotEmpty(t, p.Code)
			assert.Empty(t, msg.GoWords(p.Message), "a message in Go's words: %q", p.Message)
			switch p.Code {
			case outcome.ErrInvalidJSON:
				assert.False(t, levels, "%s: a problem of the form after a level's: %v", data, err)
				assert.True(t, strings.HasPrefix(p.Message, "hierarchy: "+what+": invalid JSON: ") ||
					p.Message == "hierarchy: "+aWhat+" cannot be null", "not said as the form's: %q", p.Message)
			case outcome.ErrUnknownLevel:
				levels = true
				_, within, _ := strings.Cut(p.Message, "hierarchy: "+what+`: "`)
				assert.True(t, strings.HasPrefix(p.Message, "outcome: unknown level ") ||
					strings.Contains(within, `": outcome: unknown level `) ||
					p.Message == "hierarchy: "+what+`: no "level"` || p.Message == "hierarchy: "+what+`: no "highest"` ||
					strings.HasSuffix(within, `": no "level"`) || strings.HasSuffix(within, `": no "highest"`),
					"not said as a level's: %q", p.Message)
			default:
				t.Fatalf("%s: a problem that is neither of the form nor a level's: %v", data, p)
			}
		}
		return
	}
	out, err := json.Marshal(v)
	if errors.Is(err, outcome.ErrUnknownLevel) {
		return // a zero level, left out
	}
	require.NoError(t, err)
	nulls, err := nulltest.Paths(out)
	require.NoError(t, err)
	require.Empty(t, nulls, "an empty list is written [], never null: %s", out)
	back, err := decode(out)
	require.NoError(t, err, "%s", out)
	require.True(t, equal(v, back), "%s decodes to a %s that writes %s, which decodes to another", data, what, out)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(out), string(again))
}

// resultMembers are the members of each result's object, by the result's
// name in messages, as its MarshalJSON writes them: those it always writes
// (required), and those it leaves out when zero or empty (optional).
var resultMembers = map[string]struct{ required, optional []string }{
	"share":         {[]string{"nodes", "aligned", "weight", "alignedWeight"}, []string{"level"}},
	"contribution":  {[]string{"id", "amount"}, nil},
	"attribution":   {[]string{"id", "before", "after", "change", "contributions"}, nil},
	"alignment":     {[]string{"overall", "levels"}, []string{"orphans", "unsupported"}},
	"line of sight": {[]string{"from", "paths", "complete"}, nil},
	"contributors":  {[]string{"to", "levels"}, nil},
	"level IDs":     {[]string{"level", "ids"}, nil},
	"orphan group":  {[]string{"highest", "ids"}, nil},
}

// checkMembersRequired checks, for data, the JSON of a result (what) that
// decodes, that each member of its object that MarshalJSON always writes
// is required: data without it has that one problem, `hierarchy: <what>:
// invalid JSON: the value has no "<key>"` (for a level's IDs' "level" and
// an orphan group's "highest", `hierarchy: <what>: no "<key>"`, code
// unknown-level), and that data without a member that MarshalJSON leaves
// out when zero or empty still decodes, to a value that MarshalJSON writes
// without it.
func checkMembersRequired[T any](t *testing.T, data []byte, decode func([]byte) (T, error), what string) {
	t.Helper()
	members, err := strictjson.Members(data)
	require.NoError(t, err, "%s decodes, so it is an object", data)
	want := resultMembers[what]
	names := slices.Concat(want.required, want.optional)
	for f, key := range names {
		var b strings.Builder
		b.WriteByte('{')
		left := 0
		for _, mb := range members {
			if strictjson.Field(names, mb.Key) == f {
				continue
			}
			if left > 0 {
				b.WriteByte(',')
			}
			left++
			k, _ := json.Marshal(mb.Key)
			b.Write(k)
			b.WriteByte(':')
			b.Write(mb.Value)
		}
		b.WriteByte('}')
		without := []byte(b.String())
		got, err := decode(without)
		if f >= len(want.required) {
			// Left out, it is empty, as MarshalJSON leaves it out.
			require.NoError(t, err, "%s: %q may be left out", without, key)
			out, err := json.Marshal(got)
			require.NoError(t, err)
			written, err := strictjson.Members(out)
			require.NoError(t, err)
			for _, mb := range written {
				require.NotEqual(t, key, mb.Key, "%s: %q left out reads as a value MarshalJSON writes: %s", without, key, out)
			}
			continue
		}
		code, text := outcome.ErrInvalidJSON, "hierarchy: "+what+`: invalid JSON: the value has no "`+key+`"`
		if (what == "level IDs" || what == "orphan group") && f == 0 {
			code, text = outcome.ErrUnknownLevel, "hierarchy: "+what+`: no "`+key+`"`
		}
		ps := outcome.Problems(err)
		require.Len(t, ps, 1, "%s: %v", without, err)
		require.Equal(t, code, ps[0].Code, "%s", without)
		require.Equal(t, text, ps[0].Message, "%s", without)
	}
}

// requireNoNull checks that v's JSON holds no null: every list it writes
// empty is written [].
func requireNoNull(t *testing.T, v any) {
	t.Helper()
	out, err := json.Marshal(v)
	require.NoError(t, err)
	nulls, err := nulltest.Paths(out)
	require.NoError(t, err)
	require.Empty(t, nulls, "an empty list is written [], never null: %s", out)
}

// FuzzIndex checks the index against a map from ID to first position, with
// IDs and keys from a small alphabet, so that IDs repeat, keys repeat in
// runs, follow the nodes' order or miss, and short IDs share tags.
func FuzzIndex(f *testing.F) {
	f.Add([]byte{}, uint8(0))
	f.Add([]byte{4, 'a', 'b', 'c', 'd', 'a', 'a', 'b', 'c', 'c', 'd', 'e'}, uint8(0))
	f.Add([]byte{5, 'a', 'b', 'a', 'c', 'b', 'b', 'a', 'c', 'a'}, uint8(32))
	f.Add([]byte{3, 'a', 'a', 'a', 'a', 'a'}, uint8(9))
	f.Fuzz(func(t *testing.T, data []byte, idxBits uint8) {
		if len(data) == 0 {
			return
		}
		// Each byte is an ID: its low 3 bits pick a letter, the next 2 a
		// length from 0 to 3.
		id := func(c byte) string { return strings.Repeat(string(rune('a'+c%8)), int(c/8%4)) }
		n := int(data[0])
		data = data[1:]
		var ids, keys []string
		for i, c := range data {
			if i < n {
				ids = append(ids, id(c))
			} else {
				keys = append(keys, id(c))
			}
		}
		if int(idxBits) < bits.Len32(uint32(len(ids))) || idxBits > 32 {
			idxBits = 0
		}
		checkIndex(t, ids, keys, idxBits)
	})
}
