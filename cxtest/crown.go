package cxtest

import (
	"fmt"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// CheckTripleCrown checks that the scorecard, judged under the policy, won
// the triple crown: "simultaneously lowering costs, improving service and
// growing revenues". It returns nil, or an *[outcome.Error] with code
// [ErrNoTripleCrown] whose ID is the unit's and whose message gives the
// verdict and the reason of every crown not won. A scorecard that cannot be
// scored returns the error of [triplecrown.Scorecard.Score].
func CheckTripleCrown(card triplecrown.Scorecard, p triplecrown.Policy) error {
	return checkTripleCrown(card, p).err()
}

// AssertTripleCrown asserts that the scorecard, judged under the policy, won
// the triple crown, as [CheckTripleCrown] does. On failure it reports, to t,
// the verdict and, with its numbers, each crown not won:
//
//	Error:   unit "retention" did not win the triple crown in period "2025"
//	         expected: triple crown: cost, service and revenue won
//	         actual  : trade-off: revenue won, cost lost, service flat
//	Crowns:  cost rose from 900000 EUR to 1050000 EUR (+150000 EUR, +16.67%), meeting the materiality threshold of 2%: lost
//	         time to respond fell from 30 hours to 29 hours (-1 hours, -3.33%), within the materiality threshold of 5%: flat
//
// It returns whether the assertion passed.
func AssertTripleCrown(t TestingT, card triplecrown.Scorecard, p triplecrown.Policy, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkTripleCrown(card, p), msgAndArgs)
}

// RequireTripleCrown is [AssertTripleCrown], and stops the test (t.FailNow)
// if it failed.
func RequireTripleCrown(t TestingT, card triplecrown.Scorecard, p triplecrown.Policy, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertTripleCrown(t, card, p, msgAndArgs...) {
		failNow(t)
	}
}

func checkTripleCrown(card triplecrown.Scorecard, p triplecrown.Policy) *failure {
	s, err := card.Score(p)
	if err != nil {
		return &failure{cause: err}
	}
	if s.Verdict() == triplecrown.TripleCrown {
		return nil
	}
	var lost []triplecrown.CrownScore
	for c := range s.All() {
		if c.Status() != triplecrown.Won {
			lost = append(lost, c)
		}
	}
	f := &failure{
		code:     ErrNoTripleCrown,
		ids:      []string{card.Unit()},
		summary:  fmt.Sprintf("%s did not win the triple crown in period %s", unitRef(card), quote(card.Period())),
		expected: "triple crown: cost, service and revenue won",
		actual:   s.Reason(),
		detail:   s.Reason(),
	}
	f.list("Crowns", len(lost), func(i int) string { return lost[i].Reason() })
	return f
}

// CheckCrownWon checks that the scorecard, judged under the policy, won the
// given crown (cost, service or revenue). It returns nil, or an
// *[outcome.Error] with code [ErrCrownNotWon] whose ID is the unit's and
// whose message gives the crown's reason. A crown that is not one of the
// three is an error with code [triplecrown.ErrUnknownCrown]; a scorecard that
// cannot be scored returns the problems of [triplecrown.Scorecard.Score].
// One problem is the error itself; several (the crown's and the
// scorecard's, or the scorecard's own) are joined with [errors.Join], one
// level deep, the crown's first.
func CheckCrownWon(card triplecrown.Scorecard, p triplecrown.Policy, crown triplecrown.Crown) error {
	return checkCrownWon(card, p, crown).err()
}

// AssertCrownWon asserts that the scorecard, judged under the policy, won the
// given crown, as [CheckCrownWon] does. On failure it reports, to t, the
// crown's status and its reason with the numbers. It returns whether the
// assertion passed.
func AssertCrownWon(t TestingT, card triplecrown.Scorecard, p triplecrown.Policy, crown triplecrown.Crown, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkCrownWon(card, p, crown), msgAndArgs)
}

// RequireCrownWon is [AssertCrownWon], and stops the test (t.FailNow) if it
// failed.
func RequireCrownWon(t TestingT, card triplecrown.Scorecard, p triplecrown.Policy, crown triplecrown.Crown, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertCrownWon(t, card, p, crown, msgAndArgs...) {
		failNow(t)
	}
}

func checkCrownWon(card triplecrown.Scorecard, p triplecrown.Policy, crown triplecrown.Crown) *failure {
	var badCrown error
	if !crown.IsValid() {
		badCrown = outcome.NewError(triplecrown.ErrUnknownCrown, nil,
			"cxtest: %s is not a crown (want cost, service or revenue)", crown)
	}
	s, err := card.Score(p)
	if err := msg.Join(badCrown, err); err != nil {
		return &failure{cause: err}
	}
	c := s.Crown(crown)
	if c.Status() == triplecrown.Won {
		return nil
	}
	f := &failure{
		code:     ErrCrownNotWon,
		ids:      []string{card.Unit()},
		summary:  fmt.Sprintf("%s did not win the %s crown in period %s", unitRef(card), crown, quote(card.Period())),
		expected: crown.String() + " won",
		actual:   crown.String() + " " + c.Status().String(),
	}
	f.list("Reason", 1, func(int) string { return c.Reason() })
	return f
}

// CheckNoNegativeContribution checks that no unit took away from the
// enterprise's cost saving ([triplecrown.Cost]) or revenue growth
// ([triplecrown.Revenue]): "everyone becomes accountable for demonstrating
// their substantial triple crown contribution". The contributions are those
// of [triplecrown.NewContributions], with shares in percent to two places.
//
// It returns nil, or an *[outcome.Error] with code [ErrNegativeContribution]
// whose IDs are the detractors', in the order of the cards, and whose message
// says what each took away. When the enterprise saved or grew (a positive
// total), the message gives that total and each detractor's share of it,
// negative: "took away from the cost saving of 430000 EUR: ... (-34.88% of
// the cost saving)". When its cost rose or its revenue fell (a negative
// total), it says so, and gives each detractor's share of that rise or fall,
// positive: "1 of 2 units' cost rose, and the enterprise's cost rose by 200
// EUR: "a": cost rose by 300 EUR (150.00% of the enterprise's rise)". When
// the total is zero, it says that the enterprise's cost or revenue did not
// change, and gives no shares. Cards that cannot be put together, or a crown
// that is not cost or revenue, return the error of
// [triplecrown.NewContributions].
func CheckNoNegativeContribution(crown triplecrown.Crown, cards []triplecrown.Scorecard) error {
	return checkContributions(crown, cards).err()
}

// AssertNoNegativeContribution asserts that no unit took away from the
// enterprise's cost saving or revenue growth, as
// [CheckNoNegativeContribution] does. On failure it reports, to t, the total
// and each detractor:
//
//	Error:       1 of 2 units took away from the cost saving of 350000 EUR
//	             expected: no unit's cost rises
//	             actual  : 1 of 2 units' cost fell or held
//	Detractors:  "retention": cost rose by 150000 EUR (-42.86% of the cost saving)
//
// It returns whether the assertion passed.
func AssertNoNegativeContribution(t TestingT, crown triplecrown.Crown, cards []triplecrown.Scorecard, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkContributions(crown, cards), msgAndArgs)
}

// RequireNoNegativeContribution is [AssertNoNegativeContribution], and stops
// the test (t.FailNow) if it failed.
func RequireNoNegativeContribution(t TestingT, crown triplecrown.Crown, cards []triplecrown.Scorecard, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertNoNegativeContribution(t, crown, cards, msgAndArgs...) {
		failNow(t)
	}
}

func checkContributions(crown triplecrown.Crown, cards []triplecrown.Scorecard) *failure {
	cs, err := triplecrown.NewContributions(crown, cards, 2)
	if err != nil {
		return &failure{cause: err}
	}
	d := cs.Detractors()
	if len(d) == 0 {
		return nil
	}
	total, good := cs.Len(), cs.Len()-len(d)
	what, moves, moved, held, change := "revenue growth", "falls", "fell", "rose or held", "fall"
	if crown == triplecrown.Cost {
		what, moves, moved, held, change = "cost saving", "rises", "rose", "fell or held", "rise"
	}
	// The summary and the share are worded for the total's sign: a positive
	// total is the saving or growth the detractors took away from (a
	// detractor's share of it is negative); a negative one is the
	// enterprise's rise in cost or fall in revenue, of which a detractor's
	// share is positive; a zero total has no shares.
	sum := cs.Total()
	var summary, of string
	switch sum.Sign() {
	case 1:
		summary = fmt.Sprintf("%d of %d %s took away from the %s of %s", len(d), total, plural(total, "unit", "units"),
			what, sum)
		of = "the " + what
	case -1:
		summary = fmt.Sprintf("%d of %d %s %s %s, and the enterprise's %s %s by %s", len(d), total,
			plural(total, "unit's", "units'"), crown, moved, crown, moved, sum.Neg())
		of = "the enterprise's " + change
	default:
		summary = fmt.Sprintf("%d of %d %s %s %s, and the enterprise's %s did not change (no %s)", len(d), total,
			plural(total, "unit's", "units'"), crown, moved, crown, what)
	}
	f := &failure{
		code:     ErrNegativeContribution,
		ids:      make([]string, len(d)),
		summary:  summary,
		expected: fmt.Sprintf("no unit's %s %s", crown, moves),
		actual:   fmt.Sprintf("%d of %d %s %s %s", good, total, plural(total, "unit's", "units'"), crown, held),
	}
	for i, c := range d {
		f.ids[i] = c.Unit()
	}
	f.list("Detractors", len(d), func(i int) string {
		c := d[i]
		s := fmt.Sprintf("%s: %s %s by %s", quote(c.Unit()), crown, moved, c.Amount().Neg())
		if cs.SharesDefined() {
			s += fmt.Sprintf(" (%s%% of %s)", c.Share().StringFixed(cs.Places()), of)
		}
		return s
	})
	return f
}

// unitRef names a scorecard's unit: `unit "support"`, with its name if it
// has one: `unit "support" (Customer support)`.
func unitRef(card triplecrown.Scorecard) string {
	s := "unit " + quote(card.Unit())
	if card.Name() != "" {
		s += " (" + clip(card.Name()) + ")"
	}
	return s
}
