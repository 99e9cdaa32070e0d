package hierarchy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// FuzzAddJSON_everyWrongType writes a fuzzed hierarchy's definition with
// some values of the wrong type or null (a node's ID, name, level or metric,
// which is written only when spoiled, a link's ends, a weight null), and
// checks that decoding never stops at the first: there is one invalid-json
// problem for each, each said as a problem of the form, by its JSON path,
// and while a node's ID is spoiled no link is reported for naming an
// unknown node. With nothing spoiled, decoding reports what Build reports.
func FuzzAddJSON_everyWrongType(f *testing.F) {
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0})
	f.Add([]byte{3, 8, 16, 24, 0, 1, 0, 1, 2, 0}, []byte{0xff, 0xff, 0xff})
	f.Add([]byte{2, 8, 16, 0, 8, 0}, []byte{1})
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
			metric := s.Value("", true) // left out unless spoiled
			if metric != "" {
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
		b := NewBuilder()
		b.AddJSON([]byte(sb.String()))
		_, err := b.Build()
		invalid := 0
		for _, p := range outcome.Problems(err) {
			if p.Code == outcome.ErrInvalidJSON {
				invalid++
				require.True(t, strings.HasPrefix(p.Message, `hierarchy: invalid JSON: "`), "not said by its path: %s", p.Message)
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
