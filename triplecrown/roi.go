package triplecrown

import (
	"fmt"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/shopspring/decimal"
)

// ROISpec is the data of an [ROI]: what was invested in a CX initiative,
// what it brought back over a number of periods, and the number of periods.
type ROISpec struct {
	// Investment is what the initiative cost. Required and positive.
	Investment Money `json:"investment"`
	// CostSaved is the cost saved over the periods; negative if cost rose.
	// The zero Money counts as nothing saved.
	CostSaved Money `json:"costSaved,omitzero"`
	// RevenueGained is the additional revenue over the periods (or the
	// margin on it, if the caller counts benefit that way); negative if
	// revenue fell. The zero Money counts as nothing gained.
	RevenueGained Money `json:"revenueGained,omitzero"`
	// Periods is the number of periods (months, years) the benefit was
	// earned over: 36 for three years in months. Required and positive; the
	// payback period is in the same unit.
	Periods int64 `json:"periods"`
}

// Equal reports whether s and o are the same ROI data, field by field: the
// investment, the cost saved and the revenue gained by [Money.Equal] (the
// same currency and amount by value, so 1.5 USD equals 1.50 USD, and the
// zero Money only itself), and the periods with ==.
func (s ROISpec) Equal(o ROISpec) bool {
	return s.Investment.Equal(o.Investment) && s.CostSaved.Equal(o.CostSaved) &&
		s.RevenueGained.Equal(o.RevenueGained) && s.Periods == o.Periods
}

// ROI is the return on investment of a CX initiative: its benefit, cost
// saved plus revenue gained over a number of periods, against what was
// invested, as a ratio and as a payback period. The triple crown, linked
// across departments and divisions, "ensures a significant contribution to
// delivering the ROI for the CX Initiative". Make one with [NewROI] or
// [NewROIFromScorecard].
//
// ROI is immutable. The zero ROI is invalid.
type ROI struct {
	spec    ROISpec
	benefit Money
}

// NewROI validates spec and returns its ROI. It reports every problem: an
// investment that is missing ([ErrMissingMoney]), negative
// ([ErrNegativeMoney]) or zero ([ErrInvalidInvestment]); periods that are
// zero or negative ([ErrInvalidPeriods]); a cost saved, then a revenue
// gained, in another currency than the investment's (or, with no investment,
// than the cost saved's), each one problem that names the part, the amount
// and both currencies, `triplecrown: ROI, cost saved: 1 EUR is not in USD,
// the currency of the investment: one ROI has one currency`
// ([ErrCurrencyMismatch]); and, when the currencies agree, a benefit (cost
// saved plus revenue gained) or a net benefit (benefit minus investment)
// with more than [MaxDigits] digits ([ErrInvalidAmount], as from
// [Money.Add]), so that [ROI.Benefit] and [ROI.Net] are within the bounds of
// every amount.
func NewROI(spec ROISpec) (ROI, error) {
	if errs := roiProblems(spec, false, false, false); len(errs) > 0 {
		return ROI{}, joinAll(errs)
	}
	return roiOf(spec), nil
}

// roiOf returns the ROI of spec, which [roiProblems] has found valid.
func roiOf(spec ROISpec) ROI {
	benefit, _ := spec.CostSaved.Add(spec.RevenueGained) // checked
	if benefit.IsZero() {
		benefit = makeMoney(decimal.Decimal{}, spec.Investment.cur)
	}
	return ROI{spec: spec, benefit: benefit}
}

// roiProblems returns every problem of spec, as [NewROI] reports them, but
// those of the investment alone if skipInvestment and of the periods if
// skipPeriods: parts a JSON decoder could not read, and has reported (an
// amount it could not read is the zero Money in spec, which adds nothing);
// and but the benefit's bounds if skipBenefit: a cost saved or a revenue
// gained that [NewROIFromScorecard] found beyond them, and has reported.
func roiProblems(spec ROISpec, skipInvestment, skipPeriods, skipBenefit bool) []error {
	var errs []error
	inv := spec.Investment
	switch {
	case skipInvestment:
	case inv.Currency().IsZero():
		errs = append(errs, newError(ErrMissingMoney, nil, "triplecrown: an ROI needs the investment, with its currency"))
	case inv.Sign() < 0:
		errs = append(errs, newError(ErrNegativeMoney, nil, "triplecrown: the investment %s is negative", inv))
	case inv.Sign() == 0:
		errs = append(errs, newError(ErrInvalidInvestment, nil, "triplecrown: an investment of zero has no return ratio"))
	}
	if !skipPeriods && spec.Periods <= 0 {
		errs = append(errs, newError(ErrInvalidPeriods, nil,
			"triplecrown: the benefit must be over a positive number of periods, not %d", spec.Periods))
	}
	// One currency, the investment's (or, with none, the first part's):
	// each part in another is a problem of its own, named.
	cur, curOf, mixed := inv.cur, "the investment", false
	for _, p := range []struct {
		name string
		m    Money
	}{{"cost saved", spec.CostSaved}, {"revenue gained", spec.RevenueGained}} {
		switch {
		case p.m.cur.IsZero():
		case cur.IsZero():
			cur, curOf = p.m.cur, "the "+p.name
		case p.m.cur != cur:
			mixed = true
			errs = append(errs, newError(ErrCurrencyMismatch, nil,
				"triplecrown: ROI, %s: %s is not in %s, the currency of %s: one ROI has one currency", p.name, p.m, cur, curOf))
		}
	}
	if mixed || skipBenefit {
		return errs
	}
	benefit, err := spec.CostSaved.Add(spec.RevenueGained)
	if err == nil {
		_, err = benefit.Sub(inv)
	}
	if err != nil {
		errs = append(errs, err)
	}
	return errs
}

// NewROIFromScorecard returns the ROI of investment against the cost saved
// and revenue gained on card (a unit's, or the enterprise's roll-up) over
// periods: cost saved is the baseline cost minus the actual, revenue gained
// the actual revenue minus the baseline. The revenue gained counts whole, as
// the scorecard has it: where the goods or services sold cost more as
// revenue grows, only the margin on the gain is a benefit, and the caller
// who knows the margin takes it and calls [NewROI] (examples/b2b counts a
// 30% margin so). Errors are those of [NewROI],
// [ErrInvalidScorecard] for the zero Scorecard, and [ErrInvalidAmount] for a
// cost saved or revenue gained with more than [MaxDigits] digits (as from
// [Money.Sub]), naming the field and, as its ID, the card's unit. Every
// problem is reported, one as the *[outcome.Error] itself, several joined
// with [errors.Join] in this order: the card's first (the
// zero Scorecard, or the cost saved's then the revenue gained's), then
// NewROI's, in its order (the investment's, the periods', the currencies');
// the benefit is checked against the bounds only when the card has no
// problem, and the currencies only when it is not the zero Scorecard,
// which has none.
func NewROIFromScorecard(investment Money, card Scorecard, periods int64) (ROI, error) {
	var errs []error
	var saved, gained Money
	if card.IsZero() {
		errs = append(errs, newError(ErrInvalidScorecard, nil, "triplecrown: cannot take an ROI from the zero Scorecard"))
	} else {
		// One currency: a difference is wrong only beyond the bounds.
		s := &card.spec
		diff := func(what string, x, y Money) Money {
			d := x.amount.Sub(y.amount)
			if err := amountBounds.check(d, []string{s.Unit}, fmt.Sprintf("the %s of unit %q", what, clip(s.Unit))); err != nil {
				errs = append(errs, err)
			}
			return makeMoney(d, x.cur)
		}
		saved = diff("cost saved", s.Cost.Baseline, s.Cost.Actual)
		gained = diff("revenue gained", s.Revenue.Actual, s.Revenue.Baseline)
	}
	spec := ROISpec{Investment: investment, CostSaved: saved, RevenueGained: gained, Periods: periods}
	if len(errs) > 0 {
		// The investment, the periods and the currencies are checked all
		// the same: the card's problems change none of them.
		// One problem is itself, as before the others were looked for.
		return ROI{}, msg.Join(append(errs, roiProblems(spec, false, false, true)...)...)
	}
	return NewROI(spec)
}

// Investment returns what was invested.
func (r ROI) Investment() Money { return r.spec.Investment }

// CostSaved returns the cost saved.
func (r ROI) CostSaved() Money { return r.spec.CostSaved }

// RevenueGained returns the revenue gained.
func (r ROI) RevenueGained() Money { return r.spec.RevenueGained }

// Periods returns the number of periods the benefit was earned over.
func (r ROI) Periods() int64 { return r.spec.Periods }

// Spec returns the ROI's data.
func (r ROI) Spec() ROISpec { return r.spec }

// Benefit returns the benefit: cost saved plus revenue gained, exactly.
func (r ROI) Benefit() Money { return r.benefit }

// Net returns the benefit minus the investment, exactly.
func (r ROI) Net() Money {
	n, _ := r.benefit.Sub(r.spec.Investment)
	return n
}

// Ratio returns the return on investment, (benefit - investment) /
// investment, rounded to precision p: 6 means the net gain is six times the
// investment (600%), so every unit of currency invested came back with six
// more ([ROI.BenefitRatio] is 7). It is negative when the benefit falls
// short of the investment.
func (r ROI) Ratio(p Precision) decimal.Decimal {
	return p.Quo(r.Net().amount, r.spec.Investment.amount)
}

// BenefitRatio returns benefit / investment, rounded to precision p: 7 means every
// unit of currency invested brought seven back.
func (r ROI) BenefitRatio(p Precision) decimal.Decimal {
	return p.Quo(r.benefit.amount, r.spec.Investment.amount)
}

// Payback returns the payback period, in periods, rounded to precision p:
// the time the benefit, earned evenly over the periods, takes to repay the
// investment, investment * periods / benefit. When the benefit is zero or
// negative the investment is never repaid, and Payback returns 0 and
// false.
func (r ROI) Payback(p Precision) (decimal.Decimal, bool) {
	if r.benefit.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	return p.Quo(r.spec.Investment.amount.Mul(decimal.New(r.spec.Periods, 0)), r.benefit.amount), true
}

// IsZero reports whether r is the zero (invalid) ROI.
func (r ROI) IsZero() bool { return r.spec.Periods == 0 }

// Equal reports whether r and o have equal data ([ROISpec.Equal]); the
// benefit an ROI keeps is computed from its data, so it is not compared.
func (r ROI) Equal(o ROI) bool { return r.spec.Equal(o.spec) }
