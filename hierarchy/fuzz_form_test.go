package hierarchy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

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
