package outcome_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// checkParseError checks that err is one problem with the given code and a
// bounded message that starts as it should.
func checkParseError(t *testing.T, err error, code outcome.Code, prefix string) {
	t.Helper()
	require.ErrorIs(t, err, code)
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	assert.True(t, strings.HasPrefix(e.Message, prefix), e.Message)
	// The quoted text is clipped to 64 bytes and "...", and %q writes at most
	// 4 characters ("\xff") per byte, plus the quotes.
	assert.LessOrEqual(t, len(e.Message), len(prefix)+4*67+2, "message length is bounded")
}

// textValue is one of the vocabulary's enums, with its two text forms.
type textValue interface {
	comparable
	MarshalText() ([]byte, error)
	String() string
}

// checkRoundTrip checks Parse -> String -> Parse and Parse -> MarshalText ->
// UnmarshalText on a value v that parse returned.
func checkRoundTrip[T textValue](t *testing.T, v T, parse func(string) (T, error), unmarshal func([]byte) (T, error)) {
	t.Helper()
	again, err := parse(v.String())
	require.NoError(t, err, "Parse(String()) of %v", v)
	assert.Equal(t, v, again, "Parse(String())")
	text, err := v.MarshalText()
	require.NoError(t, err)
	back, err := unmarshal(text)
	require.NoError(t, err, "UnmarshalText(MarshalText()) of %v", v)
	assert.Equal(t, v, back, "UnmarshalText(MarshalText())")
}

func FuzzParseLevel(f *testing.F) {
	for _, tt := range levelSpellings {
		f.Add(tt.in)
	}
	for _, in := range levelUnknown {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		l, err := outcome.ParseLevel(text)
		if err != nil {
			checkParseError(t, err, outcome.ErrUnknownLevel, "outcome: unknown level ")
			assert.Zero(t, l)
			return
		}
		require.True(t, l.IsValid(), "ParseLevel returned %v", l)
		checkRoundTrip(t, l, outcome.ParseLevel, func(b []byte) (outcome.Level, error) {
			var v outcome.Level
			err := v.UnmarshalText(b)
			return v, err
		})
		// Only ASCII letters name a level, so text that names one has some.
		letters := strings.IndexFunc(text, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) })
		assert.GreaterOrEqual(t, letters, 0, "%q has no ASCII letter", text)
	})
}

func FuzzParseDirection(f *testing.F) {
	for _, tt := range directionSpellings {
		f.Add(tt.in)
	}
	for _, in := range directionUnknown {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := outcome.ParseDirection(text)
		if err != nil {
			checkParseError(t, err, outcome.ErrUnknownDirection, "outcome: unknown direction ")
			assert.Zero(t, d)
			return
		}
		require.True(t, d.IsValid(), "ParseDirection returned %v", d)
		assert.NotZero(t, d.Sign())
		checkRoundTrip(t, d, outcome.ParseDirection, func(b []byte) (outcome.Direction, error) {
			var v outcome.Direction
			err := v.UnmarshalText(b)
			return v, err
		})
	})
}

func FuzzParseKind(f *testing.F) {
	for _, tt := range kindSpellings {
		f.Add(tt.in)
	}
	for _, in := range kindUnknown {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		unmarshal := func(b []byte) (outcome.Kind, error) {
			var v outcome.Kind
			err := v.UnmarshalText(b)
			return v, err
		}
		// UnmarshalText accepts what ParseKind accepts, and also blank text as
		// "no kind"; both round-trip through MarshalText.
		u, uerr := unmarshal([]byte(text))
		if uerr == nil {
			out, err := u.MarshalText()
			require.NoError(t, err)
			back, err := unmarshal(out)
			require.NoError(t, err)
			assert.Equal(t, u, back)
		}

		k, err := outcome.ParseKind(text)
		if err != nil {
			checkParseError(t, err, outcome.ErrUnknownKind, "outcome: unknown business-outcome kind ")
			assert.Zero(t, k)
			if strings.TrimSpace(text) == "" {
				assert.NoError(t, uerr, "blank text is no kind")
				assert.Zero(t, u)
			} else {
				assert.ErrorIs(t, uerr, outcome.ErrUnknownKind)
			}
			return
		}
		require.True(t, k.IsValid(), "ParseKind returned %v", k)
		require.NoError(t, uerr)
		assert.Equal(t, k, u, "UnmarshalText agrees with ParseKind")
		checkRoundTrip(t, k, outcome.ParseKind, unmarshal)
	})
}

// metricCodes is every code a metric's decoding may report.
var metricCodes = []outcome.Code{
	outcome.ErrEmptyID, outcome.ErrInvalidID, outcome.ErrEmptyName, outcome.ErrUnknownLevel,
	outcome.ErrUnknownDirection, outcome.ErrUnknownKind, outcome.ErrMissingKind, outcome.ErrUnexpectedKind,
	outcome.ErrInvalidText, outcome.ErrInvalidJSON,
}

func FuzzMetricJSON(f *testing.F) {
	for _, spec := range contactCentre() {
		f.Add(specJSON(f, spec))
	}
	for _, tt := range metricProblemCases {
		f.Add(specJSON(f, tt.spec))
	}
	for _, s := range []string{
		`{"id":"cost-to-serve","name":"Cost to serve","level":"Business Outcome","direction":"lower","kind":"cost optimisation"}`,
		`{"id":"aht","name":"AHT","level":"output","direction":"down","id":"x"}`,
		`{"id":"aht","name":"AHT","level":"output","direction":"down"} x`,
		`{"id":"aht","name":"AHT","level":3,"direction":"down"}`,
		`{"id":"aht","name":"AHT","level":"output","direction":"down","colour":"red"}`,
		`{"id":"aht","name":"AHT","level":"output","direction":"down","kind":""}`,
		`{"id":"aht","name":"AHT","level":"output","direction":"down","rewarded":null}`,
		`{"id":null,"name":null,"level":"output","direction":"down","unit":null}`,
		`{"id":"\u0000","name":"\ud800","level":"SCO","direction":"up"}`,
		`null`, ``, `[]`, `{`, `"aht"`, "{\"id\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"rewarded":"yes","colour":"red","name":5,"b":1,"id":"calls","level":"outptu"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[outcome.Metric], outcome.Metric.Equal)
		var m outcome.Metric
		err := m.UnmarshalJSON(data)
		// It accepts exactly what a strict decoding into a MetricSpec
		// (stopping at the first problem) and NewMetric accept, JSON null
		// aside, as the whole value (refused) or as a field's (refused as
		// a value of the wrong type), and decodes the same metric.
		fuzzNullRefused(t, data, err)
		// plainSpec is a MetricSpec without its UnmarshalJSON, which reads
		// as Metric.UnmarshalJSON does: encoding/json's own reading.
		type plainSpec outcome.MetricSpec
		var spec outcome.MetricSpec
		strict := strictjson.Decode(data, (*plainSpec)(&spec))
		want, verr := outcome.NewMetric(spec)
		if strict == nil && verr == nil && string(bytes.TrimSpace(data)) != "null" && !outcome.HasInnerJSONNull(data) {
			require.NoError(t, err, "strictjson.Decode and NewMetric accept %q", data)
			assert.True(t, m.Equal(want), "%+v != %+v", m.Spec(), want.Spec())
		} else {
			require.Error(t, err, "strictjson.Decode (%v) or NewMetric (%v) refuses %q", strict, verr, data)
		}
		if err != nil {
			assert.True(t, m.IsZero(), "nothing decoded on error")
			problems := outcome.Problems(err)
			require.NotEmpty(t, problems, "every failure is reported as problems: %v", err)
			for _, p := range problems {
				assert.Contains(t, metricCodes, p.Code)
				assert.Equal(t, outcome.SeverityError, p.Severity)
				assert.True(t, strings.HasPrefix(p.Message, "outcome: "), p.Message)
				assert.Empty(t, msg.GoWords(p.Message), "a message in Go's words: %q", p.Message)
				// A problem names the metric's ID, or none.
				assert.LessOrEqual(t, len(p.IDs), 1, "%v", p.IDs)
				if len(p.IDs) == 1 && len(problems[0].IDs) == 1 {
					assert.Equal(t, problems[0].IDs, p.IDs, "one metric, one ID")
				}
				// A problem of the form of a member of the object (every
				// invalid-json problem of an object) has a member cause,
				// for hierarchy to say it at its path; no other problem
				// has one.
				var member *strictjson.MemberError
				_, notObject := strictjson.Members(data)
				assert.Equal(t, p.Code == outcome.ErrInvalidJSON && notObject == nil, errors.As(p, &member), "%s", p.Message)
			}
			return
		}
		// Whatever decodes is a valid definition ...
		again, err := outcome.NewMetric(m.Spec())
		require.NoError(t, err, "NewMetric(Spec()) of a decoded metric")
		assert.True(t, again.Equal(m))
		// ... which round-trips, to the same bytes the second time.
		out, err := json.Marshal(m)
		require.NoError(t, err)
		var back outcome.Metric
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		assert.True(t, back.Equal(m), "%+v != %+v", back.Spec(), m.Spec())
		out2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(out2))
	})
}

// FuzzDecodeMetrics checks DecodeMetrics against Metric.UnmarshalJSON on
// each element: it decodes a list exactly when every element decodes alone,
// to the same metrics, and otherwise reports each bad element's problems,
// under its index, in order; the same data with the members of its objects
// in any order decodes alike ([ordertest.Check]).
func FuzzDecodeMetrics(f *testing.F) {
	for _, s := range []string{
		`[{"id":"aht","name":"AHT","level":"output","direction":"down"},{"id":"r","name":"R","level":"BO","direction":"up","kind":"cost"}]`,
		`[{"id":"aht","name":"","level":"outptu","direction":"down"},{"id":"r","name":"R","level":"BO","direction":"up"}]`,
		`[{"id":"aht","rewarded":"yes","x":1,"id":2},null,3,"s",[],{}]`,
		`[{"id":"a","ID":"b"}]`, "[{\"id\":\"\xff\"},{}]", `[] x`, `[`, `null`, ``, `{}`, `[]`,
	} {
		f.Add([]byte(s))
	}
	// DecodeMetrics reads the elements with one strictjson.Reader: objects
	// of more members than its first blocks hold, and more keys than its
	// cache, some escaped, some repeated under another case.
	var many strings.Builder
	many.WriteString("[")
	for i := range 3 {
		fmt.Fprintf(&many, `{"id":"m%d","name":"N","level":"output","direction":"up"`, i)
		for k := range 40 {
			fmt.Fprintf(&many, `,"k%d_%d":%d`, i%2, k, k)
		}
		many.WriteString(`,"\u006bind":"cost","Name":"x","NAME":"y"},`)
	}
	many.WriteString(`{"id":"ok","name":"N","level":"output","direction":"up"}]`)
	f.Add([]byte(many.String()))
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[metricList], func(a, b metricList) bool { return slices.EqualFunc(a, b, outcome.Metric.Equal) })
		metrics, err := outcome.DecodeMetrics(data)
		elems, serr := strictjson.Elements(data)
		if serr != nil || string(bytes.TrimSpace(data)) == "null" {
			// Not one array: one problem, with no index.
			require.Error(t, err)
			problems := outcome.Problems(err)
			require.Len(t, problems, 1)
			assert.Equal(t, outcome.ErrInvalidJSON, problems[0].Code)
			assert.Nil(t, metrics)
			return
		}
		var want []*outcome.Error
		decoded := make([]outcome.Metric, len(elems))
		for i, e := range elems {
			if err := decoded[i].UnmarshalJSON(e); err != nil {
				for _, p := range outcome.Problems(err) {
					want = append(want, &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: p.IDs,
						Message: fmt.Sprintf("outcome: metrics[%d]: %s", i, strings.TrimPrefix(p.Message, "outcome: "))})
				}
			}
		}
		if len(want) == 0 {
			require.NoError(t, err)
			require.Len(t, metrics, len(elems))
			for i := range elems {
				assert.True(t, metrics[i].Equal(decoded[i]), "metric %d", i)
			}
			// A list that decodes is what encoding/json decodes too.
			var viaJSON []outcome.Metric
			require.NoError(t, json.Unmarshal(data, &viaJSON))
			require.Len(t, viaJSON, len(metrics))
			for i := range metrics {
				assert.True(t, viaJSON[i].Equal(metrics[i]), "metric %d", i)
			}
			return
		}
		assert.Nil(t, metrics)
		got := outcome.Problems(err)
		require.Len(t, got, len(want))
		for i := range want {
			assert.Equal(t, want[i].Code, got[i].Code)
			assert.Equal(t, want[i].Severity, got[i].Severity)
			assert.Equal(t, want[i].IDs, got[i].IDs)
			assert.Equal(t, want[i].Message, got[i].Message)
			assert.Empty(t, msg.GoWords(got[i].Message), "a message in Go's words: %q", got[i].Message)
		}
	})
}

func FuzzNewMetric(f *testing.F) {
	for _, spec := range contactCentre() {
		f.Add(spec.ID, spec.Name, uint8(spec.Level), uint8(spec.Direction), uint8(spec.Kind), spec.Unit, spec.Owner,
			spec.Rewarded, spec.Description)
	}
	for _, tt := range metricProblemCases {
		s := tt.spec
		f.Add(s.ID, s.Name, uint8(s.Level), uint8(s.Direction), uint8(s.Kind), s.Unit, s.Owner, s.Rewarded, s.Description)
	}
	f.Fuzz(func(t *testing.T, id, name string, level, direction, kind uint8, unit, owner string, rewarded bool,
		description string) {
		spec := outcome.MetricSpec{ID: id, Name: name, Level: outcome.Level(level), Direction: outcome.Direction(direction),
			Kind: outcome.Kind(kind), Unit: unit, Owner: owner, Rewarded: rewarded, Description: description}
		m, err := outcome.NewMetric(spec)
		if err == nil {
			// A valid definition is kept as it is, and round-trips through JSON.
			assert.Equal(t, spec, m.Spec())
			assert.NoError(t, outcome.ValidateID(id))
			data, err := json.Marshal(m)
			require.NoError(t, err)
			var back outcome.Metric
			require.NoError(t, json.Unmarshal(data, &back), "%s", data)
			assert.True(t, back.Equal(m), "%+v != %+v", back.Spec(), m.Spec())
		} else {
			assert.True(t, m.IsZero())
			assert.Equal(t, outcome.ValidateID(id) == nil, !errors.Is(err, outcome.ErrEmptyID) && !errors.Is(err, outcome.ErrInvalidID))
		}
		checkMetricSpecMarshal(t, spec)
		// The same definition written as JSON gets the same problems, in the
		// same order: unmarshalling validates exactly as NewMetric. JSON text
		// is always UTF-8, so the comparison holds for UTF-8 fields only.
		for _, s := range []string{id, name, unit, owner, description} {
			if !utf8.ValidString(s) {
				return
			}
		}
		var fromJSON outcome.Metric
		jerr := json.Unmarshal(specJSON(t, spec), &fromJSON)
		assert.Equal(t, problemCodes(err), problemCodes(jerr))
		if err == nil {
			assert.True(t, fromJSON.Equal(m))
		}
	})
}

// checkMetricSpecMarshal checks that spec, any values, marshals exactly
// when its JSON reads back as it is: its level, direction and kind zero or
// values of their types, and its ID, name, unit, owner and description
// valid UTF-8 (encoding/json would write U+FFFD for a bad byte); that what
// it writes reads back Equal, and that a refusal reports each such problem
// with its code (the ID's invalid-id, the texts' invalid-text, the enums'),
// and nothing else.
func checkMetricSpecMarshal(t *testing.T, spec outcome.MetricSpec) {
	t.Helper()
	want := map[outcome.Code]int{}
	if !utf8.ValidString(spec.ID) {
		want[outcome.ErrInvalidID]++
	}
	if spec.Level != 0 && !spec.Level.IsValid() {
		want[outcome.ErrUnknownLevel]++
	}
	if spec.Direction != 0 && !spec.Direction.IsValid() {
		want[outcome.ErrUnknownDirection]++
	}
	if !spec.Kind.IsZero() && !spec.Kind.IsValid() {
		want[outcome.ErrUnknownKind]++
	}
	for _, s := range []string{spec.Name, spec.Unit, spec.Owner, spec.Description} {
		if !utf8.ValidString(s) {
			want[outcome.ErrInvalidText]++
		}
	}
	data, err := json.Marshal(spec)
	got := map[outcome.Code]int{}
	for _, p := range outcome.Problems(err) {
		got[p.Code]++
	}
	require.Equal(t, want, got, "%+v: %v", spec, err)
	if err != nil {
		return
	}
	var back outcome.MetricSpec
	require.NoError(t, json.Unmarshal(data, &back), "%s", data)
	assert.True(t, back.Equal(spec), "%+v != %+v", back, spec)
}

func FuzzParseSeverity(f *testing.F) {
	for _, in := range []string{"warning", " Error ", "WARNING", "", "warn", "errors", "\xff", "\u212a"} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := outcome.ParseSeverity(text)
		if err != nil {
			checkParseError(t, err, outcome.ErrUnknownSeverity, "outcome: unknown severity ")
			assert.Zero(t, s)
			return
		}
		require.True(t, s == outcome.SeverityWarning || s == outcome.SeverityError, "ParseSeverity returned %v", s)
		checkRoundTrip(t, s, outcome.ParseSeverity, func(b []byte) (outcome.Severity, error) {
			var v outcome.Severity
			err := v.UnmarshalText(b)
			return v, err
		})
	})
}

// FuzzValidateID: ValidateID never panics, and either accepts an ID that is
// what its doc comment promises, or reports one problem: empty for a blank
// ID, invalid otherwise.
func FuzzValidateID(f *testing.F) {
	for _, in := range []string{"fcr", "T-001", "", " ", "a b", "\xff", "nights.booked", strings.Repeat("x", 300)} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, id string) {
		err := outcome.ValidateID(id)
		if err == nil {
			// What the doc comment promises of a valid ID.
			assert.NotEmpty(t, id)
			assert.True(t, utf8.ValidString(id), "a valid ID is valid UTF-8")
			assert.LessOrEqual(t, len(id), outcome.MaxIDLen)
			assert.Equal(t, strings.TrimSpace(id), id, "no surrounding white space")
			assert.Negative(t, strings.IndexFunc(id, unicode.IsControl), "no control character")
			return
		}
		ps := outcome.Problems(err)
		require.Len(t, ps, 1)
		if strings.TrimSpace(id) == "" {
			assert.Equal(t, outcome.ErrEmptyID, ps[0].Code)
		} else {
			assert.Equal(t, outcome.ErrInvalidID, ps[0].Code)
		}
		assert.LessOrEqual(t, len(ps[0].Message), 400, "message length is bounded")
	})
}

// FuzzParseNPSGroup: any text parses to a valid group that round-trips
// through its text forms, or fails with ErrUnknownNPSGroup and a bounded
// message.
func FuzzParseNPSGroup(f *testing.F) {
	for _, in := range []string{"detractor", "Passives", " PROMOTER ", "pro-moter", "", "neutral", "promoters!", "détracteur"} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		g, err := outcome.ParseNPSGroup(text)
		if err != nil {
			checkParseError(t, err, outcome.ErrUnknownNPSGroup, "outcome: unknown NPS group ")
			assert.Zero(t, g)
			return
		}
		require.True(t, g.IsValid(), "ParseNPSGroup returned %v", g)
		checkRoundTrip(t, g, outcome.ParseNPSGroup, func(b []byte) (outcome.NPSGroup, error) {
			var v outcome.NPSGroup
			err := v.UnmarshalText(b)
			return v, err
		})
	})
}

// metricList is a list of metrics decoded with [outcome.DecodeMetrics].
type metricList []outcome.Metric

// UnmarshalJSON decodes l with [outcome.DecodeMetrics].
func (l *metricList) UnmarshalJSON(data []byte) error {
	m, err := outcome.DecodeMetrics(data)
	if err == nil {
		*l = m
	}
	return err
}

// metricSpecSeeds are inputs of TestMetricSpec_UnmarshalJSON, seeds of
// FuzzMetricSpecJSON.
var metricSpecSeeds = []string{
	`{"id":"aht","name":"Average handle time","level":"output","direction":"lower-is-better","unit":"seconds","owner":"Ops","rewarded":true}`,
	`{"id":"revenue","name":"Revenue","level":"business-outcome","direction":"higher-is-better","kind":"revenue","description":"d"}`,
	`{}`, `{"id":"x","level":"output","kind":"cost"}`, `{"level":"","direction":"","kind":""}`,
	`{"id":"aht","level":"sideways","direction":3,"kind":"x","rewarded":null,"x":1,"ID":"b"}`,
	`{"id":7,"level":"output"}`, `{"id":"a","id":"b"}`, `{"name":"n","Name":"m","colour":"red","b":1}`,
	`{"id":"a","rewarded":"yes","unit":1e-400}`, `null`, `[]`, `{"id":"a"} x`, "{\"id\":\"\xff\"}",
}

// errorSeeds are inputs of TestError_UnmarshalJSON, seeds of FuzzErrorJSON.
var errorSeeds = []string{
	`{"code":"duplicate-id","severity":"error","ids":["aht"],"message":"outcome: duplicate metric id \"aht\""}`,
	`{"code":"x","severity":"warning","message":"m"}`, `{"code":"a","severity":"ERROR","ids":[]}`,
	`{"code":"x","severity":"warning","ids":["a",7,null],"message":"m","cause":1,"Code":"y"}`,
	`{"ids":null,"severity":"fatal"}`, `{}`, `{"code":1,"severity":true,"message":null}`, `null`, `"x"`,
	`{"severity":"error","ids":"aht"}`, `{"severity":"error","severity":"warning"}`,
}

// FuzzMetricSpecJSON checks MetricSpec.UnmarshalJSON as checkResultJSON
// does, and against Metric.UnmarshalJSON, which reads the same form: the
// form's problems (invalid-json) are the same, and each reads a value
// exactly when the other does and the spec is what NewMetric accepts, the
// metric's spec being the spec read.
func FuzzMetricSpecJSON(f *testing.F) {
	for _, s := range metricSpecSeeds {
		f.Add([]byte(s))
	}
	start := outcome.MetricSpec{ID: "start", Name: "Start", Level: outcome.Task, Direction: outcome.LowerIsBetter}
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, ok := checkResultJSON(t, data, start, []string{"id", "name", "level", "direction", "unit", "kind", "owner",
			"rewarded", "description"}, outcome.MetricSpec.Equal)
		var m outcome.Metric
		merr := m.UnmarshalJSON(data)
		if merr == nil {
			require.True(t, ok, "%q: a metric, but no spec", data)
			assert.True(t, m.Spec().Equal(spec), "%+v != %+v", m.Spec(), spec)
		}
		if ok {
			_, verr := outcome.NewMetric(spec)
			assert.Equal(t, verr == nil, merr == nil, "%q: NewMetric %v, Metric.UnmarshalJSON %v", data, verr, merr)
			// A spec read from JSON holds only valid UTF-8 and enums
			// that are values, so it marshals, and reads back Equal.
			checkMetricSpecMarshal(t, spec)
		}
		// The form's problems are the metric's form's, in the same words
		// (but JSON null's, which names what is null).
		var serr error
		if !ok {
			serr = new(outcome.MetricSpec).UnmarshalJSON(data)
		}
		form := func(err error) []string {
			var out []string
			for _, p := range outcome.Problems(err) {
				if p.Code == outcome.ErrInvalidJSON {
					out = append(out, strings.Replace(p.Message, "a metric spec cannot", "a metric cannot", 1))
				}
			}
			return out
		}
		assert.Equal(t, form(merr), form(serr), "%q", data)
	})
}

// errorEqual reports whether a and b are the same problem as its JSON says
// it ([outcome.Error.Equal]), with no cause, which a problem read from JSON
// never has.
func errorEqual(a, b outcome.Error) bool {
	return a.Equal(&b) && a.Err == nil && b.Err == nil
}

// FuzzErrorJSON checks Error.UnmarshalJSON as checkResultJSON does, and
// that it accepts exactly what encoding/json reads strictly into a plain
// shape of the four fields whose severity ParseSeverity reads, JSON null
// aside, to the same problem.
func FuzzErrorJSON(f *testing.F) {
	for _, s := range errorSeeds {
		f.Add([]byte(s))
	}
	start := outcome.Error{Code: "start", Severity: outcome.SeverityWarning, IDs: []string{"s"}, Message: "outcome: start"}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := checkResultJSON(t, data, start, []string{"code", "severity", "ids", "message"}, errorEqual)
		var plain struct {
			Code     string   `json:"code"`
			Severity string   `json:"severity"`
			IDs      []string `json:"ids"`
			Message  string   `json:"message"`
		}
		strict := strictjson.Decode(data, &plain) == nil && string(bytes.TrimSpace(data)) != "null" && !outcome.HasInnerJSONNull(data)
		sev, serr := outcome.ParseSeverity(plain.Severity)
		strict = strict && serr == nil
		want := outcome.Error{Code: outcome.Code(plain.Code), Severity: sev, IDs: plain.IDs, Message: plain.Message}
		if ok != strict || ok && !errorEqual(got, want) {
			t.Fatalf("%q: decoded %+v (%v), encoding/json strictly %+v (%v)", data, got, ok, want, strict)
		}
	})
}
