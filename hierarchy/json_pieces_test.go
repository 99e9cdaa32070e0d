package hierarchy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// nodeKeep is a node with every field set, into which the tests decode to
// check that a decoder that fails leaves the node as it was.
var nodeKeep = Node{ID: "keep", Name: "Keep", Level: outcome.Output, Metric: outcome.MustMetric(outcome.MetricSpec{
	ID: "kept", Name: "Kept", Level: outcome.Output, Direction: outcome.HigherIsBetter})}

// linkKeep is linkKeep's counterpart for links.
var linkKeep = Link{From: "keep", To: "kept", Weight: dec("0.25")}

// The table cases of the decoders of a node and a link on their own, which
// seed their fuzzers too.
var (
	nodeJSONCases = []struct {
		name string
		in   string
		want []problem
	}{
		{"unknown key", `{"id":"a","level":"task","colour":"red"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: unknown field "colour"`}}},
		{"key twice", `{"id":"a","level":"task","level":"output"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: duplicate object key "level"`}}},
		{"key twice in another case", `{"id":"a","ID":"b","level":"task"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"},
				`hierarchy: invalid JSON: duplicate object key "ID" (encoding/json matches it to the same field as "id")`}}},
		{"wrong type", `{"id":"a","level":3}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "level" must be a string, not the number 3`}}},
		{"null name", `{"id":"a","name":null,"level":"task"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "name" must be a string, not null`}}},
		{"unknown level", `{"id":"a","level":"nowhere"}`,
			[]problem{{outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has an unknown level "nowhere"`}}},
		{"no level", `{"id":"a","name":"A"}`,
			[]problem{{outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has no valid level`}}},
		{"empty id", `{"id":"","level":"task"}`,
			[]problem{{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an empty id`}}},
		{"metric of another level", `{"id":"a","level":"task","metric":{"id":"m","name":"M","level":"output","direction":"higher-is-better"}}`,
			[]problem{{ErrMetricLevel, []string{"a", "m"}, `hierarchy: node "a" is at level Task, but its metric "m" measures level Output`}}},
		// Several at once, sorted as Build sorts them: by IDs, then code.
		{"several", `{"x":1,"name":7,"id":5,"level":"task"}`, []problem{
			{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "id" must be a string, not the number 5`},
			{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "name" must be a string, not the number 7`},
			{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: unknown field "x"`},
		}},
		{"several in the metric", `{"id":"a","level":"output","metric":{"id":"m","level":"output","colour":1,"rewarded":null}}`, []problem{
			{outcome.ErrEmptyName, []string{"a", "m"}, `hierarchy: node "a": metric: outcome: metric "m" has no name`},
			{outcome.ErrInvalidJSON, []string{"a", "m"}, `hierarchy: invalid JSON: "metric.rewarded" must be true or false, not null`},
			{outcome.ErrInvalidJSON, []string{"a", "m"}, `hierarchy: invalid JSON: unknown field "metric.colour"`},
			{outcome.ErrUnknownDirection, []string{"a", "m"}, `hierarchy: node "a": metric: outcome: metric "m" has no valid direction`},
		}},
		{"metric not an object", `{"id":"a","level":"output","metric":[]}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "metric" must be an object, not an array`}}},
		{"not an object", `["a"]`,
			[]problem{{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: the value must be an object, not an array`}}},
		{"null", `null`, []problem{{outcome.ErrInvalidJSON, nil, `hierarchy: a node cannot be null`}}},
		{"good", `{"id":"calls-handled","name":"Calls handled","level":"output",` +
			`"metric":{"id":"calls-handled","name":"Calls handled","level":"output","direction":"higher-is-better"}}`, nil},
		{"good, keys in another case", `{"ID":"a","Level":"task"}`, nil},
	}
	linkJSONCases = []struct {
		name string
		in   string
		want []problem
	}{
		{"unknown key", `{"from":"a","to":"b","colour":"red"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a", "b"}, `hierarchy: invalid JSON: unknown field "colour"`}}},
		{"key twice", `{"from":"a","to":"b","weight":"0.5","weight":"0.7"}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a", "b"}, `hierarchy: invalid JSON: duplicate object key "weight"`}}},
		{"wrong type", `{"from":"a","to":["b"]}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "to" must be a string, not an array`}}},
		{"null weight", `{"from":"a","to":"b","weight":null}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a", "b"}, `hierarchy: invalid JSON: "weight" must be a decimal string or a number, not null`}}},
		{"weight not a decimal", `{"from":"a","to":"b","weight":"x"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight "x", which is not a decimal number`}}},
		{"weight 1e-400, not 0", `{"from":"a","to":"b","weight":1e-400}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight 1e-400, with more than 6 decimal places`}}},
		{"weight's exponent out of range", `{"from":"a","to":"b","weight":"1e20000"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight "1e20000", whose exponent 20000 is beyond ±10000`}}},
		{"weight too large", `{"from":"a","to":"b","weight":"1000000000001"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight 1000000000001, above the maximum 1000000000000`}}},
		{"negative weight", `{"from":"a","to":"b","weight":-0.5}`,
			[]problem{{ErrNegativeWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight -0.5, below zero`}}},
		{"self-link", `{"from":"a","to":"a"}`,
			[]problem{{ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`}}},
		{"end left out", `{"to":"b"}`,
			[]problem{{ErrDanglingLink, []string{"", "b"}, `hierarchy: link "" -> "b" comes from an unknown node`}}},
		{"ends left out", `{}`,
			[]problem{{ErrDanglingLink, []string{"", ""}, `hierarchy: link "" -> "" joins two unknown nodes`}}},
		// Several at once, sorted as Build sorts them: by IDs, then code.
		{"several", `{"weight":-2,"colour":1,"From":"c","to":"b","from":"a"}`, []problem{
			{outcome.ErrInvalidJSON, []string{"c", "b"},
				`hierarchy: invalid JSON: duplicate object key "from" (encoding/json matches it to the same field as "From")`},
			{outcome.ErrInvalidJSON, []string{"c", "b"}, `hierarchy: invalid JSON: unknown field "colour"`},
			{ErrNegativeWeight, []string{"c", "b"}, `hierarchy: link "c" -> "b" has weight -2, below zero`},
		}},
		// An end of the wrong type: the weight is still checked, its
		// problem naming the ends as read, "" for the end unread.
		{"several, an end of the wrong type", `{"from":1,"to":"b","weight":"x","w":2}`, []problem{
			{outcome.ErrInvalidJSON, []string{"", "b"}, `hierarchy: invalid JSON: "from" must be a string, not the number 1`},
			{outcome.ErrInvalidJSON, []string{"", "b"}, `hierarchy: invalid JSON: unknown field "w"`},
			{ErrInvalidWeight, []string{"", "b"}, `hierarchy: link "" -> "b" has weight "x", which is not a decimal number`},
		}},
		{"an end of the wrong type, weight below zero", `{"from":3,"to":"b","weight":"-1"}`, []problem{
			{outcome.ErrInvalidJSON, []string{"", "b"}, `hierarchy: invalid JSON: "from" must be a string, not the number 3`},
			{ErrNegativeWeight, []string{"", "b"}, `hierarchy: link "" -> "b" has weight -1, below zero`},
		}},
		{"no end a string, weight out of range", `{"from":true,"to":null,"weight":"1e20000"}`, []problem{
			{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "from" must be a string, not true`},
			{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "to" must be a string, not null`},
			{ErrInvalidWeight, []string{"", ""}, `hierarchy: link "" -> "" has weight "1e20000", whose exponent 20000 is beyond ±10000`},
		}},
		{"an end of the wrong type, weight null", `{"from":"a","to":7,"weight":null}`, []problem{
			{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "to" must be a string, not the number 7`},
			{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "weight" must be a decimal string or a number, not null`},
		}},
		{"not an object", `"a->b"`,
			[]problem{{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: the value must be an object, not the string "a->b"`}}},
		{"null", `null`, []problem{{outcome.ErrInvalidJSON, nil, `hierarchy: a link cannot be null`}}},
		{"good", `{"from":"first-time-response","to":"revenue","weight":"0.60"}`, nil},
		{"good, weight left out", `{"from":"a","to":"b"}`, nil},
		{"good, weight a number", `{"to":"b","weight":2.5,"from":"a"}`, nil},
	}
)

// TestNode_UnmarshalJSON checks that a node read on its own is read as a
// definition reads one of its nodes and checked as Build checks it: every
// problem, its code, IDs and words, worked out by hand, with its path from
// the node; on error the node is unchanged.
func TestNode_UnmarshalJSON(t *testing.T) {
	for _, tt := range nodeJSONCases {
		t.Run(tt.name, func(t *testing.T) {
			n := nodeKeep
			err := json.Unmarshal([]byte(tt.in), &n)
			assert.Equal(t, tt.want, problemsOf(err))
			if tt.want != nil {
				assert.True(t, n.Equal(nodeKeep), "unchanged on error: %+v", n)
			}
		})
	}
	var n Node
	require.NoError(t, json.Unmarshal([]byte(`{"id":"calls-handled","name":"Calls handled","level":"output",`+
		`"metric":{"id":"calls-handled","name":"Calls handled","level":"output","direction":"higher-is-better"}}`), &n))
	assert.True(t, n.Equal(Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Metric: outcome.MustMetric(
		outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter})}))
	require.NoError(t, json.Unmarshal([]byte(`{"ID":"a","Level":"task"}`), &n))
	assert.True(t, n.Equal(Node{ID: "a", Level: outcome.Task}), "a field left out is its default: %+v", n)
}

// TestNode_MarshalJSON checks that a node writes as a definition writes it
// and reads back Equal. TestNode_MarshalJSON_refused checks what does not
// write.
func TestNode_MarshalJSON(t *testing.T) {
	for _, tt := range []struct {
		n    Node
		want string
	}{
		{Node{ID: "a", Level: outcome.Task}, `{"id":"a","level":"task"}`},
		{nodeKeep, `{"id":"keep","name":"Keep","level":"output",` +
			`"metric":{"id":"kept","name":"Kept","level":"output","direction":"higher-is-better"}}`},
	} {
		data, err := json.Marshal(tt.n)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(data))
		var back Node
		require.NoError(t, json.Unmarshal(data, &back))
		assert.True(t, tt.n.Equal(back))
	}
	// A definition writes its nodes alike.
	m := contactCentreModel(t)
	var def struct{ Nodes []json.RawMessage }
	data, err := json.Marshal(m)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &def))
	i := 0
	for n := range m.Nodes() {
		one, err := json.Marshal(n)
		require.NoError(t, err)
		assert.Equal(t, string(def.Nodes[i]), string(one))
		i++
	}
}

// TestLink_UnmarshalJSON checks that a link read on its own is read as a
// definition reads one of its links and checked as Build checks it but for
// what needs the nodes: every problem, its code, IDs and words, worked out
// by hand, with its path from the link; on error the link is unchanged.
func TestLink_UnmarshalJSON(t *testing.T) {
	for _, tt := range linkJSONCases {
		t.Run(tt.name, func(t *testing.T) {
			l := linkKeep
			err := json.Unmarshal([]byte(tt.in), &l)
			assert.Equal(t, tt.want, problemsOf(err))
			if tt.want != nil {
				assert.True(t, l.Equal(linkKeep), "unchanged on error: %+v", l)
			}
		})
	}
	for in, want := range map[string]Link{
		`{"from":"first-time-response","to":"revenue","weight":"0.60"}`: {"first-time-response", "revenue", dec("0.6")},
		`{"from":"a","to":"b"}`:                 {"a", "b", dec("1")},
		`{"to":"b","weight":2.5,"from":"a"}`:    {"a", "b", dec("2.5")},
		`{"From":"a","TO":"b","weight":"0e-9"}`: {"a", "b", dec("0")},
	} {
		var l Link
		require.NoError(t, json.Unmarshal([]byte(in), &l), in)
		assert.True(t, l.Equal(want), "%s reads as %+v", in, l)
	}
}

// TestLink_MarshalJSON checks that a link writes as a definition writes
// it, weight 1 left out and a weight a decimal string whatever decimal's
// MarshalJSONWithoutQuotes says, and reads back Equal.
// TestLink_MarshalJSON_refused checks what does not write.
func TestLink_MarshalJSON(t *testing.T) {
	for _, tt := range []struct {
		l    Link
		want string
	}{
		{Link{From: "a", To: "b", Weight: dec("1.000")}, `{"from":"a","to":"b"}`},
		{Link{From: "a", To: "b", Weight: dec("0.60")}, `{"from":"a","to":"b","weight":"0.6"}`},
		{Link{From: "a", To: "b", Weight: dec("0")}, `{"from":"a","to":"b","weight":"0"}`},
	} {
		data, err := json.Marshal(tt.l)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(data))
		var back Link
		require.NoError(t, json.Unmarshal(data, &back))
		assert.True(t, tt.l.Equal(back))
	}
	// A definition writes its links alike.
	m := contactCentreModel(t)
	var def struct{ Links []json.RawMessage }
	data, err := json.Marshal(m)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &def))
	i := 0
	for l := range m.Links() {
		one, err := json.Marshal(l)
		require.NoError(t, err)
		assert.Equal(t, string(def.Links[i]), string(one))
		i++
	}
	assert.Equal(t, m.LinkCount(), i)
}

// TestNode_MarshalJSON_refused checks that a node that Node.UnmarshalJSON
// would refuse does not marshal: every problem, its code, IDs and words,
// worked out by hand, the same as UnmarshalJSON reports of the JSON that
// encoding/json writes of the node's fields (level left out when it is not
// valid, as it cannot be written); and a name or ID that is not valid UTF-8,
// which that JSON would carry as U+FFFD, refused as Build refuses it.
func TestNode_MarshalJSON_refused(t *testing.T) {
	taskMetric := outcome.MustMetric(outcome.MetricSpec{ID: "m", Name: "M", Level: outcome.Output, Direction: outcome.HigherIsBetter})
	for _, tt := range []struct {
		name    string
		n       Node
		written string // the JSON of its fields; "" for none that reads
		want    []problem
	}{
		{"empty id", Node{ID: "", Level: outcome.Task}, `{"id":"","level":"task"}`,
			[]problem{{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an empty id`}}},
		{"id of white space", Node{ID: " ", Level: outcome.Task}, `{"id":" ","level":"task"}`,
			[]problem{{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an id of only white space " "`}}},
		{"no level", Node{ID: "a"}, `{"id":"a"}`,
			[]problem{{outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has no valid level`}}},
		{"level out of range", Node{ID: "a", Level: outcome.Level(99)}, `{"id":"a"}`,
			[]problem{{outcome.ErrUnknownLevel, []string{"a"}, `hierarchy: node "a" has no valid level`}}},
		{"metric of another level", Node{ID: "a", Level: outcome.Task, Metric: taskMetric},
			`{"id":"a","level":"task","metric":{"id":"m","name":"M","level":"output","direction":"higher-is-better"}}`,
			[]problem{{ErrMetricLevel, []string{"a", "m"}, `hierarchy: node "a" is at level Task, but its metric "m" measures level Output`}}},
		{"the zero Node", Node{}, `{"id":""}`, []problem{
			{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an empty id`},
			{outcome.ErrUnknownLevel, []string{""}, `hierarchy: node "" has no valid level`},
		}},
		{"name not UTF-8", Node{ID: "a", Name: "A\xff", Level: outcome.Task}, "",
			[]problem{{outcome.ErrInvalidText, []string{"a"}, `hierarchy: node "a" has a name that is not valid UTF-8: "A\xff"`}}},
		{"id not UTF-8", Node{ID: "a\xff", Level: outcome.Task}, "",
			[]problem{{outcome.ErrInvalidID, []string{"a\xff"}, `hierarchy: node id "a\xff" is not valid UTF-8`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.n.MarshalJSON()
			assert.Nil(t, data)
			assert.Equal(t, tt.want, problemsOf(err))
			if tt.written != "" {
				var back Node
				assert.Equal(t, tt.want, problemsOf(back.UnmarshalJSON([]byte(tt.written))), "as UnmarshalJSON says it")
			}
			_, err = json.Marshal(tt.n)
			assert.ErrorIs(t, err, tt.want[0].code, "through encoding/json")
		})
	}
}

// TestLink_MarshalJSON_refused checks that a link that Link.UnmarshalJSON
// would refuse does not marshal: every problem, its code, IDs and words,
// worked out by hand, the same as UnmarshalJSON reports of the JSON that
// encoding/json writes of the link's fields (the weight as the link writes
// it, so said as written: -1.50 as -1.5); and an end that is not valid
// UTF-8, which that JSON would carry as U+FFFD.
func TestLink_MarshalJSON_refused(t *testing.T) {
	for _, tt := range []struct {
		name    string
		l       Link
		written string // the JSON of its fields; "" for none that reads
		want    []problem
	}{
		{"self-link", Link{From: "a", To: "a", Weight: dec("1")}, `{"from":"a","to":"a"}`,
			[]problem{{ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`}}},
		{"negative weight", Link{From: "a", To: "b", Weight: dec("-1")}, `{"from":"a","to":"b","weight":"-1"}`,
			[]problem{{ErrNegativeWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight -1, below zero`}}},
		{"negative weight said as written", Link{From: "a", To: "b", Weight: dec("-1.50")}, `{"from":"a","to":"b","weight":"-1.5"}`,
			[]problem{{ErrNegativeWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight -1.5, below zero`}}},
		{"too many places", Link{From: "a", To: "b", Weight: dec("0.0000001")}, `{"from":"a","to":"b","weight":"0.0000001"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight 0.0000001, with more than 6 decimal places`}}},
		{"1e-400", Link{From: "a", To: "b", Weight: decimal.New(1, -400)}, `{"from":"a","to":"b","weight":"0.` + strings.Repeat("0", 399) + `1"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight 1e-400, with more than 6 decimal places`}}},
		{"too large", Link{From: "a", To: "b", Weight: dec("1000000000001")}, `{"from":"a","to":"b","weight":"1000000000001"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight 1000000000001, above the maximum 1000000000000`}}},
		// 10^400 is written with its 400 zeros, and read back as an
		// integer of 401 digits, said in full as far as a message goes.
		{"1e400", Link{From: "a", To: "b", Weight: decimal.New(1, 400)}, `{"from":"a","to":"b","weight":"1` + strings.Repeat("0", 400) + `"}`,
			[]problem{{ErrInvalidWeight, []string{"a", "b"},
				`hierarchy: link "a" -> "b" has weight 1.` + strings.Repeat("0", 62) + `..., above the maximum 1000000000000`}}},
		{"an end empty", Link{From: "a", Weight: dec("1")}, `{"from":"a","to":""}`,
			[]problem{{ErrDanglingLink, []string{"a", ""}, `hierarchy: link "a" -> "" goes to an unknown node`}}},
		{"the zero Link", Link{}, `{"from":"","to":"","weight":"0"}`,
			[]problem{{ErrDanglingLink, []string{"", ""}, `hierarchy: link "" -> "" joins two unknown nodes`}}},
		{"several", Link{From: "a", To: "a", Weight: dec("-1")}, `{"from":"a","to":"a","weight":"-1"}`, []problem{
			{ErrNegativeWeight, []string{"a", "a"}, `hierarchy: link "a" -> "a" has weight -1, below zero`},
			{ErrSelfLink, []string{"a", "a"}, `hierarchy: node "a" links to itself`},
		}},
		{"an end not UTF-8", Link{From: "a\xff", To: "b", Weight: dec("1")}, "",
			[]problem{{outcome.ErrInvalidText, []string{"a\xff", "b"}, `hierarchy: link "a\xff" -> "b" has an end that is not valid UTF-8`}}},
		{"several, an end not UTF-8", Link{From: "a\xff", Weight: dec("-1")}, "", []problem{
			{ErrDanglingLink, []string{"a\xff", ""}, `hierarchy: link "a\xff" -> "" goes to an unknown node`},
			{outcome.ErrInvalidText, []string{"a\xff", ""}, `hierarchy: link "a\xff" -> "" has an end that is not valid UTF-8`},
			{ErrNegativeWeight, []string{"a\xff", ""}, `hierarchy: link "a\xff" -> "" has weight -1, below zero`},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.l.MarshalJSON()
			assert.Nil(t, data)
			assert.Equal(t, tt.want, problemsOf(err))
			if tt.written != "" {
				var back Link
				assert.Equal(t, tt.want, problemsOf(back.UnmarshalJSON([]byte(tt.written))), "as UnmarshalJSON says it")
			}
			_, err = json.Marshal(tt.l)
			assert.ErrorIs(t, err, tt.want[0].code, "through encoding/json")
		})
	}
}
