package words

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSame(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"triple crown", "triple crown", true},
		{" Triple-Crown\t", "triple crown", true},
		{"trade off", "trade-off", true},
		{"TRADE-OFF", "trade-off", true},
		{"weighted sum", "weighted sum", true},
		{"", "cost", false},
		{"costs", "cost", false},
		{"tradeoff", "trade-off", false},
		{"triple  crown", "triple crown", false},
		{"triple_crown", "triple crown", false},
		// Only ASCII letters fold: the Kelvin sign is not a k.
		{"\u212aost", "kost", false},
	} {
		assert.Equal(t, tt.want, Same(tt.text, tt.name), "Same(%q, %q)", tt.text, tt.name)
	}
}

// FuzzSame: whatever matches a name is that name but for case, surrounding
// white space and hyphens for spaces.
func FuzzSame(f *testing.F) {
	f.Add("Triple-Crown", "triple crown")
	f.Add(" trade off ", "trade-off")
	f.Fuzz(func(t *testing.T, text, name string) {
		if !Same(text, name) {
			return
		}
		norm := func(s string) string { return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", " ") }
		// Names as the module writes them: lower case, no surrounding
		// white space.
		if strings.ToLower(name) == name && strings.TrimSpace(name) == name && norm(text) != norm(name) {
			t.Fatalf("Same(%q, %q), but they differ", text, name)
		}
	})
}

// TestList works out by hand a list of items written in full, cut short and
// empty.
func TestList(t *testing.T) {
	for _, tt := range []struct {
		items []string
		total int
		want  string
	}{
		{nil, 0, ""},
		{[]string{"0"}, 1, "0"},
		{[]string{"0", "2"}, 2, "0, 2"},
		{[]string{`"a"`, `"b"`, `"c"`}, 3, `"a", "b", "c"`},
		{[]string{"1", "2", "3"}, 10, "1, 2, 3 and 7 more"},
		{[]string{"1"}, 2, "1 and 1 more"},
		{nil, 7, "7 more"},
		{[]string{"0", "2"}, 1, "0, 2"}, // a total below the items counts nothing more
	} {
		assert.Equal(t, tt.want, List(tt.items, tt.total), "List(%q, %d)", tt.items, tt.total)
	}
}

// TestAnd works out by hand the English joins of none to four words.
func TestAnd(t *testing.T) {
	for _, tt := range []struct {
		words []string
		want  string
	}{
		{nil, ""},
		{[]string{"cost"}, "cost"},
		{[]string{"cost", "revenue"}, "cost and revenue"},
		{[]string{"cost", "service", "revenue"}, "cost, service and revenue"},
		{[]string{"a", "b", "c", "d"}, "a, b, c and d"},
	} {
		assert.Equal(t, tt.want, And(tt.words), "And(%q)", tt.words)
	}
}
