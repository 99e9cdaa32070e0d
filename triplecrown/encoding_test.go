package triplecrown

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMoney_JSON(t *testing.T) {
	b, err := json.Marshal(eur("12.340"))
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"12.340","currency":"EUR"}`, string(b), "the places held are kept")
	var m Money
	require.NoError(t, json.Unmarshal(b, &m))
	assert.True(t, eur("12.34").Equal(m))
	// An amount with a positive exponent keeps it: 1e30 is 1 times 10^30,
	// not an integer of 31 digits; 1.5e3 is 15 times 10^2; forty nines
	// times 10^30 would be an integer of 70 digits, more than MaxDigits.
	b, err = json.Marshal(MustMoney("1e30", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"1e30","currency":"EUR"}`, string(b))
	b, err = json.Marshal(MustMoney("-1.5e3", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"-15e2","currency":"EUR"}`, string(b))
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "-15", m.Amount().Coefficient().String())
	assert.Equal(t, int32(2), m.Amount().Exponent())
	// 1500 as written is 1500 times 10^0, and stays so.
	b, err = json.Marshal(eur("1500"))
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"1500","currency":"EUR"}`, string(b))
	b, err = json.Marshal(MustMoney(strings.Repeat("9", 40)+"e30", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"`+strings.Repeat("9", 40)+`e30","currency":"EUR"}`, string(b))
	b, err = json.Marshal(MustThreshold(NewAbsoluteThreshold(dec(strings.Repeat("9", 40) + "e30"))))
	require.NoError(t, err)
	assert.Equal(t, `{"absolute":"`+strings.Repeat("9", 40)+`e30"}`, string(b))
	b, err = json.Marshal(MustThreshold(NewAbsoluteThreshold(dec("5e3"))))
	require.NoError(t, err)
	assert.Equal(t, `{"absolute":"5e3"}`, string(b))
	// A weight keeps its exponent; the value is written as the total over
	// the weight, 6e4 / 3e1 = 2000.
	b, err = json.Marshal(mustMeasure(NewWeightedValue(dec("2e3"), dec("3e1"))))
	require.NoError(t, err)
	assert.Equal(t, `{"value":"2000","weight":"3e1"}`, string(b))

	tests := []struct {
		name    string
		in      string
		wantErr error
	}{
		{name: "amount as true", in: `{"amount":true,"currency":"EUR"}`, wantErr: ErrInvalidAmount},
		{name: "amount as a number beyond the bounds", in: `{"amount":1e31,"currency":"EUR"}`, wantErr: ErrInvalidAmount},
		{name: "unknown field", in: `{"amount":"1","currency":"EUR","fx":"1.1"}`, wantErr: outcome.ErrInvalidJSON},
		{name: "no currency", in: `{"amount":"1"}`, wantErr: ErrMissingMoney},
		{name: "null", in: `null`, wantErr: outcome.ErrInvalidJSON},
		{name: "null amount", in: `{"amount":null,"currency":"EUR"}`, wantErr: ErrMissingMoney},
		{name: "bad currency", in: `{"amount":"1","currency":"eur"}`, wantErr: ErrUnknownCurrency},
		{name: "bad amount", in: `{"amount":"1,5","currency":"EUR"}`, wantErr: ErrInvalidAmount},
		{name: "trailing data", in: `{"amount":"1","currency":"EUR"} x`, wantErr: outcome.ErrInvalidJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Money
			err := m.UnmarshalJSON([]byte(tt.in))
			assert.ErrorIs(t, err, tt.wantErr)
		})
	}
	_, err = json.Marshal(Money{})
	assert.ErrorIs(t, err, ErrUnknownCurrency)
	var m2 Money
	err = m2.UnmarshalJSON([]byte(`{"amount":true,"currency":"EUR"}`))
	assert.EqualError(t, err, `triplecrown: amount is true, not a decimal (write one as a string, "12.50", or as a number)`)

	// Every problem is reported: the amount and the currency, or the
	// amount and the missing currency.
	for in, want := range map[string][]outcome.Code{
		`{"amount":"1,5","currency":"eur"}`: {ErrInvalidAmount, ErrUnknownCurrency},
		`{"amount":"1,5"}`:                  {ErrMissingMoney, ErrInvalidAmount},
	} {
		var got []outcome.Code
		for _, p := range outcome.Problems(m2.UnmarshalJSON([]byte(in))) {
			got = append(got, p.Code)
		}
		assert.Equal(t, want, got, in)
	}
}

// TestJSON_decimalNumbers: a decimal input may be a JSON number as well as a
// string, read exactly as its text: 12.50 keeps its two places, and
// 12345678901234567890.123456789 (29 digits, which a float64 would round to
// 12345678901234567168) all its digits.
func TestJSON_decimalNumbers(t *testing.T) {
	var m Money
	require.NoError(t, json.Unmarshal([]byte(`{"amount":12.50,"currency":"EUR"}`), &m))
	assert.Equal(t, "12.50 EUR", m.String())
	require.NoError(t, json.Unmarshal([]byte(`{"amount":12345678901234567890.123456789,"currency":"EUR"}`), &m))
	assert.Equal(t, "12345678901234567890.123456789 EUR", m.String())
	require.NoError(t, json.Unmarshal([]byte(`{"amount":-1.5E+3,"currency":"EUR"}`), &m))
	assert.True(t, m.Equal(eur("-1500")), "%v", m)

	thresholds := []struct {
		in   string
		want Threshold
	}{
		{`{"relative":0.02}`, MustThreshold(NewRelativeThreshold(dec("0.02")))},
		{`{"absolute":0.5}`, MustThreshold(NewAbsoluteThreshold(dec("0.5")))},
		{`{"absolute":10000,"currency":"EUR"}`, MustThreshold(NewMoneyThreshold(eur("10000")))},
	}
	for _, tt := range thresholds {
		var th Threshold
		require.NoError(t, json.Unmarshal([]byte(tt.in), &th), tt.in)
		assert.True(t, tt.want.Equal(th), "%s: %v", tt.in, th)
	}

	measures := []struct {
		in   string
		want Measure
	}{
		{`{"value":72}`, mustMeasure(NewValue(dec("72")))},
		{`{"value":7.5,"weight":120}`, mustMeasure(NewWeightedValue(dec("7.5"), dec("120")))},
		// 8640 / 120 = 72.
		{`{"total":8640,"weight":120}`, mustMeasure(NewWeightedValue(dec("72"), dec("120")))},
		{`{"mean":4.5,"sd":1.2,"n":300}`, mustMeasure(NewMean(dec("4.5"), 1.2, 300))},
		// 1350 / 300 = 4.5.
		{`{"total":1350,"sd":1.2,"n":300}`, mustMeasure(NewMean(dec("4.5"), 1.2, 300))},
	}
	for _, tt := range measures {
		var m Measure
		require.NoError(t, json.Unmarshal([]byte(tt.in), &m), tt.in)
		assert.True(t, tt.want.Equal(m), "%s: %v", tt.in, m)
	}

	var p Policy
	require.NoError(t, json.Unmarshal([]byte(`{"cost":{"relative":0.02},"service":{"absolute":0.25},"revenue":{"relative":0.02},`+
		`"significanceLevel":0.05,"precision":{"places":4,"mode":"half-even"}}`), &p))
	assert.True(t, MustPolicy(policySpec()).Equal(p))

	// A decimal of a threshold or a measure that is neither a string nor a
	// number is a problem of the form, at its path, as the other decoders
	// say it; the threshold or measure is then not checked further, so
	// "relative" with "absolute", or a value with a rate, is not also
	// reported.
	for _, tt := range []struct {
		v    any
		in   string
		want []string
	}{
		{new(Threshold), `{"relative":[0.02]}`,
			[]string{`triplecrown: invalid JSON: "relative" must be a decimal string or a number, not an array`}},
		{new(Threshold), `{"absolute":{},"currency":"EUR"}`,
			[]string{`triplecrown: invalid JSON: "absolute" must be a decimal string or a number, not an object`}},
		{new(Threshold), `{"relative":true,"absolute":"1"}`,
			[]string{`triplecrown: invalid JSON: "relative" must be a decimal string or a number, not true`}},
		{new(Measure), `{"value":[1],"successes":1,"trials":2}`,
			[]string{`triplecrown: invalid JSON: "value" must be a decimal string or a number, not an array`}},
		// Each, in the order of the measure's fields (value, total,
		// weight, successes, trials, mean, sd, n), not of the text, with
		// the other problems of the form.
		{new(Measure), `{"weight":false,"total":{},"n":"2","mean":true}`, []string{
			`triplecrown: invalid JSON: "total" must be a decimal string or a number, not an object`,
			`triplecrown: invalid JSON: "weight" must be a decimal string or a number, not false`,
			`triplecrown: invalid JSON: "mean" must be a decimal string or a number, not true`,
			`triplecrown: invalid JSON: "n" must be an integer, not the string "2"`,
		}},
		// In a policy, named by its path from the top.
		{new(Policy), `{"cost":{"relative":true},"significanceLevel":0.05,"precision":{"places":2,"mode":"up"}}`,
			[]string{`triplecrown: invalid JSON: "cost.relative" must be a decimal string or a number, not true`}},
	} {
		var got []string
		for _, p := range outcome.Problems(json.Unmarshal([]byte(tt.in), tt.v)) {
			assert.Equal(t, outcome.ErrInvalidJSON, p.Code, p.Message)
			got = append(got, p.Message)
		}
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestCurrency_text(t *testing.T) {
	b, err := json.Marshal(map[string]Currency{"c": MustCurrency("JPY")})
	require.NoError(t, err)
	assert.Equal(t, `{"c":"JPY"}`, string(b))
	var c Currency
	require.NoError(t, c.UnmarshalText([]byte("GBP")))
	assert.Equal(t, "GBP", c.String())
	assert.ErrorIs(t, c.UnmarshalText([]byte("gbp")), ErrUnknownCurrency)
	_, err = Currency{}.MarshalText()
	assert.ErrorIs(t, err, ErrUnknownCurrency)
}

func TestMeasure_JSON(t *testing.T) {
	// The roll-up of values 1 (weight 1) and 2 (weight 2): total 5, weight
	// 3, so 5/3 has no exact decimal and is written with its total.
	third := Measure{kind: ValueMeasure, total: dec("5"), weight: dec("3")}
	meanThird := Measure{kind: MeanMeasure, total: dec("10"), weight: dec("3"), n: 3, sd: 0.5}
	tests := []struct {
		name string
		in   Measure
		want string
	}{
		{name: "value", in: mustMeasure(NewValue(dec("72"))), want: `{"value":"72"}`},
		{name: "weighted value", in: mustMeasure(NewWeightedValue(dec("7.5"), dec("120"))), want: `{"value":"7.5","weight":"120"}`},
		{name: "inexact value", in: third, want: `{"total":"5","weight":"3"}`},
		{name: "rate", in: mustMeasure(NewRate(870, 1000)), want: `{"successes":870,"trials":1000}`},
		{name: "rate of none", in: mustMeasure(NewRate(0, 10)), want: `{"successes":0,"trials":10}`},
		{name: "mean", in: mustMeasure(NewMean(dec("4.5"), 1.2, 300)), want: `{"mean":"4.5","sd":1.2,"n":300}`},
		{name: "inexact mean", in: meanThird, want: `{"total":"10","sd":0.5,"n":3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var m Measure
			require.NoError(t, json.Unmarshal(b, &m))
			assert.True(t, tt.in.Equal(m), "round trip: %v, %v", tt.in, m)
		})
	}
	_, err := json.Marshal(Measure{})
	assert.ErrorIs(t, err, ErrInvalidMeasure)

	bad := []struct {
		name    string
		in      string
		wantErr error
	}{
		{name: "empty", in: `{}`, wantErr: ErrInvalidMeasure},
		{name: "rate and mean", in: `{"successes":1,"trials":2,"n":3}`, wantErr: ErrInvalidMeasure},
		{name: "mean and value", in: `{"mean":"1","value":"1"}`, wantErr: ErrInvalidMeasure},
		{name: "rate without trials", in: `{"successes":1}`, wantErr: ErrInvalidMeasure},
		{name: "zero trials", in: `{"successes":0,"trials":0}`, wantErr: ErrInvalidSampleSize},
		{name: "mean without sd", in: `{"mean":"1","n":3}`, wantErr: ErrInvalidMeasure},
		{name: "mean and total", in: `{"mean":"1","total":"3","sd":1,"n":3}`, wantErr: ErrInvalidMeasure},
		{name: "mean bad decimal", in: `{"mean":"x","sd":1,"n":1}`, wantErr: ErrInvalidSampleSize},
		{name: "mean bad total", in: `{"total":"x","sd":1,"n":3}`, wantErr: ErrInvalidAmount},
		{name: "mean zero sample", in: `{"mean":"1","sd":1,"n":0}`, wantErr: ErrInvalidSampleSize},
		{name: "total without weight", in: `{"total":"5"}`, wantErr: ErrInvalidMeasure},
		{name: "bad weight", in: `{"value":"5","weight":"0"}`, wantErr: ErrInvalidWeight},
		{name: "bad weight text", in: `{"value":"5","weight":"w"}`, wantErr: ErrInvalidAmount},
		{name: "bad total weight", in: `{"total":"5","weight":"-1"}`, wantErr: ErrInvalidWeight},
		{name: "bad total", in: `{"total":"t","weight":"1"}`, wantErr: ErrInvalidAmount},
		{name: "bad value", in: `{"value":"v"}`, wantErr: ErrInvalidAmount},
		{name: "value as true", in: `{"value":true}`, wantErr: outcome.ErrInvalidJSON},
		{name: "unknown field", in: `{"value":"5","median":"4"}`, wantErr: outcome.ErrInvalidJSON},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			var m Measure
			assert.ErrorIs(t, json.Unmarshal([]byte(tt.in), &m), tt.wantErr)
		})
	}
	var m Measure
	assert.EqualError(t, m.UnmarshalJSON([]byte(`{}`)), "triplecrown: a measure needs a value, a rate or a mean")
}

// TestMeasure_JSONImplied: a value or a mean written with its total is
// refused when the point value it implies (total / weight, total / n) is
// larger than the largest amount, (10^40 - 1) x 10^30, which
// NewWeightedValue and NewMean refuse and no roll-up makes; one that
// implies the largest amount itself decodes.
func TestMeasure_JSONImplied(t *testing.T) {
	largest := strings.Repeat("9", 40) + "e30"
	for _, tt := range []struct {
		name, in, want string // want "" for none
	}{
		// 1e60 / 1e-30 = 1e90, refused by NewWeightedValue(1e90, 1e-30).
		{"value beyond", `{"total":"1e60","weight":"1e-30"}`,
			`triplecrown: service value implied by total 1e60 and weight 0.` + strings.Repeat("0", 29) + `1 (total / weight) ` +
				`is out of range (larger than (10^40 − 1) × 10^30, the largest amount)`},
		// 3 x (10^40 - 1) x 10^30 / 3 is the largest amount; 10^30 more
		// is beyond it.
		{"value at the largest", `{"total":"2` + strings.Repeat("9", 39) + `7e30","weight":"3"}`, ""},
		{"value just beyond", `{"total":"2` + strings.Repeat("9", 39) + `8e30","weight":"3"}`,
			`triplecrown: service value implied by total 2` + strings.Repeat("9", 39) + `8e30 and weight 3 (total / weight) ` +
				`is out of range (larger than (10^40 − 1) × 10^30, the largest amount)`},
		{"negative value beyond", `{"total":"-1e60","weight":"1e-30"}`,
			`triplecrown: service value implied by total -1e60 and weight 0.` + strings.Repeat("0", 29) + `1 (total / weight) ` +
				`is out of range (larger than (10^40 − 1) × 10^30, the largest amount)`},
		// 10^41 x 10^30 / 2 = 5 x 10^70, refused by NewMean(5e70, 1, 2).
		{"mean beyond", `{"total":"1` + strings.Repeat("0", 41) + `e30","sd":1,"n":2}`,
			`triplecrown: service mean implied by total 1` + strings.Repeat("0", 41) + `e30 and n 2 (total / n) ` +
				`is out of range (larger than (10^40 − 1) × 10^30, the largest amount)`},
		{"mean at the largest", `{"total":"1` + strings.Repeat("9", 39) + `8e30","sd":1,"n":2}`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m Measure
			err := json.Unmarshal([]byte(tt.in), &m)
			if tt.want == "" {
				require.NoError(t, err)
				total, weight := m.Fraction()
				assert.True(t, dec(largest).Equal(total.Div(weight)), "%s / %s", total, weight)
				return
			}
			probs := outcome.Problems(err)
			require.Len(t, probs, 1, "%v", err)
			assert.Equal(t, ErrInvalidAmount, probs[0].Code)
			assert.Equal(t, tt.want, probs[0].Message)
			assert.True(t, m.IsZero(), "a failed decode leaves the measure alone")
		})
	}
	_, err := NewWeightedValue(dec("1e90"), dec("1e-30"))
	assert.ErrorIs(t, err, ErrInvalidAmount, "the constructor refuses the same value")
	_, err = NewMean(dec("5e70"), 1, 2)
	assert.ErrorIs(t, err, ErrInvalidAmount, "the constructor refuses the same mean")
}

// TestMeasure_JSONNull: null, and a field that is null, are refused, not
// read as absent ({"value":"72","weight":null} was the value 72 of weight
// 1), and the measure is left as it was: each null field is one problem,
// in the order written, named as written.
func TestMeasure_JSONNull(t *testing.T) {
	type problem struct {
		code outcome.Code
		msg  string
	}
	for _, tt := range []struct {
		in   string
		want []problem
	}{
		{` null `, []problem{{outcome.ErrInvalidJSON, `triplecrown: a measure cannot be null`}}},
		{`{"value":"72","weight":null}`, []problem{{ErrInvalidMeasure, `triplecrown: a measure's "weight" cannot be null`}}},
		{`{"successes":null,"trials":10}`, []problem{{ErrInvalidMeasure, `triplecrown: a measure's "successes" cannot be null`}}},
		{`{"mean":"4.5","SD":null,"n":null}`, []problem{
			{ErrInvalidMeasure, `triplecrown: a measure's "SD" cannot be null`},
			{ErrInvalidMeasure, `triplecrown: a measure's "n" cannot be null`},
		}},
	} {
		t.Run(tt.in, func(t *testing.T) {
			before := mustMeasure(NewRate(870, 1000))
			m := before
			var got []problem
			for _, e := range outcome.Problems(json.Unmarshal([]byte(tt.in), &m)) {
				got = append(got, problem{e.Code, e.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, before.Equal(m), "a failed decode leaves the measure alone")
		})
	}
}

func TestThreshold_JSON(t *testing.T) {
	tests := []struct {
		name string
		in   Threshold
		want string
	}{
		{name: "zero", in: Threshold{}, want: `{}`},
		{name: "relative", in: MustThreshold(NewRelativeThreshold(dec("0.02"))), want: `{"relative":"0.02"}`},
		{name: "absolute", in: MustThreshold(NewAbsoluteThreshold(dec("0.5"))), want: `{"absolute":"0.5"}`},
		{name: "money", in: MustThreshold(NewMoneyThreshold(eur("10000"))), want: `{"absolute":"10000","currency":"EUR"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var th Threshold
			require.NoError(t, json.Unmarshal(b, &th))
			assert.True(t, tt.in.Equal(th))
		})
	}
	bad := []struct {
		name    string
		in      string
		wantErr error
	}{
		{name: "both", in: `{"relative":"0.1","absolute":"1"}`, wantErr: outcome.ErrInvalidThreshold},
		{name: "currency alone", in: `{"currency":"EUR"}`, wantErr: outcome.ErrInvalidThreshold},
		{name: "relative too big", in: `{"relative":"2"}`, wantErr: outcome.ErrInvalidThreshold},
		{name: "relative bad text", in: `{"relative":"2%"}`, wantErr: ErrInvalidAmount},
		{name: "absolute negative", in: `{"absolute":"-2"}`, wantErr: outcome.ErrInvalidThreshold},
		{name: "absolute bad text", in: `{"absolute":"-"}`, wantErr: ErrInvalidAmount},
		{name: "money negative", in: `{"absolute":"-2","currency":"EUR"}`, wantErr: ErrNegativeMoney},
		{name: "money bad currency", in: `{"absolute":"2","currency":"E"}`, wantErr: ErrUnknownCurrency},
		{name: "not an object", in: `"2%"`, wantErr: outcome.ErrInvalidJSON},
		{name: "null", in: ` null `, wantErr: outcome.ErrInvalidJSON},
		{name: "relative null", in: `{"relative":null}`, wantErr: outcome.ErrInvalidThreshold},
		{name: "currency null", in: `{"absolute":"5","currency":null}`, wantErr: outcome.ErrInvalidThreshold},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			var th Threshold
			assert.ErrorIs(t, json.Unmarshal([]byte(tt.in), &th), tt.wantErr)
		})
	}
}

// TestThreshold_JSONNull: null, and a member that is null, are refused, not
// read as the zero Threshold (any change is material), and the threshold
// is left as it was: each null member is one problem, in the order written.
func TestThreshold_JSONNull(t *testing.T) {
	type problem struct {
		code outcome.Code
		msg  string
	}
	for _, tt := range []struct {
		in   string
		want []problem
	}{
		{`null`, []problem{{outcome.ErrInvalidJSON, `triplecrown: a threshold cannot be null`}}},
		{`{"relative":null}`, []problem{{outcome.ErrInvalidThreshold, `triplecrown: a threshold's "relative" cannot be null`}}},
		{`{"absolute":null,"currency":null}`, []problem{
			{outcome.ErrInvalidThreshold, `triplecrown: a threshold's "absolute" cannot be null`},
			{outcome.ErrInvalidThreshold, `triplecrown: a threshold's "currency" cannot be null`},
		}},
		// The key as written: encoding/json matches it to "absolute".
		{`{"Absolute":null}`, []problem{{outcome.ErrInvalidThreshold, `triplecrown: a threshold's "Absolute" cannot be null`}}},
	} {
		t.Run(tt.in, func(t *testing.T) {
			before := MustThreshold(NewRelativeThreshold(dec("0.02")))
			th := before
			var got []problem
			for _, p := range outcome.Problems(json.Unmarshal([]byte(tt.in), &th)) {
				got = append(got, problem{p.Code, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, before.Equal(th), "a failed decode leaves the threshold alone")
		})
	}
	// {} is still the zero Threshold.
	th := MustThreshold(NewRelativeThreshold(dec("0.02")))
	require.NoError(t, json.Unmarshal([]byte(`{}`), &th))
	assert.True(t, th.IsZero())
}

func TestPolicy_JSON(t *testing.T) {
	p := MustPolicy(policySpec())
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"cost":{"relative":"0.02"},"service":{"absolute":"0.25"},"revenue":{"relative":"0.02"},"significanceLevel":0.05,"precision":{"places":4,"mode":"half-even"}}`, string(b))
	var q Policy
	require.NoError(t, json.Unmarshal(b, &q))
	assert.True(t, p.Equal(q))

	// Zero thresholds are left out.
	b, err = json.Marshal(MustPolicy(PolicySpec{SignificanceLevel: 0.01, Precision: MustPrecision(2, outcome.RoundHalfUp)}))
	require.NoError(t, err)
	assert.Equal(t, `{"significanceLevel":0.01,"precision":{"places":2,"mode":"half-up"}}`, string(b))

	_, err = json.Marshal(Policy{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"significanceLevel":0.05}`), &q), outcome.ErrUnknownRounding)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"significanceLevel":2,"precision":{"places":2,"mode":"half-up"}}`), &q), ErrInvalidSignificance)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"precision":{"places":2}}`), &q), outcome.ErrUnknownRounding)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"precision":{"places":99,"mode":"up"}}`), &q), outcome.ErrInvalidPlaces)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"precision":{"places":2,"mode":"sideways"}}`), &q), outcome.ErrUnknownRounding)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"precision":"2"}`), &q), outcome.ErrInvalidJSON)
}

// TestPolicy_JSONEveryProblem: decoding a policy reports every problem of
// its parts, each naming the part, and then NewPolicy's checks of the parts
// that decoded; a part that did not decode is not reported again.
func TestPolicy_JSONEveryProblem(t *testing.T) {
	type problem struct {
		code outcome.Code
		msg  string
	}
	for _, tt := range []struct {
		name, in string
		want     []problem
	}{
		{"two thresholds that are not decimals",
			`{"cost":{"relative":"x"},"revenue":{"relative":"y"},"significanceLevel":0.05,"precision":{"places":2,"mode":"up"}}`,
			[]problem{
				{ErrInvalidAmount, `triplecrown: policy, cost threshold: threshold "x" is not a decimal number`},
				{ErrInvalidAmount, `triplecrown: policy, revenue threshold: threshold "y" is not a decimal number`},
			}},
		// The level that is a string is not also said to be 0, outside 0
		// to 1; the service threshold decodes, and is money, which
		// NewPolicy refuses. The problem of the form comes first.
		{"every part wrong",
			`{"cost":{"relative":"2"},"service":{"absolute":"1","currency":"EUR"},"significanceLevel":"x","precision":{"places":2}}`,
			[]problem{
				{outcome.ErrInvalidJSON, `triplecrown: invalid JSON: "significanceLevel" must be a number, not the string "x"`},
				{outcome.ErrInvalidThreshold, `triplecrown: policy, cost threshold: relative threshold 2 is outside 0 to 1 (0% to 100%)`},
				{outcome.ErrUnknownRounding, `triplecrown: policy, precision: a precision needs its rounding "mode"`},
				{outcome.ErrInvalidThreshold, `triplecrown: the service threshold cannot be money (1 EUR)`},
			}},
		{"nothing", `{}`,
			[]problem{
				{ErrInvalidSignificance, `triplecrown: significance level 0 is not strictly between 0 and 1`},
				{outcome.ErrUnknownRounding, `triplecrown: the policy needs a precision with a valid rounding mode`},
			}},
		// A null threshold, or one with a null member, is not the zero
		// Threshold (every cost change material): each is refused.
		{"null thresholds",
			`{"cost":{"relative":null},"service":null,"revenue":{"relative":"0.02"},"significanceLevel":0.05,"precision":{"places":2,"mode":"up"}}`,
			[]problem{
				{outcome.ErrInvalidThreshold, `triplecrown: policy, cost threshold: a threshold's "relative" cannot be null`},
				{outcome.ErrInvalidJSON, `triplecrown: policy, service threshold: a threshold cannot be null`},
			}},
		// A null level is said to be null, not read as 0 and said to be
		// outside 0 to 1; a null precision is refused by Precision, not
		// said to need its places and its mode.
		{"null level and precision", `{"significanceLevel":null,"precision":null}`,
			[]problem{
				{outcome.ErrInvalidJSON, `triplecrown: invalid JSON: "significanceLevel" must be a number, not null`},
				{outcome.ErrInvalidJSON, `triplecrown: policy, precision: a precision cannot be null`},
			}},
		// The precision's places beyond ±18 are reported with its unknown
		// mode, as NewPrecision reports both.
		{"precision's places and mode", `{"significanceLevel":0.05,"precision":{"places":999,"mode":"bogus"}}`,
			[]problem{
				{outcome.ErrInvalidPlaces, `triplecrown: policy, precision: 999 decimal places is outside -18 to 18`},
				{outcome.ErrUnknownRounding, `triplecrown: policy, precision: unknown rounding mode "bogus"`},
			}},
		{"an unknown field", `{"significanceLevel":0.05,"precision":{"places":2,"mode":"up"},"materiality":"x"}`,
			[]problem{{outcome.ErrInvalidJSON, `triplecrown: invalid JSON: unknown field "materiality"`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := MustPolicy(policySpec())
			p := before
			err := json.Unmarshal([]byte(tt.in), &p)
			var got []problem
			for _, pr := range outcome.Problems(err) {
				assert.Nil(t, pr.IDs, "a policy has no ID")
				got = append(got, problem{pr.Code, pr.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, before.Equal(p), "a failed decode leaves the policy alone")
		})
	}
}

// TestPrecision_JSONNull: null, and a field that is null, are refused as
// null, each null field with its field's code and named as written, not
// reported as missing; the precision is left as it was.
func TestPrecision_JSONNull(t *testing.T) {
	type problem struct {
		code outcome.Code
		msg  string
	}
	for _, tt := range []struct {
		in   string
		want []problem
	}{
		{` null `, []problem{{outcome.ErrInvalidJSON, `triplecrown: a precision cannot be null`}}},
		{`{"places":2,"mode":null}`, []problem{{outcome.ErrUnknownRounding, `triplecrown: a precision's "mode" cannot be null`}}},
		{`{"places":null,"mode":"up"}`, []problem{{outcome.ErrInvalidPlaces, `triplecrown: a precision's "places" cannot be null`}}},
		// Both null, in the order of the fields (places, mode), not as
		// written; encoding/json matches "Places" to "places".
		{`{"mode":null,"Places":null}`, []problem{
			{outcome.ErrInvalidPlaces, `triplecrown: a precision's "Places" cannot be null`},
			{outcome.ErrUnknownRounding, `triplecrown: a precision's "mode" cannot be null`},
		}},
		// One null, the other missing: each said as it is.
		{`{"places":null}`, []problem{
			{outcome.ErrInvalidPlaces, `triplecrown: a precision's "places" cannot be null`},
			{outcome.ErrUnknownRounding, `triplecrown: a precision needs its rounding "mode"`},
		}},
		// Places that read are checked whatever the mode, as NewPrecision
		// checks both: 999 and -19 are beyond ±18, with a mode that is
		// unknown, null, missing or of the wrong type; the places' problem
		// comes before the mode's, as NewPrecision reports them.
		{`{"places":999,"mode":"bogus"}`, []problem{
			{outcome.ErrInvalidPlaces, `triplecrown: 999 decimal places is outside -18 to 18`},
			{outcome.ErrUnknownRounding, `outcome: unknown rounding mode "bogus"`},
		}},
		{`{"mode":null,"places":-19}`, []problem{
			{outcome.ErrUnknownRounding, `triplecrown: a precision's "mode" cannot be null`},
			{outcome.ErrInvalidPlaces, `triplecrown: -19 decimal places is outside -18 to 18`},
		}},
		{`{"places":999}`, []problem{
			{outcome.ErrUnknownRounding, `triplecrown: a precision needs its rounding "mode"`},
			{outcome.ErrInvalidPlaces, `triplecrown: 999 decimal places is outside -18 to 18`},
		}},
		{`{"places":999,"mode":1}`, []problem{
			{outcome.ErrInvalidJSON, `triplecrown: invalid JSON: "mode" must be a string, not the number 1`},
			{outcome.ErrInvalidPlaces, `triplecrown: 999 decimal places is outside -18 to 18`},
		}},
		// 18 is within the range: only the mode is wrong.
		{`{"places":18,"mode":"bogus"}`, []problem{
			{outcome.ErrUnknownRounding, `outcome: unknown rounding mode "bogus"`},
		}},
	} {
		t.Run(tt.in, func(t *testing.T) {
			before := MustPrecision(1, outcome.RoundDown)
			p := before
			var got []problem
			for _, e := range outcome.Problems(json.Unmarshal([]byte(tt.in), &p)) {
				got = append(got, problem{e.Code, e.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, before.Equal(p), "a failed decode leaves the precision alone")
		})
	}
}

func TestPrecision_JSON(t *testing.T) {
	// Every mode of outcome.Rounding round-trips, as its own text.
	for m := outcome.RoundHalfEven; m <= outcome.RoundFloor; m++ {
		p := MustPrecision(-3, m)
		b, err := json.Marshal(p)
		require.NoError(t, err)
		assert.Equal(t, `{"places":-3,"mode":"`+m.String()+`"}`, string(b))
		var back Precision
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, p.Equal(back), "%s", b)
	}
	// The mode is read by outcome.ParseRounding, so its other spellings are
	// accepted, and written back in the canonical form.
	var p Precision
	require.NoError(t, json.Unmarshal([]byte(`{"places":2,"mode":"Bankers"}`), &p))
	assert.True(t, MustPrecision(2, outcome.RoundHalfEven).Equal(p))

	tests := []struct {
		name     string
		in       string
		wantErrs []error
	}{
		{name: "no places", in: `{"mode":"up"}`, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "no mode", in: `{"places":2}`, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "null mode", in: `{"places":2,"mode":null}`, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "null places", in: `{"places":null,"mode":"up"}`, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "null", in: `null`, wantErrs: []error{outcome.ErrInvalidJSON}},
		{name: "neither", in: `{}`, wantErrs: []error{outcome.ErrInvalidPlaces, outcome.ErrUnknownRounding}},
		{name: "places out of range", in: `{"places":19,"mode":"up"}`, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "unknown mode", in: `{"places":2,"mode":"sideways"}`, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "unknown field", in: `{"places":2,"mode":"up","digits":2}`, wantErrs: []error{outcome.ErrInvalidJSON}},
		{name: "places not an integer", in: `{"places":2.5,"mode":"up"}`, wantErrs: []error{outcome.ErrInvalidJSON}},
		{name: "trailing data", in: `{"places":2,"mode":"up"} {}`, wantErrs: []error{outcome.ErrInvalidJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := MustPrecision(1, outcome.RoundDown)
			p := before
			err := p.UnmarshalJSON([]byte(tt.in))
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want)
			}
			assert.True(t, before.Equal(p), "a failed decode leaves the precision alone")
		})
	}
	err := p.UnmarshalJSON([]byte(`{}`))
	assert.EqualError(t, err, "triplecrown: a precision needs its \"places\"\ntriplecrown: a precision needs its rounding \"mode\"")

	_, err = json.Marshal(Precision{})
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	_, err = Precision{}.MarshalJSON()
	assert.EqualError(t, err, "triplecrown: cannot marshal a precision without a valid rounding mode")
}

// cardJSON is the spec's scorecard in JSON, as a caller would write it.
const cardJSON = `{"unit":"sales","name":"Sales","period":"2025",` +
	`"cost":{"baseline":{"amount":"1000000","currency":"EUR"},"actual":{"amount":"900000","currency":"EUR"}},` +
	`"revenue":{"baseline":{"amount":"2000000","currency":"EUR"},"actual":{"amount":"2300000","currency":"EUR"}},` +
	`"service":{"name":"time to respond","unit":"hours","direction":"lower-is-better",` +
	`"baseline":{"mean":"4","sd":1.5,"n":400},"actual":{"mean":"3","sd":1.2,"n":400}}}`

func TestScorecard_JSON(t *testing.T) {
	var c Scorecard
	require.NoError(t, json.Unmarshal([]byte(cardJSON), &c))
	s := spec("sales")
	s.Name = "Sales"
	assert.True(t, MustScorecard(s).Equal(c))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, cardJSON, string(b))

	// A roll-up whose service values have no exact decimal round-trips too.
	r, err := NewRollup("e", []Scorecard{valueCard("a", "1", "1", "1", "1"), valueCard("b", "2", "2", "2", "2")})
	require.NoError(t, err)
	b, err = json.Marshal(r.Scorecard())
	require.NoError(t, err)
	var back Scorecard
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Scorecard().Equal(back))

	_, err = json.Marshal(Scorecard{})
	assert.ErrorIs(t, err, ErrInvalidScorecard)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"unit":"x","period":"p"}`), &c), ErrMissingMoney)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"unit":"x","extra":1}`), &c), outcome.ErrInvalidJSON)
	err = json.Unmarshal([]byte(`{"unit":"x","period":"2025","cost":{"baseline":{"amount":"-1","currency":"EUR"}}}`), &c)
	assert.ErrorIs(t, err, ErrNegativeMoney)
	assert.ErrorIs(t, err, ErrMissingMoney)
}

// cardWith is a scorecard's JSON for unit u with its parts replaced: each
// of cost, revenue and service is the JSON of that part, or "" for the valid
// one below (cost 100 -> 90 EUR, revenue 100 -> 110 EUR, service a value 1
// -> 2, higher is better), and the period is written as given.
func cardWith(u, period, cost, revenue, service string) string {
	if cost == "" {
		cost = `{"baseline":{"amount":"100","currency":"EUR"},"actual":{"amount":"90","currency":"EUR"}}`
	}
	if revenue == "" {
		revenue = `{"baseline":{"amount":"100","currency":"EUR"},"actual":{"amount":"110","currency":"EUR"}}`
	}
	if service == "" {
		service = `{"name":"s","direction":"higher-is-better","baseline":{"value":"1"},"actual":{"value":"2"}}`
	}
	return `{"unit":` + u + `,"period":` + period + `,"cost":` + cost + `,"revenue":` + revenue + `,"service":` + service + `}`
}

// TestScorecard_JSONEveryProblem: decoding a scorecard reports every problem
// of its parts, each naming the unit (its ID first among the IDs) and the
// part, once: a part that did not decode is not reported again as missing.
func TestScorecard_JSONEveryProblem(t *testing.T) {
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{
			name: "two amounts that are not decimals",
			in: cardWith(`"billing dept"`, `"2025"`, `{"baseline":{"amount":"12,50","currency":"EUR"},"actual":{"amount":"10","currency":"EUR"}}`,
				`{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"abc","currency":"EUR"}}`, ""),
			want: []problem{
				{ErrInvalidAmount, []string{"billing dept"}, `triplecrown: unit "billing dept", baseline cost: amount "12,50" is not a decimal number`},
				{ErrInvalidAmount, []string{"billing dept"}, `triplecrown: unit "billing dept", actual revenue: amount "abc" is not a decimal number`},
			},
		},
		{
			name: "values of the wrong type",
			in: cardWith(`"u"`, `2025`, "", "",
				`{"name":"s","direction":"up","baseline":{"mean":"4","sd":"1.5","n":400},"actual":{"mean":"3","sd":1.2,"n":400}}`),
			want: []problem{
				// Each is named by its path from the scorecard's top.
				{outcome.ErrInvalidJSON, []string{"u"}, `triplecrown: unit "u": invalid JSON: "period" must be a string, not the number 2025`},
				{outcome.ErrInvalidJSON, []string{"u"}, `triplecrown: unit "u": invalid JSON: "service.baseline.sd" must be a number, not the string "1.5"`},
			},
		},
		{
			name: "a unit that is not a string",
			in:   cardWith(`5`, `"2025"`, "", "", ""),
			want: []problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "unit" must be a string, not the number 5`},
			},
		},
		{
			// With no unit there is no ID, "" least of all, and the
			// messages name the scorecard.
			name: "no unit, and other problems",
			in: cardWith(`5`, `""`, `{"baseline":{"amount":"x","currency":"EUR"},"actual":{"amount":"90","currency":"EUR"}}`,
				"", `{"name":" ","direction":"higher-is-better","baseline":{"value":"1"},"actual":{"value":"2"}}`),
			want: []problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "unit" must be a string, not the number 5`},
				{ErrInvalidAmount, nil, `triplecrown: a scorecard's baseline cost: amount "x" is not a decimal number`},
				{ErrEmptyPeriod, nil, `triplecrown: a scorecard has no period`},
				{outcome.ErrEmptyName, nil, `triplecrown: a scorecard has a service measure without a name`},
			},
		},
		{
			name: "an empty unit",
			in:   cardWith(`""`, `"2025"`, `{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"-1","currency":"EUR"}}`, "", ""),
			want: []problem{
				{outcome.ErrEmptyID, nil, `outcome: empty id`},
				{ErrNegativeMoney, nil, `triplecrown: a scorecard has a negative actual cost (-1 EUR)`},
			},
		},
		{
			name: "an unknown direction and a measure with two problems",
			in: cardWith(`"u"`, `"2025"`, "", "",
				`{"name":"s","direction":"sideways","baseline":{"value":"x","weight":"0"},"actual":{"value":"2"}}`),
			want: []problem{
				{outcome.ErrUnknownDirection, []string{"u"}, `triplecrown: unit "u", service direction: unknown direction "sideways"`},
				{ErrInvalidWeight, []string{"u"}, `triplecrown: unit "u", baseline service measure: service weight 0 is not positive`},
				{ErrInvalidAmount, []string{"u"}, `triplecrown: unit "u", baseline service measure: service value "x" is not a decimal number`},
			},
		},
		{
			// Neither the cost's two amounts nor the service's name,
			// direction and measures are reported missing as well.
			name: "a part of the wrong shape, and a part with an unknown field",
			in: cardWith(`"u"`, `"2025"`, `[]`, "",
				`{"name":"s","direction":"up","baseline":{"value":"1"},"actual":{"value":"2"},"scale":"1-5"}`),
			want: []problem{
				{outcome.ErrInvalidJSON, []string{"u"}, `triplecrown: unit "u": invalid JSON: "cost" must be an object, not an array`},
				{outcome.ErrInvalidJSON, []string{"u"}, `triplecrown: unit "u": invalid JSON: unknown field "service.scale"`},
			},
		},
		{
			// A bad amount, an amount in another currency, and a null one:
			// the null is a problem of the form, first, and not also
			// missing; the checks of NewScorecard go on around the amounts
			// that did not decode.
			name: "the scorecard's own checks go on",
			in: cardWith(`" u"`, `""`, `{"baseline":{"amount":"x","currency":"EUR"},"actual":{"amount":"90","currency":"USD"}}`,
				`{"baseline":null,"actual":{"amount":"-1","currency":"EUR"}}`, ""),
			want: []problem{
				{outcome.ErrInvalidJSON, []string{" u"}, `triplecrown: unit " u": invalid JSON: "revenue.baseline" must be an object, not null`},
				{ErrInvalidAmount, []string{" u"}, `triplecrown: unit " u", baseline cost: amount "x" is not a decimal number`},
				{outcome.ErrInvalidID, []string{" u"}, `outcome: id " u" has surrounding white space`},
				{ErrEmptyPeriod, []string{" u"}, `triplecrown: unit " u" has no period`},
				{ErrNegativeMoney, []string{" u"}, `triplecrown: unit " u" has a negative actual revenue (-1 EUR)`},
				{ErrCurrencyMismatch, []string{" u"}, `triplecrown: unit " u" has its actual revenue in EUR, not USD: one scorecard has one currency`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := MustScorecard(spec("before"))
			c := before
			err := json.Unmarshal([]byte(tt.in), &c)
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs, p.Message})
				assert.ErrorIs(t, err, p.Code)
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, before.Equal(c), "a failed decode leaves the scorecard alone")
		})
	}
}

// TestDecodeScorecards: a list of scorecards reports every problem of every
// scorecard, each under its index, with the unit's ID first among its IDs.
func TestDecodeScorecards(t *testing.T) {
	billing := strings.ReplaceAll(cardJSON, `"sales"`, `"billing"`)
	cards, err := DecodeScorecards([]byte("[" + cardJSON + ",\n" + billing + "]"))
	require.NoError(t, err)
	require.Len(t, cards, 2)
	var want [2]Scorecard
	require.NoError(t, json.Unmarshal([]byte(cardJSON), &want[0]))
	require.NoError(t, json.Unmarshal([]byte(billing), &want[1]))
	assert.True(t, cards[0].Equal(want[0]))
	assert.True(t, cards[1].Equal(want[1]))
	assert.Equal(t, "billing", cards[1].Unit())

	cards, err = DecodeScorecards([]byte(`[]`))
	require.NoError(t, err)
	assert.NotNil(t, cards)
	assert.Empty(t, cards)

	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		// Scorecard 0 has two amounts that are not decimals; 1 decodes; 2
		// is null; 3 has a period and a standard deviation of the wrong
		// type; 4 an ID with white space, which outcome words (its prefix
		// "outcome: " gives way to the index).
		{"every scorecard's problems", "[" + strings.Join([]string{
			cardWith(`"billing dept"`, `"2025"`, `{"baseline":{"amount":"12,50","currency":"EUR"},"actual":{"amount":"10","currency":"EUR"}}`,
				`{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"abc","currency":"EUR"}}`, ""),
			cardJSON,
			"null",
			cardWith(`"u"`, `2025`, "", "",
				`{"name":"s","direction":"up","baseline":{"mean":"4","sd":"1.5","n":400},"actual":{"mean":"3","sd":1.2,"n":400}}`),
			cardWith(`" u"`, `"2025"`, "", "", ""),
		}, ",") + "]", []problem{
			{ErrInvalidAmount, []string{"billing dept"},
				`triplecrown: scorecards[0]: unit "billing dept", baseline cost: amount "12,50" is not a decimal number`},
			{ErrInvalidAmount, []string{"billing dept"},
				`triplecrown: scorecards[0]: unit "billing dept", actual revenue: amount "abc" is not a decimal number`},
			{outcome.ErrInvalidJSON, nil, "triplecrown: scorecards[2]: a scorecard cannot be null"},
			{outcome.ErrInvalidJSON, []string{"u"},
				`triplecrown: scorecards[3]: unit "u": invalid JSON: "period" must be a string, not the number 2025`},
			{outcome.ErrInvalidJSON, []string{"u"},
				`triplecrown: scorecards[3]: unit "u": invalid JSON: "service.baseline.sd" must be a number, not the string "1.5"`},
			{outcome.ErrInvalidID, []string{" u"}, `triplecrown: scorecards[4]: id " u" has surrounding white space`},
		}},
		{"an unknown field", "[" + strings.TrimSuffix(cardWith(`"u"`, `"2025"`, "", "", ""), "}") + `,"budget":1}]`, []problem{
			{outcome.ErrInvalidJSON, []string{"u"}, `triplecrown: scorecards[0]: unit "u": invalid JSON: unknown field "budget"`},
		}},
		{"null", ` null`, []problem{{outcome.ErrInvalidJSON, nil, "triplecrown: a list of scorecards cannot be null"}}},
		{"one scorecard, not a list", cardJSON, []problem{
			{outcome.ErrInvalidJSON, nil, "triplecrown: invalid JSON: the value must be an array, not an object"},
		}},
		{"malformed", "[" + cardJSON, []problem{{outcome.ErrInvalidJSON, nil, "triplecrown: invalid JSON: unexpected EOF"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, err := DecodeScorecards([]byte(tt.in))
			assert.Nil(t, cards)
			var got []problem
			for _, p := range outcome.Problems(err) {
				assert.Equal(t, outcome.SeverityError, p.Severity)
				assert.ErrorIs(t, err, p.Code)
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
		})
	}

	// What the doc says of json.Unmarshal into a []Scorecard: it stops at
	// the first scorecard that fails, scorecards[0], with both of its
	// problems, and says nothing of scorecards[1]'s.
	var list []Scorecard
	ps := outcome.Problems(json.Unmarshal([]byte("["+strings.Join([]string{
		cardWith(`"a"`, `"2025"`, `{"baseline":{"amount":"12,50","currency":"EUR"},"actual":{"amount":"10","currency":"EUR"}}`,
			`{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"abc","currency":"EUR"}}`, ""),
		cardWith(`"b"`, `2025`, "", "", ""),
	}, ",")+"]"), &list))
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, p.Message)
	}
	assert.Equal(t, []string{
		`triplecrown: unit "a", baseline cost: amount "12,50" is not a decimal number`,
		`triplecrown: unit "a", actual revenue: amount "abc" is not a decimal number`,
	}, msgs)

	// Each problem wraps the scorecard's own, and its cause.
	_, err = DecodeScorecards([]byte("[" + cardWith(`"u"`, `2025`, "", "", "") + "]"))
	var te *json.UnmarshalTypeError
	assert.ErrorAs(t, err, &te)
	ps = outcome.Problems(err)
	require.Len(t, ps, 1)
	var own *outcome.Error
	require.ErrorAs(t, ps[0].Err, &own)
	assert.Equal(t, `triplecrown: unit "u": invalid JSON: "period" must be a string, not the number 2025`, own.Message)
}

// TestUnmarshalJSON_null: null is not an object, so it is one problem with
// code invalid-json, as the docs say of JSON that is not an object, not
// every problem of an empty value (ten for a scorecard), and the value is
// left as it was.
func TestUnmarshalJSON_null(t *testing.T) {
	roi, err := NewROI(ROISpec{Investment: eur("100"), CostSaved: eur("150"), Periods: 12})
	require.NoError(t, err)
	rollup, err := NewRollup("all", []Scorecard{MustScorecard(spec("sales"))})
	require.NoError(t, err)
	contributions, err := NewContributions(Cost, []Scorecard{MustScorecard(spec("sales"))}, 0)
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		v    interface {
			json.Unmarshaler
			json.Marshaler
		}
		want string
	}{
		{"scorecard", ptr(MustScorecard(spec("sales"))), "triplecrown: a scorecard cannot be null"},
		{"policy", ptr(MustPolicy(policySpec())), "triplecrown: a policy cannot be null"},
		{"ROI", &roi, "triplecrown: an ROI cannot be null"},
		{"money", ptr(eur("12.50")), "triplecrown: money cannot be null"},
		{"precision", ptr(MustPrecision(2, outcome.RoundUp)), "triplecrown: a precision cannot be null"},
		{"measure", ptr(mustMeasure(NewRate(870, 1000))), "triplecrown: a measure cannot be null"},
		{"roll-up", &rollup, "triplecrown: a roll-up cannot be null"},
		{"contributions", &contributions, "triplecrown: contributions cannot be null"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, err := json.Marshal(tt.v)
			require.NoError(t, err)
			ps := outcome.Problems(json.Unmarshal([]byte(" null\n"), tt.v))
			require.Len(t, ps, 1)
			assert.ErrorIs(t, ps[0], outcome.ErrInvalidJSON)
			assert.Equal(t, tt.want, ps[0].Message)
			assert.Nil(t, ps[0].IDs)
			after, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a failed decode leaves the value alone")
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestDecodeJSON_typeErrors: a JSON value of the wrong type is said in
// JSON's words, by its JSON path, what it must be and what it is, never
// with encoding/json's Go struct and type names. A number where an integer
// belongs is said with the integer's range: the places are an int32, from
// -2^31 = -2147483648 to 2^31-1 = 2147483647.
func TestDecodeJSON_typeErrors(t *testing.T) {
	tests := []struct {
		name  string
		v     any
		in    string
		want  string
		cause error // nil for a *json.UnmarshalTypeError
	}{
		{"an array for a scorecard", new(Scorecard), `[]`, `triplecrown: invalid JSON: the value must be an object, not an array`, strictjson.ErrNotObject},
		{"a fraction for places", new(Precision), `{"places":2.5,"mode":"up"}`,
			`triplecrown: invalid JSON: "places" must be an integer from -2147483648 to 2147483647, not the number 2.5`, nil},
		{"places beyond int32", new(Precision), `{"places":2147483648,"mode":"up"}`,
			`triplecrown: invalid JSON: "places" must be an integer from -2147483648 to 2147483647, not the number 2147483648`, nil},
		{"a bool for trials", new(Measure), `{"successes":1,"trials":true}`, `triplecrown: invalid JSON: "trials" must be an integer, not true`, nil},
		{"a string for a level", new(Policy), `{"significanceLevel":"0.05","precision":{"places":2,"mode":"up"}}`,
			`triplecrown: invalid JSON: "significanceLevel" must be a number, not the string "0.05"`, nil},
		{"an object for a currency", new(Money), `{"amount":"1","currency":{}}`, `triplecrown: invalid JSON: "currency" must be a string, not an object`, nil},
		{"an array for contributions", new(Contributions), `[]`, `triplecrown: invalid JSON: the value must be an object, not an array`, strictjson.ErrNotObject},
		// Contributions otherwise whole: a part that did not read is
		// neither missing nor checked.
		{"an object for a list", new(Contributions), contributionsWith(`"contributions":{}`),
			`triplecrown: invalid JSON: "contributions" must be an array, not an object`, strictjson.ErrNotArray},
		// The third contribution is contributions[2].
		{"a contribution's unit", new(Contributions), contributionsWith(`"contributions":[` + contributionWith(`"unit":"a"`) + `,` +
			contributionWith(`"unit":"b"`) + `,` + contributionWith(`"unit":7`) + `]`),
			`triplecrown: invalid JSON: "contributions[2].unit" must be a string, not the number 7`, nil},
		{"a string for a flag", new(Contributions), contributionsWith(`"sharesDefined":"yes"`),
			`triplecrown: invalid JSON: "sharesDefined" must be true or false, not the string "yes"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.v)
			assert.EqualError(t, err, tt.want)
			assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
			if tt.cause != nil {
				assert.ErrorIs(t, err, tt.cause, "the reader's error is kept as the cause")
				return
			}
			var te *json.UnmarshalTypeError
			assert.ErrorAs(t, err, &te, "the decoder's error is kept as the cause")
		})
	}
}

// TestScore_JSON: by hand, cost fell by 100000 of 1000000 (-0.1), and the
// mean time to respond from 4 to 3 hours over 400 requests each: totals
// 1600 and 1200 over 400, so the exact change is 1200·400 - 1600·400 =
// -160000 over 400·400 = 160000; revenue did not change.
func TestScore_JSON(t *testing.T) {
	cs := spec("sales")
	cs.Revenue = Amounts{Baseline: eur("0"), Actual: eur("0")}
	s, err := MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"unit":"sales","period":"2025","verdict":"double-crown","crownsWon":2,
	"reason":"double crown: cost and service won, revenue flat","crowns":[
	{"crown":"cost","status":"won","direction":"lower-is-better","currency":"EUR","baseline":"1000000","actual":"900000",
	 "change":"-100000","exactChange":{"numerator":"-100000","denominator":"1"},"improved":true,"worsened":false,
	 "relative":"-0.1","threshold":{"relative":"0.02"},"material":true,"tested":false,
	 "reason":"cost fell from 1000000 EUR to 900000 EUR (-100000 EUR, -10.00%), meeting the materiality threshold of 2%: won"},
	{"crown":"service","status":"won","direction":"lower-is-better","name":"time to respond","unit":"hours",
	 "baseline":"4","actual":"3","change":"-1","exactChange":{"numerator":"-160000","denominator":"160000"},"improved":true,"worsened":false,
	 "relative":"-0.25","threshold":{"absolute":"0.25"},"material":true,"tested":true,
	 "pValue":2.195376550783788e-25,"significanceLevel":0.05,
	 "reason":"time to respond fell from 4 hours to 3 hours (-1 hours, -25.00%), meeting the materiality threshold of 0.25 and significant (p = 2.195e-25 < 0.05): won"},
	{"crown":"revenue","status":"flat","direction":"higher-is-better","currency":"EUR","baseline":"0","actual":"0","change":"0",
	 "exactChange":{"numerator":"0","denominator":"1"},"improved":false,"worsened":false,"threshold":{"relative":"0.02"},"material":false,"tested":false,"reason":"revenue did not change from 0 EUR: flat"}]}`, string(b))
	_, err = json.Marshal(Score{})
	assert.ErrorIs(t, err, ErrInvalidScorecard)
}

func TestEnums_JSON(t *testing.T) {
	b, err := json.Marshal([]any{Cost, Won, TradeOff})
	require.NoError(t, err)
	assert.Equal(t, `["cost","won","trade-off"]`, string(b))
	var c Crown
	var s Status
	var v Verdict
	require.NoError(t, json.Unmarshal([]byte(`"revenue"`), &c))
	require.NoError(t, json.Unmarshal([]byte(`"lost"`), &s))
	require.NoError(t, json.Unmarshal([]byte(`"no crown"`), &v))
	assert.Equal(t, []any{Revenue, Lost, NoCrown}, []any{c, s, v})
	assert.ErrorIs(t, json.Unmarshal([]byte(`"x"`), &c), ErrUnknownCrown)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"x"`), &s), ErrUnknownStatus)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"x"`), &v), ErrUnknownVerdict)
	for _, x := range []interface{ MarshalText() ([]byte, error) }{Crown(0), Status(0), Verdict(0)} {
		_, err := x.MarshalText()
		assert.Error(t, err)
	}
}

// TestJSON_decimalSettingIgnored: every JSON form of the package writes its
// decimals as strings, written as decimal's String writes them by default, so
// the bytes do not depend on decimal's package-level MarshalJSONWithoutQuotes,
// TrimTrailingZeros or UseScientificNotation. It changes those settings, so it
// must not run in parallel with other tests.
func TestJSON_decimalSettingIgnored(t *testing.T) {
	pol := MustPolicy(policySpec())
	score, err := MustScorecard(spec("sales")).Score(pol)
	require.NoError(t, err)
	// Shares to one place: sales saves 300 of 400 (75%), support 150
	// (37.5%), marketing -50 (-12.5%).
	contrib, err := NewContributions(Cost, []Scorecard{costCard("sales", "1000", "700"),
		costCard("support", "500", "350"), costCard("marketing", "200", "250")}, 1)
	require.NoError(t, err)
	roi, err := NewROI(ROISpec{Investment: eur("1000.50"), CostSaved: eur("250.25"), RevenueGained: eur("2000"), Periods: 12})
	require.NoError(t, err)
	// Values 1 and 2 with weights 1 and 2: 5/3 has no exact decimal, so the
	// roll-up's service is written with its total.
	values, err := NewRollup("e", []Scorecard{valueCard("a", "1", "1", "1", "1"), valueCard("b", "2", "2", "2", "2")})
	require.NoError(t, err)
	means, err := NewRollup("e", []Scorecard{MustScorecard(spec("a")), MustScorecard(spec("b"))})
	require.NoError(t, err)
	forms := map[string]any{
		"money":          eur("12.30"),
		"currency":       MustCurrency("EUR"),
		"precision":      MustPrecision(2, outcome.RoundHalfEven),
		"value":          mustMeasure(NewWeightedValue(dec("4.5"), dec("2.5"))),
		"rate":           mustMeasure(NewRate(870, 1000)),
		"mean":           mustMeasure(NewMean(dec("4.5"), 1.2, 300)),
		"thresholds":     []Threshold{MustThreshold(NewRelativeThreshold(dec("0.02"))), MustThreshold(NewAbsoluteThreshold(dec("0.5"))), MustThreshold(NewMoneyThreshold(eur("10000.00"))), {}},
		"policy":         pol,
		"scorecard":      MustScorecard(spec("sales")),
		"score":          score,
		"crown score":    score.Cost(),
		"contribution":   first(contrib),
		"contributions":  contrib,
		"roi":            roi,
		"rollup, values": values,
		"rollup, means":  means,
		"enums":          []any{Cost, Won, TradeOff, ByWeight},
	}
	want := map[string][]byte{}
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		want[name] = b
	}
	// The share is a string as written by hand: 37.5, not the number 37.5.
	assert.Contains(t, string(want["contributions"]), `"share":"37.5"`)
	assert.Contains(t, string(want["contribution"]), `"share":"75"`)

	dectest.FlipSettings(t)
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, string(want[name]), string(b), "%s with decimal's settings flipped", name)
	}
}

// TestJSON_decodeIgnoresMaxDecodeExponent: the JSON decoders read their
// decimals themselves, within the package's bounds, so what they accept
// and what they decode it to do not depend on decimal.MaxDecodeExponent,
// which decimal.NewFromString reads and dectest.FlipSettings sets from 10000
// to 10: each input, with decimals whose exponents are between 11 and 30
// either way, decodes to the value worked out by hand (or is refused with
// the same error) with the settings flipped as without. It changes
// decimal's settings, so it must not run in parallel with other tests.
func TestJSON_decodeIgnoresMaxDecodeExponent(t *testing.T) {
	money := func(c int64, exp int32) Money { return makeMoney(decimal.New(c, exp), MustCurrency("EUR")) }
	amounts := func(b, a string) string {
		return `{"baseline":{"amount":"` + b + `","currency":"EUR"},"actual":{"amount":"` + a + `","currency":"EUR"}}`
	}
	// A card whose cost is 1e20 then 9e19 and whose revenue is 2e-20 then
	// 3e-20, its service values 1 and 2.
	bigCard := cardWith(`"a"`, `"2025"`, amounts("1e20", "9e19"), amounts("2e-20", "3e-20"), "")
	bigSpec := ScorecardSpec{Unit: "a", Period: "2025",
		Cost: Amounts{Baseline: money(1, 20), Actual: money(9, 19)}, Revenue: Amounts{Baseline: money(2, -20), Actual: money(3, -20)},
		Service: ServiceSpec{Name: "s", Direction: outcome.HigherIsBetter,
			Baseline: mustMeasure(NewValue(decimal.New(1, 0))), Actual: mustMeasure(NewValue(decimal.New(2, 0)))}}
	var sum MoneySum
	require.NoError(t, sum.Add(money(3, 15)))
	// Unit a saves 1e-20 and b 2e-20, of 3e-20: a third is 33.3...%, two
	// thirds 66.6...%; floors 33 and 66 leave 1, which goes to b, whose
	// remainder is the larger.
	contrib, err := NewContributions(Cost, []Scorecard{costCard("a", "1e-20", "0"), costCard("b", "2e-20", "0")}, 0)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"a": "33", "b": "67"}, shares(contrib))
	roi, err := NewROI(ROISpec{Investment: money(1, 20), CostSaved: money(7, 20), Periods: 36})
	require.NoError(t, err)
	cases := []struct {
		name string
		json string
		into any // a pointer to decode into
		want any // the value, worked by hand; nil: refused
	}{
		{"money 1e20", `{"amount":"1e20","currency":"EUR"}`, new(Money), money(1, 20)},
		{"money as a number", `{"amount":-2.5e-25,"currency":"EUR"}`, new(Money), money(-25, -26)},
		{"money 1e31", `{"amount":"1e31","currency":"EUR"}`, new(Money), nil},
		{"money sum", `{"amount":"3e15","currency":"EUR"}`, new(MoneySum), sum},
		{"relative threshold", `{"relative":"1e-20"}`, new(Threshold), MustThreshold(NewRelativeThreshold(decimal.New(1, -20)))},
		{"money threshold", `{"absolute":"5e12","currency":"EUR"}`, new(Threshold), MustThreshold(NewMoneyThreshold(money(5, 12)))},
		{"value", `{"value":"7e-12","weight":"2e11"}`, new(Measure), mustMeasure(NewWeightedValue(decimal.New(7, -12), decimal.New(2, 11)))},
		{"value total", `{"total":"1e50","weight":"1e25"}`, new(Measure), Measure{kind: ValueMeasure, total: decimal.New(1, 50), weight: decimal.New(1, 25)}},
		{"policy", `{"cost":{"relative":"1e-15"},"significanceLevel":0.05,"precision":{"places":2,"mode":"half-even"}}`, new(Policy),
			MustPolicy(PolicySpec{Cost: MustThreshold(NewRelativeThreshold(decimal.New(1, -15))), SignificanceLevel: 0.05,
				Precision: MustPrecision(2, outcome.RoundHalfEven)})},
		{"scorecard", bigCard, new(Scorecard), MustScorecard(bigSpec)},
		{"roll-up", `{"scorecard":` + strings.Replace(bigCard, `"a"`, `"e"`, 1) + `,"units":["a"],"combination":"by weight"}`, new(Rollup),
			Rollup{card: MustScorecard(ScorecardSpec{Unit: "e", Period: "2025", Cost: bigSpec.Cost, Revenue: bigSpec.Revenue, Service: bigSpec.Service}),
				units: []string{"a"}, combination: ByWeight}},
		{"roi", `{"investment":{"amount":"1e20","currency":"EUR"},"costSaved":{"amount":"7e20","currency":"EUR"},"periods":36}`, new(ROI),
			roi},
		{"contributions", `{"crown":"cost","total":{"amount":"3e-20","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[` +
			`{"unit":"a","amount":{"amount":"1e-20","currency":"EUR"},"share":"33","detractor":false},` +
			`{"unit":"b","amount":{"amount":"2e-20","currency":"EUR"},"share":"67","detractor":false}]}`, new(Contributions), contrib},
	}
	dcases := make([]dectest.DecodeCase, len(cases))
	for i, c := range cases {
		dcases[i] = dectest.DecodeCase{Name: c.name, JSON: c.json, Into: c.into, Want: c.want}
	}
	got := dectest.DecodeIgnoresSettings(t, dcases, dectest.EqualTo)
	for i, c := range cases {
		if c.want == nil {
			assert.True(t, strings.HasPrefix(got[i], "error: "), "%s: %s", c.name, got[i])
		} else {
			assert.Equal(t, "equal: true", got[i], c.name)
		}
	}
}

// TestDecodersAgree: the JSON and the binary decoders accept exactly the
// same amounts and measures, those within the bounds (MaxDigits and
// MaxExponent for an amount and a weight; twice as many digits for a
// measure's total, and twice the exponent for a value's), and both decode
// them to equal values; what is within the bounds also comes back from the
// JSON the package writes (forty nines times 10^30 has seventy digits as an
// integer, so it is written with its exponent).
func TestDecodersAgree(t *testing.T) {
	nines := strings.Repeat("9", 40)
	for _, tt := range []struct {
		amount string
		ok     bool
	}{
		{"1234.50", true}, {nines, true}, {nines + "e30", true}, {"-" + nines + "e-30", true},
		{"1" + nines, false}, {"1e31", false}, {"1e-31", false},
	} {
		t.Run("amount "+tt.amount, func(t *testing.T) {
			m := makeMoney(dec(tt.amount), MustCurrency("EUR"))
			var fromJSON, fromBinary Money
			jerr := fromJSON.UnmarshalJSON([]byte(`{"amount":"` + tt.amount + `","currency":"EUR"}`))
			bin, err := m.MarshalBinary()
			require.NoError(t, err)
			berr := fromBinary.UnmarshalBinary(bin)
			if !tt.ok {
				assert.ErrorIs(t, jerr, ErrInvalidAmount)
				assert.ErrorIs(t, berr, ErrInvalidAmount)
				return
			}
			require.NoError(t, jerr)
			require.NoError(t, berr)
			assert.True(t, m.Equal(fromJSON) && m.Equal(fromBinary))
			b, err := json.Marshal(m)
			require.NoError(t, err)
			var back Money
			require.NoError(t, json.Unmarshal(b, &back), "%s", b)
			assert.True(t, m.Equal(back), "%s", b)
		})
	}

	eighty := strings.Repeat("9", 80)
	for _, tt := range []struct {
		name  string
		json  string
		value Measure
		ok    bool
	}{
		{name: "value total exponent -60", json: `{"total":"1e-60","weight":"1"}`, ok: true,
			value: Measure{kind: ValueMeasure, total: dec("1e-60"), weight: dec("1")}},
		{name: "value total exponent -61", json: `{"total":"1e-61","weight":"1"}`,
			value: Measure{kind: ValueMeasure, total: dec("1e-61"), weight: dec("1")}},
		{name: "value total exponent 60", json: `{"total":"1e60","weight":"1"}`, ok: true,
			value: Measure{kind: ValueMeasure, total: dec("1e60"), weight: dec("1")}},
		{name: "value total exponent 61", json: `{"total":"1e61","weight":"1"}`,
			value: Measure{kind: ValueMeasure, total: dec("1e61"), weight: dec("1")}},
		{name: "value total of 80 digits", json: `{"total":"` + eighty + `e-60","weight":"3"}`, ok: true,
			value: Measure{kind: ValueMeasure, total: dec(eighty + "e-60"), weight: dec("3")}},
		{name: "value total of 81 digits", json: `{"total":"` + eighty + `9","weight":"3"}`,
			value: Measure{kind: ValueMeasure, total: dec(eighty + "9"), weight: dec("3")}},
		{name: "weight of 40 digits", json: `{"total":"1","weight":"` + nines + `e30"}`, ok: true,
			value: Measure{kind: ValueMeasure, total: dec("1"), weight: dec(nines + "e30")}},
		{name: "weight of 41 digits", json: `{"total":"1","weight":"` + nines + `9"}`,
			value: Measure{kind: ValueMeasure, total: dec("1"), weight: dec(nines + "9")}},
		{name: "weight exponent -31", json: `{"total":"1","weight":"1e-31"}`,
			value: Measure{kind: ValueMeasure, total: dec("1"), weight: dec("1e-31")}},
		{name: "mean total of 80 digits", json: `{"total":"` + eighty + `e-30","sd":1,"n":3}`, ok: true,
			value: Measure{kind: MeanMeasure, total: dec(eighty + "e-30"), weight: dec("3"), n: 3, sd: 1}},
		{name: "mean total of 81 digits", json: `{"total":"` + eighty + `9","sd":1,"n":3}`,
			value: Measure{kind: MeanMeasure, total: dec(eighty + "9"), weight: dec("3"), n: 3, sd: 1}},
		{name: "mean total exponent -31", json: `{"total":"1e-31","sd":1,"n":3}`,
			value: Measure{kind: MeanMeasure, total: dec("1e-31"), weight: dec("3"), n: 3, sd: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var fromJSON Measure
			jerr := fromJSON.UnmarshalJSON([]byte(tt.json))
			// The binary form of a measure is a scorecard's part.
			s := opsCard().Spec()
			s.Service.Baseline, s.Service.Actual = tt.value, tt.value
			bin, err := Scorecard{spec: s}.MarshalBinary()
			require.NoError(t, err)
			var fromBinary Scorecard
			berr := fromBinary.UnmarshalBinary(bin)
			if !tt.ok {
				assert.ErrorIs(t, jerr, ErrInvalidAmount)
				assert.ErrorIs(t, berr, ErrInvalidAmount)
				return
			}
			require.NoError(t, jerr)
			require.NoError(t, berr)
			assert.True(t, tt.value.Equal(fromJSON))
			assert.True(t, tt.value.Equal(fromBinary.Service().Baseline))
			b, err := json.Marshal(tt.value)
			require.NoError(t, err)
			var back Measure
			require.NoError(t, json.Unmarshal(b, &back), "%s", b)
			assert.True(t, tt.value.Equal(back), "%s", b)
		})
	}
}

// TestJSON_floatUnderflow: an "sd" or a "significanceLevel" too small for a
// float64 to hold as written, which encoding/json reads as 0 or as a
// subnormal float64 with no error ("1e-400", "1e-320"), is refused with the
// code of the field's other range errors and said as written, never read as
// 0; a number written as zero is 0, and the smallest normal float64 reads.
func TestJSON_floatUnderflow(t *testing.T) {
	const below = " is below 2.2250738585072014e-308, the smallest positive number held to full precision"
	const zero = " is refused: it is too small to hold, and reads as 0"
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	mean := func(sd string) string { return `{"mean":"4","sd":` + sd + `,"n":2}` }
	card := func(sd string) string {
		return strings.Replace(cardJSON, `"actual":{"mean":"3","sd":1.2,"n":400}`, `"actual":{"mean":"3","sd":`+sd+`,"n":400}`, 1)
	}
	policy := func(level string) string {
		return `{"significanceLevel":` + level + `,"precision":{"places":2,"mode":"up"}}`
	}
	tests := []struct {
		name string
		into json.Unmarshaler
		in   string
		want []problem // none: it decodes
	}{
		{"sd reads as 0", new(Measure), mean("1e-400"),
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 1e-400" + zero}}},
		{"sd reads as 0, written long", new(Measure), mean("0.00000000001e-390"),
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 0.00000000001e-390" + zero}}},
		{"sd reads as a subnormal", new(Measure), mean("1e-320"),
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 1e-320" + below}}},
		{"sd the largest subnormal", new(Measure), mean("2.225073858507201e-308"),
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 2.225073858507201e-308" + below}}},
		{"negative sd reads as -0", new(Measure), mean("-1e-400"),
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation -1e-400 is negative"}}},
		{"sd and sample", new(Measure), `{"mean":"4","sd":1E-400,"n":1}`, []problem{
			{ErrInvalidSampleSize, nil, "triplecrown: a mean needs a sample of at least 2 observations, not 1"},
			{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 1E-400" + zero}}},
		{"sd of a total", new(Measure), `{"total":"8","sd":1e-400,"n":2}`,
			[]problem{{ErrInvalidMeasure, nil, "triplecrown: the standard deviation 1e-400" + zero}}},
		{"sd in a scorecard", new(Scorecard), card("1e-400"), []problem{{ErrInvalidMeasure, []string{"sales"},
			`triplecrown: unit "sales", actual service measure: the standard deviation 1e-400` + zero}}},
		{"sd in a roll-up", new(Rollup), `{"scorecard":` + strings.Replace(card("1e-400"), `"unit":"sales"`, `"unit":"all"`, 1) +
			`,"units":["a"],"combination":"by sample size"}`, []problem{{ErrInvalidMeasure, []string{"all"},
			`triplecrown: unit "all", actual service measure: the standard deviation 1e-400` + zero}}},
		{"sd written as zero", new(Measure), mean("0.000e-400"), nil},
		{"sd the smallest normal", new(Measure), mean("2.2250738585072014e-308"), nil},
		{"level reads as 0", new(Policy), policy("1e-400"),
			[]problem{{ErrInvalidSignificance, nil, "triplecrown: significance level 1e-400 is not strictly between 0 and 1: it is too small to hold, and reads as 0"}}},
		{"level reads as a subnormal", new(Policy), policy("1e-320"),
			[]problem{{ErrInvalidSignificance, nil, "triplecrown: significance level 1e-320" + below}}},
		{"negative level reads as -0", new(Policy), policy("-1e-400"),
			[]problem{{ErrInvalidSignificance, nil, "triplecrown: significance level -1e-400 is not strictly between 0 and 1"}}},
		{"level written as zero", new(Policy), policy("0e-400"),
			[]problem{{ErrInvalidSignificance, nil, "triplecrown: significance level 0e-400 is not strictly between 0 and 1"}}},
		{"level the smallest normal", new(Policy), policy("2.2250738585072014e-308"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.into.UnmarshalJSON([]byte(tt.in))
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.want), "%v", err)
			for i, w := range tt.want {
				assert.ErrorIs(t, probs[i], w.code)
				assert.Equal(t, w.ids, probs[i].IDs)
				assert.Equal(t, w.msg, probs[i].Message)
			}
		})
	}
	var m Measure
	require.NoError(t, m.UnmarshalJSON([]byte(mean("0.000e-400"))))
	assert.Equal(t, 0.0, m.SD())
}

// contributionsWith returns contributions of cost, whose total is 1 EUR, to
// 0 places, with shares defined, of one contribution (unit "a", 1 EUR,
// 100%), with the member given in place of the field of its key.
func contributionsWith(member string) string {
	fields := []string{`"crown":"cost"`, `"total":{"amount":"1","currency":"EUR"}`, `"places":0`, `"sharesDefined":true`,
		`"contributions":[` + contributionWith(`"unit":"a"`) + `]`}
	for i, f := range fields {
		if strings.SplitN(f, ":", 2)[0] == strings.SplitN(member, ":", 2)[0] {
			fields[i] = member
		}
	}
	return "{" + strings.Join(fields, ",") + "}"
}

// contributionWith returns a contribution of 1 EUR, 100%, not a detractor,
// with the member given in place of the field of its key (its "unit").
func contributionWith(member string) string {
	fields := []string{`"unit":"a"`, `"amount":{"amount":"1","currency":"EUR"}`, `"share":"100"`, `"detractor":false`}
	for i, f := range fields {
		if strings.SplitN(f, ":", 2)[0] == strings.SplitN(member, ":", 2)[0] {
			fields[i] = member
		}
	}
	return "{" + strings.Join(fields, ",") + "}"
}
