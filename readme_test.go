package cx_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEFailureOutput keeps the failure output README.md shows identical
// to the one examples/alignmenttest pins (which that test checks against what
// cxtest prints).
func TestREADMEFailureOutput(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	pinned, err := os.ReadFile("examples/alignmenttest/testdata/misaligned.txt")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "<!-- misaligned:begin -->\n```text\n")
	require.True(t, ok, "README.md lacks the misaligned block")
	shown, _, ok := strings.Cut(rest, "```\n<!-- misaligned:end -->")
	require.True(t, ok, "README.md's misaligned block is not closed")
	assert.Equal(t, strings.TrimRight(string(pinned), "\n"), strings.TrimRight(shown, "\n"))
}
