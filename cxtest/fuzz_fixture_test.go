package cxtest

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// levelToken writes a level as the fixtures read it.
func levelToken(l outcome.Level) string {
	b, err := l.MarshalText()
	if err != nil {
		panic(err)
	}
	return string(b)
}

// renderHierarchy writes m as a hierarchy fixture: each node, then each link,
// both ends with their levels.
func renderHierarchy(m hierarchy.Model) string {
	var b strings.Builder
	for n := range m.Nodes() {
		fmt.Fprintf(&b, "%s:%s", levelToken(n.Level), n.ID)
		if n.Name != "" {
			fmt.Fprintf(&b, " %s", strconv.Quote(n.Name))
		}
		b.WriteString("\n")
	}
	for l := range m.Links() {
		from, _ := m.Node(l.From)
		to, _ := m.Node(l.To)
		fmt.Fprintf(&b, "%s:%s -[%s]-> %s:%s\n", levelToken(from.Level), l.From, l.Weight, levelToken(to.Level), l.To)
	}
	return b.String()
}

// FuzzHierarchy checks that parsing a hierarchy fixture never panics, that a
// fixture that parses, written out again, parses to the same model, and that
// every check of a hierarchy refuses the model with [ErrEmptyHierarchy]
// exactly when it has no nodes.
func FuzzHierarchy(f *testing.F) {
	for _, s := range []string{
		contactCentre, aligned, "task:a -[x]-> activity:b", "task:a -[0.5 activity:b", `task:a "A -> activity:b`,
		`task:a "A" "B"`, "task:a ->", "task:a b -> activity:c", "task: -> activity:c", "output:o -> task:t",
		"task:t -[-1]-> activity:a", `sco:joy "The joy of the new car"`, "# comment\n\ntask:a -> b\nactivity:b",
		"task:a:b -> activity:c:d", "-[", "->", `"`, "task:a -[1e-7]-> activity:b", "", "# nothing",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m, err := parseHierarchy(nil, []string{text})
		checkJoinedOnce(t, text, err)
		if err != nil {
			return
		}
		again, err := parseHierarchy(nil, []string{renderHierarchy(m)})
		if err != nil {
			t.Fatalf("%q parses, but not as written out: %v\n%s", text, err, renderHierarchy(m))
		}
		if !again.Equal(m) {
			t.Fatalf("%q parses to another model when written out:\n%s", text, renderHierarchy(m))
		}
		// A node has a line of sight to itself: the first, or any ID of
		// the empty model.
		first := "none"
		for n := range m.Nodes() {
			first = n.ID
			break
		}
		for i, err := range []error{
			CheckAligned(m),
			CheckLineOfSight(m, first, first),
			CheckNoUnsupportedOutcomes(m),
			CheckNoRewardedOrphanOutputs(m, nil),
			CheckRewardedKPIsAligned(m, nil),
		} {
			if errors.Is(err, ErrEmptyHierarchy) != m.IsZero() {
				t.Fatalf("%q: check %d on a model of %d nodes: %v", text, i, m.Len(), err)
			}
			checkJoinedOnce(t, text, err)
		}
	})
}

// renderMetric writes a metric as a metrics fixture line.
func renderMetric(m outcome.Metric) string {
	dir := "higher"
	if m.Direction() == outcome.LowerIsBetter {
		dir = "lower"
	}
	s := fmt.Sprintf("%s:%s %s %s owner=%s unit=%s", levelToken(m.Level()), m.ID(), strconv.Quote(m.Name()), dir,
		strconv.Quote(m.Owner()), strconv.Quote(m.Unit()))
	if m.Kind() != 0 {
		s += " " + m.Kind().String()
	}
	if m.Rewarded() {
		s += " rewarded"
	}
	return s
}

// FuzzMetrics checks that parsing a metrics fixture never panics, and that
// the metrics that parse, written out again, parse to the same metrics.
func FuzzMetrics(f *testing.F) {
	for _, s := range []string{
		portfolio, `output:aht "Average handle time" rewarded owner="North team" unit=seconds`, "bo:revenue",
		"bo:fines compliance lower", "aht", "outputs-ish:aht", "output:aht bonus", `output:aht "Average`,
		`output:aht owner="a"b`, "bo:uplift", "output:calls revenue", `output:x ""`, "sco:a:b up", `output:aht "A"rewarded`,
		"output:aht lower higher owner=a owner=b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms, err := parseMetrics([]string{text})
		checkJoinedOnce(t, text, err)
		if err != nil {
			return
		}
		lines := make([]string, len(ms))
		for i, m := range ms {
			lines[i] = renderMetric(m)
		}
		again, err := parseMetrics(lines)
		if err != nil {
			t.Fatalf("%q parses, but not as written out: %v\n%s", text, err, strings.Join(lines, "\n"))
		}
		for i := range ms {
			if !again[i].Equal(ms[i]) {
				t.Fatalf("%q: metric %d is %+v written out, %+v before", text, i, again[i].Spec(), ms[i].Spec())
			}
		}
	})
}

// checkSDsAsWritten fails t unless the standard deviations of c, parsed
// from text, are as written: each mean's sd is 0 only if every sd the
// measures' text writes (each "sd" token's next) is zero, and otherwise 0
// or not below the smallest normal float64, 2^-1022. Whether an sd is
// written as zero is read by the decimal package, not as the fixture reads
// it.
func checkSDsAsWritten(t *testing.T, text string, c triplecrown.Scorecard) {
	t.Helper()
	written := false // some sd is written as a number that is not zero
	for _, l := range clauses([]string{text})[1:] {
		key, value, _ := strings.Cut(l.text, ":")
		if key = strings.TrimSpace(key); key == "cost" || key == "revenue" {
			continue
		}
		f := strings.Fields(value)
		for i := 0; i+1 < len(f); i++ {
			if d, err := decimal.NewFromString(f[i+1]); f[i] == "sd" && err == nil && !d.IsZero() {
				written = true
			}
		}
	}
	sds := 0 // the sds that are not zero
	for _, m := range []triplecrown.Measure{c.Service().Baseline, c.Service().Actual} {
		if sd := m.SD(); sd != 0 {
			sds++
			if math.Abs(sd) < 0x1p-1022 {
				t.Fatalf("%q: an sd of %v, subnormal", text, sd)
			}
		}
	}
	if written && sds == 0 {
		t.Fatalf("%q: an sd written as a number that is not zero reads as 0", text)
	}
}

// FuzzScorecard checks that parsing a scorecard fixture never panics and
// gives a valid scorecard, whose standard deviations are as written
// ([checkSDsAsWritten]), or an error.
func FuzzScorecard(f *testing.F) {
	for _, s := range []string{
		"front-line 2025\ncost: 6200000 -> 5700000 EUR\nrevenue: 1800000 -> 2050000 EUR\nsolved (higher, %): 6900/10000 -> 7800/10000",
		"support 2025-Q2 \"Customer support\"; cost: 1 -> 1 EUR; revenue: 0 -> 0 EUR; time (lower, hours): 30 sd 6.5 n 300 -> 24 sd 5 n 310",
		"support", "support 2025 name", "support 2025; cost: 1 -> one EUR", "x (up): 1/x -> y", "x (up): 5/4 -> 1/4",
		"s 1; cost: 1 -> 1 EUR; revenue: 1 -> 1 USD; x (up): 1 -> 1", ";;", "a b; (:", "a b; x (): 1 -> 1",
		"s 1; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; t (lower): 3 sd 1e-400 n 3 -> 2 sd 0 n 3",
		"s 1; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; t (lower): 3 sd 1e-320 n 3 -> 2 sd 0.0e-400 n 3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseScorecard([]string{text})
		checkJoinedOnce(t, text, err)
		if err == nil && c.IsZero() {
			t.Fatalf("%q: the zero Scorecard without an error", text)
		}
		if err == nil {
			checkSDsAsWritten(t, text, c)
		}
	})
}

// FuzzPolicy checks that parsing a policy fixture never panics and gives a
// valid policy, whose significance level is not below the smallest normal
// float64, 2^-1022 (it is never 0), or an error.
func FuzzPolicy(f *testing.F) {
	for _, s := range []string{
		"", "cost 2%, service 0.5; revenue 10000 EUR", "significance 0.01, places 2, rounding half-up", "costs 2%",
		"cost x%", "cost 5 eur", "cost 150%", "places 99", "service 5 EUR", "significance NaN", "cost any", "cost 2%, cost 50%",
		"significance 1e-400", "significance 1e-320", "significance -1e-400", "significance 2.2250738585072014e-308",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p, err := parsePolicy([]string{text})
		checkJoinedOnce(t, text, err)
		if err == nil && p.IsZero() {
			t.Fatalf("%q: the zero Policy without an error", text)
		}
		if err == nil && p.SignificanceLevel() < 0x1p-1022 {
			t.Fatalf("%q: a significance level of %v", text, p.SignificanceLevel())
		}
	})
}

// checkJoinedOnce fails t unless err, the error of a fixture or a check on
// text, has the module's shape: nil, one problem as itself (not a joined
// error of one), or two or more joined one level deep (none of the joined
// errors joins others as errors.Join does; a line's error that wraps its
// amounts' join is one problem, with text of its own).
func checkJoinedOnce(t *testing.T, text string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if _, one := err.(*outcome.Error); one {
		return
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return
	}
	if es := j.Unwrap(); len(es) < 2 {
		t.Fatalf("%q: %d problems joined: %v", text, len(es), err)
	}
	for i, e := range j.Unwrap() {
		if n := len(problems(e)); n != 1 {
			t.Fatalf("%q: joined error %d joins %d others: %v", text, i, n, err)
		}
	}
}
