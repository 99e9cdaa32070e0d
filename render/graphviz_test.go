package render_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/render"
)

// TestGraphviz renders the golden graphs and the graph of hostile names with
// Graphviz's dot, and checks that it accepts them and shows every hostile
// name as it is. It is skipped where dot is not installed (.ci/install-graphviz
// installs it for CI).
func TestGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not on PATH")
	}
	svg := func(t *testing.T, src []byte) []byte {
		t.Helper()
		var out, stderr bytes.Buffer
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(src), &out, &stderr
		require.NoError(t, cmd.Run(), "dot: %s\n%s", stderr.String(), src)
		assert.NotContains(t, stderr.String(), "rror", "dot reported an error")
		assert.NotContains(t, stderr.String(), "syntax", "dot reported a syntax problem")
		return out.Bytes()
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.dot"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			svg(t, src)
		})
	}
	t.Run("hostile names", func(t *testing.T) {
		var src bytes.Buffer
		require.NoError(t, render.DOT(&src, hostileModel(), render.DiagramOptions{AllWeights: true, Highlight: hostileNames[0]}))
		texts := svgTexts(t, svg(t, src.Bytes()))
		// Each name shows as it is, a line of the label to a text element
		// (Graphviz trims the spaces around a line).
		for _, name := range hostileNames {
			for _, line := range strings.Split(render.Shown(name, "\n", " "), "\n") {
				assert.Contains(t, texts, strings.TrimSpace(line), "name %q", name)
			}
		}
		assert.Contains(t, texts, `"the customer" <b>`)
	})
	t.Run("long names", func(t *testing.T) {
		var src bytes.Buffer
		require.NoError(t, render.DOT(&src, longNameModel(), render.DiagramOptions{}))
		texts := svgTexts(t, svg(t, src.Bytes()))
		for _, name := range longNames() {
			for _, line := range strings.Split(render.Shown(name, "\n", " "), "\n") {
				if line = strings.TrimSpace(line); line != "" { // an empty line draws no text
					assert.Contains(t, texts, line, "a line of %.40q", name)
				}
			}
		}
	})
}

// svgTexts returns the character data of the text elements of an SVG.
func svgTexts(t *testing.T, svg []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = false
	var texts []string
	in := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts
		}
		require.NoError(t, err)
		switch x := tok.(type) {
		case xml.StartElement:
			in = x.Name.Local == "text"
			if in {
				texts = append(texts, "")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				texts[len(texts)-1] += string(x)
			}
		}
	}
}
