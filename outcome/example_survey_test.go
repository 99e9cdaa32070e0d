package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/outcome"
)

// A contact centre asks every caller "How likely is it that you would
// recommend us to a friend or colleague?" (0-10) and reports the Net Promoter
// Score with its uncertainty.
//
// In the method NPS is an output, not an outcome: like every survey score it
// is "retrospective and subjective", and "'one question rules them all'
// approaches" mislead. It says how callers felt afterwards; whether they got
// what they called for is the Successful Customer Outcome, measured by the
// share of journeys that end in it. Report NPS, but do not steer by it alone.
func ExampleTallyNPS() {
	answers := []int8{10, 9, 9, 10, 8, 7, 9, 6, 3, 10, 9, 8, 5, 10, 9, 7, 10, 2, 9, 10}
	tally, err := outcome.TallyNPS(outcome.StandardNPSBands(), answers)
	if err != nil {
		fmt.Println(err)
		return
	}
	nps, _ := tally.Score(0, outcome.RoundHalfUp)
	wald, _ := tally.WaldInterval(0.95)
	adjusted, _ := tally.AdjustedWaldInterval(0.95)
	fmt.Println(tally)
	fmt.Println("NPS:", nps)
	fmt.Printf("95%% Wald interval: %.1f to %.1f\n", wald.Low, wald.High)
	fmt.Printf("95%% adjusted-Wald interval: %.1f to %.1f\n", adjusted.Low, adjusted.High)
	// Output:
	// NPS tally: 12 promoters, 4 passives, 4 detractors (20 responses)
	// NPS: 40
	// 95% Wald interval: 4.9 to 75.1
	// 95% adjusted-Wald interval: 2.1 to 67.5
}

// Every answer is checked; an answer off the scale is an error that names it
// and its position, and nothing is dropped or clamped.
func ExampleTallyNPS_outOfRange() {
	_, err := outcome.TallyNPS(outcome.StandardNPSBands(), []int{9, 10, 7, 11, 8})
	fmt.Println(err)
	fmt.Println("score-out-of-range:", errors.Is(err, outcome.ErrScoreOutOfRange))
	// Output:
	// outcome: score 11 at position 3 is outside the scale 0..10
	// score-out-of-range: true
}

// Survey data too big for one machine is tallied in shards (per region, per
// day, per worker) and the tallies merged: the merged tally is exactly the
// tally of all the answers, in any order.
func ExampleNPSTally_Merge() {
	north, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int{10, 9, 3, 8})
	south, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int{6, 9, 9})
	online, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 120, 50, 30)

	var total outcome.NPSTally // the zero tally is empty, on the standard bands
	for _, shard := range []outcome.NPSTally{north, south, online} {
		var err error
		if total, err = total.Merge(shard); err != nil {
			fmt.Println(err)
			return
		}
	}
	all, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int{10, 9, 3, 8, 6, 9, 9})
	all, _ = all.Merge(online)
	fmt.Println(total)
	fmt.Println("same as tallying everything at once:", total.Equal(all))
	// Output:
	// NPS tally: 124 promoters, 51 passives, 32 detractors (207 responses)
	// same as tallying everything at once: true
}

// Did NPS really move? From one quarter to the next the score went up by 6
// points, but with 200 answers a quarter that is well within the noise; a
// 20-point rise is not.
func ExampleNPSTally_TestDifference() {
	q1, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 90, 60, 50)  // NPS 20
	q2, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 96, 60, 44)  // NPS 26
	q3, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 110, 60, 30) // NPS 40

	small, _ := q1.TestDifference(q2, 0.95)
	large, _ := q1.TestDifference(q3, 0.95)
	fmt.Printf("Q1 to Q2: %+.0f points, 95%% interval %.1f to %.1f, p = %.2f, significant: %v\n",
		small.Difference, small.Interval.Low, small.Interval.High, small.PValue, small.Significant())
	fmt.Printf("Q1 to Q3: %+.0f points, 95%% interval %.1f to %.1f, p = %.4f, significant: %v\n",
		large.Difference, large.Interval.Low, large.Interval.High, large.PValue, large.Significant())
	// Output:
	// Q1 to Q2: +6 points, 95% interval -9.8 to 21.8, p = 0.46, significant: false
	// Q1 to Q3: +20 points, 95% interval 4.8 to 35.2, p = 0.0098, significant: true
}

// Is the NPS of 500 answers, 100 * (250 - 100) / 500 = 30, different from
// an industry benchmark of 20? With this many answers, yes.
func ExampleNPSTally_TestAgainst() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 250, 150, 100)
	test, _ := tally.TestAgainst(20, 0.95)
	fmt.Printf("NPS minus benchmark: %+.0f points, z = %.2f, p = %.4f\n", test.Difference, test.Z, test.PValue)
	// Output:
	// NPS minus benchmark: +10 points, z = 2.86, p = 0.0042
}

// The score is computed exactly and rounded once, by the rounding the caller
// chooses: here 100 * (3 - 2) / 8 = 12.5 exactly.
func ExampleNPSTally_Score() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 3, 3, 2)
	away, _ := tally.Score(0, outcome.RoundHalfUp)
	even, _ := tally.Score(0, outcome.RoundHalfEven)
	exact, _ := tally.Score(1, outcome.RoundHalfUp)
	fmt.Println("half-up:", away, "| half-even:", even, "| to 1 place:", exact)
	// Output:
	// half-up: 13 | half-even: 12 | to 1 place: 12.5
}

// The exact score as a fraction: 100 * (2 - 1) / 3 = 100/3, which no decimal
// holds exactly.
func ExampleNPSTally_Fraction() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 2, 0, 1)
	f, _ := tally.Fraction()
	fmt.Println("NPS", f, "=", f.FloatString(4), "to 4 places")
	// Output:
	// NPS 100/3 = 33.3333 to 4 places
}

// With 8 answers, all promoters, the Wald interval collapses to the single
// point 100, claiming a certainty 8 answers cannot give; the adjusted-Wald
// interval (Rocks 2016) does not. Its bounds are the formula's and may pass
// 100.
func ExampleNPSTally_AdjustedWaldInterval() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 8, 0, 0)
	wald, _ := tally.WaldInterval(0.95)
	adjusted, _ := tally.AdjustedWaldInterval(0.95)
	fmt.Printf("Wald: %.1f to %.1f\n", wald.Low, wald.High)
	fmt.Printf("adjusted Wald: %.1f to %.1f\n", adjusted.Low, adjusted.High)
	// Output:
	// Wald: 100.0 to 100.0
	// adjusted Wald: 38.5 to 106.9
}

// The variance of one answer scored +1, 0 or -1 and the standard error of
// the NPS, in points.
func ExampleNPSTally_StandardError() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 50, 30, 20)
	v, _ := tally.Variance()
	se, _ := tally.StandardError()
	fmt.Printf("variance %.2f, standard error %.2f points\n", v, se)
	// Output:
	// variance 0.61, standard error 7.81 points
}

// Answers come in one at a time, as calls end.
func ExampleNPSTally_Add() {
	tally := outcome.NewNPSTally(outcome.StandardNPSBands())
	for _, answer := range []int{9, 4, 10} {
		var err error
		if tally, err = tally.Add(answer); err != nil {
			fmt.Println(err)
			return
		}
	}
	_, err := tally.Add(12)
	fmt.Println(tally)
	fmt.Println(err)
	// Output:
	// NPS tally: 2 promoters, 0 passives, 1 detractors (3 responses)
	// outcome: score 12 is outside the scale 0..10
}

// A survey tool exports counts rather than answers.
func ExampleNPSTallyFromCounts() {
	tally, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 412, 301, 187)
	if err != nil {
		fmt.Println(err)
		return
	}
	nps, _ := tally.Score(1, outcome.RoundHalfUp)
	fmt.Println(tally.Responses(), "responses, NPS", nps)
	_, err = outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 412, -1, 187)
	fmt.Println(err)
	// Output:
	// 900 responses, NPS 25
	// outcome: passive count -1 is negative
}

// An NPS-style question asked on a 1-5 scale: 5 promotes, 4 is passive,
// 1-3 detract. The bands must cover the scale without gaps or overlaps.
func ExampleNewNPSBands() {
	scale := outcome.MustScale(1, 5)
	bands, err := outcome.NewNPSBands(scale,
		outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	fmt.Println(bands, err)

	_, err = outcome.NewNPSBands(scale,
		outcome.Band{Low: 1, High: 2}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	fmt.Println(err)
	fmt.Println("invalid-bands:", errors.Is(err, outcome.ErrInvalidBands))
	// Output:
	// detractors 1..3, passives 4..4, promoters 5..5 <nil>
	// outcome: answers 3..3 between the detractor band 1..2 and the passive band 4..4 are in no band
	// invalid-bands: true
}

// Bands written as literals.
func ExampleMustNPSBands() {
	bands := outcome.MustNPSBands(outcome.MustScale(0, 4),
		outcome.Band{Low: 0, High: 2}, outcome.Band{Low: 3, High: 3}, outcome.Band{Low: 4, High: 4})
	fmt.Println("scale", bands.Scale(), "| promoters", bands.Promoters())
	// Output:
	// scale 0..4 | promoters 4..4
}

// The standard bands are Reichheld's (2003): promoters 9-10, passives 7-8,
// detractors 0-6. They are the zero value.
func ExampleStandardNPSBands() {
	bands := outcome.StandardNPSBands()
	fmt.Println(bands)
	fmt.Println("they are zero:", bands.IsZero(), "| equal to the zero NPSBands:", bands.Equal(outcome.NPSBands{}))
	// Output:
	// detractors 0..6, passives 7..8, promoters 9..10
	// they are zero: true | equal to the zero NPSBands: true
}

// Closing the loop: each detractor gets a call back.
func ExampleNPSBands_Group() {
	bands := outcome.StandardNPSBands()
	for _, answer := range []int{10, 7, 3} {
		g, _ := bands.Group(answer)
		if g == outcome.Detractor {
			fmt.Println(answer, "is a", g, "- call back")
			continue
		}
		fmt.Println(answer, "is a", g)
	}
	// Output:
	// 10 is a promoter
	// 7 is a passive
	// 3 is a detractor - call back
}

// A call-back list a BI tool exports: each answer with its group, as text in
// JSON. A group read back from a file may be written in the plural or in
// capitals.
func ExampleNPSGroup_MarshalText() {
	bands := outcome.StandardNPSBands()
	type callBack struct {
		Customer string           `json:"customer"`
		Group    outcome.NPSGroup `json:"group"`
	}
	g, _ := bands.Group(4)
	b, _ := json.Marshal(callBack{Customer: "C-1042", Group: g})
	fmt.Println(string(b))

	var back callBack
	err := json.Unmarshal([]byte(`{"customer":"C-1043","group":"Detractors"}`), &back)
	fmt.Println(back.Group, err)
	err = back.Group.UnmarshalText([]byte("neutral"))
	fmt.Println("unknown-nps-group:", errors.Is(err, outcome.ErrUnknownNPSGroup), "|", err)
	g, _ = outcome.ParseNPSGroup("promoters")
	fmt.Println(g)
	// Output:
	// {"customer":"C-1042","group":"detractor"}
	// detractor <nil>
	// unknown-nps-group: true | outcome: unknown NPS group "neutral"
	// promoter
}

// A scale is a closed range of whole-number answers.
func ExampleNewScale() {
	s, err := outcome.NewScale(0, 10)
	fmt.Println(s, "has", s.Points(), "points | contains 10:", s.Contains(10), "| contains 11:", s.Contains(11), "| error:", err)
	_, err = outcome.NewScale(5, 5)
	fmt.Println(err)
	// Output:
	// 0..10 has 11 points | contains 10: true | contains 11: false | error: <nil>
	// outcome: scale 5..5 has fewer than two points (its bottom must be below its top)
}

// Scales written as literals.
func ExampleMustScale() {
	fmt.Println("1..7 has", outcome.MustScale(1, 7).Points(), "points")
	// Output:
	// 1..7 has 7 points
}

// A band contains its ends.
func ExampleBand() {
	promoters := outcome.Band{Low: 9, High: 10}
	fmt.Println("promoters", promoters, "| contain 9:", promoters.Contains(9), "| contain 8:", promoters.Contains(8))
	// Output:
	// promoters 9..10 | contain 9: true | contain 8: false
}

// A survey interval is an [outcome.Interval], like a proportion's: it
// reports its estimate, bounds and confidence level, and names its method,
// so that a dashboard can say how it was computed.
func ExampleNPSTally_WaldInterval() {
	tally, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 50, 30, 20)
	iv, _ := tally.WaldInterval(0.95)
	fmt.Printf("%.0f [%.1f, %.1f] at %.0f%% (%s), width %.1f, contains 40: %v\n",
		iv.Estimate, iv.Low, iv.High, 100*iv.Confidence, iv.Method, iv.Width(), iv.Contains(40))
	// Output:
	// 30 [14.7, 45.3] at 95% (wald), width 30.6, contains 40: true
}

// A test of a survey score is plain data for a dashboard: the difference,
// its standard error, z, the p-value and the Wald interval of the
// difference, in the score's own units (here NPS points).
func ExampleScoreTest() {
	before, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 90, 60, 50) // NPS 20
	after, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 110, 60, 30) // NPS 40
	test, _ := before.TestDifference(after, 0.95)
	fmt.Printf("difference %+.0f, SE %.2f, z %.2f, p %.4f\n", test.Difference, test.StandardError, test.Z, test.PValue)
	fmt.Printf("%s interval %.1f to %.1f, significant: %v\n", test.Interval.Method, test.Interval.Low, test.Interval.High, test.Significant())
	// Output:
	// difference +20, SE 7.75, z 2.58, p 0.0098
	// wald interval 4.8 to 35.2, significant: true
}

// CSAT: "How satisfied were you with your visit?" on 1-5. The score is the
// share of top-two-box answers (4 and 5), counted against the scale's top:
// a month in which nobody answered above 3 scores 0, not 100. Like NPS it is
// an output in the method, "retrospective and subjective".
func ExampleTallyCSAT() {
	answers := []int{5, 4, 4, 3, 5, 2, 4, 5, 1, 4}
	tally, err := outcome.TallyCSAT(outcome.StandardCSATScale(), answers)
	if err != nil {
		fmt.Println(err)
		return
	}
	csat, _ := tally.Score(0, outcome.RoundHalfUp)
	mean, _ := tally.Mean(1, outcome.RoundHalfUp)
	iv, _ := tally.Interval(0.95)
	fmt.Println(tally)
	fmt.Printf("CSAT %s%% (Wilson 95%%: %.1f to %.1f), mean %s\n", csat, iv.Low, iv.High, mean)

	bad, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), []int{3, 2, 3, 1})
	zero, _ := bad.Score(0, outcome.RoundHalfUp)
	fmt.Printf("a month with no answer above 3: CSAT %s%%\n", zero)
	// Output:
	// CSAT tally on top-2 box 4..5 of 1..5: [1 1 1 4 3] (10 responses)
	// CSAT 70% (Wilson 95%: 39.7 to 89.2), mean 3.7
	// a month with no answer above 3: CSAT 0%
}

// A 1-7 satisfaction question with a top-three box (5, 6 and 7).
func ExampleNewCSATScale() {
	s, err := outcome.NewCSATScale(outcome.MustScale(1, 7), 3)
	fmt.Println(s, err)
	_, err = outcome.NewCSATScale(outcome.MustScale(1, 5), 5)
	fmt.Println(err)
	// Output:
	// top-3 box 5..7 of 1..7 <nil>
	// outcome: a top box of 5 points on the CSAT scale 1..5 must hold 1 to 4 points
}

// Scales written as literals.
func ExampleMustCSATScale() {
	fmt.Println("a top-2 box on 0..10 counts as satisfied:", outcome.MustCSATScale(outcome.MustScale(0, 10), 2).TopBox())
	// Output:
	// a top-2 box on 0..10 counts as satisfied: 9..10
}

// The standard CSAT scale, 1..5 with a top-two box, is the zero value.
func ExampleStandardCSATScale() {
	fmt.Println(outcome.StandardCSATScale(), outcome.StandardCSATScale().IsZero())
	// Output:
	// top-2 box 4..5 of 1..5 true
}

// Answers one at a time, then merged with another shard.
func ExampleNewCSATTally() {
	a := outcome.NewCSATTally(outcome.StandardCSATScale())
	a, _ = a.Add(5)
	a, _ = a.Add(2)
	b, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), []int8{4, 4})
	both, _ := a.Merge(b)
	fmt.Println(both.Satisfied(), "of", both.Responses())
	// Output:
	// 3 of 4
}

// Counts per point, from the bottom of the scale up.
func ExampleCSATTallyFromCounts() {
	tally, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{2, 3, 5, 20, 10})
	csat, _ := tally.Score(1, outcome.RoundHalfUp)
	fmt.Println(csat, tally.Counts())
	// Output:
	// 75 [2 3 5 20 10]
}

// CES: "The company made it easy for me to handle my issue", 1 (strongly
// disagree) to 7 (strongly agree). The mean answer is the score, with its
// standard error and interval; the share who agree (5 or above) is reported
// beside it.
func ExampleTallyCES() {
	answers := []int{7, 6, 5, 6, 2, 7, 5, 4, 6, 7, 3, 6}
	tally, err := outcome.TallyCES(outcome.StandardCESScale(), answers)
	if err != nil {
		fmt.Println(err)
		return
	}
	mean, _ := tally.Mean(2, outcome.RoundHalfUp)
	se, _ := tally.StandardError()
	iv, _ := tally.MeanInterval(0.95)
	agree, _ := tally.AgreeShare(1, outcome.RoundHalfUp)
	fmt.Println(tally)
	fmt.Printf("CES %s (SE %.2f, 95%%: %.2f to %.2f), %s%% agree\n", mean, se, iv.Low, iv.High, agree)
	// Output:
	// CES tally on 1..7, agree from 5: [0 1 1 1 2 4 3] (12 responses)
	// CES 5.33 (SE 0.47, 95%: 4.42 to 6.25), 75% agree
}

// The older five-point form, agreeing from 4.
func ExampleNewCESScale() {
	s, err := outcome.NewCESScale(outcome.MustScale(1, 5), 4)
	fmt.Println(s, err)
	_, err = outcome.NewCESScale(outcome.MustScale(1, 5), 1)
	fmt.Println(err)
	// Output:
	// 1..5, agree from 4 <nil>
	// outcome: CES agreement point 1 must be in 2..5, above the bottom of the scale 1..5
}

// Scales written as literals.
func ExampleMustCESScale() {
	fmt.Println("on 1..7, agreeing from", outcome.MustCESScale(outcome.MustScale(1, 7), 6).Agree())
	// Output:
	// on 1..7, agreeing from 6
}

// The standard CES scale, 1..7 agreeing from 5, is the zero value.
func ExampleStandardCESScale() {
	fmt.Println(outcome.StandardCESScale(), "| it is zero:", outcome.StandardCESScale().IsZero())
	// Output:
	// 1..7, agree from 5 | it is zero: true
}

// Answers one at a time, and the interval of the agreement share.
func ExampleNewCESTally() {
	tally := outcome.NewCESTally(outcome.StandardCESScale())
	for _, a := range []int{6, 7, 3, 5} {
		tally, _ = tally.Add(a)
	}
	iv, _ := tally.AgreeInterval(0.95)
	fmt.Printf("%d of %d agree (Wilson 95%%: %.1f%% to %.1f%%)\n", tally.Agreeing(), tally.Responses(), iv.Low, iv.High)
	// Output:
	// 3 of 4 agree (Wilson 95%: 30.1% to 95.4%)
}

// Counts per point, from the bottom of the scale up, merged across shards.
func ExampleCESTallyFromCounts() {
	a, _ := outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1, 2, 3, 4, 10, 20, 10})
	b, _ := outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{0, 0, 0, 0, 0, 0, 50})
	both, _ := a.Merge(b)
	mean, _ := both.Mean(2, outcome.RoundHalfUp)
	fmt.Println("CES of both shards:", mean)
	// Output:
	// CES of both shards: 6.2
}

// CSAT is a proportion: the satisfied answers out of all. As a
// [outcome.Proportion] it can be compared across two months with
// [outcome.CompareProportions], which tests whether the rate really moved:
// from 200 of 300 (66.7%) to 230 of 300 (76.7%), pooled rate 430/600, SE
// sqrt(0.7167 * 0.2833 * 2/300) = 0.0368, z = 0.1 / 0.0368 = 2.72.
func ExampleCSATTally_Satisfaction() {
	march, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{20, 30, 50, 120, 80})  // 200 of 300
	april, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{10, 20, 40, 130, 100}) // 230 of 300
	c, _ := outcome.CompareProportions(march.Satisfaction(), april.Satisfaction(), 0.95)
	rate, _ := april.Satisfaction().Rate(3, outcome.RoundHalfEven)
	fmt.Println("April:", april.Satisfaction(), "satisfied, rate", rate)
	fmt.Printf("change %+.1f points, p = %.4f, significant: %v\n", 100*c.Difference.Estimate, c.PValue, c.Significant())
	// Output:
	// April: 230/300 satisfied, rate 0.767
	// change +10.0 points, p = 0.0066, significant: true
}

// The CES agreement share as a proportion, with the adjusted-Wald interval
// instead of the default Wilson one: with z² = 3.84, ñ = 53.84 and p̃ =
// (40 + 1.92) / 53.84 = 0.779, the bounds are 0.779 ± 1.96 * sqrt(0.779 *
// 0.221 / 53.84).
func ExampleCESTally_Agreement() {
	tally, _ := outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1, 2, 3, 4, 10, 20, 10})
	agree := tally.Agreement()
	iv, _ := agree.Interval(0.95, outcome.IntervalAdjustedWald)
	fmt.Printf("%s agree: %.3f (%s 95%%: %.3f to %.3f)\n", agree, iv.Estimate, iv.Method, iv.Low, iv.High)
	// Output:
	// 40/50 agree: 0.800 (adjusted-wald 95%: 0.668 to 0.889)
}

// A scale in JSON is its two ends.
func ExampleScale_MarshalJSON() {
	data, _ := json.Marshal(outcome.MustScale(0, 10))
	fmt.Println(string(data))
	// Output:
	// {"min":0,"max":10}
}

// Decoding checks a scale as NewScale does.
func ExampleScale_UnmarshalJSON() {
	var s outcome.Scale
	fmt.Println("error:", json.Unmarshal([]byte(`{"min":1,"max":7}`), &s), "| scale:", s)
	err := json.Unmarshal([]byte(`{"min":7,"max":1}`), &s)
	fmt.Println(err)
	fmt.Println("invalid-scale:", errors.Is(err, outcome.ErrInvalidScale), "| the scale is unchanged:", s)
	// Output:
	// error: <nil> | scale: 1..7
	// outcome: scale 7..1 has fewer than two points (its bottom must be below its top)
	// invalid-scale: true | the scale is unchanged: 1..7
}

// The bands in JSON say the scale and each band, so that a stored tally
// reads on its own.
func ExampleNPSBands_MarshalJSON() {
	data, _ := json.Marshal(outcome.StandardNPSBands())
	fmt.Println(string(data))
	// Output:
	// {"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}}
}

// Bands read from a configuration file are checked as NewNPSBands checks
// them, every problem reported.
func ExampleNPSBands_UnmarshalJSON() {
	var b outcome.NPSBands
	err := json.Unmarshal([]byte(`{"min":1,"max":5,"detractors":{"low":1,"high":3},
		"passives":{"low":4,"high":4},"promoters":{"low":5,"high":5}}`), &b)
	fmt.Println(b, err)
	err = json.Unmarshal([]byte(`{"min":1,"max":5,"detractors":{"low":1,"high":2},
		"passives":{"low":4,"high":4},"promoters":{"low":5,"high":6}}`), &b)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, "-", p.Message)
	}
	// Output:
	// detractors 1..3, passives 4..4, promoters 5..5 <nil>
	// invalid-bands - outcome: the promoter band 5..6 is not within the scale 1..5
}

// Each region's contact centre tallies its answers overnight and ships the
// tally as JSON; the head office decodes the tallies and merges them. The
// merged tally is exactly the tally of all the answers.
func ExampleNPSTally_MarshalJSON() {
	north, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int8{10, 9, 3, 8, 10})
	data, _ := json.Marshal(north)
	fmt.Println(string(data))

	var total outcome.NPSTally
	for _, shipped := range [][]byte{data, []byte(`{"promoters":120,"passives":50,"detractors":30}`)} {
		var shard outcome.NPSTally // an absent "bands" is the standard bands
		if err := json.Unmarshal(shipped, &shard); err != nil {
			fmt.Println(err)
			return
		}
		total, _ = total.Merge(shard)
	}
	nps, _ := total.Score(1, outcome.RoundHalfEven)
	fmt.Println(total, "NPS", nps)
	// Output:
	// {"bands":{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}},"promoters":3,"passives":1,"detractors":1}
	// NPS tally: 123 promoters, 51 passives, 31 detractors (205 responses) NPS 44.9
}

// Decoding validates a tally exactly as the constructors do, and reports
// every problem of the bands and of the counts.
func ExampleNPSTally_UnmarshalJSON() {
	var t outcome.NPSTally
	err := json.Unmarshal([]byte(`{"bands":{"min":0,"max":10,"detractors":{"low":0,"high":6},
		"passives":{"low":7,"high":7},"promoters":{"low":9,"high":10}},"promoters":-5,"passives":1,"detractors":2}`), &t)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, "-", p.Message)
	}
	err = json.Unmarshal([]byte(`{"promoters":5,"nps":20}`), &t)
	fmt.Println(`a field "nps" is invalid-json:`, errors.Is(err, outcome.ErrInvalidJSON), "| the tally is zero:", t.IsZero())
	// Output:
	// invalid-bands - outcome: answers 8..8 between the passive band 7..7 and the promoter band 9..10 are in no band
	// invalid-count - outcome: promoter count -5 is negative
	// a field "nps" is invalid-json: true | the tally is zero: true
}

// A CSAT scale in JSON: its ends and the size of its top box.
func ExampleCSATScale_MarshalJSON() {
	data, _ := json.Marshal(outcome.MustCSATScale(outcome.MustScale(1, 7), 3))
	fmt.Println(string(data))
	// Output:
	// {"min":1,"max":7,"box":3}
}

// Decoding checks a CSAT scale as NewCSATScale does.
func ExampleCSATScale_UnmarshalJSON() {
	var s outcome.CSATScale
	err := json.Unmarshal([]byte(`{"min":1,"max":5,"box":5}`), &s)
	fmt.Println(err)
	// Output:
	// outcome: a top box of 5 points on the CSAT scale 1..5 must hold 1 to 4 points
}

// A CSAT tally in JSON: the scale and a count per point, from the bottom up.
func ExampleCSATTally_MarshalJSON() {
	tally, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), []int8{5, 4, 4, 3, 5, 2, 4, 5, 1, 4})
	data, _ := json.Marshal(tally)
	fmt.Println(string(data))
	// Output:
	// {"scale":{"min":1,"max":5,"box":2},"counts":[1,1,1,4,3]}
}

// The counts must match the points of the scale, as in CSATTallyFromCounts.
func ExampleCSATTally_UnmarshalJSON() {
	var t outcome.CSATTally
	fmt.Println(json.Unmarshal([]byte(`{"counts":[2,3,5,20,10]}`), &t), t.Satisfied(), "of", t.Responses())
	err := json.Unmarshal([]byte(`{"scale":{"min":1,"max":5,"box":2},"counts":[2,3,5,20]}`), &t)
	fmt.Println(err)
	// Output:
	// <nil> 30 of 40
	// outcome: 4 counts given for the 5 points of the scale 1..5
}

// A CES scale in JSON: its ends and its agreement point.
func ExampleCESScale_MarshalJSON() {
	data, _ := json.Marshal(outcome.StandardCESScale())
	fmt.Println(string(data))
	// Output:
	// {"min":1,"max":7,"agree":5}
}

// Decoding checks a CES scale as NewCESScale does.
func ExampleCESScale_UnmarshalJSON() {
	var s outcome.CESScale
	fmt.Println(json.Unmarshal([]byte(`{"min":1,"max":5,"agree":4}`), &s), s)
	fmt.Println(json.Unmarshal([]byte(`{"min":1,"max":5,"agree":1}`), &s))
	// Output:
	// <nil> 1..5, agree from 4
	// outcome: CES agreement point 1 must be in 2..5, above the bottom of the scale 1..5
}

// A CES tally in JSON, shipped and decoded: the decoded tally gives the same
// score.
func ExampleCESTally_MarshalJSON() {
	tally, _ := outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1, 2, 3, 4, 10, 20, 10})
	data, _ := json.Marshal(tally)
	fmt.Println(string(data))
	var back outcome.CESTally
	_ = json.Unmarshal(data, &back)
	mean, _ := back.Mean(2, outcome.RoundHalfEven)
	fmt.Println("decoded equal:", back.Equal(tally), "| CES:", mean)
	// Output:
	// {"scale":{"min":1,"max":7,"agree":5},"counts":[1,2,3,4,10,20,10]}
	// decoded equal: true | CES: 5.4
}

// A negative count is refused, and so is a field the tally does not have.
func ExampleCESTally_UnmarshalJSON() {
	var t outcome.CESTally
	err := json.Unmarshal([]byte(`{"counts":[0,0,0,-1,0,0,3]}`), &t)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"counts":[0,0,0,1,0,0,3],"mean":6}`), &t)
	fmt.Println(`a field "mean" is invalid-json:`, errors.Is(err, outcome.ErrInvalidJSON))
	// Output:
	// outcome: the answer-4 count -1 is negative
	// a field "mean" is invalid-json: true
}

// The empty tally on bands of one's own: an NPS-style question on a 1-5
// scale, filled as answers arrive.
func ExampleNewNPSTally() {
	bands := outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	tally := outcome.NewNPSTally(bands)
	for _, answer := range []int{5, 5, 4, 2} {
		tally, _ = tally.Add(answer)
	}
	nps, _ := tally.Score(0, outcome.RoundHalfEven)
	fmt.Println(tally, "NPS", nps)
	// Output:
	// NPS tally: 2 promoters, 1 passives, 1 detractors (4 responses) NPS 25
}

// The zero NPSTally is the empty tally on the standard bands: ready to use.
func ExampleNPSTally() {
	var tally outcome.NPSTally
	tally, _ = tally.Add(10)
	tally, _ = tally.Add(6)
	fmt.Println("promoters", tally.Promoters(), "| passives", tally.Passives(), "| detractors", tally.Detractors(),
		"| responses", tally.Responses(), "| standard bands:", tally.Bands().IsZero())
	// Output:
	// promoters 1 | passives 0 | detractors 1 | responses 2 | standard bands: true
}

// A respondent's group, as text for a report.
func ExampleNPSGroup() {
	for _, g := range []outcome.NPSGroup{outcome.Detractor, outcome.Passive, outcome.Promoter} {
		fmt.Print(g, " ")
	}
	fmt.Println("| the zero NPSGroup is valid:", outcome.NPSGroup(0).IsValid())
	// Output:
	// detractor passive promoter | the zero NPSGroup is valid: false
}

// Answers come in whatever integer type the data has: bytes read from a
// file, int32 from a database column. Every answer is checked the same way.
func ExampleInteger() {
	fromFile := []uint8{5, 4, 4, 5, 2}
	fromDB := []int32{5, 4, 4, 5, 2}
	a, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), fromFile)
	b, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), fromDB)
	fmt.Println("the same tally:", a.Equal(b), "|", a.Satisfied(), "of", a.Responses(), "satisfied")
	_, err := outcome.TallyCSAT(outcome.StandardCSATScale(), []uint64{5, 1 << 63})
	fmt.Println(err)
	// Output:
	// the same tally: true | 4 of 5 satisfied
	// outcome: score 9223372036854775808 at position 1 is outside the scale 1..5
}

// The CSAT score is rounded once, from the exact share, by the mode the
// report asks for: 2 of 3 satisfied is 66.666...%.
func ExampleCSATTally_Score() {
	tally, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{1, 0, 0, 1, 1})
	even, _ := tally.Score(1, outcome.RoundHalfEven)
	down, _ := tally.Score(1, outcome.RoundDown)
	_, err := tally.Score(1, 0)
	fmt.Println("half-even:", even, "| down:", down)
	fmt.Println(err)
	// Output:
	// half-even: 66.7 | down: 66.6
	// outcome: invalid rounding mode 0; choose one such as RoundHalfEven
}

// The Customer Effort Score is the mean answer, exact and rounded once:
// answers 7, 6 and 6 have mean 19/3 = 6.333...
func ExampleCESTally_Mean() {
	tally, _ := outcome.TallyCES(outcome.StandardCESScale(), []int{7, 6, 6})
	mean, _ := tally.Mean(2, outcome.RoundHalfEven)
	ceiling, _ := tally.Mean(0, outcome.RoundCeiling)
	fmt.Println("CES to 2 places:", mean, "| rounded up to a whole answer:", ceiling)
	// Output:
	// CES to 2 places: 6.33 | rounded up to a whole answer: 7
}

// A car maker's dealers do not all ask on the same scale: most ask "How
// likely are you to recommend us?" from 0 to 10, one from 1 to 10, so a BI
// tool checks that two scales are equal before it adds their answers up.
// A 0-100 slider is a scale too (101 points, within MaxScalePoints), but a
// CSAT or CES tally keeps a count for every point, so its scale may have at
// most MaxRatingPoints (11). A scale nobody set is the zero Scale.
func ExampleScale() {
	standard, oneToTen := outcome.MustScale(0, 10), outcome.MustScale(1, 10)
	fmt.Println("0 to 10: min", standard.Min(), "max", standard.Max(), "points", standard.Points(),
		"| equal to 1 to 10:", standard.Equal(oneToTen))

	slider, err := outcome.NewScale(0, 100)
	fmt.Println("0-100 slider:", slider.Points(), "points, within MaxScalePoints:", slider.Points() <= outcome.MaxScalePoints, "| error:", err)
	_, err = outcome.NewCSATScale(slider, 10)
	fmt.Println("as a CSAT scale, beyond MaxRatingPoints:", slider.Points() > outcome.MaxRatingPoints,
		"| invalid-scale:", errors.Is(err, outcome.ErrInvalidScale))

	var unset outcome.Scale
	fmt.Println("a scale nobody set is zero:", unset.IsZero(), "| valid:", unset.IsValid(), "| 0 to 10 is valid:", standard.IsValid())
	// Output:
	// 0 to 10: min 0 max 10 points 11 | equal to 1 to 10: false
	// 0-100 slider: 101 points, within MaxScalePoints: true | error: <nil>
	// as a CSAT scale, beyond MaxRatingPoints: true | invalid-scale: true
	// a scale nobody set is zero: true | valid: false | 0 to 10 is valid: true
}

// Head office asks its satisfaction question on 1 to 7 and counts the top
// three points (5, 6 and 7) as satisfied; the dealers use the standard 1 to
// 5 with a top-two box. The tallies say which scale they were taken on, and
// answers from different scales are never added together. A new tally on
// the standard scale is the zero CSATTally; one on head office's scale is
// not.
func ExampleCSATScale_Box() {
	headOffice := outcome.MustCSATScale(outcome.MustScale(1, 7), 3)
	fmt.Println("head office: scale", headOffice.Scale(), "| box of", headOffice.Box(), "points | satisfied", headOffice.TopBox())

	head, _ := outcome.TallyCSAT(headOffice, []int{7, 6, 5, 3})
	dealer, _ := outcome.TallyCSAT(outcome.StandardCSATScale(), []int{5, 4})
	fmt.Println("head office's tally is on the dealers' scale:", head.Scale().Equal(dealer.Scale()),
		"| on head office's:", head.Scale().Equal(headOffice))
	_, err := head.Merge(dealer)
	fmt.Println("merging them is scale-mismatch:", errors.Is(err, outcome.ErrScaleMismatch))

	fmt.Println("a new tally is zero, on the standard scale:", outcome.NewCSATTally(outcome.StandardCSATScale()).IsZero(),
		"| on head office's:", outcome.NewCSATTally(headOffice).IsZero())
	// Output:
	// head office: scale 1..7 | box of 3 points | satisfied 5..7
	// head office's tally is on the dealers' scale: false | on head office's: true
	// merging them is scale-mismatch: true
	// a new tally is zero, on the standard scale: true | on head office's: false
}

// Counts gives a CES tally's answers point by point, for a chart of the
// distribution. The car maker's service app asks "The app made it easy to
// book my service" on the standard 1 to 7 scale; six owners answered 7, 5,
// 6, 2, 7 and 5, so the counts from 1 up are 0, 1, 0, 0, 2, 1, 2, and 5 of
// the 6 agree (5 or above).
func ExampleCESTally_Counts() {
	tally, err := outcome.TallyCES(outcome.StandardCESScale(), []int{7, 5, 6, 2, 7, 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := tally.Scale()
	var points []string
	for i, n := range tally.Counts() {
		points = append(points, fmt.Sprintf("%d:%d", s.Scale().Min()+i, n))
	}
	fmt.Println(strings.Join(points, " "))
	fmt.Println(tally.Agreeing(), "of", tally.Responses(), "agree; standard scale:", s.Equal(outcome.StandardCESScale()))
	fmt.Println("this tally is zero:", tally.IsZero(), "| a new one is:", outcome.NewCESTally(outcome.StandardCESScale()).IsZero())
	// Output:
	// 1:0 2:1 3:0 4:0 5:2 6:1 7:2
	// 5 of 6 agree; standard scale: true
	// this tally is zero: false | a new one is: true
}

// The bands say which answers make a detractor, a passive and a promoter:
// on the standard 0-10 scale 0 to 6, 7 to 8 and 9 to 10. A dealer that asks
// on 1 to 10 keeps the same upper bands and starts its detractors at 1.
func ExampleNPSBands_Detractors() {
	dealer := outcome.MustNPSBands(outcome.MustScale(1, 10),
		outcome.Band{Low: 1, High: 6}, outcome.Band{Low: 7, High: 8}, outcome.Band{Low: 9, High: 10})
	for _, b := range []outcome.NPSBands{outcome.StandardNPSBands(), dealer} {
		fmt.Printf("%s: detractors %s, passives %s, promoters %s\n", b.Scale(), b.Detractors(), b.Passives(), b.Promoters())
	}
	// Output:
	// 0..10: detractors 0..6, passives 7..8, promoters 9..10
	// 1..10: detractors 1..6, passives 7..8, promoters 9..10
}

// A score's statistics need enough answers, and some spread among them.
// One answer has no standard error; a dealer whose 12 buyers were all
// promoters scores 100 but cannot be tested against a target, as its
// standard error is 0; a dealer nobody answered for has no score at all;
// and a confidence of 95 is a percentage where a level was meant.
func ExampleNPSTally_TestAgainst_errors() {
	one, _ := outcome.TallyNPS(outcome.StandardNPSBands(), []int{9})
	_, err := one.StandardError()
	fmt.Println("one answer, standard error: too-few-responses:", errors.Is(err, outcome.ErrTooFewResponses))

	allPromoters, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 12, 0, 0)
	nps, _ := allPromoters.Score(0, outcome.RoundHalfEven)
	_, err = allPromoters.TestAgainst(50, 0.95)
	fmt.Println("12 promoters score", nps, "| tested against 50: zero-variance:", errors.Is(err, outcome.ErrZeroVariance))

	_, err = outcome.NewNPSTally(outcome.StandardNPSBands()).Score(0, outcome.RoundHalfEven)
	fmt.Println("no answers, score: no-data:", errors.Is(err, outcome.ErrNoData))

	mixed, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 6, 4, 2)
	_, err = mixed.TestAgainst(50, 95)
	fmt.Println("confidence 95: invalid-confidence:", errors.Is(err, outcome.ErrInvalidConfidence))
	fmt.Println(" ", err)
	// Output:
	// one answer, standard error: too-few-responses: true
	// 12 promoters score 100 | tested against 50: zero-variance: true
	// no answers, score: no-data: true
	// confidence 95: invalid-confidence: true
	//   outcome: confidence level 95 is not strictly between 0 and 1 (0.95 for 95%)
}
