package cxtest

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

func TestAssertDecimalEqual(t *testing.T) {
	t.Run("by value", func(t *testing.T) {
		for _, tt := range []struct{ want, got string }{
			{"1.0", "1.00"}, {"0", "-0.000"}, {"100", "1e2"}, {"-2.50", "-2.5"},
		} {
			var c captureT
			checkPass(t, &c, AssertDecimalEqual(&c, dec(tt.want), dec(tt.got)))
			assert.NoError(t, CheckDecimalEqual(dec(tt.want), dec(tt.got)))
		}
		// testify compares representations: the reason this assertion exists.
		assert.False(t, assert.ObjectsAreEqual(dec("1.0"), dec("1.00")))
	})
	t.Run("fail", func(t *testing.T) {
		var c captureT
		ok := AssertDecimalEqual(&c, dec("1.50"), dec("1.5001"), "the rate")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \tnot equal by value\n"+
			"\t         \texpected: 1.50\n"+
			"\t         \tactual  : 1.5001\n"+
			"\t         \tdiff    : +0.0001 (actual - expected)\n"+
			"\tMessages:\tthe rate\n")
	})
	t.Run("check", func(t *testing.T) {
		err := CheckDecimalEqual(dec("100"), dec("99.5"))
		require.ErrorIs(t, err, ErrNotEqual)
		assert.Equal(t, "cxtest: not equal by value (expected 100, actual 99.5, a difference of -0.5)", err.Error())
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Empty(t, e.IDs)
	})
	t.Run("extreme exponents stay short", func(t *testing.T) {
		err := CheckDecimalEqual(decimal.New(1, -300), decimal.New(3, 200))
		// 3e200 - 1e-300 has 501 digits: 2999...9 (500 nines) times 10^-300.
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 1e-300, actual 3e200, a difference of +2.999999999999999...e200)")
		assert.Equal(t, "-1.234567890123456...e39", exact(dec("-1234567890123456789012345678901234567890.5")))
		assert.Equal(t, "-12345678901234567890123456789012345678.9", exact(dec("-12345678901234567890123456789012345678.9")))
		assert.Equal(t, "-5e-70", exact(decimal.New(-5, -70)))
		// Exponents 50 million apart: the difference is 10^50000000 less
		// 1, written as about the larger, without its 50 million digits
		// (which took seconds to work out).
		err = CheckDecimalEqual(decimal.New(1, 0), decimal.New(1, 50_000_000))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 1, actual 1e50000000, a difference of about +1e50000000)")
		err = CheckDecimalEqual(decimal.New(7, 50_000_000), decimal.New(-2, -3))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 7e50000000, actual -0.002, a difference of about -7e50000000)")
		// A zero with a huge exponent is zero: the difference is exact.
		err = CheckDecimalEqual(decimal.New(0, 50_000_000), decimal.New(-25, -1))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 0e50000000, actual -2.5, a difference of -2.5)")
		assert.NoError(t, CheckDecimalEqual(decimal.New(0, 50_000_000), decimal.New(0, -3)), "zero is zero")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireDecimalEqual(t, dec("1.0"), dec("1.00")) },
			func(t TestingT) { RequireDecimalEqual(t, dec("1.0"), dec("1.01")) })
	})
}

func TestAssertMoneyEqual(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	t.Run("by value", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertMoneyEqual(&c, eur("1.5"), eur("1.50")))
		assert.NoError(t, CheckMoneyEqual(triplecrown.Money{}, triplecrown.Money{}))
	})
	t.Run("amount", func(t *testing.T) {
		var c captureT
		ok := AssertMoneyEqual(&c, eur("430000.00"), eur("429999.99"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tmoney not equal by value\n"+
			"\t      \texpected: 430000.00 EUR\n"+
			"\t      \tactual  : 429999.99 EUR\n"+
			"\t      \tdiff    : -0.01 EUR (actual - expected)\n")
	})
	t.Run("currency", func(t *testing.T) {
		var c captureT
		ok := AssertMoneyEqual(&c, eur("1.50"), triplecrown.MustMoney("1.50", "USD"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tmoney not equal by value\n"+
			"\t      \texpected: 1.50 EUR\n"+
			"\t      \tactual  : 1.50 USD\n"+
			"\t      \tdiff    : the currencies differ: EUR and USD\n")
	})
	t.Run("check", func(t *testing.T) {
		err := CheckMoneyEqual(triplecrown.Money{}, eur("0"))
		require.ErrorIs(t, err, ErrNotEqual)
		assert.Equal(t, "cxtest: money not equal by value (expected 0, actual 0 EUR; the currencies differ: none and EUR)", err.Error())
		assert.EqualError(t, CheckMoneyEqual(eur("2"), eur("1.25")),
			"cxtest: money not equal by value (expected 2 EUR, actual 1.25 EUR; -0.75 EUR (actual - expected))")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireMoneyEqual(t, eur("1"), eur("1.00")) },
			func(t TestingT) { RequireMoneyEqual(t, eur("1"), eur("1.01")) })
	})
}

// TestEqualValue: the shortcut agrees with decimal's Equal on random values
// of every sign, with trailing zeros and exponents that make equal values
// (12 and 1.20e1) and values of the same magnitude.
func TestEqualValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		a := decimal.New(rng.Int64N(2001)-1000, int32(rng.IntN(9)-4))
		b := decimal.New(rng.Int64N(2001)-1000, int32(rng.IntN(9)-4))
		if rng.IntN(3) == 0 { // the same value written another way
			b = a.Mul(decimal.New(10, 0)).Div(decimal.New(10, 0))
		}
		require.Equal(t, a.Equal(b), equalValue(a, b), "%s and %s", a, b)
	}
}

// textList is a value whose indented JSON is one line per item, between
// "[" and "]": the tests of how a long value is bounded.
type textList []string

func (l textList) Equal(o textList) bool { return slices.Equal(l, o) }

// hook is a value that does not marshal (encoding/json refuses a func
// field), whose Equal compares its name alone.
type hook struct {
	Name     string
	OnChange func()
}

func (h hook) Equal(o hook) bool { return h.Name == o.Name }

// opaque holds an unexported count: its JSON is {} whatever the count, and
// only %+v shows it.
type opaque struct{ n int }

func (p opaque) Equal(o opaque) bool { return p.n == o.n }

// never is equal to nothing, itself included, and writes alike both ways.
type never struct{}

func (never) Equal(never) bool { return false }

// neverHook is equal to nothing, itself included, does not marshal (it
// holds a func) and writes alike with %+v.
type neverHook struct{ OnChange func() }

func (neverHook) Equal(neverHook) bool { return false }

// page is text that does not marshal: %+v writes it as it is.
type page string

func (p page) Equal(o page) bool          { return p == o }
func (p page) String() string             { return string(p) }
func (page) MarshalJSON() ([]byte, error) { return nil, errors.New("page: no JSON") }

// equaler is an interface type that is its own Equal's argument; number
// implements it.
type equaler interface{ Equal(equaler) bool }

type number int

func (n number) Equal(o equaler) bool { m, ok := o.(number); return ok && n == m }

// attribution is the change of the cost to serve, 2320 -> 2420, split
// between answering calls (60, written with the given places) and looking
// up accounts (40).
func attribution(answer string) hierarchy.Attribution {
	return hierarchy.Attribution{ID: "cost-to-serve", Before: dec("2320"), After: dec("2420"), Change: dec("100"),
		Contributions: []hierarchy.Contribution{{ID: "answer-call", Amount: dec(answer)}, {ID: "look-up-account", Amount: dec("40")}}}
}

func TestAssertEqual(t *testing.T) {
	t.Run("by value", func(t *testing.T) {
		// 60.0 and 60, no contributions nil and empty: equal by Equal,
		// not by reflect.DeepEqual (testify's assert.Equal).
		want, got := attribution("60.0"), attribution("60")
		noneNil, noneEmpty := hierarchy.Attribution{ID: "x"}, hierarchy.Attribution{ID: "x", Contributions: []hierarchy.Contribution{}}
		for _, pair := range [][2]hierarchy.Attribution{{want, got}, {noneNil, noneEmpty}} {
			assert.False(t, assert.ObjectsAreEqual(pair[0], pair[1]), "the reason the assertion exists")
			var c captureT
			checkPass(t, &c, AssertEqual(&c, pair[0], pair[1]))
			assert.NoError(t, CheckEqual(pair[0], pair[1]))
		}
		var c captureT
		checkPass(t, &c, AssertEqual(&c, opaque{1}, opaque{1}))
	})
	t.Run("one decimal", func(t *testing.T) {
		var c captureT
		// The module's JSON writes 60.0 as 60, without trailing zeros.
		ok := AssertEqual(&c, attribution("60.0"), attribution("60.5"), "read back from %s", "the warehouse")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \thierarchy.Attribution not equal by its Equal method\n"+
			"\t         \texpected: {\n"+
			"\t         \t            \"id\": \"cost-to-serve\",\n"+
			"\t         \t            \"before\": \"2320\",\n"+
			"\t         \t            \"after\": \"2420\",\n"+
			"\t         \t            \"change\": \"100\",\n"+
			"\t         \t            \"contributions\": [\n"+
			"\t         \t              {\n"+
			"\t         \t                \"id\": \"answer-call\",\n"+
			"\t         \t                \"amount\": \"60\"\n"+
			"\t         \t              },\n"+
			"\t         \t              {\n"+
			"\t         \t                \"id\": \"look-up-account\",\n"+
			"\t         \t                \"amount\": \"40\"\n"+
			"\t         \t              }\n"+
			"\t         \t            ]\n"+
			"\t         \t          }\n"+
			"\t         \tactual  : {\n"+
			"\t         \t            \"id\": \"cost-to-serve\",\n"+
			"\t         \t            \"before\": \"2320\",\n"+
			"\t         \t            \"after\": \"2420\",\n"+
			"\t         \t            \"change\": \"100\",\n"+
			"\t         \t            \"contributions\": [\n"+
			"\t         \t              {\n"+
			"\t         \t                \"id\": \"answer-call\",\n"+
			"\t         \t                \"amount\": \"60.5\"\n"+
			"\t         \t              },\n"+
			"\t         \t              {\n"+
			"\t         \t                \"id\": \"look-up-account\",\n"+
			"\t         \t                \"amount\": \"40\"\n"+
			"\t         \t              }\n"+
			"\t         \t            ]\n"+
			"\t         \t          }\n"+
			"\t         \tdiff    : first difference at line 9 of the JSON (- expected, + actual):\n"+
			"\t         \t          - \"amount\": \"60\"\n"+
			"\t         \t          + \"amount\": \"60.5\"\n"+
			"\tMessages:\tread back from the warehouse\n")
		err := CheckEqual(attribution("60.0"), attribution("60.5"))
		require.ErrorIs(t, err, ErrNotEqual)
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Empty(t, e.IDs)
		assert.Equal(t, "cxtest: hierarchy.Attribution not equal by its Equal method (first difference at line 9 "+
			"of the JSON: expected `\"amount\": \"60\"`, actual `\"amount\": \"60.5\"`)", err.Error())
	})
	t.Run("contributions differ in one decimal", func(t *testing.T) {
		// Cost 6200000 -> 5700000 EUR at the front line and 900000 ->
		// 1050000 (or 1049999.5) at retention: savings of 500000 and
		// -150000 (-149999.5), a total of 350000 (350000.5); shares, to 0
		// places, 143 and -43 both times. 29 lines of JSON: the first 20
		// are shown, which hold line 4, the first difference.
		card := func(actual string) triplecrown.Scorecard {
			return Scorecard("retention 2025\ncost: 900000 -> " + actual + " EUR\nrevenue: 1 -> 1 EUR\nwait (lower, h): 1 -> 1")
		}
		front := Scorecard("front-line 2025\ncost: 6200000 -> 5700000 EUR\nrevenue: 1 -> 1 EUR\nwait (lower, h): 1 -> 1")
		want, err := triplecrown.NewContributions(triplecrown.Cost, []triplecrown.Scorecard{front, card("1050000")}, 0)
		require.NoError(t, err)
		got, err := triplecrown.NewContributions(triplecrown.Cost, []triplecrown.Scorecard{front, card("1049999.5")}, 0)
		require.NoError(t, err)
		block := func(total string) string {
			return "{\n" +
				"\t      \t            \"crown\": \"cost\",\n" +
				"\t      \t            \"total\": {\n" +
				"\t      \t              \"amount\": \"" + total + "\",\n" +
				"\t      \t              \"currency\": \"EUR\"\n" +
				"\t      \t            },\n" +
				"\t      \t            \"places\": 0,\n" +
				"\t      \t            \"sharesDefined\": true,\n" +
				"\t      \t            \"contributions\": [\n" +
				"\t      \t              {\n" +
				"\t      \t                \"unit\": \"front-line\",\n" +
				"\t      \t                \"amount\": {\n" +
				"\t      \t                  \"amount\": \"500000\",\n" +
				"\t      \t                  \"currency\": \"EUR\"\n" +
				"\t      \t                },\n" +
				"\t      \t                \"share\": \"143\",\n" +
				"\t      \t                \"detractor\": false\n" +
				"\t      \t              },\n" +
				"\t      \t              {\n" +
				"\t      \t                \"unit\": \"retention\",\n" +
				"\t      \t          ... 9 lines not shown\n"
		}
		var c captureT
		ok := AssertEqual(&c, want, got)
		checkFail(t, &c, ok, "\n"+
			"\tError:\ttriplecrown.Contributions not equal by its Equal method\n"+
			"\t      \texpected: "+block("350000")+
			"\t      \tactual  : "+block("350000.5")+
			"\t      \tdiff    : first difference at line 4 of the JSON (- expected, + actual):\n"+
			"\t      \t          - \"amount\": \"350000\",\n"+
			"\t      \t          + \"amount\": \"350000.5\",\n")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireEqual(t, attribution("60"), attribution("60.00")) },
			func(t TestingT) { RequireEqual(t, attribution("60"), attribution("61")) })
	})
}

func TestAssertEqual_fallbacks(t *testing.T) {
	t.Run("no JSON", func(t *testing.T) {
		// encoding/json refuses a func: the values are written with %+v,
		// one line, their escape character escaped.
		var c captureT
		ok := AssertEqual(&c, hook{Name: "wallboard\x1b[0m"}, hook{Name: "wallboard"})
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.hook not equal by its Equal method\n"+
			"\t      \texpected: {Name:wallboard\\x1b[0m OnChange:<nil>}\n"+
			"\t      \tactual  : {Name:wallboard OnChange:<nil>}\n"+
			"\t      \tdiff    : first difference at line 1 of the %+v text (- expected, + actual):\n"+
			"\t      \t          - {Name:wallboard\\x1b[0m OnChange:<nil>}\n"+
			"\t      \t          + {Name:wallboard OnChange:<nil>}\n")
		assert.EqualError(t, CheckEqual(hook{Name: "a"}, hook{Name: "b"}), "cxtest: cxtest.hook not equal by its Equal method "+
			"(first difference at line 1 of the %+v text: expected `{Name:a OnChange:<nil>}`, actual `{Name:b OnChange:<nil>}`)")
	})
	t.Run("JSON alike", func(t *testing.T) {
		// Both write {} in JSON: %+v shows the count.
		assert.EqualError(t, CheckEqual(opaque{1}, opaque{2}), "cxtest: cxtest.opaque not equal by its Equal method "+
			"(first difference at line 1 of the %+v text: expected `{n:1}`, actual `{n:2}`)")
	})
	t.Run("alike both ways", func(t *testing.T) {
		var c captureT
		ok := AssertEqual(&c, never{}, never{})
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.never not equal by its Equal method\n"+
			"\t      \texpected: {}\n"+
			"\t      \tactual  : {}\n"+
			"\t      \tdiff    : none in their JSON or %+v: only Equal tells them apart\n")
		assert.EqualError(t, CheckEqual(never{}, never{}),
			"cxtest: cxtest.never not equal by its Equal method (they write alike in JSON and with %+v)")
	})
	t.Run("alike with %+v, no JSON", func(t *testing.T) {
		var c captureT
		ok := AssertEqual(&c, neverHook{}, neverHook{})
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.neverHook not equal by its Equal method\n"+
			"\t      \texpected: {OnChange:<nil>}\n"+
			"\t      \tactual  : {OnChange:<nil>}\n"+
			"\t      \tdiff    : none with %+v, and they do not both marshal to JSON: only Equal tells them apart\n")
		assert.EqualError(t, CheckEqual(neverHook{}, neverHook{}),
			"cxtest: cxtest.neverHook not equal by its Equal method (they do not both marshal to JSON, and write alike with %+v)")
	})
	t.Run("nil pointers", func(t *testing.T) {
		p := &outcome.Error{Code: "x", Severity: outcome.SeverityError, Message: "m"}
		assert.NoError(t, CheckEqual[*outcome.Error](nil, nil))
		var c captureT
		ok := AssertEqual(&c, nil, p)
		checkFail(t, &c, ok, "\n"+
			"\tError:\t*outcome.Error not equal by its Equal method\n"+
			"\t      \texpected: null\n"+
			"\t      \tactual  : {\n"+
			"\t      \t            \"code\": \"x\",\n"+
			"\t      \t            \"severity\": \"error\",\n"+
			"\t      \t            \"message\": \"m\"\n"+
			"\t      \t          }\n"+
			"\t      \tdiff    : first difference at line 1 of the JSON (- expected, + actual):\n"+
			"\t      \t          - null\n"+
			"\t      \t          + {\n")
		assert.EqualError(t, CheckEqual(p, nil), "cxtest: *outcome.Error not equal by its Equal method "+
			"(first difference at line 1 of the JSON: expected `{`, actual `null`)")
	})
	t.Run("nil interface", func(t *testing.T) {
		// A nil want of an interface type has no Equal to call: it is
		// equal to a nil got only.
		assert.NoError(t, CheckEqual[equaler](nil, nil))
		assert.NoError(t, CheckEqual[equaler](number(3), number(3)))
		assert.EqualError(t, CheckEqual[equaler](nil, number(3)), "cxtest: cxtest.equaler not equal by its Equal method "+
			"(first difference at line 1 of the JSON: expected `null`, actual `3`)")
		assert.EqualError(t, CheckEqual[equaler](number(3), nil), "cxtest: cxtest.equaler not equal by its Equal method "+
			"(first difference at line 1 of the JSON: expected `3`, actual `null`)")
	})
}

// TestAssertEqual_bounded: a long value shows 20 of its lines, around its
// first difference, and a long line is cut, around its first difference
// in the diff.
func TestAssertEqual_bounded(t *testing.T) {
	t.Run("many lines", func(t *testing.T) {
		// 100 items: JSON lines 1 "[", 2-101 the items, 102 "]". Item 50
		// differs, at line 52: lines 46-65 are shown (items 44-63), 45
		// above and 37 below are not.
		want := make(textList, 100)
		for i := range want {
			want[i] = "item " + strings.Repeat("x", i%3) + string(rune('A'+i%26))
		}
		got := slices.Clone(want)
		got[50] = "changed"
		block := func(l textList) string {
			var b strings.Builder
			b.WriteString("... 45 lines not shown\n")
			for i := 44; i <= 63; i++ {
				b.WriteString("\t      \t            \"" + l[i] + "\",\n")
			}
			b.WriteString("\t      \t          ... 37 lines not shown\n")
			return b.String()
		}
		var c captureT
		ok := AssertEqual(&c, want, got)
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.textList not equal by its Equal method\n"+
			"\t      \texpected: "+block(want)+
			"\t      \tactual  : "+block(got)+
			"\t      \tdiff    : first difference at line 52 of the JSON (- expected, + actual):\n"+
			"\t      \t          - \"item xxY\",\n"+
			"\t      \t          + \"changed\",\n")
	})
	t.Run("a long line", func(t *testing.T) {
		// JSON line 2 is `  "` + 200 a, b, 99 c + `"`: 305 bytes. The
		// values show its first 100 bytes; the diff, trimmed, from 25
		// bytes before the b (byte 201 of the trimmed line) for 100 bytes.
		long := func(b string) textList {
			return textList{strings.Repeat("a", 200) + b + strings.Repeat("c", 99)}
		}
		a97, a25, c74 := strings.Repeat("a", 97), strings.Repeat("a", 25), strings.Repeat("c", 74)
		var c captureT
		ok := AssertEqual(&c, long("b"), long("B"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.textList not equal by its Equal method\n"+
			"\t      \texpected: [\n"+
			"\t      \t            \""+a97+"...\n"+
			"\t      \t          ]\n"+
			"\t      \tactual  : [\n"+
			"\t      \t            \""+a97+"...\n"+
			"\t      \t          ]\n"+
			"\t      \tdiff    : first difference at line 2 of the JSON (- expected, + actual):\n"+
			"\t      \t          - ..."+a25+"b"+c74+"...\n"+
			"\t      \t          + ..."+a25+"B"+c74+"...\n")
	})
	t.Run("a long line of runes", func(t *testing.T) {
		// `"` + 100 é (2 bytes each) + b: the cut 25 bytes before the b
		// (byte 176) falls within an é, and backs up to its start, 175.
		long := func(b string) textList {
			return textList{strings.Repeat("é", 100) + b + strings.Repeat("c", 99)}
		}
		e13, c73 := strings.Repeat("é", 13), strings.Repeat("c", 73)
		assert.EqualError(t, CheckEqual(long("b"), long("B")), "cxtest: cxtest.textList not equal by its Equal method "+
			"(first difference at line 2 of the JSON: expected `..."+e13+"b"+c73+"...`, actual `..."+e13+"B"+c73+"...`)")
	})
	t.Run("one more line", func(t *testing.T) {
		// [] against ["a"]: JSON "[]" is one line, ["a"] three.
		assert.EqualError(t, CheckEqual(textList{}, textList{"a"}), "cxtest: cxtest.textList not equal by its Equal method "+
			"(first difference at line 1 of the JSON: expected `[]`, actual `[`)")
		// A %+v text of one line against one of two: the first has no line 2.
		assert.EqualError(t, CheckEqual(hook{Name: "a"}, hook{Name: "a\nb"}), "cxtest: cxtest.hook not equal by its Equal method "+
			"(first difference at line 1 of the %+v text: expected `{Name:a OnChange:<nil>}`, actual `{Name:a`)")
		// Text of two lines against its first line: the shorter has no
		// line 2.
		var c captureT
		ok := AssertEqual(&c, page("first line\nsecond line"), page("first line"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest.page not equal by its Equal method\n"+
			"\t      \texpected: first line\n"+
			"\t      \t          second line\n"+
			"\t      \tactual  : first line\n"+
			"\t      \tdiff    : first difference at line 2 of the %+v text (- expected, + actual):\n"+
			"\t      \t          - second line\n"+
			"\t      \t          + (the actual has 1 line)\n")
		assert.EqualError(t, CheckEqual(page("a"), page("a\nb\nc")), "cxtest: cxtest.page not equal by its Equal method "+
			"(first difference at line 2 of the %+v text: expected `(the expected has 1 line)`, actual `b`)")
	})
}
