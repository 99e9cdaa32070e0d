package outcome_test

import (
	"encoding/json"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// plainMetric is a metric's JSON form with no decoder of its own: the
// shape encoding/json reads leniently, the baseline of
// BenchmarkDecodeMetrics.
type plainMetric struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Level       string `json:"level"`
	Direction   string `json:"direction"`
	Unit        string `json:"unit,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Owner       string `json:"owner,omitempty"`
	Rewarded    bool   `json:"rewarded,omitempty"`
	Description string `json:"description,omitempty"`
}

// BenchmarkDecodeMetrics decodes the 100,000 metrics of BenchmarkAudit's
// portfolio (about 10 MB of JSON) with DecodeMetrics (impl=strict) and, as
// the baseline, with json.Unmarshal into []plainMetric (impl=encoding-json):
// the same text read leniently, with no check.
//
//	go test -run='^$' -bench=DecodeMetrics -benchmem ./outcome
func BenchmarkDecodeMetrics(b *testing.B) {
	data, err := json.Marshal(auditBenchPortfolio(100_000))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=strict", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			ms, err := outcome.DecodeMetrics(data)
			if err != nil || len(ms) != 100_000 {
				b.Fatalf("%d metrics, %v", len(ms), err)
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var ms []plainMetric
			if err := json.Unmarshal(data, &ms); err != nil || len(ms) != 100_000 {
				b.Fatalf("%d metrics, %v", len(ms), err)
			}
		}
	})
}
