package outcome

import (
	"encoding/json"
	"fmt"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"

	"github.com/shopspring/decimal"
)

// The Customer Effort Score (CES) asks customers how far they agree that
// "the company made it easy for me to handle my issue", usually on a 1
// (strongly disagree) to 7 (strongly agree) scale (the CES 2.0 form of
// Dixon, Toman and DeLisi, "The Effortless Experience", 2013), and reports
// the mean answer and the share of customers who agree (5, "somewhat
// agree", or above). It is an output in the method too: a
// "retrospective and subjective" survey stat.

// The standard CES scale: 1..7, agreement from 5.
const (
	stdCESMin   = 1
	stdCESMax   = 7
	stdCESAgree = 5
)

// CESScale is the answer scale of a CES question and its agreement point:
// the lowest answer that counts as agreeing that the experience was easy.
// The zero CESScale is the standard one, 1..7 with agreement from 5
// ("somewhat agree"); build others with [NewCESScale].
//
// CESScale is immutable and comparable with ==.
type CESScale struct {
	// Stored as offsets from the standard scale, so that the zero value is
	// the standard scale.
	min, max, agree int
}

// StandardCESScale returns the standard CES scale: 1..7, agreement from 5.
// It is the zero [CESScale].
func StandardCESScale() CESScale { return CESScale{} }

// NewCESScale returns the CES scale with answers on scale and agreement from
// the answer agree up. The scale must have at most [MaxRatingPoints] points
// (code [ErrInvalidScale]); agree must be a point of the scale above its
// bottom, so that at least one answer disagrees (code [ErrInvalidBands]).
// Both problems are reported, joined with [errors.Join], the scale's first:
// agreement from 0 on the 12 points 0..11 has both. A scale that is not
// valid (the zero Scale; [NewScale] makes no other) has no points, so the
// agreement point is not checked against it.
func NewCESScale(scale Scale, agree int) (CESScale, error) {
	serr := ratingPoints("CES", scale)
	if !scale.IsValid() {
		return CESScale{}, serr
	}
	var aerr error
	if agree <= scale.min || agree > scale.max {
		aerr = NewError(ErrInvalidBands, nil,
			"outcome: CES agreement point %d must be in %d..%d, above the bottom of the scale %s",
			agree, scale.min+1, scale.max, scale)
	}
	if serr != nil || aerr != nil {
		return CESScale{}, msg.JoinFlat(serr, aerr)
	}
	return CESScale{min: scale.min - stdCESMin, max: scale.max - stdCESMax, agree: agree - stdCESAgree}, nil
}

// MustCESScale is like [NewCESScale] but panics if the arguments are
// invalid. It is meant for scales written as literals in programs and tests.
func MustCESScale(scale Scale, agree int) CESScale {
	s, err := NewCESScale(scale, agree)
	if err != nil {
		panic(err)
	}
	return s
}

// Scale returns the answer scale.
func (s CESScale) Scale() Scale { return Scale{min: s.min + stdCESMin, max: s.max + stdCESMax} }

// Agree returns the agreement point: the lowest answer that counts as
// agreeing.
func (s CESScale) Agree() int { return s.agree + stdCESAgree }

// IsZero reports whether s is the zero value, the standard scale.
func (s CESScale) IsZero() bool { return s == CESScale{} }

// Equal reports whether s and o have the same scale and agreement point.
func (s CESScale) Equal(o CESScale) bool { return s == o }

// String returns the scale as "1..7, agree from 5".
func (s CESScale) String() string { return fmt.Sprintf("%s, agree from %d", s.Scale(), s.Agree()) }

// survey names the survey in messages.
func (CESScale) survey() string { return "CES" }

// CESTally counts the answers to a CES question, point by point. Build it
// from answers one at a time ([CESTally.Add]), from a slice ([TallyCES]) or
// from counts ([CESTallyFromCounts]), and combine the tallies of shards with
// [CESTally.Merge]. Counts are int64, and a count that would overflow is an
// error.
//
// CESTally is immutable. The zero CESTally is the empty tally on the standard
// scale ([StandardCESScale]).
type CESTally struct {
	ratingTally[CESScale]
}

// NewCESTally returns the empty tally on the given scale.
func NewCESTally(scale CESScale) CESTally { return CESTally{ratingTally[CESScale]{scale: scale}} }

// TallyCES returns the tally of the answers in scores. It checks every
// answer: one that is not on the scale is an error with code
// [ErrScoreOutOfRange] naming the first such answer and its position, and no
// tally is returned. Long slices are counted by branch-free kernels; answers
// of any integer type but int8, on a scale within 0..255 of at most seven
// points (as the standard scales are), take one table load and one add each.
func TallyCES[E Integer](scale CESScale, scores []E) (CESTally, error) {
	t, err := tallyRatingScores(scale, scores)
	return CESTally{t}, err
}

// CESTallyFromCounts returns the tally with counts[i] answers of the i-th
// point of the scale, from the bottom up (seven counts for 1..7). Every
// problem is reported, one as its *[Error] itself, several joined with
// [errors.Join], in this order: a number of counts other than the scale's
// points, code [ErrScaleMismatch]; each negative count, code
// [ErrInvalidCount], named by its answer ("the answer-2 count") or, if the
// number of counts is wrong, by its index ("counts[6]"); and, if no count is
// negative, counts whose total overflows int64, [ErrOverflow].
func CESTallyFromCounts(scale CESScale, counts []int64) (CESTally, error) {
	t, err := ratingTallyFromCounts(scale, counts)
	return CESTally{t}, err
}

// Add returns the tally with one more answer. An answer off the scale is an
// error with code [ErrScoreOutOfRange]; a full tally, [ErrOverflow].
func (t CESTally) Add(score int) (CESTally, error) {
	v, err := t.add(score)
	return CESTally{v}, err
}

// Merge returns the tally of the answers of t and o together. Tallies on
// different scales or agreement points cannot be merged (code
// [ErrScaleMismatch]); a count that would overflow is an error with code
// [ErrOverflow]. Merge is associative and commutative, and the empty
// tally is its identity.
func (t CESTally) Merge(o CESTally) (CESTally, error) {
	v, err := t.merge(&o.ratingTally)
	return CESTally{v}, err
}

// Scale returns the tally's scale and agreement point.
func (t CESTally) Scale() CESScale { return t.scale }

// Responses returns the number of answers.
func (t CESTally) Responses() int64 { return t.r.n }

// Counts returns the number of answers at each point of the scale, from the
// bottom up, in a new slice.
func (t CESTally) Counts() []int64 { return t.counts() }

// Agreeing returns the number of answers at or above the agreement point.
func (t CESTally) Agreeing() int64 { return t.r.from(t.scale.Agree() - t.scale.Scale().min) }

// Mean returns the mean answer, the Customer Effort Score, exactly, rounded
// to places decimal places by the given rounding mode, as [NPSTally.Score]
// rounds. On the standard scale higher is better (easier). An invalid
// rounding is an error with code [ErrUnknownRounding]; places out of range,
// code [ErrInvalidPlaces]; an empty tally, code [ErrNoData]. Every one that
// applies is reported, one as its *[Error] itself, several joined with
// [errors.Join] in that order.
func (t CESTally) Mean(places int32, rounding Rounding) (decimal.Decimal, error) {
	return t.r.mean(t.scale.Scale(), "the Customer Effort Score", places, rounding)
}

// StandardError returns the standard error of the mean answer, in points of
// the scale: s / sqrt(n), with s the sample standard deviation of the
// answers (divisor n - 1) and n the responses. It needs at least two
// responses (code [ErrTooFewResponses], or [ErrNoData]).
func (t CESTally) StandardError() (float64, error) {
	_, se, err := t.r.meanStats(t.scale.Scale(), "the standard error of the CES")
	return se, err
}

// MeanInterval returns the confidence interval of the mean answer at the
// given confidence level, in points of the scale, by the normal
// approximation:
//
//	mean ± z * s / sqrt(n)
//
// with z the two-sided critical value of the standard normal distribution:
// the Wald interval of the mean (its Method is [IntervalWald]). It is a
// large-sample interval: for a few dozen answers or fewer, the
// Student t interval (wider) is the better one. When every answer is the
// same the interval is that single point.
//
// A confidence level that is NaN, infinite, outside (0, 1) or below 2^-1022
// (subnormal) is an error with code [ErrInvalidConfidence]; fewer than two responses,
// [ErrTooFewResponses] (or [ErrNoData]); both are reported, joined with
// [errors.Join] in that order.
func (t CESTally) MeanInterval(confidence float64) (Interval, error) {
	z, cerr := criticalValue(confidence)
	m, se, err := t.r.meanStats(t.scale.Scale(), "a confidence interval of the CES")
	if cerr != nil || err != nil {
		return Interval{}, msg.JoinFlat(cerr, err)
	}
	return Interval{Estimate: m, Low: m - z*se, High: m + z*se, Confidence: confidence, Method: IntervalWald}, nil
}

// AgreeShare returns the percentage of answers at or above the agreement
// point, 100 * agreeing / responses, rounded exactly to places decimal
// places by the given rounding mode, as [NPSTally.Score] rounds. It fails as
// [CESTally.Mean] does.
func (t CESTally) AgreeShare(places int32, rounding Rounding) (decimal.Decimal, error) {
	return t.r.percent(t.Agreeing(), "the CES agreement share", places, rounding)
}

// AgreeInterval returns the Wilson score interval of the agreement share,
// in percent, at the given confidence level: from two responses on, the
// interval of [Proportion.Wilson] for [CESTally.Agreement], in percent. See
// [CSATTally.Interval] for the formula and the errors: like it, it refuses a
// tally of one response, whose Agreement still has a Wilson interval.
func (t CESTally) AgreeInterval(confidence float64) (Interval, error) {
	return t.r.wilsonPercent(t.Agreeing(), "a confidence interval of the CES agreement share", confidence)
}

// Agreement returns the answers at or above the agreement point out of all
// the answers as a [Proportion], for its other intervals
// ([Proportion.Interval]) and its exact fraction, and to compare two
// periods or two channels with [CompareProportions].
func (t CESTally) Agreement() Proportion { return t.r.share(t.Agreeing()) }

// IsZero reports whether t is the zero value: empty, on the standard scale.
func (t CESTally) IsZero() bool { return t == CESTally{} }

// Equal reports whether t and o have the same scale and the same counts.
func (t CESTally) Equal(o CESTally) bool { return t == o }

// String returns the counts, e.g. "CES tally on 1..7, agree from 5: [1 2 3 4 10 20 10] (50 responses)".
func (t CESTally) String() string { return t.string() }

// cesScaleJSON is the JSON form of a [CESScale].
type cesScaleJSON struct {
	Min   int `json:"min"`
	Max   int `json:"max"`
	Agree int `json:"agree"`
}

// MarshalJSON implements [json.Marshaler]: the scale's bounds and its
// agreement point, {"min":1,"max":7,"agree":5} for the standard scale (the
// zero CESScale).
func (s CESScale) MarshalJSON() ([]byte, error) { return json.Marshal(s.wire()) }

// wire returns the JSON form of s.
func (s CESScale) wire() *cesScaleJSON {
	sc := s.Scale()
	return &cesScaleJSON{Min: sc.min, Max: sc.max, Agree: s.Agree()}
}

// cesScaleFields are the JSON names of a CES scale's fields.
var cesScaleFields = []string{"min", "max", "agree"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes
// {"min":m,"max":n,"agree":a} (an absent field is 0) and validates it exactly
// as [NewScale] and [NewCESScale] do. It reports every problem, one as its
// *[Error] itself, several joined with [errors.Join]: first, in the order of
// the fields (as the package doc says), each problem of the JSON form, an
// *[Error] with code [ErrInvalidJSON] (a key that names no field, a field
// given twice, a value that is not an integer, null included, `outcome: CES
// scale: "agree" must be an integer, not null`, after which what needs it is
// not checked); then the constructors' problems, in their order: NewScale's,
// or else NewCESScale's (the scale's, then the agreement point's). JSON that
// is not one object is a single problem with code ErrInvalidJSON, and so is
// JSON null for the whole scale, with no ID: `outcome: a CES scale cannot be
// null`. On error s is left unchanged.
func (s *CESScale) UnmarshalJSON(data []byte) error {
	return decodeObject(data, s, "CES scale", "a CES scale", func(j *jsonForm, members []strictjson.Member) CESScale {
		v, _ := decodeCESScale(j, members)
		return v
	})
}

// decodeCESScale reads the members of a CES scale's JSON object into j.
func decodeCESScale(j *jsonForm, members []strictjson.Member) (CESScale, bool) {
	return decodeRatingScale(j, members, cesScaleFields, NewCESScale)
}

// cesTallyJSON is the JSON form of a [CESTally].
type cesTallyJSON = ratingTallyJSON[cesScaleJSON]

// MarshalJSON implements [json.Marshaler]: the scale (as
// [CESScale.MarshalJSON]) and the count of each of its points from the
// bottom up,
// {"scale":{"min":1,"max":7,"agree":5},"counts":[1,2,3,4,10,20,10]}.
func (t CESTally) MarshalJSON() ([]byte, error) {
	return json.Marshal(cesTallyJSON{Scale: t.scale.wire(), Counts: t.Counts()})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form of
// [CESTally.MarshalJSON]; an absent "scale" is the standard scale (the
// zero [CESScale]) and absent "counts" none. It validates the scale as
// [CESScale.UnmarshalJSON] does and the counts exactly as
// [CESTallyFromCounts] does (one per point of the scale, none negative, a
// total within int64).
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice, a value of the wrong type (a
// scale that is not an object, counts that are not an array, the first count
// that is not an integer within int64), null included (`outcome: CES tally:
// "scale" must be an object, not null`, `"counts" must be an array of
// integers, not null`, `"counts"[1] must be an integer, not null`), whose
// field is then not checked, and those of the scale's own JSON, at its key;
// then the problems of the scale, and then those of the counts. The counts
// are checked even if the scale is not valid or not known, without it: each
// negative count, named by its index, and a total past int64. JSON that is
// not one object is a single problem with code ErrInvalidJSON, and so is JSON
// null for the whole tally, with no ID: `outcome: a CES tally cannot be
// null`. On error t is left unchanged.
func (t *CESTally) UnmarshalJSON(data []byte) error {
	return decodeObject(data, &t.ratingTally, "CES tally", "a CES tally", func(j *jsonForm, members []strictjson.Member) ratingTally[CESScale] {
		return decodeRatingTally(j, members, decodeCESScale)
	})
}
