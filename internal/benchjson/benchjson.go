// Package benchjson runs the module's decoding benchmarks: a strict decoder
// of the module beside encoding/json reading the same text leniently into a
// plain shape with the same JSON tags and no decoder of its own, the
// baseline, each a sub-benchmark that reports bytes per second and
// allocations. It also holds the plain shape of a metric, which the plain
// shapes of several packages hold.
package benchjson

import (
	"encoding/json"
	"fmt"
	"testing"
)

// Metric is the JSON form of an outcome.Metric with no decoder of its own:
// the shape encoding/json reads leniently.
type Metric struct {
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

// Impl is one way of decoding a benchmark's text: Name names its
// sub-benchmark, "impl=<Name>", and Decode decodes the text and checks
// what it read, returning an error if either fails.
type Impl struct {
	Name   string
	Decode func(data []byte) error
}

// Lenient is the baseline: encoding/json reading the text into a new T,
// then check checking what it read (that it holds as many elements as the
// strict decoder reads, say); its name is "encoding-json".
func Lenient[T any](check func(v *T) error) Impl {
	return Impl{Name: "encoding-json", Decode: func(data []byte) error {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		return check(&v)
	}}
}

// Count returns err, or, if err is nil, an error saying that got is not
// want when they differ: the check of a decoder that read a list.
func Count(got, want int, err error) error {
	if err == nil && got != want {
		err = fmt.Errorf("%d read, want %d", got, want)
	}
	return err
}

// Run runs a sub-benchmark of b for each of impls on data, "impl=<Name>",
// which decodes data once per iteration, reports len(data) bytes per
// iteration and the allocations, and fails on the first error.
func Run(b *testing.B, data []byte, impls ...Impl) {
	for _, impl := range impls {
		b.Run("impl="+impl.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := impl.Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
