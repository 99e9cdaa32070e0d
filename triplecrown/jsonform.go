package triplecrown

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// The readers of this file read the JSON form of a definition member by
// member through one [jsondecode.Form], which collects every problem of
// the form (an unknown field, a field given twice, a value of the wrong
// type), each named by its JSON path from the definition's top; each
// object's members are read in the order of its fields, as the lists below
// give them (the order the package writes them in), through
// [jsondecode.Form.Fields], so that the problems of a definition, the
// form's and the values', come in the same order however its members are
// ordered. Each reader returns the problems of the values it read, which
// come after the form's.

// The JSON fields of each object, as encoding/json matches keys to them.
var (
	moneyJSONFields = []string{"amount", "currency"}
	precisionFields = []string{"places", "mode"}
	thresholdFields = []string{"relative", "absolute", "currency"}
	measureFields   = []string{"value", "total", "weight", "successes", "trials", "mean", "sd", "n"}
	policyFields    = []string{"cost", "service", "revenue", "significanceLevel", "precision"}
	roiFields       = []string{"investment", "costSaved", "revenueGained", "periods"}
	scorecardFields = []string{"unit", "name", "period", "cost", "revenue", "service"}
	amountsFields   = []string{"baseline", "actual"}
	serviceFields   = []string{"name", "unit", "direction", "baseline", "actual"}
	rollupFields    = []string{"scorecard", "units", "combination"}
	contribsFields  = []string{"crown", "total", "places", "sharesDefined", "contributions"}
	contribFields   = []string{"unit", "amount", "share", "detractor"}
	groupFields     = []string{"id", "units"}
)

// reader reads the members of one object of a definition's JSON at path
// into a value of type T, reporting the problems of the form to f with
// ids, and returns the problems of the values.
type reader[T any] func(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (T, []error)

// decodeTop decodes data, the JSON of a whole definition, which must be an
// object, with read, and returns the value and every problem: the form's,
// then the values'. at names the definition in the form's messages, from
// its members ("" for none), and ids are the IDs of its problems. The
// members are read once, for at and for read; data that is not one JSON
// object is reported by [jsondecode.Form.Top], as its only problem, with
// no place and no ID (at has no members to name it from).
func decodeTop[T any](data []byte, read reader[T], at func(members []strictjson.Member) (string, []string)) (T, error) {
	var v T
	f := jsondecode.Form{Pkg: "triplecrown"}
	members, err := strictjson.Members(data)
	if err != nil {
		f.Top(data, nil) // reports err, as Explain says it
		return v, f.Err()
	}
	var ids []string
	if at != nil {
		f.At, ids = at(members)
	}
	v, errs := read(&f, jsondecode.Path{}, ids, members)
	return v, joinAll(append(f.Errors(), errs...))
}

// decodeInto decodes data, the JSON of a whole value, as [decodeTop] does,
// into *dst, which it leaves unchanged on error; JSON null, which what
// names ("a scorecard"), is one error with code [outcome.ErrInvalidJSON],
// `triplecrown: a scorecard cannot be null`. It is the UnmarshalJSON of
// each of the package's definitions and their parts.
func decodeInto[T any](data []byte, what string, read reader[T], at func(members []strictjson.Member) (string, []string), dst *T) error {
	if isNull(data) {
		return newError(outcome.ErrInvalidJSON, nil, "triplecrown: %s cannot be null", what)
	}
	v, err := decodeTop(data, read, at)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// readObject reads raw, the JSON value at path, which must be an object
// (null is the caller's), with read. ok is true if it read with no problem
// of the form or of the values.
func readObject[T any](f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, read reader[T]) (v T, errs []error, ok bool) {
	n := f.Count()
	members, open := f.Open(path, ids, raw)
	if !open {
		return v, nil, false
	}
	v, errs = read(f, path, ids, members)
	return v, errs, len(errs) == 0 && f.Count() == n
}

// decimalOf returns raw, a JSON value that is not null, as a decimal field
// reads it (see [decimalJSON]).
func decimalOf(raw json.RawMessage) *decimalJSON {
	var d decimalJSON
	_ = d.UnmarshalJSON(raw) // never fails
	return &d
}

// decimalWant is what a decimal member of a threshold or a measure must be.
const decimalWant = "a decimal string or a number"

// readDecimal reads raw, the decimal at path, which is not null, into a new
// *d (see [decimalJSON]), and reports whether it did: a value that is
// neither a JSON string nor a number (true, [1], {}) is a problem of the
// form, `"relative" must be a decimal string or a number, not true`, and
// leaves *d as it is.
func readDecimal(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, d **decimalJSON) bool {
	v := decimalOf(raw)
	if v.other != "" {
		_, _, cause := decfmt.ParseJSON(raw, MaxDigits, MaxExponent) // a *decfmt.Error, not Range
		f.WrongType(path, ids, decimalWant, raw, cause)
		return false
	}
	*d = v
	return true
}

// readMoney reads money's members, as [Money.UnmarshalJSON] says: a member
// that is null is missing; a currency of the wrong type is a problem of the
// form, and is then not reported as missing.
func readMoney(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Money, []error) {
	var (
		amount    *decimalJSON
		cur       *string
		curUnread bool
		errs      []error
		d         decimal.Decimal
		c         Currency
		n         = f.Count()
	)
	f.Fields(path, ids, members, moneyJSONFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch {
		case isNull(raw):
		case field == 0:
			amount = decimalOf(raw)
		default:
			var s string
			if jsondecode.Value(f, path, ids, raw, &s) {
				cur = &s
			} else {
				curUnread = true
			}
		}
	})
	if amount == nil || cur == nil && !curUnread {
		errs = append(errs, newError(ErrMissingMoney, nil, `triplecrown: money needs both "amount" and "currency"`))
	}
	if amount != nil {
		var err error
		if d, err = amount.parse("amount", amountBounds); err != nil {
			errs = append(errs, err)
		}
	}
	if cur != nil {
		var err error
		if c, err = ParseCurrency(*cur); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 || f.Count() != n {
		return Money{}, errs
	}
	return makeMoney(d, c), nil
}

// readPrecision reads a precision's members, as [Precision.UnmarshalJSON]
// says.
func readPrecision(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Precision, []error) {
	var (
		places                         int32
		mode                           string
		givenPlaces, givenMode, unread bool
		placesRead, modeRead           bool
		errs                           []error
		n                              = f.Count()
	)
	f.Fields(path, ids, members, precisionFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		if isNull(raw) {
			code := outcome.ErrUnknownRounding
			if field == 0 {
				code, givenPlaces = outcome.ErrInvalidPlaces, true
			} else {
				givenMode = true
			}
			errs = append(errs, newError(code, nil, "triplecrown: a precision's %q cannot be null", p.Base()))
			unread = true
			return
		}
		if field == 0 {
			givenPlaces = true
			placesRead = jsondecode.Value(f, p, ids, raw, &places)
			unread = !placesRead || unread
		} else {
			givenMode = true
			modeRead = jsondecode.Value(f, p, ids, raw, &mode)
			unread = !modeRead || unread
		}
	})
	if !givenPlaces {
		errs = append(errs, newError(outcome.ErrInvalidPlaces, nil, `triplecrown: a precision needs its "places"`))
	}
	if !givenMode {
		errs = append(errs, newError(outcome.ErrUnknownRounding, nil, `triplecrown: a precision needs its rounding "mode"`))
	}
	if placesRead { // whatever the mode, as NewPrecision checks both
		if err := checkPlaces(places); err != nil {
			errs = append(errs, err)
		}
	}
	var r outcome.Rounding
	if modeRead {
		var err error
		if r, err = outcome.ParseRounding(mode); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 || unread || f.Count() != n {
		return Precision{}, errs
	}
	// Both read and were checked above, as NewPrecision checks them.
	return Precision{places: places, mode: r}, nil
}

// readNullable reads the members of what (a threshold, a measure) into in
// by field: each member that is null is a problem with code, and a member
// of the wrong type one of the form. It reports whether every member was
// read.
func readNullable(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member, names []string,
	code outcome.Code, what string, errs *[]error, in func(field int, path jsondecode.Path, raw json.RawMessage) bool) bool {
	read := true
	f.Fields(path, ids, members, names, func(field int, p jsondecode.Path, raw json.RawMessage) {
		if isNull(raw) {
			*errs = append(*errs, newError(code, nil, "triplecrown: %s's %q cannot be null", what, p.Base()))
			read = false
			return
		}
		read = in(field, p, raw) && read
	})
	return read
}

// readThreshold reads a threshold's members, as [Threshold.UnmarshalJSON]
// says.
func readThreshold(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Threshold, []error) {
	var (
		j    thresholdIn
		errs []error
		n    = f.Count()
	)
	read := readNullable(f, path, ids, members, thresholdFields, outcome.ErrInvalidThreshold, "a threshold", &errs,
		func(field int, p jsondecode.Path, raw json.RawMessage) bool {
			switch field {
			case 0:
				return readDecimal(f, p, ids, raw, &j.Relative)
			case 1:
				return readDecimal(f, p, ids, raw, &j.Absolute)
			default:
				var s string
				if !jsondecode.Value(f, p, ids, raw, &s) {
					return false
				}
				j.Currency = &s
			}
			return true
		})
	if !read || f.Count() != n {
		return Threshold{}, errs
	}
	v, err := j.threshold()
	if err != nil {
		return Threshold{}, []error{err}
	}
	return v, nil
}

// readMeasureJSON reads a measure's members, as [Measure.UnmarshalJSON] says.
func readMeasureJSON(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Measure, []error) {
	var (
		j    measureIn
		errs []error
		n    = f.Count()
	)
	read := readNullable(f, path, ids, members, measureFields, ErrInvalidMeasure, "a measure", &errs,
		func(field int, p jsondecode.Path, raw json.RawMessage) bool {
			switch field {
			case 0:
				return readDecimal(f, p, ids, raw, &j.Value)
			case 1:
				return readDecimal(f, p, ids, raw, &j.Total)
			case 2:
				return readDecimal(f, p, ids, raw, &j.Weight)
			case 3:
				return readInto(f, p, ids, raw, &j.Successes)
			case 4:
				return readInto(f, p, ids, raw, &j.Trials)
			case 5:
				return readDecimal(f, p, ids, raw, &j.Mean)
			case 6:
				j.sdText = string(bytes.TrimSpace(raw))
				return readInto(f, p, ids, raw, &j.SD)
			default:
				return readInto(f, p, ids, raw, &j.N)
			}
		})
	if !read || f.Count() != n {
		return Measure{}, errs
	}
	v, err := j.measure()
	if err != nil {
		return Measure{}, []error{err}
	}
	return v, nil
}

// readInto reads raw, the value at path, into a new *v with
// [jsondecode.Value], and reports whether it did.
func readInto[T any](f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, v **T) bool {
	var x T
	if !jsondecode.Value(f, path, ids, raw, &x) {
		return false
	}
	*v = &x
	return true
}

// partReader reads the parts of the JSON of a value (a policy, an ROI, a
// scorecard), recording each part's problems of the values as problems of
// the part: `triplecrown: policy, precision: ...`.
type partReader struct {
	f    *jsondecode.Form
	ids  []string
	name func(what string) (ids []string, where string) // names a part in the values' problems
	errs []error
}

// object reads raw, the part at path (an object, or null, which is nullErr,
// the value's own refusal of null), with read into *v, recording the values'
// problems as those of the part what names. It reports whether the part
// read with no problem.
func object[T any](r *partReader, path jsondecode.Path, what string, raw json.RawMessage, nullErr error, read reader[T], v *T) bool {
	if isNull(raw) {
		r.add(what, nullErr)
		return false
	}
	x, errs, ok := readObject(r.f, path, r.ids, raw, read)
	r.add(what, joinAll(errs))
	if ok {
		*v = x
	}
	return ok
}

// add records err, if not nil, as a problem of the part what names.
func (r *partReader) add(what string, err error) {
	if err != nil {
		ids, where := r.name(what)
		r.errs = append(r.errs, within(ids, where, err)...)
	}
}

// named returns a namer of the parts of the value name names ("policy").
func named(name string) func(string) ([]string, string) {
	return func(what string) ([]string, string) { return nil, name + ", " + what }
}

// readPolicy reads a policy's members, as [Policy.UnmarshalJSON] says.
func readPolicy(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Policy, []error) {
	var spec PolicySpec
	r := partReader{f: f, ids: ids, name: named("policy")}
	levelOK, precisionOK, ok := true, true, true
	var levelText string // the significance level as written
	nullThreshold := newError(outcome.ErrInvalidJSON, nil, "triplecrown: a threshold cannot be null")
	n := f.Count()
	f.Fields(path, ids, members, policyFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			ok = object(&r, p, "cost threshold", raw, nullThreshold, readThreshold, &spec.Cost) && ok
		case 1:
			ok = object(&r, p, "service threshold", raw, nullThreshold, readThreshold, &spec.Service) && ok
		case 2:
			ok = object(&r, p, "revenue threshold", raw, nullThreshold, readThreshold, &spec.Revenue) && ok
		case 3:
			levelText = string(bytes.TrimSpace(raw))
			levelOK = jsondecode.Value(f, p, ids, raw, &spec.SignificanceLevel)
		default:
			precisionOK = object(&r, p, "precision", raw,
				newError(outcome.ErrInvalidJSON, nil, "triplecrown: a precision cannot be null"), readPrecision, &spec.Precision)
		}
	})
	errs := append(r.errs, policyProblems(spec, levelText, !levelOK, !precisionOK)...)
	if len(errs) > 0 || !ok || f.Count() != n {
		return Policy{}, errs
	}
	return Policy{spec: spec}, nil
}

// readROI reads an ROI's members, as [ROI.UnmarshalJSON] says.
func readROI(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (ROI, []error) {
	var spec ROISpec
	r := partReader{f: f, ids: ids, name: named("ROI")}
	investmentOK, periodsOK, ok := true, true, true
	nullMoney := newError(outcome.ErrInvalidJSON, nil, "triplecrown: money cannot be null")
	n := f.Count()
	f.Fields(path, ids, members, roiFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			investmentOK = object(&r, p, "investment", raw, nullMoney, readMoney, &spec.Investment)
		case 1:
			ok = object(&r, p, "cost saved", raw, nullMoney, readMoney, &spec.CostSaved) && ok
		case 2:
			ok = object(&r, p, "revenue gained", raw, nullMoney, readMoney, &spec.RevenueGained) && ok
		default:
			periodsOK = jsondecode.Value(f, p, ids, raw, &spec.Periods)
		}
	})
	errs := append(r.errs, roiProblems(spec, !investmentOK, !periodsOK, false)...)
	if len(errs) > 0 || !ok || f.Count() != n {
		return ROI{}, errs
	}
	return roiOf(spec), nil
}

// cardAt returns the place and the IDs of the problems of the scorecard
// whose members are given: its unit, if that is a string and not empty.
func cardAt(members []strictjson.Member) (string, []string) {
	if unit, ok := jsondecode.FirstString(members, scorecardFields, "unit"); ok && unit != "" {
		return fmt.Sprintf("unit %q", clip(unit)), []string{unit}
	}
	return "", nil
}

// readScorecard reads a scorecard's members, as [Scorecard.UnmarshalJSON]
// says: a part that did not read (null included) is not checked again.
func readScorecard(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Scorecard, []error) {
	return readScorecardAs(f, path, ids, members, cardUnitProblem)
}

// readRollupCard reads the members of a roll-up's scorecard as
// [readScorecard] does, but reports a unit that is not a valid ID as a
// problem of the roll-up's unit, in the words of [NewRollup]:
// `triplecrown: a roll-up, unit: empty id`.
func readRollupCard(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Scorecard, []error) {
	return readScorecardAs(f, path, ids, members, rollupUnitProblem)
}

// readScorecardAs reads a scorecard's members, as [readScorecard] says, reporting
// the problem of a unit that read but is not a valid ID through unitProblem.
func readScorecardAs(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member,
	unitProblem func(error) []error) (Scorecard, []error) {
	var (
		spec ScorecardSpec
		bad  cardPart
		n    = f.Count()
	)
	unit, _ := jsondecode.FirstString(members, scorecardFields, "unit")
	r := partReader{f: f, ids: ids, name: cardParts(unit)}
	str := func(p jsondecode.Path, raw json.RawMessage, part cardPart, v *string) {
		if !jsondecode.Value(f, p, ids, raw, v) { // null included
			bad |= part
		}
	}
	f.Fields(path, ids, members, scorecardFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			str(p, raw, partUnit, &spec.Unit)
		case 1:
			str(p, raw, 0, &spec.Name)
		case 2:
			str(p, raw, partPeriod, &spec.Period)
		case 3, 4:
			i := field - 3
			a := [2]*Amounts{&spec.Cost, &spec.Revenue}[i]
			if !readAmounts(&r, p, scorecardFields[field], i, raw, a, &bad) {
				bad |= partMoney<<(2*i) | partMoney<<(2*i+1)
			}
		default:
			readService(&r, p, raw, &spec.Service, &bad)
		}
	})
	errs := r.errs
	if bad&partUnit == 0 { // the unit's problem comes first, as scorecardProblems puts it
		if err := outcome.ValidateID(spec.Unit); err != nil {
			errs = append(errs, unitProblem(err)...)
		}
	}
	errs = append(errs, scorecardProblems(spec, bad|partUnit)...)
	if len(errs) > 0 || f.Count() != n {
		return Scorecard{}, errs
	}
	return Scorecard{spec: spec}, nil
}

// cardParts returns the namer of the parts of unit's scorecard: a part's
// problems name the unit, `unit "billing", baseline cost`, or, without one,
// the scorecard, `a scorecard's baseline cost`.
func cardParts(unit string) func(what string) ([]string, string) {
	return func(what string) ([]string, string) {
		if unit == "" {
			return nil, "a scorecard's " + what
		}
		return []string{unit}, fmt.Sprintf("unit %q, %s", clip(unit), what)
	}
}

// readAmounts reads the amounts of crown i (0 cost, 1 revenue) at path into
// *a, marking in bad the amounts that did not read (null included); it
// reports whether raw is an object.
func readAmounts(r *partReader, path jsondecode.Path, crown string, i int, raw json.RawMessage, a *Amounts, bad *cardPart) bool {
	members, ok := r.f.Open(path, r.ids, raw)
	if !ok {
		return false
	}
	readAmountsMembers(r, path, members, crown, i, a, bad)
	return true
}

// amountsCrown is the crown's word in the problems of [Amounts] read on
// their own, which belong to no crown: `a scorecard's baseline amount`.
const amountsCrown = "amount"

// readAmountsSpec reads amounts' members, as [Amounts.UnmarshalJSON] says:
// as [readScorecard] reads a scorecard's cost or revenue, then checked as
// [NewScorecard] checks a crown's amounts in a scorecard without a unit,
// but for the amounts that did not read.
func readAmountsSpec(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Amounts, []error) {
	var (
		a   Amounts
		bad cardPart
		cur Currency
		n   = f.Count()
	)
	r := partReader{f: f, ids: ids, name: cardParts("")}
	readAmountsMembers(&r, path, members, amountsCrown, 0, &a, &bad)
	errs := append(r.errs, amountsProblems("", amountsCrown, a, 0, bad, &cur)...)
	if len(errs) > 0 || f.Count() != n {
		return Amounts{}, errs
	}
	return a, nil
}

// readAmountsMembers reads members, those of the amounts of crown i (0
// cost, 1 revenue) at path, into *a, marking in bad the amounts that did
// not read (null included).
func readAmountsMembers(r *partReader, path jsondecode.Path, members []strictjson.Member, crown string, i int, a *Amounts, bad *cardPart) {
	r.f.Fields(path, r.ids, members, amountsFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		what, v := "baseline "+crown, &a.Baseline
		if field == 1 {
			what, v = "actual "+crown, &a.Actual
		}
		m, errs, ok := readObject(r.f, p, r.ids, raw, readMoney)
		r.add(what, joinAll(errs))
		if ok {
			*v = m
		} else {
			*bad |= partMoney << (2*i + field)
		}
	})
}

// readService reads the service at path into *s, marking in bad the parts
// that did not read (null included).
func readService(r *partReader, path jsondecode.Path, raw json.RawMessage, s *ServiceSpec, bad *cardPart) {
	members, ok := r.f.Open(path, r.ids, raw)
	if !ok {
		*bad |= partServiceName | partDirection | partBaseline | partActual
		return
	}
	readServiceMembers(r, path, members, s, bad)
}

// readServiceSpec reads a service measure's members, as
// [ServiceSpec.UnmarshalJSON] says: as [readScorecard] reads a scorecard's
// service, then checked as [NewScorecard] checks the service of a
// scorecard without a unit, but for the parts that did not read.
func readServiceSpec(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (ServiceSpec, []error) {
	var (
		s   ServiceSpec
		bad cardPart
		n   = f.Count()
	)
	r := partReader{f: f, ids: ids, name: cardParts("")}
	readServiceMembers(&r, path, members, &s, &bad)
	errs := append(r.errs, validateService("", s, bad)...)
	if len(errs) > 0 || f.Count() != n {
		return ServiceSpec{}, errs
	}
	return s, nil
}

// readServiceMembers reads members, those of the service at path, into *s,
// marking in bad the parts that did not read (null included).
func readServiceMembers(r *partReader, path jsondecode.Path, members []strictjson.Member, s *ServiceSpec, bad *cardPart) {
	f, ids := r.f, r.ids
	r.f.Fields(path, ids, members, serviceFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			if !jsondecode.Value(f, p, ids, raw, &s.Name) {
				*bad |= partServiceName
			}
		case 1:
			jsondecode.Value(f, p, ids, raw, &s.Unit)
		case 2:
			var dir string
			if !jsondecode.Value(f, p, ids, raw, &dir) {
				*bad |= partDirection
				return
			}
			d, err := outcome.ParseDirection(dir)
			if err != nil {
				r.add("service direction", err)
				*bad |= partDirection
			}
			s.Direction = d
		default:
			what, v, part := "baseline service measure", &s.Baseline, partBaseline
			if field == 4 {
				what, v, part = "actual service measure", &s.Actual, partActual
			}
			m, errs, ok := readObject(f, p, ids, raw, readMeasureJSON)
			r.add(what, joinAll(errs))
			if ok {
				*v = m
			} else {
				*bad |= part
			}
		}
	})
}

// groupAt returns the place and the IDs of the problems of the group whose
// members are given: its ID, if that is a string and not empty.
func groupAt(members []strictjson.Member) (string, []string) {
	if id, ok := jsondecode.FirstString(members, groupFields, "id"); ok && id != "" {
		return groupName(id), []string{id}
	}
	return "", nil
}

// groupName names the group id in a message: `group "north"`, or "a group"
// when its ID is not known.
func groupName(id string) string {
	if id == "" {
		return "a group"
	}
	return fmt.Sprintf("group %q", clip(id))
}

// readGroup reads a group's members, as [Group.UnmarshalJSON] says.
func readGroup(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Group, []error) {
	var (
		g Group
		n = f.Count()
	)
	f.Fields(path, ids, members, groupFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		if field == 0 {
			jsondecode.Value(f, p, ids, raw, &g.ID)
		} else {
			units := []string{}
			f.Array(p, ids, raw, func(_ int, p jsondecode.Path, raw json.RawMessage) {
				var u string
				jsondecode.Value(f, p, ids, raw, &u)
				units = append(units, u)
			})
			g.Units = units
		}
	})
	if f.Count() != n {
		return Group{}, nil
	}
	return g, nil
}

// rollupAt returns the place and the IDs of the problems of the roll-up
// whose members are given: its scorecard's unit, if that is a string and
// not empty.
func rollupAt(members []strictjson.Member) (string, []string) {
	for _, mb := range members {
		if strictjson.Field(rollupFields, mb.Key) == 0 {
			card, err := strictjson.Members(mb.Value)
			if err != nil {
				return "", nil
			}
			if unit, ok := jsondecode.FirstString(card, scorecardFields, "unit"); ok && unit != "" {
				return rollupName(unit), []string{unit}
			}
			return "", nil
		}
	}
	return "", nil
}

// readRollup reads a roll-up's members, as [Rollup.UnmarshalJSON] says.
func readRollup(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Rollup, []error) {
	var (
		errs        []error
		card        Scorecard
		cardOK      bool
		cardGiven   bool
		units       []string
		unread      []bool // which units did not read, if any did not
		unitsOK     = true
		comb        Combination
		combGiven   bool
		n           = f.Count()
		unit        string
		cardMembers []strictjson.Member
	)
	for _, mb := range members { // the unit names the roll-up in every message
		if strictjson.Field(rollupFields, mb.Key) == 0 {
			cardMembers, _ = strictjson.Members(mb.Value)
			break
		}
	}
	unit, _ = jsondecode.FirstString(cardMembers, scorecardFields, "unit")
	f.Fields(path, ids, members, rollupFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			cardGiven = true
			if isNull(raw) {
				errs = append(errs, inRollup("", "scorecard",
					newError(outcome.ErrInvalidJSON, nil, "triplecrown: a scorecard cannot be null"))...)
				return
			}
			var cerrs []error
			card, cerrs, cardOK = readObject(f, p, ids, raw, readRollupCard)
			errs = append(errs, cerrs...)
		case 1:
			unitsOK = f.Array(p, ids, raw, func(i int, p jsondecode.Path, raw json.RawMessage) {
				var u string
				if !jsondecode.Value(f, p, ids, raw, &u) {
					if unread == nil {
						unread = make([]bool, i, i+1)
					}
					unread = append(unread, true)
				} else if unread != nil {
					unread = append(unread, false)
				}
				units = append(units, u)
			})
			if units == nil && unitsOK {
				units = []string{}
			}
		default:
			combGiven = true
			var text string
			if jsondecode.Value(f, p, ids, raw, &text) {
				var err error
				if comb, err = ParseCombination(text); err != nil {
					errs = append(errs, inRollup(unit, "combination", err)...)
				}
			}
		}
	})
	if !cardGiven {
		errs = append(errs, newError(ErrInvalidScorecard, nil, "triplecrown: a roll-up needs its scorecard"))
	}
	if !combGiven {
		errs = append(errs, newError(ErrUnknownCombination, idsOf(unit),
			"triplecrown: %s needs its combination (by-sample-size or by-weight)", rollupName(unit)))
	}
	errs = append(errs, rollupPartsProblems(unit, units, unread, unitsOK, comb, card, cardOK && comb.IsValid())...)
	if len(errs) > 0 || f.Count() != n {
		return Rollup{}, errs
	}
	return Rollup{card: card, units: units, combination: comb}, nil
}

// A field of a definition's JSON as read: not given, given and read, or
// given but not read (of the wrong type, null included: a problem of the
// form, so neither missing nor checked).
const (
	fieldMissing = iota
	fieldRead
	fieldUnread
)

// contributionRead is a contribution as [readContributions] read it: each
// field's state (fieldMissing, ...) and, for those read, its value.
type contributionRead struct {
	object     bool // the contribution is an object (not null, nor another value)
	state      [4]int
	unit       string
	amount     Money
	amountErrs []error // the problems of the values of an amount that did not read
	share      *decimalJSON
	detractor  bool
}

// readContributions reads the members of contributions, as
// [Contributions.UnmarshalJSON] says.
func readContributions(f *jsondecode.Form, path jsondecode.Path, ids []string, members []strictjson.Member) (Contributions, []error) {
	var (
		state     [5]int // each field's
		crown     string
		total     Money
		totalErrs []error
		places    int32
		shares    bool
		items     []contributionRead
		n         = f.Count()
	)
	// mark sets *s, the state of a field given, as read if ok.
	mark := func(s *int, ok bool) {
		*s = fieldUnread
		if ok {
			*s = fieldRead
		}
	}
	// money reads raw, money at p, into *m, marking *s: read if it read
	// with no problem, unread otherwise; *errs are its values' problems.
	money := func(s *int, p jsondecode.Path, ids []string, raw json.RawMessage, m *Money, errs *[]error) {
		var ok bool
		*m, *errs, ok = readObject(f, p, ids, raw, readMoney)
		mark(s, ok)
	}
	f.Fields(path, ids, members, contribsFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case 0:
			mark(&state[0], jsondecode.Value(f, p, ids, raw, &crown))
		case 1:
			money(&state[1], p, ids, raw, &total, &totalErrs)
		case 2:
			mark(&state[2], jsondecode.Value(f, p, ids, raw, &places))
		case 3:
			mark(&state[3], jsondecode.Value(f, p, ids, raw, &shares))
		default:
			items = []contributionRead{}
			mark(&state[4], f.Array(p, ids, raw, func(_ int, p jsondecode.Path, raw json.RawMessage) {
				items = append(items, readContribution(f, p, raw, money))
			}))
		}
	})
	errs := contributionsProblems(state, crown, total, totalErrs, places, items)
	if len(errs) > 0 || f.Count() != n {
		return Contributions{}, errs
	}
	return contributionsOf(crown, total, places, shares, items)
}

// readContribution reads raw, the contribution at path, with money reading
// its amount; its problems of the form have its unit's ID, if its "unit"
// is a string that is not empty.
func readContribution(f *jsondecode.Form, path jsondecode.Path, raw json.RawMessage,
	money func(s *int, p jsondecode.Path, ids []string, raw json.RawMessage, m *Money, errs *[]error)) contributionRead {
	var c contributionRead
	var ids []string
	if members, err := strictjson.Members(raw); err == nil {
		if unit, ok := jsondecode.FirstString(members, contribFields, "unit"); ok {
			ids = idsOf(unit)
		}
	}
	members, ok := f.Open(path, ids, raw)
	if !ok {
		return c
	}
	c.object = true
	f.Fields(path, ids, members, contribFields, func(field int, p jsondecode.Path, raw json.RawMessage) {
		s := &c.state[field]
		*s = fieldUnread
		switch field {
		case 0:
			if jsondecode.Value(f, p, ids, raw, &c.unit) {
				*s = fieldRead
			}
		case 1:
			money(s, p, ids, raw, &c.amount, &c.amountErrs)
		case 2:
			if f.NotNull(p, ids, decimalWant, raw) && readDecimal(f, p, ids, raw, &c.share) {
				*s = fieldRead
			}
		default:
			if jsondecode.Value(f, p, ids, raw, &c.detractor) {
				*s = fieldRead
			}
		}
	})
	return c
}

// contributionsProblems returns the problems of the values of
// contributions read as [readContributions] read them (the fields' states,
// the crown's text, the total and its values' problems, the places and the
// contributions), as [Contributions.UnmarshalJSON] says, in the order of
// the fields; it sets each contribution's share, if it parses.
func contributionsProblems(state [5]int, crown string, total Money, totalErrs []error, places int32,
	items []contributionRead) []error {
	var errs []error
	bad := func(code outcome.Code, ids []string, format string, args ...any) {
		errs = append(errs, newError(code, ids, "triplecrown: "+format, args...))
	}
	switch state[0] {
	case fieldMissing:
		bad(ErrUnknownCrown, nil, `contributions need their "crown" (cost or revenue)`)
	case fieldRead:
		if cr, err := ParseCrown(crown); err != nil {
			errs = append(errs, err)
		} else if cr == Service {
			bad(ErrUnknownCrown, nil, "contributions are of cost or revenue, not %s: service is not money", cr)
		}
	}
	if state[1] == fieldMissing {
		bad(ErrMissingMoney, nil, `contributions need their "total"`)
	}
	errs = append(errs, within(nil, "the contributions' total", joinAll(totalErrs))...)
	switch {
	case state[2] == fieldMissing:
		bad(outcome.ErrInvalidPlaces, nil, `contributions need the "places" of their shares`)
	case state[2] == fieldRead && (places < 0 || places > MaxSharePlaces):
		bad(outcome.ErrInvalidPlaces, nil, "a share's places must be 0 to %d, not %d", MaxSharePlaces, places)
	}
	if state[3] == fieldMissing {
		bad(outcome.ErrInvalidJSON, nil, `contributions need "sharesDefined"`)
	}
	if state[4] != fieldUnread && len(items) == 0 {
		bad(ErrEmptyRollup, nil, "contributions need at least one unit's contribution")
	}
	seen := make(map[string]struct{}, len(items))
	first := -1 // the first contribution whose amount read
	// name names contribution i in a message: by its unit, or, without
	// one, by its place.
	name := func(i int) string {
		if u := items[i].unit; u != "" {
			return fmt.Sprintf("unit %q", clip(u))
		}
		return fmt.Sprintf("contribution %d", i)
	}
	for i := range items {
		it := &items[i]
		if !it.object {
			continue // reported as a problem of the form
		}
		// A contribution without a unit is checked all the same, named by
		// its place.
		switch it.state[0] {
		case fieldMissing:
			bad(outcome.ErrEmptyID, nil, `contribution %d has no "unit"`, i)
		case fieldRead:
			if err := outcome.ValidateID(it.unit); err != nil {
				errs = append(errs, err)
			} else if _, dup := seen[it.unit]; dup {
				bad(outcome.ErrDuplicateID, []string{it.unit}, "unit %q has two contributions", clip(it.unit))
			}
			seen[it.unit] = struct{}{}
		}
		ids := idsOf(it.unit)
		where := "the contribution of " + name(i)
		if it.unit == "" {
			where = name(i)
		}
		switch it.state[1] {
		case fieldMissing:
			bad(ErrMissingMoney, ids, "%s has no amount", where)
		case fieldUnread:
			errs = append(errs, within(ids, where+", amount", joinAll(it.amountErrs))...)
		default:
			if first < 0 {
				first = i
			} else if cur, fcur := it.amount.cur, items[first].amount.cur; cur != fcur {
				bad(ErrCurrencyMismatch, append(ids, idsOf(items[first].unit)...), "currency mismatch: %s is in %s but %s is in %s",
					name(i), cur, name(first), fcur)
			}
		}
		switch it.state[2] {
		case fieldMissing:
			bad(outcome.ErrInvalidJSON, ids, "%s has no share", where)
		case fieldRead:
			if _, err := it.share.parse("share", shareBounds); err != nil {
				errs = append(errs, within(ids, where, err)...)
			}
		}
		if it.state[3] == fieldMissing {
			bad(outcome.ErrInvalidJSON, ids, `%s has no "detractor"`, where)
		}
	}
	return errs
}

// contributionsOf returns the contributions to crown (its text) read, with
// nothing wrong with them but, perhaps, what is computed from the amounts:
// the total, whether the shares are defined, the detractors and the shares
// are checked to agree with them.
func contributionsOf(crownText string, total Money, places int32, shares bool, read []contributionRead) (Contributions, []error) {
	crown, _ := ParseCrown(crownText) // checked
	items := make([]Contribution, len(read))
	stored := make([]Contribution, len(read))
	for i, it := range read {
		share, _ := it.share.parse("share", shareBounds) // checked
		stored[i] = Contribution{unit: it.unit, amount: it.amount, share: share, detractor: it.detractor}
		items[i] = Contribution{unit: it.unit, amount: it.amount, detractor: it.amount.Sign() < 0}
	}
	v, err := withShares(crown, items, places)
	if err != nil {
		return Contributions{}, []error{err}
	}
	var errs []error
	bad := func(code outcome.Code, ids []string, format string, args ...any) {
		errs = append(errs, newError(code, ids, "triplecrown: "+format, args...))
	}
	if !v.total.Equal(total) {
		bad(outcome.ErrInvalidJSON, nil, "the contributions' total is %s, not the sum of their amounts, %s", total, v.total)
	}
	if v.hasShares != shares {
		bad(outcome.ErrInvalidJSON, nil, `the contributions say "sharesDefined" is %v, but their total is %s`, shares, v.total)
	}
	for i, g := range stored {
		ids := []string{g.unit}
		if g.detractor != v.items[i].detractor {
			bad(outcome.ErrInvalidJSON, ids, `the contribution of unit %q says "detractor" is %v, but its amount is %s`,
				clip(g.unit), g.detractor, g.amount)
		}
		if !g.share.Equal(v.items[i].share) {
			places := "places"
			if v.places == 1 {
				places = "place"
			}
			bad(outcome.ErrInvalidJSON, ids, "the contribution of unit %q has a share of %s%%, but its amount is %s%% of the total to %d %s",
				clip(g.unit), decfmt.String(g.share), decfmt.String(v.items[i].share), v.places, places)
		}
	}
	if len(errs) > 0 {
		return Contributions{}, errs
	}
	return v, nil
}
