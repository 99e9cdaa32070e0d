package triplecrown_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// benchAmounts returns n amounts in euros with cents, between -10,000.00 and
// 990,000.00, from a fixed seed.
func benchAmounts(n int) []triplecrown.Money {
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]triplecrown.Money, n)
	for i := range out {
		m, err := triplecrown.NewMoney(decimal.New(rng.Int64N(100_000_000)-1_000_000, -2), "EUR")
		if err != nil {
			panic(err)
		}
		out[i] = m
	}
	return out
}

// BenchmarkSum sums 100,000 amounts (and 1,000) two ways, in the same run:
// impl=Sum is [triplecrown.Sum], fixed-point integers and no allocation per
// amount; impl=decimalAdd is the baseline, a loop of decimal.Add. The
// ns/amount metric is ns/op over the number of amounts. Compare them with
// benchstat -col /impl.
func BenchmarkSum(b *testing.B) {
	for _, n := range []int{1000, 100_000} {
		amounts := benchAmounts(n)
		ds := make([]decimal.Decimal, len(amounts))
		for i, m := range amounts {
			ds[i] = m.Amount()
		}
		b.Run(fmt.Sprintf("n=%d/impl=Sum", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := triplecrown.Sum(amounts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/amount")
		})
		b.Run(fmt.Sprintf("n=%d/impl=decimalAdd", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var s decimal.Decimal
				for _, d := range ds {
					s = s.Add(d)
				}
				_ = s
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/amount")
		})
	}
}

// benchCards returns n scorecards of departments with cost and revenue in
// euros with cents and first-contact resolution as a rate, from a fixed
// seed.
func benchCards(n int) []triplecrown.Scorecard {
	rng := rand.New(rand.NewPCG(13, 17))
	cents := func(lo, hi int64) triplecrown.Money {
		m, err := triplecrown.NewMoney(decimal.New(lo+rng.Int64N(hi-lo), -2), "EUR")
		if err != nil {
			panic(err)
		}
		return m
	}
	out := make([]triplecrown.Scorecard, n)
	for i := range out {
		trials := 500 + rng.Int64N(1000)
		b, err1 := triplecrown.NewRate(rng.Int64N(trials), trials)
		a, err2 := triplecrown.NewRate(rng.Int64N(trials), trials)
		c, err3 := triplecrown.NewScorecard(triplecrown.ScorecardSpec{
			Unit: "dept-" + strconv.Itoa(i), Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: cents(50_000_00, 5_000_000_00), Actual: cents(50_000_00, 5_000_000_00)},
			Revenue: triplecrown.Amounts{Baseline: cents(0, 20_000_000_00), Actual: cents(0, 20_000_000_00)},
			Service: triplecrown.ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
				Baseline: b, Actual: a},
		})
		if err := errors.Join(err1, err2, err3); err != nil {
			panic(err)
		}
		out[i] = c
	}
	return out
}

func benchPolicy() triplecrown.Policy {
	return triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.New(2, -2))),
		Service:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.New(5, -2))),
		Revenue:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.New(2, -2))),
		SignificanceLevel: 0.05,
		Precision:         triplecrown.MustPrecision(4, outcome.RoundHalfEven),
	})
}

// BenchmarkScore100k scores 100,000 scorecards (one op scores them all).
func BenchmarkScore100k(b *testing.B) {
	cards, p := benchCards(100_000), benchPolicy()
	b.ReportAllocs()
	for b.Loop() {
		for i := range cards {
			if _, err := cards[i].Score(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cards)), "ns/card")
}

// BenchmarkRollup100k rolls 100,000 scorecards up to the enterprise: four
// money sums of 100,000 amounts, the pooled rates, and the checks (unique
// units, one period, one currency, one service measure).
func BenchmarkRollup100k(b *testing.B) {
	cards := benchCards(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := triplecrown.NewRollup("enterprise", cards); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cards)), "ns/card")
}

// BenchmarkScoreAndRollup100k is the whole job of the issue: score 100,000
// scorecards, roll them up, and score the enterprise.
func BenchmarkScoreAndRollup100k(b *testing.B) {
	cards, p := benchCards(100_000), benchPolicy()
	b.ReportAllocs()
	for b.Loop() {
		for i := range cards {
			if _, err := cards[i].Score(p); err != nil {
				b.Fatal(err)
			}
		}
		r, err := triplecrown.NewRollup("enterprise", cards)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Scorecard().Score(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContributions100k attributes the cost saving of 100,000 units,
// with shares to two places.
func BenchmarkContributions100k(b *testing.B) {
	cards := benchCards(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := triplecrown.NewContributions(triplecrown.Cost, cards, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRollup_MergeFold folds n one-card roll-ups into an accumulator
// one at a time, acc = acc.Merge(next), as a combiner does: one op is the
// whole fold, so with Merge costing O(units of next) amortized the time per
// roll-up (ns/rollup) stays flat from 2,500 to 10,000.
func BenchmarkRollup_MergeFold(b *testing.B) {
	for _, n := range []int{2500, 10_000} {
		cards := benchCards(n)
		parts := make([]triplecrown.Rollup, n)
		for i := range cards {
			r, err := triplecrown.NewRollup("shard-"+strconv.Itoa(i), cards[i:i+1])
			if err != nil {
				b.Fatal(err)
			}
			parts[i] = r
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var acc triplecrown.Rollup
				for _, p := range parts {
					var err error
					if acc, err = acc.Merge(p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/rollup")
		})
	}
}
