package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxmodel/cx/render"
)

// runMarkdown writes the same review as [run], as Markdown for a wiki or a
// pull request: every part with the same head, the same figures and the same
// reasons, in tables where package render draws them (the audit, the North
// Star ranking, the departments' scores, the contributions) and in lists for
// the rest (the alignment of each level, the orphans, the line of sight, the
// rewarded KPIs, the North Star's lead over revenue, each crown's reason, for
// each department and for the whole centre); and the hierarchy drawn as a
// Mermaid diagram besides. The tables hold more than the text report shows:
// each criterion's contribution to a candidate's total, and every
// candidate's coverage by category.
func runMarkdown(w io.Writer) error {
	fmt.Fprint(w, "# Northwind Contact Centre: the Outside-In review\n")

	auditHead.markdown(w)
	report, err := audit()
	if err != nil {
		return err
	}
	if err := render.AuditMarkdown(w, report); err != nil {
		return err
	}

	hierarchyHead.markdown(w)
	h, err := reviewHierarchy()
	if err != nil {
		return err
	}
	paragraph(w, h.alignment.Answer())
	var levels []string
	for _, s := range h.alignment.Levels {
		levels = append(levels, s.Level.String()+": "+aligned(s))
	}
	fmt.Fprintln(w)
	markdownList(w, "How much of each level is aligned:", levels)
	fmt.Fprintln(w)
	if err := writeMermaid(w); err != nil {
		return err
	}
	for _, l := range h.lists {
		fmt.Fprintln(w)
		markdownList(w, l.title, l.items)
	}

	northStarHead.markdown(w)
	r, err := chooseNorthStar()
	if err != nil {
		return err
	}
	for _, c := range corrections() {
		fmt.Fprintf(w, "%s\n\n", c)
	}
	if err := render.NorthStarMarkdown(w, r); err != nil {
		return err
	}
	if win, ok := r.Winner(); ok {
		fmt.Fprintln(w)
		markdownList(w, "How the North Star moves against the business outcomes:", leads(win))
	}

	tripleCrownHead.markdown(w)
	c, err := reviewCrowns()
	if err != nil {
		return err
	}
	if err := render.ScoresMarkdown(w, c.scores); err != nil {
		return err
	}
	for _, s := range c.scores {
		fmt.Fprintln(w)
		markdownList(w, s.Unit()+": "+s.Reason(), crownReasons(s))
	}
	fmt.Fprintln(w)
	markdownList(w, fmt.Sprintf("The whole centre (%s): %s", c.combination, c.whole.Reason()), crownReasons(c.whole))
	for _, contrib := range c.contributions {
		fmt.Fprintf(w, "\nContributions to the %s crown:\n\n", contrib.Crown())
		if err := render.ContributionsMarkdown(w, contrib); err != nil {
			return err
		}
	}
	return nil
}

// markdown writes the head as the Markdown report opens a part: a heading,
// and the method's words as a quotation block.
func (h head) markdown(w io.Writer) {
	fmt.Fprintf(w, "\n## %s\n\n> %s\n\n", markdownText(h.title), markdownText(h.words))
}

// paragraph writes text as a paragraph of Markdown.
func paragraph(w io.Writer, text string) {
	fmt.Fprintln(w, markdownText(text))
}

// markdownList writes a title, then its items as a Markdown list.
func markdownList(w io.Writer, title string, items []string) {
	fmt.Fprintf(w, "%s\n\n", markdownText(title))
	for _, item := range items {
		fmt.Fprintf(w, "- %s\n", markdownText(item))
	}
}

// markdownText escapes text for a line of Markdown, as package render
// escapes a table's cells: a backslash before the ASCII punctuation that
// Markdown reads as syntax inside a line (\ | ` * _ [ ] ~ $, and < and &
// unless a space or the end follows, since only then can they open a tag or
// an entity). Each line it escapes here starts with a letter, a digit and a
// full stop (a heading's number), or a quotation mark, so nothing at the
// start of a line needs escaping.
func markdownText(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '<', '&':
			if i+1 < len(text) && text[i+1] != ' ' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '\\', '|', '`', '*', '_', '[', ']', '~', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeMermaid writes the contact centre's hierarchy as a fenced Mermaid
// diagram, the one README.md shows.
func writeMermaid(w io.Writer) error {
	m, err := contactModel()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "```mermaid")
	if err := render.Mermaid(w, m, render.DiagramOptions{}); err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, "```")
	return err
}
