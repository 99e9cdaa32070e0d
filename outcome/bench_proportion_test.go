package outcome_test

import (
	"fmt"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// BenchmarkProportion_Wilson measures one Wilson interval; it allocates
// nothing.
func BenchmarkProportion_Wilson(b *testing.B) {
	p := outcome.MustProportion(81, 263)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Wilson(0.95); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProportion_Wald measures one Wald interval, for comparison.
func BenchmarkProportion_Wald(b *testing.B) {
	p := outcome.MustProportion(81, 263)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Wald(0.95); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareProportions measures one two-proportion test with its
// Newcombe interval.
func BenchmarkCompareProportions(b *testing.B) {
	a, c := outcome.MustProportion(1180, 1600), outcome.MustProportion(1262, 1640)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := outcome.CompareProportions(a, c, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProportion_Rate measures the exact, correctly rounded rate at 4
// places (big-integer arithmetic).
func BenchmarkProportion_Rate(b *testing.B) {
	p := outcome.MustProportion(81, 263)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Rate(4, outcome.RoundHalfEven); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProportion_Merge merges 1,000,000 proportions (one per shard)
// into one per op, and reports the time per merge.
func BenchmarkProportion_Merge(b *testing.B) {
	const n = 1_000_000
	shards := make([]outcome.Proportion, n)
	for i := range shards {
		trials := int64(100 + i%900)
		shards[i] = outcome.MustProportion(trials*3/4, trials)
	}
	b.ReportAllocs()
	for b.Loop() {
		var all outcome.Proportion
		for _, s := range shards {
			var err error
			if all, err = all.Merge(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/merge")
}

// BenchmarkFailureDemand_Add measures counting one contact at a time, as a
// front-line system classifies them: with one of eight reasons, and without
// a reason.
func BenchmarkFailureDemand_Add(b *testing.B) {
	reasons := []string{"repeat call", "chaser", "complaint", "correction", "new order", "question", "change of plan", "cancel"}
	b.Run("reason", func(b *testing.B) {
		var d outcome.FailureDemand
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := d.Add(reasons[i&7], i&7 < 4, 1); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("no-reason", func(b *testing.B) {
		var d outcome.FailureDemand
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := d.Add(outcome.NoReason, i&1 == 0, 1); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkFailureDemand_Merge merges 1,000 shard tallies of 20 reasons each
// per op.
func BenchmarkFailureDemand_Merge(b *testing.B) {
	shards := make([]*outcome.FailureDemand, 1000)
	for i := range shards {
		var d outcome.FailureDemand
		for r := range 20 {
			if err := d.Add(fmt.Sprintf("reason %d", r), r%2 == 0, int64(1+i%7)); err != nil {
				b.Fatal(err)
			}
		}
		shards[i] = &d
	}
	b.ReportAllocs()
	for b.Loop() {
		var all outcome.FailureDemand
		for _, s := range shards {
			if err := all.Merge(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
