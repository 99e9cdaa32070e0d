package render

import (
	"io"
	"strconv"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// The colours of the marks, shared by both formats.
const (
	colourOrphanFill      = "#fde2e1"
	colourOrphanLine      = "#c0392b"
	colourUnsupportedFill = "#fff4ce"
	colourUnsupportedLine = "#b7950b"
	colourLit             = "#1f6feb"
)

// The legend's entries. They are fixed text, without the characters that
// either format escapes, so that they read the same in the source.
const (
	legendOrphan      = "orphan, reaching no successful customer outcome"
	legendUnsupported = "successful customer outcome that no work feeds"
	legendLit         = "line of sight of the highlighted node"
	legendWeights     = "a link without a label has weight 1"
	legendHidden      = "links re-routed through hidden " // + the levels
)

// levelKey returns the identifier of a level's subgraph: "tasks".
func levelKey(l outcome.Level) string {
	switch l {
	case outcome.Task:
		return "tasks"
	case outcome.Activity:
		return "activities"
	case outcome.Output:
		return "outputs"
	case outcome.BusinessOutcome:
		return "business_outcomes"
	}
	return "customer_outcomes"
}

// levelTitle returns the title of a level's row: "Tasks".
func levelTitle(l outcome.Level) string {
	switch l {
	case outcome.Task:
		return "Tasks"
	case outcome.Activity:
		return "Activities"
	case outcome.Output:
		return "Outputs"
	case outcome.BusinessOutcome:
		return "Business Outcomes"
	}
	return "Successful Customer Outcomes"
}

// hiddenText returns the hidden levels as a phrase: "Tasks and Activities".
func (v *view) hiddenText() string {
	var names []string
	for l := range outcome.Levels() {
		if v.hide[l] {
			names = append(names, levelTitle(l))
		}
	}
	return words.And(names)
}

// idsPerLine is how many node IDs or link numbers a class or linkStyle
// statement lists before another one starts.
const idsPerLine = 32

// Mermaid writes the hierarchy as a Mermaid flowchart ("flowchart BT"), which
// GitHub, GitLab and most wikis show as a picture: one subgraph per level,
// from the tasks at the bottom to the successful customer outcomes at the
// top, each node labelled with its name (or its ID if it has none), links
// labelled with their weights, orphans and successful customer outcomes that
// no work feeds marked in colour, and a legend of the marks used. opts
// chooses what to show; see [DiagramOptions].
//
// Nodes are named n0, n1, ... by their place in the order they were added to
// the model, whatever the options, and user text appears only inside quoted
// labels, escaped (see the package documentation), so that any name yields a
// valid diagram. Nodes come level by level, each level's in the order they
// were added; links in the order of [hierarchy.Model.Links], or, when
// [DiagramOptions.Hide] hides a level, by source in that order, then by
// target in the order the nodes were added, re-routed or not. The output
// depends on nothing but the model and the options.
//
// Mermaid writes straight to w through a buffer, in time linear in what it
// draws: the whole hierarchy's nodes and links, or, with
// [DiagramOptions.Serving], those of the part served (the node, the nodes
// that serve it and their links up, each node looked up by ID a few times)
// and the sort of its nodes, whatever the size of the model; with hidden
// levels, add the number of paths through them, summed per node. A
// highlight adds its line of sight's nodes and links among those. It returns an error, having written nothing, for
// options the model does not fit (codes [hierarchy.ErrUnknownNode],
// [ErrNodeNotShown], [ErrHiddenCustomerOutcomes], [outcome.ErrUnknownLevel],
// all reported together: one problem is the *[outcome.Error] itself, and
// several are joined with [errors.Join] in this order: hiding the
// customer outcomes, the levels to hide that are none, the node to serve,
// the node to highlight, and a highlight that does not serve the node
// served), and otherwise the first error w returned, as is.
//
// Renderers such as GitHub's refuse very large diagrams (by default Mermaid
// draws at most 500 links); use [DiagramOptions.Serving] and
// [DiagramOptions.Hide] to draw a large hierarchy part by part.
func Mermaid(w io.Writer, m hierarchy.Model, opts DiagramOptions) error {
	v, err := newView(m, opts)
	if err != nil {
		return err
	}
	s := newSink(w)
	s.str("flowchart BT")
	s.end()
	for l := range outcome.Levels() {
		if v.drawn[l] == 0 {
			continue
		}
		s.str("    subgraph ")
		s.str(levelKey(l))
		s.str(`["`)
		s.str(levelTitle(l))
		s.str(`"]`)
		s.end()
		for p := range int32(len(v.ids)) {
			if v.levels[p] != l || !v.has(p, flagDrawn) {
				continue
			}
			s.str("        n")
			s.buf = strconv.AppendInt(s.buf, v.position(p), 10)
			s.str(`["`)
			s.buf = appendMermaid(s.buf, v.label(p))
			s.str(`"]`)
			s.end()
		}
		s.str("    end")
		s.end()
	}
	for _, e := range v.edges {
		s.str("    n")
		s.buf = strconv.AppendInt(s.buf, v.position(e.u), 10)
		if v.labelled(e) {
			s.str(` -->|"`)
			s.buf = v.appendWeight(s.buf, e)
			s.str(`"| n`)
		} else {
			s.str(" --> n")
		}
		s.buf = strconv.AppendInt(s.buf, v.position(e.v), 10)
		s.end()
	}
	v.mermaidLegend(s)
	return s.close()
}

// mermaidLegend writes the legend, the class definitions and the marks.
func (v *view) mermaidLegend(s *sink) {
	hidden := v.anyHidden()
	if !v.orphans && !v.undeliv && !v.highlight && !v.unlabelled && !hidden {
		return
	}
	s.str(`    subgraph legend["Legend"]`)
	s.end()
	entry := func(key, text string) {
		s.str("        legend_")
		s.str(key)
		s.str(`["`)
		s.buf = appendMermaid(s.buf, text)
		s.str(`"]`)
		s.end()
	}
	if v.orphans {
		entry("orphan", legendOrphan)
	}
	if v.undeliv {
		entry("unsupported", legendUnsupported)
	}
	if v.highlight {
		entry("lit", legendLit)
	}
	if v.unlabelled {
		entry("weights", legendWeights)
	}
	if hidden {
		entry("hidden", legendHidden+v.hiddenText())
	}
	s.str("    end")
	s.end()
	if v.orphans {
		s.str("    classDef orphan fill:" + colourOrphanFill + ",stroke:" + colourOrphanLine + ",color:#000000")
		s.end()
	}
	if v.undeliv {
		s.str("    classDef unsupported fill:" + colourUnsupportedFill + ",stroke:" + colourUnsupportedLine +
			",stroke-dasharray:5 5,color:#000000")
		s.end()
	}
	if v.highlight {
		s.str("    classDef lit stroke:" + colourLit + ",stroke-width:3px")
		s.end()
	}
	if v.unlabelled || hidden {
		s.str("    classDef note fill:#ffffff,stroke:#999999,color:#000000")
		s.end()
	}
	if v.orphans {
		v.mermaidClass(s, "orphan", v.orphan)
	}
	if v.undeliv {
		v.mermaidClass(s, "unsupported", v.unsupported)
	}
	if v.highlight {
		v.mermaidClass(s, "lit", func(p int32) bool { return v.has(p, flagLit) })
	}
	if v.unlabelled || hidden {
		s.str("    class ")
		switch {
		case v.unlabelled && hidden:
			s.str("legend_weights,legend_hidden")
		case v.unlabelled:
			s.str("legend_weights")
		default:
			s.str("legend_hidden")
		}
		s.str(" note")
		s.end()
	}
	if v.highlight {
		n := 0
		for i, e := range v.edges {
			if !v.lit(e) {
				continue
			}
			if n%idsPerLine == 0 {
				if n > 0 {
					s.str(" stroke:" + colourLit + ",stroke-width:3px")
					s.end()
				}
				s.str("    linkStyle ")
			} else {
				s.byte1(',')
			}
			s.buf = strconv.AppendInt(s.buf, int64(i), 10)
			n++
		}
		if n > 0 {
			s.str(" stroke:" + colourLit + ",stroke-width:3px")
			s.end()
		}
	}
}

// mermaidClass writes "class" statements that give class name to the drawn
// nodes for which in is true, and to the legend's entry of that name.
func (v *view) mermaidClass(s *sink, name string, in func(int32) bool) {
	n := 0
	for p := range int32(len(v.ids)) {
		if !v.has(p, flagDrawn) || !in(p) {
			continue
		}
		if n%idsPerLine == 0 {
			if n > 0 {
				s.str(" " + name)
				s.end()
			}
			s.str("    class ")
		} else {
			s.byte1(',')
		}
		s.byte1('n')
		s.buf = strconv.AppendInt(s.buf, v.position(p), 10)
		n++
	}
	if n%idsPerLine == 0 {
		if n > 0 {
			s.str(" " + name)
			s.end()
		}
		s.str("    class ")
	} else {
		s.byte1(',')
	}
	s.str("legend_" + name + " " + name)
	s.end()
}
