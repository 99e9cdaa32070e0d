package northstar

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// Candidate is a metric from the KPI portfolio put forward as the North
// Star, with the evidence the organisation has for it. Only Metric is
// required.
type Candidate struct {
	// Metric is the KPI's definition.
	Metric outcome.Metric
	// Series is the metric's values over time, evenly spaced and aligned
	// with every other candidate's series (value t of each is for the same
	// period); nil if there is none. A candidate's series is analysed
	// against each business outcome's ([LeadLag]) for lead strength,
	// linkage and the lead gate ([GateLead]).
	Series []float64
	// Ratings are the organisation's ratings of the metric, one per aspect.
	Ratings []Rating
	// Drives lists the IDs of the business-outcome candidates the metric is
	// known to drive (from experience or a study), each a link for the
	// linkage criterion, each once ([Select] reports a repeat).
	Drives []string
}

// Equal reports whether c and o are the same candidate, field by field: the
// metrics Equal ([outcome.Metric.Equal]); the series value by value, in
// order, with == (so a NaN, which [Select] refuses, equals nothing); the
// ratings in order, each with the same aspect and a value, minimum and
// maximum equal by value (1.0 equals 1.00); and the same IDs in Drives, in
// order. A nil list equals an empty one: Select reads both as none (no
// series, no ratings, no outcome driven).
func (c Candidate) Equal(o Candidate) bool {
	return c.Metric.Equal(o.Metric) && slices.Equal(c.Series, o.Series) &&
		slices.EqualFunc(c.Ratings, o.Ratings, Rating.Equal) && slices.Equal(c.Drives, o.Drives)
}

// Rating is the organisation's rating of a candidate on one aspect of a
// good North Star, such as whether it is tangible and objective, or
// understood by everyone (the method's marks of one), or any other the
// organisation judges by, such as whether the front line can act on it, on
// a stated scale from Min (worst) to Max (best).
type Rating struct {
	// Aspect names what is rated. Required, and unique per candidate.
	Aspect string
	// Value is the rating, from Min to Max.
	Value decimal.Decimal
	// Min and Max are the ends of the scale, Min below Max: 1 and 5 on a
	// five-point scale.
	Min, Max decimal.Decimal
}

// Equal reports whether r and o are the same rating, field by field: the
// same aspect, and the value and the ends of the scale as decimals by value
// (4.0 equals 4, so a rating of 4.0 on a scale from 1.0 to 5.00 equals one
// of 4 from 1 to 5).
func (r Rating) Equal(o Rating) bool {
	return r.Aspect == o.Aspect && r.Value.Equal(o.Value) && r.Min.Equal(o.Min) && r.Max.Equal(o.Max)
}

// positionPlaces is the number of decimal places to which a rating's
// position is computed when it cannot be computed exactly in float64: more
// than a float64 holds of a number from 0 to 1.
const positionPlaces = 40

// position returns where the rating, which must be valid (Min below Max, and
// every number in range), lies on its scale, from 0 (Min) to 1 (Max): the
// quotient (Value-Min)/(Max-Min) of the exact decimal differences, converted
// to float64 once. A scale narrower than float64 can tell apart (from 1 to
// 1.00000000000000001) is measured as exactly as a wide one.
//
// When the three numbers, brought to a common exponent, have coefficients
// below 10^15, the differences are integers a float64 holds exactly and one
// division rounds the quotient correctly, without allocating; otherwise the
// quotient is computed in decimal to positionPlaces places.
func (r Rating) position() float64 {
	e := int(min(r.Value.Exponent(), r.Min.Exponent(), r.Max.Exponent()))
	var c [3]int64
	for i, d := range [3]decimal.Decimal{r.Value, r.Min, r.Max} {
		shift := int(d.Exponent()) - e
		if d.NumDigits()+shift > 15 {
			return toFloat(r.Value.Sub(r.Min).DivRound(r.Max.Sub(r.Min), positionPlaces))
		}
		c[i] = d.CoefficientInt64()
		for range shift {
			c[i] *= 10
		}
	}
	return float64(c[0]-c[1]) / float64(c[2]-c[1])
}

// Input is what [Select] chooses from and how: the candidates (the KPI
// portfolio, business outcomes included, since their series are what lead
// strength is measured against), the customer categories' canvases, the
// policy, and optionally the organisation's hierarchy of work.
type Input struct {
	// Candidates are the metrics to choose from, each with its evidence.
	Candidates []Candidate
	// Canvases are the customer categories' canvases: at least one.
	Canvases []Canvas
	// Policy says how much each criterion counts; the zero Policy is an
	// error. [DefaultPolicy] is the library's default, a choice of its own:
	// the method weighs no criteria.
	Policy Policy
	// Hierarchy, if not nil, is the hierarchy from the front line to the
	// customer outcomes: a candidate must reach a customer outcome in it,
	// it measures reach and links, and it gives the input metrics.
	Hierarchy Hierarchy
}

// Equal reports whether in and o are the same input, field by field: the
// candidates in order ([Candidate.Equal]), the canvases in order
// ([Canvas.Equal]: weights and importances by value, 1.0 equals 1.00), the
// policies Equal ([Policy.Equal]: the same weights by value and lead/lag
// options that mean the same), and the same hierarchy. A nil list equals
// an empty one: [Select] reads both as none.
//
// Two hierarchies are the same if both are nil; if both are made by
// [FromModel], from models that are Equal ([hierarchy.Model.Equal]); and
// otherwise if they are of one type T and, if T has a method Equal(T)
// bool, as the module's value types do, that method says they are equal;
// else if they are equal as Go compares them (with == where the values are
// comparable, as pointers are, else by reflect.DeepEqual). Equal cannot
// otherwise know what another [Hierarchy]'s domain equality is, and never
// panics on one whose type == cannot compare. reflect.DeepEqual calls a
// func other than nil equal to nothing, itself included: give a hierarchy
// type that holds one, and is not comparable, an Equal method.
func (in Input) Equal(o Input) bool {
	return slices.EqualFunc(in.Candidates, o.Candidates, Candidate.Equal) &&
		slices.EqualFunc(in.Canvases, o.Canvases, Canvas.Equal) &&
		in.Policy.Equal(o.Policy) && sameHierarchy(in.Hierarchy, o.Hierarchy)
}

// sameHierarchy reports whether a and b are the same hierarchy, as
// [Input.Equal] says.
func sameHierarchy(a, b Hierarchy) bool {
	if ma, ok := a.(modelHierarchy); ok {
		mb, ok := b.(modelHierarchy)
		return ok && ma.Model.Equal(mb.Model) // weights is an index of the model's links: it follows from them
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	switch {
	case !va.IsValid() || !vb.IsValid():
		return va.IsValid() == vb.IsValid()
	case va.Type() != vb.Type():
		return false
	}
	if eq := va.MethodByName("Equal"); eq.IsValid() {
		if t := eq.Type(); t.NumIn() == 1 && t.In(0) == va.Type() && t.NumOut() == 1 && t.Out(0).Kind() == reflect.Bool {
			return eq.Call([]reflect.Value{vb})[0].Bool()
		}
	}
	switch {
	case va.Comparable() && vb.Comparable():
		return va.Equal(vb)
	}
	return reflect.DeepEqual(a, b)
}

// Gate is a test a candidate must pass to be chosen at all, whatever its
// scores.
//
// The zero Gate is invalid.
type Gate uint8

// The gates.
const (
	// GateOutcome: the candidate must measure an outcome (a business
	// outcome or a successful customer outcome). A bare output, task or
	// activity can never be the North Star.
	GateOutcome Gate = iota + 1
	// GateCanvas: some customer category must rely on the candidate: a
	// canvas of weight above zero must give it importance above zero. A
	// metric no category needs delivers no customer outcome anyone named,
	// and a category of weight zero counts for nothing, so a candidate that
	// only such canvases list, or only with importance zero, has customer
	// coverage zero and fails the gate.
	GateCanvas
	// GateHierarchy: where a hierarchy is given, the candidate must measure
	// a node of it that reaches a successful customer outcome.
	GateHierarchy
	// GateLead: the candidate must not be a lag metric by its own evidence.
	// A good North Star is a lead metric: it moves before the business
	// outcomes it drives. A candidate whose lead/lag analysis ([Evidence])
	// finds it lagging at least one business outcome ([Lags], in either
	// direction) and leading none ([Leads] in the direction of improvement,
	// [Evidence.Strength] above zero) fails the gate. Moving with an outcome
	// in the same period ([Coincident]) is not leading it, so a candidate
	// that lags one outcome and is coincident with the others fails too; one
	// that lags one and leads another passes. A candidate without a series,
	// or with no business outcome's series to analyse it against, or whose
	// analyses find no lag ([NoEvidence], Coincident, or Leads against the
	// direction of improvement), passes: the absence of evidence of a lead is
	// what lead strength, a criterion, scores.
	GateLead
)

// String returns "outcome", "canvas", "hierarchy" or "lead", or "Gate(N)"
// for an invalid value. [ParseGate] accepts it.
func (g Gate) String() string {
	switch g {
	case GateOutcome:
		return "outcome"
	case GateCanvas:
		return "canvas"
	case GateHierarchy:
		return "hierarchy"
	case GateLead:
		return "lead"
	}
	return "Gate(" + strconv.Itoa(int(g)) + ")"
}

// IsValid reports whether g is one of the gates.
func (g Gate) IsValid() bool { return g >= GateOutcome && g <= GateLead }

// IsZero reports whether g is the zero (invalid) Gate.
func (g Gate) IsZero() bool { return g == 0 }

// ParseGate parses a gate's name ("outcome", "canvas", "hierarchy" or
// "lead"), ignoring ASCII case and surrounding white space. Anything else is
// an error with code [ErrUnknownGate].
func ParseGate(text string) (Gate, error) {
	for g := GateOutcome; g <= GateLead; g++ {
		if words.Same(text, g.String()) {
			return g, nil
		}
	}
	return 0, newError(ErrUnknownGate, nil, "northstar: unknown gate %q", clip(text))
}

// GateFailure is a gate a candidate failed, and why, in the method's terms.
type GateFailure struct {
	// Gate is the gate failed.
	Gate Gate `json:"gate"`
	// Reason says why, in words a dashboard can show.
	Reason string `json:"reason"`
}

// Equal reports whether g and o are the same failure, field by field: the
// same gate and the same reason.
func (g GateFailure) Equal(o GateFailure) bool { return g.Gate == o.Gate && g.Reason == o.Reason }

// Score is one criterion's part in a candidate's total: the raw value, the
// score it normalises to, and the weighted contribution to the total.
type Score struct {
	// Criterion is the criterion scored.
	Criterion Criterion `json:"criterion"`
	// Raw is the criterion's value for the candidate, from 0 to 1 (linkage:
	// the number of business-outcome kinds linked, from 0 to 4).
	Raw float64 `json:"raw"`
	// Normalised is Raw divided by the largest Raw among the eligible
	// candidates (those that pass every gate), or among all the candidates
	// if none is eligible, so the best of them scores 1; it is 0 for every
	// candidate when that largest Raw is 0. A candidate that fails a gate
	// is measured on the same yardstick, so its score can exceed 1: it
	// shows what it would have brought.
	Normalised float64 `json:"normalised"`
	// Weight is the criterion's weight, normalised so the weights sum to 1.
	Weight float64 `json:"weight"`
	// Contribution is Weight × Normalised, the criterion's part of the
	// total.
	Contribution float64 `json:"contribution"`
	// Missing reports that there was no evidence for the criterion (no
	// series to analyse, no ratings given), so Raw is 0 for want of it.
	Missing bool `json:"missing,omitempty"`
}

// Equal reports whether s and o are the same score, field by field: the
// same criterion, the numbers (Raw, Normalised, Weight, Contribution)
// compared with ==, and the same Missing.
func (s Score) Equal(o Score) bool {
	return s.Criterion == o.Criterion && s.Raw == o.Raw && s.Normalised == o.Normalised &&
		s.Weight == o.Weight && s.Contribution == o.Contribution && s.Missing == o.Missing
}

// CategoryContribution is one customer category's part in a candidate's
// customer coverage.
type CategoryContribution struct {
	// Category is the canvas's category ID.
	Category string `json:"category"`
	// Weight is the category's weight, normalised over the canvases.
	Weight float64 `json:"weight"`
	// Share is the metric's share of the category's importance
	// ([Canvas.Share]).
	Share float64 `json:"share"`
	// Raw is Weight × Share, the category's part of the coverage Raw value.
	Raw float64 `json:"raw"`
	// Contribution is the category's part of the coverage Contribution:
	// Raw normalised and weighted as the coverage score is.
	Contribution float64 `json:"contribution"`
}

// Equal reports whether c and o are the same contribution, field by field:
// the same category, and the numbers (Weight, Share, Raw, Contribution)
// compared with ==.
func (c CategoryContribution) Equal(o CategoryContribution) bool {
	return c.Category == o.Category && c.Weight == o.Weight && c.Share == o.Share &&
		c.Raw == o.Raw && c.Contribution == o.Contribution
}

// Evidence is the lead/lag analysis of a candidate against one business
// outcome.
type Evidence struct {
	// Outcome is the business outcome's metric ID, and Kind its kind.
	Outcome string       `json:"outcome"`
	Kind    outcome.Kind `json:"kind"`
	// LeadLag is the analysis of the candidate's series against the
	// outcome's.
	LeadLag LeadLag `json:"leadLag"`
	// Aligned is the correlation at the strongest lag, signed so that a
	// positive value means an improvement in the candidate goes with an
	// improvement in the outcome (the metrics' directions taken into
	// account: fewer complaints and lower cost move together positively).
	Aligned float64 `json:"aligned"`
	// Strength is the lead strength this shows: Aligned when the verdict is
	// [Leads] and Aligned is positive, else 0.
	Strength float64 `json:"strength"`
}

// Equal reports whether e and o are the same evidence, field by field: the
// same outcome and kind, the lead/lag analyses by [LeadLag.Equal], and
// Aligned and Strength compared with ==.
func (e Evidence) Equal(o Evidence) bool {
	return e.Outcome == o.Outcome && e.Kind == o.Kind && e.LeadLag.Equal(o.LeadLag) &&
		e.Aligned == o.Aligned && e.Strength == o.Strength
}

// Link says that a candidate is linked to a business outcome, and how the
// link is known.
type Link struct {
	// Outcome is the business outcome's metric ID, and Kind its kind.
	Outcome string       `json:"outcome"`
	Kind    outcome.Kind `json:"kind"`
	// Declared: the candidate's Drives lists the outcome.
	Declared bool `json:"declared,omitempty"`
	// Evidence: lead/lag analysis found the candidate leading or moving
	// with the outcome, in the direction of improvement.
	Evidence bool `json:"evidence,omitempty"`
	// Feeds: in the hierarchy, a node the candidate measures contributes,
	// directly or through others, to a node the outcome measures (the
	// candidate drives the outcome).
	Feeds bool `json:"feeds,omitempty"`
	// FedBy: in the hierarchy, a node the outcome measures contributes,
	// directly or through others, to a node the candidate measures (in the
	// hierarchy's roll-up the outcome feeds the candidate, as the business
	// outcomes beneath a successful customer outcome feed it; a North Star
	// is still to lead them, which only its series can show, and they are
	// not among its input metrics). A candidate that measures several nodes
	// can be both fed by an outcome and feed it.
	FedBy bool `json:"fedBy,omitempty"`
}

// Equal reports whether l and o are the same link, field by field: the same
// outcome ID and kind, and the same Declared, Evidence, Feeds and FedBy.
func (l Link) Equal(o Link) bool {
	return l.Outcome == o.Outcome && l.Kind == o.Kind && l.Declared == o.Declared &&
		l.Evidence == o.Evidence && l.Feeds == o.Feeds && l.FedBy == o.FedBy
}

// Entry is one candidate's place in a [Ranking], with every reason for it.
type Entry struct {
	// Rank is the candidate's rank, from 1. Candidates that pass every
	// gate rank above those that fail one.
	Rank int `json:"rank"`
	// Metric is the candidate's metric.
	Metric outcome.Metric `json:"metric"`
	// Eligible reports whether the candidate passed every gate.
	Eligible bool `json:"eligible"`
	// Failed lists the gates the candidate failed, in gate order.
	Failed []GateFailure `json:"failed,omitempty"`
	// Total is the sum of the criteria's contributions, to 12 decimal
	// places: the resolution at which [Select] ranks totals, so that
	// rounding in the last bits of a sum cannot decide, and so that the
	// totals of the candidates that pass every gate never rise down the
	// ranking (it is the float64 nearest the 12-place decimal, so it may
	// differ from the contributions' float64 sum by up to 5·10^-13).
	Total float64 `json:"total"`
	// Scores holds one Score per criterion, in criterion order.
	Scores []Score `json:"scores"`
	// Categories holds the customer categories whose canvases use the
	// metric, in the order of the canvases: their contributions add up to
	// the coverage contribution.
	Categories []CategoryContribution `json:"categories,omitempty"`
	// Evidence holds the lead/lag analysis against each business outcome
	// that has a series, in candidate order (empty if the candidate has no
	// series).
	Evidence []Evidence `json:"evidence,omitempty"`
	// Links lists the business outcomes the candidate is linked to: those
	// its Drives lists, in that order, then those found by evidence, in
	// candidate order, then those found in the hierarchy (above or beneath
	// its nodes), in the topological order of their first node.
	Links []Link `json:"links,omitempty"`
	// Nodes are the IDs of the hierarchy's nodes the candidate's metric
	// measures, in topological order (empty without a hierarchy).
	Nodes []string `json:"nodes,omitempty"`
}

// Equal reports whether e and o are the same entry, field by field: the
// same rank, metric ([outcome.Metric.Equal]), eligibility and total (==),
// and each list element by element, in order: the failed gates, scores,
// categories and evidence by their Equal, the links (whose fields are
// plain values) and nodes by ==. A nil list equals an empty one, as
// [Entry.MarshalJSON] writes both the same way ("scores" as [], the other
// lists left out).
func (e Entry) Equal(o Entry) bool {
	return e.Rank == o.Rank && e.Metric.Equal(o.Metric) && e.Eligible == o.Eligible &&
		slices.EqualFunc(e.Failed, o.Failed, GateFailure.Equal) && e.Total == o.Total &&
		slices.EqualFunc(e.Scores, o.Scores, Score.Equal) &&
		slices.EqualFunc(e.Categories, o.Categories, CategoryContribution.Equal) &&
		slices.EqualFunc(e.Evidence, o.Evidence, Evidence.Equal) &&
		slices.EqualFunc(e.Links, o.Links, Link.Equal) && slices.Equal(e.Nodes, o.Nodes)
}

// Score returns the candidate's score on criterion c, or the zero Score for
// an invalid c.
func (e Entry) Score(c Criterion) Score {
	if !c.IsValid() || len(e.Scores) != numCriteria {
		return Score{}
	}
	return e.Scores[c-1]
}

// Ranking is the result of [Select]: every candidate, ranked, with its
// reasons, and how robust the choice is.
type Ranking struct {
	// Entries holds every candidate, in rank order.
	Entries []Entry `json:"entries"`
	// Policy is the policy the ranking was made with.
	Policy Policy `json:"policy"`
	// Robustness says how far the criterion weights could move before the
	// winner changed.
	Robustness Robustness `json:"robustness"`
	// InputMetrics are, where a hierarchy is given and there is a winner,
	// the metrics of the work beneath the winner in the hierarchy (tasks,
	// activities and outputs), those that drive it most first: what each
	// team that owns one does to move the North Star. The outcomes beneath
	// it are not among them (see [Select]).
	InputMetrics []InputMetric `json:"inputMetrics,omitempty"`
	// Warnings are the canvases' warnings, in canvas order: copies, which
	// the caller may change without changing the canvases.
	Warnings []*outcome.Error `json:"warnings,omitempty"`
}

// Equal reports whether r and o are the same ranking, field by field: the
// entries in order by [Entry.Equal], the policies by [Policy.Equal]
// (weights as decimals by value, 1.0 equals 1.00), the robustness by
// [Robustness.Equal], the input metrics in order by [InputMetric.Equal],
// and the warnings in order by [outcome.Error.Equal]: each by its code,
// severity, IDs (in order) and message, a nil warning equal only to a nil
// one. A warning's cause (its Err) is not compared: the JSON form leaves
// it out, as the message says what it says, so a warning read back has
// none. A nil list equals an empty one, as [Ranking.MarshalJSON] writes both the same way ("entries"
// as [], the other lists, and a warning's IDs, left out).
func (r Ranking) Equal(o Ranking) bool {
	return slices.EqualFunc(r.Entries, o.Entries, Entry.Equal) && r.Policy.Equal(o.Policy) &&
		r.Robustness.Equal(o.Robustness) && slices.EqualFunc(r.InputMetrics, o.InputMetrics, InputMetric.Equal) &&
		slices.EqualFunc(r.Warnings, o.Warnings, (*outcome.Error).Equal)
}

// Winner returns the top-ranked candidate, and false if no candidate passed
// every gate (then there is no North Star among them).
func (r Ranking) Winner() (Entry, bool) {
	if len(r.Entries) == 0 || !r.Entries[0].Eligible {
		return Entry{}, false
	}
	return r.Entries[0], true
}

// Find returns the first entry whose metric has the given ID, exactly (a
// case or a space apart is another metric), and false if there is none.
// It searches r.Entries, an exported field a caller may change, each time:
// to look up every entry of a large ranking, index r.Entries once by
// [outcome.Metric.ID] instead.
func (r Ranking) Find(metric string) (Entry, bool) {
	for i := range r.Entries {
		if r.Entries[i].Metric.ID() == metric {
			return r.Entries[i], true
		}
	}
	return Entry{}, false
}

// The reasons for failing a gate, in the method's terms. They put nothing
// in quotation marks: in this module, a phrase in quotation marks is the
// method's own words.
const (
	reasonTask     = "a task is work, not an outcome: a bare task can never be the North Star"
	reasonActivity = "an activity is work, not an outcome: a bare activity can never be the North Star"
	reasonOutput   = "an output is what we produce, what we make, not an outcome: a bare output can never be the North Star"
	reasonCanvas   = "no customer category's canvas uses it, so it shows no successful customer outcome"
	reasonNoWeight = "no customer category relies on it: every canvas that uses it has weight zero or gives it importance zero, so its customer coverage is zero"
	reasonNoNode   = "it is not in the hierarchy, so nothing connects it to the work of the front line"
	reasonOrphan   = "in the hierarchy it reaches no successful customer outcome"
	reasonLags     = "it is a lag metric, and the North Star must be a lead metric, one that moves before the business outcomes it drives"
)

// Select ranks the candidates as North Star metrics. It returns the full
// ranking, every candidate with its reasons, and how robust the choice is.
//
// # Gates
//
// A candidate that measures a task, an activity or an output fails
// [GateOutcome]; one that no canvas of weight above zero gives importance
// above zero (so that its customer coverage is zero) fails [GateCanvas];
// where a hierarchy is given, one that measures no node of it, or only nodes that
// reach no successful customer outcome, fails [GateHierarchy]; one whose
// series lags at least one business outcome's and leads none in the
// direction of improvement (see [GateLead]) fails GateLead. A candidate
// that fails a gate can never win, whatever its scores: it ranks below every
// candidate that passes. The gates are checked, and a candidate's failures
// listed, in that order.
//
// A candidate's nodes in the hierarchy are those its metric measures (whose
// [Hierarchy.NodeInfo] metric has the candidate's ID) or, if there are none,
// the node whose ID is the metric's ID (unless a candidate's metric
// measures that node). The hierarchy must agree with the candidate on what
// it is: a node's metric of the candidate's ID must have the candidate's
// level and business-outcome kind, and a node found by the candidate's ID
// must have the candidate's level ([ErrInvalidHierarchy] otherwise, with the
// node's ID and the candidate's). Only the level and the kind are compared,
// which are what the gates and linkage read: a node's metric may differ from
// the candidate's in name, direction or anything else. Otherwise a candidate
// that calls itself an outcome could take the place of an output's node and
// pass every gate.
//
// # Criteria
//
// Each criterion's raw value is:
//
//   - [Coverage]: the sum, over the canvases that use the metric, of the
//     category's normalised weight times the metric's share of the
//     category's importance ([Canvas.Share]). Summed over all metrics the
//     coverages make 1. The category weights' total and each sum are added
//     up smallest first, so the order of the canvases does not change them.
//   - [Lead]: the largest lead strength ([Evidence.Strength]) of the
//     candidate's series against any business outcome's, analysed with the
//     policy's [LagOptions]; 0, and marked missing, without a series or
//     without a business outcome's series to compare it with.
//   - [Linkage]: the number of distinct business-outcome kinds (revenue,
//     cost, service, compliance) among the outcomes it is linked to
//     ([Link]): those its Drives lists; those the analysis finds it
//     leading or moving with, in the direction of improvement (a lagging
//     metric may follow the outcome rather than drive it, so it is not
//     linked by evidence); and those connected to its nodes in the
//     hierarchy either way, through a business-outcome node's metric,
//     which carries the kind (for a node with no metric, the candidate that
//     stands for it by having its ID, as for the gates and reach): those
//     its nodes contribute to, directly or through others ([Link.Feeds]),
//     and those that contribute to its nodes ([Link.FedBy]). A
//     [hierarchy.Model] links only upward, so nothing above a successful
//     customer outcome is a business outcome: its links in the hierarchy
//     are to the business outcomes that feed it.
//   - [Ratings]: the mean position of its ratings on their scales, from 0
//     to 1; 0, and marked missing, without ratings.
//   - [Reach]: "touches everyone and everything": the share of the
//     hierarchy's aligned work (tasks, activities and outputs that reach a
//     successful customer outcome) that feeds the candidate's nodes,
//     directly or through others; 0, and marked missing, without a
//     hierarchy.
//
// Each raw value is divided by the largest among the candidates that pass
// every gate (among all candidates if none does), so the best scores 1; the
// criterion weights are divided by their sum; a candidate's total is the sum
// over the criteria of weight times score, to 12 decimal places
// ([Entry.Total]). It is from 0 to 1 for a candidate that passes every gate
// (and for every candidate when none does); one that fails a gate is
// measured on the same yardstick, so its scores, and its total, may be
// more: an output rated above every eligible candidate totals above 1.
//
// # Order
//
// Candidates that pass every gate come first. Then the higher total ranks
// higher, totals being compared, and reported, to 12 decimal places (so
// that rounding in the last bits cannot decide, and a total never shows
// above the one ranked before it); ties are broken by the higher raw customer
// coverage, also compared to 12 decimal places (coverage is a sum over the
// canvases, whose last bits depend on their order), then the higher level (a
// successful customer outcome above a business outcome), then the metric ID
// in byte order. The order is total: the same input always gives the same
// ranking, whatever the order of the candidates and the canvases.
//
// # Errors
//
// Every problem is reported, each an *[outcome.Error], in one list (one
// problem as the *outcome.Error itself, several joined with [errors.Join],
// never a join within a join), in this order: the policy's
// ([Policy.Validate], each of its problems in the list);
// [ErrNoCandidates]; a candidate with the zero Metric ([outcome.ErrEmptyID])
// or a duplicate metric ID ([outcome.ErrDuplicateID]), in the order of the
// candidates; then, candidate by candidate, a candidate with the zero
// Metric included (named by its place, `candidate 2`, `series of candidate
// 2`, with no ID of its own among the problem's IDs), its ratings', its
// Drives' and its series' problems, in that order: a rating without an
// aspect, with a duplicate aspect, an empty scale or a value off its scale
// ([ErrInvalidRating], or [ErrWeightOutOfRange] for an absurd number, which
// is compared with nothing: an empty scale is still reported beside a
// value out of range, but not a scale with an end out of range); a Drives
// entry that names what an entry before it names ([outcome.ErrDuplicateID],
// at each repeat, as an aspect rated again is), else one that names no
// candidate ([ErrUnknownMetric]), the candidate itself
// ([ErrNotBusinessOutcome]) or a candidate that is not a business outcome
// ([ErrNotBusinessOutcome]): so what is wrong with what an entry names is
// said once, at its first listing, and each repeat of it is a repeat;
// a series of a length unlike the first series given ([ErrSeriesLength],
// with the IDs of both candidates, the series' own first), with a NaN or an
// infinity ([outcome.ErrNotFinite]), too short for the policy's lags
// ([ErrSeriesTooShort]) or constant over the pairs of a lag
// ([ErrConstantSeries]), in that order (a series of another length is
// still checked for a NaN or an infinity, but has no pairs to be too few or
// constant over, as one with a NaN or an infinity is not checked further);
// then the canvases': no canvas ([ErrEmptyCanvas]); canvas by canvas, the
// zero Canvas ([outcome.ErrEmptyID]), a second canvas for one category
// ([outcome.ErrDuplicateID]) and each of its metrics that names no
// candidate ([ErrUnknownMetric]); then category weights all zero
// ([ErrZeroWeights], also when two canvases share a category, but not
// beside a zero Canvas, whose weight is unknown); then a hierarchy that
// answers inconsistently (a node twice in its order, a child not in it,
// after its parent or listed twice (once, whatever the child, what else is
// wrong with it said at its first listing), a node without a valid level or whose
// metric measures another level, different metrics of one ID, a link
// weight negative, out of range or not found: see [Hierarchy]), or whose
// node a candidate measures at another level or kind than the hierarchy
// says (see above), each an [ErrInvalidHierarchy] naming the nodes and
// metrics involved: the hierarchy's own problems in its topological order,
// then the candidates' disagreements with it in the same order, also beside
// problems of its order or links (but not at a node with a problem of its
// own, from which a disagreement would follow); and last, only when there
// is no other problem, for the winner's input metrics, an influence too
// large for a float64 ([ErrInfluenceOverflow]).
//
// # Input metrics
//
// Where a hierarchy is given and there is a winner, [Ranking.InputMetrics]
// lists the metrics of the work beneath it (the tasks, activities and
// outputs whose nodes feed its nodes, directly or through others) that
// drive it, most influential first ([InputMetric]): what each team owns in
// moving the North Star. The metrics of the outcomes beneath it are not
// inputs: a good North Star is a lead metric, which moves before the
// business outcomes it drives, so the business outcomes that feed it in
// the hierarchy's roll-up are what it leads, not what drives it; and it
// would "consistently deliver Successful Customer Outcomes", so a customer
// outcome beneath it is one it delivers. The work's influence still
// reaches the North Star through them.
//
// Select allocates a fixed number of slices and maps per call, plus a map
// of the aspects of each candidate with more than 8 ratings (so that an
// aspect rated twice is found in time linear in them), one of the Drives
// entries that name no candidate if any does (so that their repeats are
// found so too), those of the
// lead/lag analyses, of the hierarchy's reading and walks (linear in its
// size, per candidate in it), of decimal comparisons where a rating's
// numbers have different exponents, and of the decimal division that places
// a rating on its scale when its numbers, at a common exponent, have more
// than 15 digits; the scoring and ranking themselves allocate nothing per
// candidate or criterion.
func Select(in Input) (Ranking, error) {
	cands, canvases := in.Candidates, in.Canvases
	n := len(cands)
	var errs []error
	errs = append(errs, in.Policy.validate(policyFaults{})...)
	lagOK := in.Policy.LeadLag.MaxLag >= 0

	// The candidates, by metric ID.
	if n == 0 {
		errs = append(errs, newError(ErrNoCandidates, nil, "northstar: no candidates to choose from"))
	}
	index := make(map[string]int32, n)
	for i, c := range cands {
		id := c.Metric.ID()
		if c.Metric.IsZero() {
			errs = append(errs, newError(outcome.ErrEmptyID, nil, "northstar: candidate %d has no metric", i))
			continue
		}
		if _, dup := index[id]; dup {
			errs = append(errs, newError(outcome.ErrDuplicateID, []string{id},
				"northstar: duplicate candidate %q", clip(id)))
			continue
		}
		index[id] = int32(i)
	}
	// The first series given: its length, and its candidate's index.
	seriesLen, seriesFrom := -1, 0
	// driven[k] is i+1 once candidate i's Drives has listed candidate k, so
	// that a repeat is found without searching the entries before it;
	// unknown holds the entries of one candidate's Drives that name no
	// candidate, made for the first of them.
	var driven []int32
	var unknown map[string]bool
	for i, c := range cands {
		// A candidate with the zero Metric has no ID: it is still checked,
		// its problems naming it by its place ([candidateRef]). Its names
		// and IDs are made for a problem only, so that valid candidates
		// allocate nothing here.
		id := c.Metric.ID()
		errs = append(errs, ratingErrors(c, i)...)
		if len(c.Drives) > 0 && driven == nil {
			driven = make([]int32, n)
		}
		cand := func() string { return candidateName(i, c.Metric) }
		clear(unknown)
		for _, d := range c.Drives {
			dids := func() []string { return candidateIDs(c.Metric, d) }
			// An entry that repeats one before it is a repeat, whatever it
			// names: what is wrong with what it names was said at its first
			// listing, once.
			k, ok := index[d]
			var again bool
			if ok {
				again = driven[k] == int32(i)+1
				driven[k] = int32(i) + 1
			} else {
				if unknown == nil {
					unknown = make(map[string]bool)
				}
				again = unknown[d]
				unknown[d] = true
			}
			switch {
			case again:
				errs = append(errs, newError(outcome.ErrDuplicateID, dids(),
					"northstar: %s lists %q twice in Drives", cand(), clip(d)))
			case !ok:
				errs = append(errs, newError(ErrUnknownMetric, dids(),
					"northstar: %s drives %q, which is not a candidate", cand(), clip(d)))
			case d == id:
				errs = append(errs, newError(ErrNotBusinessOutcome, dids(),
					"northstar: %s cannot drive itself", cand()))
			case cands[k].Metric.Level() != outcome.BusinessOutcome:
				errs = append(errs, newError(ErrNotBusinessOutcome, dids(),
					"northstar: %s drives %q, which is %s, not a business outcome",
					cand(), clip(d), withArticle(cands[k].Metric.Level())))
			}
		}
		if len(c.Series) == 0 {
			continue
		}
		name := "series of " + candidateRef(i, c.Metric)
		ids := candidateIDs(c.Metric)
		lengthOK := true
		if seriesLen < 0 {
			seriesLen, seriesFrom = len(c.Series), i
		} else if len(c.Series) != seriesLen {
			first := cands[seriesFrom].Metric
			errs = append(errs, newError(ErrSeriesLength, append(candidateIDs(c.Metric), candidateIDs(first)...),
				"northstar: %s has %d values, but the series of %s, the first given, has %d",
				name, len(c.Series), candidateRef(seriesFrom, first), seriesLen))
			lengthOK = false
		}
		if err := checkFinite(c.Series, name, ids); err != nil {
			errs = append(errs, err)
			continue
		}
		// The lags pair a series with the others: one of another length
		// has no pairs to be too few or constant over.
		if !lengthOK || !lagOK {
			continue
		}
		if maxLag := in.Policy.LeadLag.MaxLag; len(c.Series)-maxLag < MinPairs {
			errs = append(errs, newError(ErrSeriesTooShort, ids,
				"northstar: %s has %d values, too few for lags up to %d: at least %d are needed",
				name, len(c.Series), maxLag, uint64(maxLag)+MinPairs))
			continue
		}
		role := asCandidate
		if c.Metric.Level() == outcome.BusinessOutcome {
			role |= asOutcome // the other candidates' series are analysed against it
		}
		errs = append(errs, checkConstant(c.Series, in.Policy.LeadLag.MaxLag, name, ids, role)...)
	}

	// The canvases.
	if len(canvases) == 0 {
		errs = append(errs, newError(ErrEmptyCanvas, nil, "northstar: no canvases: the choice needs the customer categories"))
	}
	seen := make(map[string]bool, len(canvases))
	allZero, zeroCanvas := true, false
	pairs := 0
	for i, cv := range canvases {
		cat := cv.Category()
		if cv.IsZero() {
			errs = append(errs, newError(outcome.ErrEmptyID, nil, "northstar: canvas %d is the zero Canvas", i))
			zeroCanvas = true
			continue
		}
		if seen[cat] {
			errs = append(errs, newError(outcome.ErrDuplicateID, []string{cat},
				"northstar: two canvases for category %q", clip(cat)))
		}
		seen[cat] = true
		allZero = allZero && cv.Weight().IsZero()
		for _, m := range cv.metrics {
			if _, ok := index[m.id]; !ok {
				errs = append(errs, newError(ErrUnknownMetric, []string{cat, m.id},
					"northstar: canvas %q uses metric %q, which is not a candidate", clip(cat), clip(m.id)))
			}
		}
		pairs += len(cv.metrics)
	}
	// A zero Canvas stands for a canvas whose weight is unknown, so the
	// weights cannot be said to be all zero; a duplicate category's weight is
	// known, and counts.
	if len(canvases) > 0 && allZero && !zeroCanvas {
		errs = append(errs, newError(ErrZeroWeights, nil, "northstar: every customer category has weight zero"))
	}
	var g *graph
	var nodeOff, nodes, owner []int32
	if in.Hierarchy != nil {
		// The hierarchy's own problems, then the candidates' conflicts with
		// it, which do not depend on its links: a graph with problems is
		// read far enough to find them, though never ranked with.
		var flawed []bool
		var herrs []error
		g, flawed, herrs = readHierarchy(in.Hierarchy)
		errs = append(errs, herrs...)
		nodeOff, nodes, owner = g.nodesOf(cands, index)
		errs = append(errs, g.conflicts(cands, owner, flawed)...)
	}
	if len(errs) > 0 {
		return Ranking{}, msg.Join(errs...)
	}
	return rank(in, index, pairs, g, nodeOff, nodes, owner)
}

// fewRatings is the number of ratings up to which a candidate's aspects are
// checked for repeats by searching those before each: beyond it, through a
// map, so that the check is linear in the ratings, which come from user
// input with no bound.
const fewRatings = 8

// candidateRef is how a message refers to candidate i, whose metric is m:
// by its ID, quoted, `"nps"`, or, if m is the zero Metric, which has none,
// by its place, `candidate 2` (as in `series of candidate 2`).
func candidateRef(i int, m outcome.Metric) string {
	if m.IsZero() {
		return "candidate " + strconv.Itoa(i)
	}
	return quote(m.ID())
}

// candidateName is how a message names candidate i, whose metric is m:
// `candidate "nps"`, or `candidate 2` for the zero Metric.
func candidateName(i int, m outcome.Metric) string {
	if m.IsZero() {
		return candidateRef(i, m)
	}
	return "candidate " + candidateRef(i, m)
}

// candidateIDs returns the IDs of a problem of the candidate whose metric
// is m: its ID, none for the zero Metric, then more, in a new slice.
func candidateIDs(m outcome.Metric, more ...string) []string {
	if m.IsZero() {
		return slices.Clone(more)
	}
	return append([]string{m.ID()}, more...)
}

// ratingErrors reports every problem with a candidate's ratings, rating by
// rating: an aspect that repeats one before it is reported at each repeat.
// The candidate is candidates[i], named as [candidateName] names it, with
// [candidateIDs]. Within a rating: its aspect; then its value, scale minimum and maximum
// out of range, each; then an empty scale, also beside a value out of range,
// or a value off its scale. A number out of range is not compared: a scale
// with an end out of range is not checked, and a value out of range, which
// is off any scale within range, is not also said off its scale.
func ratingErrors(c Candidate, i int) []error {
	var errs []error
	cand := func() string { return candidateName(i, c.Metric) }
	var rated map[string]bool // the aspects before, beyond fewRatings
	if len(c.Ratings) > fewRatings {
		rated = make(map[string]bool, len(c.Ratings))
	}
	for j, r := range c.Ratings {
		rids := func() []string { return candidateIDs(c.Metric, r.Aspect) }
		if strings.TrimSpace(r.Aspect) == "" {
			errs = append(errs, newError(ErrInvalidRating, candidateIDs(c.Metric), "northstar: %s: rating %d has no aspect", cand(), j))
		} else if ratedBefore(c.Ratings, j, rated) {
			errs = append(errs, newError(ErrInvalidRating, rids(), "northstar: %s: aspect %q is rated twice", cand(), clip(r.Aspect)))
		}
		var inRanges [3]bool // the value's, the minimum's, the maximum's
		for k, v := range [3]struct {
			what string
			d    decimal.Decimal
		}{{"value", r.Value}, {"scale minimum", r.Min}, {"scale maximum", r.Max}} {
			if inRanges[k] = inRange(v.d); !inRanges[k] {
				errs = append(errs, newError(ErrWeightOutOfRange, rids(),
					"northstar: %s: rating of %q: %s %s is out of range (less than 10^15 in magnitude, at most 30 decimal places)",
					cand(), clip(r.Aspect), v.what, decText(v.d)))
			}
		}
		if !inRanges[1] || !inRanges[2] {
			continue // the scale's ends are not compared
		}
		switch {
		case r.Min.Cmp(r.Max) >= 0:
			errs = append(errs, newError(ErrInvalidRating, rids(),
				"northstar: %s: rating of %q: the scale %s to %s is empty (its minimum must be below its maximum)",
				cand(), clip(r.Aspect), decfmt.String(r.Min), decfmt.String(r.Max)))
		case !inRanges[0]: // off any scale within range, as said
		case r.Value.LessThan(r.Min) || r.Value.GreaterThan(r.Max):
			errs = append(errs, newError(ErrInvalidRating, rids(),
				"northstar: %s: rating of %q: %s is off the scale %s to %s",
				cand(), clip(r.Aspect), decfmt.String(r.Value), decfmt.String(r.Min), decfmt.String(r.Max)))
		}
	}
	return errs
}

// ratedBefore reports whether ratings[j]'s aspect is that of a rating before
// it: by searching them, or, if rated is not nil, by looking it up in rated,
// which holds the aspects before j and to which it then adds j's.
func ratedBefore(ratings []Rating, j int, rated map[string]bool) bool {
	aspect := ratings[j].Aspect
	if rated == nil {
		return slices.ContainsFunc(ratings[:j], func(p Rating) bool { return p.Aspect == aspect })
	}
	if rated[aspect] {
		return true
	}
	rated[aspect] = true
	return false
}

// rank scores and ranks valid input.
func rank(in Input, index map[string]int32, pairs int, g *graph, nodeOff, nodes, owner []int32) (Ranking, error) {
	cands, canvases := in.Candidates, in.Canvases
	n := len(cands)
	wf := in.Policy.Weights.floats()
	var wsum float64
	for _, w := range wf {
		wsum += w
	}
	var wn [numCriteria]float64
	for k := range wn {
		wn[k] = wf[k] / wsum
	}

	entries := make([]Entry, n)
	scores := make([]Score, n*numCriteria)
	for i, c := range cands {
		e := &entries[i]
		e.Metric = c.Metric
		e.Scores = scores[i*numCriteria : (i+1)*numCriteria : (i+1)*numCriteria]
		for k := range e.Scores {
			e.Scores[k].Criterion = Criterion(k + 1)
			e.Scores[k].Weight = wn[k]
		}
	}

	// Customer coverage, with each category's part, laid out by candidate:
	// offsets first, then the parts in canvas order. The category weights'
	// total and each coverage are added up smallest first, so that the order
	// of the canvases cannot change their last bits.
	scratch := make([]float64, max(len(canvases), pairs))
	for k, cv := range canvases {
		scratch[k] = toFloat(cv.Weight())
	}
	catTotal := sumSorted(scratch[:len(canvases)]) // weights are below 10^15, so the sum is finite
	off := make([]int32, n+1)
	for _, cv := range canvases {
		for _, m := range cv.metrics {
			off[index[m.id]+1]++
		}
	}
	for i := range n {
		off[i+1] += off[i]
	}
	cats := make([]CategoryContribution, pairs)
	fill := slices.Clone(off[:n])
	relied := make([]bool, n) // by a canvas of weight above zero, with importance above zero
	for _, cv := range canvases {
		w := toFloat(cv.Weight()) / catTotal
		for _, m := range cv.metrics {
			i := index[m.id]
			cats[fill[i]] = CategoryContribution{Category: cv.Category(), Weight: w, Share: m.share, Raw: w * m.share}
			fill[i]++
			relied[i] = relied[i] || !cv.Weight().IsZero() && !m.importance.IsZero()
		}
	}
	for i := range entries {
		e := &entries[i]
		e.Categories = cats[off[i]:off[i+1]:off[i+1]]
		parts := scratch[:len(e.Categories)]
		for k, p := range e.Categories {
			parts[k] = p.Raw
		}
		e.Scores[Coverage-1].Raw = sumSorted(parts)
	}

	// Reach, and the links the hierarchy shows.
	var hier *hierLinks
	var keys *outcomeKeys
	if g != nil {
		hier, keys = hierarchyEvidence(g, entries, index, nodeOff, nodes, owner)
	}

	// Lead strength and linkage, from the series, the declared links and
	// the hierarchy.
	leadLagEvidence(in, index, entries, hier, keys)

	// Ratings and reach.
	for i, c := range cands {
		s := &entries[i].Scores
		if len(c.Ratings) == 0 {
			(*s)[Ratings-1].Missing = true
		} else {
			var sum float64
			for _, r := range c.Ratings {
				sum += r.position()
			}
			(*s)[Ratings-1].Raw = sum / float64(len(c.Ratings))
		}
		(*s)[Reach-1].Missing = g == nil
	}

	// Gates.
	nfail := 0
	for i := range entries {
		_, k := gates(&entries[i], relied[i], g, nodeOff, nodes, i)
		nfail += k
	}
	failed := make([]GateFailure, 0, nfail)
	for i := range entries {
		e := &entries[i]
		f, k := gates(e, relied[i], g, nodeOff, nodes, i)
		if k > 0 {
			start := len(failed)
			failed = append(failed, f[:k]...)
			e.Failed = failed[start:len(failed):len(failed)]
		}
		e.Eligible = k == 0
	}

	// Normalise, weigh and total.
	var best [numCriteria]float64
	anyEligible := false
	for i := range entries {
		anyEligible = anyEligible || entries[i].Eligible
	}
	for i := range entries {
		if entries[i].Eligible || !anyEligible {
			for k, s := range entries[i].Scores {
				best[k] = max(best[k], s.Raw)
			}
		}
	}
	for i := range entries {
		e := &entries[i]
		var total float64
		for k := range e.Scores {
			s := &e.Scores[k]
			if best[k] > 0 {
				s.Normalised = s.Raw / best[k]
			}
			s.Contribution = s.Weight * s.Normalised
			total += s.Contribution
		}
		e.Total = tieKey(total) / tieScale // as the ranking compares it
		if best[Coverage-1] > 0 {
			for j := range e.Categories {
				p := &e.Categories[j]
				p.Contribution = wn[Coverage-1] * p.Raw / best[Coverage-1]
			}
		}
	}

	sortEntries(entries)
	var warns []*outcome.Error
	for _, cv := range canvases {
		warns = appendProblems(warns, cv.warnings)
	}
	r := Ranking{Entries: entries, Policy: in.Policy, Warnings: warns}
	r.Robustness = robustness(entries, wf)
	if w, ok := r.Winner(); g != nil && ok {
		i := index[w.Metric.ID()]
		r.InputMetrics = g.inputMetrics(nodes[nodeOff[i]:nodeOff[i+1]])
		var errs []error
		for _, m := range r.InputMetrics {
			if math.IsInf(m.Influence, 0) || math.IsNaN(m.Influence) {
				errs = append(errs, newError(ErrInfluenceOverflow, []string{m.Metric.ID(), w.Metric.ID()},
					"northstar: the influence of %q on the North Star %q is beyond float64's range (about 1.8e308): "+
						"the hierarchy's link weights, multiplied along the paths between them and added up, exceed it",
					clip(m.Metric.ID()), clip(w.Metric.ID())))
			}
		}
		if len(errs) > 0 {
			return Ranking{}, msg.Join(errs...)
		}
	}
	return r, nil
}

// sumSorted sorts xs, which must hold no NaN, and returns their sum, added
// smallest first: the same for any order of the same values.
func sumSorted(xs []float64) float64 {
	slices.Sort(xs)
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum
}

// gates returns the gates e, candidate i, fails, in out[:k], with constant
// reasons; relied reports whether a canvas of weight above zero gives it
// importance above zero.
func gates(e *Entry, relied bool, g *graph, nodeOff, nodes []int32, i int) (out [4]GateFailure, k int) {
	switch e.Metric.Level() {
	case outcome.Task:
		out[k] = GateFailure{GateOutcome, reasonTask}
		k++
	case outcome.Activity:
		out[k] = GateFailure{GateOutcome, reasonActivity}
		k++
	case outcome.Output:
		out[k] = GateFailure{GateOutcome, reasonOutput}
		k++
	}
	switch {
	case len(e.Categories) == 0:
		out[k] = GateFailure{GateCanvas, reasonCanvas}
		k++
	case !relied:
		out[k] = GateFailure{GateCanvas, reasonNoWeight}
		k++
	}
	if g != nil {
		mine := nodes[nodeOff[i]:nodeOff[i+1]]
		switch {
		case len(mine) == 0:
			out[k] = GateFailure{GateHierarchy, reasonNoNode}
			k++
		case !slices.ContainsFunc(mine, func(v int32) bool { return g.aligned[v] }):
			out[k] = GateFailure{GateHierarchy, reasonOrphan}
			k++
		}
	}
	if lagsOnly(e.Evidence) {
		out[k] = GateFailure{GateLead, lagReason(e.Evidence)}
		k++
	}
	return out, k
}

// lagReason says why a candidate whose evidence shows a lag metric fails
// [GateLead], with the figures: the business outcomes its series follows,
// and by how many periods, in the evidence's order. "its series follows
// business outcome revenue by 1 period, and leads no business outcome in the
// direction of improvement: it is a lag metric, ..."; with more than one,
// "business outcomes revenue by 2 periods, cost by 1 period and churn by 3
// periods".
func lagReason(evidence []Evidence) string {
	var follows []string
	for _, ev := range evidence {
		if ev.LeadLag.Verdict() != Lags {
			continue
		}
		lag := -ev.LeadLag.Best().Lag
		unit := "periods"
		if lag == 1 {
			unit = "period"
		}
		follows = append(follows, fmt.Sprintf("%s by %d %s", clip(ev.Outcome), lag, unit))
	}
	noun := "business outcome "
	if len(follows) > 1 {
		noun = "business outcomes "
	}
	return "its series follows " + noun + words.And(follows) +
		", and leads no business outcome in the direction of improvement: " + reasonLags
}

// lagsOnly reports whether evidence shows a lag metric ([GateLead]): a lag
// behind some business outcome, in either direction, and a lead, in the
// direction of improvement, on none.
func lagsOnly(evidence []Evidence) bool {
	lags := false
	for _, ev := range evidence {
		switch {
		case ev.Strength > 0:
			return false
		case ev.LeadLag.Verdict() == Lags:
			lags = true
		}
	}
	return lags
}

// tieScale is the resolution at which totals and coverages are compared:
// 12 decimal places.
const tieScale = 1e12

// tieKey returns x to 12 decimal places, as a count of 10^-12, so that two
// values that differ only by rounding in their last bits (the same sum added
// up in another order) compare equal.
func tieKey(x float64) float64 { return math.Round(x * tieScale) }

// sortKey is what the order of an entry depends on, compact so that sorting
// moves little memory.
type sortKey struct {
	total    float64 // the total, to 12 places
	coverage float64 // the raw coverage, to 12 places
	id       string
	level    outcome.Level
	eligible bool
	at       int32 // the entry's position before sorting
}

// sortEntries puts entries in rank order (see [Select]) and sets
// their ranks. It sorts compact keys, then moves each entry once, following
// the permutation's cycles.
func sortEntries(entries []Entry) {
	keys := make([]sortKey, len(entries))
	for i, e := range entries {
		keys[i] = sortKey{total: tieKey(e.Total), coverage: tieKey(e.Scores[Coverage-1].Raw),
			id: e.Metric.ID(), level: e.Metric.Level(), eligible: e.Eligible, at: int32(i)}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if a.eligible != b.eligible {
			if a.eligible {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.total, a.total); c != 0 {
			return c
		}
		if c := cmp.Compare(b.coverage, a.coverage); c != 0 {
			return c
		}
		if c := cmp.Compare(b.level, a.level); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	// Entry keys[i].at goes to position i.
	for i := range keys {
		if keys[i].at < 0 {
			continue
		}
		tmp := entries[i]
		j := i
		for {
			from := int(keys[j].at)
			keys[j].at = -1
			if from == i {
				entries[j] = tmp
				break
			}
			entries[j] = entries[from]
			j = from
		}
	}
	for i := range entries {
		entries[i].Rank = i + 1
	}
}

// tieBreak orders entries with equal totals: the higher raw coverage (to 12
// places), the higher level, then the metric ID.
func tieBreak(a, b Entry) int {
	if c := cmp.Compare(tieKey(b.Scores[Coverage-1].Raw), tieKey(a.Scores[Coverage-1].Raw)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Metric.Level(), a.Metric.Level()); c != 0 {
		return c
	}
	return strings.Compare(a.Metric.ID(), b.Metric.ID())
}

// dirSign returns +1 for a higher-is-better metric and -1 for a
// lower-is-better one.
func dirSign(m outcome.Metric) float64 {
	if m.Direction() == outcome.LowerIsBetter {
		return -1
	}
	return 1
}

// leadLagEvidence analyses each candidate's series against each business
// outcome's, and sets lead strength, the links and linkage. hier holds the
// links the hierarchy shows, by candidate, each with its outcome's key in
// keys (see [outcomeKeys]); nil without a hierarchy.
func leadLagEvidence(in Input, index map[string]int32, entries []Entry, hier *hierLinks, keys *outcomeKeys) {
	cands := in.Candidates
	var outcomes []int32 // business outcomes with a series, in candidate order
	withSeries := 0
	for i, c := range cands {
		if len(c.Series) == 0 {
			continue
		}
		withSeries++
		if c.Metric.Level() == outcome.BusinessOutcome {
			outcomes = append(outcomes, int32(i))
		}
	}
	var evidence []Evidence
	var evKey []int32 // the key of each evidence's outcome: its candidate's index
	if len(outcomes) > 0 {
		evidence = make([]Evidence, 0, withSeries*len(outcomes))
		evKey = make([]int32, 0, withSeries*len(outcomes))
	}
	// At most a link per Drives entry, per evidence and per link the
	// hierarchy shows: allocated once.
	most := withSeries * len(outcomes)
	for _, c := range cands {
		most += len(c.Drives)
	}
	if hier != nil {
		most += len(hier.links)
	}
	links := make([]Link, 0, most)
	linkKey := make([]int32, 0, most) // the key of each link's outcome, aligned with links
	linkOff := make([]int32, len(cands)+1)
	// slot[k] is one more than the place, among the candidate's links, of
	// the link to the outcome of key k, or 0 if it has none; reset after
	// each candidate, so that merging a link costs the same however many
	// the candidate has.
	slot := make([]int32, keys.count(len(cands)))
	for i, c := range cands {
		e := &entries[i]
		lead := &e.Scores[Lead-1]
		start := len(evidence)
		if len(c.Series) > 0 {
			for _, b := range outcomes {
				if int(b) == i {
					continue
				}
				bm := cands[b].Metric
				ids := []string{c.Metric.ID(), bm.ID()}
				l, err := analyzeLeadLag(c.Series, cands[b].Series, in.Policy.LeadLag, "candidate series", "outcome series", ids)
				if err != nil {
					continue // cannot happen: the series were validated
				}
				ev := Evidence{Outcome: bm.ID(), Kind: bm.Kind(), LeadLag: l,
					Aligned: l.Best().R * dirSign(c.Metric) * dirSign(bm)}
				if l.Verdict() == Leads && ev.Aligned > 0 {
					ev.Strength = ev.Aligned
				}
				lead.Raw = max(lead.Raw, ev.Strength)
				evidence = append(evidence, ev)
				evKey = append(evKey, b)
			}
		}
		if len(evidence) == start {
			lead.Missing = true
		} else {
			e.Evidence = evidence[start:len(evidence):len(evidence)]
		}
		// Links: declared first, in Drives order (each once, as Select
		// checks), then found by evidence, then shown by the hierarchy, one
		// per outcome.
		linkStart := len(links)
		add := func(l Link, k int32) *Link {
			if p := slot[k]; p > 0 {
				return &links[linkStart+int(p)-1]
			}
			links = append(links, l)
			linkKey = append(linkKey, k)
			slot[k] = int32(len(links) - linkStart)
			return nil
		}
		for _, d := range c.Drives {
			k := index[d]
			add(Link{Outcome: d, Kind: cands[k].Metric.Kind(), Declared: true}, k)
		}
		for p, ev := range e.Evidence {
			if v := ev.LeadLag.Verdict(); (v != Leads && v != Coincident) || ev.Aligned <= 0 {
				continue
			}
			if l := add(Link{Outcome: ev.Outcome, Kind: ev.Kind, Evidence: true}, evKey[start+p]); l != nil {
				l.Evidence = true
			}
		}
		if hier != nil {
			for _, h := range hier.links[hier.off[i]:hier.off[i+1]] {
				if l := add(h.Link, h.key); l != nil {
					l.Feeds = l.Feeds || h.Feeds
					l.FedBy = l.FedBy || h.FedBy
				}
			}
		}
		for _, k := range linkKey[linkStart:] {
			slot[k] = 0
		}
		linkOff[i+1] = int32(len(links))
	}
	for i := range entries {
		e := &entries[i]
		if linkOff[i+1] > linkOff[i] {
			e.Links = links[linkOff[i]:linkOff[i+1]:linkOff[i+1]]
		}
		var kinds [8]bool
		count := 0
		for _, l := range e.Links {
			if !kinds[l.Kind] {
				kinds[l.Kind] = true
				count++
			}
		}
		e.Scores[Linkage-1].Raw = float64(count)
	}
}

// outcomeKeys numbers the business outcomes a candidate can be linked to,
// by metric ID, so that a candidate's links are merged through a slot per
// outcome rather than by searching its list: a candidate's ID has the
// candidate's index as its key, and the ID of any other metric (a
// hierarchy node's, not a candidate) a key after them, in extra.
type outcomeKeys struct {
	extra map[string]int32
}

// count returns the number of keys, given the number of candidates.
func (k *outcomeKeys) count(cands int) int {
	if k == nil {
		return cands
	}
	return cands + len(k.extra)
}

// key returns the key of the metric ID id.
func (k *outcomeKeys) key(index map[string]int32, cands int, id string) int32 {
	if i, ok := index[id]; ok {
		return i
	}
	j, ok := k.extra[id]
	if !ok {
		j = int32(cands + len(k.extra))
		k.extra[id] = j
	}
	return j
}

// keyedLink is a link the hierarchy shows, through one node, with its
// outcome's key (see [outcomeKeys]).
type keyedLink struct {
	Link
	key int32
}

// hierLinks holds the links the hierarchy shows by candidate: candidate
// i's are links[off[i]:off[i+1]].
type hierLinks struct {
	off   []int32
	links []keyedLink
}

// quote returns s clipped and quoted as %q would.
func quote(s string) string { return strconv.Quote(clip(s)) }

// hierarchyEvidence sets each candidate's reach and nodes, and returns the
// business-outcome nodes each is linked to through the hierarchy: those its
// nodes contribute to and those that contribute to its nodes, in
// topological order, each as a link to its outcome with the outcome's key
// (numbered in keys); an outcome whose metric measures several of them
// comes once for each, for leadLagEvidence to merge. owner[u] is the candidate that
// measures node u, or -1 (see [graph.nodesOf]), so a node is candidate i's
// exactly when owner[u] is i.
//
// Each candidate costs the nodes it reaches: not their number times its own
// nodes'.
func hierarchyEvidence(g *graph, entries []Entry, index map[string]int32, nodeOff, nodes, owner []int32) (*hierLinks, *outcomeKeys) {
	n := len(g.ids)
	seen := make([]bool, n)
	queue := make([]int32, 0, n)
	// how[u] says how node u is connected to the candidate's nodes, for the
	// links: fedBy if beneath them, feeds if above; reset after each
	// candidate.
	const fedBy, feeds = 1, 2
	how := make([]uint8, n)
	names := make([]string, len(nodes))
	for k, v := range nodes {
		names[k] = g.ids[v]
	}
	var conn []int32 // business-outcome nodes above or beneath, reused
	hier := &hierLinks{off: make([]int32, len(entries)+1)}
	// measure returns the metric that gives node u's business outcome and
	// its kind: the node's own metric or, for a node with none, the metric
	// of the candidate that stands for it by having its ID (at the node's
	// level, as Select checks), so that a hierarchy whose nodes carry no
	// metrics links as one whose nodes do; the zero Metric if neither.
	measure := func(u int32) outcome.Metric {
		if m := g.metric(u); !m.IsZero() || owner[u] < 0 {
			return m
		}
		return entries[owner[u]].Metric
	}
	// The key of each business-outcome node's outcome; -1 for any other
	// node.
	keys := &outcomeKeys{extra: make(map[string]int32)}
	key := make([]int32, n)
	for u := range key {
		key[u] = -1
		if g.level[u] == outcome.BusinessOutcome {
			if m := measure(int32(u)); m.Kind().IsValid() {
				key[u] = keys.key(index, len(entries), m.ID())
			}
		}
	}
	for i := range entries {
		mine := nodes[nodeOff[i]:nodeOff[i+1]]
		hier.off[i+1] = hier.off[i]
		if len(mine) == 0 {
			continue
		}
		e := &entries[i]
		e.Nodes = names[nodeOff[i]:nodeOff[i+1]:nodeOff[i+1]]
		conn = conn[:0]
		mark := func(u int32, bit uint8) {
			if key[u] < 0 || owner[u] == int32(i) {
				return
			}
			if how[u] == 0 {
				conn = append(conn, u)
			}
			how[u] |= bit
		}
		// Reach: the aligned work among everything that feeds its nodes.
		// The business outcomes among them feed it too.
		queue = walk(g.childOff, g.child, mine, seen, queue)
		feeding := 0
		for _, u := range queue {
			seen[u] = false
			if g.aligned[u] && isWork(g.level[u]) && owner[u] != int32(i) {
				feeding++
			}
			mark(u, fedBy)
		}
		if g.work > 0 {
			e.Scores[Reach-1].Raw = float64(feeding) / float64(g.work)
		}
		// The business outcomes its nodes contribute to. A node can be
		// both, beneath one of the candidate's nodes and above another.
		queue = walk(g.parentOff, g.parent, mine, seen, queue)
		for _, u := range queue {
			seen[u] = false
			mark(u, feeds)
		}
		slices.Sort(conn) // topological order
		for _, u := range conn {
			m := measure(u)
			hier.links = append(hier.links, keyedLink{Link{Outcome: m.ID(), Kind: m.Kind(),
				Feeds: how[u]&feeds != 0, FedBy: how[u]&fedBy != 0}, key[u]})
			how[u] = 0
		}
		hier.off[i+1] = int32(len(hier.links))
	}
	return hier, keys
}

// withArticle writes a level's name after "a" or "an", as a message reads
// it: "an Output", "a Task", "a Successful Customer Outcome".
func withArticle(l outcome.Level) string {
	s := l.String()
	if strings.ContainsRune("AEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
