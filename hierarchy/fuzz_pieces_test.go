package hierarchy

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// FuzzNodeJSON decodes arbitrary bytes as a node on its own
// (Node.UnmarshalJSON), seeded from TestNode_UnmarshalJSON's table. It must
// never panic; a failure must be *outcome.Error values with codes, in
// JSON's words rather than Go's, the same with the members of its objects
// in any order ([ordertest.Check]), and leave the node decoded into as it
// was; a node that decodes must write JSON that decodes to an Equal node.
// Whatever node marshals reads back Equal, and what does not marshal is
// refused with the problems Node.UnmarshalJSON reports of the JSON of its
// fields: of the nodes that data holds read leniently, with the checks
// left out, and the node that its bytes make, in any UTF-8 or none
// ([nodesOf]).
// And a node is read exactly as a definition reads it: when data is one
// object, the definition that holds it alone, {"nodes":[data]}, has the
// same problems, in the same order, with the same codes and IDs, and the
// same words with their paths from the node ("nodes[0].level" as "level"),
// or none when the node has none. Its ID is read once: every problem
// AddJSON records that names it names the node's ID itself ([checkReadOnce]).
func FuzzNodeJSON(f *testing.F) {
	for _, tt := range nodeJSONCases {
		f.Add([]byte(tt.in))
	}
	// An ID of more than one byte (a string of one byte is never copied).
	f.Add([]byte(`{"id":"answer-call","name":3,"level":"task"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[Node], Node.Equal)
		n := nodeKeep
		err := n.UnmarshalJSON(data)
		checkPieceErr(t, data, err)
		checkOneOrJoined(t, err)
		if _, e := strictjson.Members(data); e == nil {
			var m Model
			inModel := m.UnmarshalJSON([]byte(`{"nodes":[` + string(data) + `]}`))
			assert.Equal(t, fromPiece(problemsOf(inModel), `"nodes[0].`), problemsOf(err), "%s", data)
			checkReadOnce(t, []byte(`{"nodes":[`+string(data)+`]}`))
		}
		checkDecoded(t, data, err, n, nodeKeep)
		for _, n := range nodesOf(data) {
			checkWrites(t, n, nodeWritten(n))
		}
	})
}

// FuzzLinkJSON decodes arbitrary bytes as a link on its own
// (Link.UnmarshalJSON), seeded from TestLink_UnmarshalJSON's table, with
// FuzzNodeJSON's properties: never a panic, problems as *outcome.Error in
// JSON's words whatever the members' order, the link unchanged on error,
// and what decodes writes JSON that decodes to an Equal link; whatever link
// marshals, of those that data holds read leniently or its bytes make
// ([linksOf]), reads back Equal, and what does not is refused as
// Link.UnmarshalJSON refuses the JSON of its fields. And a link
// is read exactly as a definition reads it: when data is one object whose
// ends are valid IDs, the empty ID or not strings, the definition that
// holds it with a task for each end that is a valid ID, {"nodes":[...],
// "links":[data]}, has the same problems, with their paths from the link
// ("links[0].weight" as "weight"), or none when the link has none. And its
// weight is checked whatever its ends ([checkWeightAlone]), a plain weight
// read as its text is ([checkPlainWeight]), and its ends are read once
// ([checkReadOnce]).
func FuzzLinkJSON(f *testing.F) {
	for _, tt := range linkJSONCases {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte(`{"from":"answer-call","to":"calls-handled","colour":1,"weight":"-1"}`))
	for _, w := range []string{`"000000000000.999999"`, `999999999999.999999`, `".5"`, `"3."`, `0.000001`, `"1.2345678"`, `1000000000000`} {
		f.Add([]byte(`{"from":"a","to":"b","weight":` + w + `}`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[Link], Link.Equal)
		l := linkKeep
		err := l.UnmarshalJSON(data)
		checkPieceErr(t, data, err)
		checkOneOrJoined(t, err)
		if def, ok := linkDefinition(data); ok {
			var m Model
			inModel := m.UnmarshalJSON(def)
			assert.Equal(t, fromPiece(problemsOf(inModel), `"links[0].`), problemsOf(err), "%s", def)
		}
		checkWeightAlone(t, data, err)
		checkPlainWeight(t, data)
		if _, e := strictjson.Members(data); e == nil {
			checkReadOnce(t, []byte(`{"links":[`+string(data)+`]}`))
		}
		checkDecoded(t, data, err, l, linkKeep)
		for _, l := range linksOf(data) {
			checkWrites(t, l, linkWritten(l))
		}
	})
}

// checkWeightAlone checks that err, the error of decoding data as a link
// on its own, has the weight problems ([ErrNegativeWeight],
// [ErrInvalidWeight]) of the link with the same weight (the first member
// for it, as the decoder reads it) and ends that are good IDs, whatever
// data's ends are (left out, empty, of the wrong type): a weight does not
// depend on the ends. data that is not an object is not checked.
func checkWeightAlone(t *testing.T, data []byte, err error) {
	t.Helper()
	members, e := strictjson.Members(data)
	if e != nil {
		return
	}
	alone := `{"from":"a","to":"b"}`
	for _, mb := range members {
		if strictjson.Field(linkFields, mb.Key) == linkWeight {
			alone = `{"from":"a","to":"b","weight":` + string(mb.Value) + `}`
			break
		}
	}
	var l Link
	assert.Equal(t, weightCodes(l.UnmarshalJSON([]byte(alone))), weightCodes(err), "%s: the weight's problems of %s", data, alone)
}

// checkPlainWeight checks that the weight of data, a link's JSON (its first
// member for the weight, as the decoder reads it), if [plainWeight] reads
// it, is one that [Builder.textWeight] reads from its text ([weightText])
// to the same millionths with no problem: what the decoder did before it
// read plain weights itself. data that is not an object is not checked.
func checkPlainWeight(t *testing.T, data []byte) {
	t.Helper()
	members, e := strictjson.Members(data)
	if e != nil {
		return
	}
	for _, mb := range members {
		if strictjson.Field(linkFields, mb.Key) != linkWeight {
			continue
		}
		w, ok := plainWeight(mb.Value)
		if !ok {
			return
		}
		text, ok := weightText(mb.Value)
		require.True(t, ok, "%s: weight %s", data, mb.Value)
		var b Builder
		assert.Equal(t, w, b.textWeight("a", "b", text), "%s: weight %s", data, mb.Value)
		assert.Empty(t, b.problems, "%s: weight %s", data, mb.Value)
		return
	}
}

// checkReadOnce checks that AddJSON reads each ID of def, a definition, once:
// that every problem it records whose first ID is a node's ID, or whose
// IDs are a link's ends, names that node's or that link's own string (the
// same bytes in memory), not a copy. def holds one node or one link.
func checkReadOnce(t *testing.T, def []byte) {
	t.Helper()
	b := NewBuilder()
	b.AddJSON(def)
	for _, p := range b.problems {
		switch {
		case len(b.ids) == 1 && len(p.IDs) > 0 && b.ids[0] != "" && p.IDs[0] == b.ids[0]:
			assert.Same(t, unsafe.StringData(b.ids[0]), unsafe.StringData(p.IDs[0]), "%s: %s", def, p)
		case b.links == 1 && len(p.IDs) == 2 && len(b.from) == 1:
			for i, end := range []string{b.from[0], b.to[0]} {
				if end != "" && p.IDs[i] == end {
					assert.Same(t, unsafe.StringData(end), unsafe.StringData(p.IDs[i]), "%s: %s", def, p)
				}
			}
		}
	}
}

// weightCodes returns the codes of the weight problems in err, in order.
func weightCodes(err error) []outcome.Code {
	var out []outcome.Code
	for _, p := range outcome.Problems(err) {
		if p.Code == ErrNegativeWeight || p.Code == ErrInvalidWeight {
			out = append(out, p.Code)
		}
	}
	return out
}

// checkPieceErr checks that err, the error of decoding data as a node or a
// link on its own, is nil or *outcome.Error values with codes, in JSON's
// words rather than Go's, and that a problem of the form is said as the
// form says it, or as null is.
func checkPieceErr(t *testing.T, data []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	ps := outcome.Problems(err)
	require.NotEmpty(t, ps, "every error is an *outcome.Error: %v", err)
	for _, p := range ps {
		assert.NotEmpty(t, p.Code)
		assert.Empty(t, msg.GoWords(p.Message), "%s: a message in Go's words: %q", data, p.Message)
		if p.Code == outcome.ErrInvalidJSON && !strings.HasSuffix(p.Message, "cannot be null") {
			assert.True(t, strings.HasPrefix(p.Message, "hierarchy: invalid JSON: "), "not said as the form's: %q", p.Message)
		}
	}
}

// fromPiece returns ps, the problems of a definition that holds one node
// or link, with the paths within it said from the piece: at, the piece's
// path and a dot ("nodes[0]."), left out.
func fromPiece(ps []problem, at string) []problem {
	for i := range ps {
		ps[i].msg = strings.ReplaceAll(ps[i].msg, at, `"`)
	}
	return ps
}

// linkDefinition returns the definition that holds data, a link, with a
// task for each of its ends that is a valid ID, if data is one object whose
// ends (as a definition reads them: the first member for each) are valid
// IDs, the empty ID, or not strings; ok is false otherwise.
func linkDefinition(data []byte) (def []byte, ok bool) {
	members, err := strictjson.Members(data)
	if err != nil {
		return nil, false
	}
	var nodes []string
	for _, end := range []string{"from", "to"} {
		id, isString := jsondecode.FirstString(members, linkFields, end)
		switch {
		case !isString || id == "" || len(nodes) == 1 && nodes[0] == id:
		case outcome.ValidateID(id) == nil:
			nodes = append(nodes, id)
		default:
			return nil, false
		}
	}
	var sb strings.Builder
	sb.WriteString(`{"nodes":[`)
	for i, id := range nodes {
		if i > 0 {
			sb.WriteString(",")
		}
		q, _ := json.Marshal(id)
		sb.WriteString(`{"id":` + string(q) + `,"level":"task"}`)
	}
	sb.WriteString(`],"links":[` + string(data) + `]}`)
	return []byte(sb.String()), true
}

// checkDecoded checks the end of a piece's fuzzer: v, what decoding data
// into keep left with error err, is keep on error; else it writes JSON that
// reads back Equal.
func checkDecoded[T interface{ Equal(T) bool }](t *testing.T, data []byte, err error, v, keep T) {
	t.Helper()
	if err != nil {
		require.True(t, v.Equal(keep), "%s: unchanged on error", data)
		return
	}
	out, err := json.Marshal(v)
	require.NoError(t, err, "%s decodes, and must write", data)
	back := new(T)
	require.NoError(t, json.Unmarshal(out, back), "%s", out)
	require.True(t, v.Equal(*back), "%s writes %s, which reads back as %+v", data, out, *back)
}

// checkWrites checks that v, a node or a link, reads back Equal if it
// marshals; else that its error is *outcome.Error values with codes in
// JSON's words and, if written (the JSON of its fields, nil where that
// JSON would not carry them: text that is not UTF-8) is not nil, the
// problems that decoding written reports, in the same order.
func checkWrites[T interface{ Equal(T) bool }](t *testing.T, v T, written []byte) {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		checkPieceErr(t, written, err)
		if written != nil {
			back := new(T)
			assert.Equal(t, problemsOf(json.Unmarshal(written, back)), problemsOf(err), "%+v: written %s", v, written)
		}
		return
	}
	back := new(T)
	require.NoError(t, json.Unmarshal(out, back), "%+v writes %s", v, out)
	require.True(t, v.Equal(*back), "%+v writes %s, which reads back as %+v", v, out, *back)
}

// lenientNode is a node's JSON form read as encoding/json reads it into
// fields without methods: nothing is checked.
type lenientNode struct {
	ID, Name, Level string
	Metric          json.RawMessage
}

// nodesOf returns nodes that Node.MarshalJSON has to check: that of data
// read leniently, if it reads (its level the zero Level if it names none,
// its metric the zero Metric if it does not decode), with any ID, any
// level; and one made of data's bytes as they are, its ID the bytes up to
// the first comma, its name the rest, its level the number of bytes modulo
// 7 (0 and 6 name no level).
func nodesOf(data []byte) []Node {
	id, name, _ := strings.Cut(string(data), ",")
	nodes := []Node{{ID: id, Name: name, Level: outcome.Level(len(data) % 7)}}
	var ln lenientNode
	if json.Unmarshal(data, &ln) == nil {
		n := Node{ID: ln.ID, Name: ln.Name}
		n.Level, _ = outcome.ParseLevel(ln.Level)
		if n.Metric.UnmarshalJSON(ln.Metric) != nil {
			n.Metric = outcome.Metric{}
		}
		nodes = append(nodes, n)
	}
	return nodes
}

// nodeWritten returns the JSON of n's fields as encoding/json writes them
// without methods ("level" left out when it names no level, as none is
// written), or nil if n's ID or name is not UTF-8, which that JSON would
// carry as U+FFFD.
func nodeWritten(n Node) []byte {
	if !utf8.ValidString(n.ID) || !utf8.ValidString(n.Name) {
		return nil
	}
	form := map[string]any{"id": n.ID}
	if n.Name != "" {
		form["name"] = n.Name
	}
	if n.Level.IsValid() {
		text, _ := n.Level.MarshalText()
		form["level"] = string(text)
	}
	if !n.Metric.IsZero() {
		form["metric"] = n.Metric
	}
	data, err := json.Marshal(form)
	if err != nil {
		panic(err) // a valid metric always marshals
	}
	return data
}

// lenientLink is a link's JSON form read as encoding/json reads it into
// fields without methods but the weight's, decimal's own: nothing is
// checked, and a weight left out is nil.
type lenientLink struct {
	From, To string
	Weight   *decimal.Decimal
}

// linksOf returns links that Link.MarshalJSON has to check: that of data
// read leniently, if it reads, a weight left out 1 (one whose exponent is
// beyond ±10000 is left out of the fuzzer, which would spend its time
// writing the weight's zeros); and one made of data's bytes as they are,
// its From the bytes up to the first comma, its To the rest, its weight
// (the number of bytes - 3) / 10^(the number of bytes modulo 9).
func linksOf(data []byte) []Link {
	from, to, _ := strings.Cut(string(data), ",")
	links := []Link{{From: from, To: to, Weight: decimal.New(int64(len(data))-3, -int32(len(data)%9))}}
	var ll lenientLink
	if json.Unmarshal(data, &ll) == nil {
		l := Link{From: ll.From, To: ll.To, Weight: weightOne}
		if ll.Weight != nil {
			l.Weight = *ll.Weight
		}
		if e := l.Weight.Exponent(); -10000 <= e && e <= 10000 {
			links = append(links, l)
		}
	}
	return links
}

// linkWritten returns the JSON of l's fields as encoding/json writes them
// without methods, its weight as decfmt writes it (left out if 1), or nil
// if an end is not UTF-8, which that JSON would carry as U+FFFD.
func linkWritten(l Link) []byte {
	if !utf8.ValidString(l.From) || !utf8.ValidString(l.To) {
		return nil
	}
	form := map[string]string{"from": l.From, "to": l.To}
	if !l.Weight.Equal(decimal.NewFromInt(1)) {
		form["weight"] = decfmt.String(l.Weight)
	}
	data, _ := json.Marshal(form)
	return data
}
