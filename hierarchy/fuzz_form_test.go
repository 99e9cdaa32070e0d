package hierarchy

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/jsondecode"
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
// ([ordertest.Check]). With nothing spoiled, decoding reports what Build
// reports of the nodes with those metrics.
func FuzzAddJSON_everyWrongType(f *testing.F) {
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0xff, 0xff, 0xff})
	f.Add([]byte{2, 8, 16, 0, 8, 0}, []byte{1})
	// The first node's metric's six fields, each of the three wrong values
	// by turns; then its ID and its metric's ID.
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0x7e})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0x03})
	f.Add([]byte{5, 8, 17, 26, 35, 44, 0, 1, 1, 1, 2, 4, 2, 3, 0, 3, 4, 3, 0, 4, 0}, []byte{0x92, 0x49, 0x24, 0x80})
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
		for i, e := range edges {
			w := `"1"`
			if e.w != "" {
				w = fmt.Sprintf("%q", e.w)
			}
			fmt.Fprintf(&sb, `%s{"from":%s,"to":%s,"weight":%s}`, map[bool]string{true: ",", false: ""}[i > 0],
				s.Value(fmt.Sprintf("%q", e.from), true), s.Value(fmt.Sprintf("%q", e.to), true), s.Value(w, false))
		}
		sb.WriteString("]}")
		ordertest.Check(t, []byte(sb.String()), unmarshalModel, Model.Equal)
		b := NewBuilder()
		b.AddJSON([]byte(sb.String()))
		_, err := b.Build()
		invalid := 0
		for _, p := range outcome.Problems(err) {
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
		// want is a problem expected: its message's start and its IDs.
		type want struct {
			prefix string
			ids    []string
		}
		// value writes the member key of the object at path, good or,
		// if spoiled, a value of the wrong type, which it expects.
		value := func(s *spoil.Spoiler, wants *[]want, ids []string, path, key, good string, wrongOK bool) (string, bool) {
			before := s.Spoiled()
			v := s.Value(good, wrongOK)
			if s.Spoiled() > before {
				*wants = append(*wants, want{`"` + jsondecode.Key(path, key) + `" must be `, ids})
				return fmt.Sprintf("%q:%s", key, v), false
			}
			return fmt.Sprintf("%q:%s", key, v), true
		}
		// colour writes, if spoiled, a member "colour" at the end of the
		// object at path, which it expects.
		colour := func(s *spoil.Spoiler, wants *[]want, ids []string, path string) string {
			v := s.Value("", true)
			if v == "" {
				return ""
			}
			*wants = append(*wants, want{`unknown field "` + jsondecode.Key(path, "colour") + `"`, ids})
			return `,"colour":` + v
		}
		// check decodes data with decode and checks its problems, which
		// are wants (said after prefix), then, if badLevel, the level's.
		check := func(data string, decode func([]byte) error, prefix string, wants []want, badLevel bool) {
			err := decode([]byte(data))
			ps := outcome.Problems(err)
			extra := 0
			if badLevel {
				extra = 1
			}
			require.Len(t, ps, len(wants)+extra, "%s: %v", data, err)
			for i, w := range wants {
				require.Equal(t, outcome.ErrInvalidJSON, ps[i].Code, "%s: problem %d", data, i)
				require.True(t, strings.HasPrefix(ps[i].Message, prefix+w.prefix), "%s: problem %d is %q, not %q", data, i, ps[i].Message, w.prefix)
				require.Equal(t, w.ids, ps[i].IDs, "%s: problem %d", data, i)
			}
			if badLevel {
				last := ps[len(ps)-1]
				require.Equal(t, outcome.ErrUnknownLevel, last.Code, "%s", data)
				require.Equal(t, `outcome: unknown level "nowhere"`, last.Message, "%s", data)
			}
		}

		// A share.
		levels := []string{"task", "activity", "output", "business-outcome", "customer-outcome", "TASKS", "nowhere"}
		var s spoil.Spoiler
		s.Bits = bits
		var wants []want
		level, levelOK := value(&s, &wants, nil, "", "level", `"`+levels[levelAt]+`"`, true)
		nodes, _ := value(&s, &wants, nil, "", "nodes", "3", false)
		aligned, _ := value(&s, &wants, nil, "", "aligned", "2", false)
		weight, _ := value(&s, &wants, nil, "", "weight", `"4.5"`, false)
		alignedWeight, _ := value(&s, &wants, nil, "", "alignedWeight", "1e-3", false)
		data := "{" + strings.Join([]string{level, nodes, aligned, weight, alignedWeight}, ",") + colour(&s, &wants, nil, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Share], Share.Equal)
		check(data, func(b []byte) error { return new(Share).UnmarshalJSON(b) }, "hierarchy: share: invalid JSON: ",
			wants, levelOK && levelAt == 6)
		if len(wants) == 0 && levelAt != 6 {
			var got Share
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			l, _ := outcome.ParseLevel(levels[levelAt])
			require.True(t, got.Equal(Share{Level: l, Nodes: 3, Aligned: 2, Weight: decimal.New(45, -1), AlignedWeight: decimal.New(1, -3)}), "%s", data)
		}

		// A contribution, then an attribution with n of them: the IDs
		// are "" (no ID) when idAt is 1, and the attribution has none
		// when it is 2.
		contribution := func(s *spoil.Spoiler, wants *[]want, ids []string, path string, i int) (string, Contribution) {
			id := fmt.Sprintf("x%d", i)
			if idAt == 1 {
				id = ""
			}
			idText, idOK := value(s, wants, ids, path, "id", fmt.Sprintf("%q", id), true)
			if idOK && id != "" { // the ID, the first field, names the problems after it
				ids = append(slices.Clip(ids), id)
			}
			amount, _ := value(s, wants, ids, path, "amount", fmt.Sprintf(`"%d.5"`, i), false)
			c := Contribution{ID: id, Amount: decimal.New(int64(i)*10+5, -1)}
			return "{" + idText + "," + amount + colour(s, wants, ids, path) + "}", c
		}
		s = spoil.Spoiler{Bits: bits}
		wants = nil
		one, c := contribution(&s, &wants, nil, "", 7)
		ordertest.Check(t, []byte(one), ordertest.Unmarshal[Contribution], equalContribution)
		check(one, func(b []byte) error { return new(Contribution).UnmarshalJSON(b) }, "hierarchy: contribution: invalid JSON: ", wants, false)
		if len(wants) == 0 {
			var got Contribution
			require.NoError(t, got.UnmarshalJSON([]byte(one)))
			require.True(t, equalContribution(c, got), "%s", one)
		}

		s = spoil.Spoiler{Bits: bits}
		wants = nil
		attrID := "c"
		if idAt == 2 {
			attrID = ""
		}
		idText, idOK := value(&s, &wants, nil, "", "id", fmt.Sprintf("%q", attrID), true)
		var ids []string
		if idOK && attrID != "" {
			ids = []string{attrID}
		}
		before, _ := value(&s, &wants, ids, "", "before", `"1"`, false)
		after, _ := value(&s, &wants, ids, "", "after", "2.5", false)
		change, _ := value(&s, &wants, ids, "", "change", `"1.5"`, false)
		elems := make([]string, n)
		cs := make([]Contribution, n)
		for i := range n {
			path := fmt.Sprintf("contributions[%d]", i)
			if bad := s.Value("", true); bad != "" {
				wants = append(wants, want{`"` + path + `" must be an object, not `, ids})
				elems[i] = bad
				continue
			}
			elems[i], cs[i] = contribution(&s, &wants, ids, path, i)
		}
		data = "{" + strings.Join([]string{idText, before, after, change, `"contributions":[` + strings.Join(elems, ",") + "]"}, ",") +
			colour(&s, &wants, ids, "") + "}"
		ordertest.Check(t, []byte(data), ordertest.Unmarshal[Attribution], equalAttribution)
		check(data, func(b []byte) error { return new(Attribution).UnmarshalJSON(b) }, "hierarchy: attribution: invalid JSON: ", wants, false)
		if len(wants) == 0 {
			var got Attribution
			require.NoError(t, got.UnmarshalJSON([]byte(data)))
			require.True(t, equalAttribution(Attribution{ID: attrID, Before: decimal.New(1, 0), After: decimal.New(25, -1),
				Change: decimal.New(15, -1), Contributions: cs}, got), "%s", data)
		}
	})
}
