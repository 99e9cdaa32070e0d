package cxtest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// Hierarchy builds a hierarchy from a compact literal, for tests. Each
// argument holds one or more lines; blank lines and lines that start with #
// are skipped. A line is a chain of nodes joined by links:
//
//	task:answer-call -> activity:handle-call -> output:calls-handled
//	output:first-time-response -[0.4]-> business-outcome:cost-to-serve
//	sco:solved-first-contact "Problem solved at first contact"
//
// A node is written level:id, once at least; afterwards its bare id will
// do. The level is any spelling [outcome.ParseLevel] accepts: task,
// activity, output, business-outcome (or bo), customer-outcome (or sco). An
// id has no white space, and one with a colon is always written with its
// level. A Go-quoted string after a node gives its name. A link is -> (weight
// 1) or -[w]-> (weight w, a decimal); a line of one node declares the node
// without links. A decimal here, as in [Scorecard] and [Policy], is in
// decimal.NewFromString's syntax, with any number of digits and an exponent
// within ±10000, read the same whatever decimal's MaxDecodeExponent says. Nodes are added in the order they first appear, links in
// the order they are written.
//
// The fixture may be misaligned (that is what some tests are about): the
// model's warnings are not errors. A malformed fixture is a mistake in the
// test, and Hierarchy panics with an error that names the line: an unknown
// level, a node without a level or with two, two names for a node, a bad
// weight, and everything [hierarchy.Builder.Build] refuses (a cycle, a
// link down a level, a duplicate link), whose errors it wraps.
func Hierarchy(lines ...string) hierarchy.Model {
	m, err := parseHierarchy(nil, lines)
	if err != nil {
		panic(err)
	}
	return m
}

// MeasuredHierarchy is [Hierarchy], and each node whose ID is a metric's ID
// carries that metric (its level must be the node's). A metric that names no
// node of the fixture is a malformed fixture, and MeasuredHierarchy panics.
func MeasuredHierarchy(metrics []outcome.Metric, lines ...string) hierarchy.Model {
	m, err := parseHierarchy(metrics, lines)
	if err != nil {
		panic(err)
	}
	return m
}

// fixtureLine is one line of a fixture, with its number (from 1, over all
// the arguments).
type fixtureLine struct {
	n    int
	text string
}

// fixtureLines splits the arguments into lines, dropping blank lines and
// comments.
func fixtureLines(args []string) []fixtureLine {
	var out []fixtureLine
	n := 0
	for _, a := range args {
		for l := range strings.SplitSeq(a, "\n") {
			n++
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			out = append(out, fixtureLine{n, l})
		}
	}
	return out
}

// lineError reports a problem of a fixture's line, wrapping err.
func lineError(what string, l fixtureLine, err error) error {
	return fmt.Errorf("cxtest: %s fixture, line %d (%s): %w", what, l.n, quote(l.text), err)
}

func parseHierarchy(metrics []outcome.Metric, args []string) (hierarchy.Model, error) {
	type node struct {
		level outcome.Level
		name  string
		line  fixtureLine // where it got its level
	}
	nodes := make(map[string]*node)
	var order []string
	var links []hierarchy.Link
	var problems []error
	for _, l := range fixtureLines(args) {
		refs, weights, err := splitChain(l.text)
		if err != nil {
			problems = append(problems, lineError("hierarchy", l, err))
			continue
		}
		ids := make([]string, len(refs))
		for i, r := range refs {
			level, id, name, err := parseNodeRef(r)
			if err != nil {
				problems = append(problems, lineError("hierarchy", l, err))
				ids = nil
				break
			}
			ids[i] = id
			n := nodes[id]
			if n == nil {
				n = &node{}
				nodes[id] = n
				order = append(order, id)
			}
			switch {
			case level == 0:
			case n.level == 0:
				n.level, n.line = level, l
			case n.level != level:
				problems = append(problems, lineError("hierarchy", l, fmt.Errorf(
					"node %s is %s here but %s on line %d", quote(id), article(level), article(n.level), n.line.n)))
			}
			switch {
			case name == "":
			case n.name == "":
				n.name = name
			case n.name != name:
				problems = append(problems, lineError("hierarchy", l, fmt.Errorf(
					"node %s is named %s here, and %s before", quote(id), quote(name), quote(n.name))))
			}
		}
		for i := 1; i < len(ids); i++ {
			links = append(links, hierarchy.Link{From: ids[i-1], To: ids[i], Weight: weights[i-1]})
		}
	}
	for _, id := range order {
		if nodes[id].level == 0 {
			problems = append(problems, fmt.Errorf("cxtest: hierarchy fixture: node %s has no level; write it once as level:id", quote(id)))
		}
	}
	byID := make(map[string]outcome.Metric, len(metrics))
	for _, x := range metrics {
		if nodes[x.ID()] == nil {
			problems = append(problems, fmt.Errorf("cxtest: hierarchy fixture: metric %s measures no node of the fixture", quote(x.ID())))
			continue
		}
		byID[x.ID()] = x
	}
	if len(problems) > 0 {
		return hierarchy.Model{}, msg.Join(problems...)
	}

	b := hierarchy.NewBuilder()
	for _, id := range order {
		n := nodes[id]
		b.AddNode(hierarchy.Node{ID: id, Name: n.name, Level: n.level, Metric: byID[id]})
	}
	for _, l := range links {
		b.AddWeightedLink(l.From, l.To, l.Weight)
	}
	m, err := b.Build()
	if err != nil {
		return hierarchy.Model{}, fmt.Errorf("cxtest: hierarchy fixture: %w", err)
	}
	return m, nil
}

// article returns a level's name with "a" or "an": "an activity".
func article(l outcome.Level) string {
	switch l {
	case outcome.Activity, outcome.Output:
		return "an " + levelName(l, 1)
	}
	return "a " + levelName(l, 1)
}

// parseDecimal parses text, a fixture's decimal, with [decfmt.Parse]: in
// decimal.NewFromString's syntax, with any number of digits and an exponent
// within ±10000 (what NewFromString accepts under decimal's defaults),
// whatever decimal.MaxDecodeExponent says, so that a fixture builds the
// same value in every program. Text that is not a decimal number is
// notDecimal, the caller's error; text whose exponent is beyond ±10000 an
// error that names it as what: `weight "1e10001" has an exponent beyond
// ±10000`.
func parseDecimal(text, what string, notDecimal error) (decimal.Decimal, error) {
	d, err := decfmt.Parse(text, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	if err == nil {
		return d, nil
	}
	if e := (*decfmt.Error)(nil); errors.As(err, &e) && e.Range {
		return decimal.Decimal{}, fmt.Errorf("%s has an exponent beyond ±%d", what, decfmt.DefaultMaxExponent)
	}
	return decimal.Decimal{}, notDecimal
}

// splitChain splits a line into its node references and the weights of the
// links between them.
func splitChain(line string) (refs []string, weights []decimal.Decimal, err error) {
	start := 0
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '"':
			q, err := strconv.QuotedPrefix(line[i:])
			if err != nil {
				return nil, nil, fmt.Errorf("a name that is not a Go-quoted string")
			}
			i += len(q) - 1
		case strings.HasPrefix(line[i:], "->"):
			refs = append(refs, line[start:i])
			weights = append(weights, decimal.New(1, 0))
			i++
			start = i + 1
		case strings.HasPrefix(line[i:], "-["):
			end := strings.Index(line[i:], "]->")
			if end < 0 {
				return nil, nil, fmt.Errorf("a weight -[ without its ]->")
			}
			text := line[i+2 : i+end]
			w, err := parseDecimal(strings.TrimSpace(text), "weight "+quote(text),
				fmt.Errorf("weight %s is not a decimal number", quote(text)))
			if err != nil {
				return nil, nil, err
			}
			refs = append(refs, line[start:i])
			weights = append(weights, w)
			i += end + 2
			start = i + 1
		}
	}
	refs = append(refs, line[start:])
	return refs, weights, nil
}

// parseNodeRef parses [level:]id ["name"]; level is zero for a bare id.
func parseNodeRef(ref string) (level outcome.Level, id, name string, err error) {
	ref = strings.TrimSpace(ref)
	if q := strings.IndexByte(ref, '"'); q >= 0 {
		name, err = strconv.Unquote(ref[q:])
		if err != nil {
			return 0, "", "", fmt.Errorf("%s: a name that is not one Go-quoted string", quote(ref))
		}
		ref = strings.TrimSpace(ref[:q])
	}
	if ref == "" {
		return 0, "", "", errors.New("a link without a node at one end")
	}
	if strings.ContainsAny(ref, " \t") {
		return 0, "", "", fmt.Errorf("%s: an id has no white space (quote a name)", quote(ref))
	}
	id = ref
	if c := strings.IndexByte(ref, ':'); c >= 0 {
		level, err = outcome.ParseLevel(ref[:c])
		if err != nil {
			return 0, "", "", fmt.Errorf("%s: %q is not a level", quote(ref), clip(ref[:c]))
		}
		id = ref[c+1:]
		if id == "" {
			return 0, "", "", fmt.Errorf("%s: a level without an id", quote(ref))
		}
	}
	return level, id, name, nil
}

// Metrics builds KPI definitions from compact literals, for tests. Each
// argument holds one or more lines, one metric a line; blank lines and lines
// that start with # are skipped. A line is
//
//	level:id ["Name"] [words...]
//
// for example
//
//	output:aht "Average handle time" lower rewarded owner="Contact centre"
//	business-outcome:revenue "Revenue" higher revenue
//	sco:solved-first-contact "Problem solved at first contact"
//
// The level is any spelling [outcome.ParseLevel] accepts. The words, in any
// order and each at most once, are a direction ([outcome.ParseDirection]:
// higher, lower, up, down...), "rewarded", a business-outcome kind
// ([outcome.ParseKind]: revenue, cost, service, compliance), owner=... and
// unit=... (a bare word or a Go-quoted string). The name defaults to the ID; the direction, and a
// business outcome's kind, to what the catalogue of well-known KPIs
// ([outcome.Classify]) says of the name, and the direction to higher is
// better for a name it does not know.
//
// A malformed line (a second direction, kind, owner or unit among them),
// or a definition [outcome.NewMetric] refuses, is a mistake in the test, and
// Metrics panics with an error that names the line.
func Metrics(lines ...string) []outcome.Metric {
	ms, err := parseMetrics(lines)
	if err != nil {
		panic(err)
	}
	return ms
}

func parseMetrics(args []string) ([]outcome.Metric, error) {
	var out []outcome.Metric
	var problems []error
	for _, l := range fixtureLines(args) {
		m, err := parseMetric(l.text)
		if err != nil {
			problems = append(problems, lineError("metrics", l, err))
			continue
		}
		out = append(out, m)
	}
	if len(problems) > 0 {
		return nil, msg.Join(problems...)
	}
	return out, nil
}

func parseMetric(text string) (outcome.Metric, error) {
	words, err := fields(text)
	if err != nil {
		return outcome.Metric{}, err
	}
	head := words[0]
	c := strings.IndexByte(head, ':')
	if c < 0 || strings.Contains(head, `"`) {
		return outcome.Metric{}, fmt.Errorf("%s: a metric is written level:id", quote(head))
	}
	level, err := outcome.ParseLevel(head[:c])
	if err != nil {
		return outcome.Metric{}, fmt.Errorf("%s: %q is not a level", quote(head), clip(head[:c]))
	}
	spec := outcome.MetricSpec{ID: head[c+1:], Level: level}
	words = words[1:]
	if len(words) > 0 && strings.HasPrefix(words[0], `"`) {
		// fields checked that the quoted string is well formed, not that
		// it ends the word: "Name"rewarded is one word, and not a name.
		spec.Name, err = strconv.Unquote(words[0])
		if err != nil {
			return outcome.Metric{}, fmt.Errorf("%s: the name is not one Go-quoted string", quote(words[0]))
		}
		words = words[1:]
	}
	if spec.Name == "" {
		spec.Name = spec.ID
	}
	// given holds the first word that gave each of direction, kind,
	// rewarded, owner and unit: a second one is a mistake, never an
	// override.
	given := make(map[string]string)
	for _, w := range words {
		key, value, isPair := strings.Cut(w, "=")
		var what string
		switch {
		case isPair && (key == "owner" || key == "unit"):
			what = key
			if strings.HasPrefix(value, `"`) {
				value, err = strconv.Unquote(value)
				if err != nil {
					return outcome.Metric{}, fmt.Errorf("%s: the value is not one Go-quoted string", quote(w))
				}
			}
			if key == "owner" {
				spec.Owner = value
			} else {
				spec.Unit = value
			}
		case w == "rewarded":
			what = w
			spec.Rewarded = true
		default:
			if d, err := outcome.ParseDirection(w); err == nil {
				what = "direction"
				spec.Direction = d
			} else if k, err := outcome.ParseKind(w); err == nil {
				what = "kind"
				spec.Kind = k
			} else {
				return outcome.Metric{}, fmt.Errorf("%s is not a direction, a kind, \"rewarded\", owner= or unit=", quote(w))
			}
		}
		if first, ok := given[what]; ok {
			return outcome.Metric{}, fmt.Errorf("%s: a second %s, after %s", quote(w), what, quote(first))
		}
		given[what] = w
	}
	cat := outcome.Classify(spec.Name)
	if spec.Direction == 0 {
		spec.Direction = cat.Direction
		if spec.Direction == 0 {
			spec.Direction = outcome.HigherIsBetter
		}
	}
	if spec.Kind == 0 && spec.Level == outcome.BusinessOutcome {
		spec.Kind = cat.Kind
	}
	return outcome.NewMetric(spec)
}

// fields splits text at white space, keeping a Go-quoted string (alone, or
// after key=) as one field.
func fields(text string) ([]string, error) {
	var out []string
	for i := 0; i < len(text); {
		switch text[i] {
		case ' ', '\t':
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\t' {
			if text[j] == '"' {
				q, err := strconv.QuotedPrefix(text[j:])
				if err != nil {
					return nil, fmt.Errorf("%s: a string that is not Go-quoted", quote(text[j:]))
				}
				j += len(q)
				continue
			}
			j++
		}
		out = append(out, text[i:j])
		i = j
	}
	if len(out) == 0 {
		return nil, errors.New("an empty line")
	}
	return out, nil
}

// Scorecard builds a unit's triple-crown scorecard from a compact literal,
// for tests. The arguments are lines (an argument may hold several); a line
// may also hold several clauses separated by semicolons. The first clause is
// the unit's ID and the period, and, Go-quoted, its name; then come cost,
// revenue and the service measure, each a baseline -> an actual:
//
//	support 2025-Q2 "Customer support"
//	cost: 1500000 -> 1380000 EUR
//	revenue: 2000000 -> 2150000 EUR
//	time to respond (lower, hours): 30 -> 24
//
// Money is a decimal amount, then the currency once at the end. The service
// clause is the measure's name, its direction and, if it has one, its unit
// in parentheses, then the two measures, each a plain value (24), a rate
// (7800/10000: successes out of trials) or a sample mean (24 sd 6.5 n 300).
// A standard deviation is read by strconv.ParseFloat; one too small for a
// float64 to hold as written, which it reads as 0 or as a subnormal
// float64 ("1e-400", "1e-320"), is refused as the triplecrown decoders
// refuse it, with code [triplecrown.ErrInvalidMeasure], and so is one
// written below 0 that reads as -0 ("-1e-400").
//
// A malformed literal, or a scorecard [triplecrown.NewScorecard] refuses, is
// a mistake in the test, and Scorecard panics with an error that says why.
func Scorecard(lines ...string) triplecrown.Scorecard {
	c, err := parseScorecard(lines)
	if err != nil {
		panic(err)
	}
	return c
}

// clauses splits fixture lines into their semicolon-separated clauses.
func clauses(args []string) []fixtureLine {
	var out []fixtureLine
	for _, l := range fixtureLines(args) {
		for c := range strings.SplitSeq(l.text, ";") {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, fixtureLine{l.n, c})
			}
		}
	}
	return out
}

func parseScorecard(args []string) (triplecrown.Scorecard, error) {
	cs := clauses(args)
	if len(cs) == 0 {
		return triplecrown.Scorecard{}, errors.New("cxtest: scorecard fixture: empty")
	}
	var spec triplecrown.ScorecardSpec
	var problems []error
	bad := func(l fixtureLine, err error) {
		problems = append(problems, lineError("scorecard", l, err))
	}
	head, err := fields(cs[0].text)
	switch {
	case err != nil:
		bad(cs[0], err)
	case len(head) < 2 || len(head) > 3 || strings.HasPrefix(head[0], `"`) || strings.HasPrefix(head[1], `"`) ||
		strings.Contains(head[0], ":"):
		bad(cs[0], errors.New("the first clause is the unit's ID, the period and, Go-quoted, its name"))
	default:
		spec.Unit, spec.Period = head[0], head[1]
		if len(head) == 3 {
			if spec.Name, err = strconv.Unquote(head[2]); err != nil {
				bad(cs[0], fmt.Errorf("the name %s is not Go-quoted", quote(head[2])))
			}
		}
	}
	seen := make(map[string]bool)
	for _, l := range cs[1:] {
		key, value, ok := strings.Cut(l.text, ":")
		if !ok {
			bad(l, errors.New("a clause is cost, revenue or a service measure, each followed by a colon: cost: 1 -> 1 EUR"))
			continue
		}
		key = strings.TrimSpace(key)
		what := key
		if key != "cost" && key != "revenue" {
			what = "service"
		}
		if seen[what] {
			bad(l, fmt.Errorf("a second %s", what))
			continue
		}
		seen[what] = true
		switch what {
		case "cost", "revenue":
			a, err := parseAmounts(value)
			if err != nil {
				bad(l, err)
			} else if what == "cost" {
				spec.Cost = a
			} else {
				spec.Revenue = a
			}
		default:
			s, err := parseService(key, value)
			if err != nil {
				bad(l, err)
			} else {
				spec.Service = s
			}
		}
	}
	for _, what := range []string{"cost", "revenue", "service"} {
		if !seen[what] && spec.Unit != "" {
			problems = append(problems, fmt.Errorf("cxtest: scorecard fixture: unit %s has no %s clause", quote(spec.Unit), what))
		}
	}
	if len(problems) > 0 {
		return triplecrown.Scorecard{}, msg.Join(problems...)
	}
	c, err := triplecrown.NewScorecard(spec)
	if err != nil {
		return triplecrown.Scorecard{}, fmt.Errorf("cxtest: scorecard fixture: %w", err)
	}
	return c, nil
}

// parseAmounts parses "1500000 -> 1380000 EUR".
func parseAmounts(text string) (triplecrown.Amounts, error) {
	before, after, ok := strings.Cut(text, "->")
	f := strings.Fields(after)
	if !ok || len(f) != 2 {
		return triplecrown.Amounts{}, errors.New("money is written baseline -> actual CUR, as 1500000 -> 1380000 EUR")
	}
	b, err1 := triplecrown.ParseMoney(strings.TrimSpace(before), f[1])
	a, err2 := triplecrown.ParseMoney(f[0], f[1])
	if err := joinFlat(err1, err2); err != nil {
		return triplecrown.Amounts{}, err
	}
	return triplecrown.Amounts{Baseline: b, Actual: a}, nil
}

// parseService parses "time to respond (lower, hours)" and "30 -> 24".
func parseService(key, value string) (triplecrown.ServiceSpec, error) {
	open := strings.LastIndexByte(key, '(')
	if open < 0 || !strings.HasSuffix(key, ")") {
		return triplecrown.ServiceSpec{}, errors.New("a service measure is written name (direction[, unit]): baseline -> actual")
	}
	s := triplecrown.ServiceSpec{Name: strings.TrimSpace(key[:open])}
	dir, unit, _ := strings.Cut(key[open+1:len(key)-1], ",")
	d, err := outcome.ParseDirection(dir)
	if err != nil {
		return triplecrown.ServiceSpec{}, err
	}
	s.Direction, s.Unit = d, strings.TrimSpace(unit)
	before, after, ok := strings.Cut(value, "->")
	if !ok {
		return triplecrown.ServiceSpec{}, errors.New("a service measure is written name (direction[, unit]): baseline -> actual")
	}
	b, err1 := parseMeasure(before)
	a, err2 := parseMeasure(after)
	if err := joinFlat(err1, err2); err != nil {
		return triplecrown.ServiceSpec{}, err
	}
	s.Baseline, s.Actual = b, a
	return s, nil
}

// parseMeasure parses a value ("24"), a rate ("7800/10000") or a mean
// ("24 sd 6.5 n 300").
func parseMeasure(text string) (triplecrown.Measure, error) {
	f := strings.Fields(text)
	switch {
	case len(f) == 1 && strings.Contains(f[0], "/"):
		s, n, _ := strings.Cut(f[0], "/")
		succ, err1 := strconv.ParseInt(s, 10, 64)
		trials, err2 := strconv.ParseInt(n, 10, 64)
		if err1 != nil || err2 != nil {
			return triplecrown.Measure{}, fmt.Errorf("rate %s is not successes/trials in whole numbers", quote(f[0]))
		}
		return triplecrown.NewRate(succ, trials)
	case len(f) == 1:
		v, err := parseDecimal(f[0], "value "+quote(f[0]), fmt.Errorf("value %s is not a decimal number", quote(f[0])))
		if err != nil {
			return triplecrown.Measure{}, err
		}
		return triplecrown.NewValue(v)
	case len(f) == 5 && f[1] == "sd" && f[3] == "n":
		notMean := fmt.Errorf("mean %s is not a decimal, sd a number and n a whole number", quote(strings.TrimSpace(text)))
		mean, err1 := parseDecimal(f[0], "mean "+quote(f[0]), notMean)
		sd, err2 := strconv.ParseFloat(f[2], 64)
		n, err3 := strconv.ParseInt(f[4], 10, 64)
		if err1 != nil && err1 != notMean {
			return triplecrown.Measure{}, err1
		}
		if err1 != nil || err2 != nil || err3 != nil {
			return triplecrown.Measure{}, notMean
		}
		if err := floatAsWritten("standard deviation", f[2], sd, "is negative", "is refused", triplecrown.ErrInvalidMeasure); err != nil {
			return triplecrown.Measure{}, err
		}
		return triplecrown.NewMean(mean, sd, n)
	}
	return triplecrown.Measure{}, fmt.Errorf("measure %s is not a value (24), a rate (7800/10000) or a mean (24 sd 6.5 n 300)",
		quote(strings.TrimSpace(text)))
}

// Policy builds a triple-crown policy from compact clauses, for tests. The
// arguments are lines; a line may hold several clauses separated by
// semicolons or commas:
//
//	cost 2%, service 0.5, revenue 10000 EUR, significance 0.01
//
// A crown's clause gives its materiality threshold: a percentage of the
// baseline (2%), an absolute amount in the measure's unit (0.5), money
// (10000 EUR; cost and revenue only) or "any" (any change counts). The other
// clauses are "significance" and a level, "places" and a number of decimal
// places, and "rounding" and a mode ([outcome.ParseRounding]). What is not
// given is: any change for each crown, significance 0.05, 4 places, rounding
// half-even. With no arguments, Policy returns that default policy. A
// significance level is read by strconv.ParseFloat; one too small for a
// float64 to hold as written ("1e-400", "1e-320"), or written below 0 but
// read as -0 ("-1e-400"), is refused as the triplecrown decoders refuse
// it, with code [triplecrown.ErrInvalidSignificance].
//
// A malformed clause, a second clause for the same thing (two costs, two
// places), or a policy [triplecrown.NewPolicy] refuses, is a mistake in the
// test, and Policy panics with an error that says why: every malformed
// clause, in order, or else the precision's problems
// ([triplecrown.NewPrecision]) and the policy's, in that order.
func Policy(lines ...string) triplecrown.Policy {
	p, err := parsePolicy(lines)
	if err != nil {
		panic(err)
	}
	return p
}

func parsePolicy(args []string) (triplecrown.Policy, error) {
	spec := triplecrown.PolicySpec{SignificanceLevel: 0.05}
	places, mode := int32(4), outcome.RoundHalfEven
	var problems []error
	seen := make(map[string]bool)
	for _, l := range clauses(args) {
		for c := range strings.SplitSeq(l.text, ",") {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			key, value, _ := strings.Cut(c, " ")
			value = strings.TrimSpace(value)
			var err error
			switch key {
			case "cost", "service", "revenue", "significance", "places", "rounding":
				// A second clause of a kind is a mistake, never an override.
				if seen[key] {
					problems = append(problems, lineError("policy", fixtureLine{l.n, c}, fmt.Errorf("a second %s clause", key)))
					continue
				}
				seen[key] = true
			}
			switch key {
			case "cost":
				spec.Cost, err = parseThreshold(value)
			case "service":
				spec.Service, err = parseThreshold(value)
			case "revenue":
				spec.Revenue, err = parseThreshold(value)
			case "significance":
				if spec.SignificanceLevel, err = strconv.ParseFloat(value, 64); err == nil {
					err = floatAsWritten("significance level", value, spec.SignificanceLevel, "is not strictly between 0 and 1",
						"is not strictly between 0 and 1", triplecrown.ErrInvalidSignificance)
				}
			case "places":
				var n int64
				n, err = strconv.ParseInt(value, 10, 32)
				places = int32(n)
			case "rounding":
				mode, err = outcome.ParseRounding(value)
			default:
				err = errors.New("a clause is cost, service, revenue, significance, places or rounding, then its value")
			}
			if err != nil {
				problems = append(problems, lineError("policy", fixtureLine{l.n, c}, err))
			}
		}
	}
	if len(problems) > 0 {
		return triplecrown.Policy{}, msg.Join(problems...)
	}
	// The precision's problems and the policy's are reported together: the
	// policy is checked with a stand-in precision when the places or the
	// mode are refused.
	var errs []error
	prec, err := triplecrown.NewPrecision(places, mode)
	if err != nil {
		errs = append(errs, fmt.Errorf("cxtest: policy fixture: %w", err))
		prec = triplecrown.MustPrecision(0, outcome.RoundHalfEven)
	}
	spec.Precision = prec
	p, err := triplecrown.NewPolicy(spec)
	if err != nil {
		errs = append(errs, fmt.Errorf("cxtest: policy fixture: %w", err))
	}
	if err := msg.Join(errs...); err != nil {
		return triplecrown.Policy{}, err
	}
	return p, nil
}

// floatAsWritten returns the problem of text, a number that
// strconv.ParseFloat read as f with no error, if f is not the number text
// writes, in the words of the triplecrown decoders: one written below 0
// that reads as -0 ("-1e-400") is a problem, what negative says of it; one
// too small to hold as written that reads as 0 ("1e-400") is what zero
// says of it, then [floattext.ReadsAsZero]; and one that reads as a
// subnormal float64 ("1e-320", [floattext.Underflows]) is below the
// smallest normal float64; each an *[outcome.Error] with code, the code of
// the field's other range errors, and the number as written. what names
// the number ("standard deviation").
func floatAsWritten(what, text string, f float64, negative, zero string, code outcome.Code) error {
	var problem string
	switch {
	case f == 0 && floattext.Negative(text, f):
		problem = negative
	case f == 0 && floattext.Underflows(text, f):
		problem = zero + ": " + floattext.ReadsAsZero
	case floattext.Underflows(text, f):
		problem = "is below " + floattext.MinNormalText + ", the smallest positive number held to full precision"
	default:
		return nil
	}
	return &outcome.Error{Code: code, Severity: outcome.SeverityError, Message: what + " " + quote(text) + " " + problem}
}

// parseThreshold parses "2%", "0.5", "10000 EUR" or "any".
func parseThreshold(text string) (triplecrown.Threshold, error) {
	f := strings.Fields(text)
	switch {
	case len(f) == 1 && f[0] == "any":
		return triplecrown.Threshold{}, nil
	case len(f) == 1 && strings.HasSuffix(f[0], "%"):
		d, err := parseDecimal(strings.TrimSuffix(f[0], "%"), "threshold "+quote(f[0]),
			fmt.Errorf("threshold %s is not a percentage", quote(f[0])))
		if err != nil {
			return triplecrown.Threshold{}, err
		}
		return triplecrown.NewRelativeThreshold(d.Shift(-2))
	case len(f) == 1:
		d, err := parseDecimal(f[0], "threshold "+quote(f[0]), fmt.Errorf("threshold %s is not a decimal number", quote(f[0])))
		if err != nil {
			return triplecrown.Threshold{}, err
		}
		return triplecrown.NewAbsoluteThreshold(d)
	case len(f) == 2:
		m, err := triplecrown.ParseMoney(f[0], f[1])
		if err != nil {
			return triplecrown.Threshold{}, err
		}
		return triplecrown.NewMoneyThreshold(m)
	}
	return triplecrown.Threshold{}, fmt.Errorf("threshold %s is not 2%%, 0.5, 10000 EUR or any", quote(text))
}
