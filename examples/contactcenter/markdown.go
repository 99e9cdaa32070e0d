package main

import (
	"fmt"
	"io"

	"github.com/cxmodel/cx/render"
	"github.com/cxmodel/cx/triplecrown"
)

// runMarkdown writes the same review as Markdown, for a wiki or a pull
// request: the audit, North Star and triple-crown tables, and the hierarchy
// as a Mermaid diagram.
func runMarkdown(w io.Writer) error {
	fmt.Fprint(w, "# Northwind Contact Centre: the Outside-In review\n\n## 1. The KPI audit\n\n")
	report, err := audit()
	if err != nil {
		return err
	}
	if err := render.AuditMarkdown(w, report); err != nil {
		return err
	}
	fmt.Fprint(w, "\n## 2. The hierarchy\n\n")
	m, err := contactModel()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s\n\n", m.Alignment().Answer())
	if err := writeMermaid(w); err != nil {
		return err
	}
	fmt.Fprint(w, "\n## 3. The North Star\n\n")
	r, err := chooseNorthStar()
	if err != nil {
		return err
	}
	if err := render.NorthStarMarkdown(w, r); err != nil {
		return err
	}
	fmt.Fprint(w, "\n## 4. The triple crown\n\n")
	cards, err := departments()
	if err != nil {
		return err
	}
	policy, err := scoringPolicy()
	if err != nil {
		return err
	}
	var scores []triplecrown.Score
	for _, c := range cards {
		s, err := c.Score(policy)
		if err != nil {
			return err
		}
		scores = append(scores, s)
	}
	if err := render.ScoresMarkdown(w, scores); err != nil {
		return err
	}
	for _, crown := range []triplecrown.Crown{triplecrown.Cost, triplecrown.Revenue} {
		contrib, err := triplecrown.NewContributions(crown, cards, 0)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\nContributions to the %s crown:\n\n", crown)
		if err := render.ContributionsMarkdown(w, contrib); err != nil {
			return err
		}
	}
	return nil
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
