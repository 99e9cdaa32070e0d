package outcome_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
)

// A car maker counts, at each of its dealerships, the buyers who reach the
// outcome it promises ("Joy": the car delivered, working, on the day
// promised). Each dealership's worker ships its count to a central worker
// as a few bytes; the central worker decodes and merges them.
func ExampleProportion_MarshalBinary() {
	shards := []outcome.Proportion{
		outcome.MustProportion(81, 92),   // Munich
		outcome.MustProportion(140, 171), // Leipzig
		outcome.MustProportion(45, 60),   // Dresden
	}
	var wire [][]byte
	for _, p := range shards {
		b, err := p.MarshalBinary()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("% x\n", b)
		wire = append(wire, b)
	}

	// The central worker.
	var all outcome.Proportion
	for _, b := range wire {
		var p outcome.Proportion
		if err := p.UnmarshalBinary(b); err != nil {
			fmt.Println(err)
			return
		}
		all, _ = all.Merge(p)
	}
	pct, _ := all.Percent(1, outcome.RoundHalfEven)
	fmt.Printf("joy delivered: %v (%s%%)\n", all, pct)
	// Output:
	// 10 51 5c
	// 10 8c 01 ab 01
	// 10 2d 3c
	// joy delivered: 266/323 (82.4%)
}

// AppendBinary writes into a buffer the caller reuses, so that encoding
// many proportions allocates nothing: here, keyed records for a queue.
func ExampleProportion_AppendBinary() {
	buf := make([]byte, 0, 64)
	for _, site := range []struct {
		key string
		p   outcome.Proportion
	}{{"leeds", outcome.MustProportion(412, 530)}, {"cardiff", outcome.MustProportion(97, 130)}} {
		buf = append(buf[:0], site.key...)
		buf = append(buf, '=')
		buf, _ = site.p.AppendBinary(buf)
		fmt.Printf("%q\n", buf)
	}
	// Output:
	// "leeds=\x10\x9c\x03\x92\x04"
	// "cardiff=\x10a\x82\x01"
}

// Decoding validates exactly as NewProportion does: bytes that are well
// formed but say 5 successes in 3 trials are refused with the constructor's
// code, and bytes that are no form at all with ErrInvalidBinary.
func ExampleProportion_UnmarshalBinary() {
	var p outcome.Proportion
	err := p.UnmarshalBinary([]byte{0x10, 5, 3})
	fmt.Println(errors.Is(err, outcome.ErrInvalidCount), err)
	err = p.UnmarshalBinary([]byte{0x10, 5})
	fmt.Println(errors.Is(err, outcome.ErrInvalidBinary), err)
	// Output:
	// true outcome: 5 successes in only 3 trials
	// true outcome: invalid binary form of a Proportion: at byte 2: truncated
}

// A contact centre's sites each keep a failure-demand tally; a site ships
// its tally as bytes (reasons and counts, compact), and the head office
// merges what it receives into exactly the tally of all the demand.
func ExampleFailureDemand_MarshalBinary() {
	var leeds outcome.FailureDemand
	_ = leeds.AddValue("new order", 820)
	_ = leeds.AddFailure("chaser", 140)
	_ = leeds.AddFailure("repeat call", 95)
	// 1 format byte; value: 1 (one reason) + 1+9 ("new order") + 2 (820);
	// failure: 1 (two reasons) + 1+6 ("chaser") + 2 (140) + 1+11 ("repeat
	// call") + 1 (95): 37 bytes.
	b, _ := leeds.MarshalBinary()
	fmt.Printf("%d bytes\n", len(b))

	var received outcome.FailureDemand
	if err := received.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	var cardiff outcome.FailureDemand
	_ = cardiff.AddValue("new order", 610)
	_ = cardiff.AddFailure("repeat call", 210)
	_ = received.Merge(&cardiff)

	share := received.Share()
	pct, _ := share.Percent(1, outcome.RoundHalfEven)
	fmt.Printf("failure demand: %v (%s%%)\n", share, pct)
	rows, _ := received.FailureReasons(2)
	for _, r := range rows {
		fmt.Printf("  %-11s %d\n", r.Reason, r.Count)
	}
	// Output:
	// 37 bytes
	// failure demand: 445/1875 (23.7%)
	//   repeat call 305
	//   chaser      140
}

// AppendBinary appends a tally's form to a buffer, here after a header
// naming the site.
func ExampleFailureDemand_AppendBinary() {
	var d outcome.FailureDemand
	_ = d.AddFailure("chaser", 3)
	b, _ := d.AppendBinary([]byte("york:"))
	fmt.Printf("% x\n", b)
	// Output:
	// 79 6f 72 6b 3a 11 00 01 06 63 68 61 73 65 72 03
}

// Decoding checks every row as Add does and reports every problem: here a
// reason with surrounding white space and the same reason listed twice.
func ExampleFailureDemand_UnmarshalBinary() {
	data := []byte{0x11,
		0x00,                 // no value demand
		0x02,                 // two reasons of failure demand
		0x02, ' ', 'x', 0x01, // " x": 1
		0x02, ' ', 'x', 0x02} // " x" again: 2
	var d outcome.FailureDemand
	err := d.UnmarshalBinary(data)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code)
	}
	// Output:
	// invalid-demand-reason
	// duplicate-demand-reason
}
