package triplecrown

import (
	"encoding"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/listtest"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// checkJSONProblems fails t unless err is coded problems ([checkProblems])
// whose messages are in JSON's words, not Go's ([msg.GoWords]: no
// "Go struct field", no Go type's name, no "can't convert").
func checkJSONProblems(t listtest.TB, err error) {
	t.Helper()
	checkProblems(t, err)
	for _, p := range outcome.Problems(err) {
		if w := msg.GoWords(p.Message); w != "" {
			t.Fatalf("message in Go's words (%q): %q", w, p.Message)
		}
	}
}

// checkFloatsAsWritten fails t unless every number in data, JSON that
// decoded, given for a field names (as encoding/json matches keys to
// fields), at any depth, is held by a float64 as written: 0 exactly when
// it is written as zero, and otherwise not below the smallest normal
// float64, 2^-1022, in magnitude (which strconv.ParseFloat reads as 0 or
// as a subnormal with no error). Whether the number is zero is read by
// the decimal package, not as the decoders read it; a number whose
// exponent is beyond an int32 is not checked.
func checkFloatsAsWritten(t *testing.T, data []byte, names ...string) {
	t.Helper()
	if members, err := strictjson.Members(data); err == nil {
		for _, m := range members {
			if strictjson.Field(names, m.Key) >= 0 && !isNull(m.Value) {
				text := strings.TrimSpace(string(m.Value))
				d, derr := decimal.NewFromString(text)
				f, ferr := strconv.ParseFloat(text, 64)
				if derr == nil && ferr == nil && ((f == 0) != d.IsZero() || f != 0 && math.Abs(f) < 0x1p-1022) {
					t.Fatalf("%q decoded with %q given as %s, read as %v", data, m.Key, text, f)
				}
			}
			checkFloatsAsWritten(t, m.Value, names...)
		}
	} else if elems, err := strictjson.Elements(data); err == nil {
		for _, e := range elems {
			checkFloatsAsWritten(t, e, names...)
		}
	}
}

// FuzzScorecardJSON: decoding never panics, fails only with coded problems
// in JSON's words ([checkJSONProblems]), the same problems, or an equal
// scorecard, with its members in any order ([checkOrderFree]), and what
// decodes has each "sd" as written ([checkFloatsAsWritten]) and marshals
// and decodes again to an equal scorecard. A ScorecardSpec reads as the
// scorecard does ([checkSpecReadsAsDefinition]).
func FuzzScorecardJSON(f *testing.F) {
	f.Add(cardJSON)
	f.Add(`{"unit":"u","period":"p","cost":{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"0","currency":"EUR"}},` +
		`"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"0","currency":"EUR"}},` +
		`"service":{"name":"fcr","direction":"higher-is-better","baseline":{"successes":780,"trials":1000},"actual":{"successes":700,"trials":1000}}}`)
	f.Add(`{"unit":"u","period":"p","cost":{"baseline":{"amount":"1e30","currency":"USD"},"actual":{"amount":"0.000001","currency":"USD"}},` +
		`"revenue":{"baseline":{"amount":"0","currency":"USD"},"actual":{"amount":"7","currency":"USD"}},` +
		`"service":{"name":"index","direction":"down","baseline":{"total":"5","weight":"3"},"actual":{"value":"-2","weight":"0.5"}}}`)
	f.Add(`{"unit":"x","extra":1}`)
	f.Add(`{"unit":"","period":"","cost":{"baseline":{"amount":"-1","currency":"eur"}}}`)
	for _, sd := range []string{"1e-400", "-1e-400", "1e-320", "0.0e-400", "2.2250738585072014e-308"} {
		f.Add(strings.Replace(cardJSON, `"sd":1.2`, `"sd":`+sd, 1))
	}
	f.Fuzz(func(t *testing.T, data string) {
		checkOrderFree(t, []byte(data), Scorecard.Equal)
		checkSpecReadsAsDefinition(t, data, (*Scorecard).UnmarshalJSON, Scorecard.Spec, spec("before"), ScorecardSpec.Equal)
		var lenient scorecardSpecJSON
		if json.Unmarshal([]byte(data), &lenient) == nil {
			v := ScorecardSpec{Unit: lenient.Unit, Name: lenient.Name, Period: lenient.Period,
				Cost: Amounts(lenient.Cost), Revenue: Amounts(lenient.Revenue), Service: ServiceSpec(lenient.Service)}
			_, want := NewScorecard(v)
			checkMarshalReadsBack(t, v, ScorecardSpec.MarshalJSON,
				func(s ScorecardSpec) ([]byte, error) { return json.Marshal(cardForm(s)) }, want, ScorecardSpec.Equal)
		}
		var c Scorecard
		if err := c.UnmarshalJSON([]byte(data)); err != nil {
			checkJSONProblems(t, err)
			return
		}
		checkFloatsAsWritten(t, []byte(data), "sd")
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal %q: %v", data, err)
		}
		var back Scorecard
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if !c.Equal(back) {
			t.Fatalf("round trip changed the scorecard: %s", b)
		}
	})
}

// FuzzDecodeScorecards checks DecodeScorecards against
// Scorecard.UnmarshalJSON on each element: it decodes a list exactly when
// every element is a scorecard that decodes alone, to the same scorecards
// (and to what json.Unmarshal gives), and otherwise reports each bad
// element's problems, under its index, in order, in JSON's words
// ([checkJSONProblems]); a null element is one problem. Data that is not
// one array is one problem.
func FuzzDecodeScorecards(f *testing.F) {
	f.Add("[" + cardJSON + "," + strings.ReplaceAll(cardJSON, `"sales"`, `"billing"`) + "]")
	f.Add("[" + cardWith(`"u"`, `2025`, "", "", "") + `,null,` + cardWith(`" u"`, `"2025"`, "", "", "") + `,3]`)
	f.Add(`[{"unit":"u","budget":1}]`)
	f.Add("[{\"unit\": \"\xff\"}]")
	for _, s := range []string{`[]`, `null`, ``, `{}`, `[`, `[] x`, `[{}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		listtest.Check(t, listtest.Decoder[Scorecard]{
			Prefix:   "triplecrown: scorecards",
			Null:     "a scorecard cannot be null",
			List:     DecodeScorecards,
			Element:  (*Scorecard).UnmarshalJSON,
			Equal:    Scorecard.Equal,
			Bare:     bare,
			Problems: checkJSONProblems,
		}, in)
	})
}

// checkSpecReadsAsDefinition checks that data, read into a spec of type S
// (its UnmarshalJSON on a copy of before), reads exactly as its definition
// D, read by unmarshal, does: both fail with the same problems (codes, IDs
// and messages, in order), the spec left Equal to before, or both succeed
// and the spec is the definition's (spec); a spec that decodes marshals and
// decodes again to an Equal spec.
func checkSpecReadsAsDefinition[S any, PS interface {
	*S
	json.Unmarshaler
}, D any](t *testing.T, data string, unmarshal func(*D, []byte) error, spec func(D) S, before S, equal func(S, S) bool) {
	t.Helper()
	var d D
	derr := unmarshal(&d, []byte(data))
	s := before
	serr := PS(&s).UnmarshalJSON([]byte(data))
	if derr != nil || serr != nil {
		if derr == nil || serr == nil || !reflect.DeepEqual(outcome.Problems(derr), outcome.Problems(serr)) {
			t.Fatalf("%q: the spec reads with\n%v\nthe definition with\n%v", data, serr, derr)
		}
		if !equal(s, before) {
			t.Fatalf("%q: a failed decode changed the spec to %+v", data, s)
		}
		return
	}
	if !equal(s, spec(d)) {
		t.Fatalf("%q: the spec read is %+v, the definition's %+v", data, s, spec(d))
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("marshal %+v: %v", s, err)
	}
	back := before
	if err := json.Unmarshal(b, &back); err != nil || !equal(back, s) {
		t.Fatalf("round trip of %s: %+v, %v", b, back, err)
	}
}

// checkMarshalReadsBack checks the marshalling of v, a spec or amounts
// read leniently (plain, by encoding/json into the type's method-less
// form, so that it may be a value its constructor refuses): what
// v.MarshalJSON writes reads back Equal; what it refuses is coded problems,
// those of want (the constructor's, if the type has one, else nil), and
// would not read back: the bytes encoding/json writes of the fields
// (plain) do not marshal, or do not read, with the same problems as
// MarshalJSON's, or read as a value not Equal to v.
func checkMarshalReadsBack[S any, PS interface {
	*S
	json.Unmarshaler
}](t *testing.T, v S, marshal func(S) ([]byte, error), plain func(S) ([]byte, error), want error, equal func(S, S) bool) {
	t.Helper()
	b, err := marshal(v)
	if err == nil {
		var back S
		if err := PS(&back).UnmarshalJSON(b); err != nil || !equal(back, v) {
			t.Fatalf("%+v marshals as %s, which reads as %+v, %v", v, b, back, err)
		}
		if want != nil {
			t.Fatalf("%+v marshals, but its constructor refuses it: %v", v, want)
		}
		return
	}
	problems := outcome.Problems(err)
	if len(problems) == 0 {
		t.Fatalf("%+v does not marshal, with no coded problem: %v", v, err)
	}
	if want != nil && !reflect.DeepEqual(problems, outcome.Problems(want)) {
		t.Fatalf("%+v does not marshal, with\n%v\nbut its constructor says\n%v", v, err, want)
	}
	old, perr := plain(v)
	if perr != nil {
		return
	}
	var back S
	if uerr := PS(&back).UnmarshalJSON(old); uerr != nil {
		if !reflect.DeepEqual(problems, outcome.Problems(uerr)) {
			t.Fatalf("%+v does not marshal, with\n%v\nbut its fields' JSON %s reads with\n%v", v, err, old, uerr)
		}
	} else if equal(back, v) {
		t.Fatalf("%+v does not marshal (%v), but its fields' JSON %s reads back Equal", v, err, old)
	}
}

// FuzzServiceSpecJSON: a service measure read on its own never panics,
// fails only with coded problems in JSON's words ([checkJSONProblems]),
// the same with its members in any order ([checkOrderFree]), leaves the
// spec unchanged on error, and reads as a scorecard reads it as its
// "service": when data is one JSON value, the scorecard [cardJSON] with
// data as its service has problems of the same codes in the same order, or
// none and the service read; what decodes marshals and decodes again to an
// Equal service. A service read leniently, by encoding/json into its
// fields, marshals only if it reads back Equal ([checkMarshalReadsBack]).
func FuzzServiceSpecJSON(f *testing.F) {
	for _, s := range []string{
		`{"name":"time to respond","unit":"hours","direction":"lower-is-better","baseline":{"mean":"4","sd":1.5,"n":400},"actual":{"mean":"3","sd":1.2,"n":400}}`,
		`{"name":"fcr","direction":"higher-is-better","baseline":{"successes":780,"trials":1000},"actual":{"successes":700,"trials":1000}}`,
		`{"name":"index","direction":"down","baseline":{"total":"5","weight":"3"},"actual":{"value":-2,"weight":"0.5"}}`,
		`{"name":" ","direction":"sideways","baseline":{"value":"x","weight":"0"},"actual":{"successes":7,"trials":"10"},"Name":"s","colour":1}`,
		`{"name":"s","direction":"down","baseline":{"mean":"4","sd":1e-400,"n":400},"actual":{"mean":"3","sd":1.2,"n":400}}`,
		`{"name":"s","direction":"higher-is-better","baseline":{"value":"1"},"actual":{"successes":7,"trials":10}}`,
		`{"name":null,"direction":1,"baseline":[],"actual":null}`, `{"name":"s"}`, `{}`, `null`, `[]`, `{"name":"s"} x`,
	} {
		f.Add(s)
	}
	prefix, _, _ := strings.Cut(cardJSON, `"service":`)
	f.Fuzz(func(t *testing.T, data string) {
		checkOrderFree(t, []byte(data), ServiceSpec.Equal)
		var lenient serviceSpecJSON
		if json.Unmarshal([]byte(data), &lenient) == nil {
			checkMarshalReadsBack(t, ServiceSpec(lenient), ServiceSpec.MarshalJSON,
				func(s ServiceSpec) ([]byte, error) { return json.Marshal(serviceSpecJSON(s)) }, nil, ServiceSpec.Equal)
		}
		before := spec("before").Service
		s := before
		err := s.UnmarshalJSON([]byte(data))
		if err != nil {
			checkJSONProblems(t, err)
			if !s.Equal(before) {
				t.Fatalf("%q: a failed decode changed the service to %+v", data, s)
			}
		}
		if json.Valid([]byte(data)) {
			var c Scorecard
			cerr := c.UnmarshalJSON([]byte(prefix + `"service":` + data + `}`))
			var codes, cardCodes []outcome.Code
			for _, p := range outcome.Problems(err) {
				codes = append(codes, p.Code)
			}
			for _, p := range outcome.Problems(cerr) {
				cardCodes = append(cardCodes, p.Code)
			}
			if !slices.Equal(codes, cardCodes) {
				t.Fatalf("%q: read alone, %v\n%v\nas a scorecard's service, %v\n%v", data, codes, err, cardCodes, cerr)
			}
			if err == nil && !c.Service().Equal(s) {
				t.Fatalf("%q: read alone, %+v; as a scorecard's service, %+v", data, s, c.Service())
			}
		}
		if err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal %+v: %v", s, err)
		}
		var back ServiceSpec
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(s) {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}

// FuzzAmountsJSON: amounts read on their own never panic, fail only with
// coded problems in JSON's words ([checkJSONProblems]), the same with
// their members in any order ([checkOrderFree]), leave the amounts
// unchanged on error, and read as a scorecard reads them as its "cost":
// when data is one JSON value, the scorecard [cardJSON] with data as its
// cost has problems of the same codes in the same order, but for its
// revenue's currency, which is EUR whatever data's (those problems are
// dropped), or none, and then the scorecard with its revenue in the
// currency of the amounts read reads them as its cost. What decodes is
// what encoding/json reads into the amounts' fields (the strict reader
// refuses more, never reads otherwise), and marshals and decodes again to
// Equal amounts.
func FuzzAmountsJSON(f *testing.F) {
	for _, s := range []string{
		`{"baseline":{"amount":"1000000","currency":"EUR"},"actual":{"amount":900000.50,"currency":"EUR"}}`,
		`{"baseline":{"amount":"1","currency":"USD"},"actual":{"amount":"2","currency":"USD","rate":1},"note":"q2"}`,
		`{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"2","currency":"EUR"},"Actual":{"amount":"3","currency":"EUR"}}`,
		`{"baseline":null,"actual":{"amount":"2","currency":3}}`,
		`{"baseline":{"amount":1e-400,"currency":"EUR"},"actual":{"amount":"2","currency":"USD"}}`,
		`{"actual":{"amount":"x","currency":"eur"},"colour":1,"baseline":{"amount":"-1","currency":"EUR","note":2},"BASELINE":{}}`,
		`{"baseline":{"amount":"-1.50","currency":"EUR"},"actual":{"amount":"-2","currency":"USD"}}`,
		`{"baseline":{"amount":"0.000","currency":"GBP"},"actual":{"amount":"15e2","currency":"GBP"}}`,
		`{"baseline":{"amount":"1","currency":"EUR"}}`, `{}`, `null`, `[1,2]`, `{"baseline":{}} {}`,
	} {
		f.Add(s)
	}
	prefix, rest, _ := strings.Cut(cardJSON, `"cost":`)
	_, suffix, _ := strings.Cut(rest, `,"revenue":`)
	suffix = `,"revenue":` + suffix
	f.Fuzz(func(t *testing.T, data string) {
		checkOrderFree(t, []byte(data), Amounts.Equal)
		var lenient amountsJSON
		if json.Unmarshal([]byte(data), &lenient) == nil {
			checkMarshalReadsBack(t, Amounts(lenient), Amounts.MarshalJSON,
				func(a Amounts) ([]byte, error) { return json.Marshal(amountsJSON(a)) }, nil, Amounts.Equal)
		}
		before := Amounts{Baseline: usd("7"), Actual: usd("8")}
		a := before
		err := a.UnmarshalJSON([]byte(data))
		if err != nil {
			checkJSONProblems(t, err)
			if !a.Equal(before) {
				t.Fatalf("%q: a failed decode changed the amounts to %+v", data, a)
			}
		}
		if json.Valid([]byte(data)) {
			var c Scorecard
			cerr := c.UnmarshalJSON([]byte(prefix + `"cost":` + data + suffix))
			var codes, cardCodes []outcome.Code
			for _, p := range outcome.Problems(err) {
				codes = append(codes, p.Code)
			}
			for _, p := range outcome.Problems(cerr) {
				if p.Code != ErrCurrencyMismatch || !strings.Contains(p.Message, " revenue in ") {
					cardCodes = append(cardCodes, p.Code)
				}
			}
			if !slices.Equal(codes, cardCodes) {
				t.Fatalf("%q: read alone, %v\n%v\nas a scorecard's cost, %v\n%v", data, codes, err, cardCodes, cerr)
			}
		}
		if err != nil {
			return
		}
		cur := a.Baseline.Currency().String()
		card := prefix + `"cost":` + data + strings.ReplaceAll(suffix, `"EUR"`, strconv.Quote(cur))
		var c Scorecard
		if cerr := c.UnmarshalJSON([]byte(card)); cerr != nil || !c.Cost().Equal(a) {
			t.Fatalf("%q: read alone, %+v; as a scorecard's cost in %s, %+v, %v", data, a, cur, c.Cost(), cerr)
		}
		var plain struct{ Baseline, Actual Money }
		if err := json.Unmarshal([]byte(data), &plain); err != nil || !Amounts(plain).Equal(a) {
			t.Fatalf("%q: read as %+v, but encoding/json reads %+v (%v)", data, a, plain, err)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("marshal %+v: %v", a, err)
		}
		var back Amounts
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(a) {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}

// FuzzGroupJSON: a group read on its own never panics, fails only with
// coded problems in JSON's words ([checkJSONProblems]), the same with its
// members in any order ([checkOrderFree]), and leaves the group unchanged
// on error; what decodes is what encoding/json reads of it into the zero
// group (the strict reader refuses more, never reads otherwise: a member
// left out is its zero value, never the one the group held before), and
// marshals and decodes again to an Equal group. A group made of data's
// bytes themselves (its ID, and its units split at commas), which may not be
// valid UTF-8, marshals exactly when its text is valid UTF-8, and reads back
// Equal; otherwise its problems are an [outcome.ErrInvalidText] for the ID
// and one for each unit that is not valid UTF-8, and what
// encoding/json writes of its fields reads as another group
// ([checkMarshalReadsBack]).
func FuzzGroupJSON(f *testing.F) {
	for _, s := range []string{
		`{"id":"north","units":["leeds","york"]}`, `{"id":" north","units":[]}`, `{"id":"north","units":null}`,
		`{"id":"north","units":["leeds",2,null],"ID":"south","region":"uk"}`, `{"id":5,"units":"leeds"}`,
		`{"id":null,"units":["leeds"]}`, `{}`, `{"id":"north"}`, `null`, `["north"]`, `{"Units":["a"],"iD":"x"}`,
		"{\"id\":\"\xff\",\"units\":[]}", `{"id":"north","units":[]} {}`, `{"units":["leeds"]}`, `{"ID":""}`,
	} {
		f.Add(s)
	}
	f.Add("n\xffrth,leeds,y\xc3")
	f.Fuzz(func(t *testing.T, data string) {
		raw := Group{ID: data, Units: strings.Split(data, ",")}
		checkMarshalReadsBack(t, raw, Group.MarshalJSON,
			func(g Group) ([]byte, error) { return json.Marshal(groupJSON{g.ID, strictjson.List(g.Units)}) }, nil, Group.Equal)
		if _, err := raw.MarshalJSON(); (err == nil) != utf8.ValidString(data) {
			t.Fatalf("%q: valid UTF-8 %t, but MarshalJSON says %v", data, utf8.ValidString(data), err)
		} else if err != nil {
			want := 1 // the ID's, then one for each unit not valid UTF-8
			for _, u := range raw.Units {
				if !utf8.ValidString(u) {
					want++
				}
			}
			problems := outcome.Problems(err)
			if len(problems) != want {
				t.Fatalf("%q: %d problems, want %d: %v", data, len(problems), want, err)
			}
			for _, p := range problems {
				if p.Code != outcome.ErrInvalidText {
					t.Fatalf("%q: %v", data, p)
				}
			}
		}
		checkOrderFree(t, []byte(data), Group.Equal)
		before := Group{ID: "before", Units: []string{"x"}}
		g := before
		if err := g.UnmarshalJSON([]byte(data)); err != nil {
			checkJSONProblems(t, err)
			if !g.Equal(before) {
				t.Fatalf("%q: a failed decode changed the group to %+v", data, g)
			}
			return
		}
		var plain groupJSON
		if err := json.Unmarshal([]byte(data), &plain); err != nil || !Group(plain).Equal(g) {
			t.Fatalf("%q: read as %+v, but encoding/json reads %+v (%v)", data, g, plain, err)
		}
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatalf("marshal %+v: %v", g, err)
		}
		var back Group
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(g) {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}

// FuzzParseMoney: parsing never panics, refuses with coded problems in the
// package's shape ([checkProblems]: one problem is the *outcome.Error
// itself), and the amount's text as JSON writes it parses back to an equal
// amount.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.50", "-3", "1.5e3", "12,50", "1e999999999", "0.000", "−7", strings.Repeat("9", 40) + "e30"} {
		f.Add(s, "EUR")
	}
	f.Add("1", "eur")
	f.Fuzz(func(t *testing.T, amount, currency string) {
		m, err := ParseMoney(amount, currency)
		if err != nil {
			checkProblems(t, err) // one problem itself, two joined
			return
		}
		back, err := ParseMoney(decimalText(m.Amount(), scaled(m.Amount())), m.Currency().String())
		if err != nil || !back.Equal(m) {
			t.Fatalf("%q %q: round trip gave %v, %v", amount, currency, back, err)
		}
	})
}

// FuzzMoneyMul: multiplying by any decimal factor never panics; a factor
// within the input bounds gives the exact product in the same currency if
// that is within them too, and a factor or a product beyond them an error
// with code ErrInvalidAmount.
func FuzzMoneyMul(f *testing.F) {
	for _, s := range [][2]string{{"12.50", "0.3"}, {"19.99", "3"}, {"1e30", "1e-30"}, {"-4.2", "1e31"}, {"7", "0"}, {"1e30", "1e1"}, {"0.5", "1e-30"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, amount, factor string) {
		m, err := ParseMoney(amount, "EUR")
		if err != nil {
			return
		}
		d, err := decimal.NewFromString(factor)
		if err != nil || len(factor) > 200 {
			return
		}
		got, err := m.Mul(d)
		if checkDecimal(d, "factor") != nil || checkDecimal(m.Amount().Mul(d), "product") != nil {
			if !errors.Is(err, ErrInvalidAmount) {
				t.Fatalf("%s x %s: want ErrInvalidAmount, got %v, %v", m, d, got, err)
			}
			return
		}
		if err != nil || !got.Amount().Equal(m.Amount().Mul(d)) || got.Currency() != m.Currency() {
			t.Fatalf("%s x %s = %v, %v", m, d, got, err)
		}
	})
}

// FuzzBuiltValuesDecode builds values through the constructors and the
// operations from fuzzed amounts, a factor and a sample size, and checks the
// direction the decoding fuzzers miss: every value the package returns (each
// Money of an operation, a MoneySum, scorecards with value and mean
// measures, roll-ups and their merge, contributions, an ROI, thresholds)
// decodes from its own JSON and binary forms to an equal value. An
// operation may refuse its inputs, but only with coded problems, and an
// arithmetic one only for going beyond the bounds (ErrInvalidAmount).
func FuzzBuiltValuesDecode(f *testing.F) {
	nines := strings.Repeat("9", 40)
	for _, s := range [][3]string{
		{"19.99", "1000.50", "1.025000"},
		{"22.06521968359375000000000000", "1", "1.025000"},
		{nines, "1", "0.3"},
		{nines + "e30", "1e-30", "1e-30"},
		{"1e30", "1e-9", "10"},
		{"-" + nines + "e-30", "0.000001", "2.5"},
		{"100000000000000000000", "0", "100000000000000000000"},
		{"1e-30", "1e30", "1e30"},
	} {
		f.Add(s[0], s[1], s[2], int64(400), int8(2))
	}
	f.Fuzz(func(t *testing.T, x, y, factor string, n int64, places int8) {
		a, err1 := ParseMoney(x, "EUR")
		b, err2 := ParseMoney(y, "EUR")
		k, err3 := parseDecimal(factor, "factor")
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		p := MustPrecision(int32(places)%(MaxPrecisionPlaces+1), outcome.RoundHalfEven)

		// Every operation on money gives an amount that decodes, or refuses.
		moneys := []Money{a, b, a.Neg(), a.Abs()}
		keep := func(m Money, err error) Money {
			t.Helper()
			if err != nil {
				checkProblems(t, err)
				if !errors.Is(err, ErrInvalidAmount) {
					t.Fatalf("%s and %s (%s): %v", a, b, k, err)
				}
				return Money{}
			}
			moneys = append(moneys, m)
			return m
		}
		keep(a.Add(b))
		keep(a.Sub(b))
		product := keep(a.Mul(k))
		keep(a.Round(p))
		keep(Sum([]Money{a, b, a}))
		var sum MoneySum
		for _, m := range []Money{a, b, product} {
			if err := sum.Add(m); err != nil && !errors.Is(err, ErrInvalidAmount) {
				t.Fatal(err)
			}
		}
		if err := sum.Merge(sum); err != nil && !errors.Is(err, ErrInvalidAmount) {
			t.Fatal(err)
		}
		binaryRoundTrip(t, sum, MoneySum.Equal)
		moneys = append(moneys, sum.Total())
		for _, m := range moneys {
			if !m.IsZero() {
				jsonRoundTrip(t, m, Money.Equal)
			}
			binaryRoundTrip(t, m, Money.Equal)
		}

		// Scorecards with value and mean measures of the amounts, and all
		// that is built from them.
		card := func(unit string, c0, c1, r0, r1 Money, base, act func() (Measure, error)) (Scorecard, bool) {
			bm, err1 := base()
			am, err2 := act()
			if err1 != nil || err2 != nil {
				return Scorecard{}, false
			}
			c, err := NewScorecard(ScorecardSpec{Unit: unit, Period: "p",
				Cost: Amounts{Baseline: c0.Abs(), Actual: c1.Abs()}, Revenue: Amounts{Baseline: r0.Abs(), Actual: r1.Abs()},
				Service: ServiceSpec{Name: "s", Direction: outcome.HigherIsBetter, Baseline: bm, Actual: am}})
			if err != nil {
				checkProblems(t, err)
				return Scorecard{}, false
			}
			jsonRoundTrip(t, c, Scorecard.Equal)
			binaryRoundTrip(t, c, Scorecard.Equal)
			return c, true
		}
		value := func(v, w decimal.Decimal) func() (Measure, error) {
			return func() (Measure, error) { return NewWeightedValue(v, w.Abs()) }
		}
		mean := func(v decimal.Decimal) func() (Measure, error) {
			return func() (Measure, error) { return NewMean(v, 1.5, n) }
		}
		if product.IsZero() {
			product = a
		}
		var values, means []Scorecard
		if c, ok := card("a", a, b, b, product, value(a.amount, k), value(b.amount, k)); ok {
			values = append(values, c)
		}
		if c, ok := card("b", b, a, product, a, value(k, b.amount), value(k, a.amount)); ok {
			values = append(values, c)
		}
		if c, ok := card("c", a, product, a, b, mean(a.amount), mean(k)); ok {
			means = append(means, c)
		}
		if c, ok := card("d", product, b, b, a, mean(b.amount), mean(a.amount)); ok {
			means = append(means, c)
		}
		for _, cards := range [][]Scorecard{values, means} {
			if len(cards) == 0 {
				continue
			}
			r, err := NewRollup("e", cards)
			if err != nil {
				checkProblems(t, err)
				continue
			}
			jsonRoundTrip(t, r, Rollup.Equal)
			binaryRoundTrip(t, r, Rollup.Equal)
			if len(cards) == 2 {
				m, err := mustRollup(t, "x", cards[0]).Merge(mustRollup(t, "y", cards[1]))
				if err != nil {
					t.Fatalf("the merge fails where the roll-up does not: %v", err)
				}
				binaryRoundTrip(t, m, Rollup.Equal)
			}
			for _, crown := range []Crown{Cost, Revenue} {
				c, err := NewContributions(crown, cards, 2)
				if err != nil {
					checkProblems(t, err)
					continue
				}
				jsonRoundTrip(t, c.Total(), Money.Equal)
				for it := range c.All() {
					jsonRoundTrip(t, it.Amount(), Money.Equal)
					binaryRoundTrip(t, it.Amount(), Money.Equal)
				}
			}
			if roi, err := NewROIFromScorecard(MustMoney("1000", "EUR"), r.Scorecard(), 12); err != nil {
				checkProblems(t, err)
			} else {
				jsonRoundTrip(t, roi, ROI.Equal)
				jsonRoundTrip(t, roi.Benefit(), Money.Equal)
				jsonRoundTrip(t, roi.Net(), Money.Equal)
			}
		}
		if th, err := NewRelativeThreshold(k.Abs()); err == nil {
			jsonRoundTrip(t, th, Threshold.Equal)
		}
		if th, err := NewAbsoluteThreshold(k.Abs()); err == nil {
			jsonRoundTrip(t, th, Threshold.Equal)
		}
		if th, err := NewMoneyThreshold(a.Abs()); err == nil {
			jsonRoundTrip(t, th, Threshold.Equal)
		}
	})
}

// jsonRoundTrip fails unless v's JSON form decodes to a value equal to v.
func jsonRoundTrip[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, v T, equal func(T, T) bool) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %v: %v", v, err)
	}
	var back T
	if err := PT(&back).UnmarshalJSON(b); err != nil || !equal(v, back) {
		t.Fatalf("%s does not decode to the value it was written from: %v", b, err)
	}
}

// binaryRoundTrip fails unless v's binary form decodes to a value equal to
// v.
func binaryRoundTrip[T encoding.BinaryMarshaler, PT interface {
	*T
	encoding.BinaryUnmarshaler
}](t *testing.T, v T, equal func(T, T) bool) {
	t.Helper()
	b, err := v.MarshalBinary()
	if err != nil {
		t.Fatalf("marshal %v: %v", v, err)
	}
	var back T
	if err := PT(&back).UnmarshalBinary(b); err != nil || !equal(v, back) {
		t.Fatalf("% x does not decode to the value it was written from: %v", b, err)
	}
}

// FuzzPolicyJSON: decoding a policy never panics, fails only with coded
// problems in JSON's words ([checkJSONProblems]), the same with its
// members in any order ([checkOrderFree]), has its significance level as
// written ([checkFloatsAsWritten]), and round-trips. A PolicySpec reads as
// the policy does ([checkSpecReadsAsDefinition]).
func FuzzPolicyJSON(f *testing.F) {
	f.Add(`{"cost":{"relative":"0.02"},"service":{"absolute":"0.25"},"revenue":{"relative":"0.02"},"significanceLevel":0.05,"precision":{"places":4,"mode":"half-even"}}`)
	f.Add(`{"cost":{"absolute":"100","currency":"EUR"},"significanceLevel":0.01,"precision":{"places":-2,"mode":"floor"}}`)
	f.Add(`{"significanceLevel":1,"precision":{"places":99}}`)
	for _, level := range []string{"1e-400", "-1e-400", "1e-320", "0e-400", "2.2250738585072014e-308"} {
		f.Add(`{"significanceLevel":` + level + `,"precision":{"places":4,"mode":"half-even"}}`)
	}
	f.Fuzz(func(t *testing.T, data string) {
		checkOrderFree(t, []byte(data), Policy.Equal)
		checkSpecReadsAsDefinition(t, data, (*Policy).UnmarshalJSON, Policy.Spec, PolicySpec{SignificanceLevel: 0.5}, PolicySpec.Equal)
		var lenient policySpecJSON
		if json.Unmarshal([]byte(data), &lenient) == nil {
			_, want := NewPolicy(PolicySpec(lenient))
			checkMarshalReadsBack(t, PolicySpec(lenient), PolicySpec.MarshalJSON,
				func(s PolicySpec) ([]byte, error) { return json.Marshal(policySpecJSON(s)) }, want, PolicySpec.Equal)
		}
		var p Policy
		if err := p.UnmarshalJSON([]byte(data)); err != nil {
			checkJSONProblems(t, err)
			return
		}
		checkFloatsAsWritten(t, []byte(data), "significanceLevel")
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back Policy
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(p) {
			t.Fatalf("round trip of %s: %v", b, err)
		}
	})
}

// FuzzPrecisionJSON: decoding a precision never panics, every failure is
// coded problems in JSON's words ([checkJSONProblems]), and what decodes marshals to the canonical form and decodes again to
// an equal precision.
func FuzzPrecisionJSON(f *testing.F) {
	for _, s := range []string{
		`{"places":4,"mode":"half-even"}`, `{"places":-3,"mode":"floor"}`, `{"places":2,"mode":"Bankers"}`,
		`{"mode":"up"}`, `{"places":2}`, `{"places":2,"mode":null}`, `{}`, `{"places":19,"mode":"up"}`,
		`{"places":2,"mode":"sideways"}`, `{"places":2,"mode":"up","digits":2}`, `{"places":2.5,"mode":"up"}`,
		`{"places":2,"mode":"up"} {}`, `null`, `"2"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		var p Precision
		if err := p.UnmarshalJSON([]byte(data)); err != nil {
			checkJSONProblems(t, err)
			if !p.IsZero() {
				t.Fatalf("a failed decode set %v", p)
			}
			return
		}
		if !p.IsValid() || p.Places() < -MaxPrecisionPlaces || p.Places() > MaxPrecisionPlaces {
			t.Fatalf("%q decoded to the invalid %v", data, p)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal %v: %v", p, err)
		}
		var back Precision
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(p) {
			t.Fatalf("round trip of %s: %v, %v", b, back, err)
		}
	})
}

// FuzzPrecision_Quo: the fast and the slow path of Quo agree, and the
// quotient q of num/den is within one unit in the last place of the exact
// quotient, on the side the mode says: |num - q·den| < ulp·|den|, with
// q·den <= num (for den > 0) when rounding toward negative infinity, and
// so on.
func FuzzPrecision_Quo(f *testing.F) {
	f.Add(int64(2), int32(0), int64(3), int32(0), int8(2), uint8(1))
	f.Add(int64(1), int32(0), int64(8), int32(0), int8(2), uint8(3))
	f.Add(int64(-3), int32(0), int64(8), int32(0), int8(2), uint8(3))
	f.Add(int64(12345), int32(0), int64(1), int32(0), int8(-2), uint8(2))
	f.Add(int64(999999999999999999), int32(0), int64(1), int32(-1), int8(0), uint8(4))
	f.Fuzz(func(t *testing.T, n int64, ne int32, d int64, de int32, places int8, mode uint8) {
		if d == 0 {
			return
		}
		num, den := decimal.New(n, ne%20), decimal.New(d, de%20)
		p, err := NewPrecision(int32(places)%(MaxPrecisionPlaces+1), outcome.Rounding(1+mode%7))
		if err != nil {
			t.Fatal(err)
		}
		q := p.Quo(num, den)
		if fast, ok := p.quoFast(num, den); ok && !fast.Equal(p.quoSlow(num, den)) {
			t.Fatalf("%s / %s in %v: fast %s, slow %s", num, den, p, fast, p.quoSlow(num, den))
		}
		ulp := decimal.New(1, -p.Places())
		// r = num - q·den has the sign of exact - q when den > 0.
		r := num.Sub(q.Mul(den))
		if den.Sign() < 0 {
			r = r.Neg()
		}
		if r.Abs().Cmp(ulp.Mul(den.Abs())) >= 0 {
			t.Fatalf("%s / %s in %v: %s is a unit or more off", num, den, p, q)
		}
		var bad bool
		switch p.Mode() {
		case outcome.RoundFloor:
			bad = r.Sign() < 0 // q above the exact quotient
		case outcome.RoundCeiling:
			bad = r.Sign() > 0
		case outcome.RoundDown:
			bad = r.Sign() != 0 && r.Sign() != q.Sign() && !q.IsZero()
		case outcome.RoundUp:
			bad = r.Sign() != 0 && (q.IsZero() || r.Sign() == q.Sign())
		default: // the half modes: within half a unit
			bad = r.Abs().Add(r.Abs()).Cmp(ulp.Mul(den.Abs())) > 0
		}
		if bad {
			t.Fatalf("%s / %s in %v: %s is on the wrong side", num, den, p, q)
		}
	})
}

// FuzzScore scores scorecards built from fuzzed numbers and checks that the
// statuses are consistent with the changes: a won crown's change is never in
// the wrong direction, nor its relative change; won and lost changes are
// material and, when tested, significant; an inconclusive change is material,
// tested and not significant; a flat one is immaterial or zero; the relative
// change is defined exactly when the baseline is not zero; and the verdict
// agrees with the statuses. A measure or a scorecard refused is refused
// with coded problems in the package's shape ([checkProblems]).
func FuzzScore(f *testing.F) {
	// cost baseline, actual, revenue baseline, actual (cents); service kind
	// (0 value, 1 rate, 2 mean); a0, n0, a1, n1; direction; thresholds
	// (basis points, kind), places.
	f.Add(int64(100000000), int64(90000000), int64(200000000), int64(230000000), uint8(2), int64(400), int64(400), int64(300), int64(400), true, uint16(200), uint8(1), uint8(4))
	f.Add(int64(1000), int64(1100), int64(1000), int64(1200), uint8(1), int64(780), int64(1000), int64(700), int64(1000), false, uint16(100), uint8(2), uint8(2))
	f.Add(int64(0), int64(0), int64(0), int64(5), uint8(0), int64(-20), int64(1), int64(-10), int64(3), false, uint16(0), uint8(0), uint8(0))
	f.Add(int64(5), int64(5), int64(9), int64(8), uint8(1), int64(0), int64(10), int64(10), int64(10), true, uint16(10000), uint8(1), uint8(18))
	f.Fuzz(func(t *testing.T, c0, c1, r0, r1 int64, kind uint8, a0, n0, a1, n1 int64, lower bool, bps uint16, tkind, places uint8) {
		cents := func(v int64) Money { return makeMoney(decimal.New(v, -2), MustCurrency("EUR")) }
		dir := outcome.HigherIsBetter
		if lower {
			dir = outcome.LowerIsBetter
		}
		var b, a Measure
		var err1, err2 error
		switch kind % 3 {
		case 0:
			b, err1 = NewWeightedValue(decimal.New(a0, -1), decimal.New(max(n0, 1), 0))
			a, err2 = NewWeightedValue(decimal.New(a1, -1), decimal.New(max(n1, 1), 0))
		case 1:
			b, err1 = NewRate(a0, n0)
			a, err2 = NewRate(a1, n1)
		case 2:
			b, err1 = NewMean(decimal.New(a0, -1), float64(n0%50)/7, n0)
			a, err2 = NewMean(decimal.New(a1, -1), float64(n1%50)/3, n1)
		}
		card, err := NewScorecard(ScorecardSpec{Unit: "u", Period: "p",
			Cost:    Amounts{Baseline: cents(c0), Actual: cents(c1)},
			Revenue: Amounts{Baseline: cents(r0), Actual: cents(r1)},
			Service: ServiceSpec{Name: "s", Direction: dir, Baseline: b, Actual: a}})
		if err1 != nil || err2 != nil || err != nil {
			for _, err := range []error{err1, err2, err} {
				if err != nil {
					checkProblems(t, err) // one problem itself, several joined
				}
			}
			return
		}
		var th Threshold
		switch tkind % 3 {
		case 1:
			th, err = NewRelativeThreshold(decimal.New(int64(bps), -4))
		case 2:
			th, err = NewAbsoluteThreshold(decimal.New(int64(bps), -2))
		}
		if err != nil {
			return
		}
		p := MustPolicy(PolicySpec{Cost: th, Service: th, Revenue: th, SignificanceLevel: 0.05,
			Precision: MustPrecision(int32(places%(MaxPrecisionPlaces+1)), outcome.RoundHalfEven)})
		s, err := card.Score(p)
		if err != nil {
			t.Fatalf("score: %v", err)
		}
		won, lost := 0, 0
		for cs := range s.All() {
			d := cs.Direction().Sign()
			rel, hasRel := cs.Relative()
			switch cs.Status() {
			case Won, Lost:
				want := 1
				if cs.Status() == Lost {
					want = -1
					lost++
				} else {
					won++
				}
				if cs.Change().Sign()*d*want < 0 || rel.Sign()*d*want < 0 {
					t.Fatalf("%s %s with a change the wrong way: %s", cs.Crown(), cs.Status(), cs.Reason())
				}
				if !cs.Material() || (want == 1) != cs.Improved() || (want == -1) != cs.Worsened() {
					t.Fatalf("%s %s inconsistent: %s", cs.Crown(), cs.Status(), cs.Reason())
				}
				if cs.Tested() && !(cs.PValue() < cs.SignificanceLevel()) {
					t.Fatalf("%s %s but not significant: %s", cs.Crown(), cs.Status(), cs.Reason())
				}
			case Inconclusive:
				if !cs.Material() || !cs.Tested() || cs.PValue() < cs.SignificanceLevel() || cs.Crown() != Service {
					t.Fatalf("inconclusive inconsistent: %s", cs.Reason())
				}
			case Flat:
				if cs.Material() && (cs.Improved() || cs.Worsened()) {
					t.Fatalf("flat but material: %s", cs.Reason())
				}
			default:
				t.Fatalf("invalid status %v", cs.Status())
			}
			if cs.Crown() != Service && hasRel == cs.Baseline().IsZero() {
				t.Fatalf("relative defined %v with baseline %s", hasRel, cs.Baseline())
			}
			if hasRel && rel.Sign()*cs.Change().Sign() < 0 {
				t.Fatalf("relative and absolute change disagree: %s", cs.Reason())
			}
			if cs.Reason() == "" {
				t.Fatal("no reason")
			}
		}
		var want Verdict
		switch {
		case won > 0 && lost > 0:
			want = TradeOff
		case won == 3:
			want = TripleCrown
		case won == 2:
			want = DoubleCrown
		case won == 1:
			want = SingleCrown
		case lost > 0:
			want = LostGround
		default:
			want = NoCrown
		}
		if s.Verdict() != want || s.CrownsWon() != won {
			t.Fatalf("verdict %s with %d won, %d lost", s.Verdict(), won, lost)
		}
	})
}
