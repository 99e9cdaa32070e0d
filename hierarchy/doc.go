// Package hierarchy models the method's line of sight: "a hierarchy that
// connects Tasks to Activities to Outputs to Business Outcomes and ultimately
// Successful Customer Outcomes", and answers its question, "is everything you
// are doing aligned to delivering a successful customer outcome?".
//
// # The model
//
// A hierarchy is made of nodes and links. A [Node] is one thing an
// organisation does or achieves, at one [outcome.Level]: a task ("answer
// call", "look up account"), an activity made of tasks, an output ("calls
// handled", "first-time response": what we produce), a business outcome
// ("cost to serve", "revenue": a result of what we make) or a successful
// customer outcome ("problem solved at first contact": what we deliver for
// the customer). A node may carry the [outcome.Metric] that measures it.
//
// A [Link] says that one node contributes to another, of the same level or a
// higher one: a task to an activity, an output to a business outcome, an
// output to another output. One node may contribute to several (an output can
// serve revenue and cost at once), so a hierarchy is a layered directed
// acyclic graph, not a tree. A link has a non-negative decimal weight, 1 by
// default: how much its source counts toward its target. Alignment by
// weight reads a node's weights relative to one another (links of 0.7 and
// 0.3: 70% aligned if only the first target reaches the customer); a
// weighted-sum roll-up adds weight × value along every link, unnormalised,
// so a source with two links of weight 1 counts in full toward both (give
// its links weights that add up to 1 to split it). Weights are kept in fixed point, in millionths: a
// weight may have at most [WeightPlaces] (6) decimal places and be at most
// [MaxWeight] (10^12); a weight that does not fit is an error, never rounded.
//
// # Building and validating
//
// A [Builder] collects nodes and links in any order, and [Builder.Build]
// validates them all at once:
//
//	b := hierarchy.NewBuilder()
//	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
//	b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output})
//	b.AddLink("answer-call", "calls-handled")
//	m, err := b.Build()
//
// Build reports every problem, not just the first, each an *[outcome.Error]
// with a stable code (see the ErrX constants) and the IDs involved, sorted
// by those IDs: one problem is the error itself (err.(*outcome.Error)
// holds), several are joined with [errors.Join] in that order, so that
// [errors.Is] finds a code and [outcome.Problems] lists them either way. Errors are empty, invalid or
// duplicate IDs, nodes without a valid level, metrics of another level than
// their node, links to or from unknown nodes, self-links, links that go down
// a level, duplicate links, bad weights and cycles (each named by the nodes
// on it).
//
// Warnings do not stop Build; they come with the model ([Model.Warnings]):
// orphan work that reaches no customer outcome, a customer outcome that no
// work feeds (directly or through other customer outcomes), a link that
// skips a level, a business outcome with no output beneath it.
// [WarningsAsErrors] turns chosen warnings into errors, for a
// continuous-integration test that every piece of work is aligned, say.
//
// A hierarchy's definition round-trips through JSON ([Model.MarshalJSON]),
// and decoding it validates exactly as Build does, after reporting every
// problem of the JSON form (each value of the wrong type, null included,
// by its JSON path); [Builder.AddJSON] adds a definition to a builder, so
// that several files make one hierarchy. A [Node] or a [Link] decoded on
// its own reads as a definition reads one, and is checked as Build checks
// it, but for what needs the rest of the hierarchy; one that would not
// read back (the zero Node, a link to itself, a negative weight, a name
// that is not valid UTF-8) does not marshal. Every decoder (of a
// definition, a node or a link, a value set, a result) reads each object
// in the order of its fields, as the package writes them (a node's id,
// name, level, metric), a field given again right after the field, then
// the keys that name no field, sorted, and an array's elements in order,
// so that the same JSON with the members of its objects in another order
// has the same problems in the same order.
// The reports (an [Alignment], a [RollUp], an [Attribution], a [LineOfSight])
// encode to JSON for a dashboard; those that read back (all but a RollUp)
// require every member their MarshalJSON always writes, as outcome's
// results do (`hierarchy: share: invalid JSON: the value has no "weight"`),
// and read one it leaves out when empty (a share's level, an alignment's
// orphans) as empty. In every JSON form a decimal (a weight, a
// value, an amount) is a string, as decimal's String writes it by default,
// whatever decimal's package-level settings (MarshalJSONWithoutQuotes,
// TrimTrailingZeros, UseScientificNotation) say, so the same model gives the
// same bytes in every program; decoding takes a JSON number too, and reads
// a decimal's text itself, in decimal.NewFromString's syntax with any number
// of digits and an exponent within ±10000 (what NewFromString accepts under
// decimal's defaults), whatever decimal's MaxDecodeExponent says. Messages
// write decimals the same way.
//
// # Asking the model
//
// A [Model] is immutable and safe for concurrent use; the zero Model is the
// empty hierarchy. It answers:
//
//   - alignment ([Model.Alignment]): which nodes reach a successful customer
//     outcome, the aligned share of the work by count and by weight, overall
//     and per level, the orphans grouped by the highest level they do reach,
//     the outcomes nobody delivers, and the answer to the method's question
//     in one sentence ([Alignment.Answer]);
//   - line of sight ([Model.LineOfSight]): the paths that connect a piece of
//     work to the customer, as many as the caller asks for; and the reverse
//     ([Model.Contributors]): everything that serves an outcome, by level;
//   - traversal as iterators: [Model.TopoOrder], [Model.Parents] (the nodes a
//     node contributes to), [Model.Children] (the nodes that contribute to
//     it), [Model.Ancestors], [Model.Descendants].
//
// # Rolling values up
//
// [Model.NewValues] makes a set of measured values for some nodes (this
// month's cost of each task, say), and [Model.RollUp] computes every other
// node's value from the nodes that feed it: their weighted sum, weighted
// mean, minimum or maximum ([Method]). Values are decimals at the API and
// fixed-point integers inside: the weighted sum is exact, accumulated in
// int64 or, when that would overflow, 128 bits (and, for a node whose
// partial sums pass those, a big.Int, so that terms which cancel still give
// the value), never in one decimal per link; a node's value must fit in 128
// bits. A missing value is reported, not taken as zero unless
// [MissingAsZero] says so. Value sets merge ([Values.Merge]) node by node,
// for measures that add up: measure each shard of the data into its own set,
// merge the sets, and roll up once.
//
// [Model.Attribute] explains a node's change between two periods: it splits
// the change of the weighted sum into the part each measured node beneath
// it contributed, and the parts add up to the change exactly.
//
// A query about an ID the model does not hold is an error with code
// [ErrUnknownNode]. Iterators and reports list nodes in a documented,
// deterministic order: reports sort IDs; iterators follow the order the nodes
// were added and, going up, the order each node's links were added (going
// down, the nodes' order).
//
// # At scale
//
// Building, validating and analysing a hierarchy takes time linear in its
// nodes and links, with a fixed number of allocations. Inside, nodes are
// int32 positions, links are compressed sparse rows in both directions, IDs
// sit in one slice with an open-addressing hash index beside it, weights are
// int64 millionths (none at all while every weight is 1), and the
// topological order, found with Kahn's algorithm, is kept. A model of a
// million nodes and two million links keeps about 54 bytes per node beyond
// the IDs and names it was given (see the package's benchmarks).
package hierarchy
