package outcome

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/internal/strictjson"
)

// resultTolerance is how far a number of a result read from JSON that goes
// through math.Erfinv, math.Erfc or math.Hypot, whose last bits differ
// between platforms, may be from what the package computes: the bounds of
// a score test's interval and of a comparison's difference, and their
// p-values ([ScoreTest.UnmarshalJSON] and [ProportionComparison.UnmarshalJSON]
// say against what it is measured).
const resultTolerance = 1e-12

// The indexes of an interval's numbers, by their index in intervalFields.
const (
	ivEstimate = iota
	ivLow
	ivHigh
	ivConfidence
	ivMethod
)

// intervalRead is an [Interval] read from JSON member by member, before its
// values are checked.
type intervalRead struct {
	num        [4]comparisonNumber // estimate, low, high, confidence
	method     string
	methodRead bool
}

// intervalWant is what a result that holds an [Interval] computes it to
// be, checked as the interval's values are: its estimate (named of in
// messages), its method, and, at a sound confidence, its bounds, each to
// within tol of what bounds gives.
type intervalWant struct {
	of       string // what the estimate is: "the difference"
	estimate float64
	known    bool // whether estimate is known (bounds too)
	method   IntervalMethod
	bounds   func(confidence float64) (low, high, tol float64, how string)
}

// readInterval reads the members of an interval's JSON object into j, as
// [Interval.UnmarshalJSON] documents: each member's problems of the form,
// then each field absent.
func readInterval(j *jsonForm, members []strictjson.Member) intervalRead {
	var r intervalRead
	var given [5]bool
	j.each(members, intervalFields, func(f int, raw json.RawMessage) {
		given[f] = true
		if f == ivMethod {
			r.methodRead = j.value(intervalFields[f], "a string naming an interval method", raw, &r.method)
			return
		}
		r.num[f] = readComparisonNumber(j, intervalFields[f], raw)
	})
	for f, ok := range given {
		if !ok {
			j.problem(nil, " has no %q", intervalFields[f])
		}
	}
	return r
}

// value returns the Interval r holds, as decoded.
func (r *intervalRead) value() Interval {
	m, _ := ParseIntervalMethod(r.method)
	return Interval{Estimate: r.num[ivEstimate].v, Low: r.num[ivLow].v, High: r.num[ivHigh].v,
		Confidence: r.num[ivConfidence].v, Method: m}
}

// methodRange returns the range a method's bounds lie within, said as
// messages say it, and whether it has one: [0, 1] for a Wilson interval,
// [-1, 1] for a Newcombe one.
func methodRange(m IntervalMethod) (lo, hi float64, ok bool) {
	switch m {
	case IntervalWilson:
		return 0, 1, true
	case IntervalNewcombe:
		return -1, 1, true
	}
	return 0, 0, false
}

// problems returns the problems of the values of r, in the order of the
// fields, as [Interval.UnmarshalJSON] documents them, and, if want is not
// nil, those of a result that computes the interval
// ([ScoreTest.UnmarshalJSON]), each at its field; what names the interval
// in messages. sound reports whether the interval has no problem.
func (r *intervalRead) problems(what string, want *intervalWant) (errs []error, sound bool) {
	n := &r.num
	bad := func(code Code, format string, args ...any) {
		errs = append(errs, NewError(code, nil, "outcome: %s: "+format, append([]any{what}, args...)...))
	}
	method, methodErr := ParseIntervalMethod(r.method)
	conf := n[ivConfidence]
	confWhy := confidenceProblem(conf.text, conf.v)
	confOK := conf.read && confWhy == ""

	estOK := false
	if e := n[ivEstimate]; e.read {
		switch {
		case e.zeroAsWritten():
			bad(ErrInvalidResult, "%q %s %s", "estimate", clip(e.text), tooSmall)
		case want != nil && want.known && e.v != want.estimate:
			bad(ErrInvalidResult, "%q is %s, where %s is %v", "estimate", clip(e.text), want.of, want.estimate)
		default:
			estOK = true
		}
	}
	var wantLow, wantHigh, tol float64
	how := ""
	if want != nil && want.known && want.bounds != nil && confOK {
		wantLow, wantHigh, tol, how = want.bounds(conf.v)
	}
	lo, hi, ranged := methodRange(method)
	ranged = ranged && want == nil // a result's own method is checked below
	bound := func(f int, wantV float64) {
		b := n[f]
		if !b.read {
			return
		}
		name := intervalFields[f]
		est := n[ivEstimate]
		switch {
		case b.zeroAsWritten():
			bad(ErrInvalidResult, "%q %s %s", name, clip(b.text), tooSmall)
		case how != "" && math.Abs(b.v-wantV) > tol:
			bad(ErrInvalidResult, "%q is %s, where %s gives %v", name, clip(b.text), how, wantV)
		case f == ivLow && estOK && b.v > est.v:
			bad(ErrInvalidResult, "%q %s is above the estimate %s", name, clip(b.text), clip(est.text))
		case f == ivHigh && estOK && b.v < est.v:
			bad(ErrInvalidResult, "%q %s is below the estimate %s", name, clip(b.text), clip(est.text))
		case ranged && methodErr == nil && (b.v < lo || b.v > hi):
			bad(ErrInvalidResult, "%q %s is outside [%v, %v], where a %s interval lies", name, clip(b.text), lo, hi, method)
		default:
			return
		}
	}
	bound(ivLow, wantLow)
	bound(ivHigh, wantHigh)
	if conf.read && !confOK {
		bad(ErrInvalidConfidence, "confidence level %s %s", clip(conf.text), confWhy)
	}
	if r.methodRead {
		switch {
		case methodErr != nil:
			bad(ErrInvalidIntervalMethod, "unknown interval method %q", clip(r.method))
		case want != nil && want.method != 0 && method != want.method:
			bad(ErrInvalidIntervalMethod, "interval method %s is not %s, the interval method of a %s", method, want.method, strings.TrimSuffix(what, ` "interval"`))
		}
	}
	return errs, len(errs) == 0
}

// tooSmall says why a number that reads as 0 or -0 but is written as one
// that is not ("1e-400") is refused.
const tooSmall = "is too small to hold, and reads as 0, not the number written"

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the JSON that
// encoding/json writes for an Interval, {"estimate", "low", "high",
// "confidence", "method"}, and accepts only an interval that the package's
// measures could give: every field must be there (encoding/json writes
// each, and the zero Interval, with no method, does not encode), and JSON
// null is never a field's value.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (also under keys that differ
// only in case; the first is the one read), a value of the wrong type, null
// included (`outcome: interval: "low" must be a number, not null`), a number
// beyond float64's range (1e400), and then each field that is absent
// (`outcome: interval has no "method"`). Then, in the order of the fields,
// the problems of the values, said as written: a number too small for a
// float64 to hold, which reads as 0 or -0 ("1e-400"), code
// [ErrInvalidResult], for it is not the number written; Low above the
// estimate or High below it, code ErrInvalidResult (`outcome: interval: "low"
// 0.6 is above the estimate 0.5`); a bound outside [0, 1] for a Wilson
// interval or [-1, 1] for a Newcombe one, code ErrInvalidResult; a confidence
// not strictly between 0 and 1, or below 2^-1022, which no measure accepts
// (`outcome: interval: confidence level 5e-324 is below
// 2.2250738585072014e-308, the smallest positive number held to full
// precision`), code [ErrInvalidConfidence]; and method text that names no
// method, code [ErrInvalidIntervalMethod]. A value whose form has a problem
// is not checked again. JSON that is not one object is a single problem with
// code ErrInvalidJSON, and so is JSON null for the whole interval, with no
// ID: `outcome: an interval cannot be null`. On error iv is unchanged.
func (iv *Interval) UnmarshalJSON(data []byte) error {
	return decodeObject(data, iv, "interval", "an interval", func(j *jsonForm, members []strictjson.Member) Interval {
		r := readInterval(j, members)
		errs, _ := r.problems(j.what, nil)
		j.checks = append(j.checks, errs...)
		return r.value()
	})
}

// scoreTestFields are the JSON names of the fields of a [ScoreTest], in its
// order.
var scoreTestFields = []string{"difference", "standardError", "z", "pValue", "interval"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the JSON that
// encoding/json writes for a ScoreTest, {"difference", "standardError",
// "z", "pValue", "interval"}, and accepts only a test that the package's
// z-tests give (see [NPSTally.TestAgainst]): every field must be there, the
// interval's five too, and JSON null is never a field's value. The
// difference must be held as written; the standard error above 0; z
// exactly Difference / StandardError (the same float64; -0 is 0); the
// p-value from 0 to 1 and within 1e-12 times the two-sided p-value of that
// z (or times 2^-1022, the smallest normal float64, if that is larger),
// which goes through math.Erfc, whose last bits differ between platforms;
// and the interval one [Interval.UnmarshalJSON] accepts, whose estimate is
// exactly the difference, whose interval method is [IntervalWald], and whose bounds
// are Difference ∓ z*·StandardError, z* the critical value of its
// confidence (through math.Erfinv), each to within 1e-12 times
// |Difference| + z*·StandardError. A number too small for a float64 to
// hold, which reads as 0 or -0 ("1e-400"), is never taken as 0. The
// values decoded are those written, not recomputed ones.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON], as
// Interval.UnmarshalJSON reports them, the interval's at its key (`outcome:
// score test "interval": "low" must be a number, not null`, `outcome: score
// test "interval" has no "low"`), each field absent after the other problems
// of its object (`outcome: score test has no "z"`). Then, in the order of the
// fields, the problems of the values, said as written, each with code
// [ErrInvalidResult] (`outcome: score test: "z" is 3, where difference /
// standardError gives 2`), but the interval's confidence and method, with
// Interval.UnmarshalJSON's codes (`interval method wilson is not wald, the
// interval method of a score test`). A value whose form has a problem is not
// checked again, and what is computed from it is checked only if it has no
// problem. JSON that is not one object is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole test, with no ID:
// `outcome: a score test cannot be null`. On error t is unchanged.
func (t *ScoreTest) UnmarshalJSON(data []byte) error {
	return decodeObject(data, t, "score test", "a score test", decodeScoreTest)
}

// decodeScoreTest reads the members of the JSON object of a [ScoreTest]
// into j, as [ScoreTest.UnmarshalJSON] documents.
func decodeScoreTest(j *jsonForm, members []strictjson.Member) ScoreTest {
	var num [4]comparisonNumber // difference, standardError, z, pValue
	var iv intervalRead
	ivOK := false
	var given [5]bool
	j.each(members, scoreTestFields, func(f int, raw json.RawMessage) {
		given[f] = true
		if f < 4 {
			num[f] = readComparisonNumber(j, scoreTestFields[f], raw)
			return
		}
		ivOK = j.object(scoreTestFields[f], raw, func(n *jsonForm, ms []strictjson.Member) { iv = readInterval(n, ms) })
	})
	for f, ok := range given {
		if !ok {
			j.problem(nil, " has no %q", scoreTestFields[f])
		}
	}

	bad := func(format string, args ...any) {
		j.checks = append(j.checks, NewError(ErrInvalidResult, nil, "outcome: %s: "+format, append([]any{j.what}, args...)...))
	}
	d, se, z, p := num[0], num[1], num[2], num[3]
	dOK, seOK := false, false
	if d.read {
		if d.zeroAsWritten() {
			bad("%q %s %s", "difference", clip(d.text), tooSmall)
		} else {
			dOK = true
		}
	}
	if se.read {
		switch {
		case se.zeroAsWritten():
			bad("%q %s %s", "standardError", clip(se.text), tooSmall)
		case !(se.v > 0):
			bad("%q %s is not above 0: a z-test needs a positive standard error", "standardError", clip(se.text))
		default:
			seOK = true
		}
	}
	known := dOK && seOK
	wantZ := d.v / se.v
	if z.read {
		switch {
		case known && (z.v != wantZ || z.zeroAsWritten()):
			bad("%q is %s, where difference / standardError gives %v", "z", clip(z.text), wantZ)
		case !known && z.zeroAsWritten():
			bad("%q %s %s", "z", clip(z.text), tooSmall)
		}
	}
	if p.read {
		wantP := stat.TwoSidedP(wantZ)
		inRange := 0 <= p.v && p.v <= 1 && !p.zeroAsWritten()
		switch {
		case known && (!inRange || math.Abs(p.v-wantP) > resultTolerance*max(wantP, floattext.MinNormal)):
			bad("%q is %s, where the two-sided p-value of difference / standardError gives %v", "pValue", clip(p.text), wantP)
		case !known && !inRange:
			bad("%q %s is not a p-value from 0 to 1", "pValue", clip(p.text))
		}
	}
	if ivOK {
		want := intervalWant{of: "the difference", estimate: d.v, known: known, method: IntervalWald,
			bounds: func(c float64) (low, high, tol float64, how string) {
				crit := stat.CriticalValue(c)
				t := surveyZTest(d.v, se.v, crit, c)
				return t.Interval.Low, t.Interval.High, resultTolerance * (math.Abs(d.v) + crit*se.v),
					"difference ∓ z*·standardError at confidence " + strconv.FormatFloat(c, 'g', -1, 64)
			}}
		errs, _ := iv.problems(j.what+` "interval"`, &want)
		j.checks = append(j.checks, errs...)
	}
	return ScoreTest{Difference: d.v, StandardError: se.v, Z: z.v, PValue: p.v, Interval: iv.value()}
}

// classificationFields are the JSON names of a [Classification]'s fields,
// in its order.
var classificationFields = []string{"name", "level", "direction", "kind", "reason"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the JSON that
// [json.Marshal] writes for a Classification (a field left out is empty,
// as the zero fields are left out) and accepts only a classification of the
// catalogue's form: the zero Classification, "unclassified", with every
// field empty ({}), or a known one, with a name, a level, a direction, a
// kind if and only if the level is [BusinessOutcome], and a reason that
// starts with the level in lower case and a colon ("output: ..."), as
// every entry of the catalogue has. It does not check that it is an entry
// of this version's catalogue: the catalogue's reasons are revised from
// version to version, and a stored classification says what the catalogue
// said when it was made.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (also under keys that differ
// only in case; the first is the one read) and a value that is not a string,
// null included (`outcome: classification: "level" must be a string, not
// null`). Then, in the order of the fields, the problems of the values: for a
// classification with any field given, a name that is empty, code
// [ErrEmptyName]; a level that names none or is empty, code
// [ErrUnknownLevel]; a direction that names none or is empty, code
// [ErrUnknownDirection]; a kind that names none, code [ErrUnknownKind], and a
// kind missing for a business outcome or given for another level, codes
// [ErrMissingKind] and [ErrUnexpectedKind]; and a reason that does not start
// with its level, code [ErrInvalidResult]. The level, direction and kind are
// read as their UnmarshalText methods read them. A value whose form has a
// problem is not checked again. JSON that is not one object is a single
// problem with code ErrInvalidJSON, and so is JSON null for the whole
// classification, with no ID: `outcome: a classification cannot be null`. On
// error c is unchanged.
func (c *Classification) UnmarshalJSON(data []byte) error {
	return decodeObject(data, c, "classification", "a classification", decodeClassification)
}

// decodeClassification reads the members of the JSON object of a
// [Classification] into j, as [Classification.UnmarshalJSON] documents.
func decodeClassification(j *jsonForm, members []strictjson.Member) Classification {
	var text [5]string
	var wrong [5]bool // whether a field's value is not a string
	j.each(members, classificationFields, func(f int, raw json.RawMessage) {
		wrong[f] = !j.value(classificationFields[f], "a string", raw, &text[f])
	})
	c := Classification{Name: text[0], Reason: text[4]}
	if text == [5]string{} && wrong == [5]bool{} {
		return c // unclassified
	}
	what := j.what
	if c.Name != "" {
		what += " " + strconv.Quote(clip(c.Name))
	}
	problem := func(code Code, format string, args ...any) {
		j.checks = append(j.checks, NewError(code, nil, "outcome: %s"+format, append([]any{what}, args...)...))
	}
	const onlyZero = ": only the zero Classification, unclassified, has none"
	if !wrong[0] && c.Name == "" {
		problem(ErrEmptyName, " has no name"+onlyZero)
	}
	levelOK := false
	switch t := text[1]; {
	case wrong[1]:
	case t == "":
		problem(ErrUnknownLevel, " has no level"+onlyZero)
	case c.Level.UnmarshalText([]byte(t)) != nil:
		problem(ErrUnknownLevel, ": unknown level %q", clip(t))
	default:
		levelOK = true
	}
	switch t := text[2]; {
	case wrong[2]:
	case t == "":
		problem(ErrUnknownDirection, " has no direction"+onlyZero)
	case c.Direction.UnmarshalText([]byte(t)) != nil:
		problem(ErrUnknownDirection, ": unknown direction %q", clip(t))
	}
	switch {
	case wrong[3]:
	case c.Kind.UnmarshalText([]byte(text[3])) != nil:
		problem(ErrUnknownKind, ": unknown kind %q", clip(text[3]))
	case !levelOK:
	case c.Level == BusinessOutcome && c.Kind == 0:
		problem(ErrMissingKind, ": a business outcome has a kind (revenue, cost, service or compliance)")
	case c.Level != BusinessOutcome && c.Kind != 0:
		problem(ErrUnexpectedKind, ": kind %s given for a level that is not a business outcome", c.Kind)
	}
	switch want := strings.ToLower(c.Level.String()) + ": "; {
	case wrong[4]:
	case c.Reason == "":
		problem(ErrInvalidResult, " has no reason"+onlyZero)
	case levelOK && !strings.HasPrefix(c.Reason, want):
		problem(ErrInvalidResult, ": reason %q does not start with %q, its level", clip(c.Reason), want)
	}
	return c
}
