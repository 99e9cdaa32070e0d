// Package render draws the library's results as text that people and tools
// can show: a hierarchy as a Mermaid or Graphviz diagram, and the KPI audit,
// the North Star ranking and the triple crown's scores and contributions as
// Markdown tables or as aligned plain text. People would rather look at a line of sight than read a
// list of IDs.
//
// Every renderer writes to an [io.Writer] the caller passes, and does nothing
// else: no files, no processes, no state. Its output depends on nothing but
// its input, byte for byte, so that it can be pinned by golden files and
// kept in a README.
//
// # Diagrams of a hierarchy
//
// [Mermaid] writes a Mermaid flowchart, which GitHub, GitLab and most wikis
// show as a picture wherever a ```mermaid block appears; [DOT] writes the
// same picture for Graphviz (dot -Tsvg hierarchy.dot > hierarchy.svg). Both
// draw the method's hierarchy from the bottom up: one row per level, the
// tasks at the bottom and the successful customer outcomes at the top, each
// link an arrow up with its weight, and in colour what the method asks an
// organisation to look at: work that reaches no successful customer outcome
// (an orphan, "you may be doing dumb stuff really well") and successful
// customer outcomes that no work feeds. A legend says what the marks mean.
//
// [DiagramOptions] picks what to show: one node's line of sight,
// highlighted; only the part of the hierarchy that serves one outcome; and
// levels to hide, for a large hierarchy, with links re-routed through the
// hidden nodes so that every line of sight is kept (see
// [DiagramOptions.Hide] for the rule, and the weight of a re-routed link).
//
// A diagram names its nodes n0, n1, ... by the order in which they were added
// to the model; the text a user gave (IDs and names) appears only in labels,
// escaped for the format, so that any text yields a valid diagram:
//
//   - Mermaid: a label is in double quotes, and the characters that Mermaid
//     or the HTML it draws would read as syntax (" # & < > ` % :) are
//     written as Mermaid's entity codes, such as #34; for a double quote,
//     which Mermaid shows as the character;
//   - DOT: a label is in double quotes, with " and \ escaped by a backslash
//     (so that Graphviz's own escapes, \N, \l and the like, cannot arise) and
//     & written &amp;; a label whose escaped text is longer than 8,192 bytes
//     is written as several quoted strings of at most 8,192 bytes joined with
//     DOT's +, cut between characters, since Graphviz refuses a quoted string
//     with more than 16,384 bytes in a row free of escapes. Graphviz reads
//     such a graph whatever the text, but cannot lay out a node wider than
//     about 65,535 points (in Graphviz 2.43, one line of some 15,000 x's):
//     dot refuses to route its links, so a very long name is better broken
//     into lines.
//
// In every format, and in the tables, a line break in the text ("\n",
// "\r\n", "\r", U+2028, U+2029, U+0085) is a line break in a label or a
// Markdown cell and the symbol ␤ in plain text; a tab is a space (␉ in plain
// text); any other control character is shown by its Unicode control picture
// (␀ to ␟, ␡) or, for C1 controls, by U+FFFD, as is a byte that is not valid
// UTF-8. The output is always valid UTF-8, free of control characters. Mermaid
// trims the spaces around a label, as Graphviz does around each of its
// lines.
//
// The diagrams are tested with strict checkers of the subsets written, with
// fuzzing, and, where Graphviz is installed, by rendering them with dot.
//
// # Tables
//
// [AuditMarkdown] and [AuditText] write the KPI audit of [outcome.Audit]: the
// KPIs by level with their shares, the summary and the findings.
// [NorthStarMarkdown] and [NorthStarText] write the North Star ranking of
// [northstar.Select]: every candidate in rank order with each criterion's
// contribution to its total, the gates failed and why, the customer coverage
// by category and the input metrics that drive the winner. [ScoresMarkdown] and [ScoresText] write triple-crown scores one unit to a
// line, [ScoreMarkdown] and [ScoreText] one unit's score crown by crown with
// its numbers, and [ContributionsMarkdown] and [ContributionsText] each
// unit's contribution to the enterprise's cost saving or revenue growth.
//
// Markdown tables are GitHub-flavoured, with every cell escaped (a backslash
// before the punctuation Markdown would read as syntax, such as | * _ [ ] `
// ~ $, and before < and & where they could open a tag or an entity), and
// padded so that the columns line up in the source too. Spaces at either
// end of a text are written as they are, but GitHub trims them from a cell,
// as Mermaid trims them from a label. Plain-text tables
// separate columns with two spaces, align numbers to the right, and never end
// a line with spaces.
//
// Columns line up by display width, the columns a monospaced terminal gives
// a rune: two for a rune that Unicode's East Asian Width property (UAX #11,
// EastAsianWidth.txt of Unicode 15.0.0) calls Wide or Fullwidth, none for a
// combining mark (categories Mn and Me) or a format character (Cf), such as
// a zero-width space or a variation selector, and one for every other rune.
// So CJK ideographs, kana, Hangul syllables, fullwidth forms and the emoji
// shown as pictures by default (😀 🚀 ✅ ❌ ⭐ ⚡ ☕) count two; characters of
// ambiguous width (such as box drawing, ┼) count one, as do the symbols
// that are text by default (❤ ☀). An emoji made of several code points
// counts the widths of each (a flag, 🇪🇺, two regional indicators of one
// column each; ❤ with U+FE0F one), so such text may not line up in every
// terminal.
//
// # Errors
//
// Options that do not fit the model, and the zero value of a result (what a
// failed computation returns with its error), are errors with a stable code
// ([ErrNodeNotShown], [ErrHiddenCustomerOutcomes], [ErrNothingToRender],
// [hierarchy.ErrUnknownNode], [outcome.ErrUnknownLevel]), all reported
// together, and nothing is written: one problem is the *[outcome.Error]
// itself, and several are joined with [errors.Join], in the order
// [Mermaid] gives. An error from the writer is returned as
// it is, and the renderer writes nothing more after it.
//
// # Size and speed
//
// Renderers write through a buffer of their own, straight to the writer, in
// time linear in what they draw: no string is built up by concatenation, and
// the allocations of a diagram of the whole hierarchy are a fixed handful of
// slices, not one per node. A diagram of the part that serves a node
// allocates in proportion to the part: a few for each of its nodes and
// links, which [hierarchy.Model.LinksFrom] yields with their weights as
// decimals. A diagram of a hundred thousand nodes takes tens of
// milliseconds (see the package's benchmarks); a diagram of the part that
// serves one node ([DiagramOptions.Serving]) costs what that part holds,
// not what the model does, so that drawing one diagram per customer
// outcome, or per node, does not take time quadratic in the model. Mermaid
// renderers refuse very large diagrams, though (by default, more than 500
// links or 50,000 characters), so a large hierarchy is better drawn part by
// part, with [DiagramOptions.Serving] and [DiagramOptions.Hide], or with
// Graphviz.
//
// # Where this package sits
//
// render imports outcome, hierarchy, northstar and triplecrown, and none of
// them imports it: presentation stays out of the model packages, which keep no
// I/O of any kind, and the escaping and table layout are written once, here,
// for every result.
package render
