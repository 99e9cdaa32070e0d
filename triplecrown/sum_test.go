package triplecrown

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func eur(s string) Money { return MustMoney(s, "EUR") }

func TestSum(t *testing.T) {
	// Each want is the sum worked by hand.
	tests := []struct {
		name    string
		in      []Money
		want    Money
		wantErr error
	}{
		{name: "empty is the zero Money", in: nil, want: Money{}},
		{name: "only zero Moneys", in: []Money{{}, {}}, want: Money{}},
		{name: "one", in: []Money{eur("1.5")}, want: eur("1.5")},
		{name: "same scale", in: []Money{eur("1.25"), eur("2.50"), eur("-0.75")}, want: eur("3.00")},
		// 100 + 0.5 + 0.125 = 100.625: the accumulator rescales twice.
		{name: "finer amounts later", in: []Money{eur("100"), eur("0.5"), eur("0.125")}, want: eur("100.625")},
		// 0.001 + 1e3 = 1000.001: a coarser amount is scaled up.
		{name: "coarser amounts later", in: []Money{eur("0.001"), MustMoney("1e3", "EUR")}, want: eur("1000.001")},
		{name: "zero Money is skipped", in: []Money{{}, eur("2"), {}}, want: eur("2")},
		// 9e17 * 20 = 1.8e19, past int64 but well inside 128 bits.
		{name: "past int64", in: repeat(eur("900000000000000000"), 20), want: eur("18000000000000000000")},
		{name: "negative past int64", in: repeat(eur("-900000000000000000"), 20), want: eur("-18000000000000000000")},
		// A 25-digit amount does not fit the fast path; the slow path adds it exactly.
		{name: "wide amount", in: []Money{eur("1"), eur("1234567890123456789012345"), eur("0.01")}, want: eur("1234567890123456789012346.01")},
		// 9 at exponent 30 rescaled to exponent -9 is 9e39, past 2^127:
		// overflow, then the slow path; the sum has 40 digits.
		{name: "exponents too far apart", in: []Money{eur("9e30"), eur("1e-9")}, want: makeMoney(dec("9000000000000000000000000000000.000000001"), MustCurrency("EUR"))},
		// 9e17 at exponent 30 plus 1e-30 has 78 digits; forty nines plus
		// 0.5 has 41, and so do forty nines plus one: beyond MaxDigits.
		{name: "sum of too many digits", in: []Money{eur("900000000000000000e30"), eur("1e-30")}, wantErr: ErrInvalidAmount},
		{name: "places past the bounds", in: []Money{eur(strings.Repeat("9", 40)), eur("0.5")}, wantErr: ErrInvalidAmount},
		{name: "carry past the bounds", in: []Money{eur(strings.Repeat("9", 40)), eur("1")}, wantErr: ErrInvalidAmount},
		// The partial sum forty nines plus one is beyond, the sum is not.
		{name: "only the sum counts", in: []Money{eur(strings.Repeat("9", 40)), eur("1"), eur("-2")}, want: eur(strings.Repeat("9", 39) + "8")},
		{name: "mixed currencies", in: []Money{eur("1"), MustMoney("1", "USD")}, wantErr: ErrCurrencyMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Sum(tt.in)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
		})
	}
}

func repeat(m Money, n int) []Money {
	out := make([]Money, n)
	for i := range out {
		out[i] = m
	}
	return out
}

// TestSum_matchesDecimal checks the fast path against decimal.Add on random
// amounts of mixed scales and signs: both are exact, so they must agree.
func TestSum_matchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 1 + rng.IntN(50)
		amounts := make([]Money, n)
		var want decimal.Decimal
		for i := range amounts {
			d := decimal.New(rng.Int64N(2e15)-1e15, -int32(rng.IntN(6)))
			if trial%10 == 0 {
				// Now and then near the int64 limit, to cross into 128 bits.
				d = decimal.New(rng.Int64N(1e18)-5e17, 0)
			}
			amounts[i] = makeMoney(d, MustCurrency("EUR"))
			want = want.Add(d)
		}
		got, err := Sum(amounts)
		require.NoError(t, err)
		assert.True(t, want.Equal(got.Amount()), "trial %d: got %s, want %s", trial, got.Amount(), want)
	}
}

// TestSum_orderDoesNotMatter: the sum of a shuffled slice is the same.
func TestSum_orderDoesNotMatter(t *testing.T) {
	in := []Money{eur("0.01"), eur("1e3"), eur("-7.125"), eur("99999999999999999"), eur("3")}
	want, err := Sum(in)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		got, err := Sum(in)
		require.NoError(t, err)
		assert.True(t, want.Equal(got))
	}
}

func TestFixed_overflow(t *testing.T) {
	// Adding MaxInt64 at exponent 0 to a value just under 2^127 overflows;
	// so does multiplying it by 10.
	f := fixed{hi: 1<<63 - 1, lo: 1<<64 - 1, started: true}
	assert.False(t, f.add(1<<62, 0), "2^127 - 1 + 2^62 overflows")
	f = fixed{hi: 1<<63 - 1, lo: 0, started: true}
	assert.False(t, f.add(1, -1), "rescaling 2^127-ish by 10 overflows")
	f = fixed{hi: 1 << 63, lo: 0, started: true} // -2^127
	assert.False(t, f.add(-1, 0), "-2^127 - 1 overflows")
	_, _, ok := mulPow10(0, 1, 39)
	assert.False(t, ok, "10^39 does not fit in 127 bits")
	hi, lo, ok := mulPow10(0, 1, 38)
	require.True(t, ok, "10^38 < 2^127")
	var g fixed
	g.hi, g.lo, g.started = hi, lo, true
	assert.Equal(t, "100000000000000000000000000000000000000", g.decimal().String())
	assert.True(t, (&fixed{}).decimal().IsZero())
}

// TestSum_slowPathExponent checks that the slow path keeps the smallest
// exponent among the amounts, as the fast path and MoneySum do, rather than
// that of a zero it starts from. By hand: 1234567890123456789012345e5 (25
// digits, too wide for the fast path) + 2e7 = (1234567890123456789012345 +
// 200) x 10^5 = 1234567890123456789012545e5.
func TestSum_slowPathExponent(t *testing.T) {
	in := []Money{{}, MustMoney("1234567890123456789012345e5", "EUR"), MustMoney("2e7", "EUR")}
	got, err := Sum(in)
	require.NoError(t, err)
	assert.Equal(t, "1234567890123456789012545", got.Amount().Coefficient().String())
	assert.Equal(t, int32(5), got.Amount().Exponent())

	var s MoneySum
	for _, m := range in {
		require.NoError(t, s.Add(m))
	}
	assert.Equal(t, s.Total().Amount().Exponent(), got.Amount().Exponent(), "Sum and MoneySum agree on the exponent")
}

// TestSum_zeroMoneyHasNoExponent checks that the zero Money, which adds
// nothing, does not lend the sum its exponent 0 either: 1e3 EUR alone sums to
// 1e3 (coefficient 1, exponent 3), with or without zero Moneys around it.
func TestSum_zeroMoneyHasNoExponent(t *testing.T) {
	in := []Money{{}, MustMoney("1e3", "EUR"), {}}
	got, err := Sum(in)
	require.NoError(t, err)
	assert.Equal(t, int32(3), got.Amount().Exponent())

	var s MoneySum
	for _, m := range in {
		require.NoError(t, s.Add(m))
	}
	assert.Equal(t, int32(3), s.Total().Amount().Exponent())
	var empty MoneySum
	require.NoError(t, empty.Add(Money{}))
	assert.True(t, empty.IsZero(), "adding the zero Money leaves the sum empty")
}
