package render

import (
	"io"
	"strconv"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// DOT writes the hierarchy as a Graphviz graph in the DOT language, for
// `dot -Tsvg` and the tools that read DOT: rankdir=BT, one rank (rank=same)
// per level from the tasks at the bottom to the successful customer outcomes
// at the top, each row named by an invisible chain of level labels at its
// left, each node labelled with its name (or its ID if it has none), links
// labelled with their weights, orphans and successful customer outcomes that
// no work feeds marked in colour, and a legend of the marks used (a cluster).
// opts chooses what to show; see [DiagramOptions].
//
// It draws the same nodes, links and marks as [Mermaid], in the same order,
// with the same node names (n0, n1, ...: the place of the node in the order
// it was added to the model); user text appears only inside quoted labels,
// escaped (see the package documentation), so that any name yields a valid
// graph. Errors, time and output are as for Mermaid.
func DOT(w io.Writer, m hierarchy.Model, opts DiagramOptions) error {
	v, err := newView(m, opts)
	if err != nil {
		return err
	}
	s := newSink(w)
	s.str("digraph hierarchy {")
	s.end()
	s.str("    rankdir=BT;")
	s.end()
	s.str(`    fontname="Helvetica";`)
	s.end()
	s.str(`    node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#555555", fontname="Helvetica"];`)
	s.end()
	s.str(`    edge [color="#555555", fontname="Helvetica", fontsize=10];`)
	s.end()
	prev := outcome.Level(0)
	for l := range outcome.Levels() {
		if v.drawn[l] == 0 {
			continue
		}
		s.str("    subgraph rank_" + levelKey(l) + " {")
		s.end()
		s.str("        rank=same;")
		s.end()
		s.str("        level_" + levelKey(l) + ` [label="` + levelTitle(l) + `", shape=plaintext, style=""];`)
		s.end()
		for p := range int32(len(v.ids)) {
			if v.levels[p] == l && v.has(p, flagDrawn) {
				v.dotNode(s, p)
			}
		}
		s.str("    }")
		s.end()
		if prev != 0 {
			s.str("    level_" + levelKey(prev) + " -> level_" + levelKey(l) + " [style=invis];")
			s.end()
		}
		prev = l
	}
	for _, e := range v.edges {
		s.str("    n")
		s.buf = strconv.AppendInt(s.buf, v.position(e.u), 10)
		s.str(" -> n")
		s.buf = strconv.AppendInt(s.buf, v.position(e.v), 10)
		labelled, lit := v.labelled(e), v.lit(e)
		if labelled || lit {
			s.str(" [")
			if labelled {
				s.str(`label="`)
				s.buf = v.appendWeight(s.buf, e)
				s.byte1('"')
			}
			if labelled && lit {
				s.str(", ")
			}
			if lit {
				s.str(`color="` + colourLit + `", penwidth=3`)
			}
			s.byte1(']')
		}
		s.byte1(';')
		s.end()
	}
	v.dotLegend(s)
	s.byte1('}')
	s.end()
	return s.close()
}

// dotNode writes node p's statement, with its marks.
func (v *view) dotNode(s *sink, p int32) {
	s.str("        n")
	s.buf = strconv.AppendInt(s.buf, v.position(p), 10)
	s.str(` [label="`)
	s.buf = appendDOT(s.buf, v.label(p))
	s.byte1('"')
	dotMarks(s, v.orphan(p), v.unsupported(p), v.has(p, flagLit))
	s.str("];")
	s.end()
}

// dotMarks writes the attributes of a node's marks.
func dotMarks(s *sink, orphan, unsupported, lit bool) {
	switch {
	case orphan:
		s.str(`, fillcolor="` + colourOrphanFill + `"`)
		if !lit {
			s.str(`, color="` + colourOrphanLine + `"`)
		}
	case unsupported:
		s.str(`, fillcolor="` + colourUnsupportedFill + `", style="rounded,filled,dashed"`)
		if !lit {
			s.str(`, color="` + colourUnsupportedLine + `"`)
		}
	}
	if lit {
		s.str(`, color="` + colourLit + `", penwidth=3`)
	}
}

// dotLegend writes the legend as a cluster.
func (v *view) dotLegend(s *sink) {
	hidden := v.anyHidden()
	if !v.orphans && !v.undeliv && !v.highlight && !v.unlabelled && !hidden {
		return
	}
	s.str("    subgraph cluster_legend {")
	s.end()
	s.str(`        label="Legend";`)
	s.end()
	s.str(`        color="#999999";`)
	s.end()
	entry := func(key, text string, orphan, unsupported, lit bool) {
		s.str("        legend_" + key + ` [label="`)
		s.buf = appendDOT(s.buf, text)
		s.byte1('"')
		if !orphan && !unsupported && !lit {
			s.str(`, shape=plaintext, style=""`)
		}
		dotMarks(s, orphan, unsupported, lit)
		s.str("];")
		s.end()
	}
	if v.orphans {
		entry("orphan", legendOrphan, true, false, false)
	}
	if v.undeliv {
		entry("unsupported", legendUnsupported, false, true, false)
	}
	if v.highlight {
		entry("lit", legendLit, false, false, true)
	}
	if v.unlabelled {
		entry("weights", legendWeights, false, false, false)
	}
	if hidden {
		entry("hidden", legendHidden+v.hiddenText(), false, false, false)
	}
	s.str("    }")
	s.end()
}
