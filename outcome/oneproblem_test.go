package outcome_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// oneProblemCase calls fn, an exported function or method of the package
// ("NewScale", "NPSTally.UnmarshalBinary"), with input that has exactly
// one problem, of code and with ids (none: nil), worked out from the
// function's doc.
type oneProblemCase struct {
	fn   string
	name string
	call func() error
	code outcome.Code
	ids  []string
}

// withUnknownField returns the JSON object v marshals to with the member
// "x":1 added first: one problem of the form, an unknown field.
func withUnknownField(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	require.True(t, len(data) > 2 && data[0] == '{', "%s", data)
	return append([]byte(`{"x":1,`), data[1:]...)
}

// oneProblemCases are the cases of TestOneProblemIsTheError: every exported
// function or method of the package that can refuse its input, each with
// an input that has exactly one problem (some with several, one per way
// to have one).
func oneProblemCases(t *testing.T) []oneProblemCase {
	std := outcome.StandardNPSBands()
	nps := func(p, pa, d int64) outcome.NPSTally {
		v, err := outcome.NPSTallyFromCounts(std, p, pa, d)
		require.NoError(t, err)
		return v
	}
	csat := func(counts ...int64) outcome.CSATTally {
		v, err := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), counts)
		require.NoError(t, err)
		return v
	}
	ces := func(counts ...int64) outcome.CESTally {
		v, err := outcome.CESTallyFromCounts(outcome.StandardCESScale(), counts)
		require.NoError(t, err)
		return v
	}
	half := outcome.MustProportion(1, 2)
	var empty outcome.Proportion
	otherBands := outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	otherCSAT := outcome.MustCSATScale(outcome.MustScale(1, 7), 2)
	otherCES := outcome.MustCESScale(outcome.MustScale(1, 5), 4)
	wilson, err := half.Wilson(0.95)
	require.NoError(t, err)
	test, err := nps(5, 3, 2).TestAgainst(0, 0.95)
	require.NoError(t, err)
	cmp, err := outcome.CompareProportions(half, outcome.MustProportion(3, 4), 0.95)
	require.NoError(t, err)
	full := func() *outcome.FailureDemand {
		var d outcome.FailureDemand
		require.NoError(t, d.AddValue("a", math.MaxInt64))
		return &d
	}
	var one outcome.FailureDemand
	require.NoError(t, one.AddFailure("b", 1))
	unmarshal := func(v json.Unmarshaler, data string) func() error {
		return func() error { return v.UnmarshalJSON([]byte(data)) }
	}
	unhexed := func(v interface{ UnmarshalBinary([]byte) error }, data string) func() error {
		return func() error { return v.UnmarshalBinary(unhex(t, data)) }
	}
	errOf := func(_ any, err error) error { return err }

	return []oneProblemCase{
		// Constructors, validators and parsers.
		{"Audit", "a zero Metric", func() error { return errOf(outcome.Audit([]outcome.Metric{{}}, outcome.AuditOptions{})) },
			outcome.ErrEmptyID, nil},
		{"Audit", "a threshold above 1", func() error {
			return errOf(outcome.Audit(nil, outcome.AuditOptions{}.WithOutputHeavyThreshold(2)))
		}, outcome.ErrInvalidThreshold, nil},
		{"NewCESScale", "agreement at the bottom", func() error { return errOf(outcome.NewCESScale(outcome.MustScale(1, 7), 1)) },
			outcome.ErrInvalidBands, nil},
		{"NewCESScale", "twelve points", func() error { return errOf(outcome.NewCESScale(outcome.MustScale(0, 11), 5)) },
			outcome.ErrInvalidScale, nil},
		{"TallyCES", "an answer of 9", func() error { return errOf(outcome.TallyCES(outcome.StandardCESScale(), []int{9})) },
			outcome.ErrScoreOutOfRange, nil},
		{"CESTallyFromCounts", "one count for seven points", func() error {
			return errOf(outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1}))
		}, outcome.ErrScaleMismatch, nil},
		{"NewCSATScale", "a box of 0", func() error { return errOf(outcome.NewCSATScale(outcome.MustScale(1, 5), 0)) },
			outcome.ErrInvalidBands, nil},
		{"TallyCSAT", "an answer of 9", func() error { return errOf(outcome.TallyCSAT(outcome.StandardCSATScale(), []int{9})) },
			outcome.ErrScoreOutOfRange, nil},
		{"CSATTallyFromCounts", "a negative count", func() error {
			return errOf(outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{-1, 0, 0, 0, 0}))
		}, outcome.ErrInvalidCount, nil},
		{"CSATTallyFromCounts", "an overflow", func() error {
			return errOf(outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{math.MaxInt64, 1, 0, 0, 0}))
		}, outcome.ErrOverflow, nil},
		{"DecodeMetrics", "a metric without a name", func() error {
			return errOf(outcome.DecodeMetrics([]byte(`[{"id":"aht","level":"output","direction":"lower"}]`)))
		}, outcome.ErrEmptyName, []string{"aht"}},
		{"ParseSeverity", "fatal", func() error { return errOf(outcome.ParseSeverity("fatal")) }, outcome.ErrUnknownSeverity, nil},
		{"ParseIntervalMethod", "exact", func() error { return errOf(outcome.ParseIntervalMethod("exact")) },
			outcome.ErrInvalidIntervalMethod, nil},
		{"ParseLevel", "sideways", func() error { return errOf(outcome.ParseLevel("sideways")) }, outcome.ErrUnknownLevel, nil},
		{"ParseDirection", "sideways", func() error { return errOf(outcome.ParseDirection("sideways")) },
			outcome.ErrUnknownDirection, nil},
		{"ParseKind", "luck", func() error { return errOf(outcome.ParseKind("luck")) }, outcome.ErrUnknownKind, nil},
		{"ValidateID", "empty", func() error { return outcome.ValidateID("") }, outcome.ErrEmptyID, nil},
		{"NewMetric", "no name", func() error {
			return errOf(outcome.NewMetric(outcome.MetricSpec{ID: "aht", Level: outcome.Output, Direction: outcome.LowerIsBetter}))
		}, outcome.ErrEmptyName, []string{"aht"}},
		{"ParseNPSGroup", "fans", func() error { return errOf(outcome.ParseNPSGroup("fans")) }, outcome.ErrUnknownNPSGroup, nil},
		{"NewNPSBands", "promoters past the top", func() error {
			return errOf(outcome.NewNPSBands(outcome.MustScale(0, 10),
				outcome.Band{Low: 0, High: 6}, outcome.Band{Low: 7, High: 8}, outcome.Band{Low: 9, High: 11}))
		}, outcome.ErrInvalidBands, nil},
		{"NewNPSBands", "the zero Scale", func() error {
			return errOf(outcome.NewNPSBands(outcome.Scale{},
				outcome.Band{Low: 0, High: 6}, outcome.Band{Low: 7, High: 8}, outcome.Band{Low: 9, High: 10}))
		}, outcome.ErrInvalidScale, nil},
		{"NPSTallyFromCounts", "negative promoters", func() error { return errOf(outcome.NPSTallyFromCounts(std, -1, 0, 0)) },
			outcome.ErrInvalidCount, nil},
		{"TallyNPS", "an answer of 11", func() error { return errOf(outcome.TallyNPS(std, []int{11})) },
			outcome.ErrScoreOutOfRange, nil},
		{"NewProportion", "negative successes", func() error { return errOf(outcome.NewProportion(-1, 5)) },
			outcome.ErrInvalidCount, nil},
		{"NewProportion", "more successes than trials", func() error { return errOf(outcome.NewProportion(3, 2)) },
			outcome.ErrInvalidCount, nil},
		{"CompareProportions", "a confidence of 2", func() error { return errOf(outcome.CompareProportions(half, half, 2)) },
			outcome.ErrInvalidConfidence, nil},
		{"CompareProportions", "an empty proportion", func() error { return errOf(outcome.CompareProportions(half, empty, 0.95)) },
			outcome.ErrNoData, nil},
		{"ParseRounding", "nearest", func() error { return errOf(outcome.ParseRounding("nearest")) },
			outcome.ErrUnknownRounding, nil},
		{"NewScale", "one point", func() error { return errOf(outcome.NewScale(0, 0)) }, outcome.ErrInvalidScale, nil},

		// Audit's options and results.
		{"AuditOptions.MarshalJSON", "a threshold of NaN", func() error {
			return errOf(outcome.AuditOptions{}.WithOutputHeavyThreshold(math.NaN()).MarshalJSON())
		}, outcome.ErrInvalidThreshold, nil},
		{"AuditOptions.UnmarshalJSON", "a threshold of 2", unmarshal(new(outcome.AuditOptions), `{"outputHeavyThreshold":"2"}`),
			outcome.ErrInvalidThreshold, nil},
		{"AuditOptions.UnmarshalJSON", "an unknown field", unmarshal(new(outcome.AuditOptions), `{"x":1}`),
			outcome.ErrInvalidJSON, nil},
		{"Finding.MarshalJSON", "the zero Finding", func() error { return errOf(outcome.Finding{}.MarshalJSON()) },
			outcome.ErrNoData, nil},
		{"Finding.UnmarshalJSON", "any", unmarshal(new(outcome.Finding), `{}`), outcome.ErrResultNotDecodable, nil},
		{"AuditReport.MarshalJSON", "the zero AuditReport", func() error { return errOf(outcome.AuditReport{}.MarshalJSON()) },
			outcome.ErrNoData, nil},
		{"AuditReport.UnmarshalJSON", "any", unmarshal(new(outcome.AuditReport), `{}`), outcome.ErrResultNotDecodable, nil},

		// Binary forms.
		{"Proportion.UnmarshalBinary", "3 of 2", unhexed(new(outcome.Proportion), "10 03 02"), outcome.ErrInvalidCount, nil},
		{"Proportion.UnmarshalBinary", "truncated", unhexed(new(outcome.Proportion), "10 03"), outcome.ErrInvalidBinary, nil},
		// A value-demand row with the blank reason " " and a count of 1.
		{"FailureDemand.UnmarshalBinary", "a blank reason", unhexed(new(outcome.FailureDemand), "11 01 01 20 01 00"),
			outcome.ErrInvalidReason, []string{" "}},
		{"FailureDemand.UnmarshalBinary", "trailing bytes", unhexed(new(outcome.FailureDemand), "11 00 00 00"),
			outcome.ErrInvalidBinary, nil},
		{"NPSTally.UnmarshalBinary", "counts that overflow", unhexed(new(outcome.NPSTally), "12 00 ff ff ff ff ff ff ff ff 7f 01 00"),
			outcome.ErrOverflow, nil},
		// Bottom 1, span 4, passives from offset 2, promoters from 9.
		{"NPSTally.UnmarshalBinary", "an offset past the top", unhexed(new(outcome.NPSTally), "12 01 02 04 02 09 00 00 00"),
			outcome.ErrInvalidBands, nil},
		// Bottom 2^31, span 4, offsets 2 and 3.
		{"NPSTally.UnmarshalBinary", "a bottom beyond int32", unhexed(new(outcome.NPSTally), "12 01 80 80 80 80 10 04 02 03 00 00 00"),
			outcome.ErrInvalidScale, nil},
		{"NPSTally.UnmarshalBinary", "trailing bytes", unhexed(new(outcome.NPSTally), "12 00 01 01 01 00"),
			outcome.ErrInvalidBinary, nil},
		// Four counts on the standard five points.
		{"CSATTally.UnmarshalBinary", "four counts", unhexed(new(outcome.CSATTally), "13 00 04 01 01 01 01"),
			outcome.ErrScaleMismatch, nil},
		// Bottom 1, span 4, a box of 5.
		{"CSATTally.UnmarshalBinary", "a box of 5 on 1..5", unhexed(new(outcome.CSATTally), "13 01 02 04 05 05 00 00 00 00 00"),
			outcome.ErrInvalidBands, nil},
		// Six counts on the standard seven points.
		{"CESTally.UnmarshalBinary", "six counts", unhexed(new(outcome.CESTally), "14 00 06 01 01 01 01 01 01"),
			outcome.ErrScaleMismatch, nil},
		// Bottom 1, span 4, agreement from offset 0 (the bottom).
		{"CESTally.UnmarshalBinary", "agreement at the bottom", unhexed(new(outcome.CESTally), "14 01 02 04 00 05 00 00 00 00 00"),
			outcome.ErrInvalidBands, nil},

		// The CES tally and scale.
		{"CESTally.Add", "an answer of 8", func() error { return errOf(ces(0, 0, 0, 0, 0, 0, 0).Add(8)) }, outcome.ErrScoreOutOfRange, nil},
		{"CESTally.Merge", "another scale", func() error { return errOf(ces(0, 0, 0, 0, 0, 0, 0).Merge(outcome.NewCESTally(otherCES))) },
			outcome.ErrScaleMismatch, nil},
		{"CESTally.Mean", "no answer", func() error { return errOf(outcome.CESTally{}.Mean(1, outcome.RoundHalfEven)) },
			outcome.ErrNoData, nil},
		{"CESTally.Mean", "an invalid rounding", func() error { return errOf(ces(1, 0, 0, 0, 0, 0, 0).Mean(1, 0)) },
			outcome.ErrUnknownRounding, nil},
		{"CESTally.StandardError", "one answer", func() error { return errOf(ces(1, 0, 0, 0, 0, 0, 0).StandardError()) },
			outcome.ErrTooFewResponses, nil},
		{"CESTally.MeanInterval", "a confidence of 0", func() error { return errOf(ces(1, 1, 0, 0, 0, 0, 0).MeanInterval(0)) },
			outcome.ErrInvalidConfidence, nil},
		{"CESTally.AgreeShare", "places 101", func() error { return errOf(ces(1, 0, 0, 0, 0, 0, 0).AgreeShare(101, outcome.RoundHalfEven)) },
			outcome.ErrInvalidPlaces, nil},
		{"CESTally.AgreeInterval", "no answer", func() error { return errOf(outcome.CESTally{}.AgreeInterval(0.95)) },
			outcome.ErrNoData, nil},
		{"CESScale.UnmarshalJSON", "agreement at the bottom", unmarshal(new(outcome.CESScale), `{"min":1,"max":7,"agree":1}`),
			outcome.ErrInvalidBands, nil},
		{"CESTally.UnmarshalJSON", "one count", unmarshal(new(outcome.CESTally), `{"counts":[1]}`), outcome.ErrScaleMismatch, nil},

		// The CSAT tally and scale.
		{"CSATTally.Add", "an answer of 6", func() error { return errOf(csat(0, 0, 0, 0, 0).Add(6)) }, outcome.ErrScoreOutOfRange, nil},
		{"CSATTally.Merge", "another scale", func() error { return errOf(csat(0, 0, 0, 0, 0).Merge(outcome.NewCSATTally(otherCSAT))) },
			outcome.ErrScaleMismatch, nil},
		{"CSATTally.Score", "no answer", func() error { return errOf(outcome.CSATTally{}.Score(0, outcome.RoundHalfEven)) },
			outcome.ErrNoData, nil},
		{"CSATTally.Interval", "one answer", func() error { return errOf(csat(1, 0, 0, 0, 0).Interval(0.95)) },
			outcome.ErrTooFewResponses, nil},
		{"CSATTally.Mean", "places -101", func() error { return errOf(csat(1, 0, 0, 0, 0).Mean(-101, outcome.RoundHalfEven)) },
			outcome.ErrInvalidPlaces, nil},
		{"CSATScale.UnmarshalJSON", "a box of 0", unmarshal(new(outcome.CSATScale), `{"min":1,"max":5,"box":0}`),
			outcome.ErrInvalidBands, nil},
		{"CSATTally.UnmarshalJSON", "a negative count", unmarshal(new(outcome.CSATTally), `{"counts":[0,0,-1,0,0]}`),
			outcome.ErrInvalidCount, nil},

		// Enums as text, metrics and problems as JSON.
		{"Level.MarshalText", "Level(9)", func() error { return errOf(outcome.Level(9).MarshalText()) }, outcome.ErrUnknownLevel, nil},
		{"Level.UnmarshalText", "sideways", func() error { return new(outcome.Level).UnmarshalText([]byte("sideways")) },
			outcome.ErrUnknownLevel, nil},
		{"Direction.MarshalText", "the zero Direction", func() error { return errOf(outcome.Direction(0).MarshalText()) },
			outcome.ErrUnknownDirection, nil},
		{"Direction.UnmarshalText", "sideways", func() error { return new(outcome.Direction).UnmarshalText([]byte("sideways")) },
			outcome.ErrUnknownDirection, nil},
		{"Kind.MarshalText", "Kind(9)", func() error { return errOf(outcome.Kind(9).MarshalText()) }, outcome.ErrUnknownKind, nil},
		{"Kind.UnmarshalText", "luck", func() error { return new(outcome.Kind).UnmarshalText([]byte("luck")) },
			outcome.ErrUnknownKind, nil},
		{"Severity.MarshalText", "the zero Severity", func() error { return errOf(outcome.Severity(0).MarshalText()) },
			outcome.ErrUnknownSeverity, nil},
		{"Severity.UnmarshalText", "fatal", func() error { return new(outcome.Severity).UnmarshalText([]byte("fatal")) },
			outcome.ErrUnknownSeverity, nil},
		{"Metric.MarshalJSON", "the zero Metric", func() error { return errOf(outcome.Metric{}.MarshalJSON()) },
			outcome.ErrEmptyID, nil},
		{"MetricSpec.MarshalJSON", "Level(9)", func() error {
			return errOf(outcome.MetricSpec{ID: "aht", Level: 9}.MarshalJSON())
		}, outcome.ErrUnknownLevel, nil},
		{"MetricSpec.MarshalJSON", "a name that is not UTF-8", func() error {
			return errOf(outcome.MetricSpec{ID: "aht", Name: "\xff"}.MarshalJSON())
		}, outcome.ErrInvalidText, []string{"aht"}},
		{"Metric.UnmarshalJSON", "no name", unmarshal(new(outcome.Metric), `{"id":"aht","level":"output","direction":"lower"}`),
			outcome.ErrEmptyName, []string{"aht"}},
		{"Metric.UnmarshalJSON", "null", unmarshal(new(outcome.Metric), `null`), outcome.ErrInvalidJSON, nil},
		{"MetricSpec.UnmarshalJSON", "an unknown level", unmarshal(new(outcome.MetricSpec), `{"id":"aht","level":"sideways"}`),
			outcome.ErrUnknownLevel, []string{"aht"}},
		{"MetricSpec.UnmarshalJSON", "a name that is a number", unmarshal(new(outcome.MetricSpec), `{"id":"aht","name":3}`),
			outcome.ErrInvalidJSON, []string{"aht"}},
		{"Error.UnmarshalJSON", "an unknown severity", unmarshal(new(outcome.Error), `{"code":"x","severity":"fatal","message":"m"}`),
			outcome.ErrUnknownSeverity, nil},

		// Failure demand.
		{"FailureDemand.Add", "a reason with a space around it", func() error { return new(outcome.FailureDemand).Add(" x", true, 1) },
			outcome.ErrInvalidReason, []string{" x"}},
		{"FailureDemand.Add", "a negative count", func() error { return new(outcome.FailureDemand).Add("x", true, -1) },
			outcome.ErrInvalidCount, []string{"x"}},
		{"FailureDemand.Add", "an overflow", func() error { return full().Add("a", false, 1) }, outcome.ErrOverflow, []string{"a"}},
		{"FailureDemand.AddValue", "a negative count", func() error { return new(outcome.FailureDemand).AddValue("x", -1) },
			outcome.ErrInvalidCount, []string{"x"}},
		{"FailureDemand.AddFailure", "a blank reason", func() error { return new(outcome.FailureDemand).AddFailure("  ", 1) },
			outcome.ErrInvalidReason, []string{"  "}},
		{"FailureDemand.Merge", "an overflow", func() error { return full().Merge(&one) }, outcome.ErrOverflow, nil},
		{"ReasonCount.UnmarshalJSON", "a negative count", unmarshal(new(outcome.ReasonCount), `{"reason":"a","count":-1,"share":"0"}`),
			outcome.ErrInvalidCount, nil},
		{"ReasonCount.UnmarshalJSON", "no share", unmarshal(new(outcome.ReasonCount), `{"reason":"a","count":1}`),
			outcome.ErrInvalidJSON, nil},
		{"FailureDemand.FailureReasons", "places 19", func() error { return errOf(one.FailureReasons(19)) }, outcome.ErrInvalidPlaces, nil},
		{"FailureDemand.ValueReasons", "places -1", func() error { return errOf(one.ValueReasons(-1)) }, outcome.ErrInvalidPlaces, nil},
		{"FailureDemand.UnmarshalJSON", "a blank reason", unmarshal(new(outcome.FailureDemand), `{"value":[{"reason":" ","count":1}]}`),
			outcome.ErrInvalidReason, []string{" "}},
		{"FailureDemand.UnmarshalJSON", "a zero count", unmarshal(new(outcome.FailureDemand), `{"failure":[{"reason":"a","count":0}]}`),
			outcome.ErrInvalidCount, []string{"a"}},

		// Interval methods, NPS groups, bands and tallies.
		{"IntervalMethod.MarshalText", "IntervalMethod(9)", func() error { return errOf(outcome.IntervalMethod(9).MarshalText()) },
			outcome.ErrInvalidIntervalMethod, nil},
		{"IntervalMethod.UnmarshalText", "exact", func() error { return new(outcome.IntervalMethod).UnmarshalText([]byte("exact")) },
			outcome.ErrInvalidIntervalMethod, nil},
		{"NPSGroup.MarshalText", "the zero NPSGroup", func() error { return errOf(outcome.NPSGroup(0).MarshalText()) },
			outcome.ErrUnknownNPSGroup, nil},
		{"NPSGroup.UnmarshalText", "fans", func() error { return new(outcome.NPSGroup).UnmarshalText([]byte("fans")) },
			outcome.ErrUnknownNPSGroup, nil},
		{"NPSBands.Group", "an answer of 11", func() error { return errOf(std.Group(11)) }, outcome.ErrScoreOutOfRange, nil},
		{"NPSTally.Add", "an answer of -1", func() error { return errOf(outcome.NPSTally{}.Add(-1)) }, outcome.ErrScoreOutOfRange, nil},
		{"NPSTally.Merge", "other bands", func() error { return errOf(outcome.NPSTally{}.Merge(outcome.NewNPSTally(otherBands))) },
			outcome.ErrScaleMismatch, nil},
		{"NPSTally.Fraction", "no answer", func() error { return errOf(outcome.NPSTally{}.Fraction()) }, outcome.ErrNoData, nil},
		{"NPSTally.Score", "no answer", func() error { return errOf(outcome.NPSTally{}.Score(0, outcome.RoundHalfEven)) },
			outcome.ErrNoData, nil},
		{"NPSTally.Score", "an invalid rounding", func() error { return errOf(nps(1, 0, 0).Score(0, 0)) },
			outcome.ErrUnknownRounding, nil},
		{"NPSTally.Variance", "no answer", func() error { return errOf(outcome.NPSTally{}.Variance()) }, outcome.ErrNoData, nil},
		{"NPSTally.StandardError", "one answer", func() error { return errOf(nps(1, 0, 0).StandardError()) },
			outcome.ErrTooFewResponses, nil},
		{"NPSTally.WaldInterval", "a confidence of 1", func() error { return errOf(nps(5, 3, 2).WaldInterval(1)) },
			outcome.ErrInvalidConfidence, nil},
		{"NPSTally.AdjustedWaldInterval", "one answer", func() error { return errOf(nps(1, 0, 0).AdjustedWaldInterval(0.95)) },
			outcome.ErrTooFewResponses, nil},
		{"NPSTally.TestAgainst", "a benchmark of 200", func() error { return errOf(nps(5, 3, 2).TestAgainst(200, 0.95)) },
			outcome.ErrInvalidThreshold, nil},
		{"NPSTally.TestAgainst", "no variance", func() error { return errOf(nps(2, 0, 0).TestAgainst(0, 0.95)) },
			outcome.ErrZeroVariance, nil},
		{"NPSTally.TestDifference", "other bands", func() error {
			o, err := outcome.NPSTallyFromCounts(otherBands, 5, 3, 2)
			require.NoError(t, err)
			return errOf(nps(5, 3, 2).TestDifference(o, 0.95))
		}, outcome.ErrScaleMismatch, nil},
		{"NPSBands.UnmarshalJSON", "promoters past the top", unmarshal(new(outcome.NPSBands),
			`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":11}}`),
			outcome.ErrInvalidBands, nil},
		{"Band.UnmarshalJSON", "a low end that is a string", unmarshal(new(outcome.Band), `{"low":"x","high":1}`),
			outcome.ErrInvalidJSON, nil},
		{"NPSTally.UnmarshalJSON", "negative promoters", unmarshal(new(outcome.NPSTally), `{"promoters":-1}`),
			outcome.ErrInvalidCount, nil},

		// Proportions and results.
		{"Proportion.Merge", "an overflow", func() error {
			return errOf(outcome.MustProportion(0, math.MaxInt64).Merge(outcome.MustProportion(0, 1)))
		}, outcome.ErrOverflow, nil},
		{"Proportion.Fraction", "no trial", func() error { _, _, err := empty.Fraction(); return err }, outcome.ErrNoData, nil},
		{"Proportion.Rate", "no trial", func() error { return errOf(empty.Rate(2, outcome.RoundHalfEven)) }, outcome.ErrNoData, nil},
		{"Proportion.Percent", "places 101", func() error { return errOf(half.Percent(101, outcome.RoundHalfEven)) },
			outcome.ErrInvalidPlaces, nil},
		{"Proportion.StandardError", "no trial", func() error { return errOf(empty.StandardError()) }, outcome.ErrNoData, nil},
		{"Proportion.Wilson", "a confidence of NaN", func() error { return errOf(half.Wilson(math.NaN())) },
			outcome.ErrInvalidConfidence, nil},
		{"Proportion.Wald", "no trial", func() error { return errOf(empty.Wald(0.95)) }, outcome.ErrNoData, nil},
		{"Proportion.Interval", "Newcombe's method", func() error { return errOf(half.Interval(0.95, outcome.IntervalNewcombe)) },
			outcome.ErrInvalidIntervalMethod, nil},
		{"Proportion.UnmarshalJSON", "3 of 2", unmarshal(new(outcome.Proportion), `{"successes":3,"trials":2}`),
			outcome.ErrInvalidCount, nil},
		{"ProportionComparison.UnmarshalJSON", "an unknown field", func() error {
			return new(outcome.ProportionComparison).UnmarshalJSON(withUnknownField(t, cmp))
		}, outcome.ErrInvalidJSON, nil},
		{"Interval.UnmarshalJSON", "an unknown field", func() error {
			return new(outcome.Interval).UnmarshalJSON(withUnknownField(t, wilson))
		}, outcome.ErrInvalidJSON, nil},
		{"Interval.UnmarshalJSON", "bounds the wrong way round", unmarshal(new(outcome.Interval),
			`{"estimate":0.5,"low":0.6,"high":0.7,"confidence":0.95,"method":"wilson"}`), outcome.ErrInvalidResult, nil},
		{"ScoreTest.UnmarshalJSON", "an unknown field", func() error {
			return new(outcome.ScoreTest).UnmarshalJSON(withUnknownField(t, test))
		}, outcome.ErrInvalidJSON, nil},
		{"Classification.UnmarshalJSON", "an unknown field", func() error {
			return new(outcome.Classification).UnmarshalJSON(withUnknownField(t, outcome.Classify("average handle time")))
		}, outcome.ErrInvalidJSON, nil},

		// Rounding and scales.
		{"Rounding.MarshalText", "the zero Rounding", func() error { return errOf(outcome.Rounding(0).MarshalText()) },
			outcome.ErrUnknownRounding, nil},
		{"Rounding.UnmarshalText", "nearest", func() error { return new(outcome.Rounding).UnmarshalText([]byte("nearest")) },
			outcome.ErrUnknownRounding, nil},
		{"Rounding.Round", "places 101", func() error { return errOf(outcome.RoundHalfUp.Round(decimal.New(1, 0), 101)) },
			outcome.ErrInvalidPlaces, nil},
		{"Scale.MarshalJSON", "the zero Scale", func() error { return errOf(outcome.Scale{}.MarshalJSON()) },
			outcome.ErrInvalidScale, nil},
		{"Scale.UnmarshalJSON", "one point", unmarshal(new(outcome.Scale), `{"min":3,"max":3}`), outcome.ErrInvalidScale, nil},
		{"Scale.UnmarshalJSON", "a string bound", unmarshal(new(outcome.Scale), `{"min":"0","max":3}`), outcome.ErrInvalidJSON, nil},
	}
}

// TestOneProblemIsTheError checks the module's convention for a call that
// refuses its input with one problem: the error is that *outcome.Error
// itself (err.(*outcome.Error) works), with its code and IDs, not a joined
// error holding it.
func TestOneProblemIsTheError(t *testing.T) {
	for _, tt := range oneProblemCases(t) {
		t.Run(tt.fn+"/"+tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			p, ok := err.(*outcome.Error)
			require.True(t, ok, "%T, not an *outcome.Error: %v", err, err)
			assert.Equal(t, tt.code, p.Code, "%v", err)
			if tt.ids == nil {
				assert.Empty(t, p.IDs)
			} else {
				assert.Equal(t, tt.ids, p.IDs)
			}
		})
	}
}

// neverRefuse are the exported functions and methods of the package that
// return an error but never refuse their input: the encoders of values
// that are valid by construction, and Error's own methods.
var neverRefuse = []string{
	"Proportion.MarshalBinary", "Proportion.AppendBinary", "FailureDemand.MarshalBinary", "FailureDemand.AppendBinary",
	"NPSTally.MarshalBinary", "NPSTally.AppendBinary", "CSATTally.MarshalBinary", "CSATTally.AppendBinary",
	"CESTally.MarshalBinary", "CESTally.AppendBinary", "CESScale.MarshalJSON", "CESTally.MarshalJSON",
	"CSATScale.MarshalJSON", "CSATTally.MarshalJSON", "ReasonCount.MarshalJSON", "FailureDemand.MarshalJSON",
	"NPSBands.MarshalJSON", "NPSTally.MarshalJSON", "Proportion.MarshalJSON", "Error.Unwrap", "Problems",
}

// TestOneProblemCasesCoverEveryRefusal checks that oneProblemCases has a
// case for every exported function and method of the package with an error
// among its results, but those in neverRefuse, so that a new one is not
// left out.
func TestOneProblemCasesCoverEveryRefusal(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range oneProblemCases(t) {
		covered[c.fn] = true
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var missing, found []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() || fd.Type.Results == nil || !returnsError(fd.Type.Results) {
				continue
			}
			fn := fd.Name.Name
			if fd.Recv != nil {
				typ := fd.Recv.List[0].Type
				if s, ok := typ.(*ast.StarExpr); ok {
					typ = s.X
				}
				id, ok := typ.(*ast.Ident)
				if !ok || !id.IsExported() {
					continue // a method of an unexported type: its exported wrappers are listed
				}
				fn = id.Name + "." + fn
			}
			found = append(found, fn)
			if !covered[fn] && !slices.Contains(neverRefuse, fn) {
				missing = append(missing, fn)
			}
		}
	}
	assert.Empty(t, missing, "exported functions that return an error with no case in oneProblemCases")
	for fn := range covered {
		if !slices.Contains(found, fn) {
			t.Errorf("a case names %s, which is no exported function or method of the package with an error result", fn)
		}
	}
}

// returnsError reports whether the results hold the type error.
func returnsError(results *ast.FieldList) bool {
	for _, r := range results.List {
		if id, ok := r.Type.(*ast.Ident); ok && id.Name == "error" {
			return true
		}
	}
	return false
}

// TestSeveralProblemsAreJoinedFlat checks the other half of the
// convention: two or more problems are one joined error (not an
// *outcome.Error) whose parts are the problems themselves, one level deep,
// in the documented order, with the codes and messages worked out here.
func TestSeveralProblemsAreJoinedFlat(t *testing.T) {
	tests := []struct {
		name  string
		call  func() error
		codes []outcome.Code
		msgs  []string
	}{
		{"NewProportion: both counts negative", func() error { _, err := outcome.NewProportion(-1, -2); return err },
			[]outcome.Code{outcome.ErrInvalidCount, outcome.ErrInvalidCount},
			[]string{"outcome: negative successes -1", "outcome: negative trials -2"}},
		// checkRounding joins the mode's and the places' problems, and the
		// empty proportion's comes after them: three, not a join in a join.
		{"Proportion.Rate: rounding, places and no trial", func() error {
			_, err := outcome.Proportion{}.Rate(101, 0)
			return err
		}, []outcome.Code{outcome.ErrUnknownRounding, outcome.ErrInvalidPlaces, outcome.ErrNoData},
			[]string{"outcome: invalid rounding mode 0; choose one such as RoundHalfEven",
				"outcome: 101 decimal places is outside [-100, 100]",
				"outcome: a proportion of 0 trials has no rate"}},
		// NewScale(5000000000, 0): too few points and a bound outside
		// int32, then the counts' negative passives.
		{"NPSTally.UnmarshalJSON: a scale's two problems and a count's", func() error {
			return new(outcome.NPSTally).UnmarshalJSON([]byte(`{"bands":{"min":5000000000,"max":0,` +
				`"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}},"passives":-3}`))
		}, []outcome.Code{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrInvalidCount},
			[]string{"outcome: scale 5000000000..0 has fewer than two points (its bottom must be below its top)",
				"outcome: scale 5000000000..0 has a bound outside -2147483648..2147483647",
				"outcome: passive count -3 is negative"}},
		// Bottom 2^31, span 256 (two scale problems), passives from 2 and
		// promoters from 3 (no band empty), then counts that overflow.
		{"NPSTally.UnmarshalBinary: a scale's two problems and an overflow", func() error {
			return new(outcome.NPSTally).UnmarshalBinary(unhex(t, "12 01 80 80 80 80 10 80 02 02 03 ff ff ff ff ff ff ff ff 7f 01 00"))
		}, []outcome.Code{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrOverflow},
			[]string{"outcome: scale with its bottom 2147483648 outside -2147483648..2147483647",
				"outcome: scale from 2147483648 with 257 points has more than 256 points",
				"outcome: the NPS response count would overflow: 9223372036854775807 + 1 is past the largest int64"}},
		{"NewMetric: no name and no direction", func() error {
			_, err := outcome.NewMetric(outcome.MetricSpec{ID: "aht", Level: outcome.Output})
			return err
		}, []outcome.Code{outcome.ErrEmptyName, outcome.ErrUnknownDirection},
			[]string{`outcome: metric "aht" has no name`, `outcome: metric "aht" has no valid direction`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			_, one := err.(*outcome.Error)
			assert.False(t, one, "several problems are joined, not one *outcome.Error: %v", err)
			j, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok, "%T is not a joined error", err)
			parts := j.Unwrap()
			require.Len(t, parts, len(tt.codes), "%v", err)
			for i, part := range parts {
				p, ok := part.(*outcome.Error)
				require.True(t, ok, "part %d is %T, not an *outcome.Error: %v", i, part, part)
				assert.Equal(t, tt.codes[i], p.Code, "part %d", i)
				assert.Equal(t, tt.msgs[i], p.Message, "part %d", i)
			}
			assert.Len(t, outcome.Problems(err), len(tt.codes))
		})
	}
}
