// Package readme holds the code README.md shows, so that it compiles and
// runs: a test at the module root keeps README's copies identical to it.
package readme

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cxmodel/cx/outcome"
)

// auditPortfolio is the BI developer's tour: decode a KPI portfolio, audit
// it, show every finding with its reasons, and store the report.
func auditPortfolio(data []byte, w io.Writer) ([]byte, error) {
	metrics, err := outcome.DecodeMetrics(data) // every problem of every metric, not just the first
	if err != nil {
		for _, p := range outcome.Problems(err) { // each with a stable code and the IDs involved
			fmt.Fprintf(w, "%s %q: %s\n", p.Code, p.IDs, p.Message)
		}
		return nil, err
	}
	report, err := outcome.Audit(metrics, outcome.AuditOptions{})
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(w, report.Summary())
	for _, f := range report.Findings() { // each with its reason, in words and as data
		fmt.Fprintf(w, "%s %s %q: %s\n", f.Severity(), f.Code(), f.IDs(), f.Message())
	}
	return json.Marshal(report) // levels as text, shares as decimal strings, codes, severities
}
