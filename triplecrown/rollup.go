package triplecrown

import (
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// Combination says how a roll-up combined its units' service measures.
//
// The zero Combination is invalid.
type Combination uint8

// The combinations.
const (
	// BySampleSize: the measures carry samples, and each unit weighs by
	// its sample size. Rates pool their successes and trials (the rolled-up
	// rate is Σ successes / Σ trials); means weigh by their sample sizes
	// (Σ n·mean / Σ n), exactly, and pool their standard deviations
	// (within-unit plus between-unit variance) in float64 arithmetic.
	BySampleSize Combination = iota + 1
	// ByWeight: the measures are plain values, and each unit weighs by the
	// weight the caller gave its value ([NewWeightedValue]; 1, so equal
	// weights, for [NewValue]): Σ weight·value / Σ weight.
	ByWeight
)

// String returns the combination as a sentence writes it: "by sample size"
// or "by weight", or "Combination(N)". [Combination.MarshalText] writes the
// stable token instead ("by-sample-size").
func (c Combination) String() string {
	switch c {
	case BySampleSize:
		return "by sample size"
	case ByWeight:
		return "by weight"
	}
	return fmt.Sprintf("Combination(%d)", uint8(c))
}

// token returns the combination's stable text form, used by
// [Combination.MarshalText]: "by-sample-size" or "by-weight".
func (c Combination) token() string {
	switch c {
	case BySampleSize:
		return "by-sample-size"
	case ByWeight:
		return "by-weight"
	}
	return ""
}

// IsValid reports whether c is [BySampleSize] or [ByWeight].
func (c Combination) IsValid() bool { return c == BySampleSize || c == ByWeight }

// ParseCombination parses a combination as [Combination.MarshalText] writes
// it ("by-sample-size") or as [Combination.String] writes it ("by sample
// size"), ignoring case, surrounding white space and the difference between
// a hyphen and a space ("By-Weight"); anything else is an error with code
// [ErrUnknownCombination].
func ParseCombination(text string) (Combination, error) {
	for c := BySampleSize; c <= ByWeight; c++ {
		if words.Same(text, c.token()) {
			return c, nil
		}
	}
	return 0, newError(ErrUnknownCombination, nil, "triplecrown: unknown service combination %q (want by-sample-size or by-weight)", clip(text))
}

// Rollup is the combination of several units' scorecards into one: the
// enterprise, a division, any grouping the caller gives. Its
// [Rollup.Scorecard] has the exact sums of the units' money and their
// combined service measure, and can be scored with [Scorecard.Score] or
// rolled up again: rolling up roll-ups gives the roll-up of all their units
// (exactly for money, rates and values; up to float rounding for a mean's
// standard deviation). Make one with [NewRollup] or [NewRollups].
//
// Rollup is immutable and safe for concurrent use: roll-ups merged from
// one another share the storage of their units ([Rollup.Merge]), but the
// units and sums a Rollup holds never change. The zero Rollup is invalid.
type Rollup struct {
	card Scorecard
	// units are the IDs of the units rolled up: never written once r
	// holds them, though a [Rollup.Merge] may write past their end (see
	// unitList).
	units []string
	// list is the storage units share with the roll-ups merged from them,
	// nil when r was not made by Merge (nor copied from one that was).
	list        *unitList
	combination Combination
}

// NewRollup rolls cards up into one scorecard for unit: the money summed
// exactly ([Sum]'s fixed-point arithmetic, allocating nothing per amount),
// the service measures combined [BySampleSize] or [ByWeight] as their kind
// says. It reports every problem: no cards ([ErrEmptyRollup]), an invalid
// unit ID, a zero Scorecard ([ErrInvalidScorecard]), units that appear
// twice ([outcome.ErrDuplicateID]), and cards whose period
// ([ErrPeriodMismatch]), currency ([ErrCurrencyMismatch]) or service measure
// ([ErrServiceMismatch]) differs from the first card's, sample sizes whose
// sum overflows ([ErrSampleOverflow]), and sums beyond the bounds every
// amount and measure is held to ([ErrInvalidAmount]: a sum of money with
// more than [MaxDigits] digits, or a service total or weight beyond those
// of a [Measure]), which only amounts near 10^40, or far apart in scale
// (1e30 and 1e-30), reach. A pooled standard deviation is finite whenever
// the true one is (sds of 1e200 pool to about 1e200, though their squares
// are beyond a float64); one that rounds past the largest float64, which
// only sds within a rounding of it reach, is an error with code
// [outcome.ErrNotFinite], and one below the smallest normal float64
// (subnormal, as [NewMean] refuses an sd), which only sds within a small
// factor of it reach when one unit's sample is far smaller than the
// others', is one with code [ErrInvalidMeasure]. The unit's problem comes
// first, then the cards', in their order, then the sums': the money's
// (baseline and actual cost, baseline and actual revenue), then the
// baseline's and the actual's service measures. The sums are checked only
// for cards that can be rolled up together (nothing is summed across
// periods, currencies or measures), whether the unit is valid or not.
func NewRollup(unit string, cards []Scorecard) (Rollup, error) {
	idErr := outcome.ValidateID(unit)
	var ids []string // the roll-up's unit, if it is one
	shown := ""      // the same, to name the roll-up: "a roll-up" if not
	if idErr == nil {
		ids, shown = []string{unit}, unit
	}
	name := rollupName(shown)
	errs := checkCards(name, ids, cards, sameMoneyAndService)
	cardsOK := len(errs) == 0
	if idErr != nil {
		errs = append(inRollup("", "unit", idErr), errs...)
	}
	if !cardsOK {
		// Cards that cannot be rolled up together have no sums to check.
		return Rollup{}, joinAll(errs)
	}
	// The sums are checked also when the ID is not valid, which changes
	// none of them: their problems then name "a roll-up", with no ID.
	first := cards[0].spec
	var sums [4]summer
	for i := range cards {
		s := &cards[i].spec
		// The currencies are checked, so add cannot fail.
		_ = sums[0].add(s.Cost.Baseline)
		_ = sums[1].add(s.Cost.Actual)
		_ = sums[2].add(s.Revenue.Baseline)
		_ = sums[3].add(s.Revenue.Actual)
	}
	var money [4]Money
	for i := range sums {
		if !sums[i].wide {
			// Within the bounds: see Sum.
			money[i] = sums[i].result()
			continue
		}
		money[i] = slowSumField(cards, i)
		if !amountBounds.holds(money[i].amount) {
			errs = append(errs, amountBounds.check(money[i].amount, ids,
				fmt.Sprintf("the %s of %s", moneyFields[i], name)))
		}
	}
	base, err := combine(ids, name, "baseline", cards, func(s ServiceSpec) Measure { return s.Baseline })
	errs = append(errs, err)
	act, err := combine(ids, name, "actual", cards, func(s ServiceSpec) Measure { return s.Actual })
	errs = append(errs, err)
	if err := joinAll(errs); err != nil {
		return Rollup{}, err
	}
	svc := first.Service
	svc.Baseline, svc.Actual = base, act
	units := make([]string, len(cards))
	for i := range cards {
		units[i] = cards[i].spec.Unit
	}
	comb := ByWeight
	if base.Sampled() {
		comb = BySampleSize
	}
	card := Scorecard{spec: ScorecardSpec{
		Unit: unit, Period: first.Period,
		Cost:    Amounts{Baseline: money[0], Actual: money[1]},
		Revenue: Amounts{Baseline: money[2], Actual: money[3]},
		Service: svc,
	}}
	return Rollup{card: card, units: units, combination: comb}, nil
}

// moneyFields names a scorecard's four amounts in messages, in the order of
// slowSumField's fields.
var moneyFields = [4]string{"baseline cost", "actual cost", "baseline revenue", "actual revenue"}

// slowSumField sums one money field of cards with decimal arithmetic: 0 and
// 1 are the baseline and actual cost, 2 and 3 those of revenue.
func slowSumField(cards []Scorecard, field int) Money {
	amounts := make([]Money, len(cards))
	for i := range cards {
		s := &cards[i].spec
		amounts[i] = [4]Money{s.Cost.Baseline, s.Cost.Actual, s.Revenue.Baseline, s.Revenue.Actual}[field]
	}
	var s summer
	s.cur = amounts[0].cur
	return s.slowSum(amounts)
}

// cardChecks says what [checkCards] compares between cards.
type cardChecks uint8

const (
	// unitsOnly compares nothing: the cards' units alone are checked.
	unitsOnly cardChecks = iota
	// sameMoney compares periods and currencies with the first card's.
	sameMoney
	// sameMoneyAndService compares service measures too.
	sameMoneyAndService
)

// checkCards reports what keeps cards from being rolled up (or attributed)
// together: none at all, zero Scorecards, duplicate units, and, as checks
// says, periods, currencies and service measures that differ from the first
// card's. Each problem is reported once per card, in the cards' order, with
// the IDs of the units it names in the order it names them. what names the
// cards' purpose in messages (`roll-up "e"`, "the contributions"); ids are
// the IDs what names: the roll-up's unit, or nil when there is no unit to
// name.
func checkCards(what string, ids []string, cards []Scorecard, checks cardChecks) []error {
	if len(cards) == 0 {
		return []error{newError(ErrEmptyRollup, ids, "triplecrown: no scorecards for %s", what)}
	}
	var errs []error
	seen := make(map[string]struct{}, len(cards))
	var first *ScorecardSpec
	for i := range cards {
		s := &cards[i].spec
		if cards[i].IsZero() {
			errs = append(errs, newError(ErrInvalidScorecard, ids, "triplecrown: scorecard %d for %s is the zero Scorecard", i, what))
			continue
		}
		if _, dup := seen[s.Unit]; dup {
			errs = append(errs, newError(outcome.ErrDuplicateID, append([]string{s.Unit}, ids...),
				"triplecrown: unit %q appears twice in the scorecards for %s", clip(s.Unit), what))
			continue
		}
		seen[s.Unit] = struct{}{}
		if checks == unitsOnly {
			continue
		}
		if first == nil {
			first = s
			continue
		}
		if s.Period != first.Period {
			errs = append(errs, newError(ErrPeriodMismatch, []string{s.Unit, first.Unit}, "triplecrown: unit %q is for period %q, not %q like unit %q",
				clip(s.Unit), clip(s.Period), clip(first.Period), clip(first.Unit)))
		}
		if c, fc := s.Cost.Baseline.cur, first.Cost.Baseline.cur; c != fc {
			errs = append(errs, newError(ErrCurrencyMismatch, []string{s.Unit, first.Unit},
				"triplecrown: currency mismatch: unit %q is in %s but unit %q is in %s", clip(s.Unit), c, clip(first.Unit), fc))
		}
		if checks == sameMoneyAndService && !s.Service.sameMeasure(first.Service) {
			errs = append(errs, newError(ErrServiceMismatch, []string{s.Unit, first.Unit},
				"triplecrown: unit %q measures service as %q (%s, %s), unit %q as %q (%s, %s): they cannot be combined",
				clip(s.Unit), clip(s.Service.Name), s.Service.Direction, s.Service.Baseline.kind,
				clip(first.Unit), clip(first.Service.Name), first.Service.Direction, first.Service.Baseline.kind))
		}
	}
	return errs
}

// combine combines one side (baseline or actual, which names it) of the
// cards' service measures, which are of one kind, for the roll-up (or the
// roll-ups merged) that name names in messages and ids identify. A combined
// total or weight beyond the bounds of a [Measure]'s is an error with code
// [ErrInvalidAmount].
func combine(ids []string, name, which string, cards []Scorecard, side func(ServiceSpec) Measure) (Measure, error) {
	switch side(cards[0].spec.Service).kind {
	case RateMeasure:
		var s, n int64
		for i := range cards {
			m := side(cards[i].spec.Service)
			var ok1, ok2 bool
			s, ok1 = addInt64(s, m.s)
			n, ok2 = addInt64(n, m.n)
			if !ok1 || !ok2 {
				return Measure{}, overflow(ids, name, which)
			}
		}
		return NewRate(s, n)
	case MeanMeasure:
		var n int64
		for i := range cards {
			var ok bool
			if n, ok = addInt64(n, side(cards[i].spec.Service).n); !ok {
				return Measure{}, overflow(ids, name, which)
			}
		}
		total := sumDecimals(cards, func(c *Scorecard) decimal.Decimal { return side(c.spec.Service).total })
		if !meanTotalBounds.holds(total) {
			return Measure{}, meanTotalBounds.check(total, ids, fmt.Sprintf("the %s service total of %s", which, name))
		}
		sd := pooledSD(cards, side, total.InexactFloat64()/float64(n), n)
		if math.IsInf(sd, 0) {
			return Measure{}, newError(outcome.ErrNotFinite, ids,
				"triplecrown: the %s service standard deviation of %s is beyond the largest float64", which, name)
		}
		if floattext.Underflows("", sd) { // as NewMean refuses it
			return Measure{}, newError(ErrInvalidMeasure, ids,
				"triplecrown: the %s service standard deviation of %s, %v, is below the smallest normal float64, %s",
				which, name, sd, floattext.MinNormalText)
		}
		return meanMeasure(total, sd, n), nil
	}
	total := sumDecimals(cards, func(c *Scorecard) decimal.Decimal { return side(c.spec.Service).total })
	weight := sumDecimals(cards, func(c *Scorecard) decimal.Decimal { return side(c.spec.Service).weight })
	if !valueTotalBounds.holds(total) || !amountBounds.holds(weight) {
		return Measure{}, msg.Join(
			valueTotalBounds.check(total, ids, fmt.Sprintf("the %s service total of %s", which, name)),
			amountBounds.check(weight, ids, fmt.Sprintf("the %s service weight of %s", which, name)))
	}
	return Measure{kind: ValueMeasure, total: total, weight: weight}, nil
}

// pooledSD returns the pooled standard deviation of the cards' means (one
// side of them), of n observations in all whose mean is mean: the square
// root of the within-unit sum of squares plus the between-unit sum of
// squares, over n - 1. Every deviation is scaled by 2^-e before it is
// squared, where 2^e is just above the largest (an sd of 1e200 would square
// to +Inf), and the root scaled back by 2^e: scaling by a power of two is
// exact, so the result is the unscaled formula's bit for bit wherever that
// is finite, and is finite whenever the true value is (below the largest
// float64, give or take the rounding of its last bit).
func pooledSD(cards []Scorecard, side func(ServiceSpec) Measure, mean float64, n int64) float64 {
	var largest float64
	for i := range cards {
		m := side(cards[i].spec.Service)
		largest = max(largest, m.sd, math.Abs(m.total.InexactFloat64()/float64(m.n)-mean))
	}
	_, e := math.Frexp(largest)
	var ss float64
	for i := range cards {
		m := side(cards[i].spec.Service)
		sd := math.Ldexp(m.sd, -e)
		d := math.Ldexp(m.total.InexactFloat64()/float64(m.n)-mean, -e)
		ss += float64(m.n-1)*sd*sd + float64(m.n)*d*d
	}
	return math.Ldexp(math.Sqrt(ss/float64(n-1)), e)
}

// overflow reports sample sizes of one side (which) of the roll-up that
// name names and ids identify that add up past an int64.
func overflow(ids []string, name, which string) error {
	return newError(ErrSampleOverflow, ids,
		"triplecrown: the %s sample sizes of %s add up to more than an int64 holds", which, name)
}

// addInt64 returns a + b for non-negative a and b, and false on overflow.
func addInt64(a, b int64) (int64, bool) {
	s, carry := bits.Add64(uint64(a), uint64(b), 0)
	return int64(s), carry == 0 && s <= math.MaxInt64
}

// addDecimals returns the exact sum of ds.
func addDecimals(ds []decimal.Decimal) decimal.Decimal {
	var f fixed
	for _, d := range ds {
		if d.NumDigits() > maxCompactDigits || !f.add(d.CoefficientInt64(), d.Exponent()) {
			var s decimal.Decimal
			for _, d := range ds {
				s = s.Add(d)
			}
			return s
		}
	}
	return f.decimal()
}

// sumDecimals returns the exact sum of get over cards, in fixed point when
// every term fits and with decimal arithmetic otherwise.
func sumDecimals(cards []Scorecard, get func(*Scorecard) decimal.Decimal) decimal.Decimal {
	var f fixed
	for i := range cards {
		d := get(&cards[i])
		if d.NumDigits() > maxCompactDigits || !f.add(d.CoefficientInt64(), d.Exponent()) {
			var s decimal.Decimal
			for j := range cards {
				s = s.Add(get(&cards[j]))
			}
			return s
		}
	}
	return f.decimal()
}

// Scorecard returns the rolled-up scorecard, whose unit is the roll-up's.
func (r Rollup) Scorecard() Scorecard { return r.card }

// Units returns the IDs of the units rolled up, in the order given.
func (r Rollup) Units() []string { return slices.Clone(r.units) }

// Combination says how the service measures were combined.
func (r Rollup) Combination() Combination { return r.combination }

// IsZero reports whether r is the zero (invalid) Rollup.
func (r Rollup) IsZero() bool { return r.card.IsZero() }

// Group is a grouping of units to roll up together: a division of
// departments, a region of branches.
type Group struct {
	// ID identifies the group, and is the unit of its roll-up.
	ID string `json:"id"`
	// Units are the IDs of the units in the group.
	Units []string `json:"units"`
}

// Equal reports whether g and o are the same group, field by field: the
// IDs with ==, and the units in the same order (a group of a and b is not
// equal to one of b and a). Nil units equal empty ones, since
// [Group.MarshalJSON] writes both as [].
func (g Group) Equal(o Group) bool { return g.ID == o.ID && slices.Equal(g.Units, o.Units) }

// NewRollups rolls cards up into one [Rollup] per group, in the groups'
// order. It reports every problem: besides those of [NewRollup] (for the
// cards as a whole and for each group), group IDs that are invalid or
// appear twice ([outcome.ErrDuplicateID]), groups with no units
// ([ErrEmptyRollup]), units named twice in a group
// ([outcome.ErrDuplicateID]), and units no card has ([ErrUnknownUnit]).
// A group's units are checked also when its ID is not valid or given
// twice, a unit named twice also when the group names a unit no card has,
// and the groups also when the cards have problems, so that every problem
// is reported at once, each group's in the order its ID's, its unknown
// units', then its units' named twice: a unit no valid card has is
// unknown, said once however often the group names it (its repeat is
// reported once a card has it), the cards' own problems come first, and a
// roll-up is not attempted, so that none is reported twice. With no cards
// at all, only the groups' IDs are checked. A group
// with the empty ID is named by its place in the groups, counting from 0
// (the zero Group, as {} reads, first of all: `triplecrown: group #0: empty
// id`, `triplecrown: no scorecards for group #0`). A unit may belong to
// several groups, or to none.
func NewRollups(groups []Group, cards []Scorecard) ([]Rollup, error) {
	errs := checkCards("the groups", nil, cards, sameMoneyAndService)
	cardsOK := len(errs) == 0
	index := make(map[string]int, len(cards))
	for i := range cards {
		if _, dup := index[cards[i].spec.Unit]; !dup && !cards[i].IsZero() {
			index[cards[i].spec.Unit] = i
		}
	}
	if len(groups) == 0 {
		return nil, joinAll(append(errs, newError(ErrEmptyRollup, nil, "triplecrown: no groups to roll up")))
	}
	seenGroup := make(map[string]struct{}, len(groups))
	out := make([]Rollup, 0, len(groups))
	for at, g := range groups {
		// name names the group in a problem's words, made only for one.
		name := func() string {
			if g.ID == "" {
				return fmt.Sprintf("group #%d", at)
			}
			return groupName(g.ID)
		}
		idErr := outcome.ValidateID(g.ID)
		dupGroup := false
		if idErr != nil {
			// Its units are checked all the same: every problem is reported.
			if g.ID == "" {
				errs = append(errs, within(nil, name(), idErr)...)
			} else {
				errs = append(errs, idErr)
			}
		} else {
			if _, dupGroup = seenGroup[g.ID]; dupGroup {
				errs = append(errs, newError(outcome.ErrDuplicateID, []string{g.ID}, "triplecrown: group %q appears twice", clip(g.ID)))
			}
			seenGroup[g.ID] = struct{}{}
		}
		if len(cards) == 0 {
			continue // the groups' IDs alone: see above
		}
		members := make([]Scorecard, 0, len(g.Units))
		var gerrs []error
		var unknown map[string]struct{} // the units no card has, made for the first
		for _, u := range g.Units {
			i, ok := index[u]
			if !ok {
				if _, said := unknown[u]; said {
					continue // said once: its repeat is the card's to say, once it has one
				}
				if unknown == nil {
					unknown = make(map[string]struct{})
				}
				unknown[u] = struct{}{}
				gerrs = append(gerrs, newError(ErrUnknownUnit, append(idsOf(g.ID), u),
					"triplecrown: %s names unit %q, which has no scorecard", name(), clip(u)))
				continue
			}
			members = append(members, cards[i])
		}
		if len(gerrs) > 0 || idErr != nil || !cardsOK || dupGroup {
			// The unknown units, then what NewRollup reports of the group's
			// known cards as a roll-up but for how they compare, which the
			// cards' problems above say (or for the ID, reported above): a
			// unit named twice, and no units, unless units were named and
			// none is known, which the unknown units say.
			errs = append(errs, gerrs...)
			what := rollupName(g.ID)
			if idErr != nil {
				what = name()
			}
			if len(gerrs) == 0 || len(members) > 0 {
				errs = append(errs, checkCards(what, idsOf(g.ID), members, unitsOnly)...)
			}
			continue
		}
		r, err := NewRollup(g.ID, members)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, r)
	}
	if len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return out, nil
}
