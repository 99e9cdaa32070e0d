package northstar

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/ordertest"
)

// rankingJSONEqual reports whether a and b are the same ranking: whether
// both marshal, to the same JSON (every field of a ranking is in its JSON,
// and MarshalJSON writes the same ranking the same way).
func rankingJSONEqual(a, b Ranking) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// rankingSame reports whether a and b are the same ranking both by
// Ranking.Equal, either way, and as JSON ([rankingJSONEqual]).
func rankingSame(a, b Ranking) bool {
	return a.Equal(b) && b.Equal(a) && rankingJSONEqual(a, b)
}

// checkPartsReadBack fails t unless each part of r that reads back from JSON
// on its own (an entry, a score, an input metric, the robustness) is Equal
// to itself marshalled and read back.
func checkPartsReadBack(t *testing.T, r Ranking) {
	t.Helper()
	check := func(what string, v any, back json.Unmarshaler, equal func() bool) {
		data, err := json.Marshal(v)
		if err == nil {
			err = back.UnmarshalJSON(data)
		}
		if err != nil || !equal() {
			t.Fatalf("%s read back as another (%v): %s", what, err, data)
		}
	}
	for i, e := range r.Entries {
		var eb Entry
		check("entry "+strconv.Itoa(i), e, &eb, func() bool { return e.Equal(eb) && eb.Equal(e) })
		for j, s := range e.Scores {
			var sb Score
			check("a score of entry "+strconv.Itoa(i)+", "+strconv.Itoa(j), s, &sb, func() bool { return s.Equal(sb) && sb.Equal(s) })
		}
	}
	for i, m := range r.InputMetrics {
		var mb InputMetric
		check("input metric "+strconv.Itoa(i), m, &mb, func() bool { return m.Equal(mb) && mb.Equal(m) })
	}
	var rb Robustness
	check("robustness", r.Robustness, &rb, func() bool { return r.Robustness.Equal(rb) && rb.Equal(r.Robustness) })
}

// FuzzRankingJSON decodes any text as a ranking, seeded with the rankings
// of leadInput (lead/lag evidence) and centreInput (gates failed, links,
// nodes, input metrics, warnings) and with copies that have problems at
// several depths, and checks what Ranking.UnmarshalJSON promises: the same
// problems in the same order, or an equal value, with the members of every
// object reversed (ordertest.Check); every problem an *outcome.Error in the
// package's words, those of the JSON form before those of the values
// (unless the text is not one object: one problem), a problem for each
// key of the ranking that names no field; a failed decode leaves the
// ranking as it was; and what decodes marshals, to JSON that decodes to an
// equal ranking, both as JSON and by Equal (both ways; two rankings that
// read from the same text, its members in any order, are Equal too), with
// each entry, score, input metric and the robustness read back alone Equal
// to its own; a ranking with one entry more, or with its first entry's rank
// changed, is not Equal.
func FuzzRankingJSON(f *testing.F) {
	for _, in := range []Input{leadInput(), centreInput()} {
		r, err := Select(in)
		if err != nil {
			f.Fatal(err)
		}
		data, err := json.Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		good := string(data)
		f.Add(good)
		f.Add(strings.NewReplacer(`"maxLag":1,`, `"maxLag":-1,"q":1,`, `"rank":2`, `"rank":"2"`, `"criterion":"lead"`, `"criterion":"leed"`,
			`"entries":[`, `"zz":null,"entries":[`).Replace(good))
		f.Add(strings.NewReplacer(`"total":`, `"total":1e-400,"total":`, `"policy":{`, `"policy":{"x":1,`, `"eligible":true`, `"eligible":null`,
			`"pairs":`, `"pairs":"`).Replace(good))
		f.Add(strings.Replace(good, `"scores":[`, `"scores":null,"Scores":[`, 1))
		f.Add(strings.Replace(good, `"criterion":"reach"`, `"criterion":"beauty"`, 1)) // a problem of the values alone
		// Lists that read back empty where they were nil, or nil where they
		// were empty (Equal takes them for the same): an input metric's null
		// nodes, which marshal as [], and empty changes, which are left out.
		f.Add(strings.NewReplacer(`"nodes":["diagnose"]`, `"nodes":null`, `"robustness":{"runnerUp":"nights-booked"`,
			`"robustness":{"changes":[],"runnerUp":"nights-booked"`).Replace(good))
	}
	f.Add(`null`)
	f.Add(`{"entries":null,"policy":{"weights":{"lead":"1"}},"robustness":{"changes":[{"criterion":"x","from":1e-400}]}}`)
	f.Add(`{"entries":[{"metric":{"id":"m"},"evidence":[{"leadLag":{"maxLag":0}}]}],"inputMetrics":[{"nodes":null}],"warnings":[{}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		ordertest.Check(t, []byte(in), ordertest.Unmarshal[Ranking], rankingSame)
		before := Ranking{Policy: DefaultPolicy(), Robustness: Robustness{RunnerUp: "x", Margin: 0.5}, Entries: []Entry{{Rank: 7}}}
		r := before
		if err := r.UnmarshalJSON([]byte(in)); err != nil {
			checkProblems(t, err)
			if r.Robustness.RunnerUp != "x" || len(r.Entries) != 1 || r.Entries[0].Rank != 7 || r.Warnings != nil || r.InputMetrics != nil ||
				!r.Policy.Equal(before.Policy) {
				t.Fatalf("%s: a failed decode changed the ranking", in)
			}
			checkFormFirst(t, in, err, "northstar: ranking: ", rankingFields)
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%s decodes, and does not marshal: %v", in, err)
		}
		var back Ranking
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("%s decodes and marshals to %s, which does not decode: %v", in, out, err)
		}
		if !rankingSame(r, back) {
			t.Fatalf("%s decodes and marshals to %s, which decodes to another ranking", in, out)
		}
		checkPartsReadBack(t, r)
		more := r
		more.Entries = append(slices.Clone(r.Entries), Entry{})
		if r.Equal(more) || more.Equal(r) {
			t.Fatalf("%s: a ranking with one entry more is Equal", in)
		}
		if len(r.Entries) > 0 {
			other := r
			other.Entries = slices.Clone(r.Entries)
			other.Entries[0].Rank++
			if r.Equal(other) || other.Equal(r) {
				t.Fatalf("%s: a ranking with another rank is Equal", in)
			}
		}
	})
}
