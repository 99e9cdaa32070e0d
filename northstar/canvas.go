package northstar

import (
	"errors"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// CanvasSpec is a Successful Customer Outcome Canvas as plain data: what a
// caller fills in, and the canvas's JSON form. [NewCanvas] validates it.
//
// One canvas describes one customer category: who the category is (defined
// by need, not by circumstance), how much it matters to the business, its
// needs stated SMART-ly, its successful outcomes and, for each outcome, the
// metrics that show it.
type CanvasSpec struct {
	// Category is the customer category's ID; see [outcome.ValidateID].
	Category string `json:"category"`
	// Name says who the category is, e.g. "Guests travelling for work".
	// Required.
	Name string `json:"name"`
	// Description is free text.
	Description string `json:"description,omitempty"`
	// Weight is the category's importance to the business, e.g. its share
	// of profit ("80% of profit comes from 20% of customers"). Weights are
	// normalised across the canvases of a selection, so they need not sum
	// to one. Not negative; zero is allowed but reported as a warning
	// ([ErrZeroCategoryWeight]). In JSON, a weight left out is zero, as in
	// a spec whose Weight is not set, and so is warned of too; null is
	// refused ([outcome.ErrInvalidJSON]).
	Weight decimal.Decimal `json:"weight"`
	// Needs are the category's needs, most important first. At least one.
	Needs []Need `json:"needs"`
	// Outcomes are the category's successful outcomes. At least one.
	Outcomes []SuccessfulOutcome `json:"outcomes"`
}

// Equal reports whether s and o are the same spec, field by field: the
// texts equal, the weight by value (1.0 equals 1.00), and the needs and the
// outcomes element by element, in order ([Need.Equal],
// [SuccessfulOutcome.Equal]). A nil list equals an empty one, as
// [CanvasSpec.MarshalJSON] writes both as []. It does not validate either
// spec: two drafts with the same problems are Equal.
func (s CanvasSpec) Equal(o CanvasSpec) bool {
	return s.Category == o.Category && s.Name == o.Name && s.Description == o.Description &&
		s.Weight.Equal(o.Weight) && slices.EqualFunc(s.Needs, o.Needs, Need.Equal) &&
		slices.EqualFunc(s.Outcomes, o.Outcomes, SuccessfulOutcome.Equal)
}

// Need is a customer category's need, stated SMART-ly: a statement, and the
// measure, target and time bound that make it Specific, Measurable and
// Time-bound. A need without a measure, a target or a time bound is not
// SMART; a canvas keeps it and reports it with a warning
// ([ErrNeedNotSMART]).
type Need struct {
	// ID identifies the need within its canvas; see [outcome.ValidateID].
	ID string `json:"id"`
	// Statement is the need in the customer's words, e.g. "a place to stay
	// that feels like home". Required.
	Statement string `json:"statement"`
	// Measure is how the need is measured: a metric's ID or free text.
	Measure string `json:"measure,omitempty"`
	// Target is the level that meets the need, e.g. "95% of stays rated 4
	// or more".
	Target string `json:"target,omitempty"`
	// TimeBound is when the target is to be met, e.g. "by the end of 2026".
	TimeBound string `json:"timeBound,omitempty"`
}

// Equal reports whether n and o are the same need, field by field: the
// same ID, statement, measure, target and time bound, each compared as
// text, byte for byte (white space counts, though [Need.Missing] reads text
// of white space only as missing).
func (n Need) Equal(o Need) bool {
	return n.ID == o.ID && n.Statement == o.Statement && n.Measure == o.Measure &&
		n.Target == o.Target && n.TimeBound == o.TimeBound
}

// Missing returns what the need lacks to be SMART, in the order "measure",
// "target", "time bound"; nil if it lacks nothing. Text that is only white
// space counts as missing.
func (n Need) Missing() []string {
	var out []string
	if strings.TrimSpace(n.Measure) == "" {
		out = append(out, "measure")
	}
	if strings.TrimSpace(n.Target) == "" {
		out = append(out, "target")
	}
	if strings.TrimSpace(n.TimeBound) == "" {
		out = append(out, "time bound")
	}
	return out
}

// IsSMART reports whether the need has a measure, a target and a time bound.
func (n Need) IsSMART() bool { return len(n.Missing()) == 0 }

// SuccessfulOutcome is a successful outcome of a customer category: what the
// customer achieves ("a stay that feels like home"), with the metrics that
// show whether they achieve it.
type SuccessfulOutcome struct {
	// ID identifies the outcome within its canvas; see [outcome.ValidateID].
	ID string `json:"id"`
	// Name is the outcome in words. Required.
	Name string `json:"name"`
	// Description is free text.
	Description string `json:"description,omitempty"`
	// Indicators are the metrics that show the outcome, each with its
	// importance within the category. At least one; a metric appears at
	// most once per outcome ([NewCanvas] reports each repeat, whatever the
	// metric's ID).
	Indicators []Indicator `json:"metrics"`
}

// Equal reports whether x and o are the same outcome, field by field: the
// same ID, name and description, and the same indicators in the same
// order, each with the same metric and an importance equal by value (1.0
// equals 1.00). A nil list of indicators equals an empty one, as
// [SuccessfulOutcome.MarshalJSON] writes both as [].
func (x SuccessfulOutcome) Equal(o SuccessfulOutcome) bool {
	return x.ID == o.ID && x.Name == o.Name && x.Description == o.Description &&
		slices.EqualFunc(x.Indicators, o.Indicators, Indicator.Equal)
}

// Indicator names a metric that shows a successful outcome, and its
// importance within the customer category. Importances are relative: a
// metric's share of its category is its importance (summed over the
// category's outcomes, if it shows several) divided by the sum of all the
// importances on the canvas.
type Indicator struct {
	// Metric is the metric's ID, as in [outcome.Metric.ID].
	Metric string `json:"metric"`
	// Importance is how much the metric matters within the category. Not
	// negative, and not zero for every metric of a canvas
	// ([ErrZeroWeights]). A metric of importance zero is listed, but the
	// category does not rely on it: it adds nothing to the metric's customer
	// coverage, and [Select]'s canvas gate says so if no other category
	// relies on it. In JSON, an importance left out is zero, as in an
	// Indicator whose Importance is not set; null is refused
	// ([outcome.ErrInvalidJSON]).
	Importance decimal.Decimal `json:"importance"`
}

// Equal reports whether i and o are the same indicator, field by field:
// the same metric ID, and the importances as decimals by value (1.0 equals
// 1.00, so an importance of 3.0 read back as 3 is the same).
func (i Indicator) Equal(o Indicator) bool {
	return i.Metric == o.Metric && i.Importance.Equal(o.Importance)
}

// Canvas is a validated Successful Customer Outcome Canvas: one customer
// category, its weight, its needs, its successful outcomes and the metrics
// that show them. Build one with [NewCanvas].
//
// Canvas is immutable and safe to copy and to use from several goroutines.
// The zero Canvas is not a valid canvas; [Canvas.IsZero] reports it.
type Canvas struct {
	spec    CanvasSpec
	metrics []canvasMetric
	// index maps each metric's ID to its position in metrics, for a canvas
	// of more than fewMetrics metrics (about 35 to 65 bytes per metric: a
	// map's slot and its slack; the ID's text is shared); nil for fewer,
	// which are searched.
	index    map[string]int
	warnings []*outcome.Error
}

// fewMetrics is the number of distinct metrics up to which a canvas finds a
// metric by searching its list (at least as fast as a map lookup at that
// size, measured, and nothing more to keep): beyond it, through its index.
const fewMetrics = 16

// canvasMetric is one distinct metric of a canvas: its summed importance and
// its share of the canvas's total importance.
type canvasMetric struct {
	id         string
	importance decimal.Decimal
	share      float64
}

// NewCanvas validates spec and returns the Canvas it defines. Every error is
// reported, in the order of the spec (one problem as the *[outcome.Error]
// itself, several joined with [errors.Join] in that order), each an
// *[outcome.Error] with its code: the IDs' ([outcome.ErrDuplicateID] for a
// need of the ID of a need before it, an outcome of the ID of an outcome
// before it, or a metric an outcome listed before, at each repeat, whatever
// the ID; else [outcome.ErrEmptyID] or [outcome.ErrInvalidID] for an ID
// [outcome.ValidateID] refuses: so what is wrong with an ID is said once,
// at its first listing, and each later listing of it is a repeat, as in
// [Select]'s Drives; a metric listed by two outcomes is no repeat, and an
// invalid one is said in each), [outcome.ErrEmptyName] for a
// canvas or an outcome with no name, [ErrNegativeWeight] and
// [ErrWeightOutOfRange] for the weight or an importance, [ErrEmptyCanvas] for
// no needs or no outcomes, [ErrEmptyNeed], [ErrOutcomeUnmeasured],
// [ErrZeroWeights] when every importance is zero, and
// [outcome.ErrInvalidText] for free text that is not valid UTF-8 (the
// canvas's name and description, a need's statement, measure, target and
// time bound, an outcome's name and description), which JSON could not carry
// unchanged. An error about a need or an outcome has the category's ID and
// the need's or outcome's among its IDs. A repeated need, outcome or metric
// is still checked in all else (a need's statement, an importance), each
// listing once: two listings with one problem say it in the same words.
//
// Needs that are not SMART and a zero weight do not block: they are reported
// by [Canvas.Warnings].
func NewCanvas(spec CanvasSpec) (Canvas, error) {
	c, errs := newCanvas(spec, nil, nil)
	if len(errs) > 0 {
		return Canvas{}, msg.Join(errs...)
	}
	return c, nil
}

// newCanvas is NewCanvas for a spec decoded from JSON: faults holds each
// weight or importance that could not be read, reported in its place
// instead of the value's checks, and unread the parts that could not be
// read, whose checks are not made (as [Canvas.UnmarshalJSON] says); nil
// for none. It returns the canvas, or its problems, one by one, in
// NewCanvas's order, for the caller to join after its own.
func newCanvas(spec CanvasSpec, faults amountFaults, unread *unreadParts) (Canvas, []error) {
	var errs []error
	var warns []*outcome.Error
	cat := spec.Category
	if err := checkID(cat, []string{cat}, "canvas id"); err != nil {
		errs = append(errs, err)
	}
	ids := []string{cat}
	if strings.TrimSpace(spec.Name) == "" {
		errs = append(errs, newError(outcome.ErrEmptyName, ids,
			"northstar: canvas %q has no name (who the category is)", clip(cat)))
	}
	errs = appendTextErrors(errs, ids, "canvas "+quote(cat), "name", spec.Name, "description", spec.Description)
	if f, bad := faults[weightAt]; bad {
		errs = append(errs, weightNotDecimal(cat, f))
	} else if err := checkAmount(spec.Weight, ids, "canvas %q: weight", clip(cat)); err != nil {
		errs = append(errs, err)
	} else if spec.Weight.IsZero() {
		warns = append(warns, warning(ErrZeroCategoryWeight, ids,
			"northstar: canvas %q has weight zero, so it counts for nothing", clip(cat)))
	}

	if len(spec.Needs) == 0 && !unread.needsUnread() {
		errs = append(errs, newError(ErrEmptyCanvas, ids, "northstar: canvas %q states no needs", clip(cat)))
	}
	seen := make(map[string]bool, len(spec.Needs))
	for i, n := range spec.Needs {
		if unread.needUnread(i) {
			continue
		}
		nids := []string{cat, n.ID}
		// An ID that repeats one before it is a repeat, whatever it is:
		// what is wrong with it was said at its first listing, once.
		if seen[n.ID] {
			errs = append(errs, newError(outcome.ErrDuplicateID, nids,
				"northstar: canvas %q: duplicate need id %q", clip(cat), clip(n.ID)))
		} else if err := checkID(n.ID, nids, "canvas %q: need id", clip(cat)); err != nil {
			errs = append(errs, err)
		}
		seen[n.ID] = true
		if strings.TrimSpace(n.Statement) == "" {
			errs = append(errs, newError(ErrEmptyNeed, nids,
				"northstar: canvas %q: need %q has no statement", clip(cat), clip(n.ID)))
		}
		texts := needTexts(n)
		errs = appendTextErrors(errs, nids, "canvas "+quote(cat)+": need "+quote(n.ID), texts[:]...)
		if missing := n.Missing(); len(missing) > 0 {
			warns = append(warns, warning(ErrNeedNotSMART, nids,
				"northstar: canvas %q: need %q is not SMART: it has no %s", clip(cat), clip(n.ID), strings.Join(missing, ", no ")))
		}
	}

	if len(spec.Outcomes) == 0 && !unread.outcomesUnread() {
		errs = append(errs, newError(ErrEmptyCanvas, ids, "northstar: canvas %q has no successful outcomes", clip(cat)))
	}
	clear(seen)
	var metrics []canvasMetric
	index := make(map[string]int) // metric ID -> index in metrics
	var lastOutcome []int         // per metric: the last outcome that listed it
	total := decimal.Zero
	totalOK := !unread.outcomesUnread() // the importances unread are not all zero
	for oi, o := range spec.Outcomes {
		if unread.outcomeUnread(oi) {
			totalOK = false
			continue
		}
		oids := []string{cat, o.ID}
		if seen[o.ID] { // a repeat, whatever the ID, as a need's
			errs = append(errs, newError(outcome.ErrDuplicateID, oids,
				"northstar: canvas %q: duplicate outcome id %q", clip(cat), clip(o.ID)))
		} else if err := checkID(o.ID, oids, "canvas %q: outcome id", clip(cat)); err != nil {
			errs = append(errs, err)
		}
		seen[o.ID] = true
		if strings.TrimSpace(o.Name) == "" {
			errs = append(errs, newError(outcome.ErrEmptyName, oids,
				"northstar: canvas %q: outcome %q has no name", clip(cat), clip(o.ID)))
		}
		texts := outcomeTexts(o)
		errs = appendTextErrors(errs, oids, "canvas "+quote(cat)+": outcome "+quote(o.ID), texts[:]...)
		if unread.metricsUnread(oi) {
			totalOK = false
		} else if len(o.Indicators) == 0 {
			errs = append(errs, newError(ErrOutcomeUnmeasured, oids,
				"northstar: canvas %q: outcome %q has no metric that shows it", clip(cat), clip(o.ID)))
		}
		for ii, ind := range o.Indicators {
			if unread.indicatorUnread(oi, ii) {
				totalOK = false
				continue
			}
			mids := []string{cat, o.ID, ind.Metric}
			// A metric the outcome listed before is a repeat, whatever its
			// ID, as a need's; one that other outcomes list is not.
			j, known := index[ind.Metric]
			if known && lastOutcome[j] == oi {
				errs = append(errs, newError(outcome.ErrDuplicateID, mids,
					"northstar: canvas %q: outcome %q lists metric %q twice", clip(cat), clip(o.ID), clip(ind.Metric)))
			} else if err := checkID(ind.Metric, mids, "canvas %q: outcome %q: metric id", clip(cat), clip(o.ID)); err != nil {
				errs = append(errs, err)
			}
			if !known {
				j = len(metrics)
				index[ind.Metric] = j
				metrics = append(metrics, canvasMetric{id: ind.Metric, importance: decimal.Zero})
				lastOutcome = append(lastOutcome, oi)
			}
			lastOutcome[j] = oi
			if f, bad := faults[[2]int{oi, ii}]; bad {
				errs = append(errs, importanceNotDecimal(cat, o.ID, ind.Metric, f))
				totalOK = false
				continue
			}
			if err := checkAmount(ind.Importance, mids, "canvas %q: outcome %q: metric %q: importance",
				clip(cat), clip(o.ID), clip(ind.Metric)); err != nil {
				errs = append(errs, err)
				totalOK = false
				continue
			}
			total = total.Add(ind.Importance)
			metrics[j].importance = metrics[j].importance.Add(ind.Importance)
		}
	}
	if totalOK && len(metrics) > 0 && total.IsZero() {
		errs = append(errs, newError(ErrZeroWeights, ids,
			"northstar: canvas %q: every metric has importance zero", clip(cat)))
	}
	if len(errs) > 0 {
		return Canvas{}, errs
	}
	tf := toFloat(total)
	for i := range metrics {
		metrics[i].share = toFloat(metrics[i].importance) / tf
	}
	if len(metrics) <= fewMetrics {
		index = nil
	}
	return Canvas{spec: cloneSpec(spec), metrics: metrics, index: index, warnings: warns}, nil
}

// MustCanvas is like [NewCanvas] but panics if spec is invalid. It is meant
// for canvases written as literals in programs and tests.
func MustCanvas(spec CanvasSpec) Canvas {
	c, err := NewCanvas(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// Category returns the customer category's ID.
func (c Canvas) Category() string { return c.spec.Category }

// Name returns who the category is.
func (c Canvas) Name() string { return c.spec.Name }

// Description returns the canvas's description, or "".
func (c Canvas) Description() string { return c.spec.Description }

// Weight returns the category's weight, as given (not normalised).
func (c Canvas) Weight() decimal.Decimal { return c.spec.Weight }

// Needs returns a copy of the category's needs, in the order given.
func (c Canvas) Needs() []Need { return slices.Clone(c.spec.Needs) }

// Outcomes returns a copy of the category's successful outcomes, in the
// order given.
func (c Canvas) Outcomes() []SuccessfulOutcome { return cloneOutcomes(c.spec.Outcomes) }

// Metrics yields each distinct metric ID on the canvas with its importance
// in the category (summed over the outcomes it shows), in the order each
// first appears.
func (c Canvas) Metrics() iter.Seq2[string, decimal.Decimal] {
	return func(yield func(string, decimal.Decimal) bool) {
		for _, m := range c.metrics {
			if !yield(m.id, m.importance) {
				return
			}
		}
	}
}

// Importance returns the metric's importance in the category, summed over
// the outcomes it shows, and whether the canvas uses the metric at all
// (decimal.Zero and false if not, and for the zero Canvas). The metric is
// found by its exact ID, in constant time (expected): a canvas of more than
// 16 metrics indexes them when it is made, and one of 16 or fewer searches
// them.
func (c Canvas) Importance(metric string) (decimal.Decimal, bool) {
	if m, ok := c.metric(metric); ok {
		return m.importance, true
	}
	return decimal.Zero, false
}

// Share returns the metric's share of the category's importance, between 0
// and 1: its importance divided by the sum of every importance on the
// canvas; 0 if the canvas does not use it (and for the zero Canvas). It is
// the statistic [Select] aggregates across categories, so it is a float64.
// The metric is found as [Canvas.Importance] finds it.
func (c Canvas) Share(metric string) float64 {
	m, _ := c.metric(metric)
	return m.share
}

// metric returns the canvas's metric of the exact ID id, and whether it
// has one: through the index, or, for a canvas of at most fewMetrics
// metrics (which has none), by searching its list.
func (c Canvas) metric(id string) (canvasMetric, bool) {
	if c.index == nil {
		for _, m := range c.metrics {
			if m.id == id {
				return m, true
			}
		}
		return canvasMetric{}, false
	}
	j, ok := c.index[id]
	if !ok {
		return canvasMetric{}, false
	}
	return c.metrics[j], true
}

// NonSMART returns a copy of the needs that are not SMART, in order.
func (c Canvas) NonSMART() []Need {
	var out []Need
	for _, n := range c.spec.Needs {
		if !n.IsSMART() {
			out = append(out, n)
		}
	}
	return out
}

// Warnings returns the problems that did not block the canvas, each an
// *[outcome.Error] with severity [outcome.SeverityWarning]: a zero weight
// ([ErrZeroCategoryWeight]) and each need that is not SMART
// ([ErrNeedNotSMART]), in that order. It returns new errors in a new slice
// (nil if there are none), which the caller owns: changing them changes
// neither the canvas nor what it reports later.
func (c Canvas) Warnings() []*outcome.Error { return appendProblems(nil, c.warnings) }

// appendProblems appends to dst a copy of each of ps, its IDs copied too,
// so that what a caller is given shares nothing with a value that others
// may read. A problem's cause (its Err) is an error value, shared as is.
func appendProblems(dst, ps []*outcome.Error) []*outcome.Error {
	if len(ps) == 0 {
		return dst
	}
	copies := make([]outcome.Error, len(ps))
	for i, p := range ps {
		copies[i] = *p
		copies[i].IDs = slices.Clone(p.IDs)
		dst = append(dst, &copies[i])
	}
	return dst
}

// Spec returns the canvas's definition as plain data (a deep copy);
// NewCanvas(c.Spec()) returns a Canvas equal to c.
func (c Canvas) Spec() CanvasSpec { return cloneSpec(c.spec) }

// IsZero reports whether c is the zero Canvas.
func (c Canvas) IsZero() bool { return c.spec.Category == "" }

// Equal reports whether c and o define the same canvas: specs that are
// Equal ([CanvasSpec.Equal]): the same fields, the same needs and outcomes
// in the same order, and weights and importances that are numerically
// equal (so 0.5 equals 0.50). What a canvas works out from its spec (each
// metric's summed importance and share, its warnings) follows from the
// spec, so it is not compared.
func (c Canvas) Equal(o Canvas) bool { return c.spec.Equal(o.spec) }

func cloneSpec(s CanvasSpec) CanvasSpec {
	s.Needs = slices.Clone(s.Needs)
	s.Outcomes = cloneOutcomes(s.Outcomes)
	return s
}

func cloneOutcomes(os []SuccessfulOutcome) []SuccessfulOutcome {
	os = slices.Clone(os)
	for i := range os {
		os[i].Indicators = slices.Clone(os[i].Indicators)
	}
	return os
}

// appendTextErrors appends an error with code [outcome.ErrInvalidText] for
// each free text that is not valid UTF-8, which JSON would change (it writes
// U+FFFD for each bad byte); fields alternate a field's name and its text.
// Each error gets its own copy of ids ([newError]).
func appendTextErrors(errs []error, ids []string, where string, fields ...string) []error {
	for i := 0; i+1 < len(fields); i += 2 {
		if !utf8.ValidString(fields[i+1]) {
			errs = append(errs, newError(outcome.ErrInvalidText, ids,
				"northstar: %s has a %s that is not valid UTF-8: %q", where, fields[i], clip(fields[i+1])))
		}
	}
	return errs
}

// appendIDTextError appends an error with code [outcome.ErrInvalidText] if
// id, the ID by which where names a need, an outcome, a metric or a canvas,
// is not valid UTF-8, which JSON would change as [appendTextErrors] says:
// `northstar: need "h\xff" has an id that is not valid UTF-8`. Each error
// gets its own copy of ids ([newError]).
func appendIDTextError(errs []error, ids []string, where, id string) []error {
	if !utf8.ValidString(id) {
		errs = append(errs, newError(outcome.ErrInvalidText, ids, "northstar: %s has an id that is not valid UTF-8", where))
	}
	return errs
}

// needTexts returns the free texts of n, in the form [appendTextErrors]
// takes (each field's name as a message says it, then its text), in
// order: statement, measure, target, time bound. It is the one list of
// them that [NewCanvas], [needTextErrors] and [needTextValid] check.
func needTexts(n Need) [8]string {
	return [8]string{"statement", n.Statement, "measure", n.Measure, "target", n.Target, "time bound", n.TimeBound}
}

// outcomeTexts returns the free texts of o as [needTexts] returns a need's:
// name, description.
func outcomeTexts(o SuccessfulOutcome) [4]string {
	return [4]string{"name", o.Name, "description", o.Description}
}

// needTextErrors appends the errors of [appendIDTextError] and
// [appendTextErrors] for each text of n, which where names, that is not
// valid UTF-8: its ID (unless idSaid: the ID's problem was said already,
// of a need before it), then its free texts ([needTexts]: statement,
// measure, target and time bound), in that order, the free text in
// [NewCanvas]'s words.
func needTextErrors(errs []error, ids []string, where string, n Need, idSaid bool) []error {
	if !idSaid {
		errs = appendIDTextError(errs, ids, where, n.ID)
	}
	texts := needTexts(n)
	return appendTextErrors(errs, ids, where, texts[:]...)
}

// outcomeTextErrors appends the errors of [appendIDTextError] and
// [appendTextErrors] for each text of o, which where names, that is not
// valid UTF-8: its ID (unless idSaid, as [needTextErrors] says), then its
// free texts ([outcomeTexts]: name and description), in [NewCanvas]'s
// words, then each indicator's metric ID, in order, once, at its first
// listing (a metric listed again is a repeat, which NewCanvas reports but
// marshalling does not: the text is not said again), with the metric's ID
// after ids: `northstar: outcome "stay" has a metric id that is not valid
// UTF-8: "m\xff"`. The IDs said are found again through a map made for the
// first of them.
func outcomeTextErrors(errs []error, ids []string, where string, o SuccessfulOutcome, idSaid bool) []error {
	if !idSaid {
		errs = appendIDTextError(errs, ids, where, o.ID)
	}
	texts := outcomeTexts(o)
	errs = appendTextErrors(errs, ids, where, texts[:]...)
	var said map[string]bool
	for _, ind := range o.Indicators {
		if utf8.ValidString(ind.Metric) || said[ind.Metric] {
			continue
		}
		if said == nil {
			said = make(map[string]bool)
		}
		said[ind.Metric] = true
		errs = appendTextErrors(errs, append(ids[:len(ids):len(ids)], ind.Metric), where, "metric id", ind.Metric)
	}
	return errs
}

// validText reports whether every text is valid UTF-8.
func validText(texts ...string) bool {
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return false
		}
	}
	return true
}

// validFields reports whether every text of fields, which alternate a
// field's name and its text as [appendTextErrors] takes them, is valid
// UTF-8, so that appendTextErrors has nothing to say of them.
func validFields(fields []string) bool {
	for i := 1; i < len(fields); i += 2 {
		if !utf8.ValidString(fields[i]) {
			return false
		}
	}
	return true
}

// needTextValid reports whether every text of n is valid UTF-8, so that
// [needTextErrors] has nothing to say of it: its ID and its free texts
// ([needTexts]). It builds no words.
func needTextValid(n Need) bool {
	texts := needTexts(n)
	return utf8.ValidString(n.ID) && validFields(texts[:])
}

// outcomeTextValid reports whether every text of o is valid UTF-8, so that
// [outcomeTextErrors] has nothing to say of it: its ID, its free texts
// ([outcomeTexts]) and its indicators' metric IDs. It builds no words.
func outcomeTextValid(o SuccessfulOutcome) bool {
	for _, ind := range o.Indicators {
		if !utf8.ValidString(ind.Metric) {
			return false
		}
	}
	texts := outcomeTexts(o)
	return utf8.ValidString(o.ID) && validFields(texts[:])
}

// canvasTextErrors returns an error with code [outcome.ErrInvalidText] for
// each text of s that is not valid UTF-8, in the order of the spec: the
// category, name and description, each need's texts ([needTextErrors]),
// each outcome's ([outcomeTextErrors]), each said, and with the IDs given,
// as [NewCanvas] says a free text's problem. A need's ID is said once, at
// the first need of that ID (a need of the ID of one before it is a
// repeat, which NewCanvas reports but marshalling does not), and so is an
// outcome's, among the outcomes.
func canvasTextErrors(s CanvasSpec) []error {
	if validText(s.Category, s.Name, s.Description) &&
		!slices.ContainsFunc(s.Needs, func(n Need) bool { return !needTextValid(n) }) &&
		!slices.ContainsFunc(s.Outcomes, func(o SuccessfulOutcome) bool { return !outcomeTextValid(o) }) {
		return nil
	}
	cat := s.Category
	ids := []string{cat}
	where := "canvas " + quote(cat)
	errs := appendIDTextError(nil, ids, where, cat)
	errs = appendTextErrors(errs, ids, where, "name", s.Name, "description", s.Description)
	said := make(map[string]bool) // the IDs not valid UTF-8 said, of needs, then of outcomes
	saidBefore := func(id string) bool {
		if utf8.ValidString(id) {
			return false
		}
		before := said[id]
		said[id] = true
		return before
	}
	for _, n := range s.Needs {
		if !needTextValid(n) {
			errs = needTextErrors(errs, []string{cat, n.ID}, where+": need "+quote(n.ID), n, saidBefore(n.ID))
		}
	}
	clear(said)
	for _, o := range s.Outcomes {
		if !outcomeTextValid(o) {
			errs = outcomeTextErrors(errs, []string{cat, o.ID}, where+": outcome "+quote(o.ID), o, saidBefore(o.ID))
		}
	}
	return errs
}

// named returns how a problem of a part read or written on its own names
// it, what and its ID (`need "home"`), or, without an ID, "a " or "an "
// and what ("a need"); and the problem's IDs: the ID, or none.
func named(what, id string) (string, []string) {
	if id == "" {
		return withArticleText(what), nil
	}
	return what + " " + quote(id), []string{id}
}

// checkID validates id with [outcome.ValidateID] and restates a problem in
// this package's words: "northstar: <where>: <problem>".
func checkID(id string, ids []string, where string, args ...any) error {
	err := outcome.ValidateID(id)
	if err == nil {
		return nil
	}
	var e *outcome.Error
	if !errors.As(err, &e) {
		return err
	}
	text := strings.TrimPrefix(e.Message, "outcome: ")
	return newError(e.Code, ids, "northstar: "+where+": %s", append(args, text)...)
}

// The bounds of the decimals this package computes with.
const (
	maxIntDigits  = 15 // magnitude below 10^15
	maxFracDigits = 30 // at most 30 digits after the decimal point
)

// checkAmount reports a weight, importance or rating that is negative
// ([ErrNegativeWeight]) or out of range ([ErrWeightOutOfRange]).
func checkAmount(d decimal.Decimal, ids []string, where string, args ...any) error {
	if !inRange(d) {
		return newError(ErrWeightOutOfRange, ids,
			"northstar: "+where+" %s is out of range (less than 10^15, at most 30 decimal places)",
			append(args, decText(d))...)
	}
	if d.IsNegative() {
		return newError(ErrNegativeWeight, ids, "northstar: "+where+" %s is negative", append(args, decfmt.String(d))...)
	}
	return nil
}

// inRange reports whether d is within the bounds this package computes
// with. It never builds a large number, whatever d's exponent.
func inRange(d decimal.Decimal) bool {
	exp := d.Exponent()
	switch {
	case exp < -maxFracDigits:
		return false
	case d.IsZero():
		return true
	case exp > maxIntDigits:
		return false
	}
	return d.NumDigits()+int(exp) <= maxIntDigits
}

// decText formats d for a message: its decimal form when in range, or its
// coefficient and exponent (clipped) when printing it in full could be huge.
func decText(d decimal.Decimal) string {
	if inRange(d) {
		return decfmt.String(d)
	}
	return clip(d.Coefficient().String()) + "e" + strconv.Itoa(int(d.Exponent()))
}

// toFloat returns d as a float64, without allocating in the common case: a
// coefficient of at most 15 digits (exact as a float64) and an exponent from
// -22 to 22 (10^|exp| exact as a float64) give one correctly rounded
// multiplication or division; anything else goes through decimal's own
// conversion.
func toFloat(d decimal.Decimal) float64 {
	exp := int(d.Exponent())
	if exp < -22 || exp > 22 || d.NumDigits() > 15 {
		return d.InexactFloat64()
	}
	c := float64(d.CoefficientInt64())
	if exp < 0 {
		return c / math.Pow10(-exp)
	}
	return c * math.Pow10(exp)
}
