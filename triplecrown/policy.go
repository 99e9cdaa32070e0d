package triplecrown

import (
	"math"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// thresholdKind says how a [Threshold] measures a change.
type thresholdKind uint8

const (
	anyChange thresholdKind = iota // the zero Threshold
	relative
	absolute
)

// Threshold is the materiality threshold a crown's change must meet to
// count: the method's "substantial". A change is material when it is not zero
// and its size is at least the threshold: relative to the baseline (a
// fraction, 0.02 for 2%) or absolute (in the measure's unit, or money in the
// scorecard's currency).
//
// Threshold is immutable. The zero Threshold counts any change that is not
// zero as material.
type Threshold struct {
	kind  thresholdKind
	value decimal.Decimal
	cur   Currency
}

// NewRelativeThreshold returns the threshold of a change of at least
// fraction times the baseline: 0.02 is 2%. A fraction outside 0 to 1 (0% to
// 100%) is an error with code [outcome.ErrInvalidThreshold].
//
// When a baseline is zero a relative change is not defined, and every change
// that is not zero meets a relative threshold (an infinite relative change
// exceeds any finite one).
func NewRelativeThreshold(fraction decimal.Decimal) (Threshold, error) {
	if err := checkDecimal(fraction, "threshold"); err != nil {
		return Threshold{}, err
	}
	if fraction.Sign() < 0 || fraction.GreaterThan(decimal.New(1, 0)) {
		return Threshold{}, newError(outcome.ErrInvalidThreshold, nil,
			"triplecrown: relative threshold %s is outside 0 to 1 (0%% to 100%%)", decfmt.String(fraction))
	}
	return Threshold{kind: relative, value: fraction}, nil
}

// NewAbsoluteThreshold returns the threshold of a change of at least amount
// in the measure's own unit (0.5 hours; 0.02 for two points of a rate), or,
// for cost and revenue, in the scorecard's currency. A negative amount is an
// error with code [outcome.ErrInvalidThreshold].
func NewAbsoluteThreshold(amount decimal.Decimal) (Threshold, error) {
	if err := checkDecimal(amount, "threshold"); err != nil {
		return Threshold{}, err
	}
	if amount.Sign() < 0 {
		return Threshold{}, newError(outcome.ErrInvalidThreshold, nil,
			"triplecrown: absolute threshold %s is negative", decfmt.String(amount))
	}
	return Threshold{kind: absolute, value: amount}, nil
}

// NewMoneyThreshold returns the threshold of a change of at least m, for
// cost or revenue; scoring a scorecard in another currency with it is an
// error with code [ErrCurrencyMismatch]. A negative amount is an error with
// code [ErrNegativeMoney], the zero Money one with code [ErrUnknownCurrency].
func NewMoneyThreshold(m Money) (Threshold, error) {
	switch {
	case m.Currency().IsZero():
		return Threshold{}, newError(ErrUnknownCurrency, nil, "triplecrown: a money threshold needs a currency")
	case m.Sign() < 0:
		return Threshold{}, newError(ErrNegativeMoney, nil, "triplecrown: money threshold %s is negative", m)
	}
	return Threshold{kind: absolute, value: m.Amount(), cur: m.Currency()}, nil
}

// MustThreshold returns t, or panics if err is not nil: it wraps a call to
// one of the threshold constructors for literals in programs and tests, as in
// MustThreshold(NewRelativeThreshold(dec)).
func MustThreshold(t Threshold, err error) Threshold {
	if err != nil {
		panic(err)
	}
	return t
}

// IsRelative reports whether t is relative to the baseline.
func (t Threshold) IsRelative() bool { return t.kind == relative }

// IsAbsolute reports whether t is an absolute amount (or money).
func (t Threshold) IsAbsolute() bool { return t.kind == absolute }

// Value returns the fraction of a relative threshold or the amount of an
// absolute one (0 for the zero Threshold).
func (t Threshold) Value() decimal.Decimal { return t.value }

// Currency returns a money threshold's currency, or the zero Currency.
func (t Threshold) Currency() Currency { return t.cur }

// IsZero reports whether t is the zero Threshold (any change counts).
func (t Threshold) IsZero() bool { return t.kind == anyChange && t.value.IsZero() && t.cur.IsZero() }

// Equal reports whether t and o are the same kind of threshold with equal
// values and currencies.
func (t Threshold) Equal(o Threshold) bool {
	return t.kind == o.kind && t.value.Equal(o.value) && t.cur == o.cur
}

// String describes the threshold: "any change", "2%", "0.5" or "10000 EUR".
func (t Threshold) String() string {
	switch t.kind {
	case relative:
		return decfmt.String(t.value.Shift(2)) + "%"
	case absolute:
		if !t.cur.IsZero() {
			return decfmt.String(t.value) + " " + t.cur.String()
		}
		return decfmt.String(t.value)
	}
	return "any change"
}

// PolicySpec is a [Policy] as plain data. [NewPolicy] validates it.
type PolicySpec struct {
	// Cost is the materiality threshold for cost; the zero Threshold
	// counts any change.
	Cost Threshold `json:"cost,omitzero"`
	// Service is the materiality threshold for service; it cannot be
	// money.
	Service Threshold `json:"service,omitzero"`
	// Revenue is the materiality threshold for revenue.
	Revenue Threshold `json:"revenue,omitzero"`
	// SignificanceLevel is the level at which a service change that
	// carries samples must be significant (two-sided) to be won or lost:
	// 0.05, say. Required, strictly between 0 and 1.
	SignificanceLevel float64 `json:"significanceLevel"`
	// Precision rounds the relative changes and the service values and
	// changes that a [Score] reports. Required.
	Precision Precision `json:"precision"`
}

// Equal reports whether s and o are the same policy data, field by field:
// the thresholds by [Threshold.Equal] (their values by value, so a
// relative threshold of 0.02 equals one of 0.020), the significance
// levels with == (0 equals -0), and the precisions by [Precision.Equal].
func (s PolicySpec) Equal(o PolicySpec) bool {
	return s.Cost.Equal(o.Cost) && s.Service.Equal(o.Service) && s.Revenue.Equal(o.Revenue) &&
		s.SignificanceLevel == o.SignificanceLevel && s.Precision.Equal(o.Precision)
}

// Policy is how scorecards are judged: per crown, the materiality threshold
// a change must meet to count ("substantial"); the significance level for a
// service change that carries samples; and the precision of the ratios a
// score reports. Build one with [NewPolicy].
//
// Policy is immutable. The zero Policy is invalid: scoring with it is an
// error with code [ErrInvalidPolicy].
type Policy struct {
	spec PolicySpec
}

// NewPolicy validates spec and returns its Policy, reporting every problem:
// a money threshold for service ([outcome.ErrInvalidThreshold]), a
// significance level that is NaN or infinite ([outcome.ErrNotFinite]), not
// strictly between 0 and 1, or subnormal (below the smallest normal
// float64, 2^-1022 or about 2.2250738585072014e-308, which no decoder reads
// as written: see the package doc) ([ErrInvalidSignificance]), and a
// precision without a valid rounding mode ([outcome.ErrUnknownRounding]).
func NewPolicy(spec PolicySpec) (Policy, error) {
	if errs := policyProblems(spec, "", false, false); len(errs) > 0 {
		return Policy{}, joinAll(errs)
	}
	return Policy{spec: spec}, nil
}

// policyProblems returns every problem of spec, as [NewPolicy] reports
// them, but those of the significance level if skipLevel and of the
// precision if skipPrecision: parts a JSON decoder could not read, and has
// reported. levelText is the significance level as a decoder read it from
// text ("" for a float64 given as one): a number written that a float64
// does not hold ([floattext.Underflows]: "1e-400" reads as 0) is refused
// and said as written, one that reads as 0 in outcome's words ("is not
// strictly between 0 and 1: it is too small to hold, and reads as 0"), a
// subnormal as below the smallest normal float64.
func policyProblems(spec PolicySpec, levelText string, skipLevel, skipPrecision bool) []error {
	var errs []error
	if !spec.Service.cur.IsZero() {
		errs = append(errs, newError(outcome.ErrInvalidThreshold, nil,
			"triplecrown: the service threshold cannot be money (%s)", spec.Service))
	}
	a := spec.SignificanceLevel
	shown := floatText(a, levelText)
	switch {
	case skipLevel:
	case math.IsNaN(a) || math.IsInf(a, 0):
		errs = append(errs, newError(outcome.ErrNotFinite, nil,
			"triplecrown: significance level %s is not a finite number", shown))
	case floattext.Negative(levelText, a) || a == 0 && !floattext.Underflows(levelText, a) || a >= 1:
		errs = append(errs, newError(ErrInvalidSignificance, nil,
			"triplecrown: significance level %s is not strictly between 0 and 1", shown))
	case a == 0: // and Underflows: written too small to hold, "1e-400"
		errs = append(errs, newError(ErrInvalidSignificance, nil,
			"triplecrown: significance level %s is not strictly between 0 and 1: %s", shown, floattext.ReadsAsZero))
	case floattext.Underflows(levelText, a):
		errs = append(errs, newError(ErrInvalidSignificance, nil,
			"triplecrown: significance level %s is below %s, the smallest positive number held to full precision",
			shown, floattext.MinNormalText))
	}
	if !skipPrecision && !spec.Precision.IsValid() {
		errs = append(errs, newError(outcome.ErrUnknownRounding, nil,
			"triplecrown: the policy needs a precision with a valid rounding mode"))
	}
	return errs
}

// MustPolicy is like [NewPolicy] but panics if spec is invalid. It is meant
// for literals in programs and tests.
func MustPolicy(spec PolicySpec) Policy {
	p, err := NewPolicy(spec)
	if err != nil {
		panic(err)
	}
	return p
}

// Threshold returns the materiality threshold of crown c (the zero
// Threshold for an invalid crown).
func (p Policy) Threshold(c Crown) Threshold {
	switch c {
	case Cost:
		return p.spec.Cost
	case Service:
		return p.spec.Service
	case Revenue:
		return p.spec.Revenue
	}
	return Threshold{}
}

// SignificanceLevel returns the significance level for service changes.
func (p Policy) SignificanceLevel() float64 { return p.spec.SignificanceLevel }

// Precision returns the precision of the ratios a score reports.
func (p Policy) Precision() Precision { return p.spec.Precision }

// Spec returns the policy as plain data.
func (p Policy) Spec() PolicySpec { return p.spec }

// IsZero reports whether p is the zero (invalid) Policy.
func (p Policy) IsZero() bool { return p.spec.Precision.IsZero() }

// Equal reports whether p and o judge alike: their specs are equal
// ([PolicySpec.Equal]).
func (p Policy) Equal(o Policy) bool { return p.spec.Equal(o.spec) }
