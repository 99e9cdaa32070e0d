package render_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds strict checkers of the subsets of Mermaid and DOT that the
// renderers emit. They accept every line shape the renderers write and
// nothing else, check the structure (balanced subgraphs, nodes declared once,
// links and classes that name declared nodes), and decode the labels, so
// that a test can compare them with the text it put in.

// diagram is what a checker read from a diagram.
type diagram struct {
	// labels maps each node (n0, legend_orphan, level_tasks) to its
	// decoded label; group to its subgraph (a level's key, or "legend").
	labels, group map[string]string
	// nodes are the n-nodes in the order declared.
	nodes []string
	// links are the links between n-nodes, in order.
	links []link
	// classes maps a class (orphan, unsupported, lit, note) to the set of
	// nodes that have it; lit holds the numbers of highlighted links.
	classes map[string]map[string]bool
	lit     map[int]bool
}

type link struct {
	from, to, label string // label: the weight, or "" without one
}

func newDiagram() *diagram {
	return &diagram{labels: map[string]string{}, group: map[string]string{},
		classes: map[string]map[string]bool{}, lit: map[int]bool{}}
}

// The pieces of a Mermaid line.
const (
	mmLabel = `((?:[^"#&<>%:` + "`" + `\x00-\x1f\x7fﬂ¶]|[ﬂ¶]\x{2060}|#[0-9]+;|<br>)+)`
	mmNode  = `(n[0-9]+|legend_(?:orphan|unsupported|lit|weights|hidden))`
	mmGroup = `(tasks|activities|outputs|business_outcomes|customer_outcomes|legend)`
	mmClass = `(orphan|unsupported|lit|note)`
	mmStyle = `[a-z-]+:[#0-9a-z ]+(?:,[a-z-]+:[#0-9a-z ]+)*`
)

var (
	mmSubgraph  = regexp.MustCompile(`^    subgraph ` + mmGroup + `\["` + mmLabel + `"\]$`)
	mmNodeLine  = regexp.MustCompile(`^        ` + mmNode + `\["` + mmLabel + `"\]$`)
	mmLink      = regexp.MustCompile(`^    (n[0-9]+) -->(?:\|"([0-9]+(?:\.[0-9]+)?)"\|)? (n[0-9]+)$`)
	mmClassDef  = regexp.MustCompile(`^    classDef ` + mmClass + ` ` + mmStyle + `$`)
	mmClassLine = regexp.MustCompile(`^    class ` + mmNode + `((?:,` + mmNode + `)*) ` + mmClass + `$`)
	mmLinkStyle = regexp.MustCompile(`^    linkStyle ([0-9]+(?:,[0-9]+)*) ` + mmStyle + `$`)
	mmEntity    = regexp.MustCompile(`#[0-9]+;|<br>`)
)

// decodeMermaid undoes the escaping of a Mermaid label.
func decodeMermaid(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "ﬂ\u2060", "ﬂ"), "¶\u2060", "¶")
	return mmEntity.ReplaceAllStringFunc(s, func(e string) string {
		if e == "<br>" {
			return "\n"
		}
		n, _ := strconv.Atoi(e[1 : len(e)-1])
		return string(rune(n))
	})
}

// checkMermaid checks a diagram from [render.Mermaid] and reads it.
func checkMermaid(out string) (*diagram, error) {
	if !utf8.ValidString(out) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	if !strings.HasSuffix(out, "\n") {
		return nil, fmt.Errorf("no final line end")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "flowchart BT" {
		return nil, fmt.Errorf("line 1: %q is not the header", lines[0])
	}
	d := newDiagram()
	r := &mermaidReader{d: d, seen: map[string]bool{}}
	for i, line := range lines[1:] {
		if err := r.line(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+2, err)
		}
	}
	group, refs := r.group, r.refs
	if group != "" {
		return nil, fmt.Errorf("subgraph %s not ended", group)
	}
	for _, id := range refs {
		if _, ok := d.labels[id]; !ok {
			return nil, fmt.Errorf("%s is used but not declared", id)
		}
	}
	return d, nil
}

// mermaidReader reads a Mermaid diagram line by line.
type mermaidReader struct {
	d     *diagram
	group string          // the open subgraph
	seen  map[string]bool // subgraphs and classDefs met
	refs  []string        // nodes named by links and classes
}

// line reads one line after the header.
func (r *mermaidReader) line(line string) error {
	d := r.d
	if line == "    end" {
		if r.group == "" {
			return fmt.Errorf("end without subgraph")
		}
		r.group = ""
		return nil
	}
	if g := mmSubgraph.FindStringSubmatch(line); g != nil {
		switch {
		case r.group != "":
			return fmt.Errorf("nested subgraph")
		case r.seen["subgraph "+g[1]]:
			return fmt.Errorf("subgraph %s twice", g[1])
		}
		r.seen["subgraph "+g[1]] = true
		r.group = g[1]
		return nil
	}
	if g := mmNodeLine.FindStringSubmatch(line); g != nil {
		_, dup := d.labels[g[1]]
		switch {
		case r.group == "":
			return fmt.Errorf("node outside a subgraph")
		case dup:
			return fmt.Errorf("node %s declared twice", g[1])
		case strings.HasPrefix(g[1], "legend_") != (r.group == "legend"):
			return fmt.Errorf("node %s in subgraph %s", g[1], r.group)
		}
		d.labels[g[1]], d.group[g[1]] = decodeMermaid(g[2]), r.group
		if g[1][0] == 'n' {
			d.nodes = append(d.nodes, g[1])
		}
		return nil
	}
	if r.group != "" {
		return fmt.Errorf("%q inside a subgraph", line)
	}
	if g := mmLink.FindStringSubmatch(line); g != nil {
		d.links = append(d.links, link{from: g[1], to: g[3], label: g[2]})
		r.refs = append(r.refs, g[1], g[3])
		return nil
	}
	if g := mmClassDef.FindStringSubmatch(line); g != nil {
		if r.seen["classDef "+g[1]] {
			return fmt.Errorf("classDef %s twice", g[1])
		}
		r.seen["classDef "+g[1]] = true
		return nil
	}
	if g := mmClassLine.FindStringSubmatch(line); g != nil {
		class := g[len(g)-1]
		if !r.seen["classDef "+class] {
			return fmt.Errorf("class %s before its classDef", class)
		}
		if d.classes[class] == nil {
			d.classes[class] = map[string]bool{}
		}
		for _, id := range append([]string{g[1]}, strings.Split(g[2], ",")...) {
			if id != "" {
				d.classes[class][id] = true
				r.refs = append(r.refs, id)
			}
		}
		return nil
	}
	if g := mmLinkStyle.FindStringSubmatch(line); g != nil {
		for _, x := range strings.Split(g[1], ",") {
			k, _ := strconv.Atoi(x)
			if k >= len(d.links) {
				return fmt.Errorf("linkStyle %d of %d links", k, len(d.links))
			}
			d.lit[k] = true
		}
		return nil
	}
	return fmt.Errorf("%q has no known shape", line)
}

// A DOT token.
type dotToken struct {
	kind byte   // 'i' identifier, 's' quoted string, or the punctuation itself ('{', '-' for "->")
	text string // the identifier, or the string's raw content (its pieces joined)
	// pieces are the raw contents of the quoted strings that a string
	// joined with '+' ("a" + "b") is made of, one for a plain string.
	pieces []string
}

// maxDOTPiece is the longest quoted string the renderer writes, in bytes:
// half of the 16,384 that Graphviz reads.
const maxDOTPiece = 8192

// lexDOT splits DOT into tokens. It accepts identifiers of letters, digits
// and '_', quoted strings whose backslashes escape exactly one character, and
// the punctuation { } [ ] ; , = ->; a string may not hold a line end or a
// control character, nor be longer than [maxDOTPiece] bytes. Quoted strings
// joined by " + " are one string token, their pieces kept.
func lexDOT(src string) ([]dotToken, error) {
	var toks []dotToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\n':
			i++
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			j := i
			for j < len(src) && (src[j] == '_' || 'a' <= src[j] && src[j] <= 'z' || 'A' <= src[j] && src[j] <= 'Z' ||
				'0' <= src[j] && src[j] <= '9') {
				j++
			}
			toks = append(toks, dotToken{kind: 'i', text: src[i:j]})
			i = j
		case c == '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] < 0x20 || src[j] == 0x7f {
					return nil, fmt.Errorf("offset %d: control character in a string", j)
				}
				if src[j] == '\\' {
					j++
					if j == len(src) || src[j] < 0x20 {
						return nil, fmt.Errorf("offset %d: backslash at the end of a line", j)
					}
				}
			}
			if j == len(src) {
				return nil, fmt.Errorf("offset %d: unterminated string", i)
			}
			piece := src[i+1 : j]
			if len(piece) > maxDOTPiece {
				return nil, fmt.Errorf("offset %d: a string of %d bytes, more than %d", i, len(piece), maxDOTPiece)
			}
			if n := len(toks); n > 1 && toks[n-1].kind == '+' && toks[n-2].kind == 's' {
				toks = toks[:n-1]
				joined := &toks[n-2]
				joined.text += piece
				joined.pieces = append(joined.pieces, piece)
			} else {
				toks = append(toks, dotToken{'s', piece, []string{piece}})
			}
			i = j + 1
		case c == '+':
			if len(toks) == 0 || toks[len(toks)-1].kind != 's' || !strings.HasPrefix(src[i-1:], ` + "`) {
				return nil, fmt.Errorf("offset %d: a + that does not join two strings", i)
			}
			toks = append(toks, dotToken{kind: '+', text: "+"})
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '>':
			toks = append(toks, dotToken{kind: '-', text: "->"})
			i += 2
		case strings.IndexByte("{}[];,=", c) >= 0:
			toks = append(toks, dotToken{kind: c, text: string(c)})
			i++
		default:
			return nil, fmt.Errorf("offset %d: unexpected %q", i, c)
		}
	}
	return toks, nil
}

// decodeDOT undoes the escaping of a DOT label, strictly: the only escapes
// are \" \\ and \n, and the only entity &amp;, so that Graphviz shows the
// text as it is.
func decodeDOT(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			i++
			switch s[i] {
			case '"', '\\':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("label escape \\%c", s[i])
			}
		case '&':
			if !strings.HasPrefix(s[i:], "&amp;") {
				return "", fmt.Errorf("bare & in a label")
			}
			b.WriteByte('&')
			i += len("&amp;") - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// dotParser is a recursive-descent parser of the DOT the renderer writes.
type dotParser struct {
	toks []dotToken
	at   int
	d    *diagram
	refs []string
}

func (p *dotParser) peek() dotToken {
	if p.at < len(p.toks) {
		return p.toks[p.at]
	}
	return dotToken{}
}

func (p *dotParser) next() dotToken { t := p.peek(); p.at++; return t }

func (p *dotParser) want(kind byte, text string) error {
	t := p.next()
	if t.kind != kind || text != "" && t.text != text {
		return fmt.Errorf("token %d: want %q, have %q", p.at-1, text, t.text)
	}
	return nil
}

// checkDOT checks a graph from [render.DOT] and reads it.
func checkDOT(out string) (*diagram, error) {
	if !utf8.ValidString(out) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") {
			return nil, fmt.Errorf("line %d starts with #, which Graphviz skips", i+1)
		}
	}
	toks, err := lexDOT(out)
	if err != nil {
		return nil, err
	}
	p := &dotParser{toks: toks, d: newDiagram()}
	if err := p.want('i', "digraph"); err != nil {
		return nil, err
	}
	if err := p.want('i', "hierarchy"); err != nil {
		return nil, err
	}
	if err := p.block(""); err != nil {
		return nil, err
	}
	if p.at != len(toks) {
		return nil, fmt.Errorf("token %d: trailing %q", p.at, p.peek().text)
	}
	for _, id := range p.refs {
		if _, ok := p.d.labels[id]; !ok {
			return nil, fmt.Errorf("%s is used but not declared", id)
		}
	}
	return p.d, nil
}

// block reads { statements } of the subgraph group.
func (p *dotParser) block(group string) error {
	if err := p.want('{', ""); err != nil {
		return err
	}
	for {
		t := p.next()
		switch {
		case t.kind == '}':
			return nil
		case t.kind == 'i' && t.text == "subgraph":
			name := p.next()
			if name.kind != 'i' || group != "" {
				return fmt.Errorf("token %d: bad subgraph", p.at)
			}
			g := strings.TrimPrefix(strings.TrimPrefix(name.text, "rank_"), "cluster_")
			if err := p.block(g); err != nil {
				return err
			}
			continue
		case t.kind == 'i' && (t.text == "node" || t.text == "edge" || t.text == "graph"):
			if _, err := p.attrs(); err != nil {
				return err
			}
		case t.kind == 'i' && p.peek().kind == '=':
			p.next()
			if v := p.next(); v.kind != 'i' && v.kind != 's' {
				return fmt.Errorf("token %d: bad value", p.at)
			}
		case t.kind == 'i' && p.peek().kind == '-':
			p.next()
			to := p.next()
			if to.kind != 'i' {
				return fmt.Errorf("token %d: bad edge", p.at)
			}
			l := link{from: t.text, to: to.text}
			if p.peek().kind == '[' {
				a, err := p.attrs()
				if err != nil {
					return err
				}
				l.label = a["label"]
				if a["penwidth"] == "3" {
					p.d.lit[len(p.d.links)] = true
				}
			}
			if strings.HasPrefix(l.from, "n") {
				p.d.links = append(p.d.links, l)
			}
			p.refs = append(p.refs, l.from, l.to)
		case t.kind == 'i':
			if _, dup := p.d.labels[t.text]; dup {
				return fmt.Errorf("node %s declared twice", t.text)
			}
			a, err := p.attrs()
			if err != nil {
				return err
			}
			label, ok := a["label"]
			if !ok {
				return fmt.Errorf("node %s without a label", t.text)
			}
			p.d.labels[t.text], p.d.group[t.text] = label, group
			if t.text[0] == 'n' {
				p.d.nodes = append(p.d.nodes, t.text)
			}
			for class, fill := range map[string]string{"orphan": "#fde2e1", "unsupported": "#fff4ce"} {
				if a["fillcolor"] == fill {
					p.mark(class, t.text)
				}
			}
			if a["penwidth"] == "3" {
				p.mark("lit", t.text)
			}
		default:
			return fmt.Errorf("token %d: unexpected %q", p.at-1, t.text)
		}
		if err := p.want(';', ""); err != nil {
			return err
		}
	}
}

func (p *dotParser) mark(class, id string) {
	if p.d.classes[class] == nil {
		p.d.classes[class] = map[string]bool{}
	}
	p.d.classes[class][id] = true
}

// attrs reads [name=value, ...], decoding labels.
func (p *dotParser) attrs() (map[string]string, error) {
	if err := p.want('[', ""); err != nil {
		return nil, err
	}
	a := map[string]string{}
	for {
		name := p.next()
		if name.kind != 'i' {
			return nil, fmt.Errorf("token %d: bad attribute", p.at)
		}
		if err := p.want('=', ""); err != nil {
			return nil, err
		}
		v := p.next()
		switch {
		case v.kind == 's' && name.text == "label":
			// Each piece decodes on its own: the renderer cuts a label only
			// between whole escapes.
			var text string
			for _, piece := range v.pieces {
				t, err := decodeDOT(piece)
				if err != nil {
					return nil, err
				}
				text += t
			}
			a[name.text] = text
		case v.kind == 's' && strings.ContainsAny(v.text, `\&`):
			return nil, fmt.Errorf("attribute %s: escape in %q", name.text, v.text)
		case v.kind == 's' || v.kind == 'i':
			a[name.text] = v.text
		default:
			return nil, fmt.Errorf("token %d: bad attribute value", p.at)
		}
		switch t := p.next(); t.kind {
		case ']':
			return a, nil
		case ',':
		default:
			return nil, fmt.Errorf("token %d: want , or ]", p.at)
		}
	}
}
