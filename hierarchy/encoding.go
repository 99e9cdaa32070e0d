package hierarchy

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// The JSON definition of a hierarchy:
//
//	{
//	  "nodes": [
//	    {"id": "answer-call", "name": "Answer call", "level": "task"},
//	    {"id": "calls-handled", "name": "Calls handled", "level": "output",
//	     "metric": {"id": "calls-handled", "name": "Calls handled", "level": "output", "direction": "higher-is-better"}}
//	  ],
//	  "links": [
//	    {"from": "answer-call", "to": "calls-handled"},
//	    {"from": "first-time-response", "to": "revenue", "weight": "0.6"}
//	  ]
//	}
//
// A link without a weight has weight 1; a weight is a decimal, written as a
// JSON string (or, when decoding, a JSON number).

type nodeOut struct {
	ID     string          `json:"id"`
	Name   string          `json:"name,omitempty"`
	Level  outcome.Level   `json:"level"`
	Metric *outcome.Metric `json:"metric,omitempty"`
}

// nodeOutOf returns the JSON form of n: its metric left out if it is the
// zero Metric.
func nodeOutOf(n Node) nodeOut {
	out := nodeOut{ID: n.ID, Name: n.Name, Level: n.Level}
	if !n.Metric.IsZero() {
		out.Metric = &n.Metric
	}
	return out
}

type linkOut struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Weight string `json:"weight,omitempty"`
}

type modelOut struct {
	Nodes []nodeOut `json:"nodes"`
	Links []linkOut `json:"links"`
}

// MarshalJSON implements [json.Marshaler]: the model's definition, its nodes
// and its links in the order of [Model.Nodes] and [Model.Links]. A weight of
// 1 is left out; other weights are decimal strings.
func (m Model) MarshalJSON() ([]byte, error) {
	g := m.graph()
	out := modelOut{Nodes: make([]nodeOut, len(g.ids)), Links: make([]linkOut, 0, len(g.outTgt))}
	for v := range int32(len(g.ids)) {
		out.Nodes[v] = nodeOutOf(g.node(v))
	}
	for u := range int32(len(g.ids)) {
		for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
			lo := linkOut{From: g.ids[u], To: g.ids[g.outTgt[p]]}
			if w := g.weight(p); w != weightScale {
				lo.Weight = decfmt.String(weightDecimal(w))
			}
			out.Links = append(out.Links, lo)
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a definition as
// [Builder.AddJSON] does and validates it exactly as [Builder.Build] does
// (with no options), reporting every problem; on error m is unchanged. JSON
// null is an error ([outcome.ErrInvalidJSON]), as it is for a metric, not
// the empty hierarchy.
func (m *Model) UnmarshalJSON(data []byte) error {
	b := NewBuilder()
	b.AddJSON(data)
	v, err := b.Build()
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// AddJSON adds the nodes and links of a JSON definition (the form
// [Model.MarshalJSON] writes), so that definitions from several files, or
// from a file and code, can make one hierarchy. It never fails: problems are
// recorded and reported by [Builder.Build], with every other problem (Build
// sorts them all by their IDs, then by code; problems that tie stay in the
// order they were reported).
//
// The definition is read in an order that does not depend on the order of
// the members of its objects, so that the same definition with its members
// written in another order has the same problems in the same order (unless
// a field is given twice: the first of its members, in the order of the
// text, is the one read): each
// object in the order of its fields, as MarshalJSON writes them (nodes, then
// links; a node's id, name, level, metric; a link's from, to, weight), a
// field given again right after the field, then the keys that name no
// field, sorted (byte by byte); a node's metric in the order of its fields
// too, as [outcome.Metric.UnmarshalJSON] reads it; a list's elements in
// order.
//
// JSON that is not one object (malformed, text that is not valid UTF-8,
// anything after the object but white space, another value) is one problem
// with code [outcome.ErrInvalidJSON] and no ID, and nothing of it is added;
// so is null, "hierarchy: a definition cannot be null". Otherwise the
// definition is read member by member, and each problem of its JSON form is
// an [outcome.ErrInvalidJSON], every one, in the words of
// [jsondecode.Form]: a key that names no field (`hierarchy: invalid JSON:
// unknown field "nodes[0].colour"`), a field given twice, also under keys
// that differ only in case as encoding/json matches them (the first is the
// one read), and each value of the wrong JSON type, named by its JSON path
// (`hierarchy: invalid JSON: "nodes[2].level" must be a string, not the
// number 3`). JSON null is never a value and never "left out": a null node,
// link, list or field is a value of the wrong type (`"links[0].weight"
// must be a decimal string or a number, not null`), and so is a metric that
// is not an object (`"nodes[0].metric" must be an object, not the number
// 3`). The members of a metric that is an object are part of the form too:
// each problem of their form that [outcome.Metric.UnmarshalJSON] finds (a
// key that names no field, a field given twice, a value of the wrong type,
// null included) is said in the same words, at its path (`hierarchy:
// invalid JSON: unknown field "nodes[0].metric.colour"`,
// `"nodes[0].metric.rewarded" must be true or false, not null`), with the
// metric's ID after the node's among its IDs, if the metric's was given as
// a string that is not empty. A field left out keeps its default: no name,
// no metric, weight 1 (an ID or a level left out is reported by Build as
// empty or missing). A problem in a node names the node's ID among its
// IDs, if it was given as a string that is not empty; one in a link names
// its ends, from and to ("" for an end that is not a string), if either
// was given as a string.
//
// What decodes is added, so that Build reports the problems of the rest,
// and what does not is left unchecked rather than reported again or
// misread:
//
//   - a node whose ID is a string is added, with its fields that decode (a
//     name, a level or a metric that does not decode is left out); a level
//     that does not decode is not reported again as missing, and so no
//     link to or from the node is checked for going down a level;
//   - a node whose ID cannot be read (not a string, or the node not an
//     object, or the nodes not an array) is not added; then no link added
//     by ID, of this definition or any other, is reported for naming an
//     unknown node, since it may name that one;
//   - a link whose ends are both strings is added, with weight 0 if its
//     weight is null (so that its ends, and the cycles and duplicates it
//     makes, are checked), and so is one that leaves an end out, that end
//     the empty ID, which Build reports as naming an unknown node (as a
//     node that leaves its ID out is added with the empty ID, which Build
//     reports); one with an end of another type is not added, but its
//     weight is checked all the same, its problem said as it would be of
//     the link added, naming the ends as read, "" for an end of another
//     type ({"from":3,"to":"b","weight":"-1"} has `hierarchy: invalid
//     JSON: "links[0].from" must be a string, not the number 3` and then
//     `hierarchy: link "" -> "b" has weight -1, below zero`, both with IDs
//     "" and "b"), as a weight does not depend on the ends.
//
// A level that names no level is an [outcome.ErrUnknownLevel]; a weight that
// is a string or a number but not a decimal, or another value but null,
// an [ErrInvalidWeight] (text in decimal.NewFromString's syntax is a
// decimal, with any number of digits, and one whose exponent is beyond
// ±10000 an ErrInvalidWeight that says so, whatever decimal's
// MaxDecodeExponent says); and the other problems of a metric that is an
// object (those [outcome.NewMetric] finds: an empty ID, no name, a level,
// direction or kind that names none, ...) are those of
// [outcome.Metric.UnmarshalJSON], said as it says them after the
// node (`hierarchy: node "a": metric: outcome: metric "m" has no name`), a
// node whose ID is empty or left out named by its position among the
// builder's nodes from 0, as Build names it (`hierarchy: node #0: metric:
// outcome: ...`), with the node's ID, if not empty, and then the metric's
// as their IDs. These are reported only for a node that is added; the
// problems of the metric's form, whatever the node.
func (b *Builder) AddJSON(data []byte) {
	if jsondecode.IsNull(data) {
		b.problems = append(b.problems, newError(outcome.ErrInvalidJSON, nil, "hierarchy: a definition cannot be null"))
		return
	}
	f := jsondecode.Form{Pkg: "hierarchy"}
	if members, ok := f.Top(data, nil); ok {
		f.Fields(jsondecode.Path{}, nil, members, modelFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
			if field == modelNodes {
				b.unnamed = !f.Array(path, nil, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
					b.addJSONNode(&f, path, raw)
				}) || b.unnamed
				return
			}
			f.Array(path, nil, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) { b.addJSONLink(&f, path, raw) })
		})
	}
	b.problems = append(b.problems, f.Problems()...)
}

// MarshalJSON implements [json.Marshaler]: the node as a definition writes
// it ([Model.MarshalJSON]), "id", "name" (left out when empty), "level" as
// a token ("task") and "metric" (left out for the zero Metric), so that
// [Node.UnmarshalJSON] reads it back:
//
//	{"id":"answer-call","name":"Answer call","level":"task"}
//
// A node that [Node.UnmarshalJSON] would refuse does not marshal, as its
// JSON would not read back: n is checked as [Builder.Build] checks a
// definition with this node alone, and each problem is returned (one as
// itself, several joined with [errors.Join]), sorted as Build sorts them, in the words
// UnmarshalJSON says it in: an ID that is empty or not valid
// ([outcome.ErrEmptyID], `hierarchy: node #0 has an empty id`;
// [outcome.ErrInvalidID]), a level that is not valid
// ([outcome.ErrUnknownLevel], `hierarchy: node "a" has no valid level`, the
// words for a level left out) and a metric of another level
// ([ErrMetricLevel]). So is a name that is not valid UTF-8
// ([outcome.ErrInvalidText], as Build says it), which encoding/json would
// write with each bad byte replaced by U+FFFD, to read back as another
// name; an ID that is not valid UTF-8 is not valid. A node that marshals
// reads back Equal.
func (n Node) MarshalJSON() ([]byte, error) {
	var b Builder
	b.AddNode(n)
	if _, err := b.Build(); err != nil {
		return nil, err
	}
	return json.Marshal(nodeOutOf(n))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a node on its own
// exactly as [Builder.AddJSON] reads one of a definition's nodes, and
// checks it as [Builder.Build] checks a definition with this node alone:
// so a node that a definition refuses, this refuses in the same words,
// with its paths from the node ("level", not "nodes[2].level"), and one
// that it reads is one that a definition holds, but for what only other
// nodes decide (an ID given to two nodes, the links). Keys match fields as
// encoding/json matches them; a field left out keeps its default (no name,
// no metric; the ID and the level, which must be given, are reported as
// empty or missing).
//
// It reports every problem (one as itself, several joined with
// [errors.Join]), sorted as Build sorts them, and on error n is unchanged: each problem of the JSON form,
// an [outcome.ErrInvalidJSON] (a key that names no field, `hierarchy:
// invalid JSON: unknown field "colour"`; a field given twice, also under a
// key that differs only in case; a value of the wrong type, null included,
// `hierarchy: invalid JSON: "level" must be a string, not the number 3`;
// a metric that is not an object, and each problem of a metric's form at
// its path, "metric.rewarded"); an ID that is empty or not valid
// ([outcome.ErrEmptyID], [outcome.ErrInvalidID]), a level that names none
// or is left out ([outcome.ErrUnknownLevel]), a name that is not valid
// UTF-8 ([outcome.ErrInvalidText]), a metric's problems as
// [outcome.Metric.UnmarshalJSON] finds them, after the node, and a metric
// of another level ([ErrMetricLevel]), each as Build says it. JSON that is
// not one object is one [outcome.ErrInvalidJSON], and so is null,
// `hierarchy: a node cannot be null`.
func (n *Node) UnmarshalJSON(data []byte) error {
	f := jsondecode.Form{Pkg: "hierarchy"}
	members, err := f.OpenTop(data, "a node cannot be null")
	if err != nil {
		return err
	}
	var b Builder
	read, named := readJSONNode(&f, jsondecode.Path{}, members)
	if named {
		b.addJSONNodeRead(read)
	}
	b.problems = append(b.problems, f.Problems()...) // as AddJSON reports them
	m, err := b.Build()
	if err != nil {
		return err
	}
	*n = m.g.node(0)
	return nil
}

// MarshalJSON implements [json.Marshaler]: the link as a definition writes
// it ([Model.MarshalJSON]), "from", "to" and "weight", a decimal string
// whatever decimal's package-level settings say, left out when it is 1, so
// that [Link.UnmarshalJSON] reads it back:
//
//	{"from":"first-time-response","to":"revenue","weight":"0.6"}
//
// A link that [Link.UnmarshalJSON] would refuse does not marshal, as its
// JSON would not read back: each problem that UnmarshalJSON reports of the
// JSON written is returned, with its code, its IDs (the link's ends) and
// its words (one as itself, several joined with [errors.Join]), sorted as
// Build sorts them: a
// weight below zero ([ErrNegativeWeight], `hierarchy: link "a" -> "b" has
// weight -1, below zero`), with more than [WeightPlaces] decimal places or
// above [MaxWeight] ([ErrInvalidWeight]), the weight said as written, an
// empty end ([ErrDanglingLink]) and a link from a node to itself
// ([ErrSelfLink], `hierarchy: node "a" links to itself`). So is an end
// that is not valid UTF-8 ([outcome.ErrInvalidText], `hierarchy: link
// "a\xff" -> "b" has an end that is not valid UTF-8`), which encoding/json
// would write with each bad byte replaced by U+FFFD, to read back as
// another ID (no node's ID is one: [outcome.ValidateID] refuses it). A link
// that marshals reads back Equal.
func (l Link) MarshalJSON() ([]byte, error) {
	var b Builder
	if _, fault := scaleWeight(l.Weight); fault != weightOK {
		// As UnmarshalJSON reads the weight written, in the same words.
		b.addLinkText(l.From, l.To, decfmt.String(l.Weight))
	}
	if !utf8.ValidString(l.From) || !utf8.ValidString(l.To) {
		b.problems = append(b.problems, newError(outcome.ErrInvalidText, []string{l.From, l.To},
			"hierarchy: link %q -> %q has an end that is not valid UTF-8", clip(l.From), clip(l.To)))
	}
	if p := endProblem(l.From, l.To); p != nil {
		b.problems = append(b.problems, p)
	}
	if len(b.problems) > 0 {
		return nil, joinSorted(b.problems)
	}
	out := linkOut{From: l.From, To: l.To}
	if !l.Weight.Equal(weightOne) {
		out.Weight = decfmt.String(l.Weight)
	}
	return json.Marshal(out)
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a link on its own
// exactly as [Builder.AddJSON] reads one of a definition's links, and
// checks it as [Builder.Build] checks a link, but for what needs the
// nodes (whether its ends name nodes, whether it goes down a level, closes
// a cycle or is given twice): so a link that a definition refuses for
// itself, this refuses in the same words, with its paths from the link
// ("weight", not "links[0].weight"). Keys match fields as encoding/json
// matches them; a weight left out is 1, and an end left out is the empty
// ID, which no node has. The weight is read as the model keeps it, in
// millionths: "0.50" reads as 0.5.
//
// It reports every problem (one as itself, several joined with
// [errors.Join]), sorted as Build sorts them, and on error l is unchanged: each problem of the JSON form,
// an [outcome.ErrInvalidJSON] (a key that names no field, a field given
// twice, a value of the wrong type, null included, `hierarchy: invalid
// JSON: "weight" must be a decimal string or a number, not null`); a weight
// that is not a decimal, or has an exponent beyond ±10000, more than
// [WeightPlaces] decimal places or is above [MaxWeight] ([ErrInvalidWeight]),
// or is below zero ([ErrNegativeWeight]); an empty end ([ErrDanglingLink],
// `hierarchy: link "" -> "b" comes from an unknown node`), and a link from
// a node to itself ([ErrSelfLink]), each as Build says it. The weight is
// checked whatever the ends, also when an end is of the wrong type (as
// AddJSON checks the weight of a link it does not add); the ends are
// checked only when both are strings. A problem of the form names the
// link's ends, if either was given as a string ("" for the other); a
// weight's, or an end's, names both ends as read, "" for one left out or
// of the wrong type. JSON that is not one object is one
// [outcome.ErrInvalidJSON], and so is null, `hierarchy: a link cannot be
// null`.
func (l *Link) UnmarshalJSON(data []byte) error {
	f := jsondecode.Form{Pkg: "hierarchy"}
	members, err := f.OpenTop(data, "a link cannot be null")
	if err != nil {
		return err
	}
	var b Builder
	read := readJSONLink(&f, jsondecode.Path{}, members)
	b.addJSONLinkRead(read)
	b.problems = append(b.problems, f.Problems()...) // as AddJSON reports them
	if read.fromOK && read.toOK {
		if p := endProblem(read.from, read.to); p != nil {
			b.problems = append(b.problems, p)
		}
	}
	if len(b.problems) > 0 {
		return joinSorted(b.problems)
	}
	w := weightScale // the weights stay nil while every weight is 1
	if b.weights != nil {
		w = b.weights[0]
	}
	*l = Link{From: read.from, To: read.to, Weight: weightDecimal(w)}
	return nil
}

// endProblem returns what Build reports of the ends of a link by ID that
// no other node decides: an empty end, which names no node
// ([ErrDanglingLink]), or a link from a node to itself ([ErrSelfLink]);
// nil if neither.
func endProblem(from, to string) *outcome.Error {
	f, t := int32(0), int32(1) // positions of the ends, -1 for none
	if from == "" {
		f = -1
	}
	if to == "" {
		t = -1
	}
	if from == to && f == 0 {
		t = f
	}
	if f < 0 || t < 0 || f == t {
		return badEndError(from, to, f, t)
	}
	return nil
}

// The JSON fields of a definition, a node and a link, and their indexes.
var (
	modelFields = []string{"nodes", "links"}
	nodeFields  = []string{"id", "name", "level", "metric"}
	linkFields  = []string{"from", "to", "weight"}
)

const (
	modelNodes = 0

	nodeID, nodeName, nodeLevel, nodeMetric = 0, 1, 2, 3

	linkFrom, linkTo, linkWeight = 0, 1, 2
)

// addJSONNode adds the node whose JSON value raw is at path, as
// [Builder.AddJSON] says, reporting the problems of its form to f.
func (b *Builder) addJSONNode(f *jsondecode.Form, path jsondecode.Path, raw json.RawMessage) {
	members, ok := f.Open(path, nil, raw)
	if !ok {
		b.unnamed = true
		return
	}
	n, ok := readJSONNode(f, path, members)
	if !ok {
		b.unnamed = true
		return
	}
	b.addJSONNodeRead(n)
}

// jsonNode is a node of a JSON definition as [readJSONNode] reads it.
type jsonNode struct {
	node Node
	// level is the level's text; levelOK is false if it was a value of
	// the wrong type, which the form reported.
	level   string
	levelOK bool
	// checks are the metric's problems but those of its form.
	checks []*outcome.Error
}

// readJSONNode reads members, those of the node at path of a definition
// (or of a node decoded on its own, at the top), as [Builder.AddJSON]
// reads a node, reporting the problems of their form to f. ok is false if
// its ID could not be read (a value of the wrong type): then the node is
// not added.
//
// The ID is read once, before the walk, to name the node in the problems
// of its members: [jsondecode.FirstString] reads the member that
// [jsondecode.Form.Fields] gives for the field (the first whose key names
// it), as [jsondecode.Value] reads a string, so the node's ID is the same
// string, not a second copy; Value reads the member only if it is not a
// string, to report it.
func readJSONNode(f *jsondecode.Form, path jsondecode.Path, members []strictjson.Member) (n jsonNode, ok bool) {
	id, named := jsondecode.FirstString(members, nodeFields, "id")
	var ids []string
	if named && id != "" {
		ids = []string{id}
	}
	idOK := true
	n.levelOK = true
	f.Fields(path, ids, members, nodeFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case nodeID:
			if named {
				n.node.ID = id
				return
			}
			idOK = jsondecode.Value(f, path, ids, raw, &n.node.ID)
		case nodeName:
			jsondecode.Value(f, path, ids, raw, &n.node.Name)
		case nodeLevel:
			if token, ok := levelToken(raw); ok {
				n.level = token
				return
			}
			n.levelOK = jsondecode.Value(f, path, ids, raw, &n.level)
		default:
			switch {
			case !f.NotNull(path, ids, "an object", raw):
			case !isObject(raw):
				f.WrongType(path, ids, "an object", raw, strictjson.ErrNotObject)
			default:
				n.checks = metricProblems(f, path, ids, n.node.Metric.UnmarshalJSON(raw))
			}
		}
	})
	return n, idOK
}

// levelTokens are the levels' tokens, Task first, as
// [outcome.Level.MarshalText] writes them.
var levelTokens = [...]string{"task", "activity", "output", "business-outcome", "customer-outcome"}

// levelToken returns the text of raw, a node's level as JSON gives it, if
// it is a JSON string whose text is one of levelTokens, as a definition
// that [Model.MarshalJSON] wrote gives every level (`"task"`): that token,
// which is the text [jsondecode.Value] reads, without a copy of it. ok is
// false for any other value, which Value reads.
func levelToken(raw json.RawMessage) (token string, ok bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	text := raw[1 : len(raw)-1]
	for _, token := range levelTokens {
		if string(text) == token {
			return token, true
		}
	}
	return "", false
}

// addJSONNodeRead adds n, a node that [readJSONNode] read, with the
// problems of its metric, and its level's text if it names no level, for
// Build to report.
func (b *Builder) addJSONNodeRead(n jsonNode) {
	at := len(b.ids)
	b.addMetricProblems(at, n.node.ID, n.checks)
	switch l, err := outcome.ParseLevel(n.level); {
	case !n.levelOK:
		if b.levelUnread == nil {
			b.levelUnread = make(map[int]bool)
		}
		b.levelUnread[at] = true
	case err == nil:
		n.node.Level = l
	default:
		if b.levelText == nil {
			b.levelText = make(map[int]string)
		}
		b.levelText[at] = n.level
	}
	b.AddNode(n.node)
}

// addJSONLink adds the link whose JSON value raw is at path, as
// [Builder.AddJSON] says, reporting the problems of its form to f.
func (b *Builder) addJSONLink(f *jsondecode.Form, path jsondecode.Path, raw json.RawMessage) {
	members, ok := f.Open(path, nil, raw)
	if !ok {
		return
	}
	b.addJSONLinkRead(readJSONLink(f, path, members))
}

// jsonLink is a link of a JSON definition as [readJSONLink] reads it: its
// ends and its weight's JSON (nil if left out); fromOK, toOK and weightOK
// are false for a value of the wrong type (null included, for the weight),
// which the form reported.
type jsonLink struct {
	from, to               string
	weight                 json.RawMessage
	fromOK, toOK, weightOK bool
}

// readJSONLink reads members, those of the link at path of a definition
// (or of a link decoded on its own, at the top), as [Builder.AddJSON]
// reads a link, reporting the problems of their form to f. Each end is
// read once, before the walk, to name the link in the problems of its
// members, and that string is the end, as [readJSONNode] reads a node's
// ID: [jsondecode.Value] reads an end only if it is not a string, to
// report it.
func readJSONLink(f *jsondecode.Form, path jsondecode.Path, members []strictjson.Member) jsonLink {
	l := jsonLink{fromOK: true, toOK: true, weightOK: true} // an end left out is "", as a node's ID left out is
	var fromNamed, toNamed bool
	l.from, fromNamed = jsondecode.FirstString(members, linkFields, "from")
	l.to, toNamed = jsondecode.FirstString(members, linkFields, "to")
	var ids []string
	if fromNamed || toNamed {
		ids = []string{l.from, l.to}
	}
	f.Fields(path, ids, members, linkFields, func(field int, path jsondecode.Path, raw json.RawMessage) {
		switch field {
		case linkFrom:
			if !fromNamed {
				l.fromOK = jsondecode.Value(f, path, ids, raw, &l.from)
			}
		case linkTo:
			if !toNamed {
				l.toOK = jsondecode.Value(f, path, ids, raw, &l.to)
			}
		default:
			l.weight = raw
			l.weightOK = f.NotNull(path, ids, "a decimal string or a number", raw)
		}
	})
	return l
}

// addJSONLinkRead adds l, a link that [readJSONLink] read, as
// [Builder.AddJSON] says: with weight 0 if its weight is null; else with
// its weight, whose problems Build reports; and not at all if an end is of
// the wrong type, but its weight is checked as if it were added, its
// problems reported just as they would be (naming the ends as read, "" for
// one of the wrong type).
//
// A plain weight ([plainWeight]), as a definition that [Model.MarshalJSON]
// wrote gives every weight, is read without making its text or its decimal:
// it has no problem.
func (b *Builder) addJSONLinkRead(l jsonLink) {
	if w, ok := plainWeight(l.weight); ok {
		if l.fromOK && l.toOK {
			b.addScaled(l.from, l.to, w)
		}
		return
	}
	switch text, ok := weightText(l.weight); {
	case !l.fromOK || !l.toOK:
		switch {
		case !l.weightOK, ok && text == "": // null, reported by the form; left out, 1
		case !ok:
			b.textWeight(l.from, l.to, string(l.weight))
		default:
			b.textWeight(l.from, l.to, text)
		}
	case !l.weightOK:
		b.addScaled(l.from, l.to, 0)
	case !ok:
		b.addLinkText(l.from, l.to, string(l.weight))
	case text == "":
		b.AddLink(l.from, l.to)
	default:
		b.addLinkText(l.from, l.to, text)
	}
}

// isObject reports whether raw, a well-formed JSON value, is an object.
func isObject(raw json.RawMessage) bool {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	return len(raw) > 0 && raw[0] == '{'
}

// maxPlainUnits is the most digits before the point of a weight that
// [plainWeight] reads: 999,999,999,999 is below [MaxWeight].
const maxPlainUnits = 12

// plainWeight returns the weight in millionths of raw, a link's weight as
// JSON gives it, and true, if it is plain: a JSON number, or a JSON string
// with no escape, whose text is digits with at most one point among them,
// at least one digit, at most maxPlainUnits before the point and at most
// [WeightPlaces] after it ("0.5", "2", "1.250000", and in a string ".5" and
// "3."). Such a weight is a decimal as [Builder.textWeight] reads its text
// (decimal.NewFromString's syntax), not below zero, with at most
// WeightPlaces places and below MaxWeight: the same millionths, with no
// problem. ok is false for any other value (absent, null, a sign, an
// exponent, more digits), which textWeight reads.
func plainWeight(raw json.RawMessage) (w int64, ok bool) {
	text := bytes.TrimSpace(raw)
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		text = text[1 : len(text)-1]
	}
	units, places, point := 0, 0, false // digits before and after the point
	for _, c := range text {
		switch {
		case '0' <= c && c <= '9' && !point && units < maxPlainUnits:
			units++
		case '0' <= c && c <= '9' && point && places < WeightPlaces:
			places++
		case c == '.' && !point:
			point = true
			continue
		default:
			return 0, false
		}
		w = w*10 + int64(c-'0') // below 10^18: at most 18 digits
	}
	if units+places == 0 {
		return 0, false
	}
	return w * pow10(int64(WeightPlaces-places)), true
}

// weightText returns the decimal text of a JSON weight: "" when absent, the
// text of a string or a number; ok is false for anything else.
func weightText(raw json.RawMessage) (text string, ok bool) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0:
		return "", true
	case raw[0] == '"':
		s, err := strconv.Unquote(string(raw))
		if err != nil || s == "" {
			return string(raw), false
		}
		return s, true
	case raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9':
		return string(raw), true
	}
	return string(raw), false
}

// metricProblems sorts the problems in err, the error of the
// [outcome.Metric.UnmarshalJSON] of the metric at path in a node that ids
// name: those of the metric's JSON form it reports to f at their path,
// naming ids first ([jsondecode.Form.Relay]); the others it returns, in
// order.
func metricProblems(f *jsondecode.Form, path jsondecode.Path, ids []string, err error) []*outcome.Error {
	ps := outcome.Problems(err)
	if err != nil && len(ps) == 0 {
		ps = []*outcome.Error{{Code: outcome.ErrInvalidJSON, Message: err.Error(), Err: err}}
	}
	checks := ps[:0:0]
	for _, p := range ps {
		if !f.Relay(path, ids, p) {
			checks = append(checks, p)
		}
	}
	return checks
}

// addMetricProblems records ps, the problems of the metric of the node at
// position at, whose ID is id, but for those of its form: each as outcome
// says it, after the node ("hierarchy: node \"a\": metric: outcome: ..."),
// and naming the node's ID before the metric's. A node whose ID is empty is
// named by its position, as Build names it ("hierarchy: node #0: metric:
// ..."), and its ID is not among the IDs.
func (b *Builder) addMetricProblems(at int, id string, ps []*outcome.Error) {
	name, ids := strconv.Quote(clip(id)), []string{id}
	if id == "" {
		name, ids = posName(at), nil
	}
	for _, p := range ps {
		b.problems = append(b.problems, &outcome.Error{
			Code: p.Code, Severity: outcome.SeverityError, IDs: slices.Concat(ids, p.IDs),
			Message: "hierarchy: node " + name + ": metric: " + p.Message, Err: p,
		})
	}
}

// clipN shortens s to at most n bytes, on a rune boundary, marking the cut.
func clipN(s string, n int) string { return msg.Clip(s, n) }

// The results' JSON forms write every decimal as a string, whatever
// decimal.MarshalJSONWithoutQuotes says, so that the same result gives the
// same bytes in every program. Their UnmarshalJSON reads them member by
// member through a [jsondecode.Form], as a definition is read, and reports
// every problem of the form, in the order of the fields whatever the order
// of the members, each member that MarshalJSON always writes required
// ([resultForm.fields]), as outcome's result decoders require theirs; but a
// result is data as given, so its values are not
// checked against each other (a share may count more aligned nodes than
// nodes, an attribution's contributions need not add up to its change).
// Each decimal is read with [decfmt.ParseJSON] ([readResultDecimal]), so
// that what decodes does not depend on decimal.MaxDecodeExponent, which
// decimal's own UnmarshalJSON reads.

// The JSON fields of a share, a contribution and an attribution, as
// MarshalJSON writes them, and their indexes.
var (
	shareFields        = []string{"level", "nodes", "aligned", "weight", "alignedWeight"}
	contributionFields = []string{"id", "amount"}
	attributionFields  = []string{"id", "before", "after", "change", "contributions"}
)

const (
	shareLevel, shareNodes, shareAligned, shareWeight = 0, 1, 2, 3

	contributionID = 0

	attributionID, attributionBefore, attributionAfter, attributionChange = 0, 1, 2, 3
)

// resultDecimalWant is what a decimal of a result must be.
const resultDecimalWant = "a decimal string or a number"

// readResultDecimal reads raw, the JSON value at path of a decimal of a
// result, into *d: a decimal string or a JSON number, in
// decimal.NewFromString's syntax, with any number of digits and an exponent
// within ±[decfmt.DefaultMaxExponent] (what decimal's UnmarshalJSON accepts
// under decimal's defaults), whatever decimal.MaxDecodeExponent says now.
// Anything else, null included, is a problem of the form, reported to f
// with ids, and leaves *d as it is: `"weight" must be a decimal string or a
// number, not the string "x"`, or, out of range, `"weight" must be a
// decimal with an exponent within ±10000, not the string "1e20000"`.
func readResultDecimal(f *jsondecode.Form, path jsondecode.Path, ids []string, raw json.RawMessage, d *decimal.Decimal) {
	if !f.NotNull(path, ids, resultDecimalWant, raw) {
		return
	}
	v, _, err := decfmt.ParseJSON(raw, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	if err != nil {
		want := resultDecimalWant
		if e := (*decfmt.Error)(nil); errors.As(err, &e) {
			want = e.Want()
		}
		f.WrongType(path, ids, want, raw, err)
		return
	}
	*d = v
}

// resultForm is the [jsondecode.Form] of a result being read, with the
// problems of the levels that name none found while reading it, which are
// reported after those of the form.
type resultForm struct {
	jsondecode.Form
	levels []error
}

// err returns the problems of the form, in order, then those of the levels
// that name none, in the order read ([msg.Join]): nil if there is none, the
// one itself if there is one, and otherwise all of them joined with
// [errors.Join].
func (r *resultForm) err() error { return msg.Join(append(r.Errors(), r.levels...)...) }

// decodeResult reads data, the JSON text of a whole result (what names it
// in messages: "share"; a names it in the message of null: "a share"), into
// *v: read reads the members of the object into the zero T, reporting the
// problems of their form to r, so that what decodes is what data says (a
// member MarshalJSON leaves out when it is zero or empty is zero or empty
// when left out, whatever *v held); if there is any problem, or data is not
// one object, *v is left as it is and every problem is returned
// ([resultForm.err]).
// JSON null is one [outcome.ErrInvalidJSON], "hierarchy: a share cannot be
// null", and anything else that is not one object one as [jsondecode.Form.Top]
// says it.
func decodeResult[T any](data []byte, v *T, what, a string, read func(r *resultForm, members []strictjson.Member, v *T)) error {
	if jsondecode.IsNull(data) {
		return newError(outcome.ErrInvalidJSON, nil, "hierarchy: %s cannot be null", a)
	}
	r := resultForm{Form: jsondecode.Form{Pkg: "hierarchy", At: what}}
	members, ok := r.Top(data, nil)
	if !ok {
		return r.Err()
	}
	var x T
	read(&r, members, &x)
	if err := r.err(); err != nil {
		return err
	}
	*v = x
	return nil
}

// level reads raw, the JSON value at path of a level of the object at at
// ("" for the whole result), into *l: a string that names a level, as
// [outcome.ParseLevel] reads it. A value of the wrong type, null included,
// is a problem of the form, reported with ids; a string that names no level
// is a problem with code [outcome.ErrUnknownLevel], reported after those of
// the form, as ParseLevel says it for a level of the whole result (`outcome:
// unknown level "x"`), after the result and the level's path for one
// within it (`hierarchy: alignment: "levels[2].level": outcome: unknown
// level "x"`), naming ids and wrapping ParseLevel's error. Either leaves
// *l as it is.
func (r *resultForm) level(at, path jsondecode.Path, ids []string, raw json.RawMessage, l *outcome.Level) {
	var text string
	if !jsondecode.Value(&r.Form, path, ids, raw, &text) {
		return
	}
	v, err := outcome.ParseLevel(text)
	if err == nil {
		*l = v
		return
	}
	p := err.(*outcome.Error) // ParseLevel's error is one
	if at.String() != "" {
		err = &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: slices.Concat(ids, p.IDs),
			Message: r.Pkg + ": " + r.At + ": " + strconv.Quote(path.String()) + ": " + p.Message, Err: p}
	}
	r.levels = append(r.levels, err)
}

// noLevel reports, after the problems of the form as [resultForm.level]
// reports a level that names none, a level's IDs or an orphan group at
// path (the whole result for "") whose level, key, was left out: it is
// what the value is about, and MarshalJSON always writes it. The code is
// [outcome.ErrUnknownLevel]: `hierarchy: level IDs: no "level"` for the
// whole result, `hierarchy: contributors: "levels[0]": no "level"` for one
// within it, naming ids.
func (r *resultForm) noLevel(path jsondecode.Path, key string, ids []string) {
	at := ""
	if text := path.String(); text != "" {
		at = strconv.Quote(text) + ": "
	}
	r.levels = append(r.levels, &outcome.Error{Code: outcome.ErrUnknownLevel, Severity: outcome.SeverityError,
		IDs: slices.Clone(ids), Message: r.Pkg + ": " + r.At + ": " + at + "no " + strconv.Quote(key)})
}

// fields walks members, those of the object at path of a result whose
// fields are names, as [jsondecode.Form.Fields] does, calling value for
// each field given; then it reports, with ids, each field left out that
// the object must hold, in the order of names ([jsondecode.Form.Missing]:
// `"levels[2]" has no "weight"`, `the value has no "nodes"`): every field
// but those whose bit is set in optional (bit i for names[i]), the fields
// MarshalJSON leaves out when they are zero or empty (a share's level, an
// alignment's orphans and unsupported) and a level's IDs' or an orphan
// group's level, which [resultForm.noLevel] reports.
func (r *resultForm) fields(path jsondecode.Path, ids []string, members []strictjson.Member, names []string, optional uint,
	value func(field int, path jsondecode.Path, raw json.RawMessage)) {
	given := optional
	r.Fields(path, ids, members, names, func(field int, p jsondecode.Path, raw json.RawMessage) {
		given |= 1 << field
		value(field, p, raw)
	})
	for f, name := range names {
		if given&(1<<f) == 0 {
			r.Missing(path, ids, name)
		}
	}
}

// readList reads raw, the JSON value at path of a list of a result, into
// *list: a JSON array is read into a new slice (empty, not nil, for []),
// each element into the zero T with read, which reports the problems of
// the element's form; null, if nullOK (for a list the package once wrote
// as null when it was empty), is no list, nil. Anything else, null
// included if not nullOK, is a problem of the form, reported with ids,
// and leaves *list as it is.
func readList[T any](r *resultForm, path jsondecode.Path, ids []string, raw json.RawMessage, nullOK bool,
	read func(path jsondecode.Path, raw json.RawMessage, v *T), list *[]T) {
	if nullOK && jsondecode.IsNull(raw) {
		*list = nil
		return
	}
	out := []T{}
	if r.Array(path, ids, raw, func(_ int, path jsondecode.Path, raw json.RawMessage) {
		var v T
		read(path, raw, &v)
		out = append(out, v)
	}) {
		*list = out
	}
}

// readIDs reads raw, the JSON value at path of a list of IDs of a result,
// into *ids, as [readList] reads a list, each ID a JSON string (null
// refused); nullOK is readList's. Problems name named.
func readIDs(r *resultForm, path jsondecode.Path, named []string, raw json.RawMessage, nullOK bool, ids *[]string) {
	readList(r, path, named, raw, nullOK, func(path jsondecode.Path, raw json.RawMessage, id *string) {
		jsondecode.Value(&r.Form, path, named, raw, id)
	}, ids)
}

// resultIDs returns the IDs that the problems of a result whose members
// are members (names are its fields) name: the value of its field id (an
// attribution's "id", a line of sight's "from"), if the first member for
// it is a JSON string that is not empty; none otherwise.
func resultIDs(members []strictjson.Member, names []string, id string) []string {
	if id, ok := jsondecode.FirstString(members, names, id); ok && id != "" {
		return []string{id}
	}
	return nil
}

// shareJSON is the JSON form of a [Share].
type shareJSON struct {
	Level         outcome.Level `json:"level,omitzero"`
	Nodes         int           `json:"nodes"`
	Aligned       int           `json:"aligned"`
	Weight        string        `json:"weight"`
	AlignedWeight string        `json:"alignedWeight"`
}

// MarshalJSON implements [json.Marshaler]: the level as a token ("task",
// left out for all the work), the counts, and the weights as decimal
// strings, whatever decimal's package-level MarshalJSONWithoutQuotes says:
//
//	{"level":"task","nodes":3,"aligned":2,"weight":"4","alignedWeight":"3"}
//
// [Share.UnmarshalJSON] reads it back, and takes a weight written as a JSON
// number too.
func (s Share) MarshalJSON() ([]byte, error) {
	return json.Marshal(shareJSON{Level: s.Level, Nodes: s.Nodes, Aligned: s.Aligned,
		Weight: decfmt.String(s.Weight), AlignedWeight: decfmt.String(s.AlignedWeight)})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into s's fields, without checking them against each
// other (a share is a result: the counts and weights are taken as given).
// Keys are matched to fields as encoding/json matches them ("NODES" is
// "nodes"). Every member MarshalJSON always writes must be given: "nodes",
// "aligned", "weight" and "alignedWeight"; "level", which it leaves out for
// all the work, is zero when left out (whatever s held), so that what
// decodes is what the JSON says. The weights may be decimal strings or
// JSON numbers, read exactly, in decimal.NewFromString's syntax with any
// number of digits and an exponent within ±10000, whatever decimal's
// MaxDecodeExponent says.
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error s is
// unchanged. First every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path, as [jsondecode.Form]
// says it (`hierarchy: share: invalid JSON: "nodes" must be an integer, not
// the string "3"`), in the order of the fields (level, nodes, aligned,
// weight, alignedWeight), whatever the order of the members: a value of the
// wrong type, null included (null is never a value), and a weight that is
// not such a decimal (`"weight" must be a decimal string or a number, not
// the string "x"`, or `"weight" must be a decimal with an exponent within
// ±10000, not the number 1e10001`), each at its field; a field given again
// (also under a key that differs only in case), right after the field, the
// first member being the one read; then each key that names no field,
// sorted; then each member left out that must be given, in the order of
// the fields, as outcome's result decoders say one (`hierarchy: share:
// invalid JSON: the value has no "weight"`). Then a level that names none,
// as [outcome.Level.UnmarshalText] says it, with code
// [outcome.ErrUnknownLevel] (`outcome: unknown level "x"`). JSON that is not one object is one [outcome.ErrInvalidJSON]
// (`hierarchy: share: invalid JSON: the value must be an object, not an
// array`), and so is null, `hierarchy: a share cannot be null`. No problem
// names an ID.
func (s *Share) UnmarshalJSON(data []byte) error {
	return decodeResult(data, s, "share", "a share", func(r *resultForm, members []strictjson.Member, v *Share) {
		readShare(r, jsondecode.Path{}, nil, members, v)
	})
}

// readShare reads members, those of the share at path, into *s, as
// [Share.UnmarshalJSON] says, reporting the problems of their form to r,
// each naming ids, and its level if it names none ([resultForm.level]).
func readShare(r *resultForm, path jsondecode.Path, ids []string, members []strictjson.Member, s *Share) {
	r.fields(path, ids, members, shareFields, 1<<shareLevel, func(field int, p jsondecode.Path, raw json.RawMessage) {
		switch field {
		case shareLevel:
			r.level(path, p, ids, raw, &s.Level)
		case shareNodes:
			jsondecode.Value(&r.Form, p, ids, raw, &s.Nodes)
		case shareAligned:
			jsondecode.Value(&r.Form, p, ids, raw, &s.Aligned)
		case shareWeight:
			readResultDecimal(&r.Form, p, ids, raw, &s.Weight)
		default:
			readResultDecimal(&r.Form, p, ids, raw, &s.AlignedWeight)
		}
	})
}

// contributionJSON is the JSON form of a [Contribution].
type contributionJSON struct {
	ID     string `json:"id"`
	Amount string `json:"amount"`
}

// MarshalJSON implements [json.Marshaler]: the ID and the amount as a
// decimal string, whatever decimal's package-level MarshalJSONWithoutQuotes
// says: {"id":"answer-call","amount":"100"}. [Contribution.UnmarshalJSON]
// reads it back, and takes an amount written as a JSON number too.
func (c Contribution) MarshalJSON() ([]byte, error) {
	return json.Marshal(contributionJSON{ID: c.ID, Amount: decfmt.String(c.Amount)})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into c's fields, as [Share.UnmarshalJSON] reads a
// share: keys matched to fields as encoding/json matches them, both
// members required ("id" and "amount", which MarshalJSON always writes),
// the amount a decimal string or a JSON number,
// read exactly, with any number of digits and an exponent within ±10000,
// whatever decimal's MaxDecodeExponent says.
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error c is
// unchanged: every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path (`hierarchy: contribution:
// invalid JSON: "amount" must be a decimal string or a number, not the
// string "1,5"`), in the order of the fields (id, amount), whatever the
// order of the members: a value of the wrong type, null included, and an
// amount that is not such a decimal, each at its field; a field given
// again right after the field, the first member being the one read; then
// each key that names no field, sorted; then each member left out (`the
// value has no "amount"`). Each names the contribution's ID, if its "id" is
// a string that is not empty. JSON that is not one object is
// one [outcome.ErrInvalidJSON], with no ID, and so is null, `hierarchy: a
// contribution cannot be null`. Nothing else is checked.
func (c *Contribution) UnmarshalJSON(data []byte) error {
	return decodeResult(data, c, "contribution", "a contribution", func(r *resultForm, members []strictjson.Member, v *Contribution) {
		readContribution(r, jsondecode.Path{}, nil, members, v)
	})
}

// readContribution reads members, those of the contribution at path, into
// *c, as [Contribution.UnmarshalJSON] says, reporting the problems of their
// form to r, each naming ids and then the contribution's ID, if its "id" is
// a string that is not empty.
func readContribution(r *resultForm, path jsondecode.Path, ids []string, members []strictjson.Member, c *Contribution) {
	ids = slices.Concat(ids, resultIDs(members, contributionFields, "id"))
	r.fields(path, ids, members, contributionFields, 0, func(field int, path jsondecode.Path, raw json.RawMessage) {
		if field == contributionID {
			jsondecode.Value(&r.Form, path, ids, raw, &c.ID)
			return
		}
		readResultDecimal(&r.Form, path, ids, raw, &c.Amount)
	})
}

// attributionJSON is the JSON form of an [Attribution].
type attributionJSON struct {
	ID            string         `json:"id"`
	Before        string         `json:"before"`
	After         string         `json:"after"`
	Change        string         `json:"change"`
	Contributions []Contribution `json:"contributions"`
}

// MarshalJSON implements [json.Marshaler]: the ID; the values before and
// after and the change as decimal strings, whatever decimal's package-level
// MarshalJSONWithoutQuotes says; and the contributions in order, each as
// [Contribution.MarshalJSON] writes it ([] when there are none, never null):
//
//	{"id":"cost-to-serve","before":"2320","after":"2420","change":"100",
//	 "contributions":[{"id":"answer-call","amount":"100"}]}
//
// [Attribution.UnmarshalJSON] reads it back, and takes a decimal written as
// a JSON number too.
func (a Attribution) MarshalJSON() ([]byte, error) {
	return json.Marshal(attributionJSON{ID: a.ID, Before: decfmt.String(a.Before), After: decfmt.String(a.After),
		Change: decfmt.String(a.Change), Contributions: strictjson.List(a.Contributions)})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into a's fields, as [Share.UnmarshalJSON] reads a
// share, without checking them against each other (that the contributions
// add up to the change, say): keys matched to fields as encoding/json
// matches them, every member required (MarshalJSON always writes each: id,
// before, after, change and contributions, and a contribution's id and
// amount); before, after and
// change decimal strings or JSON numbers, read exactly, with any number of
// digits and an exponent within ±10000, whatever decimal's
// MaxDecodeExponent says; the contributions a list of objects, each read
// as [Contribution.UnmarshalJSON] reads one into the zero Contribution,
// into a new slice (a's is never written into). "contributions":null is
// no contributions (a nil slice), as this package wrote an attribution
// without any before it wrote [], and encoding/json reads it.
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error a is
// unchanged: every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path from the attribution's top
// (`hierarchy: attribution: invalid JSON: "contributions[1].amount" must be
// a decimal string or a number, not true`), in the order of the fields
// (id, before, after, change, contributions; a contribution's id, amount),
// whatever the order of the members: a value of the wrong type, null
// included (but for the contributions' null), a decimal that is not such a
// decimal, and a contribution that is not an object
// (`"contributions[0]" must be an object, not null`), each at its field,
// a list's elements in order; a field given again right after the field,
// the first member being the one read; then the keys of the object that
// name no field, sorted; then each member the object leaves out, at its
// path (`"contributions[1]" has no "amount"`, `the value has no "after"`),
// after the other problems of that object. Each names the attribution's ID, if its "id" is a
// string that is not empty, and, within a contribution, the contribution's
// ID after it, if its "id" is such a string. JSON that is not one object
// is one [outcome.ErrInvalidJSON], with no ID, and so is null, `hierarchy:
// an attribution cannot be null`. Nothing else is checked.
func (a *Attribution) UnmarshalJSON(data []byte) error {
	return decodeResult(data, a, "attribution", "an attribution", func(r *resultForm, members []strictjson.Member, v *Attribution) {
		ids := resultIDs(members, attributionFields, "id")
		r.fields(jsondecode.Path{}, ids, members, attributionFields, 0, func(field int, path jsondecode.Path, raw json.RawMessage) {
			switch field {
			case attributionID:
				jsondecode.Value(&r.Form, path, ids, raw, &v.ID)
			case attributionBefore:
				readResultDecimal(&r.Form, path, ids, raw, &v.Before)
			case attributionAfter:
				readResultDecimal(&r.Form, path, ids, raw, &v.After)
			case attributionChange:
				readResultDecimal(&r.Form, path, ids, raw, &v.Change)
			default:
				readList(r, path, ids, raw, true, func(path jsondecode.Path, raw json.RawMessage, c *Contribution) {
					if members, ok := r.Open(path, ids, raw); ok {
						readContribution(r, path, ids, members, c)
					}
				}, &v.Contributions)
			}
		})
	})
}

// The JSON fields of a line of sight, contributors, a level's IDs, an
// orphan group and an alignment, as MarshalJSON writes them, and their
// indexes.
var (
	lineOfSightFields  = []string{"from", "paths", "complete"}
	contributorsFields = []string{"to", "levels"}
	levelIDsFields     = []string{"level", "ids"}
	orphanGroupFields  = []string{"highest", "ids"}
	alignmentFields    = []string{"overall", "levels", "orphans", "unsupported"}
)

const (
	lineOfSightFrom, lineOfSightPaths = 0, 1

	contributorsTo = 0

	alignmentOverall, alignmentLevels, alignmentOrphans, alignmentUnsupported = 0, 1, 2, 3
)

// lineOfSightJSON is the JSON form of a [LineOfSight]: its fields, with their tags.
type lineOfSightJSON LineOfSight

// MarshalJSON implements [json.Marshaler]: "from", "paths", each path an
// array of IDs, and "complete", as the fields' tags name them. A node with
// no path (an orphan) writes "paths":[], never null, so that a dashboard
// can take the list's length, and so does a path that is nil (which
// [Model.LineOfSight] never makes, but a caller can build by hand): [], as
// every empty list the module writes, which [LineOfSight.UnmarshalJSON]
// reads as an empty path (Equal to nil), where null would be refused. l's
// paths are not written into. LineOfSight.UnmarshalJSON reads it back.
func (l LineOfSight) MarshalJSON() ([]byte, error) {
	l.Paths = strictjson.List(l.Paths)
	if slices.ContainsFunc(l.Paths, func(p []string) bool { return p == nil }) {
		paths := make([][]string, len(l.Paths))
		for i, p := range l.Paths {
			paths[i] = strictjson.List(p)
		}
		l.Paths = paths
	}
	return json.Marshal(lineOfSightJSON(l))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into l's fields, as [Share.UnmarshalJSON] reads a
// share, without checking them against each other or against any model
// (a line of sight is a result: its paths are taken as given): keys
// matched to fields as encoding/json matches them, every member required
// (MarshalJSON always writes "from", "paths" and "complete"); "from" a
// string, "complete" true or false, "paths"
// an array of paths, each an array of strings, read into a new slice (l's
// is never written into), [] as an empty, non-nil list: "paths":[] as no
// paths, and a path [] as an empty path, taken as given as every path is
// (MarshalJSON writes a nil path so). "paths":null is no paths (a nil
// slice), as this package wrote an orphan's line of sight before it wrote
// [].
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error l is
// unchanged: every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path (`hierarchy: line of
// sight: invalid JSON: "paths[0][1]" must be a string, not the number
// 3`), in the order of the fields (from, paths, complete), whatever the
// order of the members: a value of the wrong type, null included (but for
// the paths' null), a path's and an ID's too, each at its place, a list's
// elements in order; a field given again right after the field, the first
// member being the one read; then each key that names no field, sorted;
// then each member left out (`the value has no "complete"`). Each names the
// line's "from", if it is a string that is not empty. JSON
// that is not one object is one [outcome.ErrInvalidJSON], with no ID, and
// so is null, `hierarchy: a line of sight cannot be null`. Nothing else is
// checked.
func (l *LineOfSight) UnmarshalJSON(data []byte) error {
	return decodeResult(data, l, "line of sight", "a line of sight", func(r *resultForm, members []strictjson.Member, v *LineOfSight) {
		ids := resultIDs(members, lineOfSightFields, "from")
		r.fields(jsondecode.Path{}, ids, members, lineOfSightFields, 0, func(field int, path jsondecode.Path, raw json.RawMessage) {
			switch field {
			case lineOfSightFrom:
				jsondecode.Value(&r.Form, path, ids, raw, &v.From)
			case lineOfSightPaths:
				readList(r, path, ids, raw, true, func(path jsondecode.Path, raw json.RawMessage, p *[]string) {
					readIDs(r, path, ids, raw, false, p)
				}, &v.Paths)
			default:
				jsondecode.Value(&r.Form, path, ids, raw, &v.Complete)
			}
		})
	})
}

// contributorsJSON is the JSON form of [Contributors]: its fields, with their tags.
type contributorsJSON Contributors

// MarshalJSON implements [json.Marshaler]: "to" and "levels", each level
// as [LevelIDs.MarshalJSON] writes it. A node with no contributors (a task)
// writes "levels":[], never null. [Contributors.UnmarshalJSON] reads it
// back.
func (c Contributors) MarshalJSON() ([]byte, error) {
	c.Levels = strictjson.List(c.Levels)
	return json.Marshal(contributorsJSON(c))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into c's fields, as [Share.UnmarshalJSON] reads a
// share, without checking them against each other or against any model
// (levels out of order or given twice, IDs not sorted are taken as given):
// keys matched to fields as encoding/json matches them, every member
// required (MarshalJSON always writes "to" and "levels", and a level's
// "level" and "ids"); "to" a string; "levels" an array of objects, each read
// as [LevelIDs.UnmarshalJSON] reads one into the zero LevelIDs, into a new
// slice (c's is never written into), [] as an empty, non-nil list.
// "levels":null is no levels (a nil slice), and so is a level's "ids":null
// no IDs, as this package wrote them empty before it wrote [].
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error c is
// unchanged. First every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path from the top (`hierarchy:
// contributors: invalid JSON: "levels[1].ids[0]" must be a string, not
// null`), in the order of the fields (to, levels; a level's level, ids),
// whatever the order of the members: a value of the wrong type, null
// included (but for the null lists above), and a level that is not an
// object, each at its place, a list's elements in order; a field given
// again right after the field, the first member being the one read; then
// the keys of the object that name no field, sorted; then each member the
// object leaves out but a level's "level", at its path, after the other
// problems of that object (`"levels[0]" has no "ids"`, `the value has no
// "to"`). Then each level that
// names none, in the order read, with code [outcome.ErrUnknownLevel], as
// [outcome.ParseLevel] says it, after its path (`hierarchy: contributors:
// "levels[0].level": outcome: unknown level "x"`), and each level left out
// of a level's IDs, with the same code (`hierarchy: contributors:
// "levels[0]": no "level"`): a level's IDs are about their level. Each names the
// contributors' "to", if it is a string that is not empty. JSON that is not
// one object is one [outcome.ErrInvalidJSON], with no ID, and so is null,
// `hierarchy: contributors cannot be null`. Nothing else is checked.
func (c *Contributors) UnmarshalJSON(data []byte) error {
	return decodeResult(data, c, "contributors", "contributors", func(r *resultForm, members []strictjson.Member, v *Contributors) {
		ids := resultIDs(members, contributorsFields, "to")
		r.fields(jsondecode.Path{}, ids, members, contributorsFields, 0, func(field int, path jsondecode.Path, raw json.RawMessage) {
			if field == contributorsTo {
				jsondecode.Value(&r.Form, path, ids, raw, &v.To)
				return
			}
			readList(r, path, ids, raw, true, func(path jsondecode.Path, raw json.RawMessage, s *LevelIDs) {
				if members, ok := r.Open(path, ids, raw); ok {
					readLevelIDs(r, path, ids, members, s)
				}
			}, &v.Levels)
		})
	})
}

// levelIDsJSON is the JSON form of [LevelIDs]: its fields, with their tags.
type levelIDsJSON LevelIDs

// MarshalJSON implements [json.Marshaler]: "level", as a token ("task"),
// and "ids", [] when there are none, never null. [LevelIDs.UnmarshalJSON]
// reads it back.
func (s LevelIDs) MarshalJSON() ([]byte, error) {
	s.IDs = strictjson.List(s.IDs)
	return json.Marshal(levelIDsJSON(s))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into s's fields, as [Share.UnmarshalJSON] reads a
// share, the IDs taken as given (not checked to be sorted): keys matched
// to fields as encoding/json matches them, both members required, as
// MarshalJSON always writes both; "level" (the IDs are about it) a string
// that names a level, as [outcome.ParseLevel]
// reads it; "ids" an array of strings, read into a new slice (s's is never
// written into), [] as an empty, non-nil list. "ids":null is no IDs (a nil
// slice), as this package wrote them empty before it wrote [].
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error s is
// unchanged. First every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path (`hierarchy: level IDs:
// invalid JSON: "ids[1]" must be a string, not the number 3`), in the order
// of the fields (level, ids), whatever the order of the members: a value
// of the wrong type, null included (but for the IDs' null), an ID's too;
// a field given again right after the field, the first member being the
// one read; then each key that names no field, sorted; then "ids" if it is
// left out (`hierarchy: level IDs: invalid JSON: the value has no "ids"`).
// Then a level that names none, as [outcome.ParseLevel] says it, with code
// [outcome.ErrUnknownLevel] (`outcome: unknown level "x"`), or a level left
// out, with the same code (`hierarchy: level IDs: no "level"`), as this
// package said it before it required the other members. JSON that is
// not one object is one [outcome.ErrInvalidJSON], and so is null,
// `hierarchy: level IDs cannot be null`. No problem names an ID.
func (s *LevelIDs) UnmarshalJSON(data []byte) error {
	return decodeResult(data, s, "level IDs", "level IDs", func(r *resultForm, members []strictjson.Member, v *LevelIDs) {
		readLevelIDs(r, jsondecode.Path{}, nil, members, v)
	})
}

// readLevelIDs reads members, those of the level's IDs at path, into *s,
// as [LevelIDs.UnmarshalJSON] says ([readLevelAndIDs]), naming ids.
func readLevelIDs(r *resultForm, path jsondecode.Path, ids []string, members []strictjson.Member, s *LevelIDs) {
	readLevelAndIDs(r, path, ids, members, levelIDsFields, &s.Level, &s.IDs)
}

// readLevelAndIDs reads members, those of the object at path whose fields
// are a level and a list of IDs (a level's IDs, an orphan group), named by
// fields, the level first, into *level and *list, reporting the problems of
// their form to r, each naming ids, and the level if it names none
// ([resultForm.level]) or is left out ([resultForm.noLevel]).
func readLevelAndIDs(r *resultForm, path jsondecode.Path, ids []string, members []strictjson.Member, fields []string,
	level *outcome.Level, list *[]string) {
	given := false
	r.fields(path, ids, members, fields, 1<<0, func(field int, p jsondecode.Path, raw json.RawMessage) {
		if field == 0 {
			given = true
			r.level(path, p, ids, raw, level)
			return
		}
		readIDs(r, p, ids, raw, true, list)
	})
	if !given {
		r.noLevel(path, fields[0], ids)
	}
}

// orphanGroupJSON is the JSON form of an [OrphanGroup]: its fields, with their tags.
type orphanGroupJSON OrphanGroup

// MarshalJSON implements [json.Marshaler]: "highest", as a token
// ("output"), and "ids", [] when there are none, never null.
// [OrphanGroup.UnmarshalJSON] reads it back.
func (g OrphanGroup) MarshalJSON() ([]byte, error) {
	g.IDs = strictjson.List(g.IDs)
	return json.Marshal(orphanGroupJSON(g))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into g's fields, as [LevelIDs.UnmarshalJSON] reads a
// level's IDs, "highest" in place of "level": the IDs taken as given, both
// members required, "ids" read into a new slice, "ids":null as no IDs (a
// nil slice). It reports every problem in the same way, in the order of
// the fields (highest, ids), the form's (`hierarchy: orphan group: invalid
// JSON: "ids[0]" must be a string, not null`; `the value has no "ids"`)
// before a level that names none (`outcome: unknown level "x"`) or is left
// out (`hierarchy: orphan group: no "highest"`),
// and on error g is unchanged; null is `hierarchy: an orphan group cannot
// be null`. No problem names an ID.
func (g *OrphanGroup) UnmarshalJSON(data []byte) error {
	return decodeResult(data, g, "orphan group", "an orphan group", func(r *resultForm, members []strictjson.Member, v *OrphanGroup) {
		readOrphanGroup(r, jsondecode.Path{}, members, v)
	})
}

// readOrphanGroup reads members, those of the orphan group at path, into
// *g, as [OrphanGroup.UnmarshalJSON] says ([readLevelAndIDs]).
func readOrphanGroup(r *resultForm, path jsondecode.Path, members []strictjson.Member, g *OrphanGroup) {
	readLevelAndIDs(r, path, nil, members, orphanGroupFields, &g.Highest, &g.IDs)
}

// alignmentJSON is the JSON form of an [Alignment]: its fields, with their tags.
type alignmentJSON Alignment

// MarshalJSON implements [json.Marshaler]: "overall" and "levels", each a
// share as [Share.MarshalJSON] writes it, "levels" [] when there are none,
// never null; then "orphans", each as [OrphanGroup.MarshalJSON] writes it,
// and "unsupported", each left out when empty. [Alignment.UnmarshalJSON]
// reads it back.
func (a Alignment) MarshalJSON() ([]byte, error) {
	a.Levels = strictjson.List(a.Levels)
	return json.Marshal(alignmentJSON(a))
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form
// MarshalJSON writes into a's fields, without checking them against each
// other or against any model (an alignment is a result: levels that are
// not four, shares that do not add up to the overall one, orphans that are
// not sorted are taken as given): keys matched to fields as encoding/json
// matches them; "overall" and "levels", which MarshalJSON always writes,
// required, and "orphans" and "unsupported", which it leaves out when they
// are empty, none when left out (whatever a held), so that what decodes is
// what the JSON says; "overall" a share, read as [Share.UnmarshalJSON]
// reads one, its members required as that says; "levels" an array of shares, each read as
// Share.UnmarshalJSON reads one into the zero Share; "orphans" an array of
// orphan groups, each read as [OrphanGroup.UnmarshalJSON] reads one into
// the zero OrphanGroup; "unsupported" an array of strings; each list read
// into a new slice (a's are never written into), [] as an empty, non-nil
// list. "levels":null is no levels (a nil slice), and an orphan group's
// "ids":null no IDs, as this package wrote them empty before it wrote [];
// "orphans" and "unsupported", which it never wrote empty, must not be
// null.
//
// It reports every problem (one problem as itself, several joined with [errors.Join]), and on error a is
// unchanged. First every problem of the JSON form, each an
// [outcome.ErrInvalidJSON] said by its JSON path from the top, in the
// words of the share's and the orphan group's decoders (`hierarchy:
// alignment: invalid JSON: "levels[2].nodes" must be an integer, not the
// string "3"`), in the order of the fields (overall, levels, orphans,
// unsupported; a share's level, nodes, aligned, weight, alignedWeight; an
// orphan group's highest, ids), whatever the order of the members: a value
// of the wrong type, null included (but for the null lists above), a
// decimal that is not one, and a share or an orphan group that is not an
// object, each at its place, a list's elements in order; a field given
// again right after the field, the first member being the one read; then
// the keys of the object that name no field, sorted; then each member the
// object leaves out that must be given (but an orphan group's "highest"),
// at its path, after the other problems of that object (`"levels[2]" has
// no "weight"`, `the value has no "overall"`). Then each level that
// names none, in the order read, with code [outcome.ErrUnknownLevel], as
// [outcome.ParseLevel] says it, after its path (`hierarchy: alignment:
// "orphans[0].highest": outcome: unknown level "x"`), and each orphan
// group's level left out, with the same code (`hierarchy: alignment:
// "orphans[0]": no "highest"`). No problem names an ID. JSON that is not one object is one [outcome.ErrInvalidJSON], and so
// is null, `hierarchy: an alignment cannot be null`.
func (a *Alignment) UnmarshalJSON(data []byte) error {
	return decodeResult(data, a, "alignment", "an alignment", func(r *resultForm, members []strictjson.Member, v *Alignment) {
		r.fields(jsondecode.Path{}, nil, members, alignmentFields, 1<<alignmentOrphans|1<<alignmentUnsupported, func(field int, path jsondecode.Path, raw json.RawMessage) {
			switch field {
			case alignmentOverall:
				if members, ok := r.Open(path, nil, raw); ok {
					readShare(r, path, nil, members, &v.Overall)
				}
			case alignmentLevels:
				readList(r, path, nil, raw, true, func(path jsondecode.Path, raw json.RawMessage, s *Share) {
					if members, ok := r.Open(path, nil, raw); ok {
						readShare(r, path, nil, members, s)
					}
				}, &v.Levels)
			case alignmentOrphans:
				readList(r, path, nil, raw, false, func(path jsondecode.Path, raw json.RawMessage, g *OrphanGroup) {
					if members, ok := r.Open(path, nil, raw); ok {
						readOrphanGroup(r, path, members, g)
					}
				}, &v.Orphans)
			default:
				readIDs(r, path, nil, raw, false, &v.Unsupported)
			}
		})
	})
}
