package northstar

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// The canvas's parts as encoding/json wrote them before they refused text
// that is not valid UTF-8: types of the test with the same fields and tags,
// and no methods, but for the indicator, whose importance was a decimal
// string (Indicator.MarshalJSON).
type (
	oldNeed struct {
		ID        string `json:"id"`
		Statement string `json:"statement"`
		Measure   string `json:"measure,omitempty"`
		Target    string `json:"target,omitempty"`
		TimeBound string `json:"timeBound,omitempty"`
	}
	oldIndicator struct {
		Metric     string `json:"metric"`
		Importance string `json:"importance"`
	}
	oldOutcome struct {
		ID          string         `json:"id"`
		Name        string         `json:"name"`
		Description string         `json:"description,omitempty"`
		Indicators  []oldIndicator `json:"metrics"`
	}
	oldCanvasSpec struct {
		Category    string       `json:"category"`
		Name        string       `json:"name"`
		Description string       `json:"description,omitempty"`
		Weight      string       `json:"weight"`
		Needs       []oldNeed    `json:"needs"`
		Outcomes    []oldOutcome `json:"outcomes"`
	}
)

// TestCanvasParts_MarshalJSON_bytes: a need, an outcome, an indicator and a
// canvas spec whose text is valid UTF-8 are written byte for byte as
// encoding/json wrote them before (through oldCanvasSpec and its parts),
// HTML characters and U+2028 escaped as it escapes them, empty fields left
// out and empty lists written []; and read back Equal. One need's JSON is
// worked out by hand.
func TestCanvasParts_MarshalJSON_bytes(t *testing.T) {
	need := Need{ID: "home", Statement: "a place <like> home & more\u2028", TimeBound: "2026"}
	got, err := json.Marshal(need)
	require.NoError(t, err)
	// By hand: measure and target left out; <, >, & and U+2028 escaped.
	assert.Equal(t, `{"id":"home","statement":"a place \u003clike\u003e home \u0026 more\u2028","timeBound":"2026"}`, string(got))

	spec := CanvasSpec{Category: "guests", Name: "Guests <business>", Description: "d & e", Weight: dec("0.60"),
		Needs: []Need{need, {ID: "quiet", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}, {}},
		Outcomes: []SuccessfulOutcome{
			{ID: "stay", Name: "a stay", Description: "é", Indicators: []Indicator{{Metric: "nights-booked", Importance: dec("3")}, {Metric: "fcr"}}},
			{ID: "empty"},
		}}
	old := oldCanvas(spec)
	assert.Equal(t, "0.6", old.Weight)
	for i, n := range spec.Needs {
		checkSameBytes(t, n, old.Needs[i])
	}
	for i, o := range spec.Outcomes {
		checkSameBytes(t, o, old.Outcomes[i])
		for j, ind := range o.Indicators {
			checkSameBytes(t, ind, old.Outcomes[i].Indicators[j])
		}
	}
	checkSameBytes(t, spec, old)

	out, err := json.Marshal(spec)
	require.NoError(t, err)
	var back CanvasSpec
	require.NoError(t, back.UnmarshalJSON(out))
	assert.True(t, spec.Equal(back), "%s", out)
}

// oldCanvas returns spec in its old form, oldCanvasSpec, each decimal as
// its String writes it, empty lists as [], so that encoding/json writes it
// as it wrote spec before, unchecked.
func oldCanvas(spec CanvasSpec) oldCanvasSpec {
	old := oldCanvasSpec{Category: spec.Category, Name: spec.Name, Description: spec.Description,
		Weight: spec.Weight.String(), Needs: []oldNeed{}, Outcomes: []oldOutcome{}}
	for _, n := range spec.Needs {
		old.Needs = append(old.Needs, oldNeed(n))
	}
	for _, o := range spec.Outcomes {
		old.Outcomes = append(old.Outcomes, oldOutcomeOf(o))
	}
	return old
}

// oldOutcomeOf returns o in its old form, oldOutcome, as [oldCanvas] does.
func oldOutcomeOf(o SuccessfulOutcome) oldOutcome {
	old := oldOutcome{ID: o.ID, Name: o.Name, Description: o.Description, Indicators: []oldIndicator{}}
	for _, ind := range o.Indicators {
		old.Indicators = append(old.Indicators, oldIndicator{ind.Metric, ind.Importance.String()})
	}
	return old
}

// checkSameBytes checks that v marshals, as old does, to the same bytes.
func checkSameBytes(t *testing.T, v, old any) {
	t.Helper()
	got, err := json.Marshal(v)
	require.NoError(t, err)
	want, err := json.Marshal(old)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// TestCanvasParts_MarshalJSON_refuses: a need, an outcome, an indicator and
// a canvas spec with text that is not valid UTF-8 do not marshal (encoding/json
// would write each bad byte as U+FFFD, to read back as other text): each such
// text is an ErrInvalidText, in the order of the fields, with the IDs and in
// the words of NewCanvas (worked out by hand from its format, "<where> has a
// <field> that is not valid UTF-8: <text>", and "<where> has an id that is
// not valid UTF-8" for an ID, which where already quotes). encoding/json's
// error, around the part's, still reaches the codes. The same text valid
// marshals, and a draft (no statement, no metric) marshals too.
func TestCanvasParts_MarshalJSON_refuses(t *testing.T) {
	const txt = outcome.ErrInvalidText
	tests := []struct {
		name string
		v    any
		want []formProblem
	}{
		{"need", Need{ID: "home", Statement: "caf\xe9", Measure: "ok", Target: "\xff", TimeBound: "b\xc3"}, []formProblem{
			{txt, []string{"home"}, `northstar: need "home" has a statement that is not valid UTF-8: "caf\xe9"`},
			{txt, []string{"home"}, `northstar: need "home" has a target that is not valid UTF-8: "\xff"`},
			{txt, []string{"home"}, `northstar: need "home" has a time bound that is not valid UTF-8: "b\xc3"`},
		}},
		{"need without an id", Need{Measure: "\xfe"}, []formProblem{
			{txt, nil, `northstar: a need has a measure that is not valid UTF-8: "\xfe"`},
		}},
		{"need's time bound", Need{ID: "home", TimeBound: "\xff"}, []formProblem{
			{txt, []string{"home"}, `northstar: need "home" has a time bound that is not valid UTF-8: "\xff"`},
		}},
		{"need id", Need{ID: "h\xff", Statement: "s"}, []formProblem{
			{txt, []string{"h\xff"}, `northstar: need "h\xff" has an id that is not valid UTF-8`},
		}},
		{"outcome", SuccessfulOutcome{ID: "s\xff", Name: "caf\xe9", Description: "ok",
			Indicators: []Indicator{{Metric: "fcr"}, {Metric: "m\xff"}, {Metric: "\x80"}}}, []formProblem{
			{txt, []string{"s\xff"}, `northstar: outcome "s\xff" has an id that is not valid UTF-8`},
			{txt, []string{"s\xff"}, `northstar: outcome "s\xff" has a name that is not valid UTF-8: "caf\xe9"`},
			{txt, []string{"s\xff", "m\xff"}, `northstar: outcome "s\xff" has a metric id that is not valid UTF-8: "m\xff"`},
			{txt, []string{"s\xff", "\x80"}, `northstar: outcome "s\xff" has a metric id that is not valid UTF-8: "\x80"`},
		}},
		{"outcome's metric", SuccessfulOutcome{ID: "stay", Name: "n", Indicators: []Indicator{{Metric: "m\xff"}}}, []formProblem{
			{txt, []string{"stay", "m\xff"}, `northstar: outcome "stay" has a metric id that is not valid UTF-8: "m\xff"`},
		}},
		{"outcome's metric listed again", SuccessfulOutcome{ID: "stay", Name: "n",
			Indicators: []Indicator{{Metric: "m\xff"}, {Metric: "\x80"}, {Metric: "m\xff"}, {Metric: "fcr"}, {Metric: "\x80"}, {Metric: "m\xff"}}}, []formProblem{
			{txt, []string{"stay", "m\xff"}, `northstar: outcome "stay" has a metric id that is not valid UTF-8: "m\xff"`},
			{txt, []string{"stay", "\x80"}, `northstar: outcome "stay" has a metric id that is not valid UTF-8: "\x80"`},
		}},
		{"outcome without an id", SuccessfulOutcome{Description: "\xff"}, []formProblem{
			{txt, nil, `northstar: an outcome has a description that is not valid UTF-8: "\xff"`},
		}},
		{"indicator", Indicator{Metric: "m\xff", Importance: dec("1")}, []formProblem{
			{txt, []string{"m\xff"}, `northstar: metric "m\xff" has an id that is not valid UTF-8`},
		}},
		{"canvas spec", CanvasSpec{Category: "g\xff", Name: "Guests", Description: "\xff",
			Needs:    []Need{{ID: "ok", Statement: "s"}, {ID: "home", Statement: "s", Measure: "\xff"}},
			Outcomes: []SuccessfulOutcome{{ID: "stay", Name: "n\xff", Indicators: []Indicator{{Metric: "m\xff"}}}}}, []formProblem{
			{txt, []string{"g\xff"}, `northstar: canvas "g\xff" has an id that is not valid UTF-8`},
			{txt, []string{"g\xff"}, `northstar: canvas "g\xff" has a description that is not valid UTF-8: "\xff"`},
			{txt, []string{"g\xff", "home"}, `northstar: canvas "g\xff": need "home" has a measure that is not valid UTF-8: "\xff"`},
			{txt, []string{"g\xff", "stay"}, `northstar: canvas "g\xff": outcome "stay" has a name that is not valid UTF-8: "n\xff"`},
			{txt, []string{"g\xff", "stay", "m\xff"}, `northstar: canvas "g\xff": outcome "stay" has a metric id that is not valid UTF-8: "m\xff"`},
		}},
		// A need's or an outcome's ID is said once, at the first of that
		// ID; its other texts in each; a metric's ID once in each outcome.
		{"canvas spec's IDs listed again", CanvasSpec{Category: "g", Name: "Guests",
			Needs: []Need{{ID: "h\xff", Statement: "s"}, {ID: "ok", Statement: "s"}, {ID: "h\xff", Statement: "\xfe"}, {ID: "h\xff"}},
			Outcomes: []SuccessfulOutcome{{ID: "s\xff", Name: "n", Indicators: []Indicator{{Metric: "m\xff"}, {Metric: "m\xff"}}},
				{ID: "s\xff", Name: "p", Indicators: []Indicator{{Metric: "m\xff"}}},
				{ID: "h\xff", Name: "q"}}}, []formProblem{
			{txt, []string{"g", "h\xff"}, `northstar: canvas "g": need "h\xff" has an id that is not valid UTF-8`},
			{txt, []string{"g", "h\xff"}, `northstar: canvas "g": need "h\xff" has a statement that is not valid UTF-8: "\xfe"`},
			{txt, []string{"g", "s\xff"}, `northstar: canvas "g": outcome "s\xff" has an id that is not valid UTF-8`},
			{txt, []string{"g", "s\xff", "m\xff"}, `northstar: canvas "g": outcome "s\xff" has a metric id that is not valid UTF-8: "m\xff"`},
			{txt, []string{"g", "s\xff", "m\xff"}, `northstar: canvas "g": outcome "s\xff" has a metric id that is not valid UTF-8: "m\xff"`},
			{txt, []string{"g", "h\xff"}, `northstar: canvas "g": outcome "h\xff" has an id that is not valid UTF-8`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := tt.v.(json.Marshaler)
			require.True(t, ok)
			b, err := m.MarshalJSON()
			assert.Nil(t, b)
			assert.Equal(t, tt.want, formProblems(err))
			_, err = json.Marshal(tt.v)
			var me *json.MarshalerError
			require.ErrorAs(t, err, &me)
			assert.ErrorIs(t, err, outcome.ErrInvalidText)
		})
	}

	// The canvas's problems of free text are NewCanvas's, in its words and
	// order, and with its IDs.
	spec := CanvasSpec{Category: "guests", Name: "caf\xe9", Weight: dec("1"),
		Needs:    []Need{{ID: "home", Statement: "s", Measure: "m", Target: "\xff", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{{ID: "stay", Name: "n", Description: "\xfe", Indicators: []Indicator{{Metric: "fcr", Importance: dec("1")}}}}}
	_, newErr := NewCanvas(spec)
	_, marshalErr := spec.MarshalJSON()
	require.Len(t, formProblems(marshalErr), 3)
	assert.Equal(t, formProblems(newErr), formProblems(marshalErr))

	// A draft whose text is valid marshals.
	for _, v := range []any{Need{}, SuccessfulOutcome{}, Indicator{}, CanvasSpec{}, Need{ID: "é", Statement: "\u00e9"}} {
		_, err := json.Marshal(v)
		assert.NoError(t, err, "%#v", v)
	}
}

// TestTextValid: needTextValid and outcomeTextValid, the fast paths that
// build no words, say a part is valid exactly when needTextErrors and
// outcomeTextErrors find nothing, field by field (each text alone not
// valid UTF-8 is one problem), and allocate nothing on valid text.
func TestTextValid(t *testing.T) {
	need := func(k int) Need {
		f := [5]string{"home", "s", "m", "t", "b"}
		if k >= 0 {
			f[k] = "\xff"
		}
		return Need{ID: f[0], Statement: f[1], Measure: f[2], Target: f[3], TimeBound: f[4]}
	}
	outcomeOf := func(k int) SuccessfulOutcome {
		f := [4]string{"stay", "n", "d", "fcr"}
		if k >= 0 {
			f[k] = "\xff"
		}
		return SuccessfulOutcome{ID: f[0], Name: f[1], Description: f[2], Indicators: []Indicator{{Metric: "nps"}, {Metric: f[3]}}}
	}
	for k := -1; k < 5; k++ {
		n := need(k)
		errs := needTextErrors(nil, nil, "need", n, false)
		assert.Equal(t, k < 0, needTextValid(n), "field %d", k)
		assert.Len(t, errs, min(k+1, 1), "field %d", k)
	}
	for k := -1; k < 4; k++ {
		o := outcomeOf(k)
		errs := outcomeTextErrors(nil, nil, "outcome", o, false)
		assert.Equal(t, k < 0, outcomeTextValid(o), "field %d", k)
		assert.Len(t, errs, min(k+1, 1), "field %d", k)
	}
	n, o, spec := need(-1), outcomeOf(-1), guestsSpec()
	var ok bool
	assert.Zero(t, testing.AllocsPerRun(100, func() { ok = needTextValid(n) && outcomeTextValid(o) }))
	assert.True(t, ok)
	assert.Zero(t, testing.AllocsPerRun(100, func() { ok = canvasTextErrors(spec) == nil }))
	assert.True(t, ok)
}
