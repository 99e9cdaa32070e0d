package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// organisation is the contact centre drawn as the method's hierarchy, "from
// the customer interaction, right through to individual task, activity": the
// front line's tasks, the activities they make up, the outputs those produce
// (measured by the portfolio's KPIs), the business outcomes and, at the top,
// the two successful customer outcomes the centre exists for.
func organisation(metrics map[string]outcome.Metric) (hierarchy.Model, error) {
	b := hierarchy.NewBuilder()
	node := func(id, name string, l outcome.Level) {
		b.AddNode(hierarchy.Node{ID: id, Name: name, Level: l, Metric: metrics[id]})
	}
	// The successful customer outcomes, in the customer's words.
	node("problem-solved", "My problem is solved the first time I get in touch", outcome.CustomerOutcome)
	node("order-visible", "I know where my order stands without chasing", outcome.CustomerOutcome)
	// The business outcomes.
	node("cost-to-serve", "Cost to serve", outcome.BusinessOutcome)
	node("retention-revenue", "Revenue kept", outcome.BusinessOutcome)
	// The outputs, measured by the portfolio's KPIs.
	node("calls-handled", "Calls handled", outcome.Output)
	node("aht", "Average handle time", outcome.Output)
	node("first-time-response", "First-time response", outcome.Output)
	node("service-level", "Service level", outcome.Output)
	node("escalation-rate", "Escalation rate", outcome.Output)
	// The activities.
	node("handle-call", "Handle a call", outcome.Activity)
	node("answer-email", "Answer an email", outcome.Activity)
	node("manage-queues", "Manage the queues", outcome.Activity)
	node("occupancy", "Keep agents busy", outcome.Activity)
	// The tasks.
	node("answer-call", "Answer the call", outcome.Task)
	node("diagnose-fault", "Diagnose the fault", outcome.Task)
	node("look-up-account", "Look up the account", outcome.Task)
	node("write-reply", "Write the reply", outcome.Task)
	node("update-wallboard", "Update the wallboard", outcome.Task)
	node("fill-timesheet", "Fill in the timesheet", outcome.Task)

	weight := decimal.RequireFromString
	// Tasks make up activities.
	b.AddLink("answer-call", "handle-call")
	b.AddLink("diagnose-fault", "handle-call")
	b.AddWeightedLink("look-up-account", "handle-call", weight("0.7"))
	b.AddWeightedLink("look-up-account", "answer-email", weight("0.3"))
	b.AddLink("write-reply", "answer-email")
	b.AddLink("update-wallboard", "manage-queues")
	// Activities produce outputs.
	b.AddLink("handle-call", "calls-handled")
	b.AddLink("handle-call", "aht")
	b.AddLink("answer-email", "first-time-response")
	b.AddLink("manage-queues", "service-level")
	b.AddLink("occupancy", "aht")
	// Outputs drive business outcomes. Only some of them serve the customer:
	// a call handled that solves the problem costs less than the repeat
	// call it saves; escalations and the service level feed nothing above.
	b.AddWeightedLink("calls-handled", "cost-to-serve", weight("0.5"))
	b.AddWeightedLink("calls-handled", "retention-revenue", weight("0.5"))
	b.AddLink("aht", "cost-to-serve")
	b.AddLink("first-time-response", "retention-revenue")
	// Business outcomes follow from customers' success, and feed the
	// measure of it: revenue kept more than cost.
	b.AddWeightedLink("cost-to-serve", "problem-solved", weight("0.4"))
	b.AddWeightedLink("retention-revenue", "problem-solved", weight("0.6"))
	return b.Build()
}

// contactModel is the organisation's hierarchy, its outputs measured by the
// portfolio's metrics.
func contactModel() (hierarchy.Model, error) {
	metrics := map[string]outcome.Metric{}
	for _, spec := range portfolio() {
		m, err := outcome.NewMetric(spec)
		if err != nil {
			return hierarchy.Model{}, err
		}
		metrics[m.ID()] = m
	}
	return organisation(metrics)
}

// hierarchyReview is what the review says of the hierarchy, in the text
// report and in the Markdown one: the answer to the method's question, how
// much of each level is aligned, and lists of the orphans, the successful
// customer outcomes that nothing delivers, one task's line of sight and
// where the rewarded KPIs lead.
type hierarchyReview struct {
	alignment hierarchy.Alignment
	lists     []list
}

// list is a list of the review, under its title.
type list struct {
	title string
	items []string
}

// reviewHierarchy builds the hierarchy and reviews it.
func reviewHierarchy() (hierarchyReview, error) {
	m, err := contactModel()
	if err != nil {
		return hierarchyReview{}, err
	}
	a := m.Alignment()
	var orphans, unsupported, lineOfSight, rewarded []string
	for _, g := range a.Orphans {
		orphans = append(orphans, fmt.Sprintf("up to %s: %s", g.Highest, strings.Join(g.IDs, ", ")))
	}
	for _, id := range a.Unsupported {
		n, _ := m.Node(id)
		unsupported = append(unsupported, fmt.Sprintf("%s (%q)", id, n.Name))
	}
	los, err := m.LineOfSight("look-up-account", 10)
	if err != nil {
		return hierarchyReview{}, err
	}
	for _, p := range los.Paths {
		lineOfSight = append(lineOfSight, strings.Join(p, " -> "))
	}
	for _, spec := range portfolio() {
		if !spec.Rewarded {
			continue
		}
		if !m.Has(spec.ID) {
			rewarded = append(rewarded, fmt.Sprintf("%s (declared %s): not in the hierarchy, so no line of sight connects it to the work", spec.Name, spec.Level))
			continue
		}
		ok, err := m.Aligned(spec.ID)
		if err != nil {
			return hierarchyReview{}, err
		}
		verdict := "reaches a successful customer outcome"
		if !ok {
			verdict = "reaches NO successful customer outcome"
		}
		rewarded = append(rewarded, fmt.Sprintf("%s (%s): %s", spec.Name, spec.Level, verdict))
	}
	return hierarchyReview{alignment: a, lists: []list{
		{"Orphans (work aligned to nothing), by the highest level they reach:", orphans},
		{"Successful customer outcomes that nothing delivers:", unsupported},
		{"The line of sight from one front-line task to the customer:", lineOfSight},
		{"Rewarded KPIs and where they lead:", rewarded},
	}}, nil
}

// aligned says how much of one level of work is aligned, by count and by
// weight: "3 of 4 aligned (75.0% by count, 80.0% by weight)".
func aligned(s hierarchy.Share) string {
	return fmt.Sprintf("%d of %d aligned (%s%% by count, %s%% by weight)",
		s.Aligned, s.Nodes, s.ByCount(3).Shift(2).StringFixed(1), s.ByWeight(3).Shift(2).StringFixed(1))
}

// hierarchyPart builds the hierarchy and answers the method's question: "is
// everything you are doing aligned to delivering a successful customer
// outcome?"
func hierarchyPart(w io.Writer) error {
	hierarchyHead.text(w)
	r, err := reviewHierarchy()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n   %s\n\n", r.alignment.Answer())
	for _, s := range r.alignment.Levels {
		fmt.Fprintf(w, "   %-17s %s\n", s.Level, aligned(s))
	}
	for _, l := range r.lists {
		fmt.Fprintf(w, "\n   %s\n", l.title)
		for _, item := range l.items {
			fmt.Fprintf(w, "   - %s\n", item)
		}
	}
	return nil
}
