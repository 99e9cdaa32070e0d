package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// The audit tests use only names whose level the catalogue fixes ("Calls
// handled", "Average handle time"/"AHT": outputs; "Revenue": a business
// outcome) and names no catalogue will ever know (auditWidget, auditJoy), so
// that they hold for any catalogue that classifies those three as the method
// does. The contact-centre test, which needs the method's other KPIs, says
// where it tolerates a catalogue that does not know them yet.
const (
	auditWidget = "Widget frobnication index"
	auditJoy    = "Quuxco drivers back on the road within a day"
)

// auditMetric returns a metric for the audit tests: higher is better, and a
// business outcome is of kind revenue.
func auditMetric(id, name string, level outcome.Level, rewarded bool) outcome.Metric {
	spec := outcome.MetricSpec{ID: id, Name: name, Level: level, Direction: outcome.HigherIsBetter, Rewarded: rewarded}
	if level == outcome.BusinessOutcome {
		spec.Kind = outcome.Revenue
	}
	return outcome.MustMetric(spec)
}

// auditOwned is auditMetric with an owner.
func auditOwned(id, name string, level outcome.Level, rewarded bool, owner string) outcome.Metric {
	spec := auditMetric(id, name, level, rewarded).Spec()
	spec.Owner = owner
	return outcome.MustMetric(spec)
}

// auditPortfolio returns outputs "Calls handled" metrics (o0, o1, ...)
// followed by outcomes "Revenue" metrics (b0, b1, ...).
func auditPortfolio(outputs, outcomes int) []outcome.Metric {
	ms := make([]outcome.Metric, 0, outputs+outcomes)
	for i := range outputs {
		ms = append(ms, auditMetric(fmt.Sprintf("o%d", i), "Calls handled", outcome.Output, false))
	}
	for i := range outcomes {
		ms = append(ms, auditMetric(fmt.Sprintf("b%d", i), "Revenue", outcome.BusinessOutcome, false))
	}
	return ms
}

// auditCodes returns the codes of r's findings, in order.
func auditCodes(r outcome.AuditReport) []outcome.Code {
	var codes []outcome.Code
	for _, f := range r.Findings() {
		codes = append(codes, f.Code())
	}
	return codes
}

// auditFinding returns r's only finding with the given code.
func auditFinding(t *testing.T, r outcome.AuditReport, code outcome.Code) outcome.Finding {
	t.Helper()
	var found []outcome.Finding
	for _, f := range r.Findings() {
		if f.Code() == code {
			found = append(found, f)
		}
	}
	require.Len(t, found, 1, "findings with code %s", code)
	return found[0]
}

func auditDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestAudit_contactCentre audits the method's contact centre: calls handled,
// abandoned calls, average handle time (AHT), first-time response,
// customer-satisfaction stats and Net Promoter Score, all contact-centre
// outputs, plus revenue, a business outcome; calls handled and AHT are paid
// for, and nothing measures a successful customer outcome.
func TestAudit_contactCentre(t *testing.T) {
	ms := []outcome.Metric{
		auditOwned("calls-handled", "Calls handled", outcome.Output, true, "Contact centre"),
		auditMetric("abandoned-calls", "Abandoned calls", outcome.Output, false),
		auditMetric("aht", "Average handle time", outcome.Output, true),
		auditMetric("first-time-response", "First-time response", outcome.Output, false),
		auditMetric("csat", "Customer satisfaction score", outcome.Output, false),
		auditMetric("nps", "Net Promoter Score", outcome.Output, false),
		auditMetric("revenue", "Revenue", outcome.BusinessOutcome, false),
	}
	r, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)

	// 7 KPIs: 6 outputs, 1 business outcome, no customer outcome.
	assert.Equal(t, 7, r.Total())
	assert.Equal(t, 6, r.Count(outcome.Output))
	assert.Equal(t, 1, r.Count(outcome.BusinessOutcome))
	assert.Equal(t, 0, r.Count(outcome.CustomerOutcome))
	assert.Equal(t, 6, r.OutputSideCount())
	assert.Equal(t, 1, r.OutcomeCount())
	assert.Equal(t, 2, r.RewardedOutputCount())
	// 6/7 = 0.857142857... -> 0.8571 (4 places; the next digit is 4, so down);
	// 1/7 = 0.142857142... -> 0.1429 (the next digit is 5, then 7, so up).
	// 0.8571 + 0.1429 = 1.0000.
	assert.True(t, auditDecimal("0.8571").Equal(r.OutputSideShare()), "output side %s", r.OutputSideShare())
	assert.True(t, auditDecimal("0.8571").Equal(r.Share(outcome.Output)), "output %s", r.Share(outcome.Output))
	assert.True(t, auditDecimal("0.1429").Equal(r.OutcomeShare()), "outcomes %s", r.OutcomeShare())
	assert.True(t, auditDecimal("0.1429").Equal(r.Share(outcome.BusinessOutcome)))
	assert.True(t, decimal.Zero.Equal(r.Share(outcome.CustomerOutcome)))

	// 6/7 = 85.714...% >= 80%: output-heavy. Percent: 600/7 = 85.714 -> 85.71.
	assert.Equal(t, "6 of 7 KPIs (85.71%) measure outputs or the work behind them, 1 a business outcome "+
		"and none a successful customer outcome; 2 outputs are rewarded.", r.Summary())

	// The findings the catalogue cannot change: errors first (codes in byte
	// order: no-customer-outcome-measure < rewarded-output; rewarded outputs
	// by ID: aht < calls-handled), then the output-heavy warning.
	var got []string
	for _, f := range r.Findings() {
		switch f.Code() {
		case outcome.CodeUnclassifiedMetric, outcome.CodeLevelContradictsCatalogue:
			continue
		}
		got = append(got, fmt.Sprintf("%s %s %v", f.Severity(), f.Code(), f.IDs()))
	}
	assert.Equal(t, []string{
		"error no-customer-outcome-measure []",
		"error rewarded-output [aht]",
		"error rewarded-output [calls-handled]",
		"warning output-heavy [abandoned-calls aht calls-handled csat first-time-response nps]",
	}, got)

	// Whatever the catalogue knows, it never contradicts calls handled, AHT
	// or revenue, and it may leave unclassified only the KPIs it has yet to
	// learn (every one of them declared an output, as the method says).
	pending := []string{"abandoned-calls", "csat", "first-time-response", "nps"}
	for _, f := range r.Findings() {
		switch f.Code() {
		case outcome.CodeUnclassifiedMetric:
			for _, id := range f.IDs() {
				assert.Contains(t, pending, id)
			}
		case outcome.CodeLevelContradictsCatalogue:
			assert.Contains(t, pending, f.IDs()[0])
		}
	}
}

func TestAudit_findings(t *testing.T) {
	tests := []struct {
		name string
		in   []outcome.Metric
		opts outcome.AuditOptions
		want []string // "severity code ids", in report order
	}{
		{
			name: "balanced portfolio: only the informational finding",
			// 1 output of 3 (33%), a business outcome and a customer outcome.
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, true),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, true),
			},
			want: []string{"warning unclassified-metric [joy]"},
		},
		{
			name: "output heavy",
			// 4 outputs of 5 = 80%, at the default threshold; one of them a task.
			in: []outcome.Metric{
				auditMetric("c1", "Calls handled", outcome.Output, false),
				auditMetric("c2", "Calls handled", outcome.Output, false),
				auditMetric("aht", "AHT", outcome.Output, false),
				auditMetric("w", auditWidget, outcome.Task, false),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, false),
			},
			want: []string{
				"warning output-heavy [aht c1 c2 w]",
				"warning unclassified-metric [joy w]",
			},
		},
		{
			name: "no customer outcome measure",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
			},
			want: []string{"error no-customer-outcome-measure []"},
		},
		{
			name: "rewarded outputs, tasks and activities, not rewarded outcomes",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, true),
				auditMetric("task", auditWidget, outcome.Task, true),
				auditMetric("act", auditWidget, outcome.Activity, true),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, true),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, true),
				auditMetric("joy2", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("joy3", auditJoy, outcome.CustomerOutcome, false),
			},
			want: []string{
				"error rewarded-output [act]",
				"error rewarded-output [calls]",
				"error rewarded-output [task]",
				"warning unclassified-metric [act joy joy2 joy3 task]",
			},
		},
		{
			name: "declared level contradicts the catalogue",
			// The only KPI declared a customer outcome is AHT, an output by
			// the catalogue: it does not count as one. No KPI is rewarded,
			// and 1 of 3 is declared output-side, below 80%.
			in: []outcome.Metric{
				auditMetric("rev", "Revenue", outcome.Output, false),
				auditMetric("aht", "AHT", outcome.CustomerOutcome, false),
				auditMetric("calls", "Calls handled", outcome.BusinessOutcome, false),
			},
			want: []string{
				"error no-customer-outcome-measure [aht]",
				"warning level-contradicts-catalogue [aht]",
				"warning level-contradicts-catalogue [calls]",
				"warning level-contradicts-catalogue [rev]",
			},
		},
		{
			// The method review's case: NPS, an output by the method, is
			// the only KPI declared a customer outcome, and it is rewarded.
			name: "rewarded NPS declared the customer outcome",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("revenue", "Revenue", outcome.BusinessOutcome, false),
				auditMetric("nps", "Net Promoter Score", outcome.CustomerOutcome, true),
			},
			want: []string{
				"error no-customer-outcome-measure [nps]",
				"error rewarded-output [nps]",
				"warning level-contradicts-catalogue [nps]",
			},
		},
		{
			// First contact resolution is a customer outcome by the
			// catalogue too, so the portfolio measures one; the rewarded
			// NPS beside it is still a rewarded output.
			name: "rewarded NPS declared a customer outcome, beside one that counts",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("fcr", "First contact resolution", outcome.CustomerOutcome, false),
				auditMetric("nps", "Net Promoter Score", outcome.CustomerOutcome, true),
			},
			want: []string{
				"error rewarded-output [nps]",
				"warning level-contradicts-catalogue [nps]",
			},
		},
		{
			// Revenue declared a customer outcome does not count as one,
			// but rewarded it is an outcome, not a rewarded output.
			name: "rewarded business outcome declared a customer outcome",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.CustomerOutcome, true),
			},
			want: []string{
				"error no-customer-outcome-measure [rev]",
				"warning level-contradicts-catalogue [rev]",
			},
		},
		{
			// The other direction: first contact resolution is a customer
			// outcome by the catalogue, declared an output and rewarded. It
			// is no rewarded output, and it is the portfolio's measure of a
			// customer outcome; only the contradiction is left.
			name: "rewarded customer outcome declared an output",
			in: []outcome.Metric{
				auditMetric("fcr", "First contact resolution", outcome.Output, true),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
			},
			want: []string{"warning level-contradicts-catalogue [fcr]"},
		},
		{
			// Declared a business outcome, the same: Revenue declared a task
			// and rewarded is an outcome; neither measures a customer
			// outcome, and the declared task, 1 of 2, is below 80%.
			name: "rewarded outcomes declared a business outcome and a task",
			in: []outcome.Metric{
				auditMetric("fcr", "First contact resolution", outcome.BusinessOutcome, true),
				auditMetric("rev", "Revenue", outcome.Task, true),
			},
			want: []string{
				"warning level-contradicts-catalogue [fcr]",
				"warning level-contradicts-catalogue [rev]",
			},
		},
		{
			// The reviewer's case: calls handled, an output by the
			// catalogue, declared a business outcome and rewarded, beside
			// Revenue; no customer outcome at all.
			name: "rewarded output declared a business outcome",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.BusinessOutcome, true),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
			},
			want: []string{
				"error no-customer-outcome-measure []",
				"error rewarded-output [calls]",
				"warning level-contradicts-catalogue [calls]",
			},
		},
		{
			name: "duplicate ids, each counted",
			in: []outcome.Metric{
				auditMetric("x", "Calls handled", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
				auditMetric("x", "Calls handled", outcome.Output, false),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("a", "Revenue", outcome.BusinessOutcome, false),
				auditMetric("a", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("x", "AHT", outcome.Output, false),
			},
			want: []string{
				"error duplicate-metric-id [a]",
				"error duplicate-metric-id [x]",
				"warning unclassified-metric [a joy]",
			},
		},
		{
			name: "unclassified only",
			in: []outcome.Metric{
				auditMetric("w2", auditWidget, outcome.Output, false),
				auditMetric("j", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("w1", auditWidget, outcome.BusinessOutcome, false),
			},
			want: []string{"warning unclassified-metric [j w1 w2]"},
		},
		{
			name: "everything at once, in order",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, true),
				auditMetric("calls", "Calls handled", outcome.Output, true),
				auditMetric("aht", "AHT", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.Output, false),
				auditMetric("w", auditWidget, outcome.Activity, false),
			},
			want: []string{
				"error duplicate-metric-id [calls]",
				"error no-customer-outcome-measure []",
				"error rewarded-output [calls]",
				"error rewarded-output [calls]",
				"warning level-contradicts-catalogue [rev]",
				"warning output-heavy [aht calls calls rev w]",
				"warning unclassified-metric [w]",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := outcome.Audit(tt.in, tt.opts)
			require.NoError(t, err)
			var got []string
			for _, f := range r.Findings() {
				got = append(got, fmt.Sprintf("%s %s %v", f.Severity(), f.Code(), f.IDs()))
				assert.NotEmpty(t, f.Message())
			}
			assert.Equal(t, tt.want, got)
			for _, w := range tt.want {
				code := outcome.Code(strings.Fields(w)[1])
				assert.True(t, r.Has(code), "Has(%s)", code)
			}
		})
	}
}

func TestAudit_findingData(t *testing.T) {
	ms := []outcome.Metric{
		auditOwned("calls", "Calls handled", outcome.Output, true, "North team"),
		auditMetric("aht", "AHT", outcome.CustomerOutcome, true),
		auditMetric("dup", auditWidget, outcome.Task, false),
		auditMetric("dup", auditWidget, outcome.Task, false),
		auditMetric("dup", auditWidget, outcome.Activity, false),
	}
	r, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)

	// Two rewarded outputs, by ID: "aht", declared a customer outcome but an
	// output by the catalogue, and "calls", declared an output.
	var rewarded []outcome.Finding
	for _, f := range r.Findings() {
		if f.Code() == outcome.CodeRewardedOutput {
			rewarded = append(rewarded, f)
		}
	}
	require.Len(t, rewarded, 2)
	assert.True(t, ms[1].Equal(rewarded[0].Metric()))
	assert.Equal(t, 1, rewarded[0].Count())
	assert.Equal(t, outcome.Classify("AHT"), rewarded[0].Catalogue(), "the classification that makes it an output")
	assert.True(t, ms[0].Equal(rewarded[1].Metric()))
	assert.Equal(t, 1, rewarded[1].Count())
	assert.False(t, rewarded[1].Catalogue().Known(), "a rewarded metric declared an output carries no classification")
	assert.Equal(t, 2, r.RewardedOutputCount())

	contra := auditFinding(t, r, outcome.CodeLevelContradictsCatalogue)
	assert.True(t, ms[1].Equal(contra.Metric()))
	assert.Equal(t, outcome.Classify("AHT"), contra.Catalogue())
	assert.Equal(t, outcome.Output, contra.Catalogue().Level)

	dup := auditFinding(t, r, outcome.CodeDuplicateMetricID)
	assert.Equal(t, []string{"dup"}, dup.IDs())
	assert.Equal(t, 3, dup.Count())
	assert.True(t, dup.Metric().IsZero())

	// Outputs: calls + 3 dup (tasks and activities are output-side) = 4 of 5.
	heavy := auditFinding(t, r, outcome.CodeOutputHeavy)
	assert.Equal(t, []string{"calls", "dup", "dup", "dup"}, heavy.IDs())
	assert.Equal(t, 4, heavy.Count())

	uncl := auditFinding(t, r, outcome.CodeUnclassifiedMetric)
	assert.Equal(t, []string{"dup", "dup", "dup"}, uncl.IDs())
	assert.Equal(t, 3, uncl.Count())

	// AHT is declared a customer outcome, and counted as one, but the
	// catalogue classifies it as an output, so it is not the portfolio's
	// measure of one: the finding names it.
	assert.Equal(t, 1, r.Count(outcome.CustomerOutcome))
	noSCO := auditFinding(t, r, outcome.CodeNoCustomerOutcomeMeasure)
	assert.Equal(t, []string{"aht"}, noSCO.IDs())
	assert.Equal(t, 1, noSCO.Count())
	assert.True(t, noSCO.Metric().IsZero())
	assert.False(t, noSCO.Catalogue().Known())
	// Why it does not count, as data: the catalogue's classification of
	// each metric listed, in the order of the IDs.
	assert.Equal(t, []outcome.Classification{outcome.Classify("AHT")}, noSCO.Catalogues())
	assert.Equal(t, outcome.Output, noSCO.Catalogues()[0].Level)
	// The other findings carry none, and neither does one that lists no
	// metric.
	assert.Nil(t, contra.Catalogues())
	assert.Nil(t, rewarded[0].Catalogues())
	none, err := outcome.Audit([]outcome.Metric{auditMetric("calls", "Calls handled", outcome.Output, false)}, outcome.AuditOptions{})
	require.NoError(t, err)
	assert.Nil(t, auditFinding(t, none, outcome.CodeNoCustomerOutcomeMeasure).Catalogues())

	// Several, in the order of the IDs: Revenue (id "a"), a business
	// outcome, and NPS (id "b"), an output; joy, unclassified, is declared
	// at another level and does not count either way.
	several, err := outcome.Audit([]outcome.Metric{
		auditMetric("b", "NPS", outcome.CustomerOutcome, false),
		auditMetric("a", "Revenue", outcome.CustomerOutcome, false),
		auditMetric("c", auditJoy, outcome.BusinessOutcome, false),
	}, outcome.AuditOptions{})
	require.NoError(t, err)
	f := auditFinding(t, several, outcome.CodeNoCustomerOutcomeMeasure)
	assert.Equal(t, []string{"a", "b"}, f.IDs())
	cs := f.Catalogues()
	require.Len(t, cs, 2)
	assert.Equal(t, "Revenue", cs[0].Name)
	assert.Equal(t, outcome.BusinessOutcome, cs[0].Level)
	assert.Equal(t, "Net Promoter Score", cs[1].Name)
	assert.Equal(t, outcome.Output, cs[1].Level)
	cs[0] = outcome.Classification{}
	assert.Equal(t, "Revenue", f.Catalogues()[0].Name, "a copy")
}

// TestFinding_Message pins the message of each finding code once.
func TestFinding_Message(t *testing.T) {
	aht := outcome.Classify("AHT")
	rev := outcome.Classify("Revenue")
	require.True(t, aht.Known())
	require.True(t, rev.Known())
	// The catalogue's names and reasons are its own; the levels are fixed.
	contradiction := fmt.Sprintf(`"Revenue" (id "rev") is declared an Output, `+
		`but the catalogue classes %s as a Business Outcome (%s)`, rev.Name, rev.Reason)
	contradictionRewarded := fmt.Sprintf(`"AHT" (id "aht", owner "Floor") is declared a Successful Customer Outcome, `+
		`but the catalogue classes %s as an Output (%s); it is tied to a reward`, aht.Name, aht.Reason)

	seven := make([]outcome.Metric, 7)
	for i := range seven {
		seven[i] = auditMetric(fmt.Sprintf("w%d", i), auditWidget, outcome.CustomerOutcome, false)
	}
	tests := []struct {
		name string
		in   []outcome.Metric
		opts outcome.AuditOptions
		code outcome.Code
		want string
	}{
		{
			name: "empty portfolio", code: outcome.CodeEmptyPortfolio,
			want: "the portfolio is empty: there are no KPIs to audit",
		},
		{
			name: "output heavy", code: outcome.CodeOutputHeavy,
			in: auditPortfolio(4, 1),
			// 4/5 = 80%, at the default 80%.
			want: `4 of 5 KPIs (80%) measure outputs or the work behind them, at or above the 80% threshold: ` +
				`"Usually, the balance will be 80% output metrics"`,
		},
		{
			name: "output heavy, one output, threshold 0", code: outcome.CodeOutputHeavy,
			in:   auditPortfolio(1, 2),
			opts: outcome.AuditOptions{}.WithOutputHeavyThreshold(0),
			// 1/3 = 33.333...% -> 33.33%.
			want: `1 of 3 KPIs (33.33%) measures outputs or the work behind them, at or above the 0% threshold: ` +
				`"Usually, the balance will be 80% output metrics"`,
		},
		{
			name: "output heavy, one KPI, threshold 0.125", code: outcome.CodeOutputHeavy,
			in:   auditPortfolio(1, 0),
			opts: outcome.AuditOptions{}.WithOutputHeavyThreshold(0.125),
			want: `1 of 1 KPI (100%) measures outputs or the work behind them, at or above the 12.5% threshold: ` +
				`"Usually, the balance will be 80% output metrics"`,
		},
		{
			name: "no customer outcome", code: outcome.CodeNoCustomerOutcomeMeasure,
			in: auditPortfolio(4, 1),
			want: "none of the 5 KPIs measures a successful customer outcome, " +
				"so the portfolio cannot show whether customers achieve what they came for",
		},
		{
			name: "no customer outcome, one KPI", code: outcome.CodeNoCustomerOutcomeMeasure,
			in: auditPortfolio(0, 1),
			want: "the only KPI does not measure a successful customer outcome, " +
				"so the portfolio cannot show whether customers achieve what they came for",
		},
		{
			name: "rewarded output with owner", code: outcome.CodeRewardedOutput,
			in: []outcome.Metric{auditOwned("calls-north", "Calls handled", outcome.Output, true, "North team")},
			want: `"Calls handled" (id "calls-north", owner "North team") is an Output tied to a reward: ` +
				`"if you pay people for doing dumb stuff they get really smart at it"`,
		},
		{
			name: "rewarded output declared a customer outcome", code: outcome.CodeRewardedOutput,
			in: []outcome.Metric{auditOwned("nps", "Net Promoter Score", outcome.CustomerOutcome, true, "Marketing")},
			want: `"Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, ` +
				`but the catalogue, after the method, classifies Net Promoter Score as an Output, and it is tied to a reward: ` +
				`"if you pay people for doing dumb stuff they get really smart at it"`,
		},
		{
			name: "rewarded output declared a business outcome, by an alias", code: outcome.CodeRewardedOutput,
			in: []outcome.Metric{auditMetric("aht", "AHT", outcome.BusinessOutcome, true)},
			want: `"AHT" (id "aht") is declared a Business Outcome, but the catalogue, after the method, ` +
				`classifies Average handle time as an Output, and it is tied to a reward: ` +
				`"if you pay people for doing dumb stuff they get really smart at it"`,
		},
		{
			name: "no customer outcome, the one declared is an output", code: outcome.CodeNoCustomerOutcomeMeasure,
			in: []outcome.Metric{
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
				auditOwned("nps", "NPS", outcome.CustomerOutcome, false, "Marketing"),
			},
			want: `none of the 2 KPIs measures a successful customer outcome, ` +
				`so the portfolio cannot show whether customers achieve what they came for: ` +
				`"NPS" (id "nps", owner "Marketing") is declared one but does not count, ` +
				`since the catalogue, after the method, classifies Net Promoter Score as an Output`,
		},
		{
			name: "no customer outcome, several declared at other levels", code: outcome.CodeNoCustomerOutcomeMeasure,
			// Seven declared customer outcomes, none one by the catalogue:
			// the first five by ID are named.
			in: []outcome.Metric{
				auditMetric("g", "Revenue", outcome.CustomerOutcome, false),
				auditMetric("a", "AHT", outcome.CustomerOutcome, false),
				auditMetric("f", "Calls handled", outcome.CustomerOutcome, false),
				auditMetric("b", "Revenue", outcome.CustomerOutcome, false),
				auditMetric("e", "AHT", outcome.CustomerOutcome, false),
				auditMetric("c", "Calls handled", outcome.CustomerOutcome, false),
				auditMetric("d", "AHT", outcome.CustomerOutcome, false),
			},
			want: `none of the 7 KPIs measures a successful customer outcome, ` +
				`so the portfolio cannot show whether customers achieve what they came for: ` +
				`7 KPIs are declared one but do not count, since the catalogue, after the method, classifies ` +
				`their names at other levels: "AHT" (id "a") as an Output, "Revenue" (id "b") as a Business Outcome, ` +
				`"Calls handled" (id "c") as an Output, "AHT" (id "d") as an Output, "AHT" (id "e") as an Output and 2 more`,
		},
		{
			name: "rewarded task", code: outcome.CodeRewardedOutput,
			in: []outcome.Metric{auditMetric("w", auditWidget, outcome.Task, true)},
			want: `"Widget frobnication index" (id "w") is a Task tied to a reward: ` +
				`"if you pay people for doing dumb stuff they get really smart at it"`,
		},
		{
			name: "level contradicts catalogue", code: outcome.CodeLevelContradictsCatalogue,
			in:   []outcome.Metric{auditMetric("rev", "Revenue", outcome.Output, false)},
			want: contradiction,
		},
		{
			name: "level contradicts catalogue, rewarded output in disguise", code: outcome.CodeLevelContradictsCatalogue,
			in:   []outcome.Metric{auditOwned("aht", "AHT", outcome.CustomerOutcome, true, "Floor")},
			want: contradictionRewarded,
		},
		{
			name: "duplicate id", code: outcome.CodeDuplicateMetricID,
			in: []outcome.Metric{
				auditMetric("aht", "AHT", outcome.Output, false),
				auditMetric("aht", "Average handle time", outcome.Output, false),
				auditMetric("aht", "AHT", outcome.Output, true),
			},
			want: `id "aht" is shared by 3 metrics; each is counted`,
		},
		{
			name: "unclassified, one", code: outcome.CodeUnclassifiedMetric,
			in:   []outcome.Metric{auditMetric("widgets", auditWidget, outcome.Output, false)},
			want: `1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): "widgets"`,
		},
		{
			name: "unclassified, more than five", code: outcome.CodeUnclassifiedMetric,
			in: seven,
			want: `7 KPIs are not in the catalogue of well-known KPIs, so their declared levels are unchecked ` +
				`(informational): "w0", "w1", "w2", "w3", "w4" and 2 more`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := outcome.Audit(tt.in, tt.opts)
			require.NoError(t, err)
			f := auditFinding(t, r, tt.code)
			assert.Equal(t, tt.want, f.Message())
			assert.Equal(t, f.Severity().String()+" "+string(tt.code)+": "+tt.want, f.String())
		})
	}
}

func TestFinding_Message_clipsUserText(t *testing.T) {
	long := strings.Repeat("n", 100)
	r, err := outcome.Audit([]outcome.Metric{auditMetric("id", long, outcome.Task, true)}, outcome.AuditOptions{})
	require.NoError(t, err)
	f := auditFinding(t, r, outcome.CodeRewardedOutput)
	// Names are clipped to 64 bytes, marked "...".
	assert.Equal(t, `"`+strings.Repeat("n", 64)+`..." (id "id") is a Task tied to a reward: `+
		`"if you pay people for doing dumb stuff they get really smart at it"`, f.Message())
}

// TestAudit_threshold works each edge out exactly: output-heavy fires when
// outputs/total >= threshold, the threshold being the decimal the float
// literal spells.
func TestAudit_threshold(t *testing.T) {
	tests := []struct {
		name              string
		outputs, outcomes int
		opts              outcome.AuditOptions
		want              bool
	}{
		{name: "exactly 80% fires at the default", outputs: 4, outcomes: 1, want: true}, // 4 >= 0.8*5 = 4
		{name: "79% does not", outputs: 79, outcomes: 21, want: false},                  // 79 < 80
		{name: "100% fires", outputs: 3, want: true},                                    // 3 >= 2.4
		{name: "no outputs never fires", outcomes: 3, want: false},                      // 0 outputs
		{name: "threshold 0 fires on one output", outputs: 1, outcomes: 9, opts: auditThreshold(0), want: true},
		{name: "threshold 0 needs an output", outcomes: 9, opts: auditThreshold(0), want: false},
		{name: "negative zero is zero", outputs: 1, outcomes: 9, opts: auditThreshold(math.Copysign(0, -1)), want: true},
		// 7 >= 0.7*10 = 7 exactly; in float64, 0.7*10 = 7.000000000000001 and 7 would miss.
		{name: "0.7 is seven tenths", outputs: 7, outcomes: 3, opts: auditThreshold(0.7), want: true},
		{name: "69 of 100 under 0.7", outputs: 69, outcomes: 31, opts: auditThreshold(0.7), want: false},
		// 1/3 = 0.333... > 0.3333333333333333 (16 threes).
		{name: "a third over the float third", outputs: 1, outcomes: 2, opts: auditThreshold(1.0 / 3), want: true},
		// The float just above 0.8 is 0.8000000000000002: 4 < 0.8000000000000002*5.
		{name: "just above 80% does not fire at 4 of 5", outputs: 4, outcomes: 1,
			opts: auditThreshold(math.Nextafter(0.8, 1)), want: false},
		{name: "threshold 1 fires at all outputs", outputs: 5, opts: auditThreshold(1), want: true},
		{name: "threshold 1 misses 99 of 100", outputs: 99, outcomes: 1, opts: auditThreshold(1), want: false},
		{name: "smallest positive threshold", outputs: 1, outcomes: 999, opts: auditThreshold(5e-324), want: true},
		{name: "stricter 50% fires at 3 of 5", outputs: 3, outcomes: 2, opts: auditThreshold(0.5), want: true},
		{name: "stricter 50% fires at 1 of 2", outputs: 1, outcomes: 1, opts: auditThreshold(0.5), want: true},
		{name: "stricter 50% misses 2 of 5", outputs: 2, outcomes: 3, opts: auditThreshold(0.5), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := outcome.Audit(auditPortfolio(tt.outputs, tt.outcomes), tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Has(outcome.CodeOutputHeavy))
			assert.Equal(t, tt.opts.OutputHeavyThreshold(), r.OutputHeavyThreshold())
		})
	}
}

func auditThreshold(t float64) outcome.AuditOptions {
	return outcome.AuditOptions{}.WithOutputHeavyThreshold(t)
}

func TestAuditOptions(t *testing.T) {
	var zero outcome.AuditOptions
	assert.Equal(t, 0.8, zero.OutputHeavyThreshold(), "the zero options use the default")
	assert.Equal(t, outcome.DefaultOutputHeavyThreshold, zero.OutputHeavyThreshold())

	strict := zero.WithOutputHeavyThreshold(0)
	assert.Equal(t, 0.0, strict.OutputHeavyThreshold(), "an explicit 0 is kept")
	assert.Equal(t, 0.8, zero.OutputHeavyThreshold(), "With returns a copy")

	half := strict.WithOutputHeavyThreshold(0.5)
	assert.Equal(t, 0.5, half.OutputHeavyThreshold())
	assert.Equal(t, 0.0, strict.OutputHeavyThreshold())
}

// TestAuditOptions_JSON: options are stored next to a portfolio, so their
// JSON keeps the threshold (it was {} whatever the threshold, and read back
// as the default), and decoding refuses what Audit refuses.
func TestAuditOptions_JSON(t *testing.T) {
	for _, tt := range []struct {
		opts outcome.AuditOptions
		want string
	}{
		{outcome.AuditOptions{}, `{}`}, // the default is not written down
		{auditThreshold(0.5), `{"outputHeavyThreshold":"0.5"}`},
		{auditThreshold(0.8), `{"outputHeavyThreshold":"0.8"}`}, // set, so kept even at the default's value
		{auditThreshold(0), `{"outputHeavyThreshold":"0"}`},
		{auditThreshold(math.Copysign(0, -1)), `{"outputHeavyThreshold":"0"}`}, // the same threshold as 0
		{auditThreshold(1), `{"outputHeavyThreshold":"1"}`},
		// The shortest decimal that reads back as the float64 1/3, which
		// is what the audit compares with.
		{auditThreshold(1.0 / 3), `{"outputHeavyThreshold":"0.3333333333333333"}`},
		{auditThreshold(math.Nextafter(0.8, 1)), `{"outputHeavyThreshold":"0.8000000000000002"}`},
	} {
		data, err := json.Marshal(tt.opts)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(data))
		var back outcome.AuditOptions
		require.NoError(t, json.Unmarshal(data, &back), "%s", data)
		assert.True(t, tt.opts == back, "%s: %+v", data, back)
	}
	// The smallest positive float64 is written out in full, and read back.
	data, err := json.Marshal(auditThreshold(5e-324))
	require.NoError(t, err)
	var back outcome.AuditOptions
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, 5e-324, back.OutputHeavyThreshold())

	// The stored threshold is the one the audit uses: with 1 output of 2,
	// 0.5 finds the portfolio output-heavy (1 >= 0.5*2) and the default
	// 0.8 does not. A JSON number is read too.
	for _, in := range []string{`{"outputHeavyThreshold":"0.5"}`, `{"outputHeavyThreshold":0.5}`, `{"outputHeavyThreshold":"5e-1"}`} {
		var stored outcome.AuditOptions
		require.NoError(t, json.Unmarshal([]byte(in), &stored))
		assert.True(t, stored == auditThreshold(0.5), in)
		r, err := outcome.Audit(auditPortfolio(1, 1), stored)
		require.NoError(t, err)
		assert.True(t, r.Has(outcome.CodeOutputHeavy), in)
	}
	// A threshold in [0, 1] as written is read as the nearest float64,
	// whatever its length or exponent: 1e-400 is 0, 0.99999999999999999999
	// (1 - 10^-20, nearer 1 than 1 - 2^-53) is 1.
	for _, tt := range []struct {
		in   string
		want float64
	}{
		{`"1e-400"`, 0}, {`1e-400`, 0}, {`"-0.0e5"`, 0}, {`"0e99999999999999999999"`, 0},
		{`"0.99999999999999999999"`, 1}, {`"100e-2"`, 1}, {`"0.1E+1"`, 1}, {`"10000000000000000000000e-22"`, 1},
		{`"0.5e-99999999999999999999"`, 0}, {`"10.0e-1000000000000000000001"`, 0}, {`"0.00625e2"`, 0.625}, {`"0.0001E4"`, 1},
	} {
		var stored outcome.AuditOptions
		require.NoError(t, json.Unmarshal([]byte(`{"outputHeavyThreshold":`+tt.in+`}`), &stored), tt.in)
		assert.True(t, stored == auditThreshold(tt.want), "%s: %v", tt.in, stored.OutputHeavyThreshold())
	}

	// Options Audit refuses are not written.
	for _, bad := range []float64{math.NaN(), math.Inf(1), -0.1, 80} {
		_, err := json.Marshal(auditThreshold(bad))
		assert.ErrorIs(t, err, outcome.ErrInvalidThreshold, "%v", bad)
	}

	type problem struct {
		code outcome.Code
		msg  string
	}
	for _, tt := range []struct {
		in   string
		want []problem
	}{
		{`{"outputHeavyThreshold":"1.5"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 1.5 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":80}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 80 is not a share in [0, 1]"}}},
		// Beyond float64: +Inf, quoted as written.
		{`{"outputHeavyThreshold":"1e400"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 1e400 is not a share in [0, 1]"}}},
		// Outside [0, 1] as written, though the nearest float64 is in it
		// (1, -0): it is refused, quoted as written; and a threshold whose
		// float64 is 1.0000000000000002 is quoted as written too.
		{`{"outputHeavyThreshold":"1.0000000000000000001"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 1.0000000000000000001 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":-1e-400}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold -1e-400 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":"1.00000000000000012"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 1.00000000000000012 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":"1e99999999999999999999"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 1e99999999999999999999 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":"0.00011E4"}`, []problem{
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold 0.00011E4 is not a share in [0, 1]"}}},
		{`{"outputHeavyThreshold":"NaN"}`, []problem{
			{outcome.ErrInvalidThreshold, `outcome: output-heavy threshold "NaN" is not a share in [0, 1]`}}},
		{`{"outputHeavyThreshold":"-Inf"}`, []problem{
			{outcome.ErrInvalidThreshold, `outcome: output-heavy threshold "-Inf" is not a share in [0, 1]`}}},
		// Not a decimal, and not checked further; the unknown key too.
		{`{"outputHeavyThreshold":"80%","threshold":0.5}`, []problem{
			{outcome.ErrInvalidJSON, `outcome: audit options: "outputHeavyThreshold" must be a decimal string or a number, not the string "80%"`},
			{outcome.ErrInvalidJSON, `outcome: audit options has an unknown field "threshold"`}}},
		{`{"outputHeavyThreshold":true}`, []problem{
			{outcome.ErrInvalidJSON, `outcome: audit options: "outputHeavyThreshold" must be a decimal string or a number, not true`}}},
		// A null threshold is refused, not the default (it was read as {}).
		{`{"outputHeavyThreshold":null}`, []problem{
			{outcome.ErrInvalidJSON, `outcome: audit options: "outputHeavyThreshold" must be a decimal string or a number, not null`}}},
		// The first is the one read.
		{`{"outputHeavyThreshold":"-0.1","OutputHeavyThreshold":"0.5"}`, []problem{
			{outcome.ErrInvalidJSON, `outcome: audit options gives field "outputHeavyThreshold" twice, as "outputHeavyThreshold" and "OutputHeavyThreshold"`},
			{outcome.ErrInvalidThreshold, "outcome: output-heavy threshold -0.1 is not a share in [0, 1]"}}},
		{`[0.5]`, []problem{
			{outcome.ErrInvalidJSON, "outcome: invalid JSON: the value must be an object, not an array"}}},
		// Null is not the options: refused once (it left them unchanged).
		{` null `, []problem{
			{outcome.ErrInvalidJSON, "outcome: audit options cannot be null"}}},
	} {
		got := auditThreshold(0.7)
		err := json.Unmarshal([]byte(tt.in), &got)
		var problems []problem
		for _, p := range outcome.Problems(err) {
			problems = append(problems, problem{p.Code, p.Message})
		}
		assert.Equal(t, tt.want, problems, tt.in)
		assert.True(t, got == auditThreshold(0.7), "unchanged on error")
	}
}

func TestAudit_invalidThreshold(t *testing.T) {
	tests := []struct {
		name      string
		threshold float64
	}{
		{name: "NaN", threshold: math.NaN()},
		{name: "+Inf", threshold: math.Inf(1)},
		{name: "-Inf", threshold: math.Inf(-1)},
		{name: "negative", threshold: -0.1},
		{name: "smallest negative", threshold: -5e-324},
		{name: "just over one", threshold: math.Nextafter(1, 2)},
		{name: "a percentage by mistake", threshold: 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ms := range [][]outcome.Metric{nil, auditPortfolio(4, 1)} {
				r, err := outcome.Audit(ms, auditThreshold(tt.threshold))
				require.Error(t, err)
				assert.ErrorIs(t, err, outcome.ErrInvalidThreshold)
				var e *outcome.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, outcome.SeverityError, e.Severity)
				assert.True(t, r.IsZero(), "no report with an error")
			}
		})
	}

	_, err := outcome.Audit(nil, auditThreshold(math.NaN()))
	assert.EqualError(t, err, "outcome: output-heavy threshold NaN is not a share in [0, 1]")
	_, err = outcome.Audit(nil, auditThreshold(1.5))
	assert.EqualError(t, err, "outcome: output-heavy threshold 1.5 is not a share in [0, 1]")
}

func TestAudit_zeroMetric(t *testing.T) {
	ok := auditMetric("calls", "Calls handled", outcome.Output, false)
	tests := []struct {
		name string
		in   []outcome.Metric
		want string
	}{
		{name: "one", in: []outcome.Metric{ok, {}}, want: "outcome: cannot audit the zero Metric at index 1"},
		{name: "two", in: []outcome.Metric{{}, ok, {}}, want: "outcome: cannot audit 2 zero Metrics at indexes 0, 2"},
		{name: "thirteen", in: make([]outcome.Metric, 13),
			want: "outcome: cannot audit 13 zero Metrics at indexes 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 3 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := outcome.Audit(tt.in, outcome.AuditOptions{})
			assert.ErrorIs(t, err, outcome.ErrEmptyID)
			assert.EqualError(t, err, tt.want)
			assert.True(t, r.IsZero())
		})
	}

	t.Run("with an invalid threshold, both reported", func(t *testing.T) {
		_, err := outcome.Audit([]outcome.Metric{{}}, auditThreshold(-1))
		assert.ErrorIs(t, err, outcome.ErrInvalidThreshold)
		assert.ErrorIs(t, err, outcome.ErrEmptyID)
		problems := outcome.Problems(err)
		require.Len(t, problems, 2)
		assert.Equal(t, outcome.ErrInvalidThreshold, problems[0].Code)
		assert.Equal(t, outcome.ErrEmptyID, problems[1].Code)
	})
}

func TestAudit_emptyPortfolio(t *testing.T) {
	for name, in := range map[string][]outcome.Metric{"nil": nil, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			r, err := outcome.Audit(in, outcome.AuditOptions{})
			require.NoError(t, err)
			assert.False(t, r.IsZero(), "an empty portfolio's report is not the zero report")
			assert.Equal(t, 0, r.Total())
			for l := range outcome.Levels() {
				assert.Equal(t, 0, r.Count(l))
				assert.True(t, decimal.Zero.Equal(r.Share(l)))
			}
			assert.True(t, decimal.Zero.Equal(r.OutputSideShare()))
			assert.True(t, decimal.Zero.Equal(r.OutcomeShare()))
			// The only finding: no output-heavy (no outputs), no "no customer
			// outcome" (nothing to have one).
			assert.Equal(t, []outcome.Code{outcome.CodeEmptyPortfolio}, auditCodes(r))
			f := r.Findings()[0]
			assert.Equal(t, outcome.SeverityWarning, f.Severity())
			assert.Empty(t, f.IDs())
			assert.Equal(t, 0, f.Count())
			assert.Equal(t, "The portfolio is empty: it has no KPIs to audit.", r.Summary())
		})
	}
}

// TestAuditReport_shares works count/total out by hand for a portfolio of
// total metrics of which count measure a customer outcome.
func TestAuditReport_shares(t *testing.T) {
	tests := []struct {
		name         string
		count, total int
		want         string
		wantRest     string // (total-count)/total
	}{
		{name: "4/5 exact", count: 4, total: 5, want: "0.8", wantRest: "0.2"},
		{name: "1/8 exact, 3 places", count: 1, total: 8, want: "0.125", wantRest: "0.875"},
		{name: "3/40 exact", count: 3, total: 40, want: "0.075", wantRest: "0.925"},
		{name: "1/1024 exact, 10 places", count: 1, total: 1024, want: "0.0009765625", wantRest: "0.9990234375"},
		{name: "1/3 rounded", count: 1, total: 3, want: "0.3333", wantRest: "0.6667"},   // 0.33333..., 0.66666...
		{name: "6/7 rounded", count: 6, total: 7, want: "0.8571", wantRest: "0.1429"},   // 0.857142..., 0.142857...
		{name: "1/6 rounded", count: 1, total: 6, want: "0.1667", wantRest: "0.8333"},   // 0.16666..., 0.83333...
		{name: "1/12 rounded", count: 1, total: 12, want: "0.0833", wantRest: "0.9167"}, // 0.083333..., 0.916666...
		{name: "2/7 rounded", count: 2, total: 7, want: "0.2857", wantRest: "0.7143"},   // 0.285714..., 0.714285...
		{name: "1/20001 rounds to 0", count: 1, total: 20001, want: "0", wantRest: "1"}, // 0.0000499975..., 0.99995000...
		{name: "0/5", count: 0, total: 5, want: "0", wantRest: "1"},
		{name: "5/5", count: 5, total: 5, want: "1", wantRest: "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := make([]outcome.Metric, 0, tt.total)
			for i := range tt.total {
				l := outcome.Output
				if i < tt.count {
					l = outcome.CustomerOutcome
				}
				ms = append(ms, auditMetric(fmt.Sprint(i), auditWidget, l, false))
			}
			r, err := outcome.Audit(ms, outcome.AuditOptions{})
			require.NoError(t, err)
			want, rest := auditDecimal(tt.want), auditDecimal(tt.wantRest)
			assert.True(t, want.Equal(r.Share(outcome.CustomerOutcome)), "share %s", r.Share(outcome.CustomerOutcome))
			assert.True(t, want.Equal(r.OutcomeShare()), "outcome share %s", r.OutcomeShare())
			assert.True(t, rest.Equal(r.Share(outcome.Output)), "output share %s", r.Share(outcome.Output))
			assert.True(t, rest.Equal(r.OutputSideShare()), "output-side share %s", r.OutputSideShare())
			assert.Equal(t, tt.want, r.Share(outcome.CustomerOutcome).String(), "no trailing zeros")
		})
	}
}

// TestAuditReport_consistency checks on a mixed portfolio that the counts sum
// to the total and the exact shares sum to 1.
func TestAuditReport_consistency(t *testing.T) {
	// 8 metrics, one per... 1 task, 1 activity, 3 outputs, 1 business
	// outcome, 2 customer outcomes: shares 1/8, 1/8, 3/8, 1/8, 2/8, all exact.
	ms := []outcome.Metric{
		auditMetric("t", auditWidget, outcome.Task, false),
		auditMetric("a", auditWidget, outcome.Activity, false),
		auditMetric("o1", "Calls handled", outcome.Output, false),
		auditMetric("o2", "AHT", outcome.Output, false),
		auditMetric("o3", auditWidget, outcome.Output, false),
		auditMetric("b", "Revenue", outcome.BusinessOutcome, false),
		auditMetric("c1", auditJoy, outcome.CustomerOutcome, false),
		auditMetric("c2", auditJoy, outcome.CustomerOutcome, false),
	}
	r, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)
	wantShares := map[outcome.Level]string{
		outcome.Task: "0.125", outcome.Activity: "0.125", outcome.Output: "0.375",
		outcome.BusinessOutcome: "0.125", outcome.CustomerOutcome: "0.25",
	}
	sum, shares := 0, decimal.Zero
	for l := range outcome.Levels() {
		sum += r.Count(l)
		shares = shares.Add(r.Share(l))
		assert.True(t, auditDecimal(wantShares[l]).Equal(r.Share(l)), "%s: %s", l, r.Share(l))
	}
	assert.Equal(t, r.Total(), sum)
	assert.True(t, decimal.NewFromInt(1).Equal(shares), "exact shares sum to 1: %s", shares)
	assert.Equal(t, r.Total(), r.OutputSideCount()+r.OutcomeCount())
	// Output side: 1 + 1 + 3 = 5 of 8 = 0.625; outcomes 3 of 8 = 0.375.
	assert.Equal(t, 5, r.OutputSideCount())
	assert.True(t, auditDecimal("0.625").Equal(r.OutputSideShare()))
	assert.True(t, auditDecimal("0.375").Equal(r.OutcomeShare()))
	assert.Equal(t, 0, r.Count(0), "the zero level counts nothing")
	assert.Equal(t, 0, r.Count(outcome.CustomerOutcome+1))
	assert.True(t, decimal.Zero.Equal(r.Share(0)))
}

func TestAuditReport_Summary(t *testing.T) {
	tests := []struct {
		name string
		in   []outcome.Metric
		want string
	}{
		{
			name: "one output",
			in:   auditPortfolio(1, 0),
			want: "1 of 1 KPI (100%) measures outputs or the work behind them, none a business outcome " +
				"and none a successful customer outcome; no output is rewarded.",
		},
		{
			name: "outcomes only",
			in: []outcome.Metric{
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, true),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, true),
			},
			want: "0 of 2 KPIs (0%) measure outputs or the work behind them, 1 a business outcome " +
				"and 1 a successful customer outcome; no output is rewarded.",
		},
		{
			// 1/6 = 16.666...% -> 16.67%.
			name: "plurals",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, true),
				auditMetric("r1", "Revenue", outcome.BusinessOutcome, false),
				auditMetric("r2", "Revenue", outcome.BusinessOutcome, false),
				auditMetric("j1", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("j2", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("j3", auditJoy, outcome.CustomerOutcome, false),
			},
			want: "1 of 6 KPIs (16.67%) measures outputs or the work behind them, 2 business outcomes " +
				"and 3 successful customer outcomes; 1 output is rewarded.",
		},
		{
			// 2/3 = 66.666...% -> 66.67%; the task counts as output-side.
			name: "work counts as output side",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.Output, true),
				auditMetric("w", auditWidget, outcome.Task, true),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, false),
			},
			want: "2 of 3 KPIs (66.67%) measure outputs or the work behind them, none a business outcome " +
				"and 1 a successful customer outcome; 2 outputs are rewarded.",
		},
		{
			// 1/1024 = 0.09765625% -> 0.1% (two places, 0.10, trailing zero dropped).
			name: "small percentage",
			in:   append(auditPortfolio(1, 0), slices.Repeat([]outcome.Metric{auditMetric("j", auditJoy, outcome.CustomerOutcome, false)}, 1023)...),
			want: "1 of 1024 KPIs (0.1%) measures outputs or the work behind them, none a business outcome " +
				"and 1023 successful customer outcomes; no output is rewarded.",
		},
		{
			// Counted by declared level: AHT as a customer outcome, calls
			// handled as a business outcome; both are rewarded outputs by
			// the catalogue, and so is the declared output.
			name: "rewarded outputs declared outcomes",
			in: []outcome.Metric{
				auditMetric("aht", "AHT", outcome.CustomerOutcome, true),
				auditMetric("calls", "Calls handled", outcome.BusinessOutcome, true),
				auditMetric("calls2", "Calls handled", outcome.Output, true),
			},
			want: "1 of 3 KPIs (33.33%) measures outputs or the work behind them, " +
				"1 a business outcome (as declared; the catalogue classifies it otherwise) " +
				"and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); " +
				"3 outputs are rewarded, 2 of them declared outcomes.",
		},
		{
			name: "one of the rewarded outputs declared an outcome",
			in: []outcome.Metric{
				auditMetric("aht", "AHT", outcome.CustomerOutcome, true),
				auditMetric("calls", "Calls handled", outcome.Output, true),
			},
			want: "1 of 2 KPIs (50%) measures outputs or the work behind them, none a business outcome " +
				"and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); " +
				"2 outputs are rewarded, 1 of them declared an outcome.",
		},
		{
			// Both declared customer outcomes, so no KPI is declared
			// output-side (0 of 2) and none a business outcome; the
			// catalogue classifies AHT as an output and Revenue as a
			// business outcome, so each of the 2 is noted. Rewarded, AHT
			// is an output by the catalogue, declared an outcome; Revenue
			// is an outcome by the catalogue too, not an output. The
			// figure of outputs is by declared level, and the note on the
			// customer outcomes says where the catalogue's rewarded output
			// was counted.
			name: "the only rewarded output declared an outcome",
			in: []outcome.Metric{
				auditMetric("aht", "AHT", outcome.CustomerOutcome, true),
				auditMetric("rev", "Revenue", outcome.CustomerOutcome, true),
			},
			want: "0 of 2 KPIs (0%) measure outputs or the work behind them, none a business outcome " +
				"and 2 successful customer outcomes (as declared; the catalogue classifies each otherwise); " +
				"1 output is rewarded, declared an outcome.",
		},
		{
			// The unclassified one keeps its declared level and counts.
			name: "some declared customer outcomes classified otherwise",
			in: []outcome.Metric{
				auditMetric("aht", "AHT", outcome.CustomerOutcome, false),
				auditMetric("joy", auditJoy, outcome.CustomerOutcome, false),
				auditMetric("rev", "Revenue", outcome.CustomerOutcome, false),
			},
			want: "0 of 3 KPIs (0%) measure outputs or the work behind them, none a business outcome " +
				"and 3 successful customer outcomes (as declared; the catalogue classifies 2 of them otherwise); " +
				"no output is rewarded.",
		},
		{
			// The reviewer's case: calls handled, an output by the
			// catalogue, declared a business outcome and rewarded. No KPI
			// is declared output-side; of the 2 business outcomes the
			// catalogue classifies 1 (calls) otherwise; none is declared a
			// customer outcome; 1 output is rewarded, calls, declared an
			// outcome.
			name: "the only rewarded output declared a business outcome",
			in: []outcome.Metric{
				auditMetric("calls", "Calls handled", outcome.BusinessOutcome, true),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
			},
			want: "0 of 2 KPIs (0%) measure outputs or the work behind them, " +
				"2 business outcomes (as declared; the catalogue classifies 1 of them otherwise) " +
				"and none a successful customer outcome; 1 output is rewarded, declared an outcome.",
		},
		{
			// The other direction: first contact resolution, a customer
			// outcome by the catalogue, declared an output and rewarded,
			// beside calls handled, an output either way. 2 of 3 declared
			// output-side (66.67%), 1 of them classified otherwise; Revenue
			// as declared; no output is rewarded.
			name: "a rewarded outcome declared an output",
			in: []outcome.Metric{
				auditMetric("fcr", "First contact resolution", outcome.Output, true),
				auditMetric("calls", "Calls handled", outcome.Output, false),
				auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
			},
			want: "2 of 3 KPIs (66.67%) measure outputs or the work behind them " +
				"(as declared; the catalogue classifies 1 of them otherwise), 1 a business outcome " +
				"and none a successful customer outcome; no output is rewarded.",
		},
		{
			// One declared output-side KPI, a customer outcome by the
			// catalogue; two business outcomes, both outputs by it; a task
			// the catalogue classifies as an output stays output-side, and
			// is not noted.
			name: "every figure noted",
			in: []outcome.Metric{
				auditMetric("fcr", "First contact resolution", outcome.Activity, false),
				auditMetric("aht", "AHT", outcome.BusinessOutcome, false),
				auditMetric("calls", "Calls handled", outcome.BusinessOutcome, false),
				auditMetric("calls2", "Calls handled", outcome.Task, false),
				auditMetric("nps", "NPS", outcome.CustomerOutcome, false),
			},
			want: "2 of 5 KPIs (40%) measure outputs or the work behind them " +
				"(as declared; the catalogue classifies 1 of them otherwise), " +
				"2 business outcomes (as declared; the catalogue classifies each otherwise) " +
				"and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); " +
				"no output is rewarded.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := outcome.Audit(tt.in, outcome.AuditOptions{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Summary())
		})
	}
	assert.Equal(t, "No portfolio was audited.", outcome.AuditReport{}.Summary())
}

// auditMixed is a portfolio with every kind of finding, duplicates whose
// definitions differ, and a rewarded output in disguise.
func auditMixed() []outcome.Metric {
	return []outcome.Metric{
		auditOwned("calls", "Calls handled", outcome.Output, true, "North"),
		auditOwned("calls", "Calls handled", outcome.Output, true, "South"),
		auditMetric("calls", "Calls handled", outcome.Output, false),
		auditMetric("aht", "AHT", outcome.Output, true),
		auditMetric("aht", "AHT", outcome.CustomerOutcome, true),
		auditMetric("rev", "Revenue", outcome.Output, false),
		auditMetric("rev2", "Revenue", outcome.BusinessOutcome, true),
		auditMetric("w1", auditWidget, outcome.Task, true),
		auditMetric("w2", auditWidget, outcome.Activity, false),
		auditMetric("w2", auditWidget, outcome.Activity, false),
		auditMetric("z", auditWidget, outcome.Output, false),
	}
}

// TestAudit_orderIndependent: permuting the portfolio changes nothing in the
// report, not even the JSON bytes.
func TestAudit_orderIndependent(t *testing.T) {
	ms := auditMixed()
	want, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(want.Findings()), 8, "the portfolio exercises many findings")

	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		p := slices.Clone(ms)
		if i == 0 {
			slices.Reverse(p)
		} else {
			rng.Shuffle(len(p), func(a, b int) { p[a], p[b] = p[b], p[a] })
		}
		got, err := outcome.Audit(p, outcome.AuditOptions{})
		require.NoError(t, err)
		require.True(t, want.Equal(got), "permutation %d changes the report", i)
		gotJSON, err := json.Marshal(got)
		require.NoError(t, err)
		require.Equal(t, string(wantJSON), string(gotJSON))
	}
}

func TestAuditReport_findingsOrder(t *testing.T) {
	r, err := outcome.Audit(auditMixed(), outcome.AuditOptions{})
	require.NoError(t, err)
	var got []string
	for _, f := range r.Findings() {
		got = append(got, fmt.Sprintf("%s %s %v", f.Severity(), f.Code(), f.IDs()))
	}
	// Errors, then warnings; by code; by IDs; the two rewarded "aht" by
	// their definitions (declared Output < Successful Customer Outcome), the
	// two rewarded "calls" too (owner "North" < "South"). The only KPI
	// declared a customer outcome is AHT, an output by the catalogue, so
	// none counts, and that "aht" is a rewarded output too.
	want := []string{
		"error duplicate-metric-id [aht]",
		"error duplicate-metric-id [calls]",
		"error duplicate-metric-id [w2]",
		"error no-customer-outcome-measure [aht]",
		"error rewarded-output [aht]",
		"error rewarded-output [aht]",
		"error rewarded-output [calls]",
		"error rewarded-output [calls]",
		"error rewarded-output [w1]",
		"warning level-contradicts-catalogue [aht]",
		"warning level-contradicts-catalogue [rev]",
		"warning output-heavy [aht calls calls calls rev w1 w2 w2 z]",
		"warning unclassified-metric [w1 w2 w2 z]",
	}
	assert.Equal(t, want, got)
	fs := r.Findings()
	auditCheckOrder(t, fs)
	assert.Equal(t, outcome.Output, fs[4].Metric().Level())
	assert.Equal(t, outcome.CustomerOutcome, fs[5].Metric().Level())
	assert.Equal(t, "North", fs[6].Metric().Owner())
	assert.Equal(t, "South", fs[7].Metric().Owner())
	// Rewarded: 2 calls, 2 aht (one in disguise), w1; rev2 is an outcome.
	assert.Equal(t, 5, r.RewardedOutputCount())

	// Output side: 3 calls + aht + rev + w1 + 2 w2 + z = 9 of 11 = 81.8% >= 80%.
	assert.Equal(t, 9, r.OutputSideCount())
	assert.Equal(t, 11, r.Total())
}

// TestAuditReport_tieBreak: findings about metrics that share an ID come in
// the order of the rest of their definitions, field by field, whatever the
// input order.
func TestAuditReport_tieBreak(t *testing.T) {
	base := outcome.MetricSpec{ID: "x", Name: "Revenue", Level: outcome.Output, Direction: outcome.HigherIsBetter}
	with := func(change func(*outcome.MetricSpec)) outcome.Metric {
		s := base
		change(&s)
		return outcome.MustMetric(s)
	}
	// Each declares "Revenue" (a business outcome in the catalogue) at
	// another level, so each has a level-contradicts-catalogue finding on
	// "x"; listed here in the expected order.
	want := []outcome.Metric{
		with(func(s *outcome.MetricSpec) {
			s.Name = "Calls handled"
			s.Level = outcome.BusinessOutcome
			s.Kind = outcome.Revenue
		}),
		with(func(s *outcome.MetricSpec) {
			s.Name = "Calls handled"
			s.Level = outcome.BusinessOutcome
			s.Kind = outcome.Cost
		}),
		with(func(s *outcome.MetricSpec) { s.Level = outcome.Task }),
		with(func(*outcome.MetricSpec) {}),
		with(func(s *outcome.MetricSpec) { s.Description = "d" }),
		with(func(s *outcome.MetricSpec) { s.Rewarded = true }),
		with(func(s *outcome.MetricSpec) { s.Owner = "o" }),
		with(func(s *outcome.MetricSpec) { s.Unit = "EUR" }),
		with(func(s *outcome.MetricSpec) { s.Direction = outcome.LowerIsBetter }),
		with(func(s *outcome.MetricSpec) { s.Level = outcome.CustomerOutcome }),
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		in := slices.Clone(want)
		rng.Shuffle(len(in), func(a, b int) { in[a], in[b] = in[b], in[a] })
		r, err := outcome.Audit(in, outcome.AuditOptions{})
		require.NoError(t, err)
		var got []outcome.Metric
		for _, f := range r.Findings() {
			if f.Code() == outcome.CodeLevelContradictsCatalogue {
				got = append(got, f.Metric())
			}
		}
		require.Len(t, got, len(want))
		for i := range want {
			assert.True(t, want[i].Equal(got[i]), "position %d: want %+v, got %+v", i, want[i].Spec(), got[i].Spec())
		}
	}
}

func TestAuditReport_immutable(t *testing.T) {
	r, err := outcome.Audit(auditMixed(), outcome.AuditOptions{})
	require.NoError(t, err)
	before, err := json.Marshal(r)
	require.NoError(t, err)

	fs := r.Findings()
	fs[0] = outcome.Finding{}
	ids := r.Findings()[0].IDs()
	ids[0] = "changed"
	after, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	assert.False(t, r.Findings()[0].IsZero())
}

func TestAuditReport_Equal(t *testing.T) {
	a, err := outcome.Audit(auditMixed(), outcome.AuditOptions{})
	require.NoError(t, err)
	b, err := outcome.Audit(auditMixed(), outcome.AuditOptions{})
	require.NoError(t, err)
	assert.True(t, a.Equal(b))
	assert.True(t, a.Findings()[0].Equal(b.Findings()[0]))
	assert.False(t, a.Findings()[0].Equal(a.Findings()[1]))

	c, err := outcome.Audit(auditMixed(), auditThreshold(0.5))
	require.NoError(t, err)
	assert.False(t, a.Equal(c), "another threshold")
	d, err := outcome.Audit(auditMixed()[1:], outcome.AuditOptions{})
	require.NoError(t, err)
	assert.False(t, a.Equal(d), "another portfolio")

	// Two no-customer-outcome findings about one ID, "x", declared a
	// customer outcome by two definitions the catalogue classifies
	// otherwise: they name different metrics, so they differ.
	e1, err := outcome.Audit([]outcome.Metric{auditMetric("x", "AHT", outcome.CustomerOutcome, false)}, outcome.AuditOptions{})
	require.NoError(t, err)
	e2, err := outcome.Audit([]outcome.Metric{auditMetric("x", "Revenue", outcome.CustomerOutcome, false)}, outcome.AuditOptions{})
	require.NoError(t, err)
	f1, f2 := auditFinding(t, e1, outcome.CodeNoCustomerOutcomeMeasure), auditFinding(t, e2, outcome.CodeNoCustomerOutcomeMeasure)
	require.Equal(t, f1.IDs(), f2.IDs())
	assert.False(t, f1.Equal(f2), "other metrics declared customer outcomes")
	assert.True(t, f1.Equal(auditFinding(t, e1, outcome.CodeNoCustomerOutcomeMeasure)))

	assert.True(t, outcome.AuditReport{}.IsZero())
	assert.False(t, a.IsZero())
	assert.True(t, outcome.Finding{}.IsZero())
	assert.False(t, a.Findings()[0].IsZero())
	assert.Empty(t, outcome.Finding{}.String())
	assert.Empty(t, outcome.Finding{}.Message())
}

func TestAuditReport_MarshalJSON(t *testing.T) {
	// 3 KPIs: 2 output-side (2/3 = 0.6667, under 0.8), 1 business outcome
	// (1/3 = 0.3333); calls handled is rewarded; the widget is unclassified.
	ms := []outcome.Metric{
		auditOwned("calls", "Calls handled", outcome.Output, true, "Floor"),
		auditMetric("widget", auditWidget, outcome.Activity, false),
		auditMetric("rev", "Revenue", outcome.BusinessOutcome, false),
	}
	r, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)
	got, err := json.Marshal(r)
	require.NoError(t, err)
	want := `{
		"total": 3,
		"outputHeavyThreshold": "0.8",
		"levels": [
			{"level": "task", "count": 0, "share": "0"},
			{"level": "activity", "count": 1, "share": "0.3333"},
			{"level": "output", "count": 1, "share": "0.3333"},
			{"level": "business-outcome", "count": 1, "share": "0.3333"},
			{"level": "customer-outcome", "count": 0, "share": "0"}
		],
		"outputSide": {"count": 2, "share": "0.6667"},
		"outcomes": {"count": 1, "share": "0.3333"},
		"rewardedOutputs": 1,
		"summary": "2 of 3 KPIs (66.67%) measure outputs or the work behind them, 1 a business outcome and none a successful customer outcome; 1 output is rewarded.",
		"findings": [
			{"code": "no-customer-outcome-measure", "severity": "error", "ids": [], "count": 0,
			 "message": "none of the 3 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for"},
			{"code": "rewarded-output", "severity": "error", "ids": ["calls"], "count": 1, "declaredLevel": "output",
			 "message": "\"Calls handled\" (id \"calls\", owner \"Floor\") is an Output tied to a reward: \"if you pay people for doing dumb stuff they get really smart at it\""},
			{"code": "unclassified-metric", "severity": "warning", "ids": ["widget"], "count": 1,
			 "message": "1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): \"widget\""}
		]
	}`
	assert.JSONEq(t, want, string(got))

	t.Run("contradiction carries the catalogue", func(t *testing.T) {
		r, err := outcome.Audit([]outcome.Metric{auditMetric("aht", "AHT", outcome.CustomerOutcome, false)}, outcome.AuditOptions{})
		require.NoError(t, err)
		f := auditFinding(t, r, outcome.CodeLevelContradictsCatalogue)
		got, err := json.Marshal(f)
		require.NoError(t, err)
		c := outcome.Classify("AHT")
		want, err := json.Marshal(map[string]any{
			"code": "level-contradicts-catalogue", "severity": "warning", "ids": []string{"aht"}, "count": 1,
			"declaredLevel": "customer-outcome",
			"catalogue":     map[string]string{"name": c.Name, "level": "output", "reason": c.Reason},
			"message":       f.Message(),
		})
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(got))
	})

	t.Run("a rewarded output declared an outcome carries the catalogue", func(t *testing.T) {
		// The only KPI: NPS, rewarded, declared a customer outcome. One of
		// one is declared an outcome (none output-side); the catalogue makes
		// it a rewarded output and not a measure of a customer outcome.
		nps := auditOwned("nps", "NPS", outcome.CustomerOutcome, true, "Marketing")
		r, err := outcome.Audit([]outcome.Metric{nps}, outcome.AuditOptions{})
		require.NoError(t, err)
		got, err := json.Marshal(r)
		require.NoError(t, err)
		c := outcome.Classify("NPS")
		catalogue, err := json.Marshal(map[string]string{"name": "Net Promoter Score", "level": "output", "reason": c.Reason})
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"total": 1, "outputHeavyThreshold": "0.8",
			"levels": [
				{"level": "task", "count": 0, "share": "0"},
				{"level": "activity", "count": 0, "share": "0"},
				{"level": "output", "count": 0, "share": "0"},
				{"level": "business-outcome", "count": 0, "share": "0"},
				{"level": "customer-outcome", "count": 1, "share": "1"}
			],
			"outputSide": {"count": 0, "share": "0"},
			"outcomes": {"count": 1, "share": "1"},
			"rewardedOutputs": 1,
			"summary": "0 of 1 KPI (0%) measure outputs or the work behind them, none a business outcome and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); 1 output is rewarded, declared an outcome.",
			"findings": [
				{"code": "no-customer-outcome-measure", "severity": "error", "ids": ["nps"], "count": 1,
				 "metrics": [{"id": "nps", "catalogue": `+string(catalogue)+`}],
				 "message": "the only KPI does not measure a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for: \"NPS\" (id \"nps\", owner \"Marketing\") is declared one but does not count, since the catalogue, after the method, classifies Net Promoter Score as an Output"},
				{"code": "rewarded-output", "severity": "error", "ids": ["nps"], "count": 1, "declaredLevel": "customer-outcome",
				 "catalogue": `+string(catalogue)+`,
				 "message": "\"NPS\" (id \"nps\", owner \"Marketing\") is declared a Successful Customer Outcome, but the catalogue, after the method, classifies Net Promoter Score as an Output, and it is tied to a reward: \"if you pay people for doing dumb stuff they get really smart at it\""},
				{"code": "level-contradicts-catalogue", "severity": "warning", "ids": ["nps"], "count": 1, "declaredLevel": "customer-outcome",
				 "catalogue": `+string(catalogue)+`,
				 "message": "\"NPS\" (id \"nps\", owner \"Marketing\") is declared a Successful Customer Outcome, but the catalogue classes Net Promoter Score as an Output (`+jsonText(t, c.Reason)+`); it is tied to a reward"}
			]
		}`, string(got))
	})

	t.Run("empty portfolio", func(t *testing.T) {
		r, err := outcome.Audit(nil, auditThreshold(0.25))
		require.NoError(t, err)
		got, err := json.Marshal(r)
		require.NoError(t, err)
		assert.JSONEq(t, `{
			"total": 0, "outputHeavyThreshold": "0.25",
			"levels": [
				{"level": "task", "count": 0, "share": "0"},
				{"level": "activity", "count": 0, "share": "0"},
				{"level": "output", "count": 0, "share": "0"},
				{"level": "business-outcome", "count": 0, "share": "0"},
				{"level": "customer-outcome", "count": 0, "share": "0"}
			],
			"outputSide": {"count": 0, "share": "0"},
			"outcomes": {"count": 0, "share": "0"},
			"rewardedOutputs": 0,
			"summary": "The portfolio is empty: it has no KPIs to audit.",
			"findings": [{"code": "empty-portfolio", "severity": "warning", "ids": [], "count": 0,
			              "message": "the portfolio is empty: there are no KPIs to audit"}]
		}`, string(got))
	})

	t.Run("zero values do not marshal", func(t *testing.T) {
		_, err := json.Marshal(outcome.AuditReport{})
		assert.ErrorContains(t, err, "outcome: cannot marshal the zero AuditReport")
		assert.ErrorIs(t, err, outcome.ErrNoData, "through encoding/json's MarshalerError")
		_, err = outcome.AuditReport{}.MarshalJSON()
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, outcome.ErrNoData, e.Code)
		assert.EqualError(t, err, "outcome: cannot marshal the zero AuditReport")

		_, err = json.Marshal(outcome.Finding{})
		assert.ErrorContains(t, err, "outcome: cannot marshal the zero Finding")
		assert.ErrorIs(t, err, outcome.ErrNoData)
		_, err = outcome.Finding{}.MarshalJSON()
		require.ErrorAs(t, err, &e)
		assert.Equal(t, outcome.ErrNoData, e.Code)
		assert.EqualError(t, err, "outcome: cannot marshal the zero Finding")
	})
}

// TestAuditReport_UnmarshalJSON: a report and a finding are results; their
// JSON is not read back. Decoding is an error with a stable code, never the
// silent zero value encoding/json would leave in their unexported fields
// (which could not even be marshalled again).
func TestAuditReport_UnmarshalJSON(t *testing.T) {
	report, err := outcome.Audit([]outcome.Metric{auditMetric("calls", "Calls handled", outcome.Output, true)},
		outcome.AuditOptions{})
	require.NoError(t, err)
	stored, err := json.Marshal(report)
	require.NoError(t, err)
	finding := auditFinding(t, report, outcome.CodeRewardedOutput)
	storedFinding, err := json.Marshal(finding)
	require.NoError(t, err)

	const reportMsg = "outcome: an AuditReport is not read back from JSON: it is a result, " +
		"and its JSON does not hold all of it; audit the metrics again"
	const findingMsg = "outcome: a Finding is not read back from JSON: it is a result, " +
		"and its JSON does not hold all of it; audit the metrics again"
	for _, in := range []string{string(stored), `{"total":4,"findings":[{"code":"rewarded-output"}]}`, `{}`, `null`, `[`} {
		t.Run("report "+in[:min(len(in), 12)], func(t *testing.T) {
			back := report
			err := back.UnmarshalJSON([]byte(in))
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, outcome.ErrResultNotDecodable, e.Code)
			assert.Equal(t, outcome.SeverityError, e.Severity)
			assert.Empty(t, e.IDs)
			assert.EqualError(t, err, reportMsg)
			assert.True(t, back.Equal(report), "unchanged")
		})
		t.Run("finding "+in[:min(len(in), 12)], func(t *testing.T) {
			back := finding
			err := back.UnmarshalJSON([]byte(in))
			assert.ErrorIs(t, err, outcome.ErrResultNotDecodable)
			assert.EqualError(t, err, findingMsg)
			assert.True(t, back.Equal(finding), "unchanged")
		})
	}

	t.Run("through encoding/json", func(t *testing.T) {
		var r outcome.AuditReport
		err := json.Unmarshal(stored, &r)
		assert.ErrorIs(t, err, outcome.ErrResultNotDecodable)
		assert.True(t, r.IsZero())
		var doc struct {
			Report   outcome.AuditReport `json:"report"`
			Findings []outcome.Finding   `json:"findings"`
		}
		assert.ErrorIs(t, json.Unmarshal([]byte(`{"report":null}`), &doc), outcome.ErrResultNotDecodable,
			"null in a field is refused too")
		assert.ErrorIs(t, json.Unmarshal([]byte(`{"findings":[`+string(storedFinding)+`]}`), &doc),
			outcome.ErrResultNotDecodable)
	})
}

func TestAudit_doesNotChangeInput(t *testing.T) {
	ms := auditMixed()
	before := slices.Clone(ms)
	_, err := outcome.Audit(ms, outcome.AuditOptions{})
	require.NoError(t, err)
	assert.True(t, slices.EqualFunc(before, ms, outcome.Metric.Equal))
}

func TestAudit_errorsAreCodes(t *testing.T) {
	// Finding codes are codes like the error codes, and distinct from them.
	codes := []outcome.Code{
		outcome.CodeEmptyPortfolio, outcome.CodeOutputHeavy, outcome.CodeNoCustomerOutcomeMeasure,
		outcome.CodeRewardedOutput, outcome.CodeLevelContradictsCatalogue, outcome.CodeDuplicateMetricID,
		outcome.CodeUnclassifiedMetric,
		outcome.ErrEmptyID, outcome.ErrInvalidID, outcome.ErrDuplicateID, outcome.ErrEmptyName,
		outcome.ErrUnknownLevel, outcome.ErrUnknownDirection, outcome.ErrUnknownKind, outcome.ErrMissingKind,
		outcome.ErrUnexpectedKind, outcome.ErrInvalidJSON, outcome.ErrInvalidThreshold, outcome.ErrNotFinite,
	}
	seen := map[outcome.Code]bool{}
	for _, c := range codes {
		assert.False(t, seen[c], "code %q declared twice", c)
		seen[c] = true
		assert.Regexp(t, `^[a-z]+(-[a-z]+)*$`, string(c))
	}
	assert.False(t, errors.Is(outcome.CodeDuplicateMetricID, outcome.ErrDuplicateID))
}

// jsonText returns s as it is inside a JSON string, without the quotes.
func jsonText(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return string(b[1 : len(b)-1])
}
