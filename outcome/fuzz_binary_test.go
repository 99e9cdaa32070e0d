package outcome_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// binarySeeds are the forms of the table tests, valid and not.
var binarySeeds = []string{
	"", "10 00 00", "10 51 87 02", "10 7f 80 01", "10 00 ff ff ff ff ff ff ff ff 7f",
	"11 00 00", "10 51", "10 51 87 02 00", "10 80 00 00", "10 00 80 80 80 80 80 80 80 80 80 01",
	"10 05 03", "11 01 00 bc 05 01 06 63 68 61 73 65 72 5a", "11 00 03 00 03 01 61 01 01 62 02",
	"11 02 06 43 68 61 73 65 72 01 06 63 68 61 73 65 72 01 00", "11 05 00 01", "11 01 01 61 00 00",
	"11 02 01 62 01 01 61 01 00", "11 00 02 01 61 01 01 61 02", "11 01 03 61 0a 62 01 00",
	"11 01 01 61 ff ff ff ff ff ff ff ff 7f 01 01 63 01", "11 02 01 20 01 01 20 01 00 ff",
}

// checkBinaryError fails unless err is a non-empty tree of *outcome.Error
// (nothing else: no bare error escapes a decoder).
func checkBinaryError(t *testing.T, err error) {
	t.Helper()
	ps := outcome.Problems(err)
	if len(ps) == 0 {
		t.Fatalf("error without an *outcome.Error: %v", err)
	}
	for _, p := range ps {
		if p.Code == "" || p.Message == "" {
			t.Fatalf("problem without code or message: %#v", p)
		}
	}
}

// FuzzProportionBinary: arbitrary bytes never panic; what decodes is a valid
// proportion that re-encodes to the same bytes; what does not is an
// *outcome.Error and leaves the proportion unchanged.
func FuzzProportionBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := outcome.MustProportion(2, 3)
		p := before
		err := p.UnmarshalBinary(data)
		if err != nil {
			checkBinaryError(t, err)
			if !p.Equal(before) {
				t.Fatalf("changed on error: %v", p)
			}
			return
		}
		if _, err := outcome.NewProportion(p.Successes(), p.Trials()); err != nil {
			t.Fatalf("decoded an invalid proportion %v: %v", p, err)
		}
		again, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x decoded to %v, which encodes to % x", data, p, again)
		}
	})
}

// FuzzFailureDemandBinary: arbitrary bytes never panic; what decodes
// re-encodes to the same bytes, has totals that are the sums of its reasons,
// and survives a JSON round trip; what does not is an *outcome.Error and
// leaves the tally unchanged.
func FuzzFailureDemandBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d outcome.FailureDemand
		if err := d.AddFailure("chaser", 3); err != nil {
			t.Fatal(err)
		}
		err := d.UnmarshalBinary(data)
		if err != nil {
			checkBinaryError(t, err)
			if d.Failure() != 3 || d.Value() != 0 {
				t.Fatalf("changed on error: %d, %d", d.Value(), d.Failure())
			}
			return
		}
		again, err := d.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x re-encodes to % x", data, again)
		}
		var sums [2]int64
		for k, rows := range [2]func(int32) ([]outcome.ReasonCount, error){d.ValueReasons, d.FailureReasons} {
			rs, err := rows(0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.Count <= 0 {
					t.Fatalf("row %+v", r)
				}
				sums[k] += r.Count
			}
		}
		if sums[0] != d.Value() || sums[1] != d.Failure() {
			t.Fatalf("rows sum to %v, totals %d, %d", sums, d.Value(), d.Failure())
		}
		j, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back outcome.FailureDemand
		if err := back.UnmarshalJSON(j); err != nil {
			t.Fatalf("JSON %s: %v", j, err)
		}
		if !back.Equal(&d) {
			t.Fatal("JSON round trip changed the tally")
		}
		// Merging with itself doubles, or overflows with ErrOverflow.
		c := d.Clone()
		if err := c.Merge(&d); err != nil && !errors.Is(err, outcome.ErrOverflow) {
			t.Fatal(err)
		}
	})
}
