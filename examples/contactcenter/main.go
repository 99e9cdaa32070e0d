// Command contactcenter tells the method's story of a contact centre, from
// its KPI portfolio to its departments' triple crown, on built-in data.
//
// Run it with:
//
//	go run ./examples/contactcenter            # a plain-text report
//	go run ./examples/contactcenter -markdown  # the same review as Markdown, with a Mermaid diagram
//
// Each part of the report is one step of the method:
//
//  1. The KPI audit: "Are they mostly about outputs?"
//  2. The hierarchy: does everything the centre does have a line of sight to
//     a successful customer outcome?
//  3. The North Star: which one metric, across the customer categories,
//     would consistently deliver successful customer outcomes?
//  4. The triple crown: did every department lower cost, improve service and
//     grow revenue at the same time, and what did each contribute?
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	asMarkdown := flag.Bool("markdown", false, "write the review as Markdown: tables, lists and a Mermaid diagram")
	flag.Parse()
	write := run
	if *asMarkdown {
		write = runMarkdown
	}
	if err := write(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "contactcenter:", err)
		os.Exit(1)
	}
}

// run writes the whole report to w.
func run(w io.Writer) error {
	fmt.Fprintln(w, "Northwind Contact Centre: the Outside-In review")
	fmt.Fprintln(w, "===============================================")
	for _, part := range []func(io.Writer) error{auditPart, hierarchyPart, northStarPart, tripleCrownPart} {
		fmt.Fprintln(w)
		if err := part(w); err != nil {
			return err
		}
	}
	return nil
}

// head opens a part of the review: its title, and the method's words or
// question that the part answers.
type head struct{ title, words string }

// The heads of the review's parts, which both forms of the report show.
var (
	auditHead = head{"1. The KPI audit",
		`"What you measure is what you get." Are these KPIs mostly about outputs?`}
	hierarchyHead = head{"2. The hierarchy and its line of sight",
		`"Is everything you are doing aligned to delivering a successful customer outcome?"`}
	northStarHead = head{"3. The North Star",
		`"Aggregate the SCOC's against all your customer categories and bringing out the most significant ones and deciding which is the most essential Metric."`}
	tripleCrownHead = head{"4. The triple crown",
		`"Simultaneously lowering costs, improving service and growing revenues", department by department.`}
)

// text writes the head as the plain-text report opens a part.
func (h head) text(w io.Writer) {
	fmt.Fprintln(w, h.title)
	fmt.Fprintln(w, "   "+h.words)
}
