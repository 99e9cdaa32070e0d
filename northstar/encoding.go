package northstar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
// problem is reported.
type leadLagIn struct {
	Method       string        `json:"method"`
	Len          int           `json:"len"`
	MaxLag       int           `json:"maxLag"`
	Confidence   float64       `json:"confidence"`
	PerLag       float64       `json:"perLagConfidence"`
	Correlations []Correlation `json:"correlations"`
	Best         Correlation   `json:"best"`
	Interval     [2]float64    `json:"interval"`
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
// confidence other than 1 - (1-c)/(2·maxLag+1), an interval whose ends are
// not in order within [-1, 1], or a verdict that the interval and the
// strongest lag do not give. On error l is unchanged.
func (l *LeadLag) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*l = LeadLag{}
		return nil
	}
	var in leadLagIn
	if err := decodeJSON(data, &in); err != nil {
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
	if lagOK && n-maxLag < MinPairs {
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
	if countOK && confOK {
		if want := perLagConfidence(c, maxLag); in.PerLag != want {
			bad(ErrInvalidLeadLag, "per-lag confidence %v, where 1 - (1-%v)/%d = %v is expected", in.PerLag, c, 2*maxLag+1, want)
		}
	}
	low, high := in.Interval[0], in.Interval[1]
	intervalOK := -1 <= low && low <= high && high <= 1
	if !intervalOK {
		bad(ErrInvalidLeadLag, "interval %v to %v is not in order within -1 to 1", low, high)
	}
	if best >= 0 && intervalOK && verdict.IsValid() {
		if want := verdictOf(best-maxLag, low, high); verdict != want {
			bad(ErrInvalidLeadLag, "verdict %q, where the interval %v to %v at lag %d gives %q", verdict, low, high, best-maxLag, want)
		}
	}
	if len(errs) > 0 {
		return LeadLag{}, errors.Join(errs...)
	}
	return LeadLag{method: method, n: n, confidence: c, perLag: in.PerLag, r: r, best: best,
		low: low, high: high, verdict: verdict}, nil
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
