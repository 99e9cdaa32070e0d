package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain runs the package's pipelines on the prism runner, in process
// (ptest's default runner).
func TestMain(m *testing.M) { ptest.Main(m) }

// TestRun pins the program's report, sorted. The money is worked out by
// hand in TestDepartmentCosts (the same ledger), the scores in
// TestCategoryNPS (the same answers).
func TestRun(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(context.Background(), &buf))
	assert.Equal(t, `cost claims: 13189.495 EUR
cost contact-centre: 52331.15 EUR
cost field-service: 9811.75 EUR
nps loyal-customers: 66.7 (9 promoters, 2 passives, 1 detractor)
nps new-customers: 0.0 (4 promoters, 2 passives, 4 detractors)
nps small-business: -25.0 (2 promoters, 2 passives, 4 detractors)
`, buf.String())
}
