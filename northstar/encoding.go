package northstar

import (
	"encoding/json"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/outcome"
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

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a [CanvasSpec],
// refusing unknown fields and trailing data, and validates it exactly as
// [NewCanvas] does; malformed JSON is an error with code
// [outcome.ErrInvalidJSON]. A weight or an importance may be a decimal
// string, as MarshalJSON writes it, or a JSON number.
func (c *Canvas) UnmarshalJSON(data []byte) error {
	var spec CanvasSpec
	if err := decodeJSON(data, &spec); err != nil {
		return err
	}
	v, err := NewCanvas(spec)
	if err != nil {
		return err
	}
	*c = v
	return nil
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
// It writes the spec as it is, without validating it. CanvasSpec has no
// UnmarshalJSON: encoding/json decodes it into the fields (as
// [Canvas.UnmarshalJSON] does, before validating), and takes a weight or an
// importance written as a JSON number too.
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
// Indicator has no UnmarshalJSON: encoding/json decodes it into the fields,
// and takes an importance written as a JSON number too.
func (i Indicator) MarshalJSON() ([]byte, error) {
	return json.Marshal(indicatorJSON{Metric: i.Metric, Importance: decfmt.String(i.Importance)})
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
// Weights have no UnmarshalJSON: encoding/json decodes them into the fields
// (as [Policy.UnmarshalJSON] does, before validating), and takes a weight
// written as a JSON number too.
func (w Weights) MarshalJSON() ([]byte, error) {
	return json.Marshal(weightsJSON{Coverage: decfmt.String(w.Coverage), Lead: decfmt.String(w.Lead),
		Linkage: decfmt.String(w.Linkage), Ratings: decfmt.String(w.Ratings), Reach: decfmt.String(w.Reach)})
}

// decodeJSON decodes data into v as every package of the module does: see
// [jsondecode.Decode].
func decodeJSON(data []byte, v any) error { return jsondecode.Decode("northstar", data, v) }

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
// verdict. A zero LeadLag marshals as null. It is an output format, for a
// dashboard; LeadLag is not read back from JSON.
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

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a policy in the
// form encoding/json writes for it (the weights as [Weights.MarshalJSON]
// writes them, decimal strings, or as JSON numbers), refusing unknown fields
// and trailing data, and validates it as [Policy.Validate] does; malformed
// JSON is an error with code [outcome.ErrInvalidJSON]. On error p is left
// unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	type plain Policy // without the methods, so that decoding does not recurse
	var v plain
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	if err := Policy(v).Validate(); err != nil {
		return err
	}
	*p = Policy(v)
	return nil
}
