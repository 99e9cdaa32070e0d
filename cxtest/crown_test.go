package cxtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// The scorecards of the contact centre's example. By hand:
//
//   - front-line: cost 6.2M -> 5.7M EUR (-8.06%), revenue 1.8M -> 2.05M
//     (+13.89%), first-contact resolution 69% -> 78% of 10000 (a z-test p far
//     below 0.05): the triple crown;
//   - retention: cost 0.9M -> 1.05M (+16.67%, lost), revenue 3.1M -> 3.35M
//     (+8.06%, won), time to respond 30 -> 29 hours (-3.33%, within 5%): a
//     trade-off.
var (
	frontLine = Scorecard(
		"front-line 2025",
		"cost: 6200000 -> 5700000 EUR",
		"revenue: 1800000 -> 2050000 EUR",
		"solved at first contact (higher, %): 6900/10000 -> 7800/10000",
	)
	retention = Scorecard(`retention 2025 "Retention team"; cost: 900000 -> 1050000 EUR; revenue: 3100000 -> 3350000 EUR
		time to respond (lower, hours): 30 -> 29`)
	policy = Policy("cost 2%, revenue 2%, service 5%")
)

func TestAssertTripleCrown(t *testing.T) {
	t.Run("pass", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertTripleCrown(&c, frontLine, policy))
	})
	t.Run("fail", func(t *testing.T) {
		var c captureT
		ok := AssertTripleCrown(&c, retention, policy, "FY%d", 2025)
		checkFail(t, &c, ok, "\n"+
			"\tError:   \tunit \"retention\" (Retention team) did not win the triple crown in period \"2025\"\n"+
			"\t         \texpected: triple crown: cost, service and revenue won\n"+
			"\t         \tactual  : trade-off: revenue won, cost lost, service flat\n"+
			"\tCrowns:  \tcost rose from 900000 EUR to 1050000 EUR (+150000 EUR, +16.67%), meeting the materiality threshold of 2%: lost\n"+
			"\t         \ttime to respond fell from 30 hours to 29 hours (-1 hours, -3.33%), within the materiality threshold of 5%: flat\n"+
			"\tMessages:\tFY2025\n")
	})
	t.Run("cannot score", func(t *testing.T) {
		var c captureT
		ok := AssertTripleCrown(&c, frontLine, triplecrown.Policy{})
		checkFail(t, &c, ok, "\n\tError:\ttriplecrown: cannot score with the zero Policy\n")
	})
	t.Run("check", func(t *testing.T) {
		assert.NoError(t, CheckTripleCrown(frontLine, policy))
		err := CheckTripleCrown(retention, policy)
		require.ErrorIs(t, err, ErrNoTripleCrown)
		assert.Equal(t, `cxtest: unit "retention" (Retention team) did not win the triple crown in period "2025" `+
			`(trade-off: revenue won, cost lost, service flat): `+
			`cost rose from 900000 EUR to 1050000 EUR (+150000 EUR, +16.67%), meeting the materiality threshold of 2%: lost; `+
			`time to respond fell from 30 hours to 29 hours (-1 hours, -3.33%), within the materiality threshold of 5%: flat`,
			err.Error())
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, []string{"retention"}, e.IDs)
		assert.ErrorIs(t, CheckTripleCrown(triplecrown.Scorecard{}, policy), triplecrown.ErrInvalidScorecard)
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireTripleCrown(t, frontLine, policy) },
			func(t TestingT) { RequireTripleCrown(t, retention, policy) })
	})
}

func TestAssertCrownWon(t *testing.T) {
	t.Run("pass", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertCrownWon(&c, retention, policy, triplecrown.Revenue))
	})
	t.Run("fail", func(t *testing.T) {
		var c captureT
		ok := AssertCrownWon(&c, retention, policy, triplecrown.Cost)
		checkFail(t, &c, ok, "\n"+
			"\tError: \tunit \"retention\" (Retention team) did not win the cost crown in period \"2025\"\n"+
			"\t       \texpected: cost won\n"+
			"\t       \tactual  : cost lost\n"+
			"\tReason:\tcost rose from 900000 EUR to 1050000 EUR (+150000 EUR, +16.67%), meeting the materiality threshold of 2%: lost\n")
	})
	t.Run("check", func(t *testing.T) {
		for c := range triplecrown.Crowns() {
			assert.NoError(t, CheckCrownWon(frontLine, policy, c), c)
		}
		err := CheckCrownWon(retention, policy, triplecrown.Service)
		require.ErrorIs(t, err, ErrCrownNotWon)
		assert.Equal(t, `cxtest: unit "retention" (Retention team) did not win the service crown in period "2025": `+
			`time to respond fell from 30 hours to 29 hours (-1 hours, -3.33%), within the materiality threshold of 5%: flat`,
			err.Error())
		err = CheckCrownWon(retention, policy, 0)
		require.ErrorIs(t, err, triplecrown.ErrUnknownCrown)
		assert.Equal(t, "cxtest: Crown(0) is not a crown (want cost, service or revenue)", err.Error())
		assert.ErrorIs(t, CheckCrownWon(retention, triplecrown.Policy{}, triplecrown.Cost), triplecrown.ErrInvalidPolicy)
		// Both problems of the arguments, the crown's first: the policy is
		// not left unreported behind the crown.
		err = CheckCrownWon(retention, triplecrown.Policy{}, 0)
		require.ErrorIs(t, err, triplecrown.ErrUnknownCrown)
		assert.ErrorIs(t, err, triplecrown.ErrInvalidPolicy)
		assert.Equal(t, "cxtest: Crown(0) is not a crown (want cost, service or revenue)\n"+
			"triplecrown: cannot score with the zero Policy", err.Error())
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireCrownWon(t, retention, policy, triplecrown.Revenue) },
			func(t TestingT) { RequireCrownWon(t, retention, policy, triplecrown.Cost) })
	})
}

func TestAssertNoNegativeContribution(t *testing.T) {
	billing := Scorecard("billing 2025; cost: 1500000 -> 1420000 EUR; revenue: 500000 -> 480000 EUR",
		"solved at first contact (higher, %): 6900/10000 -> 7800/10000")
	cards := []triplecrown.Scorecard{frontLine, retention, billing}
	t.Run("pass", func(t *testing.T) {
		// Revenue: every unit's rose but billing's (checked below); cost:
		// front-line and billing saved.
		var c captureT
		checkPass(t, &c, AssertNoNegativeContribution(&c, triplecrown.Cost, []triplecrown.Scorecard{frontLine, billing}))
	})
	t.Run("cost", func(t *testing.T) {
		// Savings: 500000 + (-150000) + 80000 = 430000 EUR. Shares of it:
		// 116.2791%, -34.8837%, 18.6047%; floored to two places 116.27,
		// -34.89, 18.60 add up to 99.98, and the two hundredths left go to
		// the largest remainders (0.0091 of front-line, 0.0063 of
		// retention, not 0.0047 of billing): 116.28, -34.88, 18.60.
		var c captureT
		ok := AssertNoNegativeContribution(&c, triplecrown.Cost, cards)
		checkFail(t, &c, ok, "\n"+
			"\tError:     \t1 of 3 units took away from the cost saving of 430000 EUR\n"+
			"\t           \texpected: no unit's cost rises\n"+
			"\t           \tactual  : 2 of 3 units' cost fell or held\n"+
			"\tDetractors:\t\"retention\": cost rose by 150000 EUR (-34.88% of the cost saving)\n")
	})
	t.Run("revenue", func(t *testing.T) {
		// Growth: 250000 + 250000 - 20000 = 480000 EUR. Shares 52.0833%,
		// 52.0833%, -4.1667%, floored 52.08, 52.08, -4.17 (99.99); the
		// remainders tie at 0.00333..., so the hundredth left goes to the
		// ID that sorts first, billing: -4.16.
		err := CheckNoNegativeContribution(triplecrown.Revenue, cards)
		require.ErrorIs(t, err, ErrNegativeContribution)
		assert.Equal(t, `cxtest: 1 of 3 units took away from the revenue growth of 480000 EUR: `+
			`"billing": revenue fell by 20000 EUR (-4.16% of the revenue growth)`, err.Error())
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, []string{"billing"}, e.IDs)
	})
	t.Run("no shares when the total is zero", func(t *testing.T) {
		// +150000 - 150000 = 0: shares are not defined, and there is no
		// saving to take away from.
		up := Scorecard("up 2025; cost: 100 -> 150100 EUR; revenue: 0 -> 0 EUR; x (higher): 1 -> 1")
		down := Scorecard("down 2025; cost: 150100 -> 100 EUR; revenue: 0 -> 0 EUR; x (higher): 1 -> 1")
		err := CheckNoNegativeContribution(triplecrown.Cost, []triplecrown.Scorecard{up, down})
		assert.EqualError(t, err, `cxtest: 1 of 2 units' cost rose, and the enterprise's cost did not change `+
			`(no cost saving): "up": cost rose by 150000 EUR`)
	})
	t.Run("costs rose overall", func(t *testing.T) {
		// Savings: -300 + 100 = -200 EUR, so the enterprise's cost rose by
		// 200 EUR. Shares of it: a's -300/-200 = 150%, b's 100/-200 = -50%
		// (exact; 150 - 50 = 100): a caused 150% of the rise, and b's
		// saving offset 50% of it.
		a := Scorecard("a 2025; cost: 1000 -> 1300 EUR; revenue: 1 -> 1 EUR; t (lower): 1 -> 1")
		b := Scorecard("b 2025; cost: 1000 -> 900 EUR; revenue: 1 -> 1 EUR; t (lower): 1 -> 1")
		var c captureT
		ok := AssertNoNegativeContribution(&c, triplecrown.Cost, []triplecrown.Scorecard{a, b})
		checkFail(t, &c, ok, "\n"+
			"\tError:     \t1 of 2 units' cost rose, and the enterprise's cost rose by 200 EUR\n"+
			"\t           \texpected: no unit's cost rises\n"+
			"\t           \tactual  : 1 of 2 units' cost fell or held\n"+
			"\tDetractors:\t\"a\": cost rose by 300 EUR (150.00% of the enterprise's rise)\n")
	})
	t.Run("revenue fell overall", func(t *testing.T) {
		// Growth: -100 + 50 - 70 = -120 EUR, so the enterprise's revenue
		// fell by 120 EUR. Shares of it: p's -100/-120 = 83.333...%, q's
		// 50/-120 = -41.666...%, r's -70/-120 = 58.333...%. Floored to two
		// places 83.33, -41.67, 58.33 add up to 99.99; the remainders tie
		// at a third of a hundredth, so the hundredth left goes to the ID
		// that sorts first, p: 83.34.
		p := Scorecard("p 2025; cost: 1 -> 1 EUR; revenue: 1000 -> 900 EUR; t (lower): 1 -> 1")
		q := Scorecard("q 2025; cost: 1 -> 1 EUR; revenue: 1000 -> 1050 EUR; t (lower): 1 -> 1")
		r := Scorecard("r 2025; cost: 1 -> 1 EUR; revenue: 1000 -> 930 EUR; t (lower): 1 -> 1")
		err := CheckNoNegativeContribution(triplecrown.Revenue, []triplecrown.Scorecard{p, q, r})
		require.ErrorIs(t, err, ErrNegativeContribution)
		assert.Equal(t, `cxtest: 2 of 3 units' revenue fell, and the enterprise's revenue fell by 120 EUR: `+
			`"p": revenue fell by 100 EUR (83.34% of the enterprise's fall); `+
			`"r": revenue fell by 70 EUR (58.33% of the enterprise's fall)`, err.Error())
	})
	t.Run("cannot put together", func(t *testing.T) {
		assert.ErrorIs(t, CheckNoNegativeContribution(triplecrown.Service, cards), triplecrown.ErrUnknownCrown)
		assert.ErrorIs(t, CheckNoNegativeContribution(triplecrown.Cost, nil), triplecrown.ErrEmptyRollup)
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireNoNegativeContribution(t, triplecrown.Revenue, cards[:2]) },
			func(t TestingT) { RequireNoNegativeContribution(t, triplecrown.Revenue, cards) })
	})
}
