package render_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/cxmodel/cx/render"
	"github.com/cxmodel/cx/triplecrown"
)

// The contact centre's KPI audit: "Are they mostly about outputs?" 12 of
// its 15 KPIs are, and three outputs are tied to a reward, one of them NPS,
// declared the customer outcome, which the catalogue classifies as an
// output: so nothing measures a successful customer outcome.
func ExampleAuditMarkdown() {
	if err := render.AuditMarkdown(os.Stdout, auditReport()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | Level                            | KPIs |  Share |
	// | -------------------------------- | ---: | -----: |
	// | Task                             |    0 |     0% |
	// | Activity                         |    2 | 13.33% |
	// | Output                           |   10 | 66.67% |
	// | Business Outcome                 |    2 | 13.33% |
	// | Successful Customer Outcome      |    1 |  6.67% |
	// | Outputs and the work behind them |   12 |    80% |
	// | Outcomes                         |    3 |    20% |
	// | All KPIs                         |   15 |   100% |
	//
	// 12 of 15 KPIs (80%) measure outputs or the work behind them, 2 business outcomes and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); 3 outputs are rewarded, 1 of them declared an outcome.
	//
	// | Severity | Code                        | Finding |
	// | -------- | --------------------------- | --- |
	// | error    | no-customer-outcome-measure | none of the 15 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for: "Net Promoter Score" (id "nps", owner "Marketing") is declared one but does not count, since the catalogue, after the method, classifies Net Promoter Score as an Output |
	// | error    | rewarded-output             | "Average handle time" (id "aht", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it" |
	// | error    | rewarded-output             | "Calls handled" (id "calls-handled", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it" |
	// | error    | rewarded-output             | "Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, but the catalogue, after the method, classifies Net Promoter Score as an Output, and it is tied to a reward: "if you pay people for doing dumb stuff they get really smart at it" |
	// | warning  | level-contradicts-catalogue | "Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, but the catalogue classes Net Promoter Score as an Output (output: a survey score, "retrospective and subjective" — the method names NPS as an output and warns against "one question rules them all" approaches); it is tied to a reward |
	// | warning  | output-heavy                | 12 of 15 KPIs (80%) measure outputs or the work behind them, at or above the 80% threshold: "Usually, the balance will be 80% output metrics" |
	// | warning  | unclassified-metric         | 1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): "queue-callbacks" |
}

// The same audit for a terminal or a log.
func ExampleAuditText() {
	if err := render.AuditText(os.Stdout, auditReport()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Level                             KPIs   Share
	// --------------------------------  ----  ------
	// Task                                 0      0%
	// Activity                             2  13.33%
	// Output                              10  66.67%
	// Business Outcome                     2  13.33%
	// Successful Customer Outcome          1   6.67%
	// Outputs and the work behind them    12     80%
	// Outcomes                             3     20%
	// All KPIs                            15    100%
	//
	// 12 of 15 KPIs (80%) measure outputs or the work behind them, 2 business outcomes and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); 3 outputs are rewarded, 1 of them declared an outcome.
	//
	// Severity  Code                         Finding
	// --------  ---------------------------  ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
	// error     no-customer-outcome-measure  none of the 15 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for: "Net Promoter Score" (id "nps", owner "Marketing") is declared one but does not count, since the catalogue, after the method, classifies Net Promoter Score as an Output
	// error     rewarded-output              "Average handle time" (id "aht", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// error     rewarded-output              "Calls handled" (id "calls-handled", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// error     rewarded-output              "Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, but the catalogue, after the method, classifies Net Promoter Score as an Output, and it is tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// warning   level-contradicts-catalogue  "Net Promoter Score" (id "nps", owner "Marketing") is declared a Successful Customer Outcome, but the catalogue classes Net Promoter Score as an Output (output: a survey score, "retrospective and subjective" — the method names NPS as an output and warns against "one question rules them all" approaches); it is tied to a reward
	// warning   output-heavy                 12 of 15 KPIs (80%) measure outputs or the work behind them, at or above the 80% threshold: "Usually, the balance will be 80% output metrics"
	// warning   unclassified-metric          1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): "queue-callbacks"
}

// The departments' triple crown, one line each: retention bought its
// revenue with cost.
func ExampleScoresMarkdown() {
	if err := render.ScoresMarkdown(os.Stdout, scores()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | Unit       | Period | Cost           | Service       | Revenue       | Verdict      |
	// | ---------- | ------ | -------------- | ------------- | ------------- | ------------ |
	// | front-line | 2025   | won (-8.06%)   | won (+13.04%) | won (+13.89%) | triple crown |
	// | billing    | 2025   | won (-5.33%)   | won (+11.54%) | won (+7.50%)  | triple crown |
	// | retention  | 2025   | lost (+16.67%) | flat (-0.49%) | won (+8.06%)  | trade-off    |
}

// The same scores as plain text.
func ExampleScoresText() {
	if err := render.ScoresText(os.Stdout, scores()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Unit        Period  Cost            Service        Revenue        Verdict
	// ----------  ------  --------------  -------------  -------------  ------------
	// front-line  2025    won (-8.06%)    won (+13.04%)  won (+13.89%)  triple crown
	// billing     2025    won (-5.33%)    won (+11.54%)  won (+7.50%)   triple crown
	// retention   2025    lost (+16.67%)  flat (-0.49%)  won (+8.06%)   trade-off
}

// One department's score with its numbers: the front line won all three
// crowns, its service change significant on ten thousand contacts.
func ExampleScoreMarkdown() {
	if err := render.ScoreMarkdown(os.Stdout, scores()[0]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Unit front-line (2025): triple crown: cost, service and revenue won
	//
	// | Crown   |    Baseline |      Actual |      Change | Relative | Threshold | Test                 | Status |
	// | ------- | ----------: | ----------: | ----------: | -------: | --------: | -------------------- | ------ |
	// | cost    | 6200000 EUR | 5700000 EUR | -500000 EUR |   -8.06% |        2% |                      | won    |
	// | service |        0.69 |        0.78 |       +0.09 |  +13.04% |        2% | p = 3.882e-47 < 0.05 | won    |
	// | revenue | 1800000 EUR | 2050000 EUR | +250000 EUR |  +13.89% |        2% |                      | won    |
}

// Retention's trade-off, as plain text.
func ExampleScoreText() {
	if err := render.ScoreText(os.Stdout, scores()[2]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Unit retention (2025): trade-off: revenue won, cost lost, service flat
	//
	// Crown       Baseline       Actual       Change  Relative  Threshold  Test  Status
	// -------  -----------  -----------  -----------  --------  ---------  ----  ------
	// cost      900000 EUR  1050000 EUR  +150000 EUR   +16.67%         2%        lost
	// service       0.6833         0.68      -0.0033    -0.49%         2%        flat
	// revenue  3100000 EUR  3350000 EUR  +250000 EUR    +8.06%         2%        won
}

// A computation that fails returns the zero value with its error. A renderer
// given that value, where the error went unchecked, refuses it with a code
// that errors.Is finds, rather than showing an empty table.
func ExampleScoreText_zero() {
	s, err := departments()[0].Score(triplecrown.Policy{}) // the zero Policy cannot score
	fmt.Println(err)
	err = render.ScoreText(os.Stdout, s)
	fmt.Println(err)
	fmt.Println("nothing to render:", errors.Is(err, render.ErrNothingToRender))
	// Output:
	// triplecrown: cannot score with the zero Policy
	// render: cannot render the zero Score, which comes with an error
	// nothing to render: true
}

// Who saved what: the front line saved more than the whole centre did,
// since retention's cost rose.
func ExampleContributionsMarkdown() {
	c, err := triplecrown.NewContributions(triplecrown.Cost, departments(), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := render.ContributionsMarkdown(os.Stdout, c); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | Unit       | Cost saving | Share | Note      |
	// | ---------- | ----------: | ----: | --------- |
	// | front-line |  500000 EUR |  116% |           |
	// | billing    |   80000 EUR |   19% |           |
	// | retention  | -150000 EUR |  -35% | detractor |
	// | Total      |  430000 EUR |  100% |           |
}

// Who grew revenue, as plain text.
func ExampleContributionsText() {
	c, err := triplecrown.NewContributions(triplecrown.Revenue, departments(), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := render.ContributionsText(os.Stdout, c); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Unit        Revenue growth  Share  Note
	// ----------  --------------  -----  ----
	// front-line      250000 EUR    47%
	// billing          30000 EUR     6%
	// retention       250000 EUR    47%
	// Total           530000 EUR   100%
}

// The contact centre's North Star: first contact resolution, the measure of
// its successful customer outcome, which both customer categories' canvases
// use and which leads revenue. Calls handled and NPS are outputs, and
// revenue is no customer's outcome: each fails a gate, whatever its scores.
func ExampleNorthStarMarkdown() {
	if err := render.NorthStarMarkdown(os.Stdout, ranking()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// North Star: First contact resolution (solved-first-contact), total 1.000.
	//
	// | Rank | Metric                   | ID                   | Gates                      | Customer coverage (0.300) | Lead strength (0.200) | Linkage to business outcomes (0.200) | Ratings (0.100) | Reach (0.200) | Total |
	// | ---: | ------------------------ | -------------------- | -------------------------- | ------------------------: | --------------------: | -----------------------------------: | --------------: | ------------: | ----: |
	// |    1 | First contact resolution | solved-first-contact | passed                     |                     0.300 |                 0.200 |                                0.200 |           0.100 |         0.200 | 1.000 |
	// |    2 | Calls handled            | calls-handled        | failed: outcome            |                     0.079 |                 0.000 |                                0.000 |           0.114 |         0.100 | 0.294 |
	// |    3 | Net Promoter Score       | nps                  | failed: outcome, hierarchy |                     0.074 |                 0.000 |                                0.000 |           0.057 |         0.000 | 0.131 |
	// |    4 | Revenue                  | revenue              | failed: canvas             |                     0.000 |           no evidence |                                0.000 |     no evidence |         0.100 | 0.100 |
	//
	// Gates failed:
	//
	// | Metric             | Gate      | Why |
	// | ------------------ | --------- | --- |
	// | Calls handled      | outcome   | an output is what we produce, what we make, not an outcome: a bare output can never be the North Star |
	// | Net Promoter Score | outcome   | an output is what we produce, what we make, not an outcome: a bare output can never be the North Star |
	// | Net Promoter Score | hierarchy | it is not in the hierarchy, so nothing connects it to the work of the front line |
	// | Revenue            | canvas    | no customer category's canvas uses it, so it shows no successful customer outcome |
	//
	// Customer coverage by category (weight times share):
	//
	// | Metric                   | Category         | Weight | Share | Coverage | Contribution |
	// | ------------------------ | ---------------- | -----: | ----: | -------: | -----------: |
	// | First contact resolution | households       |  0.650 | 0.750 |    0.488 |        0.221 |
	// | First contact resolution | small-businesses |  0.350 | 0.500 |    0.175 |        0.079 |
	// | Calls handled            | small-businesses |  0.350 | 0.500 |    0.175 |        0.079 |
	// | Net Promoter Score       | households       |  0.650 | 0.250 |    0.163 |        0.074 |
	//
	// Input metrics, the work that drives the North Star, and who owns it:
	//
	// | Metric        | ID            | Owner      | Influence | Link           |
	// | ------------- | ------------- | ---------- | --------: | -------------- |
	// | Calls handled | calls-handled | Front line |     1.000 | through others |
}

// The same ranking as plain text.
func ExampleNorthStarText() {
	if err := render.NorthStarText(os.Stdout, ranking()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// North Star: First contact resolution (solved-first-contact), total 1.000.
	//
	// Rank  Metric                    ID                    Gates                       Customer coverage (0.300)  Lead strength (0.200)  Linkage to business outcomes (0.200)  Ratings (0.100)  Reach (0.200)  Total
	// ----  ------------------------  --------------------  --------------------------  -------------------------  ---------------------  ------------------------------------  ---------------  -------------  -----
	//    1  First contact resolution  solved-first-contact  passed                                          0.300                  0.200                                 0.200            0.100          0.200  1.000
	//    2  Calls handled             calls-handled         failed: outcome                                 0.079                  0.000                                 0.000            0.114          0.100  0.294
	//    3  Net Promoter Score        nps                   failed: outcome, hierarchy                      0.074                  0.000                                 0.000            0.057          0.000  0.131
	//    4  Revenue                   revenue               failed: canvas                                  0.000            no evidence                                 0.000      no evidence          0.100  0.100
	//
	// Gates failed:
	//
	// Metric              Gate       Why
	// ------------------  ---------  -----------------------------------------------------------------------------------------------------
	// Calls handled       outcome    an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// Net Promoter Score  outcome    an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// Net Promoter Score  hierarchy  it is not in the hierarchy, so nothing connects it to the work of the front line
	// Revenue             canvas     no customer category's canvas uses it, so it shows no successful customer outcome
	//
	// Customer coverage by category (weight times share):
	//
	// Metric                    Category          Weight  Share  Coverage  Contribution
	// ------------------------  ----------------  ------  -----  --------  ------------
	// First contact resolution  households         0.650  0.750     0.488         0.221
	// First contact resolution  small-businesses   0.350  0.500     0.175         0.079
	// Calls handled             small-businesses   0.350  0.500     0.175         0.079
	// Net Promoter Score        households         0.650  0.250     0.163         0.074
	//
	// Input metrics, the work that drives the North Star, and who owns it:
	//
	// Metric         ID             Owner       Influence  Link
	// -------------  -------------  ----------  ---------  --------------
	// Calls handled  calls-handled  Front line      1.000  through others
}
