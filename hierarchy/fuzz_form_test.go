package hierarchy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// FuzzAddJSON_everyWrongType writes a fuzzed hierarchy's definition with
// some values of the wrong type or null (a node's ID, name, level or
// metric, a link's ends, a weight null), and checks that decoding never
// stops at the first: there is one invalid-json problem for each, each
// said as a problem of the form, by its JSON path, and while a node's ID is
// spoiled no link is reported for naming an unknown node. A node at an odd
// index, or with no valid level, has a metric only when it is spoiled (the
// metric itself); one at an even index with a valid level has a metric of
// its level, any of whose fields (id, name, level, direction, kind,
// rewarded) may be spoiled, each then an invalid-json problem at its path
// too ("nodes[0].metric.rewarded"), whatever else is spoiled. The problems
// are the same with the members of its objects in any order
// ([ordertest.Check]). A weight below zero or with too many places that
// is not spoiled is reported once, also when an end of its link is
// spoiled and the link is not added. With nothing spoiled, decoding
// reports what Build reports of the nodes with those metrics.
func FuzzAddJSON_everyWrongType(f *testing.F) {
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0xff, 0xff, 0xff})
	f.Add([]byte{2, 8, 16, 0, 8, 0}, []byte{1})
	// The first node's metric's six fields, each of the three wrong values
	// by turns; then its ID and its metric's ID.
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0x7e})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0x03})
	f.Add([]byte{5, 8, 17, 26, 35, 44, 0, 1, 1, 1, 2, 4, 2, 3, 0, 3, 4, 3, 0, 4, 0}, []byte{0x92, 0x49, 0x24, 0x80})
	// a -> b of weight -1, its from spoiled (the number 7).
	f.Add([]byte{2, 8, 17, 0, 1, 2}, []byte{0x00, 0x20})
	f.Fuzz(func(t *testing.T, graph, bits []byte) {
		nodes, edges := fuzzGraph(graph)
		s := spoil.Spoiler{Bits: bits}
		idSpoiled := false
		var sb strings.Builder
		sb.WriteString(`{"nodes":[`)
		for i, n := range nodes {
			level, _ := n.Level.MarshalText()
			before := s.Spoiled()
			id := s.Value(fmt.Sprintf("%q", n.ID), true)
			idSpoiled = idSpoiled || s.Spoiled() > before
			var metric string
			if i%2 == 0 && n.Level.IsValid() {
				nodes[i].Metric = fuzzMetric(n)
				metric = `,"metric":` + spoiledMetric(&s, nodes[i].Metric)
			} else if metric = s.Value("", true); metric != "" { // left out unless spoiled
				metric = `,"metric":` + metric
			}
			fmt.Fprintf(&sb, `%s{"id":%s,"name":%s,"level":%s%s}`, map[bool]string{true: ",", false: ""}[i > 0],
				id, s.Value(`"n"`, true), s.Value(fmt.Sprintf("%q", level), true), metric)
		}
		sb.WriteString(`],"links":[`)
		badWeights := 0 // weights not spoiled that Build refuses, whatever the ends
		for i, e := range edges {
			w := `"1"`
			if e.w != "" {
				w = fmt.Sprintf("%q", e.w)
			}
			from, to := s.Value(fmt.Sprintf("%q", e.from), true), s.Value(fmt.Sprintf("%q", e.to), true)
			before := s.Spoiled()
			fmt.Fprintf(&sb, `%s{"from":%s,"to":%s,"weight":%s}`, map[bool]string{true: ",", false: ""}[i > 0],
				from, to, s.Value(w, false))
			if _, fault := scaleWeight(decimal.RequireFromString(strings.Trim(w, `"`))); fault != weightOK && s.Spoiled() == before {
				badWeights++
			}
		}
		sb.WriteString("]}")
		ordertest.Check(t, []byte(sb.String()), unmarshalModel, Model.Equal)
		b := NewBuilder()
		b.AddJSON([]byte(sb.String()))
		_, err := b.Build()
		invalid, weights := 0, 0
		for _, p := range outcome.Problems(err) {
			if p.Code == ErrNegativeWeight || p.Code == ErrInvalidWeight {
				weights++
			}
			if p.Code == outcome.ErrInvalidJSON {
				invalid++
				require.True(t, strings.HasPrefix(p.Message, `hierarchy: invalid JSON: "`), "not said by its path: %s", p.Message)
			}
			if strings.Contains(p.Message, ".metric.") {
				require.Equal(t, outcome.ErrInvalidJSON, p.Code, "a metric's problem at a path is of the form: %s", p.Message)
			}
			require.False(t, idSpoiled && p.Code == ErrDanglingLink, "a link named an unknown node while a node's ID was unread: %s", p.Message)
		}
		require.Equal(t, s.Spoiled(), invalid, "%s\n%v", sb.String(), err)
		require.Equal(t, badWeights, weights, "every weight refused, whatever its link's ends: %s\n%v", sb.String(), err)
		if s.Spoiled() == 0 {
			_, buildErr := builder(nodes, edges).Build()
			require.Equal(t, problemKeys(buildErr), problemKeys(err), "%s", sb.String())
		}
	})
}

// fuzzMetric returns the metric of node n, whose level is valid, for
// FuzzAddJSON_everyWrongType: of n's level, with an ID of its own, and a
// kind if it is a business outcome.
func fuzzMetric(n Node) outcome.Metric {
	spec := outcome.MetricSpec{ID: "m-" + n.ID, Name: "M", Level: n.Level, Direction: outcome.LowerIsBetter, Rewarded: true}
	if n.Level == outcome.BusinessOutcome {
		spec.Kind = outcome.Cost
	}
	return outcome.MustMetric(spec)
}

// spoiledMetric writes the JSON object of m, each of whose fields s may
// spoil.
func spoiledMetric(s *spoil.Spoiler, m outcome.Metric) string {
	level, _ := m.Level().MarshalText()
	direction, _ := m.Direction().MarshalText()
	kind, _ := m.Kind().MarshalText()
	return fmt.Sprintf(`{"id":%s,"name":%s,"level":%s,"direction":%s,"kind":%s,"rewarded":%s}`,
		s.Value(fmt.Sprintf("%q", m.ID()), true), s.Value(fmt.Sprintf("%q", m.Name()), true),
		s.Value(fmt.Sprintf("%q", level), true), s.Value(fmt.Sprintf("%q", direction), true),
		s.Value(fmt.Sprintf("%q", kind), true), s.Value("true", true))
}

// FuzzResultsJSON_everyProblem writes a share, a contribution and an
// attribution with some values of the wrong type or null and some keys
// that name no field ([spoil.Spoiler]: a value spoiled, or a key "colour"
// written at the end of an object), and a share's level that names none or
// not, and checks that decoding never stops at the first: there is one
// invalid-json problem for each, in the order they are written, which is
// the order of the fields, keys that name no field last, each said by its
// JSON path with the IDs of its result and contribution (those whose "id"
// is written as a string that is not empty); then the level that names
// none, alone of its code. The problems are the same with the members of
// the objects in any order ([ordertest.Check]). With nothing wrong, each
// decodes to the value written.
func FuzzResultsJSON_everyProblem(f *testing.F) {
	f.Add([]byte{2, 0, 0}, []byte{0})
	f.Add([]byte{2, 5, 1}, []byte{0xff, 0xff, 0xff})
	f.Add([]byte{3, 1, 2}, []byte{0x92, 0x49, 0x24})
	f.Add([]byte{1, 6, 0}, []byte{0x40, 0x01})
	f.Add([]byte{2, 3, 1}, []byte{0}) // contributions with no ID, nothing wrong
	f.Fuzz(func(t *testing.T, shape, bits []byte) {
		shape = append(shape, 0, 0, 0)
		n, levelAt, idAt := int(shape[0]%4), int(shape[1]%7), int(shape[2]%3)
		// A share.
		var s spoil.Spoiler
		s.Bits = bits
		var wants, bad []problemWant
		data, share := spoiledShare(&s, &wants, &bad, "share", "", levelAt)
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Share], Share.Equal)
		checkProblems(t, data, func(b []byte) error { return new(Share).UnmarshalJSON(b) }, "hierarchy: share: invalid JSON: ",
			wants, bad)
		if len(wants) == 0 && len(bad) == 0 {
			var got Share
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, got.Equal(share), "%s", data)
		}

		// A contribution, then an attribution with n of them: the IDs
		// are "" (no ID) when idAt is 1, and the attribution has none
		// when it is 2.
		contribution := func(s *spoil.Spoiler, wants *[]problemWant, ids []string, path string, i int) (string, Contribution) {
			id := fmt.Sprintf("x%d", i)
			if idAt == 1 {
				id = ""
			}
			idText, idOK := spoilMember(s, wants, ids, path, "id", fmt.Sprintf("%q", id), true)
			if idOK && id != "" { // the ID, the first field, names the problems after it
				ids = append(slices.Clip(ids), id)
			}
			amount, _ := spoilMember(s, wants, ids, path, "amount", fmt.Sprintf(`"%d.5"`, i), false)
			c := Contribution{ID: id, Amount: decimal.New(int64(i)*10+5, -1)}
			return "{" + idText + "," + amount + spoilColour(s, wants, ids, path) + "}", c
		}
		s = spoil.Spoiler{Bits: bits}
		wants = nil
		one, c := contribution(&s, &wants, nil, "", 7)
		ordertest.Check(t, []byte(one), ordertest.Unmarshal[Contribution], Contribution.Equal)
		checkProblems(t, one, func(b []byte) error { return new(Contribution).UnmarshalJSON(b) }, "hierarchy: contribution: invalid JSON: ", wants, nil)
		if len(wants) == 0 {
			var got Contribution
			require.NoError(t, got.UnmarshalJSON([]byte(one)))
			require.True(t, c.Equal(got), "%s", one)
		}

		s = spoil.Spoiler{Bits: bits}
		wants = nil
		attrID := "c"
		if idAt == 2 {
			attrID = ""
		}
		idText, idOK := spoilMember(&s, &wants, nil, "", "id", fmt.Sprintf("%q", attrID), true)
		var ids []string
		if idOK && attrID != "" {
			ids = []string{attrID}
		}
		before, _ := spoilMember(&s, &wants, ids, "", "before", `"1"`, false)
		after, _ := spoilMember(&s, &wants, ids, "", "after", "2.5", false)
		change, _ := spoilMember(&s, &wants, ids, "", "change", `"1.5"`, false)
		elems := make([]string, n)
		cs := make([]Contribution, n)
		for i := range n {
			path := fmt.Sprintf("contributions[%d]", i)
			if bad := s.Value("", true); bad != "" {
				wants = append(wants, problemWant{`"` + path + `" must be an object, not `, ids})
				elems[i] = bad
				continue
			}
			elems[i], cs[i] = contribution(&s, &wants, ids, path, i)
		}
		data = "{" + strings.Join([]string{idText, before, after, change, `"contributions":[` + strings.Join(elems, ",") + "]"}, ",") +
			spoilColour(&s, &wants, ids, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Attribution], Attribution.Equal)
		checkProblems(t, data, func(b []byte) error { return new(Attribution).UnmarshalJSON(b) }, "hierarchy: attribution: invalid JSON: ", wants, nil)
		if len(wants) == 0 {
			var got Attribution
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, Attribution{ID: attrID, Before: decimal.New(1, 0), After: decimal.New(25, -1),
				Change: decimal.New(15, -1), Contributions: cs}.Equal(got), "%s", data)
		}
	})
}

// fuzzLevels are the levels the results' fuzzers write, by index: six
// that name a level, written as people write them too, and one that
// names none (at 6).
var fuzzLevels = []string{"task", "activity", "output", "business-outcome", "customer-outcome", "TASKS", "nowhere"}

// problemWant is a problem that a fuzzer expects: its message's start
// (after the result's prefix, for a problem of the form; the whole
// message, for a level's) and its IDs.
type problemWant struct {
	prefix string
	ids    []string
}

// spoilMember writes the member key of the object at path, good or, if s
// spoils it, a value of the wrong type (not a decimal's nor a number's
// unless wrongOK), which it expects in *wants, naming ids; ok is false if
// it is spoiled.
func spoilMember(s *spoil.Spoiler, wants *[]problemWant, ids []string, path, key, good string, wrongOK bool) (member string, ok bool) {
	v, ok := spoilValue(s, wants, ids, keyPath(path, key), good, wrongOK)
	return fmt.Sprintf("%q:%s", key, v), ok
}

// spoilValue writes the value at path, good or, if s spoils it, a value of
// the wrong type (not a decimal's nor a number's unless wrongOK), which it
// expects in *wants, naming ids; ok is false if it is spoiled.
func spoilValue(s *spoil.Spoiler, wants *[]problemWant, ids []string, path, good string, wrongOK bool) (v string, ok bool) {
	before := s.Spoiled()
	v = s.Value(good, wrongOK)
	if s.Spoiled() > before {
		*wants = append(*wants, problemWant{`"` + path + `" must be `, ids})
		return v, false
	}
	return v, true
}

// spoilObject writes, if s spoils it, a value that is not an object (null,
// 7, ["x"]) in place of the object at path, which it expects in *wants,
// naming ids, and returns it; "" if not.
func spoilObject(s *spoil.Spoiler, wants *[]problemWant, ids []string, path string) string {
	return spoilContainer(s, wants, ids, path, "an object")
}

// spoilContainer writes, if s spoils it, a value of the wrong type (null,
// 7, ["x"]) in place of the object or the array (kind: "an object", "an
// array") at path, which it expects in *wants, naming ids, and returns it;
// "" if not. ["x"] is the right type for an array: it is not written in
// place of one (s spoils an array's value with null or 7 only).
func spoilContainer(s *spoil.Spoiler, wants *[]problemWant, ids []string, path, kind string) string {
	v := s.Value("", true)
	if v == `["x"]` && kind == "an array" {
		v = "7"
	}
	if v != "" {
		*wants = append(*wants, problemWant{`"` + path + `" must be ` + kind + `, not `, ids})
	}
	return v
}

// spoilColour writes, if s spoils it, a member "colour" at the end of the
// object at path (", ..."), which it expects in *wants, naming ids.
func spoilColour(s *spoil.Spoiler, wants *[]problemWant, ids []string, path string) string {
	v := s.Value("", true)
	if v == "" {
		return ""
	}
	*wants = append(*wants, problemWant{`unknown field "` + keyPath(path, "colour") + `"`, ids})
	return `,"colour":` + v
}

// checkProblems decodes data with decode and checks that its problems are
// wants, each an invalid-json problem whose message starts with prefix and
// then the want's, then levels, each an unknown-level problem with that
// message, each with the want's IDs, in order.
func checkProblems(t *testing.T, data string, decode func([]byte) error, prefix string, wants, levels []problemWant) {
	t.Helper()
	err := decode([]byte(data))
	ps := outcome.Problems(err)
	require.Len(t, ps, len(wants)+len(levels), "%s: %v", data, err)
	for i, w := range wants {
		require.Equal(t, outcome.ErrInvalidJSON, ps[i].Code, "%s: problem %d", data, i)
		require.True(t, strings.HasPrefix(ps[i].Message, prefix+w.prefix), "%s: problem %d is %q, not %q", data, i, ps[i].Message, w.prefix)
		require.Equal(t, w.ids, ps[i].IDs, "%s: problem %d", data, i)
	}
	for i, w := range levels {
		p := ps[len(wants)+i]
		require.Equal(t, outcome.ErrUnknownLevel, p.Code, "%s: problem %d", data, len(wants)+i)
		require.Equal(t, w.prefix, p.Message, "%s: problem %d", data, len(wants)+i)
		require.Equal(t, w.ids, p.IDs, "%s: problem %d", data, len(wants)+i)
	}
}

// spoiledShare writes a share, the whole result (path "") or the one at
// path in a result that what names ("alignment"): its level fuzzLevels[at],
// its counts and weights, each good unless s spoils it, and a member
// "colour" if s spoils it. It expects the problems of its form in *wants
// and, if its level is a string that names none, the level's in *bad; it
// returns the share's text and the share it is if nothing is wrong.
func spoiledShare(s *spoil.Spoiler, wants, bad *[]problemWant, what, path string, at int) (string, Share) {
	level, levelOK := spoilMember(s, wants, nil, path, "level", `"`+fuzzLevels[at]+`"`, true)
	nodes, _ := spoilMember(s, wants, nil, path, "nodes", "3", false)
	aligned, _ := spoilMember(s, wants, nil, path, "aligned", "2", false)
	weight, _ := spoilMember(s, wants, nil, path, "weight", `"4.5"`, false)
	alignedWeight, _ := spoilMember(s, wants, nil, path, "alignedWeight", "1e-3", false)
	text := "{" + strings.Join([]string{level, nodes, aligned, weight, alignedWeight}, ",") + spoilColour(s, wants, nil, path) + "}"
	if levelOK {
		badLevel(bad, nil, what, path, "level", at)
	}
	l, _ := outcome.ParseLevel(fuzzLevels[at])
	return text, Share{Level: l, Nodes: 3, Aligned: 2, Weight: decimal.New(45, -1), AlignedWeight: decimal.New(1, -3)}
}

// badLevel expects in *bad, naming ids, the problem of the level
// fuzzLevels[at], written under key in the object at path of a result that
// what names, if it names none: outcome's words, after the result and the
// level's path if the object is within the result.
func badLevel(bad *[]problemWant, ids []string, what, path, key string, at int) {
	if fuzzLevels[at] != "nowhere" {
		return
	}
	m := `outcome: unknown level "nowhere"`
	if path != "" {
		m = "hierarchy: " + what + `: "` + keyPath(path, key) + `": ` + m
	}
	*bad = append(*bad, problemWant{m, ids})
}

// spoiledIDs writes a list of k IDs (prefix and their index: "u0", "u1")
// at path, each good unless s spoils it, and expects the problems of the
// spoiled ones in *wants, naming ids; it returns the list's text and the
// IDs it holds if nothing is wrong.
func spoiledIDs(s *spoil.Spoiler, wants *[]problemWant, ids []string, path, prefix string, k int) (string, []string) {
	elems, good := make([]string, k), make([]string, k)
	for i := range k {
		good[i] = fmt.Sprintf("%s%d", prefix, i)
		elems[i], _ = spoilValue(s, wants, ids, indexPath(path, i), fmt.Sprintf("%q", good[i]), true)
	}
	return "[" + strings.Join(elems, ",") + "]", good
}

// spoiledLevelIDs writes a level's IDs, or an orphan group (key
// "highest"), the whole result (path "") or the one at path in a result
// that what names: its level fuzzLevels[at] under key, k IDs, each good
// unless s spoils it, and a member "colour" if s spoils it. It expects the
// problems of its form in *wants and, if its level is a string that names
// none, the level's in *bad, naming ids; it returns the text, and the
// level and IDs it holds if nothing is wrong.
func spoiledLevelIDs(s *spoil.Spoiler, wants, bad *[]problemWant, ids []string, what, path, key string, at, k int) (string, outcome.Level, []string) {
	level, levelOK := spoilMember(s, wants, ids, path, key, `"`+fuzzLevels[at]+`"`, true)
	list, good := spoiledIDs(s, wants, ids, keyPath(path, "ids"), "o", k)
	text := "{" + level + `,"ids":` + list + spoilColour(s, wants, ids, path) + "}"
	if levelOK {
		badLevel(bad, ids, what, path, key, at)
	}
	l, _ := outcome.ParseLevel(fuzzLevels[at])
	return text, l, good
}

// FuzzReportsJSON_everyProblem writes an alignment, a line of sight,
// contributors, a level's IDs and an orphan group, as FuzzResultsJSON_everyProblem
// writes a share: some values of the wrong type or null at every depth
// (an alignment's shares' and orphan groups' members, an orphan group's
// IDs, a path's IDs, a share, a path or a level that is not an object or
// an array), keys "colour" that name no field at the end of any object,
// and levels that name none or not. It checks that decoding never stops
// at the first: one invalid-json problem for each, in the order written,
// which is the order of the fields, keys that name no field last, each said
// by its JSON path from the top, naming a line of sight's "from" and
// contributors' "to" (if written as a string that is not empty); then each
// level that names none, in the order written, said after its path if it
// is within the result. The problems are the same with the members of the
// objects in any order ([ordertest.Check]); with nothing wrong, each
// decodes to the value written, and the line of sight written with its
// empty paths nil, as a caller can build it, marshals with no null (a nil
// path as []) and reads back Equal.
func FuzzReportsJSON_everyProblem(f *testing.F) {
	f.Add([]byte{2, 0, 0, 1, 2}, []byte{0})
	f.Add([]byte{3, 6, 0, 2, 2}, []byte{0xff, 0xff, 0xff, 0xff, 0xff})
	f.Add([]byte{3, 4, 1, 2, 1}, []byte{0x92, 0x49, 0x24, 0x92, 0x49})
	f.Add([]byte{1, 5, 0, 1, 2}, []byte{0x40, 0x01, 0x08, 0x80, 0x02})
	f.Add([]byte{2, 3, 1, 0, 0}, []byte{0}) // no IDs, nothing wrong
	// A share's level that names none within the alignment, after a
	// problem of the overall share; a line of sight's path that is not an
	// array, naming "a"; contributors' first level that is not an object.
	f.Add([]byte{1, 5, 0, 1, 1}, []byte{0x02})
	// A level of the wrong type within contributors' levels, naming "t".
	f.Add([]byte{1, 6, 0, 0, 1}, []byte{0x04})
	f.Fuzz(func(t *testing.T, shape, bits []byte) {
		shape = append(shape, 0, 0, 0, 0, 0)
		n, levelAt, noID, m, k := int(shape[0]%4), int(shape[1]%7), shape[2]%2 == 1, int(shape[3]%3), int(shape[4]%3)

		// An alignment: its overall share, n shares, m orphan groups and k
		// unsupported outcomes.
		s := spoil.Spoiler{Bits: bits}
		var wants, bad []problemWant
		overall, want := spoiledShare(&s, &wants, &bad, "alignment", "overall", levelAt)
		a := Alignment{Overall: want, Levels: make([]Share, n), Orphans: make([]OrphanGroup, m)}
		shares := make([]string, n)
		for i := range n {
			path := indexPath("levels", i)
			if shares[i] = spoilObject(&s, &wants, nil, path); shares[i] == "" {
				shares[i], a.Levels[i] = spoiledShare(&s, &wants, &bad, "alignment", path, (levelAt+i+1)%7)
			}
		}
		groups := make([]string, m)
		for j := range m {
			path := indexPath("orphans", j)
			if groups[j] = spoilObject(&s, &wants, nil, path); groups[j] == "" {
				groups[j], a.Orphans[j].Highest, a.Orphans[j].IDs = spoiledLevelIDs(&s, &wants, &bad, nil, "alignment", path, "highest", (levelAt+j+2)%7, k)
			}
		}
		var unsupported string
		unsupported, a.Unsupported = spoiledIDs(&s, &wants, nil, "unsupported", "u", k)
		data := `{"overall":` + overall + `,"levels":[` + strings.Join(shares, ",") + `],"orphans":[` + strings.Join(groups, ",") +
			`],"unsupported":` + unsupported + spoilColour(&s, &wants, nil, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Alignment], Alignment.Equal)
		checkProblems(t, data, func(b []byte) error { return new(Alignment).UnmarshalJSON(b) }, "hierarchy: alignment: invalid JSON: ", wants, bad)
		if len(wants) == 0 && len(bad) == 0 {
			var got Alignment
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, a.Equal(got), "%s", data)
		}

		// A line of sight from "a" ("" if noID) with n paths of k IDs.
		s = spoil.Spoiler{Bits: bits}
		wants = nil
		from := "a"
		if noID {
			from = ""
		}
		fromText, fromOK := spoilMember(&s, &wants, nil, "", "from", fmt.Sprintf("%q", from), true)
		var ids []string
		if fromOK && from != "" {
			ids = []string{from}
		}
		ls := LineOfSight{From: from, Paths: make([][]string, n), Complete: true}
		paths := make([]string, n)
		for i := range n {
			path := indexPath("paths", i)
			if paths[i] = spoilContainer(&s, &wants, ids, path, "an array"); paths[i] == "" {
				paths[i], ls.Paths[i] = spoiledIDs(&s, &wants, ids, path, "p", k)
			}
		}
		complete, _ := spoilMember(&s, &wants, ids, "", "complete", "true", true)
		data = "{" + fromText + `,"paths":[` + strings.Join(paths, ",") + "]," + complete + spoilColour(&s, &wants, ids, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[LineOfSight], LineOfSight.Equal)
		checkProblems(t, data, func(b []byte) error { return new(LineOfSight).UnmarshalJSON(b) }, "hierarchy: line of sight: invalid JSON: ", wants, nil)
		if len(wants) == 0 {
			var got LineOfSight
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, ls.Equal(got), "%s", data)
			// The line written by hand with its empty paths nil, which
			// Equal calls the same, marshals with no null and reads back
			// Equal, its paths left as they were.
			byHand := LineOfSight{From: ls.From, Paths: make([][]string, len(ls.Paths)), Complete: ls.Complete}
			for i, p := range ls.Paths {
				if len(p) > 0 {
					byHand.Paths[i] = p
				}
			}
			requireNoNull(t, byHand)
			out, err := byHand.MarshalJSON()
			require.NoError(t, err)
			var back LineOfSight
			require.NoError(t, back.UnmarshalJSON(out), "%s", out)
			require.True(t, ls.Equal(back) && byHand.Equal(back), "%s reads back as %+v", out, back)
			for i, p := range byHand.Paths {
				require.Equal(t, len(ls.Paths[i]) == 0, p == nil, "marshalling wrote into path %d", i)
			}
		}

		// Contributors to "t" ("" if noID), n levels of k IDs.
		s = spoil.Spoiler{Bits: bits}
		wants, bad = nil, nil
		to := "t"
		if noID {
			to = ""
		}
		toText, toOK := spoilMember(&s, &wants, nil, "", "to", fmt.Sprintf("%q", to), true)
		ids = nil
		if toOK && to != "" {
			ids = []string{to}
		}
		c := Contributors{To: to, Levels: make([]LevelIDs, n)}
		levels := make([]string, n)
		for i := range n {
			path := indexPath("levels", i)
			if levels[i] = spoilObject(&s, &wants, ids, path); levels[i] == "" {
				levels[i], c.Levels[i].Level, c.Levels[i].IDs = spoiledLevelIDs(&s, &wants, &bad, ids, "contributors", path, "level", (levelAt+i)%7, k)
			}
		}
		data = "{" + toText + `,"levels":[` + strings.Join(levels, ",") + "]" + spoilColour(&s, &wants, ids, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Contributors], Contributors.Equal)
		checkProblems(t, data, func(b []byte) error { return new(Contributors).UnmarshalJSON(b) }, "hierarchy: contributors: invalid JSON: ", wants, bad)
		if len(wants) == 0 && len(bad) == 0 {
			var got Contributors
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, c.Equal(got), "%s", data)
		}

		// A level's IDs and an orphan group, each the whole result.
		for _, key := range []string{"level", "highest"} {
			s = spoil.Spoiler{Bits: bits}
			wants, bad = nil, nil
			what, decode := "level IDs", func(b []byte) error { return new(LevelIDs).UnmarshalJSON(b) }
			if key == "highest" {
				what, decode = "orphan group", func(b []byte) error { return new(OrphanGroup).UnmarshalJSON(b) }
			}
			text, l, good := spoiledLevelIDs(&s, &wants, &bad, nil, what, "", key, levelAt, k)
			checkProblems(t, text, decode, "hierarchy: "+what+": invalid JSON: ", wants, bad)
			if key == "level" {
				ordertest.Check(t, []byte(text), ordertest.Unmarshal[LevelIDs], LevelIDs.Equal)
			} else {
				ordertest.Check(t, []byte(text), ordertest.Unmarshal[OrphanGroup], OrphanGroup.Equal)
			}
			if len(wants) == 0 && len(bad) == 0 {
				var got LevelIDs
				require.NoError(t, got.UnmarshalJSON([]byte(strings.Replace(text, `"highest"`, `"level"`, 1))))
				require.True(t, LevelIDs{Level: l, IDs: good}.Equal(got), "%s", text)
				var g OrphanGroup
				require.NoError(t, g.UnmarshalJSON([]byte(strings.Replace(text, `"level"`, `"highest"`, 1))))
				require.True(t, OrphanGroup{Highest: l, IDs: good}.Equal(g), "%s", text)
			}
		}
	})
}

// keyPath is the text of the path of member key of the object at path, as
// messages write it: "key" at the top, "path.key" within, the key clipped
// as messages clip what they quote; the oracle the decoders' paths
// (jsondecode.Path) are checked against.
func keyPath(path, key string) string {
	key = msg.Clip(key, msg.MaxQuoted)
	if path == "" {
		return key
	}
	return path + "." + key
}

// indexPath is the text of the path of element i of the array at path,
// "path[i]".
func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
