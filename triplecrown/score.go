package triplecrown

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// Crown is one of the three deliverables of the triple crown: "drives down
// the cost of delivery, improves service and grows revenue".
//
// The zero Crown is invalid.
type Crown uint8

// The crowns, in the order a [Score] lists them.
const (
	// Cost is the cost of delivery; lower is better.
	Cost Crown = iota + 1
	// Service is the service measure; its direction is the measure's.
	Service
	// Revenue is revenue; higher is better.
	Revenue
)

// Crowns yields the three crowns in order: [Cost], [Service], [Revenue].
func Crowns() iter.Seq[Crown] {
	return func(yield func(Crown) bool) {
		for c := Cost; c <= Revenue; c++ {
			if !yield(c) {
				return
			}
		}
	}
}

// String returns "cost", "service" or "revenue", or "Crown(N)".
// [ParseCrown] accepts it.
func (c Crown) String() string {
	switch c {
	case Cost:
		return "cost"
	case Service:
		return "service"
	case Revenue:
		return "revenue"
	}
	return fmt.Sprintf("Crown(%d)", uint8(c))
}

// IsValid reports whether c is one of the three crowns.
func (c Crown) IsValid() bool { return c >= Cost && c <= Revenue }

// ParseCrown parses "cost", "service" or "revenue", ignoring case and
// surrounding white space, as the outcome and northstar vocabularies do;
// anything else is an error with code [ErrUnknownCrown].
func ParseCrown(text string) (Crown, error) {
	for c := Cost; c <= Revenue; c++ {
		if words.Same(text, c.String()) {
			return c, nil
		}
	}
	return 0, newError(ErrUnknownCrown, nil, "triplecrown: unknown crown %q (want cost, service or revenue)", clip(text))
}

// Status is what a crown's change amounts to.
//
// The zero Status is invalid.
type Status uint8

// The statuses.
const (
	// Won: the change is in the better direction, material and, for a
	// service measure with samples, significant.
	Won Status = iota + 1
	// Flat: no change, or a change within the materiality threshold.
	Flat
	// Lost: the change is in the worse direction, material and, for a
	// service measure with samples, significant.
	Lost
	// Inconclusive: a material service change that is not significant at
	// the policy's level; it may be noise.
	Inconclusive
)

// String returns "won", "flat", "lost" or "inconclusive", or "Status(N)".
// [ParseStatus] accepts it.
func (s Status) String() string {
	switch s {
	case Won:
		return "won"
	case Flat:
		return "flat"
	case Lost:
		return "lost"
	case Inconclusive:
		return "inconclusive"
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// IsValid reports whether s is one of the four statuses.
func (s Status) IsValid() bool { return s >= Won && s <= Inconclusive }

// ParseStatus parses a status as [Status.String] writes it, ignoring case
// and surrounding white space; anything else is an error with code
// [ErrUnknownStatus].
func ParseStatus(text string) (Status, error) {
	for s := Won; s <= Inconclusive; s++ {
		if words.Same(text, s.String()) {
			return s, nil
		}
	}
	return 0, newError(ErrUnknownStatus, nil, "triplecrown: unknown crown status %q", clip(text))
}

// Verdict sums up a score: how many crowns were won, that one was won by
// losing another, or that none was won and ground was lost.
//
// The zero Verdict is invalid.
type Verdict uint8

// The verdicts.
const (
	// TripleCrown: cost, service and revenue all won: "simultaneously
	// lowering costs, improving service and growing revenues".
	TripleCrown Verdict = iota + 1
	// DoubleCrown: two crowns won, none lost.
	DoubleCrown
	// SingleCrown: one crown won, none lost.
	SingleCrown
	// NoCrown: no crown won and none lost.
	NoCrown
	// TradeOff: a crown won by losing another, as revenue bought with
	// cost; the pattern the method warns of. It takes precedence over the
	// count of crowns won.
	TradeOff
	// LostGround: no crown won and at least one lost: the unit went
	// backwards, which NoCrown, nothing moved, does not say.
	LostGround
)

// String returns the verdict as a sentence writes it: "triple crown",
// "double crown", "single crown", "no crown", "trade-off" or "lost ground",
// or "Verdict(N)". [ParseVerdict] accepts it. [Verdict.MarshalText] writes
// the stable token instead ("triple-crown").
func (v Verdict) String() string {
	switch v {
	case TripleCrown:
		return "triple crown"
	case DoubleCrown:
		return "double crown"
	case SingleCrown:
		return "single crown"
	case NoCrown:
		return "no crown"
	case TradeOff:
		return "trade-off"
	case LostGround:
		return "lost ground"
	}
	return fmt.Sprintf("Verdict(%d)", uint8(v))
}

// token returns the verdict's stable text form, used by
// [Verdict.MarshalText]: its String with a hyphen for each space,
// "triple-crown", ..., "lost-ground".
func (v Verdict) token() string {
	switch v {
	case TripleCrown:
		return "triple-crown"
	case DoubleCrown:
		return "double-crown"
	case SingleCrown:
		return "single-crown"
	case NoCrown:
		return "no-crown"
	case TradeOff:
		return "trade-off"
	case LostGround:
		return "lost-ground"
	}
	return ""
}

// IsValid reports whether v is one of the six verdicts.
func (v Verdict) IsValid() bool { return v >= TripleCrown && v <= LostGround }

// ParseVerdict parses a verdict as [Verdict.MarshalText] writes it
// ("triple-crown") or as [Verdict.String] writes it ("triple crown"),
// ignoring case, surrounding white space and the difference between a
// hyphen and a space ("Triple-Crown", "trade off"); anything else is an
// error with code [ErrUnknownVerdict].
func ParseVerdict(text string) (Verdict, error) {
	for v := TripleCrown; v <= LostGround; v++ {
		if words.Same(text, v.token()) {
			return v, nil
		}
	}
	return 0, newError(ErrUnknownVerdict, nil, "triplecrown: unknown verdict %q", clip(text))
}

// CrownScore is the judgement of one crown of one scorecard, with its reason
// as data: the baseline and actual, the absolute and relative change, the
// threshold and whether the change met it, and, for a service measure with
// samples, the p-value and the significance level. [CrownScore.Reason] says
// it in words.
//
// CrownScore is immutable. The zero CrownScore is invalid. Its JSON form is
// a report, not read back: [CrownScore.UnmarshalJSON] refuses it.
type CrownScore struct {
	crown       Crown
	direction   outcome.Direction
	cur         Currency // cost and revenue
	name, unit  string   // service
	baseline    decimal.Decimal
	actual      decimal.Decimal
	change      decimal.Decimal
	exactNum    decimal.Decimal // the exact change is exactNum / exactDen
	exactDen    decimal.Decimal
	sign        int8 // the exact change's sign, even if it rounds to zero
	relative    decimal.Decimal
	hasRelative bool
	places      int32
	threshold   Threshold
	material    bool
	tested      bool
	p, alpha    float64
	status      Status
}

// Equal reports whether s and o are the same judgement, field by field:
// the crown, direction, currency, measure's name and unit, places, flags and
// status with ==; the baseline, actual, change, exact change (numerator and
// denominator, each compared by value, so 2/4 is not 1/2) and relative
// change as decimals by value (1.0 equals 1.00); the threshold by
// [Threshold.Equal]; and the p-value and the significance level with ==,
// but for a NaN p-value, which equals NaN, so that every CrownScore is
// equal to itself.
func (s CrownScore) Equal(o CrownScore) bool {
	return s.crown == o.crown && s.direction == o.direction && s.cur == o.cur &&
		s.name == o.name && s.unit == o.unit &&
		s.baseline.Equal(o.baseline) && s.actual.Equal(o.actual) && s.change.Equal(o.change) &&
		s.exactNum.Equal(o.exactNum) && s.exactDen.Equal(o.exactDen) && s.sign == o.sign &&
		s.relative.Equal(o.relative) && s.hasRelative == o.hasRelative && s.places == o.places &&
		s.threshold.Equal(o.threshold) && s.material == o.material && s.tested == o.tested &&
		sameFloat(s.p, o.p) && sameFloat(s.alpha, o.alpha) && s.status == o.status
}

// sameFloat reports whether a and b are equal, or both NaN.
func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// Crown returns which crown this is.
func (s CrownScore) Crown() Crown { return s.crown }

// Direction returns which way is better: lower for cost, higher for revenue,
// the measure's for service.
func (s CrownScore) Direction() outcome.Direction { return s.direction }

// Currency returns the currency of cost and revenue (the zero Currency for
// service).
func (s CrownScore) Currency() Currency { return s.cur }

// Measure returns the name and unit of the service measure the crown was
// judged on, as the scorecard gave them ("time to respond", "hours"): the
// label a dashboard puts beside the figures. For cost and revenue both are
// empty; their unit is [CrownScore.Currency].
func (s CrownScore) Measure() (name, unit string) { return s.name, s.unit }

// Baseline returns the baseline: the exact amount of money, or the service
// value rounded to the policy's precision.
func (s CrownScore) Baseline() decimal.Decimal { return s.baseline }

// Actual returns the actual, as [CrownScore.Baseline] does.
func (s CrownScore) Actual() decimal.Decimal { return s.actual }

// Change returns the absolute change, actual minus baseline: exact for
// money, and for service the exact change rounded to the policy's precision,
// which may be 0 for a change that is not (see [CrownScore.ExactChange]).
func (s CrownScore) Change() decimal.Decimal { return s.change }

// ExactChange returns the change before any rounding as a fraction,
// numerator / denominator, the denominator positive: for money the exact
// change over 1; for service, whose values are the fractions a0/w0 and
// a1/w1 of its measures ([Measure.Fraction]), (a1·w0 - a0·w1) / (w0·w1),
// which may have no finite decimal (a rate that rose from 1 in 3 to 1 in
// 2 rose by 1/6). A time to respond that fell from 4.123 to 4.121 hours
// fell by -0.002 / 1, though its [CrownScore.Change] at two places is 0.
// The numerator's sign is the change's, which [CrownScore.Improved] and
// [CrownScore.Worsened] read against the direction. The zero CrownScore
// returns 0 and 0.
func (s CrownScore) ExactChange() (numerator, denominator decimal.Decimal) {
	return s.exactNum, s.exactDen
}

// Relative returns the relative change, the change over the size of the
// baseline, (actual - baseline) / |baseline|, rounded to the policy's
// precision: -0.08 for a cost that fell by 8%. It is never of the opposite
// sign to the change, but it may round to 0: a cost of 1000000 EUR that rose
// by 1 EUR rose by 0.000001, which is 0 at four places (the change's sign
// is still that of the exact change: see [CrownScore.Improved] and
// [CrownScore.Worsened]). When the baseline is zero the relative change is
// not defined: Relative returns 0 and false, and any change that is not
// zero meets a relative threshold.
func (s CrownScore) Relative() (decimal.Decimal, bool) { return s.relative, s.hasRelative }

// Threshold returns the materiality threshold the change was judged by.
func (s CrownScore) Threshold() Threshold { return s.threshold }

// Material reports whether the change is not zero and meets the threshold.
func (s CrownScore) Material() bool { return s.material }

// Improved reports whether the change is in the better direction (a cost
// that fell, a time to respond that fell, revenue that rose), material or
// not.
func (s CrownScore) Improved() bool { return int(s.sign)*s.direction.Sign() > 0 }

// Worsened reports whether the change is in the worse direction.
func (s CrownScore) Worsened() bool { return int(s.sign)*s.direction.Sign() < 0 }

// Tested reports whether the change was tested for significance: a
// material service change whose measures carry samples.
func (s CrownScore) Tested() bool { return s.tested }

// PValue returns the two-sided p-value of the change's test (0 when it was
// not tested; see [CrownScore.Tested]).
func (s CrownScore) PValue() float64 { return s.p }

// SignificanceLevel returns the level the p-value was judged against (0 when
// not tested).
func (s CrownScore) SignificanceLevel() float64 { return s.alpha }

// Status returns won, flat, lost or inconclusive.
func (s CrownScore) Status() Status { return s.status }

// IsZero reports whether s is the zero CrownScore.
func (s CrownScore) IsZero() bool { return s.crown == 0 }

// Reason says in words and numbers why the crown has its status, such as
// "cost fell from 1500000 EUR to 1380000 EUR (-120000 EUR, -8.00%), meeting
// the materiality threshold of 2%: won". Its figures are rounded to the
// policy's places, and materiality is judged on exact values: where the
// rounded figure lies on the other side of the threshold ("+2.00%" for
// 1.999%), the reason says the threshold is met, or not, "before rounding".
// A change or a relative change that rounds to zero though the change is
// not zero is written as less than one unit in the last place, which it is
// before rounding: a time to respond that fell from 4.123 to 4.121 hours,
// at two places, "fell from 4.12 hours to 4.12 hours (less than 0.01
// hours, less than 1%)", never "-0 hours, -0%".
func (s CrownScore) Reason() string {
	var b strings.Builder
	b.WriteString(s.label())
	switch s.sign {
	case 0:
		fmt.Fprintf(&b, " did not change from %s: %s", s.amount(s.baseline), s.status)
		return b.String()
	case 1:
		b.WriteString(" rose")
	default:
		b.WriteString(" fell")
	}
	fmt.Fprintf(&b, " from %s to %s (%s", s.amount(s.baseline), s.amount(s.actual),
		s.shown(s.text(s.change), s.change, decimal.New(1, -s.places)))
	if suffix := s.suffix(); suffix != "" {
		b.WriteString(" " + suffix)
	}
	if s.hasRelative {
		pct := s.relative.Shift(2).StringFixed(max(s.places-2, 0))
		fmt.Fprintf(&b, ", %s%%", s.shown(pct, s.relative, decimal.New(1, 2-s.places)))
	} else {
		b.WriteString("; no relative change from a baseline of zero")
	}
	b.WriteString(")")
	switch {
	case s.roundedAcross() && !s.material:
		fmt.Fprintf(&b, ", below the materiality threshold of %s before rounding", s.threshold)
	case s.roundedAcross():
		fmt.Fprintf(&b, ", meeting the materiality threshold of %s before rounding", s.threshold)
	case !s.material:
		fmt.Fprintf(&b, ", within the materiality threshold of %s", s.threshold)
	case s.threshold.IsZero():
		b.WriteString(", material (any change counts)")
	default:
		fmt.Fprintf(&b, ", meeting the materiality threshold of %s", s.threshold)
	}
	if s.tested {
		p := strconv.FormatFloat(s.p, 'g', 4, 64)
		a := strconv.FormatFloat(s.alpha, 'g', -1, 64)
		if s.status == Inconclusive {
			fmt.Fprintf(&b, ", but not significant (p = %s, not below %s)", p, a)
		} else {
			fmt.Fprintf(&b, " and significant (p = %s < %s)", p, a)
		}
	}
	fmt.Fprintf(&b, ": %s", s.status)
	return b.String()
}

// roundedAcross reports whether the figure that a reason sets against the
// threshold (the relative change for a relative threshold, a service
// measure's change for an absolute one), rounded to the policy's places,
// lies on the other side of the threshold from the exact change: 1999 on
// 100000 shows as +2.00%, at a threshold of 2% that it does not meet. Money
// changes are exact.
func (s CrownScore) roundedAcross() bool {
	var shown decimal.Decimal
	switch {
	case s.threshold.kind == relative && s.hasRelative:
		shown = s.relative
	case s.threshold.kind == absolute && s.crown == Service:
		shown = s.change
	default:
		return false
	}
	return s.sign != 0 && (shown.Abs().Cmp(s.threshold.value) >= 0) != s.material
}

// label names the crown in a reason: "cost", "revenue" or the service
// measure's name.
func (s CrownScore) label() string {
	if s.crown == Service && s.name != "" {
		return clip(s.name)
	}
	return s.crown.String()
}

// suffix is the currency or the service unit.
func (s CrownScore) suffix() string {
	if s.crown == Service {
		return clip(s.unit)
	}
	return s.cur.String()
}

// amount writes a baseline or actual with its currency or unit.
func (s CrownScore) amount(d decimal.Decimal) string {
	if suffix := s.suffix(); suffix != "" {
		return s.text(d) + " " + suffix
	}
	return s.text(d)
}

// text writes money with the places it holds and a service value without
// trailing zeros.
func (s CrownScore) text(d decimal.Decimal) string {
	if s.crown == Service {
		return decfmt.String(d)
	}
	return scaled(d)
}

// shown writes a figure of a reason, text, which is rounded to the policy's
// places and of the exact change's sign: "+" before a positive one (a
// negative one has its "-"), or, if rounded is zero though the change is
// not, "less than" ulp, one unit in its last place (a figure that rounds to
// zero is smaller than that).
func (s CrownScore) shown(text string, rounded, ulp decimal.Decimal) string {
	switch {
	case rounded.IsZero() && s.sign != 0:
		return "less than " + decfmt.String(ulp)
	case s.sign > 0:
		return "+" + text
	}
	return text
}

// Score is the triple-crown judgement of one scorecard under a [Policy]:
// each crown's [CrownScore], the number of crowns won, and the [Verdict].
// Make one with [Scorecard.Score].
//
// Score is immutable. The zero Score is invalid; [Score.IsZero] reports it.
// Its JSON form is a report, not read back: [Score.UnmarshalJSON] refuses
// it; store the scorecard and the policy, which decode, and score again.
type Score struct {
	unit, period string
	crowns       [3]CrownScore
	verdict      Verdict
}

// Equal reports whether s and o are the same judgement, field by field: the
// unit, the period and the verdict with ==, and each crown's score by
// [CrownScore.Equal] (decimals by value, so a change of 0.5 equals one of
// 0.50).
func (s Score) Equal(o Score) bool {
	return s.unit == o.unit && s.period == o.period && s.verdict == o.verdict &&
		s.crowns[0].Equal(o.crowns[0]) && s.crowns[1].Equal(o.crowns[1]) && s.crowns[2].Equal(o.crowns[2])
}

// Score judges the scorecard under p: per crown, the absolute and relative
// change, whether it is material, for a service measure with samples
// whether it is significant, and so its [Status]; then the [Verdict]. The
// zero Scorecard is an error with code [ErrInvalidScorecard], the zero
// Policy one with code [ErrInvalidPolicy] (both reported, joined with
// [errors.Join] in that order), and, when neither is zero, each money
// threshold in another currency than the scorecard's, cost's then
// revenue's, one with code [ErrCurrencyMismatch] (both joined in that
// order). One problem alone is the *[outcome.Error] itself.
//
// A crown is won when its change is in the better direction, not zero, meets
// the materiality threshold (at least the threshold's size) and, for a
// service measure whose baseline and actual carry samples, is significant
// (two-sided p-value below the significance level); lost when the same holds
// in the worse direction; inconclusive when a material service change is not
// significant; flat otherwise. Materiality is decided on exact values, before
// any rounding.
func (c Scorecard) Score(p Policy) (Score, error) {
	var errs []error
	if c.IsZero() || p.IsZero() {
		// Both are reported: neither hides the other. A money threshold
		// needs a scorecard's currency and a policy to compare.
		if c.IsZero() {
			errs = append(errs, newError(ErrInvalidScorecard, nil, "triplecrown: cannot score the zero Scorecard"))
		}
		if p.IsZero() {
			errs = append(errs, newError(ErrInvalidPolicy, idsOf(c.spec.Unit), "triplecrown: cannot score with the zero Policy"))
		}
		return Score{}, msg.Join(errs...)
	}
	for _, cr := range [...]Crown{Cost, Revenue} {
		if t := p.Threshold(cr); !t.cur.IsZero() && t.cur != c.Currency() {
			errs = append(errs, newError(ErrCurrencyMismatch, []string{c.spec.Unit},
				"triplecrown: unit %q is in %s but the %s threshold is in %s", clip(c.spec.Unit), c.Currency(), cr, t.cur))
		}
	}
	if len(errs) > 0 {
		return Score{}, joinAll(errs)
	}
	s := Score{unit: c.spec.Unit, period: c.spec.Period}
	s.crowns[0] = scoreMoney(Cost, outcome.LowerIsBetter, c.spec.Cost, p)
	s.crowns[1] = scoreService(c.spec.Service, p)
	s.crowns[2] = scoreMoney(Revenue, outcome.HigherIsBetter, c.spec.Revenue, p)
	s.verdict = verdictOf(s.crowns)
	return s, nil
}

// scoreMoney judges cost or revenue.
func scoreMoney(cr Crown, dir outcome.Direction, a Amounts, p Policy) CrownScore {
	b, x := a.Baseline.Amount(), a.Actual.Amount()
	t := p.Threshold(cr)
	r := p.Precision()
	change := x.Sub(b)
	s := CrownScore{crown: cr, direction: dir, cur: a.Baseline.Currency(), baseline: b, actual: x,
		change: change, exactNum: change, exactDen: decimal.New(1, 0), sign: int8(change.Sign()), threshold: t, places: r.places}
	s.material = material(change, decimal.New(1, 0), b.Abs(), t)
	if !b.IsZero() {
		s.relative, s.hasRelative = r.Quo(change, b.Abs()), true
	}
	s.status = statusOf(s)
	return s
}

// scoreService judges the service measure. Its values are fractions
// a0/w0 and a1/w1, so the change is d / (w0*w1) with d = a1*w0 - a0*w1, and
// the relative change, over |a0/w0|, is d / (|a0|*w1); both are exact until
// rounded once.
func scoreService(svc ServiceSpec, p Policy) CrownScore {
	r := p.Precision()
	b, x := svc.Baseline, svc.Actual
	d := x.total.Mul(b.weight).Sub(b.total.Mul(x.weight))
	absDen := b.weight.Mul(x.weight)
	relDen := b.total.Abs().Mul(x.weight)
	t := p.Threshold(Service)
	s := CrownScore{crown: Service, direction: svc.Direction, name: svc.Name, unit: svc.Unit,
		baseline: b.Value(r), actual: x.Value(r), change: r.Quo(d, absDen), exactNum: d, exactDen: absDen, sign: int8(d.Sign()),
		threshold: t, places: r.places}
	s.material = material(d, absDen, relDen, t)
	if !relDen.IsZero() {
		s.relative, s.hasRelative = r.Quo(d, relDen), true
	}
	if s.material && b.Sampled() && x.Sampled() {
		s.tested, s.alpha = true, p.SignificanceLevel()
		s.p = significance(b, x, d.InexactFloat64()/absDen.InexactFloat64())
	}
	s.status = statusOf(s)
	return s
}

// material reports whether a change meets threshold t: the change is
// d/absDen, and the relative change d/relDen (undefined when relDen is zero,
// and then met by any change). It compares exact products, never rounded
// quotients: |d| >= v*absDen, or |d| >= v*relDen.
func material(d, absDen, relDen decimal.Decimal, t Threshold) bool {
	if d.IsZero() {
		return false
	}
	switch t.kind {
	case relative:
		return relDen.IsZero() || cmpAbsMul(d, t.value, relDen) >= 0
	case absolute:
		return cmpAbsMul(d, t.value, absDen) >= 0
	}
	return true
}

// cmpAbsMul compares |d| with |a*b|, in 128-bit integers when the
// coefficients have at most 18 digits and with decimals otherwise.
func cmpAbsMul(d, a, b decimal.Decimal) int {
	if d.NumDigits() <= maxCompactDigits && a.NumDigits() <= maxCompactDigits && b.NumDigits() <= maxCompactDigits {
		// |d| = ud * 10^ed against |a*b| = (ph, pl) * 10^ep.
		ud, ed := absU64(d.CoefficientInt64()), d.Exponent()
		ph, pl := bits.Mul64(absU64(a.CoefficientInt64()), absU64(b.CoefficientInt64()))
		ep := a.Exponent() + b.Exponent()
		var dh, dl uint64 = 0, ud
		ok := true
		if ed > ep {
			dh, dl, ok = mulPow10(dh, dl, uint32(ed-ep))
		} else if ep > ed {
			ph, pl, ok = mulPow10(ph, pl, uint32(ep-ed))
		}
		// ph < 2^126 as both factors are below 10^18, so mulPow10 treats
		// it as a non-negative 128-bit number.
		if ok {
			switch {
			case dh != ph:
				return cmpU64(dh, ph)
			default:
				return cmpU64(dl, pl)
			}
		}
	}
	return d.Abs().Cmp(a.Mul(b).Abs())
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// statusOf decides a crown's status from its change, materiality and test.
func statusOf(s CrownScore) Status {
	switch {
	case s.sign == 0 || !s.material:
		return Flat
	case s.tested && !(s.p < s.alpha):
		return Inconclusive
	case int(s.sign)*s.direction.Sign() > 0:
		return Won
	}
	return Lost
}

// verdictOf sums up three crown scores.
func verdictOf(cs [3]CrownScore) Verdict {
	won, lost := 0, 0
	for _, c := range cs {
		switch c.status {
		case Won:
			won++
		case Lost:
			lost++
		}
	}
	switch {
	case won > 0 && lost > 0:
		return TradeOff
	case won == 3:
		return TripleCrown
	case won == 2:
		return DoubleCrown
	case won == 1:
		return SingleCrown
	case lost > 0:
		return LostGround
	}
	return NoCrown
}

// Unit returns the scored unit's ID.
func (s Score) Unit() string { return s.unit }

// Period returns the period scored.
func (s Score) Period() string { return s.period }

// Crown returns the score of crown c (the zero CrownScore for an invalid
// crown).
func (s Score) Crown(c Crown) CrownScore {
	if !c.IsValid() {
		return CrownScore{}
	}
	return s.crowns[c-1]
}

// Cost returns the score of cost.
func (s Score) Cost() CrownScore { return s.crowns[0] }

// Service returns the score of service.
func (s Score) Service() CrownScore { return s.crowns[1] }

// Revenue returns the score of revenue.
func (s Score) Revenue() CrownScore { return s.crowns[2] }

// All yields the three crown scores in order: cost, service, revenue.
func (s Score) All() iter.Seq[CrownScore] {
	return func(yield func(CrownScore) bool) {
		for _, c := range s.crowns {
			if !yield(c) {
				return
			}
		}
	}
}

// CrownsWon returns how many crowns were won, 0 to 3.
func (s Score) CrownsWon() int { return len(s.With(Won)) }

// With returns the crowns with status st, in order (cost, service, revenue).
func (s Score) With(st Status) []Crown {
	var out []Crown
	for _, c := range s.crowns {
		if c.status == st {
			out = append(out, c.crown)
		}
	}
	return out
}

// Verdict returns the verdict: triple, double, single, no crown, lost ground or
// trade-off.
func (s Score) Verdict() Verdict { return s.verdict }

// IsZero reports whether s is the zero (invalid) Score.
func (s Score) IsZero() bool { return s.verdict == 0 }

// Reason says the verdict in words: which crowns were won, lost, flat or
// inconclusive, such as "trade-off: revenue won, cost lost, service flat".
// Each [CrownScore.Reason] has the numbers.
func (s Score) Reason() string {
	var parts []string
	for _, st := range [...]Status{Won, Lost, Inconclusive, Flat} {
		if cs := s.With(st); len(cs) > 0 {
			parts = append(parts, list(cs)+" "+st.String())
		}
	}
	return s.verdict.String() + ": " + strings.Join(parts, ", ")
}

// list writes crowns as "cost", "cost and revenue" or "cost, service and
// revenue" ([words.And]).
func list(cs []Crown) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.String()
	}
	return words.And(names)
}
