package cxtest

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// CheckOutputShareAtMost checks that at most the share maxShare (a fraction
// in [0, 1]: 0.5 is 50%) of the KPI portfolio metrics measures outputs or the
// work behind them (tasks, activities, outputs), counted as [outcome.Audit]
// counts them, by their declared levels. The comparison is exact: 1 of 2 is
// at most 0.5. An empty portfolio passes.
//
// It returns nil, or an *[outcome.Error] with code [ErrOutputShare] whose IDs
// are the output-side metrics, sorted, and whose message says how far the
// portfolio is from the limit. A maxShare outside [0, 1] is an error with
// code [outcome.ErrInvalidThreshold]; the zero Metric in metrics one with
// code [outcome.ErrEmptyID], as [outcome.Audit] reports it; metrics that
// share an ID one with code [outcome.ErrDuplicateID], whose IDs are the
// shared IDs, sorted (the audit would count such a metric once for each
// time it is given, and reports its ID as a [outcome.CodeDuplicateMetricID]
// finding of severity error). One problem is the error itself; those that
// apply are joined with [errors.Join], one level deep, in that order.
func CheckOutputShareAtMost(metrics []outcome.Metric, maxShare decimal.Decimal) error {
	return checkOutputShare(metrics, maxShare).err()
}

// AssertOutputShareAtMost asserts that at most the share maxShare of the
// metrics are output-side, as [CheckOutputShareAtMost] does: the method
// finds that "Usually, the balance will be 80% output metrics". On failure
// it reports, to t, the share (in percent, to two places or as many more as
// it takes to show it above the limit), what it would take to come within
// the limit, and the output-side metrics:
//
//	Error:    3 of 5 KPIs (60%) measure outputs or the work behind them, above the limit of 50%
//	          expected: at most 50% of the KPIs measure outputs or the work behind them
//	          actual  : 60% (3 of 5); within the limit would take 1 output-side KPI fewer, or 1 outcome KPI more
//	Outputs:  "aht" (Average handle time, output, rewarded, owner "Front line")
//	          "calls-handled" (Calls handled, output, rewarded, owner "Front line")
//	          "first-time-response" (First-time response, output)
//
// It returns whether the assertion passed.
func AssertOutputShareAtMost(t TestingT, metrics []outcome.Metric, maxShare decimal.Decimal, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkOutputShare(metrics, maxShare), msgAndArgs)
}

// RequireOutputShareAtMost is [AssertOutputShareAtMost], and stops the test
// (t.FailNow) if it failed.
func RequireOutputShareAtMost(t TestingT, metrics []outcome.Metric, maxShare decimal.Decimal, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertOutputShareAtMost(t, metrics, maxShare, msgAndArgs...) {
		failNow(t)
	}
}

func checkOutputShare(metrics []outcome.Metric, maxShare decimal.Decimal) *failure {
	var badLimit error
	if maxShare.Sign() < 0 || cmpShare(maxShare, decimal.New(1, 0)) > 0 {
		badLimit = outcome.NewError(outcome.ErrInvalidThreshold, nil,
			"cxtest: output share limit %s is not a share in [0, 1]", msg.Decimal(maxShare))
	}
	r, err := outcome.Audit(metrics, outcome.AuditOptions{})
	if err := msg.Join(badLimit, err, duplicateIDs(metrics)); err != nil {
		return &failure{cause: err}
	}
	o, total := r.OutputSideCount(), r.Total()
	if maxShare.IsZero() {
		maxShare = decimal.Decimal{} // 0, whatever the exponent it was given with
	}
	if cmpShare(decimal.New(int64(o), 0), maxShare.Mul(decimal.New(int64(total), 0))) <= 0 {
		return nil
	}
	var outputs []outcome.Metric
	for _, m := range metrics {
		if !m.IsOutcome() {
			outputs = append(outputs, m)
		}
	}
	slices.SortStableFunc(outputs, func(a, b outcome.Metric) int { return strings.Compare(a.ID(), b.ID()) })

	pct := percentAbove(o, total, maxShare)
	lim := msg.Decimal(maxShare.Shift(2)) + "%"
	f := &failure{
		code: ErrOutputShare,
		ids:  make([]string, len(outputs)),
		summary: fmt.Sprintf("%d of %d %s (%s) %s outputs or the work behind them, above the limit of %s",
			o, total, plural(total, "KPI", "KPIs"), pct, plural(o, "measures", "measure"), lim),
		expected: "at most " + lim + " of the KPIs measure outputs or the work behind them",
		actual:   fmt.Sprintf("%s (%d of %d); within the limit would take %s", pct, o, total, remedy(o, total, maxShare)),
	}
	for i, m := range outputs {
		f.ids[i] = m.ID()
	}
	f.list("Outputs", len(outputs), func(i int) string { return metricRef(outputs[i]) })
	return f
}

// remedy says how many output-side KPIs fewer, or outcome KPIs more, would
// bring o output-side KPIs of total within the share limit: the least k with
// (o-k)/(total-k) <= limit, and the least k with o/(total+k) <= limit. It is
// called only when o/total is above the limit, so that limit < 1.
func remedy(o, total int, limit decimal.Decimal) string {
	fewerText := func(k int64) string {
		return fmt.Sprintf("%d output-side %s fewer", k, plural(int(k), "KPI", "KPIs"))
	}
	if limit.Sign() > 0 && adjusted(limit) < tinyShare {
		// L < 10^(a+1) <= 10^-39, below 1/total for any total: only k = o
		// output-side KPIs fewer makes (o-k)/(t-k) at most L; and o/L >
		// 10^(-a-1), so k >= o/L - t is above 10^(-a-2). Working the count
		// out would take time in proportion to -a.
		return fewerText(int64(o)) + fmt.Sprintf(", or more than 10^%d outcome KPIs more", -adjusted(limit)-2)
	}
	od, td := decimal.New(int64(o), 0), decimal.New(int64(total), 0)
	// (o-k)/(t-k) <= L  <=>  k >= (o - L*t) / (1 - L), for L < 1; k <= o.
	s := fewerText(ceilQuo(od.Sub(limit.Mul(td)), decimal.New(1, 0).Sub(limit)).IntPart())
	if limit.Sign() <= 0 {
		return s
	}
	// o/(t+k) <= L  <=>  k >= o/L - t: with L >= 10^-40, a number of at
	// most about 60 digits.
	more := ceilQuo(od, limit).Sub(td)
	kpis := "KPIs"
	if more.Equal(decimal.New(1, 0)) {
		kpis = "KPI"
	}
	return s + fmt.Sprintf(", or %s outcome %s more", decfmt.String(more), kpis)
}

// tinyShare is the adjusted exponent below which a share limit is tiny: at
// most 10^-40 · 10 = 10^-39, below 1/total for any count of KPIs.
const tinyShare = -40

// adjusted returns the exponent of d's leading digit: d is in [10^a,
// 10^(a+1)) in absolute value. It is the exponent for 0.
func adjusted(d decimal.Decimal) int64 {
	return int64(d.Exponent()) + int64(d.NumDigits()) - 1
}

// cmpShare compares a and b, both at least 0, as [decimal.Decimal.Cmp]
// does, but by their leading digits' exponents when those differ, so that a
// share written with a huge exponent (1e-10000000) is compared at once
// rather than by writing it out.
func cmpShare(a, b decimal.Decimal) int {
	switch {
	case a.IsZero() || b.IsZero():
		return a.Sign() - b.Sign()
	case adjusted(a) < adjusted(b):
		return -1
	case adjusted(a) > adjusted(b):
		return 1
	}
	return a.Cmp(b)
}

// ceilQuo returns the least integer at or above a/b, exactly, for a >= 0 and
// b > 0.
func ceilQuo(a, b decimal.Decimal) decimal.Decimal {
	q, r := a.QuoRem(b, 0)
	if r.Sign() > 0 {
		q = q.Add(decimal.New(1, 0))
	}
	return q
}

// percentAbove writes part/whole, a share above limit (a fraction), in
// percent, rounded half away from zero to two places, or to as many more as
// it takes for the number shown to be above the limit shown, without
// trailing zeros: "80%", "66.67%", and 1 of 3 above a limit of 33.33% is
// "33.333%", not "33.33%". The loop ends: the share is above the limit, so
// once its places are at least the limit's, rounding does not take it
// below the limit, and enough of them set it apart.
func percentAbove(part, whole int, limit decimal.Decimal) string {
	p, w, lim := decimal.New(int64(part)*100, 0), decimal.New(int64(whole), 0), limit.Shift(2)
	for places := int32(2); ; places++ {
		if s := p.DivRound(w, places); cmpShare(s, lim) > 0 {
			return decfmt.String(s) + "%"
		}
	}
}

// CheckNoRewardedOrphanOutputs checks that no rewarded metric is an orphan
// output: "if you pay people for doing dumb stuff they get really smart at
// it". The metrics examined are those given (the KPI portfolio) and those
// that the nodes of m carry; a metric given and carried, by ID, is examined
// once, as given.
//
// A rewarded orphan output is a metric that is rewarded and output-side (its
// declared level is a task, an activity or an output) and that has no line
// of sight to a successful customer outcome: no node of m that it measures
// (no node whose metric has its ID) reaches one. A rewarded output-side
// metric that no node of m measures is reported; with no rewarded
// output-side metric to examine, the check passes. This check goes by the
// declared level, which is the level of the nodes the metric measures, where
// the audit's [outcome.CodeRewardedOutput] goes by the catalogue's level when
// the catalogue knows the name: the audit also flags a rewarded NPS declared
// a successful customer outcome, and does not flag a rewarded first contact
// resolution declared an output, which this check reports if it is an
// orphan. [CheckRewardedKPIsAligned] examines every rewarded metric,
// whatever its level.
//
// It returns nil, or an *[outcome.Error] with code [ErrRewardedOrphanOutput]
// whose IDs are those metrics', sorted, and whose message names the first ten
// and says why each has no line of sight.
//
// The check cannot be made on the empty hierarchy (m.IsZero(), what a failed
// [hierarchy.Builder.Build] or decoding returns), whatever the metrics: that
// is an error with code [ErrEmptyHierarchy]. Each ID must name one
// definition, so that no metric goes unexamined behind another of its ID:
// the zero Metric in metrics is an error with code [outcome.ErrEmptyID];
// metrics that share an ID (which [outcome.Audit] reports as a
// [outcome.CodeDuplicateMetricID] finding of severity error) one with code
// [outcome.ErrDuplicateID], whose IDs are the shared IDs, sorted. The
// nodes' metrics are looked at whatever these three (the nodes that carry
// one ID carry one metric: [hierarchy.Builder.Build] refuses others): a
// node may carry a metric given only if the two are equal
// ([outcome.Metric.Equal]); each metric given once whose ID nodes carry
// with another definition is an error with code [outcome.ErrDuplicateID],
// whose IDs are the metric's and the first such node's, in the order of
// the metrics' IDs (the empty hierarchy has no nodes, a zero Metric no ID,
// and an ID given twice names no one metric to compare). One problem is
// the error itself; all of these are joined with [errors.Join], one level
// deep, in that order when more than one applies.
func CheckNoRewardedOrphanOutputs(m hierarchy.Model, metrics []outcome.Metric) error {
	return checkRewarded(m, metrics, orphanOutputs).err()
}

// AssertNoRewardedOrphanOutputs asserts that no rewarded metric is an orphan
// output, as [CheckNoRewardedOrphanOutputs] defines it. On failure it reports,
// to t, each rewarded orphan output and why it has no line of sight:
//
//	Error:    1 of 2 rewarded output-side metrics has no line of sight to a successful customer outcome
//	          expected: every rewarded output-side metric measures work that reaches a successful customer outcome
//	          actual  : 1 of 2 does
//	Orphans:  "aht" (Average handle time, output, rewarded, owner "Front line"): no node of the hierarchy is measured by it
//
// On the empty hierarchy, or with metrics it refuses, it reports that the
// assertion cannot be made, as [CheckNoRewardedOrphanOutputs] does. It
// returns whether the assertion passed.
func AssertNoRewardedOrphanOutputs(t TestingT, m hierarchy.Model, metrics []outcome.Metric, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkRewarded(m, metrics, orphanOutputs), msgAndArgs)
}

// RequireNoRewardedOrphanOutputs is [AssertNoRewardedOrphanOutputs], and
// stops the test (t.FailNow) if it failed.
func RequireNoRewardedOrphanOutputs(t TestingT, m hierarchy.Model, metrics []outcome.Metric, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertNoRewardedOrphanOutputs(t, m, metrics, msgAndArgs...) {
		failNow(t)
	}
}

// CheckRewardedKPIsAligned checks that every rewarded KPI, at any level,
// reaches a successful customer outcome: that each rewarded metric measures
// a node of m that reaches one (a node at the Successful Customer Outcome
// level is one, and so reaches one). Where [CheckNoRewardedOrphanOutputs]
// examines the rewarded outputs and the work behind them, this check also
// examines the rewarded business and customer outcomes: a sales team paid
// for upsell revenue that serves no customer outcome fails it, as does a
// rewarded metric that measures no node at all. The metrics examined are
// those given and those that the nodes of m carry, as
// [CheckNoRewardedOrphanOutputs] examines them, and are refused as it
// refuses them (the zero Metric, a shared ID, a node whose metric differs
// from another of its ID). The check cannot be made on the empty hierarchy
// (m.IsZero(), what a failed [hierarchy.Builder.Build] or decoding
// returns), whatever the metrics: that is an error with code
// [ErrEmptyHierarchy], joined before the metrics' errors as
// [CheckNoRewardedOrphanOutputs] joins it. A rewarded metric that no node
// of m measures fails; with no rewarded metric to examine, the check passes.
//
// It returns nil, or an *[outcome.Error] with code [ErrRewardedNotAligned]
// whose IDs are the rewarded metrics with no line of sight, sorted, and whose
// message names the first ten and says why each has none: it measures no
// node, or the node it measures contributes to nothing or reaches only nodes
// below the customer's outcomes.
func CheckRewardedKPIsAligned(m hierarchy.Model, metrics []outcome.Metric) error {
	return checkRewarded(m, metrics, rewardedKPIs).err()
}

// AssertRewardedKPIsAligned asserts that every rewarded metric measures a
// node that reaches a successful customer outcome, as
// [CheckRewardedKPIsAligned] does. On failure it reports, to t, each
// rewarded metric with no line of sight and why:
//
//	Error:    1 of 2 rewarded metrics has no line of sight to a successful customer outcome
//	          expected: every rewarded metric measures a node that is or reaches a successful customer outcome
//	          actual  : 1 of 2 does
//	Orphans:  "upsell" (Upsell revenue, business outcome, rewarded, owner "Sales"): it measures business outcome "upsell", which contributes to nothing
//
// On the empty hierarchy, or with metrics it refuses, it reports that the
// assertion cannot be made, as [CheckRewardedKPIsAligned] does. It returns
// whether the assertion passed.
func AssertRewardedKPIsAligned(t TestingT, m hierarchy.Model, metrics []outcome.Metric, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkRewarded(m, metrics, rewardedKPIs), msgAndArgs)
}

// RequireRewardedKPIsAligned is [AssertRewardedKPIsAligned], and stops the
// test (t.FailNow) if it failed.
func RequireRewardedKPIsAligned(t TestingT, m hierarchy.Model, metrics []outcome.Metric, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertRewardedKPIsAligned(t, m, metrics, msgAndArgs...) {
		failNow(t)
	}
}

// rewardedRule is a check that rewarded metrics have a line of sight to a
// successful customer outcome: which rewarded metrics it examines (by their
// levels), and how its failure names them.
type rewardedRule struct {
	code      outcome.Code
	examines  func(outcome.Level) bool
	one, many string // "rewarded output-side metric", "... metrics"
	expected  string
}

var (
	// orphanOutputs is [CheckNoRewardedOrphanOutputs]'s rule.
	orphanOutputs = rewardedRule{
		code:     ErrRewardedOrphanOutput,
		examines: func(l outcome.Level) bool { return !l.IsOutcome() },
		one:      "rewarded output-side metric", many: "rewarded output-side metrics",
		expected: "every rewarded output-side metric measures work that reaches a successful customer outcome",
	}
	// rewardedKPIs is [CheckRewardedKPIsAligned]'s rule.
	rewardedKPIs = rewardedRule{
		code:     ErrRewardedNotAligned,
		examines: func(outcome.Level) bool { return true },
		one:      "rewarded metric", many: "rewarded metrics",
		expected: "every rewarded metric measures a node that is or reaches a successful customer outcome",
	}
)

// checkRewarded checks rule on the metrics given and those the nodes of m
// carry, refusing them as [CheckNoRewardedOrphanOutputs] documents.
func checkRewarded(m hierarchy.Model, metrics []outcome.Metric, rule rewardedRule) *failure {
	refused := msg.Join(emptyHierarchy(m), zeroMetrics(metrics), duplicateIDs(metrics))

	// The metrics examined, each ID once: those given, then those the nodes
	// carry; and the nodes each measures. The nodes' metrics are compared
	// with those given also when the metrics are refused above, but for a
	// zero Metric, which has no ID, and an ID given twice, which is not one
	// metric to compare.
	defs := make(map[string]outcome.Metric, len(metrics))
	for _, x := range metrics {
		if !x.IsZero() {
			defs[x.ID()] = x
		}
	}
	twice := sharedIDs(metrics) // sorted
	measured := make(map[string][]hierarchy.Node)
	conflicts := make(map[string]*outcome.Error)
	for n := range m.Nodes() {
		x := n.Metric
		if x.IsZero() {
			continue
		}
		id := x.ID()
		measured[id] = append(measured[id], n)
		// The nodes that carry an ID carry the same metric: hierarchy's
		// Build refuses different ones. It may differ from the one given.
		d, ok := defs[id]
		switch {
		case !ok:
			defs[id] = x
		case !d.Equal(x) && conflicts[id] == nil && !given2(twice, id):
			conflicts[id] = outcome.NewError(outcome.ErrDuplicateID, []string{id, n.ID},
				"cxtest: metric %s on node %s differs from the metric %s given",
				quote(id), quote(n.ID), quote(id))
		}
	}
	if refused != nil || len(conflicts) > 0 {
		errs := make([]error, 0, len(conflicts)+1)
		errs = append(errs, refused)
		for _, id := range slices.Sorted(maps.Keys(conflicts)) {
			errs = append(errs, conflicts[id])
		}
		return &failure{cause: msg.Join(errs...)}
	}
	var rewarded []outcome.Metric
	for _, x := range defs {
		if x.Rewarded() && rule.examines(x.Level()) {
			rewarded = append(rewarded, x)
		}
	}
	slices.SortFunc(rewarded, func(a, b outcome.Metric) int { return cmp.Compare(a.ID(), b.ID()) })

	var orphans []outcome.Metric
	for _, x := range rewarded {
		aligned := false
		for _, n := range measured[x.ID()] {
			if ok, _ := m.Aligned(n.ID); ok {
				aligned = true
				break
			}
		}
		if !aligned {
			orphans = append(orphans, x)
		}
	}
	if len(orphans) == 0 {
		return nil
	}
	n, ok := len(rewarded), len(rewarded)-len(orphans)
	f := &failure{
		code: rule.code,
		ids:  make([]string, len(orphans)),
		summary: fmt.Sprintf("%d of %d %s %s no line of sight to a successful customer outcome",
			len(orphans), n, plural(n, rule.one, rule.many), plural(len(orphans), "has", "have")),
		expected: rule.expected,
		actual:   fmt.Sprintf("%d of %d %s", ok, n, plural(ok, "does", "do")),
	}
	for i, x := range orphans {
		f.ids[i] = x.ID()
	}
	f.list("Orphans", len(orphans), func(i int) string {
		x := orphans[i]
		nodes := measured[x.ID()]
		if len(nodes) == 0 {
			return metricRef(x) + ": no node of the hierarchy is measured by it"
		}
		s := fmt.Sprintf("%s: it measures %s, which %s", metricRef(x), nodeRef(nodes[0]), reach(m, nodes[0].ID))
		if len(nodes) > 1 {
			s += fmt.Sprintf(", and %d more %s", len(nodes)-1,
				plural(len(nodes)-1, "node that reaches none", "nodes that reach none"))
		}
		return s
	})
	return f
}

// metricRef names a metric in a failure: its ID, then its name, level,
// whether it is rewarded and its owner, e.g. `"aht" (Average handle time,
// output, rewarded, owner "North team")`.
func metricRef(x outcome.Metric) string {
	s := quote(x.ID()) + " (" + clip(x.Name()) + ", " + levelName(x.Level(), 1)
	if x.Rewarded() {
		s += ", rewarded"
	}
	if x.Owner() != "" {
		s += ", owner " + quote(x.Owner())
	}
	return s + ")"
}

// zeroMetrics returns an error with code [outcome.ErrEmptyID] that says how
// many zero Metrics metrics holds and names the first ten of their indexes,
// counting the rest ("and 990 more"), or nil if there are none.
func zeroMetrics(metrics []outcome.Metric) error {
	var zero []int
	for i, x := range metrics {
		if x.IsZero() {
			zero = append(zero, i)
		}
	}
	switch len(zero) {
	case 0:
		return nil
	case 1:
		return outcome.NewError(outcome.ErrEmptyID, nil, "cxtest: cannot check the zero Metric (at index %d)", zero[0])
	}
	at := make([]string, min(len(zero), maxListed))
	for k := range at {
		at[k] = strconv.Itoa(zero[k])
	}
	return outcome.NewError(outcome.ErrEmptyID, nil, "cxtest: cannot check %d zero Metrics (at indexes %s)",
		len(zero), words.List(at, len(zero)))
}

// duplicateIDs returns an error with code [outcome.ErrDuplicateID] whose IDs
// are the IDs that two or more of metrics share, sorted, or nil if there are
// none. The zero Metric defines no ID, and is left to [zeroMetrics].
func duplicateIDs(metrics []outcome.Metric) error {
	dups := sharedIDs(metrics)
	switch len(dups) {
	case 0:
		return nil
	case 1:
		return outcome.NewError(outcome.ErrDuplicateID, dups, "cxtest: more than one metric given has the ID %s", quote(dups[0]))
	}
	return outcome.NewError(outcome.ErrDuplicateID, dups, "cxtest: %d IDs are each given to more than one metric: %s",
		len(dups), quoteList(dups, maxListed))
}

// given2 reports whether id is among twice, IDs sorted.
func given2(twice []string, id string) bool {
	_, ok := slices.BinarySearch(twice, id)
	return ok
}

// sharedIDs returns the IDs that two or more of metrics share, sorted; the
// zero Metric defines no ID.
func sharedIDs(metrics []outcome.Metric) []string {
	ids := make([]string, 0, len(metrics))
	for _, x := range metrics {
		if !x.IsZero() {
			ids = append(ids, x.ID())
		}
	}
	slices.Sort(ids)
	var dups []string
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] && (len(dups) == 0 || dups[len(dups)-1] != ids[i]) {
			dups = append(dups, ids[i])
		}
	}
	return dups
}
