package cxtest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/triplecrown"
)

// CheckDecimalEqual checks that got equals want by value, as
// [decimal.Decimal.Equal] compares them: 1.0 equals 1.00 (which testify's
// assert.Equal, comparing representations, denies). It returns nil, or an
// *[outcome.Error] with code [ErrNotEqual] that gives both and their
// difference.
func CheckDecimalEqual(want, got decimal.Decimal) error {
	return checkDecimalEqual(want, got).err()
}

// AssertDecimalEqual asserts that got equals want by value, as
// [CheckDecimalEqual] does. On failure it reports, to t, both, with the
// places they were given with, and their difference:
//
//	Error:  not equal by value
//	        expected: 0.50
//	        actual  : 0.6
//	        diff    : +0.10 (actual - expected)
//
// It returns whether the assertion passed.
func AssertDecimalEqual(t TestingT, want, got decimal.Decimal, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkDecimalEqual(want, got), msgAndArgs)
}

// RequireDecimalEqual is [AssertDecimalEqual], and stops the test
// (t.FailNow) if it failed.
func RequireDecimalEqual(t TestingT, want, got decimal.Decimal, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertDecimalEqual(t, want, got, msgAndArgs...) {
		failNow(t)
	}
}

func checkDecimalEqual(want, got decimal.Decimal) *failure {
	if equalValue(want, got) {
		return nil
	}
	d := differenceText(want, got)
	return &failure{
		code:     ErrNotEqual,
		summary:  "not equal by value",
		expected: exact(want),
		actual:   exact(got),
		diff:     d + " (actual - expected)",
		detail:   fmt.Sprintf("expected %s, actual %s, a difference of %s", exact(want), exact(got), d),
	}
}

// equalValue reports whether a and b are equal by value, as
// [decimal.Decimal.Equal] does, but without rescaling one to the other's
// exponent when their orders of magnitude already differ: a·10^e with d
// digits lies in [10^(d-1+e), 10^(d+e)), and 1 against 1e50000000 would
// otherwise cost seconds.
func equalValue(a, b decimal.Decimal) bool {
	switch {
	case a.IsZero() || b.IsZero():
		return a.IsZero() && b.IsZero()
	case a.Sign() != b.Sign():
		return false
	case int64(a.NumDigits())+int64(a.Exponent()) != int64(b.NumDigits())+int64(b.Exponent()):
		return false
	}
	return a.Equal(b)
}

// differenceText writes got - want, signed. When their exponents are much
// further apart than their digits are long (1e50000000 against 1), working
// the difference out would write millions of zeros only for exact to cut
// them; the difference is then the larger of the two, to within less than
// one part in 10^1000 of it, and is written as that, "about".
func differenceText(want, got decimal.Decimal) string {
	ew, eg := int64(want.Exponent()), int64(got.Exponent())
	dw, dg := int64(want.NumDigits()), int64(got.NumDigits())
	switch {
	case want.IsZero(): // whatever its exponent
		return signedText(got)
	case got.IsZero():
		return signedText(want.Neg())
	case max(ew-eg, eg-ew) <= 2*(dw+dg)+1000:
		return signedText(got.Sub(want))
	}
	if eg+dg > ew+dw {
		return "about " + signedText(got)
	}
	return "about " + signedText(want.Neg())
}

// CheckMoneyEqual checks that got equals want by value and currency, as
// [triplecrown.Money.Equal] compares them: 1.5 EUR equals 1.50 EUR, and
// amounts in two currencies are never equal. It returns nil, or an
// *[outcome.Error] with code [ErrNotEqual] that gives both and how they
// differ.
func CheckMoneyEqual(want, got triplecrown.Money) error {
	return checkMoneyEqual(want, got).err()
}

// AssertMoneyEqual asserts that got equals want by value and currency, as
// [CheckMoneyEqual] does. On failure it reports, to t, both and how they
// differ: by an amount, or in their currencies. It returns whether the
// assertion passed.
func AssertMoneyEqual(t TestingT, want, got triplecrown.Money, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkMoneyEqual(want, got), msgAndArgs)
}

// RequireMoneyEqual is [AssertMoneyEqual], and stops the test (t.FailNow)
// if it failed.
func RequireMoneyEqual(t TestingT, want, got triplecrown.Money, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertMoneyEqual(t, want, got, msgAndArgs...) {
		failNow(t)
	}
}

func checkMoneyEqual(want, got triplecrown.Money) *failure {
	if want.Equal(got) {
		return nil
	}
	var d string
	if want.Currency() != got.Currency() {
		d = fmt.Sprintf("the currencies differ: %s and %s", currencyName(want), currencyName(got))
	} else {
		d = signedText(got.Amount().Sub(want.Amount())) + " " + want.Currency().String() + " (actual - expected)"
	}
	return &failure{
		code:     ErrNotEqual,
		summary:  "money not equal by value",
		expected: want.String(),
		actual:   got.String(),
		diff:     d,
		detail:   fmt.Sprintf("expected %s, actual %s; %s", want, got, d),
	}
}

// currencyName names the currency of m, or says it has none.
func currencyName(m triplecrown.Money) string {
	if m.Currency().IsZero() {
		return "none"
	}
	return m.Currency().String()
}

// exact writes d with all the decimal places it holds: 1.50 stays "1.50"
// (decimal's String would write "1.5"). So that the text stays short, a
// number whose exponent is beyond ±64 is written with its exponent, "1e-300",
// and one of more than 40 digits is cut to 16 significant digits, marked:
// "2.999999999999999...e200".
func exact(d decimal.Decimal) string {
	const maxDigits, shownDigits = 40, 16
	e := d.Exponent()
	c := d.Coefficient()
	sign := ""
	if c.Sign() < 0 {
		sign = "-"
		c.Neg(c)
	}
	digits := c.String()
	switch {
	case len(digits) > maxDigits:
		return sign + digits[:1] + "." + digits[1:shownDigits] + "...e" + strconv.Itoa(int(e)+len(digits)-1)
	case e < -64 || e > 64:
		return sign + digits + "e" + strconv.Itoa(int(e))
	case e < 0:
		return d.StringFixed(-e)
	}
	return decfmt.String(d)
}

// signedText writes d exactly, with a plus sign when it is positive.
func signedText(d decimal.Decimal) string {
	if d.Sign() > 0 {
		return "+" + exact(d)
	}
	return exact(d)
}

// CheckEqual checks that got equals want as want's own Equal method says:
// want.Equal(got). Every result and definition type of the module has one,
// which compares decimals by value (0.5 equals 0.50) and a nil list as an
// empty one, where testify's assert.Equal, through reflect.DeepEqual, calls
// them different. T may be a pointer type whose method is on the pointer,
// such as *[outcome.Error]; the method is called on a nil pointer too, as
// want.Equal(got) would be. If T is an interface type, a nil want is equal
// to a nil got only, and its Equal is not called.
//
// It returns nil, or an *[outcome.Error] with code [ErrNotEqual], no IDs,
// and a one-line message that names T and gives the first line at which
// the two values, written as [CheckEqual] writes them, differ.
//
// The values are written as indented JSON (json.MarshalIndent with two
// spaces) when both marshal and the texts differ, and otherwise with %+v.
// The module's JSON forms write a decimal without its trailing zeros (0.50
// as "0.5"), so two values Equal calls different, by value, always differ
// in their JSON where they differ in a decimal. When both ways write the
// two alike, only Equal tells them apart, and the message says so.
func CheckEqual[T interface{ Equal(T) bool }](want, got T) error {
	return checkEqual(want, got).err()
}

// AssertEqual asserts that got equals want as want.Equal(got) says, as
// [CheckEqual] does: write
//
//	cxtest.AssertEqual(t, want, got)
//
// where assert.True(t, want.Equal(got)) would say only that it was false.
// On failure it reports, to t, both values, as indented JSON where both
// marshal (else with %+v), and the first line at which they differ:
//
//	Error:  hierarchy.Attribution not equal by its Equal method
//	        expected: {
//	                    "id": "cost-to-serve",
//	                    ...
//	                        "amount": "40"
//	                    ...
//	        actual  : {
//	                    ...
//	        diff    : first difference at line 13 of the JSON (- expected, + actual):
//	                  - "amount": "40"
//	                  + "amount": "39"
//
// The report is bounded whatever the values' size: of each value at most
// 20 lines are shown, a window that holds the first difference, with how
// many lines are left out above and below it, and each line is cut to 100
// bytes (a line of the diff, to 100 bytes around the first byte that
// differs), with characters that are not printable escaped, as in the
// package's other failures. It returns whether the assertion passed.
func AssertEqual[T interface{ Equal(T) bool }](t TestingT, want, got T, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkEqual(want, got), msgAndArgs)
}

// RequireEqual is [AssertEqual], and stops the test (t.FailNow) if it
// failed.
func RequireEqual[T interface{ Equal(T) bool }](t TestingT, want, got T, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertEqual(t, want, got, msgAndArgs...) {
		failNow(t)
	}
}

// maxLines bounds the lines of each value that an equality failure shows;
// maxLine, the bytes of each line.
const maxLines, maxLine = 20, 100

func checkEqual[T interface{ Equal(T) bool }](want, got T) *failure {
	if any(want) == nil { // a nil interface has no method to call
		if any(got) == nil {
			return nil
		}
	} else if want.Equal(got) {
		return nil
	}
	name := clip(reflect.TypeFor[T]().String())
	form, w, g := equalTexts(want, got)
	wl, gl := strings.Split(w, "\n"), strings.Split(g, "\n")
	line := 0 // the first line that differs
	for line < min(len(wl), len(gl)) && wl[line] == gl[line] {
		line++
	}
	f := &failure{code: ErrNotEqual, summary: name + " not equal by its Equal method"}
	f.expected, f.actual = window(wl, line), window(gl, line)
	f.multiline = true
	switch {
	case w == g && form == "JSON":
		f.diff = "none in their JSON or %+v: only Equal tells them apart"
		f.detail = "they write alike in JSON and with %+v"
		return f
	case w == g: // equalTexts gives %+v text that is alike only when one does not marshal
		f.diff = "none with %+v, and they do not both marshal to JSON: only Equal tells them apart"
		f.detail = "they do not both marshal to JSON, and write alike with %+v"
		return f
	}
	at := diffAt(wl, gl, line)
	ew, ag := diffLine(wl, line, at, "expected"), diffLine(gl, line, at, "actual")
	where := fmt.Sprintf("first difference at line %d of the %s", line+1, form)
	f.diff = where + " (- expected, + actual):\n- " + ew + "\n+ " + ag
	f.detail = where + ": expected `" + ew + "`, actual `" + ag + "`"
	return f
}

// equalTexts writes want and got for a failure: as indented JSON, when both
// marshal and their JSON differs; else with %+v, when that differs; else
// (the two write alike both ways) as JSON if both marshal. form names the
// way: "JSON" or "%+v text".
func equalTexts(want, got any) (form, w, g string) {
	wj, werr := json.MarshalIndent(want, "", "  ")
	gj, gerr := json.MarshalIndent(got, "", "  ")
	marshal := werr == nil && gerr == nil
	if marshal && string(wj) != string(gj) {
		return "JSON", string(wj), string(gj)
	}
	w, g = fmt.Sprintf("%+v", want), fmt.Sprintf("%+v", got)
	if w == g && marshal {
		return "JSON", string(wj), string(gj)
	}
	return "%+v text", w, g
}

// window returns at most maxLines of lines, joined by line breaks: all of
// them if there are no more, else a window that holds line d a third of
// the way down, with a line that counts those left out above and one that
// counts those below. Each line is cut to maxLine bytes.
func window(lines []string, d int) string {
	start, end := 0, len(lines)
	if len(lines) > maxLines {
		start = max(0, min(d-maxLines/3, len(lines)-maxLines))
		end = start + maxLines
	}
	var b strings.Builder
	if start > 0 {
		fmt.Fprintf(&b, "... %d %s not shown\n", start, plural(start, "line", "lines"))
	}
	for i, l := range lines[start:end] {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(msg.Clip(l, maxLine))
	}
	if n := len(lines) - end; n > 0 {
		fmt.Fprintf(&b, "\n... %d %s not shown", n, plural(n, "line", "lines"))
	}
	return b.String()
}

// diffAt returns the byte offset of the first difference between line d of
// a and of b, or 0 if one has no line d.
func diffAt(a, b []string, d int) int {
	if d >= len(a) || d >= len(b) {
		return 0
	}
	i := 0
	for i < min(len(a[d]), len(b[d])) && a[d][i] == b[d][i] {
		i++
	}
	return i
}

// diffLine writes line d of lines for the diff, its indentation trimmed and
// cut to maxLine bytes around byte at, where it first differs from the
// other value's; or says that there is no line d, naming whose lines (of)
// these are.
func diffLine(lines []string, d, at int, of string) string {
	if d >= len(lines) {
		return fmt.Sprintf("(the %s has %d %s)", of, len(lines), plural(len(lines), "line", "lines"))
	}
	l := lines[d]
	trimmed := strings.TrimLeft(l, " \t")
	at -= len(l) - len(trimmed)
	l = trimmed
	if len(l) <= maxLine || at < maxLine/2 {
		return msg.Clip(l, maxLine)
	}
	start := at - maxLine/4
	for start > 0 && !utf8.RuneStart(l[start]) {
		start--
	}
	return "..." + msg.Clip(l[start:], maxLine)
}
