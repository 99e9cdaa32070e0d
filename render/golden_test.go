package render_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
)

// update rewrites the golden files: go test ./render -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with the file testdata/name, or, with -update, writes
// it there.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./render -update to write the golden file")
	assert.Equal(t, string(want), string(got), "%s differs from the golden file", name)
}

// TestGolden_decimalSettingsIgnored renders every table and diagram of the
// golden files again with decimal's TrimTrailingZeros and
// UseScientificNotation flipped from their defaults: the bytes are the
// golden files' (whose figures the golden tests work out), since render
// writes decimals as decimal's String does by default whatever those
// settings say. It changes them, so it must not run in parallel.
func TestGolden_decimalSettingsIgnored(t *testing.T) {
	if *update {
		t.Skip("the golden files are written under decimal's defaults")
	}
	dectest.FlipSettings(t)
	t.Run("tables", TestTablesGolden)
	t.Run("north star", TestNorthStarGolden)
	t.Run("diagrams", TestDiagramGolden)
	t.Run("score cells", TestScoreCells)
	t.Run("audit figures", TestAuditFigures)
	// Weights finer than a millionth are exact decimals: 2.000000500001 is
	// a sum of products of weights of 6 places, held with 12 or more places
	// and written without their trailing zeros.
	t.Run("diagram weights", TestDiagramHideExact)
}
