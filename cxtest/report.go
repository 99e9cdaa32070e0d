package cxtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// TestingT is what the assertions need of a test: a way to report a failure.
// *testing.T and *testing.B satisfy it, as do testify's mocks and any fake a
// test of its own assertions writes. (testing.TB has an unexported method, so
// it cannot be faked; this interface can.)
//
// When the value also has a Helper() method, as *testing.T does, the
// assertions call it, so that a failure is reported at the line of the test
// that called them. When it has a FailNow() method, the Require functions call
// it after a failure.
type TestingT interface {
	Errorf(format string, args ...any)
}

// tHelper is what *testing.T has to mark a function as a test helper, so
// that a failure is reported at its caller's line. Each assertion calls it
// itself: Helper marks the function that calls it.
type tHelper interface{ Helper() }

// failNow calls t.FailNow when t has it, as testify's require does after a
// failed assertion.
func failNow(t TestingT) {
	if f, ok := t.(interface{ FailNow() }); ok {
		f.FailNow()
	}
}

// maxListed bounds the number of items a failure names; the rest are counted
// ("and 12 more").
const maxListed = 10

// maxQuoted bounds the length of user text (an ID, a name) quoted in a
// failure.
const maxQuoted = 64

// failure is what a check found wrong, in a form that renders both as the
// labelled report of an Assert function and as the one-line error of a Check
// function.
type failure struct {
	// code is the failed check's code; ids, every thing involved (not
	// bounded: they are data).
	code outcome.Code
	ids  []string
	// summary says what is wrong in one line, e.g. "3 of 40 activities
	// reach no successful customer outcome".
	summary string
	// expected and actual say what should be and what is; diff, if set,
	// how they differ. When multiline is set, each may hold several lines,
	// each escaped on its own and indented under the first.
	expected, actual, diff string
	multiline              bool
	// detail, if set, is added to the one-line error in parentheses, for a
	// failure whose summary does not say what was found.
	detail string
	// label names the list of items ("orphans"); items are its first
	// maxListed entries, and more counts the rest.
	label string
	items []string
	more  int
	// cause, when set, is an error in the check's arguments (an unknown
	// node, an invalid scorecard): the check could not be made.
	cause error
}

// list sets the failure's list from all its items, keeping the first
// maxListed. Each item is made only when it is kept.
func (f *failure) list(label string, n int, item func(i int) string) {
	f.label = label
	shown := min(n, maxListed)
	f.items = make([]string, shown)
	for i := range shown {
		f.items[i] = item(i)
	}
	f.more = n - shown
}

// err returns the failure as the error of a Check function: the cause's
// problems, one level deep ([joinFlat]: one problem is the error itself,
// several are joined with [errors.Join] in order, also when the cause
// joined some of them apart), or an *outcome.Error with the failure's code,
// IDs and a one-line message that names the listed items.
func (f *failure) err() error {
	if f == nil {
		return nil
	}
	if f.cause != nil {
		return joinFlat(f.cause)
	}
	var b strings.Builder
	b.WriteString("cxtest: ")
	b.WriteString(printable(f.summary))
	if f.detail != "" {
		b.WriteString(" (" + printable(f.detail) + ")")
	}
	if len(f.items) > 0 {
		b.WriteString(": ")
		for i, item := range f.items {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(printable(item))
		}
		if f.more > 0 {
			fmt.Fprintf(&b, "; and %d more", f.more)
		}
	}
	return &outcome.Error{Code: f.code, Severity: outcome.SeverityError, IDs: f.ids, Message: b.String()}
}

// report reports the failure to t, in testify's labelled and aligned layout,
// and returns false; it returns true, reporting nothing, if f is nil.
func report(t TestingT, f *failure, msgAndArgs []any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if f == nil {
		return true
	}
	var content []labeled
	if f.cause != nil {
		problems := problems(f.cause)
		lines := make([]string, 0, maxListed+1)
		for _, p := range problems[:min(len(problems), maxListed)] {
			lines = append(lines, p.Error())
		}
		if len(problems) > maxListed {
			lines = append(lines, fmt.Sprintf("and %d more", len(problems)-maxListed))
		}
		content = append(content, labeled{"Error", strings.Join(lines, "\n")})
	} else {
		body := printable(f.summary) + "\n" + f.field("expected: ", f.expected) + "\n" +
			f.field("actual  : ", f.actual)
		if f.diff != "" {
			body += "\n" + f.field("diff    : ", f.diff)
		}
		content = append(content, labeled{"Error", body})
		if len(f.items) > 0 {
			lines := make([]string, len(f.items))
			for i, item := range f.items {
				lines[i] = printable(item)
			}
			items := strings.Join(lines, "\n")
			if f.more > 0 {
				items += fmt.Sprintf("\nand %d more", f.more)
			}
			content = append(content, labeled{f.label, items})
		}
	}
	if msg := message(msgAndArgs); msg != "" {
		content = append(content, labeled{"Messages", msg})
	}
	t.Errorf("\n%s", labeledOutput(content))
	return false
}

// field writes a labelled field of the failure's body: label and the
// text, made printable; when the failure is multiline, line by line, each
// line after the first indented under the first.
func (f *failure) field(label, text string) string {
	if !f.multiline {
		return label + printable(text)
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = printable(l)
	}
	return label + strings.Join(lines, "\n"+strings.Repeat(" ", len(label)))
}

// problems returns the problems err joins: the errors that [errors.Join]
// (and any error whose text is its errors' texts, one to a line) joined, at
// any depth, in order; or err alone. An [outcome.Error] is one problem,
// whatever it wraps, and so is an error that wraps a join with text of its
// own.
func problems(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if _, one := err.(*outcome.Error); one || !ok {
		return []error{err}
	}
	errs := j.Unwrap()
	texts := make([]string, len(errs))
	for i, e := range errs {
		texts[i] = e.Error()
	}
	if err.Error() != strings.Join(texts, "\n") {
		return []error{err}
	}
	var out []error
	for _, e := range errs {
		out = append(out, problems(e)...)
	}
	return out
}

// joinFlat returns the problems of errs, each error among them that joins
// others replaced by the problems it joins ([problems]), in order, as
// [msg.Join] returns them: nil if there is none, the one itself if there is
// one (an *outcome.Error a library returned, say, also when it came joined
// alone), and otherwise all of them joined with [errors.Join], one level
// deep. The text is the same as the errors' joined as they were.
func joinFlat(errs ...error) error {
	var all []error
	for _, err := range errs {
		if err != nil {
			all = append(all, problems(err)...)
		}
	}
	return msg.Join(all...)
}

// labeled is one labelled part of a failure report.
type labeled struct {
	label, content string
}

// labeledOutput lays out labelled content as testify does: each label
// followed by a colon, padded to the longest label, a tab, and the content,
// whose further lines are indented to the same column.
//
//	\tError:   \tthe summary
//	\t         \tits second line
//	\tMessages:\tthe caller's message
func labeledOutput(content []labeled) string {
	longest := 0
	for _, c := range content {
		longest = max(longest, len(c.label))
	}
	var b strings.Builder
	for _, c := range content {
		b.WriteString("\t" + c.label + ":" + strings.Repeat(" ", longest-len(c.label)) + "\t")
		b.WriteString(strings.ReplaceAll(strings.TrimRight(c.content, "\n"), "\n",
			"\n\t"+strings.Repeat(" ", longest+1)+"\t"))
		b.WriteString("\n")
	}
	return b.String()
}

// message formats a caller's msgAndArgs as testify does: a single value as
// itself, a format string and its arguments through [fmt.Sprintf]. A first
// value that is not a string is printed with its fellows, space-separated.
func message(msgAndArgs []any) string {
	switch {
	case len(msgAndArgs) == 0:
		return ""
	case len(msgAndArgs) == 1:
		if s, ok := msgAndArgs[0].(string); ok {
			return s
		}
		return fmt.Sprintf("%+v", msgAndArgs[0])
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	parts := make([]string, len(msgAndArgs))
	for i, a := range msgAndArgs {
		parts[i] = fmt.Sprintf("%+v", a)
	}
	return strings.Join(parts, " ")
}

// printable returns s with each rune that [strconv.IsPrint] rejects (a line
// break, a tab, any other control or format character, a space other than
// U+0020) written as a Go string literal writes it ("\n", "\t", "\x1b",
// "\u2028"), and each byte that is not UTF-8 as "\xff", so that text from
// the user (a name, a reason that names something) keeps a failure on its
// lines and cannot forge one.
func printable(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError || !strconv.IsPrint(r) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// quote quotes user text for a failure, clipped to maxQuoted bytes on a rune
// boundary.
func quote(s string) string { return strconv.Quote(clip(s)) }

// clip shortens s to at most maxQuoted bytes, marking the cut with "...".
func clip(s string) string { return msg.Clip(s, maxQuoted) }

// quoteList quotes up to n strings, then says how many more there are, as
// the module writes a list of items ([words.List]): `"a", "b" and 3 more`.
func quoteList(ss []string, n int) string {
	quoted := make([]string, min(len(ss), n))
	for i := range quoted {
		quoted[i] = quote(ss[i])
	}
	return words.List(quoted, len(ss))
}

// plural returns one or many as n is 1 or not.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
