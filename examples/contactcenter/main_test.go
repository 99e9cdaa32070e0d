package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
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
		// 10 outputs + 2 activities = 12 output-side KPIs of 15 by declared
		// level: 12/15 = 80%, at the default threshold of 80%, so the
		// portfolio is output-heavy.
		"12 of 15 KPIs (80%) measure outputs",
		"[output-heavy]",
		// calls handled and AHT are outputs tied to the agents' bonus.
		`[rewarded-output] "Average handle time"`,
		`[rewarded-output] "Calls handled"`,
		// NPS is declared a customer outcome; the method classes it an
		// output, and Marketing's bonus pays on it: a third rewarded output,
		// and the only KPI declared a customer outcome does not count, so
		// none measures one.
		`[level-contradicts-catalogue] "Net Promoter Score"`,
		`[rewarded-output] "Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, ` +
			`but the catalogue, after the method, classifies Net Promoter Score as an Output`,
		`[no-customer-outcome-measure] none of the 15 KPIs measures a successful customer outcome`,
		`"Net Promoter Score" (id "nps", owner "Marketing") is declared one but does not count`,
		"3 outputs are rewarded, 1 of them declared an outcome.",
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
		// Revenue kept (0.6) and cost to serve (0.4) are beneath it too, but
		// are business outcomes, which the North Star leads: not inputs.
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
	_, inputs, _ := strings.Cut(out, "Input metrics")
	inputs, _, _ = strings.Cut(inputs, "\n\n")
	for _, bo := range []string{"Revenue", "Cost to serve"} {
		assert.NotContains(t, inputs, "- "+bo+" ", "a business outcome among the input metrics")
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

// TestMarkdownIsTheSameReview: the Markdown report tells the review the text
// report tells. It opens each part with the same head; it lists, as items
// of Markdown lists, what the text report lists about the hierarchy, the
// North Star's lead and each crown's reason (units and the whole centre);
// and the figures the text report lists elsewhere are in its tables.
func TestMarkdownIsTheSameReview(t *testing.T) {
	var txt, md bytes.Buffer
	require.NoError(t, run(&txt))
	require.NoError(t, runMarkdown(&md))
	out := md.String()
	for _, h := range []head{auditHead, hierarchyHead, northStarHead, tripleCrownHead} {
		assert.Contains(t, out, "\n## "+h.title+"\n\n> "+h.words+"\n", "the head of %q", h.title)
	}
	// The items the text report lists in part 2, the North Star's lead in
	// part 3 ("against ..."), and part 4's reasons, before the
	// contributions (which the Markdown report shows as tables).
	part := ""
	items := 0
	for _, line := range strings.Split(txt.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "2. "), strings.HasPrefix(line, "3. "), strings.HasPrefix(line, "4. "):
			part = line[:1]
		case strings.HasPrefix(line, "   Contributions to"):
			part = ""
		}
		item, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "- ")
		if !ok || part == "" || part == "3" && !strings.HasPrefix(item, "against ") {
			continue
		}
		items++
		assert.Contains(t, out, "\n- "+markdownText(item)+"\n")
	}
	// Part 2: 2 groups of orphans, 1 unsupported outcome, 4 paths and 3
	// rewarded KPIs; part 3: 1 lead; part 4: 3 reasons for each of the 3
	// departments and the whole centre.
	assert.Equal(t, 2+1+4+3+1+4*3, items)
	for _, want := range []string{
		// Each level's alignment, as the text report gives it.
		"- Activity: 3 of 4 aligned (75.0% by count, 80.0% by weight)\n",
		// The whole centre: cost 6.2M + 1.5M + 0.9M = 8.6M before, 5.7M +
		// 1.42M + 1.05M = 8.17M after, 430,000 less: 5.00% of 8.6M.
		"The whole centre (by sample size): triple crown: cost, service and revenue won\n",
		"- cost fell from 8600000 EUR to 8170000 EUR (-430000 EUR, -5.00%)",
		// Revenue 1.8M + 0.4M + 3.1M = 5.3M before, 2.05M + 0.43M + 3.35M =
		// 5.83M after: 530,000 more, 10.00%.
		"- revenue rose from 5300000 EUR to 5830000 EUR (+530000 EUR, +10.00%)",
		// The line of sight from look-up-account through answer-email.
		"- look-up-account -> answer-email -> first-time-response -> retention-revenue -> problem-solved\n",
		// Revenue kept is built from first contact resolution two months earlier.
		"- against retention-revenue it leads by 2 periods",
		// The winner's coverage, which the text report lists: households
		// 0.65 x 0.75 = 0.4875, 0.488 shown; small businesses 0.35 x 0.5 = 0.175.
		"| First contact resolution | households       |  0.650 | 0.750 |    0.488 |",
		"| First contact resolution | small-businesses |  0.350 | 0.500 |    0.175 |",
		// An input metric: first-time response reaches problem-solved with
		// weight 1 x 0.6.
		"| First-time response | first-time-response | Email team         |     0.600 |",
		// The contributions: 500,000 of 430,000 saved is 116%, and the total.
		"| front-line |  500000 EUR |  116% |",
		"| Total      |  430000 EUR |  100% |",
	} {
		assert.Contains(t, out, want)
	}
}

// TestMarkdownText pins the escaping of text for a line of Markdown.
func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"look-up-account -> handle-call", "look-up-account -> handle-call"},
		{"p = 3.882e-47 < 0.05", "p = 3.882e-47 < 0.05"},
		{"a<b & c&d", `a\<b & c\&d`},
		{"x <", "x <"},
		{"*a* _b_ [c] `d` ~e~ $f$ g|h \\", "\\*a\\* \\_b\\_ \\[c\\] \\`d\\` \\~e\\~ \\$f\\$ g\\|h \\\\"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, markdownText(tt.in), "%q", tt.in)
	}
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

// methodsWords are the passages that METHOD.md quotes as the method's own
// words ("Quoted phrases are the method's own words") and that the report
// quotes, copied from it: lines 19-23, 27-28, 38-39, 54-55 and 68-69.
var methodsWords = []string{
	"Are they mostly about outputs? Usually, the balance will be 80% output metrics",
	"What you measure is what you get.",
	"if you pay people for doing dumb stuff they get really smart at it.",
	"retrospective and subjective",
	"'one question rules them all' approaches",
	"is everything you are doing aligned to delivering a successful customer outcome?",
	"Aggregate the SCOC's against all your customer categories and bringing out the most significant ones and deciding which is the most essential Metric.",
	"simultaneously lowering costs, improving service and growing revenues",
}

// TestQuotations: a passage the text report puts in quotation marks is a
// name, an ID or an owner of the data, or the method's words exactly, with
// at most its first letter capitalised to start a sentence.
func TestQuotations(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	data := map[string]bool{}
	for _, s := range portfolio() {
		data[s.ID], data[s.Name], data[s.Owner] = true, true, true
	}
	m, err := contactModel()
	require.NoError(t, err)
	for n := range m.Nodes() {
		data[n.ID], data[n.Name] = true, true
	}
	quoted := regexp.MustCompile(`"([^"\n]*)"`).FindAllStringSubmatch(buf.String(), -1)
	require.NotEmpty(t, quoted)
	for _, q := range quoted {
		if p := q[1]; !data[p] {
			assert.True(t, isMethodsWords(p), "%q is quoted, but is not the method's words", p)
		}
	}
}

// isMethodsWords says whether p is a passage of [methodsWords], its first
// letter perhaps capitalised.
func isMethodsWords(p string) bool {
	for _, words := range methodsWords {
		if strings.Contains(words, p) || p != "" && strings.Contains(words, strings.ToLower(p[:1])+p[1:]) {
			return true
		}
	}
	return false
}
