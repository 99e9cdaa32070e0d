package triplecrown_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// An amount's binary form keeps it exactly, decimal places included: 1.5
// and 1.50 EUR are equal amounts but different forms.
func ExampleMoney_MarshalBinary() {
	for _, m := range []triplecrown.Money{eur("1.5"), eur("1.50"), triplecrown.MustMoney("-7", "JPY")} {
		b, _ := m.MarshalBinary()
		var back triplecrown.Money
		_ = back.UnmarshalBinary(b)
		fmt.Printf("%-8s % x  -> %s\n", m, b, back)
	}
	// Output:
	// 1.5 EUR  20 45 55 52 01 02 0f  -> 1.5 EUR
	// 1.50 EUR 20 45 55 52 03 02 96  -> 1.50 EUR
	// -7 JPY   20 4a 50 59 00 03 07  -> -7 JPY
}

// AppendBinary writes into a reused buffer: no allocation per amount.
func ExampleMoney_AppendBinary() {
	buf := make([]byte, 0, 32)
	for _, m := range []triplecrown.Money{eur("0.99"), eur("1000")} {
		buf, _ = m.AppendBinary(buf[:0])
		fmt.Printf("%-9s % x\n", m, buf)
	}
	// Output:
	// 0.99 EUR  20 45 55 52 03 02 63
	// 1000 EUR  20 45 55 52 00 04 03 e8
}

// Bytes that are not an amount's form are refused with
// outcome.ErrInvalidBinary; a well-formed form of an amount out of range
// with the constructor's code.
func ExampleMoney_UnmarshalBinary() {
	var m triplecrown.Money
	err := m.UnmarshalBinary([]byte{0x20, 'E', 'U', 'R', 0x03})
	fmt.Println(errors.Is(err, outcome.ErrInvalidBinary), err)
	// Exponent 31 (zig-zag 62): beyond MaxExponent.
	err = m.UnmarshalBinary([]byte{0x20, 'E', 'U', 'R', 62, 0x02, 0x01})
	fmt.Println(errors.Is(err, triplecrown.ErrInvalidAmount), err)
	// Output:
	// true triplecrown: invalid binary form of a Money: at byte 5: truncated
	// true triplecrown: amount with 1 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)
}

// Two workers each roll up the departments they hold; the enterprise is the
// merge of their partial roll-ups: exactly the roll-up of all four
// departments.
func ExampleRollup_Merge() {
	depts := departments() // sales, service, logistics, marketing
	w1, _ := triplecrown.NewRollup("enterprise", depts[:2])
	w2, _ := triplecrown.NewRollup("enterprise", depts[2:])
	ent, err := w1.Merge(w2)
	if err != nil {
		fmt.Println(err)
		return
	}
	card := ent.Scorecard()
	fmt.Println(ent.Units())
	fmt.Println("cost:", card.Cost().Baseline, "->", card.Cost().Actual)
	fmt.Println("service:", card.Service().Baseline, "->", card.Service().Actual)

	all, _ := triplecrown.NewRollup("enterprise", depts)
	fmt.Println("same as rolling up all four:", ent.Equal(all))

	// A department in both parts would be counted twice.
	_, err = w1.Merge(w1)
	fmt.Println("merged with itself, duplicate-id:", errors.Is(err, outcome.ErrDuplicateID))
	// Output:
	// [sales service logistics marketing]
	// cost: 4700000 EUR -> 4450000 EUR
	// service: 0.7867 (5900 of 7500) -> 0.8573 (6430 of 7500)
	// same as rolling up all four: true
	// merged with itself, duplicate-id: true
}

// Equal compares roll-ups field by field: the rolled-up scorecard, the
// units in their order, the combination.
func ExampleRollup_Equal() {
	depts := departments()
	a, _ := triplecrown.NewRollup("enterprise", depts)
	b, _ := triplecrown.NewRollup("enterprise", []triplecrown.Scorecard{depts[3], depts[2], depts[1], depts[0]})
	fmt.Println("in reverse order, same scorecard:", a.Scorecard().Equal(b.Scorecard()), "| equal roll-ups:", a.Equal(b))
	// Output:
	// in reverse order, same scorecard: true | equal roll-ups: false
}

// A worker ships its partial roll-up as bytes; the receiver decodes it,
// validated, and merges it.
func ExampleRollup_MarshalBinary() {
	depts := departments()
	part, _ := triplecrown.NewRollup("enterprise", depts[2:])
	b, err := part.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}
	var received triplecrown.Rollup
	if err := received.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	// 1 format byte + 11 ("enterprise") + 1 (two units) + 10 + 10
	// ("logistics", "marketing") + 1 (by sample size) + 1 (no name) + 5
	// ("2025") + 3 (EUR) + 5 + 5 (cost 1500000, 1600000) + 2 + 2 (revenue
	// 0, 0) + 16 ("issues resolved") + 1 (no unit) + 1 (direction) + 5 + 5
	// (rates 2200 and 2270 of 2500, two bytes each count): 85 bytes.
	fmt.Println(len(b), "bytes:", received.Units(), received.Equal(part))
	mine, _ := triplecrown.NewRollup("enterprise", depts[:2])
	ent, _ := mine.Merge(received)
	s, _ := ent.Scorecard().Score(policy())
	fmt.Println(s.Reason())
	// Output:
	// 85 bytes: [logistics marketing] true
	// triple crown: cost, service and revenue won
}

// A unit's scorecard in its binary form: text fields with their lengths,
// amounts exactly, measures with their samples.
func ExampleScorecard_MarshalBinary() {
	card := departments()[0]
	b, _ := card.MarshalBinary()
	var back triplecrown.Scorecard
	if err := back.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	// 1 (format) + 6 ("sales": its length, then 5 letters) + 1 (no name) +
	// 5 ("2025") + 3 (EUR) + 4 × 5 (the costs 1200000 and 1150000 and the
	// revenues 9000000 and 9800000, each 5 bytes: its exponent 0 in one,
	// its sign and length in one, its coefficient in three, as every one is
	// below 2^24) + 16 ("issues resolved") + 1 (no unit) + 1 (direction) +
	// 5 + 5 (the rates 700 and 760 of 1000: a kind byte, then each count in
	// two): 64 bytes.
	fmt.Println(len(b), "bytes;", back.Unit(), back.Cost().Actual, back.Service().Actual, back.Equal(card))
	// Output:
	// 64 bytes; sales 1150000 EUR 0.76 (760 of 1000) true
}
