package render

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/northstar"
)

// NorthStarMarkdown writes a North Star ranking ([northstar.Select]) as
// Markdown:
//
//   - a line naming the North Star (the winner) with its total, and the
//     runner-up ([northstar.Robustness]) with how far it is behind: the
//     winner's total less the runner-up's, as the ranking shows them (each
//     to three places, so that totals of 1 and 0.6665, shown as 1.000 and
//     0.667, are 0.333 apart); each is named "Name (ID)". A runner-up that
//     is not among the entries is named by its ID alone, and its margin is
//     [northstar.Robustness.Margin] to three places. Or the line says that
//     no candidate passes every gate;
//   - the ranking, one candidate a row in rank order: its name and ID, the
//     gates it failed (or "passed"), each criterion's contribution to its
//     total (the criterion's normalised weight, shown in the column's
//     header, times the candidate's normalised score; "no evidence" where
//     the candidate had none for the criterion), and the total;
//   - why each failed gate was failed;
//   - each candidate's customer coverage by category: the category's weight,
//     the metric's share of the category's importance, and what that adds to
//     the candidate's coverage contribution;
//   - the input metrics ([northstar.Ranking.InputMetrics]: the metrics of
//     the work beneath the North Star that drive it), with their owners and
//     influence, when the ranking has them.
//
// The scores of a ranking are float64 statistics; they are shown to three
// decimal places (the ranking holds them unrounded). Text is escaped so that
// any name shows as it is; see the package documentation. A ranking with no
// entries (the zero Ranking, which Select returns with an error) is an error
// with code [ErrNothingToRender]; otherwise NorthStarMarkdown returns the
// first error w returned, as is.
func NorthStarMarkdown(w io.Writer, r northstar.Ranking) error { return northStar(w, r, markdown) }

// NorthStarText writes a North Star ranking as [NorthStarMarkdown] does, as
// plain text with aligned columns.
func NorthStarText(w io.Writer, r northstar.Ranking) error { return northStar(w, r, text) }

func northStar(w io.Writer, r northstar.Ranking, f format) error {
	if len(r.Entries) == 0 {
		return newError(ErrNothingToRender, nil, "render: cannot render a Ranking with no candidates")
	}
	s := newSink(w)
	if win, ok := r.Winner(); ok {
		line := "North Star: " + win.Metric.Name() + " (" + win.Metric.ID() + "), total " + fixed3(win.Total)
		if id := r.Robustness.RunnerUp; id != "" {
			if e, ok := entry(r, id); ok {
				line += "; the runner-up, " + e.Metric.Name() + " (" + id + "), is " + behind3(win.Total, e.Total) + " behind"
			} else {
				line += "; the runner-up, " + id + ", is " + fixed3(r.Robustness.Margin) + " behind"
			}
		}
		paragraph(s, f, line+".")
	} else {
		paragraph(s, f, "No candidate passes every gate: there is no North Star among them.")
	}
	s.end()

	head := []string{"Rank", "Metric", "ID", "Gates"}
	right := []bool{true, false, false, false}
	first := r.Entries[0]
	for c := range northstar.Criteria() {
		name := c.String()
		head = append(head, strings.ToUpper(name[:1])+name[1:]+" ("+fixed3(first.Score(c).Weight)+")")
		right = append(right, true)
	}
	t := table{head: append(head, "Total"), right: append(right, true)}
	var failures, coverage table
	failures = table{head: []string{"Metric", "Gate", "Why"}, right: []bool{false, false, false}}
	coverage = table{head: []string{"Metric", "Category", "Weight", "Share", "Coverage", "Contribution"},
		right: []bool{false, false, true, true, true, true}}
	for _, e := range r.Entries {
		gates := "passed"
		if len(e.Failed) > 0 {
			names := make([]string, len(e.Failed))
			for i, g := range e.Failed {
				names[i] = g.Gate.String()
				failures.add(e.Metric.Name(), g.Gate.String(), g.Reason)
			}
			gates = "failed: " + strings.Join(names, ", ")
		}
		row := []string{strconv.Itoa(e.Rank), e.Metric.Name(), e.Metric.ID(), gates}
		for c := range northstar.Criteria() {
			sc := e.Score(c)
			if sc.Missing {
				row = append(row, "no evidence")
			} else {
				row = append(row, fixed3(sc.Contribution))
			}
		}
		t.add(append(row, fixed3(e.Total))...)
		for _, c := range e.Categories {
			coverage.add(e.Metric.Name(), c.Category, fixed3(c.Weight), fixed3(c.Share), fixed3(c.Raw), fixed3(c.Contribution))
		}
	}
	t.write(s, f)
	if len(failures.rows) > 0 {
		s.end()
		paragraph(s, f, "Gates failed:")
		s.end()
		failures.write(s, f)
	}
	if len(coverage.rows) > 0 {
		s.end()
		paragraph(s, f, "Customer coverage by category (weight times share):")
		s.end()
		coverage.write(s, f)
	}
	if len(r.InputMetrics) > 0 {
		s.end()
		paragraph(s, f, "Input metrics, the work that drives the North Star, and who owns it:")
		s.end()
		in := table{head: []string{"Metric", "ID", "Owner", "Influence", "Link"}, right: []bool{false, false, false, true, false}}
		for _, m := range r.InputMetrics {
			link := "through others"
			if m.Direct {
				link = "direct"
			}
			in.add(m.Metric.Name(), m.Metric.ID(), m.Metric.Owner(), fixed3(m.Influence), link)
		}
		in.write(s, f)
	}
	return s.close()
}

// entry returns the entry of r whose metric has the given ID.
func entry(r northstar.Ranking, id string) (northstar.Entry, bool) {
	for _, e := range r.Entries {
		if e.Metric.ID() == id {
			return e, true
		}
	}
	return northstar.Entry{}, false
}

// behind3 writes how far total b is behind total a as the table shows them:
// the difference of the two, each rounded as [fixed3] rounds it, so that
// the figure agrees with the totals a reader sees (1.000 and 0.667 give
// 0.333, though 1 - 0.6665 is 0.3335). A NaN or an infinity is written as
// strconv writes the difference.
func behind3(a, b float64) string {
	if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
		return fixed3(a - b)
	}
	return decimal.NewFromFloat(a).Round(3).Sub(decimal.NewFromFloat(b).Round(3)).StringFixed(3)
}

// fixed3 writes a float64 score to three decimal places, rounding the
// shortest decimal that reads back as x (what a person reads it as: 0.0875
// for 0.35 × 0.25, whose binary value lies just below) half away from zero,
// so that a table's products agree with its factors as a reader works them
// out. A NaN or an infinity is written as strconv writes it.
func fixed3(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', 3, 64)
	}
	return decimal.NewFromFloat(x).StringFixed(3)
}
