package northstar

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// FuzzCanvasJSON decodes arbitrary JSON as a canvas. It must never panic; a
// failure must be *outcome.Error values with codes and this package's (or
// the outcome package's) message prefix; a success must round-trip: marshal
// and decode again gives an equal canvas with the same warnings.
func FuzzCanvasJSON(f *testing.F) {
	f.Add(guestsJSON)
	f.Add(`{}`)
	f.Add(`[]`)
	f.Add(`{"category":"a","name":"A","weight":"1e15","needs":[{"id":"n","statement":"s"}],` +
		`"outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":"0"}]}]}`)
	f.Add(`{"category":"a","name":"A","weight":"0","needs":[{"id":"n","statement":"s"},{"id":"n","statement":""}],` +
		`"outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":"1e-31"},{"metric":"m","importance":"-1"}]}]}`)
	f.Add(strings.Replace(guestsJSON, `"0.6"`, `"1e9999"`, 1))
	f.Fuzz(func(t *testing.T, in string) {
		var c Canvas
		err := c.UnmarshalJSON([]byte(in))
		if err != nil {
			probs := outcome.Problems(err)
			if len(probs) == 0 {
				t.Fatalf("error without *outcome.Error: %v", err)
			}
			for _, p := range probs {
				if p.Code == "" || !strings.HasPrefix(p.Message, "northstar: ") {
					t.Fatalf("bad problem: %#v", p)
				}
			}
			if !c.IsZero() {
				t.Fatal("failed decode changed the canvas")
			}
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Canvas
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("decode of own output %s: %v", out, err)
		}
		if !c.Equal(back) {
			t.Fatalf("round trip changed the canvas: %s", out)
		}
		if len(c.Warnings()) != len(back.Warnings()) {
			t.Fatal("round trip changed the warnings")
		}
		total := 0.0
		for id := range c.Metrics() {
			s := c.Share(id)
			if !(s >= 0 && s <= 1) {
				t.Fatalf("share of %q is %v", id, s)
			}
			total += s
		}
		if total < 1-1e-9 || total > 1+1e-9 {
			t.Fatalf("shares sum to %v", total)
		}
	})
}
