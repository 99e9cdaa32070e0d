package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/report.txt with the program's output")

// TestReport pins the whole report. After a deliberate change, review the
// diff of `go test ./examples/contactcenter -update`.
func TestReport(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "report.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// TestReportFigures checks the report's key figures against arithmetic done
// by hand from the data, so that the golden file cannot drift into a wrong
// story unnoticed.
func TestReportFigures(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	out := buf.String()
	for _, want := range []string{
		// 10 outputs + 2 activities = 12 output-side KPIs of 15: 12/15 = 80%,
		// which is at the method's 80% threshold, so the portfolio is output-heavy.
		"12 of 15 KPIs (80%) measure outputs",
		"[output-heavy]",
		// calls handled and AHT are outputs tied to the agents' bonus.
		`[rewarded-output] "Average handle time"`,
		`[rewarded-output] "Calls handled"`,
		// NPS is declared a customer outcome; the method classes it an output.
		`[level-contradicts-catalogue] "Net Promoter Score"`,
		// The hierarchy has 17 nodes of work below the 2 customer outcomes; the
		// orphans are fill-timesheet (a task feeding nothing), update-wallboard
		// -> manage-queues -> service-level, and escalation-rate: 5, so 12 of 17
		// = 70.6% reach a customer outcome, 71% whole.
		"No: 71% of the work (12 of 17 nodes) reaches a successful customer outcome",
		// Activities by weight: handle-call 2 links up, answer-email 1,
		// occupancy 1 (all aligned), manage-queues 1 (orphan): 4 of 5 = 80%.
		"Activity          3 of 4 aligned (75.0% by count, 80.0% by weight)",
		`order-visible ("I know where my order stands without chasing")`,
		// look-up-account feeds handle-call (0.7) and answer-email (0.3);
		// handle-call has 3 routes up (calls-handled twice, aht once), answer-email 1.
		"look-up-account -> answer-email -> first-time-response -> retention-revenue -> problem-solved",
		// The North Star. Outputs never pass the outcome gate; NPS competes as
		// the output the catalogue says it is, and is in no hierarchy.
		"North Star: First contact resolution",
		"5. Net Promoter Score",
		// Linkage: first contact resolution is fed by cost to serve and
		// revenue kept (and leads revenue kept): 2 kinds, the best of the
		// candidates that pass every gate (it is the only one). Calls handled
		// feeds both (2, scoring 2/2 x 0.2 = 0.2), AHT cost to serve only
		// (1, 1/2 x 0.2 = 0.1). Calls handled: coverage 0.35 x 1/4 = 0.0875
		// against first contact resolution's 0.6625, x 0.3 = 0.040; lead 0;
		// ratings 5 and 5 on 1-5 (mean 1) against 0.875, x 0.1 = 0.114;
		// reach 4 of the 10 aligned pieces of work (first contact resolution
		// has all 10), x 0.2 = 0.080: 0.434. AHT: coverage 0.040, linkage
		// 0.1, ratings 4 and 5 (mean 0.875, the best's) x 0.1 = 0.100, reach
		// 5 of 10 x 0.2 = 0.100: 0.340.
		"2. Calls handled              total 0.434",
		"3. Average handle time        total 0.340",
		// Coverage: households weigh 0.65 and give first contact resolution 3
		// of 3+1 importance (0.75): 0.65 x 0.75 = 0.4875; small businesses
		// 0.35 x 2/(2+1+1) = 0.175.
		"households: weight 0.65 x share 0.750 = 0.488 of its coverage",
		"small-businesses: weight 0.35 x share 0.500 = 0.175 of its coverage",
		// Revenue kept is built from first contact resolution two months earlier.
		"against retention-revenue it leads by 2 periods",
		// Influence through the hierarchy, the product of the link weights up
		// to problem-solved: first-time response 1 x 0.6; calls handled
		// 0.5 x 0.4 + 0.5 x 0.6 = 0.5; AHT 1 x 0.4; occupancy 1 x 1 x 0.4.
		"First-time response    owner Email team           influence 0.60",
		"Calls handled          owner Front line           influence 0.50",
		"Occupancy              owner Workforce planning   influence 0.40",
		// Front line: 6,900/10,000 → 7,800/10,000 solved at first contact;
		// cost 6.2M → 5.7M (-8.06%), revenue 1.8M → 2.05M (+13.89%).
		"front-line: triple crown",
		// Retention: cost 0.9M → 1.05M (+16.67%) bought revenue 3.1M → 3.35M.
		"retention: trade-off",
		// Cost saved: (6.2-5.7) + (1.5-1.42) + (0.9-1.05) = 0.5 + 0.08 - 0.15 = 0.43M EUR.
		"Contributions to the cost crown (total 430000 EUR)",
		// Shares of 430,000: 500/430 = 116.28% → 116; 80/430 = 18.60% → 19;
		// -150/430 = -34.88% → -35; 116 + 19 - 35 = 100.
		"front-line: 500000 EUR (116%)",
		"billing: 80000 EUR (19%)",
		"retention: -150000 EUR (-35%), a detractor",
		// Revenue gained: 0.25 + 0.03 + 0.25 = 0.53M EUR; 250/530 = 47.17% → 47,
		// 30/530 = 5.66% → 6, 47.17% → 47: 47 + 6 + 47 = 100.
		"Contributions to the revenue crown (total 530000 EUR)",
	} {
		assert.True(t, strings.Contains(out, want), "the report lacks %q", want)
	}
}

// TestMarkdownReport pins the Markdown form of the review.
func TestMarkdownReport(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, runMarkdown(&buf))
	golden := filepath.Join("testdata", "report.md")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// TestREADMEDiagram keeps the diagram README.md shows identical to the one
// the library draws of this hierarchy.
func TestREADMEDiagram(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writeMermaid(&buf))
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "<!-- hierarchy:begin -->\n")
	require.True(t, ok, "README.md lacks the hierarchy block")
	shown, _, ok := strings.Cut(rest, "<!-- hierarchy:end -->")
	require.True(t, ok, "README.md's hierarchy block is not closed")
	assert.Equal(t, buf.String(), shown)
}

// TestREADMEReport keeps the report README.md shows identical to the one the
// program prints.
func TestREADMEReport(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "<!-- report:begin -->\n```text\n")
	require.True(t, ok, "README.md lacks the report block")
	shown, _, ok := strings.Cut(rest, "```\n<!-- report:end -->")
	require.True(t, ok, "README.md's report block is not closed")
	assert.Equal(t, buf.String(), shown)
}
