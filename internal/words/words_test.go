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
