package main

import (
	"fmt"
	"io"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// departments are the contact centre's units, each scored on the cost of
// delivery, a service measure of its own and the revenue it brings or keeps,
// for the year before (baseline) and the year of the change (actual).
func departments() ([]triplecrown.Scorecard, error) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate := func(s, n int64) triplecrown.Measure {
		m, err := triplecrown.NewRate(s, n)
		if err != nil {
			panic(err) // the data below is fixed and valid
		}
		return m
	}
	specs := []triplecrown.ScorecardSpec{
		{
			// Solving problems at the first contact removed failure demand:
			// fewer repeat calls cost less, and kept customers.
			Unit: "front-line", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("6200000"), Actual: eur("5700000")},
			Revenue: triplecrown.Amounts{Baseline: eur("1800000"), Actual: eur("2050000")},
			Service: triplecrown.ServiceSpec{Name: "problems solved at first contact", Direction: outcome.HigherIsBetter,
				Baseline: rate(6900, 10000), Actual: rate(7800, 10000)},
		},
		{
			// Billing rewrote its bills in plain words: fewer disputes,
			// and the ones left are settled on the first call.
			Unit: "billing", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("1500000"), Actual: eur("1420000")},
			Revenue: triplecrown.Amounts{Baseline: eur("400000"), Actual: eur("430000")},
			Service: triplecrown.ServiceSpec{Name: "problems solved at first contact", Direction: outcome.HigherIsBetter,
				Baseline: rate(2600, 4000), Actual: rate(2900, 4000)},
		},
		{
			// Retention bought its revenue with a bigger team and discounts,
			// and solved no more problems than before: a trade-off.
			Unit: "retention", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("900000"), Actual: eur("1050000")},
			Revenue: triplecrown.Amounts{Baseline: eur("3100000"), Actual: eur("3350000")},
			Service: triplecrown.ServiceSpec{Name: "problems solved at first contact", Direction: outcome.HigherIsBetter,
				Baseline: rate(820, 1200), Actual: rate(850, 1250)},
		},
	}
	cards := make([]triplecrown.Scorecard, 0, len(specs))
	for _, s := range specs {
		c, err := triplecrown.NewScorecard(s)
		if err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}
	return cards, nil
}

// scoringPolicy counts a change of 2% in any crown as substantial, asks a
// sampled service change to be significant at the 5% level, and shows
// ratios to four places.
func scoringPolicy() (triplecrown.Policy, error) {
	return triplecrown.NewPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		Service:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		Revenue:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		SignificanceLevel: 0.05,
		Precision:         triplecrown.MustPrecision(4, outcome.RoundHalfEven),
	})
}

// crownReview is what the review says of the triple crown, in the text
// report and in the Markdown one.
type crownReview struct {
	scores        []triplecrown.Score         // each department's, in order
	whole         triplecrown.Score           // the whole centre's
	combination   triplecrown.Combination     // how the roll-up combined the service measures
	contributions []triplecrown.Contributions // to the cost crown, then to the revenue crown
}

// reviewCrowns scores each department, rolls them up to the contact centre,
// and works out each one's contribution to the savings and the growth.
func reviewCrowns() (crownReview, error) {
	cards, err := departments()
	if err != nil {
		return crownReview{}, err
	}
	policy, err := scoringPolicy()
	if err != nil {
		return crownReview{}, err
	}
	var r crownReview
	for _, c := range cards {
		s, err := c.Score(policy)
		if err != nil {
			return crownReview{}, err
		}
		r.scores = append(r.scores, s)
	}
	total, err := triplecrown.NewRollup("contact-centre", cards)
	if err != nil {
		return crownReview{}, err
	}
	if r.whole, err = total.Scorecard().Score(policy); err != nil {
		return crownReview{}, err
	}
	r.combination = total.Combination()
	for _, crown := range []triplecrown.Crown{triplecrown.Cost, triplecrown.Revenue} {
		contrib, err := triplecrown.NewContributions(crown, cards, 0)
		if err != nil {
			return crownReview{}, err
		}
		r.contributions = append(r.contributions, contrib)
	}
	return r, nil
}

// crownReasons are the reasons of a score's three crowns, in crown order.
func crownReasons(s triplecrown.Score) []string {
	var out []string
	for cs := range s.All() {
		out = append(out, cs.Reason())
	}
	return out
}

// tripleCrownPart scores each department, rolls them up to the contact
// centre, and shows each one's contribution to the savings and the growth.
func tripleCrownPart(w io.Writer) error {
	tripleCrownHead.text(w)
	r, err := reviewCrowns()
	if err != nil {
		return err
	}
	reasons := func(s triplecrown.Score) {
		for _, reason := range crownReasons(s) {
			fmt.Fprintf(w, "     - %s\n", reason)
		}
	}
	for _, s := range r.scores {
		fmt.Fprintf(w, "\n   %s: %s\n", s.Unit(), s.Reason())
		reasons(s)
	}
	fmt.Fprintf(w, "\n   The whole centre (%s): %s\n", r.combination, r.whole.Reason())
	reasons(r.whole)
	for _, contrib := range r.contributions {
		fmt.Fprintf(w, "\n   Contributions to the %s crown (total %s):\n", contrib.Crown(), contrib.Total())
		for c := range contrib.All() {
			fmt.Fprintf(w, "     - %s\n", c)
		}
	}
	return nil
}
