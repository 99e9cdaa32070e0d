package outcome_test

import (
	"encoding/json"
	"testing"

	"github.com/cxmodel/cx/internal/benchjson"
	"github.com/cxmodel/cx/outcome"
)

// BenchmarkDecodeMetrics decodes the 100,000 metrics of BenchmarkAudit's
// portfolio (about 10 MB of JSON) with DecodeMetrics (impl=strict) and, as
// the baseline, with json.Unmarshal into []benchjson.Metric (impl=encoding-json):
// the same text read leniently, with no check.
//
//	go test -run='^$' -bench=DecodeMetrics -benchmem ./outcome
func BenchmarkDecodeMetrics(b *testing.B) {
	data, err := json.Marshal(auditBenchPortfolio(100_000))
	if err != nil {
		b.Fatal(err)
	}
	benchjson.Run(b, data,
		benchjson.Impl{Name: "strict", Decode: func(data []byte) error {
			ms, err := outcome.DecodeMetrics(data)
			return benchjson.Count(len(ms), 100_000, err)
		}},
		benchjson.Lenient(func(ms *[]benchjson.Metric) error { return benchjson.Count(len(*ms), 100_000, nil) }))
}
