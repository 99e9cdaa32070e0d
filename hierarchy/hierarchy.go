package hierarchy

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/outcome"
)

// Node is one rung of work or outcome in a hierarchy, as plain data: what a
// caller passes to [Builder.AddNode], and what [Model.Node] returns.
//
// A Node is comparable with == and [Node.Equal]. The zero Node is not a valid
// node: it has no ID and no level. Its JSON form is that of a node of a
// definition ([Node.MarshalJSON], [Node.UnmarshalJSON]); a node that
// [Builder.Build] refuses on its own does not marshal.
type Node struct {
	// ID identifies the node; see [outcome.ValidateID]. Required, unique.
	ID string
	// Name is what people call it, e.g. "Answer call". Optional.
	Name string
	// Level is the node's rung: a task, an activity, an output, a business
	// outcome or a successful customer outcome. Required.
	Level outcome.Level
	// Metric is what measures the node, or the zero Metric if nothing does.
	// Its level must be the node's level.
	Metric outcome.Metric
}

// Equal reports whether n and o are the same node, field by field.
func (n Node) Equal(o Node) bool { return n == o }

// IsZero reports whether n is the zero Node.
func (n Node) IsZero() bool { return n == Node{} }

// Link says that one node contributes to another, with a weight: how much of
// From's work goes to To, relative to From's other links (the weighted
// roll-ups use it as a multiplier). Links go from a node to a node of the same
// level or a higher one.
//
// The zero Link has no ends and weight 0. Compare links with [Link.Equal], not
// ==, since the weight is a decimal. Its JSON form is that of a link of a
// definition ([Link.MarshalJSON], [Link.UnmarshalJSON]); a link that
// UnmarshalJSON would refuse (the zero Link among them) does not marshal.
type Link struct {
	// From is the ID of the node that contributes.
	From string
	// To is the ID of the node it contributes to.
	To string
	// Weight is non-negative, with at most [WeightPlaces] decimal places, and
	// at most [MaxWeight].
	Weight decimal.Decimal
}

// Equal reports whether l and o join the same nodes with equal weights,
// field by field: the same From and To, and weights by value (1.0 equals
// 1.00).
func (l Link) Equal(o Link) bool {
	return l.From == o.From && l.To == o.To && l.Weight.Equal(o.Weight)
}

// LinkAt is a link by the positions of the nodes it joins ([Model.Position]):
// what [Model.LinksAt] yields, for a caller that keeps what it knows about
// the nodes in slices indexed by position rather than in maps by ID.
type LinkAt struct {
	// From is the position of the node that contributes; To, the position
	// of the node it contributes to.
	From, To int
	// Weight is the link's weight, as in [Link].
	Weight decimal.Decimal
}

// Equal reports whether l and o join the same positions with equal
// weights, field by field: the same From and To, and weights by value (1.0
// equals 1.00). Compare them with Equal, not ==, which compares a weight's
// inner pointer and exponent, not its value.
func (l LinkAt) Equal(o LinkAt) bool {
	return l.From == o.From && l.To == o.To && l.Weight.Equal(o.Weight)
}

// WeightPlaces is the number of decimal places a link weight may have. The
// model keeps each weight as an int64 count of millionths (fixed point,
// 10^-WeightPlaces), so that it stores no decimal per link and rolls values
// up in integer arithmetic; a weight that needs more places is an error with
// code [ErrInvalidWeight], never rounded.
const WeightPlaces = 6

// MaxWeight is the largest link weight, 10^12. A larger weight is an error
// with code [ErrInvalidWeight].
const MaxWeight = 1_000_000_000_000

// weightScale is 10^WeightPlaces: the stored value of a weight of 1.
const weightScale int64 = 1_000_000

// maxScaled is MaxWeight in millionths.
const maxScaled int64 = MaxWeight * weightScale

// pow10 returns 10^e for 0 <= e <= 18.
func pow10(e int64) int64 {
	p := int64(1)
	for ; e > 0; e-- {
		p *= 10
	}
	return p
}

// weightFault says what is wrong with a weight, or with a value
// ([scaleInt]).
type weightFault uint8

const (
	weightOK weightFault = iota
	weightNegative
	weightTooPrecise
	weightTooLarge
)

// scaleWeight returns d in millionths, or what is wrong with it. It never
// panics, whatever d's exponent.
func scaleWeight(d decimal.Decimal) (int64, weightFault) {
	if d.Sign() < 0 {
		return 0, weightNegative
	}
	return scaleInt(d, WeightPlaces, maxScaled)
}

// scaleInt returns d·10^places, the number of units of 10^-places in d,
// if that is an integer within ±limit; otherwise weightTooPrecise or
// weightTooLarge says why not. It never panics, and works in time about
// linear in the number of d's digits, whatever d's exponent: it divides a
// long coefficient by a power of ten once, not a digit at a time.
func scaleInt(d decimal.Decimal, places int32, limit int64) (int64, weightFault) {
	if d.Sign() == 0 {
		return 0, weightOK
	}
	// d·10^places = c·10^e, and |c| >= 10^(digits-1).
	e := int64(d.Exponent()) + int64(places)
	digits := int64(d.NumDigits())
	if digits-1+e > 18 {
		return 0, weightTooLarge // at least 10^19
	}
	if digits <= 18 {
		c := d.CoefficientInt64()
		if e >= 0 { // e <= 18 - (digits-1)
			if p := pow10(e); c > limit/p || c < -limit/p {
				return 0, weightTooLarge
			}
			return c * pow10(e), weightOK
		}
		if e < -18 {
			return 0, weightTooPrecise // 0 < |c| < 10^18 has fewer than 18 trailing zeros
		}
		p := pow10(-e)
		if c%p != 0 {
			return 0, weightTooPrecise
		}
		if c /= p; c > limit || c < -limit {
			return 0, weightTooLarge
		}
		return c, weightOK
	}
	// A coefficient of 19 digits or more, so e <= 0: c must be a multiple of
	// 10^-e, which it cannot be if 10^-e has more digits than c.
	c := d.Coefficient()
	if e < 0 {
		if -e > digits {
			return 0, weightTooPrecise
		}
		var r big.Int
		c.QuoRem(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil), &r)
		if r.Sign() != 0 {
			return 0, weightTooPrecise
		}
	}
	if !c.IsInt64() || c.Int64() > limit || c.Int64() < -limit {
		return 0, weightTooLarge
	}
	return c.Int64(), weightOK
}

// decimalFrom128 returns the decimal (hi*2^64 + lo) * 10^exp.
func decimalFrom128(hi, lo uint64, exp int32) decimal.Decimal {
	v := new(big.Int).SetUint64(hi)
	v.Lsh(v, 64)
	v.Or(v, new(big.Int).SetUint64(lo))
	return decimal.NewFromBigInt(v, exp)
}

// weightOne is the weight 1, the default, as weightDecimal returns it. A
// decimal.Decimal is never changed by its methods, so the one value serves
// every link of weight 1 without an allocation each (as decimal.Zero
// serves every zero).
var weightOne = decimal.New(1, 0)

// weightDecimal returns the decimal value of a weight in millionths; the
// weight 1 is weightOne, without an allocation.
func weightDecimal(w int64) decimal.Decimal {
	if w == weightScale {
		return weightOne
	}
	exp := int32(-WeightPlaces)
	for exp < 0 && w%10 == 0 {
		w /= 10
		exp++
	}
	return decimal.New(w, exp)
}
