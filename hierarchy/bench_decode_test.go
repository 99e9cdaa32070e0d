package hierarchy

import (
	"encoding/json"
	"testing"

	"github.com/cxmodel/cx/internal/benchjson"
)

// The JSON definition of a hierarchy with no decoder of its own: the shape
// encoding/json reads leniently, the baseline of BenchmarkModelUnmarshalJSON.
type (
	plainNode struct {
		ID     string            `json:"id"`
		Name   string            `json:"name,omitempty"`
		Level  string            `json:"level"`
		Metric *benchjson.Metric `json:"metric,omitempty"`
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
	benchjson.Run(b, data,
		benchjson.Impl{Name: "strict", Decode: func(data []byte) error {
			var back Model
			err := json.Unmarshal(data, &back)
			return benchjson.Count(back.Len(), n, err)
		}},
		benchjson.Impl{Name: "addJSON", Decode: func(data []byte) error {
			bd := NewBuilder()
			bd.AddJSON(data)
			if len(bd.problems) != 0 {
				return bd.problems[0]
			}
			return nil
		}},
		benchjson.Lenient(func(back *plainModel) error { return benchjson.Count(len(back.Nodes), n, nil) }))
}
