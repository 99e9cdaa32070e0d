package triplecrown

import (
	"fmt"
	"math"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// MeasureKind says what a service [Measure] is, and so whether its change
// can be tested for significance and how units' measures combine in a
// roll-up.
//
// The zero MeasureKind is invalid (it is the kind of the zero Measure).
type MeasureKind uint8

// The kinds of service measure.
const (
	// ValueMeasure is a plain value without a sample (a score from a
	// report, an index). Its change cannot be tested; units combine by
	// the weight the caller gives each value.
	ValueMeasure MeasureKind = iota + 1
	// RateMeasure is a rate, successes out of trials: the share of
	// customers who achieve an outcome, of contacts resolved at the first
	// attempt. Its change is tested with a two-proportion z-test; units
	// combine by pooling successes and trials (weighting by sample size).
	RateMeasure
	// MeanMeasure is the mean of a sample with its standard deviation and
	// size: the mean time to respond over 300 requests. Its change is
	// tested with a large-sample z-test on the difference of means; units
	// combine by weighting by sample size.
	MeanMeasure
)

// String returns "value", "rate" or "mean", or "MeasureKind(N)".
func (k MeasureKind) String() string {
	switch k {
	case ValueMeasure:
		return "value"
	case RateMeasure:
		return "rate"
	case MeanMeasure:
		return "mean"
	}
	return fmt.Sprintf("MeasureKind(%d)", uint8(k))
}

// Measure is one observation of a service measure: a plain value (with a
// weight for roll-ups), a rate with its successes and trials, or a sample
// mean with its standard deviation and size. Its point value is an exact
// fraction, total / weight: value*weight / weight, successes / trials, or
// (mean*n) / n; [Measure.Value] rounds it on request. Keeping the fraction
// makes roll-ups exact and mergeable: the roll-up of roll-ups equals the
// roll-up of all the units.
//
// The parts of the fraction are bounded as amounts are ([MaxDigits],
// [MaxExponent]), but for the total, which is a product: a value's weight
// is within the bounds of an amount and its total (value times weight)
// within twice them (2×MaxDigits digits, exponent within ±2×MaxExponent); a
// mean's total (mean times n) has at most 2×MaxDigits digits and an
// exponent within ±MaxExponent. Every Measure the package builds, a
// roll-up's included, is within them, and the JSON and binary decoders
// accept exactly what is.
//
// Measure is immutable. The zero Measure is invalid; [Measure.IsZero]
// reports it.
type Measure struct {
	kind   MeasureKind
	total  decimal.Decimal // value*weight, successes or mean*n
	weight decimal.Decimal // weight, trials or n; positive
	n      int64           // trials or sample size; 0 for a value
	s      int64           // successes of a rate
	sd     float64         // sample standard deviation of a mean
}

// The bounds of a measure's total: a value's is a product of two decimals
// within the bounds of an amount, a mean's a decimal within them times an
// int64; a roll-up's is a sum of those.
var (
	valueTotalBounds = bounds{digits: 2 * MaxDigits, exp: 2 * MaxExponent}
	meanTotalBounds  = bounds{digits: 2 * MaxDigits, exp: MaxExponent}
)

// largestAmount is the largest magnitude of a decimal within the bounds of
// an amount: (10^MaxDigits − 1) × 10^MaxExponent.
var largestAmount = decimal.New(1, MaxDigits).Sub(decimal.New(1, 0)).Shift(MaxExponent)

// checkImplied reports a value or a mean given by its total and weight (a
// value's weight, a mean's n, positive) whose implied point value, total /
// weight, is larger in magnitude than any decimal within the bounds of an
// amount, which [NewWeightedValue] and [NewMean] refuse, and which no
// roll-up makes (a weighted mean is no larger than its largest part): an
// error with code [ErrInvalidAmount], what naming the value ("service
// value"). Only the magnitude is checked: a roll-up's point value may have
// any number of digits, or be smaller than 10^−MaxExponent.
func checkImplied(total, weight decimal.Decimal, what string) error {
	if total.Abs().Cmp(largestAmount.Mul(weight)) <= 0 {
		return nil
	}
	return newError(ErrInvalidAmount, nil,
		"triplecrown: %s implied by total %s and %s %s (total / %s) is out of range (larger than (10^%d − 1) × 10^%d, the largest amount)",
		what, decimalText(total, decfmt.String(total)), weightName(what), decimalText(weight, decfmt.String(weight)),
		weightName(what), MaxDigits, MaxExponent)
}

// weightName names the weight of what, a value ("weight") or a mean ("n").
func weightName(what string) string {
	if strings.HasSuffix(what, "mean") {
		return "n"
	}
	return "weight"
}

// NewValue returns a plain value with weight 1: a measure without a
// sample, whose change is judged on materiality alone. A value beyond
// [MaxDigits] or [MaxExponent] is an error with code [ErrInvalidAmount].
func NewValue(v decimal.Decimal) (Measure, error) {
	return NewWeightedValue(v, decimal.New(1, 0))
}

// NewWeightedValue returns a plain value with the weight it has when units
// are rolled up (the unit's number of customers, say): the roll-up of values
// is their weighted mean. A weight that is zero or negative is an error with
// code [ErrInvalidWeight]; a value or weight beyond [MaxDigits] or
// [MaxExponent] one with code [ErrInvalidAmount].
func NewWeightedValue(v, weight decimal.Decimal) (Measure, error) {
	var errs []error
	if err := checkDecimal(v, "service value"); err != nil {
		errs = append(errs, err)
	}
	if err := checkDecimal(weight, "service weight"); err != nil {
		errs = append(errs, err)
	} else if weight.Sign() <= 0 {
		errs = append(errs, newError(ErrInvalidWeight, nil,
			"triplecrown: service weight %s is not positive", decfmt.String(weight)))
	}
	if len(errs) > 0 {
		return Measure{}, joinAll(errs)
	}
	return Measure{kind: ValueMeasure, total: v.Mul(weight), weight: weight}, nil
}

// NewRate returns the rate successes / trials. Trials that are zero or
// negative are an error with code [ErrInvalidSampleSize]; successes that
// are negative, or more than a positive number of trials, one with code
// [ErrInvalidMeasure]; both are reported, joined with [errors.Join], the
// trials' first, and one alone is the *[outcome.Error] itself. Successes more than trials that are not positive are not
// a problem of their own: they are the trials'.
func NewRate(successes, trials int64) (Measure, error) {
	badTrials := trials <= 0
	badSuccesses := successes < 0 || !badTrials && successes > trials
	if badTrials || badSuccesses {
		var errs []error
		if badTrials {
			errs = append(errs, newError(ErrInvalidSampleSize, nil,
				"triplecrown: a rate needs a positive number of trials, not %d", trials))
		}
		if badSuccesses {
			errs = append(errs, newError(ErrInvalidMeasure, nil,
				"triplecrown: a rate of %d successes out of %d trials is impossible", successes, trials))
		}
		return Measure{}, msg.Join(errs...)
	}
	return Measure{kind: RateMeasure, total: decimal.New(successes, 0), weight: decimal.New(trials, 0),
		n: trials, s: successes}, nil
}

// NewRateFromProportion returns the rate of p, its successes out of its
// trials, as [NewRate] does: a rate already counted as an
// [outcome.Proportion] (an outcome achievement rate, a first-contact
// resolution rate) becomes a service measure without copying its counts by
// hand. The empty proportion (0 of 0) is an error with code
// [ErrInvalidSampleSize]: a rate needs at least one trial.
func NewRateFromProportion(p outcome.Proportion) (Measure, error) {
	if p.IsZero() {
		return Measure{}, newError(ErrInvalidSampleSize, nil,
			"triplecrown: a rate needs a proportion with at least one trial, not the empty proportion")
	}
	return NewRate(p.Successes(), p.Trials())
}

// NewMean returns the mean of a sample of n observations with sample
// standard deviation sd. A sample size below 2 (a standard deviation needs
// two observations) is an error with code [ErrInvalidSampleSize]; an sd that
// is NaN or infinite one with code [outcome.ErrNotFinite], a negative sd one
// with code [ErrInvalidMeasure], a subnormal one (not zero, and below the
// smallest normal float64, 2^-1022 or about 2.2250738585072014e-308, which
// no decoder reads as written: see the package doc) one with code
// [ErrInvalidMeasure] too, and a mean beyond [MaxDigits] or [MaxExponent]
// one with code [ErrInvalidAmount]; every problem is reported. An sd of -0
// is 0: the measure is the one NewMean(mean, 0, n) returns, with the same
// binary and JSON forms.
func NewMean(mean decimal.Decimal, sd float64, n int64) (Measure, error) {
	if err := checkDecimal(mean, "service mean"); err != nil {
		return Measure{}, joinAll(append([]error{err}, checkSample(sd, "", n)...))
	}
	return newMeanTotal(mean.Mul(decimal.New(n, 0)), sd, n)
}

// newMeanTotal returns the mean total/n of n observations with sd.
func newMeanTotal(total decimal.Decimal, sd float64, n int64) (Measure, error) {
	if errs := checkSample(sd, "", n); len(errs) > 0 {
		return Measure{}, joinAll(errs)
	}
	return meanMeasure(total, sd, n), nil
}

// meanMeasure returns the mean of n observations that sum to total, with
// standard deviation sd, checked. An sd of -0 is kept as 0, so that equal
// measures have one binary and one JSON form: NewMean(m, -0, n), "sd":-0
// and a roll-up's pooled sd of -0 give the measure that 0 gives (the binary
// decoder refuses the bytes of -0, which no measure writes).
func meanMeasure(total decimal.Decimal, sd float64, n int64) Measure {
	if sd == 0 {
		sd = 0 // -0 too
	}
	return Measure{kind: MeanMeasure, total: total, weight: decimal.New(n, 0), n: n, sd: sd}
}

// checkSample checks a sample mean's standard deviation and size. text is
// the standard deviation as a decoder read it from text ("" for a float64
// given as one): a number written below 0 that reads as -0 ("-1e-400") is
// negative, and one that is too small for a float64 to hold as written
// ([floattext.Underflows]: it reads as 0 or as a subnormal) is refused,
// with the code of a negative one, and said as written: one that reads as 0
// in outcome's words ("too small to hold, and reads as 0"), a subnormal as
// below the smallest normal float64.
func checkSample(sd float64, text string, n int64) []error {
	var errs []error
	if n < 2 {
		errs = append(errs, newError(ErrInvalidSampleSize, nil,
			"triplecrown: a mean needs a sample of at least 2 observations, not %d", n))
	}
	shown := floatText(sd, text)
	switch {
	case math.IsNaN(sd) || math.IsInf(sd, 0):
		errs = append(errs, newError(outcome.ErrNotFinite, nil,
			"triplecrown: the standard deviation %s is not a finite number", shown))
	case floattext.Negative(text, sd):
		errs = append(errs, newError(ErrInvalidMeasure, nil,
			"triplecrown: the standard deviation %s is negative", shown))
	case sd == 0 && floattext.Underflows(text, sd): // "1e-400"
		errs = append(errs, newError(ErrInvalidMeasure, nil,
			"triplecrown: the standard deviation %s is refused: %s", shown, floattext.ReadsAsZero))
	case floattext.Underflows(text, sd):
		errs = append(errs, newError(ErrInvalidMeasure, nil,
			"triplecrown: the standard deviation %s is below %s, the smallest positive number held to full precision",
			shown, floattext.MinNormalText))
	}
	return errs
}

// floatText returns f as a message shows it: text, the number as it was
// written (clipped), if it was read from text, or else f as %v writes it.
func floatText(f float64, text string) string {
	if text == "" {
		return fmt.Sprint(f)
	}
	return msg.Clip(text, msg.MaxQuoted)
}

// Kind returns what the measure is.
func (m Measure) Kind() MeasureKind { return m.kind }

// IsZero reports whether m is the zero (invalid) Measure.
func (m Measure) IsZero() bool { return m.kind == 0 }

// Sampled reports whether m carries a sample (a rate or a mean), so that a
// change in it can be tested for significance.
func (m Measure) Sampled() bool { return m.kind == RateMeasure || m.kind == MeanMeasure }

// Fraction returns the measure's exact point value as total / weight: the
// value times its weight over the weight, successes over trials, or the
// sample's total over its size. The weight is positive (zero for the zero
// Measure).
func (m Measure) Fraction() (total, weight decimal.Decimal) { return m.total, m.weight }

// Value returns the point value, total / weight, rounded to precision p
// (exactly, by [Precision.Quo]). The zero Measure's value is 0.
func (m Measure) Value(p Precision) decimal.Decimal { return p.Quo(m.total, m.weight) }

// Proportion returns a rate's successes and trials as an
// [outcome.Proportion], for what outcome offers on it: the Wilson interval
// of the rate ([outcome.Proportion.Wilson]), an exact percentage, a
// comparison with another rate ([outcome.CompareProportions]). It reports
// false, with the empty proportion, for a value, a mean or the zero
// Measure.
func (m Measure) Proportion() (outcome.Proportion, bool) {
	if m.kind != RateMeasure {
		return outcome.Proportion{}, false
	}
	p, err := outcome.NewProportion(m.s, m.n)
	return p, err == nil // a rate's counts are valid: 0 <= s <= n, n > 0
}

// Weight returns a value's weight in a roll-up, the trials of a rate or the
// size of a mean's sample.
func (m Measure) Weight() decimal.Decimal { return m.weight }

// Successes returns a rate's successes (0 for other kinds).
func (m Measure) Successes() int64 { return m.s }

// SampleSize returns a rate's trials or a mean's sample size (0 for a plain
// value).
func (m Measure) SampleSize() int64 { return m.n }

// SD returns a mean's sample standard deviation (0 for other kinds).
func (m Measure) SD() float64 { return m.sd }

// Equal reports whether m and o are the same kind with the same total,
// weight, sample and standard deviation (a value of 4.5 with weight 2 is not
// equal to one with weight 1: they weigh differently in a roll-up).
func (m Measure) Equal(o Measure) bool {
	return m.kind == o.kind && m.total.Equal(o.total) && m.weight.Equal(o.weight) &&
		m.n == o.n && m.s == o.s && m.sd == o.sd
}

// String describes the measure: "0.87 (870 of 1000)", "4.5 (mean of 300,
// sd 1.2)", "72 (weight 1)". The value is shown to 4 places, half-even.
func (m Measure) String() string {
	v := m.Value(Precision{places: 4, mode: outcome.RoundHalfEven})
	switch m.kind {
	case ValueMeasure:
		return fmt.Sprintf("%s (weight %s)", decfmt.String(v), decfmt.String(m.weight))
	case RateMeasure:
		return fmt.Sprintf("%s (%d of %d)", decfmt.String(v), m.s, m.n)
	case MeanMeasure:
		return fmt.Sprintf("%s (mean of %d, sd %v)", decfmt.String(v), m.n, m.sd)
	}
	return "no measure"
}

// ServiceSpec is a unit's service measure as plain data: what it is, which
// way is better, and its baseline and actual [Measure]s, which must be of
// one kind. A rate where higher is better (the share of customers who reach
// their outcome) or a time where lower is better (the method's "time to
// respond") are the usual ones.
type ServiceSpec struct {
	// Name is what the measure is called, e.g. "time to respond". Required.
	Name string `json:"name"`
	// Unit is free text: "hours", "%", "points". A reason writes it after
	// each figure of the measure as the figure is ([CrownScore.Reason]): a
	// rate's figures are fractions, 0.69 for 69%, so a rate with the unit
	// "%" reads "0.69 %"; give "%" to a value measured in percent, and a
	// rate no unit or "share".
	Unit string `json:"unit,omitempty"`
	// Direction says which way is better. Required.
	Direction outcome.Direction `json:"direction"`
	// Baseline is the measure in the baseline period. Required.
	Baseline Measure `json:"baseline"`
	// Actual is the measure in the period scored. Required.
	Actual Measure `json:"actual"`
}

// Equal reports whether s and o are the same measure with equal values.
func (s ServiceSpec) Equal(o ServiceSpec) bool {
	return s.Name == o.Name && s.Unit == o.Unit && s.Direction == o.Direction &&
		s.Baseline.Equal(o.Baseline) && s.Actual.Equal(o.Actual)
}

// sameMeasure reports whether s and o measure the same thing the same way,
// so that they can be combined.
func (s ServiceSpec) sameMeasure(o ServiceSpec) bool {
	return s.Name == o.Name && s.Unit == o.Unit && s.Direction == o.Direction && s.Baseline.kind == o.Baseline.kind
}
