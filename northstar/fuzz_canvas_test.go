package northstar

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/listtest"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/nulltest"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// sameJSON reports whether a and b marshal to the same bytes.
func sameJSON[T any](a, b T) bool {
	x, errX := json.Marshal(a)
	y, errY := json.Marshal(b)
	return errX == nil && errY == nil && string(x) == string(y)
}

// checkFormFirst fails t unless the problems of err, from decoding in as
// a whole value whose messages begin with at ("northstar: ranking: "),
// put those of the JSON form (code [outcome.ErrInvalidJSON]) before any
// other, and name each key of in's top object that is none of fields as
// `<at>invalid JSON: unknown field "key"`, the key clipped as messages
// clip what they quote.
func checkFormFirst(t *testing.T, in string, err error, at string, fields []string) {
	t.Helper()
	checkFormFirstBy(t, in, err, fields, func(message, unknown string) bool { return message == at+unknown })
}

// checkFormFirstBy is [checkFormFirst] with the rule by which a message
// reports a key that names no field: reports(message, unknown), unknown
// being `invalid JSON: unknown field "key"`.
func checkFormFirstBy(t *testing.T, in string, err error, fields []string, reports func(message, unknown string) bool) {
	t.Helper()
	probs := outcome.Problems(err)
	for i := 1; i < len(probs); i++ {
		if probs[i].Code == outcome.ErrInvalidJSON && probs[i-1].Code != outcome.ErrInvalidJSON {
			t.Fatalf("%s: a problem of the JSON form after another: %v", in, err)
		}
	}
	members, merr := strictjson.Members([]byte(in))
	for _, m := range members {
		unknown := "invalid JSON: unknown field " + strconv.Quote(msg.Clip(m.Key, msg.MaxQuoted))
		if merr == nil && strictjson.Field(fields, m.Key) < 0 &&
			!slices.ContainsFunc(probs, func(p *outcome.Error) bool { return reports(p.Message, unknown) }) {
			t.Fatalf("%s: the key %q that names no field is not reported: %v", in, m.Key, err)
		}
	}
}

// checkProblems fails t unless err is *outcome.Error values, each with a
// code and a message in this package's words: its prefix, and none of Go's
// or the decimal library's words ([msg.GoWords]: "Go struct field", "Go
// value of type", a Go type's name such as int64, "can't convert"); and
// in the module's shape ([checkShape]): one problem as itself, several
// joined one level deep.
func checkProblems(t listtest.TB, err error) {
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
	checkShape(t, err)
}

// FuzzCanvasJSON decodes arbitrary JSON as a canvas, and as a spec. It must
// never panic; a failure must be *outcome.Error values with codes, in this
// package's words ([checkProblems]), the same with the members of its
// objects in any order ([ordertest.Check]); a success must round-trip:
// marshal and decode again gives an equal canvas with the same warnings. A
// spec decodes whenever a canvas does, to the canvas's spec. The canvas
// and its round trip answer Importance and Share for each of their metrics
// what Metrics yields and what a scan of the metrics gives
// ([checkLookups]); a seed has more than fewMetrics metrics, which the
// canvas indexes.
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
	f.Add(`{"category":"a","name":"A","weight":"1","needs":[],"outcomes":[{"id":"o","name":"O","metrics":[]}]}`)
	f.Add(`{"outcomes":[{"metrics":[{"importance":true,"metric":"m","x":1}],"name":3,"id":"o"}],"colour":1,"name":7,"category":"c"}`)
	f.Add(`{"category":"a","name":"A","weight":"1","needs":[{"id":"n","statement":"s"}],"outcomes":[` +
		`{"id":"o","name":"O","metrics":[{"metric":"a","importance":"1"},{"metric":"b","importance":"2"},{"metric":"c","importance":"0"},` +
		`{"metric":"d","importance":"1"},{"metric":"e","importance":"1"},{"metric":"f","importance":"1"}]},` +
		`{"id":"p","name":"P","metrics":[{"metric":"a","importance":"3"},{"metric":"g","importance":"1"},{"metric":"h","importance":"1"},` +
		`{"metric":"i","importance":"1"},{"metric":"A","importance":"1"},{"metric":"j","importance":"1"},{"metric":"k","importance":"2"},` +
		`{"metric":"l","importance":"1"},{"metric":"m","importance":"1"},{"metric":"n","importance":"1"},{"metric":"o","importance":"1"},` +
		`{"metric":"p","importance":"1"}]}]}`)
	// Needs, outcomes and an outcome's metrics of an empty ID, or one with
	// white space around it, each listed twice: said once, then repeated.
	f.Add(`{"category":"a","name":"A","weight":"1","needs":[{"id":"","statement":"s"},{"id":" n","statement":"s"},` +
		`{"id":"","statement":"s"},{"id":" n","statement":"s"}],"outcomes":[{"id":"","name":"O","metrics":[` +
		`{"metric":"","importance":"1"},{"metric":" m","importance":"1"},{"metric":"","importance":"1"},{"metric":" m","importance":"1"}]},` +
		`{"id":"","name":"P","metrics":[{"metric":" m","importance":"1"}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		ordertest.Check(t, []byte(in), ordertest.Unmarshal[Canvas], Canvas.Equal)
		ordertest.Check(t, []byte(in), ordertest.Unmarshal[CanvasSpec], sameJSON[CanvasSpec])
		var spec CanvasSpec
		specErr := spec.UnmarshalJSON([]byte(in))
		if specErr != nil {
			checkProblems(t, specErr)
		} else {
			checkIDProblems(t, spec)
			// A draft reads back from what it writes (no null lists), and
			// writes the same again.
			out, err := json.Marshal(spec)
			if err != nil {
				t.Fatalf("marshal the spec: %v", err)
			}
			var back CanvasSpec
			if err := back.UnmarshalJSON(out); err != nil {
				t.Fatalf("decode of the spec's own output %s: %v", out, err)
			}
			if again, _ := json.Marshal(back); string(again) != string(out) {
				t.Fatalf("spec round trip: %s then %s", out, again)
			}
			// Each outcome on its own writes no null list either.
			for _, o := range spec.Outcomes {
				b, err := json.Marshal(o)
				if err != nil {
					t.Fatalf("marshal the outcome: %v", err)
				}
				if nulls, err := nulltest.Paths(b); err != nil || len(nulls) > 0 {
					t.Fatalf("nulls at %q (%v) in %s", nulls, err, b)
				}
			}
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
		checkLookups(t, c)
		checkLookups(t, back)
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

// checkIDProblems fails t unless NewCanvas(spec) reports, among its
// problems of the IDs of needs, outcomes and metrics ([outcome.ErrEmptyID],
// [outcome.ErrInvalidID], [outcome.ErrDuplicateID], with two IDs or more),
// exactly these, in this order (code, IDs and message), found by a search of the listings before
// each: need by need, a repeat for each need of the ID of one before it,
// else the problem of an ID [outcome.ValidateID] refuses; then outcome by
// outcome, the same of its ID among the outcomes', then of each of its
// metrics among its metrics'. So what is wrong with an ID is said once, at
// its first listing, and each later listing is a repeat, whatever the ID.
func checkIDProblems(t *testing.T, spec CanvasSpec) {
	t.Helper()
	cat := spec.Category
	var want []string
	said := func(p *outcome.Error) string { return fmt.Sprintf("%s %q %s", p.Code, p.IDs, p.Message) }
	listing := func(before bool, id string, ids []string, repeat string, where string, args ...any) {
		if before {
			want = append(want, said(newError(outcome.ErrDuplicateID, ids, "%s", repeat)))
		} else if err := checkID(id, ids, where, args...); err != nil {
			want = append(want, said(outcome.Problems(err)[0]))
		}
	}
	for j, n := range spec.Needs {
		before := slices.ContainsFunc(spec.Needs[:j], func(m Need) bool { return m.ID == n.ID })
		listing(before, n.ID, []string{cat, n.ID},
			"northstar: canvas "+quote(cat)+": duplicate need id "+quote(n.ID), "canvas %q: need id", clip(cat))
	}
	for j, o := range spec.Outcomes {
		before := slices.ContainsFunc(spec.Outcomes[:j], func(p SuccessfulOutcome) bool { return p.ID == o.ID })
		listing(before, o.ID, []string{cat, o.ID},
			"northstar: canvas "+quote(cat)+": duplicate outcome id "+quote(o.ID), "canvas %q: outcome id", clip(cat))
		for k, ind := range o.Indicators {
			before := slices.ContainsFunc(o.Indicators[:k], func(p Indicator) bool { return p.Metric == ind.Metric })
			listing(before, ind.Metric, []string{cat, o.ID, ind.Metric},
				"northstar: canvas "+quote(cat)+": outcome "+quote(o.ID)+" lists metric "+quote(ind.Metric)+" twice",
				"canvas %q: outcome %q: metric id", clip(cat), clip(o.ID))
		}
	}
	_, err := NewCanvas(spec)
	var got []string
	for _, p := range outcome.Problems(err) {
		if len(p.IDs) >= 2 && (p.Code == outcome.ErrEmptyID || p.Code == outcome.ErrInvalidID || p.Code == outcome.ErrDuplicateID) {
			got = append(got, said(p))
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("the IDs' problems:\n%q\nby a search of the listings before each:\n%q", got, want)
	}
}

// checkLookups fails t unless c's Importance and Share answer for each
// metric Metrics yields its importance, true, and the share a scan of the
// canvas's metrics gives ([bareScanShare]), and for the metric's ID with a
// NUL after it, which no metric's ID can be ([outcome.ValidateID]), zero,
// false and 0.
func checkLookups(t *testing.T, c Canvas) {
	t.Helper()
	for id, want := range c.Metrics() {
		imp, ok := c.Importance(id)
		if !ok || !imp.Equal(want) || c.Share(id) != bareScanShare(c, id) {
			t.Fatalf("metric %q: importance %s, %t (want %s), share %v (a scan gives %v)",
				id, imp, ok, want, c.Share(id), bareScanShare(c, id))
		}
		other := id + "\x00"
		if imp, ok := c.Importance(other); ok || !imp.IsZero() || c.Share(other) != 0 {
			t.Fatalf("metric %q, not on the canvas: importance %s, %t, share %v", other, imp, ok, c.Share(other))
		}
	}
}

// FuzzDecodeCanvases checks DecodeCanvases against Canvas.UnmarshalJSON on
// each element: it decodes a list exactly when every element is a canvas
// that decodes alone, to the same canvases (and to what json.Unmarshal
// gives), and otherwise reports each bad element's problems, under its
// index, in order, in this package's words ([checkProblems]), the same
// with the members of its objects in any order ([ordertest.Check]); a null
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
		ordertest.Check(t, []byte(in), DecodeCanvases, func(a, b []Canvas) bool { return slices.EqualFunc(a, b, Canvas.Equal) })
		listtest.Check(t, listtest.Decoder[Canvas]{
			Prefix:  "northstar: canvases",
			Null:    "a canvas cannot be null",
			List:    DecodeCanvases,
			Element: (*Canvas).UnmarshalJSON,
			Equal:   Canvas.Equal,
			Bare: func(m string) string {
				if b, ok := strings.CutPrefix(m, "northstar: "); ok {
					return b
				}
				return strings.TrimPrefix(m, "outcome: ")
			},
			Problems: checkProblems,
		}, in)
	})
}

// FuzzCanvasPartsMarshal builds a need, an outcome with two indicators and
// a canvas spec holding them from arbitrary text, valid UTF-8 or not, and
// checks each one's MarshalJSON: it writes the part exactly when every text
// of it is valid UTF-8, and what it writes reads back Equal; otherwise it
// returns one problem per text that is not (an outcome's metric ID listed
// twice, once), each an ErrInvalidText in this
// package's words ([checkProblems]), and encoding/json, writing the part's
// fields without the check, would have written JSON that reads back as
// another part (each bad byte written as U+FFFD).
func FuzzCanvasPartsMarshal(f *testing.F) {
	f.Add("guests", "Guests", "home", "a place", "caf\xe9", "stay", "m\xff", "")
	f.Add("g\xff", "", "", "\x80", "", "", "", "\xc3")
	f.Add("a", "b", "c", "d", "e", "f", "g", "h")
	f.Add("m\xff", "n", "h", "s", "t", "o", "m\xff", "d") // one metric listed twice
	f.Fuzz(func(t *testing.T, cat, name, needID, statement, target, outcomeID, metric, desc string) {
		need := Need{ID: needID, Statement: statement, Target: target, TimeBound: desc}
		oc := SuccessfulOutcome{ID: outcomeID, Name: name, Description: desc,
			Indicators: []Indicator{{Metric: metric, Importance: dec("1")}, {Metric: cat}}}
		spec := CanvasSpec{Category: cat, Name: name, Description: desc, Weight: dec("2"), Needs: []Need{need}, Outcomes: []SuccessfulOutcome{oc}}
		bad := func(texts ...string) int {
			n := 0
			for _, s := range texts {
				if !utf8.ValidString(s) {
					n++
				}
			}
			return n
		}
		needBad := bad(needID, statement, target, desc)
		// The outcome's second metric, cat, is said unless it repeats the
		// first: a metric ID is said once, at its first listing.
		outcomeBad := bad(outcomeID, name, desc, metric)
		if cat != metric {
			outcomeBad += bad(cat)
		}
		checkMarshalText(t, need, needBad, Need.Equal, oldNeed(need))
		checkMarshalText(t, oc, outcomeBad, SuccessfulOutcome.Equal, oldOutcomeOf(oc))
		checkMarshalText(t, oc.Indicators[0], bad(metric), Indicator.Equal, oldIndicator{metric, "1"})
		checkMarshalText(t, spec, bad(cat, name, desc)+needBad+outcomeBad, CanvasSpec.Equal, oldCanvas(spec))
	})
}

// checkMarshalText checks v's MarshalJSON for [FuzzCanvasPartsMarshal]:
// with bad texts not valid UTF-8, bad problems, each an ErrInvalidText, and
// plain, the fields as encoding/json writes them (unchecked, through the
// old forms of [TestCanvasParts_MarshalJSON_bytes]), not reading back Equal; with none, JSON that
// reads back Equal.
func checkMarshalText[T json.Marshaler, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, v T, bad int, equal func(a, b T) bool, plain any) {
	t.Helper()
	out, err := v.MarshalJSON()
	if bad == 0 {
		if err != nil {
			t.Fatalf("marshal %+v: %v", v, err)
		}
		var back T
		if err := P(&back).UnmarshalJSON(out); err != nil || !equal(v, back) {
			t.Fatalf("%s reads back as %+v (%v), not %+v", out, back, err, v)
		}
		return
	}
	if err == nil || out != nil {
		t.Fatalf("%+v, with %d texts not valid UTF-8, marshals: %s", v, bad, out)
	}
	checkProblems(t, err)
	probs := outcome.Problems(err)
	if len(probs) != bad {
		t.Fatalf("%d texts not valid UTF-8, %d problems: %v", bad, len(probs), err)
	}
	for _, p := range probs {
		if p.Code != outcome.ErrInvalidText || !strings.Contains(p.Message, "that is not valid UTF-8") {
			t.Fatalf("problem %v", p)
		}
	}
	written, err := json.Marshal(plain)
	if err != nil {
		t.Fatalf("plain marshal: %v", err)
	}
	var back T
	if P(&back).UnmarshalJSON(written) == nil && equal(v, back) {
		t.Fatalf("%+v, refused, would have read back Equal from %s", v, written)
	}
}
