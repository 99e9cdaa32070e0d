package northstar

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// countInvalidJSON returns the number of problems in err with code
// [outcome.ErrInvalidJSON].
func countInvalidJSON(err error) int {
	n := 0
	for _, p := range outcome.Problems(err) {
		if p.Code == outcome.ErrInvalidJSON {
			n++
		}
	}
	return n
}

// FuzzCanvasJSON_everyWrongType writes a canvas with shape from the fuzzer
// (numbers of needs, outcomes and metrics) and some values of the wrong type
// or null (every string field, a weight or an importance null), and checks
// that decoding never stops at the first: a canvas and a spec report one
// invalid-json problem for each, the same with the members of its objects
// in any order ([ordertest.Check]); a canvas whose category is read and
// that has no needs, or no outcomes, is said to have none, whatever else
// is spoiled; with nothing spoiled, the spec decodes.
func FuzzCanvasJSON_everyWrongType(f *testing.F) {
	f.Add(uint8(2), uint8(2), uint8(2), []byte{0})
	f.Add(uint8(1), uint8(1), uint8(1), []byte{0xff, 0xff, 0xff})
	f.Add(uint8(3), uint8(2), uint8(3), []byte{0x92, 0x49, 0x24, 0x92, 0x49, 0x24})
	// No needs, and the one outcome's ID spoiled (the fifth value): the
	// canvas still states no needs.
	f.Add(uint8(0), uint8(1), uint8(1), []byte{0x10})
	f.Fuzz(func(t *testing.T, needs, outcomes, metrics uint8, bits []byte) {
		s := spoil.Spoiler{Bits: bits}
		str := func(v string) string { return s.Value(fmt.Sprintf("%q", v), true) }
		var sb strings.Builder
		cat := str("guests")
		fmt.Fprintf(&sb, `{"category":%s,"name":%s,"description":%s,"weight":%s,"needs":[`,
			cat, str("Guests"), str("d"), s.Value(`"0.5"`, false))
		for i := range int(needs % 4) {
			if i > 0 {
				sb.WriteString(",")
			}
			fmt.Fprintf(&sb, `{"id":%s,"statement":%s,"measure":%s,"target":%s,"timeBound":%s}`,
				str(fmt.Sprint("n", i)), str("s"), str("m"), str("t"), str("b"))
		}
		sb.WriteString(`],"outcomes":[`)
		for i := range int(outcomes % 4) {
			if i > 0 {
				sb.WriteString(",")
			}
			fmt.Fprintf(&sb, `{"id":%s,"name":%s,"description":%s,"metrics":[`, str(fmt.Sprint("o", i)), str("O"), str("d"))
			for j := range int(metrics % 4) {
				if j > 0 {
					sb.WriteString(",")
				}
				fmt.Fprintf(&sb, `{"metric":%s,"importance":%s}`, str(fmt.Sprint("m", j)), s.Value(`"1"`, false))
			}
			sb.WriteString("]}")
		}
		sb.WriteString("]}")
		in := []byte(sb.String())
		ordertest.Check(t, in, ordertest.Unmarshal[Canvas], Canvas.Equal)
		ordertest.Check(t, in, ordertest.Unmarshal[CanvasSpec], sameJSON[CanvasSpec])
		var c Canvas
		err := c.UnmarshalJSON(in)
		if got := countInvalidJSON(err); got != s.Spoiled() {
			t.Fatalf("canvas: %d invalid-json problems for %d spoiled values: %s\n%v", got, s.Spoiled(), in, err)
		}
		// With the category read, a canvas with no needs, or no outcomes,
		// is said to have none, whatever else is spoiled.
		if cat == `"guests"` {
			for _, want := range []struct {
				none bool
				msg  string
			}{
				{needs%4 == 0, `northstar: canvas "guests" states no needs`},
				{outcomes%4 == 0, `northstar: canvas "guests" has no successful outcomes`},
			} {
				if want.none && !slices.ContainsFunc(outcome.Problems(err), func(p *outcome.Error) bool { return p.Message == want.msg }) {
					t.Fatalf("canvas: %q not reported: %s\n%v", want.msg, in, err)
				}
			}
		}
		var spec CanvasSpec
		err = spec.UnmarshalJSON(in)
		if got := countInvalidJSON(err); got != s.Spoiled() {
			t.Fatalf("spec: %d invalid-json problems for %d spoiled values: %s\n%v", got, s.Spoiled(), in, err)
		}
		if s.Spoiled() == 0 && err != nil {
			t.Fatalf("a spec with nothing spoiled: %v", err)
		}
	})
}

// FuzzPolicyJSON_everyWrongType writes a policy with some values of the
// wrong type or null (a weight null; the lead/lag options), and checks that
// decoding never stops at the first: one invalid-json problem for each, the
// same with the members of its objects in any order ([ordertest.Check]), and
// every weight zero is said only if none is spoiled and none is given.
func FuzzPolicyJSON_everyWrongType(f *testing.F) {
	f.Add([]byte{0})
	f.Add([]byte{0xff, 0xff})
	f.Add([]byte{0x55, 0x01})
	f.Fuzz(func(t *testing.T, bits []byte) {
		s := spoil.Spoiler{Bits: bits}
		var sb strings.Builder
		sb.WriteString(`{"weights":{`)
		for i, name := range weightsFields {
			if i > 0 {
				sb.WriteString(",")
			}
			fmt.Fprintf(&sb, `%q:%s`, name, s.Value(`"1"`, false))
		}
		fmt.Fprintf(&sb, `},"leadLag":{"maxLag":%s,"method":%s,"confidence":%s}}`,
			s.Value("2", false), s.Value(`"spearman"`, true), s.Value("0.9", false))
		in := []byte(sb.String())
		ordertest.Check(t, in, ordertest.Unmarshal[Policy], Policy.Equal)
		var p Policy
		err := p.UnmarshalJSON(in)
		if got := countInvalidJSON(err); got != s.Spoiled() {
			t.Fatalf("%d invalid-json problems for %d spoiled values: %s\n%v", got, s.Spoiled(), in, err)
		}
		for _, pr := range outcome.Problems(err) {
			if pr.Code != outcome.ErrInvalidJSON {
				t.Fatalf("a value unread was checked again: %s: %s", in, pr.Message)
			}
		}
		if (err == nil) != (s.Spoiled() == 0) {
			t.Fatalf("%s: %v", in, err)
		}
	})
}
