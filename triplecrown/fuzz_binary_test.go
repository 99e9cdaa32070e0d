package triplecrown

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/binenc"
	"github.com/cxmodel/cx/internal/listtest"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// binarySeeds are the forms of the table tests, valid and not.
var binarySeeds = []string{
	"", "20", "20 45 55 52 03 06 01 e2 3a", "20 45 55 52 01 04 30 39", "20 45 55 52 00 00", "20 4a 50 59 00 03 07",
	"20 45 55 52 06 02 05", "20 45 55 52 00 12 05 6b c7 5e 2d 63 10 00 00", "21 45 55 52 00 00", "20 45 55",
	"20 45 55 52", "20 45 55 52 00 00 00", "20 45 55 52 00 01", "20 65 75 72 00 02 01", "20 45 55 52 3e 02 01",
	"21", "21 45 55 52 03 04 01 5e", "21 45 55 52 00 10 f9 cc d8 a1 c5 08 00 00", "21 45 55 52 00 11 f9 cc d8 a1 c5 08 00 00",
	"21 45 55 52 03", "21 00 00 00 00 00",
}

// checkProblems fails unless err is a non-empty tree of *outcome.Error in
// the package's shape: one problem is the *outcome.Error itself, not a
// joined error of one, and several are joined one level deep, each an
// *outcome.Error.
func checkProblems(t listtest.TB, err error) {
	t.Helper()
	ps := outcome.Problems(err)
	if len(ps) == 0 {
		t.Fatalf("error without an *outcome.Error: %v", err)
	}
	for _, p := range ps {
		if p.Code == "" || p.Message == "" {
			t.Fatalf("problem without code or message: %#v", p)
		}
	}
	if len(ps) == 1 {
		if p, ok := err.(*outcome.Error); !ok || p != ps[0] {
			t.Fatalf("one problem is %T, not the *outcome.Error itself: %v", err, err)
		}
		return
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok || len(joined.Unwrap()) != len(ps) {
		t.Fatalf("%d problems are not joined one level deep (%T): %v", len(ps), err, err)
	}
	for i, e := range joined.Unwrap() {
		if e != ps[i] {
			t.Fatalf("problem %d of the joined error is %T, not the *outcome.Error: %v", i, e, err)
		}
	}
}

// FuzzMoneyBinary: arbitrary bytes never panic; what decodes re-encodes to
// the same bytes and is what NewMoney makes of its amount and currency (the
// binary decoder accepts what NewMoney does); what does not is an
// *outcome.Error and leaves the Money unchanged.
func FuzzMoneyBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := MustMoney("1", "EUR")
		if err := m.UnmarshalBinary(data); err != nil {
			checkProblems(t, err)
			if !m.Equal(MustMoney("1", "EUR")) {
				t.Fatalf("changed on error: %s", m)
			}
			return
		}
		again, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x decoded to %s, which encodes to % x", data, m, again)
		}
		if m.IsZero() {
			return
		}
		n, err := NewMoney(m.Amount(), m.Currency().String())
		if err != nil || !n.Equal(m) || n.units != m.units || n.wide != m.wide {
			t.Fatalf("NewMoney(%s): %v, %#v", m, err, n)
		}
	})
}

// FuzzMoneySumBinary: arbitrary bytes never panic; what decodes re-encodes
// to the same bytes, and adding to it and merging it give what they give on
// the decoded total as a Money: the same sum, or for a sum beyond the
// bounds the same error, which leaves the sum unchanged.
func FuzzMoneySumBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s MoneySum
		if err := s.UnmarshalBinary(data); err != nil {
			checkProblems(t, err)
			if !s.IsZero() {
				t.Fatal("changed on error")
			}
			return
		}
		again, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x re-encodes to % x", data, again)
		}
		if s.IsZero() {
			return
		}
		total := s.Total()
		one := MustMoney("0.01", total.Currency().String())
		check := func(op string, got MoneySum, err error, want Money, wantErr error) {
			t.Helper()
			switch {
			case wantErr != nil:
				if !errors.Is(wantErr, ErrInvalidAmount) || !errors.Is(err, ErrInvalidAmount) || !got.Equal(s) {
					t.Fatalf("%s on %s: %v, %s; Money gives %v", op, total, err, got.Total(), wantErr)
				}
			case err != nil || !got.Total().Equal(want):
				t.Fatalf("%s on %s = %s, %v; want %s", op, total, got.Total(), err, want)
			}
		}
		want, wantErr := total.Add(one)
		plus := s
		err = plus.Add(one)
		check("+ 0.01", plus, err, want, wantErr)
		want, wantErr = total.Add(total)
		double := s
		err = double.Merge(s)
		check("× 2", double, err, want, wantErr)
	})
}

// cardSeeds returns the forms of a few scorecards and roll-ups of every
// service kind, for the fuzzers.
func cardSeeds(f *testing.F) [][]byte {
	var out [][]byte
	add := func(b []byte, err error) {
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	cards := []Scorecard{opsCard(), MustScorecard(spec("sales")), valueCard("index", "4.25", "120", "3.5", "0.5")}
	for _, c := range cards {
		add(c.MarshalBinary())
		r, err := NewRollup("all", []Scorecard{c})
		if err != nil {
			f.Fatal(err)
		}
		add(r.MarshalBinary())
	}
	out = append(out, unhex(f, "24"), unhex(f, measureForm("01 77 02 01 3b 02 01", "01 78 02 01 3c 02 01")))
	// Means whose sd is the smallest subnormal float64 and 0.
	sub := measureForm("03 00 02 01 02 01 00 00 00 00 00 00 00", "03 00 02 01 02 00 00 00 00 00 00 00 00")
	out = append(out, unhex(f, sub), unhex(f, "24 01 6e 01 01 61 01"+strings.TrimPrefix(sub, "23 03 6f 70 73")))
	// Means whose actual sd is 0, and -0, only its sign bit set: not the
	// form, which writes 0 (found by FuzzScorecardBinary: it decoded, and
	// re-encoded as 0).
	for _, last := range []string{"00", "80"} {
		form := measureForm("03 00 02 01 02 00 00 00 00 00 00 00 00", "03 00 02 01 02 00 00 00 00 00 00 00 "+last)
		out = append(out, unhex(f, form), unhex(f, "24 01 6e 01 01 61 01"+strings.TrimPrefix(form, "23 03 6f 70 73")))
	}
	// Fields that fail, under the unit "ops", an empty one and " ps", and
	// under roll-ups "n" and "": a currency "eUR" and a rate of 80 of 70
	// (each of whose problems carries the unit's ID: checkUnitIDs).
	bad := strings.Replace(strings.Replace(opsForm, "45 55 52", "65 55 52", 1), "02 50 64", "02 50 46", 1)
	for _, unit := range []string{"03 6f 70 73", "00", "03 20 70 73"} {
		out = append(out, unhex(f, strings.Replace(bad, "23 03 6f 70 73", "23 "+unit, 1)))
	}
	for _, head := range []string{"24 01 6e 01 01 61 01", "24 00 01 01 61 01"} {
		out = append(out, unhex(f, head+strings.TrimPrefix(bad, "23 03 6f 70 73")))
	}
	return out
}

// FuzzScorecardBinary: arbitrary bytes never panic; what decodes is a
// scorecard NewScorecard accepts, whose standard deviations are 0 or not
// below the smallest normal float64 (as JSON can write them:
// [checkSDsNormal]), re-encodes to the same bytes, is refused with its
// actual sd of 0 written as -0 ([checkNegativeZeroRefused]) and scores
// without panicking; what does not is an *outcome.Error, each of whose
// problems, if the form's unit was read, carries the unit's ID
// ([checkUnitIDs]).
func FuzzScorecardBinary(f *testing.F) {
	for _, b := range cardSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Scorecard
		if err := c.UnmarshalBinary(data); err != nil {
			checkProblems(t, err)
			checkUnitIDs(t, data, err, true)
			if !c.IsZero() {
				t.Fatal("changed on error")
			}
			return
		}
		again, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x re-encodes to % x", data, again)
		}
		checkSDsNormal(t, c)
		checkNegativeZeroRefused(t, data, c, func(b []byte) error { var c Scorecard; return c.UnmarshalBinary(b) })
		if _, err := NewScorecard(c.Spec()); err != nil {
			t.Fatalf("decoded a scorecard NewScorecard refuses: %v", err)
		}
		p := MustPolicy(PolicySpec{
			Cost:              MustThreshold(NewRelativeThreshold(decimal.New(2, -2))),
			SignificanceLevel: 0.05,
			Precision:         MustPrecision(4, outcome.RoundHalfEven),
		})
		if _, err := c.Score(p); err != nil {
			t.Fatalf("scoring a decoded scorecard: %v", err)
		}
		r, err := NewRollup("fuzz", []Scorecard{c})
		if errors.Is(err, ErrInvalidAmount) {
			// A roll-up's service totals (a mean times its sample size, or
			// a value times its weight) may pass the bounds every amount
			// the package returns keeps, and that is an error: seed
			// e32e8a399e5414d6.
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Merge(r); !errors.Is(err, outcome.ErrDuplicateID) {
			t.Fatalf("merging a roll-up with itself: %v", err)
		}
	})
}

// FuzzRollupBinary: arbitrary bytes never panic; what decodes has its
// standard deviations 0 or normal ([checkSDsNormal]), re-encodes to the
// same bytes, is refused with its actual sd of 0 written as -0
// ([checkNegativeZeroRefused]), merges with the zero Rollup to itself, and
// merges with itself and with a roll-up that was merged from it as
// [checkSelfMerges] says; what does not decode is *outcome.Error values,
// each, if the roll-up's unit was read, with the unit's ID among its IDs
// ([checkUnitIDs]).
func FuzzRollupBinary(f *testing.F) {
	for _, b := range cardSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Rollup
		if err := r.UnmarshalBinary(data); err != nil {
			checkProblems(t, err)
			checkUnitIDs(t, data, err, false)
			return
		}
		again, err := r.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x re-encodes to % x", data, again)
		}
		checkSDsNormal(t, r.Scorecard())
		if !r.IsZero() {
			checkNegativeZeroRefused(t, data, r.Scorecard(), func(b []byte) error { var r Rollup; return r.UnmarshalBinary(b) })
		}
		m, err := r.Merge(Rollup{})
		if err != nil || !m.Equal(r) {
			t.Fatalf("merge with the zero Rollup: %v", err)
		}
		if !r.IsZero() {
			checkSelfMerges(t, r)
		}
	})
}

// checkUnitIDs checks the problems err of data, the form of a scorecard
// (card) or of a roll-up, that is not one of the form
// ([outcome.ErrInvalidBinary]): the unit, which follows the format byte, was
// read, and every problem carries its ID, first among its IDs for a
// scorecard (as the JSON decoder gives them), among them for a roll-up (a
// unit rolled up twice is that unit's problem first), but for a unit that
// is empty, which is no ID (no problem has the ID ""), and the problem of
// a unit that is blank, which ValidateID reports with no ID.
func checkUnitIDs(t *testing.T, data []byte, err error, card bool) {
	t.Helper()
	if errors.Is(err, outcome.ErrInvalidBinary) {
		return
	}
	r := binenc.NewReader(data)
	r.Byte()
	unit := r.String(false)
	if r.Err() != nil {
		t.Fatalf("% x: the unit did not read, but the error is not %s: %v", data, outcome.ErrInvalidBinary, err)
	}
	for _, p := range outcome.Problems(err) {
		switch {
		case slices.Contains(p.IDs, ""):
			t.Fatalf("% x: a problem with the ID \"\": %v", data, p)
		case unit == "" || errors.Is(p, outcome.ErrEmptyID) && strings.TrimSpace(unit) == "" && len(p.IDs) == 0:
		case card && (len(p.IDs) == 0 || p.IDs[0] != unit):
			t.Fatalf("% x: a problem of unit %q with IDs %q: %v", data, unit, p.IDs, p)
		case !card && !slices.Contains(p.IDs, unit):
			t.Fatalf("% x: a problem of roll-up %q with IDs %q: %v", data, unit, p.IDs, p)
		}
	}
}

// checkSDsNormal fails t unless each standard deviation of c's service
// measures is 0 or at least 2^-1022, the smallest normal float64, in
// magnitude: a subnormal one, which JSON would write as a number no decoder
// reads as written ("5e-324"), is refused by every decoder.
func checkSDsNormal(t *testing.T, c Scorecard) {
	t.Helper()
	for _, m := range []Measure{c.Service().Baseline, c.Service().Actual} {
		if sd := m.SD(); sd != 0 && math.Abs(sd) < 0x1p-1022 {
			t.Fatalf("decoded an sd of %v, subnormal", sd)
		}
	}
}

// checkNegativeZeroRefused checks that the form data of a valid scorecard
// c (or of a roll-up whose scorecard it is), whose actual service measure
// is a mean with an sd of 0, written last as eight zero bytes, is refused
// with that sd's sign bit set, -0, by decode, as not the form
// ([outcome.ErrInvalidBinary]) alone: no measure writes -0.
func checkNegativeZeroRefused(t *testing.T, data []byte, c Scorecard, decode func([]byte) error) {
	t.Helper()
	if m := c.Service().Actual; m.Kind() != MeanMeasure || m.SD() != 0 {
		return
	}
	neg := bytes.Clone(data)
	neg[len(neg)-1] = 0x80
	err := decode(neg)
	if ps := outcome.Problems(err); len(ps) != 1 || !errors.Is(err, outcome.ErrInvalidBinary) ||
		!strings.HasSuffix(err.Error(), "actual service standard deviation: not in canonical form: negative zero") {
		t.Fatalf("% x with an actual sd of -0: %v", data, err)
	}
}

// checkSelfMerges checks the merges of a valid roll-up r with itself: r
// with r is an [outcome.ErrDuplicateID] for each of its units, in order,
// naming it and r's unit twice. With extra, r's scorecard for a unit r does
// not have, m = r.Merge(extra), if it is within the bounds, has r's units
// then extra's, and is the tip of a new list (unitList), so that merging r
// into it (appending, not copying) gives the same errors as r with r, and
// merging extra into it one for extra's unit alone; m is then unchanged.
func checkSelfMerges(t *testing.T, r Rollup) {
	t.Helper()
	_, selfErr := r.Merge(r)
	probs := outcome.Problems(selfErr)
	if len(probs) != len(r.units) {
		t.Fatalf("r with r: %d problems for %d units: %v", len(probs), len(r.units), selfErr)
	}
	unit := r.card.spec.Unit
	for i, p := range probs {
		if !errors.Is(p, outcome.ErrDuplicateID) || !slices.Equal(p.IDs, []string{r.units[i], unit, unit}) {
			t.Fatalf("r with r, problem %d: %v %q", i, p, p.IDs)
		}
	}
	id := "extra"
	for slices.Contains(r.units, id) {
		id += "-"
	}
	spec := r.card.spec
	spec.Unit = id
	extra, err := NewRollup(unit, []Scorecard{{spec: spec}})
	if err != nil {
		// A roll-up's service totals may pass the bounds (see
		// FuzzScorecardBinary).
		if !errors.Is(err, ErrInvalidAmount) {
			t.Fatal(err)
		}
		return
	}
	m, err := r.Merge(extra)
	if err != nil {
		checkProblems(t, err) // sums twice r's, beyond the bounds
		return
	}
	form, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if m.list == nil || m.list.n != len(r.units)+1 || !slices.Equal(m.Units(), append(r.Units(), id)) {
		t.Fatalf("r with extra: units %q", m.Units())
	}
	if _, err := m.Merge(r); err == nil || err.Error() != selfErr.Error() {
		t.Fatalf("r into r with extra: %v, not %v", err, selfErr)
	}
	_, err = m.Merge(extra)
	if probs := outcome.Problems(err); len(probs) != 1 || !slices.Equal(probs[0].IDs, []string{id, unit, unit}) {
		t.Fatalf("extra into r with extra: %v", err)
	}
	if again, err := m.MarshalBinary(); err != nil || !bytes.Equal(again, form) || m.list.n != len(r.units)+1 {
		t.Fatalf("failed merges changed r with extra: %v", err)
	}
}

// FuzzMoneySumJSON: arbitrary JSON never panics; what decodes is a sum
// whose JSON decodes to an equal sum with the same JSON, and agrees with the
// binary form; what does not is *outcome.Error values in JSON's words
// ([checkJSONProblems]) and leaves the sum unchanged.
func FuzzMoneySumJSON(f *testing.F) {
	for _, s := range []string{`{}`, `{"amount":"1234.50","currency":"EUR"}`, `{"amount":12.5,"currency":"USD"}`,
		`{"amount":"-0.000","currency":"JPY"}`, `{"amount":"9999999999999999999999999999999999999999e30","currency":"EUR"}`,
		`null`, `{"amount":"1"}`, `{"currency":"EUR"}`, `{"amount":"1","currency":"EUR","x":1}`, `[]`, `{ }`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var s MoneySum
		if err := s.UnmarshalJSON(data); err != nil {
			checkJSONProblems(t, err)
			if !s.IsZero() {
				t.Fatal("changed on error")
			}
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back MoneySum
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s does not decode: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !back.Equal(s) || !bytes.Equal(again, out) {
			t.Fatalf("%s -> %s -> %s", data, out, again)
		}
		bin, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var fromBin MoneySum
		if err := fromBin.UnmarshalBinary(bin); err != nil || !fromBin.Equal(s) {
			t.Fatalf("binary form of %s: %v", out, err)
		}
	})
}
