package triplecrown_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cxmodel/cx/triplecrown"
)

// A department's cost lines stream past (invoices, payroll, licences); a
// MoneySum keeps their exact total as they come, allocating nothing per
// line, with the most decimal places of any line.
func ExampleMoneySum() {
	var cost triplecrown.MoneySum
	for _, line := range []string{"1250.00", "89.99", "15000", "-120.5", "4.005"} {
		if err := cost.Add(eur(line)); err != nil {
			fmt.Println(err)
			return
		}
	}
	// 1250.00 + 89.99 + 15000 - 120.5 + 4.005 = 16223.495.
	fmt.Println("cost:", cost.Total())
	// Output:
	// cost: 16223.495 EUR
}

// Money in two currencies is never added without a conversion: the line is
// refused and the sum unchanged.
func ExampleMoneySum_Add_currencyMismatch() {
	var cost triplecrown.MoneySum
	_ = cost.Add(eur("100.00"))
	err := cost.Add(triplecrown.MustMoney("40", "USD"))
	fmt.Println("40 USD refused, currency-mismatch:", errors.Is(err, triplecrown.ErrCurrencyMismatch))
	fmt.Println(err)
	fmt.Println("the sum is unchanged:", cost.Total())
	// Output:
	// 40 USD refused, currency-mismatch: true
	// triplecrown: currency mismatch: EUR and USD cannot be combined without a conversion
	// the sum is unchanged: 100.00 EUR
}

// Each worker sums the cost lines of its part of the data; merging the
// workers' sums gives exactly the sum of all the lines, in any order.
func ExampleMoneySum_Merge() {
	parts := [][]string{
		{"1250.00", "89.99"},    // worker 1
		{"15000"},               // worker 2
		{"-120.5", "4.005", ""}, // worker 3; "" is a blank line, skipped
	}
	var total triplecrown.MoneySum
	for _, part := range parts {
		var s triplecrown.MoneySum
		for _, line := range part {
			if line == "" {
				continue
			}
			_ = s.Add(eur(line))
		}
		if err := total.Merge(s); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("merged cost:", total.Total())

	var empty triplecrown.MoneySum
	fmt.Println("an empty sum is zero:", empty.IsZero(), "| its total is the zero Money:", empty.Total().IsZero())
	// Output:
	// merged cost: 16223.495 EUR
	// an empty sum is zero: true | its total is the zero Money: true
}

// A worker ships its sum as a few bytes: the format byte, the currency and
// the total's exponent and coefficient, exactly. An engine that encoded a
// struct by its exported fields would ship a decimal.Decimal as zero: it
// has none.
func ExampleMoneySum_MarshalBinary() {
	var s triplecrown.MoneySum
	_ = s.Add(eur("1234.50"))
	b, _ := s.MarshalBinary()
	fmt.Printf("% x\n", b)

	var received triplecrown.MoneySum
	if err := received.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	_ = received.Add(eur("0.25"))
	fmt.Println("received, plus 0.25 EUR:", received.Total(), "| still equal to the sent sum:", received.Equal(s))
	// Output:
	// 21 45 55 52 03 06 01 e2 3a
	// received, plus 0.25 EUR: 1234.75 EUR | still equal to the sent sum: false
}

// Decoding validates what it reads: a currency must be three upper-case
// letters, as ParseCurrency requires.
func ExampleMoneySum_UnmarshalBinary() {
	var s triplecrown.MoneySum
	err := s.UnmarshalBinary([]byte{0x21, 'e', 'u', 'r', 0x00, 0x02, 0x07})
	fmt.Println(`currency "eur" is unknown-currency:`, errors.Is(err, triplecrown.ErrUnknownCurrency))
	// Output:
	// currency "eur" is unknown-currency: true
}

// A BI tool stores a region's running revenue with the rest of its state as
// JSON, and goes on adding to it after a restart: the total keeps the most
// decimal places of any amount added. The empty sum is {}.
func ExampleMoneySum_MarshalJSON() {
	var revenue triplecrown.MoneySum
	_ = revenue.Add(eur("1200"))
	_ = revenue.Add(eur("34.50"))
	stored, _ := json.Marshal(revenue)
	fmt.Println(string(stored))

	var empty triplecrown.MoneySum
	none, _ := json.Marshal(empty)
	fmt.Println("empty:", string(none))
	// Output:
	// {"amount":"1234.50","currency":"EUR"}
	// empty: {}
}

// Reading a stored sum back validates it as Money is validated; adding to the
// sum read back goes on where the stored one stopped.
func ExampleMoneySum_UnmarshalJSON() {
	var revenue triplecrown.MoneySum
	if err := json.Unmarshal([]byte(`{"amount":"1234.50","currency":"EUR"}`), &revenue); err != nil {
		fmt.Println(err)
		return
	}
	_ = revenue.Add(eur("0.25"))
	fmt.Println("read back, plus 0.25 EUR:", revenue.Total())

	err := json.Unmarshal([]byte(`{"amount":"1234.50","currency":"euro"}`), &revenue)
	fmt.Println(`currency "euro" is unknown-currency:`, errors.Is(err, triplecrown.ErrUnknownCurrency), "| the sum is unchanged:", revenue.Total())
	// Output:
	// read back, plus 0.25 EUR: 1234.75 EUR
	// currency "euro" is unknown-currency: true | the sum is unchanged: 1234.75 EUR
}
