package outcome_test

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/outcome"
)

// auditFuzzPortfolio builds a portfolio from fuzz bytes, two bytes a metric:
// the first picks the ID (one of 8, so that IDs repeat), the level and
// whether it is rewarded; the second picks the name, and 0xFF makes a zero
// Metric.
func auditFuzzPortfolio(data []byte, name string) []outcome.Metric {
	// The names the fuzzer picks from; the empty slot takes the fuzzed name.
	// First contact resolution, last, is a customer outcome by the
	// catalogue.
	names := [...]string{"Calls handled", "AHT", "Average handle time", "Revenue", auditWidget, auditJoy, "", "First contact resolution"}
	var ms []outcome.Metric
	for i := 0; i+1 < len(data); i += 2 {
		a, b := data[i], data[i+1]
		if b == 0xFF {
			ms = append(ms, outcome.Metric{})
			continue
		}
		n := names[int(b)%len(names)]
		if n == "" {
			n = name
		}
		if strings.TrimSpace(n) == "" || !utf8.ValidString(n) {
			// NewMetric refuses such names; the audit never sees them.
			n = auditWidget
		}
		level := outcome.Level(a%5 + 1)
		spec := outcome.MetricSpec{ID: fmt.Sprintf("m%d", a>>5), Name: n, Level: level,
			Direction: outcome.HigherIsBetter, Rewarded: a&0x08 != 0}
		if level == outcome.BusinessOutcome {
			spec.Kind = outcome.Cost
		}
		ms = append(ms, outcome.MustMetric(spec))
	}
	return ms
}

// FuzzAudit checks that Audit never panics, refuses exactly the invalid
// thresholds and zero metrics, and that its report agrees with an
// independent count: counts sum to the total, shares are within rounding of
// the exact fractions, output-heavy fires exactly when count/total reaches the
// threshold (computed with big.Rat), and the report does not depend on the
// order of the input.
func FuzzAudit(f *testing.F) {
	seeds := []struct {
		data      []byte
		name      string
		threshold float64
	}{
		{nil, "", 0.8},
		{nil, "", math.NaN()},
		{[]byte{0x0A, 0x00, 0x2A, 0x01, 0x43, 0x03}, "", 0.8}, // rewarded outputs and revenue
		{[]byte{0x02, 0x00, 0x22, 0x00, 0x42, 0x00, 0x03, 0x03}, "", 0.75},
		{[]byte{0x02, 0x00, 0x02, 0x00, 0x04, 0x01}, "", 0},       // duplicates, threshold 0
		{[]byte{0x04, 0x01, 0x00, 0x06}, "Net Promoter Score", 1}, // a contradiction, a fuzzed name
		{[]byte{0x02, 0xFF, 0x04, 0x05}, "", 0.8},                 // a zero Metric
		{[]byte{0x02, 0x00}, "", math.Inf(1)},
		{[]byte{0x02, 0x00}, "", -0.1},
		{[]byte{0x02, 0x00}, "", 1.5},
		{[]byte{0x02, 0x00, 0x04, 0x04, 0x04, 0x04}, "", 1.0 / 3}, // 1 of 3 at a third
		{[]byte{0x02, 0x00, 0x23, 0x06}, "\xff\xfe", 0.5},
		// Rewarded outputs declared outcomes: AHT a customer outcome, calls
		// handled a business outcome; revenue declared a customer outcome.
		{[]byte{0x0E, 0x01, 0x0D, 0x00, 0x04, 0x03}, "", 0.8},
		{[]byte{0x0E, 0x01, 0x2E, 0x02, 0x44, 0x04}, "", 0.8}, // and a customer outcome that counts
		// First contact resolution declared a rewarded output, and a
		// business outcome: no rewarded output, and a customer outcome.
		{[]byte{0x0A, 0x07, 0x23, 0x07, 0x43, 0x01}, "", 0.8},
	}
	for _, s := range seeds {
		f.Add(s.data, s.name, s.threshold)
	}
	f.Fuzz(func(t *testing.T, data []byte, name string, threshold float64) {
		if len(data) > 4096 {
			data = data[:4096]
		}
		ms := auditFuzzPortfolio(data, name)
		opts := outcome.AuditOptions{}.WithOutputHeavyThreshold(threshold)
		r, err := outcome.Audit(ms, opts)

		badThreshold := math.IsNaN(threshold) || math.IsInf(threshold, 0) || threshold < 0 || threshold > 1
		hasZero := slices.ContainsFunc(ms, outcome.Metric.IsZero)
		if badThreshold != errors.Is(err, outcome.ErrInvalidThreshold) {
			t.Fatalf("threshold %v: err = %v", threshold, err)
		}
		if hasZero != errors.Is(err, outcome.ErrEmptyID) {
			t.Fatalf("zero metric %v: err = %v", hasZero, err)
		}
		if err != nil {
			if !badThreshold && !hasZero {
				t.Fatalf("unexpected error %v", err)
			}
			if !r.IsZero() {
				t.Fatal("a report with an error")
			}
			return
		}

		// An independent count. Levels are counted as declared; the red
		// flags go by the catalogue's level where it knows the name, else
		// by the declared one: a rewarded metric is an output if that level
		// is output-side, and a metric measures a customer outcome if it
		// is a customer outcome. noted counts the summary's figures (output
		// side, business outcomes, customer outcomes) some of whose
		// metrics the catalogue classifies outside them.
		var counts [6]int
		rewarded, disguised, customer := 0, 0, 0
		var rewardedIDs, notCustomerIDs []string
		var outside [3]int
		for _, m := range ms {
			counts[m.Level()]++
			c := outcome.Classify(m.Name())
			level := m.Level()
			if c.Known() {
				level = c.Level
			}
			if m.Rewarded() && level <= outcome.Output {
				rewarded++
				rewardedIDs = append(rewardedIDs, m.ID())
				if m.Level() > outcome.Output {
					disguised++
				}
			}
			if level == outcome.CustomerOutcome {
				customer++
			}
			if m.Level() == outcome.CustomerOutcome && level != outcome.CustomerOutcome {
				notCustomerIDs = append(notCustomerIDs, m.ID())
			}
			figure := func(l outcome.Level) int { return max(0, int(l)-int(outcome.Output)) }
			if figure(m.Level()) != figure(level) {
				outside[figure(m.Level())]++
			}
		}
		noted := 0
		for _, n := range outside {
			noted += auditB2I(n > 0)
		}
		slices.Sort(rewardedIDs)
		slices.Sort(notCustomerIDs)
		total := len(ms)
		outputSide := counts[outcome.Task] + counts[outcome.Activity] + counts[outcome.Output]
		if r.Total() != total || r.OutputSideCount() != outputSide || r.OutcomeCount() != total-outputSide ||
			r.RewardedOutputCount() != rewarded {
			t.Fatalf("counts: total %d, output side %d, outcomes %d, rewarded %d",
				r.Total(), r.OutputSideCount(), r.OutcomeCount(), r.RewardedOutputCount())
		}
		for l := range outcome.Levels() {
			if r.Count(l) != counts[l] {
				t.Fatalf("count of %s = %d, want %d", l, r.Count(l), counts[l])
			}
			auditCheckShare(t, r.Share(l).String(), counts[l], total)
		}
		auditCheckShare(t, r.OutputSideShare().String(), outputSide, total)
		auditCheckShare(t, r.OutcomeShare().String(), total-outputSide, total)

		// Output-heavy, exactly: outputSide/total >= the threshold's decimal.
		thr, ok := new(big.Rat).SetString(strconv.FormatFloat(threshold, 'g', -1, 64))
		if !ok {
			t.Fatalf("threshold %v", threshold)
		}
		wantHeavy := total > 0 && outputSide > 0 && big.NewRat(int64(outputSide), int64(total)).Cmp(thr) >= 0
		if r.Has(outcome.CodeOutputHeavy) != wantHeavy {
			t.Fatalf("output-heavy = %v, want %v (%d of %d at %v)", !wantHeavy, wantHeavy, outputSide, total, threshold)
		}
		if r.Has(outcome.CodeEmptyPortfolio) != (total == 0) {
			t.Fatal("empty-portfolio")
		}
		if r.Has(outcome.CodeNoCustomerOutcomeMeasure) != (total > 0 && customer == 0) {
			t.Fatalf("no-customer-outcome-measure = %v, with %d customer outcomes that count", !(customer == 0), customer)
		}

		auditCheckOrder(t, r.Findings())
		var gotRewarded []string
		for _, f := range r.Findings() {
			if !f.Severity().IsValid() || f.Message() == "" || !slices.IsSorted(f.IDs()) {
				t.Fatalf("bad finding %v", f)
			}
			switch f.Code() {
			case outcome.CodeRewardedOutput:
				// A disguised output carries the classification that makes
				// it one, and its message says so.
				gotRewarded = append(gotRewarded, f.IDs()[0])
				m, c := f.Metric(), f.Catalogue()
				if m.IsOutcome() != c.Known() || c.Known() && (c != outcome.Classify(m.Name()) || c.Level.IsOutcome() ||
					!strings.Contains(f.Message(), "but the catalogue, after the method, classifies")) {
					t.Fatalf("rewarded output %v carries %v", m.Spec(), c)
				}
			case outcome.CodeNoCustomerOutcomeMeasure:
				if !slices.Equal(f.IDs(), notCustomerIDs) || f.Count() != len(notCustomerIDs) {
					t.Fatalf("no-customer-outcome-measure names %v (%d), want %v", f.IDs(), f.Count(), notCustomerIDs)
				}
				if len(notCustomerIDs) > 0 && !strings.Contains(f.Message(), "declared one but") {
					t.Fatalf("no-customer-outcome-measure does not say why: %s", f.Message())
				}
				// And why as data: a known classification at another level
				// for each metric listed.
				cs := f.Catalogues()
				if len(cs) != len(notCustomerIDs) {
					t.Fatalf("no-customer-outcome-measure carries %d classifications for %v", len(cs), notCustomerIDs)
				}
				for _, c := range cs {
					if !c.Known() || c.Level == outcome.CustomerOutcome {
						t.Fatalf("no-customer-outcome-measure carries %v", c)
					}
				}
			}
		}
		if !slices.Equal(gotRewarded, rewardedIDs) {
			t.Fatalf("rewarded-output findings %v, want %v", gotRewarded, rewardedIDs)
		}
		s := r.Summary()
		if (disguised > 0) != (strings.Contains(s, "declared an outcome.") || strings.Contains(s, "declared outcomes.")) {
			t.Fatalf("summary %q, with %d rewarded outputs declared outcomes", s, disguised)
		}
		customerNoted := strings.Contains(s, "customer outcome (as declared;") || strings.Contains(s, "customer outcomes (as declared;")
		if strings.Count(s, "(as declared; the catalogue classifies") != noted || (len(notCustomerIDs) > 0) != customerNoted {
			t.Fatalf("summary %q, with %d figures noted and %d declared customer outcomes that do not count",
				s, noted, len(notCustomerIDs))
		}

		b, err := json.Marshal(r)
		if err != nil || !json.Valid(b) {
			t.Fatalf("JSON: %v", err)
		}

		// Order independence.
		rev := slices.Clone(ms)
		slices.Reverse(rev)
		r2, err := outcome.Audit(rev, opts)
		if err != nil || !r.Equal(r2) {
			t.Fatalf("reversed input: %v, equal %v", err, r.Equal(r2))
		}
	})
}

// auditCheckShare checks that a share is count/total, exactly or within half
// a unit of the 4th place.
func auditCheckShare(t *testing.T, share string, count, total int) {
	t.Helper()
	got, ok := new(big.Rat).SetString(share)
	if !ok {
		t.Fatalf("share %q", share)
	}
	want := new(big.Rat)
	if total > 0 {
		want.SetFrac64(int64(count), int64(total))
	}
	diff := new(big.Rat).Sub(got, want)
	if diff.Abs(diff).Cmp(big.NewRat(1, 20000)) > 0 {
		t.Fatalf("share %s of %d/%d is off by %s", share, count, total, diff.FloatString(8))
	}
}

// auditCheckOrder checks the documented order of findings: by severity, most
// serious first; then by code; then by IDs; then by the metric's definition.
func auditCheckOrder(t *testing.T, fs []outcome.Finding) {
	t.Helper()
	for i := 1; i < len(fs); i++ {
		a, b := fs[i-1], fs[i]
		c := cmp.Or(
			cmp.Compare(b.Severity(), a.Severity()),
			strings.Compare(string(a.Code()), string(b.Code())),
			slices.Compare(a.IDs(), b.IDs()),
			auditCompareSpecs(a.Metric().Spec(), b.Metric().Spec()),
		)
		if c > 0 {
			t.Fatalf("findings %d and %d out of order:\n%v\n%v", i-1, i, a, b)
		}
	}
}

// auditCompareSpecs orders definitions field by field, as the audit
// documents for findings that share their IDs.
func auditCompareSpecs(x, y outcome.MetricSpec) int {
	return cmp.Or(
		strings.Compare(x.ID, y.ID),
		strings.Compare(x.Name, y.Name),
		cmp.Compare(x.Level, y.Level),
		cmp.Compare(x.Direction, y.Direction),
		cmp.Compare(x.Kind, y.Kind),
		strings.Compare(x.Unit, y.Unit),
		strings.Compare(x.Owner, y.Owner),
		cmp.Compare(auditB2I(x.Rewarded), auditB2I(y.Rewarded)),
		strings.Compare(x.Description, y.Description),
	)
}

func auditB2I(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzAuditOptionsJSON checks that decoding options never panics, leaves
// them unchanged on error, accepts only options Audit accepts, with the
// threshold strconv.ParseFloat reads from the number or the string, written
// in [0, 1] (compared in big.Rat when its exponent is short enough to), and
// that what it accepts round-trips; JSON null, for the options or as a
// value inside them, is refused ([fuzzNullRefused]); the same data with its
// members in any order decodes alike ([ordertest.Check]).
func FuzzAuditOptionsJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"outputHeavyThreshold":"0.5"}`, `{"outputHeavyThreshold":0.5}`, `{"outputHeavyThreshold":"-0"}`,
		`{"outputHeavyThreshold":1.5}`, `{"outputHeavyThreshold":"1e400"}`, `{"outputHeavyThreshold":"80%","threshold":0.5}`,
		`{"outputHeavyThreshold":"-0.1","OutputHeavyThreshold":0.5}`, `{"outputHeavyThreshold":null}`, `null`, `[0.5]`,
		`{"outputHeavyThreshold":"5e-324"}`, `{"outputHeavyThreshold":1e-400}`, `{"outputHeavyThreshold":"NaN"}`,
		`{"outputHeavyThreshold":"0x1p-1"}`, `{"outputHeavyThreshold":" 0.5"}`, `{"outputHeavyThreshold":true}`,
		`{"outputHeavyThreshold":"1.0000000000000000001"}`, `{"outputHeavyThreshold":-1e-400}`, `{"outputHeavyThreshold":"100e-2"}`,
	} {
		f.Add([]byte(s))
	}
	start := outcome.AuditOptions{}.WithOutputHeavyThreshold(0.7)
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[outcome.AuditOptions], func(a, b outcome.AuditOptions) bool { return reflect.DeepEqual(a, b) })
		got := start
		err := got.UnmarshalJSON(data)
		fuzzNullRefused(t, data, err)
		if err != nil {
			if got != start || len(outcome.Problems(err)) == 0 {
				t.Fatalf("%q: changed to %v, or not an *outcome.Error: %v", data, got.OutputHeavyThreshold(), err)
			}
			for _, p := range outcome.Problems(err) {
				if w := msg.GoWords(p.Message); w != "" {
					t.Fatalf("%q: message in Go's words (%q): %q", data, w, p.Message)
				}
			}
			return
		}
		var members map[string]json.RawMessage
		if err := json.Unmarshal(data, &members); err != nil || len(members) > 1 {
			t.Fatalf("%q: decoded, but is not an object of at most one member: %v", data, err)
		}
		want := outcome.AuditOptions{}
		for _, raw := range members { // its key names the field, as encoding/json matches keys
			text := string(raw)
			_ = json.Unmarshal(raw, &text) // a string's content, if it is one
			v, err := strconv.ParseFloat(text, 64)
			if err != nil {
				t.Fatalf("%q: decoded a threshold ParseFloat refuses: %v", data, err)
			}
			if i := strings.IndexAny(text, "eE"); i < 0 || len(text)-i < 6 {
				if r, ok := new(big.Rat).SetString(text); !ok || r.Sign() < 0 || r.Cmp(big.NewRat(1, 1)) > 0 {
					t.Fatalf("%q: decoded a threshold written outside [0, 1]", data)
				}
			}
			want = want.WithOutputHeavyThreshold(v)
		}
		if got != want {
			t.Fatalf("%q: decoded threshold %v, want %v", data, got.OutputHeavyThreshold(), want.OutputHeavyThreshold())
		}
		if _, err := outcome.Audit(nil, got); err != nil {
			t.Fatalf("%q: decoded options Audit refuses: %v", data, err)
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		var back outcome.AuditOptions
		if err := json.Unmarshal(out, &back); err != nil || back != got {
			t.Fatalf("%q -> %s -> %v, %v", data, out, back.OutputHeavyThreshold(), err)
		}
	})
}
