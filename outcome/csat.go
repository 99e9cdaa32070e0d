package outcome

import (
	"encoding/json"
	"fmt"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"

	"github.com/shopspring/decimal"
)

// Customer satisfaction (CSAT) asks "How satisfied were you with ...?" on a
// short scale, usually 1 (very dissatisfied) to 5 (very satisfied), and
// reports the share of "top-two-box" answers: the percentage of customers who
// answered 4 or 5. Like NPS it is, in the method, an output: one of the
// customer-satisfaction stats, "retrospective and subjective".

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
// [ErrInvalidBands]). Both problems are reported, joined with
// [errors.Join], the scale's first: a box of 0 on the 12 points 0..11 has
// both. A scale that is not valid (the zero Scale; [NewScale] makes no
// other) has no points to hold a box, so its box is not checked.
func NewCSATScale(scale Scale, box int) (CSATScale, error) {
	serr := ratingPoints("CSAT", scale)
	if !scale.IsValid() {
		return CSATScale{}, serr
	}
	var berr error
	if box < 1 || box >= scale.Points() {
		berr = NewError(ErrInvalidBands, nil,
			"outcome: a top box of %d points on the CSAT scale %s must hold 1 to %d points",
			box, scale, scale.Points()-1)
	}
	if serr != nil || berr != nil {
		return CSATScale{}, msg.JoinFlat(serr, berr)
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

// survey names the survey in messages.
func (CSATScale) survey() string { return "CSAT" }

// CSATTally counts the answers to a CSAT question, point by point. Build it
// from answers one at a time ([CSATTally.Add]), from a slice ([TallyCSAT]) or
// from counts ([CSATTallyFromCounts]), and combine the tallies of shards with
// [CSATTally.Merge]. Counts are int64, and a count that would overflow is an
// error.
//
// CSATTally is immutable. The zero CSATTally is the empty tally on the
// standard scale ([StandardCSATScale]).
type CSATTally struct {
	ratingTally[CSATScale]
}

// NewCSATTally returns the empty tally on the given scale.
func NewCSATTally(scale CSATScale) CSATTally { return CSATTally{ratingTally[CSATScale]{scale: scale}} }

// TallyCSAT returns the tally of the answers in scores. It checks every
// answer: one that is not on the scale is an error with code
// [ErrScoreOutOfRange] naming the first such answer and its position, and no
// tally is returned. Long slices are counted by branch-free kernels; answers
// of any integer type but int8, on a scale within 0..255 of at most seven
// points (as the standard scales are), take one table load and one add each.
func TallyCSAT[E Integer](scale CSATScale, scores []E) (CSATTally, error) {
	t, err := tallyRatingScores(scale, scores)
	return CSATTally{t}, err
}

// CSATTallyFromCounts returns the tally with counts[i] answers of the i-th
// point of the scale, from the bottom up (five counts for 1..5). Every
// problem is reported, one as its *[Error] itself, several joined with
// [errors.Join], in this order: a number of counts other than the scale's
// points, code [ErrScaleMismatch]; each negative count, code
// [ErrInvalidCount], named by its answer ("the answer-2 count") or, if the
// number of counts is wrong, by its index ("counts[6]"); and, if no count is
// negative, counts whose total overflows int64, [ErrOverflow].
func CSATTallyFromCounts(scale CSATScale, counts []int64) (CSATTally, error) {
	t, err := ratingTallyFromCounts(scale, counts)
	return CSATTally{t}, err
}

// Add returns the tally with one more answer. An answer off the scale is an
// error with code [ErrScoreOutOfRange]; a full tally, [ErrOverflow].
func (t CSATTally) Add(score int) (CSATTally, error) {
	v, err := t.add(score)
	return CSATTally{v}, err
}

// Merge returns the tally of the answers of t and o together. Tallies on
// different scales or boxes cannot be merged (code [ErrScaleMismatch]); a
// count that would overflow is an error with code [ErrOverflow]. Merge
// is associative and commutative, and the empty tally is its identity.
func (t CSATTally) Merge(o CSATTally) (CSATTally, error) {
	v, err := t.merge(&o.ratingTally)
	return CSATTally{v}, err
}

// Scale returns the tally's scale and top box.
func (t CSATTally) Scale() CSATScale { return t.scale }

// Responses returns the number of answers.
func (t CSATTally) Responses() int64 { return t.r.n }

// Counts returns the number of answers at each point of the scale, from the
// bottom up, in a new slice.
func (t CSATTally) Counts() []int64 { return t.counts() }

// Satisfied returns the number of answers in the top box.
func (t CSATTally) Satisfied() int64 { return t.r.from(t.scale.TopBox().Low - t.scale.Scale().min) }

// Score returns the CSAT score: the percentage of answers in the top box,
//
//	CSAT = 100 * satisfied / responses
//
// counted against the scale's top (4 and 5 on 1..5), never against the
// highest answer observed, rounded exactly to places decimal places by the
// given rounding mode, as [NPSTally.Score] rounds. An invalid rounding is an
// error with code [ErrUnknownRounding]; places out of range, code
// [ErrInvalidPlaces]; an empty tally, code [ErrNoData]. Every one that
// applies is reported, one as its *[Error] itself, several joined with
// [errors.Join] in that order.
func (t CSATTally) Score(places int32, rounding Rounding) (decimal.Decimal, error) {
	return t.r.percent(t.Satisfied(), "the CSAT score", places, rounding)
}

// Interval returns the Wilson score interval of the CSAT score, in percent,
// at the given confidence level (0.95 for 95%): with p the top-box share, n
// the responses and z the two-sided normal critical value,
//
//	(p + z²/(2n) ± z * sqrt(p(1-p)/n + z²/(4n²))) / (1 + z²/n)
//
// (Wilson 1927, "Probable inference, the law of succession, and statistical
// inference", JASA 22(158)). Unlike the Wald interval it stays within 0..100
// and does not collapse when every answer is, or none is, in the top box
// (until, past about 10^16 responses, its bounds are nearer 100 than a
// float64 can tell; see [Proportion.Wilson]).
// Estimate is the CSAT score and Method [IntervalWilson]: from two responses
// on, the interval is that of [Proportion.Wilson] for
// [CSATTally.Satisfaction], in percent.
//
// A confidence level that is NaN, infinite, outside (0, 1) or below 2^-1022
// (subnormal) is an error with code [ErrInvalidConfidence]; fewer than two responses,
// [ErrTooFewResponses] (or [ErrNoData]), reported with it, joined with
// [errors.Join], when both apply: like every standard error,
// interval and test of a survey tally, the interval of a single response is
// refused. The Proportion of a single response still has its Wilson
// interval (1 of 1 satisfied gives 20.65% to 100% at 95%), for a caller who
// asks it for one.
func (t CSATTally) Interval(confidence float64) (Interval, error) {
	return t.r.wilsonPercent(t.Satisfied(), "a confidence interval of the CSAT score", confidence)
}

// Satisfaction returns the answers in the top box out of all the answers as
// a [Proportion], for its other intervals ([Proportion.Interval]) and its
// exact fraction, and to compare two periods or two channels with
// [CompareProportions].
func (t CSATTally) Satisfaction() Proportion { return t.r.share(t.Satisfied()) }

// Mean returns the mean answer, exactly, rounded to places decimal places by
// the given rounding mode, as [NPSTally.Score] rounds. It fails as
// [CSATTally.Score] does.
func (t CSATTally) Mean(places int32, rounding Rounding) (decimal.Decimal, error) {
	return t.r.mean(t.scale.Scale(), "the mean CSAT answer", places, rounding)
}

// IsZero reports whether t is the zero value: empty, on the standard scale.
func (t CSATTally) IsZero() bool { return t == CSATTally{} }

// Equal reports whether t and o have the same scale and the same counts.
func (t CSATTally) Equal(o CSATTally) bool { return t == o }

// String returns the counts, e.g. "CSAT tally on top-2 box 4..5 of 1..5: [2 3 5 20 10] (40 responses)".
func (t CSATTally) String() string { return t.string() }

// csatScaleJSON is the JSON form of a [CSATScale].
type csatScaleJSON struct {
	Min int `json:"min"`
	Max int `json:"max"`
	Box int `json:"box"`
}

// MarshalJSON implements [json.Marshaler]: the scale's bounds and the size
// of its top box, {"min":1,"max":5,"box":2} for the standard scale (the zero
// CSATScale).
func (s CSATScale) MarshalJSON() ([]byte, error) { return json.Marshal(s.wire()) }

// wire returns the JSON form of s.
func (s CSATScale) wire() *csatScaleJSON {
	sc := s.Scale()
	return &csatScaleJSON{Min: sc.min, Max: sc.max, Box: s.Box()}
}

// csatScaleFields are the JSON names of a CSAT scale's fields.
var csatScaleFields = []string{"min", "max", "box"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes
// {"min":m,"max":n,"box":b} (an absent field is 0) and validates it exactly
// as [NewScale] and [NewCSATScale] do. It reports every problem, one as its
// *[Error] itself, several joined with [errors.Join]: first, in the order of
// the fields (as the package doc says), each problem of the JSON form, an
// *[Error] with code [ErrInvalidJSON] (a key that names no field, a field
// given twice, a value that is not an integer, null included, `outcome: CSAT
// scale: "box" must be an integer, not null`, after which what needs it is
// not checked); then the constructors' problems, in their order: NewScale's,
// or else NewCSATScale's (the scale's, then the box's). JSON that is not one
// object is a single problem with code ErrInvalidJSON, and so is JSON null
// for the whole scale, with no ID: `outcome: a CSAT scale cannot be null`. On
// error s is left unchanged.
func (s *CSATScale) UnmarshalJSON(data []byte) error {
	return decodeObject(data, s, "CSAT scale", "a CSAT scale", func(j *jsonForm, members []strictjson.Member) CSATScale {
		v, _ := decodeCSATScale(j, members)
		return v
	})
}

// decodeCSATScale reads the members of a CSAT scale's JSON object into j.
func decodeCSATScale(j *jsonForm, members []strictjson.Member) (CSATScale, bool) {
	return decodeRatingScale(j, members, csatScaleFields, NewCSATScale)
}

// csatTallyJSON is the JSON form of a [CSATTally].
type csatTallyJSON = ratingTallyJSON[csatScaleJSON]

// MarshalJSON implements [json.Marshaler]: the scale (as
// [CSATScale.MarshalJSON]) and the count of each of its points from the
// bottom up, {"scale":{"min":1,"max":5,"box":2},"counts":[2,3,5,20,10]}: the
// form in which a BI tool stores a tally and ships it between machines, to
// merge it there.
func (t CSATTally) MarshalJSON() ([]byte, error) {
	return json.Marshal(csatTallyJSON{Scale: t.scale.wire(), Counts: t.Counts()})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form of
// [CSATTally.MarshalJSON]; an absent "scale" is the standard scale (the
// zero [CSATScale]) and absent "counts" none. It validates the scale as
// [CSATScale.UnmarshalJSON] does and the counts exactly as
// [CSATTallyFromCounts] does (one per point of the scale, none negative, a
// total within int64).
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice, a value of the wrong type (a
// scale that is not an object, counts that are not an array, the first count
// that is not an integer within int64), null included (`outcome: CSAT tally:
// "scale" must be an object, not null`, `"counts" must be an array of
// integers, not null`, `"counts"[1] must be an integer, not null`), whose
// field is then not checked, and those of the scale's own JSON, at its key;
// then the problems of the scale, and then those of the counts. The counts
// are checked even if the scale is not valid or not known, without it: each
// negative count, named by its index, and a total past int64. JSON that is
// not one object is a single problem with code ErrInvalidJSON, and so is JSON
// null for the whole tally, with no ID: `outcome: a CSAT tally cannot be
// null`. On error t is left unchanged.
func (t *CSATTally) UnmarshalJSON(data []byte) error {
	return decodeObject(data, &t.ratingTally, "CSAT tally", "a CSAT tally", func(j *jsonForm, members []strictjson.Member) ratingTally[CSATScale] {
		return decodeRatingTally(j, members, decodeCSATScale)
	})
}
