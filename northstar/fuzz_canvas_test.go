package northstar

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// checkProblems fails t unless err is *outcome.Error values, each with a
// code and a message in this package's words: its prefix, and none of Go's
// or the decimal library's words ([msg.GoWords]: "Go struct field", "Go
// value of type", a Go type's name such as int64, "can't convert").
func checkProblems(t *testing.T, err error) {
	t.Helper()
	probs := outcome.Problems(err)
	if len(probs) == 0 {
		t.Fatalf("error without *outcome.Error: %v", err)
	}
	for _, p := range probs {
		if p.Code == "" || !strings.HasPrefix(p.Message, "northstar: ") {
			t.Fatalf("bad problem: %#v", p)
		}
		if w := msg.GoWords(p.Message); w != "" {
			t.Fatalf("message in Go's words (%q): %q", w, p.Message)
		}
	}
}

// FuzzCanvasJSON decodes arbitrary JSON as a canvas, and as a spec. It must
// never panic; a failure must be *outcome.Error values with codes, in this
// package's words ([checkProblems]); a success must round-trip: marshal and
// decode again gives an equal canvas with the same warnings. A spec decodes
// whenever a canvas does, to the canvas's spec.
func FuzzCanvasJSON(f *testing.F) {
	f.Add(guestsJSON)
	f.Add(`{}`)
	f.Add(`[]`)
	f.Add(`{"category":"a","name":"A","weight":"1e15","needs":[{"id":"n","statement":"s"}],` +
		`"outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":"0"}]}]}`)
	f.Add(`{"category":"a","name":"A","weight":"0","needs":[{"id":"n","statement":"s"},{"id":"n","statement":""}],` +
		`"outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":"1e-31"},{"metric":"m","importance":"-1"}]}]}`)
	f.Add(strings.Replace(guestsJSON, `"0.6"`, `"1e9999"`, 1))
	f.Add(strings.Replace(guestsJSON, `"0.6"`, `"0,6"`, 1))
	f.Add(strings.Replace(guestsJSON, `"importance": "3"`, `"importance": [3]`, 1))
	f.Add(strings.Replace(guestsJSON, `"id": "home"`, `"id": 1`, 1))
	f.Fuzz(func(t *testing.T, in string) {
		var spec CanvasSpec
		specErr := spec.UnmarshalJSON([]byte(in))
		if specErr != nil {
			checkProblems(t, specErr)
		}
		var c Canvas
		err := c.UnmarshalJSON([]byte(in))
		if err != nil {
			checkProblems(t, err)
			if !c.IsZero() {
				t.Fatal("failed decode changed the canvas")
			}
			return
		}
		if specErr != nil || !MustCanvas(spec).Equal(c) {
			t.Fatalf("the spec (%v) is not the canvas's", specErr)
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

// FuzzDecodeCanvases checks DecodeCanvases against Canvas.UnmarshalJSON on
// each element: it decodes a list exactly when every element is a canvas
// that decodes alone, to the same canvases (and to what json.Unmarshal
// gives), and otherwise reports each bad element's problems, under its
// index, in order, in this package's words ([checkProblems]); a null
// element is one problem. Data that is not one array is one problem.
func FuzzDecodeCanvases(f *testing.F) {
	f.Add("[" + guestsJSON + "," + businessJSON + "]")
	f.Add("[" + strings.Replace(guestsJSON, `"0.6"`, `"0,6"`, 1) + `,null,{"category":"a","needs":{}},3]`)
	f.Add(`[{"category": "c", "weight": "1", "needs": [{"id": "n", "statement": "s"}]}]`)
	f.Add("[{\"category\": \"\xff\"}]")
	for _, s := range []string{`[]`, `null`, ``, `{}`, `[`, `[] x`, `[{"category":" a"}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		data := []byte(in)
		canvases, err := DecodeCanvases(data)
		elems, serr := strictjson.Elements(data)
		if serr != nil || strings.Trim(in, " \t\r\n") == "null" {
			// Not one array: one problem, with no index.
			if err == nil || canvases != nil {
				t.Fatalf("%q is not a list, but decoded", in)
			}
			checkProblems(t, err)
			if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != outcome.ErrInvalidJSON || len(ps[0].IDs) != 0 {
				t.Fatalf("%q: want one invalid-json problem with no ID: %v", in, err)
			}
			return
		}
		var want []*outcome.Error
		decoded := make([]Canvas, len(elems))
		for i, e := range elems {
			at := fmt.Sprintf("northstar: canvases[%d]: ", i)
			if strings.Trim(string(e), " \t\r\n") == "null" {
				want = append(want, &outcome.Error{Code: outcome.ErrInvalidJSON, Message: at + "a canvas cannot be null"})
				continue
			}
			if err := decoded[i].UnmarshalJSON(e); err != nil {
				for _, p := range outcome.Problems(err) {
					m, ok := strings.CutPrefix(p.Message, "northstar: ")
					if !ok {
						m = strings.TrimPrefix(m, "outcome: ")
					}
					want = append(want, &outcome.Error{Code: p.Code, IDs: p.IDs, Message: at + m})
				}
			}
		}
		if len(want) == 0 {
			if err != nil || len(canvases) != len(elems) {
				t.Fatalf("%q: every canvas decodes alone, but the list: %v", in, err)
			}
			var viaJSON []Canvas
			if err := json.Unmarshal(data, &viaJSON); err != nil || len(viaJSON) != len(canvases) {
				t.Fatalf("%q: json.Unmarshal does not decode the list: %v", in, err)
			}
			for i := range canvases {
				if !canvases[i].Equal(decoded[i]) || !viaJSON[i].Equal(decoded[i]) {
					t.Fatalf("%q: canvas %d differs from its own decoding", in, i)
				}
			}
			return
		}
		if canvases != nil {
			t.Fatalf("%q: canvases returned with problems", in)
		}
		checkProblems(t, err)
		got := outcome.Problems(err)
		if len(got) != len(want) {
			t.Fatalf("%q: %d problems, want %d: %v", in, len(got), len(want), err)
		}
		for i := range want {
			if got[i].Code != want[i].Code || fmt.Sprint(got[i].IDs) != fmt.Sprint(want[i].IDs) || got[i].Message != want[i].Message {
				t.Fatalf("%q: problem %d is %v %v %q, want %v %v %q", in, i,
					got[i].Code, got[i].IDs, got[i].Message, want[i].Code, want[i].IDs, want[i].Message)
			}
		}
	})
}
