package triplecrown

import (
	"fmt"
	"testing"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// FuzzScorecardJSON_everyProblemOfTheForm writes a valid scorecard, and the
// roll-up of it, with some values of the wrong type (every string and
// integer of the scorecard, its money and its rate measures, the roll-up's
// units and combination) and some unknown fields (at the top, in money and
// in a measure), and checks that decoding never stops at the first: one
// invalid-json problem for each, and no other problem (a part that did not
// read is not also missing); with nothing spoiled, both decode. A spoiled
// value is {} where the spoiler gives null: null is of the wrong type for a
// scorecard's and a roll-up's own strings, but money's currency that is null
// is missing (ErrMissingMoney) and a measure's count that is null a
// measure's problem (ErrInvalidMeasure), neither a problem of the form,
// while {} is of the wrong type for a string and a number alike.
func FuzzScorecardJSON_everyProblemOfTheForm(f *testing.F) {
	f.Add([]byte{0}, uint8(0))
	f.Add([]byte{0xff, 0xff, 0xff}, uint8(0xff))
	f.Add([]byte{0x92, 0x49, 0x24}, uint8(0x5a))
	f.Fuzz(func(t *testing.T, bits []byte, extra uint8) {
		s := spoil.Spoiler{Bits: bits}
		unknown := 0
		// more returns an unknown member to add, if bit k of extra is set.
		more := func(k int) string {
			if extra&(1<<k) == 0 {
				return ""
			}
			unknown++
			return fmt.Sprintf(`,"x%d":1`, k)
		}
		val := func(good string) string {
			if v := s.Value(good, false); v != "null" {
				return v
			}
			return "{}"
		}
		str := func(v string) string { return val(fmt.Sprintf("%q", v)) }
		money := func(amount string, k int) string {
			return `{"amount":"` + amount + `","currency":` + str("EUR") + more(k) + `}`
		}
		rate := func(succ int, k int) string {
			return fmt.Sprintf(`{"successes":%s,"trials":%s%s}`, val(fmt.Sprint(succ)), val("1000"), more(k))
		}
		card := `{"unit":` + str("u") + `,"name":` + str("U") + `,"period":` + str("2025") +
			`,"cost":{"baseline":` + money("100", 0) + `,"actual":` + money("90", 1) + `}` +
			`,"revenue":{"baseline":` + money("100", 2) + `,"actual":` + money("110", 3) + `}` +
			`,"service":{"name":` + str("s") + `,"unit":` + str("%") + `,"direction":` + str("higher-is-better") +
			`,"baseline":` + rate(700, 4) + `,"actual":` + rate(780, 5) + more(6) + `}` + more(7) + `}`
		cardSpoiled := s.Spoiled() + unknown

		check := func(what string, in string, want int, err error) {
			t.Helper()
			ps := outcome.Problems(err)
			for _, p := range ps {
				if p.Code != outcome.ErrInvalidJSON {
					t.Fatalf("%s: a problem beyond the form's: %v\n%s", what, p, in)
				}
			}
			if len(ps) != want {
				t.Fatalf("%s: %d problems for %d spoiled values and unknown fields: %s\n%v", what, len(ps), want, in, err)
			}
		}
		var c Scorecard
		check("scorecard", card, cardSpoiled, c.UnmarshalJSON([]byte(card)))

		rollup := `{"scorecard":` + card + `,"units":[` + str("a") + `,` + str("b") + `],"combination":` + str("by sample size") + `}`
		var r Rollup
		check("roll-up", rollup, s.Spoiled()+unknown, r.UnmarshalJSON([]byte(rollup)))
		if cardSpoiled > 0 && !c.IsZero() {
			t.Fatalf("a scorecard with problems decoded: %s", card)
		}
	})
}

// FuzzContributionsJSON_everyProblemOfTheForm writes valid contributions
// (a saved 300 EUR and b 100 EUR of a total of 400 EUR: 75% and 25%) with
// some values of the wrong type (the crown, the total's and each amount's
// currency, the places, the flag, each contribution's unit, share and
// detractor) and some unknown fields (at the top, in the total, in each
// contribution and its amount), and checks that decoding reports one
// invalid-json problem for each and no other (what did not read is neither
// missing nor checked); with nothing spoiled, the contributions decode. A
// spoiled currency is {} where the spoiler gives null, which money reads as
// missing ([Money.UnmarshalJSON]).
func FuzzContributionsJSON_everyProblemOfTheForm(f *testing.F) {
	f.Add([]byte{0}, uint16(0))
	f.Add([]byte{0xff, 0xff}, uint16(0xffff))
	f.Add([]byte{0x92, 0x49}, uint16(0x5a5a))
	f.Fuzz(func(t *testing.T, bits []byte, extra uint16) {
		s := spoil.Spoiler{Bits: bits}
		unknown := 0
		// more returns an unknown member to add, if bit k of extra is set.
		more := func(k int) string {
			if extra&(1<<k) == 0 {
				return ""
			}
			unknown++
			return fmt.Sprintf(`,"x%d":1`, k)
		}
		cur := func() string {
			if v := s.Value(`"EUR"`, true); v != "null" {
				return v
			}
			return "{}"
		}
		money := func(amount string, k int) string {
			return `{"amount":"` + amount + `","currency":` + cur() + more(k) + `}`
		}
		item := func(unit, amount, share string, k int) string {
			return `{"unit":` + s.Value(`"`+unit+`"`, true) + `,"amount":` + money(amount, k) + `,"share":` + s.Value(`"`+share+`"`, false) +
				`,"detractor":` + s.Value("false", true) + more(k+1) + `}`
		}
		in := `{"crown":` + s.Value(`"cost"`, true) + `,"total":` + money("400", 0) + `,"places":` + s.Value("0", false) +
			`,"sharesDefined":` + s.Value("true", true) + `,"contributions":[` + item("a", "300", "75", 1) + `,` + item("b", "100", "25", 3) + `]` +
			more(5) + `}`
		var c Contributions
		err := c.UnmarshalJSON([]byte(in))
		ps := outcome.Problems(err)
		for _, p := range ps {
			if p.Code != outcome.ErrInvalidJSON {
				t.Fatalf("a problem beyond the form's: %v\n%s", p, in)
			}
		}
		if want := s.Spoiled() + unknown; len(ps) != want {
			t.Fatalf("%d problems for %d spoiled values and unknown fields: %s\n%v", len(ps), want, in, err)
		}
		if len(ps) == 0 && c.Total().String() != "400 EUR" {
			t.Fatalf("%s decoded to a total of %s", in, c.Total())
		}
	})
}
