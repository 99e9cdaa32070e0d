package triplecrown_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// contactCentreChannels returns a contact centre's five channel teams for
// one year, each with a plain satisfaction index (no sample, weight 1) as
// its service measure.
func contactCentreChannels() []triplecrown.Scorecard {
	mk := func(unit, c0, c1, r0, r1, s0, s1 string) triplecrown.Scorecard {
		return triplecrown.MustScorecard(triplecrown.ScorecardSpec{
			Unit: unit, Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur(c0), Actual: eur(c1)},
			Revenue: triplecrown.Amounts{Baseline: eur(r0), Actual: eur(r1)},
			Service: triplecrown.ServiceSpec{Name: "satisfaction index", Direction: outcome.HigherIsBetter,
				Baseline: must(triplecrown.NewValue(decimal.RequireFromString(s0))),
				Actual:   must(triplecrown.NewValue(decimal.RequireFromString(s1)))},
		})
	}
	return []triplecrown.Scorecard{
		mk("inbound", "1000000", "900000", "500000", "550000", "7.0", "7.7"),
		mk("chat", "300000", "280000", "0", "0", "8.0", "8.8"),
		mk("email", "200000", "190000", "0", "0", "6.0", "6.1"),
		mk("back-office", "400000", "401000", "0", "0", "7.0", "7.0"),
		mk("outbound", "300000", "360000", "800000", "900000", "6.5", "6.5"),
	}
}

// Each verdict asks for a different conversation. Under the usual policy
// (2% for money, 5% for service), the contact centre's channels get five
// of the six:
//
//   - inbound: cost -10%, satisfaction +10%, revenue +10%: triple crown;
//   - chat: cost -6.67%, satisfaction +10%, no revenue: double crown;
//   - email: cost -5%, satisfaction +1.67% (within 5%): single crown;
//   - back office: cost +0.25% (within 2%), nothing else moved: no crown;
//   - outbound: revenue +12.5% bought with cost +20%: a trade-off, which
//     outranks the one crown won.
//
// A sixth team, field service, won nothing and lost two crowns (cost +15%,
// satisfaction 7.0 -> 6.0, -14.3%): it lost ground, which is not the same
// as the back office's standing still.
func ExampleVerdict() {
	fieldService := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "field-service", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("200000"), Actual: eur("230000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{Name: "satisfaction index", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewValue(decimal.RequireFromString("7.0"))),
			Actual:   must(triplecrown.NewValue(decimal.RequireFromString("6.0")))},
	})
	for _, card := range append(contactCentreChannels(), fieldService) {
		s, err := card.Score(policy())
		if err != nil {
			fmt.Println(err)
			return
		}
		var action string
		switch s.Verdict() {
		case triplecrown.TripleCrown:
			action = "share how it was done"
		case triplecrown.DoubleCrown:
			action = "look for the third crown"
		case triplecrown.SingleCrown:
			action = "one crown: ask what held the others back"
		case triplecrown.NoCrown:
			action = "nothing moved"
		case triplecrown.TradeOff:
			action = "review: a crown won by losing another"
		case triplecrown.LostGround:
			action = "find out what went wrong"
		}
		fmt.Printf("%-14s %-13s %s\n", s.Unit(), s.Verdict(), action)
	}
	fmt.Println("trade-off is a valid verdict:", triplecrown.TradeOff.IsValid(), "| the zero Verdict is:", triplecrown.Verdict(0).IsValid())
	// Output:
	// inbound        triple crown  share how it was done
	// chat           double crown  look for the third crown
	// email          single crown  one crown: ask what held the others back
	// back-office    no crown      nothing moved
	// outbound       trade-off     review: a crown won by losing another
	// field-service  lost ground   find out what went wrong
	// trade-off is a valid verdict: true | the zero Verdict is: false
}

// A dashboard colours each crown by its status, read back from a stored
// report as text. Text that names no status is an error with code
// ErrUnknownStatus, and the zero Status is not valid; nor is the zero
// Crown, unlike Service.
func ExampleStatus() {
	for _, text := range []string{"won", "lost", "flat", "Inconclusive", "green"} {
		st, err := triplecrown.ParseStatus(text)
		if errors.Is(err, triplecrown.ErrUnknownStatus) {
			fmt.Println(err)
			continue
		}
		switch st {
		case triplecrown.Won:
			fmt.Println(st, "green")
		case triplecrown.Lost:
			fmt.Println(st, "red")
		case triplecrown.Flat:
			fmt.Println(st, "grey")
		case triplecrown.Inconclusive:
			fmt.Println(st, "amber: may be noise, wait for more data")
		}
	}
	fmt.Println("valid: won", triplecrown.Won.IsValid(), "| the zero Status", triplecrown.Status(0).IsValid(),
		"| service", triplecrown.Service.IsValid(), "| the zero Crown", triplecrown.Crown(0).IsValid())
	// Output:
	// won green
	// lost red
	// flat grey
	// inconclusive amber: may be noise, wait for more data
	// triplecrown: unknown crown status "green"
	// valid: won true | the zero Status false | service true | the zero Crown false
}

// The channels' satisfaction indexes are plain values, so the contact
// centre's roll-up weighs them ByWeight (1 each, NewValue's weight): (7.0 +
// 8.0 + 6.0 + 7.0 + 6.5) / 5 = 6.9 before, (7.7 + 8.8 + 6.1 + 7.0 + 6.5) /
// 5 = 7.22 after, +4.64%, within 5%: flat. Cost fell from 2,200,000 to
// 2,131,000 EUR (-3.14%) and revenue rose from 1,300,000 to 1,450,000
// (+11.54%): a double crown for the whole, with outbound's trade-off inside
// it. The departments' resolution rates carry samples, so theirs roll up
// BySampleSize. A combination reads back from text; the zero Combination
// and the zero Rollup are not valid.
func ExampleCombination() {
	centre, err := triplecrown.NewRollup("contact-centre", contactCentreChannels())
	if err != nil {
		fmt.Println(err)
		return
	}
	rd := triplecrown.MustPrecision(4, outcome.RoundHalfEven)
	svc := centre.Scorecard().Service()
	fmt.Println(centre.Combination(), svc.Baseline.Value(rd), "->", svc.Actual.Value(rd))
	s, _ := centre.Scorecard().Score(policy())
	fmt.Println(s.Reason())

	company, _ := triplecrown.NewRollup("enterprise", departments())
	fmt.Println("the departments' resolution rates:", company.Combination(),
		"| BySampleSize:", company.Combination() == triplecrown.BySampleSize)

	c, err := triplecrown.ParseCombination("By-Weight")
	fmt.Println("read from \"By-Weight\":", c, "| ByWeight:", c == triplecrown.ByWeight, "| valid:", c.IsValid(), "|", err)
	_, err = triplecrown.ParseCombination("by headcount")
	fmt.Println("\"by headcount\":", errors.Is(err, triplecrown.ErrUnknownCombination), err)
	fmt.Println("zero Combination valid:", triplecrown.Combination(0).IsValid(),
		"| zero Rollup:", triplecrown.Rollup{}.IsZero(), "| the centre's roll-up zero:", centre.IsZero())
	// Output:
	// by weight 6.9 -> 7.22
	// double crown: cost and revenue won, service flat
	// the departments' resolution rates: by sample size | BySampleSize: true
	// read from "By-Weight": by weight | ByWeight: true | valid: true | <nil>
	// "by headcount": true triplecrown: unknown service combination "by headcount" (want by-sample-size or by-weight)
	// zero Combination valid: false | zero Rollup: true | the centre's roll-up zero: false
}
