package main

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func eur(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }

// TestDepartmentCosts sums the program's ledger (costLines) per department
// on prism. The totals are worked out by hand, to the last decimal place
// kept.
func TestDepartmentCosts(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	lines := beam.CreateList(s, costLines())
	got := beam.ParDo(s, formatCost, DepartmentCosts(s, lines))
	passert.Equals(s, got,
		// 1250.00 + 89.99 = 1339.99; + 0.005 = 1339.995; + 12000 =
		// 13339.995; - 150.50 = 13189.495 (three places: the 0.005).
		"cost claims: 13189.495 EUR",
		// 48210.75 + 3120.40 = 51331.15; + 999.99 = 52331.14; + 0.01 =
		// 52331.15.
		"cost contact-centre: 52331.15 EUR",
		// 7300 + 2450.5 = 9750.5; + 61.25 = 9811.75.
		"cost field-service: 9811.75 EUR",
	)
	ptest.RunAndValidate(t, p)
}

// TestMoneySumFn_MergeAccumulators calls the CombineFn's methods directly,
// as a runner does when it merges workers' partial sums: a local runner
// may never split the input so far that it has to.
func TestMoneySumFn_MergeAccumulators(t *testing.T) {
	var fn MoneySumFn
	add := func(amounts ...string) triplecrown.MoneySum {
		a := fn.CreateAccumulator()
		for _, s := range amounts {
			var err error
			a, err = fn.AddInput(a, eur(s))
			require.NoError(t, err)
		}
		return a
	}
	w1 := add("1250.00", "89.99")
	w2 := add("0.005")
	w3 := add("12000", "-150.50")
	empty := fn.CreateAccumulator()

	m, err := fn.MergeAccumulators(w1, w2)
	require.NoError(t, err)
	m, err = fn.MergeAccumulators(m, empty)
	require.NoError(t, err)
	m, err = fn.MergeAccumulators(m, w3)
	require.NoError(t, err)
	got := fn.ExtractOutput(m)
	// As in TestDepartmentCosts: 13189.495 EUR, three places.
	assert.Equal(t, "13189.495 EUR", got.String())

	// Another grouping and order: the same total, the same places.
	m2, err := fn.MergeAccumulators(w3, w2)
	require.NoError(t, err)
	m2, err = fn.MergeAccumulators(m2, w1)
	require.NoError(t, err)
	assert.Equal(t, "13189.495 EUR", fn.ExtractOutput(m2).String())

	// A partial sum in another currency is refused, not converted.
	_, err = fn.MergeAccumulators(w1, add2(t, fn, triplecrown.MustMoney("10", "USD")))
	assert.ErrorIs(t, err, triplecrown.ErrCurrencyMismatch)
}

func add2(t *testing.T, fn MoneySumFn, m triplecrown.Money) triplecrown.MoneySum {
	a, err := fn.AddInput(fn.CreateAccumulator(), m)
	require.NoError(t, err)
	return a
}

// partialSumFn is MoneySumFn that outputs its accumulator: the first level
// of an explicit merge tree, one partial sum per shard.
type partialSumFn struct{ MoneySumFn }

// ExtractOutput returns the partial sum itself.
func (partialSumFn) ExtractOutput(s triplecrown.MoneySum) triplecrown.MoneySum { return s }

// mergeSumsFn merges partial sums: the second level of the tree.
type mergeSumsFn struct{ MoneySumFn }

// AddInput merges a partial sum.
func (f mergeSumsFn) AddInput(a, b triplecrown.MoneySum) (triplecrown.MoneySum, error) {
	return f.MergeAccumulators(a, b)
}

// shardCost keys an amount by its department and one of four shards (its
// last digit, modulo 4), so that every department's sum is cut in pieces.
func shardCost(dept string, m triplecrown.Money) (string, triplecrown.Money) {
	d := m.Amount().CoefficientInt64() % 4
	return dept + "/" + strconv.FormatInt(max(d, -d), 10), m
}

// unshardSum keys a partial sum by its department again.
func unshardSum(key string, s triplecrown.MoneySum) (string, triplecrown.MoneySum) {
	dept, _, _ := strings.Cut(key, "/")
	return dept, s
}

func init() {
	register.Combiner3[triplecrown.MoneySum, triplecrown.Money, triplecrown.MoneySum](&partialSumFn{})
	register.Combiner3[triplecrown.MoneySum, triplecrown.MoneySum, triplecrown.Money](&mergeSumsFn{})
	register.Function2x2[string, triplecrown.Money, string, triplecrown.Money](shardCost)
	register.Function2x2[string, triplecrown.MoneySum, string, triplecrown.MoneySum](unshardSum)
}

// generatedLedger returns n cost lines over four departments, amounts in
// cents and now and then in tenths of a cent or whole thousands, from a
// fixed seed.
func generatedLedger(n int) []CostLine {
	rng := rand.New(rand.NewPCG(9, 9))
	depts := []string{"claims", "contact-centre", "field-service", "billing"}
	out := make([]CostLine, n)
	for i := range out {
		var amount string
		switch rng.IntN(10) {
		case 0:
			amount = decimal.New(rng.Int64N(2_000_000)-1_000_000, -3).String()
		case 1:
			amount = strconv.FormatInt(rng.Int64N(100)*1000, 10)
		default:
			amount = decimal.New(rng.Int64N(10_000_000), -2).StringFixed(2)
		}
		out[i] = CostLine{depts[rng.IntN(len(depts))], amount, "EUR"}
	}
	return out
}

// onePass sums lines per department in one pass, outside Beam, with
// triplecrown.Sum: the result the pipeline must reproduce, formatted as the
// pipeline formats it.
func onePass(t *testing.T, lines []CostLine) []any {
	t.Helper()
	byDept := map[string][]triplecrown.Money{}
	for _, l := range lines {
		m, err := triplecrown.ParseMoney(l.Amount, l.Currency)
		require.NoError(t, err)
		byDept[l.Department] = append(byDept[l.Department], m)
	}
	var want []any
	for _, d := range slices.Sorted(maps.Keys(byDept)) {
		total, err := triplecrown.Sum(byDept[d])
		require.NoError(t, err)
		want = append(want, formatCost(d, total))
	}
	return want
}

// TestDepartmentCosts_mergePath: cutting each department's amounts into
// shards, summing the shards into partial MoneySums that cross the
// runner's shuffle in their binary form, and merging them gives exactly
// the one-pass sum; so does the plain pipeline over input that arrives in
// three separate collections. The explicit merge tree is there because
// prism (v2.77.0) does not call MergeAccumulators for the plain pipeline
// on this input (checked by breaking it: only the tree and
// TestMoneySumFn_MergeAccumulators fail), while a distributed runner
// merges workers' partial sums all the time.
func TestDepartmentCosts_mergePath(t *testing.T) {
	ledger := generatedLedger(3000)
	want := onePass(t, ledger)
	require.Len(t, want, 4)

	p, s := beam.NewPipelineWithRoot()
	parts := []beam.PCollection{
		beam.CreateList(s, ledger[:1000]), beam.CreateList(s, ledger[1000:2000]), beam.CreateList(s, ledger[2000:]),
	}
	lines := beam.Flatten(s, parts...)

	// The explicit merge tree.
	amounts := beam.ParDo(s, parseCostLine, lines)
	partials := beam.CombinePerKey(s, &partialSumFn{}, beam.ParDo(s, shardCost, amounts))
	merged := beam.CombinePerKey(s, &mergeSumsFn{}, beam.ParDo(s, unshardSum, partials))
	passert.Equals(s, beam.ParDo(s, formatCost, merged), want...)

	// The pipeline as the program runs it.
	passert.Equals(s, beam.ParDo(s, formatCost, DepartmentCosts(s, lines)), want...)
	ptest.RunAndValidate(t, p)
}

// TestParseCostLine: a line that is not an amount fails the pipeline with
// the library's code; nothing is dropped.
func TestParseCostLine(t *testing.T) {
	var got []string
	emit := func(d string, m triplecrown.Money) { got = append(got, d+" "+m.String()) }
	require.NoError(t, parseCostLine(CostLine{"claims", "12.50", "EUR"}, emit))
	assert.Equal(t, []string{"claims 12.50 EUR"}, got)

	err := parseCostLine(CostLine{"claims", "12,50", "EUR"}, emit)
	assert.ErrorIs(t, err, triplecrown.ErrInvalidAmount)
	assert.EqualError(t, err, `department "claims": triplecrown: amount "12,50" is not a decimal number`)
	err = parseCostLine(CostLine{"claims", "1", "eur"}, emit)
	assert.ErrorIs(t, err, triplecrown.ErrUnknownCurrency)
	assert.Len(t, got, 1)
}
