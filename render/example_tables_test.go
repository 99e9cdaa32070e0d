package render_test

import (
	"fmt"
	"os"

	"github.com/cxmodel/cx/render"
	"github.com/cxmodel/cx/triplecrown"
)

// The contact centre's KPI audit: "Are they mostly about outputs?" 12 of
// its 15 KPIs are, and two outputs are tied to a reward.
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
	// 12 of 15 KPIs (80%) measure outputs or the work behind them, 2 business outcomes and 1 a successful customer outcome; 2 outputs are rewarded.
	//
	// | Severity | Code                        | Finding |
	// | -------- | --------------------------- | --- |
	// | error    | rewarded-output             | "Average handle time" (id "aht", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it" |
	// | error    | rewarded-output             | "Calls handled" (id "calls-handled", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it" |
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
	// 12 of 15 KPIs (80%) measure outputs or the work behind them, 2 business outcomes and 1 a successful customer outcome; 2 outputs are rewarded.
	//
	// Severity  Code                         Finding
	// --------  ---------------------------  ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
	// error     rewarded-output              "Average handle time" (id "aht", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// error     rewarded-output              "Calls handled" (id "calls-handled", owner "Front line") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
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
