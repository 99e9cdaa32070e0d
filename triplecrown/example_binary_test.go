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
		fmt.Printf("% x\n", buf)
	}
	// Output:
	// 20 45 55 52 03 02 63
	// 20 45 55 52 00 04 03 e8
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
	// true triplecrown: amount with exponent 31 is out of range (exponent within ±30)
}
