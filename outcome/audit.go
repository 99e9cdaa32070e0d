package outcome

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/internal/words"
	"github.com/shopspring/decimal"
)

// The codes of the findings of [Audit]. A finding is not an error in the
// input: it is what the audit says of a valid portfolio, so these codes start
// with Code rather than Err. Like every [Code], they are stable and unique
// across the module.
const (
	// CodeEmptyPortfolio: the portfolio has no KPIs, so there is nothing to
	// audit. It is the only finding of an empty portfolio. Severity warning.
	CodeEmptyPortfolio Code = "empty-portfolio"
	// CodeOutputHeavy: the share of output-side KPIs (outputs, and the tasks
	// and activities that make them) is at or above the threshold of
	// [AuditOptions.OutputHeavyThreshold]. The method: "Are they mostly about
	// outputs? Usually, the balance will be 80% output metrics". Severity
	// warning.
	CodeOutputHeavy Code = "output-heavy"
	// CodeNoCustomerOutcomeMeasure: no KPI measures a successful customer
	// outcome, so the portfolio cannot show whether customers achieve what
	// they came for. A KPI measures one if the catalogue ([Classify])
	// classifies its name as a [CustomerOutcome], or, if the catalogue does
	// not know the name, if it is declared one: a KPI declared one whose
	// name the catalogue, after the method, classifies as an output (NPS,
	// say, which the method holds "retrospective and subjective") or as a
	// business outcome does not count, and the finding lists every such KPI
	// with the catalogue's classification ([Finding.Catalogues]); a KPI
	// declared at another level whose name the catalogue classifies as one
	// (first contact resolution declared an output, say) counts. Severity
	// error.
	CodeNoCustomerOutcomeMeasure Code = "no-customer-outcome-measure"
	// CodeRewardedOutput: an output-side KPI is tied to a reward. The method:
	// "if you pay people for doing dumb stuff they get really smart at it".
	// A KPI is output-side here if the catalogue ([Classify]) classifies its
	// name as a task, an activity or an output, or, if the catalogue does not
	// know the name, if it is declared one: declaring a rewarded output an
	// outcome does not hide it, and declaring an outcome an output (first
	// contact resolution, say) does not make it one. One finding per such
	// metric. Severity error.
	CodeRewardedOutput Code = "rewarded-output"
	// CodeLevelContradictsCatalogue: a metric's declared level is not the level
	// the catalogue of well-known KPIs ([Classify]) gives its name. One finding
	// per such metric. Severity warning.
	CodeLevelContradictsCatalogue Code = "level-contradicts-catalogue"
	// CodeDuplicateMetricID: two or more metrics of the portfolio share an ID.
	// One finding per shared ID. Severity error.
	CodeDuplicateMetricID Code = "duplicate-metric-id"
	// CodeUnclassifiedMetric: metrics whose names the catalogue does not know,
	// so that their declared levels cannot be checked. One finding listing
	// them all. It is informational, and has severity warning.
	CodeUnclassifiedMetric Code = "unclassified-metric"
)

// DefaultOutputHeavyThreshold is the output-heavy threshold that [Audit] uses
// when [AuditOptions] leaves it unset. It is the library's default, taken
// from the balance the method says is usual, not a line the method draws:
// the method asks "Are they mostly about outputs? Usually, the balance will
// be 80% output metrics", so 80% is the balance it expects to find, and the
// default reports a portfolio at or above it. A stricter reading of
// "mostly", such as half or more, is a lower threshold, set with
// [AuditOptions.WithOutputHeavyThreshold]: at 0.5, three outputs of four
// KPIs (75%), mostly outputs but below the default, are output-heavy.
const DefaultOutputHeavyThreshold = 0.8

// AuditSharePlaces is the number of decimal places of a share in an
// [AuditReport] whose exact value has no finite decimal expansion (6/7, say,
// is 0.8571). Shares that have one (4/5 = 0.8, 1/8 = 0.125) are exact.
const AuditSharePlaces = 4

// AuditOptions configures [Audit]. The zero AuditOptions is the default: an
// output-heavy threshold of [DefaultOutputHeavyThreshold].
//
// AuditOptions is immutable: its With methods return a changed copy. It is
// comparable with ==. Options are a definition, stored next to the
// portfolio they audit: they round-trip through JSON
// ([AuditOptions.MarshalJSON]), and decoding validates them as Audit does.
type AuditOptions struct {
	threshold    float64
	hasThreshold bool
}

// WithOutputHeavyThreshold returns a copy of o whose output-heavy threshold is
// share, a share in [0, 1]: the audit reports [CodeOutputHeavy] when the share
// of output-side KPIs is at or above it. Any share is kept as given, 0
// included (with 0, any output-side KPI makes the portfolio output-heavy);
// [Audit] refuses a share that is NaN, infinite or outside [0, 1].
func (o AuditOptions) WithOutputHeavyThreshold(share float64) AuditOptions {
	o.threshold, o.hasThreshold = share, true
	return o
}

// OutputHeavyThreshold returns the threshold set by
// [AuditOptions.WithOutputHeavyThreshold], or [DefaultOutputHeavyThreshold]
// if none was set.
func (o AuditOptions) OutputHeavyThreshold() float64 {
	if !o.hasThreshold {
		return DefaultOutputHeavyThreshold
	}
	return o.threshold
}

// validate reports every problem of o, or nil.
func (o AuditOptions) validate() error {
	t := o.OutputHeavyThreshold()
	if math.IsNaN(t) || math.IsInf(t, 0) || t < 0 || t > 1 {
		return NewError(ErrInvalidThreshold, nil,
			"outcome: output-heavy threshold %v is not a share in [0, 1]", t)
	}
	return nil
}

// auditOptionsFields are the JSON names of the fields of [AuditOptions].
var auditOptionsFields = []string{"outputHeavyThreshold"}

// MarshalJSON implements [json.Marshaler]: the threshold set by
// [AuditOptions.WithOutputHeavyThreshold] as a decimal string, the shortest
// decimal that reads back as the same float64, which is the decimal the
// audit compares with ([Audit]) and the form in which
// [AuditReport.MarshalJSON] writes the threshold it used:
// {"outputHeavyThreshold":"0.5"}. The zero AuditOptions, the default
// ([DefaultOutputHeavyThreshold]), which is not written down, is {}.
// Options that Audit refuses, with a threshold that is NaN, infinite or
// outside [0, 1], are not marshalled: an *[Error] with code
// [ErrInvalidThreshold].
func (o AuditOptions) MarshalJSON() ([]byte, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	if !o.hasThreshold {
		return []byte("{}"), nil
	}
	return json.Marshal(struct {
		Threshold string `json:"outputHeavyThreshold"`
	}{decfmt.String(decimal.NewFromFloat(o.threshold))})
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form
// [AuditOptions.MarshalJSON] writes: {"outputHeavyThreshold":"t"} sets the
// threshold to t, a decimal string (or a JSON number), read as the nearest
// float64, as WithOutputHeavyThreshold does; {} is the zero AuditOptions,
// the default. A threshold that is null is refused, as a value of the wrong
// type, below, not read as the default. It refuses what [Audit]
// refuses, and compares the threshold with 0 and 1 as written, before it is
// read as a float64: a threshold outside [0, 1] ("1e400", beyond float64,
// included, and "1.0000000000000000001" and "-1e-400", though they round to
// 1 and -0), or a string that names NaN or an infinity, is an *[Error] with
// code [ErrInvalidThreshold] that quotes the threshold as written.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *Error with code [ErrInvalidJSON]: a key
// that names no field, a field given twice and a threshold that is neither a
// decimal string (in the syntax of a JSON number) nor a number, null included
// (`outcome: audit options: "outputHeavyThreshold" must be a decimal string
// or a number, not null`), which is then not checked again; then the
// threshold's. JSON that is not one object is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole options, with no ID:
// `outcome: audit options cannot be null`, as [Metric.UnmarshalJSON] refuses
// null. On error o is unchanged.
func (o *AuditOptions) UnmarshalJSON(data []byte) error {
	return decodeObject(data, o, "audit options", "audit options", decodeAuditOptions)
}

// decodeAuditOptions reads the members of the JSON object of [AuditOptions]
// into j, as [AuditOptions.UnmarshalJSON] documents.
func decodeAuditOptions(j *jsonForm, members []strictjson.Member) AuditOptions {
	var o AuditOptions
	j.each(members, auditOptionsFields, func(f int, raw json.RawMessage) {
		text := string(bytes.TrimSpace(raw))
		if raw[0] == '"' {
			_ = json.Unmarshal(raw, &text) // a well-formed string
		}
		if !isJSONNumberText(text) {
			if t, err := strconv.ParseFloat(text, 64); raw[0] == '"' && err == nil && (math.IsNaN(t) || math.IsInf(t, 0)) {
				j.check(NewError(ErrInvalidThreshold, nil, "outcome: output-heavy threshold %q is not a share in [0, 1]", text))
				return
			}
			j.wrongType(nil, auditOptionsFields[f], "a decimal string or a number", raw)
			return
		}
		// The text is compared with 0 and 1 as written: read as a float64
		// first, 1.0000000000000000001 would be 1 and -1e-400 -0, both
		// accepted, and 1.00000000000000012 said to be 1.0000000000000002.
		if !isUnitDecimalText(text) {
			j.check(NewError(ErrInvalidThreshold, nil,
				"outcome: output-heavy threshold %s is not a share in [0, 1]", clip(text)))
			return
		}
		t, _ := strconv.ParseFloat(text, 64) // in [0, 1]: no range error
		o = o.WithOutputHeavyThreshold(t)
	})
	return o
}

// isUnitDecimalText reports whether s, a number as JSON writes one
// ([isJSONNumberText]), is in [0, 1] exactly as written, whatever its
// length and exponent: -0 and 0e7 are 0 and in, 1.0000000000000000001 and
// -1e-400 are not.
func isUnitDecimalText(s string) bool {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	// The value is 0.D × 10^point, with D the digits without the zeros
	// that lead or trail.
	digits := intPart + frac
	point := len(intPart)
	trimmed := strings.TrimLeft(digits, "0")
	point -= len(digits) - len(trimmed)
	digits = strings.TrimRight(trimmed, "0")
	if digits == "" {
		return true // zero, -0 included
	}
	if neg {
		return false
	}
	// The exponent, saturated: a value of 0.D × 10^point is below 1 when
	// point < 1, and beyond 15 digits the exponent decides alone.
	expNeg := exp != "" && exp[0] == '-'
	exp = strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
	e := int64(1e15)
	if len(exp) <= 15 {
		e, _ = strconv.ParseInt("0"+exp, 10, 64)
	}
	if expNeg {
		e = -e
	}
	p := int64(point) + e
	return p < 1 || p == 1 && digits == "1"
}

// isJSONNumberText reports whether s is a number as JSON writes one, with
// nothing around it: "-0.5", "1e3", not "+1", ".5", "0x1p-1" or "NaN".
func isJSONNumberText(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && '0' <= s[len(s)-1] && s[len(s)-1] <= '9' &&
		json.Valid([]byte(s))
}

// Audit audits a portfolio of KPIs, as the method asks: "Are they mostly about
// outputs?" It counts the metrics by their declared level, tells output-side
// metrics (outputs, and the tasks and activities that are the work behind
// them) from outcomes (business outcomes and successful customer outcomes),
// and reports its findings:
//
//   - [CodeEmptyPortfolio] when metrics is empty (the only finding then);
//   - [CodeOutputHeavy] when at least one metric is output-side and the
//     output-side share is at or above the threshold (0.8 by default);
//   - [CodeNoCustomerOutcomeMeasure] when no metric has a name that
//     [Classify] classifies as a [CustomerOutcome], nor is declared one
//     with a name Classify does not know;
//   - [CodeRewardedOutput] for each rewarded metric whose name [Classify]
//     classifies as output-side (a task, an activity or an output), or,
//     with a name Classify does not know, that is declared output-side;
//   - [CodeLevelContradictsCatalogue] for each metric whose declared level is
//     not the level [Classify] gives its name;
//   - [CodeDuplicateMetricID] for each ID shared by two or more metrics;
//   - [CodeUnclassifiedMetric] once, listing every metric whose name
//     [Classify] does not know.
//
// Every metric is counted, duplicates included, by its declared level, and
// the counts and shares of the report and [CodeOutputHeavy] are by declared
// level: a declaration is the user's. The method's two red flags, a
// rewarded output and no measure of a successful customer outcome, follow
// the method's classification wherever the catalogue knows the name, in
// both directions, so that relabelling an output does not hide it and
// relabelling an outcome does not make it a red flag: the method classifies
// survey scores such as NPS as outputs ("retrospective and subjective"), so
// a rewarded NPS declared a successful customer outcome is a
// [CodeRewardedOutput] (and a [CodeLevelContradictsCatalogue]), and it does
// not count as the portfolio's measure of a successful customer outcome;
// a rewarded first contact resolution, which the catalogue classifies as a
// successful customer outcome, declared an output is no rewarded output
// and does count as that measure (it is a CodeLevelContradictsCatalogue
// only). A name the catalogue does not know keeps its declared level for
// both. The audit sees definitions, not links: whether a rewarded output
// serves an outcome is the hierarchy's question.
//
// The report does not depend on the order of metrics: [AuditReport.Findings]
// come sorted (see there), and every list of IDs is in ascending byte order.
//
// Audit returns an error, and the zero AuditReport, only for invalid input:
// an *[Error] with code [ErrInvalidThreshold] if the options' threshold is
// NaN, infinite or outside [0, 1], and one with code [ErrEmptyID] if metrics
// holds the zero [Metric] (which defines nothing), naming its indexes; both
// are joined with [errors.Join] when both apply.
//
// Audit allocates a bounded number of times per call, not per metric; it
// computes messages, shares and the summary only when asked for them.
func Audit(metrics []Metric, opts AuditOptions) (AuditReport, error) {
	var errs []error
	if err := opts.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := auditZeroMetrics(metrics); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return AuditReport{}, msg.JoinFlat(errs...)
	}

	r := AuditReport{total: len(metrics), threshold: opts.OutputHeavyThreshold()}
	if len(metrics) == 0 {
		r.findings = []Finding{{code: CodeEmptyPortfolio, severity: SeverityWarning}}
		return r, nil
	}

	// Pass 1, in input order: count the levels and classify each name once.
	flags := make([]uint8, len(metrics))
	var nRewarded, nContradicted, nUnclassified, nNotCustomer, nCustomer int
	for i, m := range metrics {
		r.counts[m.Level()]++
		c := Classify(m.Name())
		// The level the red flags go by: the catalogue's where it knows
		// the name, else the declared one.
		level := m.Level()
		var f uint8
		switch {
		case !c.Known():
			f |= auditUnclassified
			nUnclassified++
		case c.Level != m.Level():
			level = c.Level
			f |= auditContradicted
			nContradicted++
			switch {
			case m.Level() == CustomerOutcome:
				// Declared a successful customer outcome, but the
				// catalogue classifies the name as something else: it
				// does not count as the portfolio's measure of one.
				f |= auditNotCustomerOutcome
				nNotCustomer++
			case m.Level() == BusinessOutcome:
				r.businessOtherwise++
			case !c.Level.IsOutcome():
				// Output-side, declared and classified: the summary's
				// figure holds.
			default:
				r.outputSideOtherwise++
			}
		}
		if level == CustomerOutcome {
			nCustomer++
		}
		// A rewarded output, by the catalogue's classification of its
		// name, or by its declared level if the catalogue does not know it.
		if m.Rewarded() && !level.IsOutcome() {
			f |= auditRewardedOutput
			nRewarded++
			if m.IsOutcome() {
				r.rewardedDeclaredOutcomes++
			}
		}
		flags[i] = f
	}
	r.rewardedOutputs, r.notCustomerOutcomes = nRewarded, nNotCustomer
	outputSide := r.OutputSideCount()

	// Sort the metrics by ID (then by definition, so that equal IDs come in
	// an order that does not depend on the input's): every list of IDs below
	// comes out sorted, and duplicates are adjacent. The keys hold the IDs
	// themselves, so that the sort compares them without chasing the metrics.
	keys := make([]auditKey, len(metrics))
	for i := range metrics {
		keys[i] = auditKey{id: metrics[i].spec.ID, i: i}
	}
	slices.SortFunc(keys, func(a, b auditKey) int {
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return auditCompareSpecs(&metrics[a.i].spec, &metrics[b.i].spec)
	})
	nDupIDs := 0
	for k := 1; k < len(keys); k++ {
		if keys[k].id == keys[k-1].id && (k == 1 || keys[k-1].id != keys[k-2].id) {
			nDupIDs++
		}
	}

	heavy := outputSide > 0 && auditAtOrAbove(outputSide, r.total, r.threshold)
	noSCO := nCustomer == 0
	// The findings, written straight into their places in the order of
	// [AuditReport.Findings]: errors (duplicate-metric-id,
	// no-customer-outcome-measure, rewarded-output), then warnings
	// (level-contradicts-catalogue, output-heavy, unclassified-metric), each
	// code's findings in the order of the sorted keys.
	dupAt := 0
	noSCOAt := dupAt + nDupIDs
	rewardedAt := noSCOAt + auditB2I(noSCO)
	contradictedAt := rewardedAt + nRewarded
	heavyAt := contradictedAt + nContradicted
	unclassifiedAt := heavyAt + auditB2I(heavy)
	findings := make([]Finding, unclassifiedAt+auditB2I(nUnclassified > 0))
	arena := make([]string, 0, nDupIDs+nRewarded+nContradicted) // one-ID lists of the per-metric findings
	var outputIDs, unclassifiedIDs, notCustomerIDs []string
	var notCustomer []Metric
	if heavy {
		outputIDs = make([]string, 0, outputSide)
	}
	if noSCO && nNotCustomer > 0 {
		notCustomerIDs = make([]string, 0, nNotCustomer)
		notCustomer = make([]Metric, 0, nNotCustomer)
	}
	if nUnclassified > 0 {
		unclassifiedIDs = make([]string, 0, nUnclassified)
	}
	one := func(id string) []string {
		arena = append(arena, id)
		return arena[len(arena)-1 : len(arena) : len(arena)]
	}

	// Pass 2, in key order.
	for k := 0; k < len(keys); k++ {
		id := keys[k].id
		if k+1 < len(keys) && keys[k+1].id == id && (k == 0 || keys[k-1].id != id) {
			same := 2
			for k+same < len(keys) && keys[k+same].id == id {
				same++
			}
			findings[dupAt] = Finding{code: CodeDuplicateMetricID, severity: SeverityError, ids: one(id), count: same}
			dupAt++
		}
		i := keys[k].i
		f := flags[i]
		if f&auditRewardedOutput != 0 {
			rf := Finding{code: CodeRewardedOutput, severity: SeverityError, ids: one(id), count: 1, metric: metrics[i]}
			if metrics[i].IsOutcome() {
				rf.catalogue = Classify(metrics[i].Name()) // why it is an output all the same
			}
			findings[rewardedAt] = rf
			rewardedAt++
		}
		if f&auditContradicted != 0 {
			findings[contradictedAt] = Finding{code: CodeLevelContradictsCatalogue, severity: SeverityWarning,
				ids: one(id), count: 1, metric: metrics[i], catalogue: Classify(metrics[i].Name())}
			contradictedAt++
		}
		if f&auditUnclassified != 0 {
			unclassifiedIDs = append(unclassifiedIDs, id)
		}
		if heavy && !metrics[i].IsOutcome() {
			outputIDs = append(outputIDs, id)
		}
		if noSCO && f&auditNotCustomerOutcome != 0 {
			notCustomerIDs = append(notCustomerIDs, id)
			notCustomer = append(notCustomer, metrics[i])
		}
	}
	if noSCO {
		findings[noSCOAt] = Finding{code: CodeNoCustomerOutcomeMeasure, severity: SeverityError,
			ids: notCustomerIDs, count: nNotCustomer, total: r.total, declared: notCustomer}
	}
	if heavy {
		findings[heavyAt] = Finding{code: CodeOutputHeavy, severity: SeverityWarning,
			ids: outputIDs, count: outputSide, total: r.total, threshold: r.threshold}
	}
	if nUnclassified > 0 {
		findings[unclassifiedAt] = Finding{code: CodeUnclassifiedMetric, severity: SeverityWarning,
			ids: unclassifiedIDs, count: nUnclassified}
	}
	r.findings = findings
	return r, nil
}

// The per-metric flags of Audit's first pass.
const (
	auditRewardedOutput uint8 = 1 << iota
	auditContradicted
	auditUnclassified
	// auditNotCustomerOutcome: declared a [CustomerOutcome], with a name the
	// catalogue classifies at another level.
	auditNotCustomerOutcome
)

// auditZeroMetrics reports the zero Metrics in metrics, or nil.
func auditZeroMetrics(metrics []Metric) error {
	const shown = 10
	var at []string
	n := 0
	for i, m := range metrics {
		if m.IsZero() {
			if n < shown {
				at = append(at, strconv.Itoa(i))
			}
			n++
		}
	}
	switch {
	case n == 0:
		return nil
	case n == 1:
		return NewError(ErrEmptyID, nil, "outcome: cannot audit the zero Metric at index %s", at[0])
	}
	return NewError(ErrEmptyID, nil, "outcome: cannot audit %d zero Metrics at indexes %s", n, words.List(at, n))
}

// auditAtOrAbove reports whether count/total >= threshold, exactly: the
// threshold is taken as the shortest decimal that represents it (0.8 is 8/10,
// not the binary 0.8000000000000000444...).
func auditAtOrAbove(count, total int, threshold float64) bool {
	t := decimal.NewFromFloat(threshold)
	return decimal.NewFromInt(int64(count)).Cmp(t.Mul(decimal.NewFromInt(int64(total)))) >= 0
}

// auditKey is a metric's ID and its index in the portfolio.
type auditKey struct {
	id string
	i  int
}

// auditCompareSpecs orders definitions by ID, then by the rest of their
// fields.
func auditCompareSpecs(x, y *MetricSpec) int {
	if c := strings.Compare(x.ID, y.ID); c != 0 {
		return c
	}
	if c := strings.Compare(x.Name, y.Name); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Level, y.Level); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Direction, y.Direction); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Kind, y.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(x.Unit, y.Unit); c != 0 {
		return c
	}
	if c := strings.Compare(x.Owner, y.Owner); c != 0 {
		return c
	}
	if c := auditCompareBool(x.Rewarded, y.Rewarded); c != 0 {
		return c
	}
	return strings.Compare(x.Description, y.Description)
}

func auditCompareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// AuditReport is the result of [Audit]: how a KPI portfolio divides between
// the levels, and what the audit found.
//
// Counts are exact and sum to [AuditReport.Total]. Shares are fractions in
// [0, 1] (0.8 is 80%) of the total, as decimals: exact when the fraction has a
// finite decimal expansion, and otherwise rounded to the nearest multiple of
// 10^-[AuditSharePlaces] (such a fraction is never a tie, so no tie rule is
// needed). Exact shares sum to exactly 1; rounded ones may miss it by a few
// units in the last place. All shares of an empty portfolio are 0.
//
// AuditReport is immutable and safe for concurrent use. The zero AuditReport
// is what Audit returns with an error; the report of an empty portfolio is not
// zero, since it has the [CodeEmptyPortfolio] finding.
//
// A report is a result, not a definition: it encodes to JSON for a dashboard
// to store and show ([AuditReport.MarshalJSON]), but it is not read back,
// because that JSON does not hold everything the report does (the metric a
// finding is about is there by its ID, level and message only). Decoding
// JSON into an AuditReport is an error with code [ErrResultNotDecodable]
// ([AuditReport.UnmarshalJSON]), never a silent zero report. To have the
// report again, decode the metrics and audit them again: [Audit] gives the
// same report for the same metrics.
type AuditReport struct {
	total           int
	counts          [CustomerOutcome + 1]int // indexed by Level; index 0 unused
	rewardedOutputs int
	// rewardedDeclaredOutcomes is how many of the rewarded outputs are
	// declared outcomes, outputs by the catalogue.
	rewardedDeclaredOutcomes int
	// notCustomerOutcomes is how many metrics declared a successful customer
	// outcome have names the catalogue classifies at another level.
	notCustomerOutcomes int
	// businessOtherwise is how many metrics declared a business outcome
	// have names the catalogue classifies at another level, and
	// outputSideOtherwise how many declared output-side have names it
	// classifies as outcomes.
	businessOtherwise, outputSideOtherwise int
	threshold                              float64
	findings                               []Finding
}

// Total returns the number of metrics audited, duplicates included.
func (r AuditReport) Total() int { return r.total }

// Count returns the number of metrics declared at level l (0 for an invalid
// level).
func (r AuditReport) Count(l Level) int {
	if !l.IsValid() {
		return 0
	}
	return r.counts[l]
}

// Share returns the share of the metrics declared at level l (0 for an
// invalid level); see [AuditReport] for exactness and rounding.
func (r AuditReport) Share(l Level) decimal.Decimal { return auditShare(r.Count(l), r.total) }

// OutputSideCount returns the number of output-side metrics: outputs, and the
// tasks and activities that are the work behind them.
func (r AuditReport) OutputSideCount() int {
	return r.counts[Task] + r.counts[Activity] + r.counts[Output]
}

// OutputSideShare returns the share of output-side metrics, the one that
// [CodeOutputHeavy] compares with the threshold.
func (r AuditReport) OutputSideShare() decimal.Decimal {
	return auditShare(r.OutputSideCount(), r.total)
}

// OutcomeCount returns the number of outcome metrics: business outcomes and
// successful customer outcomes. It is Total() - OutputSideCount().
func (r AuditReport) OutcomeCount() int {
	return r.counts[BusinessOutcome] + r.counts[CustomerOutcome]
}

// OutcomeShare returns the share of outcome metrics.
func (r AuditReport) OutcomeShare() decimal.Decimal { return auditShare(r.OutcomeCount(), r.total) }

// RewardedOutputCount returns the number of rewarded output-side metrics,
// those whose names the catalogue classifies as output-side and those
// declared output-side whose names it does not know: the number of
// [CodeRewardedOutput] findings.
func (r AuditReport) RewardedOutputCount() int { return r.rewardedOutputs }

// OutputHeavyThreshold returns the output-heavy threshold the audit used.
func (r AuditReport) OutputHeavyThreshold() float64 { return r.threshold }

// Findings returns a copy of the findings, most serious first: ordered by
// severity (errors before warnings), then by code (in byte order), then by
// their IDs (compared as lists), then by the definition of the metric they
// are about. The order depends on nothing but the portfolio's content.
func (r AuditReport) Findings() []Finding { return slices.Clone(r.findings) }

// Has reports whether the report has a finding with the given code.
func (r AuditReport) Has(code Code) bool {
	return slices.ContainsFunc(r.findings, func(f Finding) bool { return f.code == code })
}

// Summary says in one sentence what the portfolio's balance is, e.g. "6 of 7
// KPIs (85.71%) measure outputs or the work behind them, 1 a business outcome
// and none a successful customer outcome; 2 outputs are rewarded." The
// percentage is rounded to two places, half away from zero. The balance is
// counted by declared level; when the catalogue classifies the names of
// some of the metrics a figure counts outside that figure (a metric declared
// output-side as an outcome, one declared a business outcome at another
// level, one declared a successful customer outcome at another level, which
// then does not count as such: [CodeNoCustomerOutcomeMeasure]), the
// sentence says so after the figure: "1 of 2 KPIs (50%) measures outputs or
// the work behind them (as declared; the catalogue classifies it
// otherwise)", "3 successful customer outcomes (as declared; the catalogue
// classifies 2 of them otherwise)", "(... classifies each otherwise)" when
// it is all of them. The rewarded outputs are those of
// [AuditReport.RewardedOutputCount], and when some of them are declared
// outcomes the sentence says how many: "; 3 outputs are rewarded, 1 of them
// declared an outcome." ("; 1 output is rewarded, declared an outcome."
// when it is the only one).
func (r AuditReport) Summary() string {
	if r.IsZero() {
		return "No portfolio was audited."
	}
	if r.total == 0 {
		return "The portfolio is empty: it has no KPIs to audit."
	}
	var b strings.Builder
	o := r.OutputSideCount()
	fmt.Fprintf(&b, "%d of %d %s (%s) %s outputs or the work behind them", o, r.total,
		auditPlural(r.total, "KPI", "KPIs"), auditPercent(o, r.total), auditPlural(o, "measures", "measure"))
	auditAsDeclared(&b, r.outputSideOtherwise, o)
	b.WriteString(", ")
	b.WriteString(auditCountPhrase(r.counts[BusinessOutcome], "a business outcome", "business outcomes"))
	auditAsDeclared(&b, r.businessOtherwise, r.counts[BusinessOutcome])
	b.WriteString(" and ")
	b.WriteString(auditCountPhrase(r.counts[CustomerOutcome], "a successful customer outcome", "successful customer outcomes"))
	auditAsDeclared(&b, r.notCustomerOutcomes, r.counts[CustomerOutcome])
	switch r.rewardedOutputs {
	case 0:
		b.WriteString("; no output is rewarded")
	case 1:
		b.WriteString("; 1 output is rewarded")
	default:
		fmt.Fprintf(&b, "; %d outputs are rewarded", r.rewardedOutputs)
	}
	switch d := r.rewardedDeclaredOutcomes; {
	case d == 0:
	case r.rewardedOutputs == 1:
		b.WriteString(", declared an outcome")
	case d == 1:
		b.WriteString(", 1 of them declared an outcome")
	default:
		fmt.Fprintf(&b, ", %d of them declared outcomes", d)
	}
	b.WriteString(".")
	return b.String()
}

// auditAsDeclared writes the note that follows a figure of count metrics,
// n of which the catalogue classifies outside it, if n is not 0.
func auditAsDeclared(b *strings.Builder, n, count int) {
	switch {
	case n == 0:
	case count == 1:
		b.WriteString(" (as declared; the catalogue classifies it otherwise)")
	case n == count:
		b.WriteString(" (as declared; the catalogue classifies each otherwise)")
	default:
		fmt.Fprintf(b, " (as declared; the catalogue classifies %d of them otherwise)", n)
	}
}

// IsZero reports whether r is the zero AuditReport, the one Audit returns
// with an error.
func (r AuditReport) IsZero() bool {
	return r.total == 0 && r.findings == nil
}

// Equal reports whether r and o report the same audit: the same counts,
// threshold and findings, in the same order.
func (r AuditReport) Equal(o AuditReport) bool {
	return r.total == o.total && r.counts == o.counts && r.rewardedOutputs == o.rewardedOutputs &&
		r.rewardedDeclaredOutcomes == o.rewardedDeclaredOutcomes && r.notCustomerOutcomes == o.notCustomerOutcomes &&
		r.businessOtherwise == o.businessOtherwise && r.outputSideOtherwise == o.outputSideOtherwise &&
		r.threshold == o.threshold && slices.EqualFunc(r.findings, o.findings, Finding.Equal)
}

// auditShare returns count/total: exact if it has a finite decimal expansion,
// else rounded to AuditSharePlaces places; 0 if total is 0.
func auditShare(count, total int) decimal.Decimal {
	if total <= 0 {
		return decimal.Zero
	}
	// count/total reduces to p/q; it terminates iff q = 2^a 5^b, after
	// max(a, b) places.
	q := total / auditGCD(count, total)
	var twos, fives int32
	for q%2 == 0 {
		q /= 2
		twos++
	}
	for q%5 == 0 {
		q /= 5
		fives++
	}
	places := int32(AuditSharePlaces)
	if q == 1 {
		places = max(twos, fives)
	}
	return decimal.NewFromInt(int64(count)).DivRound(decimal.NewFromInt(int64(total)), places)
}

// auditPercent formats count/total as a percentage rounded to two places,
// half away from zero, without trailing zeros: "80%", "85.71%".
func auditPercent(count, total int) string {
	if total <= 0 {
		return "0%"
	}
	return decfmt.String(decimal.NewFromInt(int64(count)*100).DivRound(decimal.NewFromInt(int64(total)), 2)) + "%"
}

func auditB2I(b bool) int {
	if b {
		return 1
	}
	return 0
}

func auditGCD(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func auditPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// countPhrase says "none a business outcome", "1 a business outcome" or
// "3 business outcomes".
func auditCountPhrase(n int, one, many string) string {
	switch n {
	case 0:
		return "none " + one
	case 1:
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// auditArticle returns the level's name with "a" or "an": "an Output".
func auditArticle(l Level) string {
	s := l.String()
	switch s[0] {
	case 'A', 'E', 'I', 'O', 'U':
		return "an " + s
	}
	return "a " + s
}

// Finding is one thing an [Audit] found: a stable [Code], a [Severity], the
// IDs of the metrics involved (in ascending byte order) and a readable
// message with the numbers. Findings about one metric ([CodeRewardedOutput],
// [CodeLevelContradictsCatalogue]) also carry the metric, and the catalogue's
// classification where it matters ([Finding.Catalogue]), and
// [CodeNoCustomerOutcomeMeasure] carries the catalogue's classification of
// each metric it lists ([Finding.Catalogues]), so that a caller can show why
// without recomputing.
//
// Finding is immutable. The zero Finding is not a finding; [Finding.IsZero]
// reports it. Like an [AuditReport], a Finding encodes to JSON
// ([Finding.MarshalJSON]) but is not read back: decoding JSON into one is
// an error with code [ErrResultNotDecodable] ([Finding.UnmarshalJSON]).
type Finding struct {
	code      Code
	severity  Severity
	ids       []string
	count     int
	total     int
	threshold float64
	metric    Metric
	catalogue Classification
	// declared holds, for [CodeNoCustomerOutcomeMeasure], the metrics
	// declared a successful customer outcome whose names the catalogue
	// classifies otherwise, in the order of ids.
	declared []Metric
}

// Code returns the finding's stable code, one of the CodeX constants.
func (f Finding) Code() Code { return f.code }

// Severity returns [SeverityError] for a finding that says the portfolio is
// wrong as it stands (a rewarded output, no measure of a successful customer
// outcome, a shared ID), and [SeverityWarning] for one to look into.
func (f Finding) Severity() Severity { return f.severity }

// IDs returns a copy of the IDs of the metrics involved, in ascending byte
// order: the metric's ID for a finding about one metric, the shared ID for
// [CodeDuplicateMetricID], every output-side metric for [CodeOutputHeavy],
// every unclassified one for [CodeUnclassifiedMetric], every metric declared
// a successful customer outcome whose name the catalogue classifies at
// another level for [CodeNoCustomerOutcomeMeasure] (none if no metric is
// declared one), and none for [CodeEmptyPortfolio].
func (f Finding) IDs() []string { return slices.Clone(f.ids) }

// Count returns how many metrics the finding is about: 1 for a finding about
// one metric, the number that share the ID for [CodeDuplicateMetricID], the
// number listed for [CodeOutputHeavy], [CodeUnclassifiedMetric] and
// [CodeNoCustomerOutcomeMeasure] (the metrics declared a successful customer
// outcome that do not count as one; 0 if none is declared one), and 0 for
// [CodeEmptyPortfolio].
func (f Finding) Count() int { return f.count }

// Metric returns the metric the finding is about, for [CodeRewardedOutput]
// and [CodeLevelContradictsCatalogue]; the zero Metric for the others.
func (f Finding) Metric() Metric { return f.metric }

// Catalogue returns what [Classify] says of the metric's name, for
// [CodeLevelContradictsCatalogue], and for a [CodeRewardedOutput] about a
// metric declared an outcome, whose name the catalogue classifies as
// output-side (the classification that makes it an output); the zero
// Classification for the others, a rewarded metric declared output-side
// included.
func (f Finding) Catalogue() Classification { return f.catalogue }

// Catalogues returns, for [CodeNoCustomerOutcomeMeasure], what [Classify]
// says of the name of each metric the finding lists (declared a successful
// customer outcome, classified at another level: why it does not count), in
// the order of [Finding.IDs]; nil for the other codes, and when no metric is
// listed.
func (f Finding) Catalogues() []Classification {
	if len(f.declared) == 0 {
		return nil
	}
	cs := make([]Classification, len(f.declared))
	for i, m := range f.declared {
		cs[i] = Classify(m.Name())
	}
	return cs
}

// auditRewardQuote and auditBalanceQuote are the method's words that findings quote.
const (
	auditRewardQuote  = `"if you pay people for doing dumb stuff they get really smart at it"`
	auditBalanceQuote = `"Usually, the balance will be 80% output metrics"`
)

// Message returns a readable account of the finding, with its numbers and the
// metrics' names, e.g. `6 of 7 KPIs (85.71%) measure outputs or the work
// behind them, at or above the 80% threshold: "Usually, the balance will be
// 80% output metrics"`. Like an error message it is lower-case and has no
// final period; unlike one, it has no package prefix, since a finding is a
// result to show, not a failure. User text is quoted and clipped.
func (f Finding) Message() string {
	switch f.code {
	case CodeEmptyPortfolio:
		return "the portfolio is empty: there are no KPIs to audit"
	case CodeOutputHeavy:
		return fmt.Sprintf("%d of %d %s (%s) %s outputs or the work behind them, at or above the %s threshold: %s",
			f.count, f.total, auditPlural(f.total, "KPI", "KPIs"), auditPercent(f.count, f.total),
			auditPlural(f.count, "measures", "measure"),
			decfmt.String(decimal.NewFromFloat(f.threshold).Shift(2))+"%", auditBalanceQuote)
	case CodeNoCustomerOutcomeMeasure:
		s := fmt.Sprintf("none of the %d KPIs measures a successful customer outcome", f.total)
		if f.total == 1 {
			s = "the only KPI does not measure a successful customer outcome"
		}
		s += ", so the portfolio cannot show whether customers achieve what they came for"
		switch len(f.declared) {
		case 0:
			return s
		case 1:
			m := f.declared[0]
			c := Classify(m.Name())
			return s + fmt.Sprintf(": %s is declared one but does not count, since the catalogue, after the method, classifies %s as %s",
				auditDescribe(m), c.Name, auditArticle(c.Level))
		}
		return s + fmt.Sprintf(": %d KPIs are declared one but do not count, since the catalogue, after the method, classifies "+
			"their names at other levels: %s", len(f.declared), auditDescribeLevels(f.declared, 5))
	case CodeRewardedOutput:
		if f.metric.IsOutcome() {
			return fmt.Sprintf("%s is declared %s, but the catalogue, after the method, classifies %s as %s, "+
				"and it is tied to a reward: %s", auditDescribe(f.metric), auditArticle(f.metric.Level()),
				f.catalogue.Name, auditArticle(f.catalogue.Level), auditRewardQuote)
		}
		return fmt.Sprintf("%s is %s tied to a reward: %s", auditDescribe(f.metric), auditArticle(f.metric.Level()), auditRewardQuote)
	case CodeLevelContradictsCatalogue:
		s := fmt.Sprintf("%s is declared %s, but the catalogue classes %s as %s (%s)",
			auditDescribe(f.metric), auditArticle(f.metric.Level()), f.catalogue.Name, auditArticle(f.catalogue.Level),
			f.catalogue.Reason)
		if f.metric.Rewarded() && !f.catalogue.Level.IsOutcome() {
			s += "; it is tied to a reward"
		}
		return s
	case CodeDuplicateMetricID:
		return fmt.Sprintf("id %q is shared by %d metrics; each is counted", clip(f.ids[0]), f.count)
	case CodeUnclassifiedMetric:
		return fmt.Sprintf("%d %s not in the catalogue of well-known KPIs, so %s declared %s unchecked (informational): %s",
			f.count, auditPlural(f.count, "KPI is", "KPIs are"), auditPlural(f.count, "its", "their"),
			auditPlural(f.count, "level is", "levels are"), auditQuoteIDs(f.ids, 5))
	}
	return ""
}

// String returns the finding as one line: its severity, code and message,
// e.g. `error rewarded-output: "Calls handled" (id "calls") is an Output ...`.
func (f Finding) String() string {
	if f.IsZero() {
		return ""
	}
	return f.severity.String() + " " + string(f.code) + ": " + f.Message()
}

// IsZero reports whether f is the zero Finding.
func (f Finding) IsZero() bool { return f.code == "" }

// Equal reports whether f and o are the same finding, field by field.
func (f Finding) Equal(o Finding) bool {
	return f.code == o.code && f.severity == o.severity && slices.Equal(f.ids, o.ids) &&
		f.count == o.count && f.total == o.total && f.threshold == o.threshold &&
		f.metric.Equal(o.metric) && f.catalogue == o.catalogue && slices.EqualFunc(f.declared, o.declared, Metric.Equal)
}

// describeMetric names a metric in a message: `"Calls handled" (id "calls",
// owner "North team")`.
func auditDescribe(m Metric) string {
	if m.Owner() != "" {
		return fmt.Sprintf("%q (id %q, owner %q)", clip(m.Name()), clip(m.ID()), clip(m.Owner()))
	}
	return fmt.Sprintf("%q (id %q)", clip(m.Name()), clip(m.ID()))
}

// auditDescribeLevels names up to n metrics with the level the catalogue
// gives each one's name, `"NPS" (id "nps") as an Output`, then says how many
// more there are.
func auditDescribeLevels(ms []Metric, n int) string {
	return auditList(len(ms), n, func(i int) string {
		return auditDescribe(ms[i]) + " as " + auditArticle(Classify(ms[i].Name()).Level)
	})
}

// quoteIDs quotes up to n IDs, then says how many more there are.
func auditQuoteIDs(ids []string, n int) string {
	return auditList(len(ids), n, func(i int) string { return strconv.Quote(clip(ids[i])) })
}

// auditList writes item(i) for the first n of count items, as the module
// writes a list of items ([words.List]): separated by commas, then how many
// more there are.
func auditList(count, n int, item func(i int) string) string {
	items := make([]string, min(count, n))
	for i := range items {
		items[i] = item(i)
	}
	return words.List(items, count)
}

// auditFindingJSON is the JSON form of a [Finding].
type auditFindingJSON struct {
	Code      Code                `json:"code"`
	Severity  Severity            `json:"severity"`
	IDs       []string            `json:"ids"`
	Count     int                 `json:"count"`
	Level     Level               `json:"declaredLevel,omitzero"`
	Catalogue *auditCatalogueJSON `json:"catalogue,omitempty"`
	Metrics   []auditListedJSON   `json:"metrics,omitempty"`
	Message   string              `json:"message"`
}

// auditListedJSON is a metric a finding lists, with the catalogue's
// classification of its name.
type auditListedJSON struct {
	ID        string             `json:"id"`
	Catalogue auditCatalogueJSON `json:"catalogue"`
}

type auditCatalogueJSON struct {
	Name   string `json:"name"`
	Level  Level  `json:"level"`
	Reason string `json:"reason"`
}

func (f Finding) toJSON() auditFindingJSON {
	j := auditFindingJSON{Code: f.code, Severity: f.severity, IDs: strictjson.List(f.ids), Count: f.count,
		Level: f.metric.Level(), Message: f.Message()}
	if f.catalogue.Known() {
		j.Catalogue = &auditCatalogueJSON{Name: f.catalogue.Name, Level: f.catalogue.Level, Reason: f.catalogue.Reason}
	}
	for i, c := range f.Catalogues() {
		j.Metrics = append(j.Metrics, auditListedJSON{ID: f.ids[i],
			Catalogue: auditCatalogueJSON{Name: c.Name, Level: c.Level, Reason: c.Reason}})
	}
	return j
}

// MarshalJSON implements [json.Marshaler]: an object with the finding's
// "code", "severity" ("error" or "warning"), "ids" (an array, empty when none
// applies), "count" and "message", and, for a finding about one metric, its
// "declaredLevel" as a token ("output") and, where the finding carries one
// ([Finding.Catalogue]), the "catalogue"'s "name", "level" and "reason";
// for [CodeNoCustomerOutcomeMeasure] listing metrics, "metrics", an array
// of {"id", "catalogue"} in the order of "ids", each "catalogue" as above
// ([Finding.Catalogues]). A finding is a result, not a definition: it is
// not read back ([Finding.UnmarshalJSON]). The zero
// Finding, which no audit makes, cannot be marshalled: an *[Error] with code
// [ErrNoData].
func (f Finding) MarshalJSON() ([]byte, error) {
	if f.IsZero() {
		return nil, NewError(ErrNoData, nil, "outcome: cannot marshal the zero Finding")
	}
	return json.Marshal(f.toJSON())
}

// UnmarshalJSON implements [json.Unmarshaler] to refuse: a Finding is a
// result, and the JSON [Finding.MarshalJSON] writes does not hold the
// metric it is about, so it is not read back. It returns an *[Error] with
// code [ErrResultNotDecodable] whatever data holds, JSON null included, and
// leaves f unchanged.
func (f *Finding) UnmarshalJSON([]byte) error {
	return NewError(ErrResultNotDecodable, nil,
		"outcome: a Finding is not read back from JSON: it is a result, and its JSON does not hold all of it; audit the metrics again")
}

// auditShareJSON is one level's (or side's) count and share.
type auditShareJSON struct {
	Level Level  `json:"level,omitzero"`
	Count int    `json:"count"`
	Share string `json:"share"`
}

type auditReportJSON struct {
	Total                int                `json:"total"`
	OutputHeavyThreshold string             `json:"outputHeavyThreshold"`
	Levels               []auditShareJSON   `json:"levels"`
	OutputSide           auditShareJSON     `json:"outputSide"`
	Outcomes             auditShareJSON     `json:"outcomes"`
	RewardedOutputs      int                `json:"rewardedOutputs"`
	Summary              string             `json:"summary"`
	Findings             []auditFindingJSON `json:"findings"`
}

// MarshalJSON implements [json.Marshaler]: an object a BI tool can store, with
// "total"; "outputHeavyThreshold" as a decimal string ("0.8"); "levels", an
// array of {"level", "count", "share"} for the five levels in order, levels
// as tokens ("output") and shares as decimal strings ("0.8571");
// "outputSide" and "outcomes" as {"count", "share"}; "rewardedOutputs";
// "summary"; and "findings", in order, each as [Finding.MarshalJSON] writes
// it. Decimals are strings whatever decimal.MarshalJSONWithoutQuotes says. A
// report is a result, not a definition: it is not read back
// ([AuditReport.UnmarshalJSON]). The zero AuditReport, which no audit
// returns (an empty portfolio's report has its finding), cannot be
// marshalled: an *[Error] with code [ErrNoData].
func (r AuditReport) MarshalJSON() ([]byte, error) {
	if r.IsZero() {
		return nil, NewError(ErrNoData, nil, "outcome: cannot marshal the zero AuditReport")
	}
	j := auditReportJSON{
		Total:                r.total,
		OutputHeavyThreshold: decfmt.String(decimal.NewFromFloat(r.threshold)),
		Levels:               make([]auditShareJSON, 0, len(r.counts)-1),
		OutputSide:           auditShareJSON{Count: r.OutputSideCount(), Share: decfmt.String(r.OutputSideShare())},
		Outcomes:             auditShareJSON{Count: r.OutcomeCount(), Share: decfmt.String(r.OutcomeShare())},
		RewardedOutputs:      r.rewardedOutputs,
		Summary:              r.Summary(),
		Findings:             make([]auditFindingJSON, len(r.findings)),
	}
	for l := range Levels() {
		j.Levels = append(j.Levels, auditShareJSON{Level: l, Count: r.Count(l), Share: decfmt.String(r.Share(l))})
	}
	for i, f := range r.findings {
		j.Findings[i] = f.toJSON()
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler] to refuse: an AuditReport is a
// result, and the JSON [AuditReport.MarshalJSON] writes does not hold all of
// it (see [AuditReport]), so it is not read back. It returns an *[Error]
// with code [ErrResultNotDecodable] whatever data holds, JSON null included,
// and leaves r unchanged; encoding/json would otherwise decode nothing into
// the report's unexported fields, leave the zero AuditReport and report no
// error.
func (r *AuditReport) UnmarshalJSON([]byte) error {
	return NewError(ErrResultNotDecodable, nil,
		"outcome: an AuditReport is not read back from JSON: it is a result, and its JSON does not hold all of it; audit the metrics again")
}
