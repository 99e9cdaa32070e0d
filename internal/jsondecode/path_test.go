package jsondecode

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
)

// textPath returns the Path whose text is s, for keys without "." or "["
// and indexes written as [Index] writes them: "nodes[0].metric".
func textPath(s string) Path {
	var p Path
	if s == "" {
		return p
	}
	for _, part := range strings.Split(s, ".") {
		key, rest, _ := strings.Cut(part, "[")
		p = p.Key(key)
		for rest != "" {
			var i string
			i, rest, _ = strings.Cut(rest, "]")
			n, err := strconv.Atoi(i)
			if err != nil {
				panic("textPath: " + s)
			}
			p = p.Index(n)
			rest = strings.TrimPrefix(rest, "[")
		}
	}
	return p
}

func TestPath(t *testing.T) {
	long := strings.Repeat("k", msg.MaxQuoted+10)
	root := Path{}
	nodes := root.Key("nodes")
	tests := []struct {
		name       string
		path       Path
		want, base string
	}{
		{"whole value", root, "", ""},
		{"member of the whole", nodes, "nodes", "nodes"},
		{"element", nodes.Index(2), "nodes[2]", "[2]"},
		{"member of an element", nodes.Index(2).Key("level"), "nodes[2].level", "level"},
		{"element of an element", nodes.Index(0).Index(11), "nodes[0][11]", "[11]"},
		{"element of the whole", root.Index(3).Key("id"), "[3].id", "id"},
		{"empty key of the whole", root.Key("").Key("a"), "a", "a"},
		{"empty key within", nodes.Key("").Key("a"), "nodes..a", "a"},
		{"clipped key", nodes.Key(long), "nodes." + msg.Clip(long, msg.MaxQuoted), msg.Clip(long, msg.MaxQuoted)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.path.String())
			assert.Equal(t, tt.base, tt.path.Base())
		})
	}
	// Siblings share their parent and keep their own step.
	a, b := nodes.Index(0), nodes.Index(1)
	assert.Equal(t, "nodes[0]", a.String())
	assert.Equal(t, "nodes[1]", b.String())
}

func TestFormPaths(t *testing.T) {
	// Fields and Array give each member and element its own path, said
	// only in a problem.
	f := Form{Pkg: "pkg"}
	members, ok := f.Top([]byte(`{"a":[{"b":1},{"c":2,"b":"x"}],"z":0}`), nil)
	require.True(t, ok)
	var read []string
	f.Fields(Path{}, nil, members, []string{"a"}, func(_ int, path Path, raw json.RawMessage) {
		f.Array(path, nil, raw, func(_ int, path Path, raw json.RawMessage) {
			ms, _ := f.Open(path, nil, raw)
			f.Fields(path, nil, ms, []string{"b"}, func(_ int, path Path, raw json.RawMessage) {
				read = append(read, path.String())
				var s string
				Value(&f, path, nil, raw, &s)
			})
		})
	})
	assert.Equal(t, []string{"a[0].b", "a[1].b"}, read)
	var got []string
	for _, p := range f.Problems() {
		got = append(got, p.Message)
	}
	assert.Equal(t, []string{
		`pkg: invalid JSON: "a[0].b" must be a string, not the number 1`,
		`pkg: invalid JSON: unknown field "a[1].c"`,
		`pkg: invalid JSON: unknown field "z"`,
	}, got)
}
