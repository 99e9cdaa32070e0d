package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A contact centre's KPIs, placed on the method's hierarchy: calls handled is
// something the centre produces (an output), revenue is a result of what it
// produces (a business outcome), and customers who get their problem solved
// at first contact is what the customer achieves (a successful customer
// outcome).
func ExampleLevel() {
	kpis := []struct {
		name  string
		level outcome.Level
	}{
		{"Calls handled", outcome.Output},
		{"Revenue", outcome.BusinessOutcome},
		{"Problem solved at first contact", outcome.CustomerOutcome},
	}
	for _, k := range kpis {
		fmt.Printf("%-32s %s\n", k.name, k.level)
	}

	// The zero Level is not a level: a KPI nobody has placed yet.
	var unplaced outcome.Level
	fmt.Println(unplaced, unplaced.IsValid())
	// Output:
	// Calls handled                    Output
	// Revenue                          Business Outcome
	// Problem solved at first contact  Successful Customer Outcome
	// Level(0) false
}

// The hierarchy, from the front line up to the customer.
func ExampleLevels() {
	for l := range outcome.Levels() {
		token, _ := l.MarshalText()
		fmt.Printf("%-28s %-17s outcome: %t\n", l, token, l.IsOutcome())
	}
	// Output:
	// Task                         task              outcome: false
	// Activity                     activity          outcome: false
	// Output                       output            outcome: false
	// Business Outcome             business-outcome  outcome: true
	// Successful Customer Outcome  customer-outcome  outcome: true
}

// A spreadsheet of KPIs written by different people spells the levels in
// different ways; ParseLevel reads them all. "Outcome" alone is refused: it
// does not say whose outcome, the business's or the customer's.
func ExampleParseLevel() {
	for _, text := range []string{"SCO", "business outcome", "Outputs", "successful_customer_outcome", "Outcome"} {
		l, err := outcome.ParseLevel(text)
		if err != nil {
			fmt.Printf("%-30q error (%s): %v\n", text, outcome.ErrUnknownLevel, err)
			continue
		}
		fmt.Printf("%-30q %s\n", text, l)
	}
	// Output:
	// "SCO"                          Successful Customer Outcome
	// "business outcome"             Business Outcome
	// "Outputs"                      Output
	// "successful_customer_outcome"  Successful Customer Outcome
	// "Outcome"                      error (unknown-level): outcome: unknown level "Outcome"
}

// Levels sort from the front line up: Compare has the shape
// [slices.SortFunc] wants.
func ExampleLevel_Compare() {
	levels := []outcome.Level{outcome.CustomerOutcome, outcome.Output, outcome.Task, outcome.BusinessOutcome}
	slices.SortFunc(levels, outcome.Level.Compare)
	fmt.Println(levels)
	fmt.Println("Output compared with Business Outcome:", outcome.Output.Compare(outcome.BusinessOutcome),
		"| with Output:", outcome.Output.Compare(outcome.Output))
	// Output:
	// [Task Output Business Outcome Successful Customer Outcome]
	// Output compared with Business Outcome: -1 | with Output: 0
}

// Calls handled sits below revenue, which sits below the customer's outcome:
// the line of sight runs upward.
func ExampleLevel_Below() {
	calls, revenue, fcr := outcome.Output, outcome.BusinessOutcome, outcome.CustomerOutcome
	fmt.Println("calls handled below revenue:", calls.Below(revenue))
	fmt.Println("first-contact resolution above revenue:", fcr.Above(revenue))
	fmt.Println("revenue below calls handled:", revenue.Below(calls))
	// Output:
	// calls handled below revenue: true
	// first-contact resolution above revenue: true
	// revenue below calls handled: false
}

// "Outputs are not outcomes": of a contact centre's usual KPIs, only revenue
// and first-contact resolution are outcomes.
func ExampleLevel_IsOutcome() {
	portfolio := []struct {
		name  string
		level outcome.Level
	}{
		{"Calls handled", outcome.Output},
		{"Abandon rate", outcome.Output},
		{"Average handle time", outcome.Output},
		{"Revenue", outcome.BusinessOutcome},
		{"Problem solved at first contact", outcome.CustomerOutcome},
	}
	outcomes := 0
	for _, k := range portfolio {
		if k.level.IsOutcome() {
			outcomes++
		}
	}
	fmt.Printf("%d of %d KPIs are outcomes\n", outcomes, len(portfolio))
	// Output:
	// 2 of 5 KPIs are outcomes
}

// Levels go into JSON and CSV as stable tokens, whatever spelling they came
// in as.
func ExampleLevel_MarshalText() {
	l, _ := outcome.ParseLevel("Successful Customer Outcome")
	token, _ := l.MarshalText()
	fmt.Println(`"Successful Customer Outcome" is written`, string(token))

	var zero outcome.Level
	_, err := zero.MarshalText()
	fmt.Println(err)
	// Output:
	// "Successful Customer Outcome" is written customer-outcome
	// outcome: cannot marshal invalid level 0
}

// Which way is better differs from KPI to KPI: more revenue is better, a
// shorter average handle time is better.
func ExampleDirection() {
	fmt.Println("revenue:", outcome.HigherIsBetter)
	fmt.Println("average handle time:", outcome.LowerIsBetter)
	// Output:
	// revenue: higher is better
	// average handle time: lower is better
}

func ExampleParseDirection() {
	for _, text := range []string{"higher is better", "minimise", "Lower-Is-Better", "up", "sideways"} {
		d, err := outcome.ParseDirection(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-18q %s\n", text, d)
	}
	// Output:
	// "higher is better" higher is better
	// "minimise"         lower is better
	// "Lower-Is-Better"  lower is better
	// "up"               higher is better
	// outcome: unknown direction "sideways"
}

// Sign turns a change into a verdict: multiplied by the change, it is
// positive exactly when the change is an improvement.
func ExampleDirection_Sign() {
	changes := []struct {
		kpi       string
		direction outcome.Direction
		change    int
	}{
		{"Average handle time (s)", outcome.LowerIsBetter, -20},
		{"Cost to serve (EUR)", outcome.LowerIsBetter, +3},
		{"Problem solved at first contact (%)", outcome.HigherIsBetter, +4},
	}
	for _, c := range changes {
		verdict := "worse"
		if c.change*c.direction.Sign() > 0 {
			verdict = "better"
		}
		fmt.Printf("%-36s %+d: %s\n", c.kpi, c.change, verdict)
	}
	// Output:
	// Average handle time (s)              -20: better
	// Cost to serve (EUR)                  +3: worse
	// Problem solved at first contact (%)  +4: better
}

// The method names four kinds of business outcome: revenue, cost
// optimisation, service delivery and effective compliance.
func ExampleKind() {
	for _, k := range []outcome.Kind{outcome.Revenue, outcome.Cost, outcome.Service, outcome.Compliance} {
		fmt.Println(k)
	}
	// Output:
	// revenue
	// cost
	// service
	// compliance
}

func ExampleParseKind() {
	for _, text := range []string{"cost optimisation", "Service Delivery", "effective-compliance", "Revenues", "profit"} {
		k, err := outcome.ParseKind(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-22q %s\n", text, k)
	}
	// Output:
	// "cost optimisation"    cost
	// "Service Delivery"     service
	// "effective-compliance" compliance
	// "Revenues"             revenue
	// outcome: unknown business-outcome kind "profit"
}

// Only a business outcome has a kind; in a definition file, the kind of any
// other metric is empty, which is the zero Kind.
func ExampleKind_UnmarshalText() {
	var k outcome.Kind
	_ = k.UnmarshalText([]byte("cost"))
	fmt.Println(`"cost" reads as`, k, "| zero:", k.IsZero())
	_ = k.UnmarshalText([]byte(""))
	fmt.Println(`"" reads as the zero Kind:`, k.IsZero())
	// Output:
	// "cost" reads as cost | zero: false
	// "" reads as the zero Kind: true
}

func ExampleNewMetric() {
	fcr, err := outcome.NewMetric(outcome.MetricSpec{
		ID:          "fcr",
		Name:        "Problem solved at first contact",
		Level:       outcome.CustomerOutcome,
		Direction:   outcome.HigherIsBetter,
		Unit:        "%",
		Owner:       "Customer experience",
		Description: "Share of customers who get their problem solved at first contact.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fcr.ID(), "|", fcr.Name(), "|", fcr.Level(), "|", fcr.Direction(), "|", fcr.Unit())
	fmt.Println("outcome:", fcr.IsOutcome(), "| rewarded:", fcr.Rewarded())
	// Output:
	// fcr | Problem solved at first contact | Successful Customer Outcome | higher is better | %
	// outcome: true | rewarded: false
}

// A MetricSpec is a KPI's definition as plain data: what a caller fills in,
// and what [outcome.Metric.Spec] gives back to change. NewMetric checks it. A
// business outcome is "a result of what we make", so its definition must
// say which kind it is (revenue, cost, service, compliance). And an output
// people are paid for, the method's red flag, is redefined from its spec
// without the reward.
func ExampleMetricSpec() {
	spec := outcome.MetricSpec{ID: "cost-to-serve", Name: "Cost to serve",
		Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter, Unit: "EUR"}
	_, err := outcome.NewMetric(spec)
	fmt.Println(err)
	spec.Kind = outcome.Cost
	cost, err := outcome.NewMetric(spec)
	fmt.Println(cost.Name(), "|", cost.Level(), "|", cost.Kind(), "|", err)

	calls := outcome.MustMetric(outcome.MetricSpec{ID: "calls", Name: "Calls handled",
		Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true})
	redefined := calls.Spec()
	redefined.Rewarded = false
	unpaid := outcome.MustMetric(redefined)
	fmt.Println("rewarded:", calls.Rewarded(), "then", unpaid.Rewarded())
	// Output:
	// outcome: business-outcome metric "cost-to-serve" has no kind (revenue, cost, service or compliance)
	// Cost to serve | Business Outcome | cost | <nil>
	// rewarded: true then false
}

// NewMetric reports every problem of a definition at once, each with a
// stable code a program can switch on.
func ExampleNewMetric_invalid() {
	_, err := outcome.NewMetric(outcome.MetricSpec{
		ID:        " revenue",
		Level:     outcome.BusinessOutcome,
		Direction: outcome.HigherIsBetter,
	})
	for _, p := range outcome.Problems(err) {
		fmt.Printf("%-13s %s\n", p.Code, p.Message)
	}
	// Output:
	// invalid-id    outcome: id " revenue" has surrounding white space
	// empty-name    outcome: metric " revenue" has no name
	// missing-kind  outcome: business-outcome metric " revenue" has no kind (revenue, cost, service or compliance)
}

// MustMetric is for definitions written as literals, where a mistake is a
// bug in the program.
func ExampleMustMetric() {
	calls := outcome.MustMetric(outcome.MetricSpec{
		ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter,
		Unit: "calls", Rewarded: true,
	})
	fmt.Println(calls.Name(), "is an", calls.Level(), "and is rewarded:", calls.Rewarded())
	// Output:
	// Calls handled is an Output and is rewarded: true
}

// Definitions are data: a metric is written to JSON with its level, direction
// and kind as stable tokens.
func ExampleMetric_MarshalJSON() {
	revenue := outcome.MustMetric(outcome.MetricSpec{
		ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
		Kind: outcome.Revenue, Unit: "EUR", Owner: "Sales",
	})
	data, err := json.MarshalIndent(revenue, "", "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(data))
	// Output:
	// {
	//   "id": "revenue",
	//   "name": "Revenue",
	//   "level": "business-outcome",
	//   "direction": "higher-is-better",
	//   "unit": "EUR",
	//   "kind": "revenue",
	//   "owner": "Sales"
	// }
}

// A portfolio read from a definition file is validated exactly as NewMetric
// validates, and accepts the spellings people write.
func ExampleMetric_UnmarshalJSON() {
	data := []byte(`[
		{"id": "calls-handled", "name": "Calls handled", "level": "Output", "direction": "higher", "rewarded": true},
		{"id": "cost-to-serve", "name": "Cost to serve", "level": "business outcome", "direction": "lower",
		 "kind": "cost optimisation"},
		{"id": "fcr", "name": "Problem solved at first contact", "level": "SCO", "direction": "higher is better"}
	]`)
	var portfolio []outcome.Metric
	if err := json.Unmarshal(data, &portfolio); err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range portfolio {
		fmt.Printf("%-14s %-28s %s\n", m.ID(), m.Level(), m.Direction())
	}
	// Output:
	// calls-handled  Output                       higher is better
	// cost-to-serve  Business Outcome             lower is better
	// fcr            Successful Customer Outcome  higher is better
}

// A definition file with mistakes gets every problem of the metric at once,
// with the same codes NewMetric reports, and each names the metric's ID: a
// field of the wrong JSON type or a field the form does not have is
// reported with the rest.
func ExampleMetric_UnmarshalJSON_invalid() {
	for _, in := range []string{
		`{"id": "revenue", "name": "Revenue", "level": "outcome", "direction": "more"}`,
		`{"id": "aht", "name": "", "level": "output", "direction": "down", "target": 300, "rewarded": "yes"}`,
	} {
		var m outcome.Metric
		err := json.Unmarshal([]byte(in), &m)
		for _, p := range outcome.Problems(err) {
			fmt.Printf("%-17s %v %s\n", p.Code, p.IDs, p.Message)
		}
	}
	// Output:
	// unknown-level     [revenue] outcome: metric "revenue" has an unknown level "outcome"
	// unknown-direction [revenue] outcome: metric "revenue" has an unknown direction "more"
	// invalid-json      [aht] outcome: metric "aht": "rewarded" must be true or false, not the string "yes"
	// invalid-json      [aht] outcome: metric "aht" has an unknown field "target"
	// empty-name        [aht] outcome: metric "aht" has no name
}

// A BI tool loads a file of KPI definitions. json.Unmarshal into a
// []outcome.Metric stops at the first metric that does not decode;
// DecodeMetrics reports every problem of every metric, each named by its
// index in the file and its ID, so that the whole file can be fixed at once.
func ExampleDecodeMetrics() {
	data := []byte(`[
	  {"id": "aht", "name": "", "level": "output", "direction": "lower"},
	  {"id": "calls", "name": "Calls handled", "level": "outptu", "direction": "higher"},
	  {"id": "nps", "name": "Net Promoter Score", "level": "output", "direction": "higher"},
	  {"id": "revenue", "name": "Revenue", "level": "business outcome", "direction": "higher"}
	]`)
	var first []outcome.Metric
	fmt.Println("json.Unmarshal:", len(outcome.Problems(json.Unmarshal(data, &first))), "problem")

	_, err := outcome.DecodeMetrics(data)
	for _, p := range outcome.Problems(err) {
		fmt.Printf("%-14s %v %s\n", p.Code, p.IDs, p.Message)
	}

	metrics, err := outcome.DecodeMetrics([]byte(`[
	  {"id": "nps", "name": "Net Promoter Score", "level": "output", "direction": "higher"},
	  {"id": "revenue", "name": "Revenue", "level": "business outcome", "direction": "higher", "kind": "revenue"}
	]`))
	fmt.Println(len(metrics), "metrics,", err)
	// Output:
	// json.Unmarshal: 1 problem
	// empty-name     [aht] outcome: metrics[0]: metric "aht" has no name
	// unknown-level  [calls] outcome: metrics[1]: metric "calls" has an unknown level "outptu"
	// missing-kind   [revenue] outcome: metrics[3]: business-outcome metric "revenue" has no kind (revenue, cost, service or compliance)
	// 2 metrics, <nil>
}

func ExampleValidateID() {
	for _, id := range []string{"aht", "calls handled", "", " fcr", "cost\tto serve"} {
		if err := outcome.ValidateID(id); err != nil {
			var e *outcome.Error
			errors.As(err, &e)
			fmt.Printf("%-17q %s: %v\n", id, e.Code, err)
			continue
		}
		fmt.Printf("%-17q ok\n", id)
	}
	// Output:
	// "aht"             ok
	// "calls handled"   ok
	// ""                empty-id: outcome: empty id
	// " fcr"            invalid-id: outcome: id " fcr" has surrounding white space
	// "cost\tto serve"  invalid-id: outcome: id "cost\tto serve" has a control character
}

// Problems flattens what a validation reported, even when a caller wrapped
// it, so a BI tool can list each problem with the IDs involved.
func ExampleProblems() {
	specs := []outcome.MetricSpec{
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Kind: outcome.Cost},
	}
	var errs []error
	for _, s := range specs {
		if _, err := outcome.NewMetric(s); err != nil {
			errs = append(errs, err)
		}
	}
	err := fmt.Errorf("loading the contact centre's KPIs: %w", errors.Join(errs...))

	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Severity, p.Code, p.IDs)
	}
	// Output:
	// error missing-kind [revenue]
	// error unknown-direction [aht]
	// error unexpected-kind [aht]
}

// A Code is an error, so errors.Is finds a problem by its code, however deep
// it sits in a joined or wrapped error.
func ExampleCode() {
	_, err := outcome.NewMetric(outcome.MetricSpec{
		ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
	})
	err = fmt.Errorf("portfolio: %w", err)
	if errors.Is(err, outcome.ErrMissingKind) {
		fmt.Println("say which kind of business outcome revenue is")
	}
	fmt.Println("a problem of an empty name too:", errors.Is(err, outcome.ErrEmptyName))
	fmt.Println("the code prints as", outcome.ErrMissingKind)
	// Output:
	// say which kind of business outcome revenue is
	// a problem of an empty name too: false
	// the code prints as missing-kind
}

// errors.As retrieves the problem itself, with its code, severity and IDs.
func ExampleError() {
	_, err := outcome.NewMetric(outcome.MetricSpec{
		ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter,
		Kind: outcome.Revenue,
	})
	var e *outcome.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Severity, e.IDs)
		fmt.Println(e.Message)
	}
	// Output:
	// unexpected-kind error [calls-handled]
	// outcome: metric "calls-handled" has kind revenue, but only a business outcome has a kind (its level is Output)
}

// The other packages of the module report their problems in the same shape;
// a new check may start as a warning.
func ExampleNewError() {
	e := outcome.NewError(outcome.ErrDuplicateID, []string{"aht", "aht"}, "audit: duplicate metric id %q", "aht")
	fmt.Println(e.Severity, e.Code, e.IDs, e)

	e.Severity = outcome.SeverityWarning
	fmt.Println(e.Severity, errors.Is(e, outcome.ErrDuplicateID))
	// Output:
	// error duplicate-id [aht aht] audit: duplicate metric id "aht"
	// warning true
}

func ExampleParseSeverity() {
	s, err := outcome.ParseSeverity("Warning")
	fmt.Println(s, err)
	_, err = outcome.ParseSeverity("fatal")
	fmt.Println(err, errors.Is(err, outcome.ErrUnknownSeverity))
	// Output:
	// warning <nil>
	// outcome: unknown severity "fatal" true
}

// A car maker loads its KPI definitions from a spreadsheet that many people
// edit, and sends each row that defines nothing back to its owner. The codes
// say what to fix whatever the wording of the message, and errors.Is finds
// each one inside the joined error of a row with several problems.
func ExampleNewMetric_errors() {
	rows := []outcome.MetricSpec{
		{ID: "", Name: "Cars built", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "cars-built ", Name: "Cars built", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: strings.Repeat("x", outcome.MaxIDLen+1), Name: "Cars built", Level: outcome.Output,
			Direction: outcome.HigherIsBetter},
		{ID: "warranty-cost", Name: "Warranty cost", Level: outcome.BusinessOutcome, Kind: outcome.Cost},
		{ID: "paint-defects", Name: "Paint defects per car", Level: outcome.Activity,
			Direction: outcome.LowerIsBetter, Kind: outcome.Cost},
		{ID: "joy", Name: "Joy", Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter,
			Owner: "Marketing \xff"}, // a byte of Latin-1 pasted in
	}
	fixes := []struct {
		code outcome.Code
		fix  string
	}{
		{outcome.ErrEmptyID, "give the row an ID"},
		{outcome.ErrInvalidID, "trim the ID, or shorten it to MaxIDLen bytes"},
		{outcome.ErrUnknownDirection, "say whether higher or lower is better"},
		{outcome.ErrUnexpectedKind, "only a business outcome has a kind"},
		{outcome.ErrInvalidText, "re-type the text as UTF-8"},
	}
	for i, row := range rows {
		_, err := outcome.NewMetric(row)
		for _, f := range fixes {
			if errors.Is(err, f.code) {
				fmt.Printf("row %d: %s: %s\n", i+1, f.code, f.fix)
			}
		}
	}

	// From JSON, a kind the method does not name is refused too: profit is
	// a result, but not one of revenue, cost, service or compliance.
	var margin outcome.Metric
	err := json.Unmarshal([]byte(`{"id":"dealer-margin","name":"Dealer margin","level":"business-outcome",
		"direction":"higher-is-better","kind":"profit"}`), &margin)
	fmt.Println(errors.Is(err, outcome.ErrUnknownKind), err)
	// Output:
	// row 1: empty-id: give the row an ID
	// row 2: invalid-id: trim the ID, or shorten it to MaxIDLen bytes
	// row 3: invalid-id: trim the ID, or shorten it to MaxIDLen bytes
	// row 4: unknown-direction: say whether higher or lower is better
	// row 5: unexpected-kind: only a business outcome has a kind
	// row 6: invalid-text: re-type the text as UTF-8
	// true outcome: metric "dealer-margin" has an unknown business-outcome kind "profit"
}

// A form that builds a definition field by field checks each one before
// NewMetric does: a zero Level or Direction is one nobody has chosen yet,
// and a Kind is valid only if it is one of the four. The car maker's paint
// shop works at the Activity level, below the cars built (an Output).
func ExampleMetric() {
	var spec outcome.MetricSpec
	fmt.Println("level chosen:", !spec.Level.IsZero(), "| direction chosen:", !spec.Direction.IsZero())

	spec = outcome.MetricSpec{ID: "paint-rework", Name: "Cars sent back to the paint shop",
		Level: outcome.Activity, Direction: outcome.LowerIsBetter, Unit: "cars",
		Description: "Cars whose paint fails inspection and is done again."}
	fmt.Println("level chosen:", !spec.Level.IsZero(), "| direction valid:", spec.Direction.IsValid(),
		"| kind valid:", spec.Kind.IsValid())

	rework := outcome.MustMetric(spec)
	fmt.Println(rework.Level(), "|", rework.Description())
	fmt.Println("no kind:", rework.Kind().IsZero(), "| below the output:", rework.Level().Below(outcome.Output))

	// A Metric is compared by its whole definition: the same one loaded
	// twice is equal; a redefinition is not.
	again := outcome.MustMetric(rework.Spec())
	spec.Unit = "%"
	fmt.Println("loaded twice, equal:", rework.Equal(again), "| redefined in %, equal:", rework.Equal(outcome.MustMetric(spec)))

	// The zero Metric is no definition: what a failed NewMetric returns.
	failed, _ := outcome.NewMetric(outcome.MetricSpec{ID: "paint-rework"})
	fmt.Println("a failed NewMetric is zero:", failed.IsZero(), "| paint rework is:", rework.IsZero())
	// Output:
	// level chosen: false | direction chosen: false
	// level chosen: true | direction valid: true | kind valid: false
	// Activity | Cars whose paint fails inspection and is done again.
	// no kind: true | below the output: true
	// loaded twice, equal: true | redefined in %, equal: false
	// a failed NewMetric is zero: true | paint rework is: false
}

// The codes are the module's, not only this package's: the triple crown
// refuses a contact centre's time-to-respond measure whose standard
// deviation is NaN (the result of a spreadsheet formula over an empty
// column) with outcome.ErrNotFinite, so one errors.Is check serves every
// package. Where a problem has an underlying cause, such as the JSON
// decoder's report that the text stops half-way, the *Error keeps it in Err.
func ExampleCode_module() {
	_, err := triplecrown.NewMean(decimal.RequireFromString("42.5"), math.NaN(), 120)
	fmt.Println(errors.Is(err, outcome.ErrNotFinite), err)

	var m outcome.Metric
	err = m.UnmarshalJSON([]byte(`{"id": "aht", "name": `))
	var e *outcome.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, "caused by", e.Err, errors.Is(e.Err, io.ErrUnexpectedEOF))
	}
	// Output:
	// true triplecrown: the standard deviation NaN is not a finite number
	// invalid-json caused by unexpected EOF true
}
