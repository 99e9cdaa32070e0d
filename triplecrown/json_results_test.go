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
