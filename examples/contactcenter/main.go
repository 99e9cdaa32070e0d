// Command contactcenter tells the method's story of a contact centre: its KPI
// portfolio, classified as outputs and outcomes.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cxmodel/cx/outcome"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// portfolio is the contact centre's KPIs as the method describes them.
func portfolio() []outcome.MetricSpec {
	return []outcome.MetricSpec{
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter, Rewarded: true},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue},
	}
}

func run(w io.Writer) error {
	fmt.Fprintln(w, "Contact centre: the KPI portfolio")
	for _, spec := range portfolio() {
		m, err := outcome.NewMetric(spec)
		if err != nil {
			return err
		}
		c := outcome.Classify(m.Name())
		fmt.Fprintf(w, "  %-22s declared %-18s catalogue: %s\n", m.Name(), m.Level(), c.Reason)
	}
	return nil
}
