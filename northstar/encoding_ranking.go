package northstar

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// The JSON fields of a [Ranking] and of its parts, in the order of their
// structs, as encoding/json writes them.
var (
	rankingFields      = []string{"entries", "policy", "robustness", "inputMetrics", "warnings"}
	entryFields        = []string{"rank", "metric", "eligible", "failed", "total", "scores", "categories", "evidence", "links", "nodes"}
	gateFailureFields  = []string{"gate", "reason"}
	scoreFields        = []string{"criterion", "raw", "normalised", "weight", "contribution", "missing"}
	categoryFields     = []string{"category", "weight", "share", "raw", "contribution"}
	evidenceFields     = []string{"outcome", "kind", "leadLag", "aligned", "strength"}
	linkFields         = []string{"outcome", "kind", "declared", "evidence", "feeds", "fedBy"}
	robustnessFields   = []string{"runnerUp", "margin", "changes"}
	weightChangeFields = []string{"criterion", "from", "to", "rise", "challenger"}
	inputMetricFields  = []string{"metric", "nodes", "influence", "direct"}
	warningFields      = []string{"code", "severity", "ids", "message"}
	metricIDField      = []string{"id"}
)

// floatWant is what a number of a ranking must be: one that a float64
// holds, so that one written too small for it (1e-400) is not read as 0.
const floatWant = "0 or a number from 5e-324 to 1.7976931348623157e+308 in magnitude"

// errFloatUnderflow is the cause of a problem of a number written too small
// for a float64, which encoding/json reads as 0.
var errFloatUnderflow = errors.New("number too small for a float64: it reads as 0")

// rankingRead reads a [Ranking], or one of its parts, from JSON member by
// member: the problems of its JSON form go to f, those of its values to
// vals, each in the order of the fields.
type rankingRead struct {
	f    jsondecode.Form
	vals []error
}

// reader reads the JSON value raw at path: a field whose value is a list
// or an object of the ranking's own.
type reader func(path jsondecode.Path, raw json.RawMessage)

// decodeResult decodes data, the JSON object of one of a ranking's parts
// (at names it in messages, "ranking", "entry"), with read, into a new
// value, and returns it or every problem, the form's first (one problem as
// itself, several joined: [msg.Join]); null is one problem, `northstar: a
// ranking cannot be null`.
func decodeResult[T any](data []byte, at string, read func(r *rankingRead, members []strictjson.Member, v *T)) (T, error) {
	return decodeResultNull(data, at, withArticleText(at)+" cannot be null", read)
}

// decodeResultNull is decodeResult with null refused in the words of null
// ("evidence cannot be null").
func decodeResultNull[T any](data []byte, at, null string, read func(r *rankingRead, members []strictjson.Member, v *T)) (T, error) {
	var v T
	r := rankingRead{f: jsondecode.Form{Pkg: "northstar", At: at}}
	members, err := r.f.OpenTop(data, null)
	if err != nil {
		return v, err
	}
	read(&r, members, &v)
	if errs := append(r.f.Errors(), r.vals...); len(errs) > 0 {
		return v, msg.Join(errs...)
	}
	return v, nil
}

// withArticleText returns what, a noun, with "a" or "an" before it.
func withArticleText(what string) string {
	if strings.IndexByte("aeiou", what[0]) >= 0 {
		return "an " + what
	}
	return "a " + what
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a ranking in the
// form [Ranking.MarshalJSON] writes, member by member, as the package's
// definitions are read ([Canvas.UnmarshalJSON], [Policy.UnmarshalJSON]),
// and reports every problem (one problem as the *[outcome.Error] itself,
// several joined, in one list, with [errors.Join] in this order): first every problem
// of the JSON form, each an [outcome.ErrInvalidJSON] said by its JSON path
// from the ranking (`northstar: ranking: invalid JSON: unknown field
// "entries[3].evidence[0].leadLag.correlations[1].q"`,
// `"entries[0].scores[1].raw" must be a number, not the string "x"`), in
// the order of each object's fields as MarshalJSON writes them, whatever
// the order of its members: a field given again right after the field (the
// first, in the order of the text, is the one read; keys that differ only
// in case, as encoding/json matches them, are the same field), the keys
// that name no field after the object's fields, sorted, and the elements of
// a list in order. The fields: a ranking's entries, policy, robustness,
// inputMetrics, warnings; an entry's rank, metric, eligible, failed, total,
// scores, categories, evidence, links, nodes; a failed gate's gate, reason;
// a score's criterion, raw, normalised, weight, contribution, missing; a
// category's category, weight, share, raw, contribution; an evidence's
// outcome, kind, leadLag, aligned, strength; a link's outcome, kind,
// declared, evidence, feeds, fedBy; the robustness's runnerUp, margin,
// changes; a change's criterion, from, to, rise, challenger; an input
// metric's metric, nodes, influence, direct; a warning's code, severity,
// ids, message; a metric's, a policy's and a lead/lag result's as
// [outcome.Metric.UnmarshalJSON], Policy.UnmarshalJSON and
// [LeadLag.UnmarshalJSON] read them, in their words.
//
// JSON null is a value of the wrong type (`"robustness" must be an object,
// not null`), never "left as it was", but for the lists the package once
// wrote as null when empty, the entries, an entry's scores and an input
// metric's nodes, which null leaves empty, and for a lead/lag result, which
// is null when there is none, as [LeadLag.MarshalJSON] writes it. A number
// of the ranking's own (a score's, a total, a margin, an influence; not
// those of a metric, a policy or a lead/lag result, which their decoders
// read) that a float64 does not hold is a value of the wrong type: one beyond
// ±1.7976931348623157e+308, and one whose text is not 0 but which is too
// small for a float64 (`"entries[0].total" must be 0 or a number from
// 5e-324 to 1.7976931348623157e+308 in magnitude, not the number 1e-400`),
// which encoding/json reads as 0.
//
// Then the problems of the values, in the same order, each said at its
// path from the ranking, quoted, after "northstar: ranking: ", in the words of the
// decoder or parser that finds it: a metric's, as
// outcome.Metric.UnmarshalJSON finds them (`northstar: ranking:
// "entries[0].metric": metric "m" has no name`); the policy's, as
// Policy.UnmarshalJSON finds them (`northstar: ranking: policy: every
// criterion weight is zero (start from DefaultPolicy)`), a policy left out
// being the zero Policy; a lead/lag result's, as LeadLag.UnmarshalJSON
// finds them (`northstar: ranking: "entries[1].evidence[0].leadLag":
// lead/lag result: maximum lag -1 is negative`); a criterion, a gate, a
// kind or a severity that names none ([ErrUnknownCriterion],
// [ErrUnknownGate], [outcome.ErrUnknownKind], [outcome.ErrUnknownSeverity]),
// a criterion, a gate or a severity left out being the empty text, which
// names none (a kind left out, or "", is no kind, as the package writes
// one); and an entry or an input metric without a metric
// ([outcome.ErrEmptyID], `northstar: ranking: "entries[2]" has no metric`),
// which MarshalJSON could not write. A part whose form has a problem is not
// checked again.
//
// Every problem within an entry or an input metric names its metric's ID
// among its IDs, if the metric's "id" is a string that is not empty;
// within a metric, a lead/lag result or the policy, the IDs those decoders
// give follow. The values are otherwise taken as given: a ranking is a
// result, and no score, total, rank or robustness is recomputed or checked
// against the others.
//
// JSON that is not one object (malformed, another value, trailing data) is
// one error with code [outcome.ErrInvalidJSON], and so is null,
// `northstar: a ranking cannot be null`. On error r is unchanged.
func (r *Ranking) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "ranking", (*rankingRead).ranking)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads an entry in the
// form [Entry.MarshalJSON] writes, as [Ranking.UnmarshalJSON] reads each of
// its entries, with every problem said after "northstar: entry: " and by
// its JSON path from the entry. JSON null is refused, `northstar: an entry
// cannot be null`. On error e is unchanged.
func (e *Entry) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "entry", func(r *rankingRead, members []strictjson.Member, v *Entry) {
		r.entry(jsondecode.Path{}, members, v)
	})
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a score as
// [Ranking.UnmarshalJSON] reads each score of an entry, with every problem
// said after "northstar: score: " and by its JSON path from the score.
// JSON null is refused, `northstar: a score cannot be null`. On error s is
// unchanged.
func (s *Score) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "score", func(r *rankingRead, members []strictjson.Member, v *Score) {
		r.score(jsondecode.Path{}, nil, members, v)
	})
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a failed gate as
// [Ranking.UnmarshalJSON] reads each of an entry's, with every problem said
// after "northstar: gate failure: " and by its JSON path from the gate
// failure: the form's (a key that names no field, a field given twice, a
// value of the wrong type, null included: `northstar: gate failure: invalid
// JSON: "reason" must be a string, not null`), then a gate that names none
// or is left out ([ErrUnknownGate], `northstar: gate failure: "gate":
// unknown gate "beauty"`). A reason left out is "". JSON null is refused,
// `northstar: a gate failure cannot be null`. On error g is unchanged.
func (g *GateFailure) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "gate failure", func(r *rankingRead, members []strictjson.Member, v *GateFailure) {
		r.gateFailure(jsondecode.Path{}, nil, members, v)
	})
	if err != nil {
		return err
	}
	*g = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the evidence as
// [Ranking.UnmarshalJSON] reads each of an entry's, with every problem said
// after "northstar: evidence: " and by its JSON path from the evidence: the
// form's (a key that names no field, a field given twice, a value of the
// wrong type, null included but for the lead/lag result, which is null when
// there is none, a number too small for a float64 but not written 0:
// `northstar: evidence: invalid JSON: "aligned" must be 0 or a number from
// 5e-324 to 1.7976931348623157e+308 in magnitude, not the number 1e-400`,
// and those of the lead/lag result, at their paths, `unknown field
// "leadLag.correlations[0].q"`), then a kind that names none
// ([outcome.ErrUnknownKind]; one left out, or "", is no kind) and the
// lead/lag result's problems as [LeadLag.UnmarshalJSON] finds them
// (`northstar: evidence: "leadLag": lead/lag result: maximum lag -1 is
// negative`). A field left out is zero. JSON null is refused, `northstar:
// evidence cannot be null`. On error ev is unchanged.
func (ev *Evidence) UnmarshalJSON(data []byte) error {
	v, err := decodeResultNull(data, "evidence", "evidence cannot be null", func(r *rankingRead, members []strictjson.Member, v *Evidence) {
		r.evidence(jsondecode.Path{}, nil, members, v)
	})
	if err != nil {
		return err
	}
	*ev = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads an input metric in
// the form [InputMetric.MarshalJSON] writes, as [Ranking.UnmarshalJSON]
// reads each of a ranking's, with every problem said after "northstar:
// input metric: " and by its JSON path from the input metric (null nodes
// are none, as the package once wrote them). JSON null is refused,
// `northstar: an input metric cannot be null`. On error m is unchanged.
func (m *InputMetric) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "input metric", func(r *rankingRead, members []strictjson.Member, v *InputMetric) {
		r.inputMetric(jsondecode.Path{}, members, v)
	})
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a robustness as
// [Ranking.UnmarshalJSON] reads a ranking's, with every problem said after
// "northstar: robustness: " and by its JSON path from the robustness. JSON
// null is refused, `northstar: a robustness cannot be null`. On error rb
// is unchanged.
func (rb *Robustness) UnmarshalJSON(data []byte) error {
	v, err := decodeResult(data, "robustness", func(r *rankingRead, members []strictjson.Member, v *Robustness) {
		r.robustness(jsondecode.Path{}, members, v)
	})
	if err != nil {
		return err
	}
	*rb = v
	return nil
}

// ranking reads members, those of a ranking's JSON object, into *v.
func (r *rankingRead) ranking(members []strictjson.Member, v *Ranking) {
	r.fields(jsondecode.Path{}, nil, members, rankingFields,
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, nil, raw, true, &v.Entries, func(path jsondecode.Path, raw json.RawMessage, e *Entry) {
				if members, ok := r.f.Open(path, nil, raw); ok {
					r.entry(path, members, e)
				}
			})
		}),
		&v.Policy,
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			if members, ok := r.f.Open(path, nil, raw); ok {
				r.robustness(path, members, &v.Robustness)
			}
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, nil, raw, false, &v.InputMetrics, func(path jsondecode.Path, raw json.RawMessage, m *InputMetric) {
				if members, ok := r.f.Open(path, nil, raw); ok {
					r.inputMetric(path, members, m)
				}
			})
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, nil, raw, false, &v.Warnings, func(path jsondecode.Path, raw json.RawMessage, w **outcome.Error) {
				*w = new(outcome.Error)
				e := *w
				r.object(path, nil, raw, warningFields, &e.Code, &e.Severity, reader(func(path jsondecode.Path, raw json.RawMessage) {
					r.strings(path, nil, raw, false, &e.IDs)
				}), &e.Message)
			})
		}))
}

// entry reads members, those of the JSON object of the entry at path, into
// *e.
func (r *rankingRead) entry(path jsondecode.Path, members []strictjson.Member, e *Entry) {
	ids := metricIDs(members, entryFields)
	r.fields(path, ids, members, entryFields, &e.Rank, &e.Metric, &e.Eligible,
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, ids, raw, false, &e.Failed, func(path jsondecode.Path, raw json.RawMessage, g *GateFailure) {
				if members, ok := r.f.Open(path, ids, raw); ok {
					r.gateFailure(path, ids, members, g)
				}
			})
		}),
		&e.Total,
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, ids, raw, true, &e.Scores, func(path jsondecode.Path, raw json.RawMessage, s *Score) {
				if members, ok := r.f.Open(path, ids, raw); ok {
					r.score(path, ids, members, s)
				}
			})
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, ids, raw, false, &e.Categories, func(path jsondecode.Path, raw json.RawMessage, c *CategoryContribution) {
				r.object(path, ids, raw, categoryFields, &c.Category, &c.Weight, &c.Share, &c.Raw, &c.Contribution)
			})
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, ids, raw, false, &e.Evidence, func(path jsondecode.Path, raw json.RawMessage, ev *Evidence) {
				if members, ok := r.f.Open(path, ids, raw); ok {
					r.evidence(path, ids, members, ev)
				}
			})
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) {
			readList(r, path, ids, raw, false, &e.Links, func(path jsondecode.Path, raw json.RawMessage, l *Link) {
				r.object(path, ids, raw, linkFields, &l.Outcome, &l.Kind, &l.Declared, &l.Evidence, &l.Feeds, &l.FedBy)
			})
		}),
		reader(func(path jsondecode.Path, raw json.RawMessage) { r.strings(path, ids, raw, false, &e.Nodes) }))
}

// gateFailure reads members, those of the JSON object of the failed gate at
// path, into *g, naming ids.
func (r *rankingRead) gateFailure(path jsondecode.Path, ids []string, members []strictjson.Member, g *GateFailure) {
	r.fields(path, ids, members, gateFailureFields, &g.Gate, &g.Reason)
}

// evidence reads members, those of the JSON object of the evidence at path,
// into *ev, naming ids.
func (r *rankingRead) evidence(path jsondecode.Path, ids []string, members []strictjson.Member, ev *Evidence) {
	r.fields(path, ids, members, evidenceFields, &ev.Outcome, &ev.Kind, &ev.LeadLag, &ev.Aligned, &ev.Strength)
}

// score reads members, those of the JSON object of the score at path, into
// *s, naming ids.
func (r *rankingRead) score(path jsondecode.Path, ids []string, members []strictjson.Member, s *Score) {
	r.fields(path, ids, members, scoreFields, &s.Criterion, &s.Raw, &s.Normalised, &s.Weight, &s.Contribution, &s.Missing)
}

// robustness reads members, those of the JSON object of the robustness at
// path, into *rb.
func (r *rankingRead) robustness(path jsondecode.Path, members []strictjson.Member, rb *Robustness) {
	r.fields(path, nil, members, robustnessFields, &rb.RunnerUp, &rb.Margin, reader(func(path jsondecode.Path, raw json.RawMessage) {
		readList(r, path, nil, raw, false, &rb.Changes, func(path jsondecode.Path, raw json.RawMessage, c *WeightChange) {
			r.object(path, nil, raw, weightChangeFields, &c.Criterion, &c.From, &c.To, &c.Rise, &c.Challenger)
		})
	}))
}

// inputMetric reads members, those of the JSON object of the input metric
// at path, into *m.
func (r *rankingRead) inputMetric(path jsondecode.Path, members []strictjson.Member, m *InputMetric) {
	ids := metricIDs(members, inputMetricFields)
	r.fields(path, ids, members, inputMetricFields, &m.Metric,
		reader(func(path jsondecode.Path, raw json.RawMessage) { r.strings(path, ids, raw, true, &m.Nodes) }),
		&m.Influence, &m.Direct)
}

// metricIDs returns the ID of the metric of an entry or an input metric
// whose members are members (names are its fields) as the IDs its problems
// name: none if the metric is not an object whose first "id" is a string
// that is not empty.
func metricIDs(members []strictjson.Member, names []string) []string {
	want := slices.Index(names, "metric")
	for _, mb := range members {
		if strictjson.Field(names, mb.Key) != want {
			continue
		}
		mm, err := strictjson.MembersOf(mb.Value)
		if err != nil {
			return nil
		}
		if id, ok := jsondecode.FirstString(mm, metricIDField, "id"); ok && id != "" {
			return []string{id}
		}
		return nil
	}
	return nil
}

// readList reads raw, the JSON array at path, into *dst, each element with
// elem, naming ids; null leaves *dst nil if nullOK (a list the package once
// wrote as null when empty), and is otherwise a value of the wrong type.
func readList[T any](r *rankingRead, path jsondecode.Path, ids []string, raw json.RawMessage, nullOK bool,
	dst *[]T, elem func(path jsondecode.Path, raw json.RawMessage, e *T)) {
	if nullOK && jsondecode.IsNull(raw) {
		return
	}
	list := []T{}
	r.f.Array(path, ids, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
		list = append(list, *new(T))
		elem(path, raw, &list[len(list)-1])
	})
	*dst = list
}

// strings reads raw, the JSON array of strings at path, into *dst, as
// readList does.
func (r *rankingRead) strings(path jsondecode.Path, ids []string, raw json.RawMessage, nullOK bool, dst *[]string) {
	readList(r, path, ids, raw, nullOK, dst, func(path jsondecode.Path, raw json.RawMessage, s *string) {
		jsondecode.Value(&r.f, path, ids, raw, s)
	})
}

// object reads raw, the JSON object at path, whose fields are names, into
// the values that ptrs point to, one per field, as [rankingRead.fields]
// does.
func (r *rankingRead) object(path jsondecode.Path, ids []string, raw json.RawMessage, names []string, ptrs ...any) {
	if members, ok := r.f.Open(path, ids, raw); ok {
		r.fields(path, ids, members, names, ptrs...)
	}
}

// fields reads members, those of the JSON object at path, whose fields are
// names, into the values that ptrs point to, one per field, in the order of
// the fields ([jsondecode.Form.Fields]), naming ids, and reports each field
// left out that must be given ([rankingRead.absent]) in its place among the
// problems of the values.
func (r *rankingRead) fields(path jsondecode.Path, ids []string, members []strictjson.Member, names []string, ptrs ...any) {
	var given uint64
	for _, mb := range members {
		if i := strictjson.Field(names, mb.Key); i >= 0 {
			given |= 1 << i
		}
	}
	next := 0
	absent := func(upto int) {
		for ; next < upto; next++ {
			if given&(1<<next) == 0 {
				r.absent(path, names[next], ids, ptrs[next])
			}
		}
	}
	r.f.Fields(path, ids, members, names, func(field int, at jsondecode.Path, raw json.RawMessage) {
		absent(field)
		next = field + 1
		r.value(at, ids, raw, ptrs[field])
	})
	absent(len(names))
}

// value reads raw, the JSON value at path, into what p points to.
func (r *rankingRead) value(path jsondecode.Path, ids []string, raw json.RawMessage, p any) {
	f := &r.f
	switch p := p.(type) {
	case *string:
		jsondecode.Value(f, path, ids, raw, p)
	case *outcome.Code:
		jsondecode.Value(f, path, ids, raw, p)
	case *bool:
		jsondecode.Value(f, path, ids, raw, p)
	case *int:
		jsondecode.Value(f, path, ids, raw, p)
	case *float64:
		r.float(path, ids, raw, p)
	case *outcome.Metric:
		r.metric(path, ids, raw, p)
	case *Policy:
		if members, ok := f.Open(path, nil, raw); ok {
			v, errs := readPolicy(f, path, members)
			r.relay(jsondecode.Path{}, nil, msg.Join(errs...)) // its messages say "policy: "
			*p = v
		}
	case *LeadLag:
		if jsondecode.IsNull(raw) {
			return // none, as LeadLag.MarshalJSON writes it
		}
		if members, ok := f.Open(path, ids, raw); ok {
			v, errs := readLeadLag(f, path, ids, members).leadLag()
			r.relay(path, ids, msg.Join(errs...))
			*p = v
		}
	case encoding.TextUnmarshaler: // a criterion, a gate, a kind, a severity
		var text string
		if jsondecode.Value(f, path, ids, raw, &text) {
			r.relay(path, ids, p.UnmarshalText([]byte(text)))
		}
	default: // reader
		p.(reader)(path, raw)
	}
}

// absent reports, as a problem of the values, the field name of the object
// at path left out, if it must be given: a criterion, a gate or a severity
// is read as the empty text, which names none; a policy is the zero Policy,
// which Policy.Validate refuses; an entry or an input metric must have a
// metric. Any other field left out is zero, as encoding/json leaves it.
func (r *rankingRead) absent(path jsondecode.Path, name string, ids []string, p any) {
	switch p := p.(type) {
	case *outcome.Kind: // no kind
	case encoding.TextUnmarshaler:
		r.relay(path.Key(name), ids, p.UnmarshalText(nil))
	case *Policy:
		r.relay(jsondecode.Path{}, nil, p.Validate())
	case *outcome.Metric:
		what := r.f.At
		if text := path.String(); text != "" {
			what += ": " + strconv.Quote(text)
		}
		r.vals = append(r.vals, newError(outcome.ErrEmptyID, ids, "northstar: %s has no metric", what))
	}
}

// float reads raw, the JSON number at path, into *v, as [readFloat] does.
func (r *rankingRead) float(path jsondecode.Path, ids []string, raw json.RawMessage, v *float64) {
	readFloat(&r.f, path, ids, raw, v)
}

// readFloat reads raw, the JSON number at path, into *v, and reports
// whether it did: one that is not a number, or that a float64 does not hold
// (beyond its range, or too small for it but not written 0, such as 1e-400,
// which encoding/json reads as 0), is a problem of the form, reported to f
// with ids, and leaves *v as it is.
func readFloat(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, v *float64) bool {
	var x float64
	if !jsondecode.Value(f, path, ids, raw, &x) {
		return false
	}
	if x == 0 && floattext.Underflows(string(bytes.TrimSpace(raw)), 0) {
		f.WrongType(path, ids, floatWant, raw, errFloatUnderflow)
		return false
	}
	*v = x
	return true
}

// metric reads raw, the JSON object of the metric at path, into *m, as
// [outcome.Metric.UnmarshalJSON] does: the problems of its form it reports
// at their paths ([jsondecode.Form.Relay]), the others among the values'.
func (r *rankingRead) metric(path jsondecode.Path, ids []string, raw json.RawMessage, m *outcome.Metric) {
	f := &r.f
	switch {
	case !f.NotNull(path, ids, "an object", raw):
	case bytes.TrimLeft(raw, " \t\r\n")[0] != '{':
		f.WrongType(path, ids, "an object", raw, strictjson.ErrNotObject)
	default:
		err := m.UnmarshalJSON(raw)
		for _, p := range problems(err) {
			if !f.Relay(path, nil, p) {
				r.relay(path, nil, p)
			}
		}
	}
}

// problems returns the problems in err, or, if it holds none, err as one
// problem of the JSON form.
func problems(err error) []*outcome.Error {
	ps := outcome.Problems(err)
	if err != nil && len(ps) == 0 {
		ps = []*outcome.Error{{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError, Message: clip(err.Error()), Err: err}}
	}
	return ps
}

// relay records each problem in err, found in the value at path, as a
// problem of the values: with the same code and severity, ids then its
// own IDs, the message "northstar: <at>: " and the quoted path, if any, and
// ": ", followed by its own without its
// package's prefix, and wrapping it.
func (r *rankingRead) relay(path jsondecode.Path, ids []string, err error) {
	if err == nil {
		return
	}
	at := "northstar: " + r.f.At + ": "
	if text := path.String(); text != "" {
		at += strconv.Quote(text) + ": "
	}
	for _, p := range problems(err) {
		r.vals = append(r.vals, &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: slices.Concat(ids, p.IDs),
			Message: at + trimPkg(p.Message), Err: p})
	}
}

// trimPkg returns a problem's message without its package's prefix,
// "northstar: " or "outcome: ".
func trimPkg(m string) string {
	if t, ok := strings.CutPrefix(m, "northstar: "); ok {
		return t
	}
	return strings.TrimPrefix(m, "outcome: ")
}
