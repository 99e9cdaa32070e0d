package hierarchy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// FuzzNodeJSON decodes arbitrary bytes as a node on its own
// (Node.UnmarshalJSON), seeded from TestNode_UnmarshalJSON's table. It must
// never panic; a failure must be *outcome.Error values with codes, in
// JSON's words rather than Go's, the same with the members of its objects
// in any order ([ordertest.Check]), and leave the node decoded into as it
// was; a node that decodes must write JSON that decodes to an Equal node.
// And a node is read exactly as a definition reads it: when data is one
// object, the definition that holds it alone, {"nodes":[data]}, has the
// same problems, in the same order, with the same codes and IDs, and the
// same words with their paths from the node ("nodes[0].level" as "level"),
// or none when the node has none.
func FuzzNodeJSON(f *testing.F) {
	for _, tt := range nodeJSONCases {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[Node], Node.Equal)
		n := nodeKeep
		err := n.UnmarshalJSON(data)
		checkPieceErr(t, data, err)
		if _, e := strictjson.Members(data); e == nil {
			var m Model
			inModel := m.UnmarshalJSON([]byte(`{"nodes":[` + string(data) + `]}`))
			assert.Equal(t, fromPiece(problemsOf(inModel), `"nodes[0].`), problemsOf(err), "%s", data)
		}
		if err != nil {
			require.True(t, n.Equal(nodeKeep), "%s: unchanged on error", data)
			return
		}
		out, err := json.Marshal(n)
		require.NoError(t, err)
		var back Node
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, n.Equal(back), "%s writes %s, which reads back as %+v", data, out, back)
	})
}

// FuzzLinkJSON decodes arbitrary bytes as a link on its own
// (Link.UnmarshalJSON), seeded from TestLink_UnmarshalJSON's table, with
// FuzzNodeJSON's properties: never a panic, problems as *outcome.Error in
// JSON's words whatever the members' order, the link unchanged on error,
// and what decodes writes JSON that decodes to an Equal link. And a link
// is read exactly as a definition reads it: when data is one object whose
// ends are valid IDs, the empty ID or not strings, the definition that
// holds it with a task for each end that is a valid ID, {"nodes":[...],
// "links":[data]}, has the same problems, with their paths from the link
// ("links[0].weight" as "weight"), or none when the link has none.
func FuzzLinkJSON(f *testing.F) {
	for _, tt := range linkJSONCases {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[Link], Link.Equal)
		l := linkKeep
		err := l.UnmarshalJSON(data)
		checkPieceErr(t, data, err)
		if def, ok := linkDefinition(data); ok {
			var m Model
			inModel := m.UnmarshalJSON(def)
			assert.Equal(t, fromPiece(problemsOf(inModel), `"links[0].`), problemsOf(err), "%s", def)
		}
		if err != nil {
			require.True(t, l.Equal(linkKeep), "%s: unchanged on error", data)
			return
		}
		out, err := json.Marshal(l)
		require.NoError(t, err)
		var back Link
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, l.Equal(back), "%s writes %s, which reads back as %+v", data, out, back)
	})
}

// checkPieceErr checks that err, the error of decoding data as a node or a
// link on its own, is nil or *outcome.Error values with codes, in JSON's
// words rather than Go's, and that a problem of the form is said as the
// form says it, or as null is.
func checkPieceErr(t *testing.T, data []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	ps := outcome.Problems(err)
	require.NotEmpty(t, ps, "every error is an *outcome.Error: %v", err)
	for _, p := range ps {
		assert.NotEmpty(t, p.Code)
		assert.Empty(t, msg.GoWords(p.Message), "%s: a message in Go's words: %q", data, p.Message)
		if p.Code == outcome.ErrInvalidJSON && !strings.HasSuffix(p.Message, "cannot be null") {
			assert.True(t, strings.HasPrefix(p.Message, "hierarchy: invalid JSON: "), "not said as the form's: %q", p.Message)
		}
	}
}

// fromPiece returns ps, the problems of a definition that holds one node
// or link, with the paths within it said from the piece: at, the piece's
// path and a dot ("nodes[0]."), left out.
func fromPiece(ps []problem, at string) []problem {
	for i := range ps {
		ps[i].msg = strings.ReplaceAll(ps[i].msg, at, `"`)
	}
	return ps
}

// linkDefinition returns the definition that holds data, a link, with a
// task for each of its ends that is a valid ID, if data is one object whose
// ends (as a definition reads them: the first member for each) are valid
// IDs, the empty ID, or not strings; ok is false otherwise.
func linkDefinition(data []byte) (def []byte, ok bool) {
	members, err := strictjson.Members(data)
	if err != nil {
		return nil, false
	}
	var nodes []string
	for _, end := range []string{"from", "to"} {
		id, isString := jsondecode.FirstString(members, linkFields, end)
		switch {
		case !isString || id == "" || len(nodes) == 1 && nodes[0] == id:
		case outcome.ValidateID(id) == nil:
			nodes = append(nodes, id)
		default:
			return nil, false
		}
	}
	var sb strings.Builder
	sb.WriteString(`{"nodes":[`)
	for i, id := range nodes {
		if i > 0 {
			sb.WriteString(",")
		}
		q, _ := json.Marshal(id)
		sb.WriteString(`{"id":` + string(q) + `,"level":"task"}`)
	}
	sb.WriteString(`],"links":[` + string(data) + `]}`)
	return []byte(sb.String()), true
}
