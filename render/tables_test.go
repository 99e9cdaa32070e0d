package render_test

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
	"github.com/cxmodel/cx/triplecrown"
)

// contributionsOf returns the departments' contributions to a crown, with
// shares in whole percent.
func contributionsOf(crown triplecrown.Crown) triplecrown.Contributions {
	c, err := triplecrown.NewContributions(crown, departments(), 0)
	if err != nil {
		panic(err)
	}
	return c
}

// TestTablesGolden pins every table of the contact centre in both formats.
// The figures are the library's own, shown as they are; the golden files are
// checked against the numbers of examples/contactcenter/testdata/report.txt,
// which works them out: 12 of 15 KPIs are output-side (80%), front-line's
// cost fell 6200000 -> 5700000 EUR (-500000, -8.06%), the cost saving of
// 430000 EUR divides 116% / 19% / -35%.
func TestTablesGolden(t *testing.T) {
	sc := scores()
	tests := []struct {
		name     string
		md, text func(io.Writer) error
	}{
		{"audit",
			func(w io.Writer) error { return render.AuditMarkdown(w, auditReport()) },
			func(w io.Writer) error { return render.AuditText(w, auditReport()) }},
		{"scores",
			func(w io.Writer) error { return render.ScoresMarkdown(w, sc) },
			func(w io.Writer) error { return render.ScoresText(w, sc) }},
		{"score-front-line",
			func(w io.Writer) error { return render.ScoreMarkdown(w, sc[0]) },
			func(w io.Writer) error { return render.ScoreText(w, sc[0]) }},
		{"score-retention",
			func(w io.Writer) error { return render.ScoreMarkdown(w, sc[2]) },
			func(w io.Writer) error { return render.ScoreText(w, sc[2]) }},
		{"contributions-cost",
			func(w io.Writer) error { return render.ContributionsMarkdown(w, contributionsOf(triplecrown.Cost)) },
			func(w io.Writer) error { return render.ContributionsText(w, contributionsOf(triplecrown.Cost)) }},
		{"contributions-revenue",
			func(w io.Writer) error { return render.ContributionsMarkdown(w, contributionsOf(triplecrown.Revenue)) },
			func(w io.Writer) error { return render.ContributionsText(w, contributionsOf(triplecrown.Revenue)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var md, text bytes.Buffer
			require.NoError(t, tt.md(&md))
			require.NoError(t, tt.text(&text))
			golden(t, tt.name+".md", md.Bytes())
			golden(t, tt.name+".txt", text.Bytes())
			for i, line := range strings.Split(text.String(), "\n") {
				assert.False(t, strings.HasSuffix(line, " "), "text line %d ends with a space", i+1)
			}
		})
	}
}

func TestAuditFigures(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.AuditText(&buf, auditReport()))
	// 15 KPIs: 2 activities (2/15 = 13.33%), 10 outputs (66.67%), 2
	// business outcomes, 1 customer outcome (1/15 = 6.67%); 12 output-side
	// (80%), 3 outcomes (20%).
	for _, row := range []string{
		"Task                                 0      0%",
		"Activity                             2  13.33%",
		"Output                              10  66.67%",
		"Successful Customer Outcome          1   6.67%",
		"Outputs and the work behind them    12     80%",
		"Outcomes                             3     20%",
		"All KPIs                            15    100%",
	} {
		assert.Contains(t, buf.String(), row+"\n")
	}
}

func TestAuditNoFindings(t *testing.T) {
	// One successful customer outcome the catalogue knows: nothing to
	// report.
	m := outcome.MustMetric(outcome.MetricSpec{ID: "sco", Name: "Outcome achievement rate",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	r, err := outcome.Audit([]outcome.Metric{m}, outcome.AuditOptions{})
	require.NoError(t, err)
	require.Empty(t, r.Findings())
	var buf bytes.Buffer
	require.NoError(t, render.AuditMarkdown(&buf, r))
	assert.True(t, strings.HasSuffix(buf.String(), "\nThe audit found nothing to report.\n"), buf.String())
	assert.Contains(t, buf.String(), "| All KPIs                         |    1 |  100% |\n")
}

func TestAuditEmptyPortfolio(t *testing.T) {
	r, err := outcome.Audit(nil, outcome.AuditOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, render.AuditText(&buf, r))
	assert.Contains(t, buf.String(), "All KPIs                             0     0%\n")
	assert.Contains(t, buf.String(), "warning   empty-portfolio  the portfolio is empty: there are no KPIs to audit\n")
}

// TestScoreCells pins the cells that the contact centre does not show: a
// change from a baseline of zero (no relative change: the absolute one), an
// inconclusive service change, and a flat crown.
func TestScoreCells(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate := func(s, n int64) triplecrown.Measure {
		m, err := triplecrown.NewRate(s, n)
		require.NoError(t, err)
		return m
	}
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "new-shop", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("1000.00"), Actual: eur("1000.00")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("250.50")},
		// 5/10 to 7/10: +40%, material, but on ten customers a two-sided
		// test of two proportions (pooled: 0.6, standard error
		// sqrt(0.6*0.4*(1/10+1/10)) = 0.2191) gives z = 0.2/0.2191 = 0.9129
		// and p = 2*(1-Phi(0.9129)) = 0.3613.
		Service: triplecrown.ServiceSpec{Name: "served", Direction: outcome.HigherIsBetter,
			Baseline: rate(5, 10), Actual: rate(7, 10)}})
	s, err := card.Score(policy())
	require.NoError(t, err)

	var buf bytes.Buffer
	require.NoError(t, render.ScoresText(&buf, []triplecrown.Score{s}))
	// Relative changes keep the policy's 4 places: 0.4000 is "+40.00%".
	assert.Equal(t, ""+
		"Unit      Period  Cost          Service                 Revenue            Verdict\n"+
		"--------  ------  ------------  ----------------------  -----------------  ------------\n"+
		"new-shop  2025    flat (0.00%)  inconclusive (+40.00%)  won (+250.50 EUR)  single crown\n",
		buf.String())
	buf.Reset()
	require.NoError(t, render.ScoreText(&buf, s))
	assert.Contains(t, buf.String(), ""+
		"service          0.5          0.7         +0.2   +40.00%         2%  p = 0.3613, not below 0.05  inconclusive\n"+
		"revenue        0 EUR   250.50 EUR  +250.50 EUR                   2%                              won\n")
}

func TestContributionsWithoutShares(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate, err := triplecrown.NewRate(1, 2)
	require.NoError(t, err)
	svc := triplecrown.ServiceSpec{Name: "served", Direction: outcome.HigherIsBetter, Baseline: rate, Actual: rate}
	// One unit saves 100, the other spends 100 more: no saving in all, so
	// no shares.
	cards := []triplecrown.Scorecard{
		triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "a", Period: "2025", Service: svc,
			Cost:    triplecrown.Amounts{Baseline: eur("500"), Actual: eur("400")},
			Revenue: triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")}}),
		triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "b", Period: "2025", Service: svc,
			Cost:    triplecrown.Amounts{Baseline: eur("500"), Actual: eur("600")},
			Revenue: triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")}}),
	}
	c, err := triplecrown.NewContributions(triplecrown.Cost, cards, 1)
	require.NoError(t, err)
	require.False(t, c.SharesDefined())
	var buf bytes.Buffer
	require.NoError(t, render.ContributionsMarkdown(&buf, c))
	assert.Equal(t, ""+
		"| Unit  | Cost saving | Share | Note      |\n"+
		"| ----- | ----------: | ----: | --------- |\n"+
		"| a     |     100 EUR |       |           |\n"+
		"| b     |    -100 EUR |       | detractor |\n"+
		"| Total |       0 EUR |       |           |\n", buf.String())
}

func TestTablesZeroValues(t *testing.T) {
	tests := []struct {
		name string
		fn   func(io.Writer) error
		msg  string
	}{
		{"audit markdown", func(w io.Writer) error { return render.AuditMarkdown(w, outcome.AuditReport{}) },
			"render: cannot render the zero AuditReport, which comes with an error"},
		{"audit text", func(w io.Writer) error { return render.AuditText(w, outcome.AuditReport{}) },
			"render: cannot render the zero AuditReport, which comes with an error"},
		{"scores", func(w io.Writer) error {
			return render.ScoresMarkdown(w, []triplecrown.Score{scores()[0], {}})
		}, "render: cannot render the zero Score at index 1, which comes with an error"},
		{"scores text", func(w io.Writer) error {
			return render.ScoresText(w, []triplecrown.Score{{}, scores()[0], {}})
		}, "render: cannot render the zero Score at indexes 0, 2, which comes with an error"},
		{"ten zero scores, all named", func(w io.Writer) error {
			return render.ScoresText(w, append([]triplecrown.Score{scores()[0]}, make([]triplecrown.Score, 10)...))
		}, "render: cannot render the zero Score at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, which comes with an error"},
		{"eleven zero scores, one counted", func(w io.Writer) error {
			return render.ScoresText(w, append([]triplecrown.Score{scores()[0]}, make([]triplecrown.Score, 11)...))
		}, "render: cannot render the zero Score at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 1 more, " +
			"which comes with an error"},
		{"a thousand zero scores", func(w io.Writer) error {
			// The message names the first ten indexes and counts the rest.
			return render.ScoresText(w, append([]triplecrown.Score{scores()[0]}, make([]triplecrown.Score, 1000)...))
		}, "render: cannot render the zero Score at indexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 990 more, " +
			"which comes with an error"},
		{"score", func(w io.Writer) error { return render.ScoreMarkdown(w, triplecrown.Score{}) },
			"render: cannot render the zero Score, which comes with an error"},
		{"score text", func(w io.Writer) error { return render.ScoreText(w, triplecrown.Score{}) },
			"render: cannot render the zero Score, which comes with an error"},
		{"contributions", func(w io.Writer) error {
			return render.ContributionsMarkdown(w, triplecrown.Contributions{})
		}, "render: cannot render the zero Contributions, which comes with an error"},
		{"contributions text", func(w io.Writer) error {
			return render.ContributionsText(w, triplecrown.Contributions{})
		}, "render: cannot render the zero Contributions, which comes with an error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.fn(&buf)
			assert.ErrorIs(t, err, render.ErrNothingToRender)
			assert.EqualError(t, err, tt.msg)
			assert.Zero(t, buf.Len())
		})
	}
}

func TestTablesWriteError(t *testing.T) {
	for name, fn := range map[string]func(io.Writer) error{
		"audit":         func(w io.Writer) error { return render.AuditMarkdown(w, auditReport()) },
		"scores":        func(w io.Writer) error { return render.ScoresText(w, scores()) },
		"score":         func(w io.Writer) error { return render.ScoreMarkdown(w, scores()[0]) },
		"contributions": func(w io.Writer) error { return render.ContributionsText(w, contributionsOf(triplecrown.Cost)) },
	} {
		t.Run(name, func(t *testing.T) {
			w := &failWriter{}
			assert.ErrorIs(t, fn(w), errDiskFull)
			assert.Equal(t, 1, w.calls)
		})
	}
}

// TestTablesEscape: user text (a unit's ID) is escaped in Markdown, and
// cannot open a table cell or a heading.
func TestTablesEscape(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate, err := triplecrown.NewRate(1, 2)
	require.NoError(t, err)
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "# a|b *c*", Period: "Q1 | 2025",
		Service: triplecrown.ServiceSpec{Name: "served", Direction: outcome.HigherIsBetter, Baseline: rate, Actual: rate},
		Cost:    triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")},
		Revenue: triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")}})
	s, err := card.Score(policy())
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, render.ScoreMarkdown(&buf, s))
	assert.True(t, strings.HasPrefix(buf.String(), `Unit # a\|b \*c\* (Q1 \| 2025): no crown: cost, service and revenue flat`+"\n"),
		buf.String())
	buf.Reset()
	require.NoError(t, render.ScoresMarkdown(&buf, []triplecrown.Score{s}))
	assert.Contains(t, buf.String(), `| # a\|b \*c\* | Q1 \| 2025 |`)
}

func TestNorthStarGolden(t *testing.T) {
	var md, text bytes.Buffer
	require.NoError(t, render.NorthStarMarkdown(&md, ranking()))
	require.NoError(t, render.NorthStarText(&text, ranking()))
	golden(t, "northstar.md", md.Bytes())
	golden(t, "northstar.txt", text.Bytes())
}

// TestNorthStarFigures checks the contact centre's ranking against the
// method: first contact resolution is used by both categories' canvases,
// households (weight 0.65) with 3 of 4 importance points, 0.65 * 0.75 =
// 0.4875, and small businesses (0.35) with 2 of 4, 0.35 * 0.5 = 0.175; as
// the best eligible candidate it scores 1 on every criterion, so its total
// is the sum of the normalised weights 3, 2, 2, 1, 2 out of 10.
func TestNorthStarFigures(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.NorthStarText(&buf, ranking()))
	out := buf.String()
	assert.True(t, strings.HasPrefix(out, "North Star: First contact resolution (solved-first-contact), total 1.000.\n"), out)
	assert.Contains(t, out, "Customer coverage (0.300)  Lead strength (0.200)  Linkage to business outcomes (0.200)  Ratings (0.100)  Reach (0.200)  Total")
	assert.Contains(t, out, "   1  First contact resolution  solved-first-contact  passed                                          0.300                  0.200                                 0.200            0.100          0.200  1.000\n")
	assert.Contains(t, out, "First contact resolution  households         0.650  0.750     0.488")
	assert.Contains(t, out, "First contact resolution  small-businesses   0.350  0.500     0.175")
	assert.Contains(t, out, "Net Promoter Score  hierarchy  it is not in the hierarchy")
}

// TestNorthStarThreePlaces checks the rounding of scores to three places
// against the products a reader works out from the factors shown: 0.35 x
// 0.25 = 0.0875 and 0.65 x 0.75 = 0.4875 both round half up, to 0.088 and
// 0.488, although the float64 product of the first lies just below 0.0875
// and of the second just above 0.4875.
func TestNorthStarThreePlaces(t *testing.T) {
	m := outcome.MustMetric(outcome.MetricSpec{ID: "fcr", Name: "First contact resolution",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	w1, s1, w2, s2 := 0.35, 0.25, 0.65, 0.75
	r := northstar.Ranking{Entries: []northstar.Entry{{Rank: 1, Metric: m, Eligible: true, Total: w1*s1 + w2*s2,
		Categories: []northstar.CategoryContribution{
			{Category: "small", Weight: w1, Share: s1, Raw: w1 * s1, Contribution: -w1 * s1},
			{Category: "homes", Weight: w2, Share: s2, Raw: w2 * s2, Contribution: math.NaN()},
		}}}}
	var buf bytes.Buffer
	require.NoError(t, render.NorthStarText(&buf, r))
	out := buf.String()
	assert.Contains(t, out, "total 0.575.") // 0.0875 + 0.4875
	assert.Contains(t, out, "small      0.350  0.250     0.088        -0.088")
	assert.Contains(t, out, "homes      0.650  0.750     0.488           NaN")
}

// TestNorthStarRunnerUp: the first line names the runner-up as it names the
// winner, "Name (ID)", and says how far behind it is as the difference of
// the totals the table shows, each rounded to three places half away from
// zero (fixed3).
func TestNorthStarRunnerUp(t *testing.T) {
	metric := func(id, name string) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: outcome.CustomerOutcome,
			Direction: outcome.HigherIsBetter})
	}
	tests := []struct {
		name          string
		first, second float64
		runnerUp      string
		margin        float64
		want          string
	}{
		// 1 shows as 1.000 and 0.6665 as 0.667: 1.000 - 0.667 = 0.333. The
		// margin unrounded, 0.3335, would show as 0.334.
		{"rounded apart", 1, 0.6665, "second", 1 - 0.6665,
			"North Star: Winner (win), total 1.000; the runner-up, Second (second), is 0.333 behind."},
		// 0.7504 and 0.7496 both show as 0.750: 0.000 apart as shown.
		{"level as shown", 0.7504, 0.7496, "second", 0.0008,
			"North Star: Winner (win), total 0.750; the runner-up, Second (second), is 0.000 behind."},
		// A runner-up that is not in the table: its ID and the margin,
		// 0.1235 to three places, 0.124.
		{"runner-up not shown", 0.9, 0.5, "ghost", 0.1235,
			"North Star: Winner (win), total 0.900; the runner-up, ghost, is 0.124 behind."},
		{"not a number", 0.9, math.NaN(), "second", math.NaN(),
			"North Star: Winner (win), total 0.900; the runner-up, Second (second), is NaN behind."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := northstar.Ranking{
				Entries: []northstar.Entry{
					{Rank: 1, Metric: metric("win", "Winner"), Eligible: true, Total: tt.first},
					{Rank: 2, Metric: metric("second", "Second"), Eligible: true, Total: tt.second},
				},
				Robustness: northstar.Robustness{RunnerUp: tt.runnerUp, Margin: tt.margin},
			}
			var buf bytes.Buffer
			require.NoError(t, render.NorthStarText(&buf, r))
			first, _, _ := strings.Cut(buf.String(), "\n")
			assert.Equal(t, tt.want, first)
		})
	}
}

// TestNorthStarCases renders rankings written out by hand (a Ranking is
// plain data): a runner-up, no evidence, and no winner.
func TestNorthStarCases(t *testing.T) {
	sco := outcome.MustMetric(outcome.MetricSpec{ID: "fcr", Name: "First | contact", Level: outcome.CustomerOutcome,
		Direction: outcome.HigherIsBetter})
	bo := outcome.MustMetric(outcome.MetricSpec{ID: "rev", Name: "Revenue", Level: outcome.BusinessOutcome,
		Kind: outcome.Revenue, Direction: outcome.HigherIsBetter})
	scores := func(contrib ...float64) []northstar.Score {
		var out []northstar.Score
		for c := range northstar.Criteria() {
			x := contrib[c-1]
			out = append(out, northstar.Score{Criterion: c, Weight: 0.2, Contribution: x, Missing: x < 0})
		}
		return out
	}
	r := northstar.Ranking{
		Entries: []northstar.Entry{
			{Rank: 1, Metric: sco, Eligible: true, Total: 0.75, Scores: scores(0.2, 0.2, 0.15, 0.1, 0.1)},
			{Rank: 2, Metric: bo, Eligible: true, Total: 0.5, Scores: scores(0.1, -1, 0.2, 0.1, 0.1)},
		},
		Robustness: northstar.Robustness{RunnerUp: "rev", Margin: 0.25},
	}
	var buf bytes.Buffer
	require.NoError(t, render.NorthStarMarkdown(&buf, r))
	assert.Equal(t, ""+
		"North Star: First \\| contact (fcr), total 0.750; the runner-up, Revenue (rev), is 0.250 behind.\n"+
		"\n"+
		"| Rank | Metric           | ID  | Gates  | Customer coverage (0.200) | Lead strength (0.200) | Linkage to business outcomes (0.200) | Ratings (0.200) | Reach (0.200) | Total |\n"+
		"| ---: | ---------------- | --- | ------ | ------------------------: | --------------------: | -----------------------------------: | --------------: | ------------: | ----: |\n"+
		"|    1 | First \\| contact | fcr | passed |                     0.200 |                 0.200 |                                0.150 |           0.100 |         0.100 | 0.750 |\n"+
		"|    2 | Revenue          | rev | passed |                     0.100 |           no evidence |                                0.200 |           0.100 |         0.100 | 0.500 |\n",
		buf.String())

	// The Metric column is as wide as "First \\| contact", escaped: 16.

	// An input metric whose node feeds the North Star's by a single link.
	calls := outcome.MustMetric(outcome.MetricSpec{ID: "calls", Name: "Calls handled", Level: outcome.Output,
		Direction: outcome.HigherIsBetter, Owner: "Front line"})
	r.InputMetrics = []northstar.InputMetric{{Metric: calls, Nodes: []string{"calls"}, Influence: 1.5, Direct: true}}
	buf.Reset()
	require.NoError(t, render.NorthStarText(&buf, r))
	assert.True(t, strings.HasSuffix(buf.String(), "Input metrics, the work that drives the North Star, and who owns it:\n\n"+
		"Metric         ID     Owner       Influence  Link\n"+
		"-------------  -----  ----------  ---------  ------\n"+
		"Calls handled  calls  Front line      1.500  direct\n"), buf.String())
	r.InputMetrics = nil

	// No candidate passes every gate.
	r.Entries[0].Eligible, r.Entries[1].Eligible = false, false
	r.Entries[0].Failed = []northstar.GateFailure{{Gate: northstar.GateCanvas, Reason: "no canvas uses it"}}
	r.Robustness = northstar.Robustness{}
	buf.Reset()
	require.NoError(t, render.NorthStarText(&buf, r))
	assert.True(t, strings.HasPrefix(buf.String(),
		"No candidate passes every gate: there is no North Star among them.\n"), buf.String())
	assert.Contains(t, buf.String(), "   1  First | contact  fcr  failed: canvas")
	assert.Contains(t, buf.String(), "First | contact  canvas  no canvas uses it\n")

	// No candidates.
	err := render.NorthStarMarkdown(&buf, northstar.Ranking{})
	assert.ErrorIs(t, err, render.ErrNothingToRender)
	assert.EqualError(t, err, "render: cannot render a Ranking with no candidates")
	w := &failWriter{}
	assert.ErrorIs(t, render.NorthStarText(w, ranking()), errDiskFull)
}

// TestScoreTestText checks that the p-value a score's table shows compares
// with the significance level as the p-value does, so that the cell never
// reads "p = 0.08738 < 0.08738": it is written with four significant digits,
// or as many more as it takes.
func TestScoreTestText(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	rate := func(s, n int64) triplecrown.Measure {
		m, err := triplecrown.NewRate(s, n)
		require.NoError(t, err)
		return m
	}
	two := triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02")))
	tests := []struct {
		name         string
		b, a         triplecrown.Measure
		alpha        float64
		want, status string
	}{
		{
			// 50/100 to 62/100: pooled 0.56, standard error
			// sqrt(0.56*0.44*(1/100+1/100)) = 0.070200, z = 0.12/0.070200 =
			// 1.7094, p = 2*(1-Phi(1.7094)) = 0.0873753, just below 0.08738:
			// four digits would show 0.08738, not below it.
			name: "below, rounded up to the level", b: rate(50, 100), a: rate(62, 100), alpha: 0.08738,
			want: "p = 0.087375 < 0.08738", status: "won",
		},
		{
			// 5/10 to 7/10: p = 0.3613104 (see TestScoreCells), just above
			// 0.36131: four digits would show 0.3613, below it.
			name: "not below, rounded down under the level", b: rate(5, 10), a: rate(7, 10), alpha: 0.36131,
			want: "p = 0.36131, not below 0.36131", status: "inconclusive",
		},
		{
			name: "four digits tell", b: rate(5, 10), a: rate(7, 10), alpha: 0.05,
			want: "p = 0.3613, not below 0.05", status: "inconclusive",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{Unit: "u", Period: "2025",
				Cost:    triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")},
				Revenue: triplecrown.Amounts{Baseline: eur("1"), Actual: eur("1")},
				Service: triplecrown.ServiceSpec{Name: "served", Direction: outcome.HigherIsBetter, Baseline: tt.b, Actual: tt.a}})
			s, err := card.Score(triplecrown.MustPolicy(triplecrown.PolicySpec{Cost: two, Service: two, Revenue: two,
				SignificanceLevel: tt.alpha, Precision: triplecrown.MustPrecision(4, outcome.RoundHalfEven)}))
			require.NoError(t, err)
			require.Equal(t, tt.status, s.Service().Status().String())
			var buf bytes.Buffer
			require.NoError(t, render.ScoreText(&buf, s))
			assert.Contains(t, buf.String(), "  "+tt.want+"  "+tt.status+"\n")
		})
	}
}
