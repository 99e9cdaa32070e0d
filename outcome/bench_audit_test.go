package outcome_test

import (
	"fmt"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// auditBenchPortfolio is a large organisation's KPI register of n metrics,
// in a shuffled-looking order: 80% output-side (calls handled, AHT and
// bespoke task and activity counts), 10% revenue, 10% a customer outcome;
// one in ten output-side metrics is rewarded, one in a hundred is declared at
// a level the catalogue contradicts, and one ID in a thousand is used twice.
func auditBenchPortfolio(n int) []outcome.Metric {
	ms := make([]outcome.Metric, n)
	for i := range n {
		j := (i * 7919) % n // a permutation of 0..n-1 when n is not a multiple of 7919
		id := fmt.Sprintf("kpi-%07d", j)
		if j%1000 == 1 {
			id = fmt.Sprintf("kpi-%07d", j-1)
		}
		var name string
		var level outcome.Level
		switch j % 10 {
		case 0, 1, 2:
			name, level = "Calls handled", outcome.Output
		case 3, 4, 5:
			name, level = "Average handle time", outcome.Output
		case 6:
			name, level = auditWidget, outcome.Task
		case 7:
			name, level = auditWidget, outcome.Activity
		case 8:
			name, level = "Revenue", outcome.BusinessOutcome
		case 9:
			name, level = auditJoy, outcome.CustomerOutcome
		}
		if j%100 == 8 {
			level = outcome.Output // revenue declared an output
		}
		ms[i] = auditMetric(id, name, level, j%10 < 8 && j%100/10 == 0)
	}
	return ms
}

// BenchmarkAudit audits n metrics, and, as a baseline over the same slice,
// a bare loop that only counts the levels. Compare them with
//
//	go test -run='^$' -bench=BenchmarkAudit -benchmem -count=6 ./outcome | benchstat -col /impl -
func BenchmarkAudit(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		ms := auditBenchPortfolio(n)
		report, err := outcome.Audit(ms, outcome.AuditOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("impl=baseline/metrics=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var counts [6]int
			for b.Loop() {
				counts = [6]int{}
				for _, m := range ms {
					counts[m.Level()]++
				}
			}
			if counts[outcome.Output] != report.Count(outcome.Output) {
				b.Fatal("baseline disagrees with the audit")
			}
		})
		b.Run(fmt.Sprintf("impl=audit/metrics=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := outcome.Audit(ms, outcome.AuditOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(report.Findings())), "findings")
		})
	}
}
