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
		fmt.Println(" ", p.Message)
	}
	// Output:
	// invalid-demand-reason
	//   outcome: demand reason " x" has surrounding white space
	// duplicate-demand-reason
	//   outcome: failure demand reason " x" is listed twice
}

// Each regional office tallies its Net Promoter answers; a worker ships
// its tally as a few bytes (here 5 and 8), and the head office merges what
// arrives into exactly the tally of every answer.
func ExampleNPSTally_MarshalBinary() {
	north, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5})
	south, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 412, 230, 158)
	var all outcome.NPSTally
	for _, t := range []outcome.NPSTally{north, south} {
		b, _ := t.MarshalBinary()
		fmt.Printf("% x\n", b)
		var received outcome.NPSTally
		if err := received.UnmarshalBinary(b); err != nil {
			fmt.Println(err)
			return
		}
		all, _ = all.Merge(received)
	}
	// 100 × (4 + 412 - 4 - 158) / (10 + 800) = 25400/810 = 31.358...
	nps, _ := all.Score(1, outcome.RoundHalfEven)
	fmt.Println(all, "NPS", nps)
	// Output:
	// 12 00 04 02 04
	// 12 00 9c 03 e6 01 9e 01
	// NPS tally: 416 promoters, 232 passives, 162 detractors (810 responses) NPS 31.4
}

// AppendBinary writes a tally into a reused buffer without allocating; the
// bands travel with it (here a 1-5 scale), so that tallies on different
// bands are never merged by mistake.
func ExampleNPSTally_AppendBinary() {
	bands := outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 2}, outcome.Band{Low: 3, High: 3}, outcome.Band{Low: 4, High: 5})
	t, _ := outcome.TallyNPS(bands, []int{5, 4, 4, 3, 1, 2})
	buf := make([]byte, 0, 32)
	buf, _ = t.AppendBinary(buf)
	fmt.Printf("% x\n", buf)
	// Output:
	// 12 01 02 04 02 03 03 01 02
}

// Decoding validates as the constructors do: bands whose passive band is
// empty are refused with ErrInvalidBands.
func ExampleNPSTally_UnmarshalBinary() {
	var t outcome.NPSTally
	// 1..5, passives from offset 3 and promoters from offset 3 as well.
	err := t.UnmarshalBinary([]byte{0x12, 0x01, 0x02, 0x04, 0x03, 0x03, 0x00, 0x00, 0x00})
	fmt.Println("invalid-bands:", errors.Is(err, outcome.ErrInvalidBands))
	fmt.Println(err)
	// Output:
	// invalid-bands: true
	// outcome: the passive band 4..3 is empty (its low end is above its high end)
}

// A CSAT tally ships its count per point of the scale.
func ExampleCSATTally_MarshalBinary() {
	t, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{3, 5, 12, 40, 40})
	b, _ := t.MarshalBinary()
	var back outcome.CSATTally
	_ = back.UnmarshalBinary(b)
	score, _ := back.Score(0, outcome.RoundHalfEven)
	fmt.Printf("% x: CSAT %s%%\n", b, score)
	// Output:
	// 13 00 05 03 05 0c 28 28: CSAT 80%
}

// A CSAT tally on a 1-7 scale with a top-three box: the scale and the box
// travel with the counts.
func ExampleCSATTally_AppendBinary() {
	t, _ := outcome.TallyCSAT(outcome.MustCSATScale(outcome.MustScale(1, 7), 3), []int{7, 6, 5, 2})
	b, _ := t.AppendBinary(nil)
	fmt.Printf("% x\n", b)
	// Output:
	// 13 01 02 06 03 07 00 01 00 00 01 01 01
}

// Counts that do not match the scale's points are refused.
func ExampleCSATTally_UnmarshalBinary() {
	var t outcome.CSATTally
	err := t.UnmarshalBinary([]byte{0x13, 0x00, 0x04, 1, 1, 1, 1})
	fmt.Println(errors.Is(err, outcome.ErrScaleMismatch), err)
	// Output:
	// true outcome: 4 counts given for the 5 points of the scale 1..5
}

// A CES tally ships as its scale and its counts; the mean effort survives
// exactly.
func ExampleCESTally_MarshalBinary() {
	t, _ := outcome.TallyCES(outcome.StandardCESScale(), []int{7, 6, 6, 5, 3, 7, 2})
	b, _ := t.MarshalBinary()
	var back outcome.CESTally
	_ = back.UnmarshalBinary(b)
	// (7 + 6 + 6 + 5 + 3 + 7 + 2) / 7 = 36/7 = 5.142857...
	mean, _ := back.Mean(2, outcome.RoundHalfEven)
	fmt.Printf("% x: mean %s\n", b, mean)
	// Output:
	// 14 00 07 00 01 01 00 01 02 02: mean 5.14
}

// A CES tally on a 1-5 scale, agreeing from 4.
func ExampleCESTally_AppendBinary() {
	t, _ := outcome.TallyCES(outcome.MustCESScale(outcome.MustScale(1, 5), 4), []int{5, 4, 1})
	b, _ := t.AppendBinary([]byte("ces="))
	fmt.Printf("%q\n", b)
	// Output:
	// "ces=\x14\x01\x02\x04\x03\x05\x01\x00\x00\x01\x01"
}

// An agreement point at the bottom of the scale would leave nobody
// disagreeing: refused as NewCESScale refuses it.
func ExampleCESTally_UnmarshalBinary() {
	var t outcome.CESTally
	err := t.UnmarshalBinary([]byte{0x14, 0x01, 0x02, 0x04, 0x00, 0x05, 0, 0, 0, 0, 0})
	fmt.Println("invalid-bands:", errors.Is(err, outcome.ErrInvalidBands))
	fmt.Println(err)
	// Output:
	// invalid-bands: true
	// outcome: CES agreement point 1 must be in 2..5, above the bottom of the scale 1..5
}
