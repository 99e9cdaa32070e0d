package outcome

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/shopspring/decimal"
)

// The Net Promoter Score (Reichheld 2003, "The One Number You Need to Grow",
// Harvard Business Review 81(12)) asks "How likely is it that you would
// recommend [us] to a friend or colleague?" on a 0-10 scale, calls those who
// answer 9 or 10 promoters, 7 or 8 passives and 0 to 6 detractors, and
// reports the percentage of promoters minus the percentage of detractors, on
// -100..100.
//
// In the method, NPS is an output, not an outcome: it is "retrospective and
// subjective", one of the customer-satisfaction stats a contact centre
// produces, and "'one question rules them all' approaches" mislead. It tells
// how customers felt about what happened; whether they achieved what they came
// for is measured by the share of journeys that end in the Successful
// Customer Outcome.

// NPSGroup is the group an answer puts a respondent in: [Detractor],
// [Passive] or [Promoter]. The zero NPSGroup is invalid.
type NPSGroup uint8

// The NPS groups, from the bottom of the scale to the top.
const (
	Detractor NPSGroup = iota + 1
	Passive
	Promoter
)

// String returns "detractor", "passive" or "promoter", or "NPSGroup(N)" for
// an invalid value. [ParseNPSGroup] accepts it.
func (g NPSGroup) String() string {
	switch g {
	case Detractor:
		return "detractor"
	case Passive:
		return "passive"
	case Promoter:
		return "promoter"
	}
	return fmt.Sprintf("NPSGroup(%d)", uint8(g))
}

// IsValid reports whether g is one of the three groups.
func (g NPSGroup) IsValid() bool { return g >= Detractor && g <= Promoter }

// ParseNPSGroup parses an NPS group, ignoring case, white space and
// punctuation, in the singular or the plural: "detractor", "Passives",
// "promoter". Anything else, empty text included, is an error with code
// [ErrUnknownNPSGroup].
func ParseNPSGroup(text string) (NPSGroup, error) {
	var buf [48]byte
	switch string(fold(buf[:0], text)) {
	case "detractor", "detractors":
		return Detractor, nil
	case "passive", "passives":
		return Passive, nil
	case "promoter", "promoters":
		return Promoter, nil
	}
	return 0, NewError(ErrUnknownNPSGroup, nil, "outcome: unknown NPS group %q", clip(text))
}

// MarshalText implements [encoding.TextMarshaler]: "detractor", "passive" or
// "promoter", so that a group is text in JSON, as the package's other enums
// are. Marshalling an invalid group is an error with code
// [ErrUnknownNPSGroup].
func (g NPSGroup) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, NewError(ErrUnknownNPSGroup, nil, "outcome: cannot marshal invalid NPS group %d", uint8(g))
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseNPSGroup]. On error g is unchanged.
func (g *NPSGroup) UnmarshalText(text []byte) error {
	v, err := ParseNPSGroup(string(text))
	if err != nil {
		return err
	}
	*g = v
	return nil
}

// The standard bands on the 0-10 scale (Reichheld 2003).
const (
	stdNPSPassives  = 7  // offset of the passives from the bottom of 0..10
	stdNPSPromoters = 9  // offset of the promoters
	stdNPSMax       = 10 // offset of the top
)

// NPSBands says which answers make a respondent a detractor, a passive or a
// promoter. The zero NPSBands are the standard bands of Reichheld (2003) on
// the 0-10 scale: detractors 0-6, passives 7-8, promoters 9-10. Build others
// with [NewNPSBands].
//
// NPSBands is immutable and comparable with ==; bands built by NewNPSBands
// equal to the standard ones compare equal to the zero value.
type NPSBands struct {
	// The bottom of the scale, and the offsets from it of the passive band,
	// the promoter band and the top of the scale, each stored minus its
	// standard value (7, 9 and 10) modulo 256, so that the zero value is
	// the standard bands. 8 bytes, so that a tally is 4 words and cheap to
	// pass and merge.
	min                      int32
	passives, promoters, top uint8
}

// StandardNPSBands returns the standard bands of Reichheld (2003) on the 0-10
// scale: detractors 0-6, passives 7-8, promoters 9-10. It is the zero
// [NPSBands].
func StandardNPSBands() NPSBands { return NPSBands{} }

// NewNPSBands returns the bands that split the answers of scale into
// detractors, passives and promoters, for NPS-style questions asked on
// another scale. The three bands must each hold at least one answer, lie on
// the scale, go upwards in that order without overlapping, and together cover
// every point of the scale. Every problem is reported, one as its *[Error]
// itself, several joined with [errors.Join]: an invalid scale has code
// [ErrInvalidScale], and each band problem code [ErrInvalidBands] with a
// message that names the bounds at fault. The scale's problem comes first,
// then the bands' in a fixed order: each band that is empty or off the scale
// (and, if there is one, nothing more); then each band that is below or
// overlaps the next one; then each run of answers that no band holds, from
// the bottom of the scale up, worked out from the bands whatever their order.
// On an invalid scale (the zero Scale; [NewScale] makes no other) the bands
// are checked only for being empty, which does not depend on the scale.
func NewNPSBands(scale Scale, detractors, passives, promoters Band) (NPSBands, error) {
	bands := [3]Band{detractors, passives, promoters}
	errs := npsBandProblems(scale, bands, [3]bool{true, true, true})
	if !scale.IsValid() {
		serr := NewError(ErrInvalidScale, nil, "outcome: NPS bands on the invalid scale %s", scale)
		return NPSBands{}, msg.JoinFlat(append([]error{serr}, errs...)...)
	}
	if len(errs) > 0 {
		return NPSBands{}, msg.JoinFlat(errs...)
	}
	// The scale has at most 256 points and int32 bounds (NewScale), so
	// these conversions are exact.
	return NPSBands{
		min:       int32(scale.min),
		passives:  uint8(passives.Low-scale.min) - stdNPSPassives,
		promoters: uint8(promoters.Low-scale.min) - stdNPSPromoters,
		top:       uint8(scale.max-scale.min) - stdNPSMax,
	}, nil
}

// npsBandProblems returns the problems of bands (detractors, passives,
// promoters) on scale, in [NewNPSBands]'s order. A band that is not known
// (its JSON was not a band, already reported) is not checked, nor, then,
// are the order and the coverage of the bands, which need all three. On a
// scale that is not valid (or not known: the zero Scale) only the known
// bands that are empty are reported: the rest needs the scale.
func npsBandProblems(scale Scale, bands [3]Band, known [3]bool) []error {
	var errs []error
	names := [3]string{"detractor", "passive", "promoter"}
	ok := known == [3]bool{true, true, true} && scale.IsValid()
	for i, b := range bands {
		switch {
		case !known[i]:
		case b.Low > b.High:
			errs = append(errs, npsEmptyBand(names[i], b.String()))
			ok = false
		case !scale.IsValid():
		case b.Low < scale.min || b.High > scale.max:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: the %s band %s is not within the scale %s", names[i], b, scale))
			ok = false
		}
	}
	if !ok {
		return errs
	}
	// Every bound is now on the scale, so the arithmetic below cannot
	// overflow. First the order: each band against the next.
	for i := range 2 {
		lo, hi := bands[i], bands[i+1]
		switch {
		case hi.High < lo.Low:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: the %s band %s is below the %s band %s (bands go detractors, passives, promoters, upwards)",
				names[i+1], hi, names[i], lo))
		case hi.Low <= lo.High:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: the %s band %s and the %s band %s overlap", names[i], lo, names[i+1], hi))
		}
	}
	// Then the coverage, from the union of the bands whatever their order,
	// so that an answer said to be in no band is in none.
	return append(errs, npsGaps(scale, bands, names)...)
}

// npsEmptyBand returns the problem of the NPS band name ("detractor",
// "passive" or "promoter"), written band ("9..8"), whose low end is above
// its high end: code [ErrInvalidBands].
func npsEmptyBand(name, band string) error {
	return NewError(ErrInvalidBands, nil, "outcome: the %s band %s is empty (its low end is above its high end)", name, band)
}

// npsGaps reports each run of answers of scale that none of bands (each
// non-empty and on the scale) holds, from the bottom of the scale upwards:
// a run at the bottom names the lowest band, a run at the top the highest,
// and a run between bands the band that ends just below it and the one that
// starts just above it (the last and the first of bands, in their order,
// that do).
func npsGaps(scale Scale, bands [3]Band, names [3]string) []error {
	// in reports whether some band holds the answer min+o.
	in := func(o int) bool {
		for _, b := range bands {
			if b.Contains(scale.min + o) {
				return true
			}
		}
		return false
	}
	var errs []error
	n := scale.Points() // at most 256 (NewScale)
	for o := 0; o < n; o++ {
		if in(o) {
			continue
		}
		end := o // the run of answers in no band is min+o..min+end
		for end+1 < n && !in(end+1) {
			end++
		}
		a, b := scale.min+o, scale.min+end
		// below and above index the bands that end at a-1 and start at
		// b+1; -1 if none does (at the bottom or top of the scale).
		below, above := -1, -1
		for i, x := range bands {
			if o > 0 && x.High == a-1 {
				below = i
			}
			if end < n-1 && x.Low == b+1 && above < 0 {
				above = i
			}
		}
		switch {
		case below < 0 && above < 0:
			// Unreachable: the bands are non-empty and on the scale, so
			// some answer is in one.
		case below < 0:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: answers %d..%d at the bottom of the scale %s are in no band (the lowest band is the %s band %s)",
				a, b, scale, names[above], bands[above]))
		case above < 0:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: answers %d..%d at the top of the scale %s are in no band (the highest band is the %s band %s)",
				a, b, scale, names[below], bands[below]))
		default:
			errs = append(errs, NewError(ErrInvalidBands, nil,
				"outcome: answers %d..%d between the %s band %s and the %s band %s are in no band",
				a, b, names[below], bands[below], names[above], bands[above]))
		}
		o = end
	}
	return errs
}

// MustNPSBands is like [NewNPSBands] but panics if the bands are invalid. It
// is meant for bands written as literals in programs and tests.
func MustNPSBands(scale Scale, detractors, passives, promoters Band) NPSBands {
	b, err := NewNPSBands(scale, detractors, passives, promoters)
	if err != nil {
		panic(err)
	}
	return b
}

// The bounds of the bands; uint8 arithmetic undoes the offsets modulo 256.
func (b NPSBands) lo() int     { return int(b.min) }
func (b NPSBands) hi() int     { return int(b.min) + int(b.top+stdNPSMax) }
func (b NPSBands) passLo() int { return int(b.min) + int(b.passives+stdNPSPassives) }
func (b NPSBands) promLo() int { return int(b.min) + int(b.promoters+stdNPSPromoters) }

// Scale returns the answer scale the bands split.
func (b NPSBands) Scale() Scale { return Scale{min: b.lo(), max: b.hi()} }

// Detractors returns the band of answers that make a detractor.
func (b NPSBands) Detractors() Band { return Band{b.lo(), b.passLo() - 1} }

// Passives returns the band of answers that make a passive.
func (b NPSBands) Passives() Band { return Band{b.passLo(), b.promLo() - 1} }

// Promoters returns the band of answers that make a promoter.
func (b NPSBands) Promoters() Band { return Band{b.promLo(), b.hi()} }

// Group returns the group an answer puts a respondent in, or an error with
// code [ErrScoreOutOfRange] if score is not on the scale.
func (b NPSBands) Group(score int) (NPSGroup, error) {
	switch {
	case !b.Scale().Contains(score):
		return 0, surveyScoreError(fmt.Sprint(score), -1, b.Scale())
	case score >= b.promLo():
		return Promoter, nil
	case score >= b.passLo():
		return Passive, nil
	}
	return Detractor, nil
}

// IsZero reports whether b is the zero value, the standard bands.
func (b NPSBands) IsZero() bool { return b == NPSBands{} }

// Equal reports whether b and o split the same scale in the same way.
func (b NPSBands) Equal(o NPSBands) bool { return b == o }

// String returns the bands as "detractors 0..6, passives 7..8, promoters 9..10".
func (b NPSBands) String() string {
	return fmt.Sprintf("detractors %s, passives %s, promoters %s", b.Detractors(), b.Passives(), b.Promoters())
}

// NPSTally counts the promoters, passives and detractors among the answers to
// a Net Promoter question. Build it from answers one at a time ([NPSTally.Add]),
// from a slice ([TallyNPS]) or from counts ([NPSTallyFromCounts]), and combine
// tallies of shards of the data with [NPSTally.Merge]: merging the tallies of
// the parts gives the tally of the whole, in any order. Counts are int64, and
// a count that would overflow is an error.
//
// NPSTally is immutable: every operation returns a new value. The zero
// NPSTally is the empty tally on the standard bands ([StandardNPSBands]).
type NPSTally struct {
	bands                           NPSBands
	promoters, passives, detractors int64
}

// NewNPSTally returns the empty tally on the given bands.
func NewNPSTally(bands NPSBands) NPSTally { return NPSTally{bands: bands} }

// NPSTallyFromCounts returns the tally of the given numbers of promoters,
// passives and detractors, on the given bands: the form in which survey tools
// often export NPS results. A negative count is an error with code
// [ErrInvalidCount]; counts whose total would overflow int64, code
// [ErrOverflow].
func NPSTallyFromCounts(bands NPSBands, promoters, passives, detractors int64) (NPSTally, error) {
	counts := [3]int64{promoters, passives, detractors}
	if errs := npsCountProblems(counts, [3]bool{true, true, true}); len(errs) > 0 {
		return NPSTally{}, msg.JoinFlat(errs...)
	}
	return NPSTally{bands: bands, promoters: promoters, passives: passives, detractors: detractors}, nil
}

// npsCountProblems returns the problems of the counts of promoters, passives
// and detractors, in [NPSTallyFromCounts]'s order: each negative count, then,
// if none is, a total past int64. A count that is not known (its JSON value
// had the wrong type, already reported) is not checked and counts as 0 in
// the total.
func npsCountProblems(counts [3]int64, known [3]bool) []error {
	var errs []error
	for i, what := range [3]string{"promoter", "passive", "detractor"} {
		if known[i] && counts[i] < 0 {
			errs = append(errs, tallyNegativeError(what, counts[i]))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	var n int64
	for i, c := range counts {
		var err error
		if !known[i] {
			continue
		}
		if n, err = tallyAdd(n, c, "the NPS response count"); err != nil {
			return []error{err}
		}
	}
	return nil
}

// TallyNPS returns the tally of the answers in scores on the given bands. It
// checks every answer: one that is not on the bands' scale is an error with
// code [ErrScoreOutOfRange] that names the first such answer and its
// position, and no tally is returned (nothing is dropped or clamped).
//
// Long slices are counted by branch-free kernels rather than one answer at a
// time: an []int8 on a scale within 0..127 eight answers to a 64-bit word,
// answers of the other integer types on a scale within 0..255 by one table
// load and one add each, and []int8 and []int on other scales by packed
// table increments. TallyNPS allocates only for an error.
func TallyNPS[E Integer](bands NPSBands, scores []E) (NPSTally, error) {
	s := bands.Scale()
	lut := bands.lut()
	t := NPSTally{bands: bands}
	var c codeCounts
	if s8, ok := any(scores).([]int8); ok && len(s8) >= tallyShort && swarFits(s) {
		n, gePass, geProm, ok := kernelSWARInt8(s8, s.min, bands.passLo(), bands.promLo(), s.max)
		if !ok {
			// There is a bad answer in the prefix: find the first.
			return NPSTally{}, countSimple(s, s8[:n], 0, &lut, new(codeCounts))
		}
		t.promoters, t.passives, t.detractors = geProm, gePass-geProm, int64(n)-gePass
		// The tail, fewer than 32 answers, at positions from n.
		if err := countSimple(s, s8[n:], n, &lut, &c); err != nil {
			return NPSTally{}, err
		}
	} else if err := countCodes(s, scores, &lut, width2, &c); err != nil {
		return NPSTally{}, err
	}
	t.detractors += c[npsCodeDetractor]
	t.passives += c[npsCodePassive]
	t.promoters += c[npsCodePromoter]
	return t, nil
}

// The codes of the NPS groups in the tally kernels.
const (
	npsCodeDetractor = iota
	npsCodePassive
	npsCodePromoter
)

// lut returns the table that maps an answer's offset from the bottom of the
// scale to the code of its group, and offsets past the top to poison.
func (b NPSBands) lut() codeLUT {
	var l codeLUT
	pass, prom, span := b.passLo()-b.lo(), b.promLo()-b.lo(), b.hi()-b.lo()
	for o := range l {
		switch {
		case o > span:
			l[o] = width2.poison()
		case o >= prom:
			l[o] = npsCodePromoter
		case o >= pass:
			l[o] = npsCodePassive
		default:
			l[o] = npsCodeDetractor
		}
	}
	return l
}

// Add returns the tally with one more answer. An answer that is not on the
// scale is an error with code [ErrScoreOutOfRange]; a tally already holding
// the largest int64 number of responses, code [ErrOverflow].
func (t NPSTally) Add(score int) (NPSTally, error) {
	g, err := t.bands.Group(score)
	if err != nil {
		return NPSTally{}, err
	}
	if _, err := tallyAdd(t.Responses(), 1, "the NPS response count"); err != nil {
		return NPSTally{}, err
	}
	switch g {
	case Promoter:
		t.promoters++
	case Passive:
		t.passives++
	default:
		t.detractors++
	}
	return t, nil
}

// Merge returns the tally of the answers of t and o together. Tallies on
// different bands cannot be merged (code [ErrScaleMismatch]); a count that
// would overflow int64 is an error with code [ErrOverflow]. Merge is
// associative and commutative, and the empty tally is its identity.
func (t NPSTally) Merge(o NPSTally) (NPSTally, error) {
	if t.bands != o.bands {
		return NPSTally{}, NewError(ErrScaleMismatch, nil,
			"outcome: cannot merge NPS tallies on different bands (%s and %s)", t.bands, o.bands)
	}
	// Every count is at most its tally's total, so if the totals add up
	// without overflow, so does each count.
	if _, err := tallyAdd(t.Responses(), o.Responses(), "the NPS response count"); err != nil {
		return NPSTally{}, err
	}
	return NPSTally{
		bands:      t.bands,
		promoters:  t.promoters + o.promoters,
		passives:   t.passives + o.passives,
		detractors: t.detractors + o.detractors,
	}, nil
}

// Bands returns the bands the tally counts by.
func (t NPSTally) Bands() NPSBands { return t.bands }

// Promoters returns the number of promoters.
func (t NPSTally) Promoters() int64 { return t.promoters }

// Passives returns the number of passives.
func (t NPSTally) Passives() int64 { return t.passives }

// Detractors returns the number of detractors.
func (t NPSTally) Detractors() int64 { return t.detractors }

// Responses returns the number of responses: promoters + passives +
// detractors. (A tally never holds more than the largest int64.)
func (t NPSTally) Responses() int64 { return t.promoters + t.passives + t.detractors }

// IsZero reports whether t is the zero value: empty, on the standard bands.
func (t NPSTally) IsZero() bool { return t == NPSTally{} }

// Equal reports whether t and o have the same bands and the same counts.
func (t NPSTally) Equal(o NPSTally) bool { return t == o }

// String returns the counts, e.g. "NPS tally: 50 promoters, 30 passives, 20 detractors (100 responses)".
func (t NPSTally) String() string {
	return fmt.Sprintf("NPS tally: %d promoters, %d passives, %d detractors (%d responses)",
		t.promoters, t.passives, t.detractors, t.Responses())
}

// Fraction returns the Net Promoter Score as an exact fraction in lowest
// terms, on the -100..100 scale:
//
//	NPS = 100 * (promoters - detractors) / responses
//
// (Reichheld 2003: the percentage of promoters minus the percentage of
// detractors). An empty tally is an error with code [ErrNoData].
func (t NPSTally) Fraction() (*big.Rat, error) {
	n := t.Responses()
	if n == 0 {
		return nil, surveyNoResponsesError("the Net Promoter Score")
	}
	num := new(big.Int).Sub(big.NewInt(t.promoters), big.NewInt(t.detractors))
	num.Mul(num, big.NewInt(100))
	return new(big.Rat).SetFrac(num, big.NewInt(n)), nil
}

// Score returns the Net Promoter Score, 100 * (promoters - detractors) /
// responses on the -100..100 scale, rounded to places decimal places by the
// given rounding mode, as [Proportion.Rate] rounds: the exact quotient is
// rounded once (never an approximation of it), and the result has exponent
// -places. 100 * (3 - 2) / 8 = 12.5 is 13 at 0 places by [RoundHalfUp] and
// 12 by [RoundHalfEven]. places may be from -[MaxPlaces] to MaxPlaces.
//
// An invalid rounding is an error with code [ErrUnknownRounding]; places out
// of range, code [ErrInvalidPlaces]; an empty tally, code [ErrNoData]. Every
// one that applies is reported, one as its *[Error] itself, several joined
// with [errors.Join] in that order: the arguments first.
func (t NPSTally) Score(places int32, rounding Rounding) (decimal.Decimal, error) {
	n := t.Responses()
	if err := checkRounding(places, rounding); err != nil || n == 0 {
		var empty error
		if n == 0 {
			empty = surveyNoResponsesError("the Net Promoter Score")
		}
		return decimal.Decimal{}, msg.JoinFlat(err, empty)
	}
	// promoters and detractors are non-negative, so their difference
	// cannot overflow.
	return rounding.ratio(t.promoters-t.detractors, n, 2, places), nil
}

// stats returns the variance of one response ([npsVariance]) and the
// response count n, as float64, for the statistics.
func (t NPSTally) stats() (variance, n float64) {
	n = float64(t.Responses())
	prom, det := float64(t.promoters), float64(t.detractors)
	// The responses that are not promoters, and not detractors, in int64:
	// each sum is at most the total.
	notProm, notDet := float64(t.passives+t.detractors), float64(t.promoters+t.passives)
	return npsVariance(prom, notProm, det, notDet, n), n
}

// net returns promoters - detractors, which cannot overflow: both are
// non-negative.
func (t NPSTally) net() int64 { return t.promoters - t.detractors }

// estimate returns the Net Promoter Score, 100 * (promoters - detractors) /
// responses, as the float64 nearest the exact quotient, for the statistics:
// the difference of the float64 shares of promoters and detractors would
// be rounded three times, and cancel (50% and 50% - 2^-55 differ by 0 or
// 2^-54 as float64s).
func (t NPSTally) estimate() float64 { return hundredths(t.net(), uint64(t.Responses())) }

// hundredths returns 100 * num / den for den > 0, the float64 nearest the
// exact quotient (rounded once). When 100 * |num| and den convert to float64
// exactly (at most 53 significant bits), as they do for counts below 2^46 or
// so, one float64 division is that rounding and nothing is allocated;
// otherwise the quotient is rounded from a big.Rat.
func hundredths(num int64, den uint64) float64 {
	m := uint64(num)
	if num < 0 {
		m = -m
	}
	if m <= math.MaxUint64/100 && exactFloat(100*m) && exactFloat(den) {
		// Rounding is symmetric about 0, so the sign may come after.
		q := float64(100*m) / float64(den)
		if num < 0 {
			q = -q
		}
		return q
	}
	r := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(num), big.NewInt(100)), new(big.Int).SetUint64(den))
	q, _ := r.Float64()
	return q
}

// exactFloat reports whether x converts to float64 exactly: it has at most
// 53 significant bits.
func exactFloat(x uint64) bool {
	return x == 0 || bits.Len64(x)-bits.TrailingZeros64(x) <= 53
}

// npsVariance returns the variance of one response scored +1 (promoter), 0
// (passive) or -1 (detractor), p + d - (p - d)², from prom promoters and det
// detractors among n responses, of which notProm are not promoters and
// notDet not detractors. It is computed as the sum of non-negative terms
// p(1-p) + d(1-d) + 2pd, which is equal and never negative in floating
// point, with 1 - p = notProm/n and 1 - d = notDet/n taken from the counts:
// 1 - p from a float64 p would lose a lone passive or detractor among more
// than 2^53 responses.
func npsVariance(prom, notProm, det, notDet, n float64) float64 {
	p, d := prom/n, det/n
	return p*(notProm/n) + d*(notDet/n) + 2*p*d
}

// Variance returns the variance of a single response scored +1 for a
// promoter, 0 for a passive and -1 for a detractor (the NPS, as a fraction,
// is the mean of these scores):
//
//	variance = p + d - (p - d)²
//
// with p and d the promoter and detractor shares (the variance of a
// trinomial score; Rocks 2016, "Interval Estimation for the 'Net Promoter
// Score'", The American Statistician). It is computed from the counts as
// p(1-p) + d(1-d) + 2pd, a sum of non-negative terms, with 1 - p and 1 - d
// the shares of the responses that are not promoters and not detractors, so
// that it is 0 only when every response is in one group, however many the
// responses; the standard errors, intervals and tests of the tally use it.
// It is on the -1..+1 scale of a response, not in NPS points. An empty tally
// is an error with code [ErrNoData].
func (t NPSTally) Variance() (float64, error) {
	if t.Responses() == 0 {
		return 0, surveyNoResponsesError("the variance of the NPS")
	}
	v, _ := t.stats()
	return v, nil
}

// StandardError returns the standard error of the Net Promoter Score, in NPS
// points:
//
//	SE = 100 * sqrt(variance / n)
//
// with the variance of [NPSTally.Variance] and n responses (Rocks 2016). It
// needs at least two responses (code [ErrTooFewResponses]; an empty tally,
// [ErrNoData]).
func (t NPSTally) StandardError() (float64, error) {
	if err := t.needTwo("the standard error of the NPS"); err != nil {
		return 0, err
	}
	v, n := t.stats()
	return 100 * math.Sqrt(v/n), nil
}

// needTwoOf returns an error unless t, the tally which ("first" or
// "second") of [NPSTally.TestDifference], has at least two responses: the
// problem names the tally, as both may have it.
func (t NPSTally) needTwoOf(which string) error {
	switch t.Responses() {
	case 0:
		return NewError(ErrNoData, nil, "outcome: a test of the NPS difference: the %s tally has no responses", which)
	case 1:
		return NewError(ErrTooFewResponses, nil,
			"outcome: a test of the NPS difference: the %s tally has one response, and each needs at least two", which)
	}
	return nil
}

// needTwo returns an error unless t has at least two responses, for what.
func (t NPSTally) needTwo(what string) error {
	switch t.Responses() {
	case 0:
		return surveyNoResponsesError(what)
	case 1:
		return surveyOneResponseError(what)
	}
	return nil
}

// WaldInterval returns the Wald confidence interval of the Net Promoter
// Score at the given confidence level (0.95 for 95%), in NPS points:
//
//	NPS ± z * SE,  SE = 100 * sqrt((p + d - (p - d)²) / n)
//
// with z the two-sided critical value of the standard normal distribution
// (Rocks 2016). The NPS, the interval's Estimate, is 100 * (promoters -
// detractors) / n worked from the counts and rounded once, as it is in
// [NPSTally.AdjustedWaldInterval], so that it keeps a lone response among
// more than 2^53. It is the textbook interval; it is too narrow for small
// samples and collapses to a point when every answer is in one group. Prefer
// [NPSTally.AdjustedWaldInterval]. The interval's Method is [IntervalWald].
//
// A confidence level that is NaN, infinite, outside (0, 1) or below 2^-1022
// (subnormal) is an error with code [ErrInvalidConfidence]; fewer than two responses,
// [ErrTooFewResponses] (or [ErrNoData]); both are reported, joined with
// [errors.Join] in that order.
func (t NPSTally) WaldInterval(confidence float64) (Interval, error) {
	z, err := criticalValue(confidence)
	if err != nil || t.Responses() < 2 {
		return Interval{}, msg.JoinFlat(err, t.needTwo("a confidence interval of the NPS"))
	}
	v, n := t.stats()
	nps := t.estimate()
	half := z * 100 * math.Sqrt(v/n)
	return Interval{Estimate: nps, Low: nps - half, High: nps + half, Confidence: confidence, Method: IntervalWald}, nil
}

// AdjustedWaldInterval returns the adjusted-Wald confidence interval of the
// Net Promoter Score at the given confidence level, in NPS points. It adds
// 3/4 of a response to the promoters and 3/4 to the detractors, and 3 to the
// number of responses (so 3/2 to the passives), and computes the Wald
// interval of the adjusted shares:
//
//	n' = n + 3,  p' = (promoters + 3/4) / n',  d' = (detractors + 3/4) / n'
//	(p' - d') * 100 ± z * 100 * sqrt((p' + d' - (p' - d')²) / n')
//
// Rocks (2016) compared six interval methods for the NPS on trinomial and
// real survey data and found the adjusted-Wald interval the best performer;
// Lewis and Sauro give the adjustment in this form (add 3 to n and 3/4 to
// the promoters and to the detractors) and confirm the finding on real NPS
// data at MeasuringU ("Evaluating NPS Confidence Intervals with Real-World
// Data", 2021, and "Confidence Intervals for Net Promoter Scores").
// Estimate is the unadjusted NPS, so it need not be the interval's midpoint.
// The interval's Method is [IntervalAdjustedWald].
//
// The adjusted centre, 100 * (promoters - detractors) / (n + 3), lies
// between the NPS and 0, so when nearly every answer is in one group and the
// confidence level is low the interval around it can miss the NPS itself.
// When every answer is a promoter (or every one a detractor) the adjusted
// variance is 4.5(n + 1)/(n + 3)², and the interval reaches the NPS exactly
// when z >= 3 / sqrt(4.5(n + 1)/(n + 3)): it misses below 93.2% confidence
// at n = 2, 89.8% at n = 5, 87.6% at n = 10 and 84.7% at n = 100, a level
// that falls towards erf(1) = 84.3% as n grows. An interval that misses is
// widened to reach the NPS, as [Proportion.Interval] widens its intervals,
// so that Low <= Estimate <= High always holds.
//
// The errors are those of [NPSTally.WaldInterval].
func (t NPSTally) AdjustedWaldInterval(confidence float64) (Interval, error) {
	z, err := criticalValue(confidence)
	if err != nil || t.Responses() < 2 {
		return Interval{}, msg.JoinFlat(err, t.needTwo("a confidence interval of the NPS"))
	}
	_, n := t.stats()
	na := n + 3
	prom, det := float64(t.promoters)+0.75, float64(t.detractors)+0.75
	// Not promoters and not detractors, n' - (promoters + 3/4) and
	// n' - (detractors + 3/4), from the counts as for the variance.
	notProm := float64(t.passives+t.detractors) + 2.25
	notDet := float64(t.promoters+t.passives) + 2.25
	// The centre, 100(P + 3/4 - (D + 3/4))/(n + 3) = 100(P - D)/(n + 3),
	// rounded once from the counts, as the estimate is.
	centre := hundredths(t.net(), uint64(t.Responses())+3)
	half := z * 100 * math.Sqrt(npsVariance(prom, notProm, det, notDet, na)/na)
	nps := t.estimate()
	return Interval{Estimate: nps, Low: min(centre-half, nps), High: max(centre+half, nps),
		Confidence: confidence, Method: IntervalAdjustedWald}, nil
}

// TestAgainst tests whether the Net Promoter Score differs from value, a
// benchmark or target in NPS points (-100..100), by the one-sample Wald
// z-test (Rocks 2016):
//
//	z = (NPS - value) / SE,  SE = 100 * sqrt((p + d - (p - d)²) / n)
//	P = P(|Z| >= |z|) for a standard normal Z
//
// The result's Difference is NPS - value, (100 * (promoters - detractors) -
// value * n) / n worked exactly from the counts and value (the rational a
// float64 is) and rounded once, so that an NPS within 2^-53 of value still
// differs from it; its Interval is the Wald interval of that difference at
// the given confidence level.
//
// A value that is NaN, infinite or outside -100..100 is an error with code
// [ErrInvalidThreshold]; a tally whose answers all fall in one group has no
// variance to test with (code [ErrZeroVariance]); the other errors are those
// of [NPSTally.WaldInterval]. Every problem is reported, one as its *[Error]
// itself, several joined with [errors.Join] in this order: the value's, the
// confidence's, then the tally's, fewer than two responses or, with two or
// more, no variance.
func (t NPSTally) TestAgainst(value, confidence float64) (ScoreTest, error) {
	var verr error
	if math.IsNaN(value) || math.IsInf(value, 0) || value < -100 || value > 100 {
		verr = NewError(ErrInvalidThreshold, nil,
			"outcome: NPS benchmark %g is not a number in -100..100", value)
	}
	z, cerr := criticalValue(confidence)
	terr := t.needTwo("a test of the NPS")
	var se float64
	if terr == nil {
		v, n := t.stats()
		if se = 100 * math.Sqrt(v/n); se == 0 {
			terr = NewError(ErrZeroVariance, nil,
				"outcome: every one of the %d responses is a %s, so the NPS has no variance to test with", t.Responses(), t.onlyGroup())
		}
	}
	if verr != nil || cerr != nil || terr != nil {
		return ScoreTest{}, msg.JoinFlat(verr, cerr, terr)
	}
	return surveyZTest(npsMinus(t.net(), t.Responses(), value), se, z, confidence), nil
}

// npsMinus returns 100 * net / n - value, the NPS of a tally with net =
// promoters - detractors and n > 0 responses less a finite value in
// -100..100, as the float64 nearest the exact difference: (100·net -
// value·n)/n, with value the exact rational a float64 is. Rounding the NPS
// first and then the difference lost the difference past 2^53 responses
// (2^55 - 1 promoters and one passive against 100 gave 0). When n <= 2^53
// and 100·net - value·n is exact in float64, as it is for a value with few
// bits (an integer, 32.5) and a few million responses, it is computed so,
// with nothing allocated, and divided once; otherwise in big.Rat.
func npsMinus(net, n int64, value float64) float64 {
	// With n <= 2^53, float64(n) is exact and |100·net| <= 100·2^53 fits.
	if n <= 1<<53 && exactFloat(uint64(100*max(net, -net))) {
		fn, fh := float64(n), float64(100*net)
		w := value * fn
		if math.FMA(value, fn, -w) == 0 { // w is value·n exactly
			diff := fh - w
			// Knuth's TwoSum: the rounding error of fh - w, exactly.
			back := diff - fh
			if (fh-(diff-back))+(-w-back) == 0 {
				return diff / fn
			}
		}
	}
	bn := new(big.Rat).SetInt64(n)
	hundred := new(big.Rat).SetInt(new(big.Int).Mul(big.NewInt(net), big.NewInt(100)))
	r := new(big.Rat).SetFloat64(value) // finite, so exact
	r.Sub(hundred, r.Mul(r, bn))
	q, _ := r.Quo(r, bn).Float64()
	return q
}

// onlyGroup names the group of a tally whose answers all fall in one group.
func (t NPSTally) onlyGroup() NPSGroup {
	switch {
	case t.promoters > 0:
		return Promoter
	case t.passives > 0:
		return Passive
	}
	return Detractor
}

// TestDifference tests whether the Net Promoter Scores of t and o differ, by
// the two-sample Wald z-test for independent samples (Rocks 2016): with the
// variances v and sizes n of the two samples,
//
//	Difference = NPS(o) - NPS(t)
//	SE = 100 * sqrt(v(t)/n(t) + v(o)/n(o))
//	z = Difference / SE,  P = P(|Z| >= |z|)
//
// and the Wald interval Difference ± z* SE at the given confidence level.
// Use it to ask whether NPS really moved from one quarter (t) to the next
// (o), or differs between two channels. The Difference is 100((P₂ - D₂)n₁ -
// (P₁ - D₁)n₂)/(n₁n₂), with P, D and n the promoters, detractors and
// responses of t (1) and o (2), worked in integers and rounded once, so that
// scores closer than a float64 can tell apart (past 2^53 responses) still
// give their difference.
//
// Tallies on different bands cannot be compared (code [ErrScaleMismatch]);
// two tallies with no variance at all, code [ErrZeroVariance]; each tally
// needs at least two responses, and a problem of its responses names it, the
// first (t) or the second (o), as both may have one; the other errors are
// those of [NPSTally.WaldInterval]. Every problem is reported, one as its *[Error]
// itself, several joined with [errors.Join] in this order: the bands', the
// confidence's, t's and o's responses, then, for tallies on the same bands
// with two responses each, no variance.
func (t NPSTally) TestDifference(o NPSTally, confidence float64) (ScoreTest, error) {
	var berr error
	if t.bands != o.bands {
		berr = NewError(ErrScaleMismatch, nil,
			"outcome: cannot compare NPS tallies on different bands (%s and %s)", t.bands, o.bands)
	}
	z, cerr := criticalValue(confidence)
	terr, oerr := t.needTwoOf("first"), o.needTwoOf("second")
	var se float64
	var verr error
	if berr == nil && terr == nil && oerr == nil {
		v1, n1 := t.stats()
		v2, n2 := o.stats()
		if se = 100 * math.Sqrt(v1/n1+v2/n2); se == 0 {
			verr = NewError(ErrZeroVariance, nil,
				"outcome: in both tallies every response is in one group, so the difference has no variance to test with")
		}
	}
	if berr != nil || cerr != nil || terr != nil || oerr != nil || verr != nil {
		return ScoreTest{}, msg.JoinFlat(berr, cerr, terr, oerr, verr)
	}
	return surveyZTest(npsDifference(t, o), se, z, confidence), nil
}

// npsDifference returns NPS(o) - NPS(t), 100((P₂ - D₂)n₁ - (P₁ - D₁)n₂)/(n₁n₂)
// with P, D and n the promoters, detractors and responses of t (1) and o
// (2), as the float64 nearest the exact difference: each NPS rounded first
// lost the difference past 2^53 responses. Neither tally is empty. When
// n₁n₂ < 2^61 the numerator, at most 2n₁n₂, is exact in int64 and
// [hundredths] divides it; otherwise it is worked in big.Int.
func npsDifference(t, o NPSTally) float64 {
	n1, n2 := t.Responses(), o.Responses()
	if hi, den := bits.Mul64(uint64(n1), uint64(n2)); hi == 0 && den < 1<<61 {
		return hundredths(o.net()*n1-t.net()*n2, den)
	}
	num := new(big.Int).Mul(big.NewInt(o.net()), big.NewInt(n1))
	num.Sub(num, new(big.Int).Mul(big.NewInt(t.net()), big.NewInt(n2)))
	num.Mul(num, big.NewInt(100))
	den := new(big.Int).Mul(big.NewInt(n1), big.NewInt(n2))
	q, _ := new(big.Rat).SetFrac(num, den).Float64()
	return q
}

// npsBandsJSON is the JSON form of [NPSBands].
type npsBandsJSON struct {
	Min        int  `json:"min"`
	Max        int  `json:"max"`
	Detractors Band `json:"detractors"`
	Passives   Band `json:"passives"`
	Promoters  Band `json:"promoters"`
}

// MarshalJSON implements [json.Marshaler]: the scale's bounds and the three
// bands, for the standard bands (the zero NPSBands)
//
//	{"min":0,"max":10,"detractors":{"low":0,"high":6},
//	 "passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}}
//
// (on one line). The bounds and the bands say the same thing twice, so that
// the JSON reads on its own and decoding can check one against the other.
func (b NPSBands) MarshalJSON() ([]byte, error) { return json.Marshal(b.wire()) }

// wire returns the JSON form of b.
func (b NPSBands) wire() *npsBandsJSON {
	return &npsBandsJSON{Min: b.lo(), Max: b.hi(), Detractors: b.Detractors(), Passives: b.Passives(), Promoters: b.Promoters()}
}

// npsBandsFields are the JSON names of the fields of [NPSBands]; the last
// three are the bands, in the order detractors, passives, promoters.
var npsBandsFields = []string{"min", "max", "detractors", "passives", "promoters"}

// bandFields are the JSON names of a [Band]'s fields.
var bandFields = []string{"low", "high"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form of
// [NPSBands.MarshalJSON] (an absent field is 0, or the band 0..0) and
// validates it exactly as [NewScale] and [NewNPSBands] do.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice, a value of the wrong type (a
// bound that is not an integer, a band that is not an object), null included
// (`outcome: NPS bands: "passives" must be an object, not null`), whose field
// is then not checked, and the same problems of each band's {"low","high"},
// at its key (`outcome: NPS bands "passives": "low" must be an integer, not
// null`); then the constructors' problems: the scale's, then the bands' (if
// the scale is valid, each band that read is checked for being empty and
// within the scale, and, when all three read and each is neither, their order
// and coverage; if it is not, each band that read is checked for being
// empty), leaving out a band of the wrong type or with a bound of the wrong
// type. JSON that is not one object is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole bands, with no ID:
// `outcome: NPS bands cannot be null`. On error b is left unchanged.
func (b *NPSBands) UnmarshalJSON(data []byte) error {
	return decodeObject(data, b, "NPS bands", "NPS bands", func(j *jsonForm, members []strictjson.Member) NPSBands {
		v, _ := decodeNPSBands(j, members)
		return v
	})
}

// decodeNPSBands reads the members of the JSON object of [NPSBands] into
// j, as [NPSBands.UnmarshalJSON] documents; ok reports whether the bands are
// valid.
func decodeNPSBands(j *jsonForm, members []strictjson.Member) (b NPSBands, ok bool) {
	var bands [3]Band
	known := [3]bool{true, true, true}
	sc, ok := decodeScale(j, members, npsBandsFields, func(f int, raw json.RawMessage) {
		i := f - 2
		known[i] = j.object(npsBandsFields[f], raw, func(n *jsonForm, ms []strictjson.Member) {
			var ok bool
			bands[i], ok = decodeBand(n, ms)
			known[i] = ok && known[i]
		}) && known[i]
	})
	if !ok {
		// The scale's problem is reported; the empty bands do not need it.
		j.checks = append(j.checks, npsBandProblems(Scale{}, bands, known)...)
		return NPSBands{}, false
	}
	if errs := npsBandProblems(sc, bands, known); len(errs) > 0 || known != [3]bool{true, true, true} {
		j.checks = append(j.checks, errs...)
		return NPSBands{}, false
	}
	b, err := NewNPSBands(sc, bands[0], bands[1], bands[2]) // checked above: no error
	return b, err == nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a band on its own
// exactly as [NPSBands.UnmarshalJSON] reads each of its bands:
// {"low","high"}, an absent bound being 0. A Band is plain data, checked
// where it is used ([NewNPSBands]), so a band read on its own is not
// checked against a scale, and Low above High is not refused here.
//
// It reports every problem of the JSON form, one as its *[Error] itself,
// several joined with [errors.Join], each an *[Error] with code
// [ErrInvalidJSON], in the order of the fields (low, high; as the package doc
// says): a key that names no field (`outcome: band has an unknown field
// "mid"`), a field given twice (also under keys that differ only in case:
// "Low" is "low"; the first is the one read) and a value that is not an
// integer an int holds, null included (`outcome: band: "high" must be an
// integer, not null`; 1e-400 and 1e400 are not integers). JSON that is not
// one object, and text that is not valid UTF-8, is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole band, with no ID:
// `outcome: a band cannot be null`. On error b is unchanged. [Band.Equal]
// compares what it reads with what encoding/json wrote.
func (b *Band) UnmarshalJSON(data []byte) error {
	return decodeObject(data, b, "band", "a band", func(j *jsonForm, members []strictjson.Member) Band {
		v, _ := decodeBand(j, members)
		return v
	})
}

// decodeBand reads the members of a band's JSON object into j, as
// [Band.UnmarshalJSON] documents; ok reports whether both bounds (those
// given) were integers.
func decodeBand(j *jsonForm, members []strictjson.Member) (b Band, ok bool) {
	ok = true
	j.each(members, bandFields, func(f int, raw json.RawMessage) {
		v := &b.Low
		if f == 1 {
			v = &b.High
		}
		ok = jsonInt(j, bandFields[f], raw, v) && ok
	})
	return b, ok
}

// npsTallyJSON is the JSON form of an [NPSTally].
type npsTallyJSON struct {
	Bands      *npsBandsJSON `json:"bands"`
	Promoters  int64         `json:"promoters"`
	Passives   int64         `json:"passives"`
	Detractors int64         `json:"detractors"`
}

// MarshalJSON implements [json.Marshaler]: the bands (as
// [NPSBands.MarshalJSON]) and the three counts,
// {"bands":{...},"promoters":50,"passives":30,"detractors":20}: the form in
// which a BI tool stores a tally and ships it between machines, to merge it
// there.
func (t NPSTally) MarshalJSON() ([]byte, error) {
	return json.Marshal(npsTallyJSON{Bands: t.bands.wire(), Promoters: t.promoters, Passives: t.passives, Detractors: t.detractors})
}

// npsTallyFields are the JSON names of the fields of an [NPSTally]; the last
// three are the counts, in the order of [NPSTallyFromCounts].
var npsTallyFields = []string{"bands", "promoters", "passives", "detractors"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form of
// [NPSTally.MarshalJSON]; an absent "bands" is the standard bands (the
// zero [NPSBands]) and an absent count is 0. It validates the bands as
// [NPSBands.UnmarshalJSON] does and the counts exactly as
// [NPSTallyFromCounts] does.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice, a value of the wrong type (a
// count that is not an integer within int64, bands that are not an object),
// null included (`outcome: NPS tally: "promoters" must be an integer, not
// null`, `"bands" must be an object, not null`), whose field is then not
// checked, and those of the bands' own JSON, at its key; then the problems of
// the bands, and then those of the counts, which are checked whether or not
// the bands are valid. JSON that is not one object is a single problem with
// code ErrInvalidJSON, and so is JSON null for the whole tally, with no ID:
// `outcome: an NPS tally cannot be null`. On error t is left unchanged.
func (t *NPSTally) UnmarshalJSON(data []byte) error {
	return decodeObject(data, t, "NPS tally", "an NPS tally", decodeNPSTally)
}

// decodeNPSTally reads the members of the JSON object of an [NPSTally]
// into j, as [NPSTally.UnmarshalJSON] documents.
func decodeNPSTally(j *jsonForm, members []strictjson.Member) NPSTally {
	var bands NPSBands
	var counts [3]int64
	known := [3]bool{true, true, true}
	j.each(members, npsTallyFields, func(f int, raw json.RawMessage) {
		if f == 0 {
			j.object(npsTallyFields[f], raw, func(n *jsonForm, ms []strictjson.Member) {
				bands, _ = decodeNPSBands(n, ms)
			})
			return
		}
		known[f-1] = jsonInt(j, npsTallyFields[f], raw, &counts[f-1])
	})
	j.checks = append(j.checks, npsCountProblems(counts, known)...)
	return NPSTally{bands: bands, promoters: counts[0], passives: counts[1], detractors: counts[2]}
}
