package triplecrown_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A saving is a baseline minus an actual, exactly, and its sign says which
// way it went. The contact centre saved 2,400,000.00 - 2,100,000 =
// 300,000.00 EUR (the finer places are kept); its outbound team's cost
// went from 400,000 to 430,000 EUR, a saving of -30,000: an overrun of
// 30,000, which Neg and Abs both give. Equal compares amounts by value in
// one currency: 1.5 EUR is 1.50 EUR, but 100 EUR is never 100 USD.
func ExampleMoney_Sub() {
	saved, err := eur("2400000.00").Sub(eur("2100000"))
	fmt.Println(saved, saved.Sign(), err)

	outbound, _ := eur("400000").Sub(eur("430000"))
	fmt.Println(outbound, outbound.Sign())
	overrun := outbound.Neg()
	fmt.Println(overrun, overrun.Equal(outbound.Abs()))

	fmt.Println(eur("1.5").Equal(eur("1.50")), eur("100").Equal(triplecrown.MustMoney("100", "USD")))
	// Output:
	// 300000.00 EUR 1 <nil>
	// -30000 EUR -1
	// 30000 EUR true
	// true false
}

// The zero Money has no currency: it is "nothing yet", the identity of a
// sum, and not a valid amount on a scorecard. An amount of zero in a
// currency, a team that earned no revenue, is not the zero Money: IsZero
// tells them apart, Sign tests the amount. A MoneySum takes its currency
// from the first amount added.
func ExampleMoney_IsZero() {
	var nothing triplecrown.Money
	noRevenue := eur("0")
	fmt.Println(nothing.IsZero(), nothing.Currency().IsZero(), nothing)
	fmt.Println(noRevenue.IsZero(), noRevenue.Sign(), noRevenue.Currency().Equal(triplecrown.MustCurrency("EUR")))

	var revenue triplecrown.MoneySum
	fmt.Println(revenue.Currency().IsZero())
	_ = revenue.Add(noRevenue)
	fmt.Println(revenue.Currency(), revenue.Total())
	// Output:
	// true true 0
	// false 0 true
	// true
	// EUR 0 EUR
}

// Every amount is within MaxDigits significant digits and an exponent
// within ±MaxExponent, which keeps every operation's cost bounded: a feed
// that sends 1e31 EUR, or an amount of 41 nines, is refused with
// ErrInvalidAmount, while 40 nines are accepted.
func ExampleNewMoney_bounds() {
	_, err := triplecrown.NewMoney(decimal.New(1, triplecrown.MaxExponent+1), "EUR")
	fmt.Println(errors.Is(err, triplecrown.ErrInvalidAmount), err)
	_, err = triplecrown.ParseMoney(strings.Repeat("9", triplecrown.MaxDigits+1), "EUR")
	fmt.Println(errors.Is(err, triplecrown.ErrInvalidAmount))
	_, err = triplecrown.ParseMoney(strings.Repeat("9", triplecrown.MaxDigits), "EUR")
	fmt.Println(err)
	// Output:
	// true triplecrown: amount with 1 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)
	// true
	// <nil>
}
