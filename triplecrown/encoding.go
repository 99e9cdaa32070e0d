package triplecrown

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// MarshalText implements [encoding.TextMarshaler]: the code, such as "EUR".
// Marshalling the zero Currency is an error with code [ErrUnknownCurrency].
func (c Currency) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return nil, newError(ErrUnknownCurrency, nil, "triplecrown: cannot marshal the zero Currency")
	}
	return c.code[:], nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseCurrency].
func (c *Currency) UnmarshalText(text []byte) error {
	v, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// moneyJSON is Money's JSON form; the amount is a string, so that no JSON
// reader turns it into a float.
type moneyJSON struct {
	Amount   *string `json:"amount"`
	Currency *string `json:"currency"`
}

// decimalJSON is a decimal field of a JSON form as read: the text of a JSON
// string or of a JSON number, kept as text, so that a number such as 0.02
// comes to the decimal exactly, with no float64 on the way. Any other JSON
// value (true, an object) is kept as JSON, for the message that refuses it.
type decimalJSON struct {
	text  string
	other string
}

// UnmarshalJSON implements [json.Unmarshaler]; it never fails (see
// [decimalJSON.parse]).
func (d *decimalJSON) UnmarshalJSON(data []byte) error {
	switch {
	case data[0] == '"':
		// A well-formed JSON string: the decoder has checked it.
		return json.Unmarshal(data, &d.text)
	case data[0] == '-' || '0' <= data[0] && data[0] <= '9':
		d.text = string(data)
	default:
		d.other = string(data)
	}
	return nil
}

// parse returns d as a decimal within b, as [parseBounded] does; what names
// the field in the message. A JSON value that is neither a string nor a
// number is an error with code [ErrInvalidAmount].
func (d decimalJSON) parse(what string, b bounds) (decimal.Decimal, error) {
	if d.other != "" {
		return decimal.Decimal{}, newError(ErrInvalidAmount, nil,
			"triplecrown: %s is %s, not a decimal (write one as a string, \"12.50\", or as a number)", what, clip(d.other))
	}
	return parseBounded(d.text, what, b)
}

// MarshalJSON implements [json.Marshaler]: {"amount":"12.30","currency":"EUR"},
// the amount as a string with the decimal places it holds; an amount with
// a positive exponent is written as its coefficient and exponent (1.5e3,
// read as 15 times 10^2, is "15e2"; forty nines times 10^30 "9…9e30"), so
// that it decodes to the same coefficient and exponent.
// Marshalling the zero Money is an error with code [ErrUnknownCurrency].
func (m Money) MarshalJSON() ([]byte, error) {
	if m.cur.IsZero() {
		return nil, newError(ErrUnknownCurrency, nil, "triplecrown: cannot marshal money without a currency")
	}
	a, c := decimalText(m.amount, scaled(m.amount)), m.cur.String()
	return json.Marshal(moneyJSON{Amount: &a, Currency: &c})
}

// UnmarshalJSON implements [json.Unmarshaler]. Both fields are required:
// the amount as a string or as a JSON number ({"amount":12.5,...}), read
// exactly as its text, never through a float64; it validates as
// [ParseMoney] does, and reports every problem: a missing field
// ([ErrMissingMoney]), an amount that is not a decimal within the bounds
// ([ErrInvalidAmount]) and an unknown currency ([ErrUnknownCurrency]); a
// field that is null ({"amount":null}) is missing. Every problem of the
// JSON form (an unknown field, a field given twice, a currency that is not
// a string) comes first, as the package doc says; a currency that did not
// read is not also missing, and an amount that is neither a string nor a
// number is an amount's problem, [ErrInvalidAmount]. JSON null is refused,
// as everywhere in the package: null itself, as any JSON that is not an
// object, is one error with code [outcome.ErrInvalidJSON], `triplecrown:
// money cannot be null`, as [MoneySum.UnmarshalJSON] refuses it. On error m
// is unchanged.
func (m *Money) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "money", readMoney, nil, m)
}

// MarshalJSON implements [json.Marshaler]: the total, as [Money.MarshalJSON]
// writes it ({"amount":"3.50","currency":"EUR"}, with the most decimal
// places of any amount added), or {} for the empty sum, so that a running sum
// can be stored with the rest of a BI tool's state and read back with
// [MoneySum.UnmarshalJSON]. (Workers that ship sums to each other have the
// more compact [MoneySum.MarshalBinary].)
func (s MoneySum) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return []byte("{}"), nil
	}
	return s.Total().MarshalJSON()
}

// UnmarshalJSON implements [json.Unmarshaler]: an object without members,
// {}, is the empty sum, and anything else must be a [Money], validated as
// [Money.UnmarshalJSON] does, which becomes the sum's total: adding to the
// sum read back, or merging it, gives what adding to or merging the sum
// stored would have. JSON null is refused, as everywhere in the package, and
// so are members that are null ({"amount":null}), as Money refuses them
// ([ErrMissingMoney]). On error s is unchanged.
func (s *MoneySum) UnmarshalJSON(data []byte) error {
	if k := strictjson.ValueKind(data); k != "an object" {
		return newError(outcome.ErrInvalidJSON, nil, "triplecrown: a money sum is {} or money, not %s", k)
	}
	if members, err := strictjson.Members(data); err == nil && len(members) == 0 {
		*s = MoneySum{}
		return nil
	}
	var m Money
	if err := m.UnmarshalJSON(data); err != nil {
		return err
	}
	var sum MoneySum
	if err := sum.Add(m); err != nil {
		return err
	}
	*s = sum
	return nil
}

// precisionJSON is a Precision's JSON form; the mode is
// [outcome.Rounding]'s text.
type precisionJSON struct {
	Places *int32            `json:"places"`
	Mode   *outcome.Rounding `json:"mode"`
}

// MarshalJSON implements [json.Marshaler]: {"places":2,"mode":"half-even"},
// the mode as [outcome.Rounding.String] writes it. Marshalling the zero
// Precision is an error with code [outcome.ErrUnknownRounding].
func (p Precision) MarshalJSON() ([]byte, error) {
	if !p.IsValid() {
		return nil, newError(outcome.ErrUnknownRounding, nil, "triplecrown: cannot marshal a precision without a valid rounding mode")
	}
	return json.Marshal(precisionJSON{Places: &p.places, Mode: &p.mode})
}

// UnmarshalJSON implements [json.Unmarshaler]. Both fields are required:
// a missing "places" is an error with code [outcome.ErrInvalidPlaces], a
// missing "mode" one with code [outcome.ErrUnknownRounding]. The mode is
// parsed by [outcome.ParseRounding], and the precision validated as
// [NewPrecision] does. Every problem of the JSON form (an unknown field, a
// field given twice, places that are not an int32, a mode that is not a
// string) comes first, as the package doc says, then those of the values:
// the null fields, places then mode, the missing ones, places
// beyond ±[MaxPrecisionPlaces] (whenever "places" read as an int32,
// whatever the mode, as [NewPrecision] reports both), then a mode
// [outcome.ParseRounding] does not know; a field that did not read is
// neither missing nor checked. JSON null is refused, as everywhere in the package:
// null itself, as any JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: a precision cannot be null`, and
// a field that is null is an error with the code of its field, `triplecrown:
// a precision's "mode" cannot be null`, not a missing one. On error p is
// unchanged.
func (p *Precision) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a precision", readPrecision, nil, p)
}

// measureJSON is a Measure's JSON form. A value is {"value":"72"} with an
// optional "weight"; a rate {"successes":870,"trials":1000}; a mean
// {"mean":"4.5","sd":1.2,"n":300}. A value or a mean whose point value has
// no exact decimal within the bounds of an amount (a weighted roll-up) is
// written with its "total" in place of "value" or "mean": the value's total
// is value times weight, the mean's the sum of the observations.
type measureJSON struct {
	Value     *string  `json:"value,omitempty"`
	Total     *string  `json:"total,omitempty"`
	Weight    *string  `json:"weight,omitempty"`
	Successes *int64   `json:"successes,omitempty"`
	Trials    *int64   `json:"trials,omitempty"`
	Mean      *string  `json:"mean,omitempty"`
	SD        *float64 `json:"sd,omitempty"`
	N         *int64   `json:"n,omitempty"`
}

// exactQuo returns total / weight if it is a decimal within the input
// bounds.
func exactQuo(total, weight decimal.Decimal) (string, bool) {
	q, r := total.QuoRem(weight, MaxExponent)
	if !r.IsZero() {
		return "", false
	}
	s := decfmt.String(q)
	if _, err := parseDecimal(s, ""); err != nil {
		return "", false
	}
	return s, true
}

// MarshalJSON implements [json.Marshaler] (see the forms on
// [Measure.UnmarshalJSON]); a weight or a total with a positive exponent is
// written as its coefficient and exponent ("3e1"), as [Money.MarshalJSON]
// writes an amount. Marshalling the zero Measure is an error with code
// [ErrInvalidMeasure].
func (m Measure) MarshalJSON() ([]byte, error) {
	var j measureJSON
	switch m.kind {
	case ValueMeasure:
		w := decimalText(m.weight, decfmt.String(m.weight))
		if v, ok := exactQuo(m.total, m.weight); ok {
			j.Value = &v
		} else {
			t := decimalText(m.total, decfmt.String(m.total))
			j.Total = &t
		}
		if !m.weight.Equal(decimal.New(1, 0)) || j.Total != nil {
			j.Weight = &w
		}
	case RateMeasure:
		j.Successes, j.Trials = &m.s, &m.n
	case MeanMeasure:
		if v, ok := exactQuo(m.total, m.weight); ok {
			j.Mean = &v
		} else {
			t := decimalText(m.total, decfmt.String(m.total))
			j.Total = &t
		}
		j.SD, j.N = &m.sd, &m.n
	default:
		return nil, newError(ErrInvalidMeasure, nil, "triplecrown: cannot marshal the zero Measure")
	}
	return json.Marshal(j)
}

// measureIn is a Measure's JSON form as read: its decimals may be numbers
// too.
type measureIn struct {
	Value     *decimalJSON `json:"value"`
	Total     *decimalJSON `json:"total"`
	Weight    *decimalJSON `json:"weight"`
	Successes *int64       `json:"successes"`
	Trials    *int64       `json:"trials"`
	Mean      *decimalJSON `json:"mean"`
	SD        *float64     `json:"sd"`
	N         *int64       `json:"n"`
	sdText    string       // the sd as written
}

// UnmarshalJSON implements [json.Unmarshaler]. It accepts one of the forms
// {"value":"72"} (weight 1), {"value":"72","weight":"120"},
// {"total":"8640","weight":"120"}, {"successes":870,"trials":1000},
// {"mean":"4.5","sd":1.2,"n":300} and {"total":"1350","sd":1.2,"n":300},
// each decimal as a string or as a JSON number ({"value":72}), read exactly
// as its text, never through a float64. It validates as
// [NewWeightedValue], [NewRate] and [NewMean] do, a "total" within the
// bounds of a [Measure]'s total and no larger in magnitude than the largest
// amount times its weight or n, since the value or mean it implies (total /
// weight, total / n) could not be larger than an amount (an error with code
// [ErrInvalidAmount] that says it is the implied value), so it accepts exactly the measures the
// binary decoder ([Scorecard.UnmarshalBinary]) accepts, and reports every
// problem of the form it reads (a value and its weight, a mean and its
// sample); fields of two forms together, or none, are an error with code
// [ErrInvalidMeasure], and so is an "sd" that no float64 holds as written
// (1e-400, which encoding/json reads as 0, or 1e-320, a subnormal), as the
// package doc says; an "sd" of -0 ("-0", "-0.0") is 0, as [NewMean] keeps
// it. Every problem of the JSON form (an unknown field, a
// field given twice, a count that is not an integer, an "sd" that is not a
// number, a decimal that is neither a string nor a number: `"value" must
// be a decimal string or a number, not true`) comes first, as the package
// doc says; a measure with one is not checked further. JSON null is refused, as everywhere in the package:
// null itself, as any JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: a measure cannot be null`, and
// each field that is null ({"value":"72","weight":null}) one with code
// [ErrInvalidMeasure], `triplecrown: a measure's "weight" cannot be null`,
// in the order of the fields (value, total, weight, successes, trials,
// mean, sd, n), never read as absent (a weight of 1); a measure
// with one is not checked further either. On error m is unchanged.
func (m *Measure) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a measure", readMeasureJSON, nil, m)
}

func (j measureIn) measure() (Measure, error) {
	rate := j.Successes != nil || j.Trials != nil
	mean := j.Mean != nil || j.SD != nil || j.N != nil
	value := j.Value != nil || j.Weight != nil
	bad := func(format string, args ...any) (Measure, error) {
		return Measure{}, newError(ErrInvalidMeasure, nil, "triplecrown: "+format, args...)
	}
	var errs []error
	// parse parses a decimal field, recording its problem.
	parse := func(d *decimalJSON, what string, b bounds) decimal.Decimal {
		v, err := d.parse(what, b)
		if err != nil {
			errs = append(errs, err)
		}
		return v
	}
	switch {
	case rate && (mean || value || j.Total != nil) || mean && value:
		return bad("a measure mixes the fields of a value, a rate and a mean")
	case rate:
		if j.Successes == nil || j.Trials == nil {
			return bad(`a rate needs both "successes" and "trials"`)
		}
		return NewRate(*j.Successes, *j.Trials)
	case mean:
		if (j.Mean == nil) == (j.Total == nil) || j.SD == nil || j.N == nil {
			return bad(`a mean needs "sd", "n" and one of "mean" and "total"`)
		}
		var total decimal.Decimal
		if j.Mean != nil {
			total = parse(j.Mean, "service mean", amountBounds).Mul(decimal.New(*j.N, 0))
		} else {
			total = parse(j.Total, "service total", meanTotalBounds)
		}
		if errs = append(errs, checkSample(*j.SD, j.sdText, *j.N)...); len(errs) > 0 {
			return Measure{}, joinAll(errs)
		}
		if j.Total != nil {
			if err := checkImplied(total, decimal.New(*j.N, 0), "service mean"); err != nil {
				return Measure{}, err
			}
		}
		return newMeanTotal(total, *j.SD, *j.N)
	case value || j.Total != nil:
		if (j.Value == nil) == (j.Total == nil) || j.Total != nil && j.Weight == nil {
			return bad(`a value needs one of "value" and "total", and "total" needs "weight"`)
		}
		w := decimal.New(1, 0)
		if j.Weight != nil {
			if w = parse(j.Weight, "service weight", amountBounds); len(errs) == 0 {
				// The weight's own checks: the value is checked below.
				if _, err := NewWeightedValue(decimal.Decimal{}, w); err != nil {
					errs = append(errs, err)
				}
			}
		}
		var total decimal.Decimal
		if j.Value != nil {
			total = parse(j.Value, "service value", amountBounds).Mul(w)
		} else {
			total = parse(j.Total, "service total", valueTotalBounds)
		}
		if len(errs) > 0 {
			return Measure{}, joinAll(errs)
		}
		if j.Total != nil {
			if err := checkImplied(total, w, "service value"); err != nil {
				return Measure{}, err
			}
		}
		return Measure{kind: ValueMeasure, total: total, weight: w}, nil
	}
	return bad("a measure needs a value, a rate or a mean")
}

type thresholdJSON struct {
	Relative *string `json:"relative,omitempty"`
	Absolute *string `json:"absolute,omitempty"`
	Currency *string `json:"currency,omitempty"`
}

// thresholdIn is a Threshold's JSON form as read: its decimals may be
// numbers too.
type thresholdIn struct {
	Relative *decimalJSON `json:"relative"`
	Absolute *decimalJSON `json:"absolute"`
	Currency *string      `json:"currency"`
}

// MarshalJSON implements [json.Marshaler]: {"relative":"0.02"},
// {"absolute":"0.5"}, {"absolute":"10000","currency":"EUR"}, or {} for the
// zero Threshold; a value with a positive exponent is written as its
// coefficient and exponent ("5e3"), as [Money.MarshalJSON] writes an
// amount.
func (t Threshold) MarshalJSON() ([]byte, error) {
	var j thresholdJSON
	v := decimalText(t.value, decfmt.String(t.value))
	switch t.kind {
	case relative:
		j.Relative = &v
	case absolute:
		j.Absolute = &v
		if !t.cur.IsZero() {
			c := t.cur.String()
			j.Currency = &c
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler], validating as
// [NewRelativeThreshold], [NewAbsoluteThreshold] and [NewMoneyThreshold]
// do; a threshold's decimal may be a string or a JSON number
// ({"relative":0.02}), read exactly as its text, never through a float64.
// {} is the zero Threshold, and "relative" with "absolute", or a currency
// on a relative threshold, is an error with code
// [outcome.ErrInvalidThreshold]. Every problem of the JSON form (an
// unknown field, a field given twice, a currency that is not a string, a
// decimal that is neither a string nor a number: `"relative" must be a
// decimal string or a number, not true`) comes first, as the package doc says; a threshold with one is not checked
// further. JSON null is refused, as everywhere in the package: null itself,
// as any JSON that is not an object, is an error with code
// [outcome.ErrInvalidJSON], `triplecrown: a threshold cannot be null`, and
// each member that is null ({"relative":null}) one with code
// [outcome.ErrInvalidThreshold], `triplecrown: a threshold's "relative"
// cannot be null`, in the order relative, absolute, currency, never the
// zero Threshold,
// which counts any change; a threshold with one is not checked further
// either. On error t is unchanged.
func (t *Threshold) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a threshold", readThreshold, nil, t)
}

// threshold returns the threshold j is, validated as the constructors
// validate it.
func (j thresholdIn) threshold() (Threshold, error) {
	var (
		v   Threshold
		err error
	)
	switch {
	case j.Relative != nil && (j.Absolute != nil || j.Currency != nil):
		err = newError(outcome.ErrInvalidThreshold, nil, `triplecrown: a threshold is "relative" or "absolute" (with a "currency" for money), not both`)
	case j.Relative != nil:
		var d decimal.Decimal
		if d, err = j.Relative.parse("threshold", amountBounds); err == nil {
			v, err = NewRelativeThreshold(d)
		}
	case j.Absolute != nil && j.Currency != nil:
		d, derr := j.Absolute.parse("threshold", amountBounds)
		c, cerr := ParseCurrency(*j.Currency)
		if err = msg.Join(derr, cerr); err == nil {
			v, err = NewMoneyThreshold(makeMoney(d, c))
		}
	case j.Absolute != nil:
		var d decimal.Decimal
		if d, err = j.Absolute.parse("threshold", amountBounds); err == nil {
			v, err = NewAbsoluteThreshold(d)
		}
	case j.Currency != nil:
		err = newError(outcome.ErrInvalidThreshold, nil, `triplecrown: a threshold's "currency" needs an "absolute" amount`)
	}
	return v, err
}

// isNull reports whether data is JSON null, with JSON white space around it
// only.
func isNull(data []byte) bool { return string(bytes.Trim(data, " \t\r\n")) == "null" }

// The JSON forms of the specs: each spec's fields with their tags, in a
// type without a MarshalJSON, through which a spec's MarshalJSON writes
// what it has checked and a definition (which holds a checked spec) writes
// its spec without checking it again.
type (
	policySpecJSON  PolicySpec
	roiSpecJSON     ROISpec
	amountsJSON     Amounts
	serviceSpecJSON ServiceSpec
	// scorecardSpecJSON is [ScorecardSpec] with its amounts and service in
	// the forms above, so that they are not checked again either.
	scorecardSpecJSON struct {
		Unit    string          `json:"unit"`
		Name    string          `json:"name,omitempty"`
		Period  string          `json:"period"`
		Cost    amountsJSON     `json:"cost"`
		Revenue amountsJSON     `json:"revenue"`
		Service serviceSpecJSON `json:"service"`
	}
)

// cardForm returns s in its JSON form.
func cardForm(s ScorecardSpec) scorecardSpecJSON {
	return scorecardSpecJSON{Unit: s.Unit, Name: s.Name, Period: s.Period,
		Cost: amountsJSON(s.Cost), Revenue: amountsJSON(s.Revenue), Service: serviceSpecJSON(s.Service)}
}

// MarshalJSON implements [json.Marshaler]: the policy's [PolicySpec], as
// [PolicySpec.MarshalJSON] writes it (the spec is not checked again).
// Marshalling the zero Policy is an error with code [ErrInvalidPolicy].
func (p Policy) MarshalJSON() ([]byte, error) {
	if p.IsZero() {
		return nil, newError(ErrInvalidPolicy, nil, "triplecrown: cannot marshal the zero Policy")
	}
	return json.Marshal(policySpecJSON(p.spec))
}

// MarshalJSON implements [json.Marshaler]: a spec [NewPolicy] accepts is
// written as encoding/json writes its fields, the thresholds as
// [Threshold.MarshalJSON] writes them and left out when zero, the
// precision as [Precision.MarshalJSON] writes it, so that
// [PolicySpec.UnmarshalJSON] reads it back Equal. Any other spec is not
// written: the error is every problem NewPolicy reports of it, in its
// codes and words, which are those [Policy.UnmarshalJSON] reports of the
// values (a money threshold for service, a significance level that is NaN,
// infinite, not strictly between 0 and 1 or subnormal, a precision without
// a valid rounding mode).
func (s PolicySpec) MarshalJSON() ([]byte, error) {
	if errs := policyProblems(s, "", false, false); len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return json.Marshal(policySpecJSON(s))
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a [PolicySpec]
// and validates it as [NewPolicy] does, reporting every problem: first
// every problem of the JSON form, the policy's and its parts', as the
// package doc says, `triplecrown: invalid JSON: unknown field
// "precision.x"`, `triplecrown: invalid JSON: "significanceLevel" must be
// a number, not the string "x"` ([outcome.ErrInvalidJSON]); then the
// values' problems of each part with the part named, `triplecrown: policy,
// cost threshold: threshold "x" is not a decimal number`, with its own
// code ([ErrInvalidAmount], [outcome.ErrInvalidThreshold],
// [ErrUnknownCurrency], [outcome.ErrUnknownRounding], ...), and the rest
// checked as NewPolicy checks it, a significance level that no float64
// holds as written (1e-400, which encoding/json reads as 0, or 1e-320, a
// subnormal) refused with code [ErrInvalidSignificance], as the package
// doc says. JSON that is not an object is one error
// with code [outcome.ErrInvalidJSON], and so is null, `triplecrown: a
// policy cannot be null`, not the problems of a policy with nothing in it.
// JSON null is refused, as everywhere in the package: a significance level
// that is null is a value of the wrong type, `triplecrown: invalid JSON:
// "significanceLevel" must be a number, not null`, and a threshold or a
// precision that is null is refused as [Threshold.UnmarshalJSON] and
// [Precision.UnmarshalJSON] refuse null, with the part named,
// `triplecrown: policy, precision: a precision cannot be null`, never read
// as 0 or as an empty value. On error p is unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a policy", readPolicy, nil, p)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads the spec exactly as
// [Policy.UnmarshalJSON] reads a policy, the same problems in the same
// words and order (an unknown field, a field given twice, a value of the
// wrong type, null, a significance level that no float64 holds as written,
// then the values' problems as [NewPolicy] reports them), with their JSON
// paths from the spec's top, and keeps the policy's spec: a spec that
// decodes is one NewPolicy accepts. The JSON is what [Policy.MarshalJSON]
// and [PolicySpec.MarshalJSON] write, and a spec that marshals reads back
// Equal. On error s is unchanged.
func (s *PolicySpec) UnmarshalJSON(data []byte) error {
	var p Policy
	if err := p.UnmarshalJSON(data); err != nil {
		return err
	}
	*s = p.spec
	return nil
}

// MarshalJSON implements [json.Marshaler]: the scorecard's
// [ScorecardSpec], as [ScorecardSpec.MarshalJSON] writes it (the spec is
// not checked again), money as {"amount":"...","currency":"..."}.
// Marshalling the zero Scorecard is an error with code
// [ErrInvalidScorecard].
func (c Scorecard) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, newError(ErrInvalidScorecard, nil, "triplecrown: cannot marshal the zero Scorecard")
	}
	return json.Marshal(cardForm(c.spec))
}

// MarshalJSON implements [json.Marshaler]: a spec [NewScorecard] accepts
// is written as encoding/json writes its fields (the name left out when
// empty), money as [Money.MarshalJSON] and measures as
// [Measure.MarshalJSON] write them, so that [ScorecardSpec.UnmarshalJSON]
// reads it back Equal. Any other spec is not written: the error is every
// problem NewScorecard reports of it, with its codes, IDs (the unit's) and
// words, which are those [Scorecard.UnmarshalJSON] reports of the values:
// an empty or invalid unit, no period, an amount missing (the zero Money),
// negative or in a second currency, a service measure without a name, a
// valid direction or a measure, measures of two kinds, and text that is
// not valid UTF-8 (which encoding/json would write as U+FFFD, so that it
// would read back as other text).
func (s ScorecardSpec) MarshalJSON() ([]byte, error) {
	if errs := scorecardProblems(s, 0); len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return json.Marshal(cardForm(s))
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a
// [ScorecardSpec], with amounts and a measure's decimals as strings or JSON
// numbers, and validates it as [NewScorecard] does. It reports every
// problem of the definition, each with the unit's ID first among its IDs:
// first every problem of the JSON form, the scorecard's and its parts', as
// the package doc says, `triplecrown: unit "billing": invalid JSON:
// "service.actual.n" must be an integer, not the string "340"`
// ([outcome.ErrInvalidJSON]); then the values' problems of each part, with
// the unit and the part named, `triplecrown: unit "billing", baseline
// cost: amount "12,50" is not a decimal number`, with its own code
// ([ErrInvalidAmount], [ErrUnknownCurrency], [ErrInvalidMeasure],
// [outcome.ErrUnknownDirection], ...); and the rest is checked as
// NewScorecard checks it, but for the parts that did not read, which are
// not also missing. A part or a member of the scorecard, the cost, the
// revenue or the service that is null is a value of the wrong type
// (`"cost" must be an object, not null`), never absent. With no unit (none, or one that is not a string, or an
// empty one) a problem has no ID of the scorecard's and names the
// scorecard: `triplecrown: a scorecard's baseline cost: ...`. JSON that is
// not an object is one error with code [outcome.ErrInvalidJSON], and so is
// null, `triplecrown: a scorecard cannot be null`, not the problems of a
// scorecard with nothing in it. On error c is unchanged.
func (c *Scorecard) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a scorecard", readScorecard, cardAt, c)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads the spec exactly as
// [Scorecard.UnmarshalJSON] reads a scorecard, the same problems in the
// same words and order, each with the unit's ID (an unknown field, a field
// given twice, a value of the wrong type, null, an "sd" that no float64
// holds as written, then the values' problems as [NewScorecard] reports
// them), with their JSON paths from the spec's top, and keeps the
// scorecard's spec: a spec that decodes is one NewScorecard accepts. The
// JSON is what [Scorecard.MarshalJSON] and [ScorecardSpec.MarshalJSON]
// write, and a spec that marshals reads back Equal. On error s is
// unchanged.
func (s *ScorecardSpec) UnmarshalJSON(data []byte) error {
	var c Scorecard
	if err := c.UnmarshalJSON(data); err != nil {
		return err
	}
	*s = c.spec
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads a service measure
// exactly as [Scorecard.UnmarshalJSON] reads a scorecard's "service", the
// problems of the JSON form first (an unknown field, a field given twice,
// a value of the wrong type, null included, a measure's problems of the
// form, as [Measure.UnmarshalJSON] says), with their JSON paths from the
// service's top (`"baseline.n"`, not `"service.baseline.n"`), then the
// values' problems as [NewScorecard] reports those of a service: a
// direction it does not know ([outcome.ErrUnknownDirection]), a measure
// that does not validate ([ErrInvalidMeasure], ...), a name that is missing
// or blank ([outcome.ErrEmptyName]), a direction or a measure that is
// missing, and measures of two kinds ([ErrServiceMismatch]). A service has
// no unit of its own, so its problems have no ID and are said as those of a
// scorecard without a unit: `triplecrown: a scorecard's baseline service
// measure: ...`, `triplecrown: a scorecard has a service measure without a
// name`. A part that did not read is neither missing nor checked. JSON null
// itself, as any JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: a service measure cannot be
// null`. The JSON is what [ServiceSpec.MarshalJSON] writes, and a service
// measure that marshals reads back Equal. On error s is unchanged.
func (s *ServiceSpec) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a service measure", readServiceSpec, nil, s)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads amounts exactly as
// [Scorecard.UnmarshalJSON] reads a scorecard's "cost" or "revenue", the
// problems of the JSON form first (an unknown field, a field given twice,
// a value of the wrong type, null included, money's problems of the form,
// as [Money.UnmarshalJSON] says), with their JSON paths from the amounts'
// top (`"baseline.colour"`, not `"cost.baseline.colour"`), then the values'
// problems of each amount as Money.UnmarshalJSON reports them (an amount
// that is not a decimal within the bounds, 1e-400 included, which is never
// read as 0: [ErrInvalidAmount]; a currency it does not know:
// [ErrUnknownCurrency]; ...), then those [NewScorecard] reports of a
// crown's amounts: an amount that is missing ([ErrMissingMoney]),
// negative ([ErrNegativeMoney]) or in another currency than the baseline
// ([ErrCurrencyMismatch]). Amounts belong to no crown until a scorecard
// holds them, so their problems have no ID and are said as those of a
// scorecard without a unit, with "amount" for the crown: `triplecrown: a
// scorecard's baseline amount: amount "12,50" is not a decimal number`,
// `triplecrown: a scorecard has no actual amount`. An amount that did not
// read is neither missing nor checked. JSON null itself, as any JSON that
// is not an object, is one error with code [outcome.ErrInvalidJSON],
// `triplecrown: amounts cannot be null`. The JSON is what
// [Amounts.MarshalJSON] writes, and amounts that marshal read back Equal.
// On error a is unchanged.
func (a *Amounts) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "amounts", readAmountsSpec, nil, a)
}

// MarshalJSON implements [json.Marshaler]: a service measure
// [NewScorecard] accepts in a scorecard is written as encoding/json writes
// its fields (the unit left out when empty), the direction as its text and
// the measures as [Measure.MarshalJSON] writes them, so that
// [ServiceSpec.UnmarshalJSON] reads it back Equal. Any other is not
// written: the error is every problem NewScorecard reports of the service
// of a scorecard without a unit, in its codes and words, with no ID, which
// are those ServiceSpec.UnmarshalJSON reports of the values, `triplecrown:
// a scorecard has a service measure without a name` (a name missing or
// blank, a direction not valid, a measure missing, measures of two
// kinds), then a name, then a unit, that is not valid UTF-8
// ([outcome.ErrInvalidText]: encoding/json would write it as U+FFFD, so
// that it would read back as other text).
func (s ServiceSpec) MarshalJSON() ([]byte, error) {
	errs := validateService("", s, 0)
	if errs = appendTextProblems(errs, "", "service measure name", s.Name, "service unit", s.Unit); len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return json.Marshal(serviceSpecJSON(s))
}

// MarshalJSON implements [json.Marshaler]: amounts [NewScorecard] accepts
// as a crown's, {"baseline":{...},"actual":{...}}, each as
// [Money.MarshalJSON] writes it, so that [Amounts.UnmarshalJSON] reads
// them back Equal. Any other amounts are not written: the error is every
// problem NewScorecard reports of a crown's amounts, in its codes and
// words, said as [Amounts.UnmarshalJSON] says them, with no ID and
// "amount" for the crown: an amount missing (the zero Money,
// [ErrMissingMoney]: `triplecrown: a scorecard has no actual amount`),
// negative ([ErrNegativeMoney]) or, the actual, in another currency than
// the baseline ([ErrCurrencyMismatch]).
func (a Amounts) MarshalJSON() ([]byte, error) {
	var cur Currency
	if errs := amountsProblems("", amountsCrown, a, 0, 0, &cur); len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return json.Marshal(amountsJSON(a))
}

// DecodeScorecards decodes data, a JSON array of scorecards in the form
// [Scorecard.UnmarshalJSON] reads (one per unit and period, as a BI tool
// loads the departments of a quarter), and returns the scorecards in the
// order of the array, or nil and every problem of every scorecard: one
// problem as the *[outcome.Error] itself, several joined with
// [errors.Join]. It is for a file of scorecards: json.Unmarshal into a
// []Scorecard stops at the first scorecard that fails, so it reports that
// scorecard's problems only; DecodeScorecards reports the problems of each.
//
// Each scorecard is decoded and validated as Scorecard.UnmarshalJSON does,
// and each of its problems is reported as an *[outcome.Error] with the same
// code, severity and IDs (the unit's first), whose message names the
// scorecard by its index in the array, counted from 0 as in Go,
// `triplecrown: scorecards[1]: unit "billing", baseline cost: amount
// "12,50" is not a decimal number`, and which wraps the scorecard's own
// problem, so that [errors.Is] and [errors.As] reach it and its cause.
// Problems come scorecard by scorecard, in the order of the array. A null
// element is one problem with code [outcome.ErrInvalidJSON],
// `triplecrown: scorecards[2]: a scorecard cannot be null`, not the
// problems of a scorecard with nothing in it.
//
// Data that is not one JSON array is a single problem with code
// [outcome.ErrInvalidJSON] and no ID: malformed JSON, null, any other value,
// and anything after the array but white space. Text that is not valid
// UTF-8 is a problem of the scorecard that holds it. An empty array is an
// empty, non-nil list.
//
// DecodeScorecards checks each scorecard, not the list: two scorecards of
// one unit both decode, and [NewRollup] reports them.
func DecodeScorecards(data []byte) ([]Scorecard, error) {
	return jsondecode.List("triplecrown", "scorecards", "a scorecard", data, func(raw []byte) (Scorecard, error) {
		var c Scorecard
		err := c.UnmarshalJSON(raw)
		return c, err
	})
}

// within returns the problems of err as problems of where, which ids
// identify: ids first among their IDs, and where in their messages,
// "triplecrown: where: message". Each problem has IDs of its own, shared
// with neither ids nor another problem, as [newError] gives them.
func within(ids []string, where string, err error) []error {
	ps := outcome.Problems(err)
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: slices.Concat(ids, p.IDs), Err: p,
			Message: "triplecrown: " + where + ": " + bare(p.Message)}
	}
	return out
}

// bare returns a message without the reporting package's prefix,
// "triplecrown: " or "outcome: ".
func bare(message string) string {
	return strings.TrimPrefix(strings.TrimPrefix(message, "triplecrown: "), "outcome: ")
}

// MarshalText implements [encoding.TextMarshaler]: "cost", "service" or
// "revenue".
func (c Crown) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, newError(ErrUnknownCrown, nil, "triplecrown: cannot marshal invalid crown %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseCrown].
func (c *Crown) UnmarshalText(text []byte) error {
	v, err := ParseCrown(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "won", "flat", "lost" or
// "inconclusive".
func (s Status) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, newError(ErrUnknownStatus, nil, "triplecrown: cannot marshal invalid status %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error {
	v, err := ParseStatus(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: the verdict's stable
// token, in kebab-case as the module's other enums are written:
// "triple-crown", "double-crown", "single-crown", "no-crown", "trade-off" or
// "lost-ground". An invalid Verdict is an error with code
// [ErrUnknownVerdict].
func (v Verdict) MarshalText() ([]byte, error) {
	if !v.IsValid() {
		return nil, newError(ErrUnknownVerdict, nil, "triplecrown: cannot marshal invalid verdict %d", uint8(v))
	}
	return []byte(v.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseVerdict]: it reads the token MarshalText writes ("triple-crown"),
// and also reads "triple crown", "no crown" and the like, as MarshalText
// wrote them before, so that stored verdicts still read back.
func (v *Verdict) UnmarshalText(text []byte) error {
	p, err := ParseVerdict(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// crownScoreJSON is a CrownScore's JSON form, for BI tools.
type crownScoreJSON struct {
	Crown             Crown             `json:"crown"`
	Status            Status            `json:"status"`
	Direction         outcome.Direction `json:"direction"`
	Currency          string            `json:"currency,omitempty"`
	Name              string            `json:"name,omitempty"`
	Unit              string            `json:"unit,omitempty"`
	Baseline          string            `json:"baseline"`
	Actual            string            `json:"actual"`
	Change            string            `json:"change"`
	ExactChange       fractionJSON      `json:"exactChange"`
	Improved          bool              `json:"improved"`
	Worsened          bool              `json:"worsened"`
	Relative          *string           `json:"relative,omitempty"`
	Threshold         Threshold         `json:"threshold"`
	Material          bool              `json:"material"`
	Tested            bool              `json:"tested"`
	PValue            *float64          `json:"pValue,omitempty"`
	SignificanceLevel *float64          `json:"significanceLevel,omitempty"`
	Reason            string            `json:"reason"`
}

// fractionJSON is the JSON form of an exact fraction.
type fractionJSON struct {
	Numerator   string `json:"numerator"`
	Denominator string `json:"denominator"`
}

// MarshalJSON implements [json.Marshaler]: the crown score with its reason
// as data and in words, decimals as strings. "direction" is the better
// direction; "change" is [CrownScore.Change], rounded for service, and
// "exactChange" the change before rounding as [CrownScore.ExactChange]
// gives it, {"numerator":"-0.002","denominator":"1"}; "improved" and
// "worsened" say which way it went ([CrownScore.Improved],
// [CrownScore.Worsened]; both false for no change), also when "change" has
// rounded to 0. "relative" is absent when the baseline is zero,
// "pValue" and "significanceLevel" when the change was not tested.
func (s CrownScore) MarshalJSON() ([]byte, error) {
	j := crownScoreJSON{Crown: s.crown, Status: s.status, Direction: s.direction, Name: s.name, Unit: s.unit,
		Baseline: decfmt.String(s.baseline), Actual: decfmt.String(s.actual), Change: decfmt.String(s.change),
		ExactChange: fractionJSON{Numerator: decfmt.String(s.exactNum), Denominator: decfmt.String(s.exactDen)},
		Improved:    s.Improved(), Worsened: s.Worsened(),
		Threshold: s.threshold, Material: s.material, Tested: s.tested, Reason: s.Reason()}
	if !s.cur.IsZero() {
		j.Currency = s.cur.String()
	}
	if s.hasRelative {
		r := decfmt.String(s.relative)
		j.Relative = &r
	}
	if s.tested && !math.IsNaN(s.p) {
		j.PValue, j.SignificanceLevel = &s.p, &s.alpha
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler] by refusing, so that
// json.Unmarshal never leaves a zero CrownScore without a word: a crown
// score is a judgement [Scorecard.Score] computes, and its JSON is a report
// for people and dashboards, which leaves out what its reason is built from
// (the policy's places, the measures' exact values). Store the scorecard
// and the policy, which decode, and score again. It returns an error with
// code [outcome.ErrResultNotDecodable] and leaves s unchanged.
func (s *CrownScore) UnmarshalJSON([]byte) error {
	return notReadBack("crown score", "store its scorecard and policy, which are, and score again")
}

// notReadBack is the error of a result's UnmarshalJSON that refuses: what
// names the result, instead says what to store.
func notReadBack(what, instead string) error {
	return newError(outcome.ErrResultNotDecodable, nil, "triplecrown: a %s is not read back from JSON: %s", what, instead)
}

// MarshalJSON implements [json.Marshaler]: the score with its crowns, for a
// BI tool to show without recomputing.
func (s Score) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return nil, newError(ErrInvalidScorecard, nil, "triplecrown: cannot marshal the zero Score")
	}
	return json.Marshal(struct {
		Unit      string        `json:"unit"`
		Period    string        `json:"period"`
		Verdict   Verdict       `json:"verdict"`
		CrownsWon int           `json:"crownsWon"`
		Reason    string        `json:"reason"`
		Crowns    [3]CrownScore `json:"crowns"`
	}{s.unit, s.period, s.verdict, s.CrownsWon(), s.Reason(), s.crowns})
}

// UnmarshalJSON implements [json.Unmarshaler] by refusing, so that
// json.Unmarshal never leaves a zero Score without a word: a score is a
// judgement [Scorecard.Score] computes, and its JSON is a report, as its
// crowns' are (see [CrownScore.UnmarshalJSON]). Store the scorecard and the
// policy, which decode, and score again. It returns an error with code
// [outcome.ErrResultNotDecodable] and leaves s unchanged.
func (s *Score) UnmarshalJSON([]byte) error {
	return notReadBack("score", "store its scorecard and policy, which are, and score again")
}

// MarshalJSON implements [json.Marshaler]: the unit, its money contribution,
// its share in percent as a string ("share":"37.5", whatever decimal's
// package-level MarshalJSONWithoutQuotes says) and whether it detracted, for
// a BI tool to show without recomputing.
func (c Contribution) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Unit      string `json:"unit"`
		Amount    Money  `json:"amount"`
		Share     string `json:"share"`
		Detractor bool   `json:"detractor"`
	}{c.unit, c.amount, decfmt.String(c.share), c.detractor})
}

// UnmarshalJSON implements [json.Unmarshaler] by refusing, so that
// json.Unmarshal never leaves a zero Contribution without a word: a
// contribution's share is of the total of all the units' contributions, so
// it is read back only with them, as [Contributions] (see
// [Contributions.UnmarshalJSON]). It returns an error with code
// [outcome.ErrResultNotDecodable] and leaves c unchanged.
func (c *Contribution) UnmarshalJSON([]byte) error {
	return notReadBack("contribution", "its share is of the total, so it is read back with the others, as contributions")
}

// MarshalJSON implements [json.Marshaler]: the crown, the total, the places
// the shares are rounded to, whether shares are defined, and every unit's
// contribution in the order of the cards, detractors included. It carries
// everything a Contributions holds, so [Contributions.UnmarshalJSON] reads
// it back. The zero Contributions is an error with code [ErrUnknownCrown].
func (c Contributions) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, newError(ErrUnknownCrown, nil, "triplecrown: cannot marshal the zero Contributions")
	}
	return json.Marshal(struct {
		Crown         Crown          `json:"crown"`
		Total         Money          `json:"total"`
		Places        int32          `json:"places"`
		SharesDefined bool           `json:"sharesDefined"`
		Contributions []Contribution `json:"contributions"`
	}{c.crown, c.total, c.places, c.hasShares, c.items})
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads back the form
// [Contributions.MarshalJSON] writes, every field required, decimals as
// strings or JSON numbers, and accepts exactly what [NewContributions]
// could have made: the crown is cost or revenue ([ErrUnknownCrown]), the
// places within 0 to [MaxSharePlaces] ([outcome.ErrInvalidPlaces]), there
// is at least one contribution ([ErrEmptyRollup]), each of a valid unit ID
// ([outcome.ErrEmptyID], ...) given once ([outcome.ErrDuplicateID]), with
// an amount ([ErrMissingMoney], [ErrInvalidAmount], ...) in the currency of
// the others ([ErrCurrencyMismatch]); and what is computed from the
// amounts agrees with them: the total is their exact sum (a sum beyond the
// bounds is an error with code [ErrInvalidAmount]), the shares are defined
// exactly when it is not zero, a detractor is a unit whose amount is
// negative, and each share is the one the largest-remainder rounding gives
// (a field missing, or one that disagrees, is an error with code
// [outcome.ErrInvalidJSON]). A share may be far wider than an amount (100
// times an amount over a total as small as 1e-30): it is read with up to
// 109 digits, as wide as any NewContributions makes, so that every
// Contributions it makes reads back, and a wider one is an error with code
// [ErrInvalidAmount].
//
// Every problem is reported. First every problem of the JSON form, the
// contributions' and their parts', as the package doc says, named by its
// JSON path, `triplecrown: invalid JSON: "contributions[2].share" must be
// a decimal string or a number, not true` ([outcome.ErrInvalidJSON]): each
// unknown field, field given twice, and value of the wrong type, null
// included (a null crown, places, flag or list, contribution, unit, share
// or detractor, the total or an amount that is null: `"total" must be an
// object, not null`), never read as missing; a problem within a
// contribution has its unit's ID, if its "unit" is a string that is not
// empty. Then the values' problems, each with the unit's ID where one is
// involved, in the order of the fields (crown, total, places,
// sharesDefined, then each contribution's unit, amount, share and
// detractor), whatever the order of the members; a part that did not read
// is neither missing nor checked, and a contribution without a unit is
// checked all the same, named by its place ("contribution 2 has no
// amount") with no ID. Whether what is computed from the amounts agrees
// with the rest is checked only when nothing else is wrong. JSON null
// itself, as any JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: contributions cannot be null`. On
// error c is unchanged.
func (c *Contributions) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "contributions", readContributions, nil, c)
}

// MarshalJSON implements [json.Marshaler]: the ROI's [ROISpec], the
// definition it was made from, as [ROISpec.MarshalJSON] writes it (the
// spec is not checked again; the ratios depend on a [Precision] the reader
// chooses, so they are not stored). The zero ROI is an error with code
// [ErrInvalidPeriods].
func (r ROI) MarshalJSON() ([]byte, error) {
	if r.IsZero() {
		return nil, newError(ErrInvalidPeriods, nil, "triplecrown: cannot marshal the zero ROI")
	}
	return json.Marshal(roiSpecJSON(r.spec))
}

// MarshalJSON implements [json.Marshaler]: a spec [NewROI] accepts is
// written as encoding/json writes its fields, money as [Money.MarshalJSON]
// writes it, a cost saved or revenue gained that is the zero Money left
// out, so that [ROISpec.UnmarshalJSON] reads it back Equal. Any other spec
// is not written: the error is every problem NewROI reports of it, in its
// codes and words, which are those [ROI.UnmarshalJSON] reports of the
// values (an investment missing, negative or zero, periods not positive,
// money in two currencies, a benefit or net benefit beyond the bounds).
func (s ROISpec) MarshalJSON() ([]byte, error) {
	if errs := roiProblems(s, false, false, false); len(errs) > 0 {
		return nil, joinAll(errs)
	}
	return json.Marshal(roiSpecJSON(s))
}

// UnmarshalJSON implements [json.Unmarshaler]: it decodes an [ROISpec]
// (JSON that is not an object is one error with code
// [outcome.ErrInvalidJSON], and so is null, `triplecrown: an ROI cannot be
// null`, not the problems of an ROI with nothing in it) and validates it
// exactly as [NewROI] does, reporting every problem: first every problem of
// the JSON form, the ROI's and its money's, as the package doc says,
// `triplecrown: invalid JSON: "periods" must be an integer, not the string
// "36"` ([outcome.ErrInvalidJSON]); then the values' problems of each part
// with the part named, `triplecrown: ROI, cost saved: amount "x" is not a
// decimal number`, with its own code ([ErrInvalidAmount],
// [ErrUnknownCurrency], [ErrMissingMoney], ...), and the rest checked as
// NewROI checks it, but for the parts that did not read. JSON null is
// refused, as everywhere in the package: periods that are null are a value
// of the wrong type, `triplecrown: invalid JSON: "periods" must be an
// integer, not null`, and money that is null is refused as
// [Money.UnmarshalJSON] refuses null, with the part named, `triplecrown:
// ROI, investment: money cannot be null`, never read as 0 or as the zero
// Money. On error r is unchanged.
func (r *ROI) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "an ROI", readROI, nil, r)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads the spec exactly as
// [ROI.UnmarshalJSON] reads an ROI, the same problems in the same words and
// order (an unknown field, a field given twice, a value of the wrong type,
// null, then the values' problems as [NewROI] reports them), with their
// JSON paths from the spec's top, and keeps the ROI's spec: a spec that
// decodes is one NewROI accepts. The JSON is what [ROI.MarshalJSON] and
// [ROISpec.MarshalJSON] write, and a spec that marshals reads back Equal.
// On error s is unchanged.
func (s *ROISpec) UnmarshalJSON(data []byte) error {
	var r ROI
	if err := r.UnmarshalJSON(data); err != nil {
		return err
	}
	*s = r.spec
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: the combination's stable
// token, in kebab-case as the module's other enums are written:
// "by-sample-size" or "by-weight". An invalid Combination is an error with
// code [ErrUnknownCombination].
func (c Combination) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, newError(ErrUnknownCombination, nil, "triplecrown: cannot marshal invalid combination %d", uint8(c))
	}
	return []byte(c.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseCombination]: it reads the token MarshalText writes
// ("by-sample-size"), and also reads "by sample size" and "by weight", as
// MarshalText wrote them before, so that stored roll-ups still read back.
func (c *Combination) UnmarshalText(text []byte) error {
	v, err := ParseCombination(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// rollupJSON is the JSON form of a [Rollup].
type rollupJSON struct {
	Scorecard   Scorecard   `json:"scorecard"`
	Units       []string    `json:"units"`
	Combination Combination `json:"combination"`
}

// MarshalJSON implements [json.Marshaler]: the rolled-up scorecard (whose
// unit is the roll-up's), the IDs of the units rolled up, and how their
// service measures were combined. The zero Rollup is an error with code
// [ErrEmptyRollup].
func (r Rollup) MarshalJSON() ([]byte, error) {
	if r.IsZero() {
		return nil, newError(ErrEmptyRollup, nil, "triplecrown: cannot marshal the zero Rollup")
	}
	return json.Marshal(rollupJSON{Scorecard: r.card, Units: r.units, Combination: r.combination})
}

// UnmarshalJSON implements [json.Unmarshaler]: it reports every problem of
// the roll-up at once: first every problem of the JSON form, the
// roll-up's and its scorecard's, as the package doc says, named by the
// roll-up's unit (its scorecard's) and their path from the roll-up's top,
// `triplecrown: roll-up "centre": invalid JSON: unknown field
// "scorecard.colour"`, `triplecrown: roll-up "centre": invalid JSON:
// "units[1]" must be a string, not the number 2` ([outcome.ErrInvalidJSON];
// a unit that did not read is not also an invalid ID); then the
// scorecard's values' problems, as [Scorecard.UnmarshalJSON] reports them,
// but for its unit, the roll-up's, which when it is not a valid ID is said
// as [NewRollup] says it, `triplecrown: a roll-up, unit: empty id` (a
// missing scorecard is an error with code [ErrInvalidScorecard]), no
// units at all ([ErrEmptyRollup]), an invalid or repeated unit ID, a
// combination that is missing or names none ([ErrUnknownCombination]),
// and, when the
// scorecard is valid, a combination that does not suit its service measure
// ([ErrServiceMismatch]). A decoded roll-up merges and rolls up again like
// the original. JSON null is refused, as everywhere in the package: null
// itself, as any JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: a roll-up cannot be null`, and a
// part that is null is reported as null, with the part named, never as
// missing: a null scorecard as Scorecard.UnmarshalJSON refuses null,
// `triplecrown: a roll-up, scorecard: a scorecard cannot be null`, null
// units, a null unit or a null combination as a value of the wrong type,
// `triplecrown: roll-up "centre": invalid JSON: "units" must be an array,
// not null`, each with code [outcome.ErrInvalidJSON]. On error r is
// unchanged.
func (r *Rollup) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a roll-up", readRollup, rollupAt, r)
}

// inRollup returns the problems of err as problems of the part what names
// of the roll-up for unit: unit's ID first among the IDs (if it has one),
// and the message `triplecrown: roll-up "centre", combination: ...`.
func inRollup(unit, what string, err error) []error {
	return within(idsOf(unit), rollupName(unit)+", "+what, err)
}

// idsOf returns the IDs of a problem of id's: id, or none if id is empty.
func idsOf(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}

// rollupName names the roll-up for unit in a message: `roll-up "centre"`,
// or "a roll-up" when its unit is not known.
func rollupName(unit string) string {
	if unit == "" {
		return "a roll-up"
	}
	return fmt.Sprintf("roll-up %q", clip(unit))
}

// groupJSON is the JSON form of a [Group]: its fields, with their tags.
type groupJSON Group

// MarshalJSON implements [json.Marshaler]: "id" and "units", [] when there
// are none, never null, as encoding/json writes them (a group with no
// units, or the empty ID, is [NewRollups]'s to report, but it is written as
// it is), so that [Group.UnmarshalJSON] reads it back Equal. Text that is
// not valid UTF-8 is not written, as the package's specs refuse it: the
// error is a problem with code [outcome.ErrInvalidText] for an ID, then for
// each unit in order, that is not valid UTF-8, `triplecrown: group "north"
// has a unit that is not valid UTF-8: "le\xffds"` (with the group's ID and
// the unit's), which encoding/json would write with each bad byte replaced
// by U+FFFD, so that it would read back as other text.
func (g Group) MarshalJSON() ([]byte, error) {
	var errs []error
	if !utf8.ValidString(g.ID) {
		errs = append(errs, newError(outcome.ErrInvalidText, []string{g.ID},
			"triplecrown: %s has an ID that is not valid UTF-8", groupName(g.ID)))
	}
	for _, u := range g.Units {
		if !utf8.ValidString(u) {
			errs = append(errs, newError(outcome.ErrInvalidText, append(idsOf(g.ID), u),
				"triplecrown: %s has a unit that is not valid UTF-8: %q", groupName(g.ID), clip(u)))
		}
	}
	if len(errs) > 0 {
		return nil, joinAll(errs)
	}
	g.Units = strictjson.List(g.Units)
	return json.Marshal(groupJSON(g))
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads a group as
// [Group.MarshalJSON] writes it, "id" a string and "units" an array of
// strings, and reports every problem of the JSON form
// ([outcome.ErrInvalidJSON]), named by their JSON path, each with the
// group's ID and named by it when its "id" is a string that is not empty,
// `triplecrown: group "north": invalid JSON: "units[1]" must be a string,
// not the number 2`: each unknown field, field given twice (also under a
// key that differs only in case, as encoding/json matches keys to fields),
// and value of the wrong type, null included, as everywhere in the package
// (`"id" must be a string, not null`, `"units" must be an array, not
// null`: MarshalJSON writes no units as [], which reads as an empty list,
// Equal to none). It checks the form, not the values, as MarshalJSON
// writes a group as it is, and as the module reads every part checked for
// its form only: a member left out reads as its zero value, with no error
// (an "id" left out as the empty ID, "units" as none, so {} is the zero
// Group), and "id":"" reads as the empty ID, its group's problems having
// no ID and saying "a group", as a scorecard's with an empty unit say "a
// scorecard"; the empty ID, an ID that is not valid, a group with no units
// and a unit named twice are [NewRollups]'s to report
// ([outcome.ErrEmptyID], [ErrEmptyRollup], ...). JSON null itself, as any
// JSON that is not an object, is one error with code
// [outcome.ErrInvalidJSON], `triplecrown: a group cannot be null`. On error
// g is unchanged.
func (g *Group) UnmarshalJSON(data []byte) error {
	return decodeInto(data, "a group", readGroup, groupAt, g)
}
