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
	fmt.Println("saved:", saved, "| sign:", saved.Sign(), "| error:", err)

	outbound, _ := eur("400000").Sub(eur("430000"))
	fmt.Println("outbound saved:", outbound, "| sign:", outbound.Sign())
	overrun := outbound.Neg()
	fmt.Println("outbound overran by:", overrun, "| the same as Abs:", overrun.Equal(outbound.Abs()))

	fmt.Println("1.5 EUR equals 1.50 EUR:", eur("1.5").Equal(eur("1.50")),
		"| 100 EUR equals 100 USD:", eur("100").Equal(triplecrown.MustMoney("100", "USD")))
	// Output:
	// saved: 300000.00 EUR | sign: 1 | error: <nil>
	// outbound saved: -30000 EUR | sign: -1
	// outbound overran by: 30000 EUR | the same as Abs: true
	// 1.5 EUR equals 1.50 EUR: true | 100 EUR equals 100 USD: false
}

// The zero Money has no currency: it is "nothing yet", the identity of a
// sum, and not a valid amount on a scorecard. An amount of zero in a
// currency, a team that earned no revenue, is not the zero Money: IsZero
// tells them apart, Sign tests the amount. A MoneySum takes its currency
// from the first amount added.
func ExampleMoney_IsZero() {
	var nothing triplecrown.Money
	noRevenue := eur("0")
	fmt.Println("the zero Money is nothing yet:", nothing.IsZero(), "| it has no currency:", nothing.Currency().IsZero(), "| it prints as", nothing)
	fmt.Println("no revenue, 0 EUR, is the zero Money:", noRevenue.IsZero(), "| its sign:", noRevenue.Sign(),
		"| its currency is EUR:", noRevenue.Currency().Equal(triplecrown.MustCurrency("EUR")))

	var revenue triplecrown.MoneySum
	fmt.Println("a sum of nothing added has no currency yet:", revenue.Currency().IsZero())
	_ = revenue.Add(noRevenue)
	fmt.Println("after adding 0 EUR, its currency:", revenue.Currency(), "| its total:", revenue.Total())
	// Output:
	// the zero Money is nothing yet: true | it has no currency: true | it prints as 0
	// no revenue, 0 EUR, is the zero Money: false | its sign: 0 | its currency is EUR: true
	// a sum of nothing added has no currency yet: true
	// after adding 0 EUR, its currency: EUR | its total: 0 EUR
}

// Every amount is within MaxDigits significant digits and an exponent
// within ±MaxExponent, which keeps every operation's cost bounded: a feed
// that sends 1e31 EUR, or an amount of 41 nines, is refused with
// ErrInvalidAmount, while 40 nines are accepted.
func ExampleNewMoney_bounds() {
	_, err := triplecrown.NewMoney(decimal.New(1, triplecrown.MaxExponent+1), "EUR")
	fmt.Println("1e31 EUR is invalid-amount:", errors.Is(err, triplecrown.ErrInvalidAmount))
	fmt.Println(" ", err)
	_, err = triplecrown.ParseMoney(strings.Repeat("9", triplecrown.MaxDigits+1), "EUR")
	fmt.Println("41 nines are invalid-amount:", errors.Is(err, triplecrown.ErrInvalidAmount))
	_, err = triplecrown.ParseMoney(strings.Repeat("9", triplecrown.MaxDigits), "EUR")
	fmt.Println("40 nines are accepted, error:", err)
	// Output:
	// 1e31 EUR is invalid-amount: true
	//   triplecrown: amount with 1 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)
	// 41 nines are invalid-amount: true
	// 40 nines are accepted, error: <nil>
}
