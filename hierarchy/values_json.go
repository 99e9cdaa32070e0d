package hierarchy

import (
	"encoding/json"
	"errors"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// valuesJSON is the JSON form of a [Values] set.
type valuesJSON struct {
	Places int32       `json:"places"`
	Values []valueJSON `json:"values"`
}

// valueJSON is one node's value in the JSON form of a [Values] set.
type valueJSON struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

// The JSON names of a value set's fields, and of one value's.
var (
	valuesFields = []string{"places", "values"}
	valueFields  = []string{"id", "value"}
)

// MarshalJSON implements [json.Marshaler], for storing measured values by
// the nodes' IDs: the set's decimal places and the value of each node that
// has one, in the order of the model's nodes, as a decimal string whatever
// decimal's package-level settings say:
//
//	{"places":2,"values":[{"id":"answer-call","value":"1200.5"},{"id":"look-up-account","value":"800.25"}]}
//
// [Values.UnmarshalJSON] reads it back into a set of the same model, or of
// any model with those node IDs, made by [Model.NewValues]. A nil set, or
// one no model made (the zero Values), is an [ErrForeignValues] that says
// so (`hierarchy: a value set that no model made (nil, or the zero Values)
// holds no values: make one with Model.NewValues`); a set of a model with
// other IDs is one that says `hierarchy: the values belong to another model`.
func (s *Values) MarshalJSON() ([]byte, error) {
	if s == nil || s.g == nil {
		return nil, foreignError(s)
	}
	out := valuesJSON{Places: s.places, Values: make([]valueJSON, 0, s.n)}
	for u, id := range s.g.ids {
		if s.isSet(int32(u)) {
			out.Values = append(out.Values, valueJSON{ID: id, Value: decfmt.String(i128From(s.v[u]).decimal(s.places))})
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads measured values by
// the nodes' IDs, in the form [Values.MarshalJSON] writes, into s, a set
// made by [Model.NewValues], replacing its values, and its places with
// "places" if given (left out, the set keeps its own). A value may be a
// decimal string or a JSON number, read exactly.
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error s is
// unchanged: first those of the JSON form, each an [outcome.ErrInvalidJSON]
// naming its JSON path (a key that names no field, a field given twice, a
// value of the wrong type, null included: null is never a value), in the
// order of the fields, as MarshalJSON writes them (places, then values; a
// value's id, then value), a field given again right after the field, then
// the keys that name no field, sorted, so that the members of an object in
// another order give the same problems in the same order (the first of a
// field's members, in the order of the text, is the one read); then the
// places if they are not 0 to [MaxValuePlaces] ([ErrInvalidPlaces]); then,
// for each value in the order of the list (the data's order, not a member
// order: a node given a value twice is said at its second value), no ID or
// an empty one ([outcome.ErrEmptyID]), an ID the model does not hold
// ([ErrUnknownNode]), a node given a value twice ([outcome.ErrDuplicateID]),
// and no value, a value that is not a decimal number (or one whose exponent
// is beyond ±10000, whatever decimal's MaxDecodeExponent says), or one that
// does not fit the set, as [Values.Set] says ([ErrInvalidValue]), each
// naming the node: an ID the model does not hold, or given a value twice,
// with its value's problem after it; a value with no ID, an empty one or
// one of the wrong type is not checked further, as its problems would
// name no node. JSON null for the whole set is one [outcome.ErrInvalidJSON], and a
// nil set, or one not made by a model (a zero Values declared to decode
// into), an [ErrForeignValues] that says so, as MarshalJSON does: read
// stored values into a set of [Model.NewValues].
func (s *Values) UnmarshalJSON(data []byte) error {
	if s == nil || s.g == nil {
		return foreignError(s)
	}
	if jsondecode.IsNull(data) {
		return newError(outcome.ErrInvalidJSON, nil, "hierarchy: a value set cannot be null")
	}
	places, sets, ok := s.readValuesFast(data)
	if !ok {
		var err error
		if places, sets, err = s.readValues(data); err != nil {
			return err
		}
	}
	s.load(places, sets)
	return nil
}

// readValues reads the JSON form of a value set member by member, and
// returns its places and values, or every problem ([Values.UnmarshalJSON]).
func (s *Values) readValues(data []byte) (int32, []valueSet, error) {
	f := jsondecode.Form{Pkg: "hierarchy", At: "value set"}
	members, ok := f.Top(data, nil)
	if !ok {
		return 0, nil, f.Err()
	}
	// entry is one value as the form read it: its ID and its value's JSON,
	// each given or not, and read or not (a value of the wrong type, which
	// the form reports and which is not checked again).
	type entry struct {
		path                jsondecode.Path
		id                  string
		idGiven, idRead     bool
		value               json.RawMessage
		valueGiven, valRead bool
	}
	places, placesOK := s.places, true
	var placesErr error
	var entries []entry
	f.Fields(jsondecode.Path{}, nil, members, valuesFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		if field == 0 {
			var p int64
			switch {
			case !jsondecode.Value(&f, path, nil, raw, &p):
				placesOK = false
			case p < 0 || p > MaxValuePlaces:
				placesOK = false
				placesErr = newError(ErrInvalidPlaces, nil,
					"hierarchy: value set: a value set keeps 0 to %d decimal places, not %d", MaxValuePlaces, p)
			default:
				places = int32(p)
			}
			return
		}
		f.Array(path, nil, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
			ms, ok := f.Open(path, nil, raw)
			if !ok {
				return
			}
			e := entry{path: path}
			var ids []string
			if id, ok := jsondecode.FirstString(ms, valueFields, "id"); ok && id != "" {
				ids = []string{id}
			}
			f.Fields(path, ids, ms, valueFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
				if field == 0 {
					e.idGiven, e.idRead = true, jsondecode.Value(&f, p, ids, raw, &e.id)
					return
				}
				e.valueGiven = true
				if f.NotNull(p, ids, "a decimal string or a number", raw) {
					e.value, e.valRead = raw, true
				}
			})
			entries = append(entries, e)
		})
	})
	errs := f.Errors()
	if placesErr != nil {
		errs = append(errs, placesErr)
	}
	sets := make([]valueSet, 0, len(entries))
	seen := newVisitSet(len(s.g.ids))
	for _, e := range entries {
		at := func() string { return "hierarchy: value set: " + e.path.String() } // for a problem only
		switch {
		case e.idGiven && !e.idRead:
			continue // reported by the form
		case e.id == "":
			errs = append(errs, newError(outcome.ErrEmptyID, nil, "%s has no node ID", at()))
			continue
		}
		// A node the model does not hold, or given a value again, is
		// reported with its value's problems: they do not depend on it.
		u := s.g.find(e.id)
		known := false
		switch {
		case u < 0:
			errs = append(errs, newError(ErrUnknownNode, []string{e.id}, "%s: unknown node %q", at(), clip(e.id)))
		case !seen.add(u):
			errs = append(errs, newError(outcome.ErrDuplicateID, []string{e.id},
				"%s: node %q is given a value twice", at(), clip(e.id)))
		default:
			known = true
		}
		switch {
		case !e.valueGiven:
			errs = append(errs, newError(ErrInvalidValue, []string{e.id}, "%s: node %q has no value", at(), clip(e.id)))
			continue
		case !e.valRead:
			continue // reported by the form
		}
		d, _, err := decfmt.ParseJSON(e.value, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
		if err != nil {
			text := msg.Clip(string(e.value), msg.MaxQuoted)
			var de *decfmt.Error
			if errors.As(err, &de) && de.Range {
				errs = append(errs, newError(ErrInvalidValue, []string{e.id},
					"%s: value %s of node %q has an exponent, %s, beyond ±%d", at(), text, clip(e.id), msg.Clip(de.Exponent, msg.MaxQuoted), de.MaxExp))
				continue
			}
			errs = append(errs, newError(ErrInvalidValue, []string{e.id},
				"%s: value %s of node %q is not a decimal number", at(), text, clip(e.id)))
			continue
		}
		if !placesOK {
			continue // what fits is not known
		}
		x, ok := scaleValue(d, places)
		if !ok {
			errs = append(errs, newError(ErrInvalidValue, []string{e.id},
				"%s: value %s of node %q does not fit a value set of %d decimal places", at(), msg.Decimal(d), clip(e.id), places))
			continue
		}
		if known {
			sets = append(sets, valueSet{u, x})
		}
	}
	if len(errs) > 0 {
		return 0, nil, msg.Join(errs...)
	}
	return places, sets, nil
}

// load replaces the set's places and values with places and sets, whose
// nodes are all different.
func (s *Values) load(places int32, sets []valueSet) {
	clear(s.v)
	clear(s.has)
	s.places, s.n = places, len(sets)
	for _, x := range sets {
		s.v[x.u] = x.v
		s.has[x.u/64] |= 1 << (x.u % 64)
	}
}
