package main

import (
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/cxmodel/cx/triplecrown"
)

// CostLine is one line of a department's cost as it arrives from the ledger:
// the amount as decimal text, so that no float ever touches it.
type CostLine struct {
	Department string
	Amount     string // "1234.50"
	Currency   string // "EUR"
}

func init() {
	beam.RegisterType(reflect.TypeFor[CostLine]())
	register.Function2x1[CostLine, func(string, triplecrown.Money), error](parseCostLine)
	register.Emitter2[string, triplecrown.Money]()
	register.Combiner3[triplecrown.MoneySum, triplecrown.Money, triplecrown.Money](&MoneySumFn{})
	register.Function2x1[string, triplecrown.Money, string](formatCost)
}

// parseCostLine turns a ledger line into the department and its amount. A
// line that is not an amount fails the pipeline: nothing is dropped.
func parseCostLine(l CostLine, emit func(string, triplecrown.Money)) error {
	m, err := triplecrown.ParseMoney(l.Amount, l.Currency)
	if err != nil {
		return fmt.Errorf("department %q: %w", l.Department, err)
	}
	emit(l.Department, m)
	return nil
}

// MoneySumFn is a CombineFn that sums a department's costs exactly: its
// accumulator is a triplecrown.MoneySum (fixed-point, no allocation per
// amount), shipped between workers in its binary form.
type MoneySumFn struct{}

// CreateAccumulator returns the empty sum.
func (MoneySumFn) CreateAccumulator() triplecrown.MoneySum { return triplecrown.MoneySum{} }

// AddInput adds one amount; an amount in another currency fails the
// pipeline rather than being converted or dropped.
func (MoneySumFn) AddInput(s triplecrown.MoneySum, m triplecrown.Money) (triplecrown.MoneySum, error) {
	err := s.Add(m)
	return s, err
}

// MergeAccumulators merges two workers' partial sums.
func (MoneySumFn) MergeAccumulators(a, b triplecrown.MoneySum) (triplecrown.MoneySum, error) {
	err := a.Merge(b)
	return a, err
}

// ExtractOutput returns the total.
func (MoneySumFn) ExtractOutput(s triplecrown.MoneySum) triplecrown.Money { return s.Total() }

// DepartmentCosts sums the cost lines per department: a PCollection of
// KV<string, triplecrown.Money>.
func DepartmentCosts(s beam.Scope, lines beam.PCollection) beam.PCollection {
	s = s.Scope("DepartmentCosts")
	amounts := beam.ParDo(s, parseCostLine, lines)
	return beam.CombinePerKey(s, &MoneySumFn{}, amounts)
}

// formatCost writes a department's total as "cost department: amount
// currency".
func formatCost(dept string, m triplecrown.Money) string { return "cost " + dept + ": " + m.String() }
