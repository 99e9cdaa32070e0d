package hierarchy

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// contactCentreJSON is contactCentre's definition as MarshalJSON writes it.
const contactCentreJSON = `{"nodes":[` +
	`{"id":"answer-call","name":"Answer call","level":"task"},` +
	`{"id":"look-up-account","name":"Look up account","level":"task"},` +
	`{"id":"update-wallboard","name":"Update wallboard","level":"task"},` +
	`{"id":"handle-enquiry","name":"Handle enquiry","level":"activity"},` +
	`{"id":"resolve-problem","name":"Resolve problem","level":"activity"},` +
	`{"id":"monitor-queues","name":"Monitor queues","level":"activity"},` +
	`{"id":"calls-handled","name":"Calls handled","level":"output","metric":{"id":"calls-handled","name":"Calls handled","level":"output","direction":"higher-is-better"}},` +
	`{"id":"first-time-response","name":"First-time response","level":"output"},` +
	`{"id":"wallboard-refreshes","name":"Wallboard refreshes","level":"output"},` +
	`{"id":"cost-to-serve","name":"Cost to serve","level":"business-outcome"},` +
	`{"id":"revenue","name":"Revenue","level":"business-outcome"},` +
	`{"id":"solved-first-contact","name":"Problem solved at first contact","level":"customer-outcome"}],` +
	`"links":[` +
	`{"from":"answer-call","to":"handle-enquiry"},` +
	`{"from":"look-up-account","to":"handle-enquiry"},` +
	`{"from":"look-up-account","to":"resolve-problem"},` +
	`{"from":"update-wallboard","to":"monitor-queues"},` +
	`{"from":"handle-enquiry","to":"calls-handled"},` +
	`{"from":"resolve-problem","to":"first-time-response"},` +
	`{"from":"monitor-queues","to":"wallboard-refreshes"},` +
	`{"from":"calls-handled","to":"cost-to-serve"},` +
	`{"from":"first-time-response","to":"cost-to-serve","weight":"0.4"},` +
	`{"from":"first-time-response","to":"revenue","weight":"0.6"},` +
	`{"from":"cost-to-serve","to":"solved-first-contact"},` +
	`{"from":"revenue","to":"solved-first-contact"}]}`

func TestMarshalJSON(t *testing.T) {
	m := contactCentreModel(t)
	data, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, contactCentreJSON, string(data))

	var back Model
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, m.Equal(back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again), "marshalling is stable")

	empty, err := json.Marshal(Model{})
	require.NoError(t, err)
	assert.Equal(t, `{"nodes":[],"links":[]}`, string(empty))
}

// TestJSONRoundTripOrder checks that the same definition written in another
// order decodes to an Equal model.
func TestJSONRoundTripOrder(t *testing.T) {
	nodes, edges := contactCentre()
	rotate(nodes, 5)
	rotate(edges, 7)
	data, err := json.Marshal(mustBuild(t, nodes, edges))
	require.NoError(t, err)
	var m Model
	require.NoError(t, json.Unmarshal(data, &m))
	assert.True(t, m.Equal(contactCentreModel(t)))
}

func TestUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		code outcome.Code
		msgs []string
	}{
		{"malformed", `{"nodes":[`, outcome.ErrInvalidJSON, []string{`hierarchy: invalid JSON: unexpected EOF`}},
		{"unknown field", `{"nodes":[],"edges":[]}`, outcome.ErrInvalidJSON,
			[]string{`hierarchy: invalid JSON: unknown field "edges"`}},
		{"trailing data", `{"nodes":[]} {}`, outcome.ErrInvalidJSON,
			[]string{`hierarchy: invalid JSON: trailing data after the JSON value`}},
		// A value of the wrong type is named by its JSON path, with what it
		// must be and what it is, not by Go's struct and type names: the
		// first node is nodes[0], the second link links[1].
		{"level as a number", `{"nodes":[{"id":"a","level":1}]}`, outcome.ErrInvalidJSON,
			[]string{`hierarchy: invalid JSON: "nodes[0].level" must be a string, not the number 1`}},
		// The first link decodes, and is checked: the definition has no
		// nodes. The second is not added; its problem names its ends as
		// read, "b" and "" (not a string), so it sorts after "a", "b".
		{"a link's end as a list", `{"links":[{"from":"a","to":"b"},{"from":"b","to":["c"]}]}`, outcome.ErrInvalidJSON,
			[]string{
				`hierarchy: link "a" -> "b" joins two unknown nodes`,
				`hierarchy: invalid JSON: "links[1].to" must be a string, not an array`,
			}},
		{"nodes as an object", `{"nodes":{"a":"task"}}`, outcome.ErrInvalidJSON,
			[]string{`hierarchy: invalid JSON: "nodes" must be an array, not an object`}},
		{"unknown level", `{"nodes":[{"id":"a","level":"chore"}]}`, outcome.ErrUnknownLevel,
			[]string{`hierarchy: node "a" has an unknown level "chore"`}},
		{"no level", `{"nodes":[{"id":"a"}]}`, outcome.ErrUnknownLevel,
			[]string{`hierarchy: node "a" has no valid level`}},
		{"bad metric", `{"nodes":[{"id":"a","level":"output","metric":{"id":"m","level":"output","direction":"up"}}]}`,
			outcome.ErrEmptyName, []string{`hierarchy: node "a": metric: outcome: metric "m" has no name`}},
		{"metric not an object", `{"nodes":[{"id":"a","level":"output","metric":[1]}]}`,
			outcome.ErrInvalidJSON, nil},
		{"weight not a number", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":"heavy"}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "heavy", which is not a decimal number`}},
		{"weight NaN", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":"NaN"}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "NaN", which is not a decimal number`}},
		{"weight empty", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":""}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "\"\"", which is not a decimal number`}},
		{"weight true", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":true}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "true", which is not a decimal number`}},
		{"weight negative number", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":-2}]}`,
			ErrNegativeWeight, []string{`hierarchy: link "a" -> "b" has weight -2, below zero`}},
		{"weight a number beyond float64", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"},{"id":"","level":"task"}],"links":[{"from":"a","to":"b","weight":1e400}]}`,
			ErrInvalidWeight, []string{
				`hierarchy: node #2 has an empty id`,
				`hierarchy: link "a" -> "b" has weight 1e400, above the maximum 1000000000000`,
			}},
		// decimal.NewFromString under decimal's defaults refused an exponent
		// beyond ±10000, and so do the decoders, saying so: 0.5e-10000 is
		// 5·10^-10001.
		{"weight with an exponent beyond 10000", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":"1e10001"}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "1e10001", whose exponent 10001 is beyond ±10000`}},
		{"weight with an exponent below -10000", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":0.5e-10000}]}`,
			ErrInvalidWeight, []string{`hierarchy: link "a" -> "b" has weight "0.5e-10000", whose exponent -10001 is beyond ±10000`}},
		{"null", ` null `, outcome.ErrInvalidJSON, []string{`hierarchy: a definition cannot be null`}},
		// null is never "left out": a null weight was weight 1.
		{"weight null", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"}],"links":[{"from":"a","to":"b","weight":null}]}`,
			outcome.ErrInvalidJSON, []string{`hierarchy: invalid JSON: "links[0].weight" must be a decimal string or a number, not null`}},
		{"every problem at once", `{"nodes":[{"id":"a","level":"x"},{"id":"a","level":"task"}],"links":[{"from":"a","to":"z","weight":"-1"}]}`,
			outcome.ErrUnknownLevel, []string{
				`hierarchy: node id "a" is given to 2 nodes`,
				`hierarchy: node "a" has an unknown level "x"`,
				`hierarchy: link "a" -> "z" goes to an unknown node`,
				`hierarchy: link "a" -> "z" has weight -1, below zero`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := contactCentreModel(t)
			// Called directly: json.Unmarshal checks the syntax itself first.
			err := m.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.code)
			if tt.msgs != nil {
				assert.Equal(t, tt.msgs, messages(err))
			}
			assert.Equal(t, 12, m.Len(), "on error the model is unchanged")
		})
	}
}

// TestUnmarshalJSONNull: null inside a document is refused too, and leaves
// the model as it was, where it used to replace it with the empty one.
func TestUnmarshalJSONNull(t *testing.T) {
	doc := struct{ Model Model }{Model: contactCentreModel(t)}
	err := json.Unmarshal([]byte(`{"Model":null}`), &doc)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.Equal(t, 12, doc.Model.Len())
}

func TestUnmarshalJSONWeights(t *testing.T) {
	in := `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"activity"},{"id":"c","level":"activity"},{"id":"d","level":"activity"}],
	"links":[{"from":"a","to":"b","weight":0.25},{"from":"a","to":"c"},{"from":"a","to":"d","weight":"1.50"}]}`
	var m Model
	require.NoError(t, json.Unmarshal([]byte(in), &m))
	var got []string
	for l := range m.Links() {
		got = append(got, l.From+">"+l.To+" "+l.Weight.String())
	}
	assert.Equal(t, []string{"a>b 0.25", "a>c 1", "a>d 1.5"}, got)
}

// TestDecodeValidatesAsBuild checks the property that decoding a definition
// reports exactly the problems (codes and IDs) that Build reports for the
// same nodes and links.
func TestDecodeValidatesAsBuild(t *testing.T) {
	nodes, edges := contactCentre()
	cases := [][2]any{
		{nodes, edges},
		{append(nodes[:len(nodes):len(nodes)], node("answer-call", T), node("", O), node(" x", A), node("lvl", 0)),
			append(edges[:len(edges):len(edges)], edge{"revenue", "answer-call", ""}, edge{"x", "y", "-3"},
				edge{"revenue", "revenue", "0.1234567"}, edge{"calls-handled", "cost-to-serve", "2"},
				edge{"solved-first-contact", "revenue", "1"})},
	}
	for i, c := range cases {
		ns, es := c[0].([]Node), c[1].([]edge)
		_, buildErr := builder(ns, es).Build()
		b := NewBuilder()
		b.AddJSON(definitionJSON(ns, es))
		_, decodeErr := b.Build()
		assert.Equal(t, problemKeys(buildErr), problemKeys(decodeErr), "case %d", i)
		var m Model
		assert.Equal(t, problemKeys(buildErr), problemKeys(m.UnmarshalJSON(definitionJSON(ns, es))), "case %d", i)
	}
}

// definitionJSON writes nodes and edges as a JSON definition; an invalid
// level is written as "".
func definitionJSON(nodes []Node, edges []edge) []byte {
	var sb strings.Builder
	sb.WriteString(`{"nodes":[`)
	for i, n := range nodes {
		if i > 0 {
			sb.WriteString(",")
		}
		level, _ := n.Level.MarshalText()
		fmt.Fprintf(&sb, `{"id":%q,"name":%q,"level":%q`, n.ID, n.Name, level)
		if !n.Metric.IsZero() {
			data, _ := json.Marshal(n.Metric)
			fmt.Fprintf(&sb, `,"metric":%s`, data)
		}
		sb.WriteString("}")
	}
	sb.WriteString(`],"links":[`)
	for i, e := range edges {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"from":%q,"to":%q`, e.from, e.to)
		if e.w != "" {
			fmt.Fprintf(&sb, `,"weight":%q`, e.w)
		}
		sb.WriteString("}")
	}
	sb.WriteString("]}")
	return []byte(sb.String())
}

// problemKeys returns "code ids" for every problem in err.
func problemKeys(err error) []string {
	var out []string
	for _, p := range outcome.Problems(err) {
		out = append(out, string(p.Code)+" "+strings.Join(p.IDs, ","))
	}
	return out
}

func TestAddJSONWithCode(t *testing.T) {
	// Definitions from a file and from code make one hierarchy.
	b := NewBuilder()
	b.AddJSON([]byte(`{"nodes":[{"id":"t","level":"task"}]}`))
	b.AddNode(node("sco", CO))
	b.AddLink("t", "sco")
	m, err := b.Build()
	require.NoError(t, err)
	ok, err := m.Aligned("t")
	require.NoError(t, err)
	assert.True(t, ok)
}

// TestJSON_decimalSettingIgnored: every JSON form of the package writes its
// decimals as strings, written as decimal's String writes them by default, so
// the bytes do not depend on decimal's package-level MarshalJSONWithoutQuotes,
// TrimTrailingZeros or UseScientificNotation. It changes those settings, so it
// must not run in parallel with other tests.
func TestJSON_decimalSettingIgnored(t *testing.T) {
	m := contactCentreModel(t)
	costs, err := m.NewValues(2)
	require.NoError(t, err)
	require.NoError(t, costs.Set("answer-call", decimal.RequireFromString("1200.50")))
	require.NoError(t, costs.Set("look-up-account", decimal.RequireFromString("800.25")))
	sum, err := m.RollUp(costs, WeightedSum)
	require.NoError(t, err)
	mean, err := m.RollUp(costs, WeightedMean)
	require.NoError(t, err)
	// Answering calls costs 100 more and looking up accounts 10.5 more.
	// Looking up an account reaches cost to serve through handling an
	// enquiry (weight 1) and through resolving a problem (weight 0.4), 1.4
	// in all, so it contributes 1.4 x 10.5 = 14.7: cost to serve goes from
	// 1200 + 1.4 x 800 = 2320 to 1300 + 1.4 x 810.5 = 2434.7, a change of
	// 114.7.
	before, err := m.NewValues(1)
	require.NoError(t, err)
	after, err := m.NewValues(1)
	require.NoError(t, err)
	require.NoError(t, before.Set("answer-call", decimal.New(1200, 0)))
	require.NoError(t, before.Set("look-up-account", decimal.New(800, 0)))
	require.NoError(t, after.Set("answer-call", decimal.New(1300, 0)))
	require.NoError(t, after.Set("look-up-account", decimal.RequireFromString("810.5")))
	attr, err := m.Attribute("cost-to-serve", before, after)
	require.NoError(t, err)
	require.Len(t, attr.Contributions, 2)
	ls, err := m.LineOfSight("look-up-account", 10)
	require.NoError(t, err)
	contributors, err := m.Contributors("cost-to-serve")
	require.NoError(t, err)
	align := m.Alignment()
	forms := map[string]any{
		"model":         m,
		"empty model":   Model{},
		"alignment":     align,
		"share":         align.Overall,
		"level share":   align.Levels[2],
		"zero share":    Share{},
		"rollup, sum":   sum,
		"rollup, mean":  mean,
		"attribution":   attr,
		"contribution":  attr.Contributions[1],
		"zero attrib":   Attribution{},
		"line of sight": ls,
		"contributors":  contributors,
		"warnings":      m.Warnings(),
		"method":        WeightedMean,
		"node":          Node{ID: "a", Level: outcome.Task},
		"link":          Link{From: "a", To: "b", Weight: decimal.RequireFromString("0.60")},
		// Decimals a caller writes into the exported fields: 2.50, 12·10^2
		// and 0.0400 as decimal's String writes them by default.
		"share, by hand": Share{Nodes: 1, Weight: decimal.RequireFromString("2.50"), AlignedWeight: decimal.New(12, 2)},
		"attribution, by hand": Attribution{ID: "x", Before: decimal.New(12, 2), After: decimal.RequireFromString("1200.0400"),
			Change: decimal.RequireFromString("0.0400"), Contributions: []Contribution{{ID: "y", Amount: decimal.New(4, 1)}}},
	}
	want := map[string][]byte{}
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		want[name] = b
	}
	// The decimals are strings as worked out by hand: the overall weight of
	// the work is 12, 9 of it aligned (see TestAlignment_JSON), and the
	// attribution's as above.
	assert.Contains(t, string(want["share"]), `"weight":"12","alignedWeight":"9"`)
	assert.Contains(t, string(want["attribution"]), `"before":"2320","after":"2434.7","change":"114.7"`)
	assert.Equal(t, `{"id":"look-up-account","amount":"14.7"}`, string(want["contribution"]))
	assert.Contains(t, string(want["rollup, sum"]), `{"id":"cost-to-serve","value":"2320.85","computed":true}`)
	assert.Equal(t, `{"nodes":1,"aligned":0,"weight":"2.5","alignedWeight":"1200"}`, string(want["share, by hand"]))
	assert.Equal(t, `{"from":"a","to":"b","weight":"0.6"}`, string(want["link"]))
	assert.Equal(t, `{"id":"x","before":"1200","after":"1200.04","change":"0.04","contributions":[{"id":"y","amount":"40"}]}`,
		string(want["attribution, by hand"]))

	dectest.FlipSettings(t)
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, string(want[name]), string(b), "%s with decimal's settings flipped", name)
	}
}

// TestJSON_decodeIgnoresMaxDecodeExponent: the decoders read their decimals
// themselves (decfmt.Parse), with any number of digits and an exponent
// within ±10000, so what they accept, and what they decode it to, do not
// depend on decimal.MaxDecodeExponent, which decimal.NewFromString reads and
// dectest.FlipSettings sets from 10000 to 10: each input, with decimals
// whose exponents are from 11 to 30 either way, decodes to the value worked
// out by hand (or is refused with the same error) with the settings flipped
// as without. It changes decimal's settings, so it must not run in parallel
// with other tests.
func TestJSON_decodeIgnoresMaxDecodeExponent(t *testing.T) {
	// Three tasks feed an activity: weights 1.000000000000 (1, written with
	// twelve places, exponent -12), 25000000000000000000e-20 (0.25) and
	// 5e11 (5·10^11, within MaxWeight, 10^12). Their weights come back in
	// millionths, as the model keeps them: 1, 0.25 and 500000000000.
	def := `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task"},{"id":"c","level":"task"},{"id":"x","level":"activity"}],` +
		`"links":[{"from":"a","to":"x","weight":"1.000000000000"},{"from":"b","to":"x","weight":25000000000000000000e-20},{"from":"c","to":"x","weight":"5e11"}]}`
	// A weight of 1e-30 has 30 places, more than WeightPlaces.
	tooPrecise := `{"nodes":[{"id":"a","level":"task"},{"id":"x","level":"activity"}],"links":[{"from":"a","to":"x","weight":"1e-30"}]}`
	weights := func(m Model) string {
		var out []string
		for l := range m.Links() {
			out = append(out, l.From+">"+l.To+" "+l.Weight.String())
		}
		return strings.Join(out, ", ")
	}
	cases := []struct {
		name string
		json string
		into any    // a pointer to decode into
		want string // the value decoded, as the case's show writes it, worked by hand
	}{
		{"model", def, new(Model), "a>x 1, b>x 0.25, c>x 500000000000"},
		{"weight too precise", tooPrecise, new(Model),
			`error: hierarchy: link "a" -> "x" has weight 0.000000000000000000000000000001, with more than 6 decimal places`},
		// 3e-20 of 1.5e11: the share's weights as given, coefficient and
		// exponent; 10^30 + 1 after, with thirty places and exponent 30, has
		// exponent 0.
		{"share", `{"level":"task","nodes":2,"aligned":1,"weight":"1.5e11","alignedWeight":3e-20}`, new(Share), "15e10 3e-20"},
		{"contribution", `{"id":"a","amount":"-2.5e-25"}`, new(Contribution), "-25e-26"},
		{"attribution", `{"id":"x","before":"1e30","after":"1.000000000000000000000000000001e30","change":"1e-30",` +
			`"contributions":[{"id":"a","amount":"1e-30"}]}`, new(Attribution), "1e30 1000000000000000000000000000001e0 1e-30 1e-30"},
		{"alignment", `{"overall":{"nodes":1,"aligned":1,"weight":"1e-15","alignedWeight":"1e-15"},"levels":[]}`, new(Alignment), "1e-15 1e-15"},
	}
	dec := func(d decimal.Decimal) string { return d.Coefficient().String() + "e" + fmt.Sprint(d.Exponent()) }
	show := func(v any) string {
		switch v := v.(type) {
		case *Model:
			return weights(*v)
		case *Share:
			return dec(v.Weight) + " " + dec(v.AlignedWeight)
		case *Contribution:
			return dec(v.Amount)
		case *Attribution:
			return dec(v.Before) + " " + dec(v.After) + " " + dec(v.Change) + " " + dec(v.Contributions[0].Amount)
		case *Alignment:
			return dec(v.Overall.Weight) + " " + dec(v.Overall.AlignedWeight)
		}
		panic("no show for this type")
	}
	dcases := make([]dectest.DecodeCase, len(cases))
	for i, c := range cases {
		dcases[i] = dectest.DecodeCase{Name: c.name, JSON: c.json, Into: c.into, Want: c.want}
	}
	got := dectest.DecodeIgnoresSettings(t, dcases, func(_ dectest.DecodeCase, v any) string { return show(v) })
	for i, c := range cases {
		assert.Equal(t, c.want, got[i], c.name)
	}
}

// TestResults_UnmarshalJSON: a result decodes into its fields with keys
// matched as encoding/json matches them, every member MarshalJSON always
// writes required, and no check of the values against each other; what
// decodes is what the JSON says, whatever the value decoded into held (a
// member MarshalJSON leaves out when zero or empty, a share's level, an
// alignment's orphans and unsupported, is zero or empty when left out); a
// result's lists (an attribution's contributions, an alignment's levels)
// are read into a new slice, each element from its zero value, and a list
// that the package once wrote as null ("contributions":null) reads null as
// none. Null for a whole result is an ErrInvalidJSON, and a level that names
// none the level's own error; on error the result is unchanged.
func TestResults_UnmarshalJSON(t *testing.T) {
	s := Share{Level: outcome.Task, Nodes: 9, Weight: decimal.New(7, 0)}
	require.NoError(t, json.Unmarshal([]byte(`{"NODES":2,"aligned":5,"weight":"3","alignedWeight":"2.50"}`), &s))
	// Aligned 5 of 2 nodes is taken as given; the level left out is all
	// the work (zero), as MarshalJSON leaves it out, not s's task.
	assert.True(t, Share{Nodes: 2, Aligned: 5, Weight: decimal.New(3, 0), AlignedWeight: decimal.New(25, -1)}.Equal(s), "%+v", s)
	assert.Equal(t, "250e-2", s.AlignedWeight.Coefficient().String()+"e"+fmt.Sprint(s.AlignedWeight.Exponent()))

	old := []Contribution{{ID: "old", Amount: decimal.New(3, 0)}}
	a := Attribution{ID: "keep", Contributions: old}
	require.NoError(t, json.Unmarshal([]byte(`{"id":"x","before":1,"after":"1","change":0,"contributions":null}`), &a))
	assert.Equal(t, "x", a.ID)
	assert.Equal(t, "1", a.Before.String())
	assert.Nil(t, a.Contributions, "null is no contributions, as encoding/json makes a slice")
	a.Contributions = old
	require.NoError(t, json.Unmarshal([]byte(`{"id":"x","before":1,"after":"1","change":0,"contributions":[{"id":"","amount":"1"}]}`), &a))
	require.Len(t, a.Contributions, 1)
	assert.Equal(t, "", a.Contributions[0].ID, "a contribution is read into the zero Contribution")
	assert.Equal(t, "1", a.Contributions[0].Amount.String())
	assert.Equal(t, Contribution{ID: "old", Amount: decimal.New(3, 0)}, old[0], "a's slice is not written into")

	// An alignment, a line of sight, contributors, a level's IDs: lists
	// are read into new slices, each element from its zero value; the lists
	// the package once wrote null read null as none; orphans and
	// unsupported left out are none, whatever al held.
	const share = `"nodes":2,"aligned":1,"weight":"2","alignedWeight":"1"`
	oldLevels := []Share{{Level: outcome.Task, Nodes: 4}}
	al := Alignment{Overall: Share{Level: outcome.Output, Nodes: 9, Aligned: 8}, Levels: oldLevels, Unsupported: []string{"keep"}}
	require.NoError(t, json.Unmarshal([]byte(`{"overall":{`+share+`},"levels":[{`+share+`}],"orphans":[{"highest":"output","ids":null}]}`), &al))
	two := Share{Nodes: 2, Aligned: 1, Weight: decimal.New(2, 0), AlignedWeight: decimal.New(1, 0)}
	assert.Equal(t, two, al.Overall, "the overall share's level, left out, is zero")
	assert.Equal(t, []Share{two}, al.Levels, "a share is read into the zero Share")
	assert.Equal(t, []Share{{Level: outcome.Task, Nodes: 4}}, oldLevels, "a's slice is not written into")
	assert.Equal(t, []OrphanGroup{{Highest: outcome.Output}}, al.Orphans, `"ids":null is no IDs`)
	assert.Nil(t, al.Unsupported, "left out, none")
	require.NoError(t, json.Unmarshal([]byte(`{"overall":{`+share+`},"levels":null}`), &al))
	assert.Nil(t, al.Levels, "null is no levels")
	assert.Nil(t, al.Orphans, "left out, none")
	require.NoError(t, json.Unmarshal([]byte(`{"overall":{`+share+`},"levels":[],"unsupported":[]}`), &al))
	assert.Equal(t, []Share{}, al.Levels, "[] is an empty, non-nil list")
	assert.Equal(t, []string{}, al.Unsupported)

	ls := LineOfSight{From: "keep", Complete: true}
	require.NoError(t, json.Unmarshal([]byte(`{"FROM":"a","PATHS":[["a"],[]],"complete":false}`), &ls))
	assert.Equal(t, LineOfSight{From: "a", Paths: [][]string{{"a"}, {}}}, ls)
	cs := Contributors{To: "keep"}
	require.NoError(t, json.Unmarshal([]byte(`{"to":"c","levels":[{"level":"task","ids":["b"]}]}`), &cs))
	assert.Equal(t, Contributors{To: "c", Levels: []LevelIDs{{Level: outcome.Task, IDs: []string{"b"}}}}, cs, "a level is read into the zero LevelIDs")
	li := LevelIDs{Level: outcome.Task, IDs: []string{"x"}}
	require.NoError(t, json.Unmarshal([]byte(`{"level":"output","ids":null}`), &li))
	assert.Equal(t, LevelIDs{Level: outcome.Output}, li)

	// A level's IDs and an orphan group are about their level: one left out
	// is a problem with code unknown-level, after those of the form,
	// whatever the value decoded into has, since MarshalJSON always writes
	// it; the other members left out are problems of the form.
	for _, tt := range []struct {
		into json.Unmarshaler
		data string
		want []string
	}{
		{&LevelIDs{Level: outcome.Task}, `{"ids":[]}`, []string{`hierarchy: level IDs: no "level"`}},
		{&OrphanGroup{Highest: outcome.Task}, `{"ids":["a"]}`, []string{`hierarchy: orphan group: no "highest"`}},
		{&Contributors{To: "c"}, `{"to":"c","levels":[{"ids":[3]},{"level":"task","ids":[]}]}`, []string{
			`hierarchy: contributors: invalid JSON: "levels[0].ids[0]" must be a string, not the number 3`,
			`hierarchy: contributors: "levels[0]": no "level"`}},
		{&Alignment{}, `{"orphans":[{"ids":["a"]},{"highest":"work","ids":[]}]}`, []string{
			`hierarchy: alignment: invalid JSON: the value has no "overall"`,
			`hierarchy: alignment: invalid JSON: the value has no "levels"`,
			`hierarchy: alignment: "orphans[0]": no "highest"`,
			`hierarchy: alignment: "orphans[1].highest": outcome: unknown level "work"`}},
	} {
		err := json.Unmarshal([]byte(tt.data), tt.into)
		var got []string
		for _, p := range outcome.Problems(err) {
			got = append(got, p.Message)
			if !strings.Contains(p.Message, "invalid JSON") {
				assert.Equal(t, outcome.ErrUnknownLevel, p.Code, p.Message)
			} else {
				assert.Equal(t, outcome.ErrInvalidJSON, p.Code, p.Message)
			}
		}
		assert.Equal(t, tt.want, got, tt.data)
	}
	og := OrphanGroup{Highest: outcome.Task}
	require.NoError(t, json.Unmarshal([]byte(`{"highest":"Outputs","ids":["q"]}`), &og))
	assert.Equal(t, OrphanGroup{Highest: outcome.Output, IDs: []string{"q"}}, og)

	for _, tt := range []struct {
		into json.Unmarshaler
		want string
	}{
		{&Share{Nodes: 9}, "hierarchy: a share cannot be null"},
		{&Contribution{ID: "keep"}, "hierarchy: a contribution cannot be null"},
		{&Attribution{ID: "keep"}, "hierarchy: an attribution cannot be null"},
		{&Alignment{Unsupported: []string{"keep"}}, "hierarchy: an alignment cannot be null"},
		{&LineOfSight{From: "keep"}, "hierarchy: a line of sight cannot be null"},
		{&Contributors{To: "keep"}, "hierarchy: contributors cannot be null"},
		{&LevelIDs{Level: outcome.Task}, "hierarchy: level IDs cannot be null"},
		{&OrphanGroup{Highest: outcome.Task}, "hierarchy: an orphan group cannot be null"},
	} {
		was := fmt.Sprint(tt.into)
		err := json.Unmarshal([]byte(` null `), tt.into)
		require.ErrorIs(t, err, outcome.ErrInvalidJSON, tt.want)
		assert.EqualError(t, err, tt.want)
		assert.Equal(t, was, fmt.Sprint(tt.into), "unchanged")
	}

	// A level that names none is the level's own error, as its doc says.
	s = Share{Nodes: 9}
	err := json.Unmarshal([]byte(`{"level":"nowhere",`+share+`}`), &s)
	require.ErrorIs(t, err, outcome.ErrUnknownLevel)
	assert.Equal(t, `outcome: unknown level "nowhere"`, err.Error())
	assert.Equal(t, 9, s.Nodes, "on error s is unchanged")

	tests := []struct {
		name string
		into any
		in   string
		msgs []string
	}{
		{"share weight not a decimal", &Share{}, `{"weight":"x","alignedWeight":true}`, []string{
			`hierarchy: share: invalid JSON: "weight" must be a decimal string or a number, not the string "x"`,
			`hierarchy: share: invalid JSON: "alignedWeight" must be a decimal string or a number, not true`,
			// After the problems of the members given, each left out.
			`hierarchy: share: invalid JSON: the value has no "nodes"`,
			`hierarchy: share: invalid JSON: the value has no "aligned"`,
		}},
		{"share weight out of range", &Share{}, `{"nodes":1,"aligned":1,"weight":1e10001,"alignedWeight":1}`, []string{
			`hierarchy: share: invalid JSON: "weight" must be a decimal with an exponent within ±10000, not the number 1e10001`,
		}},
		{"share count a string", &Share{}, `{"nodes":"3","aligned":1,"weight":1,"alignedWeight":1}`, []string{
			`hierarchy: share: invalid JSON: "nodes" must be an integer, not the string "3"`,
		}},
		{"contribution amount", &Contribution{}, `{"id":"a","amount":"1,5"}`, []string{
			`hierarchy: contribution: invalid JSON: "amount" must be a decimal string or a number, not the string "1,5"`,
		}},
		{"contribution id a number", &Contribution{}, `{"id":5,"amount":"1"}`, []string{
			`hierarchy: contribution: invalid JSON: "id" must be a string, not the number 5`,
		}},
		{"attribution decimals", &Attribution{}, `{"id":"","before":"-","after":"1e-10001","change":"0","contributions":[]}`, []string{
			`hierarchy: attribution: invalid JSON: "before" must be a decimal string or a number, not the string "-"`,
			`hierarchy: attribution: invalid JSON: "after" must be a decimal with an exponent within ±10000, not the string "1e-10001"`,
		}},
		{"attribution's contribution", &Attribution{}, `{"contributions":[{"amount":"x"}]}`, []string{
			`hierarchy: attribution: invalid JSON: "contributions[0].amount" must be a decimal string or a number, not the string "x"`,
			`hierarchy: attribution: invalid JSON: "contributions[0]" has no "id"`,
			`hierarchy: attribution: invalid JSON: the value has no "id"`,
			`hierarchy: attribution: invalid JSON: the value has no "before"`,
			`hierarchy: attribution: invalid JSON: the value has no "after"`,
			`hierarchy: attribution: invalid JSON: the value has no "change"`,
		}},
		{"attribution not an object", &Attribution{}, `[]`, []string{
			`hierarchy: attribution: invalid JSON: the value must be an object, not an array`,
		}},
		{"share not an object", &Share{Nodes: 1}, `3`, []string{
			`hierarchy: share: invalid JSON: the value must be an object, not the number 3`,
		}},
		{"contribution not an object", &Contribution{ID: "a"}, `"x"`, []string{
			`hierarchy: contribution: invalid JSON: the value must be an object, not the string "x"`,
		}},
		{"alignment not an object", &Alignment{}, `[{}]`, []string{
			`hierarchy: alignment: invalid JSON: the value must be an object, not an array`,
		}},
		{"line of sight not an object", &LineOfSight{}, `true`, []string{
			`hierarchy: line of sight: invalid JSON: the value must be an object, not true`,
		}},
		{"contributors not an object", &Contributors{}, `"t"`, []string{
			`hierarchy: contributors: invalid JSON: the value must be an object, not the string "t"`,
		}},
		{"level IDs not an object", &LevelIDs{}, `1`, []string{
			`hierarchy: level IDs: invalid JSON: the value must be an object, not the number 1`,
		}},
		{"orphan group not an object", &OrphanGroup{}, `[]`, []string{
			`hierarchy: orphan group: invalid JSON: the value must be an object, not an array`,
		}},
		{"an alignment's unsupported null", &Alignment{}, `{"overall":{"nodes":0,"aligned":0,"weight":0,"alignedWeight":0},"levels":[],"unsupported":null}`, []string{
			`hierarchy: alignment: invalid JSON: "unsupported" must be an array, not null`,
		}},
		{"an alignment's overall null", &Alignment{}, `{"overall":null,"levels":[]}`, []string{
			`hierarchy: alignment: invalid JSON: "overall" must be an object, not null`,
		}},
		{"a line of sight's path null", &LineOfSight{}, `{"from":"a","paths":[null],"complete":true}`, []string{
			`hierarchy: line of sight: invalid JSON: "paths[0]" must be an array, not null`,
		}},
		// Every member MarshalJSON always writes must be given: {} is not
		// a result (it read as the zero result, or left the value as it
		// was). Each left out is said in the order of the fields, after
		// the problems of the members given, at its object's path.
		{"share {}", &Share{Nodes: 1}, `{}`, []string{
			`hierarchy: share: invalid JSON: the value has no "nodes"`,
			`hierarchy: share: invalid JSON: the value has no "aligned"`,
			`hierarchy: share: invalid JSON: the value has no "weight"`,
			`hierarchy: share: invalid JSON: the value has no "alignedWeight"`,
		}},
		{"contribution {}", &Contribution{ID: "a"}, `{}`, []string{
			`hierarchy: contribution: invalid JSON: the value has no "id"`,
			`hierarchy: contribution: invalid JSON: the value has no "amount"`,
		}},
		{"contribution with no amount", &Contribution{}, `{"id":"a","x":1}`, []string{
			`hierarchy: contribution: invalid JSON: unknown field "x"`,
			`hierarchy: contribution: invalid JSON: the value has no "amount"`,
		}},
		{"attribution {}", &Attribution{ID: "a"}, `{}`, []string{
			`hierarchy: attribution: invalid JSON: the value has no "id"`,
			`hierarchy: attribution: invalid JSON: the value has no "before"`,
			`hierarchy: attribution: invalid JSON: the value has no "after"`,
			`hierarchy: attribution: invalid JSON: the value has no "change"`,
			`hierarchy: attribution: invalid JSON: the value has no "contributions"`,
		}},
		{"alignment {}", &Alignment{}, `{}`, []string{
			`hierarchy: alignment: invalid JSON: the value has no "overall"`,
			`hierarchy: alignment: invalid JSON: the value has no "levels"`,
		}},
		{"alignment's shares", &Alignment{}, `{"overall":{"nodes":1,"aligned":1,"weight":"1"},"levels":[{"level":"task","alignedWeight":"1","aligned":1}],"z":0}`, []string{
			`hierarchy: alignment: invalid JSON: "overall" has no "alignedWeight"`,
			`hierarchy: alignment: invalid JSON: "levels[0]" has no "nodes"`,
			`hierarchy: alignment: invalid JSON: "levels[0]" has no "weight"`,
			`hierarchy: alignment: invalid JSON: unknown field "z"`,
		}},
		{"alignment's orphan group", &Alignment{}, `{"overall":{"nodes":0,"aligned":0,"weight":0,"alignedWeight":0},"levels":[],"orphans":[{"highest":"task"}]}`, []string{
			`hierarchy: alignment: invalid JSON: "orphans[0]" has no "ids"`,
		}},
		{"line of sight {}", &LineOfSight{From: "a"}, `{}`, []string{
			`hierarchy: line of sight: invalid JSON: the value has no "from"`,
			`hierarchy: line of sight: invalid JSON: the value has no "paths"`,
			`hierarchy: line of sight: invalid JSON: the value has no "complete"`,
		}},
		{"contributors {}", &Contributors{To: "a"}, `{}`, []string{
			`hierarchy: contributors: invalid JSON: the value has no "to"`,
			`hierarchy: contributors: invalid JSON: the value has no "levels"`,
		}},
		{"contributors' level", &Contributors{}, `{"to":"t","levels":[{"level":"task"}]}`, []string{
			`hierarchy: contributors: invalid JSON: "levels[0]" has no "ids"`,
		}},
		{"level IDs with no IDs", &LevelIDs{}, `{"level":"task"}`, []string{
			`hierarchy: level IDs: invalid JSON: the value has no "ids"`,
		}},
		{"orphan group with no IDs", &OrphanGroup{}, `{"highest":"task"}`, []string{
			`hierarchy: orphan group: invalid JSON: the value has no "ids"`,
		}},
		// The level left out is the level's problem, after the form's.
		{"level IDs {}", &LevelIDs{Level: outcome.Task}, `{}`, []string{
			`hierarchy: level IDs: invalid JSON: the value has no "ids"`,
			`hierarchy: level IDs: no "level"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			was := fmt.Sprint(tt.into)
			err := json.Unmarshal([]byte(tt.in), tt.into)
			assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
			assert.Equal(t, tt.msgs, messages(err))
			assert.Equal(t, was, fmt.Sprint(tt.into), "unchanged")
		})
	}
}

// TestResults_everyProblem: a result's UnmarshalJSON reports every problem,
// in the order of its fields, a field given again right after it, the keys
// that name no field last, then the levels that name none, each with its
// code and the IDs of the result (and of the contribution it is in), the
// same however the members are written (but for a key given twice, whose
// first member in the text is the one read). Each result has several
// problems; each list is worked out by hand from the fields' order.
func TestResults_everyProblem(t *testing.T) {
	const badJSON = outcome.ErrInvalidJSON
	for _, tt := range []struct {
		name  string
		in    string
		twice bool // a key is given twice: the text is not read reversed
		into  func() json.Unmarshaler
		want  []problem
	}{
		{"share, three wrong types", `{"aligned":"2","level":3,"nodes":"3"}`, false,
			func() json.Unmarshaler { return &Share{Nodes: 9} },
			[]problem{
				{badJSON, nil, `hierarchy: share: invalid JSON: "level" must be a string, not the number 3`},
				{badJSON, nil, `hierarchy: share: invalid JSON: "nodes" must be an integer, not the string "3"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: "aligned" must be an integer, not the string "2"`},
				// Left out, in the order of the fields, after the rest.
				{badJSON, nil, `hierarchy: share: invalid JSON: the value has no "weight"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: the value has no "alignedWeight"`},
			}},
		{"share", `{"weight":true,"colour":1,"nodes":null,"level":"nowhere","alignedWeight":"y","a":[]}`, false,
			func() json.Unmarshaler { return &Share{Nodes: 9} },
			[]problem{
				// The level is a string: read, then checked after the form.
				{badJSON, nil, `hierarchy: share: invalid JSON: "nodes" must be an integer, not null`},
				{badJSON, nil, `hierarchy: share: invalid JSON: "weight" must be a decimal string or a number, not true`},
				{badJSON, nil, `hierarchy: share: invalid JSON: "alignedWeight" must be a decimal string or a number, not the string "y"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: unknown field "a"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: unknown field "colour"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: the value has no "aligned"`},
				{outcome.ErrUnknownLevel, nil, `outcome: unknown level "nowhere"`},
			}},
		{"share, a key given twice", `{"nodes":null,"aligned":1,"Nodes":2,"aligned":true}`, true,
			func() json.Unmarshaler { return &Share{Nodes: 9} },
			[]problem{
				// The first member of a field is the one read.
				{badJSON, nil, `hierarchy: share: invalid JSON: "nodes" must be an integer, not null`},
				{badJSON, nil, `hierarchy: share: invalid JSON: duplicate object key "Nodes" (encoding/json matches it to the same field as "nodes")`},
				{badJSON, nil, `hierarchy: share: invalid JSON: duplicate object key "aligned"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: the value has no "weight"`},
				{badJSON, nil, `hierarchy: share: invalid JSON: the value has no "alignedWeight"`},
			}},
		{"contribution", `{"amount":[1],"x":1,"id":"a","w":null}`, false,
			func() json.Unmarshaler { return &Contribution{ID: "keep"} },
			[]problem{
				{badJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: "amount" must be a decimal string or a number, not an array`},
				{badJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: unknown field "w"`},
				{badJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: unknown field "x"`},
			}},
		{"contribution, a key given twice", `{"id":"a","ID":"b","amount":null}`, true,
			func() json.Unmarshaler { return &Contribution{ID: "keep"} },
			[]problem{
				// The first "id" is the one read: the ID is "a".
				{badJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: duplicate object key "ID" (encoding/json matches it to the same field as "id")`},
				{badJSON, []string{"a"}, `hierarchy: contribution: invalid JSON: "amount" must be a decimal string or a number, not null`},
			}},
		{"attribution", `{"contributions":[{"amount":"1e10001","id":"x"},null,{"y":0,"id":5}],"change":"-","z":1,"id":"c","before":null}`, false,
			func() json.Unmarshaler { return &Attribution{ID: "keep"} },
			[]problem{
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: "before" must be a decimal string or a number, not null`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: "change" must be a decimal string or a number, not the string "-"`},
				{badJSON, []string{"c", "x"}, `hierarchy: attribution: invalid JSON: "contributions[0].amount" must be a decimal with an exponent within ±10000, not the string "1e10001"`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: "contributions[1]" must be an object, not null`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: "contributions[2].id" must be a string, not the number 5`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: unknown field "contributions[2].y"`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: "contributions[2]" has no "amount"`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: unknown field "z"`},
				{badJSON, []string{"c"}, `hierarchy: attribution: invalid JSON: the value has no "after"`},
			}},
		// Problems at three depths: the alignment's own members, its
		// shares' and orphan groups' members, an orphan group's IDs; the
		// levels that name none after the form's, levels before orphans.
		{"alignment", `{"unsupported":["s",7],"z":true,` +
			`"orphans":[{"ids":["a",null],"colour":1,"highest":"nowhere"},3],` +
			`"levels":[{"level":"work","nodes":1},{"aligned":"2","level":"sco","weight":[]},null],` +
			`"overall":{"alignedWeight":"x","nodes":null,"level":"output"}}`, false,
			func() json.Unmarshaler { return &Alignment{Levels: []Share{{Nodes: 9}}} },
			[]problem{
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall.nodes" must be an integer, not null`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall.alignedWeight" must be a decimal string or a number, not the string "x"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "aligned"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "weight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "aligned"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "weight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "alignedWeight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[1].aligned" must be an integer, not the string "2"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[1].weight" must be a decimal string or a number, not an array`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[1]" has no "nodes"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[1]" has no "alignedWeight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[2]" must be an object, not null`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "orphans[0].ids[1]" must be a string, not null`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: unknown field "orphans[0].colour"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "orphans[1]" must be an object, not the number 3`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "unsupported[1]" must be a string, not the number 7`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: unknown field "z"`},
				{outcome.ErrUnknownLevel, nil, `hierarchy: alignment: "levels[0].level": outcome: unknown level "work"`},
				{outcome.ErrUnknownLevel, nil, `hierarchy: alignment: "orphans[0].highest": outcome: unknown level "nowhere"`},
			}},
		{"alignment, keys given twice", `{"levels":[{"nodes":1,"Nodes":2}],"overall":{},"Levels":[],"orphans":null}`, true,
			func() json.Unmarshaler { return &Alignment{} },
			[]problem{
				// A share's key given twice, at its path, before the
				// alignment's, right after its field; null orphans refused;
				// the members of a share left out after its other problems.
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "nodes"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "aligned"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "weight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "overall" has no "alignedWeight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: duplicate object key "levels[0].Nodes" (encoding/json matches it to the same field as "nodes")`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "aligned"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "weight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "levels[0]" has no "alignedWeight"`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: duplicate object key "Levels" (encoding/json matches it to the same field as "levels")`},
				{badJSON, nil, `hierarchy: alignment: invalid JSON: "orphans" must be an array, not null`},
			}},
		{"line of sight", `{"complete":null,"paths":[["a","b"],[3,"c"],{}],"from":"a","extra":1}`, false,
			func() json.Unmarshaler { return &LineOfSight{From: "keep"} },
			[]problem{
				{badJSON, []string{"a"}, `hierarchy: line of sight: invalid JSON: "paths[1][0]" must be a string, not the number 3`},
				{badJSON, []string{"a"}, `hierarchy: line of sight: invalid JSON: "paths[2]" must be an array, not an object`},
				{badJSON, []string{"a"}, `hierarchy: line of sight: invalid JSON: "complete" must be true or false, not null`},
				{badJSON, []string{"a"}, `hierarchy: line of sight: invalid JSON: unknown field "extra"`},
			}},
		{"contributors", `{"levels":[{"ids":["a",5],"level":"bogus"},7,{"level":3,"ids":null}],"to":"t","w":[]}`, false,
			func() json.Unmarshaler { return &Contributors{To: "keep"} },
			[]problem{
				// levels[2]'s "ids":null is no IDs, as the package once wrote it.
				{badJSON, []string{"t"}, `hierarchy: contributors: invalid JSON: "levels[0].ids[1]" must be a string, not the number 5`},
				{badJSON, []string{"t"}, `hierarchy: contributors: invalid JSON: "levels[1]" must be an object, not the number 7`},
				{badJSON, []string{"t"}, `hierarchy: contributors: invalid JSON: "levels[2].level" must be a string, not the number 3`},
				{badJSON, []string{"t"}, `hierarchy: contributors: invalid JSON: unknown field "w"`},
				{outcome.ErrUnknownLevel, []string{"t"}, `hierarchy: contributors: "levels[0].level": outcome: unknown level "bogus"`},
			}},
		{"level IDs", `{"ids":[null,"a"],"q":0,"level":"x"}`, false,
			func() json.Unmarshaler { return &LevelIDs{Level: outcome.Task} },
			[]problem{
				{badJSON, nil, `hierarchy: level IDs: invalid JSON: "ids[0]" must be a string, not null`},
				{badJSON, nil, `hierarchy: level IDs: invalid JSON: unknown field "q"`},
				{outcome.ErrUnknownLevel, nil, `outcome: unknown level "x"`},
			}},
		{"orphan group", `{"ids":{},"highest":7}`, false,
			func() json.Unmarshaler { return &OrphanGroup{Highest: outcome.Task} },
			[]problem{
				{badJSON, nil, `hierarchy: orphan group: invalid JSON: "highest" must be a string, not the number 7`},
				{badJSON, nil, `hierarchy: orphan group: invalid JSON: "ids" must be an array, not an object`},
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			texts := [][]byte{[]byte(tt.in), spoil.Reversed([]byte(tt.in))}
			if tt.twice {
				texts = texts[:1]
			}
			for _, data := range texts {
				v := tt.into()
				was := fmt.Sprint(v)
				err := v.UnmarshalJSON(data)
				assert.Equal(t, tt.want, problemsOf(err), "%s", data)
				for _, w := range tt.want {
					assert.ErrorIs(t, err, w.code, "%s", data)
				}
				assert.Equal(t, was, fmt.Sprint(v), "%s: unchanged", data)
			}
		})
	}
}

// TestAddJSON_everyProblem: a definition is read member by member, so every
// value of the wrong type, null included, every unknown field and every
// field given twice is reported, each named by its JSON path and with the
// IDs of its node (its ID) or link (its ends, "" for one that is not a
// string); what decodes is added and checked, and what does not is left
// unchecked rather than misreported.
func TestAddJSON_everyProblem(t *testing.T) {
	in := `{"nodes":[
	  {"id":"a","level":3},
	  {"id":"b","level":"task","name":null},
	  {"id":5,"level":"output"},
	  {"id":"c","level":"output","metric":null,"colour":"red"},
	  {"id":"d","level":"activity","Level":"task"}],
	 "links":[
	  {"from":"a","to":"b","weight":null},
	  {"from":"b","to":"zz"},
	  {"from":"b","to":"c","weight":"-1"},
	  {"from":["x"],"to":"d"},
	  null,
	  {"from":"d","to":"b"},
	  {"from":"c","to":"c","weight":null}]}`
	// Worked by hand, in the order Build sorts problems, by IDs (none
	// first) then code, ties in the order of the fields:
	//   - nodes[2]'s ID is a number: the node has no ID (not added), so no
	//     link is reported for naming an unknown node: b -> zz is not;
	//   - links[4] is null: not a link;
	//   - links[3]'s from is an array: IDs "" and "d", not added;
	//   - a's level is a number: a is added without a level, which is not
	//     reported again, and a -> b is not checked for going down;
	//   - a -> b's weight is null: reported, and the link is added (weight
	//     0), so its ends are checked (both known);
	//   - b's name is null; b is added;
	//   - b -> c's weight -1 is below zero, as Build says of any link;
	//   - c's metric is null, and c has an unknown field; c is added;
	//   - c -> c's weight is null, and the link is added: c links to
	//     itself ("invalid-json" sorts before "self-link");
	//   - d gives its level twice ("Level" fills the field "level"): the
	//     first, activity, is read, so d -> b (activity to task) goes down.
	want := []problem{
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[2].id" must be a string, not the number 5`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "links[4]" must be an object, not null`},
		{outcome.ErrInvalidJSON, []string{"", "d"}, `hierarchy: invalid JSON: "links[3].from" must be a string, not an array`},
		{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "nodes[0].level" must be a string, not the number 3`},
		{outcome.ErrInvalidJSON, []string{"a", "b"}, `hierarchy: invalid JSON: "links[0].weight" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"b"}, `hierarchy: invalid JSON: "nodes[1].name" must be a string, not null`},
		{ErrNegativeWeight, []string{"b", "c"}, `hierarchy: link "b" -> "c" has weight -1, below zero`},
		{outcome.ErrInvalidJSON, []string{"c"}, `hierarchy: invalid JSON: "nodes[3].metric" must be an object, not null`},
		{outcome.ErrInvalidJSON, []string{"c"}, `hierarchy: invalid JSON: unknown field "nodes[3].colour"`},
		{outcome.ErrInvalidJSON, []string{"c", "c"}, `hierarchy: invalid JSON: "links[6].weight" must be a decimal string or a number, not null`},
		{ErrSelfLink, []string{"c", "c"}, `hierarchy: node "c" links to itself`},
		{outcome.ErrInvalidJSON, []string{"d"},
			`hierarchy: invalid JSON: duplicate object key "nodes[4].Level" (encoding/json matches it to the same field as "level")`},
		{ErrDownwardLink, []string{"d", "b"}, `hierarchy: link "d" -> "b" goes down from Activity to Task`},
	}
	b := NewBuilder()
	b.AddJSON([]byte(in))
	_, err := b.Build()
	assert.Equal(t, want, problemsOf(err))
	var m Model
	assert.Equal(t, messages(err), messages(m.UnmarshalJSON([]byte(in))), "UnmarshalJSON reports as AddJSON and Build")
}

// A node's metric that is not an object is a problem of the JSON form at
// its path, as every other value of the wrong type is, naming the node;
// the node is added without a metric. A metric that is an object has the
// problems outcome's decoder finds, as before.
func TestAddJSON_metricNotObject(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []problem
	}{
		// b is added (without its metric): the link from it is not
		// reported for naming an unknown node.
		{"a number", `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"task","metric":3}],"links":[{"from":"b","to":"a"}]}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"b"}, `hierarchy: invalid JSON: "nodes[1].metric" must be an object, not the number 3`}}},
		{"a string", `{"nodes":[{"id":"a","level":"task","metric":"calls-handled"}]}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "nodes[0].metric" must be an object, not the string "calls-handled"`}}},
		{"an array", `{"nodes":[{"id":"a","level":"task","metric":[{}]}]}`,
			[]problem{{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: "nodes[0].metric" must be an object, not an array`}}},
		// With no ID the node is added with an empty one, which Build
		// reports; the form's problem names no node.
		{"true, in a node with no ID", `{"nodes":[{"level":"task","metric":true}]}`,
			[]problem{
				{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an empty id`},
				{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[0].metric" must be an object, not true`},
			}},
		{"an object with a problem", `{"nodes":[{"id":"a","level":"task","metric":{"id":"m","name":"M","level":"task"}}]}`,
			[]problem{{outcome.ErrUnknownDirection, []string{"a", "m"}, `hierarchy: node "a": metric: outcome: metric "m" has no valid direction`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBuilder()
			b.AddJSON([]byte(c.in))
			_, err := b.Build()
			got := problemsOf(err)
			for _, p := range outcome.Problems(err) {
				if p.Code == outcome.ErrInvalidJSON {
					assert.ErrorIs(t, p, strictjson.ErrNotObject)
				}
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// TestAddJSON_unreadNodes: a node that cannot be read may be the one a link
// names, from any definition, so no link added by ID is reported for naming
// an unknown node while there is one; without one, it is; and a node whose
// level cannot be read is not reported again as having none, nor its links
// as going down.
func TestAddJSON_unreadNodes(t *testing.T) {
	link := `{"links":[{"from":"t","to":"x"}]}`
	cases := []struct {
		name  string
		nodes string
		want  []string
	}{
		{"every node read", `{"nodes":[{"id":"t","level":"task"}]}`,
			[]string{`hierarchy: link "t" -> "x" goes to an unknown node`}},
		{"an ID of the wrong type", `{"nodes":[{"id":"t","level":"task"},{"id":["x"],"level":"task"}]}`,
			[]string{`hierarchy: invalid JSON: "nodes[1].id" must be a string, not an array`}},
		{"a null ID", `{"nodes":[{"id":"t","level":"task"},{"id":null,"level":"task"}]}`,
			[]string{`hierarchy: invalid JSON: "nodes[1].id" must be a string, not null`}},
		{"a node not an object", `{"nodes":[{"id":"t","level":"task"},"x"]}`,
			[]string{`hierarchy: invalid JSON: "nodes[1]" must be an object, not the string "x"`}},
		{"nodes null", `{"nodes":null}`,
			[]string{`hierarchy: invalid JSON: "nodes" must be an array, not null`}},
		// x's level is unread: x is added, so t -> x is checked, and x ->
		// t, from x to a task, is not checked for going down; the two make
		// a cycle whatever x's level, which is reported.
		{"a level unread", `{"nodes":[{"id":"t","level":"task"},{"id":"x","level":{}}],"links":[{"from":"x","to":"t"}]}`,
			[]string{
				`hierarchy: cycle "t" -> "x" -> "t"`,
				`hierarchy: invalid JSON: "nodes[1].level" must be a string, not an object`,
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBuilder()
			b.AddJSON([]byte(c.nodes))
			b.AddJSON([]byte(link))
			_, err := b.Build()
			assert.Equal(t, c.want, messages(err))
		})
	}
	// A link added by position is still checked: it cannot name the node.
	b := NewBuilder()
	b.AddJSON([]byte(`{"nodes":[{"id":1}]}`))
	b.AddLinkAt(0, 1)
	_, err := b.Build()
	assert.Equal(t, []string{
		`hierarchy: invalid JSON: "nodes[0].id" must be a string, not the number 1`,
		`hierarchy: link "#0" -> "#1" joins two unknown nodes`,
	}, messages(err))
}

// TestAddJSON_metricOfNodeWithNoID: the problems of the metric of a node
// whose ID is empty or left out name the node by its position among the
// builder's nodes, as Build's problem of its empty ID does, with no empty
// ID among their IDs; a node whose ID is white space is named by it, as
// its other problems name it.
func TestAddJSON_metricOfNodeWithNoID(t *testing.T) {
	cases := []struct {
		name string
		code []Node // added before the definition
		in   string
		want []problem
	}{
		// The metric's ID is empty, and it has neither level nor
		// direction (NewMetric's order: ID, name, level, direction). All
		// four problems have no ID, so they sort by code; the metric's
		// empty ID, recorded by AddJSON, comes before the node's, which
		// Build finds.
		{"an empty ID", nil, `{"nodes":[{"id":"","name":"B","level":"task","metric":{"id":"","name":"M"}}]}`,
			[]problem{
				{outcome.ErrEmptyID, nil, `hierarchy: node #0: metric: outcome: empty id`},
				{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an empty id`},
				{outcome.ErrUnknownDirection, nil, `hierarchy: node #0: metric: outcome: metric "" has no valid direction`},
				{outcome.ErrUnknownLevel, nil, `hierarchy: node #0: metric: outcome: metric "" has no valid level`},
			}},
		// The node added by code is at position 0, so the one of the
		// definition, with no "id", is #1; its metric names only itself.
		{"no ID, after a node added by code", []Node{node("t", outcome.Task)},
			`{"nodes":[{"level":"output","metric":{"id":"m","name":"M","level":"output"}}]}`,
			[]problem{
				{outcome.ErrEmptyID, nil, `hierarchy: node #1 has an empty id`},
				{outcome.ErrUnknownDirection, []string{"m"}, `hierarchy: node #1: metric: outcome: metric "m" has no valid direction`},
			}},
		{"an ID of white space", nil, `{"nodes":[{"id":" ","level":"task","metric":{"id":"m","name":"M","level":"task"}}]}`,
			[]problem{
				{outcome.ErrEmptyID, nil, `hierarchy: node #0 has an id of only white space " "`},
				{outcome.ErrUnknownDirection, []string{" ", "m"}, `hierarchy: node " ": metric: outcome: metric "m" has no valid direction`},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBuilder()
			for _, n := range c.code {
				b.AddNode(n)
			}
			b.AddJSON([]byte(c.in))
			_, err := b.Build()
			assert.Equal(t, c.want, problemsOf(err))
			if c.code == nil {
				var m Model
				assert.Equal(t, messages(err), messages(m.UnmarshalJSON([]byte(c.in))), "UnmarshalJSON reports as AddJSON and Build")
			}
		})
	}
}

// TestAddJSON_metricForm: the problems of the JSON form of a node's metric
// (a key that names no field, a field given twice, a value of the wrong
// type, null included) are problems of the definition's form, said at
// their path as the node's own are, naming the node's ID and then the
// metric's, each given as a string that is not empty; the metric's other
// problems are outcome's, after the node, and only for a node that is
// added.
func TestAddJSON_metricForm(t *testing.T) {
	in := `{"nodes":[
	  {"id":"a","level":"output","metric":{"id":"m","name":"M","level":"output","direction":"up","colour":"red","Name":"N","rewarded":"yes"},"size":1},
	  {"level":"task","metric":{"id":7,"name":null,"level":"task","direction":"up"}},
	  {"id":5,"level":"task","metric":{"unit":[1]}},
	  {"id":"c","level":"task","metric":{"id":"k","name":"K","level":"task","direction":"sideways","owner":3}}]}`
	// Worked by hand, in the order Build sorts problems, by IDs (none
	// first) then code, ties in the order of the fields:
	//   - nodes[1] has no ID: it is added at position 1 with an empty one,
	//     which Build reports; its metric's ID is a number and its name
	//     null, neither then checked again (its level and direction are
	//     good), and the metric names no ID;
	//   - nodes[2]'s ID is a number: the node is not added, and its
	//     metric's unit, an array, is a problem of the form all the same;
	//     its empty ID, name, level and direction are not checked;
	//   - a's node has an unknown field; its metric gives its name twice
	//     ("Name" fills "name"), says "yes" for rewarded and has an unknown
	//     field too, which outcome says in the order of the metric's fields
	//     (a repeat right after its field, unknown keys last);
	//   - c (at position 2, as nodes[2] was not added) has a metric k
	//     whose owner is a number, and whose direction names none, which
	//     outcome says ("invalid-json" sorts before "unknown-direction").
	want := []problem{
		{outcome.ErrEmptyID, nil, `hierarchy: node #1 has an empty id`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[1].metric.id" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[1].metric.name" must be a string, not null`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[2].id" must be a string, not the number 5`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "nodes[2].metric.unit" must be a string, not an array`},
		{outcome.ErrInvalidJSON, []string{"a"}, `hierarchy: invalid JSON: unknown field "nodes[0].size"`},
		{outcome.ErrInvalidJSON, []string{"a", "m"},
			`hierarchy: invalid JSON: duplicate object key "nodes[0].metric.Name" (encoding/json matches it to the same field as "name")`},
		{outcome.ErrInvalidJSON, []string{"a", "m"}, `hierarchy: invalid JSON: "nodes[0].metric.rewarded" must be true or false, not the string "yes"`},
		{outcome.ErrInvalidJSON, []string{"a", "m"}, `hierarchy: invalid JSON: unknown field "nodes[0].metric.colour"`},
		{outcome.ErrInvalidJSON, []string{"c", "k"}, `hierarchy: invalid JSON: "nodes[3].metric.owner" must be a string, not the number 3`},
		{outcome.ErrUnknownDirection, []string{"c", "k"}, `hierarchy: node "c": metric: outcome: metric "k" has an unknown direction "sideways"`},
	}
	b := NewBuilder()
	b.AddJSON([]byte(in))
	_, err := b.Build()
	ps := outcome.Problems(err)
	assert.Equal(t, want, problemsOf(err))
	// A relayed problem wraps outcome's, and so its cause.
	assert.ErrorIs(t, ps[6], strictjson.ErrDuplicateKey)
	var typeErr *json.UnmarshalTypeError
	assert.ErrorAs(t, ps[9], &typeErr)
	var m Model
	assert.Equal(t, messages(err), messages(m.UnmarshalJSON([]byte(in))), "UnmarshalJSON reports as AddJSON and Build")
}

// TestAddJSON_memberOrder: the problems of a definition come in the same
// order however the members of its objects are written, after Build has
// sorted them (by IDs, then code, ties in the order they were reported):
// each object is read in the order of its fields (the definition's nodes,
// then links; a node's id, name, level, metric; a link's from, to,
// weight), a field given again right after the field, then the keys that
// name no field, sorted; a node's metric, read by outcome, in the order of
// its fields too. The definition, written with the members of every
// object in another order and then reversed, gives these problems, worked
// out by hand.
func TestAddJSON_memberOrder(t *testing.T) {
	in := `{"x":1,
	  "links":[{"weight":null,"w":2,"to":"b","from":"a"},{"to":1,"from":[2]}],
	  "nodes":[{"level":"task","size":1,"name":7,"id":"a"},
	           {"metric":{"colour":1,"id":"m","name":"M","level":"task","direction":"up","rewarded":"yes"},"level":"task","id":"b","name":null},
	           {"name":false,"id":5}],
	  "a":2}`
	// Worked by hand. No IDs first: nodes[2]'s ID, a number, and its name
	// (the node is not added); links[1]'s ends, neither a string (the link
	// names none and is not added); the unknown keys "a" and "x", sorted.
	// Then a's name, a number, before its unknown key "size"; a -> b's
	// weight, null (the link is added, weight 0), before its unknown key
	// "w"; b's name, null; b's metric m: rewarded "yes", then its unknown
	// key "colour". Every problem is invalid-json, so the sort keeps these
	// in the order they were reported within each set of IDs.
	want := []struct {
		ids []string
		msg string
	}{
		{nil, `hierarchy: invalid JSON: "nodes[2].id" must be a string, not the number 5`},
		{nil, `hierarchy: invalid JSON: "nodes[2].name" must be a string, not false`},
		{nil, `hierarchy: invalid JSON: "links[1].from" must be a string, not an array`},
		{nil, `hierarchy: invalid JSON: "links[1].to" must be a string, not the number 1`},
		{nil, `hierarchy: invalid JSON: unknown field "a"`},
		{nil, `hierarchy: invalid JSON: unknown field "x"`},
		{[]string{"a"}, `hierarchy: invalid JSON: "nodes[0].name" must be a string, not the number 7`},
		{[]string{"a"}, `hierarchy: invalid JSON: unknown field "nodes[0].size"`},
		{[]string{"a", "b"}, `hierarchy: invalid JSON: "links[0].weight" must be a decimal string or a number, not null`},
		{[]string{"a", "b"}, `hierarchy: invalid JSON: unknown field "links[0].w"`},
		{[]string{"b"}, `hierarchy: invalid JSON: "nodes[1].name" must be a string, not null`},
		{[]string{"b", "m"}, `hierarchy: invalid JSON: "nodes[1].metric.rewarded" must be true or false, not the string "yes"`},
		{[]string{"b", "m"}, `hierarchy: invalid JSON: unknown field "nodes[1].metric.colour"`},
	}
	for _, data := range [][]byte{[]byte(in), spoil.Reversed([]byte(in))} {
		b := NewBuilder()
		b.AddJSON(data)
		_, err := b.Build()
		ps := outcome.Problems(err)
		require.Len(t, ps, len(want), "%s: %v", data, messages(err))
		for i, w := range want {
			assert.Equal(t, outcome.ErrInvalidJSON, ps[i].Code, "%s: problem %d", data, i)
			assert.Equal(t, w.ids, ps[i].IDs, "%s: problem %d", data, i)
			assert.Equal(t, w.msg, ps[i].Message, "%s: problem %d", data, i)
		}
		var m Model
		assert.Equal(t, messages(err), messages(m.UnmarshalJSON(data)), "UnmarshalJSON reports as AddJSON and Build")
	}
}

// TestAddJSON_linkEndUnreadWeightChecked: a link with an end of the wrong
// type is not added, but its weight is checked as an added link's is, its
// problem naming the ends as read ("" for the end unread), since a weight
// does not depend on the ends; a null weight is the form's problem alone,
// and a weight left out is 1, as for any link.
func TestAddJSON_linkEndUnreadWeightChecked(t *testing.T) {
	in := `{"nodes":[{"id":"a","level":"task"},{"id":"b","level":"output"}],"links":[
	  {"from":3,"to":"b","weight":"-1"},
	  {"from":"a","to":["b"],"weight":"0.0000001"},
	  {"from":true,"to":null,"weight":"1e20000"},
	  {"from":"a","to":7,"weight":{}},
	  {"from":"a","to":7,"weight":null},
	  {"from":"a","to":7},
	  {"from":"a","to":"b","weight":"2"},
	  {"from":"a","to":7,"weight":"0.5"}]}`
	// Worked by hand, sorted as Build sorts, by IDs (none first), then
	// code ("invalid-json" < "invalid-link-weight" <
	// "negative-link-weight"), ties in the order reported:
	//   - links[2] names no end as a string: its form's problems have no
	//     IDs; its weight's names "" and "": an exponent beyond ±10000;
	//   - links[0]: from is a number; -1 is below zero;
	//   - links[1], [3], [4], [5] each have "to" unread, IDs "a" and "";
	//     [4]'s weight is null, said by the form; [1]'s weight has seven
	//     places, and [3]'s is an object, not a decimal; [5]'s is left
	//     out, 1;
	//   - links[6] is a good link, added;
	//   - links[7] has "to" unread too, and a plain weight, 0.5, which has
	//     no problem: it is not added (added, it would be a link to the
	//     unknown node "").
	want := []problem{
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "links[2].from" must be a string, not true`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: invalid JSON: "links[2].to" must be a string, not null`},
		{ErrInvalidWeight, []string{"", ""}, `hierarchy: link "" -> "" has weight "1e20000", whose exponent 20000 is beyond ±10000`},
		{outcome.ErrInvalidJSON, []string{"", "b"}, `hierarchy: invalid JSON: "links[0].from" must be a string, not the number 3`},
		{ErrNegativeWeight, []string{"", "b"}, `hierarchy: link "" -> "b" has weight -1, below zero`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[1].to" must be a string, not an array`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[3].to" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[4].to" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[4].weight" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[5].to" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, []string{"a", ""}, `hierarchy: invalid JSON: "links[7].to" must be a string, not the number 7`},
		{ErrInvalidWeight, []string{"a", ""}, `hierarchy: link "a" -> "" has weight 0.0000001, with more than 6 decimal places`},
		{ErrInvalidWeight, []string{"a", ""}, `hierarchy: link "a" -> "" has weight "{}", which is not a decimal number`},
	}
	b := NewBuilder()
	b.AddJSON([]byte(in))
	_, err := b.Build()
	assert.Equal(t, want, problemsOf(err))
	var m Model
	assert.Equal(t, want, problemsOf(m.UnmarshalJSON([]byte(in))), "UnmarshalJSON reports as AddJSON and Build")
}

// TestAddJSON_linkEndLeftOut checks that a link that leaves out an end is
// not dropped: the end is the empty ID, as a node's ID left out is, and
// Build reports the link for naming an unknown node (a definition that
// decoded with its links so lost used to build without an error).
func TestAddJSON_linkEndLeftOut(t *testing.T) {
	var m Model
	err := m.UnmarshalJSON([]byte(`{"nodes":[{"id":"b","level":"task"}],"links":[{"to":"b"},{"from":"b","weight":"0.5"},{}]}`))
	assert.Equal(t, []problem{
		{ErrDanglingLink, []string{"", ""}, `hierarchy: link "" -> "" joins two unknown nodes`},
		{ErrDanglingLink, []string{"", "b"}, `hierarchy: link "" -> "b" comes from an unknown node`},
		{ErrDanglingLink, []string{"b", ""}, `hierarchy: link "b" -> "" goes to an unknown node`},
	}, problemsOf(err))
}

// TestAddJSON_idsReadOnce checks that AddJSON reads each node's ID and each
// link's ends once: the string that names the node or the link in the
// problems of its form is the node's ID, or the link's end, itself (the
// same bytes in memory), not a second copy read from the same text. A
// second reading, as by jsondecode.Value, makes other bytes.
func TestAddJSON_idsReadOnce(t *testing.T) {
	b := NewBuilder()
	b.AddJSON([]byte(`{"nodes":[{"id":"answer-call","name":3,"level":"task"}],` +
		`"links":[{"from":"answer-call","to":"calls-handled","colour":1}]}`))
	require.Len(t, b.problems, 2)
	// `"nodes[0].name" must be a string, not the number 3`, naming the node.
	node := b.problems[0]
	require.Equal(t, []string{"answer-call"}, node.IDs)
	require.Len(t, b.ids, 1)
	assert.Equal(t, "answer-call", b.ids[0])
	assert.Same(t, unsafe.StringData(b.ids[0]), unsafe.StringData(node.IDs[0]), "the node's ID and its problem's")
	// `unknown field "links[0].colour"`, naming the link's ends.
	link := b.problems[1]
	require.Equal(t, []string{"answer-call", "calls-handled"}, link.IDs)
	require.Len(t, b.from, 1)
	assert.Equal(t, []string{"answer-call", "calls-handled"}, []string{b.from[0], b.to[0]})
	assert.Same(t, unsafe.StringData(b.from[0]), unsafe.StringData(link.IDs[0]), "the link's from and its problem's")
	assert.Same(t, unsafe.StringData(b.to[0]), unsafe.StringData(link.IDs[1]), "the link's to and its problem's")
}

// TestReadJSON_allocations counts what reading one node and one link of a
// definition allocates, their members already split (by the Form's reader,
// which hands them out of blocks): a Form with no memory yet allocates the
// parent path its members' paths share (1), and each string read is a new
// string: the node's ID and its name; the link's ends. Each ID is read once (TestAddJSON_idsReadOnce), and a level
// written as MarshalText writes it is its token, not a copy of its text
// (TestLevelToken): 3 for the node, 3 for the link; IDs read twice and the
// level copied, 5 for both.
func TestReadJSON_allocations(t *testing.T) {
	node, err := strictjson.Members([]byte(`{"id":"answer-call","name":"Answer call","level":"task"}`))
	require.NoError(t, err)
	link, err := strictjson.Members([]byte(`{"from":"answer-call","to":"calls-handled"}`))
	require.NoError(t, err)
	var n jsonNode
	var l jsonLink
	assert.Equal(t, 3.0, testing.AllocsPerRun(100, func() {
		f := jsondecode.Form{Pkg: "hierarchy"}
		n, _ = readJSONNode(&f, jsondecode.Path{}, node)
	}), "a node")
	assert.Equal(t, 3.0, testing.AllocsPerRun(100, func() {
		f := jsondecode.Form{Pkg: "hierarchy"}
		l = readJSONLink(&f, jsondecode.Path{}, link)
	}), "a link")
	// What was read.
	assert.Equal(t, Node{ID: "answer-call", Name: "Answer call"}, n.node)
	assert.Equal(t, "task", n.level)
	assert.Equal(t, jsonLink{from: "answer-call", to: "calls-handled", fromOK: true, toOK: true, weightOK: true}, l)
}

// TestLevelToken checks that levelTokens are the levels' tokens, as
// MarshalText writes them, so that every level of a definition that
// MarshalJSON wrote is read as its token, and that levelToken reads only a
// JSON string of one of them: any other spelling, another value or a
// string with an escape is left to jsondecode.Value.
func TestLevelToken(t *testing.T) {
	var i int
	for l := range outcome.Levels() {
		text, err := l.MarshalText()
		require.NoError(t, err)
		require.Less(t, i, len(levelTokens))
		assert.Equal(t, string(text), levelTokens[i], "level %v", l)
		token, ok := levelToken(json.RawMessage(`"` + string(text) + `"`))
		assert.True(t, ok, "level %v", l)
		assert.Equal(t, string(text), token)
		i++
	}
	assert.Equal(t, len(levelTokens), i, "levels")
	for _, raw := range []string{`"Task"`, `"tasks"`, `"bo"`, `"task "`, `"\u0074ask"`, `"t"`, `""`, `task`, `3`, `null`, `"`, ``} {
		token, ok := levelToken(json.RawMessage(raw))
		assert.False(t, ok, "%s", raw)
		assert.Empty(t, token, "%s", raw)
	}
}

// TestPlainWeight checks the weights plainWeight reads, in millionths worked
// out by hand, and those it leaves to textWeight; each it reads, textWeight
// reads to the same millionths with no problem.
func TestPlainWeight(t *testing.T) {
	plain := []struct {
		raw  string
		want int64
	}{
		{`0.5`, 500_000},
		{`"0.5"`, 500_000},
		{` "0.5" `, 500_000},
		{`1`, 1_000_000},
		{`"2"`, 2_000_000},
		{`"1.250000"`, 1_250_000},
		{`0.000001`, 1},
		{`"0"`, 0},
		{`0.000000`, 0},
		{`".5"`, 500_000},
		{`"3."`, 3_000_000},
		{`"000000000000.5"`, 500_000},
		{`999999999999.999999`, 999_999_999_999_999_999},
	}
	for _, tt := range plain {
		w, ok := plainWeight(json.RawMessage(tt.raw))
		assert.True(t, ok, "%s", tt.raw)
		assert.Equal(t, tt.want, w, "%s", tt.raw)
		text, ok := weightText(json.RawMessage(tt.raw))
		require.True(t, ok, "%s", tt.raw)
		var b Builder
		assert.Equal(t, tt.want, b.textWeight("a", "b", text), "%s: textWeight", tt.raw)
		assert.Empty(t, b.problems, "%s: textWeight", tt.raw)
	}
	for _, raw := range []string{``, `null`, `true`, `""`, `"."`, `-1`, `"-0.5"`, `"+1"`, `1e3`, `"1E3"`,
		`"1.2345678"`, `0.0000001`, `1000000000000`, `"0000000000000.5"`, `"1.2.3"`, `"1,5"`, `" 1"`,
		`"\u0031"`, `"1"x`, `[1]`} {
		w, ok := plainWeight(json.RawMessage(raw))
		assert.False(t, ok, "%s", raw)
		assert.Zero(t, w, "%s", raw)
	}
}

// TestAddJSONLinkRead_plainWeightAllocations checks that a link with a plain
// weight is added without allocating, where reading it as text took 4
// allocations: its text (weightText), its digits without the point
// (decfmt's scan), and its decimal's big.Int and that Int's words. The
// builder has room for the links, and the link's ends are read.
func TestAddJSONLinkRead_plainWeightAllocations(t *testing.T) {
	b := NewBuilder()
	b.Grow(0, 200)
	b.AddWeightedLink("a", "b", decimal.RequireFromString("0.5")) // makes the slices of links by ID and of weights
	l := jsonLink{from: "a", to: "b", weight: json.RawMessage(`"0.5"`), fromOK: true, toOK: true, weightOK: true}
	assert.Zero(t, testing.AllocsPerRun(100, func() { b.addJSONLinkRead(l) }))
	require.Equal(t, 102, b.links) // AllocsPerRun's run to warm up, then 100: within the room made
	assert.Equal(t, int64(500_000), b.weights[101])
	assert.Empty(t, b.problems)
}
