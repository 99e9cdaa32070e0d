package outcome_test

import (
	"strconv"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// BenchmarkBinary encodes each accumulator into a reused buffer and decodes
// it, as a coder between workers does: an NPS tally of 800 answers, a
// proportion, and a failure-demand tally of 20 reasons.
func BenchmarkBinary(b *testing.B) {
	nps, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 412, 230, 158)
	if err != nil {
		b.Fatal(err)
	}
	var fd outcome.FailureDemand
	for i := range 20 {
		if err := fd.Add("reason "+strconv.Itoa(i), i%3 == 0, int64(100+i)); err != nil {
			b.Fatal(err)
		}
	}
	type codec interface {
		AppendBinary([]byte) ([]byte, error)
	}
	for _, c := range []struct {
		name   string
		v      codec
		decode func([]byte) error
	}{
		{"type=NPSTally", nps, func(d []byte) error { var t outcome.NPSTally; return t.UnmarshalBinary(d) }},
		{"type=Proportion", outcome.MustProportion(81, 263), func(d []byte) error { var p outcome.Proportion; return p.UnmarshalBinary(d) }},
		{"type=FailureDemand", fd, func(d []byte) error { var t outcome.FailureDemand; return t.UnmarshalBinary(d) }},
	} {
		data, err := c.v.AppendBinary(nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/op=AppendBinary", func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 1024)
			for b.Loop() {
				buf, _ = c.v.AppendBinary(buf[:0])
			}
		})
		b.Run(c.name+"/op=UnmarshalBinary", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
