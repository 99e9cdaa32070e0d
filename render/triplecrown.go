package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/triplecrown"
)

// ScoresMarkdown writes triple-crown scores ([triplecrown.Scorecard.Score])
// as a Markdown table, one row per score in the order given: the unit, the
// period, each crown's status with its relative change (or, from a baseline
// of zero, its absolute change), such as "won (-8.06%)", and the verdict.
// Text is escaped so that any name shows as it is; see the package
// documentation. A zero Score, which Score returns with an error, is an error
// with code [ErrNothingToRender] naming its index (the first ten indexes of
// zero Scores, and how many more there are); otherwise ScoresMarkdown
// returns the first error w returned, as is.
func ScoresMarkdown(w io.Writer, scores []triplecrown.Score) error {
	return scoresTable(w, scores, markdown)
}

// ScoresText writes triple-crown scores as [ScoresMarkdown] does, as plain
// text with aligned columns.
func ScoresText(w io.Writer, scores []triplecrown.Score) error { return scoresTable(w, scores, text) }

// maxIndexes is the most indexes of zero Scores that an error names; it
// counts the rest.
const maxIndexes = 10

func scoresTable(w io.Writer, scores []triplecrown.Score, f format) error {
	var zero []string // the first maxIndexes indexes of zero Scores
	n := 0
	for i, sc := range scores {
		if sc.IsZero() {
			if n < maxIndexes {
				zero = append(zero, strconv.Itoa(i))
			}
			n++
		}
	}
	if n > 0 {
		return newError(ErrNothingToRender, nil, "render: cannot render the zero Score at %s %s, which comes with an error",
			plural(n, "index", "indexes"), words.List(zero, n))
	}
	t := table{head: []string{"Unit", "Period", "Cost", "Service", "Revenue", "Verdict"},
		right: make([]bool, 6)}
	for _, sc := range scores {
		t.add(sc.Unit(), sc.Period(), statusCell(sc.Cost()), statusCell(sc.Service()), statusCell(sc.Revenue()),
			sc.Verdict().String())
	}
	s := newSink(w)
	t.write(s, f)
	return s.close()
}

// ScoreMarkdown writes one triple-crown score as Markdown: a line with the
// unit, the period and the verdict's reason ([triplecrown.Score.Reason]), and
// a table of the three crowns with their baseline and actual (money with its
// currency, a service measure's value as a number), the absolute and relative
// change (signed with the exact change's sign, so that a change that rounds
// to zero still shows its direction), the materiality threshold, the
// significance test of a service change when there was one, and the status.
// The zero Score is an error with code [ErrNothingToRender]; otherwise
// ScoreMarkdown returns the first error w returned, as is.
//
// A [triplecrown.CrownScore] does not tell the service measure's name and
// unit, so the table calls it "service"; the reason in the first line, and
// [triplecrown.CrownScore.Reason], name it.
func ScoreMarkdown(w io.Writer, sc triplecrown.Score) error { return scoreTable(w, sc, markdown) }

// ScoreText writes one triple-crown score as [ScoreMarkdown] does, as plain
// text with aligned columns.
func ScoreText(w io.Writer, sc triplecrown.Score) error { return scoreTable(w, sc, text) }

func scoreTable(w io.Writer, sc triplecrown.Score, f format) error {
	if sc.IsZero() {
		return newError(ErrNothingToRender, nil, "render: cannot render the zero Score, which comes with an error")
	}
	t := table{head: []string{"Crown", "Baseline", "Actual", "Change", "Relative", "Threshold", "Test", "Status"},
		right: []bool{false, true, true, true, true, true, false, false}}
	for c := range sc.All() {
		rel := ""
		if r, ok := c.Relative(); ok {
			rel = relativeText(r, changeSign(c))
		}
		t.add(c.Crown().String(), amountText(c, c.Baseline()), amountText(c, c.Actual()),
			signedText(amountText(c, c.Change()), changeSign(c)), rel, c.Threshold().String(), testText(c),
			c.Status().String())
	}
	s := newSink(w)
	paragraph(s, f, "Unit "+sc.Unit()+" ("+sc.Period()+"): "+sc.Reason())
	s.end()
	t.write(s, f)
	return s.close()
}

// ContributionsMarkdown writes each unit's contribution to the enterprise's
// cost saving or revenue growth ([triplecrown.NewContributions]) as a
// Markdown table, in the order of the contributions: the unit, its money
// contribution, its share of the total in percent to the contributions'
// places (empty when the total is zero and shares are not defined), and
// "detractor" for a unit that took away from the total; then a row with the
// total. The zero Contributions is an error with code [ErrNothingToRender];
// otherwise ContributionsMarkdown returns the first error w returned, as is.
func ContributionsMarkdown(w io.Writer, c triplecrown.Contributions) error {
	return contributions(w, c, markdown)
}

// ContributionsText writes contributions as [ContributionsMarkdown] does, as
// plain text with aligned columns.
func ContributionsText(w io.Writer, c triplecrown.Contributions) error {
	return contributions(w, c, text)
}

func contributions(w io.Writer, c triplecrown.Contributions, f format) error {
	if c.IsZero() {
		return newError(ErrNothingToRender, nil, "render: cannot render the zero Contributions, which comes with an error")
	}
	what := "Revenue growth"
	if c.Crown() == triplecrown.Cost {
		what = "Cost saving"
	}
	t := table{head: []string{"Unit", what, "Share", "Note"}, right: []bool{false, true, true, false}}
	share := func(d decimal.Decimal) string {
		if !c.SharesDefined() {
			return ""
		}
		return d.StringFixed(c.Places()) + "%"
	}
	for x := range c.All() {
		note := ""
		if x.Detractor() {
			note = "detractor"
		}
		t.add(x.Unit(), x.Amount().String(), share(x.Share()), note)
	}
	t.add("Total", c.Total().String(), share(decimal.New(100, 0)), "")
	s := newSink(w)
	t.write(s, f)
	return s.close()
}

// changeSign returns the sign of a crown's exact change, which its rounded
// change may have lost.
func changeSign(c triplecrown.CrownScore) int {
	switch {
	case c.Improved():
		return c.Direction().Sign()
	case c.Worsened():
		return -c.Direction().Sign()
	}
	return 0
}

// amountText writes a crown's amount: money with the places it holds and its
// currency, a service value as it is.
func amountText(c triplecrown.CrownScore, d decimal.Decimal) string {
	if c.Crown() == triplecrown.Service {
		return decfmt.String(d)
	}
	text := decfmt.String(d)
	if e := d.Exponent(); e < 0 {
		text = d.StringFixed(-e)
	}
	return text + " " + c.Currency().String()
}

// relativeText writes a relative change (-0.0806) as a signed percentage
// with the places it holds ("-8.06%").
func relativeText(r decimal.Decimal, sign int) string {
	p := r.Shift(2)
	return signedText(p.StringFixed(max(-p.Exponent(), 0)), sign) + "%"
}

// signedText writes a number with the given sign, which it keeps when the
// number has rounded to zero: "+0.12", "-0.00".
func signedText(text string, sign int) string {
	switch {
	case sign > 0:
		return "+" + text
	case sign < 0 && !strings.HasPrefix(text, "-"):
		return "-" + text
	}
	return text
}

// statusCell writes a crown's status with its change: "won (-8.06%)".
func statusCell(c triplecrown.CrownScore) string {
	sign := changeSign(c)
	if r, ok := c.Relative(); ok {
		return c.Status().String() + " (" + relativeText(r, sign) + ")"
	}
	return c.Status().String() + " (" + signedText(amountText(c, c.Change()), sign) + ")"
}

// testText writes a service change's significance test, or nothing: the
// p-value to four significant digits, or to as many more as it takes for the
// number shown to compare with the significance level (written in full) as
// the p-value does, so that a p-value just below the level is never shown
// equal to it ("p = 0.087375 < 0.08738", not "p = 0.08738 < 0.08738"). The
// loop ends: 17 digits read back as the p-value itself.
func testText(c triplecrown.CrownScore) string {
	if !c.Tested() {
		return ""
	}
	pv, alpha := c.PValue(), c.SignificanceLevel()
	below := c.Status() != triplecrown.Inconclusive // p < alpha
	var p string
	for digits := 4; ; digits++ {
		p = strconv.FormatFloat(pv, 'g', digits, 64)
		if shown, _ := strconv.ParseFloat(p, 64); (shown < alpha) == below {
			break
		}
	}
	a := strconv.FormatFloat(alpha, 'g', -1, 64)
	if !below {
		return "p = " + p + ", not below " + a
	}
	return "p = " + p + " < " + a
}

// plural returns one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
