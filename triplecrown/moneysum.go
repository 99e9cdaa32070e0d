package triplecrown

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

// MoneySum is a running, mergeable, exact sum of [Money] in one currency: the
// cost lines of a department, the revenue of a region, summed as they
// stream past, in as many pieces as there are workers. [MoneySum.Add] adds
// an amount, [MoneySum.Merge] adds another sum (a shard's), and
// [MoneySum.Total] gives the sum: exactly the sum of all the amounts, with
// the most decimal places of any of them, in whatever order and grouping
// they were added, equal to what [Sum] gives for them all at once.
//
// It adds as [Sum] does, in fixed-point 128-bit integers at the smallest
// exponent met, so Add allocates nothing; an amount too wide for that, or a
// sum that would overflow 128 bits, moves it to exact decimal arithmetic,
// which is slower. Unlike Sum, which holds only the final sum to
// [MaxDigits], a MoneySum holds every running sum to it, so that its binary
// form always decodes: an Add or a Merge that would take it beyond is an
// error with code [ErrInvalidAmount] and leaves it unchanged (only amounts
// near 10^40, or far apart in scale, like 1e30 and 1e-30, get there). So
// at the bounds the order and grouping can decide whether an error occurs:
// of 9…9, 9…9 and -9…9 (forty nines each), adding the first two before the
// third is refused, where adding the third second is not.
//
// The zero MoneySum is the empty sum, ready to use; its total is the zero
// Money. A MoneySum is a plain value: a copy is independent of the
// original. It is not safe for concurrent use: give each goroutine its own
// and merge them. For an engine that ships sums between workers it has a
// compact binary form ([MoneySum.MarshalBinary]).
type MoneySum struct {
	cur  Currency
	acc  fixed           // the sum, while !wide
	wide bool            // the sum is in big
	big  decimal.Decimal // the sum, once wide
}

// Add adds m to the sum. Adding the zero Money changes nothing; an amount in
// another currency than the sum's is an error with code
// [ErrCurrencyMismatch] that names both, and a sum that would have more
// than [MaxDigits] digits one with code [ErrInvalidAmount]; either leaves
// the sum unchanged. It does not allocate (unless the sum has become wide).
func (s *MoneySum) Add(m Money) error {
	if m.cur.IsZero() {
		// The zero Money: not even its exponent counts.
		return nil
	}
	if m.cur != s.cur && !s.cur.IsZero() {
		return mismatch(nil, s.cur, m.cur)
	}
	if !s.wide {
		acc := s.acc
		if !m.wide && acc.add(m.units, m.amount.Exponent()) {
			// Within the bounds: at most 39 digits, and the smallest
			// exponent of amounts that are within them.
			s.cur, s.acc = m.cur, acc
			return nil
		}
	}
	// The decimal sum keeps the smallest exponent met, as acc does.
	sum := m.amount
	switch {
	case s.wide:
		sum = s.big.Add(m.amount)
	case s.acc.started:
		sum = s.acc.decimal().Add(m.amount)
	}
	if err := amountBounds.check(sum, nil, "the running sum of "+m.cur.String()); err != nil {
		return err
	}
	s.cur, s.big, s.wide = m.cur, sum, true
	return nil
}

// Merge adds the sum o to s: merging the sums of shards gives exactly the
// sum of all their amounts, whatever the grouping, unless a running sum on
// the way passes the bounds (see [MoneySum]). Merging the empty sum changes
// nothing, and o may
// be s itself (which doubles s). Sums in two currencies are an error with
// code [ErrCurrencyMismatch], and a sum that would have more than
// [MaxDigits] digits one with code [ErrInvalidAmount]; either leaves s
// unchanged.
func (s *MoneySum) Merge(o MoneySum) error {
	switch {
	case o.cur.IsZero():
		return nil
	case s.cur.IsZero():
		*s = o
		return nil
	case s.cur != o.cur:
		return mismatch(nil, s.cur, o.cur)
	}
	if !s.wide && !o.wide {
		acc := s.acc
		if acc.addFixed(o.acc) {
			s.acc = acc
			return nil
		}
	}
	sum := s.amount().Add(o.amount())
	if err := amountBounds.check(sum, nil, "the merged sum of "+s.cur.String()); err != nil {
		return err
	}
	s.big, s.wide = sum, true
	return nil
}

// addFixed adds o to f, reporting false (and leaving f unusable) on
// overflow. Both have started.
func (f *fixed) addFixed(o fixed) bool {
	var ok bool
	switch {
	case o.exp < f.exp:
		if f.hi, f.lo, ok = mulPow10(f.hi, f.lo, uint32(f.exp-o.exp)); !ok {
			return false
		}
		f.exp = o.exp
	case o.exp > f.exp:
		if o.hi, o.lo, ok = mulPow10(o.hi, o.lo, uint32(o.exp-f.exp)); !ok {
			return false
		}
	}
	lo, carry := bits.Add64(f.lo, o.lo, 0)
	hi, _ := bits.Add64(f.hi, o.hi, carry)
	if (f.hi^o.hi)>>63 == 0 && (f.hi^hi)>>63 != 0 {
		return false
	}
	f.hi, f.lo = hi, lo
	return true
}

// amount returns the sum as a decimal: 0 for the empty sum.
func (s MoneySum) amount() decimal.Decimal {
	if s.wide {
		return s.big
	}
	return s.acc.decimal()
}

// Total returns the sum, exactly, with the most decimal places of any amount
// added (1.5 EUR plus 2.25 EUR is 3.75 EUR, and 1.50 EUR plus 2 EUR is
// 3.50 EUR), as [Sum] does. The empty sum's total is the zero Money.
func (s MoneySum) Total() Money {
	if s.cur.IsZero() {
		return Money{}
	}
	return makeMoney(s.amount(), s.cur)
}

// Currency returns the currency of the amounts added, or the zero Currency
// for the empty sum.
func (s MoneySum) Currency() Currency { return s.cur }

// IsZero reports whether s is the empty sum: nothing but the zero Money has
// been added. A sum of amounts that cancel out (10 EUR and -10 EUR) is not
// empty: its total is 0 EUR.
func (s MoneySum) IsZero() bool { return s.cur.IsZero() }

// Equal reports whether s and o have equal totals ([Money.Equal]: the same
// currency and the same amount, so 1.5 EUR equals 1.50 EUR).
func (s MoneySum) Equal(o MoneySum) bool {
	return s.cur == o.cur && s.amount().Equal(o.amount())
}
