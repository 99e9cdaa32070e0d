package triplecrown_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// contactCentreTeams returns a contact centre's four teams for one year:
// their cost, the revenue of the paid support plans they sell, and the share
// of contacts resolved at the first attempt.
func contactCentreTeams() []triplecrown.Scorecard {
	mk := func(unit, c0, c1, r0, r1 string, s0, s1, n int64) triplecrown.Scorecard {
		return triplecrown.MustScorecard(triplecrown.ScorecardSpec{
			Unit: unit, Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur(c0), Actual: eur(c1)},
			Revenue: triplecrown.Amounts{Baseline: eur(r0), Actual: eur(r1)},
			Service: triplecrown.ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
				Baseline: must(triplecrown.NewRate(s0, n)), Actual: must(triplecrown.NewRate(s1, n))},
		})
	}
	return []triplecrown.Scorecard{
		mk("inbound", "1000000", "940000", "200000", "210000", 7000, 7400, 10000),
		mk("chat", "300000", "270000", "0", "0", 2400, 2600, 3000),
		mk("outbound", "400000", "430000", "500000", "490000", 900, 880, 1200),
		mk("back-office", "500000", "485000", "0", "0", 1500, 1560, 2000),
	}
}

// "Everyone becomes accountable for demonstrating their substantial triple
// crown contribution": each team's part of the contact centre's cost
// saving. Inbound saved 60,000 EUR, chat 30,000 and back office 15,000;
// outbound overspent by 30,000. The total is 60,000 + 30,000 - 30,000 +
// 15,000 = 75,000 EUR, so the shares are 80%, 40%, -40% and 20%: they add
// up to 100, and outbound is listed, as a detractor, not hidden.
//
// Revenue from support plans grew by 10,000 EUR in inbound and fell by as
// much in outbound: the total growth is zero, so no share of it is defined
// (each is 0), but the detractor is still named.
//
// Shares are rounded to at most MaxSharePlaces places.
func ExampleContributions() {
	teams := contactCentreTeams()
	cost, err := triplecrown.NewContributions(triplecrown.Cost, teams, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s saved: %s by %d teams, shares defined %t\n",
		cost.Crown(), cost.Total(), cost.Len(), cost.SharesDefined())
	for it := range cost.All() {
		mark := ""
		if it.Detractor() {
			mark = " (detractor)"
		}
		fmt.Printf("  %-12s %10s %6s%%%s\n", it.Unit(), it.Amount(), it.Share().StringFixed(cost.Places()), mark)
	}

	revenue, _ := triplecrown.NewContributions(triplecrown.Revenue, teams, 1)
	var detractors []string
	for _, it := range revenue.Detractors() {
		detractors = append(detractors, it.Unit()+" "+it.Amount().String())
	}
	fmt.Printf("%s grew: %s, shares defined %t, detractors: %s\n",
		revenue.Crown(), revenue.Total(), revenue.SharesDefined(), strings.Join(detractors, ", "))

	_, err = triplecrown.NewContributions(triplecrown.Cost, teams, triplecrown.MaxSharePlaces+1)
	fmt.Println("shares to MaxSharePlaces+1 places are invalid-places:", errors.Is(err, outcome.ErrInvalidPlaces),
		"| cost contributions are zero:", cost.IsZero(), "| the zero Contributions are:", triplecrown.Contributions{}.IsZero())
	// Output:
	// cost saved: 75000 EUR by 4 teams, shares defined true
	//   inbound       60000 EUR   80.0%
	//   chat          30000 EUR   40.0%
	//   outbound     -30000 EUR  -40.0% (detractor)
	//   back-office   15000 EUR   20.0%
	// revenue grew: 0 EUR, shares defined false, detractors: outbound -10000 EUR
	// shares to MaxSharePlaces+1 places are invalid-places: true | cost contributions are zero: false | the zero Contributions are: true
}
