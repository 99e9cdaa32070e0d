package render_test

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// contactCentre builds a small contact centre's hierarchy (the fixture of
// hierarchy/example_test.go). Answering calls and looking up accounts are the
// front line's tasks; they make up the activities "handle enquiry" and
// "resolve problem", which produce the outputs "calls handled" and
// "first-time response"; those drive the business outcomes, cost to serve and
// revenue, and, through them, the successful customer outcome "problem solved
// at first contact". Someone also updates the wallboard, which refreshes a
// screen and serves nobody.
func contactCentre() *hierarchy.Builder { return contactCentreWith(nil) }

// contactCentreWith is the contact centre whose nodes carry the metrics
// of the same IDs.
func contactCentreWith(metrics map[string]outcome.Metric) *hierarchy.Builder {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "answer-call", Name: "Answer call", Level: outcome.Task},
		{ID: "look-up-account", Name: "Look up account", Level: outcome.Task},
		{ID: "update-wallboard", Name: "Update wallboard", Level: outcome.Task},
		{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity},
		{ID: "resolve-problem", Name: "Resolve problem", Level: outcome.Activity},
		{ID: "monitor-queues", Name: "Monitor queues", Level: outcome.Activity},
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output},
		{ID: "first-time-response", Name: "First-time response", Level: outcome.Output},
		{ID: "wallboard-refreshes", Name: "Wallboard refreshes", Level: outcome.Output},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome},
		{ID: "solved-first-contact", Name: "Problem solved at first contact", Level: outcome.CustomerOutcome},
	} {
		n.Metric = metrics[n.ID]
		b.AddNode(n)
	}
	b.AddLink("answer-call", "handle-enquiry")
	b.AddLink("look-up-account", "handle-enquiry")
	b.AddLink("look-up-account", "resolve-problem")
	b.AddLink("update-wallboard", "monitor-queues")
	b.AddLink("handle-enquiry", "calls-handled")
	b.AddLink("resolve-problem", "first-time-response")
	b.AddLink("monitor-queues", "wallboard-refreshes")
	b.AddLink("calls-handled", "cost-to-serve")
	// A fast first reply heads off a chasing call (cost) and keeps the
	// customer buying (revenue): 40% and 60% of its effect.
	b.AddWeightedLink("first-time-response", "cost-to-serve", decimal.RequireFromString("0.4"))
	b.AddWeightedLink("first-time-response", "revenue", decimal.RequireFromString("0.6"))
	b.AddLink("cost-to-serve", "solved-first-contact")
	b.AddLink("revenue", "solved-first-contact")
	return b
}

// contactCentreModel returns the contact centre's model.
func contactCentreModel() hierarchy.Model {
	m, err := contactCentre().Build()
	if err != nil {
		panic(err)
	}
	return m
}

// portfolio is the contact centre's KPIs as the method finds them (the data
// of examples/contactcenter): mostly outputs, the agents' bonus on calls
// handled and AHT, and Marketing's on NPS, which it reports as the customer
// outcome.
func portfolio() []outcome.Metric {
	const hi, lo = outcome.HigherIsBetter, outcome.LowerIsBetter
	specs := []outcome.MetricSpec{
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: hi, Unit: "calls", Owner: "Front line", Rewarded: true},
		{ID: "abandon-rate", Name: "Abandon rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Workforce planning"},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: lo, Unit: "seconds", Owner: "Front line", Rewarded: true},
		{ID: "first-time-response", Name: "First-time response", Level: outcome.Output, Direction: lo, Unit: "hours", Owner: "Email team"},
		{ID: "csat", Name: "Customer satisfaction score", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Quality"},
		{ID: "nps", Name: "Net Promoter Score", Level: outcome.CustomerOutcome, Direction: hi, Owner: "Marketing", Rewarded: true},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome, Direction: lo, Kind: outcome.Cost, Unit: "EUR", Owner: "Finance"},
		{ID: "retention-revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: hi, Kind: outcome.Revenue, Unit: "EUR", Owner: "Sales"},
		{ID: "calls-answered", Name: "Calls answered", Level: outcome.Output, Direction: hi, Unit: "calls", Owner: "Workforce planning"},
		{ID: "asa", Name: "Average speed of answer", Level: outcome.Output, Direction: lo, Unit: "seconds", Owner: "Workforce planning"},
		{ID: "service-level", Name: "Service level", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Workforce planning"},
		{ID: "occupancy", Name: "Occupancy", Level: outcome.Activity, Direction: hi, Unit: "%", Owner: "Workforce planning"},
		{ID: "transfer-rate", Name: "Transfer rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Front line"},
		{ID: "escalation-rate", Name: "Escalation rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Team leaders"},
		{ID: "queue-callbacks", Name: "Callback queue clearance", Level: outcome.Activity, Direction: hi, Owner: "Front line"},
	}
	metrics := make([]outcome.Metric, len(specs))
	for i, s := range specs {
		metrics[i] = outcome.MustMetric(s)
	}
	return metrics
}

// auditReport is the audit of the contact centre's portfolio.
func auditReport() outcome.AuditReport {
	r, err := outcome.Audit(portfolio(), outcome.AuditOptions{})
	if err != nil {
		panic(err)
	}
	return r
}

// departments are the contact centre's units (the data of
// examples/contactcenter), each scored on the cost of delivery, the share of
// problems solved at the first contact and the revenue it brings or keeps,
// for 2024 (baseline) and 2025 (actual).
func departments() []triplecrown.Scorecard {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate := func(s, n int64) triplecrown.Measure {
		m, err := triplecrown.NewRate(s, n)
		if err != nil {
			panic(err)
		}
		return m
	}
	fcr := func(b, a triplecrown.Measure) triplecrown.ServiceSpec {
		return triplecrown.ServiceSpec{Name: "problems solved at first contact", Direction: outcome.HigherIsBetter,
			Baseline: b, Actual: a}
	}
	return []triplecrown.Scorecard{
		triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "front-line", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("6200000"), Actual: eur("5700000")},
			Revenue: triplecrown.Amounts{Baseline: eur("1800000"), Actual: eur("2050000")},
			Service: fcr(rate(6900, 10000), rate(7800, 10000))}),
		triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "billing", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("1500000"), Actual: eur("1420000")},
			Revenue: triplecrown.Amounts{Baseline: eur("400000"), Actual: eur("430000")},
			Service: fcr(rate(2600, 4000), rate(2900, 4000))}),
		triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "retention", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur("900000"), Actual: eur("1050000")},
			Revenue: triplecrown.Amounts{Baseline: eur("3100000"), Actual: eur("3350000")},
			Service: fcr(rate(820, 1200), rate(850, 1250))}),
	}
}

// policy judges a change material from 2%, and a service change significant
// below p = 0.05, rounding to 4 places, half to even.
func policy() triplecrown.Policy {
	two := triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02")))
	return triplecrown.MustPolicy(triplecrown.PolicySpec{Cost: two, Service: two, Revenue: two,
		SignificanceLevel: 0.05, Precision: triplecrown.MustPrecision(4, outcome.RoundHalfEven)})
}

// scores scores the departments under the policy.
func scores() []triplecrown.Score {
	var out []triplecrown.Score
	for _, c := range departments() {
		s, err := c.Score(policy())
		if err != nil {
			panic(err)
		}
		out = append(out, s)
	}
	return out
}

// hostileNames are names that would break a diagram or a table if they
// reached it unescaped: quotes, each syntax's special characters and
// keywords, entity look-alikes, comments, line breaks, controls, invalid
// UTF-8, wide and combining characters.
var hostileNames = []string{
	`Say "hi"`,
	`back\slash \N \l \G`,
	`<b>bold</b> & &amp; &#35;`,
	`{braces} [brackets] (parens) ;semi; ->arrow --> |pipe|`,
	`digraph subgraph node edge graph strict end`,
	`# hash at the start`,
	`// comment /* block */`,
	"two\nlines\r\nand\rthree",
	"tab\there",
	"ctrl\x01\x1f\x7f\u0085\u0090",
	"bad\xffutf8\xc3",
	"日本語のタスク",
	"emoji 😀 and e\u0301",
	`%% a Mermaid comment %%{init}%%`,
	"ﬂ°°35¶ß",
	`style x:#f00;`,
	`click n0 callback "x"`,
	`quote at the end"`,
	`backslash at the end\`,
	"*emphasis* _under_ `code` ~strike~ $math$",
}

// hostileModel is a chain of nodes from a task to a customer outcome, one
// per hostile name, each node named by it and, where the name is a valid
// ID, identified by it too (else "h" and its index): the customer outcome
// has no name, so that its label is its ID.
func hostileModel() hierarchy.Model {
	b := hierarchy.NewBuilder()
	prev := ""
	for i, name := range hostileNames {
		id := name
		if outcome.ValidateID(id) != nil {
			id = fmt.Sprintf("h%d", i)
		}
		level := outcome.Level(1 + i*4/len(hostileNames))
		b.AddNode(hierarchy.Node{ID: id, Name: validUTF8(name), Level: level})
		if prev != "" {
			b.AddWeightedLink(prev, id, decimal.New(int64(i), -3))
		}
		prev = id
	}
	b.AddNode(hierarchy.Node{ID: `"the customer" <b>`, Level: outcome.CustomerOutcome})
	b.AddLink(prev, `"the customer" <b>`)
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// longNames are node names longer than the 16,384 bytes that Graphviz
// reads of a quoted string in a row, free of escapes: 4,200 emoji (16,800
// bytes, in one run), 200 lines of 99 x's (20,000 bytes), and the hostile
// names repeated until they pass 20,000 bytes, so that the cuts between
// pieces fall among escapes, entities and multi-byte runes. No line of them
// is wider than the 65,535 points that Graphviz can lay out, which one line
// of some 15,000 x's is.
func longNames() []string {
	var hostile strings.Builder
	for hostile.Len() <= 20000 {
		for _, name := range hostileNames {
			hostile.WriteString(validUTF8(name))
		}
	}
	return []string{strings.Repeat("😀", 4200), strings.Repeat(strings.Repeat("x", 99)+"\n", 200), hostile.String()}
}

// longNameModel has a task, an activity and an output named by
// [longNames], in a chain up to a customer outcome.
func longNameModel() hierarchy.Model {
	b := hierarchy.NewBuilder()
	names := longNames()
	b.AddNode(hierarchy.Node{ID: "t", Name: names[0], Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "a", Name: names[1], Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "o", Name: names[2], Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "sco", Level: outcome.CustomerOutcome})
	b.AddLink("t", "a")
	b.AddLink("a", "o")
	b.AddLink("o", "sco")
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// validUTF8 returns s with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as a diagram shows it: hierarchy refuses names that are
// not valid UTF-8, so a model holds the replacement characters instead.
func validUTF8(s string) string { return strings.Map(func(r rune) rune { return r }, s) }

// ranking is the contact centre's choice of a North Star, from four
// candidates: first contact resolution (the measure of the successful
// customer outcome), calls handled and NPS (outputs, NPS not in the
// hierarchy) and revenue (a business outcome no customer category's canvas
// uses). Households and small businesses are the customer categories; two
// years of monthly figures show first contact resolution leading revenue by
// two months.
func ranking() northstar.Ranking {
	const hi = outcome.HigherIsBetter
	metrics := map[string]outcome.Metric{}
	for _, spec := range []outcome.MetricSpec{
		{ID: "solved-first-contact", Name: "First contact resolution", Level: outcome.CustomerOutcome, Direction: hi, Owner: "Everyone"},
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: hi, Owner: "Front line"},
		{ID: "nps", Name: "Net Promoter Score", Level: outcome.Output, Direction: hi, Owner: "Marketing"},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Kind: outcome.Revenue, Direction: hi, Owner: "Sales"},
	} {
		metrics[spec.ID] = outcome.MustMetric(spec)
	}
	m, err := contactCentreWith(metrics).Build()
	if err != nil {
		panic(err)
	}
	d := decimal.RequireFromString
	canvases := []northstar.Canvas{
		northstar.MustCanvas(northstar.CanvasSpec{Category: "households", Name: "Households whose service has stopped working",
			Weight: d("0.65"),
			Needs: []northstar.Need{{ID: "fixed-once", Statement: "the fault fixed in one contact",
				Measure: "share of faults fixed at the first contact", Target: "80%", TimeBound: "by the fourth quarter"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "solved", Name: "my problem is solved the first time",
				Indicators: []northstar.Indicator{{Metric: "solved-first-contact", Importance: d("3")}, {Metric: "nps", Importance: d("1")}}}}}),
		northstar.MustCanvas(northstar.CanvasSpec{Category: "small-businesses", Name: "Small businesses that cannot trade while the line is down",
			Weight: d("0.35"),
			Needs: []northstar.Need{{ID: "trading", Statement: "back trading the same day",
				Measure: "share of business faults fixed within 8 hours", Target: "95%", TimeBound: "within six months"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "trading", Name: "back in business the same day",
				Indicators: []northstar.Indicator{{Metric: "solved-first-contact", Importance: d("2")}, {Metric: "calls-handled", Importance: d("2")}}}}}),
	}
	var fcr, calls, nps, revenue []float64
	for t := range 24 {
		x := float64(t)
		fcr = append(fcr, 62+0.6*x+3*math.Sin(x/2))
		calls = append(calls, 41000+900*math.Cos(x))
		nps = append(nps, 18+4*math.Sin(x*1.3))
	}
	for t := range 24 {
		revenue = append(revenue, 2.1e6+40000*fcr[max(t-2, 0)]+90000*math.Cos(float64(5*t)))
	}
	one, five := decimal.NewFromInt(1), decimal.NewFromInt(5)
	rated := func(understood, actionable int64) []northstar.Rating {
		return []northstar.Rating{
			{Aspect: "understood by everyone", Value: decimal.NewFromInt(understood), Min: one, Max: five},
			{Aspect: "actionable by the front line", Value: decimal.NewFromInt(actionable), Min: one, Max: five},
		}
	}
	policy := northstar.DefaultPolicy()
	policy.LeadLag.MaxLag = 4
	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: metrics["solved-first-contact"], Series: fcr, Ratings: rated(5, 4)},
			{Metric: metrics["nps"], Series: nps, Ratings: rated(4, 2)},
			{Metric: metrics["calls-handled"], Series: calls, Ratings: rated(5, 5)},
			{Metric: metrics["revenue"], Series: revenue},
		},
		Canvases:  canvases,
		Policy:    policy,
		Hierarchy: northstar.FromModel(m),
	})
	if err != nil {
		panic(err)
	}
	return r
}
