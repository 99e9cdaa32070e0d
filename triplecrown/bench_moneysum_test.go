package triplecrown_test

import (
	"testing"

	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// BenchmarkMoneySum_Add adds 100,000 amounts in euros with cents to a
// MoneySum one at a time, as a streaming combiner does; impl=decimalAdd is
// the baseline, a running decimal.Add. Compare with benchstat -col /impl;
// the allocs/op of impl=MoneySum are those of Total (one decimal), none
// per amount.
func BenchmarkMoneySum_Add(b *testing.B) {
	amounts := benchAmounts(100_000)
	b.Run("impl=MoneySum", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s triplecrown.MoneySum
			for _, m := range amounts {
				if err := s.Add(m); err != nil {
					b.Fatal(err)
				}
			}
			_ = s.Total()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(amounts)), "ns/amount")
	})
	b.Run("impl=decimalAdd", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var d decimal.Decimal
			for _, m := range amounts {
				d = d.Add(m.Amount())
			}
			_ = d
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(amounts)), "ns/amount")
	})
}

// BenchmarkMoneySum_Merge merges 1,000 shard sums (of 100 amounts each), as
// a combiner's merge step does.
func BenchmarkMoneySum_Merge(b *testing.B) {
	amounts := benchAmounts(100_000)
	shards := make([]triplecrown.MoneySum, 1000)
	for i, m := range amounts {
		if err := shards[i%len(shards)].Add(m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		var s triplecrown.MoneySum
		for _, sh := range shards {
			if err := s.Merge(sh); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMoneySum_binary encodes a sum into a reused buffer and decodes
// it, as a coder between workers does.
func BenchmarkMoneySum_binary(b *testing.B) {
	var s triplecrown.MoneySum
	for _, m := range benchAmounts(1000) {
		if err := s.Add(m); err != nil {
			b.Fatal(err)
		}
	}
	data, err := s.MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("op=AppendBinary", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 64)
		for b.Loop() {
			buf, _ = s.AppendBinary(buf[:0])
		}
	})
	b.Run("op=UnmarshalBinary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var d triplecrown.MoneySum
			if err := d.UnmarshalBinary(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
