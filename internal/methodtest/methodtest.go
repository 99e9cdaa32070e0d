// Package methodtest holds, for tests, the passages that METHOD.md (the
// domain brief of the module) puts in double quotes, which are the method's
// own words, and a check that a quotation in the module's text is one of
// them. It is imported by tests only.
package methodtest

import (
	"slices"
	"strings"
)

// passages are the passages that METHOD.md, the domain brief, puts in
// double quotes: "Quoted phrases are the method's own words". Its other
// text is a distillation, not the method's words, and is never quoted as
// the method's. Copied from it, lines joined with one space.
var passages = []string{
	"Outside-In", "what we produce, what we make", "a result of what we make",
	"You can't get any more quantifiable than that.", "what we deliver for the Customer", "Joy", "Expression",
	"Are they mostly about outputs? Usually, the balance will be 80% output metrics",
	"will only be a small proportion", "What you measure is what you get.",
	"if you pay people for doing dumb stuff they get really smart at it.", "Failure-Demand cycle",
	"retrospective and subjective", "'one question rules them all' approaches",
	"There is a hierarchy that connects Tasks to Activities to Outputs to Business Outcomes and ultimately Successful Customer Outcomes.",
	"connect everything they do, from the customer interaction, right through to individual task, activity, and systems that support them",
	"connect the dots from the front line to the top team",
	"is everything you are doing aligned to delivering a successful customer outcome?", "yes, 100%",
	"you may be doing dumb stuff really well",
	"The North Star metric is the most critical. It is that Metric that would consistently deliver Successful Customer Outcomes and drive sustainable growth if you focus on above all else.",
	"daily active users", "nights booked", "monthly organization upskilling",
	"examining your current key performance indicators and assessing what could be a lead Metric. Examine the metrics in the context of what creates the best outcome, for the business and the customer.",
	"Aggregate the SCOC's against all your customer categories and bringing out the most significant ones and deciding which is the most essential Metric.",
	"80% of profit comes from 20% of customers", "touches everyone and everything",
	"drives down the cost of delivery, improves service and grows revenue. This triple crown of deliverables becomes the tangible measure of success",
	"simultaneously lowering costs, improving service and growing revenues",
	"increasing revenue, decreasing costs, and significantly increasing value by reducing time to respond",
	"Linking the triple crown across the departments and divisions ... everyone becomes accountable for demonstrating their substantial triple crown contribution. This, in turn, ensures a significant contribution to delivering the ROI for the CX Initiative.",
	"substantial",
}

// Passages returns the passages METHOD.md puts in double quotes, in its
// order: the method's own words.
func Passages() []string { return slices.Clone(passages) }

// IsMethodWords reports whether s is a passage of the method's own words,
// exactly, but that its first letter may change case to start or continue
// a sentence ("Usually, ..." quoted from "... outputs? Usually, ...").
func IsMethodWords(s string) bool {
	if s == "" {
		return false
	}
	for _, q := range passages {
		for _, t := range []string{s, flipFirst(s)} {
			// A whole passage ("Joy"), or some of its words from the start
			// of one ("Task" of "Tasks"), of at least three letters: not
			// "a", nor "roduce, what" cut from within a word.
			if q == t || len(t) >= 3 && containsWords(q, t) {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether t occurs in q starting at the start of a
// word (it may end within one: a plural's singular).
func containsWords(q, t string) bool {
	for i := 0; ; {
		j := strings.Index(q[i:], t)
		if j < 0 {
			return false
		}
		start := i + j
		if start == 0 || !isWordByte(q[start-1]) {
			return true
		}
		i = start + 1
	}
}

// isWordByte reports whether c is part of a word: a letter or a digit.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// flipFirst changes the case of s's first letter, an ASCII one.
func flipFirst(s string) string {
	switch c := s[0]; {
	case 'a' <= c && c <= 'z':
		return string(c-'a'+'A') + s[1:]
	case 'A' <= c && c <= 'Z':
		return string(c-'A'+'a') + s[1:]
	}
	return s
}

// Quoted returns the passages of s in double quotes.
func Quoted(s string) []string {
	parts := strings.Split(s, `"`)
	var out []string
	for i := 1; i < len(parts); i += 2 {
		out = append(out, parts[i])
	}
	return out
}
