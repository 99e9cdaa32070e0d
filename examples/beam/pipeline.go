package main

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Report is the pipeline: from the ledger's cost lines to the report's
// lines, one per department ("cost claims: 1339.995 EUR").
func Report(s beam.Scope, lines beam.PCollection) beam.PCollection {
	costs := beam.ParDo(s, formatCost, DepartmentCosts(s, lines))
	return costs
}

// costLines is the built-in ledger: a contact centre's departments, in
// euros, with the cents (and a tenth of a cent) that must not be lost.
func costLines() []CostLine {
	return []CostLine{
		{"claims", "1250.00", "EUR"}, {"claims", "89.99", "EUR"}, {"sales", "15000", "EUR"}, {"claims", "0.005", "EUR"},
	}
}
