package triplecrown

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// sumOf adds amounts to an empty MoneySum.
func sumOf(t testing.TB, amounts ...Money) MoneySum {
	t.Helper()
	var s MoneySum
	for _, m := range amounts {
		require.NoError(t, s.Add(m))
	}
	return s
}

func TestMoneySum_Add(t *testing.T) {
	// Each want is the sum worked by hand, with its decimal places: the
	// most of any amount.
	tests := []struct {
		name     string
		in       []Money
		want     Money
		wantExp  int32
		wantWide bool
	}{
		{name: "empty is the zero Money", in: nil, want: Money{}},
		{name: "only zero Moneys", in: []Money{{}, {}}, want: Money{}},
		{name: "zero euros is not empty", in: []Money{eur("0")}, want: eur("0")},
		// 1.50 + 2 = 3.50: two places.
		{name: "places kept", in: []Money{eur("1.50"), eur("2")}, want: eur("3.50"), wantExp: -2},
		// 100 + 0.5 + 0.125 = 100.625.
		{name: "finer later", in: []Money{eur("100"), eur("0.5"), eur("0.125")}, want: eur("100.625"), wantExp: -3},
		// 0.001 + 1e3 = 1000.001.
		{name: "coarser later", in: []Money{eur("0.001"), MustMoney("1e3", "EUR")}, want: eur("1000.001"), wantExp: -3},
		// 1e3 + 2e3 = 3e3: the exponent stays 3.
		{name: "positive exponents", in: []Money{MustMoney("1e3", "EUR"), MustMoney("2e3", "EUR")}, want: eur("3000"), wantExp: 3},
		// 10 - 10.00 = 0.00.
		{name: "cancelling", in: []Money{eur("10"), eur("-10.00")}, want: eur("0.00"), wantExp: -2},
		{name: "zero Money skipped", in: []Money{{}, eur("2"), {}}, want: eur("2")},
		// 9e17 * 20 = 1.8e19: past int64, inside 128 bits.
		{name: "past int64", in: repeat(eur("900000000000000000"), 20), want: eur("18000000000000000000")},
		// A 25-digit amount first: wide from the start, its exponent kept.
		{name: "wide first", in: []Money{MustMoney("1234567890123456789012345e3", "EUR")},
			want: MustMoney("1234567890123456789012345e3", "EUR"), wantExp: 3, wantWide: true},
		{name: "wide later", in: []Money{eur("1"), eur("1234567890123456789012345"), eur("0.01")},
			want: eur("1234567890123456789012346.01"), wantExp: -2, wantWide: true},
		// 9 at exponent 30 rescaled to exponent -9 needs 9e39: past 2^127
		// (about 1.7e38), so the sum goes on in decimals; 9e30 + 1e-9 has
		// 40 digits, within MaxDigits.
		{name: "exponents too far apart", in: []Money{eur("9e30"), eur("1e-9")},
			want: makeMoney(dec("9000000000000000000000000000000.000000001"), MustCurrency("EUR")), wantExp: -9, wantWide: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sumOf(t, tt.in...)
			got := s.Total()
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
			assert.Equal(t, tt.want.Currency(), s.Currency())
			assert.Equal(t, tt.wantExp, got.Amount().Exponent(), "exponent of %s", got)
			assert.Equal(t, tt.wantWide, s.wide)
			assert.Equal(t, tt.want.IsZero(), s.IsZero())

			// Sum agrees.
			all, err := Sum(tt.in)
			require.NoError(t, err)
			assert.True(t, all.Equal(got), "Sum gives %s", all)
		})
	}
}

func TestMoneySum_Add_currencyMismatch(t *testing.T) {
	s := sumOf(t, eur("10.00"))
	err := s.Add(MustMoney("5", "USD"))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.Equal(t, "triplecrown: currency mismatch: EUR and USD cannot be combined without a conversion", err.Error())
	assert.True(t, eur("10").Equal(s.Total()), "unchanged: %s", s.Total())

	// Also once wide.
	w := sumOf(t, eur("1234567890123456789012345"))
	require.ErrorIs(t, w.Add(MustMoney("5", "USD")), ErrCurrencyMismatch)
	assert.True(t, eur("1234567890123456789012345").Equal(w.Total()))
}

// TestMoneySum_bounds: an Add or a Merge that would take the sum beyond
// MaxDigits is an error and leaves the sum as it was, so that a MoneySum's
// binary form always decodes.
func TestMoneySum_bounds(t *testing.T) {
	nines := eur(strings.Repeat("9", 40))
	// On the decimal path: forty nines (wide) plus one is 10^40, 41 digits.
	s := sumOf(t, nines)
	require.True(t, s.wide)
	err := s.Add(eur("1"))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: the running sum of EUR with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	assert.True(t, nines.Equal(s.Total()), "unchanged: %s", s.Total())
	// Leaving the fixed-point path: 9e30 rescaled to exponent -30 overflows
	// 128 bits, and 9e30 + 1e-30 has 61 digits. The sum stays fixed.
	f := sumOf(t, eur("9e30"))
	assert.ErrorIs(t, f.Add(eur("1e-30")), ErrInvalidAmount)
	assert.False(t, f.wide)
	assert.True(t, eur("9e30").Equal(f.Total()))
	// Merging: both ways, fixed and wide.
	assert.ErrorIs(t, f.Merge(sumOf(t, eur("1e-30"))), ErrInvalidAmount)
	assert.True(t, eur("9e30").Equal(f.Total()))
	err = s.Merge(s)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: the merged sum of EUR with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	assert.True(t, nines.Equal(s.Total()))
	// The sum may come back within the bounds: forty nines, minus one, plus
	// one.
	require.NoError(t, s.Add(eur("-1")))
	require.NoError(t, s.Add(eur("1")))
	assert.True(t, nines.Equal(s.Total()))
}

func TestMoneySum_Merge(t *testing.T) {
	tests := []struct {
		name    string
		a, b    MoneySum
		want    Money
		wantExp int32
	}{
		{name: "empty and empty", want: Money{}},
		{name: "empty and some", b: sumOf(t, eur("2.5")), want: eur("2.5"), wantExp: -1},
		{name: "some and empty", a: sumOf(t, eur("2.5")), want: eur("2.5"), wantExp: -1},
		// 1.5 + 2.25 = 3.75: the merged accumulator rescales to -2.
		{name: "rescale the receiver", a: sumOf(t, eur("1.5")), b: sumOf(t, eur("2.25")), want: eur("3.75"), wantExp: -2},
		{name: "rescale the argument", a: sumOf(t, eur("2.25")), b: sumOf(t, eur("1.5")), want: eur("3.75"), wantExp: -2},
		{name: "wide and narrow", a: sumOf(t, eur("1234567890123456789012345")), b: sumOf(t, eur("0.5")),
			want: eur("1234567890123456789012345.5"), wantExp: -1},
		{name: "narrow and wide", a: sumOf(t, eur("0.5")), b: sumOf(t, eur("1234567890123456789012345")),
			want: eur("1234567890123456789012345.5"), wantExp: -1},
		// 9e30 needs more than 128 bits at exponent -9: 9e39.
		{name: "merge overflows 128 bits", a: sumOf(t, eur("9e30")), b: sumOf(t, eur("1e-9")),
			want: makeMoney(dec("9000000000000000000000000000000.000000001"), MustCurrency("EUR")), wantExp: -9},
		{name: "argument overflows 128 bits", a: sumOf(t, eur("1e-9")), b: sumOf(t, eur("9e30")),
			want: makeMoney(dec("9000000000000000000000000000000.000000001"), MustCurrency("EUR")), wantExp: -9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.a
			require.NoError(t, s.Merge(tt.b))
			got := s.Total()
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
			assert.Equal(t, tt.wantExp, got.Amount().Exponent())
		})
	}
}

// pow2 returns 2^k.
func pow2(k uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), k) }

func TestMoneySum_Merge_overflowAtTheTop(t *testing.T) {
	// Two sums near 2^127 at the same exponent: their 128-bit sum would
	// overflow, so the merge continues in decimals. 2^126 + 2^126 = 2^127.
	// (No amount of 39 digits is added in fixed point, so the sum is made
	// as a decoded one is.)
	acc, wide := fixedOf(decimal.NewFromBigInt(pow2(126), 0))
	require.False(t, wide, "2^126 fits the accumulator")
	a := MoneySum{cur: MustCurrency("EUR"), acc: acc}
	s := a
	require.NoError(t, s.Merge(a))
	assert.True(t, s.wide)
	assert.True(t, decimal.NewFromBigInt(pow2(127), 0).Equal(s.Total().Amount()))
}

func TestMoneySum_Merge_currencyMismatch(t *testing.T) {
	s := sumOf(t, eur("1"))
	err := s.Merge(sumOf(t, MustMoney("1", "GBP")))
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.True(t, eur("1").Equal(s.Total()))
}

func TestMoneySum_Merge_self(t *testing.T) {
	s := sumOf(t, eur("1.25"), eur("2"))
	require.NoError(t, s.Merge(s))
	// (1.25 + 2) * 2 = 6.50.
	assert.True(t, eur("6.50").Equal(s.Total()))
}

func TestMoneySum_Equal(t *testing.T) {
	assert.True(t, sumOf(t, eur("1.5")).Equal(sumOf(t, eur("1.50"))), "1.5 EUR equals 1.50 EUR, as Money.Equal says")
	assert.False(t, sumOf(t, eur("1.5")).Equal(sumOf(t, MustMoney("1.5", "USD"))))
	assert.False(t, sumOf(t, eur("1.5")).Equal(sumOf(t, eur("1.6"))))
	assert.True(t, MoneySum{}.Equal(MoneySum{}))
	assert.False(t, MoneySum{}.Equal(sumOf(t, eur("0"))), "the empty sum is not 0 EUR")
	// A wide sum equals a narrow one of the same total.
	w := sumOf(t, eur("1234567890123456789012345"), eur("-1234567890123456789012345"), eur("2"))
	require.True(t, w.wide)
	assert.True(t, w.Equal(sumOf(t, eur("2"))))
}

func TestMoneySum_Add_allocs(t *testing.T) {
	amounts := []Money{eur("12.34"), eur("-0.5"), eur("1000"), eur("0.001")}
	var s MoneySum
	allocs := testing.AllocsPerRun(100, func() {
		for _, m := range amounts {
			_ = s.Add(m)
		}
	})
	assert.Zero(t, allocs)
}

// randomAmount returns an amount of varied size and exponent: mostly cents,
// sometimes other exponents (-8 to 8), sometimes wider than 18 digits (at
// most 31, in cents). Forty of them sum to at most 39 digits: 31 + 6 places
// + 2 for the carries, or 10 + 16 + 2.
func randomAmount(rng *rand.Rand) Money {
	exp := int32(-2)
	coef := decimal.New(rng.Int64N(1_000_000_000)-100_000_000, 0)
	switch rng.IntN(8) {
	case 0:
		coef = coef.Mul(decimal.New(rng.Int64N(1_000_000_000_000), 0)).Mul(decimal.New(1_000_000_007, 0))
	case 1, 2:
		exp = int32(rng.IntN(17) - 8)
	}
	m, err := NewMoney(decimal.NewFromBigInt(coef.BigInt(), exp), "EUR")
	if err != nil {
		panic(err)
	}
	return m
}

// TestMoneySum_properties: however amounts are split into shards and
// however the shards are merged, the total is Sum's, with the smallest
// exponent of any amount; and every shard, and every merge, survives its
// binary form: merging decoded shards gives the merge of the shards.
func TestMoneySum_properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 3))
	for range 300 {
		amounts := make([]Money, 1+rng.IntN(40))
		minExp := int32(MaxExponent)
		for i := range amounts {
			amounts[i] = randomAmount(rng)
			minExp = min(minExp, amounts[i].Amount().Exponent())
		}
		want, err := Sum(amounts)
		require.NoError(t, err)

		// Split into shards at random cut points.
		var shards []MoneySum
		var cur MoneySum
		for _, m := range amounts {
			require.NoError(t, cur.Add(m))
			if rng.IntN(5) == 0 {
				shards = append(shards, cur)
				cur = MoneySum{}
			}
		}
		shards = append(shards, cur)
		rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })

		var merged, mergedDecoded MoneySum
		for _, sh := range shards {
			b, err := sh.MarshalBinary()
			require.NoError(t, err)
			var d MoneySum
			require.NoError(t, d.UnmarshalBinary(b))
			require.True(t, sh.Equal(d))
			require.Equal(t, sh.Total().Amount().Exponent(), d.Total().Amount().Exponent())
			again, err := d.MarshalBinary()
			require.NoError(t, err)
			require.Equal(t, b, again)

			require.NoError(t, merged.Merge(sh))
			require.NoError(t, mergedDecoded.Merge(d))
		}
		got := merged.Total()
		require.True(t, want.Equal(got), "merged %s, Sum %s", got, want)
		require.Equal(t, minExp, got.Amount().Exponent())
		require.True(t, merged.Equal(mergedDecoded))
		require.Equal(t, minExp, mergedDecoded.Total().Amount().Exponent())
		mb, _ := merged.MarshalBinary()
		db, _ := mergedDecoded.MarshalBinary()
		require.Equal(t, mb, db)
	}
}

// TestMoneySumJSON: a sum's JSON is its total, and reads back to a sum that
// goes on as the stored one would: 1200 + 34.50 = 1234.50 EUR, two places;
// 10 - 10 EUR is 0 EUR, a sum that is not empty; the empty sum is {}.
func TestMoneySumJSON(t *testing.T) {
	var s MoneySum
	require.NoError(t, s.Add(MustMoney("1200", "EUR")))
	require.NoError(t, s.Add(MustMoney("34.50", "EUR")))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"1234.50","currency":"EUR"}`, string(b))
	var back MoneySum
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(s))
	require.NoError(t, back.Add(MustMoney("0.001", "EUR")))
	assert.Equal(t, "1234.501 EUR", back.Total().String())

	// Thirty-nine nines times 10^1, plus 1 times 10^1, is 10^39 times 10^1:
	// a coefficient of 40 digits at exponent 1, within MaxDigits. Read back
	// as the plain integer 9…90, 40 digits at exponent 0, the sum would
	// take 1e1 to 10^40 at exponent 0, 41 digits, out of range; written
	// "9…9e1" it reads back at exponent 1 and takes the 1e1.
	var wide MoneySum
	require.NoError(t, wide.Add(MustMoney(strings.Repeat("9", 39)+"e1", "EUR")))
	b, err = json.Marshal(wide)
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"`+strings.Repeat("9", 39)+`e1","currency":"EUR"}`, string(b))
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, wide.Add(MustMoney("1e1", "EUR")))
	require.NoError(t, back.Add(MustMoney("1e1", "EUR")), "the sum read back goes on as the stored one")
	assert.True(t, back.Equal(wide))
	wb, err := wide.MarshalBinary()
	require.NoError(t, err)
	bb, err := back.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, wb, bb, "the same coefficient and exponent")

	var zero MoneySum
	require.NoError(t, zero.Add(MustMoney("10", "EUR")))
	require.NoError(t, zero.Add(MustMoney("-10", "EUR")))
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"0","currency":"EUR"}`, string(b))
	require.NoError(t, json.Unmarshal(b, &back))
	assert.False(t, back.IsZero(), "0 EUR is a sum, not the empty one")

	b, err = json.Marshal(MoneySum{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
	require.NoError(t, json.Unmarshal([]byte(` { } `), &back))
	assert.True(t, back.IsZero())

	require.NoError(t, json.Unmarshal([]byte(`{"amount":"5","currency":"EUR"}`), &back))
	for in, code := range map[string]error{
		`null`:                                       outcome.ErrInvalidJSON,
		`{"amount":null}`:                            ErrMissingMoney,
		`{"amount":null,"currency":null}`:            ErrMissingMoney,
		`{"currency":null}`:                          ErrMissingMoney,
		`{"amount":"1"}`:                             ErrMissingMoney,
		`{"amount":"1","currency":"eur"}`:            ErrUnknownCurrency,
		`{"amount":"1,5","currency":"EUR"}`:          ErrInvalidAmount,
		`{"amount":"1","currency":"EUR","memo":"x"}`: outcome.ErrInvalidJSON,
	} {
		s := back
		err := json.Unmarshal([]byte(in), &s)
		assert.ErrorIs(t, err, code, in)
		assert.True(t, s.Equal(back) && s.IsZero() == back.IsZero(), "%s changed the sum", in)
		if in != `null` {
			// Anything but {} is money, and refused as Money refuses it.
			var m Money
			assert.Equal(t, m.UnmarshalJSON([]byte(in)), err, in)
		}
	}
	// {} with white space is still an object without members.
	require.NoError(t, json.Unmarshal([]byte("{\n\t}"), &back))
	assert.True(t, back.IsZero())
}
