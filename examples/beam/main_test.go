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

// TestRun pins the program's report. Each figure is worked out by hand
// where its data is (money_test.go, nps_test.go).
func TestRun(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(context.Background(), &buf))
	assert.Equal(t, `claims: 1339.995 EUR
sales: 15000 EUR
`, buf.String())
}
