package northstar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// MarshalJSON implements [json.Marshaler]: the canvas's [CanvasSpec] as
// [CanvasSpec.MarshalJSON] writes it, with the weight and the importances as
// decimal strings, whatever decimal's package-level MarshalJSONWithoutQuotes
// says. A zero Canvas cannot be marshalled.
func (c Canvas) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, outcome.NewError(outcome.ErrEmptyID, nil, "northstar: cannot marshal the zero Canvas")
	}
	return json.Marshal(c.spec)
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a canvas in the
// form MarshalJSON writes, and validates it exactly as [NewCanvas] does,
// reporting every problem, joined with [errors.Join] in the order of the
// canvas, each naming the category (and the need, or the outcome and metric)
// among its IDs as NewCanvas's do. A weight or an importance may be a decimal
// string, as MarshalJSON writes it, or a JSON number; one left out or null is
// zero, as in a [CanvasSpec] whose field is not set, which NewCanvas allows
// (a zero weight with a warning); one that is anything else, or text that is
// not a decimal number, is an [ErrInvalidWeight] in its place among the
// others, and one whose exponent is beyond ±10000 an [ErrWeightOutOfRange]
// (the text is read in decimal.NewFromString's syntax, whatever decimal's
// MaxDecodeExponent says). JSON that does not decode as a canvas (malformed,
// a value of the wrong JSON type, an unknown field, a key given twice,
// trailing data) is one error with code [outcome.ErrInvalidJSON], naming the
// category if it could be read, and nothing else is checked; so is null,
// `northstar: a canvas cannot be null`, not the problems of a canvas with
// nothing in it. On error c is unchanged.
func (c *Canvas) UnmarshalJSON(data []byte) error {
	if string(bytes.Trim(data, " \t\r\n")) == "null" {
		return outcome.NewError(outcome.ErrInvalidJSON, nil, "northstar: a canvas cannot be null")
	}
	spec, faults, err := decodeSpec(data)
	if err != nil {
		return err
	}
	v, err := newCanvas(spec, faults)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// DecodeCanvases decodes data, a JSON array of canvases in the form
// [Canvas.UnmarshalJSON] reads (one per customer category), and returns the
// canvases in the order of the array, or nil and every problem of every
// canvas, joined with [errors.Join]. It is for a file of canvases:
// json.Unmarshal into a []Canvas stops at the first canvas that fails, so it
// reports that canvas's problems only; DecodeCanvases reports the problems
// of each.
//
// Each canvas is decoded and validated as Canvas.UnmarshalJSON does, and
// each of its problems is reported as an *[outcome.Error] with the same
// code, severity and IDs (the category's first, as [NewCanvas] gives them),
// whose message names the canvas by its index in the array, counted from 0
// as in Go, `northstar: canvases[1]: canvas "guests": weight "0,6" is not a
// decimal number`, and which wraps the canvas's own problem, so that
// [errors.Is] and [errors.As] reach it and its cause. Problems come canvas
// by canvas, in the order of the array. A null element is one problem with
// code [outcome.ErrInvalidJSON], `northstar: canvases[2]: a canvas cannot be
// null`, not the problems of a canvas with nothing in it. A canvas's
// warnings do not stop it: they are on the canvas ([Canvas.Warnings]).
//
// Data that is not one JSON array is a single problem with code
// [outcome.ErrInvalidJSON] and no ID: malformed JSON, null, any other value,
// and anything after the array but white space. Text that is not valid
// UTF-8 is a problem of the canvas that holds it. An empty array is an
// empty, non-nil list.
//
// DecodeCanvases checks each canvas, not the list: two canvases of one
// category both decode, and [Select] reports them.
func DecodeCanvases(data []byte) ([]Canvas, error) {
	return jsondecode.List("northstar", "canvases", "a canvas", data, func(raw []byte) (Canvas, error) {
		var c Canvas
		err := c.UnmarshalJSON(raw)
		return c, err
	})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a spec in the form
// [CanvasSpec.MarshalJSON] writes, as [Canvas.UnmarshalJSON] does, but does
// not validate it: a draft reads back as it is. A weight or an importance may
// be a decimal string or a JSON number (left out or null, zero); each that is
// anything else, or whose text is not a decimal number, is reported ([ErrInvalidWeight], naming the
// category, outcome and metric as [Canvas.UnmarshalJSON] does; one whose
// exponent is beyond ±10000 an [ErrWeightOutOfRange]), every one,
// joined with [errors.Join]. JSON that does not decode as a canvas is an
// error with code [outcome.ErrInvalidJSON], and so is null, `northstar: a
// canvas cannot be null`, as Canvas.UnmarshalJSON refuses it: a draft is
// not validated, but null is no draft. On error s is unchanged.
func (s *CanvasSpec) UnmarshalJSON(data []byte) error {
	if string(bytes.Trim(data, " \t\r\n")) == "null" {
		return outcome.NewError(outcome.ErrInvalidJSON, nil, "northstar: a canvas cannot be null")
	}
	spec, faults, err := decodeSpec(data)
	if err != nil {
		return err
	}
	var errs []error
	cat := spec.Category
	if f, bad := faults[weightAt]; bad {
		errs = append(errs, weightNotDecimal(cat, f))
	}
	for oi, o := range spec.Outcomes {
		for ii, ind := range o.Indicators {
			if f, bad := faults[[2]int{oi, ii}]; bad {
				errs = append(errs, importanceNotDecimal(cat, o.ID, ind.Metric, f))
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*s = spec
	return nil
}

// canvasIn is the form a canvas is decoded from: a [CanvasSpec] with the
// weight and the importances as raw JSON, parsed after decoding, so that
// each one's problem is reported in its place, naming the category.
type canvasIn struct {
	Category    string          `json:"category"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Weight      json.RawMessage `json:"weight"`
	Needs       []Need          `json:"needs"`
	Outcomes    []outcomeIn     `json:"outcomes"`
}

// outcomeIn is a [SuccessfulOutcome] as [canvasIn] holds it.
type outcomeIn struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	Indicators  []indicatorIn `json:"metrics"`
}

// indicatorIn is an [Indicator] with its importance as raw JSON.
type indicatorIn struct {
	Metric     string          `json:"metric"`
	Importance json.RawMessage `json:"importance"`
}

// amountFaults holds, for a canvas decoded from JSON, each weight or
// importance that could not be read: the weight's under weightAt, an
// importance's under {its outcome's index, its own index}.
type amountFaults map[[2]int]amountFault

// amountFault is a weight or an importance given in JSON that could not be
// read: its text (the string's, or the JSON value), and, for a decimal
// number whose exponent is beyond ±[decfmt.DefaultMaxExponent], that
// exponent ("" for text that is not a decimal number).
type amountFault struct {
	text string
	exp  string
}

// weightAt is the key of a canvas's weight in [amountFaults].
var weightAt = [2]int{-1, -1}

// decodeSpec decodes a canvas's JSON form into a spec, with each weight or
// importance that could not be read in faults (zero in the spec). The error is the one problem of JSON that does not decode.
func decodeSpec(data []byte) (CanvasSpec, amountFaults, error) {
	var in canvasIn
	if err := decodeJSON(data, &in, func() (string, []string) {
		if in.Category == "" {
			return "canvas", nil
		}
		return "canvas " + quote(in.Category), []string{in.Category}
	}); err != nil {
		return CanvasSpec{}, nil, err
	}
	var faults amountFaults
	fault := func(at [2]int, f amountFault) {
		if faults == nil {
			faults = amountFaults{}
		}
		faults[at] = f
	}
	spec := CanvasSpec{Category: in.Category, Name: in.Name, Description: in.Description, Needs: in.Needs}
	if d, f, ok := parseAmount(in.Weight); ok {
		spec.Weight = d
	} else {
		fault(weightAt, f)
	}
	if in.Outcomes != nil {
		spec.Outcomes = make([]SuccessfulOutcome, len(in.Outcomes))
	}
	for oi, o := range in.Outcomes {
		out := SuccessfulOutcome{ID: o.ID, Name: o.Name, Description: o.Description}
		if o.Indicators != nil {
			out.Indicators = make([]Indicator, len(o.Indicators))
		}
		for ii, ind := range o.Indicators {
			out.Indicators[ii].Metric = ind.Metric
			if d, f, ok := parseAmount(ind.Importance); ok {
				out.Indicators[ii].Importance = d
			} else {
				fault([2]int{oi, ii}, f)
			}
		}
		spec.Outcomes[oi] = out
	}
	return spec, faults, nil
}

// parseAmount parses a weight or an importance given in JSON: a string or a
// number whose text is a decimal number, read by [decfmt.ParseJSON] in
// decimal.NewFromString's syntax, with any number of digits and an exponent
// within ±[decfmt.DefaultMaxExponent] (what NewFromString accepts under
// decimal's defaults), whatever decimal.MaxDecodeExponent says. An absent
// or null value is zero. Otherwise ok is false, and f says why.
func parseAmount(raw json.RawMessage) (d decimal.Decimal, f amountFault, ok bool) {
	d, _, err := decfmt.ParseJSON(raw, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	var e *decfmt.Error
	if !errors.As(err, &e) {
		return d, amountFault{}, true
	}
	raw = bytes.TrimSpace(raw)
	f.text = string(raw)
	if raw[0] == '"' {
		_ = json.Unmarshal(raw, &f.text) // a well-formed JSON string
	}
	if e.Range {
		f.exp = e.Exponent
	}
	return decimal.Zero, f, false
}

// notDecimal reports a weight or an importance that could not be read: text
// that is not a decimal number ([ErrInvalidWeight]), in the words of
// [checkAmount], "northstar: <where> <text> is not a decimal number", or
// one whose exponent is beyond ±10000 ([ErrWeightOutOfRange]),
// "northstar: <where> <text> is out of range (exponent <exp>, beyond
// ±10000)".
func notDecimal(ids []string, f amountFault, where string, args ...any) error {
	if f.exp != "" {
		return outcome.NewError(ErrWeightOutOfRange, ids, "northstar: "+where+" %q is out of range (exponent %s, beyond ±%d)",
			append(args, clip(f.text), clip(f.exp), decfmt.DefaultMaxExponent)...)
	}
	return outcome.NewError(ErrInvalidWeight, ids, "northstar: "+where+" %q is not a decimal number",
		append(args, clip(f.text))...)
}

// weightNotDecimal reports a canvas's weight that could not be read.
func weightNotDecimal(cat string, f amountFault) error {
	return notDecimal([]string{cat}, f, "canvas %q: weight", clip(cat))
}

// importanceNotDecimal reports an importance on a canvas that could not be
// read.
func importanceNotDecimal(cat, outcomeID, metric string, f amountFault) error {
	return notDecimal([]string{cat, outcomeID, metric}, f, "canvas %q: outcome %q: metric %q: importance",
		clip(cat), clip(outcomeID), clip(metric))
}

// canvasSpecJSON is the JSON form of a [CanvasSpec].
type canvasSpecJSON struct {
	Category    string              `json:"category"`
	Name        string              `json:"name"`
	Description string              `json:"description,omitempty"`
	Weight      string              `json:"weight"`
	Needs       []Need              `json:"needs"`
	Outcomes    []SuccessfulOutcome `json:"outcomes"`
}

// MarshalJSON implements [json.Marshaler]: the spec's fields under their
// JSON names, with the weight as a decimal string and each indicator as
// [Indicator.MarshalJSON] writes it, whatever decimal's package-level
// MarshalJSONWithoutQuotes says, so that the same canvas gives the same
// bytes in every program:
//
//	{"category":"guests","name":"Guests","weight":"0.6",
//	 "needs":[{"id":"home","statement":"a place that feels like home"}],
//	 "outcomes":[{"id":"stay","name":"a stay that feels like home",
//	   "metrics":[{"metric":"nights-booked","importance":"3"}]}]}
//
// It writes the spec as it is, without validating it;
// [CanvasSpec.UnmarshalJSON] reads it back.
func (s CanvasSpec) MarshalJSON() ([]byte, error) {
	return json.Marshal(canvasSpecJSON{Category: s.Category, Name: s.Name, Description: s.Description,
		Weight: decfmt.String(s.Weight), Needs: s.Needs, Outcomes: s.Outcomes})
}

// indicatorJSON is the JSON form of an [Indicator].
type indicatorJSON struct {
	Metric     string `json:"metric"`
	Importance string `json:"importance"`
}

// MarshalJSON implements [json.Marshaler]: the metric's ID and the
// importance as a decimal string, whatever decimal's package-level
// MarshalJSONWithoutQuotes says: {"metric":"nights-booked","importance":"3"}.
// [Indicator.UnmarshalJSON] reads it back.
func (i Indicator) MarshalJSON() ([]byte, error) {
	return json.Marshal(indicatorJSON{Metric: i.Metric, Importance: decfmt.String(i.Importance)})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes an indicator in the
// form MarshalJSON writes, refusing unknown fields and trailing data
// ([outcome.ErrInvalidJSON]), and does not validate it (a [Canvas] does). The
// importance may be a decimal string or a JSON number (left out or null,
// zero); one that is anything else, or whose text is not a decimal number,
// is an [ErrInvalidWeight] naming the metric, and one whose exponent is
// beyond ±10000 an [ErrWeightOutOfRange]. On error i is unchanged.
func (i *Indicator) UnmarshalJSON(data []byte) error {
	var in indicatorIn
	if err := decodeJSON(data, &in, func() (string, []string) {
		if in.Metric == "" {
			return "indicator", nil
		}
		return "metric " + quote(in.Metric), []string{in.Metric}
	}); err != nil {
		return err
	}
	d, f, ok := parseAmount(in.Importance)
	if !ok {
		return notDecimal([]string{in.Metric}, f, "metric %q: importance", clip(in.Metric))
	}
	*i = Indicator{Metric: in.Metric, Importance: d}
	return nil
}

// weightsJSON is the JSON form of [Weights].
type weightsJSON struct {
	Coverage string `json:"coverage"`
	Lead     string `json:"lead"`
	Linkage  string `json:"linkage"`
	Ratings  string `json:"ratings"`
	Reach    string `json:"reach"`
}

// MarshalJSON implements [json.Marshaler]: each criterion's weight, under
// the criterion's token, as a decimal string, whatever decimal's
// package-level MarshalJSONWithoutQuotes says:
//
//	{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"}
//
// [Weights.UnmarshalJSON] reads them back.
func (w Weights) MarshalJSON() ([]byte, error) {
	return json.Marshal(weightsJSON{Coverage: decfmt.String(w.Coverage), Lead: decfmt.String(w.Lead),
		Linkage: decfmt.String(w.Linkage), Ratings: decfmt.String(w.Ratings), Reach: decfmt.String(w.Reach)})
}

// weightsIn is the form [Weights] are decoded from: each weight as raw JSON,
// parsed after decoding, so that each one's problem is reported.
type weightsIn struct {
	Coverage json.RawMessage `json:"coverage"`
	Lead     json.RawMessage `json:"lead"`
	Linkage  json.RawMessage `json:"linkage"`
	Ratings  json.RawMessage `json:"ratings"`
	Reach    json.RawMessage `json:"reach"`
}

// raw returns criterion c's weight as raw JSON.
func (in weightsIn) raw(c Criterion) json.RawMessage {
	switch c {
	case Coverage:
		return in.Coverage
	case Lead:
		return in.Lead
	case Linkage:
		return in.Linkage
	case Ratings:
		return in.Ratings
	}
	return in.Reach
}

// weights parses the weights, and returns, for each criterion whose weight
// could not be read, why (that weight is zero in w).
func (in weightsIn) weights() (w Weights, faults map[Criterion]amountFault) {
	for c := range Criteria() {
		d, f, ok := parseAmount(in.raw(c))
		if !ok {
			if faults == nil {
				faults = make(map[Criterion]amountFault)
			}
			faults[c] = f
		}
		w = w.With(c, d)
	}
	return w, faults
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes weights in the
// form MarshalJSON writes, refusing unknown fields and trailing data
// ([outcome.ErrInvalidJSON]), and does not validate them (a [Policy] does).
// A weight may be a decimal string or a JSON number (left out or null,
// zero); each that is anything else, or whose text is not a decimal number,
// is an [ErrInvalidWeight] naming the criterion (one whose exponent is
// beyond ±10000 an [ErrWeightOutOfRange]), every one, joined with
// [errors.Join] in criterion order. On error w is unchanged.
func (w *Weights) UnmarshalJSON(data []byte) error {
	var in weightsIn
	if err := decodeJSON(data, &in, func() (string, []string) { return "weights", nil }); err != nil {
		return err
	}
	v, faults := in.weights()
	var errs []error
	for c := range Criteria() {
		if f, bad := faults[c]; bad {
			errs = append(errs, notDecimal(nil, f, "weight of %s", c))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*w = v
	return nil
}

// decodeJSON decodes data into v as every package of the module does, and
// says a failure of the decoding itself (malformed JSON, a value of the
// wrong JSON type, an unknown field, a key given twice, trailing data) in
// the module's words, with code [outcome.ErrInvalidJSON] and the decoder's
// error as its cause: "northstar: <at>: invalid JSON: <what is wrong>", with
// the IDs involved ([jsondecode.DecodeAt]). where returns at and the IDs; it
// is called after decoding, so that it can name what was read of v (a
// canvas's category).
func decodeJSON(data []byte, v any, where func() (string, []string)) error {
	return jsondecode.DecodeAt("northstar", data, v, where)
}

// MarshalText implements [encoding.TextMarshaler]: "pearson" or "spearman".
// Marshalling an invalid Method is an error with code [ErrUnknownMethod].
func (m Method) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, outcome.NewError(ErrUnknownMethod, nil, "northstar: cannot marshal invalid correlation method %d", uint8(m))
	}
	return []byte(strings.ToLower(m.String())), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseMethod].
func (m *Method) UnmarshalText(text []byte) error {
	v, err := ParseMethod(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "no-evidence", "leads",
// "lags" or "coincident". Marshalling an invalid Verdict is an error with
// code [ErrUnknownVerdict].
func (v Verdict) MarshalText() ([]byte, error) {
	if !v.IsValid() {
		return nil, outcome.NewError(ErrUnknownVerdict, nil, "northstar: cannot marshal invalid verdict %d", uint8(v))
	}
	return []byte(v.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseVerdict].
func (v *Verdict) UnmarshalText(text []byte) error {
	p, err := ParseVerdict(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "coverage", "lead",
// "linkage", "ratings" or "reach". Marshalling an invalid Criterion is an
// error with code [ErrUnknownCriterion].
func (c Criterion) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, outcome.NewError(ErrUnknownCriterion, nil, "northstar: cannot marshal invalid criterion %d", uint8(c))
	}
	return []byte(c.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseCriterion].
func (c *Criterion) UnmarshalText(text []byte) error {
	v, err := ParseCriterion(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "outcome", "canvas" or
// "hierarchy". Marshalling an invalid Gate is an error with code
// [ErrUnknownGate].
func (g Gate) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, outcome.NewError(ErrUnknownGate, nil, "northstar: cannot marshal invalid gate %d", uint8(g))
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseGate].
func (g *Gate) UnmarshalText(text []byte) error {
	v, err := ParseGate(string(text))
	if err != nil {
		return err
	}
	*g = v
	return nil
}

// leadLagJSON is the JSON form of a [LeadLag].
type leadLagJSON struct {
	Method       Method        `json:"method"`
	Len          int           `json:"len"`
	MaxLag       int           `json:"maxLag"`
	Confidence   float64       `json:"confidence"`
	PerLag       float64       `json:"perLagConfidence"`
	Correlations []Correlation `json:"correlations"`
	Best         Correlation   `json:"best"`
	Interval     [2]float64    `json:"interval"`
	Verdict      Verdict       `json:"verdict"`
}

// MarshalJSON implements [json.Marshaler]: the result as a JSON object with
// the method, the series' length, the maximum lag, the confidence levels,
// the correlation at every lag, the strongest, its interval and the
// verdict. A zero LeadLag marshals as null. [LeadLag.UnmarshalJSON] reads
// it back.
func (l LeadLag) MarshalJSON() ([]byte, error) {
	if l.IsZero() {
		return []byte("null"), nil
	}
	out := leadLagJSON{Method: l.method, Len: l.n, MaxLag: l.MaxLag(), Confidence: l.confidence,
		PerLag: l.perLag, Best: l.Best(), Interval: [2]float64{l.low, l.high}, Verdict: l.verdict}
	for c := range l.Correlations() {
		out.Correlations = append(out.Correlations, c)
	}
	return json.Marshal(out)
}

// leadLagIn is the form a [LeadLag] is decoded from: [leadLagJSON] with the
// method and the verdict as text, parsed after decoding so that every
// problem is reported, and the interval as a slice, whose length is
// checked: encoding/json decodes [0.1,0.2,0.3] into a [2]float64 as [0.1,
// 0.2], dropping the rest, and [0.1] as [0.1, 0].
type leadLagIn struct {
	Method       string        `json:"method"`
	Len          int           `json:"len"`
	MaxLag       int           `json:"maxLag"`
	Confidence   float64       `json:"confidence"`
	PerLag       float64       `json:"perLagConfidence"`
	Correlations []Correlation `json:"correlations"`
	Best         Correlation   `json:"best"`
	Interval     []float64     `json:"interval"`
	Verdict      string        `json:"verdict"`
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a result in the form
// [LeadLag.MarshalJSON] writes, so that a stored [Ranking] reads back whole,
// refusing unknown fields and trailing data ([outcome.ErrInvalidJSON]); JSON
// null gives the zero LeadLag, as MarshalJSON writes it. Nothing is
// recomputed, but the parts must agree as [AnalyzeLeadLag] makes them, and
// every problem is reported, joined with [errors.Join]: a method or verdict
// that names none ([ErrUnknownMethod], [ErrUnknownVerdict]); a negative
// maximum lag ([ErrInvalidLag]); a confidence level not strictly between 0
// and 1 ([ErrInvalidConfidence]); a length below the maximum lag plus
// [MinPairs] ([ErrSeriesTooShort]); and [ErrInvalidLeadLag] for correlations
// that are not one at each lag from -maxLag to maxLag in order, each from the
// length less |lag| pairs and from -1 to 1, a best correlation that is not
// the strongest of them (the tie rule of [LeadLag] applies), a per-lag
// confidence other than 1 - (1-c)/(2·maxLag+1), an interval that is not an
// array of exactly two numbers (absent, null, [0.1] or [0.1,0.2,0.3]: a
// [2]float64 would have taken the first two and dropped the rest, or made
// up a 0), whose ends are not in order within [-1, 1] or that is not the
// Fisher interval of the best correlation, or a verdict that the interval
// and the strongest lag do not give.
//
// The Fisher interval is recomputed from the best correlation, its number
// of pairs, the method and the per-lag confidence, as [LeadLag] defines
// it (where those parts are sound), and each stored end must be within
// 10^-12 of the recomputed one. The ends lie within -1 to 1, so the
// tolerance is relative to the range of a correlation: about 4,500 units in
// the last place of 1. It allows for what another platform's math
// functions, or its fused multiply-adds, change in the last bits (z and
// z*·se are below 20 in magnitude, so a few units in their last place are
// below 10^-14, and tanh does not magnify them), and refuses an interval
// that was edited, or rounded to fewer than 12 places. The verdict is checked
// against the stored interval, as the analysis that wrote it found it (or,
// if that is not the Fisher interval, against the recomputed one). On
// error l is unchanged.
func (l *LeadLag) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*l = LeadLag{}
		return nil
	}
	var in leadLagIn
	if err := decodeJSON(data, &in, func() (string, []string) { return "lead/lag result", nil }); err != nil {
		return err
	}
	v, err := in.leadLag()
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// leadLag checks the decoded parts and returns the LeadLag they make, or
// every problem found.
func (in leadLagIn) leadLag() (LeadLag, error) {
	var errs []error
	bad := func(code outcome.Code, format string, args ...any) {
		errs = append(errs, outcome.NewError(code, nil, "northstar: lead/lag result: "+format, args...))
	}
	method, err := ParseMethod(in.Method)
	if err != nil {
		errs = append(errs, err)
	}
	verdict, err := ParseVerdict(in.Verdict)
	if err != nil {
		errs = append(errs, err)
	}
	maxLag, n, c := in.MaxLag, in.Len, in.Confidence
	lagOK := maxLag >= 0
	if !lagOK {
		bad(ErrInvalidLag, "maximum lag %d is negative", maxLag)
	}
	confOK := c > 0 && c < 1
	if !confOK {
		bad(ErrInvalidConfidence, "confidence level %v is not strictly between 0 and 1", c)
	}
	if lagOK && (n < MinPairs || n-maxLag < MinPairs) { // n-maxLag cannot wrap
		bad(ErrSeriesTooShort, "series of %d values are too short for lags up to %d: at least %d values are needed",
			n, maxLag, uint64(maxLag)+MinPairs)
	}

	// The correlations, one at each lag from -maxLag to maxLag.
	var r []float64
	countOK := lagOK && maxLag <= len(in.Correlations) && len(in.Correlations) == 2*maxLag+1
	if countOK {
		r = make([]float64, len(in.Correlations))
		first, count := -1, 0
		for i, cr := range in.Correlations {
			lag := i - maxLag
			r[i] = cr.R
			if cr.Lag != lag || cr.Pairs != n-abs(lag) || !(cr.R >= -1 && cr.R <= 1) {
				if first < 0 {
					first = i
				}
				count++
			}
		}
		if count > 0 {
			cr, lag := in.Correlations[first], first-maxLag
			more := ""
			if count > 1 {
				more = fmt.Sprintf(" (and %d more)", count-1)
			}
			bad(ErrInvalidLeadLag, "correlation %d of %d is r = %v from %d pairs at lag %d, where lag %d from %d pairs and r from -1 to 1 are expected%s",
				first+1, len(r), cr.R, cr.Pairs, cr.Lag, lag, n-abs(lag), more)
			r = nil
		}
	} else if lagOK {
		bad(ErrInvalidLeadLag, "%d correlations for lags up to %d, where %d (one at each lag from %d to %d) are expected",
			len(in.Correlations), maxLag, uint64(maxLag)*2+1, -maxLag, maxLag)
	}

	best := -1
	if r != nil {
		best = strongest(r)
		if want := in.Correlations[best]; in.Best != want {
			bad(ErrInvalidLeadLag, "best correlation is r = %v from %d pairs at lag %d, where the strongest is r = %v from %d pairs at lag %d",
				in.Best.R, in.Best.Pairs, in.Best.Lag, want.R, want.Pairs, want.Lag)
			best = -1
		}
	}
	perLagOK := false
	if countOK && confOK {
		want := perLagConfidence(c, maxLag)
		perLagOK = in.PerLag == want
		if !perLagOK {
			bad(ErrInvalidLeadLag, "per-lag confidence %v, where 1 - (1-%v)/%d = %v is expected", in.PerLag, c, 2*maxLag+1, want)
		}
	}
	var low, high float64
	intervalOK := len(in.Interval) == 2
	if !intervalOK {
		numbers := "numbers"
		if len(in.Interval) == 1 {
			numbers = "number"
		}
		bad(ErrInvalidLeadLag, "interval of %d %s, where two (its low and high ends) are expected", len(in.Interval), numbers)
	} else {
		low, high = in.Interval[0], in.Interval[1]
		intervalOK = -1 <= low && low <= high && high <= 1
		if !intervalOK {
			bad(ErrInvalidLeadLag, "interval %v to %v is not in order within -1 to 1", low, high)
		}
	}
	// The Fisher interval, recomputed where the parts it is made of are
	// sound; the verdict is checked against the stored interval when that
	// is the Fisher one, as the analysis that wrote it found it, and
	// otherwise against the recomputed one.
	checkLow, checkHigh, checkOK := low, high, intervalOK
	if b := in.Best; best >= 0 && method.IsValid() && perLagOK && b.Pairs >= MinPairs {
		wantLow, wantHigh := fisherInterval(b.R, b.Pairs, method, in.PerLag)
		if intervalOK && !(math.Abs(low-wantLow) <= intervalTolerance && math.Abs(high-wantHigh) <= intervalTolerance) {
			bad(ErrInvalidLeadLag, "interval %v to %v, where the Fisher interval of r = %v from %d pairs (%s) at per-lag confidence %v is %v to %v",
				low, high, b.R, b.Pairs, method, in.PerLag, wantLow, wantHigh)
			checkOK = false
		}
		if !checkOK {
			checkLow, checkHigh, checkOK = wantLow, wantHigh, true
		}
	}
	if best >= 0 && checkOK && verdict.IsValid() {
		if want := verdictOf(best-maxLag, checkLow, checkHigh); verdict != want {
			bad(ErrInvalidLeadLag, "verdict %q, where the interval %v to %v at lag %d gives %q", verdict, checkLow, checkHigh, best-maxLag, want)
		}
	}
	if len(errs) > 0 {
		return LeadLag{}, errors.Join(errs...)
	}
	return LeadLag{method: method, n: n, confidence: c, perLag: in.PerLag, r: r, best: best,
		low: low, high: high, verdict: verdict}, nil
}

// policyIn is the form a [Policy] is decoded from: its weights as raw JSON
// and its method as text, parsed after decoding, so that each one's problem
// is reported with the policy's others.
type policyIn struct {
	Weights weightsIn    `json:"weights"`
	LeadLag lagOptionsIn `json:"leadLag"`
}

// lagOptionsIn is [LagOptions] as [policyIn] holds them.
type lagOptionsIn struct {
	MaxLag     int      `json:"maxLag"`
	Method     methodIn `json:"method"`
	Confidence float64  `json:"confidence"`
}

// methodIn is a [Method] as decoded from JSON text (absent or null: zero),
// with the problem of text that names no method.
type methodIn struct {
	m   Method
	err error
}

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseMethod], keeping its error to report rather than stopping the
// decoding.
func (m *methodIn) UnmarshalText(text []byte) error {
	m.m, m.err = ParseMethod(string(text))
	return nil
}

// policyFaults holds what a policy decoded from JSON could not read: each
// criterion's weight that could not be read, and the problem of a method
// that names none.
type policyFaults struct {
	weights map[Criterion]amountFault
	method  error
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a policy in the
// form encoding/json writes for it (the weights as [Weights.MarshalJSON]
// writes them, decimal strings, or as JSON numbers; a weight left out or null
// is zero), and validates it as [Policy.Validate] does, reporting every
// problem, joined with [errors.Join] in the same order; a weight that is
// neither a string nor a number, or whose text is not a decimal number, is
// an [ErrInvalidWeight] (one whose exponent is beyond ±10000 an
// [ErrWeightOutOfRange]), and a method
// that names none an [ErrUnknownMethod], each in its place among them. JSON
// that does not decode as a policy (malformed, a value of the wrong JSON
// type, an unknown field, a key given twice, trailing data) is one error
// with code [outcome.ErrInvalidJSON], and nothing else is checked. On error
// p is left unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	var in policyIn
	if err := decodeJSON(data, &in, func() (string, []string) { return "policy", nil }); err != nil {
		return err
	}
	w, faults := in.Weights.weights()
	lag := in.LeadLag
	v := Policy{Weights: w, LeadLag: LagOptions{MaxLag: lag.MaxLag, Method: lag.Method.m, Confidence: lag.Confidence}}
	if err := v.validate(policyFaults{weights: faults, method: lag.Method.err}); err != nil {
		return err
	}
	*p = v
	return nil
}
