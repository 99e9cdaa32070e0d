package outcome

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
)

func TestLevel_MarshalText(t *testing.T) {
	tests := []struct {
		l    Level
		want string
	}{
		{Task, "task"},
		{Activity, "activity"},
		{Output, "output"},
		{BusinessOutcome, "business-outcome"},
		{CustomerOutcome, "customer-outcome"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got, err := tt.l.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
			var back Level
			require.NoError(t, back.UnmarshalText(got))
			assert.Equal(t, tt.l, back)
		})
	}
	for _, l := range []Level{0, 6} {
		got, err := l.MarshalText()
		assert.ErrorIs(t, err, ErrUnknownLevel, "level %d", l)
		assert.Nil(t, got)
	}
	_, err := Level(0).MarshalText()
	assert.EqualError(t, err, "outcome: cannot marshal invalid level 0")
}

func TestLevel_UnmarshalText(t *testing.T) {
	l := Output
	require.NoError(t, l.UnmarshalText([]byte("Successful Customer Outcome")))
	assert.Equal(t, CustomerOutcome, l, "any spelling ParseLevel accepts")

	err := l.UnmarshalText([]byte("Outcome"))
	assert.ErrorIs(t, err, ErrUnknownLevel)
	assert.Equal(t, CustomerOutcome, l, "unchanged on error")

	err = l.UnmarshalText(nil)
	assert.ErrorIs(t, err, ErrUnknownLevel, "empty text names no level")
}

func TestLevel_inJSON(t *testing.T) {
	type row struct {
		Level Level `json:"level"`
	}
	got, err := json.Marshal(row{BusinessOutcome})
	require.NoError(t, err)
	assert.Equal(t, `{"level":"business-outcome"}`, string(got))

	var back row
	require.NoError(t, json.Unmarshal(got, &back))
	assert.Equal(t, BusinessOutcome, back.Level)

	_, err = json.Marshal(row{})
	assert.ErrorIs(t, err, ErrUnknownLevel, "the zero Level does not slip into JSON")

	err = json.Unmarshal([]byte(`{"level":"bogus"}`), &back)
	assert.ErrorIs(t, err, ErrUnknownLevel)
}

func TestDirection_MarshalText(t *testing.T) {
	for _, tt := range []struct {
		d    Direction
		want string
	}{{HigherIsBetter, "higher-is-better"}, {LowerIsBetter, "lower-is-better"}} {
		got, err := tt.d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(got))
		var back Direction
		require.NoError(t, back.UnmarshalText(got))
		assert.Equal(t, tt.d, back)
	}
	for _, d := range []Direction{0, 3} {
		_, err := d.MarshalText()
		assert.ErrorIs(t, err, ErrUnknownDirection, "direction %d", d)
	}
	_, err := Direction(0).MarshalText()
	assert.EqualError(t, err, "outcome: cannot marshal invalid direction 0")

	d := LowerIsBetter
	assert.ErrorIs(t, d.UnmarshalText([]byte("sideways")), ErrUnknownDirection)
	assert.Equal(t, LowerIsBetter, d, "unchanged on error")
	require.NoError(t, d.UnmarshalText([]byte("maximise")))
	assert.Equal(t, HigherIsBetter, d)
}

func TestKind_MarshalText(t *testing.T) {
	for _, tt := range []struct {
		k    Kind
		want string
	}{{Revenue, "revenue"}, {Cost, "cost"}, {Service, "service"}, {Compliance, "compliance"}, {0, ""}} {
		got, err := tt.k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(got))
		back := Compliance
		require.NoError(t, back.UnmarshalText(got))
		assert.Equal(t, tt.k, back, "round trip of %q", tt.want)
	}
	_, err := Kind(5).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownKind)
	assert.EqualError(t, err, "outcome: cannot marshal invalid kind 5")
}

func TestKind_UnmarshalText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Kind
	}{
		// Empty text is "no kind", which a metric that is not a business outcome has.
		{"empty", "", 0},
		{"white space", " \t", 0},
		{"method's phrase", "cost optimisation", Cost},
		{"token", "service", Service},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := Revenue
			require.NoError(t, k.UnmarshalText([]byte(tt.in)))
			assert.Equal(t, tt.want, k)
		})
	}
	k := Revenue
	assert.ErrorIs(t, k.UnmarshalText([]byte("profit")), ErrUnknownKind)
	assert.Equal(t, Revenue, k, "unchanged on error")
}

func TestSeverity_MarshalText(t *testing.T) {
	for _, s := range []Severity{SeverityWarning, SeverityError} {
		got, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s.String(), string(got))
		var back Severity
		require.NoError(t, back.UnmarshalText(got))
		assert.Equal(t, s, back)
	}
	_, err := Severity(0).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownSeverity)
	assert.EqualError(t, err, "outcome: cannot marshal invalid severity 0")

	s := SeverityWarning
	assert.ErrorIs(t, s.UnmarshalText([]byte("fatal")), ErrUnknownSeverity)
	assert.Equal(t, SeverityWarning, s, "unchanged on error")
}

// jsonAHT is the contact centre's average handle time as a metric.
var jsonAHT = MetricSpec{ID: "aht", Name: "Average handle time", Level: Output, Direction: LowerIsBetter,
	Unit: "seconds", Owner: "Contact centre operations", Rewarded: true,
	Description: "Talk time plus hold time plus wrap-up time, per call."}

func TestMetric_MarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		spec MetricSpec
		want string
	}{
		// The fields in MetricSpec's order, with the level and direction as
		// their tokens.
		{"every field", jsonAHT, `{"id":"aht","name":"Average handle time","level":"output",` +
			`"direction":"lower-is-better","unit":"seconds","owner":"Contact centre operations","rewarded":true,` +
			`"description":"Talk time plus hold time plus wrap-up time, per call."}`},
		// Empty optional fields are left out; the kind is there for a business outcome.
		{"business outcome", MetricSpec{ID: "revenue", Name: "Revenue", Level: BusinessOutcome,
			Direction: HigherIsBetter, Kind: Revenue},
			`{"id":"revenue","name":"Revenue","level":"business-outcome","direction":"higher-is-better","kind":"revenue"}`},
		{"customer outcome", MetricSpec{ID: "fcr", Name: "Problem solved at first contact", Level: CustomerOutcome,
			Direction: HigherIsBetter, Unit: "%"},
			`{"id":"fcr","name":"Problem solved at first contact","level":"customer-outcome",` +
				`"direction":"higher-is-better","unit":"%"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(MustMetric(tt.spec))
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestMetric_MarshalJSON_zero(t *testing.T) {
	_, err := Metric{}.MarshalJSON()
	assert.ErrorIs(t, err, ErrEmptyID)
	assert.EqualError(t, err, "outcome: cannot marshal the zero Metric")

	// Through encoding/json, inside a document: the code still matches.
	_, err = json.Marshal(struct{ M []Metric }{M: []Metric{MustMetric(jsonAHT), {}}})
	assert.ErrorIs(t, err, ErrEmptyID)
}

// jsonRoundTripSpecs enumerates valid definitions: every level with each
// direction, every kind on a business outcome, with and without a reward, and
// free text that JSON must escape.
func jsonRoundTripSpecs() []MetricSpec {
	texts := []string{"", "seconds", `a "quoted" <b>&amp;</b>`, "Kundenzufriedenheit \u00fcber alles \U0001F600",
		"line\nbreak\ttab\x00nul\u2028sep", " padded "}
	var specs []MetricSpec
	i := 0
	for l := range Levels() {
		kinds := []Kind{0}
		if l == BusinessOutcome {
			kinds = []Kind{Revenue, Cost, Service, Compliance}
		}
		for _, d := range []Direction{HigherIsBetter, LowerIsBetter} {
			for _, k := range kinds {
				for _, rewarded := range []bool{false, true} {
					text := texts[i%len(texts)]
					i++
					specs = append(specs, MetricSpec{ID: fmt.Sprintf("métrique %d", i),
						Name: "Metric " + text, Level: l, Direction: d, Unit: text, Kind: k, Owner: text,
						Rewarded: rewarded, Description: text})
				}
			}
		}
	}
	return specs
}

func TestMetric_JSONRoundTrip(t *testing.T) {
	specs := jsonRoundTripSpecs()
	// 4 levels x 2 directions x 2 + business outcomes 2 directions x 4 kinds x 2 = 16 + 16.
	require.Len(t, specs, 32)
	for _, spec := range specs {
		t.Run(spec.ID, func(t *testing.T) {
			m, err := NewMetric(spec)
			require.NoError(t, err)
			data, err := json.Marshal(m)
			require.NoError(t, err)
			var back Metric
			require.NoError(t, json.Unmarshal(data, &back), "%s", data)
			assert.True(t, back.Equal(m), "%+v != %+v", back.Spec(), m.Spec())
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(data), string(again), "marshalling is deterministic")
		})
	}

	t.Run("a portfolio", func(t *testing.T) {
		var ms []Metric
		for _, s := range specs {
			ms = append(ms, MustMetric(s))
		}
		data, err := json.Marshal(ms)
		require.NoError(t, err)
		var back []Metric
		require.NoError(t, json.Unmarshal(data, &back))
		require.Len(t, back, len(ms))
		for i := range ms {
			assert.True(t, back[i].Equal(ms[i]), "metric %d", i)
		}
	})
}

func TestMetricFields_matchMetricSpec(t *testing.T) {
	// The decoder reads what MetricSpec encodes: the same fields, in the same
	// order, with the same JSON names (tag options aside).
	spec := reflect.TypeFor[MetricSpec]()
	require.Equal(t, spec.NumField(), len(metricFields))
	require.Equal(t, metricFieldCount, len(metricFields))
	for i := range spec.NumField() {
		assert.Equal(t, strings.Split(spec.Field(i).Tag.Get("json"), ",")[0], metricFields[i])
	}
	assert.Equal(t, "id", metricFields[metricFieldID])
	assert.Equal(t, "rewarded", metricFields[metricFieldRewarded])
	assert.Equal(t, "description", metricFields[metricFieldDescription])
}

func TestMetric_UnmarshalJSON_spellings(t *testing.T) {
	// Definitions written by people may use any spelling the parsers accept;
	// they come back out in the canonical tokens.
	in := `{"id":"cost-to-serve","name":"Cost to serve","level":"Business Outcome","direction":"lower",` +
		`"kind":"cost optimisation","unit":"EUR per contact"}`
	var m Metric
	require.NoError(t, json.Unmarshal([]byte(in), &m))
	assert.True(t, m.Equal(MustMetric(MetricSpec{ID: "cost-to-serve", Name: "Cost to serve", Level: BusinessOutcome,
		Direction: LowerIsBetter, Kind: Cost, Unit: "EUR per contact"})))
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"cost-to-serve","name":"Cost to serve","level":"business-outcome",`+
		`"direction":"lower-is-better","unit":"EUR per contact","kind":"cost"}`, string(out))

	t.Run("empty kind is no kind", func(t *testing.T) {
		var m Metric
		require.NoError(t, json.Unmarshal([]byte(`{"id":"aht","name":"AHT","level":"output","direction":"down","kind":""}`), &m))
		assert.True(t, m.Kind().IsZero())
	})
	t.Run("null fields are refused, not absent", func(t *testing.T) {
		// Each null is a value of the wrong type, in the order of the keys;
		// the level is not also reported missing. Before, both were read as
		// absent: one problem, "has no valid level".
		var m Metric
		err := json.Unmarshal([]byte(`{"id":"aht","name":"AHT","level":null,"direction":"down","unit":null}`), &m)
		assert.Equal(t, []Code{ErrInvalidJSON, ErrInvalidJSON}, codesOf(err))
		assert.EqualError(t, err, `outcome: metric "aht": "level" must be a string, not null`+"\n"+
			`outcome: metric "aht": "unit" must be a string, not null`)
	})
}

func codesOf(err error) []Code {
	var codes []Code
	for _, p := range Problems(err) {
		codes = append(codes, p.Code)
	}
	return codes
}

func TestMetric_UnmarshalJSON_problems(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Code
		wantMsg string // the whole message, if set
		cause   error  // matched with errors.Is, if set
	}{
		{name: "every problem at once",
			in:   `{"id":"","name":"","level":"bogus","direction":"sideways","kind":"profit"}`,
			want: []Code{ErrEmptyID, ErrEmptyName, ErrUnknownLevel, ErrUnknownDirection, ErrUnknownKind},
			wantMsg: "outcome: empty id\n" +
				`outcome: metric "" has no name` + "\n" +
				`outcome: metric "" has an unknown level "bogus"` + "\n" +
				`outcome: metric "" has an unknown direction "sideways"` + "\n" +
				`outcome: metric "" has an unknown business-outcome kind "profit"`},
		{name: "unknown level text", in: `{"id":"aht","name":"AHT","level":"Outcome","direction":"down"}`,
			want: []Code{ErrUnknownLevel}, wantMsg: `outcome: metric "aht" has an unknown level "Outcome"`},
		{name: "white-space level text", in: `{"id":"aht","name":"AHT","level":" ","direction":"down"}`,
			want: []Code{ErrUnknownLevel}},
		{name: "empty level text", in: `{"id":"aht","name":"AHT","level":"","direction":"down"}`,
			want: []Code{ErrUnknownLevel}, wantMsg: `outcome: metric "aht" has no valid level`},
		{name: "missing direction", in: `{"id":"aht","name":"AHT","level":"output"}`,
			want: []Code{ErrUnknownDirection}},
		{name: "business outcome without kind", in: `{"id":"revenue","name":"Revenue","level":"BO","direction":"up"}`,
			want: []Code{ErrMissingKind}},
		{name: "output with a kind", in: `{"id":"calls","name":"Calls handled","level":"output","direction":"up","kind":"revenue"}`,
			want: []Code{ErrUnexpectedKind}},
		// Unknown kind text on a business outcome is reported once, not also as missing.
		{name: "unknown kind on a business outcome", in: `{"id":"r","name":"R","level":"business outcome","direction":"up","kind":"profit"}`,
			want: []Code{ErrUnknownKind}},
		{name: "bad ID", in: `{"id":" aht","name":"AHT","level":"output","direction":"down"}`,
			want: []Code{ErrInvalidID}},
		{name: "unknown field", in: `{"id":"aht","name":"AHT","level":"output","direction":"down","colour":"red"}`,
			want: []Code{ErrInvalidJSON}, wantMsg: `outcome: metric "aht" has an unknown field "colour"`},
		{name: "field with the wrong case", in: `{"id":"aht","name":"AHT","level":"output","direction":"down","Colour":"red"}`,
			want: []Code{ErrInvalidJSON}},
		{name: "trailing data", in: `{"id":"aht","name":"AHT","level":"output","direction":"down"} {}`,
			want: []Code{ErrInvalidJSON}, cause: strictjson.ErrTrailingData,
			wantMsg: "outcome: invalid JSON: trailing data after the JSON value"},
		{name: "duplicate field", in: `{"id":"aht","name":"AHT","level":"output","direction":"down","id":"fcr"}`,
			want: []Code{ErrInvalidJSON}, cause: strictjson.ErrDuplicateKey,
			wantMsg: `outcome: metric "aht" gives field "id" twice`},
		{name: "invalid UTF-8", in: "{\"id\":\"aht\",\"name\":\"AHT\xff\",\"level\":\"output\",\"direction\":\"down\"}",
			want: []Code{ErrInvalidJSON}, cause: strictjson.ErrInvalidUTF8},
		{name: "malformed", in: `{"id":"aht",`, want: []Code{ErrInvalidJSON}},
		{name: "empty", in: ``, want: []Code{ErrInvalidJSON}},
		{name: "an array", in: `[]`, want: []Code{ErrInvalidJSON}},
		{name: "a string", in: `"aht"`, want: []Code{ErrInvalidJSON}},
		// A value of the wrong type is reported once, not also as a level
		// that is missing.
		{name: "level as a number", in: `{"id":"aht","name":"AHT","level":3,"direction":"down"}`,
			want: []Code{ErrInvalidJSON}, wantMsg: `outcome: metric "aht": "level" must be a string, not the number 3`},
		{name: "rewarded as a string", in: `{"id":"aht","name":"AHT","level":"output","direction":"down","rewarded":"yes"}`,
			want:    []Code{ErrInvalidJSON},
			wantMsg: `outcome: metric "aht": "rewarded" must be true or false, not the string "yes"`},
		{name: "null", in: ` null `, want: []Code{ErrInvalidJSON}, wantMsg: "outcome: a metric cannot be null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MustMetric(jsonAHT)
			err := m.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			assert.Equal(t, tt.want, codesOf(err))
			assert.True(t, m.Equal(MustMetric(jsonAHT)), "unchanged on error")
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
			if tt.cause != nil {
				assert.ErrorIs(t, err, tt.cause)
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			if strings.HasPrefix(e.Message, "outcome: invalid JSON: ") {
				assert.Error(t, e.Err, "the cause is kept")
			}
		})
	}
}

// TestMetric_UnmarshalJSON_everyProblem: problems of the JSON form come
// first, in the order of the keys, then NewMetric's, and every one names the
// metric's ID when the JSON has one as a string.
func TestMetric_UnmarshalJSON_everyProblem(t *testing.T) {
	type problem struct {
		code Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		// The reviewer's case: a BI tool's file says "yes" for a boolean.
		{"rewarded as text", `{"id":"aht","name":"AHT","level":"output","direction":"down","rewarded":"yes"}`,
			[]problem{{ErrInvalidJSON, []string{"aht"}, `outcome: metric "aht": "rewarded" must be true or false, not the string "yes"`}}},
		// Keys in order: id, name (a number), level (names nothing),
		// direction, rewarded (text), colour (no such field), id again.
		// The four problems of the form in the order of the fields, id
		// given again right after id, the unknown colour last; then the
		// level's; the name is not also reported empty, and the first "id"
		// is kept.
		{"all kinds at once", `{"id":"calls","name":5,"level":"outptu","direction":"up","rewarded":"yes","colour":"red","id":"x"}`,
			[]problem{
				{ErrInvalidJSON, []string{"calls"}, `outcome: metric "calls" gives field "id" twice`},
				{ErrInvalidJSON, []string{"calls"}, `outcome: metric "calls": "name" must be a string, not the number 5`},
				{ErrInvalidJSON, []string{"calls"}, `outcome: metric "calls": "rewarded" must be true or false, not the string "yes"`},
				{ErrInvalidJSON, []string{"calls"}, `outcome: metric "calls" has an unknown field "colour"`},
				{ErrUnknownLevel, []string{"calls"}, `outcome: metric "calls" has an unknown level "outptu"`},
			}},
		// An ID that is not a string names no metric, and is not also
		// reported empty; the empty name still is. The messages say so,
		// not metric "" as if the ID were empty.
		{"ID as a number", `{"id":7,"name":"","level":"output","direction":"up"}`,
			[]problem{
				{ErrInvalidJSON, nil, `outcome: metric whose "id" is not a string: "id" must be a string, not the number 7`},
				{ErrEmptyName, nil, `outcome: metric whose "id" is not a string has no name`},
			}},
		{"ID as an object, a business outcome without a kind", `{"id":{"x":1},"name":"Revenue","level":"business-outcome","direction":"up"}`,
			[]problem{
				{ErrInvalidJSON, nil, `outcome: metric whose "id" is not a string: "id" must be a string, not an object`},
				{ErrMissingKind, nil,
					`outcome: business-outcome metric whose "id" is not a string has no kind (revenue, cost, service or compliance)`},
			}},
		// A null ID is not a string, as for a number: it was read as an
		// empty ID, "empty id" and metric "" has no name.
		{"ID null", `{"id":null,"name":"","level":"output","direction":"up"}`,
			[]problem{
				{ErrInvalidJSON, nil, `outcome: metric whose "id" is not a string: "id" must be a string, not null`},
				{ErrEmptyName, nil, `outcome: metric whose "id" is not a string has no name`},
			}},
		// An empty ID is no ID, named "" as NewMetric names it.
		{"ID empty", `{"id":"","name":"","level":"output","direction":"up"}`,
			[]problem{
				{ErrEmptyID, nil, `outcome: empty id`},
				{ErrEmptyName, nil, `outcome: metric "" has no name`},
			}},
		// An invalid ID is still the metric's name for its problems, as
		// NewMetric names it.
		{"invalid ID", `{"id":" aht","name":"AHT","level":"output","direction":"up","unit":true}`,
			[]problem{
				{ErrInvalidJSON, []string{" aht"}, `outcome: metric " aht": "unit" must be a string, not true`},
				{ErrInvalidID, []string{" aht"}, `outcome: id " aht" has surrounding white space`},
			}},
		// A business outcome whose kind has the wrong type is not also
		// missing its kind.
		{"kind as an array", `{"id":"rev","name":"Revenue","level":"business outcome","direction":"up","kind":["revenue"]}`,
			[]problem{{ErrInvalidJSON, []string{"rev"}, `outcome: metric "rev": "kind" must be a string, not an array`}}},
		{"direction and owner", `{"id":"rev","name":"Revenue","level":"business outcome","direction":false,"owner":{},"kind":"revenue"}`,
			[]problem{
				{ErrInvalidJSON, []string{"rev"}, `outcome: metric "rev": "direction" must be a string, not false`},
				{ErrInvalidJSON, []string{"rev"}, `outcome: metric "rev": "owner" must be a string, not an object`},
			}},
		{"negative number", `{"id":"a","name":"A","level":-1.5e3,"direction":"up"}`,
			[]problem{{ErrInvalidJSON, []string{"a"}, `outcome: metric "a": "level" must be a string, not the number -1.5e3`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Metric
			err := m.UnmarshalJSON([]byte(tt.in))
			var got []problem
			for _, p := range Problems(err) {
				assert.Equal(t, SeverityError, p.Severity)
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, m.IsZero())
		})
	}

	t.Run("causes", func(t *testing.T) {
		var m Metric
		err := m.UnmarshalJSON([]byte(`{"id":"a","ID":"b","name":"A","level":"output","direction":"up","rewarded":1}`))
		assert.ErrorIs(t, err, strictjson.ErrDuplicateKey)
		var typeErr *json.UnmarshalTypeError
		assert.ErrorAs(t, err, &typeErr, "the decoder's error is the cause of a value of the wrong type")
	})
	// Each problem of the form has a *strictjson.MemberError cause, which
	// wraps the cause it had, so that hierarchy can say it at its path: the
	// member's key as written ("Rewarded" fills "rewarded"), unclipped;
	// NewMetric's problems have none.
	t.Run("member causes", func(t *testing.T) {
		long := strings.Repeat("x", 70)
		var m Metric
		err := m.UnmarshalJSON([]byte(`{"id":"a","name":"A","Rewarded":null,"level":"nowhere","direction":"up","` +
			long + `":1,"Id":"b","unit":7}`))
		ps := Problems(err)
		require.Len(t, ps, 5)
		want := []strictjson.MemberError{
			// In the order of the fields: id's repeat right after id, then
			// unit, rewarded, and the key that names no field last.
			{Problem: strictjson.DuplicateField, Key: "Id", First: "id", Err: strictjson.ErrDuplicateKey},
			{Problem: strictjson.WrongType, Key: "unit", Want: "a string", Value: json.RawMessage(`7`)},
			{Problem: strictjson.WrongType, Key: "Rewarded", Want: "true or false", Value: json.RawMessage(`null`)},
			{Problem: strictjson.UnknownField, Key: long},
		}
		for i, w := range want {
			var e *strictjson.MemberError
			require.ErrorAs(t, ps[i].Err, &e, "problem %d", i)
			assert.Equal(t, w.Problem, e.Problem, "problem %d", i)
			assert.Equal(t, w.Key, e.Key, "problem %d", i)
			assert.Equal(t, w.First, e.First, "problem %d", i)
			assert.Equal(t, w.Want, e.Want, "problem %d", i)
			assert.Equal(t, string(w.Value), string(e.Value), "problem %d", i)
			if w.Key != "unit" { // unit's is the decoder's error, below
				assert.Equal(t, w.Err, e.Err, "problem %d", i)
			}
		}
		var typeErr *json.UnmarshalTypeError
		assert.ErrorAs(t, ps[1].Err, &typeErr, "the decoder's error is still the cause")
		assert.Equal(t, ErrUnknownLevel, ps[4].Code)
		assert.Nil(t, ps[4].Err)
	})
	t.Run("other decoders' problems have no member cause", func(t *testing.T) {
		var p Proportion
		ps := Problems(p.UnmarshalJSON([]byte(`{"colour":1}`)))
		require.NotEmpty(t, ps)
		var e *strictjson.MemberError
		assert.False(t, errors.As(ps[0], &e))
	})
	t.Run("the IDs of two problems do not alias", func(t *testing.T) {
		var m Metric
		ps := Problems(m.UnmarshalJSON([]byte(`{"id":"a","name":1,"level":2,"direction":"up"}`)))
		require.Len(t, ps, 2)
		ps[0].IDs[0] = "changed"
		assert.Equal(t, []string{"a"}, ps[1].IDs)
	})
}

func TestMetric_UnmarshalJSON_inDocument(t *testing.T) {
	// Inside a larger document the problem's code still matches through
	// encoding/json.
	var doc struct {
		Metrics []Metric `json:"metrics"`
	}
	err := json.Unmarshal([]byte(`{"metrics":[{"id":"revenue","name":"Revenue","level":"business-outcome","direction":"up"}]}`), &doc)
	assert.ErrorIs(t, err, ErrMissingKind)

	// And a null element is refused, not decoded as a zero Metric.
	err = json.Unmarshal([]byte(`{"metrics":[null]}`), &doc)
	assert.ErrorIs(t, err, ErrInvalidJSON)
}

// TestDecodeMetrics_everyBadMetric is the BI tour's case: a KPI file with
// three bad metrics. json.Unmarshal into a []Metric stops at the first
// element that fails; DecodeMetrics reports each element's problems, named
// by index and ID.
func TestDecodeMetrics_everyBadMetric(t *testing.T) {
	data := []byte(`[
	  {"id":"aht","name":"","level":"output","direction":"lower-is-better"},
	  {"id":"calls","name":"Calls","level":"outptu","direction":"higher-is-better"},
	  {"id":"rev","name":"Revenue","level":"business-outcome","direction":"higher-is-better"}]`)
	var viaJSON []Metric
	assert.Len(t, Problems(json.Unmarshal(data, &viaJSON)), 1, "encoding/json keeps the first element's error")

	metrics, err := DecodeMetrics(data)
	assert.Nil(t, metrics)
	type problem struct {
		code Code
		ids  []string
		msg  string
	}
	var got []problem
	for _, p := range Problems(err) {
		assert.Equal(t, SeverityError, p.Severity)
		got = append(got, problem{p.Code, p.IDs, p.Message})
	}
	assert.Equal(t, []problem{
		{ErrEmptyName, []string{"aht"}, `outcome: metrics[0]: metric "aht" has no name`},
		{ErrUnknownLevel, []string{"calls"}, `outcome: metrics[1]: metric "calls" has an unknown level "outptu"`},
		{ErrMissingKind, []string{"rev"},
			`outcome: metrics[2]: business-outcome metric "rev" has no kind (revenue, cost, service or compliance)`},
	}, got)
	assert.ErrorIs(t, err, ErrEmptyName)
	assert.ErrorIs(t, err, ErrMissingKind)

	// Each problem's cause is the element's own problem, as
	// Metric.UnmarshalJSON reports it.
	var e *Error
	require.ErrorAs(t, err, &e)
	var cause *Error
	require.ErrorAs(t, e.Err, &cause)
	assert.Equal(t, `outcome: metric "aht" has no name`, cause.Message)
}

func TestDecodeMetrics(t *testing.T) {
	aht := `{"id":"aht","name":"Average handle time","level":"output","direction":"lower-is-better","unit":"seconds","owner":"Contact centre operations","rewarded":true,"description":"Talk time plus hold time plus wrap-up time, per call."}`
	revenue := `{"id":"revenue","name":"Revenue","level":"business outcome","direction":"up","kind":"revenue"}`
	wantRevenue := MustMetric(MetricSpec{ID: "revenue", Name: "Revenue", Level: BusinessOutcome,
		Direction: HigherIsBetter, Kind: Revenue})

	t.Run("a list", func(t *testing.T) {
		got, err := DecodeMetrics([]byte(" \n[" + aht + ",\n" + revenue + "]\n "))
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.True(t, got[0].Equal(MustMetric(jsonAHT)))
		assert.True(t, got[1].Equal(wantRevenue))
	})
	t.Run("two metrics with one ID both decode", func(t *testing.T) {
		got, err := DecodeMetrics([]byte("[" + revenue + "," + revenue + "]"))
		require.NoError(t, err)
		assert.Len(t, got, 2)
	})
	t.Run("an empty list", func(t *testing.T) {
		got, err := DecodeMetrics([]byte(`[ ]`))
		require.NoError(t, err)
		assert.NotNil(t, got)
		assert.Empty(t, got)
	})

	tests := []struct {
		name    string
		in      string
		want    []Code
		wantMsg string // the whole message, if set
		cause   error  // matched with errors.Is, if set
	}{
		{name: "null", in: " null ", want: []Code{ErrInvalidJSON}, wantMsg: "outcome: a list of metrics cannot be null"},
		{name: "an object", in: aht, want: []Code{ErrInvalidJSON}, cause: strictjson.ErrNotArray,
			wantMsg: "outcome: invalid JSON: the value must be an array, not an object"},
		{name: "a string", in: `"aht"`, want: []Code{ErrInvalidJSON}, cause: strictjson.ErrNotArray,
			wantMsg: `outcome: invalid JSON: the value must be an array, not the string "aht"`},
		{name: "trailing data", in: "[" + revenue + "] []", want: []Code{ErrInvalidJSON},
			cause: strictjson.ErrTrailingData, wantMsg: "outcome: invalid JSON: trailing data after the JSON value"},
		{name: "malformed", in: "[" + revenue + ",", want: []Code{ErrInvalidJSON}},
		{name: "empty", in: "", want: []Code{ErrInvalidJSON}, wantMsg: "outcome: invalid JSON: EOF"},
		// Each element's problem, the valid element between them decoding.
		{name: "null and a number", in: "[null,3," + revenue + "]", want: []Code{ErrInvalidJSON, ErrInvalidJSON},
			cause: strictjson.ErrNotObject,
			wantMsg: "outcome: metrics[0]: a metric cannot be null\n" +
				"outcome: metrics[1]: invalid JSON: the value must be an object, not the number 3"},
		// Text that is not UTF-8 is the problem of the element that holds it.
		{name: "invalid UTF-8", in: "[" + revenue + ",{\"id\":\"b\xff\"}]", want: []Code{ErrInvalidJSON},
			cause: strictjson.ErrInvalidUTF8, wantMsg: "outcome: metrics[1]: invalid JSON: JSON text is not valid UTF-8"},
		{name: "a field twice", in: `[{"id":"a","name":"A","level":"output","direction":"up","Name":"B"}]`,
			want: []Code{ErrInvalidJSON}, cause: strictjson.ErrDuplicateKey,
			wantMsg: `outcome: metrics[0]: metric "a" gives field "name" twice, as "name" and "Name"`},
		{name: "problems of one element in its order", in: `[` + revenue + `,{"id":"x","name":"","rewarded":"no","level":"output","direction":"up"}]`,
			want: []Code{ErrInvalidJSON, ErrEmptyName},
			wantMsg: `outcome: metrics[1]: metric "x": "rewarded" must be true or false, not the string "no"` + "\n" +
				`outcome: metrics[1]: metric "x" has no name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeMetrics([]byte(tt.in))
			assert.Nil(t, got)
			assert.Equal(t, tt.want, codesOf(err))
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
			if tt.cause != nil {
				assert.ErrorIs(t, err, tt.cause)
			}
		})
	}
}

// TestUnmarshalJSON_everyProblem: every decoder of a measure's JSON reports
// every problem as a metric's does: those of the JSON form first, in the
// order of the keys (a nested object's at its key), then the constructors',
// in their order, and a value of the wrong type is reported once, its field
// not checked again. Before, each stopped at the first problem of the form,
// and a rating tally at a bad scale.
func TestUnmarshalJSON_everyProblem(t *testing.T) {
	type (
		problem = decodeProblem
		decoder = jsonDecoder
	)
	tests := []decodeCase{
		// Keys in order: successes (text), trials (-1), rate (no such
		// field); then NewProportion: trials is negative, and successes,
		// not known, is not checked.
		{"proportion: three problems", func() decoder { return new(Proportion) },
			`{"successes":"81","trials":-1,"rate":0.3}`, []problem{
				{ErrInvalidJSON, nil, `outcome: proportion: "successes" must be an integer, not the string "81"`},
				{ErrInvalidJSON, nil, `outcome: proportion has an unknown field "rate"`},
				{ErrInvalidCount, nil, "outcome: negative trials -1"},
			}},
		// Trials of the wrong type are not 0: 5 successes are not "in only
		// 0 trials".
		{"proportion: trials as text", func() decoder { return new(Proportion) },
			`{"successes":5,"trials":"4"}`, []problem{
				{ErrInvalidJSON, nil, `outcome: proportion: "trials" must be an integer, not the string "4"`},
			}},
		// The first "trials" is read: 3 successes in 2 trials.
		{"proportion: a field twice", func() decoder { return new(Proportion) },
			`{"trials":2,"successes":3,"Trials":4}`, []problem{
				{ErrInvalidJSON, nil, `outcome: proportion gives field "trials" twice, as "trials" and "Trials"`},
				{ErrInvalidCount, nil, "outcome: 3 successes in only 2 trials"},
			}},
		// A bound of the wrong type: the scale is not checked, so not
		// reported as 0..10 either.
		{"scale", func() decoder { return new(Scale) }, `{"min":"0","max":10,"step":1}`, []problem{
			{ErrInvalidJSON, nil, `outcome: scale: "min" must be an integer, not the string "0"`},
			{ErrInvalidJSON, nil, `outcome: scale has an unknown field "step"`},
		}},
		// The box is unknown, but the scale is checked without it: 1..20
		// has 20 points, more than 11.
		{"CSAT scale", func() decoder { return new(CSATScale) }, `{"min":1,"max":20,"box":"x"}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CSAT scale: "box" must be an integer, not the string "x"`},
			{ErrInvalidScale, nil, "outcome: CSAT scale 1..20 is not a scale of 2 to 11 points"},
		}},
		// The first "agree", null, is the one read: it is refused, not 0,
		// and the second is not read, so the agreement point is unknown and
		// not checked (it was "agreement point 0 must be in 2..7").
		{"CES scale", func() decoder { return new(CESScale) }, `{"min":1,"max":7,"agree":null,"Agree":5}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CES scale: "agree" must be an integer, not null`},
			{ErrInvalidJSON, nil, `outcome: CES scale gives field "agree" twice, as "agree" and "Agree"`},
		}},
		// The reviewer's case: a top box of 9 on 1..5 is refused, and the
		// counts are still checked, without the scale: counts[1] and
		// counts[4] are negative.
		{"CSAT tally: a bad scale and bad counts", func() decoder { return new(CSATTally) },
			`{"scale":{"min":1,"max":5,"box":9},"counts":[1,-2,3,4,-5]}`, []problem{
				{ErrInvalidBands, nil, "outcome: a top box of 9 points on the CSAT scale 1..5 must hold 1 to 4 points"},
				{ErrInvalidCount, nil, "outcome: counts[1] is negative: -2"},
				{ErrInvalidCount, nil, "outcome: counts[4] is negative: -5"},
			}},
		// The scale's own form problem at its key, then the first count of
		// the wrong type; the scale is valid, the counts unknown.
		{"CSAT tally: nested form", func() decoder { return new(CSATTally) },
			`{"scale":{"min":1,"max":5,"box":2,"top":1},"counts":[1,"2",null]}`, []problem{
				{ErrInvalidJSON, nil, `outcome: CSAT tally "scale" has an unknown field "top"`},
				{ErrInvalidJSON, nil, `outcome: CSAT tally: "counts"[1] must be an integer, not the string "2"`},
			}},
		// Three counts for the five points of the standard scale, and one
		// of them negative, named by its index as the counts do not match.
		{"CSAT tally: counts that do not match", func() decoder { return new(CSATTally) },
			`{"counts":[1,-2,3]}`, []problem{
				{ErrScaleMismatch, nil, "outcome: 3 counts given for the 5 points of the scale 1..5"},
				{ErrInvalidCount, nil, "outcome: counts[1] is negative: -2"},
			}},
		// A scale that is not an object; the counts, none negative, total
		// 2^63 - 1 + 1, past int64.
		{"CES tally", func() decoder { return new(CESTally) },
			`{"scale":"1..7","counts":[0,0,0,0,0,0,9223372036854775807,1]}`, []problem{
				{ErrInvalidJSON, nil, `outcome: CES tally: "scale" must be an object, not the string "1..7"`},
				{ErrOverflow, nil, "outcome: the response count would overflow: 9223372036854775807 + 1 is past the largest int64"},
			}},
		// The detractors' high end and the promoters are of the wrong type;
		// the passives 8..7 are still found empty, and the order and
		// coverage, which need all three bands, are not checked.
		{"NPS bands", func() decoder { return new(NPSBands) },
			`{"min":0,"max":10,"detractors":{"low":0,"high":"6"},"passives":{"low":8,"high":7},"promoters":[9,10]}`, []problem{
				{ErrInvalidJSON, nil, `outcome: NPS bands "detractors": "high" must be an integer, not the string "6"`},
				{ErrInvalidJSON, nil, `outcome: NPS bands: "promoters" must be an object, not an array`},
				{ErrInvalidBands, nil, "outcome: the passive band 8..7 is empty (its low end is above its high end)"},
			}},
		// The bands' problem, found at their key (the last), comes before
		// the counts', as NPSTallyFromCounts takes the bands first.
		{"NPS tally", func() decoder { return new(NPSTally) },
			`{"promoters":"5","passives":-3,"bands":{"min":0,"max":0}}`, []problem{
				{ErrInvalidJSON, nil, `outcome: NPS tally: "promoters" must be an integer, not the string "5"`},
				{ErrInvalidScale, nil, "outcome: scale 0..0 has fewer than two points (its bottom must be below its top)"},
				{ErrInvalidCount, nil, "outcome: passive count -3 is negative"},
			}},
		// In the order of the keys: the value rows' problems (each naming
		// its row, and its reason if it has one as text), the failure list
		// that is not an array, the unknown "total"; then each row's check:
		// "new order" is a valid reason (its count is unknown), and row 1's
		// count is negative (its reason is unknown).
		{"failure demand", func() decoder { return new(FailureDemand) },
			`{"value":[{"reason":"new order","count":"3"},{"reason":5,"count":-1},7],"failure":{"chaser":1},"total":3}`,
			[]problem{
				{ErrInvalidJSON, []string{"new order"},
					`outcome: failure demand "value"[0]: "count" must be an integer, not the string "3"`},
				{ErrInvalidJSON, nil, `outcome: failure demand "value"[1]: "reason" must be a string, not the number 5`},
				{ErrInvalidJSON, nil, `outcome: failure demand: "value"[2] must be an object {"reason","count"}, not the number 7`},
				{ErrInvalidJSON, nil,
					`outcome: failure demand: "failure" must be an array of rows {"reason","count"}, not an object`},
				{ErrInvalidJSON, nil, `outcome: failure demand has an unknown field "total"`},
				{ErrInvalidCount, nil, `outcome: negative count -1 of value demand in row "value"[1]`},
			}},
		// A row's unknown key names its reason; its count, absent, is 0.
		{"failure demand: rows", func() decoder { return new(FailureDemand) },
			`{"failure":[{"reason":"chaser","cnt":2},{"reason":"chaser","count":1},{"count":0}]}`,
			[]problem{
				{ErrInvalidJSON, []string{"chaser"}, `outcome: failure demand "failure"[0] has an unknown field "cnt"`},
				{ErrInvalidCount, []string{"chaser"},
					`outcome: zero count of failure demand "chaser": a row holds a count above zero (an absent count is 0)`},
				{ErrDuplicateReason, []string{"chaser"}, `outcome: failure demand reason "chaser" is listed twice`},
				{ErrInvalidCount, []string{""},
					`outcome: zero count of failure demand "": a row holds a count above zero (an absent count is 0)`},
			}},
		// A reason of the wrong type: the count, absent, is still 0.
		{"failure demand: a row without a reason", func() decoder { return new(FailureDemand) },
			`{"value":[{"reason":["chaser"]}]}`,
			[]problem{
				{ErrInvalidJSON, nil, `outcome: failure demand "value"[0]: "reason" must be a string, not an array`},
				{ErrInvalidCount, nil,
					`outcome: zero count of value demand in row "value"[0]: a row holds a count above zero (an absent count is 0)`},
			}},
		// The box is of the wrong type, and the scale 1..5 is valid.
		{"CSAT scale: box as text", func() decoder { return new(CSATScale) }, `{"min":1,"max":5,"box":"2"}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CSAT scale: "box" must be an integer, not the string "2"`},
		}},
		// A number that is not an integer of int64 is said with int64's
		// range, -2^63 = -9223372036854775808 to 2^63-1 =
		// 9223372036854775807, in numbers: a fraction, an exponent (1e3 is
		// not JSON's integer syntax) and 2^63 itself.
		{"proportion: numbers that are not int64 integers", func() decoder { return new(Proportion) },
			`{"successes":1.5,"trials":9223372036854775808}`, []problem{
				{ErrInvalidJSON, nil, `outcome: proportion: "successes" must be an integer ` +
					`from -9223372036854775808 to 9223372036854775807, not the number 1.5`},
				{ErrInvalidJSON, nil, `outcome: proportion: "trials" must be an integer ` +
					`from -9223372036854775808 to 9223372036854775807, not the number 9223372036854775808`},
			}},
		{"NPS tally: an exponent", func() decoder { return new(NPSTally) },
			`{"promoters":1e3}`, []problem{
				{ErrInvalidJSON, nil, `outcome: NPS tally: "promoters" must be an integer ` +
					`from -9223372036854775808 to 9223372036854775807, not the number 1e3`},
			}},
		// A null count in a list, and counts that are not a list.
		{"CSAT tally: a null count", func() decoder { return new(CSATTally) }, `{"counts":[1,null]}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CSAT tally: "counts"[1] must be an integer, not null`},
		}},
		{"CES tally: counts not a list", func() decoder { return new(CESTally) }, `{"counts":{"1":5}}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CES tally: "counts" must be an array of integers, not an object`},
		}},
		// Null counts are refused, not none (they were "0 counts given for
		// the 7 points"), and not checked further.
		{"CES tally: null counts", func() decoder { return new(CESTally) }, `{"counts":null}`, []problem{
			{ErrInvalidJSON, nil, `outcome: CES tally: "counts" must be an array of integers, not null`},
		}},
	}
	runDecodeCases(t, tests)
	t.Run("null only with JSON white space", func(t *testing.T) {
		// JSON null, with JSON white space around it, is refused as null;
		// "\vnull" is not JSON (a vertical tab is not JSON white space),
		// and was taken for null: it is malformed JSON, not null.
		p := MustProportion(1, 2)
		err := p.UnmarshalJSON([]byte(" \t\r\nnull\n"))
		assert.ErrorIs(t, err, ErrInvalidJSON)
		assert.EqualError(t, err, "outcome: a proportion cannot be null")
		err = p.UnmarshalJSON([]byte("\vnull"))
		assert.ErrorIs(t, err, ErrInvalidJSON)
		assert.NotContains(t, err.Error(), "cannot be null")
		assert.Equal(t, MustProportion(1, 2), p)
	})
	t.Run("causes", func(t *testing.T) {
		var p Proportion
		err := p.UnmarshalJSON([]byte(`{"successes":1.5,"successes":1}`))
		assert.ErrorIs(t, err, strictjson.ErrDuplicateKey)
		var typeErr *json.UnmarshalTypeError
		assert.ErrorAs(t, err, &typeErr, "the decoder's error is the cause of a value of the wrong type")
	})
}

// TestUnmarshalJSON_null: JSON null in place of a field's value is refused
// by every decoder of a definition or a checked result, as a value of the
// wrong type (code ErrInvalidJSON, the IDs of the value's other problems,
// "must be ..., not null"), and the field is then not checked again: null
// is never a value and never a field left out. Before, encoding/json's
// reading left a string "", a bool false, a count 0, and took a null
// scale, bands, list or threshold as absent. Each case's problems are
// worked out from the documented order: the form's, in the order of the
// fields, then the constructors'.
func TestUnmarshalJSON_null(t *testing.T) {
	type (
		problem = decodeProblem
		decoder = jsonDecoder
	)
	metric := func() decoder { return new(Metric) }
	aht := []string{"aht"}
	notNull := func(what, field, want string) string {
		return "outcome: " + what + ": " + strconv.Quote(field) + " must be " + want + ", not null"
	}
	const pc = "proportion comparison"
	// half is the JSON of a comparison that decodes; nullIn makes each of
	// its members under keys null.
	c, err := CompareProportions(MustProportion(1, 2), MustProportion(1, 2), 0.95)
	require.NoError(t, err)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	half := string(data)
	require.NoError(t, new(ProportionComparison).UnmarshalJSON([]byte(half)), half)
	nullIn := func(keys ...string) string {
		s := half
		for _, k := range keys {
			s = regexp.MustCompile(k+`:(\{[^}]*\}|[^,}]*)`).ReplaceAllLiteralString(s, k+":null")
		}
		require.NotEqual(t, half, s, "%s: no member to make null", keys)
		return s
	}
	tests := []decodeCase{
		// A metric: each field null in turn, the others valid; a null
		// field is not checked again (a null name has no "no name", a null
		// level no "no valid level").
		{"metric: id", metric, `{"id":null,"name":"AHT","level":"output","direction":"down"}`, []problem{
			{ErrInvalidJSON, nil, notNull(`metric whose "id" is not a string`, "id", "a string")}}},
		{"metric: name", metric, `{"id":"aht","name":null,"level":"output","direction":"down"}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "name", "a string")}}},
		{"metric: level", metric, `{"id":"aht","name":"AHT","level":null,"direction":"down"}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "level", "a string")}}},
		{"metric: direction", metric, `{"id":"aht","name":"AHT","level":"output","direction":null}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "direction", "a string")}}},
		{"metric: unit", metric, `{"id":"aht","name":"AHT","level":"output","direction":"down","unit":null}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "unit", "a string")}}},
		// A business outcome whose kind is null is not also missing it.
		{"metric: kind", metric, `{"id":"rev","name":"Revenue","level":"business-outcome","direction":"up","kind":null}`, []problem{
			{ErrInvalidJSON, []string{"rev"}, notNull(`metric "rev"`, "kind", "a string")}}},
		{"metric: owner", metric, `{"id":"aht","name":"AHT","level":"output","direction":"down","Owner":null}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "owner", "a string")}}},
		{"metric: rewarded", metric, `{"id":"aht","name":"AHT","level":"output","direction":"down","rewarded":null}`, []problem{
			{ErrInvalidJSON, aht, `outcome: metric "aht": "rewarded" must be true or false, not null`}}},
		{"metric: description", metric, `{"id":"aht","name":"AHT","level":"output","direction":"down","description":null}`, []problem{
			{ErrInvalidJSON, aht, notNull(`metric "aht"`, "description", "a string")}}},
		// Every null, in the order of the fields (name, direction, unit,
		// rewarded), and NewMetric's problem of what is left: an ID that
		// is not valid.
		{"metric: several", metric, `{"id":" aht","rewarded":null,"name":null,"level":"output","direction":null,"unit":null}`, []problem{
			{ErrInvalidJSON, []string{" aht"}, notNull(`metric " aht"`, "name", "a string")},
			{ErrInvalidJSON, []string{" aht"}, notNull(`metric " aht"`, "direction", "a string")},
			{ErrInvalidJSON, []string{" aht"}, notNull(`metric " aht"`, "unit", "a string")},
			{ErrInvalidJSON, []string{" aht"}, `outcome: metric " aht": "rewarded" must be true or false, not null`},
			{ErrInvalidID, []string{" aht"}, `outcome: id " aht" has surrounding white space`}}},

		{"audit options", func() decoder { return new(AuditOptions) }, `{"outputHeavyThreshold":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("audit options", "outputHeavyThreshold", "a decimal string or a number")}}},

		// A proportion: a null count is not 0, so 5 successes are not "in
		// only 0 trials", and a null successes is not checked either.
		{"proportion: trials", func() decoder { return new(Proportion) }, `{"successes":5,"trials":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("proportion", "trials", "an integer")}}},
		{"proportion: both", func() decoder { return new(Proportion) }, `{"successes":null,"trials":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("proportion", "successes", "an integer")},
			{ErrInvalidJSON, nil, notNull("proportion", "trials", "an integer")}}},

		// Scales: a null bound leaves the scale unchecked (not 0..10).
		{"scale: min", func() decoder { return new(Scale) }, `{"min":null,"max":10}`, []problem{
			{ErrInvalidJSON, nil, notNull("scale", "min", "an integer")}}},
		{"scale: both", func() decoder { return new(Scale) }, `{"max":null,"min":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("scale", "min", "an integer")},
			{ErrInvalidJSON, nil, notNull("scale", "max", "an integer")}}},
		// A null box is not 0 (it was "a top box of 0 points"); the scale
		// 1..5 is checked without it, and is valid.
		{"CSAT scale: box", func() decoder { return new(CSATScale) }, `{"min":1,"max":5,"box":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("CSAT scale", "box", "an integer")}}},
		// A null bound: the scale is unknown, the box not checked.
		{"CSAT scale: max", func() decoder { return new(CSATScale) }, `{"min":1,"max":null,"box":9}`, []problem{
			{ErrInvalidJSON, nil, notNull("CSAT scale", "max", "an integer")}}},
		{"CES scale: agree", func() decoder { return new(CESScale) }, `{"min":1,"max":7,"agree":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("CES scale", "agree", "an integer")}}},
		{"CES scale: min", func() decoder { return new(CESScale) }, `{"min":null,"max":7,"agree":5}`, []problem{
			{ErrInvalidJSON, nil, notNull("CES scale", "min", "an integer")}}},

		// NPS bands: a null band, or a null bound in one, leaves that band
		// out of the checks, and the order and coverage, which need all
		// three (the other two are valid).
		{"NPS bands: a band", func() decoder { return new(NPSBands) },
			`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":null,"promoters":{"low":9,"high":10}}`, []problem{
				{ErrInvalidJSON, nil, notNull("NPS bands", "passives", "an object")}}},
		{"NPS bands: a band's bound", func() decoder { return new(NPSBands) },
			`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":null,"high":8},"promoters":{"low":9,"high":10}}`,
			[]problem{{ErrInvalidJSON, nil, notNull(`NPS bands "passives"`, "low", "an integer")}}},
		// A null bound of the scale: the bands are not checked.
		{"NPS bands: max", func() decoder { return new(NPSBands) }, `{"min":0,"max":null,"promoters":{"low":9,"high":10}}`, []problem{
			{ErrInvalidJSON, nil, notNull("NPS bands", "max", "an integer")}}},

		// NPS tallies: null bands are not the standard bands, a null count
		// not 0; the other counts are still checked (-3 is negative).
		{"NPS tally: bands", func() decoder { return new(NPSTally) }, `{"bands":null,"promoters":1}`, []problem{
			{ErrInvalidJSON, nil, notNull("NPS tally", "bands", "an object")}}},
		{"NPS tally: a count", func() decoder { return new(NPSTally) }, `{"promoters":null,"passives":-3}`, []problem{
			{ErrInvalidJSON, nil, notNull("NPS tally", "promoters", "an integer")},
			{ErrInvalidCount, nil, "outcome: passive count -3 is negative"}}},
		{"NPS tally: several", func() decoder { return new(NPSTally) },
			`{"detractors":null,"bands":{"min":0,"max":10,"detractors":null},"promoters":null,"passives":2}`, []problem{
				{ErrInvalidJSON, nil, notNull(`NPS tally "bands"`, "detractors", "an object")},
				{ErrInvalidJSON, nil, notNull("NPS tally", "promoters", "an integer")},
				{ErrInvalidJSON, nil, notNull("NPS tally", "detractors", "an integer")}}},

		// Rating tallies: a null scale is not the standard scale, and the
		// counts are checked without it (counts[1] is negative); null counts
		// are not none.
		{"CSAT tally: scale", func() decoder { return new(CSATTally) }, `{"scale":null,"counts":[1,-2,3,4,5]}`, []problem{
			{ErrInvalidJSON, nil, notNull("CSAT tally", "scale", "an object")},
			{ErrInvalidCount, nil, "outcome: counts[1] is negative: -2"}}},
		{"CSAT tally: several", func() decoder { return new(CSATTally) }, `{"counts":null,"scale":{"min":1,"max":5,"box":null}}`, []problem{
			{ErrInvalidJSON, nil, notNull(`CSAT tally "scale"`, "box", "an integer")},
			{ErrInvalidJSON, nil, notNull("CSAT tally", "counts", "an array of integers")}}},
		{"CES tally: scale", func() decoder { return new(CESTally) }, `{"scale":null,"counts":[0,0,0,0,0,0,1]}`, []problem{
			{ErrInvalidJSON, nil, notNull("CES tally", "scale", "an object")}}},

		// Failure demand: a null list is not empty, a null reason not
		// NoReason (so it names no row: its problems have no ID), a null
		// count not 0 (the row is not "a zero count"); a null row is
		// refused, as before. The rows are checked with what is known:
		// "chaser" is a valid reason, the count 2 a valid count.
		{"failure demand: several", func() decoder { return new(FailureDemand) },
			`{"value":null,"failure":[{"reason":null,"count":2},{"reason":"chaser","count":null},null,{"count":null,"reason":null}]}`,
			[]problem{
				{ErrInvalidJSON, nil, notNull("failure demand", "value", `an array of rows {"reason","count"}`)},
				{ErrInvalidJSON, nil, notNull(`failure demand "failure"[0]`, "reason", "a string")},
				{ErrInvalidJSON, []string{"chaser"}, notNull(`failure demand "failure"[1]`, "count", "an integer")},
				{ErrInvalidJSON, nil, `outcome: failure demand: "failure"[2] must be an object {"reason","count"}, not null`},
				{ErrInvalidJSON, nil, notNull(`failure demand "failure"[3]`, "reason", "a string")},
				{ErrInvalidJSON, nil, notNull(`failure demand "failure"[3]`, "count", "an integer")}}},
		{"failure demand: failure", func() decoder { return new(FailureDemand) }, `{"value":[],"failure":null}`, []problem{
			{ErrInvalidJSON, nil, notNull("failure demand", "failure", `an array of rows {"reason","count"}`)}}},

		// A comparison: each field null in turn, in the JSON of one that
		// decodes (1/2 against 1/2 at 0.95), so that null is its one
		// problem. A null count of A is not 0, so A is not "of no trials".
		{"comparison: b", func() decoder { return new(ProportionComparison) }, nullIn(`"b"`), []problem{
			{ErrInvalidJSON, nil, notNull(pc, "b", `a proportion {"successes","trials"}`)}}},
		{"comparison: a's trials", func() decoder { return new(ProportionComparison) },
			strings.Replace(half, `"a":{"successes":1,"trials":2}`, `"a":{"successes":1,"trials":null}`, 1), []problem{
				{ErrInvalidJSON, nil, notNull(pc+` "a"`, "trials", "an integer")}}},
		{"comparison: difference", func() decoder { return new(ProportionComparison) }, nullIn(`"difference"`), []problem{
			{ErrInvalidJSON, nil, notNull(pc, "difference", `an interval {"estimate","low","high","confidence","method"}`)}}},
		{"comparison: standard error", func() decoder { return new(ProportionComparison) }, nullIn(`"standardError"`), []problem{
			{ErrInvalidJSON, nil, notNull(pc, "standardError", "a number")}}},
		{"comparison: z", func() decoder { return new(ProportionComparison) }, nullIn(`"z"`), []problem{
			{ErrInvalidJSON, nil, notNull(pc, "z", "a number")}}},
		{"comparison: p-value", func() decoder { return new(ProportionComparison) }, nullIn(`"pValue"`), []problem{
			{ErrInvalidJSON, nil, notNull(pc, "pValue", "a number")}}},
		{"comparison: the difference's values", func() decoder { return new(ProportionComparison) },
			nullIn(`"estimate"`, `"low"`, `"high"`, `"confidence"`, `"method"`), []problem{
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "estimate", "a number")},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "low", "a number")},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "high", "a number")},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "confidence", "a number")},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "method", "a string naming an interval method")}}},
		// Every null in the order of the fields (a, b, difference, z), each
		// object's absent fields after its members; A, whose successes are
		// unknown, has 2 trials: it is not checked further, nor is what
		// would be computed from it.
		{"comparison: several", func() decoder { return new(ProportionComparison) },
			`{"a":{"successes":null,"trials":2},"b":null,"z":null,"difference":{"low":null,"method":null}}`, []problem{
				{ErrInvalidJSON, nil, notNull(pc+` "a"`, "successes", "an integer")},
				{ErrInvalidJSON, nil, notNull(pc, "b", `a proportion {"successes","trials"}`)},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "low", "a number")},
				{ErrInvalidJSON, nil, notNull(pc+` "difference"`, "method", "a string naming an interval method")},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "estimate"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "high"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "confidence"`},
				{ErrInvalidJSON, nil, notNull(pc, "z", "a number")},
				{ErrInvalidJSON, nil, `outcome: proportion comparison has no "standardError"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison has no "pValue"`}}},
	}
	runDecodeCases(t, tests)
	t.Run("in a list and in a document", func(t *testing.T) {
		// DecodeMetrics names the element; encoding/json hands a field's
		// null to the field's decoder, which refuses it.
		_, err := DecodeMetrics([]byte(`[{"id":"aht","name":"AHT","level":"output","direction":"down","rewarded":null}]`))
		require.Len(t, Problems(err), 1)
		p := Problems(err)[0]
		assert.Equal(t, problem{ErrInvalidJSON, aht, `outcome: metrics[0]: metric "aht": "rewarded" must be true or false, not null`},
			problem{p.Code, p.IDs, p.Message})
		var doc struct {
			Tally NPSTally `json:"tally"`
		}
		err = json.Unmarshal([]byte(`{"tally":{"bands":null,"promoters":1}}`), &doc)
		assert.ErrorIs(t, err, ErrInvalidJSON)
		assert.EqualError(t, err, `outcome: NPS tally: "bands" must be an object, not null`)
	})
}

// TestUnmarshalJSON_nullValue: JSON null for a whole value is refused by
// every decoder of the package, as Metric's always was: one problem, code
// ErrInvalidJSON, no ID, "outcome: <the value> cannot be null", the value
// unchanged, whether UnmarshalJSON is called, json.Unmarshal decodes null
// into the value, or null is a struct's field of the type ({"v":null}, which
// encoding/json hands to the field's UnmarshalJSON). It left the value as it
// was, so {"tally":null} decoded a user's struct silently to the zero
// tally. The results read back (ReasonCount, Interval, ScoreTest,
// Classification) refuse null too: null is never a value.
func TestUnmarshalJSON_nullValue(t *testing.T) {
	type decoder = interface{ UnmarshalJSON([]byte) error }
	must := func(v any, err error) any {
		require.NoError(t, err)
		return v
	}
	metric := MustMetric(MetricSpec{ID: "aht", Name: "AHT", Level: Output, Direction: LowerIsBetter})
	five := MustNPSBands(MustScale(1, 5), Band{Low: 1, High: 3}, Band{Low: 4, High: 4}, Band{Low: 5, High: 5})
	npsTally := must(NPSTallyFromCounts(five, 1, 2, 3)).(NPSTally)
	csatTally := must(CSATTallyFromCounts(MustCSATScale(MustScale(1, 3), 1), []int64{4, 5, 6})).(CSATTally)
	cesTally := must(CESTallyFromCounts(MustCESScale(MustScale(1, 3), 3), []int64{7, 8, 9})).(CESTally)
	comparison := must(CompareProportions(MustProportion(1, 4), MustProportion(3, 4), 0.9)).(ProportionComparison)
	tests := []struct {
		name  string
		start func() decoder // a pointer to a value that is not zero
		msg   string
	}{
		{"Metric", func() decoder { v := metric; return &v }, "outcome: a metric cannot be null"},
		{"AuditOptions", func() decoder { v := AuditOptions{}.WithOutputHeavyThreshold(0.7); return &v },
			"outcome: audit options cannot be null"},
		{"Proportion", func() decoder { v := MustProportion(2, 3); return &v }, "outcome: a proportion cannot be null"},
		{"Scale", func() decoder { v := MustScale(-2, 2); return &v }, "outcome: a scale cannot be null"},
		{"CSATScale", func() decoder { v := MustCSATScale(MustScale(1, 7), 3); return &v }, "outcome: a CSAT scale cannot be null"},
		{"CESScale", func() decoder { v := MustCESScale(MustScale(1, 5), 4); return &v }, "outcome: a CES scale cannot be null"},
		{"NPSBands", func() decoder { v := five; return &v }, "outcome: NPS bands cannot be null"},
		{"NPSTally", func() decoder { v := npsTally; return &v }, "outcome: an NPS tally cannot be null"},
		{"CSATTally", func() decoder { v := csatTally; return &v }, "outcome: a CSAT tally cannot be null"},
		{"CESTally", func() decoder { v := cesTally; return &v }, "outcome: a CES tally cannot be null"},
		{"FailureDemand", func() decoder {
			var d FailureDemand
			require.NoError(t, d.AddFailure("chaser", 2))
			require.NoError(t, d.AddValue("new order", 5))
			return &d
		}, "outcome: failure demand cannot be null"},
		{"ProportionComparison", func() decoder { v := comparison; return &v }, "outcome: a proportion comparison cannot be null"},
		{"ReasonCount", func() decoder { return &ReasonCount{Reason: "chaser", Count: 2, Share: decimal.New(5, -1)} },
			"outcome: a reason count cannot be null"},
		{"Interval", func() decoder { v := comparison.Difference; return &v }, "outcome: an interval cannot be null"},
		{"ScoreTest", func() decoder {
			v := ScoreTest{Difference: 1, StandardError: 1, Z: 1, PValue: 0.3, Interval: comparison.Difference}
			return &v
		}, "outcome: a score test cannot be null"},
		{"Classification", func() decoder { v := Classify("AHT"); return &v }, "outcome: a classification cannot be null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(how string, err error, got any) {
				t.Helper()
				require.Error(t, err, how)
				assert.ErrorIs(t, err, ErrInvalidJSON, how)
				problems := Problems(err)
				require.Len(t, problems, 1, how)
				assert.Equal(t, ErrInvalidJSON, problems[0].Code, how)
				assert.Equal(t, SeverityError, problems[0].Severity, how)
				assert.Empty(t, problems[0].IDs, how)
				assert.Equal(t, tt.msg, problems[0].Message, how)
				assert.Equal(t, tt.msg, err.Error(), how)
				assert.Equal(t, tt.start(), got, "%s: unchanged", how)
			}
			for _, in := range []string{"null", " \t\r\nnull\n"} {
				v := tt.start()
				check(fmt.Sprintf("UnmarshalJSON(%q)", in), v.UnmarshalJSON([]byte(in)), v)
				v = tt.start()
				check(fmt.Sprintf("json.Unmarshal(%q)", in), json.Unmarshal([]byte(in), v), v)
			}
			// A field of the type, not a pointer, in a user's struct.
			typ := reflect.TypeOf(tt.start()).Elem()
			st := reflect.StructOf([]reflect.StructField{{Name: "V", Type: typ, Tag: `json:"v"`}})
			s := reflect.New(st)
			s.Elem().Field(0).Set(reflect.ValueOf(tt.start()).Elem())
			check(`json.Unmarshal({"v":null})`, json.Unmarshal([]byte(`{"v":null}`), s.Interface()),
				s.Elem().Field(0).Addr().Interface())
		})
	}
}

func TestInvalidJSON(t *testing.T) {
	// A failure of the JSON itself is an invalid-json *Error that wraps it
	// and quotes its message, clipped to 200 bytes: here 300 letters.
	cause := errors.New(strings.Repeat("f", 300))
	err := invalidJSON(cause)
	assert.ErrorIs(t, err, ErrInvalidJSON)
	assert.ErrorIs(t, err, cause)
	assert.Equal(t, "outcome: invalid JSON: "+strings.Repeat("f", 200)+"...", err.Error())
}

func TestUnmarshalJSON_caseVariantKeys(t *testing.T) {
	// encoding/json fills a field from any key equal to its name but for case
	// (ſ, U+017F, folds to s and the Kelvin sign, U+212A, to k), keeping the
	// last value: the first tally would read 9 answers of 5, all satisfied,
	// the second proportion 2 of 3. Each is refused as a duplicate field.
	tests := []struct {
		name    string
		into    json.Unmarshaler
		in      string
		wantMsg string
	}{
		{"CSAT counts", new(CSATTally), `{"counts":[1,2,3,4,5],"Counts":[0,0,0,0,9]}`,
			`outcome: CSAT tally gives field "counts" twice, as "counts" and "Counts"`},
		{"proportion successes", new(Proportion), `{"successes":1,"Successes":2,"trials":3}`,
			`outcome: proportion gives field "successes" twice, as "successes" and "Successes"`},
		{"long s", new(Proportion), `{"successes":1,"\u017fuccesses":2,"trials":3}`,
			"outcome: proportion gives field \"successes\" twice, as \"successes\" and \"\u017fuccesses\""},
		{"Kelvin sign", new(Metric),
			`{"id":"r","name":"Revenue","level":"business outcome","direction":"up","kind":"revenue","\u212aind":"cost"}`,
			"outcome: metric \"r\" gives field \"kind\" twice, as \"kind\" and \"\u212aind\""},
		{"metric ID", new(Metric), `{"id":"a","ID":"b","name":"Revenue","level":"output","direction":"up"}`,
			`outcome: metric "a" gives field "id" twice, as "id" and "ID"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.into.UnmarshalJSON([]byte(tt.in))
			assert.ErrorIs(t, err, ErrInvalidJSON)
			assert.ErrorIs(t, err, strictjson.ErrDuplicateKey)
			assert.EqualError(t, err, tt.wantMsg)
		})
	}
}

func TestTokens_invalid(t *testing.T) {
	// The token of a value that is not valid is empty; MarshalText refuses such
	// a value before asking for it.
	assert.Empty(t, Level(0).token())
	assert.Empty(t, Direction(0).token())
	assert.Empty(t, Kind(0).token())
	assert.Empty(t, Kind(5).token())
}

// everyJSONForm returns a value of every type of the package that has a JSON
// form, under a name, as a BI tool would marshal it.
func everyJSONForm(t *testing.T) map[string]any {
	calls := MustMetric(MetricSpec{ID: "calls-handled", Name: "Calls handled", Level: Output,
		Direction: HigherIsBetter, Unit: "calls", Owner: "Contact centre", Rewarded: true})
	revenue := MustMetric(MetricSpec{ID: "revenue", Name: "Revenue", Level: BusinessOutcome,
		Direction: HigherIsBetter, Kind: Revenue})
	report, err := Audit([]Metric{calls, revenue}, AuditOptions{})
	require.NoError(t, err)
	var demand FailureDemand
	require.NoError(t, demand.AddValue("", 700))
	require.NoError(t, demand.AddFailure("repeat call", 180))
	require.NoError(t, demand.AddFailure("chaser", 90))
	failures, err := demand.FailureReasons(2)
	require.NoError(t, err)
	values, err := demand.ValueReasons(2)
	require.NoError(t, err)
	p := MustProportion(81, 263)
	wilson, err := p.Wilson(0.95)
	require.NoError(t, err)
	cmp, err := CompareProportions(p, MustProportion(120, 300), 0.95)
	require.NoError(t, err)
	nps, err := TallyNPS(StandardNPSBands(), []int{10, 9, 9, 8, 7, 6, 3, 10})
	require.NoError(t, err)
	npsTest, err := nps.TestAgainst(0, 0.95)
	require.NoError(t, err)
	csat, err := TallyCSAT(StandardCSATScale(), []int{5, 4, 4, 3, 1})
	require.NoError(t, err)
	ces, err := TallyCES(StandardCESScale(), []int{7, 6, 5, 5, 2})
	require.NoError(t, err)
	// The audit of calls handled declared a customer outcome contradicts
	// the catalogue: its finding carries the catalogue's classification.
	misfiled := MustMetric(MetricSpec{ID: "calls", Name: "Calls handled", Level: CustomerOutcome,
		Direction: HigherIsBetter})
	contradicted, err := Audit([]Metric{misfiled}, AuditOptions{})
	require.NoError(t, err)
	require.True(t, contradicted.Has(CodeLevelContradictsCatalogue))
	return map[string]any{
		"metric":            calls,
		"metric, kind":      revenue,
		"spec":              calls.Spec(),
		"audit report":      report,
		"finding":           report.Findings()[0],
		"error":             NewError(ErrNoData, []string{"x"}, "outcome: no data"),
		"failure demand":    &demand,
		"failure reasons":   failures,
		"value reasons":     values,
		"reason count":      failures[0],
		"zero reason":       ReasonCount{},
		"proportion":        p,
		"interval":          wilson,
		"comparison":        cmp,
		"scale":             MustScale(0, 10),
		"nps bands":         StandardNPSBands(),
		"nps tally":         nps,
		"score test":        npsTest,
		"csat scale":        StandardCSATScale(),
		"csat tally":        csat,
		"ces scale":         StandardCESScale(),
		"ces tally":         ces,
		"enums":             []any{Output, HigherIsBetter, Revenue, SeverityWarning, RoundHalfEven, IntervalWilson},
		"code":              ErrNoData,
		"reasons in a map":  map[string]ReasonCount{"chaser": failures[1]},
		"classification":    Classify("Revenue"),
		"unclassified":      Classify("no such KPI"),
		"catalogue finding": contradicted.Findings()[0],
		"band":              Band{Low: 9, High: 10},
		"audit options":     AuditOptions{}.WithOutputHeavyThreshold(0.5),
		"default options":   AuditOptions{},
	}
}

// TestJSON_camelCaseKeys: every JSON form of the package names its fields
// in camelCase, as the module's JSON does everywhere: a Classification, which
// encoding/json marshals by reflection, wrote "Name", "Level", "Reason".
func TestJSON_camelCaseKeys(t *testing.T) {
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				assert.Regexp(t, `^[a-z][A-Za-z0-9]*$`, k, "%s: key %q", path, k)
				walk(path+"."+k, e)
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		}
	}
	for name, v := range everyJSONForm(t) {
		if name == "reasons in a map" {
			continue // the keys are the caller's
		}
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		var decoded any
		require.NoError(t, json.Unmarshal(b, &decoded), name)
		walk(name, decoded)
	}
}

// TestJSON_decimalSettingIgnored: every JSON form of the package writes its
// decimals as strings, written as decimal's String writes them by default, so
// the bytes do not depend on decimal's package-level MarshalJSONWithoutQuotes,
// TrimTrailingZeros or UseScientificNotation. It changes those settings, so it
// must not run in parallel with other tests.
func TestJSON_decimalSettingIgnored(t *testing.T) {
	forms := everyJSONForm(t)
	want := map[string][]byte{}
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		want[name] = b
	}
	// The shares are strings as worked out by hand: of 270 failure
	// contacts, 180 are repeat calls (2/3) and 90 chasers (1/3); to two
	// places, 0.66 and 0.33 leave 0.01 over, which goes to the larger
	// remainder (2/3's), so 0.67 and 0.33. The value demand is all of one
	// reason: 1.
	assert.Equal(t, `[{"reason":"repeat call","count":180,"share":"0.67"},{"reason":"chaser","count":90,"share":"0.33"}]`,
		string(want["failure reasons"]))
	assert.Equal(t, `[{"reason":"","count":700,"share":"1"}]`, string(want["value reasons"]))
	assert.Equal(t, `{"reason":"","count":0,"share":"0"}`, string(want["zero reason"]))

	dectest.FlipSettings(t)
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, string(want[name]), string(b), "%s with decimal's settings flipped", name)
	}
}

// jsonDecoder is a value the package decodes from JSON.
type jsonDecoder = interface{ UnmarshalJSON([]byte) error }

// decodeProblem is one problem a decoder reports.
type decodeProblem struct {
	code Code
	ids  []string
	msg  string
}

// decodeCase is JSON text (in) that a fresh value (into) must refuse with
// every one of want, in order.
type decodeCase struct {
	name string
	into func() jsonDecoder
	in   string
	want []decodeProblem
}

// runDecodeCases decodes each case's text into a fresh value and checks
// its problems, each an error, and that the value is unchanged.
func runDecodeCases(t *testing.T, tests []decodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.into()
			err := v.UnmarshalJSON([]byte(tt.in))
			var got []decodeProblem
			for _, p := range Problems(err) {
				assert.Equal(t, SeverityError, p.Severity)
				got = append(got, decodeProblem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.into(), v, "unchanged on error")
		})
	}
}

// TestUnmarshalJSON_memberOrder: the problems of a definition come in the
// same order however the members of its objects are written: each object's
// fields in the order the package writes them, a field given again right
// after the field, then the keys that name no field, sorted; then the
// values' problems. Each input, written as here and with every object's
// members reversed, gives these problems, worked out by hand.
func TestUnmarshalJSON_memberOrder(t *testing.T) {
	calls := []string{"calls"}
	tests := []decodeCase{
		// The name (5), rewarded ("yes"), the unknown b and colour, sorted;
		// then NewMetric's: the level names nothing, and there is no
		// direction.
		{"metric", func() jsonDecoder { return new(Metric) },
			`{"rewarded":"yes","colour":"red","name":5,"b":1,"id":"calls","level":"outptu"}`, []decodeProblem{
				{ErrInvalidJSON, calls, `outcome: metric "calls": "name" must be a string, not the number 5`},
				{ErrInvalidJSON, calls, `outcome: metric "calls": "rewarded" must be true or false, not the string "yes"`},
				{ErrInvalidJSON, calls, `outcome: metric "calls" has an unknown field "b"`},
				{ErrInvalidJSON, calls, `outcome: metric "calls" has an unknown field "colour"`},
				{ErrUnknownLevel, calls, `outcome: metric "calls" has an unknown level "outptu"`},
				{ErrUnknownDirection, calls, `outcome: metric "calls" has no valid direction`},
			}},
		// The bands first (their detractors null, the promoters' high "x",
		// the unknown z), then the counts promoters (null) and detractors
		// (null), then the unknown q; the bands, incomplete, are not
		// checked.
		{"NPS tally", func() jsonDecoder { return new(NPSTally) },
			`{"q":1,"detractors":null,"bands":{"promoters":{"high":"x","low":9},"z":1,"min":0,"max":10,"detractors":null},` +
				`"promoters":null,"passives":2}`, []decodeProblem{
				{ErrInvalidJSON, nil, `outcome: NPS tally "bands": "detractors" must be an object, not null`},
				{ErrInvalidJSON, nil, `outcome: NPS tally "bands" "promoters": "high" must be an integer, not the string "x"`},
				{ErrInvalidJSON, nil, `outcome: NPS tally "bands" has an unknown field "z"`},
				{ErrInvalidJSON, nil, `outcome: NPS tally: "promoters" must be an integer, not null`},
				{ErrInvalidJSON, nil, `outcome: NPS tally: "detractors" must be an integer, not null`},
				{ErrInvalidJSON, nil, `outcome: NPS tally has an unknown field "q"`},
			}},
		// The value rows, then the failure rows; in a row its reason, then
		// its count, then its unknown key.
		{"failure demand", func() jsonDecoder { return new(FailureDemand) },
			`{"failure":[{"x":1,"count":"2","reason":"chaser"}],"value":[{"count":null,"reason":7}]}`, []decodeProblem{
				{ErrInvalidJSON, nil, `outcome: failure demand "value"[0]: "reason" must be a string, not the number 7`},
				{ErrInvalidJSON, nil, `outcome: failure demand "value"[0]: "count" must be an integer, not null`},
				{ErrInvalidJSON, []string{"chaser"}, `outcome: failure demand "failure"[0]: "count" must be an integer, not the string "2"`},
				{ErrInvalidJSON, []string{"chaser"}, `outcome: failure demand "failure"[0] has an unknown field "x"`},
			}},
		// A, B, the difference's estimate, then its fields that are
		// absent, z, the comparison's fields that are absent; then the
		// counts' of A and of B, and the difference's method. A and B do
		// not compare, so nothing is recomputed.
		{"proportion comparison", func() jsonDecoder { return new(ProportionComparison) },
			`{"z":"big","difference":{"method":"exact","estimate":"0.1"},"b":{"successes":-1,"trials":1},"a":{"trials":2,"successes":3}}`,
			[]decodeProblem{
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference": "estimate" must be a number, not the string "0.1"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "low"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "high"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison "difference" has no "confidence"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison: "z" must be a number, not the string "big"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison has no "standardError"`},
				{ErrInvalidJSON, nil, `outcome: proportion comparison has no "pValue"`},
				{ErrInvalidCount, nil, `outcome: proportion comparison "a": 3 successes in only 2 trials`},
				{ErrInvalidCount, nil, `outcome: proportion comparison "b": negative successes -1`},
				{ErrInvalidIntervalMethod, nil, `outcome: proportion comparison "difference": unknown interval method "exact"`},
			}},
		// The reason, the count, the share, then the unknown key.
		{"reason count", func() jsonDecoder { return new(ReasonCount) },
			`{"share":"x","y":1,"count":"2","reason":5}`, []decodeProblem{
				{ErrInvalidJSON, nil, `outcome: reason count: "reason" must be a string, not the number 5`},
				{ErrInvalidJSON, nil, `outcome: reason count: "count" must be an integer, not the string "2"`},
				{ErrInvalidJSON, nil, `outcome: reason count: "share" must be a decimal string or a number, not the string "x"`},
				{ErrInvalidJSON, nil, `outcome: reason count has an unknown field "y"`},
			}},
		// The CSAT scale's min (null) and box ("x"), then the counts.
		{"CSAT tally", func() jsonDecoder { return new(CSATTally) },
			`{"counts":[1,"2"],"scale":{"box":"x","max":5,"min":null}}`, []decodeProblem{
				{ErrInvalidJSON, nil, `outcome: CSAT tally "scale": "min" must be an integer, not null`},
				{ErrInvalidJSON, nil, `outcome: CSAT tally "scale": "box" must be an integer, not the string "x"`},
				{ErrInvalidJSON, nil, `outcome: CSAT tally: "counts"[1] must be an integer, not the string "2"`},
			}},
	}
	runDecodeCases(t, tests)
	for i := range tests {
		tests[i].name += ", reversed"
		tests[i].in = string(spoil.Reversed([]byte(tests[i].in)))
	}
	runDecodeCases(t, tests)
}

// codeMessage is a problem's code and message, as the tests of a piece read
// on its own pin them.
type codeMessage struct {
	code Code
	msg  string
}

// codeMessages returns the code and message of each problem of err.
func codeMessages(err error) []codeMessage {
	var out []codeMessage
	for _, p := range Problems(err) {
		out = append(out, codeMessage{p.Code, p.Message})
	}
	return out
}

// TestMetricSpec_UnmarshalJSON pins what a spec read on its own reports:
// the problems of its form, in the words Metric.UnmarshalJSON says them,
// and text of a level, direction or kind that names none; not NewMetric's
// other problems, which a spec may have until NewMetric checks it. On
// error the spec is unchanged.
func TestMetricSpec_UnmarshalJSON(t *testing.T) {
	var s MetricSpec
	require.NoError(t, json.Unmarshal([]byte(`{"id":"x","level":"output","kind":"cost"}`), &s), "incomplete, and a kind on an output")
	assert.Equal(t, MetricSpec{ID: "x", Level: Output, Kind: Cost}, s)
	require.NoError(t, json.Unmarshal([]byte(`{"level":"","direction":"","kind":""}`), &s), "empty text is the zero value")
	assert.Equal(t, MetricSpec{}, s)
	data, err := json.Marshal(s)
	require.NoError(t, err, "the zero spec marshals, level and direction as empty text")
	assert.Equal(t, `{"id":"","name":"","level":"","direction":""}`, string(data))
	full := MetricSpec{ID: "revenue", Name: "Revenue", Level: BusinessOutcome, Direction: HigherIsBetter, Unit: "EUR", Kind: Revenue,
		Owner: "Sales", Rewarded: true, Description: "<booked>"}
	data, err = json.Marshal(full)
	require.NoError(t, err)
	type plainSpec MetricSpec // encoding/json's own writing, for a valid spec
	plain, err := json.Marshal(plainSpec(full))
	require.NoError(t, err)
	assert.Equal(t, string(plain), string(data), "a valid spec is written as encoding/json wrote it")
	var back MetricSpec
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(full))
	_, err = json.Marshal(MetricSpec{Level: 9})
	assert.ErrorIs(t, err, ErrUnknownLevel, "no value of its type")
	_, err = json.Marshal(MetricSpec{Direction: 7})
	assert.ErrorIs(t, err, ErrUnknownDirection)
	_, err = json.Marshal(MetricSpec{Kind: 9})
	assert.ErrorIs(t, err, ErrUnknownKind)

	const inv = ErrInvalidJSON
	for _, tt := range []struct {
		name, in string
		want     []codeMessage
	}{
		{"unknown key", `{"id":"aht","colour":"red"}`, []codeMessage{{inv, `outcome: metric "aht" has an unknown field "colour"`}}},
		{"a key twice", `{"id":"a","ID":"b"}`, []codeMessage{{inv, `outcome: metric "a" gives field "id" twice, as "id" and "ID"`}}},
		{"wrong type", `{"id":7,"level":"output"}`, []codeMessage{{inv, `outcome: metric whose "id" is not a string: "id" must be a string, not the number 7`}}},
		{"a number too small", `{"id":"a","unit":1e-400}`, []codeMessage{{inv, `outcome: metric "a": "unit" must be a string, not the number 1e-400`}}},
		{"text that names no level", `{"id":"a","level":"sideways"}`, []codeMessage{{ErrUnknownLevel, `outcome: metric "a" has an unknown level "sideways"`}}},
		{"all at once", `{"id":"aht","level":"sideways","direction":3,"kind":"x","rewarded":null,"x":1,"ID":"b"}`, []codeMessage{
			{inv, `outcome: metric "aht" gives field "id" twice, as "id" and "ID"`},
			{inv, `outcome: metric "aht": "direction" must be a string, not the number 3`},
			{inv, `outcome: metric "aht": "rewarded" must be true or false, not null`},
			{inv, `outcome: metric "aht" has an unknown field "x"`},
			{ErrUnknownLevel, `outcome: metric "aht" has an unknown level "sideways"`},
			{ErrUnknownKind, `outcome: metric "aht" has an unknown business-outcome kind "x"`},
		}},
		{"null", `null`, []codeMessage{{inv, `outcome: a metric spec cannot be null`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := MetricSpec{ID: "start", Name: "Start", Level: Task, Direction: LowerIsBetter}
			v := start
			err := json.Unmarshal([]byte(tt.in), &v)
			assert.Equal(t, tt.want, codeMessages(err))
			assert.Equal(t, start, v, "unchanged")
			if tt.name == "all at once" {
				for _, p := range Problems(err) {
					assert.Equal(t, []string{"aht"}, p.IDs, "each names the spec's ID: %s", p.Message)
				}
			}
		})
	}
}

// TestMetricSpec_MarshalJSON_bytes pins that a spec whose text is valid
// UTF-8 is written byte for byte as before the spec checked its text: as
// encoding/json writes its fields (plainSpec, the same fields and tags, no
// methods) when its level and direction are set, and, for drafts without
// them, as worked out by hand from the field order and omitempty tags.
func TestMetricSpec_MarshalJSON_bytes(t *testing.T) {
	type plainSpec MetricSpec
	for _, spec := range []MetricSpec{
		{ID: "aht", Name: "Average handle time", Level: Output, Direction: LowerIsBetter},
		{ID: "revenue", Name: "Revenue <booked> & billed", Level: BusinessOutcome, Direction: HigherIsBetter, Unit: "€",
			Kind: Revenue, Owner: "Sales\u2028team", Rewarded: true, Description: "line one\nline \"two\"\t\u00e9\U0001F600"},
		{ID: "joy", Name: "Joy", Level: CustomerOutcome, Direction: HigherIsBetter, Description: "\u2028\u2029 \x7f \x00"},
		{ID: " x ", Name: " ", Level: Task, Direction: LowerIsBetter, Kind: Cost}, // what NewMetric refuses, but valid UTF-8
	} {
		want, err := json.Marshal(plainSpec(spec))
		require.NoError(t, err)
		got, err := json.Marshal(spec)
		require.NoError(t, err, "%+v", spec)
		assert.Equal(t, string(want), string(got))
		var back MetricSpec
		require.NoError(t, json.Unmarshal(got, &back), "%s", got)
		assert.True(t, back.Equal(spec), "%+v != %+v", back, spec)
	}
	for _, tt := range []struct {
		spec MetricSpec
		want string
	}{
		{MetricSpec{}, `{"id":"","name":"","level":"","direction":""}`},
		{MetricSpec{Name: "Draft é", Unit: "%", Owner: "Ops", Kind: Service},
			`{"id":"","name":"Draft é","level":"","direction":"","unit":"%","kind":"service","owner":"Ops"}`},
		{MetricSpec{ID: "d", Direction: HigherIsBetter, Rewarded: true},
			`{"id":"d","name":"","level":"","direction":"higher-is-better","rewarded":true}`},
	} {
		got, err := json.Marshal(tt.spec)
		require.NoError(t, err, "%+v", tt.spec)
		assert.Equal(t, tt.want, string(got))
	}
}

// TestMetricSpec_MarshalJSON_refuses pins, by hand, what a spec whose JSON
// would not read back as it is reports: text that is not valid UTF-8
// (encoding/json would write U+FFFD, read back as other text) and enums
// that are no value of their type, every one, in NewMetric's order (ID,
// level, direction, kind, then name, unit, owner, description), with the
// spec's ID among each text problem's IDs.
func TestMetricSpec_MarshalJSON_refuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		spec MetricSpec
		want []codeMessage
		ids  [][]string
	}{
		{"a name", MetricSpec{ID: "aht", Name: "Average\xff", Level: Output, Direction: LowerIsBetter},
			[]codeMessage{{ErrInvalidText, `outcome: metric "aht" has a name that is not valid UTF-8: "Average\xff"`}},
			[][]string{{"aht"}}},
		{"a draft without an ID", MetricSpec{Description: "\xe2\x82"},
			[]codeMessage{{ErrInvalidText, `outcome: metric "" has a description that is not valid UTF-8: "\xe2\x82"`}},
			[][]string{nil}},
		{"an ID", MetricSpec{ID: "a\xff", Level: Task},
			[]codeMessage{{ErrInvalidID, `outcome: id "a\xff" is not valid UTF-8`}},
			[][]string{{"a\xff"}}},
		{"every problem, in order", MetricSpec{ID: "\xc0", Name: "n\xff", Level: 9, Direction: 7, Kind: 8,
			Unit: "s\xfe", Owner: "\xed\xa0\x80", Description: "ok"},
			[]codeMessage{
				{ErrInvalidID, `outcome: id "\xc0" is not valid UTF-8`},
				{ErrUnknownLevel, `outcome: cannot marshal invalid level 9`},
				{ErrUnknownDirection, `outcome: cannot marshal invalid direction 7`},
				{ErrUnknownKind, `outcome: cannot marshal invalid kind 8`},
				{ErrInvalidText, `outcome: metric "\xc0" has a name that is not valid UTF-8: "n\xff"`},
				{ErrInvalidText, `outcome: metric "\xc0" has a unit that is not valid UTF-8: "s\xfe"`},
				{ErrInvalidText, `outcome: metric "\xc0" has an owner that is not valid UTF-8: "\xed\xa0\x80"`},
			},
			[][]string{{"\xc0"}, nil, nil, nil, {"\xc0"}, {"\xc0"}, {"\xc0"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.spec.MarshalJSON()
			assert.Nil(t, data)
			assert.Equal(t, tt.want, codeMessages(err))
			var ids [][]string
			for _, p := range Problems(err) {
				ids = append(ids, p.IDs)
			}
			assert.Equal(t, tt.ids, ids)
			_, err = json.Marshal(tt.spec)
			assert.Equal(t, tt.want, codeMessages(err), "through encoding/json, which wraps the error")
			assert.ErrorIs(t, err, tt.want[0].code)
			_, err = json.Marshal(MustMetric(MetricSpec{ID: "m", Name: "M", Level: Task, Direction: LowerIsBetter}))
			assert.NoError(t, err, "a Metric's text is valid")
		})
	}
	// What NewMetric says of the same spec's text, in the same words.
	_, err := NewMetric(MetricSpec{ID: "aht", Name: "N", Level: Output, Direction: LowerIsBetter, Owner: "\xff"})
	assert.Equal(t, []codeMessage{{ErrInvalidText, `outcome: metric "aht" has an owner that is not valid UTF-8: "\xff"`}}, codeMessages(err))
}

// TestError_UnmarshalJSON pins what a problem read on its own reports, and
// that a problem the module made reads back from its JSON.
func TestError_UnmarshalJSON(t *testing.T) {
	made := NewError(ErrDuplicateID, []string{"aht"}, "outcome: duplicate metric id %q", "aht")
	made.Severity = SeverityWarning
	data, err := json.Marshal(made)
	require.NoError(t, err)
	var e Error
	require.NoError(t, json.Unmarshal(data, &e))
	assert.Equal(t, *made, e)
	require.NoError(t, json.Unmarshal([]byte(`{"code":"x","severity":"ERROR","message":"m"}`), &e), "ParseSeverity ignores case")
	assert.Equal(t, Error{Code: "x", Severity: SeverityError, Message: "m"}, e)

	const inv = ErrInvalidJSON
	for _, tt := range []struct {
		name, in string
		want     []codeMessage
	}{
		{"unknown key", `{"code":"x","severity":"error","cause":"io"}`, []codeMessage{{inv, `outcome: problem has an unknown field "cause"`}}},
		{"a key twice", `{"severity":"error","severity":"warning"}`, []codeMessage{{inv, `outcome: problem gives field "severity" twice`}}},
		{"wrong type", `{"severity":"error","ids":"aht"}`, []codeMessage{{inv, `outcome: problem: "ids" must be an array of strings, not the string "aht"`}}},
		{"severity names none", `{"code":"x","severity":"fatal"}`, []codeMessage{{ErrUnknownSeverity, `outcome: unknown severity "fatal"`}}},
		{"no severity", `{}`, []codeMessage{{ErrUnknownSeverity, `outcome: unknown severity ""`}}},
		{"all at once", `{"code":1,"severity":true,"ids":["a",7,null],"message":null,"Code":"y","x":0}`, []codeMessage{
			{inv, `outcome: problem: "code" must be a string, not the number 1`},
			{inv, `outcome: problem gives field "code" twice, as "code" and "Code"`},
			{inv, `outcome: problem: "severity" must be a string, not true`},
			{inv, `outcome: problem: "ids"[1] must be a string, not the number 7`},
			{inv, `outcome: problem: "ids"[2] must be a string, not null`},
			{inv, `outcome: problem: "message" must be a string, not null`},
			{inv, `outcome: problem has an unknown field "x"`},
		}},
		{"null", `null`, []codeMessage{{inv, `outcome: a problem cannot be null`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := Error{Code: "start", Severity: SeverityWarning, IDs: []string{"s"}, Message: "outcome: start", Err: ErrEmptyID}
			v := start
			err := json.Unmarshal([]byte(tt.in), &v)
			assert.Equal(t, tt.want, codeMessages(err))
			assert.Equal(t, start, v, "unchanged")
		})
	}
}
