package main

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Report is the whole pipeline: from the ledger's cost lines and the survey
// responses to the report's lines, one per department ("cost claims:
// 13189.495 EUR") and one per customer category ("nps loyal-customers:
// 66.7 (9 promoters, 2 passives, 1 detractor)"), in no particular order.
func Report(s beam.Scope, lines, responses beam.PCollection) beam.PCollection {
	costs := beam.ParDo(s, formatCost, DepartmentCosts(s, lines))
	nps := beam.ParDo(s, formatNPS, CategoryNPS(s, responses))
	return beam.Flatten(s, costs, nps)
}

// costLines is the built-in ledger: three departments of a contact centre's
// company, in euros, with the cents (and a tenth of a cent) that must not be
// lost, and a credit note.
func costLines() []CostLine {
	return []CostLine{
		{"claims", "1250.00", "EUR"}, {"claims", "89.99", "EUR"}, {"claims", "0.005", "EUR"},
		{"claims", "12000", "EUR"}, {"claims", "-150.50", "EUR"},
		{"contact-centre", "48210.75", "EUR"}, {"contact-centre", "3120.40", "EUR"},
		{"contact-centre", "999.99", "EUR"}, {"contact-centre", "0.01", "EUR"},
		{"field-service", "7300", "EUR"}, {"field-service", "2450.5", "EUR"}, {"field-service", "61.25", "EUR"},
	}
}

// responses is the built-in survey: answers to the Net Promoter question
// from three customer categories.
func responses() []Response {
	var out []Response
	for _, c := range []struct {
		category string
		scores   []int
	}{
		{"new-customers", []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5}},
		{"loyal-customers", []int{10, 10, 9, 9, 9, 8, 10, 7, 9, 10, 6, 10}},
		{"small-business", []int{5, 6, 7, 9, 2, 8, 10, 4}},
	} {
		for _, s := range c.scores {
			out = append(out, Response{c.category, s})
		}
	}
	return out
}
