package triplecrown

import (
	"encoding/json"
	"github.com/cxmodel/cx/internal/equaltest"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func costCard(unit, baseline, actual string) Scorecard {
	s := spec(unit)
	s.Cost = Amounts{Baseline: eur(baseline), Actual: eur(actual)}
	return MustScorecard(s)
}

func shares(c Contributions) map[string]string {
	out := map[string]string{}
	for it := range c.All() {
		out[it.Unit()] = it.Share().String()
	}
	return out
}

func TestNewContributions(t *testing.T) {
	// Savings: sales 1000 -> 700 saves 300, support 500 -> 350 saves 150,
	// marketing 200 -> 250 saves -50 (a detractor). Total 400. Exact shares
	// 75%, 37.5%, -12.5%. Whole percent: floors 75, 37, -13 (sum 99); one
	// unit left for the largest remainder, a tie of 0.5 between support and
	// marketing, to the ID that sorts first: marketing, -12. Sum 100.
	cards := []Scorecard{costCard("sales", "1000", "700"), costCard("support", "500", "350"), costCard("marketing", "200", "250")}
	c, err := NewContributions(Cost, cards, 0)
	require.NoError(t, err)
	assert.Equal(t, Cost, c.Crown())
	assert.True(t, eur("400").Equal(c.Total()))
	assert.True(t, c.SharesDefined())
	assert.Equal(t, int32(0), c.Places())
	assert.Equal(t, 3, c.Len())
	assert.Equal(t, map[string]string{"sales": "75", "support": "37", "marketing": "-12"}, shares(c))
	det := c.Detractors()
	require.Len(t, det, 1)
	assert.Equal(t, "marketing", det[0].Unit())
	assert.True(t, det[0].Detractor())
	assert.True(t, eur("-50").Equal(det[0].Amount()))
	assert.Equal(t, "marketing: -50 EUR (-12%), a detractor", det[0].String())
	assert.False(t, c.IsZero())

	// To one place the shares are exact: 75, 37.5, -12.5.
	c, err = NewContributions(Cost, cards, 1)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"sales": "75", "support": "37.5", "marketing": "-12.5"}, shares(c))

	// Thirds: 33.33...% each; whole percent 33, 33, 33 and the one left
	// goes to "a", the first ID of a three-way tie.
	thirds := []Scorecard{costCard("c", "200", "100"), costCard("a", "200", "100"), costCard("b", "200", "100")}
	c, err = NewContributions(Cost, thirds, 0)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "34", "b": "33", "c": "33"}, shares(c))
	// To two places: 33.33 each, sum 99.99, and "a" gets 33.34.
	c, err = NewContributions(Cost, thirds, 2)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "33.34", "b": "33.33", "c": "33.33"}, shares(c))

	// Revenue growth: the spec's 2,000,000 -> 2,300,000 for each of two
	// units: 300,000 each, 50% each.
	c, err = NewContributions(Revenue, []Scorecard{MustScorecard(spec("x")), MustScorecard(spec("y"))}, 0)
	require.NoError(t, err)
	assert.True(t, eur("600000").Equal(c.Total()))
	assert.Equal(t, map[string]string{"x": "50", "y": "50"}, shares(c))
	assert.Empty(t, c.Detractors())
	assert.Equal(t, "x: 300000 EUR (50%)", first(c).String())
}

func first(c Contributions) Contribution {
	for it := range c.All() {
		return it
	}
	return Contribution{}
}

func TestNewContributions_zeroTotal(t *testing.T) {
	// One saves 100, the other loses 100: no total, so no shares.
	c, err := NewContributions(Cost, []Scorecard{costCard("a", "200", "100"), costCard("b", "100", "200")}, 0)
	require.NoError(t, err)
	assert.False(t, c.SharesDefined())
	assert.True(t, c.Total().Amount().IsZero())
	assert.Equal(t, "EUR", c.Total().Currency().String())
	assert.Equal(t, map[string]string{"a": "0", "b": "0"}, shares(c))
	assert.Len(t, c.Detractors(), 1)
	// Each says it has no share, never "(0%)" beside 100 EUR, and so does
	// the same read back from its JSON.
	want := []string{"a: 100 EUR (no share of a total of zero)", "b: -100 EUR (no share of a total of zero), a detractor"}
	var got []string
	for it := range c.All() {
		got = append(got, it.String())
	}
	assert.Equal(t, want, got)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	var back Contributions
	require.NoError(t, json.Unmarshal(data, &back))
	got = nil
	for it := range back.All() {
		got = append(got, it.String())
	}
	assert.Equal(t, want, got)
	// A unit that contributes nothing to a total that is not zero has a
	// share, of 0%.
	c, err = NewContributions(Cost, []Scorecard{costCard("a", "200", "100"), costCard("b", "100", "100")}, 0)
	require.NoError(t, err)
	got = nil
	for it := range c.All() {
		got = append(got, it.String())
	}
	assert.Equal(t, []string{"a: 100 EUR (100%)", "b: 0 EUR (0%)"}, got)
}

func TestNewContributions_negativeTotal(t *testing.T) {
	// Costs rose overall: a saves 100, b loses 300; total -200. Shares of
	// the total: a 100/-200 = -50%, b -300/-200 = 150%. The detractor, b,
	// has the positive share, and the unit that saved a negative one.
	c, err := NewContributions(Cost, []Scorecard{costCard("a", "200", "100"), costCard("b", "100", "400")}, 0)
	require.NoError(t, err)
	assert.True(t, eur("-200").Equal(c.Total()))
	assert.Equal(t, map[string]string{"a": "-50", "b": "150"}, shares(c))
	det := c.Detractors()
	require.Len(t, det, 1)
	assert.Equal(t, "b: -300 EUR (150%), a detractor", det[0].String())

	// With rounding: a saves 100, b loses 400, c loses 300, d saves
	// nothing; total -600. Exact shares: a 100/-600 = -16.67%, b
	// -400/-600 = 66.67%, c -300/-600 = 50%, d 0%. Whole percent, rounded
	// down: -17, 66, 50, 0 (sum 99, remainders 1/3, 2/3, 0, 0); the one left
	// goes to b, the largest remainder: 67. The detractors b and c have
	// positive shares adding up to 117, more than 100; a has a negative one
	// though it saved, and d, which neither saved nor lost, has 0.
	c, err = NewContributions(Cost, []Scorecard{costCard("a", "200", "100"), costCard("b", "100", "500"),
		costCard("c", "100", "400"), costCard("d", "100", "100")}, 0)
	require.NoError(t, err)
	assert.True(t, eur("-600").Equal(c.Total()))
	assert.Equal(t, map[string]string{"a": "-17", "b": "67", "c": "50", "d": "0"}, shares(c))
	var units []string
	for _, d := range c.Detractors() {
		units = append(units, d.Unit())
	}
	assert.Equal(t, []string{"b", "c"}, units)
}

func TestNewContributions_errors(t *testing.T) {
	cards := []Scorecard{costCard("a", "1", "0")}
	_, err := NewContributions(Service, cards, 0)
	assert.ErrorIs(t, err, ErrUnknownCrown)
	assert.EqualError(t, err, "triplecrown: contributions are of cost or revenue, not service: service is not money")
	_, err = NewContributions(Cost, cards, 7)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	// No cards involves no unit: no IDs (not the label "contributions").
	_, err = NewContributions(Cost, nil, 0)
	assert.ErrorIs(t, err, ErrEmptyRollup)
	assert.EqualError(t, err, "triplecrown: no scorecards for the contributions")
	probs := outcome.Problems(err)
	require.Len(t, probs, 1)
	assert.Nil(t, probs[0].IDs)
	_, err = NewContributions(Cost, []Scorecard{{}}, 0)
	assert.EqualError(t, err, "triplecrown: scorecard 0 for the contributions is the zero Scorecard")
	_, err = NewContributions(0, []Scorecard{costCard("a", "1", "0"), costCard("a", "1", "0")}, -1)
	assert.Len(t, outcome.Problems(err), 3)
	// Different service measures do not matter for money.
	_, err = NewContributions(Cost, []Scorecard{costCard("a", "1", "0"), rateCard("b", "1", "1", "1", "1", 1, 2, 1, 2)}, 0)
	assert.NoError(t, err)
}

// TestNewContributions_bounds: a contribution or a total beyond MaxDigits is
// an error, never an amount the decoders would refuse.
func TestNewContributions_bounds(t *testing.T) {
	nines := strings.Repeat("9", 40)
	var probs []*outcome.Error
	// 1e30 - 1e-30: sixty nines at exponent -30.
	_, err := NewContributions(Cost, []Scorecard{costCard("a", "1e30", "1e-30"), costCard("b", "1", "0")}, 0)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, `triplecrown: the cost saving of unit "a" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`)
	assert.Equal(t, []string{"a"}, outcome.Problems(err)[0].IDs)
	// Each saves forty nines; together 2e40 - 2, 41 digits.
	_, err = NewContributions(Cost, []Scorecard{costCard("a", nines, "0"), costCard("b", nines, "0")}, 0)
	assert.EqualError(t, err, "triplecrown: the total cost saving with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	assert.Nil(t, outcome.Problems(err)[0].IDs)
	grow := func(unit string) Scorecard {
		s := spec(unit)
		s.Revenue = Amounts{Baseline: eur("0"), Actual: eur(nines)}
		return MustScorecard(s)
	}
	_, err = NewContributions(Revenue, []Scorecard{grow("a"), grow("b")}, 0)
	assert.EqualError(t, err, "triplecrown: the total revenue growth with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")

	// Places out of range do not hide the contributions' amounts: a unit's
	// beyond the bounds, in the order of the cards, after the places...
	_, err = NewContributions(Cost, []Scorecard{costCard("a", "1e30", "1e-30"), costCard("b", "1", "0"),
		costCard("c", "1e-30", "1e30")}, 7)
	require.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: a share's places must be 0 to 6, not 7\n"+
		`triplecrown: the cost saving of unit "a" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`+"\n"+
		`triplecrown: the cost saving of unit "c" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`)
	probs = outcome.Problems(err)
	require.Len(t, probs, 3)
	assert.Equal(t, [][]string{nil, {"a"}, {"c"}}, [][]string{probs[0].IDs, probs[1].IDs, probs[2].IDs})
	// ... or the total beyond them (forty nines twice, 2e40 - 2).
	_, err = NewContributions(Cost, []Scorecard{costCard("a", nines, "0"), costCard("b", nines, "0")}, -1)
	assert.EqualError(t, err, "triplecrown: a share's places must be 0 to 6, not -1\n"+
		"triplecrown: the total cost saving with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	// With places out of range and nothing else wrong, the places alone.
	_, err = NewContributions(Cost, []Scorecard{costCard("a", "1", "0")}, 7)
	assert.EqualError(t, err, "triplecrown: a share's places must be 0 to 6, not 7")
}

// TestContributions_JSON_wideShares: a share is 100 times an amount over the
// total, so a tiny total makes shares far wider than any amount (a unit's
// gain cancelled by another's loss but for 1e-30); NewContributions makes
// them, and they read back from its JSON. Wider shares than NewContributions
// can make are refused, and from their length when they are long.
func TestContributions_JSON_wideShares(t *testing.T) {
	zeros := strings.Repeat("0", 39)
	nines := strings.Repeat("9", 40)
	for _, tt := range []struct {
		name   string
		cards  []Scorecard
		places int32
		shares map[string]string
	}{
		// a saves 1e9, b loses 1e9 - 1e-30: the total is 1e-30. a's share
		// is 1e9 x 100 / 1e-30 = 1e41, b's -(1e41 - 100), 39 nines and 00.
		{"1e9 against 1e9 less 1e-30", []Scorecard{costCard("a", "1000000000", "0"),
			costCard("b", "0", "999999999."+strings.Repeat("9", 30))}, 2,
			map[string]string{"a": "1" + strings.Repeat("0", 41), "b": "-" + strings.Repeat("9", 39) + "00"}},
		// 10^39 times 10^30 saved by a and lost by b, 1e-30 saved by c: a's
		// share is 10^69 x 100 / 1e-30 = 10^101, b's -10^101, c's 100.
		{"1e69 against 1e69", []Scorecard{costCard("a", "1"+zeros+"e30", "0e30"), costCard("b", "0e30", "1"+zeros+"e30"),
			costCard("c", "1e-30", "0")}, 2,
			map[string]string{"a": "1" + strings.Repeat("0", 101), "b": "-1" + strings.Repeat("0", 101), "c": "100"}},
		// The widest: forty nines times 10^30 each way, to six places:
		// (10^40 - 1) x 10^62, 102 digits, and six zero places.
		{"the widest", []Scorecard{costCard("a", nines+"e30", "0e30"), costCard("b", "0e30", nines+"e30"),
			costCard("c", "1e-30", "0")}, 6,
			map[string]string{"a": nines + strings.Repeat("0", 62), "b": "-" + nines + strings.Repeat("0", 62), "c": "100"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewContributions(Cost, tt.cards, tt.places)
			require.NoError(t, err)
			require.Equal(t, tt.shares, shares(c))
			b, err := json.Marshal(c)
			require.NoError(t, err)
			var back Contributions
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tt.shares, shares(back))
			assert.True(t, c.Total().Equal(back.Total()))
		})
	}
	// Two units of 1 and 0 EUR: shares of 100 and 0, but a's given with 110
	// digits, one more than any share can have, then with 235 characters,
	// more than twice the digits and 16.
	in := func(share string) string {
		return `{"crown":"cost","total":{"amount":"1","currency":"EUR"},"places":0,"sharesDefined":true,"contributions":[` +
			`{"unit":"a","amount":{"amount":"1","currency":"EUR"},"share":"` + share + `","detractor":false},` +
			`{"unit":"b","amount":{"amount":"0","currency":"EUR"},"share":"0","detractor":false}]}`
	}
	var c Contributions
	err := json.Unmarshal([]byte(in("1"+strings.Repeat("0", 109))), &c)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, `triplecrown: the contribution of unit "a": share with 110 digits and exponent 0 is out of range (at most 109 digits, exponent within ±30)`)
	err = json.Unmarshal([]byte(in(strings.Repeat("1", 235))), &c)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.ErrorContains(t, err, `triplecrown: the contribution of unit "a": share "111`)
	assert.ErrorContains(t, err, `" is too long`)
	require.NoError(t, json.Unmarshal([]byte(in("100")), &c))
}

// TestNewContributions_properties: on random savings, the money adds up
// exactly to the total, the shares add up to exactly 100, each share is
// within one unit in the last place of the exact share, and the order of the
// cards changes nothing.
func TestNewContributions_properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for trial := range 100 {
		n := 1 + rng.IntN(12)
		var cards []Scorecard
		for i := range n {
			b := decimalInt(rng.Int64N(1_000_000)).Shift(-2)
			a := decimalInt(rng.Int64N(1_000_000)).Shift(-2)
			cards = append(cards, costCard(string(rune('a'+i)), b.String(), a.String()))
		}
		places := int32(rng.IntN(3))
		c, err := NewContributions(Cost, cards, places)
		require.NoError(t, err)
		var money, share decimal.Decimal
		ulp := decimal.New(1, -places)
		for it := range c.All() {
			money = money.Add(it.Amount().Amount())
			share = share.Add(it.Share())
			if c.SharesDefined() {
				exact := it.Amount().Amount().Mul(decimal.New(100, 0)).DivRound(c.Total().Amount(), 20)
				assert.True(t, it.Share().Sub(exact).Abs().LessThan(ulp), "trial %d: share %s, exact %s", trial, it.Share(), exact)
			}
		}
		assert.True(t, money.Equal(c.Total().Amount()), "trial %d: money adds up", trial)
		if c.SharesDefined() {
			assert.True(t, share.Equal(decimal.New(100, 0)), "trial %d: shares add up to %s", trial, share)
		}
		want := shares(c)
		rng.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
		c2, err := NewContributions(Cost, cards, places)
		require.NoError(t, err)
		assert.Equal(t, want, shares(c2), "trial %d: order does not matter", trial)
	}
}

// contributionsAtScales returns the contributions of the cards of
// TestNewContributions to cost, to one place, with the amounts written as
// there and with two decimal places: 400 EUR and 400.00 EUR in all.
func contributionsAtScales(t *testing.T) (Contributions, Contributions) {
	t.Helper()
	a, err := NewContributions(Cost, []Scorecard{costCard("sales", "1000", "700"), costCard("support", "500", "350"),
		costCard("marketing", "200", "250")}, 1)
	require.NoError(t, err)
	b, err := NewContributions(Cost, []Scorecard{costCard("sales", "1000.00", "700.00"), costCard("support", "500.00", "350.00"),
		costCard("marketing", "200.00", "250.00")}, 1)
	require.NoError(t, err)
	return a, b
}

func TestContributions_Equal(t *testing.T) {
	a, b := contributionsAtScales(t)
	equaltest.Check(t, equaltest.Case[Contributions]{Equal: Contributions.Equal, Base: func() Contributions { return a },
		Twins: []equaltest.Twins[Contributions]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[Contributions]{
			{Field: "crown", What: `c.crown = Revenue`, Apply: func(c *Contributions) { c.crown = Revenue }},
			{Field: "total", What: `c.total = eur("401")`, Apply: func(c *Contributions) { c.total = eur("401") }},
			{Field: "items", What: "a share, in a copy of the list", Apply: func(c *Contributions) {
				c.items = slices.Clone(c.items)
				c.items[2].share = dec("-12.4")
			}},
			{Field: "hasShares", What: `c.hasShares = false`, Apply: func(c *Contributions) { c.hasShares = false }},
			{Field: "places", What: `c.places = 2`, Apply: func(c *Contributions) { c.places = 2 }},
		},
	})
	// The order of the units counts, as the cards' order gave it.
	reversed := a
	reversed.items = slices.Clone(a.items)
	slices.Reverse(reversed.items)
	assert.False(t, a.Equal(reversed))
	// So does their number.
	fewer := a
	fewer.items = a.items[:2]
	assert.False(t, a.Equal(fewer))
	assert.False(t, fewer.Equal(a))

	// Contributions read back from JSON are Equal to those written.
	data, err := json.Marshal(b)
	require.NoError(t, err)
	var back Contributions
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(a))
	assert.True(t, back.Equal(b))
}

func TestContribution_Equal(t *testing.T) {
	ca, cb := contributionsAtScales(t)
	a, b := ca.items[0], cb.items[0] // sales: 300 EUR, 75%
	equaltest.Check(t, equaltest.Case[Contribution]{Equal: Contribution.Equal, Base: func() Contribution { return a },
		Twins: []equaltest.Twins[Contribution]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[Contribution]{
			{Field: "unit", What: `c.unit = "billing"`, Apply: func(c *Contribution) { c.unit = "billing" }},
			{Field: "amount", What: `c.amount = eur("301")`, Apply: func(c *Contribution) { c.amount = eur("301") }},
			{Field: "share", What: `c.share = dec("75.1")`, Apply: func(c *Contribution) { c.share = dec("75.1") }},
			{Field: "detractor", What: `c.detractor = true`, Apply: func(c *Contribution) { c.detractor = true }},
			{Field: "noShare", What: `c.noShare = true`, Apply: func(c *Contribution) { c.noShare = true }},
		},
	})
}
