package cxtest

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
)

// northStarInput is the northstar package's example: callers with a problem
// (weight 2) and business customers (weight 1); first-contact resolution and
// customer effort are customer outcomes, calls handled and average handle
// time outputs. csat, if asked for, is an outcome no canvas uses.
func northStarInput(extra ...string) northstar.Input {
	canvas := func(id string, weight int64, metrics ...string) northstar.Canvas {
		var inds []northstar.Indicator
		for i := 0; i < len(metrics); i += 2 {
			inds = append(inds, northstar.Indicator{Metric: metrics[i], Importance: dec(metrics[i+1])})
		}
		return northstar.MustCanvas(northstar.CanvasSpec{Category: id, Name: id, Weight: decimal.NewFromInt(weight),
			Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "resolution",
				Target: "85%", TimeBound: "this quarter"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "resolved", Name: "problem resolved", Indicators: inds}}})
	}
	var cands []northstar.Candidate
	lines := append([]string{`
		sco:fcr "First-contact resolution"
		sco:effort "Customer effort" lower
		output:calls-handled "Calls handled"
		output:aht "Average handle time"
	`}, extra...)
	for _, m := range Metrics(lines...) {
		cands = append(cands, northstar.Candidate{Metric: m})
	}
	return northstar.Input{
		Candidates: cands,
		Canvases: []northstar.Canvas{
			canvas("callers", 2, "fcr", "3", "effort", "1", "aht", "1"),
			canvas("business", 1, "fcr", "1", "effort", "1", "calls-handled", "1"),
		},
		Policy: northstar.DefaultPolicy(),
	}
}

func TestAssertNorthStar(t *testing.T) {
	in := northStarInput()
	t.Run("pass", func(t *testing.T) {
		for _, id := range []string{"fcr", "effort", ""} {
			var c captureT
			checkPass(t, &c, AssertNorthStar(&c, in, id))
		}
	})
	t.Run("an output", func(t *testing.T) {
		// aht is an output: it fails the outcome gate, and ranks below both
		// outcomes (it is on a canvas, so it passes the canvas gate).
		var c captureT
		ok := AssertNorthStar(&c, in, "aht", "our North Star")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t\"aht\" (Average handle time, output) cannot be the North Star: it failed 1 of 3 gates\n"+
			"\t         \texpected: an outcome metric that passes every gate (outcome, canvas, lead)\n"+
			"\t         \tactual  : it failed the outcome gate, and ranks 3 of 4\n"+
			"\tGates:   \toutcome: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star\n"+
			"\tMessages:\tour North Star\n")
	})
	t.Run("outside the hierarchy", func(t *testing.T) {
		// With a hierarchy, fcr is a node that reaches the customer, and
		// effort is not in it at all.
		in := northStarInput(`sco:csat "Customer satisfaction"`)
		in.Hierarchy = northstar.FromModel(Hierarchy(
			"task:answer-call -> activity:resolve -> output:calls-handled -> sco:fcr",
			"activity:survey -> sco:csat",
		))
		err := CheckNorthStar(in, "effort")
		require.ErrorIs(t, err, ErrNotNorthStar)
		assert.Equal(t, `cxtest: "effort" (Customer effort, successful customer outcome) cannot be the North Star: `+
			`it failed 1 of 4 gates: hierarchy: it is not in the hierarchy, so nothing connects it to the work of the front line`,
			err.Error())
		assert.NoError(t, CheckNorthStar(in, "fcr"))
		var c captureT
		ok := AssertNorthStar(&c, in, "csat")
		// csat is on no canvas; in the hierarchy, it is a customer outcome
		// (aligned by definition). It ranks last: only fcr passes every
		// gate, and csat, with no customer coverage at all, totals less
		// than the other three that fail one.
		checkFail(t, &c, ok, "\n"+
			"\tError:\t\"csat\" (Customer satisfaction, successful customer outcome) cannot be the North Star: it failed 1 of 4 gates\n"+
			"\t      \texpected: an outcome metric that passes every gate (outcome, canvas, hierarchy, lead)\n"+
			"\t      \tactual  : it failed the canvas gate, and ranks 5 of 5\n"+
			"\tGates:\tcanvas: no customer category's canvas uses it, so it shows no successful customer outcome\n")
	})
	t.Run("a lag metric", func(t *testing.T) {
		// First-contact resolution is revenue one period late (fcr_t =
		// revenue_(t-1), the first value 9): it lags the one business
		// outcome and leads none, so it fails the lead gate, whatever its
		// coverage; customer effort, with no series, passes it.
		in := northStarInput(`business-outcome:revenue "Revenue" revenue`)
		rev := []float64{10, 12, 11, 15, 13, 18, 14, 19, 17, 22}
		fcr := append([]float64{9}, rev[:9]...)
		in.Candidates[0].Series = fcr
		in.Candidates[4].Series = rev
		in.Policy.LeadLag.MaxLag = 2
		var c captureT
		ok := AssertNorthStar(&c, in, "fcr")
		checkFail(t, &c, ok, "\n"+
			"\tError:\t\"fcr\" (First-contact resolution, successful customer outcome) cannot be the North Star: it failed 1 of 3 gates\n"+
			"\t      \texpected: an outcome metric that passes every gate (outcome, canvas, lead)\n"+
			"\t      \tactual  : it failed the lead gate, and ranks 2 of 5\n"+
			"\tGates:\tlead: its series follows business outcome revenue by 1 period, and leads no business outcome "+
			"in the direction of improvement: it is a lag metric, "+
			"and the North Star must be a lead metric, one that moves before the business outcomes it drives\n")
		assert.NoError(t, CheckNorthStar(in, "effort"))
	})
	t.Run("no North Star", func(t *testing.T) {
		// Only the two outputs are candidates.
		in := northStarInput()
		in.Candidates = in.Candidates[2:]
		in.Canvases = []northstar.Canvas{northstar.MustCanvas(northstar.CanvasSpec{Category: "callers", Name: "callers",
			Weight: decimal.NewFromInt(1), Needs: []northstar.Need{{ID: "fast", Statement: "fast"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "quick", Name: "quick",
				Indicators: []northstar.Indicator{{Metric: "aht", Importance: decimal.NewFromInt(1)}}}}})}
		var c captureT
		ok := AssertNorthStar(&c, in, "")
		checkFail(t, &c, ok, "\n"+
			"\tError:     \tno candidate can be the North Star: both candidates failed a gate\n"+
			"\t           \texpected: an outcome metric that passes every gate (outcome, canvas, lead)\n"+
			"\t           \tactual  : 0 of 2 candidates pass every gate\n"+
			"\tCandidates:\t\"aht\" (Average handle time, output) failed the outcome gate: "+
			"an output is what we produce, what we make, not an outcome: a bare output can never be the North Star\n"+
			"\t           \t\"calls-handled\" (Calls handled, output) failed the outcome and canvas gates: "+
			"an output is what we produce, what we make, not an outcome: a bare output can never be the North Star; "+
			"no customer category's canvas uses it, so it shows no successful customer outcome\n")
		var e *outcome.Error
		require.ErrorAs(t, CheckNorthStar(in, ""), &e)
		assert.Equal(t, []string{"aht", "calls-handled"}, e.IDs)
	})
	t.Run("cannot check", func(t *testing.T) {
		err := CheckNorthStar(in, "nps")
		require.ErrorIs(t, err, northstar.ErrUnknownMetric)
		assert.Equal(t, `cxtest: "nps" is not a candidate for the North Star`, err.Error())
		assert.ErrorIs(t, CheckNorthStar(northstar.Input{Policy: northstar.DefaultPolicy()}, ""), northstar.ErrNoCandidates)
		// Two candidates with one ID: Select refuses them, as the other
		// checks of a list of metrics do.
		err = CheckNorthStar(northStarInput(`sco:fcr "FCR again"`), "fcr")
		require.ErrorIs(t, err, outcome.ErrDuplicateID)
		assert.Equal(t, `northstar: duplicate candidate "fcr"`, err.Error())
		// A metric that is no candidate is reported with the input's
		// problems, after them: it is not left for a second run.
		err = CheckNorthStar(northStarInput(`sco:fcr "FCR again"`), "nps")
		require.ErrorIs(t, err, outcome.ErrDuplicateID)
		assert.ErrorIs(t, err, northstar.ErrUnknownMetric)
		assert.Equal(t, `northstar: duplicate candidate "fcr"`+"\n"+`cxtest: "nps" is not a candidate for the North Star`, err.Error())
		ps := outcome.Problems(err)
		require.Len(t, ps, 2)
		assert.Equal(t, []string{"nps"}, ps[1].IDs)
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireNorthStar(t, in, "fcr") },
			func(t TestingT) { RequireNorthStar(t, in, "calls-handled") })
	})
}

func TestEvery(t *testing.T) {
	assert.Equal(t, "the one candidate", every(1))
	assert.Equal(t, "both candidates", every(2))
	assert.Equal(t, "every one of the 3 candidates", every(3))
}
