package cxtest

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

func TestHierarchy(t *testing.T) {
	got := Hierarchy(`
		# the front line
		task:answer-call "Answer call" -> activity:handle-enquiry -> output:calls-handled
		calls-handled -[0.40]-> business-outcome:cost-to-serve -> sco:solved

	`, "output:first-time-response -[ 0.6 ]-> cost-to-serve",
		`sco:joy "The joy of the new car"`)

	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "handle-enquiry", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "cost-to-serve", Level: outcome.BusinessOutcome})
	b.AddNode(hierarchy.Node{ID: "solved", Level: outcome.CustomerOutcome})
	b.AddNode(hierarchy.Node{ID: "first-time-response", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "joy", Name: "The joy of the new car", Level: outcome.CustomerOutcome})
	b.AddLink("answer-call", "handle-enquiry")
	b.AddLink("handle-enquiry", "calls-handled")
	b.AddWeightedLink("calls-handled", "cost-to-serve", dec("0.4"))
	b.AddLink("cost-to-serve", "solved")
	b.AddWeightedLink("first-time-response", "cost-to-serve", dec("0.6"))
	want, err := b.Build()
	require.NoError(t, err)
	assert.True(t, want.Equal(got), "the fixture builds the hierarchy written")

	var order []string
	for n := range got.Nodes() {
		order = append(order, n.ID)
	}
	assert.Equal(t, []string{"answer-call", "handle-enquiry", "calls-handled", "cost-to-serve", "solved",
		"first-time-response", "joy"}, order, "nodes in the order they first appear")
	assert.Equal(t, hierarchy.Model{}.Len(), Hierarchy().Len(), "no lines: the empty hierarchy")
}

func TestMeasuredHierarchy(t *testing.T) {
	kpis := Metrics("output:calls-handled rewarded", "sco:solved")
	m := MeasuredHierarchy(kpis, "output:calls-handled -> sco:solved")
	n, err := m.Node("calls-handled")
	require.NoError(t, err)
	assert.True(t, n.Metric.Equal(kpis[0]))
	n, err = m.Node("solved")
	require.NoError(t, err)
	assert.True(t, n.Metric.Equal(kpis[1]))
}

func TestHierarchyMalformed(t *testing.T) {
	tests := []struct {
		name    string
		metrics []outcome.Metric
		lines   []string
		want    string
		wantErr error
	}{
		{
			name: "unknown level", lines: []string{"tsk:a -> activity:b"},
			want: `cxtest: hierarchy fixture, line 1 ("tsk:a -> activity:b"): "tsk:a": "tsk" is not a level`,
		},
		{
			name: "no level", lines: []string{"task:a -> b", "c"},
			want: "cxtest: hierarchy fixture: node \"b\" has no level; write it once as level:id\n" +
				`cxtest: hierarchy fixture: node "c" has no level; write it once as level:id`,
		},
		{
			name: "two levels", lines: []string{"task:a", "", "activity:a"},
			want: `cxtest: hierarchy fixture, line 3 ("activity:a"): node "a" is an activity here but a task on line 1`,
		},
		{
			name: "two names", lines: []string{`task:a "A" -> activity:b`, `a "Other"`},
			want: `cxtest: hierarchy fixture, line 2 ("a \"Other\""): node "a" is named "Other" here, and "A" before`,
		},
		{
			name: "bad weight", lines: []string{"task:a -[x]-> activity:b"},
			want: `cxtest: hierarchy fixture, line 1 ("task:a -[x]-> activity:b"): weight "x" is not a decimal number`,
		},
		{
			// decimal.NewFromString, under decimal's defaults, refused an
			// exponent beyond ±10000; so does the fixture, saying so.
			name: "weight beyond 10000", lines: []string{"task:a -[1e10001]-> activity:b"},
			want: `cxtest: hierarchy fixture, line 1 ("task:a -[1e10001]-> activity:b"): weight "1e10001" has an exponent beyond ±10000`,
		},
		{
			name: "weight not closed", lines: []string{"task:a -[0.5 activity:b"},
			want: `cxtest: hierarchy fixture, line 1 ("task:a -[0.5 activity:b"): a weight -[ without its ]->`,
		},
		{
			name: "name not closed", lines: []string{`task:a "A -> activity:b`},
			want: `cxtest: hierarchy fixture, line 1 ("task:a \"A -> activity:b"): a name that is not a Go-quoted string`,
		},
		{
			name: "two names on one node", lines: []string{`task:a "A" "B"`},
			want: `cxtest: hierarchy fixture, line 1 ("task:a \"A\" \"B\""): "task:a \"A\" \"B\"": a name that is not one Go-quoted string`,
		},
		{
			name: "dangling arrow", lines: []string{"task:a ->"},
			want: `cxtest: hierarchy fixture, line 1 ("task:a ->"): a link without a node at one end`,
		},
		{
			name: "white space in an id", lines: []string{"task:a b -> activity:c"},
			want: `cxtest: hierarchy fixture, line 1 ("task:a b -> activity:c"): "task:a b": an id has no white space (quote a name)`,
		},
		{
			name: "level without id", lines: []string{"task: -> activity:c"},
			want: `cxtest: hierarchy fixture, line 1 ("task: -> activity:c"): "task:": a level without an id`,
		},
		{
			name: "downward link", lines: []string{"output:o -> task:t"}, wantErr: hierarchy.ErrDownwardLink,
			want: `cxtest: hierarchy fixture: hierarchy: link "o" -> "t" goes down from Output to Task`,
		},
		{
			name: "negative weight", lines: []string{"task:t -[-1]-> activity:a"}, wantErr: hierarchy.ErrNegativeWeight,
			want: `cxtest: hierarchy fixture: hierarchy: link "t" -> "a" has weight -1, below zero`,
		},
		{
			name: "metric without a node", metrics: Metrics("output:o", "output:p"), lines: []string{"output:o"},
			want: `cxtest: hierarchy fixture: metric "p" measures no node of the fixture`,
		},
		{
			name: "metric of another level", metrics: Metrics("activity:o"), lines: []string{"output:o"},
			wantErr: hierarchy.ErrMetricLevel,
			want:    `cxtest: hierarchy fixture: hierarchy: node "o" is at level Output, but its metric "o" measures level Activity`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseHierarchy(tt.metrics, tt.lines)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.PanicsWithError(t, tt.want, func() { MeasuredHierarchy(tt.metrics, tt.lines...) })
			if tt.metrics == nil {
				assert.PanicsWithError(t, tt.want, func() { Hierarchy(tt.lines...) })
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	got := Metrics(`
		output:aht "Average handle time" rewarded owner="North team" unit=seconds
		# the catalogue's direction and kind for names it knows
		bo:revenue
		bo:cost-to-serve "Cost to serve"
		sco:solved "Problem solved at first contact" up unit="% of journeys"
		activity:coaching down
	`)
	want := []outcome.MetricSpec{
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter,
			Rewarded: true, Owner: "North team", Unit: "seconds"},
		{ID: "revenue", Name: "revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter, Kind: outcome.Cost},
		{ID: "solved", Name: "Problem solved at first contact", Level: outcome.CustomerOutcome,
			Direction: outcome.HigherIsBetter, Unit: "% of journeys"},
		{ID: "coaching", Name: "coaching", Level: outcome.Activity, Direction: outcome.LowerIsBetter},
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i], got[i].Spec(), want[i].ID)
	}
	// A name the catalogue does not know is higher is better; a kind may
	// be given.
	m := Metrics("bo:fines compliance lower")[0]
	assert.Equal(t, outcome.Compliance, m.Kind())
	assert.Equal(t, outcome.HigherIsBetter, Metrics("output:widgets")[0].Direction())
	assert.Empty(t, Metrics("", "# nothing"))
}

func TestMetricsMalformed(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    string
		wantErr error
	}{
		{name: "no level", line: "aht", want: `"aht": a metric is written level:id`},
		{name: "quoted head", line: `"output:"`, want: `"\"output:\"": a metric is written level:id`},
		{name: "unknown level", line: "outputs-ish:aht", want: `"outputs-ish:aht": "outputs-ish" is not a level`},
		{name: "unknown word", line: "output:aht bonus", want: `"bonus" is not a direction, a kind, "rewarded", owner= or unit=`},
		{name: "bad quoting", line: `output:aht "Average`, want: `"\"Average": a string that is not Go-quoted`},
		{name: "bad owner", line: `output:aht owner="a"b`, want: `"owner=\"a\"b": the value is not one Go-quoted string`},
		{
			// The word glued to the name is not dropped with it.
			name: "name glued to a word", line: `output:aht "Average handle time"rewarded`,
			want: `"\"Average handle time\"rewarded": the name is not one Go-quoted string`,
		},
		// A second word for the same thing is refused, not an override.
		{name: "two directions", line: "output:aht lower higher", want: `"higher": a second direction, after "lower"`},
		{name: "two owners", line: "output:aht owner=a owner=b", want: `"owner=b": a second owner, after "owner=a"`},
		{name: "two units", line: `output:aht unit=s unit="s"`, want: `"unit=\"s\"": a second unit, after "unit=s"`},
		{name: "two kinds", line: "bo:x cost revenue", want: `"revenue": a second kind, after "cost"`},
		{name: "rewarded twice", line: "output:aht rewarded rewarded", want: `"rewarded": a second rewarded, after "rewarded"`},
		{
			name: "no kind", line: "bo:uplift", wantErr: outcome.ErrMissingKind,
			want: `outcome: business-outcome metric "uplift" has no kind (revenue, cost, service or compliance)`,
		},
		{
			name: "kind on an output", line: "output:calls revenue", wantErr: outcome.ErrUnexpectedKind,
			want: `outcome: metric "calls" has kind revenue, but only a business outcome has a kind (its level is Output)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := "cxtest: metrics fixture, line 2 (" + quote(tt.line) + "): " + tt.want
			_, err := parseMetrics([]string{"output:ok", tt.line})
			require.Error(t, err)
			assert.Equal(t, want, err.Error())
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.PanicsWithError(t, want, func() { Metrics("output:ok", tt.line) })
		})
	}
}

func TestScorecard(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	mustMeasure := func(m triplecrown.Measure, err error) triplecrown.Measure {
		require.NoError(t, err)
		return m
	}
	got := Scorecard(`support 2025-Q2 "Customer support"`,
		"cost: 1500000.00 -> 1380000 EUR; revenue: 0 -> 0 EUR",
		"time to respond (lower, hours): 30 sd 6.5 n 300 -> 24 sd 5 n 310")
	want := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "support", Name: "Customer support", Period: "2025-Q2",
		Cost:    triplecrown.Amounts{Baseline: eur("1500000.00"), Actual: eur("1380000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{Name: "time to respond", Unit: "hours", Direction: outcome.LowerIsBetter,
			Baseline: mustMeasure(triplecrown.NewMean(dec("30"), 6.5, 300)),
			Actual:   mustMeasure(triplecrown.NewMean(dec("24"), 5, 310))},
	})
	assert.True(t, want.Equal(got))

	s := Scorecard("b2b 2024; cost: 10 -> 9 USD; revenue: 10 -> 11 USD; first contact resolution (higher): 69/100 -> 78/100").Service()
	assert.Equal(t, triplecrown.RateMeasure, s.Baseline.Kind())
	assert.Equal(t, int64(78), s.Actual.Successes())
	assert.Equal(t, "", s.Unit)
	s = Scorecard("b2b 2024; cost: 10 -> 9 USD; revenue: 10 -> 11 USD; satisfaction (up, points): 7.5 -> 8").Service()
	assert.Equal(t, triplecrown.ValueMeasure, s.Actual.Kind())
	assert.True(t, s.Actual.Value(triplecrown.MustPrecision(2, outcome.RoundHalfEven)).Equal(decimal.New(8, 0)))
}

func TestScorecardMalformed(t *testing.T) {
	const rest = "cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (higher): 1 -> 1"
	tests := []struct {
		name    string
		lines   []string
		want    string
		wantErr error
	}{
		{name: "empty", lines: []string{"# nothing"}, want: "cxtest: scorecard fixture: empty"},
		{
			name: "no period", lines: []string{"support", rest},
			want: `cxtest: scorecard fixture, line 1 ("support"): the first clause is the unit's ID, the period and, Go-quoted, its name`,
		},
		{
			name: "bad name", lines: []string{"support 2025 name", rest},
			want: `cxtest: scorecard fixture, line 1 ("support 2025 name"): the name "name" is not Go-quoted`,
		},
		{
			name: "bad quoting", lines: []string{`support 2025 "name`, rest},
			want: `cxtest: scorecard fixture, line 1 ("support 2025 \"name"): "\"name": a string that is not Go-quoted`,
		},
		{
			name: "missing clauses", lines: []string{"support 2025", "cost: 1 -> 1 EUR"},
			want: "cxtest: scorecard fixture: unit \"support\" has no revenue clause\n" +
				`cxtest: scorecard fixture: unit "support" has no service clause`,
		},
		{
			name: "not a clause", lines: []string{"support 2025", rest, "costs 5"},
			want: `cxtest: scorecard fixture, line 3 ("costs 5"): a clause is cost, revenue or a service measure, each followed by a colon: cost: 1 -> 1 EUR`,
		},
		{
			name: "second cost", lines: []string{"support 2025", rest, "cost: 2 -> 2 EUR"},
			want: `cxtest: scorecard fixture, line 3 ("cost: 2 -> 2 EUR"): a second cost`,
		},
		{
			name: "money without currency", lines: []string{"support 2025; cost: 1 -> 1; revenue: 1 -> 1 EUR; x (higher): 1 -> 1"},
			want: `cxtest: scorecard fixture, line 1 ("cost: 1 -> 1"): money is written baseline -> actual CUR, as 1500000 -> 1380000 EUR`,
		},
		{
			name: "bad amount", lines: []string{"support 2025; cost: 1 -> one EUR; revenue: 1 -> 1 EUR; x (higher): 1 -> 1"},
			wantErr: triplecrown.ErrInvalidAmount,
			want:    `cxtest: scorecard fixture, line 1 ("cost: 1 -> one EUR"): triplecrown: amount "one" is not a decimal number`,
		},
		{
			name: "service without direction", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x: 1 -> 1"},
			want: `cxtest: scorecard fixture, line 1 ("x: 1 -> 1"): a service measure is written name (direction[, unit]): baseline -> actual`,
		},
		{
			name: "service without arrow", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1"},
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1"): a service measure is written name (direction[, unit]): baseline -> actual`,
		},
		{
			name: "unknown direction", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (sideways): 1 -> 1"},
			wantErr: outcome.ErrUnknownDirection,
			want:    `cxtest: scorecard fixture, line 1 ("x (sideways): 1 -> 1"): outcome: unknown direction "sideways"`,
		},
		{
			name: "bad measures", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1/x -> y"},
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1/x -> y"): rate "1/x" is not successes/trials in whole numbers` + "\n" +
				`value "y" is not a decimal number`,
		},
		{
			name: "bad mean", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1 sd x n 3 -> 1 2"},
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1 sd x n 3 -> 1 2"): mean "1 sd x n 3" is not a decimal, sd a number and n a whole number` + "\n" +
				`measure "1 2" is not a value (24), a rate (7800/10000) or a mean (24 sd 6.5 n 300)`,
		},
		{
			// 1e-10001 and 1e10001 are beyond the ±10000 that
			// decimal.NewFromString accepted under decimal's defaults.
			name: "measures beyond 10000", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1e-10001 -> 1e10001 sd 1 n 3"},
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1e-10001 -> 1e10001 sd 1 n 3"): value "1e-10001" has an exponent beyond ±10000` + "\n" +
				`mean "1e10001" has an exponent beyond ±10000`,
		},
		// An sd too small for a float64 to hold as written, which
		// strconv.ParseFloat reads as 0 or as a subnormal with no error, is
		// refused as the triplecrown decoders refuse it.
		{
			name: "sd reads as 0", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1 sd 1e-400 n 3 -> 1 sd 1 n 3"},
			wantErr: triplecrown.ErrInvalidMeasure,
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1 sd 1e-400 n 3 -> 1 sd 1 n 3"): standard deviation "1e-400" is refused: ` +
				`it is too small to hold, and reads as 0`,
		},
		{
			name: "sd reads as a subnormal", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1 sd 1 n 3 -> 1 sd 0x1p-1074 n 3"},
			wantErr: triplecrown.ErrInvalidMeasure,
			want: `cxtest: scorecard fixture, line 1 ("x (up): 1 sd 1 n 3 -> 1 sd 0x1p-1074 n 3"): standard deviation "0x1p-1074" is below ` +
				`2.2250738585072014e-308, the smallest positive number held to full precision`,
		},
		{
			name: "negative sd reads as -0", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 1 sd -1e-400 n 3 -> 1 sd 1 n 3"},
			wantErr: triplecrown.ErrInvalidMeasure,
			want:    `cxtest: scorecard fixture, line 1 ("x (up): 1 sd -1e-400 n 3 -> 1 sd 1 n 3"): standard deviation "-1e-400" is negative`,
		},
		{
			name: "impossible rate", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 5/4 -> 1/4"},
			wantErr: triplecrown.ErrInvalidMeasure,
			want:    `cxtest: scorecard fixture, line 1 ("x (up): 5/4 -> 1/4"): triplecrown: a rate of 5 successes out of 4 trials is impossible`,
		},
		{
			name: "two currencies", lines: []string{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 USD; x (up): 1 -> 1"},
			wantErr: triplecrown.ErrCurrencyMismatch,
			want: `cxtest: scorecard fixture: triplecrown: unit "support" has its baseline revenue in USD, not EUR: one scorecard has one currency` + "\n" +
				`triplecrown: unit "support" has its actual revenue in USD, not EUR: one scorecard has one currency`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseScorecard(tt.lines)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.PanicsWithError(t, tt.want, func() { Scorecard(tt.lines...) })
		})
	}
}

func TestPolicy(t *testing.T) {
	p := Policy()
	assert.True(t, p.Threshold(triplecrown.Cost).IsZero(), "any change counts by default")
	assert.Equal(t, 0.05, p.SignificanceLevel())
	assert.Equal(t, triplecrown.MustPrecision(4, outcome.RoundHalfEven), p.Precision())

	p = Policy("cost 2%, service 0.5; revenue 10000 EUR", "significance 0.01, places 2, rounding half-up")
	want := triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(dec("0.02"))),
		Service:           triplecrown.MustThreshold(triplecrown.NewAbsoluteThreshold(dec("0.5"))),
		Revenue:           triplecrown.MustThreshold(triplecrown.NewMoneyThreshold(triplecrown.MustMoney("10000", "EUR"))),
		SignificanceLevel: 0.01,
		Precision:         triplecrown.MustPrecision(2, outcome.RoundHalfUp),
	})
	assert.True(t, want.Equal(p))
}

func TestPolicyMalformed(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    string
		wantErr error
	}{
		{name: "unknown clause", line: "costs 2%", want: `cxtest: policy fixture, line 1 ("costs 2%"): a clause is cost, service, revenue, significance, places or rounding, then its value`},
		{name: "bad percentage", line: "cost x%", want: `cxtest: policy fixture, line 1 ("cost x%"): threshold "x%" is not a percentage`},
		{name: "bad number", line: "cost x", want: `cxtest: policy fixture, line 1 ("cost x"): threshold "x" is not a decimal number`},
		{name: "percentage beyond 10000", line: "cost 1e-10001%",
			want: `cxtest: policy fixture, line 1 ("cost 1e-10001%"): threshold "1e-10001%" has an exponent beyond ±10000`},
		{name: "number beyond 10000", line: "service 1e10001",
			want: `cxtest: policy fixture, line 1 ("service 1e10001"): threshold "1e10001" has an exponent beyond ±10000`},
		{name: "bad money", line: "cost 5 eur", wantErr: triplecrown.ErrUnknownCurrency,
			want: `cxtest: policy fixture, line 1 ("cost 5 eur"): triplecrown: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`},
		{name: "three words", line: "cost 5 EUR more", want: `cxtest: policy fixture, line 1 ("cost 5 EUR more"): threshold "5 EUR more" is not 2%, 0.5, 10000 EUR or any`},
		{name: "above 100%", line: "cost 150%", wantErr: outcome.ErrInvalidThreshold,
			want: `cxtest: policy fixture, line 1 ("cost 150%"): triplecrown: relative threshold 1.5 is outside 0 to 1 (0% to 100%)`},
		{name: "bad places", line: "places two", want: `cxtest: policy fixture, line 1 ("places two"): strconv.ParseInt: parsing "two": invalid syntax`},
		{name: "bad rounding", line: "rounding nearest", wantErr: outcome.ErrUnknownRounding,
			want: `cxtest: policy fixture, line 1 ("rounding nearest"): outcome: unknown rounding mode "nearest"`},
		{name: "service in money", line: "service 5 EUR", wantErr: outcome.ErrInvalidThreshold,
			want: `cxtest: policy fixture: triplecrown: the service threshold cannot be money (5 EUR)`},
		{name: "significance out of range", line: "significance 1.5", wantErr: triplecrown.ErrInvalidSignificance,
			want: `cxtest: policy fixture: triplecrown: significance level 1.5 is not strictly between 0 and 1`},
		// A level too small for a float64 to hold as written, which
		// strconv.ParseFloat reads as 0 or as a subnormal with no error, is
		// refused as the triplecrown decoders refuse it, as written.
		{name: "significance reads as 0", line: "significance 1e-400", wantErr: triplecrown.ErrInvalidSignificance,
			want: `cxtest: policy fixture, line 1 ("significance 1e-400"): significance level "1e-400" is not strictly between 0 and 1: ` +
				`it is too small to hold, and reads as 0`},
		{name: "significance reads as a subnormal", line: "significance 1e-320", wantErr: triplecrown.ErrInvalidSignificance,
			want: `cxtest: policy fixture, line 1 ("significance 1e-320"): significance level "1e-320" is below 2.2250738585072014e-308, ` +
				`the smallest positive number held to full precision`},
		{name: "negative significance reads as -0", line: "significance -1e-400", wantErr: triplecrown.ErrInvalidSignificance,
			want: `cxtest: policy fixture, line 1 ("significance -1e-400"): significance level "-1e-400" is not strictly between 0 and 1`},
		{name: "places out of range", line: "places 99", wantErr: outcome.ErrInvalidPlaces,
			want: `cxtest: policy fixture: triplecrown: 99 decimal places is outside -18 to 18`},
		// The precision's problem does not hide the policy's: both, the
		// precision's first.
		{name: "places and significance out of range", line: "places 99, significance 1.5", wantErr: triplecrown.ErrInvalidSignificance,
			want: "cxtest: policy fixture: triplecrown: 99 decimal places is outside -18 to 18\n" +
				`cxtest: policy fixture: triplecrown: significance level 1.5 is not strictly between 0 and 1`},
		// A second clause for the same thing is refused, not an override,
		// each time it comes.
		{name: "two costs", line: "cost 2%, cost 50%", want: `cxtest: policy fixture, line 1 ("cost 50%"): a second cost clause`},
		{name: "two service thresholds", line: "service 1; service any", want: `cxtest: policy fixture, line 1 ("service any"): a second service clause`},
		{name: "two revenues", line: "revenue any, revenue any", want: `cxtest: policy fixture, line 1 ("revenue any"): a second revenue clause`},
		{name: "two significance levels", line: "significance 0.01, significance 0.05, significance 0.1",
			want: `cxtest: policy fixture, line 1 ("significance 0.05"): a second significance clause` + "\n" +
				`cxtest: policy fixture, line 1 ("significance 0.1"): a second significance clause`},
		{name: "two places", line: "places 2, places 4", want: `cxtest: policy fixture, line 1 ("places 4"): a second places clause`},
		{name: "two roundings", line: "rounding half-up, rounding half-even", want: `cxtest: policy fixture, line 1 ("rounding half-even"): a second rounding clause`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsePolicy([]string{tt.line})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.PanicsWithError(t, tt.want, func() { Policy(tt.line) })
		})
	}
	// Across arguments too: the later one is on line 2.
	assert.PanicsWithError(t, `cxtest: policy fixture, line 2 ("cost any"): a second cost clause`,
		func() { Policy("cost 5%", "cost any") })
	// The smallest normal float64 is held as written.
	assert.Equal(t, 0x1p-1022, Policy("significance 2.2250738585072014e-308").SignificanceLevel())
	assert.True(t, errors.Is(errors.Join(nil, outcome.ErrInvalidPlaces), outcome.ErrInvalidPlaces))
}

// TestFixtures_ignoreMaxDecodeExponent: the fixtures read their decimals
// themselves (decfmt), with any number of digits and an exponent within
// ±10000, so what they build does not depend on decimal.MaxDecodeExponent,
// which decimal.NewFromString reads and dectest.FlipSettings sets from
// 10000 to 10: decimals with exponents from 11 to 30 either way build the
// values worked out by hand with the settings flipped as without. It
// changes decimal's settings, so it must not run in parallel with other
// tests.
func TestFixtures_ignoreMaxDecodeExponent(t *testing.T) {
	// Weights 1 written with twelve places (exponent -12), 0.25 written with
	// twenty (exponent -20), and 5·10^11.
	lines := []string{"task:a -[1.000000000000]-> activity:x", "task:b -[0.25000000000000000000]-> x", "task:c -[5e11]-> x"}
	wantModel := hierarchy.NewBuilder()
	wantModel.AddNode(hierarchy.Node{ID: "a", Level: outcome.Task})
	wantModel.AddNode(hierarchy.Node{ID: "x", Level: outcome.Activity})
	wantModel.AddNode(hierarchy.Node{ID: "b", Level: outcome.Task})
	wantModel.AddNode(hierarchy.Node{ID: "c", Level: outcome.Task})
	wantModel.AddWeightedLink("a", "x", decimal.New(1, 0))
	wantModel.AddWeightedLink("b", "x", decimal.New(25, -2))
	wantModel.AddWeightedLink("c", "x", decimal.New(5, 11))
	want, err := wantModel.Build()
	require.NoError(t, err)
	// Service values 7·10^-20 then 10^-15; and means of 7·10^-20 then 10^-15
	// (sd 1, 3 people each).
	cards := [][]string{
		{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 7e-20 -> 1e-15"},
		{"support 2025; cost: 1 -> 1 EUR; revenue: 1 -> 1 EUR; x (up): 7e-20 sd 1 n 3 -> 1e-15 sd 1 n 3"},
	}
	card := func(baseline, actual triplecrown.Measure, err1, err2 error) triplecrown.Scorecard {
		require.NoError(t, err1)
		require.NoError(t, err2)
		one := triplecrown.MustMoney("1", "EUR")
		return triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "support", Period: "2025",
			Cost: triplecrown.Amounts{Baseline: one, Actual: one}, Revenue: triplecrown.Amounts{Baseline: one, Actual: one},
			Service: triplecrown.ServiceSpec{Name: "x", Direction: outcome.HigherIsBetter, Baseline: baseline, Actual: actual}})
	}
	v1, err1 := triplecrown.NewValue(decimal.New(7, -20))
	v2, err2 := triplecrown.NewValue(decimal.New(1, -15))
	m1, err3 := triplecrown.NewMean(decimal.New(7, -20), 1, 3)
	m2, err4 := triplecrown.NewMean(decimal.New(1, -15), 1, 3)
	wantCards := []triplecrown.Scorecard{card(v1, v2, err1, err2), card(m1, m2, err3, err4)}
	// 10^-12 % is a relative threshold of 10^-14; an absolute one of 5·10^-20.
	policy := []string{"cost 1e-12%, service 5e-20"}
	wantPolicy := triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.New(1, -14))),
		Service:           triplecrown.MustThreshold(triplecrown.NewAbsoluteThreshold(decimal.New(5, -20))),
		SignificanceLevel: 0.05, Precision: triplecrown.MustPrecision(4, outcome.RoundHalfEven)})
	check := func(when string) {
		m, err := parseHierarchy(nil, lines)
		if assert.NoError(t, err, when) {
			assert.True(t, want.Equal(m), "hierarchy %s", when)
		}
		for i, lines := range cards {
			c, err := parseScorecard(lines)
			if assert.NoError(t, err, when) {
				assert.True(t, wantCards[i].Equal(c), "scorecard %d %s", i, when)
			}
		}
		p, err := parsePolicy(policy)
		if assert.NoError(t, err, when) {
			assert.True(t, wantPolicy.Equal(p), "policy %s", when)
		}
	}
	check("under decimal's defaults")
	dectest.FlipSettings(t)
	check("with decimal.MaxDecodeExponent = 10")
}
