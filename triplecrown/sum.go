package triplecrown

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Sum returns the exact sum of amounts, which must all be in one currency
// (the zero Money, having none, adds nothing). Amounts in different
// currencies are an error with code [ErrCurrencyMismatch] that names the
// first two currencies met, and a sum with more than [MaxDigits] digits
// (amounts near 10^40, or far apart in scale, like 1e30 and 1e-30) one with
// code [ErrInvalidAmount]; only the sum is held to the bounds, not the
// partial sums on the way. The sum of no amounts, or of zero Moneys only, is
// the zero Money.
//
// Sum does not allocate per amount. It adds the amounts' coefficients as
// fixed-point integers in a signed 128-bit accumulator, at the smallest
// exponent met so far (rescaling the accumulator when a finer amount comes),
// with every multiplication and addition checked for overflow, and converts
// to a decimal once, at the end. An amount whose coefficient has more than 18
// digits, or a sum that would overflow 128 bits, makes Sum start again with
// exact [decimal.Decimal.Add] arithmetic, which is slower but has no limit
// on the way (only the sum is held to the bounds); either way the result is
// exact.
func Sum(amounts []Money) (Money, error) {
	var s summer
	for i := range amounts {
		if err := s.add(amounts[i]); err != nil {
			return Money{}, err
		}
	}
	sum := s.total(amounts)
	if s.wide && !amountBounds.holds(sum.amount) {
		return Money{}, amountBounds.check(sum.amount, nil, fmt.Sprintf("the sum of %d amounts", len(amounts)))
	}
	return sum, nil
}

// total returns the sum of amounts, all of which s has added. Only a sum on
// the decimal path (s.wide) can be beyond the bounds of an amount: the
// fixed-point sum has at most 39 digits and the smallest exponent of the
// amounts, which are within them.
func (s *summer) total(amounts []Money) Money {
	if s.wide {
		return s.slowSum(amounts)
	}
	return s.result()
}

// summer sums Money: the currency, and a fixed-point accumulator that gives
// up (wide) when an amount does not fit.
type summer struct {
	cur  Currency
	acc  fixed
	wide bool
}

// add adds m, reporting a currency mismatch.
func (s *summer) add(m Money) error {
	if m.cur.IsZero() {
		// The zero Money: not even its exponent counts.
		return nil
	}
	if m.cur != s.cur {
		if !s.cur.IsZero() {
			return mismatch(nil, s.cur, m.cur)
		}
		s.cur = m.cur
	}
	if s.wide {
		return nil
	}
	if m.wide || !s.acc.add(m.units, m.amount.Exponent()) {
		s.wide = true
	}
	return nil
}

// result returns the accumulated sum; valid only when !s.wide.
func (s *summer) result() Money {
	if s.cur.IsZero() {
		return Money{}
	}
	return makeMoney(s.acc.decimal(), s.cur)
}

// slowSum returns the exact sum of amounts with decimal arithmetic; the
// currencies have been checked. Like the fixed-point path and [MoneySum], it
// keeps the smallest exponent among the amounts that carry the currency (the
// zero Money, which has none, is skipped rather than added as a 0 with
// exponent 0).
func (s *summer) slowSum(amounts []Money) Money {
	var d decimal.Decimal
	started := false
	for i := range amounts {
		if amounts[i].cur.IsZero() {
			continue
		}
		if !started {
			d, started = amounts[i].amount, true
			continue
		}
		d = d.Add(amounts[i].amount)
	}
	return makeMoney(d, s.cur)
}

// fixed is a signed 128-bit fixed-point accumulator: the value is
// (hi, lo) as a two's-complement 128-bit integer times 10^exp. The zero
// fixed is 0 with no exponent chosen yet.
type fixed struct {
	hi      uint64
	lo      uint64
	exp     int32
	started bool
}

// add adds coef * 10^exp, reporting false (and leaving f unusable) on
// overflow.
func (f *fixed) add(coef int64, exp int32) bool {
	if !f.started {
		f.started = true
		f.exp = exp
		f.lo, f.hi = uint64(coef), uint64(coef>>63)
		return true
	}
	vlo, vhi := uint64(coef), uint64(coef>>63)
	if exp != f.exp {
		if exp < f.exp {
			// A finer amount: rescale the accumulator to its exponent.
			var ok bool
			if f.hi, f.lo, ok = mulPow10(f.hi, f.lo, uint32(f.exp-exp)); !ok {
				return false
			}
			f.exp = exp
		} else {
			var ok bool
			if vhi, vlo, ok = mulPow10(vhi, vlo, uint32(exp-f.exp)); !ok {
				return false
			}
		}
	}
	lo, carry := bits.Add64(f.lo, vlo, 0)
	hi, _ := bits.Add64(f.hi, vhi, carry)
	// Signed overflow: both operands have the same sign and the sum has the
	// other one.
	if (f.hi^vhi)>>63 == 0 && (f.hi^hi)>>63 != 0 {
		return false
	}
	f.hi, f.lo = hi, lo
	return true
}

// pow10u64 returns 10^k for 0 <= k <= 19.
func pow10u64(k uint32) uint64 {
	p := uint64(1)
	for range k {
		p *= 10
	}
	return p
}

// mulPow10 returns the signed 128-bit (hi, lo) times 10^k, and false if the
// product does not fit in a signed 128-bit integer.
func mulPow10(hi, lo uint64, k uint32) (uint64, uint64, bool) {
	neg := hi>>63 != 0
	if neg {
		hi, lo = neg128(hi, lo)
	}
	for k > 0 {
		step := min(k, 19)
		k -= step
		m := pow10u64(step)
		c1, p0 := bits.Mul64(lo, m)
		c2, p1 := bits.Mul64(hi, m)
		h, carry := bits.Add64(p1, c1, 0)
		if c2 != 0 || carry != 0 || h>>63 != 0 {
			return 0, 0, false
		}
		hi, lo = h, p0
	}
	if neg {
		hi, lo = neg128(hi, lo)
	}
	return hi, lo, true
}

// neg128 returns the two's-complement negation of (hi, lo).
func neg128(hi, lo uint64) (uint64, uint64) {
	lo, borrow := bits.Sub64(0, lo, 0)
	hi, _ = bits.Sub64(0, hi, borrow)
	return hi, lo
}

// decimal converts the accumulator to a decimal: one allocation when the
// value fits in an int64, a few otherwise.
func (f *fixed) decimal() decimal.Decimal {
	if !f.started {
		return decimal.Decimal{}
	}
	// The value fits in an int64 when hi is the sign extension of lo.
	if f.hi == uint64(int64(f.lo)>>63) {
		return decimal.New(int64(f.lo), f.exp)
	}
	hi, lo := f.hi, f.lo
	neg := hi>>63 != 0
	if neg {
		hi, lo = neg128(hi, lo)
	}
	b := new(big.Int).SetUint64(hi)
	b.Lsh(b, 64)
	b.Or(b, new(big.Int).SetUint64(lo))
	if neg {
		b.Neg(b)
	}
	return decimal.NewFromBigInt(b, f.exp)
}
