package strictjson

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// benchDefinition is a hierarchy-like definition of n nodes and 2n links,
// about 110 bytes a node: the kind of text the module's decoders read.
func benchDefinition(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"nodes":[`)
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"n%07d","name":"Node %d","level":"task"}`, i, i)
	}
	sb.WriteString(`],"links":[`)
	for i := range 2 * n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"from":"n%07d","to":"n%07d","weight":"0.5"}`, i/2, (i/2+1)%n)
	}
	sb.WriteString(`]}`)
	return []byte(sb.String())
}

type benchNode struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Level string `json:"level"`
}

type benchLink struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Weight string `json:"weight"`
}

type benchModel struct {
	Nodes []benchNode `json:"nodes"`
	Links []benchLink `json:"links"`
}

// BenchmarkUnmarshal is the baseline: encoding/json's lenient
// json.Unmarshal of a 100,000-node definition into structs.
func BenchmarkUnmarshal(b *testing.B) {
	data := benchDefinition(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m benchModel
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode is Decode of the same definition: encoding/json's decoder
// with unknown fields refused, then the scan for duplicate keys.
func BenchmarkDecode(b *testing.B) {
	data := benchDefinition(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m benchModel
		if err := Decode(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckKeys is the scan for duplicate keys alone.
func BenchmarkCheckKeys(b *testing.B) {
	data := benchDefinition(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := checkKeys(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenCheckKeys is that scan as it was, on Decoder.Token
// (oracle_test.go).
func BenchmarkTokenCheckKeys(b *testing.B) {
	data := benchDefinition(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := tokenCheckKeys(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkElements splits the definition's list of links, as a decoder of
// a list does before it decodes each element.
func BenchmarkElements(b *testing.B) {
	data := benchDefinition(100_000)
	start := strings.Index(string(data), `"links":`) + len(`"links":`)
	list := data[start : len(data)-1]
	b.SetBytes(int64(len(list)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Elements(list); err != nil {
			b.Fatal(err)
		}
	}
}
