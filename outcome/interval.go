package outcome

import (
	"fmt"
	"math"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/stat"
)

// The codes of errors in the arguments of interval estimates.
const (
	// ErrInvalidConfidence: a confidence level that is NaN, infinite, not
	// strictly between 0 and 1, or below 2^-1022 (about
	// 2.2250738585072014e-308, the smallest positive number a float64 holds
	// to full precision).
	ErrInvalidConfidence Code = "invalid-confidence"
	// ErrInvalidIntervalMethod: an interval method that is the zero value,
	// text that names no method, or a method that does not apply to the
	// estimate asked for.
	ErrInvalidIntervalMethod Code = "invalid-interval-method"
)

// IntervalMethod names the way a confidence [Interval] was computed, so that
// a report can say it and a reader can judge it. Each measure documents which
// methods it offers and the formula it uses.
//
// The zero IntervalMethod is invalid.
type IntervalMethod uint8

// The interval methods.
const (
	// IntervalWilson is the Wilson score interval for a proportion (Wilson
	// 1927), recommended by Newcombe (1998) and the default of [Proportion]:
	// its bounds always lie in [0, 1] and it has neither zero width nor poor
	// coverage at rates near 0 or 1 (up to what a float64 can tell apart
	// from 1; see [Proportion.Wilson]).
	IntervalWilson IntervalMethod = iota + 1
	// IntervalWald is the normal-approximation ("Wald", "simple asymptotic")
	// interval: the estimate plus or minus z standard errors. Its bounds can
	// fall outside the possible range, and it has zero width when the
	// standard error is zero.
	IntervalWald
	// IntervalAdjustedWald is the Wald interval computed after adding z²/2
	// successes and z²/2 failures (for a proportion: Agresti and Coull 1998,
	// the "adjusted Wald" of Sauro and Lewis 2005), or a measure's own
	// documented adjustment. Its bounds can fall outside the possible range.
	IntervalAdjustedWald
	// IntervalNewcombe is Newcombe's hybrid score interval for a difference
	// of two independent proportions (Newcombe 1998, method 10), built from
	// their two Wilson intervals; see [CompareProportions].
	IntervalNewcombe
)

// String returns the method's stable token: "wilson", "wald",
// "adjusted-wald" or "newcombe"; "IntervalMethod(N)" for an invalid value.
// [ParseIntervalMethod] accepts it.
func (m IntervalMethod) String() string {
	switch m {
	case IntervalWilson:
		return "wilson"
	case IntervalWald:
		return "wald"
	case IntervalAdjustedWald:
		return "adjusted-wald"
	case IntervalNewcombe:
		return "newcombe"
	}
	return fmt.Sprintf("IntervalMethod(%d)", uint8(m))
}

// IsValid reports whether m is one of the interval methods.
func (m IntervalMethod) IsValid() bool { return m >= IntervalWilson && m <= IntervalNewcombe }

// IsZero reports whether m is the zero (invalid) IntervalMethod.
func (m IntervalMethod) IsZero() bool { return m == 0 }

// ParseIntervalMethod parses an interval method, ignoring case, white space,
// hyphens and underscores. Besides the tokens of [IntervalMethod.String] it
// accepts "wilson score" and "score" for [IntervalWilson], "normal" and
// "simple asymptotic" for [IntervalWald], "agresti-coull" for
// [IntervalAdjustedWald] and "newcombe hybrid score" (or "hybrid score") for
// [IntervalNewcombe]. Anything else is an error with code
// [ErrInvalidIntervalMethod].
func ParseIntervalMethod(text string) (IntervalMethod, error) {
	var buf [32]byte
	switch string(fold(buf[:0], text)) {
	case "wilson", "wilsonscore", "score":
		return IntervalWilson, nil
	case "wald", "normal", "simpleasymptotic":
		return IntervalWald, nil
	case "adjustedwald", "agresticoull":
		return IntervalAdjustedWald, nil
	case "newcombe", "newcombehybridscore", "hybridscore":
		return IntervalNewcombe, nil
	}
	return 0, NewError(ErrInvalidIntervalMethod, nil, "outcome: unknown interval method %q", clip(text))
}

// MarshalText implements [encoding.TextMarshaler]: the token of
// [IntervalMethod.String]. Marshalling an invalid method is an error with
// code [ErrInvalidIntervalMethod].
func (m IntervalMethod) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, NewError(ErrInvalidIntervalMethod, nil, "outcome: cannot marshal invalid interval method %d", uint8(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseIntervalMethod].
func (m *IntervalMethod) UnmarshalText(text []byte) error {
	v, err := ParseIntervalMethod(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Interval is a confidence interval around an estimate: the estimate itself,
// the lower and upper bounds, the confidence level it was computed at (0.95
// for a 95% interval) and the method used. Low <= Estimate <= High. The
// scale is the estimate's own: a rate in [0, 1], a difference of rates in
// [-1, 1], a score on its scale. Some methods (see [IntervalMethod]) can put a
// bound outside the scale's possible range; the interval reports such a bound
// as computed rather than clamping it, so that the method's weakness shows.
//
// Interval is a plain value, safe to copy and compare with [Interval.Equal];
// it encodes to JSON as {"estimate", "low", "high", "confidence",
// "method"}. Its statistics are float64: they are approximations, not counts.
// The zero Interval means "no interval"; it has no method, so it does not
// encode: json.Marshal returns an error that wraps an *[Error] with code
// [ErrInvalidIntervalMethod] (from [IntervalMethod.MarshalText]), as it does
// for a [ScoreTest] or a [ProportionComparison] that holds it.
//
// An Interval is a result the measures compute, not a definition, and has
// no constructor, but it reads back from JSON only as the measures could
// give it ([Interval.UnmarshalJSON]): every field there, once, Low <=
// Estimate <= High, a confidence strictly between 0 and 1 (and not below
// 2^-1022) and a method;
// every problem is reported.
type Interval struct {
	// Estimate is the point estimate: the observed rate, score or difference.
	Estimate float64 `json:"estimate"`
	// Low is the lower bound.
	Low float64 `json:"low"`
	// High is the upper bound.
	High float64 `json:"high"`
	// Confidence is the confidence level, strictly between 0 and 1, and not
	// below 2^-1022.
	Confidence float64 `json:"confidence"`
	// Method is how the bounds were computed.
	Method IntervalMethod `json:"method"`
}

// Width returns High - Low.
func (iv Interval) Width() float64 { return iv.High - iv.Low }

// Contains reports whether Low <= x <= High: whether x is a value the data
// do not rule out at the interval's confidence level. A difference interval
// that contains 0 does not show a difference.
func (iv Interval) Contains(x float64) bool { return iv.Low <= x && x <= iv.High }

// IsZero reports whether iv is the zero Interval.
func (iv Interval) IsZero() bool { return iv == Interval{} }

// tested reports whether iv can say whether a test is significant: its
// Method is valid and its Confidence strictly between 0 and 1. The zero
// Interval cannot.
func (iv Interval) tested() bool {
	return iv.Method.IsValid() && iv.Confidence > 0 && iv.Confidence < 1
}

// Equal reports whether iv and o have the same fields, compared with ==.
func (iv Interval) Equal(o Interval) bool { return iv == o }

// criticalValue validates a confidence level and returns the two-sided
// critical value z of the standard normal distribution for it (1.96 at
// 0.95). A confidence that is NaN, infinite or not strictly between 0 and 1
// is an *Error with code [ErrInvalidConfidence], and so is a subnormal one,
// below 2^-1022, which holds fewer significant bits than any other float64
// (as northstar's AnalyzeLeadLag and triplecrown's significance level
// refuse one): `outcome: confidence level 5e-324 is below
// 2.2250738585072014e-308, the smallest positive number held to full
// precision`. 2^-1022 itself is accepted. Every interval of the package
// goes through it.
func criticalValue(confidence float64) (float64, error) {
	if msg := confidenceProblem("", confidence); msg != "" {
		return 0, NewError(ErrInvalidConfidence, nil, "outcome: confidence level %v %s", confidence, msg)
	}
	return stat.CriticalValue(confidence), nil
}

// confidenceProblem says why the confidence level c, read from text (""
// for a float64 given as one), is refused, after "confidence level <c> ",
// or returns "" if it is accepted: c is NaN, infinite or not strictly
// between 0 and 1, as written (text "-1e-400" reads as -0 and is below 0;
// "1e-400" reads as 0, too small to hold), or subnormal, below
// [floattext.MinNormal], which reads as a number with fewer significant
// bits than the one written ("5e-324").
func confidenceProblem(text string, c float64) string {
	switch {
	case floattext.Negative(text, c) || math.IsNaN(c) || c >= 1 || c <= 0 && !floattext.Underflows(text, c):
		return "is not strictly between 0 and 1 (0.95 for 95%)"
	case c == 0: // written as a number too small to hold: "1e-400"
		return "is not strictly between 0 and 1 (0.95 for 95%): " + floattext.ReadsAsZero
	case c < floattext.MinNormal:
		return "is below " + floattext.MinNormalText + ", the smallest positive number held to full precision"
	}
	return ""
}
