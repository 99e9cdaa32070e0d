package triplecrown_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// TestContributions_JSON pins the departments' cost contributions as JSON.
// By hand (see ExampleNewContributions): sales saved 1,200,000 - 1,150,000 =
// 50,000; service 300,000; logistics 20,000; marketing's cost rose by
// 120,000; the total is 250,000, and the shares 20, 120, 8 and -48 percent.
func TestContributions_JSON(t *testing.T) {
	c, err := triplecrown.NewContributions(triplecrown.Cost, departments(), 0)
	require.NoError(t, err)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"crown": "cost",
		"total": {"amount": "250000", "currency": "EUR"},
		"places": 0,
		"sharesDefined": true,
		"contributions": [
			{"unit": "sales", "amount": {"amount": "50000", "currency": "EUR"}, "share": "20", "detractor": false},
			{"unit": "service", "amount": {"amount": "300000", "currency": "EUR"}, "share": "120", "detractor": false},
			{"unit": "logistics", "amount": {"amount": "20000", "currency": "EUR"}, "share": "8", "detractor": false},
			{"unit": "marketing", "amount": {"amount": "-120000", "currency": "EUR"}, "share": "-48", "detractor": true}
		]
	}`, string(b))

	_, err = json.Marshal(triplecrown.Contributions{})
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCrown)
}

// TestROI_JSON checks that an ROI is stored as its definition and decoded
// with NewROI's validation.
func TestROI_JSON(t *testing.T) {
	r, err := triplecrown.NewROI(triplecrown.ROISpec{
		Investment:    triplecrown.MustMoney("100000000", "USD"),
		RevenueGained: triplecrown.MustMoney("700000000", "USD"),
		Periods:       36,
	})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"investment":{"amount":"100000000","currency":"USD"},
		"revenueGained":{"amount":"700000000","currency":"USD"},"periods":36}`, string(b))
	var back triplecrown.ROI
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Equal(back), "the ROI round-trips")

	_, err = json.Marshal(triplecrown.ROI{})
	assert.ErrorIs(t, err, triplecrown.ErrInvalidPeriods)

	for _, tt := range []struct {
		name, in string
		want     []outcome.Code
	}{
		{"no periods, no investment", `{"periods":0}`, []outcome.Code{triplecrown.ErrMissingMoney, triplecrown.ErrInvalidPeriods}},
		{"negative investment", `{"investment":{"amount":"-5","currency":"EUR"},"periods":12}`, []outcome.Code{triplecrown.ErrNegativeMoney}},
		{"two currencies", `{"investment":{"amount":"5","currency":"EUR"},"costSaved":{"amount":"1","currency":"USD"},"periods":12}`, []outcome.Code{triplecrown.ErrCurrencyMismatch}},
		{"unknown field", `{"investment":{"amount":"5","currency":"EUR"},"periods":12,"ratio":"3"}`, []outcome.Code{outcome.ErrInvalidJSON}},
		{"not an object", `[]`, []outcome.Code{outcome.ErrInvalidJSON}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r triplecrown.ROI
			err := json.Unmarshal([]byte(tt.in), &r)
			var got []outcome.Code
			for _, p := range outcome.Problems(err) {
				got = append(got, p.Code)
			}
			assert.ElementsMatch(t, tt.want, got, "%v", err)
			assert.True(t, r.IsZero(), "a failed decode leaves the ROI alone")
		})
	}
}

// TestRollup_JSON checks that a roll-up round-trips through JSON, and that
// the decoded roll-up merges as the original does: the enterprise of the
// four departments, stored and read back, merged with a fifth department's
// roll-up, equals the roll-up of all five.
func TestRollup_JSON(t *testing.T) {
	deps := departments()
	r, err := triplecrown.NewRollup("enterprise", deps[:4])
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back triplecrown.Rollup
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Equal(back), "the roll-up round-trips: %s", b)
	assert.Equal(t, []string{"sales", "service", "logistics", "marketing"}, back.Units())
	assert.Equal(t, triplecrown.BySampleSize, back.Combination())

	var fields map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &fields))
	assert.JSONEq(t, `"by sample size"`, string(fields["combination"]))
	assert.JSONEq(t, `["sales","service","logistics","marketing"]`, string(fields["units"]))

	extra := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "it", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("500000"), Actual: eur("450000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{Name: "issues resolved", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewRate(90, 100)), Actual: must(triplecrown.NewRate(95, 100))},
	})
	one, err := triplecrown.NewRollup("it", []triplecrown.Scorecard{extra})
	require.NoError(t, err)
	merged, err := back.Merge(one)
	require.NoError(t, err)
	all, err := triplecrown.NewRollup("enterprise", append(deps[:4:4], extra))
	require.NoError(t, err)
	assert.True(t, all.Equal(merged), "a stored roll-up merges like the original")

	_, err = json.Marshal(triplecrown.Rollup{})
	assert.ErrorIs(t, err, triplecrown.ErrEmptyRollup)
}

func TestRollup_UnmarshalJSON_errors(t *testing.T) {
	r, err := triplecrown.NewRollup("enterprise", departments())
	require.NoError(t, err)
	card, err := json.Marshal(r.Scorecard())
	require.NoError(t, err)
	for _, tt := range []struct {
		name, in string
		want     []outcome.Code
	}{
		{"no units", `{"scorecard":` + string(card) + `,"units":[],"combination":"by sample size"}`,
			[]outcome.Code{triplecrown.ErrEmptyRollup}},
		{"a unit twice and one blank", `{"scorecard":` + string(card) + `,"units":["sales","sales"," "],"combination":"by sample size"}`,
			[]outcome.Code{outcome.ErrDuplicateID, outcome.ErrEmptyID}},
		// The departments' resolution rates carry samples: they combine by
		// sample size, not by weight.
		{"combination that does not suit the measure", `{"scorecard":` + string(card) + `,"units":["sales"],"combination":"by weight"}`,
			[]outcome.Code{triplecrown.ErrServiceMismatch}},
		{"no scorecard, no combination", `{"units":["sales"]}`,
			[]outcome.Code{triplecrown.ErrInvalidScorecard, triplecrown.ErrUnknownCombination}},
		{"unknown combination", `{"scorecard":` + string(card) + `,"units":["sales"],"combination":"by size"}`,
			[]outcome.Code{triplecrown.ErrUnknownCombination}},
		{"unknown field", `{"scorecard":` + string(card) + `,"units":["sales"],"combination":"by sample size","score":1}`,
			[]outcome.Code{outcome.ErrInvalidJSON}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got triplecrown.Rollup
			err := json.Unmarshal([]byte(tt.in), &got)
			var codes []outcome.Code
			for _, p := range outcome.Problems(err) {
				codes = append(codes, p.Code)
			}
			assert.ElementsMatch(t, tt.want, codes, "%v", err)
			assert.True(t, got.IsZero())
		})
	}
}

// TestRollup_UnmarshalJSON_everyProblem: a roll-up's problems are reported
// with those of its scorecard, not hidden behind them, each with its IDs and
// a message naming the roll-up.
func TestRollup_UnmarshalJSON_everyProblem(t *testing.T) {
	// centre's scorecard: the given period (if any), cost and revenue 1 ->
	// 1 EUR (the baseline cost as given), a value 1 -> 2.
	card := func(period, baselineCost string) string {
		return `{"unit":"centre","period":` + period + `,"cost":{"baseline":{"amount":` + baselineCost + `,"currency":"EUR"},"actual":{"amount":"1","currency":"EUR"}},` +
			`"revenue":{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"1","currency":"EUR"}},` +
			`"service":{"name":"s","direction":"higher-is-better","baseline":{"value":"1"},"actual":{"value":"2"}}}`
	}
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	for _, tt := range []struct {
		name, in string
		want     []problem
	}{
		{
			// The scorecard has no period; the units repeat one and
			// have one with white space; the combination suits values,
			// but is not checked against an invalid scorecard.
			name: "a scorecard's problem and the units'",
			in:   `{"scorecard":` + card(`""`, `"1"`) + `,"units":["front line","front line"," billing"],"combination":"by weight"}`,
			want: []problem{
				{triplecrown.ErrEmptyPeriod, []string{"centre"}, `triplecrown: unit "centre" has no period`},
				{outcome.ErrDuplicateID, []string{"front line", "centre"}, `triplecrown: unit "front line" appears twice in "centre"`},
				{outcome.ErrInvalidID, []string{" billing"}, `outcome: id " billing" has surrounding white space`},
			},
		},
		{
			// Units that are not strings are not also reported missing.
			name: "every part wrong",
			in:   `{"scorecard":` + card(`"2025"`, `"x"`) + `,"units":["a",1],"combination":"pooled"}`,
			want: []problem{
				{triplecrown.ErrInvalidAmount, []string{"centre"}, `triplecrown: unit "centre", baseline cost: amount "x" is not a decimal number`},
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre", units: invalid JSON: a value is a number, not a string`},
				{triplecrown.ErrUnknownCombination, []string{"centre"}, `triplecrown: roll-up "centre", combination: unknown service combination "pooled" (want by sample size or by weight)`},
			},
		},
		{
			name: "no scorecard, no combination",
			in:   `{"units":["a"]}`,
			want: []problem{
				{triplecrown.ErrInvalidScorecard, nil, `triplecrown: a roll-up needs its scorecard`},
				{triplecrown.ErrUnknownCombination, nil, `triplecrown: a roll-up needs its combination (by sample size or by weight)`},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r triplecrown.Rollup
			err := json.Unmarshal([]byte(tt.in), &r)
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, r.IsZero())
		})
	}
}

func TestParseCombination(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want triplecrown.Combination
	}{
		{"by sample size", triplecrown.BySampleSize},
		{" By-Sample-Size", triplecrown.BySampleSize},
		{"BY WEIGHT", triplecrown.ByWeight},
	} {
		got, err := triplecrown.ParseCombination(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got)
	}
	var c triplecrown.Combination
	require.NoError(t, json.Unmarshal([]byte(`"by weight"`), &c))
	assert.Equal(t, triplecrown.ByWeight, c)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"pooled"`), &c), triplecrown.ErrUnknownCombination)
	_, err := triplecrown.ParseCombination("pooled")
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCombination)
	assert.EqualError(t, err, `triplecrown: unknown service combination "pooled" (want by sample size or by weight)`)
	_, err = triplecrown.Combination(0).MarshalText()
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCombination)
	assert.False(t, triplecrown.Combination(3).IsValid())
}
