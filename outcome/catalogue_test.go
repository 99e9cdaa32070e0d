package outcome

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClassify_methodNamed checks every KPI that METHOD.md section 1 names,
// spelt as the method spells it, against the level the method gives it.
func TestClassify_methodNamed(t *testing.T) {
	const up, down = HigherIsBetter, LowerIsBetter
	tests := []struct {
		name      string
		in        string
		wantName  string
		wantLevel Level
		wantDir   Direction
		wantKind  Kind
	}{
		// "Typical output metrics the method names: calls handled, abandoned
		// calls, average handle time (AHT), first-time response,
		// customer-satisfaction stats, Net Promoter Score (all contact-centre
		// outputs)".
		{"calls handled", "calls handled", "Calls handled", Output, up, 0},
		{"abandoned calls", "abandoned calls", "Abandon rate", Output, down, 0},
		{"average handle time (AHT)", "average handle time (AHT)", "Average handle time", Output, down, 0},
		{"AHT", "AHT", "Average handle time", Output, down, 0},
		{"first-time response", "first-time response", "First-time response", Output, down, 0},
		{"customer-satisfaction stats", "customer-satisfaction stats", "Customer satisfaction score", Output, up, 0},
		{"Net Promoter Score", "Net Promoter Score", "Net Promoter Score", Output, up, 0},
		// "Traditional survey measures (NPS, CSAT) are 'retrospective and
		// subjective' ... The library ... classifies them as outputs."
		{"NPS", "NPS", "Net Promoter Score", Output, up, 0},
		{"CSAT", "CSAT", "Customer satisfaction score", Output, up, 0},
		// "number of projects underway, progress against budget,
		// deliverables achieved (programme office outputs)".
		{"number of projects underway", "number of projects underway", "Projects underway", Output, up, 0},
		{"progress against budget", "progress against budget", "Progress against budget", Output, up, 0},
		{"deliverables achieved", "deliverables achieved", "Deliverables achieved", Output, up, 0},
		// "calls answered, abandon rates, projects completed on time and to
		// budget."
		{"calls answered", "calls answered", "Calls answered", Output, up, 0},
		{"abandon rates", "abandon rates", "Abandon rate", Output, down, 0},
		{"projects completed on time and to budget", "projects completed on time and to budget",
			"Projects on time and to budget", Output, up, 0},
		// An Output is "what we produce, what we make": "a call handled, a
		// project delivered".
		{"projects delivered", "projects delivered", "Projects completed", Output, up, 0},
		// A Business Outcome is "a result of what we make: revenue, cost
		// optimisation, service delivery, effective compliance".
		{"revenue", "revenue", "Revenue", BusinessOutcome, up, Revenue},
		{"cost optimisation", "cost optimisation", "Cost savings", BusinessOutcome, up, Cost},
		{"cost to serve", "cost to serve", "Cost to serve", BusinessOutcome, down, Cost},
		{"service delivery", "service delivery", "Service delivery", BusinessOutcome, up, Service},
		{"effective compliance", "effective compliance", "Compliance", BusinessOutcome, up, Compliance},
		{"compliance", "compliance", "Compliance", BusinessOutcome, up, Compliance},
		// Failure demand: "its share of all demand is an outcome-side health
		// measure (lower is better)".
		{"failure demand share", "failure demand share", "Failure demand share", CustomerOutcome, down, 0},
		// An SCO "is measured by whether customers actually achieve it (e.g.
		// the share of journeys that end in the outcome, the time until they
		// do)".
		{"share of journeys that end in the outcome", "share of journeys that end in the outcome",
			"Outcome achievement rate", CustomerOutcome, up, 0},
		{"time to outcome", "time to outcome", "Time to value", CustomerOutcome, down, 0},
		// North Star examples: Facebook "daily active users", Airbnb "nights
		// booked"; a good North Star is an outcome, never a bare output.
		{"daily active users", "daily active users", "Daily active users", CustomerOutcome, up, 0},
		{"nights booked", "nights booked", "Nights booked", CustomerOutcome, up, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.in)
			require.True(t, got.Known(), "%q is not in the catalogue", tt.in)
			assert.Equal(t, tt.wantName, got.Name)
			assert.Equal(t, tt.wantLevel, got.Level)
			assert.Equal(t, tt.wantDir, got.Direction)
			assert.Equal(t, tt.wantKind, got.Kind)
		})
	}
}

// TestClassify_reasons pins a few reasons word for word: each quotes the
// method's test for its level (METHOD.md section 1).
func TestClassify_reasons(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"output", "calls handled",
			`output: "what we produce, what we make" — a count of calls the centre handles, not whether callers got what they needed`},
		{"survey output", "NPS",
			`output: a survey score, "retrospective and subjective" — the method names NPS as an output and warns against "one question rules them all" approaches`},
		{"business outcome", "revenue",
			`business outcome: "a result of what we make" — the method's first business outcome: "You can't get any more quantifiable than that."`},
		{"customer outcome", "FCR",
			`successful customer outcome: "what we deliver for the Customer" — the share of customers whose problem is solved at first contact: the outcome, achieved`},
		{"failure demand", "failure demand",
			`successful customer outcome: the share of all demand that is failure demand, which a "Failure-Demand cycle" drives up; lower is better`},
		{"activity", "occupancy",
			`activity: below outputs, "Tasks to Activities to Outputs" — the share of agents' logged-in time spent on contacts: how busy the work is, not what it makes`},
		{"task", "ACW",
			`task: below outputs, "Tasks to Activities to Outputs" — the wrap-up step after each call: a piece of handling a call, below the call handled`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Classify(tt.in).Reason)
		})
	}
}

// TestClassify_spellings checks that the normaliser finds entries whatever
// the case, separators, punctuation, plurals and abbreviations.
func TestClassify_spellings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the entry's Name
	}{
		{"upper case", "CALLS HANDLED", "Calls handled"},
		{"snake case", "calls_handled", "Calls handled"},
		{"kebab case", "Calls-Handled", "Calls handled"},
		{"surrounding white space", " \t calls handled \n", "Calls handled"},
		{"singular", "call handled", "Calls handled"},
		{"no. of", "No. of calls handled", "Calls handled"},
		{"no of", "No of calls handled", "Calls handled"},
		{"no. without of", "No. calls handled", "Calls handled"},
		{"number of", "Number of Calls Handled", "Calls handled"},
		{"hash", "# calls handled", "Calls handled"},
		{"hash of", "# of calls handled", "Calls handled"},
		{"num", "num calls handled", "Calls handled"},
		{"dotted abbreviation", "A.H.T.", "Average handle time"},
		{"avg.", "Avg. Handle Time", "Average handle time"},
		{"name and abbreviation", "Average Handle Time (AHT)", "Average handle time"},
		{"abbreviation and name", "AHT (average handling time)", "Average handle time"},
		{"unit of time", "AHT (secs)", "Average handle time"},
		{"unit of time, short", "AHT (s)", "Average handle time"},
		{"trailing hyphen after bracket", "AHT (mins) -", "Average handle time"},
		{"registered sign", "Net Promoter Score®", "Net Promoter Score"},
		{"plural of a name", "net promoter scores", "Net Promoter Score"},
		{"three-letter abbreviation", "nps", "Net Promoter Score"},
		{"dotted NPS", "N.P.S.", "Net Promoter Score"},
		{"hyphenated abbreviation", "C-SAT", "Customer satisfaction score"},
		{"percent sign as unit", "customer satisfaction %", "Customer satisfaction score"},
		{"percent rate", "Abandon rate %", "Abandon rate"},
		{"percent in brackets", "Abandon Rate (%)", "Abandon rate"},
		{"leading percent", "% Abandoned", "Abandon rate"},
		{"percentage", "Abandoned percentage", "Abandon rate"},
		{"ampersand", "Projects on time & to budget", "Projects on time and to budget"},
		{"plus", "projects on time + on budget", "Projects on time and to budget"},
		{"apostrophe", "Customer's effort score", "Customer effort score"},
		{"typographic apostrophe", "customer\u2019s effort", "Customer effort score"},
		{"en dashes", "Cost\u2013to\u2013Serve", "Cost to serve"},
		{"no-break spaces", "cost\u00a0to\u00a0serve", "Cost to serve"},
		{"square feet", "Sales per sq. ft.", "Sales per square foot"},
		{"square feet in words", "sales per square feet", "Sales per square foot"},
		{"FCR", "First Contact Resolution (FCR)", "First contact resolution"},
		{"first-call resolution", "first-call resolution", "First contact resolution"},
		{"American spelling", "Utilization", "Utilisation"},
		{"American spelling, plural", "agent utilizations", "Utilisation"},
		{"American -ized", "Annualized recurring revenue", "Annual recurring revenue"},
		{"LTV in brackets", "Customer Lifetime Value (LTV)", "Customer lifetime value"},
		{"CLV", "CLV", "Customer lifetime value"},
		{"MRR dotted", "M.R.R.", "Monthly recurring revenue"},
		{"ARR", "arr", "Annual recurring revenue"},
		{"failure demand percent", "Failure demand %", "Failure demand share"},
		{"percent failure demand", "% failure demand", "Failure demand share"},
		{"-es plural", "regulatory breach", "Regulatory breaches"},
		{"-ies plural", "delivery on time", "On-time delivery"},
		{"currency in brackets", "Revenue (\u00a3m)", "Revenue"},
		{"dollars in brackets", "Revenue ($)", "Revenue"},
		{"USD in brackets", "Revenue (USD)", "Revenue"},
		{"DAUs", "DAUs", "Daily active users"},
		{"returns", "Returns", "Returns rate"},
		{"TTV", "Time-to-value (TTV)", "Time to value"},
		{"service level percent", "service level (%)", "Service level"},
		{"cost optimization", "Cost optimization", "Cost savings"},
		{"eNPS", "eNPS", "Employee Net Promoter Score"},
		{"CES 2.0", "CES 2.0", "Customer effort score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.in)
			assert.Equal(t, tt.want, got.Name, "Classify(%q) = %v", tt.in, got)
		})
	}
}

// TestClassify_unknown checks that names not in the catalogue are
// unclassified: the zero Classification, with no guess.
func TestClassify_unknown(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"white space", " \t\n"},
		{"punctuation", "-_.()"},
		{"percent sign alone", "%"},
		{"revenue per employee is not revenue", "revenue per employee"},
		{"revenue target is not revenue", "revenue target"},
		{"revenue forecast", "Revenue forecast"},
		{"NPS target is not NPS", "NPS target"},
		{"cart abandonment is not the abandon rate", "cart abandonment rate"},
		{"cost per click is not cost per contact", "cost per click"},
		{"staff turnover is not turnover", "staff turnover"},
		{"sales per employee", "sales per employee"},
		{"a bare word", "calls"},
		{"two letters", "np"},
		{"cost alone", "cost"},
		{"disagreeing brackets", "Net Promoter Score (CSAT)"},
		{"bracket that is not a unit", "AHT (target)"},
		{"bracket with a year", "Revenue (2024)"},
		{"bracket with a non-ASCII letter", "AHT (\u00e9)"},
		{"unknown name with a unit", "Widgets (%)"},
		{"empty name with a unit", "(%)"},
		{"no-show is not a number of shows", "no-show rate"},
		{"accented letter", "R\u00e9venue"},
		{"full-width letter", "\uff52evenue"},
		{"zero-width joiner", "reve\u200dnue"},
		{"invalid UTF-8", "reven\xffue"},
		{"too long", strings.Repeat("revenue ", 20)},
		{"method's BP North Star, not a KPI of the catalogue", "monthly organization upskilling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.in)
			assert.True(t, got.IsZero(), "Classify(%q) = %v, want unclassified", tt.in, got)
			assert.False(t, got.Known())
			assert.Equal(t, "unclassified", got.String())
		})
	}
}

// TestClassify_noGuess checks near misses: names that share words with an
// entry but are another entry, at another level.
func TestClassify_noGuess(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantName  string
		wantLevel Level
	}{
		{"employee NPS is not NPS", "employee NPS", "Employee Net Promoter Score", Output},
		{"SLA compliance is not compliance", "SLA compliance", "SLA attainment", Output},
		{"timesheet compliance is not compliance", "timesheet compliance", "Timesheet compliance", Task},
		{"first-time resolution is not first-time response", "first time resolution", "First contact resolution", CustomerOutcome},
		{"first-time response", "first time response", "First-time response", Output},
		{"revenue growth is its own entry", "revenue growth", "Revenue growth", BusinessOutcome},
		{"customer acquisition is not its cost", "customer acquisition", "New customers", BusinessOutcome},
		{"customer acquisition cost", "customer acquisition cost", "Customer acquisition cost", BusinessOutcome},
		{"net retention is not retention", "net retention", "Net revenue retention", BusinessOutcome},
		{"service level is not service delivery", "service level", "Service level", Output},
		{"uptime is service delivery", "uptime", "Uptime", BusinessOutcome},
		{"monthly active users is not daily", "monthly active users", "Monthly active users", CustomerOutcome},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.in)
			assert.Equal(t, tt.wantName, got.Name)
			assert.Equal(t, tt.wantLevel, got.Level)
		})
	}
	// The kinds of the compliance-sounding names differ too.
	assert.Equal(t, Compliance, Classify("regulatory compliance").Kind)
	assert.True(t, Classify("SLA compliance").Kind.IsZero())
}

// TestCatalogue_entries checks every entry for internal consistency.
func TestCatalogue_entries(t *testing.T) {
	entries := slices.Collect(Catalogue())
	// 87 entries: 2 tasks, 4 activities, 36 outputs, 34 business outcomes
	// and 11 customer outcomes, counted from the kpi constants. The issue asks
	// for the 15 KPIs the method names and at least 30 others.
	require.Len(t, entries, 87)
	require.GreaterOrEqual(t, len(entries), 15+30)
	perLevel := map[Level]int{}
	keys := map[string]string{} // normalised name or alias -> entry name
	for i, c := range entries {
		perLevel[c.Level]++
		t.Run(c.Name, func(t *testing.T) {
			assert.True(t, c.Known())
			assert.NotEmpty(t, c.Name)
			assert.True(t, c.Level.IsValid())
			assert.True(t, c.Direction.IsValid())
			if c.Level == BusinessOutcome {
				assert.True(t, c.Kind.IsValid(), "a business outcome has a kind")
			} else {
				assert.True(t, c.Kind.IsZero(), "only business outcomes have a kind")
			}
			wantPrefix := strings.ToLower(c.Level.String()) + ": "
			assert.True(t, strings.HasPrefix(c.Reason, wantPrefix), "reason %q starts with %q", c.Reason, wantPrefix)
			assert.Greater(t, len(c.Reason), len(wantPrefix)+20, "a reason says something specific")
			assert.LessOrEqual(t, len(c.Reason), 170, "a reason is one short line")
			assert.NotContains(t, c.Reason, "\n")
			assert.Contains(t, c.Reason, `"`, "a reason quotes the method")
			assert.Equal(t, c, Classify(c.Name), "an entry classifies by its own name")

			aliases := slices.Collect(c.Aliases())
			k := lookupName(c.Name)
			assert.Equal(t, k.aliases(), aliases)
			for _, name := range append([]string{c.Name}, aliases...) {
				assert.Equal(t, c, Classify(name), "alias %q maps back to its entry", name)
				var b keyBuf
				require.True(t, b.read(name), "alias %q normalises", name)
				key := string(b.key())
				if other, ok := keys[key]; ok {
					assert.Equal(t, c.Name, other, "two entries share the key %q", key)
				}
				keys[key] = c.Name
			}
		})
		if i > 0 {
			prev := entries[i-1]
			assert.True(t, prev.Level < c.Level ||
				prev.Level == c.Level && strings.ToLower(prev.Name) < strings.ToLower(c.Name),
				"%q comes before %q", prev.Name, c.Name)
		}
	}
	assert.Equal(t, map[Level]int{Task: 2, Activity: 4, Output: 36, BusinessOutcome: 34, CustomerOutcome: 11}, perLevel)
}

// TestLookup_casesAreTheAliases reads the switch in lookup from the source and
// checks that its cases are exactly the normalised names and aliases of the
// entries: no hidden key, none missing, each case returning its own entry.
func TestLookup_casesAreTheAliases(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "catalogue.go", nil, 0)
	require.NoError(t, err)
	var cases []string
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "lookup" {
			continue
		}
		ast.Inspect(fn, func(n ast.Node) bool {
			if cc, ok := n.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					lit, ok := e.(*ast.BasicLit)
					require.True(t, ok, "case %v is a string literal", e)
					s, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					cases = append(cases, s)
				}
			}
			return true
		})
	}
	require.NotEmpty(t, cases)

	want := map[string]kpi{}
	for k := kpiNone + 1; k < kpiEnd; k++ {
		for _, name := range append([]string{k.classification().Name}, k.aliases()...) {
			var b keyBuf
			require.True(t, b.read(name))
			want[string(b.key())] = k
		}
	}
	got := map[string]kpi{}
	for _, key := range cases {
		got[key] = lookup([]byte(key))
	}
	assert.Len(t, cases, len(got), "no key appears twice")
	assert.Equal(t, want, got)
}

// TestKeyBuf_read pins the normaliser.
func TestKeyBuf_read(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{"lower case, no separators", "Calls Handled", "callhandled", true},
		{"no. of", "No. of Calls", "numberofcall", true},
		{"no. alone before a word", "No. calls", "numberofcall", true},
		{"hash", "#calls", "numberofcall", true},
		{"nbr", "nbr of calls", "numberofcall", true},
		{"apostrophe joins", "Customer's", "customer", true},
		{"avg", "Avg. handle-time", "averagehandletime", true},
		{"-es plural", "breaches", "breach", true},
		{"-sses plural", "businesses", "business", true},
		{"-xes plural", "taxes", "tax", true},
		{"-shes plural", "wishes", "wish", true},
		{"-ies plural", "deliveries", "delivery", true},
		{"four-letter -ies", "ties", "tie", true},
		{"-ss stays", "gross", "gross", true},
		{"-us stays", "status", "status", true},
		{"-is stays", "analysis", "analysis", true},
		{"three letters stay", "NPS", "nps", true},
		{"sales stays", "sales", "sales", true},
		{"eNPS stays", "eNPS", "enps", true},
		{"ROAS stays", "ROAS", "roas", true},
		{"-ization", "utilizations", "utilisation", true},
		{"-ize", "optimize", "optimise", true},
		{"short -ize stays", "size", "size", true},
		{"percent sign", "%", "percent", true},
		{"trailing percent is a unit", "abandon rate %", "abandonrate", true},
		{"leading percent stays", "% abandoned", "percentabandoned", true},
		{"pct", "pct complete", "percentcomplete", true},
		{"ampersand", "P&L", "pandl", true},
		{"square feet", "sq ft", "squarefoot", true},
		{"digits", "CES 2.0", "ces20", true},
		{"empty", "", "", true},
		{"non-ASCII letter", "caf\u00e9", "", false},
		{"too long", strings.Repeat("x", maxKey+1), "", false},
		{"exactly the maximum", strings.Repeat("x", maxKey), strings.Repeat("x", maxKey), true},
		{"expansion overflows", strings.Repeat("x", maxKey-4) + " avg", "", false},
		{"expansion fits", strings.Repeat("x", maxKey-7) + " avg", strings.Repeat("x", maxKey-7) + "average", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b keyBuf
			ok := b.read(tt.in)
			assert.Equal(t, tt.wantOK, ok)
			if tt.wantOK {
				assert.Equal(t, tt.want, string(b.key()))
			}
		})
	}
}

// TestClassify_allocs checks that classifying allocates nothing, on every
// path: a hit, a miss, a bracketed name and a name too long to be known.
func TestClassify_allocs(t *testing.T) {
	names := []string{
		"Average Handle Time", "No. of calls handled", "Net Promoter Score (NPS)", "AHT (secs)",
		"revenue per employee", "Net Promoter Score (CSAT)", "R\u00e9venue",
		"Projects delivered on time and on budget", "share of customers achieving the outcome",
		strings.Repeat("revenue ", 20),
	}
	var sink Classification
	allocs := testing.AllocsPerRun(100, func() {
		for _, n := range names {
			sink = Classify(n)
		}
	})
	assert.Zero(t, allocs)
	assert.False(t, sink.Known(), "the last name is too long to be known") // keeps sink used
}

func TestClassification_String(t *testing.T) {
	tests := []struct {
		name string
		in   Classification
		want string
	}{
		{"zero", Classification{}, "unclassified"},
		{"output", Classify("NPS"), "Net Promoter Score (Output, higher is better)"},
		{"business outcome", Classify("revenue"), "Revenue (Business Outcome: revenue, higher is better)"},
		{"customer outcome", Classify("FCR"), "First contact resolution (Successful Customer Outcome, higher is better)"},
		{"name without a level", Classification{Name: "Widgets"}, "unclassified"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.in.String())
		})
	}
}

func TestClassification_IsZeroEqual(t *testing.T) {
	nps := Classify("NPS")
	assert.True(t, Classification{}.IsZero())
	assert.False(t, nps.IsZero())
	assert.True(t, nps.Equal(Classify("net promoter score")))
	assert.False(t, nps.Equal(Classify("CSAT")))
	changed := nps
	changed.Reason = "another reason"
	assert.False(t, nps.Equal(changed))
}

// TestClassification_JSON: a classification encodes with the module's
// camelCase names (it wrote "Name", "Level", ... by reflection) and round-
// trips; the zero Classification, which did not encode at all (its zero
// Level has no token), is {}.
func TestClassification_JSON(t *testing.T) {
	data, err := json.Marshal(Classify("Revenue"))
	require.NoError(t, err)
	assert.Equal(t, `{"name":"Revenue","level":"business-outcome","direction":"higher-is-better","kind":"revenue",`+
		`"reason":"business outcome: \"a result of what we make\" — the method's first business outcome: `+
		`\"You can't get any more quantifiable than that.\""}`, string(data))

	// An output has no kind, which is left out.
	data, err = json.Marshal(Classify("AHT"))
	require.NoError(t, err)
	var keys map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &keys))
	assert.ElementsMatch(t, []string{"name", "level", "direction", "reason"}, slices.Collect(maps.Keys(keys)))
	assert.Equal(t, `"output"`, string(keys["level"]))
	assert.Equal(t, `"lower-is-better"`, string(keys["direction"]))

	data, err = json.Marshal(Classify("no such KPI"))
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data), "unclassified")
	var back Classification
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.IsZero())

	n := 0
	for c := range Catalogue() {
		data, err := json.Marshal(c)
		require.NoError(t, err, c.Name)
		back = Classification{}
		require.NoError(t, json.Unmarshal(data, &back), "%s", data)
		assert.True(t, c.Equal(back), "%s", data)
		n++
	}
	assert.Greater(t, n, 80)
}

func TestClassification_Aliases(t *testing.T) {
	aht := Classify("AHT")
	assert.Equal(t, []string{"AHT", "average handling time", "avg handle time", "handle time", "handling time",
		"average call handling time", "mean handle time"}, slices.Collect(aht.Aliases()))

	// Stopping early stops the sequence.
	var first []string
	for a := range aht.Aliases() {
		first = append(first, a)
		break
	}
	assert.Equal(t, []string{"AHT"}, first)

	assert.Empty(t, slices.Collect(Classification{}.Aliases()), "the zero Classification has no aliases")
	handMade := aht
	handMade.Direction = HigherIsBetter
	assert.Empty(t, slices.Collect(handMade.Aliases()), "a Classification that is not an entry has no aliases")
}

func TestCatalogue_stopEarly(t *testing.T) {
	var got []string
	for c := range Catalogue() {
		got = append(got, c.Name)
		if len(got) == 2 {
			break
		}
	}
	assert.Equal(t, []string{"After-call work time", "Timesheet compliance"}, got)
}

func TestKpi_outOfRange(t *testing.T) {
	assert.True(t, kpiNone.classification().IsZero())
	assert.True(t, kpiEnd.classification().IsZero())
	assert.Nil(t, kpiNone.aliases())
}
