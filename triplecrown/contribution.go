package triplecrown

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// Contribution is one unit's part of the enterprise's cost saving or revenue
// growth: the money, and its share of the total in percent.
//
// Contribution is immutable. Its JSON form is read back only within its
// [Contributions]: [Contribution.UnmarshalJSON] refuses it alone.
type Contribution struct {
	unit      string
	amount    Money
	share     decimal.Decimal
	detractor bool
	noShare   bool // the total is zero, so the share is not defined
}

// Equal reports whether c and o are the same contribution, field by field:
// the unit and the detractor flag with ==, the amount by [Money.Equal] and
// the share by value (37.5 equals 37.50), and whether the share is defined
// (a share of 0 of a total of zero is not equal to a share of 0 of a total
// that is not zero: [Contribution.String] says them differently).
func (c Contribution) Equal(o Contribution) bool {
	return c.unit == o.unit && c.amount.Equal(o.amount) && c.share.Equal(o.share) &&
		c.detractor == o.detractor && c.noShare == o.noShare
}

// Unit returns the unit's ID.
func (c Contribution) Unit() string { return c.unit }

// Amount returns the unit's contribution: for cost, the saving (baseline
// minus actual); for revenue, the growth (actual minus baseline). It is
// negative for a detractor.
func (c Contribution) Amount() Money { return c.amount }

// Share returns the contribution's share of the total in percent, rounded so
// that the shares of all units add up to exactly 100 (see
// [NewContributions]); 0 when the shares are not defined. It is negative
// when the contribution and the total have opposite signs: a detractor's
// when the total is positive, a unit's that saved or grew when the total is
// negative.
func (c Contribution) Share() decimal.Decimal { return c.share }

// Detractor reports whether the unit took away from the total: its cost rose
// or its revenue fell.
func (c Contribution) Detractor() bool { return c.detractor }

// String describes the contribution, such as "sales: 300000 EUR (75%)" or
// "support: -20000 EUR (-5%), a detractor". Where the shares are not defined
// ([Contributions.SharesDefined] is false: the total is zero), it says so in
// place of the share, "sales: 300000 EUR (no share of a total of zero)",
// never "(0%)" beside an amount that is not zero.
func (c Contribution) String() string {
	share := decfmt.String(c.share) + "%"
	if c.noShare {
		share = "no share of a total of zero"
	}
	s := fmt.Sprintf("%s: %s (%s)", c.unit, c.amount, share)
	if c.detractor {
		s += ", a detractor"
	}
	return s
}

// Contributions is each unit's contribution to the enterprise's cost saving
// or revenue growth: "everyone becomes accountable for demonstrating their
// substantial triple crown contribution". Units that detracted are listed
// with the others, marked, never hidden. Make one with [NewContributions].
//
// Contributions is immutable. The zero Contributions is invalid. Its JSON
// form reads back, checked to agree with itself:
// [Contributions.UnmarshalJSON].
type Contributions struct {
	crown     Crown
	total     Money
	items     []Contribution
	hasShares bool
	places    int32
}

// Equal reports whether c and o are the same contributions, field by
// field: the crown, the places and whether shares are defined with ==, the
// total by [Money.Equal] (1.5 EUR equals 1.50 EUR), and the units'
// contributions by [Contribution.Equal], in the same order.
func (c Contributions) Equal(o Contributions) bool {
	return c.crown == o.crown && c.total.Equal(o.total) && c.hasShares == o.hasShares && c.places == o.places &&
		slices.EqualFunc(c.items, o.items, Contribution.Equal)
}

// MaxSharePlaces is the most decimal places a share may be rounded to.
const MaxSharePlaces = 6

// shareBounds bound every share [NewContributions] can make, so that the
// JSON decoder reads each one back: an amount is less than 10^40 times
// 10^30 and a total that is not zero at least 10^-30, so a share, 100 times
// the one over the other, is at most 10^102 (a share that cancels another
// of nearly the same size, when the total is tiny), 103 digits before the
// point and MaxSharePlaces after it.
var shareBounds = bounds{digits: MaxDigits + 2*MaxExponent + 3 + MaxSharePlaces, exp: MaxExponent}

// NewContributions returns each card's contribution to the total cost saving
// ([Cost]) or revenue growth ([Revenue]) of all the cards, in the cards'
// order. The money contributions are exact, and add up to the total exactly.
// The shares, in percent with places decimal places (0 for whole percent),
// are rounded by the largest-remainder method: each exact share is rounded
// down to places, and the units left to reach exactly 100 go one each to
// the shares with the largest remainders (ties to the unit whose ID sorts
// first, so that the order of the cards does not matter). The shares add up
// to exactly 100.
//
// A share is of the total, sign included, so its sign depends on the
// total's. When the total is positive (cost fell, or revenue grew, across
// the cards), a detractor's share is negative, and then the others add up
// to more than 100. When the total is negative (cost rose, or revenue fell,
// overall), the signs turn round: a detractor's share is positive, and the
// detractors' shares add up to more than 100, while a unit that saved cost
// or grew revenue has a negative share: if unit a's cost rises by 300 EUR
// and unit b's falls by 100 EUR, the total saving is -200 EUR, and a, the
// detractor, has 150% and b -50%. A unit whose contribution is zero has a
// share of 0 either way.
// When the total is zero, shares are not defined:
// [Contributions.SharesDefined] reports false and every share is 0.
//
// It reports every problem: a crown that is not cost or revenue
// ([ErrUnknownCrown]), places outside 0 to [MaxSharePlaces]
// ([outcome.ErrInvalidPlaces]), what keeps the cards from being rolled up
// together (see [NewRollup]; the service measures may differ), and a unit's
// contribution or the total with more than [MaxDigits] digits
// ([ErrInvalidAmount]; a baseline of 1e30 and an actual of 1e-30 differ by
// sixty nines), so that every amount it returns is within the bounds of
// [Money]; in that order, the units' in the order of the cards. The
// contributions are worked out, and their amounts checked, only for a crown
// of cost or revenue and cards that can be put together, whatever the
// places; the total only when every unit's contribution is within the
// bounds.
func NewContributions(crown Crown, cards []Scorecard, places int32) (Contributions, error) {
	var errs []error
	badCrown := crown != Cost && crown != Revenue
	if badCrown {
		errs = append(errs, newError(ErrUnknownCrown, nil,
			"triplecrown: contributions are of cost or revenue, not %s: service is not money", crown))
	}
	badPlaces := places < 0 || places > MaxSharePlaces
	if badPlaces {
		errs = append(errs, newError(outcome.ErrInvalidPlaces, nil,
			"triplecrown: a share's places must be 0 to %d, not %d", MaxSharePlaces, places))
	}
	cardErrs := checkCards("the contributions", nil, cards, sameMoney)
	if errs = append(errs, cardErrs...); badCrown || len(cardErrs) > 0 {
		// Without a crown of money, or cards that can be put together,
		// there are no contributions to check.
		return Contributions{}, joinAll(errs)
	}
	placesErrs := len(errs) // the places' problem, if any
	what := crownWhat(crown)
	items := make([]Contribution, len(cards))
	for i := range cards {
		s := &cards[i].spec
		a := s.Cost.Baseline.amount.Sub(s.Cost.Actual.amount)
		if crown == Revenue {
			a = s.Revenue.Actual.amount.Sub(s.Revenue.Baseline.amount)
		}
		if !amountBounds.holds(a) {
			errs = append(errs, amountBounds.check(a, []string{s.Unit}, fmt.Sprintf("the %s of unit %q", what, clip(s.Unit))))
		}
		items[i] = Contribution{unit: s.Unit, amount: makeMoney(a, s.Cost.Baseline.cur), detractor: a.Sign() < 0}
	}
	switch {
	case len(errs) > placesErrs:
		// A unit's contribution beyond the bounds: no total to check.
		return Contributions{}, joinAll(errs)
	case badPlaces:
		// The places are reported above; the total is checked all the
		// same, and no share is worked out.
		if _, err := contributionsTotal(crown, items); err != nil {
			errs = append(errs, err)
		}
		return Contributions{}, joinAll(errs)
	}
	return withShares(crown, items, places)
}

// crownWhat names what a crown's contributions are to: "cost saving" or
// "revenue growth".
func crownWhat(crown Crown) string {
	if crown == Revenue {
		return "revenue growth"
	}
	return "cost saving"
}

// withShares returns the contributions items make to crown, their total and
// their shares to places computed: the items have their units, amounts and
// detractors, in one currency, each amount within the bounds. A total
// beyond them is an error with code [ErrInvalidAmount].
func withShares(crown Crown, items []Contribution, places int32) (Contributions, error) {
	total, err := contributionsTotal(crown, items)
	if err != nil {
		return Contributions{}, err
	}
	c := Contributions{crown: crown, total: total, items: items, places: places}
	if !total.amount.IsZero() {
		c.hasShares = true
		largestRemainder(items, total.amount, places)
	} else {
		for i := range items {
			items[i].noShare = true
		}
	}
	return c, nil
}

// contributionsTotal returns the total of the contributions items make to
// crown, which are in one currency, each amount within the bounds, or, for
// a total beyond them, an error with code [ErrInvalidAmount].
func contributionsTotal(crown Crown, items []Contribution) (Money, error) {
	amounts := make([]Money, len(items))
	var sum summer
	for i := range items {
		amounts[i] = items[i].amount
		_ = sum.add(amounts[i]) // one currency, checked
	}
	total := sum.total(amounts)
	if sum.wide && !amountBounds.holds(total.amount) {
		return Money{}, amountBounds.check(total.amount, nil, "the total "+crownWhat(crown))
	}
	return total, nil
}

// largestRemainder sets the items' shares, in percent to places, so that they
// add up to exactly 100.
func largestRemainder(items []Contribution, total decimal.Decimal, places int32) {
	ulp := decimal.New(1, -places)
	absTotal := total.Abs()
	hundred := decimal.New(100, 0)
	// rem[i] is the dropped fraction of share i, in units of ulp, times
	// |total|: the same denominator for every share, so comparable as is.
	rem := make([]decimal.Decimal, len(items))
	floors := make([]decimal.Decimal, len(items))
	for i := range items {
		q, r := items[i].amount.amount.Mul(hundred).QuoRem(total, places)
		if r.Sign() != 0 && r.Sign() != total.Sign() {
			// The exact share is below q: floor it, and the fraction left is
			// ulp + r/total, that is (ulp*|total| - |r|) / |total|.
			q = q.Sub(ulp)
			r = ulp.Mul(absTotal).Sub(r.Abs())
		}
		items[i].share = q
		rem[i] = r.Abs()
		floors[i] = q
	}
	left := hundred.Sub(addDecimals(floors)).Shift(places).IntPart() // 0 <= left < len(items)
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := rem[b].Cmp(rem[a]); c != 0 {
			return c
		}
		return strings.Compare(items[a].unit, items[b].unit)
	})
	for _, i := range order[:left] {
		items[i].share = items[i].share.Add(ulp)
	}
}

// Crown returns whether these are contributions to cost saving or to
// revenue growth.
func (c Contributions) Crown() Crown { return c.crown }

// Total returns the total: the enterprise's cost saving or revenue growth,
// the exact sum of the contributions.
func (c Contributions) Total() Money { return c.total }

// SharesDefined reports whether the shares are defined (the total is not
// zero).
func (c Contributions) SharesDefined() bool { return c.hasShares }

// Places returns the decimal places the shares are rounded to.
func (c Contributions) Places() int32 { return c.places }

// Len returns the number of contributions.
func (c Contributions) Len() int { return len(c.items) }

// All yields the contributions in the order of the cards given.
func (c Contributions) All() iter.Seq[Contribution] {
	return func(yield func(Contribution) bool) {
		for _, it := range c.items {
			if !yield(it) {
				return
			}
		}
	}
}

// Detractors returns the contributions of the units that detracted, in the
// order of the cards given.
func (c Contributions) Detractors() []Contribution {
	var out []Contribution
	for _, it := range c.items {
		if it.detractor {
			out = append(out, it)
		}
	}
	return out
}

// IsZero reports whether c is the zero (invalid) Contributions.
func (c Contributions) IsZero() bool { return c.crown == 0 }
