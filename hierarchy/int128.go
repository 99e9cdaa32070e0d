package hierarchy

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// i128 is a signed 128-bit integer in two's complement: hi*2^64 + lo. The
// roll-ups accumulate fixed-point values in it, so that they never allocate a
// decimal per link and never lose a digit.
type i128 struct {
	hi int64
	lo uint64
}

func i128From(v int64) i128 { return i128{hi: v >> 63, lo: uint64(v)} }

func (a i128) neg() i128 {
	lo, borrow := bits.Sub64(0, a.lo, 0)
	hi := -a.hi - int64(borrow)
	return i128{hi: hi, lo: lo}
}

func (a i128) sign() int {
	switch {
	case a.hi < 0:
		return -1
	case a.hi == 0 && a.lo == 0:
		return 0
	}
	return 1
}

// add returns a+b and whether the sum overflowed.
func (a i128) add(b i128) (i128, bool) {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	hi := a.hi + b.hi + int64(carry)
	// Overflow: a and b have the same sign, and the sum another.
	return i128{hi: hi, lo: lo}, (a.hi >= 0) == (b.hi >= 0) && (hi >= 0) != (a.hi >= 0)
}

// sub returns a-b and whether the difference overflowed.
func (a i128) sub(b i128) (i128, bool) {
	if b.hi == -1<<63 && b.lo == 0 {
		return i128{}, true
	}
	return a.add(b.neg())
}

// abs returns |a| as an unsigned 128-bit number (hi, lo).
func (a i128) abs() (hi, lo uint64) {
	if a.hi < 0 {
		n := a.neg()
		return uint64(n.hi), n.lo
	}
	return uint64(a.hi), a.lo
}

// fromAbs returns the i128 of sign s (-1 or +1) and magnitude (hi, lo), and
// whether it does not fit.
func fromAbs(s int, hi, lo uint64) (i128, bool) {
	if hi>>63 != 0 {
		return i128{}, true
	}
	v := i128{hi: int64(hi), lo: lo}
	if s < 0 {
		v = v.neg()
	}
	return v, false
}

// mul returns a*w for 0 <= w, and whether the product overflowed.
func (a i128) mul(w uint64) (i128, bool) {
	s := a.sign()
	hi, lo := a.abs()
	h1, l1 := bits.Mul64(lo, w)
	h2, l2 := bits.Mul64(hi, w)
	rhi, carry := bits.Add64(h1, l2, 0)
	if h2 != 0 || carry != 0 {
		return i128{}, true
	}
	return fromAbs(s, rhi, l1)
}

// quo returns a/d, rounded half away from zero when round is set and
// truncated otherwise, and the remainder's magnitude; d > 0.
func (a i128) quo(d uint64, round bool) (i128, uint64) {
	s := a.sign()
	hi, lo := a.abs()
	qhi, r := hi/d, hi%d
	qlo, r := bits.Div64(r, lo, d)
	if round && r >= d-r { // 2r >= d, without overflow
		var carry uint64
		qlo, carry = bits.Add64(qlo, 1, 0)
		qhi += carry
	}
	q, _ := fromAbs(s, qhi, qlo) // |a/d| <= |a| fits
	return q, r
}

// big returns a as a big.Int.
func (a i128) big() *big.Int {
	s := a.sign()
	hi, lo := a.abs()
	v := new(big.Int).SetUint64(hi)
	v.Lsh(v, 64)
	v.Or(v, new(big.Int).SetUint64(lo))
	if s < 0 {
		v.Neg(v)
	}
	return v
}

// decimal returns a * 10^-scale with the trailing zeros of its fraction
// dropped.
func (a i128) decimal(scale int32) decimal.Decimal {
	for scale > 0 {
		q, r := a.quo(10, false)
		if r != 0 {
			break
		}
		a = q
		scale--
	}
	if (a.hi == 0 && a.lo < 1<<63) || (a.hi == -1 && a.lo >= 1<<63) {
		return decimal.New(int64(a.lo), -scale)
	}
	return decimal.NewFromBigInt(a.big(), -scale)
}

// pow10u returns 10^e for 0 <= e <= 19.
func pow10u(e int32) uint64 {
	p := uint64(1)
	for ; e > 0; e-- {
		p *= 10
	}
	return p
}

// maxScale is the most decimal places a weighted sum computes at: 10^38 is
// the largest power of ten in an i128.
const maxScale = 38

// scaleUp returns a*10^e for 0 <= e, and whether the product overflowed.
func (a i128) scaleUp(e int32) (i128, bool) {
	for e > 0 {
		k := min(e, 19)
		var overflow bool
		if a, overflow = a.mul(pow10u(k)); overflow {
			return i128{}, true
		}
		e -= k
	}
	return a, false
}

// mulWeight returns a·w/10^6 for a weight w >= 0 in millionths, when that is
// a whole number, as it is in a weighted sum, whose scale holds the decimal
// places of every product; and whether it overflowed. It splits a at 10^6,
// a = q·10^6 + r, so that it overflows only when the result does: a·w would
// overflow 10^6 times sooner.
func (a i128) mulWeight(w int64) (i128, bool) {
	q, r := a.quo(uint64(weightScale), false)
	x, overflow := q.mul(uint64(w))
	if overflow {
		return i128{}, true
	}
	// r·w/10^6 is whole too, and below 2^64: r < 10^6, w <= 10^18.
	hi, lo := bits.Mul64(r, uint64(w))
	rw, _ := bits.Div64(hi, lo, uint64(weightScale))
	part := i128From(int64(rw))
	if a.sign() < 0 {
		part = part.neg()
	}
	return x.add(part)
}

// i128FromBig returns b as an i128, and whether it does not fit.
func i128FromBig(b *big.Int) (i128, bool) {
	if b.BitLen() > 127 {
		return i128{}, true
	}
	var abs big.Int
	abs.Abs(b)
	lo := new(big.Int).And(&abs, new(big.Int).SetUint64(^uint64(0))).Uint64()
	hi := abs.Rsh(&abs, 64).Uint64()
	return fromAbs(b.Sign(), hi, lo)
}
