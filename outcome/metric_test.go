package outcome_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/equaltest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// contactCentre is a contact centre's KPI portfolio, one metric per rung of
// the hierarchy and then some, as the method describes it (METHOD.md, section
// 1): calls handled and average handle time are outputs ("what we produce"),
// revenue and cost to serve are business outcomes ("a result of what we
// make"), and customers who get their problem solved at first contact is a
// successful customer outcome ("what we deliver for the Customer").
func contactCentre() []outcome.MetricSpec {
	return []outcome.MetricSpec{
		{ID: "wrap-up-time", Name: "Call wrap-up time", Level: outcome.Task, Direction: outcome.LowerIsBetter,
			Unit: "seconds"},
		{ID: "callbacks-made", Name: "Callbacks made", Level: outcome.Activity, Direction: outcome.HigherIsBetter,
			Unit: "calls"},
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter,
			Unit: "calls", Owner: "Contact centre operations", Rewarded: true},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter,
			Unit: "seconds", Owner: "Contact centre operations", Rewarded: true},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
			Unit: "EUR", Kind: outcome.Revenue, Owner: "Sales"},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter,
			Unit: "EUR per contact", Kind: outcome.Cost, Owner: "Finance"},
		{ID: "fcr", Name: "Problem solved at first contact", Level: outcome.CustomerOutcome,
			Direction: outcome.HigherIsBetter, Unit: "%", Owner: "Customer experience",
			Description: "Customers who get their problem solved at first contact."},
	}
}

func TestNewMetric(t *testing.T) {
	for _, spec := range contactCentre() {
		t.Run(spec.ID, func(t *testing.T) {
			m, err := outcome.NewMetric(spec)
			require.NoError(t, err)
			assert.Equal(t, spec.ID, m.ID())
			assert.Equal(t, spec.Name, m.Name())
			assert.Equal(t, spec.Level, m.Level())
			assert.Equal(t, spec.Direction, m.Direction())
			assert.Equal(t, spec.Unit, m.Unit())
			assert.Equal(t, spec.Kind, m.Kind())
			assert.Equal(t, spec.Owner, m.Owner())
			assert.Equal(t, spec.Rewarded, m.Rewarded())
			assert.Equal(t, spec.Description, m.Description())
			assert.Equal(t, spec, m.Spec())
			assert.Equal(t, spec.Level.IsOutcome(), m.IsOutcome())
			assert.False(t, m.IsZero())
			assert.True(t, m.Equal(m))

			// Spec round-trip: NewMetric(m.Spec()) is m again.
			again, err := outcome.NewMetric(m.Spec())
			require.NoError(t, err)
			assert.True(t, again.Equal(m))
		})
	}
}

func TestNewMetric_edgesAccepted(t *testing.T) {
	base := outcome.MetricSpec{ID: "aht", Name: "Average handle time", Level: outcome.Output,
		Direction: outcome.LowerIsBetter}
	tests := []struct {
		name string
		edit func(*outcome.MetricSpec)
	}{
		{"white space inside the ID", func(s *outcome.MetricSpec) { s.ID = "calls handled" }},
		{"non-ASCII ID", func(s *outcome.MetricSpec) { s.ID = "délai-de-réponse" }},
		{"ID of exactly MaxIDLen bytes", func(s *outcome.MetricSpec) { s.ID = strings.Repeat("x", outcome.MaxIDLen) }},
		{"one-character name", func(s *outcome.MetricSpec) { s.Name = "X" }},
		{"name with surrounding space", func(s *outcome.MetricSpec) { s.Name = " AHT " }},
		{"every free-text field empty but the name", func(s *outcome.MetricSpec) { s.Unit, s.Owner, s.Description = "", "", "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := base
			tt.edit(&spec)
			m, err := outcome.NewMetric(spec)
			require.NoError(t, err)
			assert.Equal(t, spec, m.Spec())
		})
	}
}

// metricProblemCases are specs NewMetric refuses, with every code it must
// report, in the order it checks them: the ID, the name, the level, the
// direction, the kind, then each free-text field.
var metricProblemCases = []struct {
	name string
	spec outcome.MetricSpec
	want []outcome.Code
}{
	{"zero spec: four problems at once", outcome.MetricSpec{},
		[]outcome.Code{outcome.ErrEmptyID, outcome.ErrEmptyName, outcome.ErrUnknownLevel, outcome.ErrUnknownDirection}},
	{"white-space ID", outcome.MetricSpec{ID: " \t", Name: "AHT", Level: outcome.Output, Direction: outcome.LowerIsBetter},
		[]outcome.Code{outcome.ErrEmptyID}},
	{"ID with surrounding space", outcome.MetricSpec{ID: "aht ", Name: "AHT", Level: outcome.Output, Direction: outcome.LowerIsBetter},
		[]outcome.Code{outcome.ErrInvalidID}},
	{"white-space name", outcome.MetricSpec{ID: "aht", Name: " \n", Level: outcome.Output, Direction: outcome.LowerIsBetter},
		[]outcome.Code{outcome.ErrEmptyName}},
	{"level out of range", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: 9, Direction: outcome.LowerIsBetter},
		[]outcome.Code{outcome.ErrUnknownLevel}},
	{"no direction", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: outcome.Output},
		[]outcome.Code{outcome.ErrUnknownDirection}},
	{"direction out of range", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: outcome.Output, Direction: 3},
		[]outcome.Code{outcome.ErrUnknownDirection}},
	{"business outcome without a kind", outcome.MetricSpec{ID: "revenue", Name: "Revenue",
		Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter},
		[]outcome.Code{outcome.ErrMissingKind}},
	{"output with a kind", outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled",
		Level: outcome.Output, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue},
		[]outcome.Code{outcome.ErrUnexpectedKind}},
	{"customer outcome with a kind", outcome.MetricSpec{ID: "fcr", Name: "Solved at first contact",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Service},
		[]outcome.Code{outcome.ErrUnexpectedKind}},
	{"task with a kind", outcome.MetricSpec{ID: "wrap-up", Name: "Wrap-up time",
		Level: outcome.Task, Direction: outcome.LowerIsBetter, Kind: outcome.Cost},
		[]outcome.Code{outcome.ErrUnexpectedKind}},
	{"kind out of range on an output", outcome.MetricSpec{ID: "aht", Name: "AHT",
		Level: outcome.Output, Direction: outcome.LowerIsBetter, Kind: 7},
		[]outcome.Code{outcome.ErrUnknownKind}},
	// An invalid kind is reported once, not also as missing.
	{"kind out of range on a business outcome", outcome.MetricSpec{ID: "revenue", Name: "Revenue",
		Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: 7},
		[]outcome.Code{outcome.ErrUnknownKind}},
	// Without a valid level, nothing can be said about the kind.
	{"kind on an unknown level", outcome.MetricSpec{ID: "x", Name: "X", Direction: outcome.HigherIsBetter, Kind: outcome.Revenue},
		[]outcome.Code{outcome.ErrUnknownLevel}},
	{"name not UTF-8", outcome.MetricSpec{ID: "aht", Name: "Average handle time\xff", Level: outcome.Output,
		Direction: outcome.LowerIsBetter},
		[]outcome.Code{outcome.ErrInvalidText}},
	{"every free-text field not UTF-8", outcome.MetricSpec{ID: "aht", Name: "\xff", Level: outcome.Output,
		Direction: outcome.LowerIsBetter, Unit: "\xfe", Owner: "\xc3", Description: "\x80"},
		[]outcome.Code{outcome.ErrInvalidText, outcome.ErrInvalidText, outcome.ErrInvalidText, outcome.ErrInvalidText}},
	{"everything wrong that can be", outcome.MetricSpec{ID: "\x00", Name: "", Level: outcome.BusinessOutcome,
		Direction: 0, Unit: "\xff"},
		[]outcome.Code{outcome.ErrInvalidID, outcome.ErrEmptyName, outcome.ErrUnknownDirection, outcome.ErrMissingKind,
			outcome.ErrInvalidText}},
}

// problemCodes returns the codes of the problems in err, in order.
func problemCodes(err error) []outcome.Code {
	var codes []outcome.Code
	for _, p := range outcome.Problems(err) {
		codes = append(codes, p.Code)
	}
	return codes
}

func TestNewMetric_problems(t *testing.T) {
	for _, tt := range metricProblemCases {
		t.Run(tt.name, func(t *testing.T) {
			m, err := outcome.NewMetric(tt.spec)
			require.Error(t, err)
			assert.True(t, m.IsZero(), "no half-built metric on error")
			assert.Equal(t, tt.want, problemCodes(err))
			for _, code := range tt.want {
				assert.ErrorIs(t, err, code)
			}
			for _, p := range outcome.Problems(err) {
				assert.Equal(t, outcome.SeverityError, p.Severity)
				if tt.spec.ID == "" || p.Code == outcome.ErrEmptyID {
					assert.Empty(t, p.IDs, "an empty ID names nothing")
				} else {
					assert.Equal(t, []string{tt.spec.ID}, p.IDs)
				}
				assert.True(t, strings.HasPrefix(p.Message, "outcome: "), p.Message)
			}
		})
	}
}

func TestNewMetric_messages(t *testing.T) {
	// One exact message per kind of problem NewMetric reports itself (the ID's
	// are pinned in TestValidateID).
	tests := []struct {
		name string
		spec outcome.MetricSpec
		want string
	}{
		{"empty name", outcome.MetricSpec{ID: "aht", Level: outcome.Output, Direction: outcome.LowerIsBetter},
			`outcome: metric "aht" has no name`},
		{"unknown level", outcome.MetricSpec{ID: "aht", Name: "AHT", Direction: outcome.LowerIsBetter},
			`outcome: metric "aht" has no valid level`},
		{"unknown direction", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: outcome.Output},
			`outcome: metric "aht" has no valid direction`},
		{"unknown kind", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: outcome.Output,
			Direction: outcome.LowerIsBetter, Kind: 7},
			`outcome: metric "aht" has an invalid kind 7`},
		{"missing kind", outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter},
			`outcome: business-outcome metric "revenue" has no kind (revenue, cost, service or compliance)`},
		{"unexpected kind", outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output,
			Direction: outcome.HigherIsBetter, Kind: outcome.Revenue},
			`outcome: metric "calls-handled" has kind revenue, but only a business outcome has a kind (its level is Output)`},
		{"invalid text", outcome.MetricSpec{ID: "aht", Name: "AHT", Level: outcome.Output,
			Direction: outcome.LowerIsBetter, Unit: "sec\xffonds"},
			`outcome: metric "aht" has a unit that is not valid UTF-8: "sec\xffonds"`},
		// A long ID is quoted clipped: 64 bytes and a mark.
		{"long ID clipped", outcome.MetricSpec{ID: strings.Repeat("k", 100), Level: outcome.Output,
			Direction: outcome.LowerIsBetter},
			`outcome: metric "` + strings.Repeat("k", 64) + `..." has no name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := outcome.NewMetric(tt.spec)
			assert.EqualError(t, err, tt.want)
		})
	}

	t.Run("every problem, one per line", func(t *testing.T) {
		_, err := outcome.NewMetric(outcome.MetricSpec{})
		assert.EqualError(t, err, "outcome: empty id\n"+
			"outcome: metric \"\" has no name\n"+
			"outcome: metric \"\" has no valid level\n"+
			"outcome: metric \"\" has no valid direction")
	})
}

func TestNewMetric_problemsDoNotShareIDs(t *testing.T) {
	_, err := outcome.NewMetric(outcome.MetricSpec{ID: "aht"})
	problems := outcome.Problems(err)
	require.Len(t, problems, 3) // no name, no level, no direction
	problems[0].IDs[0] = "changed"
	assert.Equal(t, []string{"aht"}, problems[1].IDs, "each problem owns its IDs")
}

func TestValidateID(t *testing.T) {
	tests := []struct {
		name    string
		id      string
		wantErr outcome.Code // "" for a valid ID
		wantMsg string
	}{
		{name: "simple", id: "aht"},
		{name: "inner space", id: "calls handled"},
		{name: "one byte", id: "x"},
		{name: "non-ASCII", id: "délai-de-réponse"},
		{name: "inner no-break space", id: "a\u00a0b"},
		{name: "MaxIDLen bytes", id: strings.Repeat("x", outcome.MaxIDLen)},
		{name: "empty", id: "", wantErr: outcome.ErrEmptyID, wantMsg: `outcome: empty id`},
		{name: "spaces only", id: "   ", wantErr: outcome.ErrEmptyID},
		{name: "tab and newline only", id: "\t\n", wantErr: outcome.ErrEmptyID},
		{name: "leading space", id: " aht", wantErr: outcome.ErrInvalidID,
			wantMsg: `outcome: id " aht" has surrounding white space`},
		{name: "trailing newline", id: "aht\n", wantErr: outcome.ErrInvalidID},
		{name: "leading no-break space", id: "\u00a0aht", wantErr: outcome.ErrInvalidID},
		{name: "NUL inside", id: "a\x00ht", wantErr: outcome.ErrInvalidID,
			wantMsg: `outcome: id "a\x00ht" has a control character`},
		{name: "tab inside", id: "a\tht", wantErr: outcome.ErrInvalidID},
		{name: "C1 control inside", id: "a\u0085ht", wantErr: outcome.ErrInvalidID},
		{name: "DEL inside", id: "a\x7fht", wantErr: outcome.ErrInvalidID},
		{name: "invalid UTF-8", id: "aht\xff", wantErr: outcome.ErrInvalidID,
			wantMsg: `outcome: id "aht\xff" is not valid UTF-8`},
		{name: "MaxIDLen+1 bytes", id: strings.Repeat("x", outcome.MaxIDLen+1), wantErr: outcome.ErrInvalidID,
			wantMsg: `outcome: id "` + strings.Repeat("x", 64) + `..." is longer than 256 bytes`},
		// 129 "é" are 258 bytes: the limit counts bytes, not characters.
		{name: "129 two-byte runes", id: strings.Repeat("é", 129), wantErr: outcome.ErrInvalidID},
		// Invalid UTF-8 is reported before length.
		{name: "long and not UTF-8", id: strings.Repeat("\xff", 300), wantErr: outcome.ErrInvalidID,
			wantMsg: `outcome: id "` + strings.Repeat(`\xff`, 64) + `..." is not valid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := outcome.ValidateID(tt.id)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.wantErr)
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.wantErr, e.Code)
			if tt.wantErr == outcome.ErrEmptyID {
				assert.Empty(t, e.IDs)
			} else {
				assert.Equal(t, []string{tt.id}, e.IDs)
			}
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
		})
	}
}

func TestMetric_Equal(t *testing.T) {
	base := contactCentre()[3] // aht
	m := outcome.MustMetric(base)
	tests := []struct {
		name string
		edit func(*outcome.MetricSpec)
	}{
		{"id", func(s *outcome.MetricSpec) { s.ID = "aht-2" }},
		{"name", func(s *outcome.MetricSpec) { s.Name = "AHT" }},
		{"level", func(s *outcome.MetricSpec) { s.Level = outcome.Activity }},
		{"direction", func(s *outcome.MetricSpec) { s.Direction = outcome.HigherIsBetter }},
		{"unit", func(s *outcome.MetricSpec) { s.Unit = "minutes" }},
		{"kind", func(s *outcome.MetricSpec) { s.Level, s.Kind = outcome.BusinessOutcome, outcome.Cost }},
		{"owner", func(s *outcome.MetricSpec) { s.Owner = "Workforce management" }},
		{"rewarded", func(s *outcome.MetricSpec) { s.Rewarded = false }},
		{"description", func(s *outcome.MetricSpec) { s.Description = "Talk plus hold plus wrap-up." }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := base
			tt.edit(&spec)
			other := outcome.MustMetric(spec)
			assert.False(t, m.Equal(other))
			assert.False(t, other.Equal(m))
		})
	}
	assert.True(t, m.Equal(outcome.MustMetric(base)), "same definition")
	assert.True(t, outcome.Metric{}.Equal(outcome.Metric{}))
	assert.False(t, m.Equal(outcome.Metric{}))
}

func TestMetric_IsZero(t *testing.T) {
	var zero outcome.Metric
	assert.True(t, zero.IsZero())
	assert.Equal(t, outcome.MetricSpec{}, zero.Spec())
	assert.False(t, zero.Level().IsValid(), "the zero Metric is not a valid definition")
	assert.False(t, outcome.MustMetric(contactCentre()[0]).IsZero())
}

func TestMustMetric(t *testing.T) {
	spec := contactCentre()[2]
	m, err := outcome.NewMetric(spec)
	require.NoError(t, err)
	assert.True(t, outcome.MustMetric(spec).Equal(m))

	defer func() {
		r := recover()
		require.NotNil(t, r, "MustMetric must panic on an invalid spec")
		err, ok := r.(error)
		require.True(t, ok, "it panics with the error: %v", r)
		assert.True(t, errors.Is(err, outcome.ErrEmptyName))
		assert.True(t, errors.Is(err, outcome.ErrMissingKind))
	}()
	outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter})
}

// specJSON writes spec as a person would write it in JSON: the level,
// direction and kind as their tokens; a zero value left out; and a value that
// is not valid (which JSON cannot carry) as text that names nothing.
func specJSON(t testing.TB, spec outcome.MetricSpec) []byte {
	obj := map[string]any{"id": spec.ID, "name": spec.Name, "unit": spec.Unit, "owner": spec.Owner,
		"rewarded": spec.Rewarded, "description": spec.Description}
	put := func(key string, zero bool, m interface{ MarshalText() ([]byte, error) }) {
		if zero {
			return
		}
		text, err := m.MarshalText()
		if err != nil {
			obj[key] = "no-such-" + key
			return
		}
		obj[key] = string(text)
	}
	put("level", spec.Level.IsZero(), spec.Level)
	put("direction", spec.Direction.IsZero(), spec.Direction)
	put("kind", spec.Kind.IsZero(), spec.Kind)
	data, err := json.Marshal(obj)
	require.NoError(t, err)
	return data
}

func TestMetric_UnmarshalJSON_validatesAsNewMetric(t *testing.T) {
	// Property: the same definition, given to NewMetric or written as JSON,
	// gets the same problems, with the same codes in the same order, and the
	// same IDs. (Free text that is not UTF-8 cannot be written as JSON, so
	// those cases are left out.)
	for _, tt := range metricProblemCases {
		if slices.Contains(tt.want, outcome.ErrInvalidText) {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			_, want := outcome.NewMetric(tt.spec)
			var m outcome.Metric
			got := json.Unmarshal(specJSON(t, tt.spec), &m)
			require.Error(t, got)
			assert.Equal(t, problemCodes(want), problemCodes(got))
			wantProblems, gotProblems := outcome.Problems(want), outcome.Problems(got)
			require.Len(t, gotProblems, len(wantProblems))
			for i := range wantProblems {
				assert.Equal(t, wantProblems[i].IDs, gotProblems[i].IDs)
			}
		})
	}
	for _, spec := range contactCentre() {
		t.Run("valid "+spec.ID, func(t *testing.T) {
			var m outcome.Metric
			require.NoError(t, json.Unmarshal(specJSON(t, spec), &m))
			assert.True(t, m.Equal(outcome.MustMetric(spec)))
		})
	}
}

// TestMetricSpec_Equal checks that Equal compares every field. A spec has
// no decimal, so reflect.DeepEqual agrees with it.
func TestMetricSpec_Equal(t *testing.T) {
	base := outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
		Unit: "EUR", Kind: outcome.Revenue, Owner: "Sales", Rewarded: true, Description: "Booked revenue"}
	same := outcome.MetricSpec{Description: "Booked revenue", Rewarded: true, Owner: "Sales", Kind: outcome.Revenue, Unit: "EUR",
		Direction: outcome.HigherIsBetter, Level: outcome.BusinessOutcome, Name: "Revenue", ID: "revenue"}
	with := func(f func(*outcome.MetricSpec)) outcome.MetricSpec {
		s := base
		f(&s)
		return s
	}
	equaltest.Check(t, equaltest.Case[outcome.MetricSpec]{Equal: outcome.MetricSpec.Equal, Base: func() outcome.MetricSpec { return base },
		Twins: []equaltest.Twins[outcome.MetricSpec]{{Name: "built apart", A: base, B: same, DeepDiffers: false}},
		Changes: []equaltest.Change[outcome.MetricSpec]{
			{Field: "ID", What: `s.ID = "Revenue"`, Apply: func(s *outcome.MetricSpec) { s.ID = "Revenue" }},
			{Field: "Name", What: `s.Name = "Revenue "`, Apply: func(s *outcome.MetricSpec) { s.Name = "Revenue " }},
			{Field: "Level", What: `s.Level = outcome.CustomerOutcome`, Apply: func(s *outcome.MetricSpec) { s.Level = outcome.CustomerOutcome }},
			{Field: "Direction", What: `s.Direction = outcome.LowerIsBetter`, Apply: func(s *outcome.MetricSpec) { s.Direction = outcome.LowerIsBetter }},
			{Field: "Unit", What: `s.Unit = "USD"`, Apply: func(s *outcome.MetricSpec) { s.Unit = "USD" }},
			{Field: "Kind", What: `s.Kind = outcome.Cost`, Apply: func(s *outcome.MetricSpec) { s.Kind = outcome.Cost }},
			{Field: "Owner", What: `s.Owner = ""`, Apply: func(s *outcome.MetricSpec) { s.Owner = "" }},
			{Field: "Rewarded", What: `s.Rewarded = false`, Apply: func(s *outcome.MetricSpec) { s.Rewarded = false }},
			{Field: "Description", What: `s.Description = "booked revenue"`, Apply: func(s *outcome.MetricSpec) { s.Description = "booked revenue" }},
		}})
	// A metric compares its spec as the spec does.
	m, err := outcome.NewMetric(base)
	require.NoError(t, err)
	assert.True(t, m.Equal(outcome.MustMetric(same)))
	for _, s := range []outcome.MetricSpec{with(func(s *outcome.MetricSpec) { s.Owner = "" }), with(func(s *outcome.MetricSpec) { s.Kind = outcome.Cost })} {
		assert.False(t, m.Equal(outcome.MustMetric(s)), "%+v", s)
	}

	// Stored as JSON and read back, it is Equal to the one written.
	data, err := json.Marshal(base)
	require.NoError(t, err)
	var back outcome.MetricSpec
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(base), "%s", data)
}
