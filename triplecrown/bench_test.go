package triplecrown_test

import (
	"math/rand/v2"
	"testing"

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

// BenchmarkSumMoney sums 100,000 amounts with [triplecrown.Sum]; the
// per-amount figure is ns/op divided by 100,000 (reported as ns/amount).
func BenchmarkSumMoney(b *testing.B) {
	amounts := benchAmounts(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := triplecrown.Sum(amounts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(amounts)), "ns/amount")
}

// BenchmarkSumDecimalAdd is the baseline: the same 100,000 amounts summed
// with a loop of decimal.Add.
func BenchmarkSumDecimalAdd(b *testing.B) {
	amounts := benchAmounts(100_000)
	ds := make([]decimal.Decimal, len(amounts))
	for i, m := range amounts {
		ds[i] = m.Amount()
	}
	b.ReportAllocs()
	for b.Loop() {
		var s decimal.Decimal
		for _, d := range ds {
			s = s.Add(d)
		}
		_ = s
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(amounts)), "ns/amount")
}
