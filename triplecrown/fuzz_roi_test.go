package triplecrown

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/outcome"
)

// FuzzNewROI: NewROI never panics; it refuses a spec with coded problems
// only, in the package's shape ([checkProblems]), and for a spec it accepts, the benefit is cost saved plus revenue
// gained, the net is the benefit minus the investment, exactly, and the
// ratio and the payback are those quotients, rounded half-even to four
// places, within half a unit of the last place (checked by multiplying
// back, so the check does not share the code under test's division).
func FuzzNewROI(f *testing.F) {
	f.Add("120000", "EUR", "300000", "EUR", "540000", "EUR", int64(36))
	f.Add("0", "EUR", "1", "EUR", "1", "EUR", int64(1))
	f.Add("-5", "USD", "1", "USD", "1", "GBP", int64(0))
	f.Add("1e-30", "JPY", "-1e30", "JPY", "", "", int64(-7))
	f.Add("99999999999999999999999", "EUR", "0.000000001", "EUR", "3", "EUR", int64(1<<62))
	f.Add("10", "USD", "1", "EUR", "2", "EUR", int64(3))
	f.Add("", "", "1", "EUR", "2", "USD", int64(3))
	f.Fuzz(func(t *testing.T, inv, invCur, saved, savedCur, gained, gainedCur string, periods int64) {
		money := func(amount, cur string) Money {
			if amount == "" && cur == "" {
				return Money{}
			}
			m, err := ParseMoney(amount, cur)
			if err != nil {
				t.Skip()
			}
			return m
		}
		spec := ROISpec{Investment: money(inv, invCur), CostSaved: money(saved, savedCur),
			RevenueGained: money(gained, gainedCur), Periods: periods}
		r, err := NewROI(spec)
		// Each part in another currency than the reference (the
		// investment's, or the first part's with one) is one mismatch that
		// names it, in the order of the fields.
		var wantMixed []string
		ref := spec.Investment.cur
		for _, p := range []struct {
			name string
			m    Money
		}{{"cost saved", spec.CostSaved}, {"revenue gained", spec.RevenueGained}} {
			switch {
			case p.m.cur.IsZero():
			case ref.IsZero():
				ref = p.m.cur
			case p.m.cur != ref:
				wantMixed = append(wantMixed, "triplecrown: ROI, "+p.name+": ")
			}
		}
		var mixed []string
		for _, p := range outcome.Problems(err) {
			if p.Code == ErrCurrencyMismatch {
				mixed = append(mixed, p.Message)
			}
		}
		if len(mixed) != len(wantMixed) {
			t.Fatalf("currency problems %q, want %d, naming %q", mixed, len(wantMixed), wantMixed)
		}
		for i := range mixed {
			if !strings.HasPrefix(mixed[i], wantMixed[i]) {
				t.Fatalf("currency problem %q does not name its part, %q", mixed[i], wantMixed[i])
			}
		}
		if err != nil {
			checkProblems(t, err) // one problem itself, several joined
			if !r.IsZero() {
				t.Fatal("an error with a non-zero ROI")
			}
			return
		}
		if spec.Investment.Sign() <= 0 || periods <= 0 {
			t.Fatalf("accepted investment %s over %d periods", spec.Investment, periods)
		}
		want := spec.CostSaved.amount.Add(spec.RevenueGained.amount)
		if !r.Benefit().amount.Equal(want) || r.Benefit().Currency() != spec.Investment.Currency() {
			t.Fatalf("benefit %s, want %s %s", r.Benefit(), want, spec.Investment.Currency())
		}
		if !r.Net().amount.Equal(want.Sub(spec.Investment.amount)) {
			t.Fatalf("net %s, want %s", r.Net(), want.Sub(spec.Investment.amount))
		}
		p := MustPrecision(4, outcome.RoundHalfEven)
		half := decimal.New(5, -5)
		within := func(q, num, den decimal.Decimal) bool {
			// |q*den - num| <= half * |den|, up to the rounding of q.
			return q.Mul(den).Sub(num).Abs().LessThanOrEqual(half.Mul(den.Abs()))
		}
		inv0 := spec.Investment.amount
		if q := r.Ratio(p); !within(q, r.Net().amount, inv0) {
			t.Fatalf("ratio %s is not net %s / investment %s", q, r.Net().amount, inv0)
		}
		pb, ok := r.Payback(p)
		if ok != (r.Benefit().Sign() > 0) {
			t.Fatalf("payback reported %v with benefit %s", ok, r.Benefit())
		}
		if ok && !within(pb, inv0.Mul(decimal.New(periods, 0)), r.Benefit().amount) {
			t.Fatalf("payback %s is not %s x %d / %s", pb, inv0, periods, r.Benefit().amount)
		}
	})
}

// FuzzROIJSON: decoding never panics, fails only with coded problems, the
// same with its members in any order ([checkOrderFree]), and what decodes
// marshals and decodes again to an equal ROI. An ROISpec reads as the ROI
// does ([checkSpecReadsAsDefinition]).
func FuzzROIJSON(f *testing.F) {
	f.Add(`{"investment":{"amount":"100000000","currency":"USD"},"revenueGained":{"amount":"700000000","currency":"USD"},"periods":36}`)
	f.Add(`{"investment":{"amount":"5","currency":"EUR"},"costSaved":{"amount":"-1e3","currency":"EUR"},"periods":1}`)
	f.Add(`{"periods":0}`)
	f.Add(`{"investment":{"amount":"5","currency":"EUR"},"periods":12,"x":1}`)
	f.Fuzz(func(t *testing.T, data string) {
		checkJSONRoundTrip[ROI](t, data, ROI.Equal)
		checkOrderFree(t, []byte(data), ROI.Equal)
		checkSpecReadsAsDefinition(t, data, (*ROI).UnmarshalJSON, ROI.Spec, ROISpec{Periods: -1}, ROISpec.Equal)
		var lenient roiSpecJSON
		if json.Unmarshal([]byte(data), &lenient) == nil {
			_, want := NewROI(ROISpec(lenient))
			checkMarshalReadsBack(t, ROISpec(lenient), ROISpec.MarshalJSON,
				func(s ROISpec) ([]byte, error) { return json.Marshal(roiSpecJSON(s)) }, want, ROISpec.Equal)
		}
	})
}

// FuzzRollupJSON: decoding a roll-up never panics, fails only with coded
// problems, the same with its members in any order ([checkOrderFree]),
// and what decodes has each "sd" as written
// ([checkFloatsAsWritten]) and marshals and decodes again to an equal
// roll-up, whose combination is written as its kebab-case token
// ("by-sample-size"), whether it was read so or as words ("by sample
// size").
func FuzzRollupJSON(f *testing.F) {
	card := `{"unit":"all","period":"2025","cost":{"baseline":{"amount":"10","currency":"EUR"},"actual":{"amount":"8","currency":"EUR"}},` +
		`"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"1","currency":"EUR"}},` +
		`"service":{"name":"fcr","direction":"higher-is-better","baseline":{"successes":78,"trials":100},"actual":{"successes":80,"trials":100}}}`
	f.Add(`{"scorecard":` + card + `,"units":["a","b"],"combination":"by sample size"}`)
	f.Add(`{"scorecard":` + card + `,"units":["a","a"],"combination":"by weight"}`)
	f.Add(`{"scorecard":` + card + `,"units":["b","a"],"combination":"By-Sample-Size"}`)
	f.Add(`{"units":[]}`)
	f.Add(`{"scorecard":null,"units":null,"combination":""}`)
	meanCard := strings.Replace(cardJSON, `"sd":1.2`, `"sd":1e-400`, 1)
	f.Add(`{"scorecard":` + meanCard + `,"units":["a"],"combination":"by sample size"}`)
	f.Fuzz(func(t *testing.T, data string) {
		checkJSONRoundTrip[Rollup](t, data, Rollup.Equal)
		checkOrderFree(t, []byte(data), Rollup.Equal)
		var r Rollup
		if r.UnmarshalJSON([]byte(data)) == nil {
			checkFloatsAsWritten(t, []byte(data), "sd")
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			var fields struct{ Combination string }
			if err := json.Unmarshal(b, &fields); err != nil ||
				fields.Combination != strings.ReplaceAll(r.Combination().String(), " ", "-") {
				t.Fatalf("combination %v written as %q in %s (%v)", r.Combination(), fields.Combination, b, err)
			}
		}
	})
}

// checkJSONRoundTrip decodes data as a T with its UnmarshalJSON: a failure
// must be coded problems in JSON's words only ([checkJSONProblems]), and a T that decodes must marshal and decode
// again to an equal T.
func checkJSONRoundTrip[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data string, equal func(T, T) bool) {
	t.Helper()
	var v T
	if err := PT(&v).UnmarshalJSON([]byte(data)); err != nil {
		checkJSONProblems(t, err)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil || !equal(back, v) {
		t.Fatalf("round trip of %s: %v", b, err)
	}
}

// FuzzContributionsJSON: decoding contributions never panics, fails only
// with coded problems in JSON's words ([checkJSONProblems]), the same with
// its members in any order ([checkOrderFree]), and what decodes marshals to
// JSON that decodes again and marshals to the same bytes.
func FuzzContributionsJSON(f *testing.F) {
	for _, places := range []int32{0, 1, 6} {
		c, err := NewContributions(Cost, []Scorecard{costCard("a", "1000", "700"), costCard("b", "500", "350"), costCard("c", "200", "250")}, places)
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`{"crown":"revenue","total":{"amount":"0","currency":"EUR"},"places":2,"sharesDefined":false,` +
		`"contributions":[{"unit":"a","amount":{"amount":"1","currency":"EUR"},"share":"0","detractor":false},` +
		`{"unit":"b","amount":{"amount":-1,"currency":"EUR"},"share":0,"detractor":true}]}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, data string) {
		checkOrderFree(t, []byte(data), sameContributions)
		var c Contributions
		if err := c.UnmarshalJSON([]byte(data)); err != nil {
			checkJSONProblems(t, err)
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Contributions
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if b2, err := json.Marshal(back); err != nil || string(b2) != string(b) {
			t.Fatalf("round trip of %s gave %s, %v", b, b2, err)
		}
	})
}
