package triplecrown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/outcome"
)

// Amounts is a crown's money in a scorecard: the baseline and the actual
// amount, in the scorecard's currency.
type Amounts struct {
	// Baseline is the amount in the baseline period (last year, the
	// budget, the period before the initiative).
	Baseline Money `json:"baseline"`
	// Actual is the amount in the period scored.
	Actual Money `json:"actual"`
}

// Equal reports whether a and o have equal baselines and actuals.
func (a Amounts) Equal(o Amounts) bool {
	return a.Baseline.Equal(o.Baseline) && a.Actual.Equal(o.Actual)
}

// ScorecardSpec is a [Scorecard] as plain data: what a caller fills in, and
// the scorecard's JSON form. [NewScorecard] validates it.
type ScorecardSpec struct {
	// Unit identifies the unit scored (a department, a division, an
	// initiative); see [outcome.ValidateID].
	Unit string `json:"unit"`
	// Name is what people call the unit. Optional.
	Name string `json:"name,omitempty"`
	// Period names the period scored, e.g. "2025" or "2025-Q2". Required;
	// only scorecards of one period roll up together.
	Period string `json:"period"`
	// Cost is the cost of delivery (lower is better). Required.
	Cost Amounts `json:"cost"`
	// Revenue is the revenue (higher is better). Required, and zero for a
	// unit that earns none.
	Revenue Amounts `json:"revenue"`
	// Service is the service measure. Required.
	Service ServiceSpec `json:"service"`
}

// Equal reports whether s and o are the same scorecard data, field by
// field: the unit, name and period with ==, the cost and the revenue by
// [Amounts.Equal] (money by value, so 1.5 EUR equals 1.50 EUR), and the
// service by [ServiceSpec.Equal].
func (s ScorecardSpec) Equal(o ScorecardSpec) bool {
	return s.Unit == o.Unit && s.Name == o.Name && s.Period == o.Period &&
		s.Cost.Equal(o.Cost) && s.Revenue.Equal(o.Revenue) && s.Service.Equal(o.Service)
}

// Scorecard is one unit's triple crown for one period: cost and revenue as
// baseline and actual money in one currency, and a service measure as
// baseline and actual with its direction. Build one with [NewScorecard],
// combine several with [NewRollup], and judge one with [Scorecard.Score].
//
// Scorecard is immutable. The zero Scorecard is invalid; [Scorecard.IsZero]
// reports it.
type Scorecard struct {
	spec ScorecardSpec
}

// NewScorecard validates spec and returns its Scorecard. It reports every
// problem, one as the *[outcome.Error] itself, several joined with
// [errors.Join], each an *outcome.Error carrying the
// unit's ID (none when the unit is empty, and the message then says "a
// scorecard" for the unit): the ID's ([outcome.ErrEmptyID], [outcome.ErrInvalidID]),
// [ErrEmptyPeriod], [ErrMissingMoney] for an amount not given,
// [ErrNegativeMoney] for a negative cost or revenue, [ErrCurrencyMismatch]
// when the amounts are not all in one currency, and for the service
// [outcome.ErrEmptyName], [outcome.ErrUnknownDirection], [ErrInvalidMeasure]
// for a missing measure and [ErrServiceMismatch] for a baseline and an actual
// of different kinds; and [outcome.ErrInvalidText] for a name, period,
// service measure name or service unit that is not valid UTF-8, which JSON
// could not carry.
func NewScorecard(spec ScorecardSpec) (Scorecard, error) {
	if errs := scorecardProblems(spec, 0); len(errs) > 0 {
		return Scorecard{}, joinAll(errs)
	}
	return Scorecard{spec: spec}, nil
}

// cardPart is a set of the parts of a scorecard that [scorecardProblems]
// leaves alone: those a JSON decoder could not read, and has reported.
type cardPart uint16

// The parts of a scorecard; the four amounts are partMoney shifted by their
// place in the order baseline cost, actual cost, baseline revenue, actual
// revenue.
const (
	partUnit cardPart = 1 << iota
	partPeriod
	partServiceName
	partDirection
	partBaseline // the baseline service measure
	partActual   // the actual service measure
	partMoney    // the baseline cost; the next three bits are the other amounts
)

// scorecardProblems returns every problem of spec, as [NewScorecard]
// reports them, but those of the parts in skip.
func scorecardProblems(spec ScorecardSpec, skip cardPart) []error {
	var errs []error
	if skip&partUnit == 0 {
		if err := outcome.ValidateID(spec.Unit); err != nil {
			errs = append(errs, err)
		}
	}
	card := cardOf(spec.Unit)
	if skip&partPeriod == 0 && strings.TrimSpace(spec.Period) == "" {
		errs = append(errs, newError(ErrEmptyPeriod, card.ids(), "triplecrown: %s has no period", card.name()))
	}
	var cur Currency
	errs = append(errs, amountsProblems(card, "cost", spec.Cost, 0, skip, &cur)...)
	errs = append(errs, amountsProblems(card, "revenue", spec.Revenue, 1, skip, &cur)...)
	errs = append(errs, validateService(card, spec.Service, skip)...)
	errs = appendTextProblems(errs, card, "name", spec.Name, "period", spec.Period)
	return appendTextProblems(errs, card, "service measure name", spec.Service.Name, "service unit", spec.Service.Unit)
}

// cardOf is the scorecard of unit, as its problems name it: the words and
// the IDs are made only for a problem, so that checking a valid scorecard
// allocates nothing for them.
type cardOf string

// ids returns the IDs of the scorecard's problems: its unit, or none.
func (c cardOf) ids() []string { return idsOf(string(c)) }

// name returns how a problem names the scorecard ([cardName]).
func (c cardOf) name() string { return cardName(string(c)) }

// appendTextProblems appends to errs a problem ([outcome.ErrInvalidText])
// of each of the texts a and b, which whatA and whatB name, of card, that
// is not valid UTF-8, which JSON could not carry; in that order.
func appendTextProblems(errs []error, card cardOf, whatA, a, whatB, b string) []error {
	for _, f := range [...]struct{ what, text string }{{whatA, a}, {whatB, b}} {
		if !utf8.ValidString(f.text) {
			errs = append(errs, newError(outcome.ErrInvalidText, card.ids(),
				"triplecrown: %s has a %s that is not valid UTF-8: %q", card.name(), f.what, clip(f.text)))
		}
	}
	return errs
}

// amountsProblems returns the problems of a, the amounts of crown i (0
// cost, 1 revenue) of card, as
// [NewScorecard] reports them, but those of the amounts in skip: an amount
// missing, negative, or in another currency than *cur, the scorecard's,
// which the first amount checked sets when it is zero.
func amountsProblems(card cardOf, crown string, a Amounts, i int, skip cardPart, cur *Currency) []error {
	var errs []error
	for j, m := range [...]Money{a.Baseline, a.Actual} {
		// what names the amount in a problem, made only for one.
		what := func() string { return [...]string{"baseline ", "actual "}[j] + crown }
		switch {
		case skip&(partMoney<<(2*i+j)) != 0:
			continue
		case m.Currency().IsZero():
			errs = append(errs, newError(ErrMissingMoney, card.ids(), "triplecrown: %s has no %s", card.name(), what()))
			continue
		case m.Sign() < 0:
			errs = append(errs, newError(ErrNegativeMoney, card.ids(),
				"triplecrown: %s has a negative %s (%s)", card.name(), what(), m))
		}
		switch {
		case cur.IsZero():
			*cur = m.Currency()
		case *cur != m.Currency():
			errs = append(errs, newError(ErrCurrencyMismatch, card.ids(),
				"triplecrown: %s has its %s in %s, not %s: one scorecard has one currency",
				card.name(), what(), m.Currency(), *cur))
		}
	}
	return errs
}

// validateService checks the service measure of card, but the parts in
// skip.
func validateService(card cardOf, s ServiceSpec, skip cardPart) []error {
	var errs []error
	if skip&partServiceName == 0 && strings.TrimSpace(s.Name) == "" {
		errs = append(errs, newError(outcome.ErrEmptyName, card.ids(), "triplecrown: %s has a service measure without a name", card.name()))
	}
	if skip&partDirection == 0 && !s.Direction.IsValid() {
		errs = append(errs, newError(outcome.ErrUnknownDirection, card.ids(),
			"triplecrown: %s has a service measure without a valid direction", card.name()))
	}
	if skip&partBaseline == 0 && s.Baseline.IsZero() {
		errs = append(errs, newError(ErrInvalidMeasure, card.ids(), "triplecrown: %s has no baseline service measure", card.name()))
	}
	if skip&partActual == 0 && s.Actual.IsZero() {
		errs = append(errs, newError(ErrInvalidMeasure, card.ids(), "triplecrown: %s has no actual service measure", card.name()))
	}
	if !s.Baseline.IsZero() && !s.Actual.IsZero() && s.Baseline.kind != s.Actual.kind {
		errs = append(errs, newError(ErrServiceMismatch, card.ids(),
			"triplecrown: %s has a %s as its baseline service measure but a %s as its actual",
			card.name(), s.Baseline.kind, s.Actual.kind))
	}
	return errs
}

// cardName names the scorecard of unit in a message: `unit "billing"`, or
// "a scorecard" when it has no unit (none was given, or it did not decode).
func cardName(unit string) string {
	if unit == "" {
		return "a scorecard"
	}
	return fmt.Sprintf("unit %q", clip(unit))
}

// MustScorecard is like [NewScorecard] but panics if spec is invalid. It is
// meant for literals in programs and tests.
func MustScorecard(spec ScorecardSpec) Scorecard {
	c, err := NewScorecard(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// Unit returns the unit's ID.
func (c Scorecard) Unit() string { return c.spec.Unit }

// Name returns the unit's name, or "".
func (c Scorecard) Name() string { return c.spec.Name }

// Period returns the period scored.
func (c Scorecard) Period() string { return c.spec.Period }

// Currency returns the currency of the scorecard's money.
func (c Scorecard) Currency() Currency { return c.spec.Cost.Baseline.Currency() }

// Cost returns the baseline and actual cost.
func (c Scorecard) Cost() Amounts { return c.spec.Cost }

// Revenue returns the baseline and actual revenue.
func (c Scorecard) Revenue() Amounts { return c.spec.Revenue }

// Service returns the service measure.
func (c Scorecard) Service() ServiceSpec { return c.spec.Service }

// Spec returns the scorecard as plain data; NewScorecard(c.Spec()) returns a
// Scorecard equal to c.
func (c Scorecard) Spec() ScorecardSpec { return c.spec }

// IsZero reports whether c is the zero (invalid) Scorecard.
func (c Scorecard) IsZero() bool { return c.spec.Unit == "" }

// Equal reports whether c and o have the same unit, name and period and
// equal amounts and measures ([ScorecardSpec.Equal]).
func (c Scorecard) Equal(o Scorecard) bool { return c.spec.Equal(o.spec) }
