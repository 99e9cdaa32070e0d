package outcome_test

import (
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// benchNameCount is how many names one benchmark operation classifies.
const benchNameCount = 1_000_000

// benchNames returns benchNameCount names as a BI tool meets them in KPI
// definitions: four in five are the catalogue's names and aliases, spelt in
// varied ways (as written, lower case, upper case, kebab-case, snake_case,
// Title Case, with a unit in brackets, padded), and one
// in five are names the catalogue does not know.
func benchNames() []string {
	var known []string
	for c := range outcome.Catalogue() {
		known = append(known, c.Name)
		for a := range c.Aliases() {
			known = append(known, a)
		}
	}
	unknown := []string{
		"Revenue per employee", "Headcount", "Employee satisfaction", "Cart abandonment rate", "Cost per click",
		"Bounce rate", "Page views", "EBITDA", "Days sales outstanding", "Staff turnover", "Absenteeism",
		"Average hold time", "Talk time", "Calls offered", "Forecast accuracy", "Shrinkage (WFM)",
		"NPS target", "Revenue forecast", "Customer satisfaction index", "Net Promoter Score (CSAT)",
		"Open tickets", "Backlog", "Defect density", "Lead time for changes", "Change failure rate",
		"Footfall", "Gross merchandise value", "Return on investment", "Benefits realised", "Risks closed",
		"Agent attrition", "Quality of hire", "First reply SLA", "Calls per day target", "Monthly upskilling",
		"Brand awareness", "Share of voice", "Click-through rate", "Cost per lead", "Pipeline value",
	}
	variants := []func(string) string{
		func(s string) string { return s },
		strings.ToLower,
		strings.ToUpper,
		func(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") },
		func(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "_") },
		titleCase,
		func(s string) string { return s + " (%)" },
		func(s string) string { return "  " + s + "\t" },
	}
	var table []string
	for _, v := range variants {
		for _, s := range known {
			table = append(table, v(s))
		}
	}
	var unknownTable []string
	for _, v := range variants {
		for _, s := range unknown {
			unknownTable = append(unknownTable, v(s))
		}
	}
	names := make([]string, benchNameCount)
	for i := range names {
		// Strides co-prime with the table sizes spread the spellings evenly.
		if i%5 == 4 {
			names[i] = unknownTable[(i*7919)%len(unknownTable)]
		} else {
			names[i] = table[(i*104729)%len(table)]
		}
	}
	return names
}

// BenchmarkClassify classifies a million names per operation and reports
// the time per name and the share of names recognised. impl=catalogue is
// Classify; impl=map, the baseline, is a plain map from each name and alias, lower
// case, to its classification, looked up with strings.ToLower(name): the
// obvious alternative, which knows fewer spellings and allocates for every
// name with an upper-case letter.
func BenchmarkClassify(b *testing.B) {
	names := benchNames()
	b.Run("impl=catalogue", func(b *testing.B) {
		b.ReportAllocs()
		known := 0
		for b.Loop() {
			known = 0
			for _, n := range names {
				if outcome.Classify(n).Known() {
					known++
				}
			}
		}
		reportPerName(b, known, len(names))
	})
	b.Run("impl=map", func(b *testing.B) {
		m := map[string]outcome.Classification{}
		for c := range outcome.Catalogue() {
			m[strings.ToLower(c.Name)] = c
			for a := range c.Aliases() {
				m[strings.ToLower(a)] = c
			}
		}
		b.ReportAllocs()
		known := 0
		for b.Loop() {
			known = 0
			for _, n := range names {
				if m[strings.ToLower(n)].Known() {
					known++
				}
			}
		}
		reportPerName(b, known, len(names))
	})
}

// titleCase upper-cases the first letter of every word of s.
func titleCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		if (i == 0 || b[i-1] == ' ') && 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}

// reportPerName reports the time per name and the share of names known.
func reportPerName(b *testing.B, known, names int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(names), "ns/name")
	b.ReportMetric(float64(known)/float64(names), "known/name")
}
