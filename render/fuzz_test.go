package render_test

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
)

// FuzzDiagram renders a small hierarchy whose IDs and names are arbitrary
// text, under options chosen by the fuzzer, and checks that both outputs
// pass the strict checkers (so they parse) and that every label shows its
// text as it is, and that both are the diagrams as drawn before session 8
// (BareMermaid, BareDOT).
//
//	go test -run='^$' -fuzz=FuzzDiagram -fuzztime=20s ./render
func FuzzDiagram(f *testing.F) {
	for i, name := range hostileNames {
		f.Add(name, hostileNames[(i+1)%len(hostileNames)], hostileNames[(i+2)%len(hostileNames)], uint8(i*37))
	}
	f.Add("answer-call", "Answer call", "", uint8(0))
	f.Fuzz(func(t *testing.T, a, b, c string, shape uint8) {
		idOr := func(s, alt string) string {
			if outcome.ValidateID(s) != nil {
				return alt
			}
			return s
		}
		task, act, sco := idOr(a, "t"), idOr(b, "a"), idOr(c, "s")
		a, b, c = validUTF8(a), validUTF8(b), validUTF8(c) // as names: hierarchy refuses invalid UTF-8
		bld := hierarchy.NewBuilder()
		bld.AddNode(hierarchy.Node{ID: task, Name: b, Level: outcome.Task})
		bld.AddNode(hierarchy.Node{ID: act, Name: c, Level: outcome.Activity})
		bld.AddNode(hierarchy.Node{ID: "o", Name: a, Level: outcome.Output})
		bld.AddNode(hierarchy.Node{ID: sco, Level: outcome.CustomerOutcome}) // labelled by its ID
		bld.AddNode(hierarchy.Node{ID: "orphan", Name: a + b, Level: outcome.Task})
		bld.AddWeightedLink(task, act, decimal.New(int64(shape), -2))
		bld.AddLink(act, "o")
		bld.AddLink("o", sco)
		m, err := bld.Build()
		if err != nil {
			return // IDs that collide
		}
		opts := render.DiagramOptions{AllWeights: shape&1 != 0}
		if shape&2 != 0 {
			opts.Highlight = task
		}
		if shape&4 != 0 {
			opts.Serving = sco
		}
		if shape&8 != 0 {
			opts.Hide = []outcome.Level{outcome.Activity}
		}
		if shape&16 != 0 {
			opts.Highlight = "orphan"
		}
		if opts.Serving != "" && opts.Highlight == "orphan" {
			opts.Highlight = ""
		}
		var mm, dot bytes.Buffer
		if err := render.Mermaid(&mm, m, opts); err != nil {
			t.Fatalf("Mermaid: %v", err)
		}
		if err := render.DOT(&dot, m, opts); err != nil {
			t.Fatalf("DOT: %v", err)
		}
		// The same as the diagrams drawn before session 8, which cost the
		// whole model whatever the options.
		var bareMM, bareDOT bytes.Buffer
		if err := render.BareMermaid(&bareMM, m, opts); err != nil || bareMM.String() != mm.String() {
			t.Fatalf("Mermaid differs from BareMermaid (%v):\n%s\n%s", err, mm.String(), bareMM.String())
		}
		if err := render.BareDOT(&bareDOT, m, opts); err != nil || bareDOT.String() != dot.String() {
			t.Fatalf("DOT differs from BareDOT (%v):\n%s\n%s", err, dot.String(), bareDOT.String())
		}
		d, err := checkMermaid(mm.String())
		if err != nil {
			t.Fatalf("Mermaid: %v\n%s", err, mm.String())
		}
		g, err := checkDOT(dot.String())
		if err != nil {
			t.Fatalf("DOT: %v\n%s", err, dot.String())
		}
		i := 0
		for n := range m.Nodes() {
			name := "n" + string(rune('0'+i))
			i++
			want := n.Name
			if want == "" {
				want = n.ID
			}
			want = render.Shown(want, "\n", " ")
			if got, ok := d.labels[name]; ok && got != want {
				t.Errorf("Mermaid label of %q: %q, want %q", n.ID, got, want)
			}
			if got, ok := g.labels[name]; ok && got != want {
				t.Errorf("DOT label of %q: %q, want %q", n.ID, got, want)
			}
		}
	})
}
