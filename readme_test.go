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

// TestREADMECode keeps every Go block of README.md that is marked with
// `<!-- code: FILE FUNC -->` identical to that function in that file, where it
// compiles and its tests run.
func TestREADMECode(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := strings.Split(string(readme), "<!-- code: ")
	require.Greater(t, len(blocks), 1, "README.md has no marked code")
	for _, b := range blocks[1:] {
		head, rest, ok := strings.Cut(b, " -->\n```go\n")
		require.True(t, ok, "a code marker is not followed by a Go block: %.40q", b)
		shown, _, ok := strings.Cut(rest, "```\n")
		require.True(t, ok, "the Go block after %q is not closed", head)
		file, fn, ok := strings.Cut(head, " ")
		require.True(t, ok, "marker %q is not FILE FUNC", head)
		src, err := os.ReadFile(file)
		require.NoError(t, err, head)
		_, body, ok := strings.Cut(string(src), "\nfunc "+fn+"(")
		require.True(t, ok, "%s has no func %s", file, fn)
		body, _, ok = strings.Cut(body, "\n}\n")
		require.True(t, ok, "func %s in %s has no end", fn, file)
		assert.Equal(t, "func "+fn+"("+body+"\n}\n", shown, "README.md's copy of %s", head)
	}
}
