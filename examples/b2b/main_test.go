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
// diff of `go test ./examples/b2b -update`.
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
		// Strategic: cost 52M -> 49.4M is -2.6M, -5.00%; revenue 400M ->
		// 440M is +10.00%; time to respond 30 -> 18 hours is -40.00%, with
		// SE = sqrt(12²/410 + 9²/450) = 0.7288, z = -16.5: significant.
		"strategic: triple crown: cost, service and revenue won",
		"time to respond fell from 30 hours to 18 hours (-12 hours, -40.00%)",
		// Mid-market: cost 27M -> 28.35M is +5.00%, over the 2% threshold.
		"mid-market: trade-off: service and revenue won, cost lost",
		// Channel: 48 -> 45 hours is -6.25%, material, but SE =
		// sqrt(20²/150 + 19²/140) = sqrt(2.6667 + 2.5786) = 2.2902,
		// z = -3/2.2902 = -1.3099, p = 2(1 - Φ(1.3099)) = 0.1902; revenue
		// 100M -> 101M is +1%, under 2%.
		"channel: single crown: cost won, service inconclusive, revenue flat",
		"not significant (p = 0.1902, not below 0.05)",
		// The company: cost 52 + 38 + 27 + 15 = 132M -> 49.4 + 36.1 + 28.35 +
		// 14.4 = 128.25M, -3.75M = -2.84%; revenue 1000M -> 1081M, +8.10%.
		// Time to respond pooled by requests: (30 x 410 + 34 x 380 + 41 x 300
		// + 48 x 150)/1240 = 44720/1240 = 36.0645 hours; (18 x 450 + 26 x 395
		// + 29 x 320 + 45 x 140)/1305 = 33950/1305 = 26.0153 hours.
		"cost fell from 132000000 USD to 128250000 USD (-3750000 USD, -2.84%)",
		"time to respond fell from 36.0645 hours to 26.0153 hours",
		"revenue rose from 1000000000 USD to 1081000000 USD (+81000000 USD, +8.10%)",
		// Cost saved 2.6 + 1.9 - 1.35 + 0.6 = 3.75M: 69.33% -> 69, 50.67% ->
		// 51, -36%, 16%; 69 + 51 - 36 + 16 = 100.
		"cost crown, total 3750000 USD",
		"strategic: 2600000 USD (69%)",
		"enterprise: 1900000 USD (51%)",
		"mid-market: -1350000 USD (-36%), a detractor",
		"channel: 600000 USD (16%)",
		// Revenue 40 + 24 + 16 + 1 = 81M: 49.38, 29.63, 19.75, 1.23; floors
		// 49 + 29 + 19 + 1 = 98, the two largest remainders (0.75, 0.63) get
		// the missing 2: 49, 30, 20, 1.
		"enterprise: 24000000 USD (30%)",
		"mid-market: 16000000 USD (20%)",
		// ROI: benefit 3.75M + 0.30 x 81M = 3.75 + 24.3 = 28.05M; net 28.05
		// - 12 = 16.05M; ratio 16.05/12 = 1.3375 -> 1.34 (the benefit is
		// 28.05/12 = 2.34 times the investment, so the ratio is said to be
		// the net's); payback 12 x 12 / 28.05 = 5.1337 -> 5.13 months.
		"30% margin on 81000000 USD of revenue gained (24300000 USD) = 28050000 USD of benefit",
		"net 16050000 USD, ROI 1.34 (net / investment), repaid in 5.13 months",
		// Scale: 81M/1,000M = 8.10%; 81M/700M = 0.115714 -> 11.57%.
		"brought 81000000 USD, 8.10% of its revenue",
		"and 11.57% of the three-year figure.",
	} {
		assert.True(t, strings.Contains(out, want), "the report lacks %q", want)
	}
}
