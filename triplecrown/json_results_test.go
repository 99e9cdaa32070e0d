package triplecrown_test

import (
	"encoding/json"
	"strings"
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

// TestResults_notReadBack: a score, a crown score and a lone contribution
// are reports, refused by json.Unmarshal with a coded error rather than left
// zero without a word; the value given is left as it was.
func TestResults_notReadBack(t *testing.T) {
	score, err := departments()[0].Score(triplecrown.MustPolicy(triplecrown.PolicySpec{
		SignificanceLevel: 0.05, Precision: triplecrown.MustPrecision(4, outcome.RoundHalfEven)}))
	require.NoError(t, err)
	contrib, err := triplecrown.NewContributions(triplecrown.Cost, departments(), 0)
	require.NoError(t, err)
	var first triplecrown.Contribution
	for c := range contrib.All() {
		first = c
		break
	}
	for _, tt := range []struct {
		name string
		v    any // a pointer to a value that is not the zero value
		want string
	}{
		{"score", &score, "triplecrown: a score is not read back from JSON: store its scorecard and policy, which are, and score again"},
		{"crown score", ptr(score.Cost()), "triplecrown: a crown score is not read back from JSON: store its scorecard and policy, which are, and score again"},
		{"contribution", &first, "triplecrown: a contribution is not read back from JSON: its share is of the total, so it is read back with the others, as contributions"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stored, err := json.Marshal(tt.v)
			require.NoError(t, err)
			err = json.Unmarshal(stored, tt.v)
			assert.EqualError(t, err, tt.want)
			assert.ErrorIs(t, err, outcome.ErrResultNotDecodable)
			again, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, string(stored), string(again), "the value is left as it was")
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestContributions_UnmarshalJSON: contributions read back as they were
// written: by hand (see TestContributions_JSON), the departments' cost
// savings 50,000, 300,000, 20,000 and -120,000 EUR, total 250,000, shares
// 20, 120, 8 and -48; and three equal savings of 1 EUR to one place,
// 33.3 each with 0.1 left for the unit whose ID sorts first, "a": 33.4.
// Their revenue growth is 800,000 + 100,000 = 900,000 (shares 89 and 11:
// 88.89 and 11.11 rounded by largest remainder), and a zero total has no
// shares.
func TestContributions_UnmarshalJSON(t *testing.T) {
	three := []triplecrown.Scorecard{}
	for _, u := range []string{"c", "a", "b"} {
		s := departments()[2].Spec()
		s.Unit, s.Cost = u, triplecrown.Amounts{Baseline: eur("2"), Actual: eur("1")}
		three = append(three, triplecrown.MustScorecard(s))
	}
	for _, tt := range []struct {
		name   string
		crown  triplecrown.Crown
		cards  []triplecrown.Scorecard
		places int32
		shares []string
	}{
		{"departments' cost", triplecrown.Cost, departments(), 0, []string{"20", "120", "8", "-48"}},
		{"three equal savings", triplecrown.Cost, three, 1, []string{"33.3", "33.4", "33.3"}},
		{"departments' revenue", triplecrown.Revenue, departments()[:2], 0, []string{"89", "11"}},
		{"no total", triplecrown.Revenue, departments()[2:], 2, []string{"0", "0"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := triplecrown.NewContributions(tt.crown, tt.cards, tt.places)
			require.NoError(t, err)
			stored, err := json.Marshal(c)
			require.NoError(t, err)
			var back triplecrown.Contributions
			require.NoError(t, json.Unmarshal(stored, &back))
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(stored), string(again))
			assert.Equal(t, tt.crown, back.Crown())
			assert.True(t, c.Total().Equal(back.Total()))
			assert.Equal(t, c.SharesDefined(), back.SharesDefined())
			assert.Equal(t, tt.places, back.Places())
			var shares []string
			for it := range back.All() {
				shares = append(shares, it.Share().String())
			}
			assert.Equal(t, tt.shares, shares)
		})
	}

	// Decimals may be JSON numbers.
	var c triplecrown.Contributions
	require.NoError(t, json.Unmarshal([]byte(`{"crown":"cost","total":{"amount":3,"currency":"EUR"},"places":1,"sharesDefined":true,
		"contributions":[{"unit":"a","amount":{"amount":1,"currency":"EUR"},"share":33.3,"detractor":false},
		{"unit":"b","amount":{"amount":2,"currency":"EUR"},"share":66.7,"detractor":false}]}`), &c))
	assert.True(t, eur("3").Equal(c.Total()))
	// 1/3 and 2/3 of 100 to one place are 33.3 and 66.6, 0.1 left: it goes
	// to the larger remainder, b's 0.0666... (a's is 0.0333...).
	err := json.Unmarshal([]byte(`{"crown":"cost","total":{"amount":3,"currency":"EUR"},"places":1,"sharesDefined":true,
		"contributions":[{"unit":"a","amount":{"amount":1,"currency":"EUR"},"share":33.4,"detractor":false},
		{"unit":"b","amount":{"amount":2,"currency":"EUR"},"share":66.6,"detractor":false}]}`), &c)
	assert.EqualError(t, err, `triplecrown: the contribution of unit "a" has a share of 33.4%, but its amount is 33.3% of the total to 1 place`+"\n"+
		`triplecrown: the contribution of unit "b" has a share of 66.6%, but its amount is 66.7% of the total to 1 place`)
}

// TestContributions_UnmarshalJSON_errors: what NewContributions could not
// have made is refused, every problem at once, each with the unit's ID
// where one is involved.
func TestContributions_UnmarshalJSON_errors(t *testing.T) {
	// item writes one contribution: unit, amount in EUR, share, detractor.
	item := func(unit, amount, share, detractor string) string {
		return `{"unit":"` + unit + `","amount":{"amount":"` + amount + `","currency":"EUR"},"share":"` + share + `","detractor":` + detractor + `}`
	}
	// The departments' cost contributions, as written (see
	// TestContributions_UnmarshalJSON), with the total and the items given.
	deps := func(total string, items ...string) string {
		return `{"crown":"cost","total":{"amount":"` + total + `","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[` +
			strings.Join(items, ",") + `]}`
	}
	sales, service := item("sales", "50000", "20", "false"), item("service", "300000", "120", "false")
	logistics, marketing := item("logistics", "20000", "8", "false"), item("marketing", "-120000", "-48", "true")
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	for _, tt := range []struct {
		name, in string
		want     []problem
	}{
		{"a share that is not the one rounded", deps("250000", item("sales", "50000", "21", "false"), service, logistics, item("marketing", "-120000", "-49", "true")),
			[]problem{
				{outcome.ErrInvalidJSON, []string{"sales"}, `triplecrown: the contribution of unit "sales" has a share of 21%, but its amount is 20% of the total to 0 places`},
				{outcome.ErrInvalidJSON, []string{"marketing"}, `triplecrown: the contribution of unit "marketing" has a share of -49%, but its amount is -48% of the total to 0 places`},
			}},
		{"a total that is not the sum, and a detractor not marked", deps("260000", sales, service, logistics, item("marketing", "-120000", "-48", "false")),
			[]problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: the contributions' total is 260000 EUR, not the sum of their amounts, 250000 EUR`},
				{outcome.ErrInvalidJSON, []string{"marketing"}, `triplecrown: the contribution of unit "marketing" says "detractor" is false, but its amount is -120000 EUR`},
			}},
		{"shares said undefined", strings.Replace(deps("250000", sales, service, logistics, marketing), `"sharesDefined":true`, `"sharesDefined":false`, 1),
			[]problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: the contributions say "sharesDefined" is false, but their total is 250000 EUR`},
			}},
		{"service, too many places, nobody",
			`{"crown":"service","total":{"amount":"0","currency":"EUR"},"places":7,"sharesDefined":false,"contributions":[]}`,
			[]problem{
				{triplecrown.ErrUnknownCrown, nil, `triplecrown: contributions are of cost or revenue, not service: service is not money`},
				{outcome.ErrInvalidPlaces, nil, `triplecrown: a share's places must be 0 to 6, not 7`},
				{triplecrown.ErrEmptyRollup, nil, `triplecrown: contributions need at least one unit's contribution`},
			}},
		{"nothing", `{}`,
			[]problem{
				{triplecrown.ErrUnknownCrown, nil, `triplecrown: contributions need their "crown" (cost or revenue)`},
				{triplecrown.ErrMissingMoney, nil, `triplecrown: contributions need their "total"`},
				{outcome.ErrInvalidPlaces, nil, `triplecrown: contributions need the "places" of their shares`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: contributions need "sharesDefined"`},
				{triplecrown.ErrEmptyRollup, nil, `triplecrown: contributions need at least one unit's contribution`},
			}},
		{"bad parts of the contributions",
			`{"crown":"up","total":{"amount":"x","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[` +
				item("a", "x", "y", "false") + `,` + item("a", "1", "100", "false") + `,` +
				`{"unit":" b","amount":{"amount":"1","currency":"USD"},"share":"0","detractor":false},{"share":"0"},{"unit":"c"}]}`,
			[]problem{
				{triplecrown.ErrUnknownCrown, nil, `triplecrown: unknown crown "up" (want cost, service or revenue)`},
				{triplecrown.ErrInvalidAmount, nil, `triplecrown: the contributions' total: amount "x" is not a decimal number`},
				{triplecrown.ErrInvalidAmount, []string{"a"}, `triplecrown: the contribution of unit "a", amount: amount "x" is not a decimal number`},
				{triplecrown.ErrInvalidAmount, []string{"a"}, `triplecrown: the contribution of unit "a": share "y" is not a decimal number`},
				{outcome.ErrDuplicateID, []string{"a"}, `triplecrown: unit "a" has two contributions`},
				{outcome.ErrInvalidID, []string{" b"}, `outcome: id " b" has surrounding white space`},
				{triplecrown.ErrCurrencyMismatch, []string{" b", "a"}, `triplecrown: currency mismatch: unit " b" is in USD but unit "a" is in EUR`},
				{outcome.ErrEmptyID, nil, `triplecrown: contribution 3 has no "unit"`},
				{triplecrown.ErrMissingMoney, nil, `triplecrown: contribution 3 has no amount`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: contribution 3 has no "detractor"`},
				{triplecrown.ErrMissingMoney, []string{"c"}, `triplecrown: the contribution of unit "c" has no amount`},
				{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: the contribution of unit "c" has no share`},
				{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: the contribution of unit "c" has no "detractor"`},
			}},
		// Null is a value of the wrong type, a problem of the form at its
		// path, never missing: every top-level field, ...
		{"null fields", `{"crown":null,"total":null,"places":null,"sharesDefined":null,"contributions":null}`,
			[]problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "crown" must be a string, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "total" must be an object, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "places" must be an integer, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "sharesDefined" must be true or false, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "contributions" must be an array, not null`},
			}},
		// ... a contribution, and each field of one, with the unit's ID;
		// nothing else is wrong (the total is not checked against the
		// amounts when a part did not read).
		{"null contributions and their fields", deps("250000", sales, `null`,
			`{"unit":"b","amount":null,"share":null,"detractor":null}`, `{"unit":null,"amount":{"amount":"1","currency":"EUR"},"share":"0","detractor":false}`),
			[]problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "contributions[1]" must be an object, not null`},
				{outcome.ErrInvalidJSON, []string{"b"}, `triplecrown: invalid JSON: "contributions[2].amount" must be an object, not null`},
				{outcome.ErrInvalidJSON, []string{"b"}, `triplecrown: invalid JSON: "contributions[2].share" must be a decimal string or a number, not null`},
				{outcome.ErrInvalidJSON, []string{"b"}, `triplecrown: invalid JSON: "contributions[2].detractor" must be true or false, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "contributions[3].unit" must be a string, not null`},
			}},
		// Every problem of the form, by its JSON path, in the order of the
		// fields, whatever the order of the members: an unknown field at
		// the top and in a contribution and its amount (after the fields,
		// sorted), a field given twice (a case variant too), values of the
		// wrong type; then the values' problems of what did read: the
		// crown, the places, a contribution without an amount. What did not
		// read (the total, "b"'s share, the detractor of contribution 2)
		// is neither missing nor checked.
		{"every problem of the form",
			`{"total":{"amount":"1","currency":7},"zeta":1,"crown":"up","places":9,"Places":1,"alpha":[],"sharesDefined":true,"contributions":[` +
				`{"unit":"a","amount":{"amount":"1","currency":"EUR","x":1},"share":"100","detractor":false,"y":2},` +
				`{"share":true,"unit":"b","detractor":false},` +
				`{"amount":{"amount":"1","currency":"EUR"},"share":"0","detractor":"no"}]}`,
			[]problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "total.currency" must be a string, not the number 7`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Places" (encoding/json matches it to the same field as "places")`},
				{outcome.ErrInvalidJSON, []string{"a"}, `triplecrown: invalid JSON: unknown field "contributions[0].amount.x"`},
				{outcome.ErrInvalidJSON, []string{"a"}, `triplecrown: invalid JSON: unknown field "contributions[0].y"`},
				{outcome.ErrInvalidJSON, []string{"b"}, `triplecrown: invalid JSON: "contributions[1].share" must be a decimal string or a number, not true`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "contributions[2].detractor" must be true or false, not the string "no"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "alpha"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "zeta"`},
				{triplecrown.ErrUnknownCrown, nil, `triplecrown: unknown crown "up" (want cost, service or revenue)`},
				{outcome.ErrInvalidPlaces, nil, `triplecrown: a share's places must be 0 to 6, not 9`},
				{triplecrown.ErrMissingMoney, []string{"b"}, `triplecrown: the contribution of unit "b" has no amount`},
				{outcome.ErrEmptyID, nil, `triplecrown: contribution 2 has no "unit"`},
			}},
		{
			// A contribution without a unit is checked all the same,
			// named by its place, with no ID; so is one whose unit is "".
			name: "contributions without a unit",
			in: `{"crown":"cost","total":{"amount":"1","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[` +
				`{"amount":{"amount":"x","currency":"eur"},"share":"abc"},` + item("b", "1", "100", "false") + `,` +
				`{"unit":"","amount":{"amount":"1","currency":"USD"},"share":"0","detractor":false}]}`,
			want: []problem{
				{outcome.ErrEmptyID, nil, `triplecrown: contribution 0 has no "unit"`},
				{triplecrown.ErrInvalidAmount, nil, `triplecrown: contribution 0, amount: amount "x" is not a decimal number`},
				{triplecrown.ErrUnknownCurrency, nil, `triplecrown: contribution 0, amount: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`},
				{triplecrown.ErrInvalidAmount, nil, `triplecrown: contribution 0: share "abc" is not a decimal number`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: contribution 0 has no "detractor"`},
				{outcome.ErrEmptyID, nil, `outcome: empty id`},
				{triplecrown.ErrCurrencyMismatch, []string{"b"}, `triplecrown: currency mismatch: contribution 2 is in USD but unit "b" is in EUR`},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var c triplecrown.Contributions
			err := json.Unmarshal([]byte(tt.in), &c)
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, c.IsZero(), "a failed decode leaves the contributions alone")
		})
	}

	// A total beyond the bounds: two amounts of forty nines.
	nines := strings.Repeat("9", 40)
	var c triplecrown.Contributions
	err := json.Unmarshal([]byte(`{"crown":"revenue","total":{"amount":"1","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[`+
		item("a", nines, "50", "false")+`,`+item("b", nines, "50", "false")+`]}`), &c)
	assert.ErrorIs(t, err, triplecrown.ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: the total revenue growth with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
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

	// Every problem, each part's named; a part that did not decode is not
	// reported again (the investment that is null is not also missing,
	// the periods that are a string not also zero).
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"two amounts that are not decimals, no periods",
			`{"investment":{"amount":"x","currency":"EUR"},"costSaved":{"amount":"y","currency":"EUR"},"periods":0}`,
			[]string{
				`invalid-amount: triplecrown: ROI, investment: amount "x" is not a decimal number`,
				`invalid-amount: triplecrown: ROI, cost saved: amount "y" is not a decimal number`,
				`invalid-benefit-periods: triplecrown: the benefit must be over a positive number of periods, not 0`,
			}},
		{"a currency, the periods and a negative investment",
			`{"investment":{"amount":"-5","currency":"EUR"},"revenueGained":{"amount":"1","currency":"eur"},"periods":"36"}`,
			[]string{
				`invalid-json: triplecrown: invalid JSON: "periods" must be an integer, not the string "36"`,
				`unknown-currency: triplecrown: ROI, revenue gained: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`,
				`negative-money: triplecrown: the investment -5 EUR is negative`,
			}},
		// Null periods are said to be null, not read as 0 and said not to
		// be positive.
		{"null periods", `{"investment":{"amount":"5","currency":"EUR"},"periods":null}`,
			[]string{`invalid-json: triplecrown: invalid JSON: "periods" must be an integer, not null`}},
		{"a null investment", `{"investment":null,"periods":1}`,
			[]string{`invalid-json: triplecrown: ROI, investment: money cannot be null`}},
		{"an investment with a null amount", `{"investment":{"amount":null,"currency":"EUR"},"periods":1}`,
			[]string{`missing-money: triplecrown: ROI, investment: money needs both "amount" and "currency"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r triplecrown.ROI
			var got []string
			for _, p := range outcome.Problems(json.Unmarshal([]byte(tt.in), &r)) {
				assert.Nil(t, p.IDs, "an ROI has no ID")
				got = append(got, string(p.Code)+": "+p.Message)
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, r.IsZero())
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
	assert.JSONEq(t, `"by-sample-size"`, string(fields["combination"]))
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
				{outcome.ErrDuplicateID, []string{"front line", "centre"}, `triplecrown: unit "front line" appears twice in roll-up "centre"`},
				{outcome.ErrInvalidID, []string{"centre", " billing"}, `triplecrown: roll-up "centre", units[2]: id " billing" has surrounding white space`},
			},
		},
		{
			// A null unit is said to be null, at its index, and is not
			// also an empty ID; the empty unit after it is one, at its own
			// index; every unit null is not "no units rolled up".
			name: "null and empty units",
			in:   `{"scorecard":` + card(`"2025"`, `"1"`) + `,"units":[null,"a",""],"combination":"by weight"}`,
			want: []problem{
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre": invalid JSON: "units[0]" must be a string, not null`},
				{outcome.ErrEmptyID, []string{"centre"}, `triplecrown: roll-up "centre", units[2]: empty id`},
			},
		},
		{
			name: "every unit null",
			in:   `{"scorecard":` + card(`"2025"`, `"1"`) + `,"units":[null],"combination":"by weight"}`,
			want: []problem{
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre": invalid JSON: "units[0]" must be a string, not null`},
			},
		},
		{
			// A unit that is not a string is not also an invalid ID. The
			// second unit, 1, is units[1]; the problem of the form comes
			// first.
			name: "every part wrong",
			in:   `{"scorecard":` + card(`"2025"`, `"x"`) + `,"units":["a",1],"combination":"pooled"}`,
			want: []problem{
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre": invalid JSON: "units[1]" must be a string, not the number 1`},
				{triplecrown.ErrInvalidAmount, []string{"centre"}, `triplecrown: unit "centre", baseline cost: amount "x" is not a decimal number`},
				{triplecrown.ErrUnknownCombination, []string{"centre"}, `triplecrown: roll-up "centre", combination: unknown service combination "pooled" (want by-sample-size or by-weight)`},
			},
		},
		{
			// With no unit, the roll-up has no ID ("" least of all).
			name: "no scorecard, a unit twice",
			in:   `{"units":["a","a"],"combination":"by weight"}`,
			want: []problem{
				{triplecrown.ErrInvalidScorecard, nil, `triplecrown: a roll-up needs its scorecard`},
				{outcome.ErrDuplicateID, []string{"a"}, `triplecrown: unit "a" appears twice in a roll-up`},
			},
		},
		{
			// The scorecard's unit is the roll-up's: its problem is said
			// as NewRollup("", cards) says it, naming the roll-up.
			name: "a scorecard with an empty unit, and no units",
			in:   `{"scorecard":` + strings.Replace(card(`"2025"`, `"1"`), `"centre"`, `""`, 1) + `,"units":[],"combination":"by weight"}`,
			want: []problem{
				{outcome.ErrEmptyID, nil, `triplecrown: a roll-up, unit: empty id`},
				{triplecrown.ErrEmptyRollup, nil, `triplecrown: a roll-up has no units rolled up`},
			},
		},
		{
			// A unit that is not empty but not an ID either: its problem
			// carries the unit, as NewRollup(" c", cards) says it; the
			// others name the roll-up by the unit as written.
			name: "a scorecard whose unit has white space around it, and no units",
			in:   `{"scorecard":` + strings.Replace(card(`"2025"`, `"1"`), `"centre"`, `" c"`, 1) + `,"units":[],"combination":"by weight"}`,
			want: []problem{
				{outcome.ErrInvalidID, []string{" c"}, `triplecrown: a roll-up, unit: id " c" has surrounding white space`},
				{triplecrown.ErrEmptyRollup, []string{" c"}, `triplecrown: roll-up " c" has no units rolled up`},
			},
		},
		{
			name: "no scorecard, no combination",
			in:   `{"units":["a"]}`,
			want: []problem{
				{triplecrown.ErrInvalidScorecard, nil, `triplecrown: a roll-up needs its scorecard`},
				{triplecrown.ErrUnknownCombination, nil, `triplecrown: a roll-up needs its combination (by-sample-size or by-weight)`},
			},
		},
		{
			// Null parts are said to be null, not missing (no units
			// rolled up, no combination) or an empty scorecard.
			name: "null units and combination",
			in:   `{"scorecard":` + card(`"2025"`, `"1"`) + `,"units":null,"combination":null}`,
			want: []problem{
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre": invalid JSON: "units" must be an array, not null`},
				{outcome.ErrInvalidJSON, []string{"centre"}, `triplecrown: roll-up "centre": invalid JSON: "combination" must be a string, not null`},
			},
		},
		{
			name: "a null scorecard",
			in:   `{"scorecard":null,"units":["a"],"combination":"by weight"}`,
			want: []problem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: a roll-up, scorecard: a scorecard cannot be null`},
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
	assert.EqualError(t, err, `triplecrown: unknown service combination "pooled" (want by-sample-size or by-weight)`)
	_, err = triplecrown.Combination(0).MarshalText()
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCombination)
	assert.False(t, triplecrown.Combination(3).IsValid())
}

// TestCombination_text pins the text form of each combination: MarshalText
// writes the kebab-case token, as the module's other enums are written in
// JSON; the token reads back to the combination; the words a roll-up's JSON
// held before ("by sample size") still read, in a whole roll-up too; and an
// unknown name is refused with ErrUnknownCombination and its text quoted.
func TestCombination_text(t *testing.T) {
	for _, tt := range []struct {
		c          triplecrown.Combination
		token, old string
	}{
		{triplecrown.BySampleSize, "by-sample-size", "by sample size"},
		{triplecrown.ByWeight, "by-weight", "by weight"},
	} {
		t.Run(tt.token, func(t *testing.T) {
			text, err := tt.c.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.token, string(text))
			assert.Equal(t, tt.old, tt.c.String(), "String writes the words")
			for _, in := range []string{tt.token, tt.old} {
				var back triplecrown.Combination
				require.NoError(t, back.UnmarshalText([]byte(in)), in)
				assert.Equal(t, tt.c, back, in)
			}
		})
	}

	// A roll-up stored before, with "by sample size", reads back; written
	// again, it says "by-sample-size".
	r, err := triplecrown.NewRollup("enterprise", departments()[:2])
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.Contains(t, string(b), `"combination":"by-sample-size"`)
	old := strings.Replace(string(b), `"by-sample-size"`, `"by sample size"`, 1)
	var back triplecrown.Rollup
	require.NoError(t, json.Unmarshal([]byte(old), &back))
	assert.True(t, r.Equal(back))
	assert.Equal(t, triplecrown.BySampleSize, back.Combination())

	bad := strings.Replace(string(b), `"by-sample-size"`, `"by_sample_size"`, 1)
	err = json.Unmarshal([]byte(bad), &back)
	require.Len(t, outcome.Problems(err), 1)
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCombination)
	assert.EqualError(t, err, `triplecrown: roll-up "enterprise", combination: unknown service combination "by_sample_size" (want by-sample-size or by-weight)`)
}
