package northstar

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// TestJSON_decimalSettingIgnored: every JSON form of the package writes its
// decimals as strings, written as decimal's String writes them by default, so
// the bytes do not depend on decimal's package-level MarshalJSONWithoutQuotes,
// TrimTrailingZeros or UseScientificNotation. It changes those settings, so it
// must not run in parallel with other tests.
func TestJSON_decimalSettingIgnored(t *testing.T) {
	spec := guestsSpec()
	pol := DefaultPolicy()
	pol.Weights.Coverage = dec("0.35")
	pol.Weights.Lead = dec("0.25")
	withHierarchy, err := Select(centreInput())
	require.NoError(t, err)
	require.NotEmpty(t, withHierarchy.InputMetrics)
	withEvidence, err := Select(leadInput())
	require.NoError(t, err)
	leads, ok := withEvidence.Find("nights-booked")
	require.True(t, ok)
	require.NotEmpty(t, leads.Evidence)
	spec60 := guestsSpec()
	spec60.Weight = dec("0.60")
	forms := map[string]any{
		"canvas":          MustCanvas(spec),
		"canvas spec":     spec,
		"zero spec":       CanvasSpec{},
		"need":            spec.Needs[0],
		"outcome":         spec.Outcomes[0],
		"indicator":       spec.Outcomes[0].Indicators[0],
		"zero indicator":  Indicator{},
		"default policy":  DefaultPolicy(),
		"policy":          pol,
		"weights":         pol.Weights,
		"zero weights":    Weights{},
		"ranking, chart":  withHierarchy,
		"ranking, series": withEvidence,
		"entry":           leads,
		"input metric":    withHierarchy.InputMetrics[0],
		"robustness":      withEvidence.Robustness,
		"lead/lag":        leads.Evidence[0].LeadLag,
		"enums":           []any{Pearson, Leads, Coverage, GateCanvas},
		// Decimals as a caller writes them: 0.60, 3.00, 3·10^1, 0.250 and
		// 2.0 as decimal's String writes them by default.
		"canvas, by hand":    MustCanvas(spec60),
		"spec, by hand":      spec60,
		"indicator, by hand": Indicator{Metric: "nights-booked", Importance: dec("3.00")},
		"weights, by hand":   Weights{Coverage: decimal.New(3, 1), Lead: dec("0.250"), Linkage: dec("2.0"), Ratings: dec("1"), Reach: dec("2")},
	}
	want := map[string][]byte{}
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		want[name] = b
	}
	// The decimals are strings as written: the guests' weight 0.6 and
	// nights booked's importance 3; the policy's weights as set.
	assert.Contains(t, string(want["canvas"]), `"weight":"0.6"`)
	assert.Equal(t, `{"metric":"nights-booked","importance":"3"}`, string(want["indicator"]))
	assert.Equal(t, `{"coverage":"0.35","lead":"0.25","linkage":"2","ratings":"1","reach":"2"}`, string(want["weights"]))
	assert.Contains(t, string(want["ranking, chart"]), `"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"}`)
	assert.Contains(t, string(want["canvas, by hand"]), `"weight":"0.6"`)
	assert.Contains(t, string(want["spec, by hand"]), `"weight":"0.6"`)
	assert.Equal(t, `{"metric":"nights-booked","importance":"3"}`, string(want["indicator, by hand"]))
	assert.Equal(t, `{"coverage":"30","lead":"0.25","linkage":"2","ratings":"1","reach":"2"}`, string(want["weights, by hand"]))

	dectest.FlipSettings(t)
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, string(want[name]), string(b), "%s with decimal's settings flipped", name)
	}
}

// TestLinkJSON: a link says in JSON how it is known, each way through the
// hierarchy under its own name, and decodes back to the same link.
func TestLinkJSON(t *testing.T) {
	l := Link{Outcome: "cost-to-serve", Kind: outcome.Cost, Evidence: true, FedBy: true}
	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"cost-to-serve","kind":"cost","evidence":true,"fedBy":true}`, string(b))
	var back Link
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, l, back)
	b, err = json.Marshal(Link{Outcome: "rev", Kind: outcome.Revenue, Feeds: true})
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"rev","kind":"revenue","feeds":true}`, string(b))
}

// handLeadLag is a lead/lag result written by hand: series of 6 values,
// lags -1 to 1, confidence 0.625, so the per-lag confidence is
// 1 - 0.375/3 = 0.875 (exact in binary). |r| is 0.8 at lags 0 and 1: a tie,
// which the smaller |lag| wins, so lag 0 (6 pairs) is the strongest. Its
// Fisher interval: z = atanh(-0.8) = -ln 3 (since (1-0.8)/(1+0.8) = 1/9),
// se = 1/sqrt(6-3), z* = sqrt(2)·erfinv(0.875) = 1.5341205443525463 (the
// normal quantile at 0.9375), half = z*/sqrt(3) = 0.8857249092512778, and
// tanh(-ln 3 ∓ half) = (e^(∓2·half) - 9)/(e^(∓2·half) + 9), with e^(2·half)
// = 5.879371206384344: (0.17008623 - 9)/(0.17008623 + 9) = -0.9629041184925606
// and (5.879371206384344 - 9)/(5.879371206384344 + 9) = -0.2097285396224726
// (each end to the nearest float64, worked to 40 digits apart from the
// package). It leaves out zero, so the verdict is coincident. The package
// computes the upper end as -0.20972853962247281, 2.2·10^-16 away (eight
// units in its last place: z + half = -0.213 cancels, keeping the rounding
// of numbers near 1): it reads back, within the tolerance of 10^-12.
const handLeadLag = `{"method":"pearson","len":6,"maxLag":1,"confidence":0.625,"perLagConfidence":0.875,
 "correlations":[{"lag":-1,"r":0.25,"pairs":5},{"lag":0,"r":-0.8,"pairs":6},{"lag":1,"r":0.8,"pairs":5}],
 "best":{"lag":0,"r":-0.8,"pairs":6},"interval":[-0.9629041184925606,-0.2097285396224726],"verdict":"coincident"}`

func TestLeadLagJSON(t *testing.T) {
	var l LeadLag
	require.NoError(t, json.Unmarshal([]byte(handLeadLag), &l))
	assert.Equal(t, Pearson, l.Method())
	assert.Equal(t, 6, l.Len())
	assert.Equal(t, 1, l.MaxLag())
	assert.Equal(t, 0.625, l.Confidence())
	assert.Equal(t, 0.875, l.PerLagConfidence())
	assert.Equal(t, []float64{0.25, -0.8, 0.8}, correlations(l))
	assert.Equal(t, Correlation{Lag: 0, R: -0.8, Pairs: 6}, l.Best())
	low, high := l.Interval()
	assert.Equal(t, [2]float64{-0.9629041184925606, -0.2097285396224726}, [2]float64{low, high})
	assert.Equal(t, Coincident, l.Verdict())
	out, err := json.Marshal(l)
	require.NoError(t, err)
	assert.JSONEq(t, handLeadLag, string(out))

	// Analyses read back equal to what was written: the hand-worked one
	// (no evidence, best at lag 1); a Spearman one, whose rank correlations
	// are 0.6, 0.8 and 0.8 at lags -1, 0 and 1 (Σd² = 4, 4 and 2 over 4, 5
	// and 4 pairs), a tie lag 0 wins, significant at 50% (per lag 1 - 0.5/3,
	// z* = 1.383, so atanh 0.8 = 1.099 less 1.383·sqrt(1.06/2) = 1.007 is
	// above zero); and one that leads.
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 6}
	nb := []float64{3, 5, 4, 6, 5, 8, 7, 9, 8, 10, 9, 12}
	rev := append([]float64{4}, nb[:11]...) // nights booked a month later
	for _, tt := range []struct {
		name    string
		x, y    []float64
		opts    LagOptions
		verdict Verdict
	}{
		{"hand-worked", x, y, LagOptions{MaxLag: 1}, NoEvidence},
		{"spearman", x, y, LagOptions{MaxLag: 1, Method: Spearman, Confidence: 0.5}, Coincident},
		{"leads", nb, rev, LagOptions{MaxLag: 2}, Leads},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AnalyzeLeadLag(tt.x, tt.y, tt.opts)
			require.NoError(t, err)
			require.Equal(t, tt.verdict, l.Verdict())
			out, err := json.Marshal(l)
			require.NoError(t, err)
			var back LeadLag
			require.NoError(t, json.Unmarshal(out, &back))
			assert.True(t, l.Equal(back), "%s\n%v", out, back)
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again))
		})
	}

	// An end within 10^-12 of the Fisher interval's reads back as written;
	// see TestLeadLagJSONErrors for one 2·10^-12 off.
	near := strings.Replace(handLeadLag, `-0.2097285396224726]`, `-0.2097285396219726]`, 1)
	require.NotEqual(t, handLeadLag, near)
	var l3 LeadLag
	require.NoError(t, json.Unmarshal([]byte(near), &l3))
	_, high = l3.Interval()
	assert.Equal(t, -0.2097285396219726, high)

	// null, as a zero LeadLag is written, reads back as the zero LeadLag.
	l2 := l
	require.NoError(t, json.Unmarshal([]byte(" null "), &l2))
	assert.True(t, l2.IsZero())
	var ev Evidence
	require.NoError(t, json.Unmarshal([]byte(`{"outcome":"revenue","kind":"revenue","leadLag":null,"aligned":0,"strength":0}`), &ev))
	assert.True(t, ev.LeadLag.IsZero())
}

func TestLeadLagJSONErrors(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(handLeadLag, old) {
			panic(old)
		}
		return strings.Replace(handLeadLag, old, new, 1)
	}
	tests := []struct {
		name string
		in   string
		want []outcome.Code
		msg  string // the first problem's
	}{
		{"unknown method", edit(`"pearson"`, `"kendall"`), []outcome.Code{ErrUnknownMethod},
			`northstar: unknown correlation method "kendall"`},
		{"no method", edit(`"method":"pearson",`, ``), []outcome.Code{ErrUnknownMethod}, ""},
		{"unknown verdict", edit(`"coincident"`, `"maybe"`), []outcome.Code{ErrUnknownVerdict}, ""},
		{"negative lag", edit(`"maxLag":1`, `"maxLag":-1`), []outcome.Code{ErrInvalidLag},
			"northstar: lead/lag result: maximum lag -1 is negative"},
		{"confidence 1", edit(`"confidence":0.625`, `"confidence":1`), []outcome.Code{ErrInvalidConfidence},
			"northstar: lead/lag result: confidence level 1 is not strictly between 0 and 1"},
		// 4 values leave 3 pairs at lag 1, fewer than MinPairs; the pair
		// counts (5, 6, 5) are then not 4 - |lag| either.
		{"too short", edit(`"len":6`, `"len":4`), []outcome.Code{ErrSeriesTooShort, ErrInvalidLeadLag},
			"northstar: lead/lag result: series of 4 values are too short for lags up to 1: at least 5 values are needed"},
		// The most negative length: n - maxLag would wrap round to a large
		// length, and the pair counts with it.
		{"most negative length", edit(`"len":6`, `"len":-9223372036854775808`), []outcome.Code{ErrSeriesTooShort, ErrInvalidLeadLag},
			"northstar: lead/lag result: series of -9223372036854775808 values are too short for lags up to 1: at least 5 values are needed"},
		{"a lag missing", edit(`,{"lag":1,"r":0.8,"pairs":5}`, ``), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: 2 correlations for lags up to 1, where 3 (one at each lag from -1 to 1) are expected"},
		{"lags out of order", edit(`"lag":-1,`, `"lag":1,`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: correlation 1 of 3 is r = 0.25 from 5 pairs at lag 1, where lag -1 from 5 pairs and r from -1 to 1 are expected"},
		{"r beyond 1", edit(`"r":0.25`, `"r":1.25`), []outcome.Code{ErrInvalidLeadLag}, ""},
		{"wrong pairs", edit(`"r":0.25,"pairs":5`, `"r":0.25,"pairs":6`), []outcome.Code{ErrInvalidLeadLag}, ""},
		// Lag 1 ties lag 0 on |r|, and the smaller |lag| wins the tie.
		{"best not the strongest", edit(`"best":{"lag":0,"r":-0.8,"pairs":6}`, `"best":{"lag":1,"r":0.8,"pairs":5}`),
			[]outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: best correlation is r = 0.8 from 5 pairs at lag 1, where the strongest is r = -0.8 from 6 pairs at lag 0"},
		{"per-lag confidence", edit(`0.875`, `0.95`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: per-lag confidence 0.95, where 1 - (1-0.625)/3 = 0.875 is expected"},
		// A malformed interval is not compared with the Fisher one; the
		// verdict is checked against the Fisher one, and agrees.
		{"interval reversed", edit(`[-0.9629041184925606,-0.2097285396224726]`, `[-0.2097285396224726,-0.9629041184925606]`),
			[]outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval -0.2097285396224726 to -0.9629041184925606 is not in order within -1 to 1"},
		{"interval beyond -1", edit(`[-0.9629041184925606,`, `[-1.5,`), []outcome.Code{ErrInvalidLeadLag}, ""},
		// An interval is two numbers: encoding/json would decode three into
		// a [2]float64 by dropping the third, one by making up a 0, and an
		// absent or null one as 0 to 0; null is a value of the wrong type.
		// The verdict is then checked against the Fisher interval, and
		// agrees.
		{"interval of three numbers", edit(`-0.2097285396224726]`, `-0.2097285396224726,0.5]`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval of 3 numbers, where two (its low and high ends) are expected"},
		{"interval of one number", edit(`[-0.9629041184925606,-0.2097285396224726]`, `[-0.9629041184925606]`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval of 1 number, where two (its low and high ends) are expected"},
		{"interval empty", edit(`[-0.9629041184925606,-0.2097285396224726]`, `[]`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval of 0 numbers, where two (its low and high ends) are expected"},
		{"interval null", edit(`[-0.9629041184925606,-0.2097285396224726]`, `null`), []outcome.Code{outcome.ErrInvalidJSON},
			`northstar: lead/lag result: invalid JSON: "interval" must be an array, not null`},
		{"interval absent", edit(`"interval":[-0.9629041184925606,-0.2097285396224726],`, ``), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval of 0 numbers, where two (its low and high ends) are expected"},
		{"interval's end a string", edit(`-0.2097285396224726]`, `"-0.2097285396224726"]`), []outcome.Code{outcome.ErrInvalidJSON},
			`northstar: lead/lag result: invalid JSON: "interval[1]" must be a number, not the string "-0.2097285396224726"`},
		// A correlation that cannot be read leaves the correlations
		// unchecked, and the best, which is compared with them (read as 0,
		// r at lag 0 would make lag 1 the strongest).
		{"a correlation's r a string", edit(`"r":-0.8,"pairs":6},{"lag":1`, `"r":"x","pairs":6},{"lag":1`), []outcome.Code{outcome.ErrInvalidJSON},
			`northstar: lead/lag result: invalid JSON: "correlations[1].r" must be a number, not the string "x"`},
		// The strongest lag is 0, so a significant interval is coincident.
		{"verdict", edit(`"coincident"`, `"leads"`), []outcome.Code{ErrInvalidLeadLag},
			`northstar: lead/lag result: verdict "leads", where the interval -0.9629041184925606 to -0.2097285396224726 at lag 0 gives "coincident"`},
		{"no evidence", edit(`"coincident"`, `"no-evidence"`), []outcome.Code{ErrInvalidLeadLag},
			`northstar: lead/lag result: verdict "no evidence", where the interval -0.9629041184925606 to -0.2097285396224726 at lag 0 gives "coincident"`},
		// An interval that is not the Fisher one, even in order and with a
		// verdict that agrees with it: one that holds zero (no evidence),
		// and one that leaves out its own r. The verdict is then checked
		// against the Fisher interval, which leaves out zero.
		{"interval holding zero", edit(`[-0.9629041184925606,-0.2097285396224726],"verdict":"coincident"`, `[-0.75,0.125],"verdict":"no-evidence"`),
			[]outcome.Code{ErrInvalidLeadLag, ErrInvalidLeadLag},
			"northstar: lead/lag result: interval -0.75 to 0.125, where the Fisher interval of r = -0.8 from 6 pairs (Pearson) at per-lag confidence 0.875 is "},
		{"interval without r", edit(`[-0.9629041184925606,-0.2097285396224726]`, `[-0.75,-0.125]`),
			[]outcome.Code{ErrInvalidLeadLag}, ""},
		// An end 2·10^-12 off, beyond the tolerance of 10^-12.
		{"interval off in the 12th place", edit(`-0.2097285396224726]`, `-0.2097285396244726]`),
			[]outcome.Code{ErrInvalidLeadLag}, ""},
		// The same r from the same pairs by Spearman has an interval wider by
		// sqrt(1.06) in z: -ln 3 ∓ 0.8857249·1.0295630, whose tanh is
		// -0.9647634691280567 to -0.18456315433198686 (worked as above).
		{"method changed", edit(`"pearson"`, `"spearman"`), []outcome.Code{ErrInvalidLeadLag},
			"northstar: lead/lag result: interval -0.9629041184925606 to -0.2097285396224726, where the Fisher interval of r = -0.8 from 6 pairs (Spearman) at per-lag confidence 0.875 is "},
		{"every problem", edit(`"method":"pearson","len":6,"maxLag":1,"confidence":0.625`, `"method":"x","len":6,"maxLag":1,"confidence":0`),
			[]outcome.Code{ErrUnknownMethod, ErrInvalidConfidence}, ""},
		// "len" left out is 0: too short, and the pairs are not 0 - |lag|.
		{"unknown field", edit(`"len"`, `"length"`), []outcome.Code{outcome.ErrInvalidJSON, ErrSeriesTooShort, ErrInvalidLeadLag},
			`northstar: lead/lag result: invalid JSON: unknown field "length"`},
		{"wrong type", edit(`"len":6`, `"len":"6"`), []outcome.Code{outcome.ErrInvalidJSON},
			`northstar: lead/lag result: invalid JSON: "len" must be an integer, not the string "6"`},
		{"trailing data", handLeadLag + "{}", []outcome.Code{outcome.ErrInvalidJSON}, ""},
	}
	// The messages that give the recomputed Fisher interval end with it,
	// computed in float64, whose last bits are not pinned: each end is
	// checked to 10^-15 against the hand-worked one.
	fisher := map[string][2]float64{
		"interval holding zero": {-0.9629041184925606, -0.2097285396224726},
		"method changed":        {-0.9647634691280567, -0.18456315433198686},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := []float64{1, 2, 3, 4, 5}
			y := []float64{2, 1, 4, 3, 6}
			l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1})
			require.NoError(t, err)
			err = l.UnmarshalJSON([]byte(tt.in))
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.want), "%v", err)
			for i, p := range probs {
				assert.ErrorIs(t, p, tt.want[i])
			}
			if ends, ok := fisher[tt.name]; ok {
				rest, found := strings.CutPrefix(probs[0].Message, tt.msg)
				require.True(t, found, "%q", probs[0].Message)
				var low, high float64
				_, err := fmt.Sscanf(rest, "%g to %g", &low, &high)
				require.NoError(t, err, "%q", rest)
				assert.InDelta(t, ends[0], low, 1e-15)
				assert.InDelta(t, ends[1], high, 1e-15)
			} else if tt.msg != "" {
				assert.Equal(t, tt.msg, probs[0].Message)
			}
			want, _ := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1})
			assert.True(t, want.Equal(l), "a failed decode leaves l unchanged")
		})
	}
}

// TestLeadLagJSON_everyProblem: a lead/lag result is read member by member,
// so every problem is reported, as a canvas's and a policy's are: first
// those of its form, in the order of its fields whatever the order of the
// members (a field given again right after it, here with the same value,
// so that the one read is the same either way; the unknown keys last,
// sorted), then those of the parts that were read, in their order. Before,
// only the first was reported. The method (5), the correlations (one of
// whose r is "x") and the interval (one end null) are not read, so the
// method, the correlations, the best and the interval are not checked;
// the maximum lag -1 and the confidence 1e-400, said as written, are
// refused. Worked out by hand from the documented order.
func TestLeadLagJSON_everyProblem(t *testing.T) {
	in := strings.NewReplacer(`"method":"pearson"`, `"alpha":2,"method":5`, `"len":6`, `"len":6,"len":6`, `"maxLag":1`, `"maxLag":-1`,
		`"confidence":0.625`, `"confidence":1e-400`, `{"lag":0,"r":-0.8,"pairs":6},{"lag":1`, `{"lag":0,"r":"x","pairs":6},{"lag":1`,
		`-0.2097285396224726]`, `null],"zeta":1`).Replace(handLeadLag)
	const at = "northstar: lead/lag result: "
	want := []formProblem{
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: "method" must be a string, not the number 5`},
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: duplicate object key "len"`},
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: "correlations[1].r" must be a number, not the string "x"`},
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: "interval[1]" must be a number, not null`},
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: unknown field "alpha"`},
		{outcome.ErrInvalidJSON, nil, at + `invalid JSON: unknown field "zeta"`},
		{ErrInvalidLag, nil, at + "maximum lag -1 is negative"},
		{ErrInvalidConfidence, nil, at + "confidence level 1e-400 is not strictly between 0 and 1: it is too small to hold, and reads as 0"},
	}
	for _, data := range []string{in, string(spoil.Reversed([]byte(in)))} {
		l := MustLeadLag(t)
		assert.Equal(t, want, formProblems(l.UnmarshalJSON([]byte(data))), data)
	}

	// With every part read, each of the parts' problems: the verdict names
	// none, and the confidence -1e-400 (-0) is not between 0 and 1, so the
	// per-lag confidence and the Fisher interval are not checked.
	in = strings.NewReplacer(`"verdict":"coincident"`, `"verdict":"maybe"`, `"confidence":0.625`, `"confidence":-1e-400`).Replace(handLeadLag)
	l := MustLeadLag(t)
	assert.Equal(t, []formProblem{
		{ErrUnknownVerdict, nil, `northstar: unknown lead/lag verdict "maybe"`},
		{ErrInvalidConfidence, nil, at + "confidence level -1e-400 is not strictly between 0 and 1"},
	}, formProblems(l.UnmarshalJSON([]byte(in))))

	// A subnormal confidence, 5e-324, is below the smallest normal float64,
	// as AnalyzeLeadLag says it; 1e-400, which reads as 0, is not between 0
	// and 1, in outcome's words.
	for conf, want := range map[string]string{
		"5e-324": "confidence level 5e-324 is below 2.2250738585072014e-308, the smallest positive number held to full precision",
		"1e-400": "confidence level 1e-400 is not strictly between 0 and 1: it is too small to hold, and reads as 0",
	} {
		in = strings.NewReplacer(`"confidence":0.625`, `"confidence":`+conf).Replace(handLeadLag)
		l = MustLeadLag(t)
		assert.Equal(t, []formProblem{{ErrInvalidConfidence, nil, at + want}}, formProblems(l.UnmarshalJSON([]byte(in))), conf)
	}
}

// TestLeadLagJSON_perLagAndCountAlone: the per-lag confidence needs only
// the confidence level and the maximum lag, and the correlations' count only
// the maximum lag, so each is checked whatever else cannot be read or is
// wrong, where both were checked only once the length and every
// correlation were read and counted right. handLeadLag's per-lag confidence
// is 1 - (1-0.625)/3 = 0.875; here it is 0.95.
func TestLeadLagJSON_perLagAndCountAlone(t *testing.T) {
	const at = "northstar: lead/lag result: "
	perLag := formProblem{ErrInvalidLeadLag, nil, at + "per-lag confidence 0.95, where 1 - (1-0.625)/3 = 0.875 is expected"}
	tests := []struct {
		name string
		old  []string // replaced in handLeadLag, each by the one after it
		want []formProblem
	}{
		// The length unread, a lag missing: 2 correlations for maxLag 1.
		{"length unread, a lag missing", []string{`"len":6`, `"len":"6"`, `,{"lag":1,"r":0.8,"pairs":5}`, ``},
			[]formProblem{
				{outcome.ErrInvalidJSON, nil, at + `invalid JSON: "len" must be an integer, not the string "6"`},
				{ErrInvalidLeadLag, nil, at + "2 correlations for lags up to 1, where 3 (one at each lag from -1 to 1) are expected"},
				perLag,
			}},
		{"a correlation unread", []string{`"r":0.25`, `"r":"x"`},
			[]formProblem{
				{outcome.ErrInvalidJSON, nil, at + `invalid JSON: "correlations[0].r" must be a number, not the string "x"`},
				perLag,
			}},
		{"a lag missing", []string{`,{"lag":1,"r":0.8,"pairs":5}`, ``},
			[]formProblem{
				{ErrInvalidLeadLag, nil, at + "2 correlations for lags up to 1, where 3 (one at each lag from -1 to 1) are expected"},
				perLag,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.NewReplacer(append(tt.old, `"perLagConfidence":0.875`, `"perLagConfidence":0.95`)...).Replace(handLeadLag)
			l := MustLeadLag(t)
			assert.Equal(t, tt.want, formProblems(l.UnmarshalJSON([]byte(in))))
		})
	}
}

// TestLeadLagJSON_tooSmall: a correlation, the per-lag confidence or an
// end of the interval written too small for a float64 (1e-400, which
// encoding/json reads as 0) is a problem of the form, not 0; the same
// written 0 reads. The lag-(-1) correlation 0.25 and the per-lag confidence
// are replaced, so each is refused at its path, and with them unread the
// correlations and the per-lag confidence are not checked; the interval's
// first end too.
func TestLeadLagJSON_tooSmall(t *testing.T) {
	in := strings.NewReplacer(`"r":0.25`, `"r":1e-400`, `"perLagConfidence":0.875`, `"perLagConfidence":-1E-400`,
		`[-0.9629041184925606,`, `[1e-999,`).Replace(handLeadLag)
	const want = ` must be 0 or a number from 5e-324 to 1.7976931348623157e+308 in magnitude, not the number `
	const at = "northstar: lead/lag result: invalid JSON: "
	l := MustLeadLag(t)
	assert.Equal(t, []formProblem{
		{outcome.ErrInvalidJSON, nil, at + `"perLagConfidence"` + want + "-1E-400"},
		{outcome.ErrInvalidJSON, nil, at + `"correlations[0].r"` + want + "1e-400"},
		{outcome.ErrInvalidJSON, nil, at + `"interval[0]"` + want + "1e-999"},
	}, formProblems(l.UnmarshalJSON([]byte(in))))

	// Written 0, the correlation is read: the correlations are then
	// checked, and 0 is a correlation at lag -1 that is not the best.
	var ok LeadLag
	require.NoError(t, ok.UnmarshalJSON([]byte(strings.Replace(handLeadLag, `"r":0.25`, `"r":0`, 1))))
	for c := range ok.Correlations() {
		assert.Equal(t, Correlation{Lag: -1, R: 0, Pairs: 5}, c, "the first correlation, lag -1")
		break
	}
}

// MustLeadLag returns a LeadLag to decode into: that of two short series,
// which a failed decode leaves as it is.
func MustLeadLag(t *testing.T) LeadLag {
	t.Helper()
	l, err := AnalyzeLeadLag([]float64{1, 2, 3, 4, 5}, []float64{2, 1, 4, 3, 6}, LagOptions{MaxLag: 1})
	require.NoError(t, err)
	return l
}

// TestRankingJSONRoundTrip: a stored ranking reads back whole, with every
// part of it: lead/lag evidence and links (leadInput), gates failed, links,
// nodes and input metrics from a hierarchy (centreInput), and a canvas's
// warnings (a need that is not SMART).
func TestRankingJSONRoundTrip(t *testing.T) {
	centre := centreInput()
	spec := centre.Canvases[0].Spec()
	spec.Needs[0].TimeBound = ""
	centre.Canvases[0] = MustCanvas(spec)
	for name, in := range map[string]Input{"evidence": leadInput(), "hierarchy": centre} {
		t.Run(name, func(t *testing.T) {
			r, err := Select(in)
			require.NoError(t, err)
			out, err := json.Marshal(r)
			require.NoError(t, err)
			var back Ranking
			require.NoError(t, json.Unmarshal(out, &back))
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again))
			require.Len(t, back.Entries, len(r.Entries))
			for i, e := range r.Entries {
				require.Len(t, back.Entries[i].Evidence, len(e.Evidence))
				for j, ev := range e.Evidence {
					assert.True(t, ev.LeadLag.Equal(back.Entries[i].Evidence[j].LeadLag), "%s: evidence %d", e.Metric.ID(), j)
				}
			}
			assert.True(t, r.Policy.Equal(back.Policy))
		})
	}
	r, err := Select(leadInput())
	require.NoError(t, err)
	nb, _ := r.Find("nights-booked")
	require.Len(t, nb.Evidence, 1)
	require.Equal(t, Leads, nb.Evidence[0].LeadLag.Verdict(), "the evidence examined is a lead")
	r, err = Select(centre)
	require.NoError(t, err)
	require.NotEmpty(t, r.InputMetrics)
	require.NotEmpty(t, r.Warnings)
	failed := false
	for _, e := range r.Entries {
		failed = failed || len(e.Failed) > 0
	}
	require.True(t, failed, "some candidate fails a gate")
}

// TestJSON_decodeIgnoresMaxDecodeExponent: the decoders read their weights
// and importances themselves (decfmt), with any number of digits and an
// exponent within ±10000, so what they accept, and what they decode it to,
// do not depend on decimal.MaxDecodeExponent, which decimal.NewFromString
// reads and dectest.FlipSettings sets from 10000 to 10: each input, with
// decimals whose exponents are from 11 to 30 either way, decodes to the
// value worked out by hand (or is refused with the same error) with the
// settings flipped as without. It changes decimal's settings, so it must
// not run in parallel with other tests.
func TestJSON_decodeIgnoresMaxDecodeExponent(t *testing.T) {
	// The guests' canvas with weight 6·10^-11 and nights booked's first
	// importance 3 written with twelve places (exponent -12).
	spec := guestsSpec()
	spec.Weight = decimal.New(6, -11)
	canvasJSON := strings.Replace(strings.Replace(guestsJSON, `"0.6"`, `"6e-11"`, 1), `"importance": "3"}, {"metric": "review-score"`,
		`"importance": "3.000000000000"}, {"metric": "review-score"`, 1)
	require.NotEqual(t, guestsJSON, canvasJSON)
	// Weights from 10^-25 to 2·10^11, all within 10^15 and 30 places.
	weightsJSON := `{"coverage":"3e-12","lead":2e11,"linkage":"2","ratings":"1","reach":"1.0e-25"}`
	weights := Weights{Coverage: decimal.New(3, -12), Lead: decimal.New(2, 11), Linkage: decimal.New(2, 0),
		Ratings: decimal.New(1, 0), Reach: decimal.New(1, -25)}
	pol := DefaultPolicy()
	pol.Weights = weights
	cases := []struct {
		name string
		json string
		into any // a pointer to decode into
		want any // the value, worked by hand; nil: refused
	}{
		{"canvas", canvasJSON, new(Canvas), MustCanvas(spec)},
		{"canvas spec", canvasJSON, new(CanvasSpec), spec},
		{"indicator", `{"metric":"m","importance":7e13}`, new(Indicator), Indicator{Metric: "m", Importance: decimal.New(7, 13)}},
		{"weights", weightsJSON, new(Weights), weights},
		{"policy", `{"weights":` + weightsJSON + `,"leadLag":{"maxLag":3,"method":"pearson","confidence":0.95}}`, new(Policy), pol},
		// 1e-31 has 31 places: out of the package's range either way.
		{"weight too fine", `{"weights":{"coverage":"1e-31","lead":"1"}}`, new(Policy), nil},
		// 1e10001 is beyond what decimal.NewFromString accepted by default.
		{"weight beyond 10000", `{"weights":{"coverage":"1e10001","lead":"1"}}`, new(Policy), nil},
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

// TestLeadLagJSON_intervalEndAtZero: an interval that ends at 0 contains
// it, so its verdict is NoEvidence. The correlation r = tanh(z*·se) from 8
// pairs at 95% (z* = 1.959963984540054, se = 1/sqrt(5)) has a Fisher
// interval from tanh(0) = 0 (up to rounding, well within the 10^-12 the
// decoder allows) to tanh(2·z*·se); stored with its low end written 0, it
// reads with the verdict "no-evidence", and "coincident" is refused.
func TestLeadLagJSON_intervalEndAtZero(t *testing.T) {
	r := math.Tanh(1.959963984540054 / math.Sqrt(5))
	low, high := fisherInterval(r, 8, Pearson, 0.95)
	require.InDelta(t, 0, low, 1e-15)
	require.InDelta(t, math.Tanh(2*1.959963984540054/math.Sqrt(5)), high, 1e-15)
	rs := strconv.FormatFloat(r, 'g', -1, 64)
	in := `{"method":"pearson","len":8,"maxLag":0,"confidence":0.95,"perLagConfidence":0.95,` +
		`"correlations":[{"lag":0,"r":` + rs + `,"pairs":8}],"best":{"lag":0,"r":` + rs + `,"pairs":8},` +
		`"interval":[0,` + strconv.FormatFloat(high, 'g', -1, 64) + `],"verdict":"no-evidence"}`
	var l LeadLag
	require.NoError(t, l.UnmarshalJSON([]byte(in)))
	assert.Equal(t, NoEvidence, l.Verdict())
	err := l.UnmarshalJSON([]byte(strings.Replace(in, `"no-evidence"`, `"coincident"`, 1)))
	assert.Equal(t, []formProblem{{ErrInvalidLeadLag, nil, fmt.Sprintf(
		`northstar: lead/lag result: verdict "coincident", where the interval 0 to %v at lag 0 gives "no evidence"`, high)}}, formProblems(err))
}
