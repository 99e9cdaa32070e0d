package outcome

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Customer satisfaction (CSAT) asks "How satisfied were you with ...?" on a
// short scale, usually 1 (very dissatisfied) to 5 (very satisfied), and
// reports the share of "top-two-box" answers: the percentage of customers who
// answered 4 or 5. Like NPS it is, in the method, an output: one of the
// "customer-satisfaction stats", "retrospective and subjective".

// The standard CSAT scale: 1..5, top-two box.
const (
	stdCSATMin = 1
	stdCSATMax = 5
	stdCSATBox = 2
)

// CSATScale is the answer scale of a CSAT question and the size of its top
// box: the number of points, counted down from the top of the scale, whose
// answers count as satisfied. The zero CSATScale is the standard one, 1..5
// with a top-two box (answers 4 and 5); build others with [NewCSATScale].
//
// CSATScale is immutable and comparable with ==.
type CSATScale struct {
	// Stored as offsets from the standard scale, so that the zero value is
	// the standard scale.
	min, max, box int
}

// StandardCSATScale returns the standard CSAT scale: 1..5 with a top-two box.
// It is the zero [CSATScale].
func StandardCSATScale() CSATScale { return CSATScale{} }

// NewCSATScale returns the CSAT scale with answers on scale and a top box of
// the given number of points, counted down from the scale's top: box 2 on
// 1..5 is the answers 4 and 5, box 3 on 1..7 the answers 5, 6 and 7. The
// scale must have at most [MaxRatingPoints] points (code [ErrInvalidScale]),
// and the box at least one point and fewer than the scale has (code
// [ErrInvalidBands]).
func NewCSATScale(scale Scale, box int) (CSATScale, error) {
	if !scale.IsValid() || scale.Points() > MaxRatingPoints {
		return CSATScale{}, NewError(ErrInvalidScale, nil,
			"outcome: CSAT scale %s is not a scale of 2 to %d points", scale, MaxRatingPoints)
	}
	if box < 1 || box >= scale.Points() {
		return CSATScale{}, NewError(ErrInvalidBands, nil,
			"outcome: a top box of %d points on the CSAT scale %s must hold 1 to %d points",
			box, scale, scale.Points()-1)
	}
	return CSATScale{min: scale.min - stdCSATMin, max: scale.max - stdCSATMax, box: box - stdCSATBox}, nil
}

// MustCSATScale is like [NewCSATScale] but panics if the arguments are
// invalid. It is meant for scales written as literals in programs and tests.
func MustCSATScale(scale Scale, box int) CSATScale {
	s, err := NewCSATScale(scale, box)
	if err != nil {
		panic(err)
	}
	return s
}

// Scale returns the answer scale.
func (s CSATScale) Scale() Scale { return Scale{min: s.min + stdCSATMin, max: s.max + stdCSATMax} }

// Box returns the number of points in the top box.
func (s CSATScale) Box() int { return s.box + stdCSATBox }

// TopBox returns the answers that count as satisfied: the top [CSATScale.Box]
// points of the scale, always counted from the scale's top, never from the
// highest answer observed.
func (s CSATScale) TopBox() Band {
	sc := s.Scale()
	return Band{sc.max - s.Box() + 1, sc.max}
}

// IsZero reports whether s is the zero value, the standard scale.
func (s CSATScale) IsZero() bool { return s == CSATScale{} }

// Equal reports whether s and o have the same scale and top box.
func (s CSATScale) Equal(o CSATScale) bool { return s == o }

// String returns the scale as "top-2 box 4..5 of 1..5".
func (s CSATScale) String() string {
	return fmt.Sprintf("top-%d box %s of %s", s.Box(), s.TopBox(), s.Scale())
}

// CSATTally counts the answers to a CSAT question, point by point. Build it
// from answers one at a time ([CSATTally.Add]), from a slice ([TallyCSAT]) or
// from counts ([CSATTallyFromCounts]), and combine the tallies of shards with
// [CSATTally.Merge]. Counts are int64, and a count that would overflow is an
// error.
//
// CSATTally is immutable. The zero CSATTally is the empty tally on the
// standard scale ([StandardCSATScale]).
type CSATTally struct {
	scale CSATScale
	r     ratingCounts
}

// NewCSATTally returns the empty tally on the given scale.
func NewCSATTally(scale CSATScale) CSATTally { return CSATTally{scale: scale} }

// TallyCSAT returns the tally of the answers in scores. It checks every
// answer: one that is not on the scale is an error with code
// [ErrScoreOutOfRange] naming the first such answer and its position, and no
// tally is returned. []int8 and []int slices take a branch-free kernel.
func TallyCSAT[E Integer](scale CSATScale, scores []E) (CSATTally, error) {
	r, err := tallyRatings(scale.Scale(), scores)
	if err != nil {
		return CSATTally{}, err
	}
	return CSATTally{scale: scale, r: r}, nil
}

// CSATTallyFromCounts returns the tally with counts[i] answers of the i-th
// point of the scale, from the bottom up (five counts for 1..5). A number of
// counts other than the scale's points is an error with code
// [ErrScaleMismatch]; a negative count, [ErrNegativeTally]; counts whose
// total overflows int64, [ErrTallyOverflow].
func CSATTallyFromCounts(scale CSATScale, counts []int64) (CSATTally, error) {
	r, err := ratingsFromCounts(scale.Scale(), counts)
	if err != nil {
		return CSATTally{}, err
	}
	return CSATTally{scale: scale, r: r}, nil
}

// Add returns the tally with one more answer. An answer off the scale is an
// error with code [ErrScoreOutOfRange]; a full tally, [ErrTallyOverflow].
func (t CSATTally) Add(score int) (CSATTally, error) {
	sc := t.scale.Scale()
	if !sc.Contains(score) {
		return CSATTally{}, surveyScoreError(fmt.Sprint(score), -1, sc)
	}
	r, err := t.r.add(score - sc.min)
	if err != nil {
		return CSATTally{}, err
	}
	return CSATTally{scale: t.scale, r: r}, nil
}

// Merge returns the tally of the answers of t and o together. Tallies on
// different scales or boxes cannot be merged (code [ErrScaleMismatch]); a
// count that would overflow is an error with code [ErrTallyOverflow]. Merge
// is associative and commutative, and the empty tally is its identity.
func (t CSATTally) Merge(o CSATTally) (CSATTally, error) {
	if t.scale != o.scale {
		return CSATTally{}, NewError(ErrScaleMismatch, nil,
			"outcome: cannot merge CSAT tallies on different scales (%s and %s)", t.scale, o.scale)
	}
	r, err := t.r.merge(o.r)
	if err != nil {
		return CSATTally{}, err
	}
	return CSATTally{scale: t.scale, r: r}, nil
}

// Scale returns the tally's scale and top box.
func (t CSATTally) Scale() CSATScale { return t.scale }

// Responses returns the number of answers.
func (t CSATTally) Responses() int64 { return t.r.n }

// Counts returns the number of answers at each point of the scale, from the
// bottom up, in a new slice.
func (t CSATTally) Counts() []int64 { return t.r.list(t.scale.Scale()) }

// Satisfied returns the number of answers in the top box.
func (t CSATTally) Satisfied() int64 { return t.r.from(t.scale.TopBox().Low - t.scale.Scale().min) }

// Score returns the CSAT score: the percentage of answers in the top box,
//
//	CSAT = 100 * satisfied / responses
//
// counted against the scale's top (4 and 5 on 1..5), never against the
// highest answer observed, rounded exactly to places decimal places by round
// (see [NPSTally.Score]). An empty tally is an error with code
// [ErrNoResponses]; bad rounding arguments, [ErrRoundingArgument].
func (t CSATTally) Score(places int32, round func(decimal.Decimal, int32) decimal.Decimal) (decimal.Decimal, error) {
	return t.r.percent(t.Satisfied(), "the CSAT score", places, round)
}

// Interval returns the Wilson score interval of the CSAT score, in percent,
// at the given confidence level (0.95 for 95%): with p the top-box share, n
// the responses and z the two-sided normal critical value,
//
//	(p + z²/(2n) ± z * sqrt(p(1-p)/n + z²/(4n²))) / (1 + z²/n)
//
// (Wilson 1927, "Probable inference, the law of succession, and statistical
// inference", JASA 22(158)). Unlike the Wald interval it stays within 0..100
// and does not collapse when every answer is, or none is, in the top box.
// Estimate is the CSAT score.
//
// A confidence level that is NaN, infinite or outside (0, 1) is an error
// with code [ErrInvalidConfidenceLevel]; fewer than two responses,
// [ErrTooFewResponses] (or [ErrNoResponses]).
func (t CSATTally) Interval(confidence float64) (ScoreInterval, error) {
	return t.r.wilsonPercent(t.Satisfied(), "a confidence interval of the CSAT score", confidence)
}

// Mean returns the mean answer, exactly, rounded to places decimal places by
// round (see [NPSTally.Score]). An empty tally is an error with code
// [ErrNoResponses].
func (t CSATTally) Mean(places int32, round func(decimal.Decimal, int32) decimal.Decimal) (decimal.Decimal, error) {
	return t.r.mean(t.scale.Scale(), "the mean CSAT answer", places, round)
}

// IsZero reports whether t is the zero value: empty, on the standard scale.
func (t CSATTally) IsZero() bool { return t == CSATTally{} }

// Equal reports whether t and o have the same scale and the same counts.
func (t CSATTally) Equal(o CSATTally) bool { return t == o }

// String returns the counts, e.g. "CSAT tally on top-2 box 4..5 of 1..5: [2 3 5 20 10] (40 responses)".
func (t CSATTally) String() string {
	return fmt.Sprintf("CSAT tally on %s: %v (%d responses)", t.scale, t.Counts(), t.r.n)
}
