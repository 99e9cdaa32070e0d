package outcome

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/shopspring/decimal"
)

// The codes of errors in counts and in the data of a measure.
const (
	// ErrInvalidCount: a count that is negative, more successes than
	// trials, or a count of 0 in a row of a [FailureDemand]'s JSON.
	ErrInvalidCount Code = "invalid-count"
	// ErrNoData: a rate, interval or test asked of something with no
	// observations (a proportion with zero trials), which has no value; also
	// the JSON of the zero [AuditReport] or [Finding], which hold no audit.
	ErrNoData Code = "no-data"
	// ErrOverflow: adding counts would exceed the largest int64
	// (9,223,372,036,854,775,807); the library never wraps around.
	ErrOverflow Code = "count-overflow"
)

// Proportion is a count of successes in a number of trials: the journeys that
// ended in the successful customer outcome out of all journeys, the contacts
// resolved at first contact out of all contacts, the failure-demand contacts
// out of all demand. It gives the rate exactly ([Proportion.Rate],
// [Proportion.Fraction]) and with its uncertainty ([Proportion.Wilson]), and
// [CompareProportions] tests whether two rates differ.
//
// A rate is only as good as its counts, so a Proportion keeps them: 1 of 2
// and 50 of 100 have the same rate but are different evidence, and are not
// [Proportion.Equal]. Counts are int64; [Proportion.Merge] adds shards and
// refuses to overflow.
//
// Proportion is immutable and safe to copy and to use from several
// goroutines. The zero Proportion is the empty proportion (0 of 0): valid, the
// identity of Merge, and without a rate: its Rate and intervals return an
// error with code [ErrNoData] rather than NaN.
type Proportion struct {
	successes, trials int64
}

// NewProportion returns the proportion of successes in trials. Zero trials is
// allowed (the empty proportion). A negative count, or more successes than
// trials, is an *[Error] with code [ErrInvalidCount]; every problem is
// reported, one as its *[Error] itself, several joined with [errors.Join].
func NewProportion(successes, trials int64) (Proportion, error) {
	if errs := proportionProblems(successes, trials, true, true); len(errs) > 0 {
		return Proportion{}, msg.JoinFlat(errs...)
	}
	return Proportion{successes: successes, trials: trials}, nil
}

// proportionProblems returns every problem of the counts, in
// [NewProportion]'s order. A count that is not known (its JSON value had the
// wrong type, already reported) is not checked, nor is anything that needs
// it.
func proportionProblems(successes, trials int64, successesKnown, trialsKnown bool) []error {
	var errs []error
	if successesKnown && successes < 0 {
		errs = append(errs, NewError(ErrInvalidCount, nil, "outcome: negative successes %d", successes))
	}
	if trialsKnown && trials < 0 {
		errs = append(errs, NewError(ErrInvalidCount, nil, "outcome: negative trials %d", trials))
	}
	if len(errs) == 0 && successesKnown && trialsKnown && successes > trials {
		errs = append(errs, NewError(ErrInvalidCount, nil, "outcome: %d successes in only %d trials", successes, trials))
	}
	return errs
}

// MustProportion is like [NewProportion] but panics if the counts are
// invalid. It is meant for literals in programs and tests.
func MustProportion(successes, trials int64) Proportion {
	p, err := NewProportion(successes, trials)
	if err != nil {
		panic(err)
	}
	return p
}

// Successes returns the number of successes.
func (p Proportion) Successes() int64 { return p.successes }

// Trials returns the number of trials.
func (p Proportion) Trials() int64 { return p.trials }

// Failures returns the number of trials that were not successes.
func (p Proportion) Failures() int64 { return p.trials - p.successes }

// IsZero reports whether p is the empty proportion: zero trials. It is the
// zero Proportion.
func (p Proportion) IsZero() bool { return p.trials == 0 }

// Equal reports whether p and q have the same successes and the same trials.
// Proportions with the same rate from different counts (1 of 2 and 2 of 4)
// are not equal: they carry different evidence.
func (p Proportion) Equal(q Proportion) bool { return p == q }

// String returns the counts as "successes/trials", e.g. "81/263".
func (p Proportion) String() string {
	var buf [48]byte
	b := strconv.AppendInt(buf[:0], p.successes, 10)
	b = append(b, '/')
	return string(strconv.AppendInt(b, p.trials, 10))
}

// Merge returns the proportion of p and q together: their successes added
// and their trials added, as if the two shards (days, sites, teams) had been
// counted as one. Merge is associative and commutative, and the empty
// proportion is its identity. If the trials would exceed the largest int64
// it returns an *[Error] with code [ErrOverflow] and the zero Proportion.
func (p Proportion) Merge(q Proportion) (Proportion, error) {
	if q.trials > math.MaxInt64-p.trials {
		return Proportion{}, NewError(ErrOverflow, nil,
			"outcome: merging %d and %d trials overflows int64", p.trials, q.trials)
	}
	// successes <= trials in each, so the successes cannot overflow either.
	return Proportion{successes: p.successes + q.successes, trials: p.trials + q.trials}, nil
}

// Fraction returns the rate as an exact fraction in lowest terms, num/den
// with den > 0: 81 of 263 is 81/263, 50 of 100 is 1/2, 0 of 5 is 0/1. The
// empty proportion has no rate: an *[Error] with code [ErrNoData].
func (p Proportion) Fraction() (num, den int64, err error) {
	if err := p.needData(); err != nil {
		return 0, 0, err
	}
	g := gcdInt64(p.successes, p.trials)
	return p.successes / g, p.trials / g, nil
}

// Rate returns successes/trials as a decimal rounded to places decimal places
// by the given rounding mode, computed from the exact fraction (so it is
// correctly rounded). 81 of 263 at 4 places, half-even, is 0.3080. places may
// be from -[MaxPlaces] to MaxPlaces; the result has exponent -places.
//
// An invalid rounding is an *[Error] with code [ErrUnknownRounding]; places
// out of range one with code [ErrInvalidPlaces]; the empty proportion one
// with code [ErrNoData]. Every one that applies is reported, one as its
// *[Error] itself, several joined with [errors.Join] in that order.
func (p Proportion) Rate(places int32, rounding Rounding) (decimal.Decimal, error) {
	return p.scaled(0, places, rounding)
}

// Percent returns the rate as a percentage, 100 * successes/trials, rounded
// as by [Proportion.Rate]: 81 of 263 at 1 place, half-even, is 30.8. It fails
// as Rate does.
func (p Proportion) Percent(places int32, rounding Rounding) (decimal.Decimal, error) {
	return p.scaled(2, places, rounding)
}

func (p Proportion) scaled(shift, places int32, rounding Rounding) (decimal.Decimal, error) {
	if err := checkRounding(places, rounding); err != nil || p.trials == 0 {
		return decimal.Decimal{}, msg.JoinFlat(err, p.needData())
	}
	return rounding.ratio(p.successes, p.trials, shift, places), nil
}

// StandardError returns the estimated standard error of the rate,
// sqrt(p̂(1-p̂)/n) with p̂ = successes/trials and n = trials: the spread of the
// rate from sample to sample. It is 0 when the rate is 0 or 1. The empty
// proportion is an *[Error] with code [ErrNoData].
func (p Proportion) StandardError() (float64, error) {
	if err := p.needData(); err != nil {
		return 0, err
	}
	n := float64(p.trials)
	return math.Sqrt(float64(p.successes)*float64(p.Failures())/n) / n, nil
}

// Wilson returns the Wilson score interval for the rate at the given
// confidence level (0.95 for 95%), the default interval of the package. With
// p̂ = s/n, f = n - s and z the two-sided critical value (1.96 at 0.95),
//
//	Low, High = (p̂ + z²/2n ∓ z·sqrt(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n).
//
// (Wilson 1927, "Probable inference, the law of succession, and statistical
// inference", JASA 22:209-212; Newcombe 1998, "Two-sided confidence intervals
// for the single proportion: comparison of seven methods", Statistics in
// Medicine 17:857-872, method 3; Wikipedia, "Binomial proportion confidence
// interval", Wilson score interval.) With b = z·sqrt(sf/n + z²/4), the
// bounds are computed in algebraically equal forms that do not cancel:
// Low = s²/(n(s + z²/2 + b)); High = (s + z²/2 + b)/(n + z²) when s <= f,
// a sum of positive terms, and 1 - f²/(n(f + z²/2 + b)) when s > f, where
// the term taken from 1 is below 1/2 (so that High never passes 1). So 0 of
// n gives Low = 0 and High = z²/(n + z²), n of n gives High = 1 exactly,
// and each bound is accurate to a few units in the last place whatever n.
//
// The interval's Estimate is p̂; 0 <= Low <= Estimate <= High <= 1 always.
// The interval has positive width for any n unless the confidence is so
// small that z² vanishes, or the rate is so near 1 that its bounds are
// nearer 1 than a float64 can tell: the float64s below 1 are 2^-53 apart, so
// n of n (or n-1 of n) gives 1..1 once n passes about 10^16 at 95%, while 0
// of n keeps High = z²/(n + z²) > 0 for any n. One trial is enough: 1 of 1
// at 95% gives 0.2065..1 (the survey tallies' intervals, such as
// [CSATTally.Interval], refuse a single response instead). A confidence
// outside (0, 1), or below 2^-1022 (subnormal: 2^-1022 itself is accepted),
// is an *[Error] with code [ErrInvalidConfidence]; the empty proportion one
// with code [ErrNoData]; both are reported, joined with [errors.Join] in
// that order.
func (p Proportion) Wilson(confidence float64) (Interval, error) {
	return p.Interval(confidence, IntervalWilson)
}

// Wald returns the Wald (normal-approximation) interval for the rate,
// p̂ ± z·sqrt(p̂(1-p̂)/n) (Newcombe 1998, method 1). It is the interval of many
// legacy reports, and is offered to reproduce them; prefer [Proportion.Wilson].
// Its bounds are returned as computed: for rates near 0 or 1 they can fall
// below 0 or above 1 (1 of 29 at 95% gives Low ≈ -0.0319), and at a rate of
// exactly 0 or 1 the interval has zero width. It fails as Wilson does.
func (p Proportion) Wald(confidence float64) (Interval, error) {
	return p.Interval(confidence, IntervalWald)
}

// Interval returns the confidence interval for the rate by the given method:
// [IntervalWilson] (as [Proportion.Wilson]), [IntervalWald] (as
// [Proportion.Wald]) or [IntervalAdjustedWald], the Agresti-Coull interval
// p̃ ± z·sqrt(p̃(1-p̃)/ñ) with ñ = n + z² and p̃ = (s + z²/2)/ñ (Agresti and
// Coull 1998, "Approximate is better than 'exact' for interval estimation of
// binomial proportions", The American Statistician 52:119-126; the "adjusted
// Wald" of Sauro and Lewis 2005 for task-completion rates), whose bounds can
// also fall outside [0, 1]. Every method's Estimate is p̂.
//
// Any other method (including [IntervalNewcombe], which is for a difference)
// is an *[Error] with code [ErrInvalidIntervalMethod]; the other errors are
// those of Wilson. Every problem is reported, one as its *[Error] itself,
// several joined with [errors.Join] in this order: the confidence's, the
// method's, then the empty proportion's.
func (p Proportion) Interval(confidence float64, method IntervalMethod) (Interval, error) {
	z, cerr := criticalValue(confidence)
	var merr error
	if method != IntervalWilson && method != IntervalWald && method != IntervalAdjustedWald {
		merr = NewError(ErrInvalidIntervalMethod, nil,
			"outcome: interval method %s does not apply to a single proportion", method)
	}
	if cerr != nil || merr != nil || p.trials == 0 {
		return Interval{}, msg.JoinFlat(cerr, merr, p.needData())
	}
	iv := Interval{Estimate: p.estimate(), Confidence: confidence, Method: method}
	switch method {
	case IntervalWilson:
		iv.Low, iv.High = wilsonBounds(p.successes, p.trials, z)
	case IntervalWald:
		se, _ := p.StandardError()
		iv.Low, iv.High = iv.Estimate-z*se, iv.Estimate+z*se
	default: // IntervalAdjustedWald
		z2 := z * z
		nt := float64(p.trials) + z2
		pt := (float64(p.successes) + z2/2) / nt
		half := z * math.Sqrt(pt*(1-pt)/nt)
		iv.Low, iv.High = pt-half, pt+half
	}
	// Guard the ordering against rounding error in the last bit.
	iv.Low, iv.High = min(iv.Low, iv.Estimate), max(iv.High, iv.Estimate)
	return iv, nil
}

// wilsonBounds returns the Wilson score bounds for s successes in n > 0 trials at
// critical value z, in the forms documented at [Proportion.Wilson].
func wilsonBounds(s, n int64, z float64) (low, high float64) {
	fs, ff, fn := float64(s), float64(n-s), float64(n)
	z2 := z * z
	b := z * math.Sqrt(fs*ff/fn+z2/4)
	low, high = 0, 1
	if s > 0 {
		low = fs * fs / (fn * (fs + z2/2 + b))
	}
	switch {
	case s <= n-s:
		// 1 - f²/(...) would cancel when the bound is near 0.
		high = (fs + z2/2 + b) / (fn + z2)
	case s < n:
		high = 1 - ff*ff/(fn*(ff+z2/2+b))
	}
	return low, high
}

// wilsonDistances returns the distances from the rate p̂ = s/n to its Wilson
// bounds at critical value z, p̂ - Low and High - p̂, for s successes in
// n > 0 trials. With f = n - s and b = z·sqrt(sf/n + z²/4) as in
// [wilsonBounds],
//
//	p̂ - Low  = s(z²/2 + b) / (n(s + z²/2 + b)),
//	High - p̂ = f(z²/2 + b) / (n(f + z²/2 + b)),
//
// products and quotients of sums of non-negative terms, so neither cancels
// (taking them from the float64 bounds and rate did near 1, where the
// float64s are 2^-53 apart), and swapping s and f swaps them exactly.
func wilsonDistances(s, n int64, z float64) (below, above float64) {
	fs, ff, fn := float64(s), float64(n-s), float64(n)
	z2 := z * z
	b := z * math.Sqrt(fs*ff/fn+z2/4)
	// A count of 0 is a distance of 0, not 0/0 when z² underflows.
	if s > 0 {
		below = fs * (z2/2 + b) / (fn * (fs + z2/2 + b))
	}
	if s < n {
		above = ff * (z2/2 + b) / (fn * (ff + z2/2 + b))
	}
	return below, above
}

// estimate returns the rate as a float64, for statistics; p is not empty.
func (p Proportion) estimate() float64 { return float64(p.successes) / float64(p.trials) }

// needData returns an *Error with code [ErrNoData] if p is empty.
func (p Proportion) needData() error {
	if p.trials > 0 {
		return nil
	}
	return NewError(ErrNoData, nil, "outcome: a proportion of 0 trials has no rate")
}

// gcdInt64 returns the greatest common divisor of a >= 0 and b > 0.
func gcdInt64(a, b int64) int64 {
	for a != 0 {
		a, b = b%a, a
	}
	return b
}

// ProportionComparison is the result of [CompareProportions]: did the rate
// change from A to B, by how much, and how sure can we be? It is a plain
// value that encodes to JSON for a dashboard.
//
// The zero ProportionComparison is no comparison: it is what
// CompareProportions returns with its error, its Difference is the zero
// [Interval], and [ProportionComparison.Significant] reports false for it.
// It is a result, not a definition, but decoding one from JSON
// ([ProportionComparison.UnmarshalJSON]) gives back only a comparison that
// CompareProportions gives: it checks A and B as CompareProportions needs
// them, and the other fields against what CompareProportions gives for them
// at the stored confidence (exactly, or, for the bounds and the p-value,
// which go through math functions whose last bits differ between
// platforms, to within 1e-12).
type ProportionComparison struct {
	// A is the first proportion (the baseline: before, control).
	A Proportion `json:"a"`
	// B is the second proportion (the comparison: after, treatment).
	B Proportion `json:"b"`
	// Difference is the rate of B minus the rate of A (positive when B's
	// rate is higher), with Newcombe's hybrid score interval at the asked
	// confidence level ([IntervalNewcombe]). It lies within [-1, 1].
	Difference Interval `json:"difference"`
	// StandardError is the pooled standard error of the difference under
	// the hypothesis of no difference, sqrt(p̄(1-p̄)(1/nA + 1/nB)) with p̄
	// the pooled rate; it is 0 when both rates are 0 or both are 1.
	StandardError float64 `json:"standardError"`
	// Z is the z statistic, Difference.Estimate / StandardError: positive
	// when B's rate is higher. It is 0 when StandardError is 0.
	Z float64 `json:"z"`
	// PValue is the two-sided p-value of Z, P(|N(0,1)| >= |Z|): the chance of
	// a difference at least this large if the rates were equal. It is 1 when
	// StandardError is 0.
	PValue float64 `json:"pValue"`
}

// Significant reports whether the test rejects "no difference" at the
// comparison's confidence level: PValue < 1 - Difference.Confidence. The
// pooled test and the Newcombe interval agree in all but borderline cases,
// where the interval may just include or exclude 0 while the test decides
// the other way; report both. It is false for a comparison whose Difference
// has an invalid Method or a Confidence not strictly between 0 and 1, such
// as the zero ProportionComparison a failed comparison returns: that is no
// evidence of a difference.
func (c ProportionComparison) Significant() bool {
	return c.Difference.tested() && c.PValue < 1-c.Difference.Confidence
}

// Equal reports whether c and o are the same comparison, field by field:
// A and B by [Proportion.Equal] (the same counts), the Difference by
// [Interval.Equal], and StandardError, Z and PValue with == (so 0 equals
// -0, and a NaN equals nothing; CompareProportions gives none). A
// comparison stored as JSON and read back ([ProportionComparison.UnmarshalJSON])
// is Equal to the one computed.
func (c ProportionComparison) Equal(o ProportionComparison) bool {
	return c.A.Equal(o.A) && c.B.Equal(o.B) && c.Difference.Equal(o.Difference) &&
		c.StandardError == o.StandardError && c.Z == o.Z && c.PValue == o.PValue
}

// CompareProportions compares the rate of b with the rate of a (a the
// baseline, b the comparison: did first-contact resolution improve from a
// to b?) by the two-proportion z-test, at the given confidence level.
//
// The difference is rate(b) - rate(a), computed exactly from the counts and
// rounded once, so that rates a float64 cannot tell apart (past 2^53
// trials) still give their difference. Its interval is Newcombe's hybrid
// score interval (Newcombe 1998, "Interval estimation for the difference
// between independent proportions: comparison of eleven methods", Statistics
// in Medicine 17:873-890, method 10): with d = p̂b - p̂a and (lb, ub),
// (la, ua) the Wilson intervals of b and a at the same confidence,
//
//	Low  = d - sqrt((p̂b - lb)² + (ua - p̂a)²),
//	High = d + sqrt((ub - p̂b)² + (p̂a - la)²).
//
// Unlike the unpooled Wald interval it stays within [-1, 1] and keeps its
// coverage for small counts and for rates near 0 or 1. The distances from
// each rate to its Wilson bounds are computed from the counts, not from the
// float64 rate and bounds, which past 2^53 trials cancel near 1: with f = n
// - s and b = z·sqrt(sf/n + z²/4), p̂ - l = s(z²/2 + b)/(n(s + z²/2 + b))
// and u - p̂ = f(z²/2 + b)/(n(f + z²/2 + b)). So rates near 1 give as wide
// an interval as rates near 0, and swapping the successes and failures of
// both proportions negates the difference and mirrors its interval exactly
// (Low becomes -High and High -Low).
//
// The test uses the pooled standard error, as the null hypothesis says both
// rates are the same: p̄ = (sa + sb)/(na + nb), SE = sqrt(p̄(1-p̄)(1/na +
// 1/nb)), Z = d/SE, p = 2(1 - Φ(|Z|)) (the standard two-proportion z-test,
// e.g. Illowsky and Dean, "Introductory Statistics", OpenStax, section
// "Comparing two independent population proportions"). p̄(1-p̄) is computed
// from the counts, as (sa + sb)/(na + nb) · (fa + fb)/(na + nb) with fa and
// fb the failures, so that it is 0 only when both rates are 0 or both are
// 1, however many the trials. Then the pooled SE is 0 and the observed
// difference is exactly 0: the comparison reports Z = 0 and PValue = 1 (no
// evidence of a difference) rather than 0/0, and the Newcombe interval is
// still defined.
//
// A confidence outside (0, 1), or below 2^-1022 (subnormal: 2^-1022 itself
// is accepted, as northstar's AnalyzeLeadLag and triplecrown accept it), is
// an *[Error] with code [ErrInvalidConfidence]; a proportion with zero
// trials one with code [ErrNoData]; both are reported, joined with
// [errors.Join] in that order.
func CompareProportions(a, b Proportion, confidence float64) (ProportionComparison, error) {
	z, err := criticalValue(confidence)
	if err != nil || a.IsZero() || b.IsZero() {
		var empty error
		if a.IsZero() || b.IsZero() {
			empty = NewError(ErrNoData, nil,
				"outcome: cannot compare proportions %s and %s: each needs at least one trial", a, b)
		}
		return ProportionComparison{}, msg.JoinFlat(err, empty)
	}
	belowA, aboveA := wilsonDistances(a.successes, a.trials, z)
	belowB, aboveB := wilsonDistances(b.successes, b.trials, z)
	d := rateDifference(a, b)
	c := ProportionComparison{A: a, B: b, Difference: Interval{
		Estimate:   d,
		Low:        d - math.Hypot(belowB, aboveA),
		High:       d + math.Hypot(aboveB, belowA),
		Confidence: confidence,
		Method:     IntervalNewcombe,
	}, PValue: 1}
	c.Difference.Low = max(min(c.Difference.Low, d), -1)
	c.Difference.High = min(max(c.Difference.High, d), 1)

	na, nb := float64(a.trials), float64(b.trials)
	// p̄(1-p̄) from the pooled successes and failures, each a sum of
	// non-negative counts (which cannot overflow float64): 1 - p̄ taken from
	// a float64 p̄ would lose a single failure in more than 2^53 trials.
	n := na + nb
	successes := (float64(a.successes) + float64(b.successes)) / n
	failures := (float64(a.Failures()) + float64(b.Failures())) / n
	c.StandardError = math.Sqrt(successes * failures * (1/na + 1/nb))
	if c.StandardError > 0 {
		c.Z = d / c.StandardError
		c.PValue = stat.TwoSidedP(c.Z)
	}
	return c, nil
}

// rateDifference returns rate(b) - rate(a), sb/nb - sa/na, correctly
// rounded from the counts: (sb·na - sa·nb)/(na·nb) in exact integers, so
// that rates closer than a float64 can tell apart (past 2^53 trials) still
// give their difference, not 0 or a unit of the last place of 1. It is
// exactly 0 for equal rates and exactly ±1 for rates 0 and 1; swapping a and
// b negates it exactly. a and b are not empty.
func rateDifference(a, b Proportion) float64 {
	if hi, den := bits.Mul64(uint64(a.trials), uint64(b.trials)); hi == 0 && den <= 1<<53 {
		// Every product is at most na·nb <= 2^53, exact in int64 and in
		// float64, so the one division is the only rounding.
		return float64(b.successes*a.trials-a.successes*b.trials) / float64(den)
	}
	num := new(big.Int).Mul(big.NewInt(b.successes), big.NewInt(a.trials))
	num.Sub(num, new(big.Int).Mul(big.NewInt(a.successes), big.NewInt(b.trials)))
	den := new(big.Int).Mul(big.NewInt(a.trials), big.NewInt(b.trials))
	d, _ := new(big.Rat).SetFrac(num, den).Float64()
	return d
}

// intervalFields are the JSON names of the fields of an [Interval], in its
// order.
var intervalFields = []string{"estimate", "low", "high", "confidence", "method"}

// jsonFloat decodes raw, the JSON value of the field name, into *v as
// encoding/json does, reporting a value that is not a number, null included
// (which encoding/json would take as leaving *v as it is), or a number
// beyond float64's range (1e400), said as a number between about -1.8e308
// and 1.8e308. It reports whether raw was decoded.
func jsonFloat(j *jsonForm, name string, raw json.RawMessage, v *float64) bool {
	want := "a number"
	if strictjson.ValueKind(raw) == want {
		want = "a number between about -1.8e308 and 1.8e308"
	}
	return j.value(name, want, raw, v)
}

// isJSONNull reports whether data is the JSON literal null, with only JSON
// white space (space, tab, CR, LF) around it: "\vnull" is not JSON.
func isJSONNull(data []byte) bool { return string(bytes.Trim(data, " \t\r\n")) == "null" }

// proportionJSON is the JSON form of a [Proportion].
type proportionJSON struct {
	Successes int64 `json:"successes"`
	Trials    int64 `json:"trials"`
}

// proportionFields are the JSON names of a proportion's fields.
var proportionFields = []string{"successes", "trials"}

// MarshalJSON implements [json.Marshaler]: {"successes":81,"trials":263}.
func (p Proportion) MarshalJSON() ([]byte, error) {
	return json.Marshal(proportionJSON{Successes: p.successes, Trials: p.trials})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes
// {"successes":s,"trials":n} (an absent field is 0) and validates the
// counts exactly as [NewProportion] does.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (also under keys that differ
// only in case; the first is the one read) and a value that is not an integer
// within int64 ("trials":"263", "successes":1.5), null included (`outcome:
// proportion: "trials" must be an integer, not null`), whose count is then
// not checked again; then NewProportion's problems. JSON that is not one
// object is a single problem with code ErrInvalidJSON, and so is JSON null
// for the whole proportion, with no ID: `outcome: a proportion cannot be
// null` (encoding/json would leave the value as it was). On error p is
// unchanged.
func (p *Proportion) UnmarshalJSON(data []byte) error {
	return decodeObject(data, p, "proportion", "a proportion", func(j *jsonForm, members []strictjson.Member) Proportion {
		v, _ := decodeProportion(j, members)
		return v
	})
}

// decodeProportion reads the members of a proportion's JSON object into j,
// as [Proportion.UnmarshalJSON] documents. trialsKnown reports whether the
// trials were of the right type.
func decodeProportion(j *jsonForm, members []strictjson.Member) (p Proportion, trialsKnown bool) {
	var counts [2]int64
	known := [2]bool{true, true}
	j.each(members, proportionFields, func(f int, raw json.RawMessage) {
		known[f] = jsonInt(j, proportionFields[f], raw, &counts[f])
	})
	j.checks = append(j.checks, proportionProblems(counts[0], counts[1], known[0], known[1])...)
	return Proportion{successes: counts[0], trials: counts[1]}, known[1]
}

// proportionComparisonFields are the JSON names of the fields of a
// [ProportionComparison], in its order.
var proportionComparisonFields = []string{"a", "b", "difference", "standardError", "z", "pValue"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the JSON that
// encoding/json writes for a ProportionComparison, and accepts only a
// comparison that [CompareProportions] gives: A and B are proportions as
// [Proportion.UnmarshalJSON] decodes them, of at least one trial each; the
// difference's confidence is one CompareProportions accepts, strictly
// between 0 and 1; its method is [IntervalNewcombe]; and the computed
// fields are those CompareProportions gives for A and B at that
// confidence. Every field must be there, the difference's five too
// (MarshalJSON writes each), and JSON null is never a field's value.
//
// The difference's estimate, the standard error and z are computed with
// the four operations and square roots of IEEE 754, whose results are the
// same on every platform, and must be exactly CompareProportions's (the
// same float64; -0 is 0). The bounds of the difference and the p-value go
// through math.Erfinv, math.Hypot and math.Erfc, whose last bits differ
// from platform to platform (math.Hypot is assembly on amd64 and Go
// elsewhere, and a compiler may fuse a multiply and an add), so each bound
// must be within 1e-12 of CompareProportions's (the bounds lie within -1 to
// 1: about 4,500 units in the last place of 1), with Low from -1 to the
// estimate and High from the estimate to 1, and the p-value within 1e-12
// times CompareProportions's (or times 2^-1022, the smallest normal
// float64, if that is larger), from 0 to 1. A number written too small for
// a float64 to hold, which reads as 0 or -0 ("1e-400"), is never taken as
// 0: it is a mismatch, or, for the confidence, refused as written. The
// values decoded are those written, not recomputed ones.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (also under keys that differ
// only in case; the first is the one read), a value of the wrong type, null
// included (`proportion comparison: "z" must be a number, not null`, `"a"
// must be a proportion {"successes","trials"}, not null`), a number beyond
// float64's range, the problems of the form of A, of B and of the difference
// at their keys (`proportion comparison "difference": "estimate" must be a
// number, not the string "0.1"`, `proportion comparison "difference" has an
// unknown field "x"`), and then each field that is absent, after the other
// problems of its object (`proportion comparison "difference" has no "low"`;
// `proportion comparison has no "a", the baseline proportion`). Then, in the
// order of the fields, the problems of the values: the counts of A and of B
// ([NewProportion]'s, code [ErrInvalidCount]) and a proportion of no trials,
// code [ErrNoData], each naming "a" or "b"; each computed field that is not
// what CompareProportions gives, code [ErrInvalidResult], said as written
// (`proportion comparison "difference": "estimate" is 0.9, where
// CompareProportions gives 0 for a 1/2 and b 1/2`); a confidence not strictly
// between 0 and 1 as written, or below 2^-1022 (`confidence level 5e-324 is
// below 2.2250738585072014e-308, the smallest positive number held to full
// precision`), which CompareProportions refuses, code [ErrInvalidConfidence];
// and a method that names none, or another than newcombe, code
// [ErrInvalidIntervalMethod]. A value whose form has a problem is not checked
// again, and the computed fields are checked only against A and B that
// CompareProportions compares (the bounds also only at a confidence it
// accepts). JSON that is not one object is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole comparison, with no ID:
// `outcome: a proportion comparison cannot be null`. On error c is unchanged.
func (c *ProportionComparison) UnmarshalJSON(data []byte) error {
	return decodeObject(data, c, "proportion comparison", "a proportion comparison", decodeProportionComparison)
}

// comparisonNumber is a number of a [ProportionComparison] read from JSON:
// its value, its text as written, and whether it was read.
type comparisonNumber struct {
	v    float64
	text string
	read bool
}

// zeroAsWritten reports whether n reads as 0 or -0 but its text writes a
// number that is not 0 ("1e-400"), too small for a float64 to hold.
func (n comparisonNumber) zeroAsWritten() bool { return n.v == 0 && floattext.Underflows(n.text, n.v) }

// The indexes of a comparison's numbers in comparisonRead.num: the
// difference's fields by their index in intervalFields, then the
// comparison's own.
const (
	numEstimate = iota
	numLow
	numHigh
	numConfidence
	_ // the method, not a number
	numStandardError
	numZ
	numPValue
	numCount
)

// comparisonNumberNames are the JSON names of a comparison's numbers, by
// their index in comparisonRead.num.
var comparisonNumberNames = [numCount]string{"estimate", "low", "high", "confidence", "method", "standardError", "z", "pValue"}

// comparisonRead is a [ProportionComparison] read from JSON member by
// member, before its values are checked.
type comparisonRead struct {
	a, b         Proportion
	sound        [2]bool // whether A and B were read and CompareProportions compares them
	num          [numCount]comparisonNumber
	method       string
	methodRead   bool
	differenceOK bool // whether the difference was an object
}

// decodeProportionComparison reads the members of the JSON object of a
// [ProportionComparison] into j, as [ProportionComparison.UnmarshalJSON]
// documents.
func decodeProportionComparison(j *jsonForm, members []strictjson.Member) ProportionComparison {
	var r comparisonRead
	var given [6]bool // whether each field was given
	j.each(members, proportionComparisonFields, func(f int, raw json.RawMessage) {
		given[f] = true
		name := proportionComparisonFields[f]
		switch f {
		case 0, 1:
			p, ok := decodeComparedProportion(j, name, raw)
			r.sound[f] = ok
			if f == 0 {
				r.a = p
			} else {
				r.b = p
			}
		case 2:
			r.difference(j, name, raw)
		default:
			r.num[f+2] = readComparisonNumber(j, name, raw)
		}
	})
	for f, ok := range given {
		switch {
		case ok:
		case f < 2:
			j.problem(nil, " has no %q, the %s proportion", proportionComparisonFields[f], [2]string{"baseline", "comparison"}[f])
		default:
			j.problem(nil, " has no %q", proportionComparisonFields[f])
		}
	}
	j.checks = append(j.checks, r.problems(j.what)...)
	method, _ := ParseIntervalMethod(r.method)
	n := &r.num
	return ProportionComparison{A: r.a, B: r.b, Difference: Interval{Estimate: n[numEstimate].v, Low: n[numLow].v,
		High: n[numHigh].v, Confidence: n[numConfidence].v, Method: method},
		StandardError: n[numStandardError].v, Z: n[numZ].v, PValue: n[numPValue].v}
}

// decodeComparedProportion decodes raw, the JSON value of A or B (name),
// reporting into j the problems of its form at its key and its counts'
// problems, and one of no trials, which CompareProportions does not
// compare. ok reports whether it is a proportion CompareProportions
// compares.
func decodeComparedProportion(j *jsonForm, name string, raw json.RawMessage) (p Proportion, ok bool) {
	if isJSONNull(raw) {
		j.wrongType(nil, name, `a proportion {"successes","trials"}`, raw)
		return p, false
	}
	ms, err := strictjson.Members(raw)
	if err != nil {
		j.wrongType(err, name, `a proportion {"successes","trials"}`, raw)
		return p, false
	}
	n := jsonForm{what: j.what + " " + strconv.Quote(name)}
	p, trialsKnown := decodeProportion(&n, ms)
	if trialsKnown && p.trials == 0 && len(n.checks) == 0 {
		n.checks = append(n.checks, NewError(ErrNoData, nil,
			"outcome: no trials: CompareProportions compares proportions of at least one trial"))
	}
	j.form = append(j.form, n.form...)
	for _, e := range Problems(errors.Join(n.checks...)) {
		j.checks = append(j.checks, &Error{Code: e.Code, Severity: e.Severity, IDs: e.IDs,
			Message: fmt.Sprintf("outcome: %s: %s", n.what, strings.TrimPrefix(e.Message, "outcome: ")), Err: e})
	}
	return p, len(n.form) == 0 && len(n.checks) == 0
}

// difference reads raw, the JSON value of the difference (name), an
// [Interval]'s object, reporting into j the problems of its form at its
// key: its members' as [jsonForm.each] reports them, then each field
// absent.
func (r *comparisonRead) difference(j *jsonForm, name string, raw json.RawMessage) {
	const want = `an interval {"estimate","low","high","confidence","method"}`
	if isJSONNull(raw) {
		j.wrongType(nil, name, want, raw)
		return
	}
	members, err := strictjson.Members(raw)
	if err != nil {
		j.wrongType(err, name, want, raw)
		return
	}
	r.differenceOK = true
	n := jsonForm{what: j.what + " " + strconv.Quote(name), ids: j.ids}
	var given [5]bool
	n.each(members, intervalFields, func(f int, raw json.RawMessage) {
		given[f] = true
		if f == 4 {
			r.methodRead = n.value(intervalFields[f], "a string naming an interval method", raw, &r.method)
			return
		}
		r.num[f] = readComparisonNumber(&n, intervalFields[f], raw)
	})
	for f, ok := range given {
		if !ok {
			n.problem(nil, " has no %q", intervalFields[f])
		}
	}
	j.form = append(j.form, n.form...)
}

// readComparisonNumber decodes raw, the JSON value of the number name, as
// [jsonFloat] does, and keeps its text.
func readComparisonNumber(j *jsonForm, name string, raw json.RawMessage) comparisonNumber {
	var n comparisonNumber
	n.read = jsonFloat(j, name, raw, &n.v)
	n.text = string(bytes.Trim(raw, " \t\r\n"))
	return n
}

// problems returns the problems of the values of r, in the order of the
// fields, as [ProportionComparison.UnmarshalJSON] documents them (but
// those of A's and B's counts, reported as they were read); what names the
// comparison in messages.
func (r *comparisonRead) problems(what string) []error {
	var errs []error
	n := &r.num
	diffWhat := what + ` "difference"`
	conf := n[numConfidence]
	confOK := false
	var confErr error
	if conf.read {
		if why := confidenceProblem(conf.text, conf.v); why != "" {
			confErr = NewError(ErrInvalidConfidence, nil, "outcome: %s: confidence level %s %s", diffWhat, clip(conf.text), why)
		} else {
			confOK = true
		}
	}
	var methodErr error
	if r.methodRead {
		switch m, err := ParseIntervalMethod(r.method); {
		case err != nil:
			methodErr = NewError(ErrInvalidIntervalMethod, nil, "outcome: %s: unknown interval method %q", diffWhat, clip(r.method))
		case m != IntervalNewcombe:
			methodErr = NewError(ErrInvalidIntervalMethod, nil,
				"outcome: %s: interval method %s is not newcombe, the method of CompareProportions", diffWhat, m)
		}
	}

	// What CompareProportions gives for A and B: the bounds at the
	// confidence, if it is sound; the rest does not depend on it.
	compared := r.sound[0] && r.sound[1]
	var want ProportionComparison
	if compared {
		c := 0.5
		if confOK {
			c = conf.v
		}
		want, _ = CompareProportions(r.a, r.b, c)
	}
	of := fmt.Sprintf("a %s and b %s", r.a, r.b)
	mismatch := func(where string, f int, want float64, ok bool, at string) {
		if !compared || !n[f].read || ok && !n[f].zeroAsWritten() {
			return
		}
		errs = append(errs, NewError(ErrInvalidResult, nil, "outcome: %s: %q is %s, where CompareProportions gives %v for %s%s",
			where, comparisonNumberNames[f], clip(n[f].text), want, of, at))
	}
	d := want.Difference
	mismatch(diffWhat, numEstimate, d.Estimate, n[numEstimate].v == d.Estimate, "")
	if confOK {
		at := fmt.Sprintf(" at confidence %s", clip(conf.text))
		low, high := n[numLow].v, n[numHigh].v
		mismatch(diffWhat, numLow, d.Low, math.Abs(low-d.Low) <= resultTolerance && -1 <= low && low <= d.Estimate, at)
		mismatch(diffWhat, numHigh, d.High, math.Abs(high-d.High) <= resultTolerance && d.Estimate <= high && high <= 1, at)
	}
	if confErr != nil {
		errs = append(errs, confErr)
	}
	if methodErr != nil {
		errs = append(errs, methodErr)
	}
	mismatch(what, numStandardError, want.StandardError, n[numStandardError].v == want.StandardError, "")
	mismatch(what, numZ, want.Z, n[numZ].v == want.Z, "")
	p := n[numPValue].v
	mismatch(what, numPValue, want.PValue,
		math.Abs(p-want.PValue) <= resultTolerance*max(want.PValue, floattext.MinNormal) && 0 <= p && p <= 1, "")
	return errs
}
