package render

import (
	"io"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/outcome"
)

// AuditMarkdown writes a KPI audit ([outcome.Audit]) as Markdown: a table
// of the KPIs by level, with the output side (outputs and the work behind
// them), the outcomes and the total, each with its count and its share in
// percent; the audit's summary; and a table of its findings, most serious
// first, with their severity, code and message (or a line saying there are
// none). Text is escaped so that any name shows as it is; see the package
// documentation. The zero AuditReport, which Audit returns with an error, is
// an error with code [ErrNothingToRender]; otherwise AuditMarkdown returns
// the first error w returned, as is.
func AuditMarkdown(w io.Writer, r outcome.AuditReport) error { return audit(w, r, markdown) }

// AuditText writes a KPI audit as [AuditMarkdown] does, as plain text with
// aligned columns.
func AuditText(w io.Writer, r outcome.AuditReport) error { return audit(w, r, text) }

func audit(w io.Writer, r outcome.AuditReport, f format) error {
	if r.IsZero() {
		return newError(ErrNothingToRender, nil, "render: cannot render the zero AuditReport, which comes with an error")
	}
	levels := table{head: []string{"Level", "KPIs", "Share"}, right: []bool{false, true, true}}
	for l := range outcome.Levels() {
		levels.add(l.String(), strconv.Itoa(r.Count(l)), percent(r.Share(l)))
	}
	levels.add("Outputs and the work behind them", strconv.Itoa(r.OutputSideCount()), percent(r.OutputSideShare()))
	levels.add("Outcomes", strconv.Itoa(r.OutcomeCount()), percent(r.OutcomeShare()))
	all := "100%"
	if r.Total() == 0 {
		all = "0%"
	}
	levels.add("All KPIs", strconv.Itoa(r.Total()), all)
	s := newSink(w)
	levels.write(s, f)
	s.end()
	paragraph(s, f, r.Summary())
	s.end()
	findings := r.Findings()
	if len(findings) == 0 {
		paragraph(s, f, "The audit found nothing to report.")
		return s.close()
	}
	t := table{head: []string{"Severity", "Code", "Finding"}, right: []bool{false, false, false}}
	for _, x := range findings {
		t.add(x.Severity().String(), string(x.Code()), x.Message())
	}
	t.write(s, f)
	return s.close()
}

// percent writes a share (0.8) as a percentage without trailing zeros
// ("80%"): exact, since a share has at most [outcome.AuditSharePlaces]
// places.
func percent(share decimal.Decimal) string {
	return decfmt.String(share.Shift(2)) + "%"
}
