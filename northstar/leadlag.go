package northstar

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// MinPairs is the fewest pairs of values a correlation is computed from, at
// any lag: the Fisher z standard error 1/sqrt(n-3) needs n > 3. A series of
// length n supports lags up to n - MinPairs.
const MinPairs = 4

// intervalTolerance is how far each end of a stored LeadLag's interval may
// be from the Fisher interval recomputed from its parts when it is read back
// (see [LeadLag.UnmarshalJSON]).
const intervalTolerance = 1e-12

// DefaultConfidence is the confidence level a zero [LagOptions.Confidence]
// stands for.
const DefaultConfidence = 0.95

// Method is a correlation method for lead/lag analysis.
//
// The zero Method is invalid; a zero [LagOptions.Method] stands for
// [Pearson].
type Method uint8

// The correlation methods.
const (
	// Pearson is the product-moment correlation: how well a straight line
	// relates the two series.
	Pearson Method = iota + 1
	// Spearman is the rank correlation: the Pearson correlation of the
	// values' ranks (ties get the average of their ranks), so any monotone
	// relation counts, and outliers weigh less.
	Spearman
)

// String returns "Pearson" or "Spearman", or "Method(N)" for an invalid
// value. [ParseMethod] accepts it.
func (m Method) String() string {
	switch m {
	case Pearson:
		return "Pearson"
	case Spearman:
		return "Spearman"
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

// IsValid reports whether m is [Pearson] or [Spearman].
func (m Method) IsValid() bool { return m == Pearson || m == Spearman }

// IsZero reports whether m is the zero (invalid) Method.
func (m Method) IsZero() bool { return m == 0 }

// ParseMethod parses "pearson" or "spearman", ignoring ASCII case and
// surrounding white space. Anything else is an error with code
// [ErrUnknownMethod].
func ParseMethod(text string) (Method, error) {
	switch {
	case words.Same(text, "pearson"):
		return Pearson, nil
	case words.Same(text, "spearman"):
		return Spearman, nil
	}
	return 0, newError(ErrUnknownMethod, nil, "northstar: unknown correlation method %q", clip(text))
}

// Verdict is what lead/lag analysis concludes about a candidate metric and a
// business outcome.
//
// The zero Verdict is invalid.
type Verdict uint8

// The verdicts.
const (
	// NoEvidence: the strongest correlation, at any lag examined, is not
	// significant (its confidence interval contains zero).
	NoEvidence Verdict = iota + 1
	// Leads: the strongest significant correlation is at a positive lag: the
	// candidate moves first, and the outcome follows.
	Leads
	// Lags: the strongest significant correlation is at a negative lag: the
	// outcome moves first, and the candidate follows. A lag metric.
	Lags
	// Coincident: the strongest significant correlation is at lag zero: the
	// two move in the same period.
	Coincident
)

// String returns "no evidence", "leads", "lags" or "coincident", or
// "Verdict(N)" for an invalid value. [ParseVerdict] accepts it.
func (v Verdict) String() string {
	switch v {
	case NoEvidence:
		return "no evidence"
	case Leads:
		return "leads"
	case Lags:
		return "lags"
	case Coincident:
		return "coincident"
	}
	return fmt.Sprintf("Verdict(%d)", uint8(v))
}

func (v Verdict) token() string {
	if v == NoEvidence {
		return "no-evidence"
	}
	return v.String()
}

// IsValid reports whether v is one of the four verdicts.
func (v Verdict) IsValid() bool { return v >= NoEvidence && v <= Coincident }

// IsZero reports whether v is the zero (invalid) Verdict.
func (v Verdict) IsZero() bool { return v == 0 }

// ParseVerdict parses a verdict, ignoring ASCII case, surrounding white space
// and the difference between a hyphen and a space: "no evidence" (or
// "no-evidence"), "leads", "lags", "coincident". Anything else is an error
// with code [ErrUnknownVerdict].
func ParseVerdict(text string) (Verdict, error) {
	for v := NoEvidence; v <= Coincident; v++ {
		if words.Same(text, v.String()) {
			return v, nil
		}
	}
	return 0, newError(ErrUnknownVerdict, nil, "northstar: unknown lead/lag verdict %q", clip(text))
}

// LagOptions configures lead/lag analysis. The zero LagOptions examines lag
// zero only, with [Pearson] correlation at 95% confidence.
type LagOptions struct {
	// MaxLag is the largest lag examined, in periods, in each direction:
	// lags -MaxLag to +MaxLag. Not negative; the series must have at least
	// MaxLag + [MinPairs] values.
	MaxLag int `json:"maxLag"`
	// Method is the correlation method; zero means [Pearson].
	Method Method `json:"method,omitzero"`
	// Confidence is the confidence level of the verdict, strictly between 0
	// and 1 and not below the smallest normal float64 (2^-1022), taken over
	// all the lags examined together; zero means [DefaultConfidence]. From
	// JSON, a level written too small for a float64 to hold is refused, not
	// read as zero: "1e-400" and "-1e-400" are not between 0 and 1 (the
	// first too small to hold, reading as 0), and "5e-324" is below the
	// smallest normal float64; "0", "-0" and "0.0e-400" are zero.
	Confidence float64 `json:"confidence,omitzero"`
}

// Equal reports whether o and p are options that mean the same to
// [AnalyzeLeadLag] and [Select], field by field: the same maximum lag, the
// same method, a zero Method standing for [Pearson], and the same
// confidence level (compared with ==), a zero Confidence standing for
// [DefaultConfidence]: {MaxLag: 3} equals {MaxLag: 3, Method: Pearson,
// Confidence: 0.95}, as [Policy.Equal] compares a policy's options, though
// their JSON differs (a zero method or confidence is left out).
func (o LagOptions) Equal(p LagOptions) bool {
	return o.MaxLag == p.MaxLag && o.method() == p.method() && o.confidence() == p.confidence()
}

// method returns the method, with zero standing for Pearson.
func (o LagOptions) method() Method {
	if o.Method == 0 {
		return Pearson
	}
	return o.Method
}

// confidence returns the confidence level, with zero standing for the default.
func (o LagOptions) confidence() float64 {
	if o.Confidence == 0 {
		return DefaultConfidence
	}
	return o.Confidence
}

// validate reports every problem with the options themselves, each message
// saying where the options are after the package's name: where is "" for
// options on their own ("northstar: maximum lag -1 is negative") and
// [policyLeadLag] for a policy's. methodErr, if not nil, is the problem of
// method text that named no method (the options decoded from JSON),
// reported in the method's place. confText is the confidence level as a
// decoder read it from text ("" for a float64 given as one): a level
// written below 0 that reads as -0 ("-1e-400") is not between 0 and 1, and
// one too small for a float64 to hold as written ([floattext.Underflows]) is
// refused, each said as written: "1e-400", which reads as 0, the default, is
// not between 0 and 1 either, in outcome's words for it ([floattext.ReadsAsZero]), and
// "5e-324", which reads as a subnormal, is below the smallest normal float64.
func (o LagOptions) validate(where string, ids []string, methodErr error, confText string) []error {
	var errs []error
	if o.MaxLag < 0 {
		errs = append(errs, newError(ErrInvalidLag, ids, "northstar: %smaximum lag %d is negative", where, o.MaxLag))
	}
	if methodErr != nil {
		errs = append(errs, methodErr)
	} else if o.Method != 0 && !o.Method.IsValid() {
		errs = append(errs, newError(ErrUnknownMethod, ids, "northstar: %sinvalid correlation method %d", where, uint8(o.Method)))
	}
	c := o.Confidence
	shown := fmt.Sprint(c)
	if confText != "" {
		shown = clip(confText)
	}
	switch {
	case floattext.Negative(confText, c) || c != 0 && !(c > 0 && c < 1): // also NaN
		errs = append(errs, newError(ErrInvalidConfidence, ids,
			"northstar: %sconfidence level %s is not strictly between 0 and 1", where, shown))
	case c == 0 && floattext.Underflows(confText, c): // written too small to hold: "1e-400"
		errs = append(errs, newError(ErrInvalidConfidence, ids,
			"northstar: %sconfidence level %s is not strictly between 0 and 1: %s", where, shown, floattext.ReadsAsZero))
	case floattext.Underflows(confText, c):
		errs = append(errs, newError(ErrInvalidConfidence, ids,
			"northstar: %sconfidence level %s is below %s, the smallest positive number held to full precision",
			where, shown, floattext.MinNormalText))
	}
	return errs
}

// Correlation is the correlation between a candidate and an outcome at one
// lag, and the number of pairs of values it is computed from.
type Correlation struct {
	// Lag is in periods: positive when the candidate's value is paired with
	// the outcome's value Lag periods later (the candidate would lead),
	// negative when paired with the outcome's value -Lag periods earlier
	// (the candidate would lag), zero for the same period.
	Lag int `json:"lag"`
	// R is the correlation, from -1 to 1.
	R float64 `json:"r"`
	// Pairs is the number of pairs: the series' length minus |Lag|.
	Pairs int `json:"pairs"`
}

// Equal reports whether c and o are the same correlation, field by field:
// the same lag and number of pairs, and R compared with ==.
func (c Correlation) Equal(o Correlation) bool {
	return c.Lag == o.Lag && c.R == o.R && c.Pairs == o.Pairs
}

// LeadLag is the result of lead/lag analysis of a candidate metric's time
// series against a business outcome's: the correlation at every lag from
// -MaxLag to +MaxLag, the lag with the strongest correlation, a confidence
// interval for it, and a [Verdict]. Make one with [AnalyzeLeadLag].
//
// # Definitions
//
// The two series are evenly spaced in time and aligned: value t of each is
// for the same period. The correlation at lag k pairs the candidate's value
// at t with the outcome's at t+k, for every t where both exist, so the n-|k|
// pairs at lag k >= 0 are (c[0], o[k]) ... (c[n-1-k], o[n-1]), and at lag
// k < 0 they are (c[-k], o[0]) ... (c[n-1], o[n-1+k]). A positive lag means
// the candidate moves first: it leads. With [Spearman], the values are ranked
// within the pairs at each lag.
//
// The strongest lag is the one with the largest |r|; on a tie, the smaller
// |lag| wins, and between k and -k the negative lag (the candidate lags),
// so that a tie never claims a lead.
//
// The interval is the Fisher z interval at the strongest lag: with
// z = atanh(r) and m pairs, tanh(z ± z*·se) where se = 1/sqrt(m-3) for
// Pearson and sqrt(1.06/(m-3)) for Spearman (Fieller, Hartley and Pearson,
// Biometrika 44, 1957). Because the strongest of 2·MaxLag+1 lags is chosen,
// z* is taken at the per-lag confidence 1 - (1-c)/(2·MaxLag+1) (Bonferroni),
// so that the stated confidence c holds for all the lags together.
// A correlation of exactly -1 or 1 has an infinite z, and its interval is
// [r, r] at any confidence level. A confidence level so close to 1 that
// (1-c)/(2·MaxLag+1) is at most about 5.6·10^-17 (2^-54, half the gap
// below 1 in float64) gives a per-lag level that rounds to 1, whose z* is
// infinite: the interval is then -1 to 1 (no evidence), unless r is -1 or
// 1, whose interval is still [r, r]. The interval is never NaN.
//
// The verdict is [NoEvidence] if that interval contains zero, and otherwise
// [Leads], [Lags] or [Coincident] as the strongest lag is positive, negative
// or zero. The sign of r says whether the two move together (positive) or
// in opposite directions (negative); the verdict is about timing only.
//
// Two caveats the numbers cannot show: trending or seasonal series correlate
// at many lags (analyse period-on-period changes instead), and the Fisher
// interval assumes independent pairs, which autocorrelated series are not,
// so it is narrower than it should be for them.
//
// LeadLag is immutable. The zero LeadLag is not a result; [LeadLag.IsZero]
// reports it.
type LeadLag struct {
	method     Method
	n          int
	confidence float64
	perLag     float64
	r          []float64 // lags -maxLag..maxLag
	best       int       // index in r
	low, high  float64
	verdict    Verdict
}

// AnalyzeLeadLag analyses a candidate metric's time series against a
// business outcome's, as [LeadLag] defines. Both series are evenly spaced and
// aligned in time, with value t of each for the same period.
//
// Every problem is reported, each an *[outcome.Error] (one problem as the
// *outcome.Error itself, several joined with [errors.Join]), in this order: [ErrInvalidLag], [ErrUnknownMethod] and
// [ErrInvalidConfidence] for the options; [ErrSeriesLength] for series of
// different lengths; [outcome.ErrNotFinite] for a NaN or an infinity, the
// candidate's then the outcome's; [ErrSeriesTooShort] for fewer than
// MaxLag + [MinPairs] values; and [ErrConstantSeries] for a series whose
// values are all equal over the pairs of some lag (its variance is zero
// there, so no correlation is defined), the candidate's then the outcome's.
// A series is checked for that whatever the method and the confidence level,
// but only where its pairs are defined: the series of one length, finite,
// and long enough for a maximum lag that is not negative.
//
// It takes time linear in the series' length per lag examined, and does not
// copy the series (for [Spearman] it keeps the ranks of each series, four
// slices of its length, updated from lag to lag).
func AnalyzeLeadLag(candidate, outcome []float64, opts LagOptions) (LeadLag, error) {
	return analyzeLeadLag(candidate, outcome, opts, "candidate series", "outcome series", nil)
}

// analyzeLeadLag is AnalyzeLeadLag with the series' names and the IDs for
// error messages.
func analyzeLeadLag(x, y []float64, opts LagOptions, xName, yName string, ids []string) (LeadLag, error) {
	errs := opts.validate("", ids, nil, "")
	if len(x) != len(y) {
		errs = append(errs, newError(ErrSeriesLength, ids,
			"northstar: %s has %d values but %s has %d", xName, len(x), yName, len(y)))
	}
	finite := true
	for _, s := range [2]struct {
		name   string
		values []float64
	}{{xName, x}, {yName, y}} {
		if err := checkFinite(s.values, s.name, ids); err != nil {
			errs = append(errs, err)
			finite = false
		}
	}
	// The pairs at each lag are defined for series of one length, finite,
	// long enough for a maximum lag that is not negative: only then can a
	// series be constant over them, whatever the method and the confidence
	// level say.
	paired := len(x) == len(y) && opts.MaxLag >= 0
	if paired && len(x)-opts.MaxLag < MinPairs {
		errs = append(errs, newError(ErrSeriesTooShort, ids,
			"northstar: series of %d values are too short for lags up to %d: at least %d values are needed",
			len(x), opts.MaxLag, uint64(opts.MaxLag)+MinPairs))
		paired = false
	}
	if paired && finite {
		errs = append(errs, checkConstant(x, opts.MaxLag, xName, ids, asCandidate)...)
		errs = append(errs, checkConstant(y, opts.MaxLag, yName, ids, asOutcome)...)
	}
	if len(errs) > 0 {
		return LeadLag{}, msg.Join(errs...)
	}

	l := LeadLag{method: opts.method(), n: len(x), confidence: opts.confidence()}
	maxLag := opts.MaxLag
	l.r = make([]float64, 2*maxLag+1)
	if l.method == Spearman {
		spearmanLags(x, y, l.r)
	} else {
		pearsonLags(x, y, l.r)
	}

	l.best = strongest(l.r)
	l.perLag = perLagConfidence(l.confidence, maxLag)
	l.low, l.high = fisherInterval(l.r[l.best], l.n-abs(l.best-maxLag), l.method, l.perLag)
	l.verdict = verdictOf(l.best-maxLag, l.low, l.high)
	return l, nil
}

// fisherInterval returns the Fisher z interval, as [LeadLag] defines it, of
// a correlation r from m pairs (more than 3) by the method, at the per-lag
// confidence level perLag. A correlation of exactly -1 or 1 has an
// infinite z, and its interval is [r, r] at any level: also at a per-lag
// level that rounds to 1, whose z* is infinite too, where z ± z*·se would
// be infinity less infinity, which is NaN.
func fisherInterval(r float64, m int, method Method, perLag float64) (low, high float64) {
	if r == 1 || r == -1 {
		return r, r
	}
	se := 1 / math.Sqrt(float64(m-3))
	if method == Spearman {
		se = math.Sqrt(1.06 / float64(m-3))
	}
	z := math.Atanh(r)
	half := stat.CriticalValue(perLag) * se
	return math.Tanh(z - half), math.Tanh(z + half)
}

// strongest returns the index in r (the correlations at lags -maxLag to
// maxLag, len(r) = 2·maxLag+1) of the strongest lag, as [LeadLag] defines
// it: visiting lags 0, -1, +1, -2, +2, ... so that only a strictly stronger
// correlation replaces the best so far.
func strongest(r []float64) int {
	maxLag := len(r) / 2
	best := maxLag
	for k := 1; k <= maxLag; k++ {
		for _, i := range [2]int{maxLag - k, maxLag + k} {
			if math.Abs(r[i]) > math.Abs(r[best]) {
				best = i
			}
		}
	}
	return best
}

// perLagConfidence returns the confidence level at a single lag that gives
// confidence c over the 2·maxLag+1 lags together (Bonferroni).
func perLagConfidence(c float64, maxLag int) float64 {
	return 1 - (1-c)/float64(2*maxLag+1)
}

// verdictOf returns the verdict for the strongest lag and the interval
// (low, high) of its correlation.
func verdictOf(lag int, low, high float64) Verdict {
	switch {
	case low <= 0 && high >= 0:
		return NoEvidence
	case lag > 0:
		return Leads
	case lag < 0:
		return Lags
	}
	return Coincident
}

// checkFinite reports the NaNs and infinities in a series, if any.
func checkFinite(values []float64, name string, ids []string) error {
	first, count := -1, 0
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if first < 0 {
				first = i
			}
			count++
		}
	}
	if count == 0 {
		return nil
	}
	more := ""
	if count > 1 {
		more = fmt.Sprintf(" (and %d more)", count-1)
	}
	return newError(outcome.ErrNotFinite, ids, "northstar: %s has %v at index %d%s",
		name, values[first], first, more)
}

// seriesRole is the part a series plays in lead/lag analysis, which says
// at which lag its values are paired: a candidate's first n-k values are
// paired at lag k and its last at lag -k; an outcome's first at lag -k and
// its last at lag k. A business outcome's series in [Select] plays both.
type seriesRole uint8

// The roles, combined with |.
const (
	asCandidate seriesRole = 1 << iota
	asOutcome
)

// checkConstant reports a series that is constant over the pairs of some
// lag from -maxLag to maxLag: over the whole series, or, at the smallest
// such |lag|, over its first or last n-|lag| values, naming the lag at
// which the series, in its role, pairs them.
func checkConstant(s []float64, maxLag int, name string, ids []string, role seriesRole) []error {
	n := len(s)
	head := 1 // s[:m] is constant iff m <= head
	for head < n && s[head] == s[0] {
		head++
	}
	if head == n {
		return []error{newError(ErrConstantSeries, ids, "northstar: %s is constant (all %d values are %v)", name, n, s[0])}
	}
	tail := n - 2 // s[k:] is constant iff k > tail
	for tail >= 0 && s[tail] == s[n-1] {
		tail--
	}
	// The smallest k >= 1 at which s[:n-k] or s[k:] is constant.
	k := min(n-head, tail+1)
	if k > maxLag {
		return nil
	}
	part, lag := "first", k // the lag at which a candidate pairs them
	if n-k > head {
		part, lag = "last", -k
	}
	var at string
	switch role {
	case asCandidate:
		at = fmt.Sprintf("lag %d", lag)
	case asOutcome:
		at = fmt.Sprintf("lag %d", -lag)
	default:
		at = fmt.Sprintf("lag %d as a candidate's and at lag %d as an outcome's", lag, -lag)
	}
	return []error{newError(ErrConstantSeries, ids,
		"northstar: %s is constant over its %s %d values, which are paired at %s", name, part, n-k, at)}
}

// pearsonLags sets r[maxLag+k] to the Pearson correlation at lag k, for k
// from -maxLag to maxLag, where len(r) = 2·maxLag+1. The series are scaled by
// powers of two (exactly) so that no sum can overflow; each lag's window
// means come from running sums, and its co-moments from one pass over its
// pairs, on values centred at those means. A lag whose values spread too
// little for that to be accurate is computed again by [pearsonCareful].
func pearsonLags(x, y []float64, r []float64) {
	n, maxLag := len(x), len(r)/2
	kx, ky := scaleOf(x), scaleOf(y)
	var sx, sy float64
	for i := range n {
		sx += x[i] * kx
		sy += y[i] * ky
	}
	// xHead = sum of x[:n-k], xTail = sum of x[k:], and the same for y.
	xHead, xTail, yHead, yTail := sx, sx, sy, sy
	for k := 0; k <= maxLag; k++ {
		if k > 0 {
			xHead -= x[n-k] * kx
			xTail -= x[k-1] * kx
			yHead -= y[n-k] * ky
			yTail -= y[k-1] * ky
		}
		m := float64(n - k)
		r[maxLag+k] = pearson(x[:n-k], y[k:], xHead/m, yTail/m, kx, ky)
		if k > 0 {
			r[maxLag-k] = pearson(x[k:], y[:n-k], xTail/m, yHead/m, kx, ky)
		}
	}
}

// minSpread is the smallest mean squared deviation, on values scaled into
// [-1, 1], for which a window mean from running sums is accurate enough:
// the error of such a mean, about n·2^-53, then changes the co-moments only
// in the order of (error/spread)², far below what a correlation shows.
const minSpread = 0x1p-40

// pearson returns the correlation of the pairs (a[i]·ka, b[i]·kb), given
// their means ma and mb. The result is kept within [-1, 1] against rounding.
func pearson(a, b []float64, ma, mb, ka, kb float64) float64 {
	b = b[:len(a)]
	var sab, saa, sbb, sab2, saa2, sbb2 float64
	i := 0
	for ; i+1 < len(a); i += 2 {
		da, db := a[i]*ka-ma, b[i]*kb-mb
		da2, db2 := a[i+1]*ka-ma, b[i+1]*kb-mb
		sab += da * db
		saa += da * da
		sbb += db * db
		sab2 += da2 * db2
		saa2 += da2 * da2
		sbb2 += db2 * db2
	}
	if i < len(a) {
		da, db := a[i]*ka-ma, b[i]*kb-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	sab, saa, sbb = sab+sab2, saa+saa2, sbb+sbb2
	if m := float64(len(a)) * minSpread; saa < m || sbb < m {
		return pearsonCareful(a, b)
	}
	return corr(sab, saa, sbb)
}

// pearsonCareful returns the correlation of the pairs (a[i], b[i]) in four
// passes: each window is scaled by its own largest magnitude, its mean is
// found directly, and its deviations from the mean are scaled again by their
// own largest magnitude before they are multiplied, so that nothing
// overflows or underflows. The windows must not be constant.
func pearsonCareful(a, b []float64) float64 {
	ka, kb := scaleOf(a), scaleOf(b)
	var ma, mb float64
	for i := range a {
		ma += a[i] * ka
		mb += b[i] * kb
	}
	ma /= float64(len(a))
	mb /= float64(len(b))
	var da, db float64
	for i := range a {
		da = max(da, math.Abs(a[i]*ka-ma))
		db = max(db, math.Abs(b[i]*kb-mb))
	}
	sa, sb := pow2Scale(da), pow2Scale(db)
	var sab, saa, sbb float64
	for i := range a {
		x, y := (a[i]*ka-ma)*sa, (b[i]*kb-mb)*sb
		sab += x * y
		saa += x * x
		sbb += y * y
	}
	return corr(sab, saa, sbb)
}

// corr returns sab/sqrt(saa·sbb), kept within [-1, 1]: Cauchy-Schwarz
// bounds it there, and only rounding can take it past. A zero saa or sbb
// (which the callers rule out) gives 0, never NaN.
func corr(sab, saa, sbb float64) float64 {
	if saa == 0 || sbb == 0 {
		return 0
	}
	return max(-1, min(1, sab/(math.Sqrt(saa)*math.Sqrt(sbb))))
}

// scaleOf returns pow2Scale of the largest magnitude in s.
func scaleOf(s []float64) float64 {
	var big float64
	for _, v := range s {
		big = max(big, math.Abs(v))
	}
	return pow2Scale(big)
}

// pow2Scale returns the power of two that brings big into [0.5, 1), or as
// close as a finite power of two can (a subnormal big ends up at 2^-52 or
// more); 1 for zero. Multiplying a normal number by it is exact.
func pow2Scale(big float64) float64 {
	if big == 0 {
		return 1
	}
	_, exp := math.Frexp(big)
	return math.Ldexp(1, min(-exp, 1023))
}

// spearmanLags sets r as pearsonLags does, with Spearman's correlation: at
// each lag, the values in its pairs are ranked among themselves (ties get
// their average rank). The ranks of the full series are found by sorting
// once; from lag k to k+1 each window loses one value, and the ranks of the
// rest are updated in one pass: a value above the one removed moves down a
// rank, a value equal to it half a rank.
func spearmanLags(x, y []float64, r []float64) {
	n, maxLag := len(x), len(r)/2
	buf := make([]float64, 4*n)
	xHead, xTail, yHead, yTail := buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:]
	order := make([]int32, n)
	averageRanks(x, order, xHead)
	averageRanks(y, order, yHead)
	copy(xTail, xHead)
	copy(yTail, yHead)
	mean := float64(n+1) / 2
	r[maxLag] = pearson(xHead, yHead, mean, mean, 1, 1)
	for k := 1; k <= maxLag; k++ {
		// xHead ranks x[:n-k], xTail ranks x[k:], and the same for y; each
		// loses one value, and its ranks are updated in the same pass that
		// correlates them.
		mean := float64(n-k+1) / 2 // the mean of the ranks 1..n-k
		r[maxLag+k] = dropCorrelate(x[:n-k], xHead, x[n-k], y[k:], yTail[k:], y[k-1], mean)
		r[maxLag-k] = dropCorrelate(x[k:], xTail[k:], x[k-1], y[:n-k], yHead, y[n-k], mean)
	}
}

// dropCorrelate removes va from the values a, whose ranks ra are among a and
// va, and vb from b likewise, updating the ranks (a value above the one
// removed moves down a rank, a value equal to it half a rank), and returns
// the correlation of the updated ranks, whose mean is mean.
func dropCorrelate(a, ra []float64, va float64, b, rb []float64, vb, mean float64) float64 {
	ra, b, rb = ra[:len(a)], b[:len(a)], rb[:len(a)]
	var sab, saa, sbb float64
	for i, v := range a {
		x := ra[i] - above(v, va)
		y := rb[i] - above(b[i], vb)
		ra[i], rb[i] = x, y
		dx, dy := x-mean, y-mean
		sab += dx * dy
		saa += dx * dx
		sbb += dy * dy
	}
	return corr(sab, saa, sbb)
}

// above returns how far a value w moves down in rank when v is removed from
// among the values: 1 if w is above v, 0.5 if equal, 0 if below.
func above(w, v float64) float64 {
	// Integer flags compile to SETcc, without branches: with random data a
	// branch here is mispredicted half the time.
	var gt, eq int
	if w > v {
		gt = 1
	}
	if w == v {
		eq = 1
	}
	return float64(2*gt+eq) * 0.5
}

// averageRanks sets ranks[i] to the rank of s[i] in s, from 1, with tied
// values given the average of the ranks they span. order is scratch space
// of len(s).
func averageRanks(s []float64, order []int32, ranks []float64) {
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(s[a], s[b]) })
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && s[order[j]] == s[order[i]] {
			j++
		}
		avg := float64(i+1+j) / 2 // the mean of ranks i+1..j
		for _, o := range order[i:j] {
			ranks[o] = avg
		}
		i = j
	}
}

func abs(k int) int {
	if k < 0 {
		return -k
	}
	return k
}

// Method returns the correlation method used.
func (l LeadLag) Method() Method { return l.method }

// MaxLag returns the largest lag examined, in each direction.
func (l LeadLag) MaxLag() int { return len(l.r) / 2 }

// Len returns the length of the series analysed.
func (l LeadLag) Len() int { return l.n }

// Confidence returns the confidence level of the verdict, over all the lags
// together.
func (l LeadLag) Confidence() float64 { return l.confidence }

// PerLagConfidence returns the confidence level of the interval at a single
// lag: 1 - (1-c)/(2·MaxLag+1) for the confidence level c.
func (l LeadLag) PerLagConfidence() float64 { return l.perLag }

// At returns the correlation at lag, and false if lag is beyond MaxLag.
func (l LeadLag) At(lag int) (Correlation, bool) {
	maxLag := l.MaxLag()
	if l.r == nil || lag < -maxLag || lag > maxLag {
		return Correlation{}, false
	}
	return Correlation{Lag: lag, R: l.r[maxLag+lag], Pairs: l.n - abs(lag)}, true
}

// Correlations yields the correlation at every lag, from -MaxLag to
// +MaxLag.
func (l LeadLag) Correlations() iter.Seq[Correlation] {
	return func(yield func(Correlation) bool) {
		maxLag := l.MaxLag()
		for i, r := range l.r {
			if !yield(Correlation{Lag: i - maxLag, R: r, Pairs: l.n - abs(i-maxLag)}) {
				return
			}
		}
	}
}

// Best returns the correlation at the strongest lag.
func (l LeadLag) Best() Correlation {
	if l.r == nil {
		return Correlation{}
	}
	c, _ := l.At(l.best - l.MaxLag())
	return c
}

// Interval returns the Fisher z confidence interval of the correlation at
// the strongest lag.
func (l LeadLag) Interval() (low, high float64) { return l.low, l.high }

// Verdict returns the verdict: [Leads], [Lags], [Coincident] or
// [NoEvidence].
func (l LeadLag) Verdict() Verdict { return l.verdict }

// String describes the result in one line, e.g. "leads by 2 periods
// (Pearson r = 0.91 from 22 pairs, 95% interval 0.71 to 0.97)".
func (l LeadLag) String() string {
	if l.IsZero() {
		return "no analysis"
	}
	b := l.Best()
	var what string
	switch {
	case l.verdict == NoEvidence:
		what = "no evidence of a relation"
	case b.Lag > 0:
		what = fmt.Sprintf("leads by %d %s", b.Lag, periods(b.Lag))
	case b.Lag < 0:
		what = fmt.Sprintf("lags by %d %s", -b.Lag, periods(-b.Lag))
	default:
		what = "coincident"
	}
	lag := ""
	if l.verdict == NoEvidence {
		lag = fmt.Sprintf(" at lag %d", b.Lag)
	}
	// The confidence to ten significant digits: 0.95*100 is 95.00000000000001
	// in float64, and four digits would write 0.99999 as "100%".
	return fmt.Sprintf("%s (%s r = %.2f%s from %d pairs, %.10g%% interval %.2f to %.2f)",
		what, l.method, b.R, lag, b.Pairs, l.confidence*100, l.low, l.high)
}

func periods(k int) string {
	if k == 1 {
		return "period"
	}
	return "periods"
}

// IsZero reports whether l is the zero LeadLag.
func (l LeadLag) IsZero() bool { return l.r == nil }

// Equal reports whether l and o are the same result: the same method,
// length, confidence and per-lag confidence, correlations, strongest lag,
// interval and verdict.
func (l LeadLag) Equal(o LeadLag) bool {
	return l.method == o.method && l.n == o.n && l.confidence == o.confidence && l.perLag == o.perLag &&
		slices.Equal(l.r, o.r) && l.best == o.best && l.low == o.low && l.high == o.high && l.verdict == o.verdict
}
