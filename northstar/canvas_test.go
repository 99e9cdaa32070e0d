package northstar

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// guestsSpec is a marketplace's canvas for guests: two outcomes, three
// metrics, nights-booked showing both outcomes.
func guestsSpec() CanvasSpec {
	return CanvasSpec{
		Category: "guests",
		Name:     "Guests who want a place that feels like home",
		Weight:   dec("0.6"),
		Needs: []Need{
			{ID: "home", Statement: "a place that feels like home", Measure: "stays rated 4 or more",
				Target: "95%", TimeBound: "by the end of 2026"},
			{ID: "easy", Statement: "booking is easy"},
		},
		Outcomes: []SuccessfulOutcome{
			{ID: "stay", Name: "a stay that feels like home", Indicators: []Indicator{
				{Metric: "nights-booked", Importance: dec("3")},
				{Metric: "review-score", Importance: dec("1")},
			}},
			{ID: "return", Name: "they come back", Indicators: []Indicator{
				{Metric: "nights-booked", Importance: dec("1")},
				{Metric: "repeat-guests", Importance: dec("3")},
			}},
		},
	}
}

func TestNewCanvas(t *testing.T) {
	c, err := NewCanvas(guestsSpec())
	require.NoError(t, err)
	assert.Equal(t, "guests", c.Category())
	assert.Equal(t, "Guests who want a place that feels like home", c.Name())
	assert.Equal(t, "", c.Description())
	assert.True(t, dec("0.6").Equal(c.Weight()))
	assert.Len(t, c.Needs(), 2)
	assert.Len(t, c.Outcomes(), 2)
	assert.False(t, c.IsZero())

	// Importances sum to 3+1+1+3 = 8. nights-booked shows both outcomes:
	// 3+1 = 4, a share of 4/8 = 0.5; review-score 1/8 = 0.125;
	// repeat-guests 3/8 = 0.375.
	var ids []string
	var imps []decimal.Decimal
	for id, imp := range c.Metrics() {
		ids = append(ids, id)
		imps = append(imps, imp)
	}
	assert.Equal(t, []string{"nights-booked", "review-score", "repeat-guests"}, ids)
	for i, want := range []string{"4", "1", "3"} {
		assert.True(t, dec(want).Equal(imps[i]), "%s: %s", ids[i], imps[i])
	}
	imp, ok := c.Importance("nights-booked")
	assert.True(t, ok)
	assert.True(t, dec("4").Equal(imp))
	_, ok = c.Importance("listings-created")
	assert.False(t, ok)
	assert.Equal(t, 0.5, c.Share("nights-booked"))
	assert.Equal(t, 0.125, c.Share("review-score"))
	assert.Equal(t, 0.375, c.Share("repeat-guests"))
	assert.Equal(t, 0.0, c.Share("listings-created"))

	// Stopping the iterator early is honoured.
	n := 0
	for range c.Metrics() {
		n++
		break
	}
	assert.Equal(t, 1, n)

	// The need "easy" has no measure, target or time bound: not SMART, a
	// warning, not an error.
	require.Len(t, c.NonSMART(), 1)
	assert.Equal(t, "easy", c.NonSMART()[0].ID)
	warns := c.Warnings()
	require.Len(t, warns, 1)
	assert.ErrorIs(t, warns[0], ErrNeedNotSMART)
	assert.Equal(t, outcome.SeverityWarning, warns[0].Severity)
	assert.Equal(t, []string{"guests", "easy"}, warns[0].IDs)
	assert.Equal(t, `northstar: canvas "guests": need "easy" is not SMART: it has no measure, no target, no time bound`, warns[0].Message)
}

func TestNeedMissing(t *testing.T) {
	tests := []struct {
		name string
		need Need
		want []string
	}{
		{"smart", Need{Measure: "m", Target: "t", TimeBound: "b"}, nil},
		{"no measure", Need{Target: "t", TimeBound: "b"}, []string{"measure"}},
		{"no target", Need{Measure: "m", TimeBound: "b"}, []string{"target"}},
		{"blank time bound", Need{Measure: "m", Target: "t", TimeBound: "  "}, []string{"time bound"}},
		{"nothing", Need{}, []string{"measure", "target", "time bound"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.need.Missing())
			assert.Equal(t, tt.want == nil, tt.need.IsSMART())
		})
	}
}

func TestNewCanvasZeroWeightWarns(t *testing.T) {
	spec := guestsSpec()
	spec.Weight = decimal.Zero
	spec.Needs = spec.Needs[:1]
	c, err := NewCanvas(spec)
	require.NoError(t, err)
	warns := c.Warnings()
	require.Len(t, warns, 1)
	assert.ErrorIs(t, warns[0], ErrZeroCategoryWeight)
	assert.Equal(t, `northstar: canvas "guests" has weight zero, so it counts for nothing`, warns[0].Message)
	assert.Nil(t, c.NonSMART())
}

func TestNewCanvasErrors(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*CanvasSpec)
		want   []outcome.Code
		ids    []string // of the first problem
		prefix string   // of the first problem's message
	}{
		{"empty category", func(s *CanvasSpec) { s.Category = "" },
			[]outcome.Code{outcome.ErrEmptyID}, []string{""}, `northstar: canvas id: empty id`},
		{"padded category", func(s *CanvasSpec) { s.Category = " guests" },
			[]outcome.Code{outcome.ErrInvalidID}, []string{" guests"}, `northstar: canvas id: id " guests" has surrounding white space`},
		{"no name", func(s *CanvasSpec) { s.Name = " " },
			[]outcome.Code{outcome.ErrEmptyName}, []string{"guests"}, `northstar: canvas "guests" has no name (who the category is)`},
		{"negative weight", func(s *CanvasSpec) { s.Weight = dec("-0.1") },
			[]outcome.Code{ErrNegativeWeight}, []string{"guests"}, `northstar: canvas "guests": weight -0.1 is negative`},
		{"huge weight", func(s *CanvasSpec) { s.Weight = dec("1e15") },
			[]outcome.Code{ErrWeightOutOfRange}, []string{"guests"},
			`northstar: canvas "guests": weight 1e15 is out of range (less than 10^15, at most 30 decimal places)`},
		{"fine weight", func(s *CanvasSpec) { s.Weight = decimal.New(1, -31) },
			[]outcome.Code{ErrWeightOutOfRange}, []string{"guests"},
			`northstar: canvas "guests": weight 1e-31 is out of range`},
		{"no needs", func(s *CanvasSpec) { s.Needs = nil },
			[]outcome.Code{ErrEmptyCanvas}, []string{"guests"}, `northstar: canvas "guests" states no needs`},
		{"need without id", func(s *CanvasSpec) { s.Needs[1].ID = "" },
			[]outcome.Code{outcome.ErrEmptyID}, []string{"guests", ""}, `northstar: canvas "guests": need id: empty id`},
		{"duplicate need", func(s *CanvasSpec) { s.Needs[1].ID = "home" },
			[]outcome.Code{outcome.ErrDuplicateID}, []string{"guests", "home"}, `northstar: canvas "guests": duplicate need id "home"`},
		{"need without statement", func(s *CanvasSpec) { s.Needs[0].Statement = "" },
			[]outcome.Code{ErrEmptyNeed}, []string{"guests", "home"}, `northstar: canvas "guests": need "home" has no statement`},
		{"no outcomes", func(s *CanvasSpec) { s.Outcomes = nil },
			[]outcome.Code{ErrEmptyCanvas}, []string{"guests"}, `northstar: canvas "guests" has no successful outcomes`},
		{"outcome without id", func(s *CanvasSpec) { s.Outcomes[0].ID = "a\tb" },
			[]outcome.Code{outcome.ErrInvalidID}, []string{"guests", "a\tb"}, `northstar: canvas "guests": outcome id: id "a\tb" has a control character`},
		{"duplicate outcome", func(s *CanvasSpec) { s.Outcomes[1].ID = "stay" },
			[]outcome.Code{outcome.ErrDuplicateID}, []string{"guests", "stay"}, `northstar: canvas "guests": duplicate outcome id "stay"`},
		{"outcome without name", func(s *CanvasSpec) { s.Outcomes[1].Name = "" },
			[]outcome.Code{outcome.ErrEmptyName}, []string{"guests", "return"}, `northstar: canvas "guests": outcome "return" has no name`},
		{"unmeasured outcome", func(s *CanvasSpec) { s.Outcomes[1].Indicators = nil },
			[]outcome.Code{ErrOutcomeUnmeasured}, []string{"guests", "return"}, `northstar: canvas "guests": outcome "return" has no metric that shows it`},
		{"metric without id", func(s *CanvasSpec) { s.Outcomes[0].Indicators[1].Metric = "" },
			[]outcome.Code{outcome.ErrEmptyID}, []string{"guests", "stay", ""}, `northstar: canvas "guests": outcome "stay": metric id: empty id`},
		{"metric twice in one outcome", func(s *CanvasSpec) { s.Outcomes[0].Indicators[1].Metric = "nights-booked" },
			[]outcome.Code{outcome.ErrDuplicateID}, []string{"guests", "stay", "nights-booked"},
			`northstar: canvas "guests": outcome "stay" lists metric "nights-booked" twice`},
		{"negative importance", func(s *CanvasSpec) { s.Outcomes[1].Indicators[0].Importance = dec("-2") },
			[]outcome.Code{ErrNegativeWeight}, []string{"guests", "return", "nights-booked"},
			`northstar: canvas "guests": outcome "return": metric "nights-booked": importance -2 is negative`},
		{"huge importance", func(s *CanvasSpec) { s.Outcomes[1].Indicators[0].Importance = decimal.New(7, 1000000) },
			[]outcome.Code{ErrWeightOutOfRange}, []string{"guests", "return", "nights-booked"},
			`northstar: canvas "guests": outcome "return": metric "nights-booked": importance 7e1000000 is out of range`},
		{"all importances zero", func(s *CanvasSpec) {
			for i := range s.Outcomes {
				for j := range s.Outcomes[i].Indicators {
					s.Outcomes[i].Indicators[j].Importance = decimal.Zero
				}
			}
		}, []outcome.Code{ErrZeroWeights}, []string{"guests"}, `northstar: canvas "guests": every metric has importance zero`},
		{"name not UTF-8", func(s *CanvasSpec) { s.Name = "Gu\xe9sts" },
			[]outcome.Code{outcome.ErrInvalidText}, []string{"guests"},
			`northstar: canvas "guests" has a name that is not valid UTF-8: "Gu\xe9sts"`},
		{"need's statement not UTF-8", func(s *CanvasSpec) { s.Needs[0].Statement = "a home \xff" },
			[]outcome.Code{outcome.ErrInvalidText}, []string{"guests", "home"},
			`northstar: canvas "guests": need "home" has a statement that is not valid UTF-8: "a home \xff"`},
		{"outcome's description not UTF-8", func(s *CanvasSpec) { s.Outcomes[1].Description = "\xc3" },
			[]outcome.Code{outcome.ErrInvalidText}, []string{"guests", "return"},
			`northstar: canvas "guests": outcome "return" has a description that is not valid UTF-8: "\xc3"`},
		{"every problem, in order", func(s *CanvasSpec) {
			s.Name = ""
			s.Weight = dec("-1")
			s.Needs[0].Statement = ""
			s.Outcomes[1].Name = ""
			s.Outcomes[0].Indicators[0].Importance = dec("-3")
		}, []outcome.Code{outcome.ErrEmptyName, ErrNegativeWeight, ErrEmptyNeed, ErrNegativeWeight, outcome.ErrEmptyName},
			[]string{"guests"}, `northstar: canvas "guests" has no name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := guestsSpec()
			tt.edit(&spec)
			c, err := NewCanvas(spec)
			require.Error(t, err)
			assert.True(t, c.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.want), "%v", err)
			for i, p := range probs {
				assert.ErrorIs(t, p, tt.want[i])
				assert.Equal(t, outcome.SeverityError, p.Severity)
				assert.True(t, strings.HasPrefix(p.Message, "northstar: "), p.Message)
			}
			assert.ErrorIs(t, err, tt.want[0])
			assert.Equal(t, tt.ids, probs[0].IDs)
			assert.True(t, strings.HasPrefix(probs[0].Message, tt.prefix), "%q", probs[0].Message)
			assert.Panics(t, func() { MustCanvas(spec) })
		})
	}
}

// TestNewCanvasInvalidText: free text that is not valid UTF-8 would come
// back from JSON changed (encoding/json writes U+FFFD for each bad byte),
// so it is refused, each field on its own, in the order of the spec, with
// the IDs of the canvas and of its need or outcome.
func TestNewCanvasInvalidText(t *testing.T) {
	spec := guestsSpec()
	bad := "\xff"
	spec.Name, spec.Description = bad, bad
	spec.Needs[1].Statement, spec.Needs[1].Measure, spec.Needs[1].Target, spec.Needs[1].TimeBound = bad, bad, bad, bad
	spec.Outcomes[0].Name, spec.Outcomes[0].Description = bad, bad
	_, err := NewCanvas(spec)
	probs := outcome.Problems(err)
	want := []struct {
		ids     []string
		message string
	}{
		{[]string{"guests"}, `canvas "guests" has a name`},
		{[]string{"guests"}, `canvas "guests" has a description`},
		{[]string{"guests", "easy"}, `canvas "guests": need "easy" has a statement`},
		{[]string{"guests", "easy"}, `canvas "guests": need "easy" has a measure`},
		{[]string{"guests", "easy"}, `canvas "guests": need "easy" has a target`},
		{[]string{"guests", "easy"}, `canvas "guests": need "easy" has a time bound`},
		{[]string{"guests", "stay"}, `canvas "guests": outcome "stay" has a name`},
		{[]string{"guests", "stay"}, `canvas "guests": outcome "stay" has a description`},
	}
	require.Len(t, probs, len(want), "%v", err)
	for i, w := range want {
		assert.ErrorIs(t, probs[i], outcome.ErrInvalidText)
		assert.Equal(t, w.ids, probs[i].IDs)
		assert.Equal(t, "northstar: "+w.message+` that is not valid UTF-8: "\xff"`, probs[i].Message)
	}
	probs[2].IDs[0] = "changed"
	assert.Equal(t, "guests", probs[3].IDs[0], "each problem has its own IDs")

	// Valid text in any script, and a canvas that round-trips through JSON.
	spec = guestsSpec()
	spec.Name, spec.Needs[1].Target = "Gäste 旅客", "≥ 95 %"
	c, err := NewCanvas(spec)
	require.NoError(t, err)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back Canvas
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, c.Equal(back))
}

func TestNewCanvasClipsLongIDs(t *testing.T) {
	spec := guestsSpec()
	spec.Category = strings.Repeat("é", 100) // 200 bytes, a valid ID
	spec.Name = ""
	_, err := NewCanvas(spec)
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	// The quoted ID is cut at 64 bytes (32 runes of 2 bytes) and marked.
	assert.Equal(t, `northstar: canvas "`+strings.Repeat("é", 32)+`..." has no name (who the category is)`, e.Message)
	assert.Equal(t, strings.Repeat("é", 100), e.IDs[0], "the IDs are not clipped")
}

func TestCanvasIsImmutable(t *testing.T) {
	spec := guestsSpec()
	c := MustCanvas(spec)
	// Changing the caller's spec, or what accessors return, changes nothing.
	spec.Needs[0].Statement = "changed"
	spec.Outcomes[0].Indicators[0].Metric = "changed"
	c.Needs()[0].Statement = "changed"
	c.Outcomes()[0].Indicators[0].Metric = "changed"
	c.Spec().Outcomes[0].Indicators[0].Metric = "changed"
	c.Warnings()[0] = nil
	assert.True(t, c.Equal(MustCanvas(guestsSpec())))
	assert.Equal(t, "nights-booked", c.Outcomes()[0].Indicators[0].Metric)
	assert.NotNil(t, c.Warnings()[0])
}

func TestCanvasEqual(t *testing.T) {
	base := MustCanvas(guestsSpec())
	same := guestsSpec()
	same.Weight = dec("0.60") // numerically equal
	assert.True(t, base.Equal(MustCanvas(same)))
	assert.True(t, base.Equal(MustCanvas(base.Spec())))

	edits := map[string]func(*CanvasSpec){
		"category":    func(s *CanvasSpec) { s.Category = "hosts" },
		"name":        func(s *CanvasSpec) { s.Name = "x" },
		"description": func(s *CanvasSpec) { s.Description = "x" },
		"weight":      func(s *CanvasSpec) { s.Weight = dec("0.7") },
		"need":        func(s *CanvasSpec) { s.Needs[1].Target = "x" },
		"outcome":     func(s *CanvasSpec) { s.Outcomes[1].Description = "x" },
		"metric":      func(s *CanvasSpec) { s.Outcomes[1].Indicators[1].Metric = "x" },
		"importance":  func(s *CanvasSpec) { s.Outcomes[1].Indicators[1].Importance = dec("2") },
		"order":       func(s *CanvasSpec) { s.Outcomes[0], s.Outcomes[1] = s.Outcomes[1], s.Outcomes[0] },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			spec := guestsSpec()
			edit(&spec)
			assert.False(t, base.Equal(MustCanvas(spec)))
		})
	}
	assert.True(t, Canvas{}.IsZero())
	assert.False(t, base.Equal(Canvas{}))
}

// The JSON form of guestsSpec, as written by hand.
const guestsJSON = `{
  "category": "guests",
  "name": "Guests who want a place that feels like home",
  "weight": "0.6",
  "needs": [
    {"id": "home", "statement": "a place that feels like home", "measure": "stays rated 4 or more",
     "target": "95%", "timeBound": "by the end of 2026"},
    {"id": "easy", "statement": "booking is easy"}
  ],
  "outcomes": [
    {"id": "stay", "name": "a stay that feels like home",
     "metrics": [{"metric": "nights-booked", "importance": "3"}, {"metric": "review-score", "importance": "1"}]},
    {"id": "return", "name": "they come back",
     "metrics": [{"metric": "nights-booked", "importance": 1}, {"metric": "repeat-guests", "importance": "3"}]}
  ]
}`

func TestCanvasJSON(t *testing.T) {
	var c Canvas
	require.NoError(t, json.Unmarshal([]byte(guestsJSON), &c))
	want := MustCanvas(guestsSpec())
	assert.True(t, want.Equal(c))

	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, strings.ReplaceAll(guestsJSON, `"importance": 1}`, `"importance": "1"}`), string(out))

	var back Canvas
	require.NoError(t, json.Unmarshal(out, &back))
	assert.True(t, c.Equal(back))
	assert.Equal(t, c.Warnings(), back.Warnings())

	_, err = json.Marshal(Canvas{})
	assert.ErrorIs(t, err, outcome.ErrEmptyID)
}

// businessJSON is a second category's canvas: travellers who need to work
// on the road.
const businessJSON = `{"category": "business", "name": "Business travellers who need to work on the road", "weight": "0.4",
  "needs": [{"id": "work", "statement": "a room to work in", "measure": "stays with working wifi", "target": "99%", "timeBound": "every stay"}],
  "outcomes": [{"id": "productive", "name": "a productive trip", "metrics": [{"metric": "wifi-uptime", "importance": "1"}]}]}`

func TestDecodeCanvases(t *testing.T) {
	cs, err := DecodeCanvases([]byte("[" + guestsJSON + ",\n" + businessJSON + "]"))
	require.NoError(t, err)
	require.Len(t, cs, 2)
	var guests, business Canvas
	require.NoError(t, guests.UnmarshalJSON([]byte(guestsJSON)))
	require.NoError(t, business.UnmarshalJSON([]byte(businessJSON)))
	assert.True(t, cs[0].Equal(guests))
	assert.True(t, cs[1].Equal(business))

	cs, err = DecodeCanvases([]byte(` [ ] `))
	require.NoError(t, err)
	assert.NotNil(t, cs)
	assert.Empty(t, cs)

	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	// The guests' canvas with a decimal comma in its weight and an empty
	// importance for nights-booked in "stay".
	badGuests := strings.Replace(strings.Replace(guestsJSON, `"0.6"`, `"0,6"`, 1),
		`"importance": "3"}, {"metric": "review-score"`, `"importance": ""}, {"metric": "review-score"`, 1)
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		// Canvas 0 has two problems, each reported, in the canvas's order
		// (its weight, then its outcomes); canvas 1 decodes; 2 is null; 3
		// has needs that are not a list, said by their JSON path.
		{"every canvas's problems", "[" + badGuests + "," + businessJSON + `, null, {"category": "a", "needs": {}}]`, []problem{
			{ErrInvalidWeight, []string{"guests"}, `northstar: canvases[0]: canvas "guests": weight "0,6" is not a decimal number`},
			{ErrInvalidWeight, []string{"guests", "stay", "nights-booked"},
				`northstar: canvases[0]: canvas "guests": outcome "stay": metric "nights-booked": importance "" is not a decimal number`},
			{outcome.ErrInvalidJSON, nil, "northstar: canvases[2]: a canvas cannot be null"},
			{outcome.ErrInvalidJSON, []string{"a"}, `northstar: canvases[3]: canvas "a": invalid JSON: "needs" must be an array, not an object`},
			// The needs unread hide neither the empty name nor the missing
			// outcomes (a weight left out is zero, a warning).
			{outcome.ErrEmptyName, []string{"a"}, `northstar: canvases[3]: canvas "a" has no name (who the category is)`},
			{ErrEmptyCanvas, []string{"a"}, `northstar: canvases[3]: canvas "a" has no successful outcomes`},
		}},
		// NewCanvas's checks, in its order: an empty name, then no outcomes.
		{"a canvas that does not validate", `[{"category": "c", "weight": "1", "needs": [{"id": "n", "statement": "s"}]}]`, []problem{
			{outcome.ErrEmptyName, []string{"c"}, `northstar: canvases[0]: canvas "c" has no name (who the category is)`},
			{ErrEmptyCanvas, []string{"c"}, `northstar: canvases[0]: canvas "c" has no successful outcomes`},
		}},
		{"invalid UTF-8 in the second canvas", "[" + businessJSON + ",{\"category\": \"\xff\"}]", []problem{
			{outcome.ErrInvalidJSON, nil, "northstar: canvases[1]: canvas: invalid JSON: JSON text is not valid UTF-8"},
		}},
		{"null", `null`, []problem{{outcome.ErrInvalidJSON, nil, "northstar: a list of canvases cannot be null"}}},
		{"one canvas, not a list", guestsJSON, []problem{
			{outcome.ErrInvalidJSON, nil, "northstar: invalid JSON: the value must be an array, not an object"},
		}},
		{"trailing data", "[" + businessJSON + "] x", []problem{
			{outcome.ErrInvalidJSON, nil, "northstar: invalid JSON: trailing data after the JSON value"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := DecodeCanvases([]byte(tt.in))
			assert.Nil(t, cs)
			var got []problem
			for _, p := range outcome.Problems(err) {
				assert.Equal(t, outcome.SeverityError, p.Severity)
				assert.ErrorIs(t, err, p.Code)
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
		})
	}

	// What the doc says of json.Unmarshal into a []Canvas: it stops at the
	// first canvas that fails, badGuests, with both of its problems, and
	// says nothing of the next one's.
	var list []Canvas
	var msgs []string
	for _, p := range outcome.Problems(json.Unmarshal([]byte("["+badGuests+`, {"category": "a", "needs": {}}]`), &list)) {
		msgs = append(msgs, p.Message)
	}
	assert.Equal(t, []string{
		`northstar: canvas "guests": weight "0,6" is not a decimal number`,
		`northstar: canvas "guests": outcome "stay": metric "nights-booked": importance "" is not a decimal number`,
	}, msgs)

	// Each problem wraps the canvas's own: json.Unmarshal of the first
	// canvas alone gives it, unprefixed.
	_, err = DecodeCanvases([]byte("[" + badGuests + "]"))
	ps := outcome.Problems(err)
	require.Len(t, ps, 2)
	var own *outcome.Error
	require.ErrorAs(t, ps[0].Err, &own)
	assert.Equal(t, `northstar: canvas "guests": weight "0,6" is not a decimal number`, own.Message)
}

func TestCanvasJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want outcome.Code
		ids  []string
		msg  string
	}{
		// A value of the wrong type is named by its JSON path (the whole
		// value, a key, an element by its index from 0), with what it must
		// be and what it is, never Go's names of types.
		{"not an object", `[]`, outcome.ErrInvalidJSON, nil,
			"northstar: canvas: invalid JSON: the value must be an object, not an array"},
		{"malformed", `{"category": "a",`, outcome.ErrInvalidJSON, nil,
			"northstar: canvas: invalid JSON: unexpected EOF"},
		{"unknown field", strings.Replace(guestsJSON, `"weight"`, `"colour": "red", "weight"`, 1), outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: unknown field "colour"`},
		{"trailing data", guestsJSON + ` {}`, outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: trailing data after the JSON value`},
		// The first need, "home", is needs[0].
		{"wrong type in a need", strings.Replace(guestsJSON, `"statement": "a place that feels like home"`, `"statement": 5`, 1),
			outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: "needs[0].statement" must be a string, not the number 5`},
		// The second need, "easy", is needs[1].
		{"wrong type in the second need", strings.Replace(guestsJSON, `"statement": "booking is easy"`, `"statement": ["booking"]`, 1),
			outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: "needs[1].statement" must be a string, not an array`},
		// The second outcome's ("return") first metric.
		{"wrong type in an outcome's metric", strings.Replace(guestsJSON, `{"metric": "nights-booked", "importance": 1}`, `{"metric": true, "importance": 1}`, 1),
			outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: "outcomes[1].metrics[0].metric" must be a string, not true`},
		{"needs not an array", `{"category": "a", "name": "A", "needs": {},
		  "outcomes": [{"id": "o", "name": "O", "metrics": [{"metric": "m", "importance": 1}]}]}`, outcome.ErrInvalidJSON, []string{"a"},
			`northstar: canvas "a": invalid JSON: "needs" must be an array, not an object`},
		{"bad decimal", strings.Replace(guestsJSON, `"0.6"`, `"NaN"`, 1), ErrInvalidWeight, []string{"guests"},
			`northstar: canvas "guests": weight "NaN" is not a decimal number`},
		{"decimal comma", strings.Replace(guestsJSON, `"0.6"`, `"0,6"`, 1), ErrInvalidWeight, []string{"guests"},
			`northstar: canvas "guests": weight "0,6" is not a decimal number`},
		// 0.6e-10000 is 6·10^-10001: beyond the ±10000 that
		// decimal.NewFromString accepted under decimal's defaults.
		{"weight with an exponent beyond 10000", strings.Replace(guestsJSON, `"0.6"`, `"0.6e-10000"`, 1), ErrWeightOutOfRange, []string{"guests"},
			`northstar: canvas "guests": weight "0.6e-10000" is out of range (exponent -10001, beyond ±10000)`},
		{"weight not a string or a number", strings.Replace(guestsJSON, `"0.6"`, `true`, 1), outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: "weight" must be a decimal string or a number, not true`},
		{"importance not a decimal", strings.Replace(guestsJSON, `"importance": "3"}, {"metric": "review-score"`, `"importance": ""}, {"metric": "review-score"`, 1),
			ErrInvalidWeight, []string{"guests", "stay", "nights-booked"},
			`northstar: canvas "guests": outcome "stay": metric "nights-booked": importance "" is not a decimal number`},
		{"validated as NewCanvas", strings.Replace(guestsJSON, `"0.6"`, `"-0.6"`, 1), ErrNegativeWeight, []string{"guests"},
			`northstar: canvas "guests": weight -0.6 is negative`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := MustCanvas(guestsSpec())
			err := c.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			probs := outcome.Problems(err)
			require.Len(t, probs, 1, "%v", err)
			e := probs[0]
			assert.ErrorIs(t, e, tt.want)
			assert.Equal(t, tt.ids, e.IDs)
			assert.Equal(t, tt.msg, e.Message)
			if tt.want == outcome.ErrInvalidJSON {
				assert.NotNil(t, e.Err, "the cause is wrapped")
			}
			assert.True(t, MustCanvas(guestsSpec()).Equal(c), "a failed decode leaves the canvas unchanged")
		})
	}
}

// TestCanvasJSONNull: null is not an object, so it is one problem with code
// invalid-json, not every problem of an empty canvas, and the canvas is left
// as it was.
func TestCanvasJSONNull(t *testing.T) {
	c := MustCanvas(guestsSpec())
	ps := outcome.Problems(c.UnmarshalJSON([]byte(" null\n")))
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], outcome.ErrInvalidJSON)
	assert.Equal(t, "northstar: a canvas cannot be null", ps[0].Message)
	assert.Nil(t, ps[0].IDs)
	assert.True(t, MustCanvas(guestsSpec()).Equal(c), "a failed decode leaves the canvas unchanged")
}

// TestCanvasSpecJSONNull: a spec is not validated, but null is refused as
// Canvas.UnmarshalJSON refuses it, one problem with code invalid-json, the
// spec left as it was (not emptied).
func TestCanvasSpecJSONNull(t *testing.T) {
	s := guestsSpec()
	ps := outcome.Problems(s.UnmarshalJSON([]byte(" null\n")))
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], outcome.ErrInvalidJSON)
	assert.Equal(t, "northstar: a canvas cannot be null", ps[0].Message)
	assert.Nil(t, ps[0].IDs)
	assert.Equal(t, guestsSpec().Category, s.Category, "a failed decode leaves the spec unchanged")
	assert.Len(t, s.Outcomes, len(guestsSpec().Outcomes))
}

// TestCanvasJSONEveryProblem: a canvas read from JSON reports every problem
// at once, in the order of the canvas, each naming the category and the need
// or the outcome and metric: a weight typed with a decimal comma, a need with
// no statement, an outcome with no name, and an importance that is not a
// number. The other importance is 0, but since one is unknown the canvas is
// not said to have only zero importances.
func TestCanvasJSONEveryProblem(t *testing.T) {
	in := `{"category": "small biz", "name": "Small businesses", "weight": "0,35",
	  "needs": [{"id": "a", "statement": ""}],
	  "outcomes": [{"id": "o", "name": " ", "metrics": [{"metric": "m", "importance": "x"}, {"metric": "k", "importance": "0"}]}]}`
	var c Canvas
	err := json.Unmarshal([]byte(in), &c)
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	var got []problem
	for _, p := range outcome.Problems(err) {
		got = append(got, problem{p.Code, p.IDs, p.Message})
	}
	assert.Equal(t, []problem{
		{ErrInvalidWeight, []string{"small biz"}, `northstar: canvas "small biz": weight "0,35" is not a decimal number`},
		{ErrEmptyNeed, []string{"small biz", "a"}, `northstar: canvas "small biz": need "a" has no statement`},
		{outcome.ErrEmptyName, []string{"small biz", "o"}, `northstar: canvas "small biz": outcome "o" has no name`},
		{ErrInvalidWeight, []string{"small biz", "o", "m"}, `northstar: canvas "small biz": outcome "o": metric "m": importance "x" is not a decimal number`},
	}, got)
	assert.True(t, c.IsZero())

	// In a list of canvases, encoding/json stops at the first canvas that
	// fails; its problems are all there.
	var cs []Canvas
	err = json.Unmarshal([]byte("["+in+"]"), &cs)
	assert.Len(t, outcome.Problems(err), 4)
}

// TestCanvasJSONLeftOutIsZero: a weight or an importance left out of the
// JSON is zero, as in a spec whose field is not set, and NewCanvas
// takes it as it takes a zero: the weight with a warning, the importance as
// a metric the category does not rely on (share 0 of the other's 1). The
// canvas equals the one that writes the zeros, and writes them back.
func TestCanvasJSONLeftOutIsZero(t *testing.T) {
	for name, in := range map[string]string{
		"left out": `{"category": "guests", "name": "Guests", "needs": [{"id": "n", "statement": "s", "measure": "m", "target": "t", "timeBound": "b"}],
		  "outcomes": [{"id": "o", "name": "o", "metrics": [{"metric": "a", "importance": "1"}, {"metric": "b"}]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			var c Canvas
			require.NoError(t, json.Unmarshal([]byte(in), &c))
			assert.True(t, c.Weight().IsZero())
			var codes []outcome.Code
			for _, w := range c.Warnings() {
				codes = append(codes, w.Code)
			}
			assert.Equal(t, []outcome.Code{ErrZeroCategoryWeight}, codes)
			imp, listed := c.Importance("b")
			assert.True(t, listed)
			assert.True(t, imp.IsZero())
			assert.Equal(t, 0.0, c.Share("b"))
			assert.Equal(t, 1.0, c.Share("a"))
			zeros := MustCanvas(CanvasSpec{Category: "guests", Name: "Guests",
				Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
				Outcomes: []SuccessfulOutcome{{ID: "o", Name: "o", Indicators: []Indicator{
					{Metric: "a", Importance: dec("1")}, {Metric: "b", Importance: dec("0")}}}}})
			assert.True(t, zeros.Equal(c))
			out, err := json.Marshal(c)
			require.NoError(t, err)
			assert.Contains(t, string(out), `"weight":"0"`)
			assert.Contains(t, string(out), `{"metric":"b","importance":"0"}`)
		})
	}
	// Every importance left out is every importance zero: an error, as
	// NewCanvas makes it.
	var c Canvas
	err := json.Unmarshal([]byte(`{"category": "guests", "name": "Guests", "weight": "1", "needs": [{"id": "n", "statement": "s"}],
	  "outcomes": [{"id": "o", "name": "o", "metrics": [{"metric": "a"}]}]}`), &c)
	assert.ErrorIs(t, err, ErrZeroWeights)
}

// TestCanvasSpecJSON: a draft reads back as it is, unvalidated, but a weight
// or an importance that is not a decimal number is refused, each naming the
// category (and the outcome and metric); one that is neither a string nor a
// number is a problem of the form, said by its path, first.
func TestCanvasSpecJSON(t *testing.T) {
	var s CanvasSpec
	require.NoError(t, json.Unmarshal([]byte(guestsJSON), &s))
	c, err := NewCanvas(s)
	require.NoError(t, err)
	assert.True(t, MustCanvas(guestsSpec()).Equal(c))

	draft := `{"category": "guests", "name": "", "weight": 0.5, "needs": [], "outcomes": [{"id": "stay", "name": "", "metrics": []}]}`
	require.NoError(t, json.Unmarshal([]byte(draft), &s))
	assert.Equal(t, "guests", s.Category)
	assert.True(t, s.Weight.Equal(dec("0.5")))
	assert.Empty(t, s.Needs)
	require.Len(t, s.Outcomes, 1)
	assert.Empty(t, s.Outcomes[0].Indicators)

	bad := `{"category": "guests", "name": "", "weight": "½", "needs": [],
	  "outcomes": [{"id": "stay", "name": "", "metrics": [{"metric": "nights-booked", "importance": "3"}, {"metric": "review-score", "importance": {}}]}]}`
	before := s
	err = json.Unmarshal([]byte(bad), &s)
	var got [][]string
	for _, p := range outcome.Problems(err) {
		got = append(got, append(append([]string{string(p.Code)}, p.IDs...), p.Message))
	}
	assert.Equal(t, [][]string{
		{string(outcome.ErrInvalidJSON), "guests",
			`northstar: canvas "guests": invalid JSON: "outcomes[0].metrics[1].importance" must be a decimal string or a number, not an object`},
		{string(ErrInvalidWeight), "guests", `northstar: canvas "guests": weight "½" is not a decimal number`},
	}, got)
	assert.Equal(t, before, s, "a failed decode leaves the spec unchanged")

	err = json.Unmarshal([]byte(`{"category": "guests", "needs": "home"}`), &s)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.EqualError(t, err, `northstar: canvas "guests": invalid JSON: "needs" must be an array, not the string "home"`)
}

func TestIndicatorJSON(t *testing.T) {
	var i Indicator
	require.NoError(t, json.Unmarshal([]byte(`{"metric": "nights-booked", "importance": 2.50}`), &i))
	assert.Equal(t, "nights-booked", i.Metric)
	assert.True(t, i.Importance.Equal(dec("2.5")))
	tests := []struct {
		name, in string
		want     outcome.Code
		ids      []string
		msg      string
	}{
		{"not a decimal", `{"metric": "m", "importance": "2 1/2"}`, ErrInvalidWeight, []string{"m"},
			`northstar: metric "m": importance "2 1/2" is not a decimal number`},
		{"unknown field", `{"metric": "m", "weight": "1"}`, outcome.ErrInvalidJSON, []string{"m"},
			`northstar: metric "m": invalid JSON: unknown field "weight"`},
		{"wrong type", `{"metric": 7}`, outcome.ErrInvalidJSON, nil,
			`northstar: indicator: invalid JSON: "metric" must be a string, not the number 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := Indicator{Metric: "x", Importance: dec("1")}
			err := json.Unmarshal([]byte(tt.in), &i)
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, tt.want)
			assert.Equal(t, tt.ids, e.IDs)
			assert.Equal(t, tt.msg, e.Message)
			assert.Equal(t, Indicator{Metric: "x", Importance: dec("1")}, i, "unchanged on error")
		})
	}
}

// TestCanvasLookup: a canvas of eighteen distinct metrics, more than
// fewMetrics, so that Importance and Share look them up in its index,
// answers by the exact ID, as the canvas of three in TestNewCanvas does.
// Importances sum to 1+2+1 (the outcome "a") + 3+0+2+1+1+1+1+1 + 8·1 (the
// outcome "b") = 22: A shows both outcomes, 1+3 = 4, a share of 4/22 =
// 2/11; B and E 2/22 = 1/11; the lower-case a, another metric, 1/22, as C,
// F to I and J to Q; D importance zero, listed, share 0. b (B in lower
// case), "A ", "", "R" and "AB" are not on the canvas.
func TestCanvasLookup(t *testing.T) {
	ind := func(m, imp string) Indicator { return Indicator{Metric: m, Importance: dec(imp)} }
	spec := CanvasSpec{Category: "c", Name: "c", Weight: dec("1"),
		Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}},
		Outcomes: []SuccessfulOutcome{
			{ID: "a", Name: "a", Indicators: []Indicator{ind("A", "1"), ind("B", "2"), ind("C", "1")}},
			{ID: "b", Name: "b", Indicators: []Indicator{ind("A", "3"), ind("D", "0"), ind("E", "2"), ind("F", "1"),
				ind("G", "1"), ind("H", "1"), ind("I", "1"), ind("a", "1")}},
		}}
	want := []struct {
		id         string
		importance string
		share      float64
	}{{"A", "4", 2.0 / 11}, {"B", "2", 1.0 / 11}, {"C", "1", 1.0 / 22}, {"D", "0", 0}, {"E", "2", 1.0 / 11},
		{"F", "1", 1.0 / 22}, {"G", "1", 1.0 / 22}, {"H", "1", 1.0 / 22}, {"I", "1", 1.0 / 22}, {"a", "1", 1.0 / 22}}
	for _, id := range "JKLMNOPQ" {
		spec.Outcomes[1].Indicators = append(spec.Outcomes[1].Indicators, ind(string(id), "1"))
		want = append(want, struct {
			id         string
			importance string
			share      float64
		}{string(id), "1", 1.0 / 22})
	}
	c := MustCanvas(spec)
	require.NotNil(t, c.index, "eighteen metrics are indexed")
	var back Canvas
	require.NoError(t, json.Unmarshal(mustJSON(t, c), &back))
	require.NotNil(t, back.index, "a decoded canvas is indexed")
	copied := back
	for name, c := range map[string]Canvas{"made": c, "decoded": back, "copied": copied} {
		t.Run(name, func(t *testing.T) {
			for _, w := range want {
				imp, ok := c.Importance(w.id)
				assert.True(t, ok, w.id)
				assert.True(t, dec(w.importance).Equal(imp), "%s: %s", w.id, imp)
				assert.Equal(t, w.share, c.Share(w.id), w.id)
			}
			for _, id := range []string{"b", "A ", "", "R", "AB"} {
				imp, ok := c.Importance(id)
				assert.False(t, ok, "%q", id)
				assert.True(t, imp.IsZero(), "%q", id)
				assert.Equal(t, 0.0, c.Share(id), "%q", id)
			}
		})
	}

	// Sixteen metrics, fewMetrics, are searched: no index. Importances
	// 1+2+1 + 12·1 + 3 (P) = 19.
	spec.Outcomes = spec.Outcomes[:1]
	for _, id := range "DEFGHIJKLMNO" {
		spec.Outcomes[0].Indicators = append(spec.Outcomes[0].Indicators, ind(string(id), "1"))
	}
	spec.Outcomes[0].Indicators = append(spec.Outcomes[0].Indicators, ind("P", "3"))
	c = MustCanvas(spec)
	assert.Nil(t, c.index)
	imp, ok := c.Importance("P")
	assert.True(t, ok)
	assert.True(t, dec("3").Equal(imp))
	assert.Equal(t, 3.0/19, c.Share("P"))
	_, ok = c.Importance("Q")
	assert.False(t, ok)

	// The zero Canvas uses no metric.
	imp, ok = Canvas{}.Importance("A")
	assert.False(t, ok)
	assert.True(t, imp.IsZero())
	assert.Equal(t, 0.0, Canvas{}.Share(""))
}

// mustJSON is json.Marshal(v), which must not fail.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// TestCanvasLookupMatchesScan: on 500 random canvases of 1 to 40 distinct
// metrics (searched up to fewMetrics, indexed beyond), each metric shown by
// one to four outcomes, some of importance zero, Importance and Share give
// for every ID of a pool of 60 (those of the canvas and others: the same
// in upper case, with a space after, with its last byte cut, "") what the
// scan of the canvas's metrics gives (bareScanImportance, bareScanShare:
// the code before session 8), and so do the canvas decoded from its JSON
// and a copy; every metric of the canvas is found, and nothing else.
func TestCanvasLookupMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	indexed := 0
	for trial := range 500 {
		pool := 1 + rng.IntN(40)
		spec := CanvasSpec{Category: "c", Name: "c", Weight: dec("1"),
			Needs: []Need{{ID: "n", Statement: "s", Measure: "m", Target: "t", TimeBound: "b"}}}
		for o := range 1 + rng.IntN(4) {
			out := SuccessfulOutcome{ID: "o" + strconv.Itoa(o), Name: "o"}
			for _, j := range rng.Perm(pool)[:1+rng.IntN(pool)] {
				out.Indicators = append(out.Indicators, Indicator{Metric: "m" + strconv.Itoa(j),
					Importance: decimal.NewFromInt(int64(rng.IntN(4)))})
			}
			spec.Outcomes = append(spec.Outcomes, out)
		}
		spec.Outcomes[0].Indicators[0].Importance = dec("1") // not every importance zero
		c := MustCanvas(spec)
		var back Canvas
		require.NoError(t, json.Unmarshal(mustJSON(t, c), &back))
		distinct := 0
		for range c.Metrics() {
			distinct++
		}
		if distinct > fewMetrics {
			indexed++
		}
		var probes []string
		for j := range 60 {
			id := "m" + strconv.Itoa(j)
			probes = append(probes, id, strings.ToUpper(id), id+" ", id[:len(id)-1])
		}
		slices.Sort(probes)
		probes = slices.Compact(probes) // "m1" is also "m12" cut
		for name, c := range map[string]Canvas{"made": c, "decoded": back, "copied": c} {
			found := 0
			for _, id := range append(probes, "") {
				wantImp, wantOK := bareScanImportance(c, id)
				imp, ok := c.Importance(id)
				require.Equal(t, wantOK, ok, "trial %d, %s: %q", trial, name, id)
				require.True(t, wantImp.Equal(imp), "trial %d, %s: %q: %s, not %s", trial, name, id, imp, wantImp)
				require.Equal(t, bareScanShare(c, id), c.Share(id), "trial %d, %s: %q", trial, name, id)
				if ok {
					found++
				}
			}
			require.Equal(t, distinct, found, "trial %d, %s", trial, name)
		}
	}
	assert.Greater(t, indexed, 150, "canvases indexed")
	assert.Less(t, indexed, 350, "canvases searched")
}

// TestNewCanvasRepeatedIDs: what is wrong with a need's, an outcome's or an
// outcome's metric's ID is said once, at its first listing, and each later
// listing of it is a repeat (ErrDuplicateID), whatever the ID, as a valid
// one's is; a metric listed by two outcomes is no repeat, so an invalid one
// is said in each. Worked out by hand.
func TestNewCanvasRepeatedIDs(t *testing.T) {
	one := decimal.NewFromInt(1)
	spec := CanvasSpec{Category: "g", Name: "G", Weight: one,
		Needs: []Need{{ID: "", Statement: "s"}, {ID: " x", Statement: "s"}, {ID: "", Statement: "s"}, {ID: " x", Statement: "s"},
			{ID: "", Statement: "s"}},
		Outcomes: []SuccessfulOutcome{
			{ID: "o", Name: "O", Indicators: []Indicator{{Metric: "", Importance: one}, {Metric: " m", Importance: one},
				{Metric: "", Importance: one}, {Metric: "m", Importance: one}, {Metric: " m", Importance: one}, {Metric: "m", Importance: one}}},
			{ID: "h\xff", Name: "P", Indicators: []Indicator{{Metric: " m", Importance: one}}},
			{ID: "h\xff", Name: "Q", Indicators: []Indicator{{Metric: "m", Importance: one}}},
		}}
	_, err := NewCanvas(spec)
	require.Error(t, err)
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	want := []problem{
		{outcome.ErrEmptyID, []string{"g", ""}, `northstar: canvas "g": need id: empty id`},
		{outcome.ErrInvalidID, []string{"g", " x"}, `northstar: canvas "g": need id: id " x" has surrounding white space`},
		{outcome.ErrDuplicateID, []string{"g", ""}, `northstar: canvas "g": duplicate need id ""`},
		{outcome.ErrDuplicateID, []string{"g", " x"}, `northstar: canvas "g": duplicate need id " x"`},
		{outcome.ErrDuplicateID, []string{"g", ""}, `northstar: canvas "g": duplicate need id ""`},
		{outcome.ErrEmptyID, []string{"g", "o", ""}, `northstar: canvas "g": outcome "o": metric id: empty id`},
		{outcome.ErrInvalidID, []string{"g", "o", " m"}, `northstar: canvas "g": outcome "o": metric id: id " m" has surrounding white space`},
		{outcome.ErrDuplicateID, []string{"g", "o", ""}, `northstar: canvas "g": outcome "o" lists metric "" twice`},
		{outcome.ErrDuplicateID, []string{"g", "o", " m"}, `northstar: canvas "g": outcome "o" lists metric " m" twice`},
		{outcome.ErrDuplicateID, []string{"g", "o", "m"}, `northstar: canvas "g": outcome "o" lists metric "m" twice`},
		{outcome.ErrInvalidID, []string{"g", "h\xff"}, `northstar: canvas "g": outcome id: id "h\xff" is not valid UTF-8`},
		{outcome.ErrInvalidID, []string{"g", "h\xff", " m"}, `northstar: canvas "g": outcome "h\xff": metric id: id " m" has surrounding white space`},
		{outcome.ErrDuplicateID, []string{"g", "h\xff"}, `northstar: canvas "g": duplicate outcome id "h\xff"`},
	}
	probs := outcome.Problems(err)
	require.Len(t, probs, len(want), "%v", err)
	for i, p := range probs {
		assert.ErrorIs(t, p, want[i].code, i)
		assert.Equal(t, want[i].ids, p.IDs, i)
		assert.Equal(t, want[i].msg, p.Message, i)
	}
}
