// Package words matches the names people write for the module's enums (a
// crown, a verdict, a roll-up method) against the names the module writes,
// and joins the lists the module's messages write, by one rule:
//
//   - a list of items a caller gave (IDs, indexes, values), which may be
//     long, is separated by commas, and, when it is cut short, names the
//     first items and counts the rest: `"a", "b", "c"`, `0, 2, 5 and 7
//     more` ([List]);
//   - a phrase of the module's own words (levels, crowns, gates, the parts
//     a need lacks), which is short, is joined as English joins it: "cost",
//     "cost and revenue", "cost, service and revenue" ([And]).
//
// Indexes in messages count from 0, as Go's slices and the paths of JSON
// ("units[0]") do.
package words

import (
	"strconv"
	"strings"
)

// Same reports whether text is name but for case, surrounding white space,
// and a hyphen in place of a space or the other way round. name is the
// module's own: lower-case ASCII words joined by single spaces or hyphens
// ("triple crown", "trade-off"). So "Triple-Crown", " trade off " and
// "WEIGHTED SUM" match; "triple  crown" and "tradeoff" do not.
func Same(text, name string) bool {
	text = strings.TrimSpace(text)
	if len(text) != len(name) {
		return false
	}
	for i := range len(text) {
		c, n := text[i], name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '-' {
			c = ' '
		}
		if n == '-' {
			n = ' '
		}
		if c != n {
			return false
		}
	}
	return true
}

// List writes a list of items a caller gave, each already as the message
// shows it (quoted, or a number): items separated by ", ", and, when total
// is more than len(items), " and N more" for the N = total-len(items) items
// left out: "a, b, c" for all three; "a, b, c and 7 more" for the first
// three of ten; "7 more" for none of seven. It returns "" for no items and
// nothing left out.
func List(items []string, total int) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	if more := total - len(items); more > 0 {
		if len(items) > 0 {
			b.WriteString(" and ")
		}
		b.WriteString(strconv.Itoa(more))
		b.WriteString(" more")
	}
	return b.String()
}

// And joins the module's own words as English does: "a", "a and b", "a, b
// and c"; "" for none.
func And(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
