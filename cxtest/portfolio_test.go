package cxtest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// portfolio has three output-side KPIs and one customer outcome.
const portfolio = `
output:aht "Average handle time" rewarded owner="North team"
output:calls-handled "Calls handled" rewarded
sco:solved-first-contact "Problem solved at first contact"
output:wallboard-refreshes "Wallboard refreshes"
`

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestAssertOutputShareAtMost(t *testing.T) {
	kpis := Metrics(portfolio)
	t.Run("pass at the limit", func(t *testing.T) {
		// 3 of 4 is exactly 0.75.
		var c captureT
		checkPass(t, &c, AssertOutputShareAtMost(&c, kpis, dec("0.75")))
	})
	t.Run("fail", func(t *testing.T) {
		// 3 of 4 = 75% > 50%. Fewer: (3 - 0.5*4) / (1 - 0.5) = 2, and 1 of
		// 2 is 50%. More: 3/0.5 - 4 = 2, and 3 of 6 is 50%.
		var c captureT
		ok := AssertOutputShareAtMost(&c, kpis, dec("0.5"), "the bonus scheme")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t3 of 4 KPIs (75%) measure outputs or the work behind them, above the limit of 50%\n"+
			"\t         \texpected: at most 50% of the KPIs measure outputs or the work behind them\n"+
			"\t         \tactual  : 75% (3 of 4); within the limit would take 2 output-side KPIs fewer, or 2 outcome KPIs more\n"+
			"\tOutputs: \t\"aht\" (Average handle time, output, rewarded, owner \"North team\")\n"+
			"\t         \t\"calls-handled\" (Calls handled, output, rewarded)\n"+
			"\t         \t\"wallboard-refreshes\" (Wallboard refreshes, output)\n"+
			"\tMessages:\tthe bonus scheme\n")
	})
	t.Run("a share just above the limit", func(t *testing.T) {
		// 1 of 3 = 33.333...% > 33.33%. To two places it is 33.33%, the
		// limit itself, so it is shown to three: 33.333%. Fewer: (1 -
		// 0.9999) / 0.6667 = 0.00015, so 1, and 0 of 2 is 0%; more: 1/0.3333
		// - 3 = 0.0003, so 1, and 1 of 4 is 25%.
		var c captureT
		ok := AssertOutputShareAtMost(&c, Metrics("output:a", "sco:b", "sco:c"), dec("0.3333"))
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 3 KPIs (33.333%) measures outputs or the work behind them, above the limit of 33.33%\n"+
			"\t        \texpected: at most 33.33% of the KPIs measure outputs or the work behind them\n"+
			"\t        \tactual  : 33.333% (1 of 3); within the limit would take 1 output-side KPI fewer, or 1 outcome KPI more\n"+
			"\tOutputs:\t\"a\" (a, output)\n")
	})
	t.Run("a tiny limit", func(t *testing.T) {
		// 1 of 2 = 50% > 10^-18%. More: 1/10^-20 - 2 = 99999999999999999998,
		// past what an int64 holds, and 1 of 10^20 is 10^-20.
		var c captureT
		ok := AssertOutputShareAtMost(&c, Metrics("output:a", "sco:b"), dec("1e-20"))
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 2 KPIs (50%) measures outputs or the work behind them, above the limit of 0.000000000000000001%\n"+
			"\t        \texpected: at most 0.000000000000000001% of the KPIs measure outputs or the work behind them\n"+
			"\t        \tactual  : 50% (1 of 2); within the limit would take 1 output-side KPI fewer, or 99999999999999999998 outcome KPIs more\n"+
			"\tOutputs:\t\"a\" (a, output)\n")
		// 10^-3000: the limit is written with its exponent, as 10^-2998%,
		// and 1/10^-3000 - 2 (3000 digits) as more than 10^2998: a limit
		// below 10^-39 is known only to be below 10^(a+1), here 10^-2999,
		// so 1/L is above 10^2999, and 1/L - 2 above 10^2998.
		c = captureT{}
		ok = AssertOutputShareAtMost(&c, Metrics("output:a", "sco:b"), dec("1e-3000"))
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 2 KPIs (50%) measures outputs or the work behind them, above the limit of 1e-2998%\n"+
			"\t        \texpected: at most 1e-2998% of the KPIs measure outputs or the work behind them\n"+
			"\t        \tactual  : 50% (1 of 2); within the limit would take 1 output-side KPI fewer, or more than 10^2998 outcome KPIs more\n"+
			"\tOutputs:\t\"a\" (a, output)\n")
	})
	t.Run("a limit of many digits", func(t *testing.T) {
		// L = (10^50 - 1)·10^-81, just below 10^-31: 1/L = 10^31/(1 -
		// 10^-50) is just above 10^31, so the least whole k with 1/(2+k)
		// <= L is 10^31 + 1 - 2 = 10^31 - 1, thirty-one nines. The limit
		// in percent, (10^50 - 1)·10^-79, has 50 digits and 79 places: it
		// is written as its coefficient and exponent.
		var c captureT
		limit := decimal.New(1, 50).Sub(decimal.New(1, 0)).Shift(-81)
		AssertOutputShareAtMost(&c, Metrics("output:a", "sco:b"), limit)
		assert.Contains(t, strings.Join(c.errors, ""), "or "+strings.Repeat("9", 31)+" outcome KPIs more")
		assert.Contains(t, strings.Join(c.errors, ""), "above the limit of "+strings.Repeat("9", 50)+"e-79%")
	})
	t.Run("a limit with a huge exponent", func(t *testing.T) {
		// 10^-10000000 is compared by its size, not written out: 1 of 2 is
		// above it; 0 of 1 is within it, as it is within 0.
		var c captureT
		tiny := decimal.New(1, -10_000_000)
		ok := AssertOutputShareAtMost(&c, Metrics("output:a", "sco:b"), tiny)
		assert.False(t, ok)
		assert.Contains(t, strings.Join(c.errors, ""), "above the limit of 1e-9999998%")
		assert.Contains(t, strings.Join(c.errors, ""), "1 output-side KPI fewer, or more than 10^9999998 outcome KPIs more")
		assert.NoError(t, CheckOutputShareAtMost(Metrics("sco:b"), tiny))
		assert.NoError(t, CheckOutputShareAtMost(Metrics("sco:b"), decimal.New(0, -10_000_000)))
		err := CheckOutputShareAtMost(Metrics("sco:b"), decimal.New(1, 10_000_000))
		assert.ErrorIs(t, err, outcome.ErrInvalidThreshold)
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireOutputShareAtMost(t, kpis, dec("0.8")) },
			func(t TestingT) { RequireOutputShareAtMost(t, kpis, dec("0.7")) })
	})
}

func TestCheckOutputShareAtMost(t *testing.T) {
	kpis := Metrics(portfolio)
	oneOfThree := Metrics("output:a", "sco:b", "sco:c")
	tests := []struct {
		name    string
		metrics []outcome.Metric
		limit   string
		wantErr error
		wantMsg string
		wantIDs []string
	}{
		{name: "empty portfolio", limit: "0"},
		{name: "all outcomes, limit 0", metrics: kpis[2:3], limit: "0"},
		{name: "1 of 2 is at most a half", metrics: kpis[2:4], limit: "0.5"},
		{name: "anything is at most 1", metrics: kpis, limit: "1"},
		{
			// 3/4 > 0.7. Fewer: (3 - 2.8)/0.3 = 0.67, so 1, and 2/3 = 0.667
			// is within; more: 3/0.7 - 4 = 0.29, so 1, and 3/5 = 0.6 is.
			name: "limit 0.7", metrics: kpis, limit: "0.7", wantErr: ErrOutputShare,
			wantIDs: []string{"aht", "calls-handled", "wallboard-refreshes"},
			wantMsg: `cxtest: 3 of 4 KPIs (75%) measure outputs or the work behind them, above the limit of 70%: ` +
				`"aht" (Average handle time, output, rewarded, owner "North team"); ` +
				`"calls-handled" (Calls handled, output, rewarded); ` +
				`"wallboard-refreshes" (Wallboard refreshes, output)`,
		},
		{
			// 1 of 1 = 100% > 0%: the one output must go; no number of
			// outcome KPIs brings the share to 0.
			name: "limit 0", metrics: kpis[:1], limit: "0", wantErr: ErrOutputShare,
			wantIDs: []string{"aht"},
			wantMsg: `cxtest: 1 of 1 KPI (100%) measures outputs or the work behind them, above the limit of 0%: ` +
				`"aht" (Average handle time, output, rewarded, owner "North team")`,
		},
		{
			// 1/3 = 33.3333...% > 33.3301%. To two places it would show
			// 33.33%, below the limit shown; to three, 33.333%, above it.
			name: "limit with more places than the share", metrics: oneOfThree, limit: "0.333301", wantErr: ErrOutputShare,
			wantMsg: `cxtest: 1 of 3 KPIs (33.333%) measures outputs or the work behind them, above the limit of 33.3301%: "a" (a, output)`,
		},
		{
			// 1/3 = 33.3333...% > 33.333%: 33.33 is below, 33.333 equal,
			// 33.3333 above.
			name: "limit that takes four places", metrics: oneOfThree, limit: "0.33333", wantErr: ErrOutputShare,
			wantMsg: `cxtest: 1 of 3 KPIs (33.3333%) measures outputs or the work behind them, above the limit of 33.333%: "a" (a, output)`,
		},
		{
			name: "negative limit", metrics: kpis, limit: "-0.1", wantErr: outcome.ErrInvalidThreshold,
			wantMsg: "cxtest: output share limit -0.1 is not a share in [0, 1]",
		},
		{
			name: "limit above 1", metrics: kpis, limit: "1.5", wantErr: outcome.ErrInvalidThreshold,
			wantMsg: "cxtest: output share limit 1.5 is not a share in [0, 1]",
		},
		{
			// 10^100 is written with its exponent, not a 1 and 100 zeros.
			name: "huge limit", metrics: kpis, limit: "1e100", wantErr: outcome.ErrInvalidThreshold,
			wantMsg: "cxtest: output share limit 1e100 is not a share in [0, 1]",
		},
		{
			name: "zero metric", metrics: []outcome.Metric{kpis[0], {}}, limit: "0.5", wantErr: outcome.ErrEmptyID,
			wantMsg: "outcome: cannot audit the zero Metric at index 1",
		},
		{
			// Any portfolio is at most 1 output-side, but "aht" is given
			// twice: the audit would count it twice (2 of 3, not 1 of 2).
			name: "duplicate ID", metrics: Metrics(`output:aht "AHT"`, "sco:solved", `output:aht "AHT" rewarded`),
			limit: "1", wantErr: outcome.ErrDuplicateID, wantIDs: []string{"aht"},
			wantMsg: `cxtest: more than one metric given has the ID "aht"`,
		},
		{
			name: "zero metric and duplicate ID", metrics: []outcome.Metric{kpis[0], {}, kpis[0]},
			limit: "0.5", wantErr: outcome.ErrDuplicateID,
			wantMsg: "outcome: cannot audit the zero Metric at index 1\n" + `cxtest: more than one metric given has the ID "aht"`,
		},
		{
			// Every problem of the arguments, the limit's first: the limit
			// is not checked alone.
			name: "limit, zero metric and duplicate ID", metrics: []outcome.Metric{kpis[0], {}, kpis[0]},
			limit: "-0.5", wantErr: outcome.ErrInvalidThreshold,
			wantMsg: "cxtest: output share limit -0.5 is not a share in [0, 1]\n" +
				"outcome: cannot audit the zero Metric at index 1\n" + `cxtest: more than one metric given has the ID "aht"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOutputShareAtMost(tt.metrics, dec(tt.limit))
			if tt.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, tt.wantMsg, err.Error())
			if tt.wantIDs != nil {
				var e *outcome.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.wantIDs, e.IDs)
			}
		})
	}
}

// TestCheckOutputShareAtMost_decimalSettingsIgnored: the messages write
// decimals as decimal's String does by default (the limit 0.70 as 70%, 1.50 as
// 1.5), whatever TrimTrailingZeros and UseScientificNotation say. It changes
// those settings, so it must not run in parallel.
func TestCheckOutputShareAtMost_decimalSettingsIgnored(t *testing.T) {
	dectest.FlipSettings(t)
	kpis := Metrics(portfolio)
	// 3 of 4 is 75%, above 70%, as in TestCheckOutputShareAtMost.
	err := CheckOutputShareAtMost(kpis, dec("0.70"))
	require.ErrorIs(t, err, ErrOutputShare)
	assert.True(t, strings.HasPrefix(err.Error(),
		"cxtest: 3 of 4 KPIs (75%) measure outputs or the work behind them, above the limit of 70%: "), err.Error())
	assert.EqualError(t, CheckOutputShareAtMost(kpis, dec("1.50")), "cxtest: output share limit 1.5 is not a share in [0, 1]")
	// 9·10^5 EUR is 900000 EUR; the difference, 10^5 EUR, 100000 EUR.
	want, err := triplecrown.NewMoney(decimal.New(9, 5), "EUR")
	require.NoError(t, err)
	got, err := triplecrown.NewMoney(decimal.New(1, 6), "EUR")
	require.NoError(t, err)
	assert.EqualError(t, CheckMoneyEqual(want, got),
		"cxtest: money not equal by value (expected 900000 EUR, actual 1000000 EUR; +100000 EUR (actual - expected))")
}

func TestRemedy(t *testing.T) {
	tests := []struct {
		o, total int
		limit    string
		want     string
	}{
		// 12 of 15 (80%) to at most 50%: fewer (12 - 7.5)/0.5 = 9, and 3 of
		// 6 is 50%; more 12/0.5 - 15 = 9, and 12 of 24 is 50%.
		{12, 15, "0.5", "9 output-side KPIs fewer, or 9 outcome KPIs more"},
		// 2 of 3 to at most 1/3 (0.333...3 is just below 1/3): fewer
		// (2 - 0.9999999999)/0.6666666667 = 1.4999999999..., so 2, leaving
		// 0 of 1; 1 would leave 1 of 2 = 0.5. More: 2/0.3333333333 = 6.0000000006,
		// so 7 - 3 = 4, and 2 of 7 = 0.286 (2 of 6 would be 1/3, above it).
		{2, 3, "0.3333333333", "2 output-side KPIs fewer, or 4 outcome KPIs more"},
		// 1 of 1 to at most 0.
		{1, 1, "0", "1 output-side KPI fewer"},
		// 5 of 6 to at most 0.8: fewer (5 - 4.8)/0.2 = 1: 4 of 5 = 0.8;
		// more 5/0.8 = 6.25, so 7 - 6 = 1: 5 of 7 = 0.714.
		{5, 6, "0.8", "1 output-side KPI fewer, or 1 outcome KPI more"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, remedy(tt.o, tt.total, dec(tt.limit)))
		})
	}
}

func TestAssertNoRewardedOrphanOutputs(t *testing.T) {
	kpis := Metrics(portfolio, `output:wallboard "Wallboard refreshes" rewarded`)
	// calls-handled measures an aligned output; wallboard an orphan; aht
	// measures no node at all.
	m := MeasuredHierarchy([]outcome.Metric{kpis[1], kpis[4]}, aligned, "task:update -> output:wallboard")
	good := MeasuredHierarchy(kpis[1:2], aligned)
	t.Run("pass", func(t *testing.T) {
		// calls-handled is rewarded and aligned; the others are not rewarded.
		var c captureT
		checkPass(t, &c, AssertNoRewardedOrphanOutputs(&c, good, kpis[1:4]))
	})
	t.Run("fail", func(t *testing.T) {
		// Rewarded output-side metrics: aht, calls-handled, wallboard (3);
		// calls-handled alone has a line of sight.
		var c captureT
		ok := AssertNoRewardedOrphanOutputs(&c, m, kpis)
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t2 of 3 rewarded output-side metrics have no line of sight to a successful customer outcome\n"+
			"\t        \texpected: every rewarded output-side metric measures work that reaches a successful customer outcome\n"+
			"\t        \tactual  : 1 of 3 does\n"+
			"\tOrphans:\t\"aht\" (Average handle time, output, rewarded, owner \"North team\"): no node of the hierarchy is measured by it\n"+
			"\t        \t\"wallboard\" (Wallboard refreshes, output, rewarded): it measures output \"wallboard\", which contributes to nothing\n")
	})
	t.Run("metrics the hierarchy carries", func(t *testing.T) {
		// No metric is given: the hierarchy's own are examined.
		err := CheckNoRewardedOrphanOutputs(m, nil)
		require.ErrorIs(t, err, ErrRewardedOrphanOutput)
		assert.Equal(t, `cxtest: 1 of 2 rewarded output-side metrics has no line of sight to a successful customer outcome: `+
			`"wallboard" (Wallboard refreshes, output, rewarded): it measures output "wallboard", which contributes to nothing`,
			err.Error())
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireNoRewardedOrphanOutputs(t, good, kpis[1:2]) },
			func(t TestingT) { RequireNoRewardedOrphanOutputs(t, good, kpis[:1]) })
	})
}

// TestCheckNoRewardedOrphanOutputsAudit checks that, in a hierarchy that
// measures none of the metrics, the rewarded orphan outputs are exactly the
// audit's rewarded outputs declared output-side. (The empty hierarchy, which
// served here once, cannot be checked: see TestEmptyHierarchy.)
func TestCheckNoRewardedOrphanOutputsAudit(t *testing.T) {
	kpis := Metrics(portfolio,
		"bo:revenue rewarded",                   // rewarded, but an outcome
		"activity:coaching rewarded",            // rewarded work: output-side
		"task:log-call",                         // not rewarded
		`sco:nps "Net Promoter Score" rewarded`, // an output by the catalogue, declared an outcome
	)
	r, err := outcome.Audit(kpis, outcome.AuditOptions{})
	require.NoError(t, err)
	var want []string
	for _, f := range r.Findings() {
		if f.Code() == outcome.CodeRewardedOutput && !f.Metric().IsOutcome() {
			want = append(want, f.IDs()[0])
		}
	}
	require.Equal(t, []string{"aht", "calls-handled", "coaching"}, want, "the audit's rewarded outputs, by hand")
	require.Equal(t, 4, r.RewardedOutputCount(), "and NPS, declared an outcome, which the check does not examine")
	var e *outcome.Error
	require.ErrorAs(t, CheckNoRewardedOrphanOutputs(Hierarchy("sco:solved"), kpis), &e)
	assert.Equal(t, ErrRewardedOrphanOutput, e.Code)
	assert.Equal(t, want, e.IDs)
}

func TestCheckNoRewardedOrphanOutputs(t *testing.T) {
	calls := Metrics("output:calls rewarded")[0]
	// Two nodes measured by one metric: it has a line of sight if either
	// reaches a customer outcome.
	build := func(link string) hierarchy.Model {
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "calls-north", Level: outcome.Output, Metric: calls})
		b.AddNode(hierarchy.Node{ID: "calls-south", Level: outcome.Output, Metric: calls})
		b.AddNode(hierarchy.Node{ID: "solved", Level: outcome.CustomerOutcome})
		if link != "" {
			b.AddLink(link, "solved")
		}
		m, err := b.Build()
		require.NoError(t, err)
		return m
	}
	assert.NoError(t, CheckNoRewardedOrphanOutputs(build("calls-south"), nil))
	err := CheckNoRewardedOrphanOutputs(build(""), nil)
	require.ErrorIs(t, err, ErrRewardedOrphanOutput)
	assert.Equal(t, `cxtest: 1 of 1 rewarded output-side metric has no line of sight to a successful customer outcome: `+
		`"calls" (calls, output, rewarded): it measures output "calls-north", which contributes to nothing, `+
		`and 1 more node that reaches none`, err.Error())

	err = CheckNoRewardedOrphanOutputs(build("calls-south"), []outcome.Metric{calls, {}, {}})
	require.ErrorIs(t, err, outcome.ErrEmptyID)
	assert.Equal(t, "cxtest: cannot check 2 zero Metrics (at indexes 1, 2)", err.Error())
	// The empty hierarchy, which a failed Build returns, cannot be checked:
	// with no metric, it passed; with rewarded ones, it failed as if none
	// had a line of sight. With zero Metrics, both problems are said, the
	// hierarchy's first.
	err = CheckNoRewardedOrphanOutputs(hierarchy.Model{}, nil)
	require.ErrorIs(t, err, ErrEmptyHierarchy)
	assert.Equal(t, emptyHierarchyMsg, err.Error())
	err = CheckNoRewardedOrphanOutputs(hierarchy.Model{}, []outcome.Metric{calls})
	require.ErrorIs(t, err, ErrEmptyHierarchy)
	assert.NotErrorIs(t, err, ErrRewardedOrphanOutput)
	assert.Equal(t, emptyHierarchyMsg, err.Error())
	err = CheckNoRewardedOrphanOutputs(hierarchy.Model{}, []outcome.Metric{calls, {}, {}})
	require.ErrorIs(t, err, ErrEmptyHierarchy)
	require.ErrorIs(t, err, outcome.ErrEmptyID)
	assert.Equal(t, emptyHierarchyMsg+"\ncxtest: cannot check 2 zero Metrics (at indexes 1, 2)", err.Error())

	var c captureT
	ok := AssertNoRewardedOrphanOutputs(&c, hierarchy.Model{}, []outcome.Metric{calls})
	checkFail(t, &c, ok, "\n"+
		"\tError:\t"+emptyHierarchyMsg+"\n")
	checkRequire(t,
		func(t TestingT) { RequireNoRewardedOrphanOutputs(t, build("calls-south"), nil) },
		func(t TestingT) { RequireNoRewardedOrphanOutputs(t, hierarchy.Model{}, nil) })
}

func TestCheckNoRewardedOrphanOutputs_duplicateIDs(t *testing.T) {
	aht := Metrics(`output:aht "Average handle time" lower`)[0]
	ahtRewarded := Metrics(`output:aht "Average handle time" lower rewarded`)[0]
	solved := Metrics(`sco:solved "Solved"`)[0]
	// build makes a hierarchy of the customer outcome and, for each metric
	// given, an output node "n<i>" that it measures and that reaches
	// nothing.
	build := func(carried ...outcome.Metric) hierarchy.Model {
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "solved", Level: outcome.CustomerOutcome})
		for i, x := range carried {
			b.AddNode(hierarchy.Node{ID: fmt.Sprintf("n%d", i), Level: outcome.Output, Metric: x})
		}
		m, err := b.Build()
		require.NoError(t, err)
		return m
	}
	tests := []struct {
		name    string
		m       hierarchy.Model
		metrics []outcome.Metric
		wantErr []error // every code the error matches
		wantIDs []string
		wantMsg string
	}{
		{
			// The audit of the same list reports "aht" as a rewarded output
			// and as a duplicate ID (see below); the check refuses it.
			name: "a rewarded output behind a duplicate ID", m: Hierarchy("output:aht", "sco:solved"),
			metrics: []outcome.Metric{aht, ahtRewarded, solved},
			wantErr: []error{outcome.ErrDuplicateID}, wantIDs: []string{"aht"},
			wantMsg: `cxtest: more than one metric given has the ID "aht"`,
		},
		{
			// The same definition given twice is a duplicate too, as the
			// audit counts it: b three times and a twice, given unsorted.
			name: "several shared IDs, sorted", m: Hierarchy("sco:solved"), metrics: Metrics("output:b", "output:a", "output:b", "sco:c", "output:a", "output:b"),
			wantErr: []error{outcome.ErrDuplicateID}, wantIDs: []string{"a", "b"},
			wantMsg: `cxtest: 2 IDs are each given to more than one metric: "a", "b"`,
		},
		{
			// The zero Metrics define no ID: they share none.
			name: "zero metrics and a duplicate ID", m: Hierarchy("sco:solved"), metrics: []outcome.Metric{aht, {}, aht, {}},
			wantErr: []error{outcome.ErrEmptyID, outcome.ErrDuplicateID},
			wantMsg: "cxtest: cannot check 2 zero Metrics (at indexes 1, 3)\n" +
				`cxtest: more than one metric given has the ID "aht"`,
		},
		{
			// Every problem of the arguments, in their order: the empty
			// hierarchy, then the zero Metrics, then the shared IDs.
			name: "the empty hierarchy, zero metrics and a duplicate ID", metrics: []outcome.Metric{aht, {}, aht, {}},
			wantErr: []error{ErrEmptyHierarchy, outcome.ErrEmptyID, outcome.ErrDuplicateID},
			wantMsg: emptyHierarchyMsg + "\n" +
				"cxtest: cannot check 2 zero Metrics (at indexes 1, 3)\n" +
				`cxtest: more than one metric given has the ID "aht"`,
		},
		{
			// The node's "aht" is rewarded, the one given is not.
			name: "a node carries another definition than the one given", m: build(ahtRewarded),
			metrics: []outcome.Metric{aht, solved},
			wantErr: []error{outcome.ErrDuplicateID}, wantIDs: []string{"aht", "n0"},
			wantMsg: `cxtest: metric "aht" on node "n0" differs from the metric "aht" given`,
		},
		{
			// Two metrics given, each carried by nodes with another
			// definition: one error each, in the order of their IDs,
			// whatever the order of the nodes.
			name:    "two metrics carried with other definitions",
			m:       build(Metrics("output:zz rewarded")[0], ahtRewarded),
			metrics: []outcome.Metric{aht, Metrics("output:zz")[0]},
			wantErr: []error{outcome.ErrDuplicateID},
			wantMsg: `cxtest: metric "aht" on node "n1" differs from the metric "aht" given` + "\n" +
				`cxtest: metric "zz" on node "n0" differs from the metric "zz" given`,
		},
		{
			// Every problem, in order: a zero Metric and a shared ID do not
			// hide a node's other definition of a metric given once ("aht");
			// "zz", given twice, is not compared with the node's.
			name:    "a zero Metric, a shared ID and another definition",
			m:       build(ahtRewarded, Metrics("output:zz rewarded")[0]),
			metrics: []outcome.Metric{aht, {}, Metrics("output:zz")[0], Metrics("output:zz")[0]},
			wantErr: []error{outcome.ErrEmptyID, outcome.ErrDuplicateID},
			wantMsg: "cxtest: cannot check the zero Metric (at index 1)\n" +
				`cxtest: more than one metric given has the ID "zz"` + "\n" +
				`cxtest: metric "aht" on node "n0" differs from the metric "aht" given`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckNoRewardedOrphanOutputs(tt.m, tt.metrics)
			for _, code := range tt.wantErr {
				require.ErrorIs(t, err, code)
			}
			assert.Equal(t, tt.wantMsg, err.Error())
			if tt.wantIDs != nil {
				var e *outcome.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.wantIDs, e.IDs)
			}
		})
	}

	// The audit of the first list finds both a rewarded output and a
	// duplicate ID, an error.
	r, err := outcome.Audit([]outcome.Metric{aht, ahtRewarded, solved}, outcome.AuditOptions{})
	require.NoError(t, err)
	assert.True(t, r.Has(outcome.CodeRewardedOutput))
	assert.True(t, r.Has(outcome.CodeDuplicateMetricID))
	// A node may carry the metric given, and several nodes one metric.
	assert.NoError(t, CheckNoRewardedOrphanOutputs(build(aht, aht), []outcome.Metric{aht}))
}

func TestAssertRewardedKPIsAligned(t *testing.T) {
	kpis := Metrics(`
		bo:upsell "Upsell revenue" revenue rewarded owner=Sales
		output:calls "Calls handled" rewarded
		sco:solved "Solved" rewarded
		bo:cost "Cost to serve" cost
		output:wallboard "Wallboard refreshes"
		sco:loyal "Loyal" rewarded
	`)
	lines := []string{
		"task:pitch -> bo:upsell",
		"task:answer -> output:calls -> bo:cost -> sco:solved",
		"output:wallboard",
	}
	m := MeasuredHierarchy(kpis[:5], lines...)
	// good does not carry upsell: the metrics examined are those given.
	good := MeasuredHierarchy(kpis[1:5], lines...)
	t.Run("fail", func(t *testing.T) {
		// Rewarded: upsell, calls, solved and loyal (4). calls reaches
		// solved through cost; solved is a customer outcome. upsell's node
		// has no link up; loyal measures no node: 2 of 4 have no line of
		// sight, 2 of 4 do.
		var c captureT
		ok := AssertRewardedKPIsAligned(&c, m, kpis, "the bonus scheme")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t2 of 4 rewarded metrics have no line of sight to a successful customer outcome\n"+
			"\t         \texpected: every rewarded metric measures a node that is or reaches a successful customer outcome\n"+
			"\t         \tactual  : 2 of 4 do\n"+
			"\tOrphans: \t\"loyal\" (Loyal, successful customer outcome, rewarded): no node of the hierarchy is measured by it\n"+
			"\t         \t\"upsell\" (Upsell revenue, business outcome, rewarded, owner \"Sales\"): it measures business outcome \"upsell\", which contributes to nothing\n"+
			"\tMessages:\tthe bonus scheme\n")
		// The one rewarded output-side metric, calls, has a line of sight:
		// the rule for outputs alone passes the same definitions.
		assert.NoError(t, CheckNoRewardedOrphanOutputs(m, kpis))
	})
	t.Run("pass", func(t *testing.T) {
		// Without loyal and upsell, the rewarded are calls and solved.
		var c captureT
		checkPass(t, &c, AssertRewardedKPIsAligned(&c, good, kpis[1:5]))
	})
	t.Run("empty hierarchy", func(t *testing.T) {
		// The assertion cannot be made: the caller's message still follows.
		var c captureT
		ok := AssertRewardedKPIsAligned(&c, hierarchy.Model{}, kpis, "the bonus scheme")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t"+emptyHierarchyMsg+"\n"+
			"\tMessages:\tthe bonus scheme\n")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireRewardedKPIsAligned(t, good, kpis[1:5]) },
			func(t TestingT) { RequireRewardedKPIsAligned(t, good, kpis) })
		checkRequire(t,
			func(t TestingT) { RequireRewardedKPIsAligned(t, good, kpis[1:5]) },
			func(t TestingT) { RequireRewardedKPIsAligned(t, hierarchy.Model{}, nil) })
	})
}

func TestCheckRewardedKPIsAligned(t *testing.T) {
	tests := []struct {
		name    string
		m       hierarchy.Model
		metrics []outcome.Metric
		wantErr error
		wantIDs []string
		wantMsg string
	}{
		{
			// A customer outcome is one: nothing need feed it.
			name: "a rewarded customer outcome with nothing feeding it",
			m:    MeasuredHierarchy(Metrics("sco:solved rewarded"), "sco:solved"),
		},
		{
			name:    "no rewarded metric",
			m:       Hierarchy("bo:upsell", "sco:solved"),
			metrics: Metrics("bo:upsell revenue", "sco:solved"),
		},
		{
			// In a hierarchy that measures none of them, no metric has a
			// line of sight: the two rewarded ones, whatever their levels,
			// fail; b is not rewarded.
			name: "no node measured", m: Hierarchy("sco:solved"), metrics: Metrics("sco:c rewarded", "bo:b revenue", "task:a rewarded"),
			wantErr: ErrRewardedNotAligned, wantIDs: []string{"a", "c"},
			wantMsg: `cxtest: 2 of 2 rewarded metrics have no line of sight to a successful customer outcome: ` +
				`"a" (a, task, rewarded): no node of the hierarchy is measured by it; ` +
				`"c" (c, successful customer outcome, rewarded): no node of the hierarchy is measured by it`,
		},
		{
			// coach's line stops at the output coached, upsell's at the
			// business outcome revenue: neither reaches solved.
			name: "lines of sight that stop below the customer",
			m: MeasuredHierarchy(Metrics("activity:coach rewarded", "bo:upsell revenue rewarded"),
				"activity:coach -> output:coached",
				"bo:upsell -> bo:revenue",
				"task:fix -> sco:solved"),
			wantErr: ErrRewardedNotAligned, wantIDs: []string{"coach", "upsell"},
			wantMsg: `cxtest: 2 of 2 rewarded metrics have no line of sight to a successful customer outcome: ` +
				`"coach" (coach, activity, rewarded): it measures activity "coach", which reaches output "coached" only; ` +
				`"upsell" (upsell, business outcome, rewarded): it measures business outcome "upsell", which reaches business outcome "revenue" only`,
		},
		{
			// The empty hierarchy, which a failed Build returns, cannot be
			// checked: these metrics failed on it as having no line of
			// sight, and with no metric it passed.
			name: "the empty hierarchy", metrics: Metrics("sco:c rewarded", "task:a rewarded"),
			wantErr: ErrEmptyHierarchy, wantMsg: emptyHierarchyMsg,
		},
		{
			name: "the empty hierarchy and no metric", wantErr: ErrEmptyHierarchy, wantMsg: emptyHierarchyMsg,
		},
		{
			// The same refusals as CheckNoRewardedOrphanOutputs.
			name: "a shared ID", m: Hierarchy("sco:solved"), metrics: Metrics("bo:upsell revenue", "bo:upsell revenue rewarded"),
			wantErr: outcome.ErrDuplicateID, wantIDs: []string{"upsell"},
			wantMsg: `cxtest: more than one metric given has the ID "upsell"`,
		},
		{
			name: "the zero Metric", m: Hierarchy("sco:solved"), metrics: []outcome.Metric{{}},
			wantErr: outcome.ErrEmptyID,
			wantMsg: "cxtest: cannot check the zero Metric (at index 0)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRewardedKPIsAligned(tt.m, tt.metrics)
			if tt.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, tt.wantMsg, err.Error())
			if tt.wantIDs != nil {
				var e *outcome.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.wantIDs, e.IDs)
			}
		})
	}
}

// A check refuses every zero Metric it is given, and names the first ten of
// their indexes, counting the rest, so that its message stays short however
// many there are.
func TestCheckRewarded_zeroMetricsBounded(t *testing.T) {
	aht := Metrics(`output:aht "Average handle time" lower rewarded`)[0]
	// with returns aht followed by n zero Metrics, at indexes 1 to n.
	with := func(n int) []outcome.Metric { return append([]outcome.Metric{aht}, make([]outcome.Metric, n)...) }
	tests := []struct {
		name    string
		metrics []outcome.Metric
		wantMsg string
	}{
		{name: "one", metrics: with(1), wantMsg: "cxtest: cannot check the zero Metric (at index 1)"},
		{name: "two", metrics: with(2), wantMsg: "cxtest: cannot check 2 zero Metrics (at indexes 1, 2)"},
		{
			name: "ten, all named", metrics: with(10),
			wantMsg: "cxtest: cannot check 10 zero Metrics (at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)",
		},
		{
			name: "eleven, one counted", metrics: with(11),
			wantMsg: "cxtest: cannot check 11 zero Metrics (at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 1 more)",
		},
		{
			name: "a thousand", metrics: with(1000),
			wantMsg: "cxtest: cannot check 1000 zero Metrics (at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 990 more)",
		},
	}
	m := Hierarchy("sco:solved") // not the empty hierarchy, which is a problem too
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, err := range []error{
				CheckRewardedKPIsAligned(m, tt.metrics),
				CheckNoRewardedOrphanOutputs(m, tt.metrics),
			} {
				require.ErrorIs(t, err, outcome.ErrEmptyID)
				assert.Equal(t, tt.wantMsg, err.Error())
			}
		})
	}
}
