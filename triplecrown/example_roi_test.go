package triplecrown_test

import (
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// An ROI reads back what it was made from, and its Spec is the definition
// to store and to revise. A supplier invested 250,000 EUR in its B2B account
// team's CX programme; over 24 months it saved 180,000 EUR of cost and
// gained 420,000 EUR of revenue. The benefit is 600,000 EUR, the net
// 350,000, the ROI 350,000 / 250,000 = 1.4 and the payback
// 250,000 × 24 / 600,000 = 10 months.
//
// The board asks for the benefit on margin, not revenue: 30% of 420,000 is
// 126,000.0 EUR, so the benefit is 306,000.0, the net 56,000.0, the ROI
// 56,000 / 250,000 = 0.224 (0.22) and the payback 6,000,000 / 306,000 =
// 19.6078 months (19.61). The revised ROI is not Equal to the first; one
// rebuilt from an unchanged Spec is.
func ExampleROI() {
	roi, err := triplecrown.NewROI(triplecrown.ROISpec{
		Investment:    eur("250000"),
		CostSaved:     eur("180000"),
		RevenueGained: eur("420000"),
		Periods:       24, // months
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rd := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	show := func(r triplecrown.ROI) {
		payback, _ := r.Payback(rd)
		fmt.Printf("invested %s; saved %s + gained %s over %d months = %s; net %s; ROI %s; payback %s months\n",
			r.Investment(), r.CostSaved(), r.RevenueGained(), r.Periods(), r.Benefit(), r.Net(), r.Ratio(rd), payback)
	}
	show(roi)

	spec := roi.Spec()
	spec.RevenueGained = must(roi.RevenueGained().Mul(decimal.New(3, -1)))
	onMargin, err := triplecrown.NewROI(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	show(onMargin)
	fmt.Println("on margin equals the first:", onMargin.Equal(roi), "| rebuilt from its Spec equals it:", must(triplecrown.NewROI(roi.Spec())).Equal(roi))
	fmt.Println("the ROI is zero:", roi.IsZero(), "| the zero ROI is:", triplecrown.ROI{}.IsZero())
	// Output:
	// invested 250000 EUR; saved 180000 EUR + gained 420000 EUR over 24 months = 600000 EUR; net 350000 EUR; ROI 1.4; payback 10 months
	// invested 250000 EUR; saved 180000 EUR + gained 126000.0 EUR over 24 months = 306000.0 EUR; net 56000.0 EUR; ROI 0.22; payback 19.61 months
	// on margin equals the first: false | rebuilt from its Spec equals it: true
	// the ROI is zero: false | the zero ROI is: true
}
