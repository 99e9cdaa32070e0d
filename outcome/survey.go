package outcome

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/shopspring/decimal"
)

// This file holds what the survey tallies ([NPSTally], [CSATTally],
// [CESTally]) share: answer scales, bands, the integer types a slice of scores
// may hold, tests, the checks on counts, and the counts and tally that CSAT
// and CES share (ratingCounts, ratingTally). They use the package's common
// pieces as every measure does: confidence intervals are [Interval] values
// that name their [IntervalMethod], scores are rounded exactly by a
// [Rounding] at the places asked for, as [Proportion.Rate] rounds, and a
// share of answers is a [Proportion].
//
// Survey scores are outputs in the method: they are "retrospective and
// subjective", and "'one question rules them all' approaches" mislead. The
// library still computes them exactly, because BI tools need them.

// The codes of errors in survey input reported by this package. Counts and
// data share the codes of every measure of the package: a negative count is
// [ErrInvalidCount], a count past the largest int64 [ErrOverflow], a measure
// of an empty tally [ErrNoData]; a bad confidence level is
// [ErrInvalidConfidence], bad rounding arguments [ErrUnknownRounding] and
// [ErrInvalidPlaces].
const (
	// ErrInvalidScale: an answer scale with fewer than two points, with more
	// points than the tally can hold, or with a bound outside the int32
	// range.
	ErrInvalidScale Code = "invalid-scale"
	// ErrInvalidBands: NPS bands, a CSAT top box or a CES agreement point
	// that is empty, out of order, overlapping, outside its scale, or that
	// leaves part of the scale uncovered.
	ErrInvalidBands Code = "invalid-bands"
	// ErrScoreOutOfRange: a survey answer that is not a point of the scale
	// (below its bottom or above its top). Nothing is dropped or clamped.
	ErrScoreOutOfRange Code = "score-out-of-range"
	// ErrScaleMismatch: merging or comparing tallies taken on different
	// scales, bands, boxes or agreement points, or counts that do not match
	// the points of a scale.
	ErrScaleMismatch Code = "scale-mismatch"
	// ErrTooFewResponses: a standard error, interval or test asked of a
	// tally with a single response.
	ErrTooFewResponses Code = "too-few-responses"
	// ErrZeroVariance: a test whose standard error is zero (every response
	// in one category), so that its statistic would be infinite.
	ErrZeroVariance Code = "zero-variance"
)

// MaxScalePoints is the largest number of points an answer [Scale] may have:
// 256, enough for a 0-100 slider and more.
const MaxScalePoints = 256

// MaxRatingPoints is the largest number of points of the scale of a
// [CSATScale] or a [CESScale], whose tallies keep a count for every point:
// 11, enough for a 0-10 scale.
const MaxRatingPoints = 11

// Integer is the set of integer types a slice of survey answers may hold.
// Every one of them is counted by a fast kernel on a scale within 0..255 of
// few points (the NPS groups, a rating scale of up to seven points); on
// other scales []int8 and []int take packed table kernels, and the other
// types a simple loop with the same checks.
type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Scale is a closed range of whole-number answers, from [Scale.Min] to
// [Scale.Max]: 0..10 for the likelihood-to-recommend question of the Net
// Promoter Score, 1..5 for CSAT, 1..7 for CES. Build one with [NewScale].
//
// Scale is immutable and comparable with ==. The zero Scale (0..0) is not a
// valid scale: [Scale.IsValid] reports false.
type Scale struct {
	min, max int
}

// NewScale returns the scale of the answers min..max. It must have at least
// two points and at most [MaxScalePoints], and its bounds must fit in an
// int32; otherwise the error has code [ErrInvalidScale]. Every problem is
// reported, one as its *[Error] itself, several joined with [errors.Join], in
// this order: fewer than two points (min not below max), a bound outside the
// int32 range, then more than MaxScalePoints points; NewScale(5000000000, 0)
// has the first two.
func NewScale(min, max int) (Scale, error) {
	// Each bound is checked at both ends: min is not below max when the
	// scale has too few points. uint(max-min) is the exact difference when
	// min < max, even where max-min overflows an int.
	few := min >= max
	outside := outsideInt32(min) || outsideInt32(max)
	many := !few && uint(max-min) >= MaxScalePoints
	if !few && !outside && !many {
		return Scale{min: min, max: max}, nil
	}
	var errs [3]error
	if few {
		errs[0] = NewError(ErrInvalidScale, nil,
			"outcome: scale %d..%d has fewer than two points (its bottom must be below its top)", min, max)
	}
	if outside {
		errs[1] = NewError(ErrInvalidScale, nil,
			"outcome: scale %d..%d has a bound outside %d..%d", min, max, math.MinInt32, math.MaxInt32)
	}
	if many {
		errs[2] = NewError(ErrInvalidScale, nil,
			"outcome: scale %d..%d has more than %d points", min, max, MaxScalePoints)
	}
	return Scale{}, msg.JoinFlat(errs[:]...)
}

// outsideInt32 reports whether v is outside the int32 range.
func outsideInt32(v int) bool { return int64(v) < math.MinInt32 || int64(v) > math.MaxInt32 }

// MustScale is like [NewScale] but panics if min..max is not a valid scale.
// It is meant for scales written as literals in programs and tests.
func MustScale(min, max int) Scale {
	s, err := NewScale(min, max)
	if err != nil {
		panic(err)
	}
	return s
}

// Min returns the bottom of the scale.
func (s Scale) Min() int { return s.min }

// Max returns the top of the scale.
func (s Scale) Max() int { return s.max }

// Points returns the number of answers on the scale: Max - Min + 1, or 0 for
// an invalid scale.
func (s Scale) Points() int {
	if !s.IsValid() {
		return 0
	}
	return s.max - s.min + 1
}

// Contains reports whether score is a point of the scale.
func (s Scale) Contains(score int) bool { return s.IsValid() && s.min <= score && score <= s.max }

// IsValid reports whether s was built by [NewScale].
func (s Scale) IsValid() bool { return s.min < s.max }

// IsZero reports whether s is the zero (invalid) Scale.
func (s Scale) IsZero() bool { return s == Scale{} }

// Equal reports whether s and o have the same bounds.
func (s Scale) Equal(o Scale) bool { return s == o }

// String returns the scale as "min..max", e.g. "0..10".
func (s Scale) String() string { return fmt.Sprintf("%d..%d", s.min, s.max) }

// scaleJSON is the JSON form of a [Scale].
type scaleJSON struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// MarshalJSON implements [json.Marshaler]: {"min":0,"max":10}. The zero
// Scale is not a valid scale and cannot be marshalled (code
// [ErrInvalidScale]).
func (s Scale) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, NewError(ErrInvalidScale, nil, "outcome: cannot marshal the invalid scale %s", s)
	}
	return json.Marshal(scaleJSON{Min: s.min, Max: s.max})
}

// scaleFields are the JSON names of a scale's bounds.
var scaleFields = []string{"min", "max"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes {"min":m,"max":n}
// (an absent field is 0) and validates the bounds exactly as [NewScale] does.
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON] (a
// key that names no field, a field given twice, a value that is not an
// integer, null included, `outcome: scale: "min" must be an integer, not
// null`, after which the bounds are not checked); then NewScale's problems,
// in its order. JSON that is not one object is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole scale, with no ID:
// `outcome: a scale cannot be null`. On error s is left unchanged.
func (s *Scale) UnmarshalJSON(data []byte) error {
	return decodeObject(data, s, "scale", "a scale", func(j *jsonForm, members []strictjson.Member) Scale {
		sc, _ := decodeScale(j, members, scaleFields, nil)
		return sc
	})
}

// decodeScale reads the bounds of a scale, the first two of names ("min" and
// "max"), from members into j and validates them as [NewScale] does; extra
// reads the value of any other field of names. ok reports whether the scale
// is valid; if a bound had the wrong type, it is not.
func decodeScale(j *jsonForm, members []strictjson.Member, names []string, extra func(f int, raw json.RawMessage)) (sc Scale, ok bool) {
	var bounds [2]int
	known := [2]bool{true, true}
	j.each(members, names, func(f int, raw json.RawMessage) {
		if f < 2 {
			known[f] = jsonInt(j, names[f], raw, &bounds[f])
			return
		}
		extra(f, raw)
	})
	if !known[0] || !known[1] {
		return Scale{}, false
	}
	sc, err := NewScale(bounds[0], bounds[1])
	j.check(err)
	return sc, err == nil
}

// Band is a closed range of answers, from Low to High inclusive: the NPS
// promoters are Band{9, 10} on the 0-10 scale. A Band is plain data, checked
// where it is used ([NewNPSBands]); it encodes to JSON as {"low", "high"},
// and reads back on its own as NPS bands read their bands, every problem of
// its form reported ([Band.UnmarshalJSON]).
// The zero Band is 0..0, the one answer 0.
type Band struct {
	Low  int `json:"low"`
	High int `json:"high"`
}

// Contains reports whether score lies in the band.
func (b Band) Contains(score int) bool { return b.Low <= score && score <= b.High }

// String returns the band as "low..high", e.g. "9..10".
func (b Band) String() string { return fmt.Sprintf("%d..%d", b.Low, b.High) }

// Equal reports whether b and o are the same band, field by field: Low and
// High with ==. A Band is comparable, so b == o says the same; Equal is
// there for cmp and for the helpers that compare values with Equal.
func (b Band) Equal(o Band) bool { return b.Low == o.Low && b.High == o.High }

// ScoreTest is the result of a z-test on a survey measure: the observed
// difference (a score minus a hypothesised value, or one group's score minus
// another's), its standard error, the statistic z = Difference /
// StandardError, the two-sided p-value P(|Z| >= |z|), and the Wald interval
// of the difference ([IntervalWald]; Interval.Estimate is Difference). It is
// plain data in the measure's own units, and encodes to JSON for a
// dashboard like a [ProportionComparison].
//
// The zero ScoreTest is no test: it is what a test returns with its error,
// its Interval is the zero [Interval], and [ScoreTest.Significant] reports
// false for it. A ScoreTest is a result, not a definition, but it reads
// back from JSON only as a z-test gives it ([ScoreTest.UnmarshalJSON]): z
// is Difference / StandardError, the p-value is z's and the interval the
// Wald interval of the difference.
type ScoreTest struct {
	// Difference is the observed difference.
	Difference float64 `json:"difference"`
	// StandardError is the standard error of the difference.
	StandardError float64 `json:"standardError"`
	// Z is Difference / StandardError.
	Z float64 `json:"z"`
	// PValue is the two-sided p-value of Z, P(|N(0,1)| >= |Z|): the chance
	// of a difference at least this large if there were none.
	PValue float64 `json:"pValue"`
	// Interval is the Wald interval of the difference at the test's
	// confidence level.
	Interval Interval `json:"interval"`
}

// Significant reports whether the difference is significant at the test's
// confidence level: PValue below 1 - Interval.Confidence (below 0.05 for a
// 95% interval), which is when the interval leaves out zero up to the last
// bit of float rounding: a difference whose PValue is within a few units in
// the last place of 1 - Confidence (0.050000000000000079 at 95%) may be
// significant while its interval just reaches zero, or the reverse. It is
// false for a ScoreTest whose Interval has an invalid Method or a
// Confidence not strictly between 0 and 1, such as the zero ScoreTest a
// failed test returns: that is no evidence of a difference.
func (t ScoreTest) Significant() bool {
	return t.Interval.tested() && t.PValue < 1-t.Interval.Confidence
}

// Equal reports whether t and o are the same test, field by field:
// Difference, StandardError, Z and PValue with == (so 0 equals -0, and a NaN
// equals nothing; a test gives none), and the Interval by [Interval.Equal].
// A test stored as JSON and read back ([ScoreTest.UnmarshalJSON]) is Equal
// to the one computed.
func (t ScoreTest) Equal(o ScoreTest) bool {
	return t.Difference == o.Difference && t.StandardError == o.StandardError && t.Z == o.Z &&
		t.PValue == o.PValue && t.Interval.Equal(o.Interval)
}

// surveyZTest returns the z-test of a difference with standard error se > 0,
// and its Wald interval at critical value crit.
func surveyZTest(diff, se, crit, confidence float64) ScoreTest {
	z := diff / se
	return ScoreTest{
		Difference:    diff,
		StandardError: se,
		Z:             z,
		PValue:        stat.TwoSidedP(z),
		Interval: Interval{Estimate: diff, Low: diff - crit*se, High: diff + crit*se,
			Confidence: confidence, Method: IntervalWald},
	}
}

// tallyAdd returns a + b for non-negative a and b, and an error with code
// [ErrOverflow] naming what overflowed if the sum passes the largest int64.
// It is small enough to be inlined into the merges.
func tallyAdd(a, b int64, what string) (int64, error) {
	if a > math.MaxInt64-b {
		return 0, tallyOverflowError(a, b, what)
	}
	return a + b, nil
}

// tallyOverflowError returns the error for a + b past the largest int64.
func tallyOverflowError(a, b int64, what string) error {
	return NewError(ErrOverflow, nil,
		"outcome: %s would overflow: %d + %d is past the largest int64", what, a, b)
}

// tallyNegativeError returns the error for a negative count.
func tallyNegativeError(what string, n int64) error {
	return NewError(ErrInvalidCount, nil, "outcome: %s count %d is negative", what, n)
}

// surveyNoResponsesError returns the error for a measure asked of an empty
// tally.
func surveyNoResponsesError(measure string) error {
	return NewError(ErrNoData, nil, "outcome: %s of a tally with no responses", measure)
}

// surveyOneResponseError returns the error for a statistic asked of a single
// response.
func surveyOneResponseError(measure string) error {
	return NewError(ErrTooFewResponses, nil,
		"outcome: %s needs at least two responses, the tally has one", measure)
}

// surveyScoreError returns the error for a score that is not on the scale;
// position is its index in the slice, or -1 for a score added on its own.
func surveyScoreError(score string, position int, s Scale) error {
	if position < 0 {
		return NewError(ErrScoreOutOfRange, nil, "outcome: score %s is outside the scale %s", score, s)
	}
	return NewError(ErrScoreOutOfRange, nil, "outcome: score %s at position %d is outside the scale %s", score, position, s)
}

// ratingCounts is the count of each point of a rating scale of at most
// [MaxRatingPoints] points, indexed by the point's offset from the bottom of
// the scale, and their total. The tallies of CSAT and CES are built on it.
type ratingCounts struct {
	n      int64
	counts [MaxRatingPoints]int64
}

// ratingLUT returns the lookup table of the kernels for a rating scale: each
// offset is its own code, and offsets past the top are poison.
func ratingLUT(s Scale) codeLUT {
	var l codeLUT
	span := s.max - s.min
	for o := range l {
		if o <= span {
			l[o] = uint8(o)
		} else {
			l[o] = width4.poison()
		}
	}
	return l
}

// tallyRatings counts the answers in scores on s.
func tallyRatings[E Integer](s Scale, scores []E) (ratingCounts, error) {
	lut := ratingLUT(s)
	var c codeCounts
	if err := countCodes(s, scores, &lut, width4, &c); err != nil {
		return ratingCounts{}, err
	}
	var r ratingCounts
	for o := range s.Points() {
		r.counts[o] = c[o]
		r.n += c[o]
	}
	return r, nil
}

// ratingsFromCounts checks counts, one per point of s from the bottom up.
func ratingsFromCounts(s Scale, counts []int64) (ratingCounts, error) {
	if errs := ratingCountProblems(s, true, counts); len(errs) > 0 {
		return ratingCounts{}, msg.JoinFlat(errs...)
	}
	var r ratingCounts
	for o, c := range counts {
		r.n += c // no overflow: ratingCountProblems checked the total
		r.counts[o] = c
	}
	return r, nil
}

// ratingCountProblems returns every problem of counts as the counts of the
// points of the scale s, from the bottom up: a number of counts other than
// the scale's points ([ErrScaleMismatch]), each negative count
// ([ErrInvalidCount]), named by its answer if the counts match the scale and
// otherwise by its index, and, if none is negative, a total past the
// largest int64 ([ErrOverflow]). If onScale is false the scale is not known
// (its JSON was invalid) and the counts are checked without it.
func ratingCountProblems(s Scale, onScale bool, counts []int64) []error {
	var errs []error
	if onScale && len(counts) != s.Points() {
		errs = append(errs, NewError(ErrScaleMismatch, nil,
			"outcome: %d counts given for the %d points of the scale %s", len(counts), s.Points(), s))
		onScale = false
	}
	negative := false
	for o, c := range counts {
		switch {
		case c >= 0:
		case onScale:
			errs = append(errs, tallyNegativeError(fmt.Sprintf("the answer-%d", s.min+o), c))
		default:
			errs = append(errs, NewError(ErrInvalidCount, nil, "outcome: counts[%d] is negative: %d", o, c))
		}
		negative = negative || c < 0
	}
	if negative {
		return errs
	}
	var n int64
	for _, c := range counts {
		var err error
		if n, err = tallyAdd(n, c, "the response count"); err != nil {
			return append(errs, err)
		}
	}
	return errs
}

// from returns the number of answers at offset o or above.
func (r ratingCounts) from(o int) int64 {
	var n int64
	for _, c := range r.counts[o:] {
		n += c
	}
	return n
}

// list returns the counts of the points of s, from the bottom up.
func (r ratingCounts) list(s Scale) []int64 {
	return append([]int64(nil), r.counts[:s.Points()]...)
}

// percent returns 100 * k / n, rounded exactly; the problems of the
// rounding arguments and of an empty tally are reported together.
func (r ratingCounts) percent(k int64, measure string, places int32, rounding Rounding) (decimal.Decimal, error) {
	if err := checkRounding(places, rounding); err != nil || r.n == 0 {
		return decimal.Decimal{}, msg.JoinFlat(err, r.needOne(measure))
	}
	return rounding.ratio(k, r.n, 2, places), nil
}

// share returns the k answers out of all as a [Proportion]; k <= r.n.
func (r ratingCounts) share(k int64) Proportion { return Proportion{successes: k, trials: r.n} }

// wilsonPercent returns the Wilson interval of k out of the answers, in
// percent; the problems of the confidence and of too few answers are
// reported together, in that order.
func (r ratingCounts) wilsonPercent(k int64, measure string, confidence float64) (Interval, error) {
	z, err := criticalValue(confidence)
	if err != nil || r.n < 2 {
		return Interval{}, msg.JoinFlat(err, r.needTwo(measure))
	}
	lo, hi := wilsonBounds(k, r.n, z)
	est := 100 * float64(k) / float64(r.n)
	// Guard the ordering against rounding error in the last bit, as
	// [Proportion.Interval] does.
	return Interval{Estimate: est, Low: min(100*lo, est), High: max(100*hi, est),
		Confidence: confidence, Method: IntervalWilson}, nil
}

// needOne returns an error unless there is at least one answer.
func (r ratingCounts) needOne(measure string) error {
	if r.n == 0 {
		return surveyNoResponsesError(measure)
	}
	return nil
}

// needTwo returns an error unless there are at least two answers.
func (r ratingCounts) needTwo(measure string) error {
	switch r.n {
	case 0:
		return surveyNoResponsesError(measure)
	case 1:
		return surveyOneResponseError(measure)
	}
	return nil
}

// mean returns the exact mean answer on s, rounded:
// (min * n + sum of count * offset) / n, in big integers, as the sum can
// pass the largest int64. The problems of the rounding arguments and of an
// empty tally are reported together.
func (r ratingCounts) mean(s Scale, measure string, places int32, rounding Rounding) (decimal.Decimal, error) {
	if err := checkRounding(places, rounding); err != nil || r.n == 0 {
		return decimal.Decimal{}, msg.JoinFlat(err, r.needOne(measure))
	}
	n := big.NewInt(r.n)
	sum := new(big.Int).Mul(big.NewInt(int64(s.min)), n)
	var term big.Int
	for o, c := range r.counts {
		sum.Add(sum, term.Mul(big.NewInt(c), big.NewInt(int64(o))))
	}
	return rounding.ratioBig(sum, n, 0, places), nil
}

// meanStats returns the mean answer on s and its standard error, with the
// sample standard deviation (divisor n - 1): SE = s / sqrt(n). It needs two
// answers.
func (r ratingCounts) meanStats(s Scale, measure string) (mean, se float64, err error) {
	if err := r.needTwo(measure); err != nil {
		return 0, 0, err
	}
	n := float64(r.n)
	var m float64 // mean offset from the bottom of the scale
	for o, c := range r.counts {
		m += float64(c) * float64(o)
	}
	m /= n
	var ss float64
	for o, c := range r.counts {
		d := float64(o) - m
		ss += float64(c) * d * d
	}
	return float64(s.min) + m, math.Sqrt(ss/(n-1)) / math.Sqrt(n), nil
}

// ratingScale is the scale of a rating tally: a [CSATScale] or a [CESScale],
// an answer [Scale] and what marks the answers its score counts (the CSAT
// top box, the CES agreement point). Both are comparable, and the zero value
// of each is its standard scale.
type ratingScale interface {
	CSATScale | CESScale
	Scale() Scale
	IsZero() bool
	// survey names the survey in messages: "CSAT" or "CES".
	survey() string
}

// ratingPoints returns the error of [NewCSATScale] and [NewCESScale] for a
// scale that is not valid or has more than [MaxRatingPoints] points, or nil.
func ratingPoints(survey string, scale Scale) error {
	if !scale.IsValid() || scale.Points() > MaxRatingPoints {
		return NewError(ErrInvalidScale, nil, "outcome: %s scale %s is not a scale of 2 to %d points", survey, scale, MaxRatingPoints)
	}
	return nil
}

// ratingTally is what [CSATTally] and [CESTally] share: a scale and the
// count of each of its points. Each embeds it and adds its own measures.
type ratingTally[S ratingScale] struct {
	scale S
	r     ratingCounts
}

// tallyRatingScores returns the tally of the answers in scores on scale.
func tallyRatingScores[S ratingScale, E Integer](scale S, scores []E) (ratingTally[S], error) {
	r, err := tallyRatings(scale.Scale(), scores)
	if err != nil {
		return ratingTally[S]{}, err
	}
	return ratingTally[S]{scale: scale, r: r}, nil
}

// ratingTallyFromCounts returns the tally with counts[i] answers of the i-th
// point of scale, from the bottom up.
func ratingTallyFromCounts[S ratingScale](scale S, counts []int64) (ratingTally[S], error) {
	r, err := ratingsFromCounts(scale.Scale(), counts)
	if err != nil {
		return ratingTally[S]{}, err
	}
	return ratingTally[S]{scale: scale, r: r}, nil
}

// add returns the tally with one more answer, which must be on the scale.
func (t ratingTally[S]) add(score int) (ratingTally[S], error) {
	sc := t.scale.Scale()
	if !sc.Contains(score) {
		return ratingTally[S]{}, surveyScoreError(fmt.Sprint(score), -1, sc)
	}
	n, err := tallyAdd(t.r.n, 1, "the response count")
	if err != nil {
		return ratingTally[S]{}, err
	}
	t.r.n = n
	t.r.counts[score-sc.min]++
	return t, nil
}

// merge returns the tally of the answers of t and o, which must be on the
// same scale.
func (t ratingTally[S]) merge(o *ratingTally[S]) (ratingTally[S], error) {
	if t.scale != o.scale {
		return ratingTally[S]{}, NewError(ErrScaleMismatch, nil,
			"outcome: cannot merge %s tallies on different scales (%s and %s)", t.scale.survey(), t.scale, o.scale)
	}
	n, err := tallyAdd(t.r.n, o.r.n, "the response count")
	if err != nil {
		return ratingTally[S]{}, err
	}
	t.r.n = n
	for i := range t.r.counts {
		// Each count is at most its total, so none of these overflows.
		t.r.counts[i] += o.r.counts[i]
	}
	return t, nil
}

// counts returns the count of each point of the scale, from the bottom up,
// in a new slice.
func (t ratingTally[S]) counts() []int64 { return t.r.list(t.scale.Scale()) }

// string returns the tally as "CSAT tally on <scale>: [counts] (n responses)".
func (t ratingTally[S]) string() string {
	return fmt.Sprintf("%s tally on %s: %v (%d responses)", t.scale.survey(), t.scale, t.counts(), t.r.n)
}

// ratingTallyJSON is the JSON form of a rating tally whose scale has the
// JSON form W: {"scale":{...},"counts":[...]}.
type ratingTallyJSON[W any] struct {
	Scale  *W      `json:"scale"`
	Counts []int64 `json:"counts"`
}

// ratingTallyFields are the JSON names of a rating tally's fields.
var ratingTallyFields = []string{"scale", "counts"}

// decodeRatingTally reads the members of a CSAT or CES tally's JSON object
// into j: its scale (absent for the standard scale), read by
// decodeScale, and its counts, validated as [CSATTallyFromCounts] and
// [CESTallyFromCounts] do, or without the scale if it is not valid.
func decodeRatingTally[S ratingScale](j *jsonForm, members []strictjson.Member,
	decodeScale func(*jsonForm, []strictjson.Member) (S, bool)) ratingTally[S] {
	var scale S
	scaleOK := true
	var counts []int64
	countsKnown := true
	j.each(members, ratingTallyFields, func(f int, raw json.RawMessage) {
		if f == 0 {
			scaleOK = j.object(ratingTallyFields[f], raw, func(n *jsonForm, ms []strictjson.Member) {
				scale, scaleOK = decodeScale(n, ms)
			}) && scaleOK
			return
		}
		counts, countsKnown = jsonInt64s(j, ratingTallyFields[f], raw)
	})
	if countsKnown {
		j.checks = append(j.checks, ratingCountProblems(scale.Scale(), scaleOK, counts)...)
	}
	if len(j.form) > 0 || len(j.checks) > 0 {
		return ratingTally[S]{}
	}
	r, _ := ratingsFromCounts(scale.Scale(), counts) // checked above
	return ratingTally[S]{scale: scale, r: r}
}

// decodeRatingScale reads the members of a CSAT or CES scale's JSON object
// into j: its bounds, validated as [NewScale] does, and the third field
// names[2], validated with the scale by build ([NewCSATScale] or
// [NewCESScale]), or, if it was not read, the scale alone by [ratingPoints],
// the part of build's checks that needs the scale only. ok reports whether
// the scale is valid.
func decodeRatingScale[S ratingScale](j *jsonForm, members []strictjson.Member, names []string,
	build func(Scale, int) (S, error)) (s S, ok bool) {
	var third int
	thirdKnown := true
	sc, ok := decodeScale(j, members, names, func(f int, raw json.RawMessage) {
		thirdKnown = jsonInt(j, names[f], raw, &third)
	})
	if !ok {
		return s, false
	}
	if !thirdKnown {
		j.check(ratingPoints(s.survey(), sc))
		return s, false
	}
	s, err := build(sc, third)
	j.check(err)
	return s, err == nil
}

// jsonInt64s decodes raw, the JSON value of the field name, an array of
// integers within int64, reporting the first element that is not one (null
// included) or a value that is not an array, null included: null is never a
// field's value. ok reports whether raw was decoded.
func jsonInt64s(j *jsonForm, name string, raw json.RawMessage) (v []int64, ok bool) {
	if isJSONNull(raw) {
		j.wrongType(nil, name, "an array of integers", raw)
		return nil, false
	}
	elems, err := strictjson.Elements(raw)
	if err != nil {
		j.wrongType(err, name, "an array of integers", raw)
		return nil, false
	}
	v = make([]int64, len(elems))
	for i, e := range elems {
		if err := json.Unmarshal(e, &v[i]); err != nil || isJSONNull(e) {
			j.problem(err, ": %s", strictjson.MustBe(fmt.Sprintf("%q[%d]", name, i),
				strictjson.Want(reflect.TypeFor[int64](), e), strictjson.Describe(e)))
			return nil, false
		}
	}
	return v, true
}
