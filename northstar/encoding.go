package northstar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// MarshalJSON implements [json.Marshaler]: the canvas's [CanvasSpec] as
// [CanvasSpec.MarshalJSON] writes it, with the weight and the importances as
// decimal strings, whatever decimal's package-level MarshalJSONWithoutQuotes
// says. A zero Canvas cannot be marshalled.
func (c Canvas) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, newError(outcome.ErrEmptyID, nil, "northstar: cannot marshal the zero Canvas")
	}
	return json.Marshal(c.spec)
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a canvas in the
// form MarshalJSON writes, and validates it exactly as [NewCanvas] does,
// reporting every problem (one problem as the *[outcome.Error] itself,
// several joined with [errors.Join] in this order): first each problem of
// the JSON form, an [outcome.ErrInvalidJSON] (a key that names no field, a
// field given twice, also under keys that differ only in case, as
// encoding/json matches them, the first being the one read, and each value
// of the wrong JSON type, named by its JSON path: `northstar: canvas
// "guests": invalid JSON: "needs[1].statement" must be a string, not the
// number 5`), naming the category among its IDs when it is a string; then
// the problems NewCanvas reports, in its order, each naming the category
// (and the need, or the outcome and metric) among its IDs. The problems of
// the form come in the order of each object's fields, as MarshalJSON writes
// them (category, name, description, weight, needs, outcomes; a need's id,
// statement, measure, target, timeBound; an outcome's id, name,
// description, metrics; a metric's metric, importance), a field given again
// right after the field, then the keys that name no field, sorted; a list's
// elements in order: so the same canvas with the members of its objects in
// another order has the same problems in the same order.
//
// A weight or an importance may be a decimal string, as MarshalJSON writes
// it, or a JSON number; one left out is zero, as in a [CanvasSpec] whose
// field is not set, which NewCanvas allows (a zero weight with a warning);
// null, or a value that is neither a string nor a number (true, [1], {}),
// is a value of the wrong type, a problem of the form said by its path
// (`"weight" must be a decimal string or a number, not true`), never zero;
// text that is not a decimal number is an [ErrInvalidWeight] in its place among
// NewCanvas's problems, and one whose exponent is beyond ±10000 an
// [ErrWeightOutOfRange] (the text is read in decimal.NewFromString's syntax,
// whatever decimal's MaxDecodeExponent says). JSON null is refused in place
// of every other field's value too, the lists of needs, outcomes and an
// outcome's metrics included ([CanvasSpec.MarshalJSON] writes an empty list
// as []).
//
// What the form leaves unread is not reported again: a name, a need's
// statement or an outcome's name that is not a string is not also
// reported missing, and an importance that is null does not make every
// importance zero. If the category cannot be read, none of NewCanvas's
// checks is made, as each would name it. Otherwise each is made but those
// that would name or count what cannot be read: a need or an outcome whose
// object or ID cannot be read is not checked (nor the outcome's metrics),
// nor a metric whose object or ID cannot be read; a list of needs, of
// outcomes or of an outcome's metrics that cannot be read is not said
// empty; and with an outcome, a list of metrics or a metric unread, the
// importances are not said to be all zero. So an unread part hides no
// problem of the others: a need that is null does not keep a canvas with
// no name, or a weight that is negative, from being reported. Each weight
// or importance that is not a decimal number is reported, unless what
// names it cannot be read.
//
// JSON that is not one object (malformed, another value, trailing data) is
// one error with code [outcome.ErrInvalidJSON], naming the category if it
// could be read; so is null, `northstar: a canvas cannot be null`, not the
// problems of a canvas with nothing in it. On error c is unchanged.
func (c *Canvas) UnmarshalJSON(data []byte) error {
	r, err := readCanvas(data)
	if err != nil {
		return err
	}
	errs := r.form.Errors()
	if !r.catOK {
		return msg.Join(append(errs, r.faultErrors()...)...)
	}
	v, cerrs := newCanvas(r.spec, r.faults, r.unread)
	if errs = append(errs, cerrs...); len(errs) > 0 {
		return msg.Join(errs...)
	}
	*c = v
	return nil
}

// DecodeCanvases decodes data, a JSON array of canvases in the form
// [Canvas.UnmarshalJSON] reads (one per customer category), and returns the
// canvases in the order of the array, or nil and every problem of every
// canvas (one problem as the *[outcome.Error] itself, several joined with
// [errors.Join] in the order below). It is for a file of canvases:
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
// not validate it: a draft reads back as it is. It reports every problem of
// the JSON form as Canvas.UnmarshalJSON does ([outcome.ErrInvalidJSON], null
// included: MarshalJSON writes an empty list as []), then each weight or importance that
// is not a decimal number ([ErrInvalidWeight], naming the category, outcome
// and metric as Canvas.UnmarshalJSON does; one whose exponent is beyond
// ±10000 an [ErrWeightOutOfRange]), in the order of the spec (one problem
// as the *[outcome.Error] itself, several joined with [errors.Join] in that
// order). A weight or an importance left out is zero. JSON that is
// not one object is one error with code [outcome.ErrInvalidJSON], and so is
// null, `northstar: a canvas cannot be null`, as Canvas.UnmarshalJSON
// refuses it: a draft is not validated, but null is no draft. On error s is
// unchanged.
func (s *CanvasSpec) UnmarshalJSON(data []byte) error {
	r, err := readCanvas(data)
	if err != nil {
		return err
	}
	if err := msg.Join(append(r.form.Errors(), r.faultErrors()...)...); err != nil {
		return err
	}
	*s = r.spec
	return nil
}

// The JSON fields of a canvas and its parts, in the order of their
// structs.
var (
	canvasFields    = []string{"category", "name", "description", "weight", "needs", "outcomes"}
	needFields      = []string{"id", "statement", "measure", "target", "timeBound"}
	outcomeFields   = []string{"id", "name", "description", "metrics"}
	indicatorFields = []string{"metric", "importance"}
)

// unreadText stands, in a spec read from JSON only to be validated, for a
// required text (a name, a statement) whose JSON value was of the wrong
// type: it passes NewCanvas's checks, so that it is not reported missing as
// well. The spec is not used when the form has a problem, so it never
// leaves the package.
const unreadText = "(unread)"

// canvasRead is a canvas read from JSON member by member: the spec, with
// each weight or importance that is not a decimal number in faults (zero
// in the spec), the problems of the JSON form, whether the category, which
// every check of NewCanvas names, was read (catOK), and the other parts
// that NewCanvas names or counts (IDs, lists and their elements) that were
// not, so that its checks of them are not made.
type canvasRead struct {
	spec   CanvasSpec
	faults amountFaults
	form   jsondecode.Form
	catOK  bool
	unread *unreadParts
}

// unreadParts are the parts of a canvas read from JSON that NewCanvas names
// or counts but that could not be read (an ID or an object of the wrong
// type, a list that is not an array), by index in the spec: the lists of
// needs and outcomes, the needs and the outcomes (the object, or its ID),
// the outcomes' lists of metrics, and the indicators (the object, or its
// metric), by {outcome, indicator}. A nil *unreadParts has none.
type unreadParts struct {
	needs, outcomes        bool
	need, outcome, metrics map[int]bool
	indicator              map[[2]int]bool
}

// mark records, in *m (made if nil), that the part k was not read.
func mark[K comparable](m *map[K]bool, k K) {
	if *m == nil {
		*m = make(map[K]bool)
	}
	(*m)[k] = true
}

// parts returns r's unread parts, made on first use.
func (r *canvasRead) parts() *unreadParts {
	if r.unread == nil {
		r.unread = &unreadParts{}
	}
	return r.unread
}

// needUnread, outcomeUnread, metricsUnread and indicatorUnread report
// whether a part was not read; any is false for a nil u.
func (u *unreadParts) needUnread(i int) bool    { return u != nil && u.need[i] }
func (u *unreadParts) outcomeUnread(i int) bool { return u != nil && u.outcome[i] }
func (u *unreadParts) metricsUnread(i int) bool { return u != nil && u.metrics[i] }
func (u *unreadParts) indicatorUnread(oi, ii int) bool {
	return u != nil && u.indicator[[2]int{oi, ii}]
}
func (u *unreadParts) needsUnread() bool    { return u != nil && u.needs }
func (u *unreadParts) outcomesUnread() bool { return u != nil && u.outcomes }

// readCanvas reads a canvas's JSON form, as [Canvas.UnmarshalJSON] says. If
// data is null or not one object, it returns that one problem.
func readCanvas(data []byte) (*canvasRead, error) {
	r := &canvasRead{form: jsondecode.Form{Pkg: "northstar"}, catOK: true}
	if jsondecode.IsNull(data) {
		return nil, newError(outcome.ErrInvalidJSON, nil, "northstar: a canvas cannot be null")
	}
	members, err := strictjson.Members(data)
	cat, _ := jsondecode.FirstString(members, canvasFields, "category")
	named := nameRead(members, canvasFields, "category")
	if err != nil {
		cat = firstString(data, canvasFields, "category")
	}
	var ids []string
	r.form.At = "canvas"
	if cat != "" {
		ids = []string{cat}
		r.form.At = "canvas " + quote(cat)
	}
	if err != nil {
		r.form.Top(data, ids)
		return nil, r.form.Err()
	}
	f, spec := &r.form, &r.spec
	f.Fields(jsondecode.Path{}, ids, members, canvasFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			r.catOK = jsondecode.Value(f, path, ids, raw, &spec.Category)
		case 1:
			r.text(path, ids, raw, &spec.Name)
		case 2:
			jsondecode.Value(f, path, ids, raw, &spec.Description)
		case 3:
			if amountForm(f, path, ids, raw) {
				r.amount(weightAt, raw, &spec.Weight, named)
			}
		case 4:
			if !r.form.Array(path, ids, raw, func(i int, path jsondecode.Path, raw json.RawMessage) {
				spec.Needs = append(spec.Needs, r.need(i, path, ids, raw))
			}) {
				r.parts().needs = true
			}
		default:
			if !r.form.Array(path, ids, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
				spec.Outcomes = append(spec.Outcomes, SuccessfulOutcome{})
				r.outcome(len(spec.Outcomes)-1, path, ids, raw, named)
			}) {
				r.parts().outcomes = true
			}
		}
	})
	return r, nil
}

// amountWant is what a weight or an importance must be.
const amountWant = "a decimal string or a number"

// amountForm reports whether raw, a weight or an importance at path, is a
// JSON string or number, which [parseAmount] reads: null, or a value of
// another type (true, [1], {}), is a problem of the form, said by its path
// and its type, `"weight" must be a decimal string or a number, not an
// array`, as triplecrown and hierarchy say it, never by its text, which
// would change with the order of its members.
func amountForm(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage) bool {
	if !f.NotNull(path, ids, amountWant, raw) {
		return false
	}
	if t := bytes.TrimSpace(raw); t[0] == '"' || t[0] == '-' || '0' <= t[0] && t[0] <= '9' {
		return true
	}
	_, _, cause := decfmt.ParseJSON(raw, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	f.WrongType(path, ids, amountWant, raw, cause)
	return false
}

// text reads raw, a required text at path, into *s; one of the wrong type
// is reported and stands as [unreadText].
func (r *canvasRead) text(path jsondecode.Path, ids []string, raw json.RawMessage, s *string) {
	if !jsondecode.Value(&r.form, path, ids, raw, s) {
		*s = unreadText
	}
}

// amount reads raw, a weight or an importance at path that is not null,
// into *d, or records why it is not a decimal number under at, if what
// names it was read (named).
func (r *canvasRead) amount(at [2]int, raw json.RawMessage, d *decimal.Decimal, named bool) {
	v, fault, ok := parseAmount(raw)
	switch {
	case ok:
		*d = v
	case named:
		if r.faults == nil {
			r.faults = amountFaults{}
		}
		r.faults[at] = fault
	}
}

// need reads the need at path, the spec's need i, recording it unread if
// its object or its ID cannot be read.
func (r *canvasRead) need(i int, path jsondecode.Path, ids []string, raw json.RawMessage) Need {
	members, ok := r.form.Open(path, ids, raw)
	if !ok {
		mark(&r.parts().need, i)
		return Need{}
	}
	n, idOK := r.needOf(path, ids, members)
	if !idOK {
		mark(&r.parts().need, i)
	}
	return n
}

// needOf reads members, those of the JSON object of the need at path: what
// [canvasRead.need] and [Need.UnmarshalJSON] read; idOK says whether its ID
// was read (a string, or left out).
func (r *canvasRead) needOf(path jsondecode.Path, ids []string, members []strictjson.Member) (n Need, idOK bool) {
	idOK = true
	f := &r.form
	f.Fields(path, ids, members, needFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			idOK = jsondecode.Value(f, path, ids, raw, &n.ID)
		case 1:
			r.text(path, ids, raw, &n.Statement)
		case 2:
			jsondecode.Value(f, path, ids, raw, &n.Measure)
		case 3:
			jsondecode.Value(f, path, ids, raw, &n.Target)
		default:
			jsondecode.Value(f, path, ids, raw, &n.TimeBound)
		}
	})
	return n, idOK
}

// outcome reads the outcome at path into the spec's outcome oi; named
// says whether the category was read.
func (r *canvasRead) outcome(oi int, path jsondecode.Path, ids []string, raw json.RawMessage, named bool) {
	members, ok := r.form.Open(path, ids, raw)
	if !ok {
		mark(&r.parts().outcome, oi)
		return
	}
	r.outcomeOf(oi, path, ids, members, named)
}

// outcomeOf reads members, those of the JSON object of the outcome at path,
// into the spec's outcome oi, as [canvasRead.outcome] says: what it and
// [SuccessfulOutcome.UnmarshalJSON] read.
func (r *canvasRead) outcomeOf(oi int, path jsondecode.Path, ids []string, members []strictjson.Member, named bool) {
	o := &r.spec.Outcomes[oi]
	f := &r.form
	idOK := nameRead(members, outcomeFields, "id")
	f.Fields(path, ids, members, outcomeFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			if !jsondecode.Value(f, path, ids, raw, &o.ID) {
				mark(&r.parts().outcome, oi)
			}
		case 1:
			r.text(path, ids, raw, &o.Name)
		case 2:
			jsondecode.Value(f, path, ids, raw, &o.Description)
		default:
			if !f.Array(path, ids, raw, func(ii int, path jsondecode.Path, raw json.RawMessage) {
				o.Indicators = append(o.Indicators, Indicator{})
				r.indicator([2]int{oi, ii}, &o.Indicators[ii], path, ids, raw, named && idOK)
			}) {
				mark(&r.parts().metrics, oi)
			}
		}
	})
}

// indicator reads the indicator at path into *ind, its importance's fault
// under at; named says whether the category and the outcome's ID were
// read.
func (r *canvasRead) indicator(at [2]int, ind *Indicator, path jsondecode.Path, ids []string, raw json.RawMessage, named bool) {
	f := &r.form
	members, ok := f.Open(path, ids, raw)
	if !ok {
		mark(&r.parts().indicator, at)
		return
	}
	metricOK := nameRead(members, indicatorFields, "metric")
	f.Fields(path, ids, members, indicatorFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		if field == 0 {
			if !jsondecode.Value(f, path, ids, raw, &ind.Metric) {
				mark(&r.parts().indicator, at)
			}
			return
		}
		if amountForm(f, path, ids, raw) {
			r.amount(at, raw, &ind.Importance, named && metricOK)
		} else {
			ind.Importance = decimal.NewFromInt(1) // unread: not zero, so not every importance is zero
		}
	})
}

// faultErrors reports each weight or importance of the spec that is not a
// decimal number, in the order of the spec.
func (r *canvasRead) faultErrors() []error {
	var errs []error
	cat := r.spec.Category
	if f, bad := r.faults[weightAt]; bad {
		errs = append(errs, weightNotDecimal(cat, f))
	}
	for oi, o := range r.spec.Outcomes {
		for ii, ind := range o.Indicators {
			if f, bad := r.faults[[2]int{oi, ii}]; bad {
				errs = append(errs, importanceNotDecimal(cat, o.ID, ind.Metric, f))
			}
		}
	}
	return errs
}

// nameRead reports whether the field name of members (names are the
// object's fields), what names a weight or an importance in a message, was
// read: a string (empty included) or left out (and so ""), not a value of
// the wrong type, a problem of the form that leaves it unknown. A weight or
// an importance that is not a decimal number is reported whenever what
// names it was read, so that a draft spec never reads it as zero.
//
// It reads no text: the first member for the field, if any, is a string if
// its well-formed JSON value opens with a quote (so it allocates nothing,
// where [jsondecode.FirstString] makes the string).
func nameRead(members []strictjson.Member, names []string, name string) bool {
	want := slices.Index(names, name)
	for _, mb := range members {
		if strictjson.Field(names, mb.Key) == want {
			v := bytes.TrimLeft(mb.Value, " \t\r\n")
			return len(v) > 0 && v[0] == '"'
		}
	}
	return true
}

// firstString returns the string value of the field name (names are the
// object's fields) of the object that data opens with, or "": what names a
// definition whose JSON has more after it, in the message that says so.
func firstString(data []byte, names []string, name string) string {
	var raw json.RawMessage
	if json.NewDecoder(bytes.NewReader(data)).Decode(&raw) != nil {
		return ""
	}
	members, err := strictjson.Members(raw)
	if err != nil {
		return ""
	}
	s, _ := jsondecode.FirstString(members, names, name)
	return s
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

// parseAmount parses a weight or an importance given in JSON: a string or a
// number whose text is a decimal number, read by [decfmt.ParseJSON] in
// decimal.NewFromString's syntax, with any number of digits and an exponent
// within ±[decfmt.DefaultMaxExponent] (what NewFromString accepts under
// decimal's defaults), whatever decimal.MaxDecodeExponent says (callers
// refuse null first). An absent value is zero. Otherwise ok is false, and f
// says why.
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
		return newError(ErrWeightOutOfRange, ids, "northstar: "+where+" %q is out of range (exponent %s, beyond ±%d)",
			append(args, clip(f.text), clip(f.exp), decfmt.DefaultMaxExponent)...)
	}
	return newError(ErrInvalidWeight, ids, "northstar: "+where+" %q is not a decimal number",
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
// It writes the spec as it is, without validating it (a draft marshals);
// [CanvasSpec.UnmarshalJSON] reads it back, Equal. But it does not write
// text that is not valid UTF-8, which encoding/json would write with each
// bad byte replaced by U+FFFD, to read back as other text: each such text
// is a problem with code [outcome.ErrInvalidText], in the order of the spec
// (the category, name and description; each need's ID, statement, measure,
// target and time bound; each outcome's ID, name, description and metrics'
// IDs), said as [NewCanvas] says it, with its IDs, `northstar: canvas
// "guests": need "home" has a statement that is not valid UTF-8: "caf\xe9"`
// (an ID: `northstar: canvas "guests": outcome "stay" has a metric id that
// is not valid UTF-8: "m\xff"`, `northstar: canvas "g\xff" has an id that
// is not valid UTF-8`): one problem as the *[outcome.Error] itself, several
// joined with [errors.Join] in that order. What NewCanvas reports as a
// repeat (a need of the ID of a need before it, an outcome of the ID of an
// outcome before it, a metric an outcome listed before) is no problem
// here, so the text of its ID is not said again: an ID is said once, at
// its first listing; a repeated need's or outcome's other texts are said,
// and a metric's ID in each outcome that lists it.
func (s CanvasSpec) MarshalJSON() ([]byte, error) {
	if errs := canvasTextErrors(s); len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	// Empty lists are written [], never null, which the decoders refuse; an
	// outcome's metrics are written so by [SuccessfulOutcome.MarshalJSON].
	return json.Marshal(canvasSpecJSON{Category: s.Category, Name: s.Name, Description: s.Description,
		Weight: decfmt.String(s.Weight), Needs: strictjson.List(s.Needs), Outcomes: strictjson.List(s.Outcomes)})
}

// indicatorJSON is the JSON form of an [Indicator].
type indicatorJSON struct {
	Metric     string `json:"metric"`
	Importance string `json:"importance"`
}

// MarshalJSON implements [json.Marshaler]: the metric's ID and the
// importance as a decimal string, whatever decimal's package-level
// MarshalJSONWithoutQuotes says: {"metric":"nights-booked","importance":"3"}.
// [Indicator.UnmarshalJSON] reads it back, Equal. A metric ID that is not
// valid UTF-8, which encoding/json would write with each bad byte replaced
// by U+FFFD, to read back as another ID, is not written: it is an error
// with code [outcome.ErrInvalidText] and the ID, `northstar: metric
// "m\xff" has an id that is not valid UTF-8`.
func (i Indicator) MarshalJSON() ([]byte, error) {
	if !utf8.ValidString(i.Metric) {
		where, ids := named("metric", i.Metric)
		return nil, appendIDTextError(nil, ids, where, i.Metric)[0]
	}
	return json.Marshal(indicatorJSON{Metric: i.Metric, Importance: decfmt.String(i.Importance)})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes an indicator in the
// form MarshalJSON writes, and does not validate it (a [Canvas] does). It
// reports every problem of the JSON form, as [Canvas.UnmarshalJSON] does,
// each an [outcome.ErrInvalidJSON] naming the metric when it is a string (a
// key that names no field, a field given twice, a value of the wrong type,
// null included: `northstar: metric "fcr": invalid JSON: "importance" must
// be a decimal string or a number, not null`), then an importance that is
// not a decimal number ([ErrInvalidWeight], naming the metric; one whose
// exponent is beyond ±10000 an [ErrWeightOutOfRange]): one problem as the
// *[outcome.Error] itself, several joined with [errors.Join] in that order.
// The importance may be a decimal string or a JSON number;
// left out, it is zero. JSON that is not one object is one error with code
// [outcome.ErrInvalidJSON], and so is null, `northstar: an indicator cannot
// be null`. On error i is unchanged.
func (i *Indicator) UnmarshalJSON(data []byte) error {
	f, members, ids, err := openNamed(data, "indicator", "metric", indicatorFields, "metric")
	if err != nil {
		return err
	}
	var v Indicator
	var fault *amountFault
	metricOK := true
	f.Fields(jsondecode.Path{}, ids, members, indicatorFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		if field == 0 {
			metricOK = jsondecode.Value(&f, path, ids, raw, &v.Metric)
			return
		}
		if amountForm(&f, path, ids, raw) {
			d, bad, ok := parseAmount(raw)
			v.Importance = d
			if !ok {
				fault = &bad
			}
		}
	})
	errs := f.Errors()
	switch {
	case fault == nil:
	case metricOK:
		errs = append(errs, notDecimal(ids, *fault, "metric %q: importance", clip(v.Metric)))
	default:
		errs = append(errs, notDecimal(nil, *fault, "indicator: importance"))
	}
	if len(errs) > 0 {
		return msg.Join(errs...)
	}
	*i = v
	return nil
}

// openNamed returns the members of data, the JSON object of a part of a
// canvas read on its own (what: "need"; names are its fields), named by
// its field idField ("id", "metric") as named ("need", "metric"), with the
// form that reads it and the IDs its problems name: the form's problems
// are said after "northstar: <what>: ", or after `northstar: <named>
// "<id>": ` and naming the ID when that field is a string that is not
// empty, as a canvas is named by its category. If data is null (`northstar:
// a need cannot be null`) or not one JSON object, it returns that one
// problem, naming the ID if it could be read.
func openNamed(data []byte, what, named string, names []string, idField string) (jsondecode.Form, []strictjson.Member, []string, error) {
	f := jsondecode.Form{Pkg: "northstar", At: what}
	if jsondecode.IsNull(data) {
		return f, nil, nil, newError(outcome.ErrInvalidJSON, nil, "northstar: %s cannot be null", withArticleText(what))
	}
	members, err := strictjson.Members(data)
	id, _ := jsondecode.FirstString(members, names, idField)
	if err != nil {
		id = firstString(data, names, idField)
	}
	var ids []string
	if id != "" {
		ids = []string{id}
		f.At = named + " " + quote(id)
	}
	if err != nil {
		f.Top(data, ids)
		return f, nil, nil, f.Err()
	}
	return f, members, ids, nil
}

// needJSON is the JSON form of a [Need]: its fields, with their tags.
type needJSON Need

// MarshalJSON implements [json.Marshaler]: the need's fields as their tags
// name them, "id", "statement", then "measure", "target" and "timeBound",
// each left out when empty, as encoding/json wrote a Need before it had a
// MarshalJSON: {"id":"home","statement":"a place that feels like
// home","timeBound":"2026"}. [Need.UnmarshalJSON] reads it back, Equal.
//
// It does not validate the need, but it does not write text that is not
// valid UTF-8, which encoding/json would write with each bad byte replaced
// by U+FFFD, to read back as other text: each such text is a problem with
// code [outcome.ErrInvalidText], in the order of the fields (the ID,
// statement, measure, target, time bound), said as [NewCanvas] says it but
// for the canvas, naming the need by its ID and with it as its ID, or as "a
// need" and with no ID when the ID is empty (`northstar: need "home" has a
// statement that is not valid UTF-8: "caf\xe9"`, `northstar: a need has a
// target that is not valid UTF-8: "\xff"`; an ID: `northstar: need "h\xff"
// has an id that is not valid UTF-8`): one problem as the *[outcome.Error]
// itself, several joined with [errors.Join] in that order.
func (n Need) MarshalJSON() ([]byte, error) {
	if !needTextValid(n) {
		where, ids := named("need", n.ID)
		return nil, msg.Join(needTextErrors(nil, ids, where, n, false)...)
	}
	return json.Marshal(needJSON(n))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a need as
// [Canvas.UnmarshalJSON] and [CanvasSpec.UnmarshalJSON] read each of a
// canvas's needs, strictly, and does not validate it (a [Canvas] does): it
// reports every problem of the JSON form, each an [outcome.ErrInvalidJSON]
// said by its JSON path from the need, in the order of the fields (id,
// statement, measure, target, timeBound), a field given again right after
// the field (also under a key that differs only in case, the first being
// the one read), then the keys that name no field, sorted (one problem as
// the *[outcome.Error] itself, several joined with [errors.Join] in that
// order): a key that names no field, a field given twice, and each
// value of the wrong type, null included (`northstar: need "home": invalid
// JSON: "statement" must be a string, not the number 5`). The problems name
// the need's ID when it is a string that is not empty, and are said after
// "northstar: need: " when it is not. A field left out is "". JSON that is
// not one object is one error with code [outcome.ErrInvalidJSON], and so is
// null, `northstar: a need cannot be null`. On error n is unchanged.
func (n *Need) UnmarshalJSON(data []byte) error {
	f, members, ids, err := openNamed(data, "need", "need", needFields, "id")
	if err != nil {
		return err
	}
	r := canvasRead{form: f}
	v, _ := r.needOf(jsondecode.Path{}, ids, members)
	if err := r.form.Err(); err != nil {
		return err
	}
	*n = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads an outcome as
// [Canvas.UnmarshalJSON] and [CanvasSpec.UnmarshalJSON] read each of a
// canvas's outcomes, strictly, and does not validate it (a [Canvas] does).
// It reports every problem (one problem as the *[outcome.Error] itself,
// several joined with [errors.Join] in this order): first each problem of
// the JSON form, an [outcome.ErrInvalidJSON] said by its JSON path from the
// outcome, in the order of the fields (id, name, description, metrics; a
// metric's metric, importance), a field given again right after the field
// (also under a key that differs only in case, the first being the one
// read), then the keys that name no field, sorted, the metrics in order: a
// key that names no field, a field given twice, and each value of the
// wrong type, null included (`northstar: outcome "stay": invalid JSON:
// "metrics[1].importance" must be a decimal string or a number, not null`;
// null metrics too, which MarshalJSON never writes); then each importance
// that is not a decimal number, in order, an [ErrInvalidWeight] (one whose
// exponent is beyond ±10000 an [ErrWeightOutOfRange]) naming the outcome
// and the metric, `northstar: outcome "stay": metric "fcr": importance
// "high" is not a decimal number`, unless the outcome's ID or the metric is
// of the wrong type. The problems name the outcome's ID when it is a string
// that is not empty, and are said after "northstar: outcome: " when it is
// not. An importance may be a decimal string or a JSON number; left out, it
// is zero. JSON that is not one object is one error with code
// [outcome.ErrInvalidJSON], and so is null, `northstar: an outcome cannot
// be null`. On error x is unchanged.
func (x *SuccessfulOutcome) UnmarshalJSON(data []byte) error {
	f, members, ids, err := openNamed(data, "outcome", "outcome", outcomeFields, "id")
	if err != nil {
		return err
	}
	r := canvasRead{form: f, spec: CanvasSpec{Outcomes: make([]SuccessfulOutcome, 1)}}
	r.outcomeOf(0, jsondecode.Path{}, ids, members, true)
	errs := r.form.Errors()
	v := r.spec.Outcomes[0]
	for ii, ind := range v.Indicators {
		if bad, ok := r.faults[[2]int{0, ii}]; ok {
			if v.ID != "" {
				errs = append(errs, notDecimal([]string{v.ID, ind.Metric}, bad, "outcome %q: metric %q: importance", clip(v.ID), clip(ind.Metric)))
			} else {
				errs = append(errs, notDecimal([]string{ind.Metric}, bad, "outcome: metric %q: importance", clip(ind.Metric)))
			}
		}
	}
	if len(errs) > 0 {
		return msg.Join(errs...)
	}
	*x = v
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

// weightsFields are the JSON fields of [Weights], in criterion order.
var weightsFields = []string{"coverage", "lead", "linkage", "ratings", "reach"}

// weightsRead is [Weights] read from JSON member by member: the weights,
// each criterion's that is not a decimal number in faults (zero in w), and
// those that are null in unread (zero in w).
type weightsRead struct {
	w      Weights
	faults map[Criterion]amountFault
	unread [numCriteria + 1]bool
}

// read reads members, those of the JSON object of weights at path,
// reporting the problems of its form to f.
func (r *weightsRead) read(f *jsondecode.Form, path jsondecode.Path, members []strictjson.Member) {
	var ids []string
	f.Fields(path, ids, members, weightsFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		c := Criterion(field + 1)
		if !amountForm(f, path, ids, raw) {
			r.unread[c] = true
			return
		}
		d, bad, ok := parseAmount(raw)
		if !ok {
			if r.faults == nil {
				r.faults = make(map[Criterion]amountFault)
			}
			r.faults[c] = bad
		}
		r.w = r.w.With(c, d)
	})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes weights in the
// form MarshalJSON writes, and does not validate them (a [Policy] does). It
// reports every problem of the JSON form, in criterion order (coverage,
// lead, linkage, ratings, reach), a weight given again right after the
// weight, then the keys that name no field, sorted, however the members are
// ordered, each an [outcome.ErrInvalidJSON] (a key that names no field, a
// weight given twice, also under keys that differ only in case, the first
// being the one read, and a weight that is null or neither a string nor a
// number: `northstar: weights: invalid JSON: "lead" must be a decimal string
// or a number, not null`), then, in criterion order, each weight whose text
// is not a decimal number, an [ErrInvalidWeight] naming the criterion (one whose exponent is
// beyond ±10000 an [ErrWeightOutOfRange]): one problem as the
// *[outcome.Error] itself, several joined with [errors.Join] in that order. A
// weight left out is zero. JSON that is not one object is one error with
// code [outcome.ErrInvalidJSON], and so is null, `northstar: weights cannot
// be null`. On error w is unchanged.
func (w *Weights) UnmarshalJSON(data []byte) error {
	f := jsondecode.Form{Pkg: "northstar", At: "weights"}
	members, err := f.OpenTop(data, "weights cannot be null")
	if err != nil {
		return err
	}
	var r weightsRead
	r.read(&f, jsondecode.Path{}, members)
	errs := f.Errors()
	for c := range Criteria() {
		if bad, ok := r.faults[c]; ok {
			errs = append(errs, notDecimal(nil, bad, "weight of %s", c))
		}
	}
	if len(errs) > 0 {
		return msg.Join(errs...)
	}
	*w = r.w
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "pearson" or "spearman".
// Marshalling an invalid Method is an error with code [ErrUnknownMethod].
func (m Method) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, newError(ErrUnknownMethod, nil, "northstar: cannot marshal invalid correlation method %d", uint8(m))
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
		return nil, newError(ErrUnknownVerdict, nil, "northstar: cannot marshal invalid verdict %d", uint8(v))
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
		return nil, newError(ErrUnknownCriterion, nil, "northstar: cannot marshal invalid criterion %d", uint8(c))
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

// MarshalText implements [encoding.TextMarshaler]: "outcome", "canvas",
// "hierarchy" or "lead". Marshalling an invalid Gate is an error with code
// [ErrUnknownGate].
func (g Gate) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, newError(ErrUnknownGate, nil, "northstar: cannot marshal invalid gate %d", uint8(g))
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

// leadLagIn is a [LeadLag] read from JSON member by member: [leadLagJSON]
// with the method and the verdict as text, parsed after reading so that
// every problem is reported, the interval as a slice, whose length is
// checked (encoding/json decodes [0.1,0.2,0.3] into a [2]float64 as [0.1,
// 0.2], dropping the rest, and [0.1] as [0.1, 0]), the confidence level as
// written, and whether each part was read: a part whose JSON form has a
// problem is not checked, nor is what needs it.
type leadLagIn struct {
	Method       string
	Len          int
	MaxLag       int
	Confidence   float64
	PerLag       float64
	Correlations []Correlation
	Best         Correlation
	Interval     []float64
	Verdict      string

	confText string        // the confidence level as written
	unread   [llCount]bool // each field that could not be read, by its index in leadLagFields
}

// The JSON fields of a [LeadLag] and of a [Correlation], in the order
// MarshalJSON writes them.
var (
	leadLagFields     = []string{"method", "len", "maxLag", "confidence", "perLagConfidence", "correlations", "best", "interval", "verdict"}
	correlationFields = []string{"lag", "r", "pairs"}
)

// The indexes of a lead/lag result's fields in leadLagFields.
const (
	llMethod = iota
	llLen
	llMaxLag
	llConfidence
	llPerLag
	llCorrelations
	llBest
	llInterval
	llVerdict
	llCount
)

// UnmarshalJSON implements [json.Unmarshaler]. It reads a result in the form
// [LeadLag.MarshalJSON] writes, so that a stored [Ranking] reads back whole;
// JSON null gives the zero LeadLag, as MarshalJSON writes it. It reports
// every problem (one problem as the *[outcome.Error] itself, several joined,
// in one list, with [errors.Join] in this order): first, in the order of the
// fields as MarshalJSON writes them (method, len, maxLag, confidence,
// perLagConfidence, correlations, best, interval, verdict; a correlation's
// lag, r, pairs; the correlations and the interval's ends in order), a
// field given again right after the field and the keys that name no field
// after an object's fields, sorted, so that the order of the members does
// not change it, each problem of the JSON form, an
// [outcome.ErrInvalidJSON], in the words of [Canvas.UnmarshalJSON] and
// [Policy.UnmarshalJSON]: a key that names no field (`northstar: lead/lag
// result: invalid JSON: unknown field "correlations[0].q"`), a field given
// twice, also under keys that differ only in case, the first being the one
// read, and each value of the wrong JSON type, null included, named by its
// JSON path (`"best.r" must be a number, not the string "x"`,
// `"interval" must be an array, not null`), and a correlation, a per-lag
// confidence or an end of the interval too small for a float64 but not
// written 0 (`"best.r" must be 0 or a number from 5e-324 to
// 1.7976931348623157e+308 in magnitude, not the number 1e-400`), which
// encoding/json reads as 0. A field left out is zero, as
// encoding/json leaves it (an absent interval has no ends, an absent method
// is the text "").
//
// Then the problems of the parts read, in the same list. Nothing is
// recomputed, but the parts must agree as [AnalyzeLeadLag] makes them: a
// method or verdict that names none ([ErrUnknownMethod], [ErrUnknownVerdict]); a negative
// maximum lag ([ErrInvalidLag]); a confidence level not strictly between 0
// and 1 (also "1e-400", too small to hold, which reads as 0), or written
// below the smallest normal float64 (2^-1022, "5e-324"), as AnalyzeLeadLag
// refuses it, said as written ([ErrInvalidConfidence]); a length below the maximum lag plus
// [MinPairs] ([ErrSeriesTooShort]); and [ErrInvalidLeadLag] for correlations
// that are not one at each lag from -maxLag to maxLag in order, each from the
// length less |lag| pairs and from -1 to 1, a best correlation that is not
// the strongest of them (the tie rule of [LeadLag] applies), a per-lag
// confidence other than 1 - (1-c)/(2·maxLag+1), an interval that is not
// exactly two numbers (absent, [], [0.1] or [0.1,0.2,0.3]: a
// [2]float64 would have taken the first two and dropped the rest, or made
// up a 0), whose ends are not in order within [-1, 1] or that is not the
// Fisher interval of the best correlation, or a verdict that the interval
// and the strongest lag do not give. A part whose form has a problem is not
// checked, nor is anything that needs it (correlations that could not all
// be read are not counted, nor compared with the best), but what does not
// need it still is: the correlations are counted against the maximum lag
// alone, and their lags, pairs and values checked with the length too; the
// per-lag confidence needs the confidence level and the maximum lag alone,
// so a length, correlations or an interval that cannot be read, or
// correlations of the wrong count, do not keep it from being checked.
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
// if that is not the Fisher interval, against the recomputed one). JSON
// that is not one object (malformed, another value, trailing data) is one
// error with code [outcome.ErrInvalidJSON]. On error l is unchanged.
func (l *LeadLag) UnmarshalJSON(data []byte) error {
	if jsondecode.IsNull(data) {
		*l = LeadLag{}
		return nil
	}
	f := jsondecode.Form{Pkg: "northstar", At: "lead/lag result"}
	members, ok := f.Top(data, nil)
	if !ok {
		return f.Err()
	}
	in := readLeadLag(&f, jsondecode.Path{}, nil, members)
	v, errs := in.leadLag()
	if err := msg.Join(append(f.Errors(), errs...)...); err != nil { // the form's problems, then the parts'
		return err
	}
	*l = v
	return nil
}

// readLeadLag reads members, those of the JSON object of a lead/lag result
// at path, reporting the problems of their form to f, naming ids.
func readLeadLag(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) leadLagIn {
	var in leadLagIn
	f.Fields(path, ids, members, leadLagFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		ok := true
		switch field {
		case llMethod:
			ok = jsondecode.Value(f, path, ids, raw, &in.Method)
		case llLen:
			ok = jsondecode.Value(f, path, ids, raw, &in.Len)
		case llMaxLag:
			ok = jsondecode.Value(f, path, ids, raw, &in.MaxLag)
		case llConfidence:
			if ok = jsondecode.Value(f, path, ids, raw, &in.Confidence); ok {
				in.confText = string(bytes.TrimSpace(raw))
			}
		case llPerLag:
			ok = readFloat(f, path, ids, raw, &in.PerLag)
		case llCorrelations:
			in.Correlations, ok = readArray(f, path, ids, raw, readCorrelation)
		case llBest:
			ok = readCorrelation(f, path, ids, raw, &in.Best)
		case llInterval:
			in.Interval, ok = readArray(f, path, ids, raw, readFloat)
		default:
			ok = jsondecode.Value(f, path, ids, raw, &in.Verdict)
		}
		in.unread[field] = !ok
	})
	return in
}

// readArray reads raw, the JSON array at path, each element with read, and
// returns the elements read (empty, not nil, whatever raw is) and whether
// raw is an array whose every element was read; the problems of their form
// go to f, naming ids.
func readArray[T any](f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage,
	read func(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, v *T) bool) ([]T, bool) {
	list, each := []T{}, true
	ok := f.Array(path, ids, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
		var v T
		each = read(f, path, ids, raw, &v) && each
		list = append(list, v)
	})
	return list, ok && each
}

// readCorrelation reads raw, the correlation at path, into *c, reporting
// the problems of its form to f, naming ids, and reports whether its values were read
// (a key that names no field, or a field given again, leaves them read).
func readCorrelation(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, c *Correlation) bool {
	members, ok := f.Open(path, ids, raw)
	if !ok {
		return false
	}
	f.Fields(path, ids, members, correlationFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			ok = jsondecode.Value(f, path, ids, raw, &c.Lag) && ok
		case 1:
			ok = readFloat(f, path, ids, raw, &c.R) && ok
		default:
			ok = jsondecode.Value(f, path, ids, raw, &c.Pairs) && ok
		}
	})
	return ok
}

// leadLag checks the decoded parts and returns the LeadLag they make, or
// every problem found in the parts that were read, one by one, in order.
func (in leadLagIn) leadLag() (LeadLag, []error) {
	var errs []error
	bad := func(code outcome.Code, format string, args ...any) {
		errs = append(errs, newError(code, nil, "northstar: lead/lag result: "+format, args...))
	}
	read := func(field int) bool { return !in.unread[field] }
	method, err := ParseMethod(in.Method)
	if err != nil && read(llMethod) {
		errs = append(errs, err)
	}
	verdict, err := ParseVerdict(in.Verdict)
	if err != nil && read(llVerdict) {
		errs = append(errs, err)
	}
	maxLag, n, c := in.MaxLag, in.Len, in.Confidence
	lagOK := maxLag >= 0 && read(llMaxLag)
	if maxLag < 0 {
		bad(ErrInvalidLag, "maximum lag %d is negative", maxLag)
	}
	confOK := false
	if read(llConfidence) {
		shown := fmt.Sprint(c)
		if in.confText != "" {
			shown = clip(in.confText)
		}
		switch {
		case floattext.Negative(in.confText, c) || !(c > 0 && c < 1) && !floattext.Underflows(in.confText, c):
			bad(ErrInvalidConfidence, "confidence level %s is not strictly between 0 and 1", shown)
		case c == 0: // written too small to hold, "1e-400": as LagOptions says it
			bad(ErrInvalidConfidence, "confidence level %s is not strictly between 0 and 1: %s", shown, floattext.ReadsAsZero)
		case floattext.Underflows(in.confText, c): // as AnalyzeLeadLag refuses a subnormal level
			bad(ErrInvalidConfidence, "confidence level %s is below %s, the smallest positive number held to full precision",
				shown, floattext.MinNormalText)
		default:
			confOK = true
		}
	}
	nOK := read(llLen)
	if lagOK && nOK && (n < MinPairs || n-maxLag < MinPairs) { // n-maxLag cannot wrap
		bad(ErrSeriesTooShort, "series of %d values are too short for lags up to %d: at least %d values are needed",
			n, maxLag, uint64(maxLag)+MinPairs)
	}

	// The correlations, one at each lag from -maxLag to maxLag: their count
	// needs the maximum lag, their lags, pairs and values the length too.
	var r []float64
	corrOK := lagOK && read(llCorrelations)
	countOK := corrOK && maxLag <= len(in.Correlations) && len(in.Correlations) == 2*maxLag+1
	if countOK && nOK {
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
	} else if corrOK && !countOK {
		bad(ErrInvalidLeadLag, "%d correlations for lags up to %d, where %d (one at each lag from %d to %d) are expected",
			len(in.Correlations), maxLag, uint64(maxLag)*2+1, -maxLag, maxLag)
	}

	best := -1
	if r != nil && read(llBest) {
		best = strongest(r)
		if want := in.Correlations[best]; in.Best != want {
			bad(ErrInvalidLeadLag, "best correlation is r = %v from %d pairs at lag %d, where the strongest is r = %v from %d pairs at lag %d",
				in.Best.R, in.Best.Pairs, in.Best.Lag, want.R, want.Pairs, want.Lag)
			best = -1
		}
	}
	perLagOK := false
	if lagOK && confOK && read(llPerLag) { // it needs the level and the maximum lag alone
		want := perLagConfidence(c, maxLag)
		perLagOK = in.PerLag == want
		if !perLagOK {
			bad(ErrInvalidLeadLag, "per-lag confidence %v, where 1 - (1-%v)/%d = %v is expected", in.PerLag, c, 2*maxLag+1, want)
		}
	}
	var low, high float64
	intervalOK := len(in.Interval) == 2 && read(llInterval)
	switch {
	case !read(llInterval):
	case !intervalOK:
		numbers := "numbers"
		if len(in.Interval) == 1 {
			numbers = "number"
		}
		bad(ErrInvalidLeadLag, "interval of %d %s, where two (its low and high ends) are expected", len(in.Interval), numbers)
	default:
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
		return LeadLag{}, errs
	}
	return LeadLag{method: method, n: n, confidence: c, perLag: in.PerLag, r: r, best: best,
		low: low, high: high, verdict: verdict}, nil
}

// policyFaults holds what a policy decoded from JSON could not read: each
// criterion's weight that could not be read, and the problem of a method
// that names none.
type policyFaults struct {
	weights    map[Criterion]amountFault
	method     error
	confidence string // the lead/lag confidence level as written, if read
}

// The JSON fields of a [Policy] and of its [LagOptions].
var (
	policyFields = []string{"weights", "leadLag"}
	lagFields    = []string{"maxLag", "method", "confidence"}
)

// policyJSON is the JSON form of a [Policy]: its fields, with their tags.
type policyJSON Policy

// MarshalJSON implements [json.Marshaler]: "weights", as
// [Weights.MarshalJSON] writes them, and "leadLag", the lead/lag options as
// their tags name them (a zero method or confidence left out), as
// encoding/json wrote a Policy before it had a MarshalJSON:
// {"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"},"leadLag":{"maxLag":3,"method":"pearson","confidence":0.95}}.
// [Policy.UnmarshalJSON] reads it back.
//
// A policy that [Policy.Validate] refuses cannot be marshalled, as its JSON
// would not read back, nor can a [Ranking] with one: each of the policy's
// problems is returned, with its code, after "northstar: cannot marshal a
// policy: " (`northstar: cannot marshal a policy: policy: every criterion
// weight is zero (start from DefaultPolicy)`, [ErrZeroWeights], for the
// zero Policy), in Validate's order: one problem as the *[outcome.Error]
// itself, several joined with [errors.Join]. (encoding/json's Marshal
// wraps what MarshalJSON returns in a [json.MarshalerError].)
func (p Policy) MarshalJSON() ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, cannotMarshal("a policy", err)
	}
	return json.Marshal(policyJSON(p))
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a policy in the
// form [Policy.MarshalJSON] writes (the weights as [Weights.MarshalJSON]
// writes them, decimal strings, or as JSON numbers; a weight left out is
// zero), and validates it as [Policy.Validate] does. It reports every
// problem (one problem as the *[outcome.Error] itself, several joined, in
// one list, with [errors.Join] in this order): first, in the order of the fields
// (weights, then leadLag; the weights as [Weights.UnmarshalJSON] orders
// them; leadLag's maxLag, method, confidence), a field given again right
// after the field and the keys that name no field after an object's
// fields, sorted, so that the order of the members does not change it, each
// problem of the JSON form, an [outcome.ErrInvalidJSON] (a key that names
// no field, a field given twice, also under keys that differ only in case,
// the first being the one read, and each value of the wrong JSON type, null
// included, named by its JSON path: `northstar: policy: invalid JSON:
// "leadLag.maxLag" must be an integer, not the string "3"`); then the
// problems Validate reports, in its order, where a weight that is neither a
// string nor a number, or whose text is not a decimal number, is an
// [ErrInvalidWeight] (one whose exponent is beyond ±10000 an
// [ErrWeightOutOfRange]) and a method that names none an
// [ErrUnknownMethod], each in its place among them, a confidence level
// written too small for a float64 to hold is an [ErrInvalidConfidence]
// said as written, never read as zero, the default (`northstar: policy:
// leadLag: confidence level 1e-400 is not strictly between 0 and 1: it is
// too small to hold, and reads as 0`, as outcome says it; "-1e-400" is not
// strictly between 0 and 1 either, and "5e-324" is below the smallest normal
// float64), and each is said as
// Validate says them, after "northstar: policy: " (`northstar: policy:
// leadLag: unknown correlation method "kendall"`). A value of the wrong
// type is not checked again: a null weight, or weights that are not an
// object, do not make every weight zero, and a maximum lag, a method or a
// confidence of the wrong type is not checked. JSON that is not one object
// is one error with code [outcome.ErrInvalidJSON], and so is null,
// `northstar: a policy cannot be null`. On error p is left unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	f := jsondecode.Form{Pkg: "northstar", At: "policy"}
	members, err := f.OpenTop(data, "a policy cannot be null")
	if err != nil {
		return err
	}
	v, errs := readPolicy(&f, jsondecode.Path{}, members)
	if err := msg.Join(append(f.Errors(), errs...)...); err != nil { // the form's problems, then the values'
		return err
	}
	*p = v
	return nil
}

// readPolicy reads members, those of the JSON object of a policy at path,
// reporting the problems of their form to f, and returns the policy read
// and the problems [Policy.Validate] finds in it, one by one, as
// [Policy.UnmarshalJSON] says.
func readPolicy(f *jsondecode.Form, path jsondecode.Path, members []strictjson.Member) (Policy, []error) {
	var r weightsRead
	var lag LagOptions
	var methodErr error
	var confText string
	f.Fields(path, nil, members, policyFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		members, ok := f.Open(path, nil, raw)
		switch {
		case !ok && field == 0:
			for c := range Criteria() {
				r.unread[c] = true
			}
		case !ok:
		case field == 0:
			r.read(f, path, members)
		default:
			lag, confText, methodErr = readLagOptions(f, path, members, policyLeadLag)
		}
	})
	v := Policy{Weights: r.w, LeadLag: lag}
	// A weight that is unread is checked as 1: not at all, and not zero.
	check := v
	for c := range Criteria() {
		if r.unread[c] {
			check.Weights = check.Weights.With(c, decimal.NewFromInt(1))
		}
	}
	return v, check.validate(policyFaults{weights: r.faults, method: methodErr, confidence: confText})
}

// readLagOptions reads members, those of the JSON object of lead/lag
// options at path, reporting the problems of their form to f, and returns
// the options read, the confidence level as written, if read, and the
// problem of a method that names none, said after "northstar: " and where
// (`northstar: policy: leadLag: unknown correlation method "kendall"`), for
// [LagOptions.validate]: what [Policy.UnmarshalJSON] and
// [LagOptions.UnmarshalJSON] read.
func readLagOptions(f *jsondecode.Form, path jsondecode.Path, members []strictjson.Member, where string) (lag LagOptions, confText string, methodErr error) {
	f.Fields(path, nil, members, lagFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			jsondecode.Value(f, path, nil, raw, &lag.MaxLag)
		case 1:
			var text string
			if jsondecode.Value(f, path, nil, raw, &text) {
				var err error
				if lag.Method, err = ParseMethod(text); err != nil {
					methodErr = newError(ErrUnknownMethod, nil,
						"northstar: "+where+"unknown correlation method %q", clip(text))
				}
			}
		default:
			if jsondecode.Value(f, path, nil, raw, &lag.Confidence) {
				confText = string(raw)
			}
		}
	})
	return lag, confText, methodErr
}

// lagOptionsAt says where lead/lag options read on their own are, in a
// message.
const lagOptionsAt = "lead/lag options: "

// UnmarshalJSON implements [json.Unmarshaler]. It reads lead/lag options as
// [Policy.UnmarshalJSON] reads a policy's "leadLag", and validates them as
// it does (and as [AnalyzeLeadLag] does), with every problem said after
// "northstar: lead/lag options: " where the policy's are said after
// "northstar: policy: leadLag: ", and by its JSON path from the options. It
// reports every problem (one problem as the *[outcome.Error] itself, several
// joined with [errors.Join] in this order): first each problem of
// the JSON form, an [outcome.ErrInvalidJSON], in the order of the fields
// (maxLag, method, confidence), a field given again right after the field
// (also under a key that differs only in case, the first being the one
// read), then the keys that name no field, sorted: a key that names no
// field, a field given twice, and each value of the wrong type, null
// included (`northstar: lead/lag options: invalid JSON: "maxLag" must be an
// integer, not the string "3"`); then the options' problems: a negative
// maximum lag ([ErrInvalidLag]), a method that names none
// ([ErrUnknownMethod], `northstar: lead/lag options: unknown correlation
// method "kendall"`), and a confidence level not strictly between 0 and 1
// or written too small for a float64 to hold, said as written, never read
// as zero, the default ([ErrInvalidConfidence]: `northstar: lead/lag
// options: confidence level 1e-400 is not strictly between 0 and 1: it is
// too small to hold, and reads as 0`, as outcome says it; `confidence level
// 5e-324 is below 2.2250738585072014e-308, the smallest positive number
// held to full precision`). A field of the wrong
// type is not checked again. A field left out is zero: a zero method is
// [Pearson], a zero confidence [DefaultConfidence]. JSON that is not one
// object is one error with code [outcome.ErrInvalidJSON], and so is null,
// `northstar: lead/lag options cannot be null`. On error o is unchanged.
func (o *LagOptions) UnmarshalJSON(data []byte) error {
	f := jsondecode.Form{Pkg: "northstar", At: "lead/lag options"}
	members, err := f.OpenTop(data, "lead/lag options cannot be null")
	if err != nil {
		return err
	}
	v, confText, methodErr := readLagOptions(&f, jsondecode.Path{}, members, lagOptionsAt)
	if err := msg.Join(append(f.Errors(), v.validate(lagOptionsAt, nil, methodErr, confText)...)...); err != nil {
		return err
	}
	*o = v
	return nil
}

// successfulOutcomeJSON is the JSON form of a [SuccessfulOutcome]: its
// fields, with their tags.
type successfulOutcomeJSON SuccessfulOutcome

// MarshalJSON implements [json.Marshaler]: "id", "name", "description"
// (left out when empty) and "metrics", each as [Indicator.MarshalJSON]
// writes it, [] when there are none, never null, which the canvas decoders
// refuse. [SuccessfulOutcome.UnmarshalJSON] reads it back, Equal.
//
// It does not validate the outcome, but it does not write text that is not
// valid UTF-8, which encoding/json would write with each bad byte replaced
// by U+FFFD, to read back as other text: each such text is a problem with
// code [outcome.ErrInvalidText], in the order of the fields (the ID, name,
// description, then each metric's ID, once, at its first listing: a metric
// listed again is a repeat, which NewCanvas reports and marshalling does
// not, so its text is not said again), said as [NewCanvas] says it but
// for the canvas, naming the outcome by its ID and with it among its IDs,
// or as "an outcome" and with no ID when the ID is empty (`northstar:
// outcome "stay" has a name that is not valid UTF-8: "caf\xe9"`,
// `northstar: outcome "stay" has a metric id that is not valid UTF-8:
// "m\xff"`, with the metric's ID after the outcome's; `northstar: outcome
// "s\xff" has an id that is not valid UTF-8`): one problem as the
// *[outcome.Error] itself, several joined with [errors.Join] in that order.
func (o SuccessfulOutcome) MarshalJSON() ([]byte, error) {
	if !outcomeTextValid(o) {
		where, ids := named("outcome", o.ID)
		return nil, msg.Join(outcomeTextErrors(nil, ids, where, o, false)...)
	}
	o.Indicators = strictjson.List(o.Indicators)
	return json.Marshal(successfulOutcomeJSON(o))
}

// inputMetricJSON is the JSON form of an [InputMetric]: its fields, with
// their tags.
type inputMetricJSON InputMetric

// MarshalJSON implements [json.Marshaler]: "metric", as
// [outcome.Metric.MarshalJSON] writes it, "nodes", [] when there are none,
// never null, "influence" and "direct" (left out when false).
// [InputMetric.UnmarshalJSON] reads it back.
func (m InputMetric) MarshalJSON() ([]byte, error) {
	m.Nodes = strictjson.List(m.Nodes)
	return json.Marshal(inputMetricJSON(m))
}

// entryJSON is the JSON form of an [Entry]: its fields, with their tags.
type entryJSON Entry

// MarshalJSON implements [json.Marshaler]: the entry's fields as their tags
// name them, "scores" [] when there are none, never null; the other lists
// are left out when empty. [Entry.UnmarshalJSON] reads it back.
func (e Entry) MarshalJSON() ([]byte, error) {
	e.Scores = strictjson.List(e.Scores)
	return json.Marshal(entryJSON(e))
}

// cannotMarshal returns each problem of err, an invalid policy's, with its
// code, IDs and severity, after "northstar: cannot marshal " and what,
// which cannot be marshalled for it: `northstar: cannot marshal a ranking:
// policy: ...`; one problem as itself, several joined ([msg.Join]).
func cannotMarshal(what string, err error) error {
	var errs []error
	for _, p := range outcome.Problems(err) {
		errs = append(errs, &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: p.IDs,
			Message: "northstar: cannot marshal " + what + ": " + trimPkg(p.Message), Err: p})
	}
	return msg.Join(errs...)
}

// rankingJSON is the JSON form of a [Ranking]: its fields, with their tags.
type rankingJSON Ranking

// MarshalJSON implements [json.Marshaler]: the ranking's fields as their
// tags name them, "entries" [] when there are none, never null, each as
// [Entry.MarshalJSON] writes it; the input metrics and warnings are left out
// when empty. [Ranking.UnmarshalJSON] reads it back.
//
// A ranking whose policy [Policy.Validate] refuses cannot be marshalled,
// as the ranking could not be read back: each of the policy's problems is
// returned, with its code, after "northstar: cannot marshal a ranking: "
// (`northstar: cannot marshal a ranking: policy: every criterion weight is
// zero (start from DefaultPolicy)`, [ErrZeroWeights], for the zero
// Ranking, which [Select] returns with its error), in Validate's order: one
// problem as the *[outcome.Error] itself, several joined with
// [errors.Join]. A ranking that Select
// returns without an error has the policy it was given, which Select
// validated.
func (r Ranking) MarshalJSON() ([]byte, error) {
	if err := r.Policy.Validate(); err != nil {
		return nil, cannotMarshal("a ranking", err)
	}
	r.Entries = strictjson.List(r.Entries)
	return json.Marshal(rankingJSON(r))
}
