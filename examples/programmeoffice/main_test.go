package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmodel/cx/cxtest"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/report.txt with the program's output")

// TestReport pins the whole report. After a deliberate change, review the
// diff of `go test ./examples/programmeoffice -update`.
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
		// Before: 6 outputs and 1 task, nothing else: 7 of 7 = 100%, and no
		// customer outcome measured at all.
		"Before: 7 of 7 KPIs (100%) measure outputs",
		"[no-customer-outcome-measure]",
		`[rewarded-output] "Progress against budget"`,
		// After: the same 7, plus 2 business and 2 customer outcomes:
		// 7/11 = 0.636363..., 0.6364 to four places = 63.64%.
		"After: 7 of 11 KPIs (63.64%) measure outputs or the work behind them, 2 business outcomes and 2 successful customer outcomes; no output is rewarded.",
		// Before, the work is 4 tasks + 5 projects + 5 deliverables + 2
		// business outcomes = 16 nodes; only the 2 business outcomes reach a
		// customer outcome: 2/16 = 12.5%, shown whole as 13%.
		"Before: No: 13% of the work (2 of 16 nodes) reaches a successful customer outcome (tasks 0%, activities 0%, outputs 0%, business outcomes 100%); 14 do not",
		// After: the data lake (project and deliverable) and the status
		// report are gone: 3 + 4 + 4 + 2 = 13 nodes, all linked up.
		"After: Yes: all the work (13 nodes) reaches a successful customer outcome.",
		// The CRM and the bills serve both business outcomes, so both
		// customers' outcomes.
		"crm-upgrade -> crm-live -> cost-to-serve -> sort-it-myself",
		"crm-upgrade -> crm-live -> retention-rate -> understand-bill",
		"office-move -> new-office -> cost-to-serve -> sort-it-myself",
		// The gate refuses the 16 - 2 = 14 orphans, and the 2 rewarded
		// outputs that no node of the hierarchy carries.
		"[not-aligned] cxtest: 14 of 16 nodes reach no successful customer outcome",
		"[rewarded-orphan-output] cxtest: 2 of 2 rewarded output-side metrics",
		"After: passed; the programme may proceed.",
	} {
		assert.True(t, strings.Contains(out, want), "the report lacks %q", want)
	}
}

// TestAuditListsEveryFinding: the report lists every finding of both audits,
// none left out: before, the four that TestReportFigures names; after, none,
// since the outputs are no longer rewarded and the catalogue knows all 11
// names (no unclassified-metric finding).
func TestAuditListsEveryFinding(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	counts := map[bool]int{}
	for _, realigned := range []bool{false, true} {
		ms, err := portfolio(realigned)
		require.NoError(t, err)
		report, err := outcome.Audit(ms, outcome.AuditOptions{})
		require.NoError(t, err)
		counts[realigned] = len(report.Findings())
		for _, f := range report.Findings() {
			assert.Contains(t, buf.String(), "   - ["+string(f.Code())+"] "+f.Message()+"\n")
		}
	}
	assert.Equal(t, map[bool]int{false: 4, true: 0}, counts)
}

// TestGate checks the gate directly: it refuses the old programme with the
// two problems, by code, and passes the realigned one.
func TestGate(t *testing.T) {
	for _, tt := range []struct {
		name      string
		realigned bool
		want      []outcome.Code
	}{
		{name: "before", realigned: false, want: []outcome.Code{cxtest.ErrNotAligned, cxtest.ErrRewardedOrphanOutput}},
		{name: "after", realigned: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := programme(tt.realigned)
			require.NoError(t, err)
			ms, err := portfolio(tt.realigned)
			require.NoError(t, err)
			err = gate(m, ms)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			for _, code := range tt.want {
				assert.ErrorIs(t, err, code)
			}
		})
	}
}

// methodsWords are the passages that METHOD.md quotes as the method's own
// words ("Quoted phrases are the method's own words") and that the report
// quotes, copied from it: lines 19-20, 22-23 and 38-39.
var methodsWords = []string{
	"Are they mostly about outputs? Usually, the balance will be 80% output metrics",
	"if you pay people for doing dumb stuff they get really smart at it.",
	"is everything you are doing aligned to delivering a successful customer outcome?",
}

// TestQuotations: a passage the report puts in quotation marks is a name,
// an ID or an owner of the data, or the method's words exactly, with at
// most its first letter capitalised to start a sentence.
func TestQuotations(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	data := map[string]bool{}
	for _, realigned := range []bool{false, true} {
		ms, err := portfolio(realigned)
		require.NoError(t, err)
		for _, metric := range ms {
			data[metric.ID()], data[metric.Name()], data[metric.Owner()] = true, true, true
		}
		m, err := programme(realigned)
		require.NoError(t, err)
		for n := range m.Nodes() {
			data[n.ID] = true
		}
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
