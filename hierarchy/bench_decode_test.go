package hierarchy

import (
	"encoding/json"
	"testing"
)

// The JSON definition of a hierarchy with no decoder of its own: the shape
// encoding/json reads leniently, the baseline of BenchmarkModelUnmarshalJSON.
type (
	plainNode struct {
		ID     string `json:"id"`
		Name   string `json:"name,omitempty"`
		Level  string `json:"level"`
		Metric *struct {
			ID          string `json:"id"`
			Name        string `json:"name"`
			Level       string `json:"level"`
			Direction   string `json:"direction"`
			Unit        string `json:"unit,omitempty"`
			Kind        string `json:"kind,omitempty"`
			Owner       string `json:"owner,omitempty"`
			Rewarded    bool   `json:"rewarded,omitempty"`
			Description string `json:"description,omitempty"`
		} `json:"metric,omitempty"`
	}
	plainLink struct {
		From   string `json:"from"`
		To     string `json:"to"`
		Weight string `json:"weight,omitempty"`
	}
	plainModel struct {
		Nodes []plainNode `json:"nodes"`
		Links []plainLink `json:"links"`
	}
)

// BenchmarkModelUnmarshalJSON decodes the definition of the generated
// hierarchy at a tenth of its size (100,000 nodes, about 200,000 links, 13
// MB of JSON): with Model.UnmarshalJSON, which reads it member by member
// and builds the model (impl=strict); with Builder.AddJSON alone, the
// reading without the build (impl=addJSON); and, as the baseline, with
// json.Unmarshal into plainModel (impl=encoding-json), the same text read
// leniently, with no check and no model built.
//
//	go test -run='^$' -bench=ModelUnmarshalJSON -benchmem ./hierarchy
func BenchmarkModelUnmarshalJSON(b *testing.B) {
	m, err := genBench(10).build()
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		b.Fatal(err)
	}
	n := m.Len()
	b.Run("impl=strict", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var back Model
			if err := json.Unmarshal(data, &back); err != nil || back.Len() != n {
				b.Fatalf("%d nodes, %v", back.Len(), err)
			}
		}
	})
	b.Run("impl=addJSON", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			bd := NewBuilder()
			bd.AddJSON(data)
			if len(bd.problems) != 0 {
				b.Fatal(bd.problems[0])
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var back plainModel
			if err := json.Unmarshal(data, &back); err != nil || len(back.Nodes) != n {
				b.Fatalf("%d nodes, %v", len(back.Nodes), err)
			}
		}
	})
}
