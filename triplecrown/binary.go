package triplecrown

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sync"

	"github.com/cxmodel/cx/internal/binenc"
	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// This file holds the compact binary forms of the package's values that an
// engine ships between workers: [Money], the mergeable [MoneySum], a
// [Scorecard] and a [Rollup], and [Rollup.Merge], which combines roll-ups
// computed apart.
//
// Every form starts with one format byte that names the type and the version
// of its form (0x20 and up; package outcome's forms use 0x10 and up); a
// later version of a form gets a new byte, and decoders keep reading the old
// ones. An amount is written exactly, never through a float: its exponent
// as a zig-zag varint, then its coefficient's sign and length as an unsigned
// varint and the coefficient's magnitude in big-endian bytes, so 1234.50 is
// 03 06 01 E2 3A: five bytes, and 1.5 and 1.50 stay apart. A currency is
// its three letters. Each value has exactly one form: decoding refuses
// anything the encoder would not write, so that decoded bytes re-encode to
// the same bytes. Bytes that are no form at all are an error with code
// [outcome.ErrInvalidBinary]. A decimal beyond the bounds of its field is
// an error with code [ErrInvalidAmount]; one whose coefficient's magnitude
// takes more bytes than any within the bounds can (17 for an amount of
// [MaxDigits] digits, 34 for a service total of twice as many) is refused
// from its length, before its bytes are read, so that refusing a hostile one
// costs nothing however long it is.

// The most bytes the magnitude of a coefficient within amountBounds, and
// within the bounds of a service total, takes: that of 10^40 - 1 (2^133 >
// 10^40 > 2^132, so 133 bits: 17 bytes) and of 10^80 - 1 (2^266 > 10^80 >
// 2^265: 34 bytes).
var (
	amountBytes = coefficientBytes(amountBounds.digits)
	totalBytes  = coefficientBytes(max(valueTotalBounds.digits, meanTotalBounds.digits))
)

// coefficientBytes returns the bytes the magnitude of the largest
// coefficient of the given number of digits takes.
func coefficientBytes(digits int) int {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	return len(p.Sub(p, big.NewInt(1)).Bytes())
}

// The format bytes of the binary forms.
const (
	formatMoney     byte = 0x20
	formatMoneySum  byte = 0x21
	formatScorecard byte = 0x23
	formatRollup    byte = 0x24
)

// binaryError returns the *outcome.Error for a malformed binary form of
// what, wrapping cause.
func binaryError(what string, cause error) *outcome.Error {
	e := newError(outcome.ErrInvalidBinary, nil, "triplecrown: invalid binary form of a %s: %s", what, msg.Clip(cause.Error(), 200))
	e.Err = cause
	return e
}

// readFormat reads the format byte of what's form, which must be want.
func readFormat(r *binenc.Reader, what string, want byte) error {
	if r.Len() == 0 {
		return binaryError(what, errors.New("no bytes"))
	}
	if got := r.Byte(); got != want {
		return binaryError(what, fmt.Errorf("format byte 0x%02x, not 0x%02x", got, want))
	}
	return nil
}

// appendCurrency appends c's three letters.
func appendCurrency(b []byte, c Currency) []byte { return append(b, c.code[:]...) }

// readCurrency reads three bytes as a currency, validated by
// [ParseCurrency]; the error, if any, is returned and not recorded in r.
func readCurrency(r *binenc.Reader) (Currency, error) {
	b := r.Bytes(3)
	if r.Err() != nil {
		return Currency{}, nil
	}
	return ParseCurrency(string(b))
}

// readAmount reads a decimal amount, which must be within [MaxDigits] and
// ±[MaxExponent] as [ParseMoney] (and so the JSON decoders) requires and as
// every amount the package makes is; one beyond them is an error with code
// [ErrInvalidAmount] that calls it the amount, as [Money.UnmarshalJSON]
// does, returned and not recorded in r.
func readAmount(r *binenc.Reader) (decimal.Decimal, error) {
	return readBounded(r, amountBounds, amountBytes, "amount")
}

// readBounded reads a decimal within b, whose magnitude takes at most
// maxBytes bytes (as any within b does); one beyond is an error with code
// [ErrInvalidAmount], what naming it, returned and not recorded in r. A
// magnitude longer than maxBytes is refused from its length, unread.
func readBounded(r *binenc.Reader, b bounds, maxBytes int, what string) (decimal.Decimal, error) {
	d, err := r.Decimal(math.MaxInt32, maxBytes)
	switch {
	case r.Err() != nil:
		return decimal.Decimal{}, nil
	case err != nil:
		e := newError(ErrInvalidAmount, nil, "triplecrown: %s with more than %d digits is out of range (at most %d digits, exponent within ±%d): %s",
			what, b.digits, b.digits, b.exp, err)
		e.Err = err
		return decimal.Decimal{}, e
	}
	if err := b.check(d, nil, what); err != nil {
		return decimal.Decimal{}, err
	}
	return d, nil
}

// appendAmount appends m's amount, without allocating unless its coefficient
// is wider than 18 digits.
func appendAmount(b []byte, m Money) []byte {
	if m.wide {
		return binenc.AppendDecimal(b, m.amount)
	}
	return binenc.AppendDecimal128(b, uint64(m.units>>63), uint64(m.units), m.amount.Exponent())
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x20, then the currency's three letters and the amount
// exactly (see the package's forms above): 1234.50 EUR is
// 20 45 55 52 03 06 01 E2 3A, nine bytes. The zero Money is the format byte
// alone.
func (m Money) MarshalBinary() ([]byte, error) { return m.AppendBinary(make([]byte, 0, 16)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Money.MarshalBinary] to b, without allocating if b has room and the
// amount has at most 18 digits.
func (m Money) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatMoney)
	if m.cur.IsZero() {
		return b, nil
	}
	return appendAmount(appendCurrency(b, m.cur), m), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [Money.MarshalBinary] and validates it as [NewMoney] does, so it
// accepts exactly what [Money.UnmarshalJSON] accepts: a currency that is not
// three upper-case letters is an error with code [ErrUnknownCurrency], an
// amount with more than [MaxDigits] digits or an exponent beyond
// ±[MaxExponent] one with code [ErrInvalidAmount] (no Money the package
// makes is beyond them; a coefficient longer than 17 bytes, more than any
// of MaxDigits digits takes, is refused from its length, unread). Bytes
// that are not the form are an error with code [outcome.ErrInvalidBinary].
// On error m is unchanged.
func (m *Money) UnmarshalBinary(data []byte) error {
	v, err := decodeMoney(data, "Money", formatMoney)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeMoney decodes the form of a Money, or of a [MoneySum], whose format
// byte is format: the format byte alone for the zero Money, or a currency
// and an amount.
func decodeMoney(data []byte, what string, format byte) (Money, error) {
	r := binenc.NewReader(data)
	if err := readFormat(r, what, format); err != nil {
		return Money{}, err
	}
	if r.Len() == 0 {
		return Money{}, nil
	}
	c, cerr := readCurrency(r)
	d, derr := readAmount(r)
	if err := r.Done(); err != nil {
		return Money{}, joinAll([]error{cerr, derr, binaryError(what, err)})
	}
	if cerr != nil || derr != nil {
		return Money{}, msg.Join(cerr, derr)
	}
	return makeMoney(d, c), nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x21, then, unless the sum is empty, the currency's three
// letters and the total exactly, as [Money.MarshalBinary] writes them: a
// sum of 1234.50 EUR is 21 45 55 52 03 06 01 E2 3A, and the empty sum is 21.
func (s MoneySum) MarshalBinary() ([]byte, error) { return s.AppendBinary(make([]byte, 0, 24)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [MoneySum.MarshalBinary] to b, without allocating if b has room and the
// sum fits in 128 bits.
func (s MoneySum) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatMoneySum)
	if s.cur.IsZero() {
		return b, nil
	}
	b = appendCurrency(b, s.cur)
	if s.wide {
		return binenc.AppendDecimal(b, s.big), nil
	}
	return binenc.AppendDecimal128(b, s.acc.hi, s.acc.lo, s.acc.exp), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [MoneySum.MarshalBinary], validating the currency and the total as
// [Money.UnmarshalBinary] does; bytes that are not the form are an error
// with code [outcome.ErrInvalidBinary]. The decoded sum adds on exactly as
// the encoded one would have. On error s is unchanged.
func (s *MoneySum) UnmarshalBinary(data []byte) error {
	m, err := decodeMoney(data, "MoneySum", formatMoneySum)
	if err != nil {
		return err
	}
	var out MoneySum
	if !m.cur.IsZero() {
		out.cur = m.cur
		out.acc, out.wide = fixedOf(m.amount)
		if out.wide {
			out.big = m.amount
		}
	}
	*s = out
	return nil
}

// fixedOf returns d in a fixed-point accumulator, and true (wide) if its
// coefficient does not fit in a signed 128-bit integer.
func fixedOf(d decimal.Decimal) (fixed, bool) {
	if d.NumDigits() <= maxCompactDigits {
		c := d.CoefficientInt64()
		return fixed{hi: uint64(c >> 63), lo: uint64(c), exp: d.Exponent(), started: true}, false
	}
	c := d.Coefficient()
	if c.BitLen() > 127 {
		return fixed{}, true
	}
	var mag [16]byte
	c.FillBytes(mag[:]) // the absolute value, big-endian
	var hi, lo uint64
	for i := range 8 {
		hi = hi<<8 | uint64(mag[i])
		lo = lo<<8 | uint64(mag[8+i])
	}
	if c.Sign() < 0 {
		hi, lo = neg128(hi, lo)
	}
	return fixed{hi: hi, lo: lo, exp: d.Exponent(), started: true}, false
}

// appendMeasure appends a service measure: its kind, then a value's total
// and weight, a rate's successes and trials, or a mean's total, sample size
// and standard deviation (its IEEE 754 bits, exactly).
func appendMeasure(b []byte, m Measure) []byte {
	b = append(b, byte(m.kind))
	switch m.kind {
	case ValueMeasure:
		b = binenc.AppendDecimal(b, m.total)
		return binenc.AppendDecimal(b, m.weight)
	case RateMeasure:
		b = binenc.AppendUvarint(b, uint64(m.s))
		return binenc.AppendUvarint(b, uint64(m.n))
	}
	b = binenc.AppendDecimal(b, m.total)
	b = binenc.AppendUvarint(b, uint64(m.n))
	return binenc.AppendFloat64(b, m.sd)
}

// readMeasure reads a service measure and validates it as the constructors
// and the JSON decoder do: a total or a weight beyond the bounds of a
// [Measure]'s, a weight that is not positive ([ErrInvalidWeight]), a
// rate's counts ([NewRate]), a mean's sample ([NewMean]), and a value or a
// mean whose total and weight imply one larger than the largest amount
// ([ErrInvalidAmount], as the JSON decoder refuses it), each in the words
// of [Measure.UnmarshalJSON] for the same check ("service total", "service
// weight", "service value", "service mean"). The error, if any, is returned
// and not recorded in r; a kind that is no [MeasureKind], and a mean's
// standard deviation of -0 (its sign bit alone set, which the encoder never
// writes: a mean's sd of -0 is kept as 0), are recorded in r, what ("actual
// service") naming the measure in their message.
func readMeasure(r *binenc.Reader, what string) (Measure, error) {
	kind := MeasureKind(r.Byte())
	if r.Err() != nil {
		return Measure{}, nil
	}
	switch kind {
	case ValueMeasure:
		total, terr := readBounded(r, valueTotalBounds, totalBytes, "service total")
		weight, werr := readBounded(r, amountBounds, amountBytes, "service weight")
		if r.Err() != nil {
			return Measure{}, nil
		}
		errs := []error{terr}
		// A weight beyond the bounds is not written out in a message: with
		// an exponent of a billion, that would take a billion digits.
		if werr != nil {
			errs = append(errs, werr)
		} else if weight.Sign() <= 0 {
			errs = append(errs, newError(ErrInvalidWeight, nil, "triplecrown: service weight %s is not positive", decfmt.String(weight)))
		}
		if err := joinAll(errs); err != nil {
			return Measure{}, err
		}
		if err := checkImplied(total, weight, "service value"); err != nil {
			return Measure{}, err
		}
		return Measure{kind: ValueMeasure, total: total, weight: weight}, nil
	case RateMeasure:
		s, n := r.Count(), r.Count()
		if r.Err() != nil {
			return Measure{}, nil
		}
		return NewRate(s, n)
	case MeanMeasure:
		total, terr := readBounded(r, meanTotalBounds, totalBytes, "service total")
		n, sd := r.Count(), r.Float64()
		if r.Err() == nil && sd == 0 && math.Signbit(sd) {
			// -0: the encoder writes 0, the sd of every mean (meanMeasure).
			r.Fail(fmt.Errorf("%s standard deviation: %w: negative zero", what, binenc.ErrNonCanonical))
		}
		if r.Err() != nil {
			return Measure{}, nil
		}
		errs := append([]error{terr}, checkSample(sd, "", n)...)
		if err := joinAll(errs); err != nil {
			return Measure{}, err
		}
		if err := checkImplied(total, decimal.New(n, 0), "service mean"); err != nil {
			return Measure{}, err
		}
		return meanMeasure(total, sd, n), nil
	}
	r.Fail(fmt.Errorf("%s: measure kind %d", what, kind))
	return Measure{}, nil
}

// appendCard appends the fields of a scorecard after its unit: name,
// period, currency, the four amounts and the service measure.
func appendCard(b []byte, spec *ScorecardSpec) []byte {
	b = binenc.AppendString(b, spec.Name)
	b = binenc.AppendString(b, spec.Period)
	b = appendCurrency(b, spec.Cost.Baseline.cur)
	for _, m := range [...]Money{spec.Cost.Baseline, spec.Cost.Actual, spec.Revenue.Baseline, spec.Revenue.Actual} {
		b = appendAmount(b, m)
	}
	b = binenc.AppendString(b, spec.Service.Name)
	b = binenc.AppendString(b, spec.Service.Unit)
	b = append(b, byte(spec.Service.Direction))
	b = appendMeasure(b, spec.Service.Baseline)
	return appendMeasure(b, spec.Service.Actual)
}

// readCard reads what appendCard writes and validates it, for unit, as
// [NewScorecard] does, after the checks of the fields (currency, amounts,
// measures), as the JSON decoder does: every problem is reported, the
// unit's first, said through unitProblem (a scorecard's as
// [outcome.ValidateID] says it, a roll-up's as [NewRollup] does), then the
// fields' (the currency's, the baseline and actual cost's and revenue's,
// the baseline and actual service measure's), then the rest of
// NewScorecard's, but for the parts whose field failed (every amount, when
// the currency failed), which are not checked again. A field's problem is
// said as the JSON decoder says a part's ([cardParts]): with unit's ID
// first among its IDs and the unit and the part named, `triplecrown: unit
// "ops", actual revenue: amount ...`, or, with an empty unit, with no ID
// of the scorecard's, `triplecrown: a scorecard's actual revenue: ...`;
// the form's one currency is the part "currency". A malformed form is
// recorded in r.
func readCard(r *binenc.Reader, unit string, unitProblem func(error) []error) (Scorecard, []error) {
	spec := ScorecardSpec{Unit: unit, Name: r.String(false), Period: r.String(false)}
	bad := partUnit // checked below, on its own
	part := cardParts(unit)
	var errs []error
	// add records err, if not nil, as a problem of the field what names.
	add := func(what string, err error) {
		if err != nil {
			ids, where := part(what)
			errs = append(errs, within(ids, where, err)...)
		}
	}
	cur, err := readCurrency(r)
	if err != nil {
		bad |= 0xf * partMoney // no amount has a currency
	}
	add("currency", err)
	var amounts [4]decimal.Decimal
	for i, what := range moneyFields {
		amounts[i], err = readAmount(r)
		if err != nil {
			bad |= partMoney << i
		}
		add(what, err)
	}
	spec.Service.Name, spec.Service.Unit = r.String(false), r.String(false)
	spec.Service.Direction = outcome.Direction(r.Byte())
	for _, m := range [...]struct {
		v    *Measure
		what string
		part cardPart
	}{{&spec.Service.Baseline, "baseline service", partBaseline}, {&spec.Service.Actual, "actual service", partActual}} {
		*m.v, err = readMeasure(r, m.what)
		if err != nil {
			bad |= m.part
		}
		add(m.what+" measure", err)
	}
	if r.Err() != nil {
		return Scorecard{}, nil
	}
	var problems []error
	if err := outcome.ValidateID(unit); err != nil {
		problems = unitProblem(err)
	}
	problems = append(problems, errs...)
	spec.Cost = Amounts{Baseline: makeMoney(amounts[0], cur), Actual: makeMoney(amounts[1], cur)}
	spec.Revenue = Amounts{Baseline: makeMoney(amounts[2], cur), Actual: makeMoney(amounts[3], cur)}
	// NewScorecard's checks, the unit's made above, and but those of the
	// fields that failed.
	if problems = append(problems, scorecardProblems(spec, bad)...); len(problems) > 0 {
		return Scorecard{}, problems
	}
	return Scorecard{spec: spec}, nil
}

// cardUnitProblem returns the problem of a scorecard's unit that is not a
// valid ID, err, as [NewScorecard] reports it.
func cardUnitProblem(err error) []error { return []error{err} }

// rollupUnitProblem returns the problem of a roll-up's unit that is not a
// valid ID, err, as [NewRollup] reports it: `triplecrown: a roll-up, unit:
// empty id`.
func rollupUnitProblem(err error) []error { return inRollup("", "unit", err) }

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x23, then the unit, name and period (each its length and
// bytes), the currency's three letters, the baseline and actual cost and
// revenue (exponent and coefficient each, exactly), and the service
// measure: its name and unit, its direction (1 higher, 2 lower is better)
// and the baseline and actual measures, each a kind byte (1 value, 2 rate,
// 3 mean) and its numbers: a value's total and weight as decimals, a rate's
// successes and trials as unsigned varints, a mean's total as a decimal,
// its sample size as an unsigned varint and its standard deviation as the
// 8 bytes of its IEEE 754 bits, little-endian. Marshalling the zero
// Scorecard is an error with code [ErrInvalidScorecard].
func (c Scorecard) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Scorecard.MarshalBinary] to b.
func (c Scorecard) AppendBinary(b []byte) ([]byte, error) {
	if c.IsZero() {
		return b, newError(ErrInvalidScorecard, nil, "triplecrown: cannot marshal the zero Scorecard")
	}
	b = append(b, formatScorecard)
	b = binenc.AppendString(b, c.spec.Unit)
	return appendCard(b, &c.spec), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [Scorecard.MarshalBinary] and validates it as [NewScorecard]
// does, after checking each field as its constructor does ([ParseCurrency],
// [NewMoney], [NewRate], [NewMean], [NewWeightedValue]; a measure's total is
// held to the bounds of a [Measure]'s), so it accepts exactly what
// [Scorecard.UnmarshalJSON] accepts. Every problem is reported, in this
// order: the unit's, as [outcome.ValidateID] says it; then each field's,
// the currency's, the baseline and actual cost's and revenue's and the
// baseline and actual service measure's, with the code and the words of
// the same check in Scorecard.UnmarshalJSON, and, as it does, the unit's ID
// first among the IDs and the unit and the part named, `triplecrown: unit
// "ops", actual revenue: amount with 2 digits and exponent 31 is out of
// range (at most 40 digits, exponent within ±30)`, `triplecrown: unit
// "ops", actual service measure: a rate of 80 successes out of 70 trials
// is impossible` (with an empty unit, no ID of the scorecard's and
// `triplecrown: a scorecard's actual revenue: ...`); the currency, which the
// form holds once for every amount (JSON once for each), is the part
// "currency", `triplecrown: unit "ops", currency: unknown currency "eUR":
// ...`; then the rest of NewScorecard's checks, as it reports them, but
// for the parts whose field failed (every amount, when the currency
// failed), which are not checked again. Bytes that are not the form (also
// a measure kind that is none, and a standard deviation of -0, the bytes
// 00 00 00 00 00 00 00 80, which the form never holds: [NewMean] keeps an
// sd of -0 as 0, eight zero bytes) are one error with code
// [outcome.ErrInvalidBinary] and no ID. On error c is unchanged.
func (c *Scorecard) UnmarshalBinary(data []byte) error {
	const what = "Scorecard"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatScorecard); err != nil {
		return err
	}
	unit := r.String(false)
	v, errs := readCard(r, unit, cardUnitProblem)
	if err := r.Done(); err != nil {
		return binaryError(what, err)
	}
	if len(errs) > 0 {
		return joinAll(errs)
	}
	*c = v
	return nil
}

// Merge returns the roll-up of r's units and o's units together, under r's
// unit ID: the roll-up of two divisions into the enterprise, or of two
// workers' partial roll-ups of the same enterprise. Money adds exactly,
// rates pool their successes and trials, values their totals and weights,
// so that merging roll-ups gives exactly the roll-up of all their units, in
// any grouping ([NewRollup] of all the cards); means pool their sample sizes
// and totals exactly and combine their standard deviations by the same
// formula as NewRollup, in float64, so equal to it up to float rounding
// (the last bits may differ). Every merge holds its sums to the bounds, as
// NewRollup holds only the final ones, so with amounts or totals near the
// bounds the grouping can decide whether a merge is an error.
//
// The result takes r's unit ID, name and period, and its units are r's
// then o's: Merge is associative, and commutative up to these (o.Merge(r)
// lists o's units first and takes o's ID and name), so an engine that
// needs the same bytes whatever order its partial roll-ups arrive in should
// give them all the same unit ID and compare [Rollup.Units] as a set.
//
// The zero Rollup is the identity: merging it returns the other roll-up.
// Roll-ups that share a unit (which would count it twice) are an error with
// code [outcome.ErrDuplicateID]; roll-ups of different periods, currencies
// or service measures one with code [ErrPeriodMismatch],
// [ErrCurrencyMismatch] or [ErrServiceMismatch], sample sizes whose sum
// overflows one with code [ErrSampleOverflow], sums beyond the bounds of
// amounts and measures one with code [ErrInvalidAmount], and a pooled
// standard deviation beyond the largest float64 one with code
// [outcome.ErrNotFinite], and one below the smallest normal float64 one
// with code [ErrInvalidMeasure], as for [NewRollup]. Every problem is
// reported, one as the *[outcome.Error] itself, several joined with
// [errors.Join] in this order: the shared units, in o's order, then
// the period's, the currency's and the service measure's mismatch; the
// sums are held to the bounds only when there is none of these (a sum of
// roll-ups that share a unit counts it twice, and one across periods,
// currencies or measures adds what does not add up), and their problems
// then come the baseline's and actual service measure's first, then the
// money's (baseline and actual cost, baseline and actual revenue).
//
// Folding roll-ups one at a time, acc, err = acc.Merge(next), takes
// amortized time and memory in proportion to next's units at each merge,
// so in proportion to all the units for the whole fold: a roll-up that
// Merge returned shares the storage of its units with the roll-up that the
// first successful merge into it returns, which adds o's units to it. Merging into any other
// roll-up (one made by [NewRollup] or a decoder, or one that has been
// merged into before, as by a second merge into the same roll-up) copies
// r's units first, in proportion to r's and o's units. The result is the
// same either way, r is unchanged, and Merge may be called from several
// goroutines at once with the same r or o.
func (r Rollup) Merge(o Rollup) (Rollup, error) {
	switch {
	case o.IsZero():
		return r, nil
	case r.IsZero():
		return o, nil
	}
	unit := r.card.spec.Unit
	a, b := &r.card.spec, &o.card.spec
	var errs []error
	if a.Period != b.Period {
		errs = append(errs, newError(ErrPeriodMismatch, []string{b.Unit, unit}, "triplecrown: roll-up %q is for period %q, not %q like %q",
			clip(b.Unit), clip(b.Period), clip(a.Period), clip(unit)))
	}
	if ca, cb := a.Cost.Baseline.cur, b.Cost.Baseline.cur; ca != cb {
		errs = append(errs, newError(ErrCurrencyMismatch, []string{b.Unit, unit},
			"triplecrown: currency mismatch: roll-up %q is in %s but %q is in %s", clip(b.Unit), cb, clip(unit), ca))
	}
	if !a.Service.sameMeasure(b.Service) {
		errs = append(errs, newError(ErrServiceMismatch, []string{b.Unit, unit},
			"triplecrown: roll-up %q measures service as %q (%s, %s), %q as %q (%s, %s): they cannot be combined",
			clip(b.Unit), clip(b.Service.Name), b.Service.Direction, b.Service.Baseline.kind,
			clip(unit), clip(a.Service.Name), a.Service.Direction, a.Service.Baseline.kind))
	}
	var spec ScorecardSpec
	var sumErr error
	if len(errs) == 0 {
		spec, sumErr = mergeSums(a, b)
	}
	// The units last, so that they join r's list only if nothing else is
	// wrong; shared units are still reported before the other problems, and
	// a sum beyond the bounds only if there is neither.
	units, list, dups := r.mergeUnits(o.units, len(errs) == 0 && sumErr == nil, func(u string) error {
		return newError(outcome.ErrDuplicateID, []string{u, unit, b.Unit},
			"triplecrown: unit %q is in both roll-ups %q and %q", clip(u), clip(unit), clip(b.Unit))
	})
	if errs = append(dups, errs...); len(errs) > 0 {
		return Rollup{}, joinAll(errs)
	}
	if sumErr != nil {
		return Rollup{}, sumErr
	}
	return Rollup{card: Scorecard{spec: spec}, units: units, list: list, combination: r.combination}, nil
}

// mergeSums returns the scorecard of the roll-ups a and b merged, which
// have the same period, currency and service measure: a's, with their
// money and service measures added up, and every sum beyond the bounds
// reported.
func mergeSums(a, b *ScorecardSpec) (ScorecardSpec, error) {
	var errs []error
	// A merged sum is both roll-ups' problem: named together, with both IDs.
	cards := []Scorecard{{spec: *a}, {spec: *b}}
	ids := []string{a.Unit, b.Unit}
	name := fmt.Sprintf("roll-ups %q and %q together", clip(a.Unit), clip(b.Unit))
	base, err := combine(ids, name, "baseline", cards, func(s ServiceSpec) Measure { return s.Baseline })
	errs = append(errs, err)
	act, err := combine(ids, name, "actual", cards, func(s ServiceSpec) Measure { return s.Actual })
	errs = append(errs, err)
	// The currencies agree; a sum may be beyond the bounds.
	add := func(field int, x, y Money) Money {
		sum := x.amount.Add(y.amount)
		if !amountBounds.holds(sum) {
			errs = append(errs, amountBounds.check(sum, ids, fmt.Sprintf("the %s of %s", moneyFields[field], name)))
		}
		return makeMoney(sum, x.cur)
	}
	spec := *a
	spec.Cost = Amounts{Baseline: add(0, a.Cost.Baseline, b.Cost.Baseline), Actual: add(1, a.Cost.Actual, b.Cost.Actual)}
	spec.Revenue = Amounts{Baseline: add(2, a.Revenue.Baseline, b.Revenue.Baseline), Actual: add(3, a.Revenue.Actual, b.Revenue.Actual)}
	if err := joinAll(errs); err != nil {
		return ScorecardSpec{}, err
	}
	spec.Service.Baseline, spec.Service.Actual = base, act
	return spec, nil
}

// unitList is the storage of unit IDs that a roll-up made by [Rollup.Merge]
// shares with the roll-ups later merged from it, so that folding roll-ups
// one at a time, acc = acc.Merge(next), costs O(next's units) a merge, not
// O(acc's): a fold of n one-card roll-ups is O(n) in all, where copying
// acc's units and building a set of them at every merge was O(n²) (2.9 s
// and 3.2 GB for 10,000 roll-ups).
//
// The units of the roll-ups that share a list are prefixes of one
// sequence: the longest, n long, is the tip's, the roll-up the list's
// latest merge made (and its copies). A roll-up's units slice is its own:
// the elements it holds are never written again, so that reading them
// (Units, Equal, the encoders, a merge) needs no lock. A merge into r
// appends o's units in place, past the end of r's, only if r is the tip
// (len(r.units) == n, under mu): the slots past the tip's end are in no
// roll-up's slice, so writing them races with no reader, and seen, the set
// of the tip's units, is r's set, against which o's units are checked for
// duplicates in O(o's units). A merge into any other roll-up (one that has
// been merged into already, or one not made by Merge) copies r's units and
// a set of them into a new list, as every merge did before. mu guards n and
// seen, which only a merge reads: two merges into the tip from two
// goroutines take turns, and the second copies. The simpler alternatives
// do not serve: a persistent set (a hash trie) costs O(log n) a unit and
// many small allocations, and checking duplicates lazily would delay
// Merge's errors.
type unitList struct {
	mu   sync.Mutex
	n    int                 // the length of the tip's units
	seen map[string]struct{} // the tip's units
}

// mergeUnits returns the units of r's merge with a roll-up of units o, r's
// then o's, and the list they are kept in; every unit of o that r has too is
// an error, dup's. Unless there is none such and ok (nothing else is
// wrong with the merge), it returns the errors alone and leaves r's list as
// it was.
func (r Rollup) mergeUnits(o []string, ok bool, dup func(unit string) error) ([]string, *unitList, []error) {
	var errs []error
	if l := r.list; l != nil {
		l.mu.Lock()
		if len(r.units) == l.n {
			defer l.mu.Unlock()
			for _, u := range o {
				if _, in := l.seen[u]; in {
					errs = append(errs, dup(u))
				}
			}
			if len(errs) > 0 || !ok {
				return nil, nil, errs
			}
			for _, u := range o {
				l.seen[u] = struct{}{}
			}
			units := append(r.units, o...)
			l.n = len(units)
			return units, l, nil
		}
		l.mu.Unlock()
	}
	seen := make(map[string]struct{}, len(r.units)+len(o))
	for _, u := range r.units {
		seen[u] = struct{}{}
	}
	for _, u := range o {
		if _, in := seen[u]; in {
			errs = append(errs, dup(u))
		}
	}
	if len(errs) > 0 || !ok {
		return nil, nil, errs
	}
	for _, u := range o {
		seen[u] = struct{}{}
	}
	units := make([]string, 0, len(r.units)+len(o))
	units = append(append(units, r.units...), o...)
	return units, &unitList{n: len(units), seen: seen}, nil
}

// Equal reports whether r and o have the same unit, rolled-up scorecard
// ([Scorecard.Equal]), units in the same order, and combination.
func (r Rollup) Equal(o Rollup) bool {
	return r.card.Equal(o.card) && slices.Equal(r.units, o.units) && r.combination == o.combination
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x24, then the roll-up's unit, the number of units rolled up
// and each unit's ID (lengths and bytes), the combination (1 by sample
// size, 2 by weight), and the rolled-up scorecard's fields as
// [Scorecard.MarshalBinary] writes them after its unit. The zero Rollup is
// the format byte alone.
func (r Rollup) MarshalBinary() ([]byte, error) { return r.AppendBinary(nil) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Rollup.MarshalBinary] to b.
func (r Rollup) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatRollup)
	if r.IsZero() {
		return b, nil
	}
	b = binenc.AppendString(b, r.card.spec.Unit)
	b = binenc.AppendUvarint(b, uint64(len(r.units)))
	for _, u := range r.units {
		b = binenc.AppendString(b, u)
	}
	b = append(b, byte(r.combination))
	return appendCard(b, &r.card.spec), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [Rollup.MarshalBinary] and validates it as [NewRollup] and
// [NewScorecard] do: the roll-up's unit and every unit rolled up must be
// valid IDs ([outcome.ErrInvalidID], ...; the roll-up's unit is said to be
// the roll-up's as NewRollup says it, `triplecrown: a roll-up, unit: empty
// id`), with none twice
// ([outcome.ErrDuplicateID]) and at least one ([ErrEmptyRollup]); the
// combination must be the one the service measure implies (by sample size
// for rates and means, by weight for values: [ErrServiceMismatch]); and
// the scorecard is checked as [Scorecard.UnmarshalBinary] checks it, its
// fields' problems with the roll-up's unit's ID and named as
// [Rollup.UnmarshalJSON] names them, `triplecrown: unit "centre", actual
// service measure: ...`. Bytes
// that are not the form (also a combination that is none) are an error with
// code [outcome.ErrInvalidBinary]. Every problem is reported; on error r is
// unchanged.
func (r *Rollup) UnmarshalBinary(data []byte) error {
	const what = "Rollup"
	rd := binenc.NewReader(data)
	if err := readFormat(rd, what, formatRollup); err != nil {
		return err
	}
	if rd.Len() == 0 {
		*r = Rollup{}
		return nil
	}
	unit := rd.String(false)
	n := rd.Length(1)
	units := make([]string, n)
	for i := range units {
		units[i] = rd.String(false)
	}
	comb := Combination(rd.Byte())
	if rd.Err() == nil && comb != BySampleSize && comb != ByWeight {
		rd.Fail(fmt.Errorf("combination %d", comb))
	}
	card, errs := readCard(rd, unit, rollupUnitProblem)
	if err := rd.Done(); err != nil {
		return binaryError(what, err)
	}
	if errs = append(errs, rollupPartsProblems(unit, units, nil, true, comb, card, len(errs) == 0)...); len(errs) > 0 {
		return joinAll(errs)
	}
	*r = Rollup{card: card, units: units, combination: comb}
	return nil
}

// rollupPartsProblems returns what is wrong with the parts of a decoded
// roll-up for unit: no units (if they were read: unitsOK), an invalid or
// repeated unit ID (but for those null marks, nil or one for each unit,
// which the JSON decoder has reported), and, if the card and the combination are valid
// (cardOK), a combination that does not suit its service measure. The
// roll-up is named by [rollupName] and identified by [idsOf]: an empty
// unit, one that did not decode, is "a roll-up", with no ID.
func rollupPartsProblems(unit string, units []string, null []bool, unitsOK bool, comb Combination, card Scorecard, cardOK bool) []error {
	var errs []error
	name := rollupName(unit)
	if unitsOK && len(units) == 0 {
		errs = append(errs, newError(ErrEmptyRollup, idsOf(unit), "triplecrown: %s has no units rolled up", name))
	}
	seen := make(map[string]struct{}, len(units))
	for i, u := range units {
		if null != nil && null[i] {
			continue // reported as null
		}
		if err := outcome.ValidateID(u); err != nil {
			errs = append(errs, inRollup(unit, fmt.Sprintf("units[%d]", i), err)...)
			continue
		}
		if _, dup := seen[u]; dup {
			errs = append(errs, newError(outcome.ErrDuplicateID, append([]string{u}, idsOf(unit)...),
				"triplecrown: unit %q appears twice in %s", clip(u), name))
		}
		seen[u] = struct{}{}
	}
	if cardOK && (comb == BySampleSize) != card.spec.Service.Baseline.Sampled() {
		errs = append(errs, newError(ErrServiceMismatch, idsOf(unit),
			"triplecrown: %s combines a %s service measure %s", name, card.spec.Service.Baseline.kind, comb))
	}
	return errs
}
