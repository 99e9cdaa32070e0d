package hierarchy

import (
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// BenchmarkNodeMarshalJSON marshals one node with a metric on its own
// (Node.MarshalJSON), which checks it as Build does before writing it.
func BenchmarkNodeMarshalJSON(b *testing.B) {
	n := Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Metric: outcome.MustMetric(outcome.MetricSpec{
		ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter})}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinkMarshalJSON marshals one weighted link on its own
// (Link.MarshalJSON), which checks it before writing it.
func BenchmarkLinkMarshalJSON(b *testing.B) {
	l := Link{From: "first-time-response", To: "revenue", Weight: dec("0.6")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkModelMarshalJSON marshals a model of genBench(10)'s nodes and
// links: a definition writes its nodes and links through method-less forms,
// not Node.MarshalJSON and Link.MarshalJSON, whose checks a built model
// has passed.
func BenchmarkModelMarshalJSON(b *testing.B) {
	m, err := genBench(10).build()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
