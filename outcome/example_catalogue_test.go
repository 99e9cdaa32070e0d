package outcome_test

import (
	"fmt"
	"strings"

	"github.com/cxmodel/cx/outcome"
)

// The method classes Net Promoter Score as an output, revenue as a business
// outcome, and the catalogue does not guess at a name it does not know.
func ExampleClassify() {
	nps := outcome.Classify("NPS")
	fmt.Println(nps)
	fmt.Println(nps.Reason)

	fmt.Println(outcome.Classify("Revenue"))

	fmt.Println(outcome.Classify("Revenue per employee"))
	// Output:
	// Net Promoter Score (Output, higher is better)
	// output: a survey score, "retrospective and subjective" — the method names NPS as an output and warns against "one question rules them all" approaches
	// Revenue (Business Outcome: revenue, higher is better)
	// unclassified
}

// A contact centre's KPI list, as its team wrote it: "Usually, the balance
// will be 80% output metrics", and here it is four outputs in five known KPIs.
func ExampleClassify_contactCentre() {
	kpis := []string{
		"Calls Handled", "AHT (secs)", "Abandon rate %", "Net Promoter Score (NPS)",
		"First-contact resolution", "Team morale",
	}
	for _, name := range kpis {
		c := outcome.Classify(name)
		if !c.Known() {
			fmt.Printf("%-26s unclassified\n", name)
			continue
		}
		fmt.Printf("%-26s %s\n", name, c.Level)
	}
	// Output:
	// Calls Handled              Output
	// AHT (secs)                 Output
	// Abandon rate %             Output
	// Net Promoter Score (NPS)   Output
	// First-contact resolution   Successful Customer Outcome
	// Team morale                unclassified
}

// The catalogue's successful customer outcomes: the measures that tell
// whether customers achieve what they came for, which in most portfolios
// "will only be a small proportion".
func ExampleCatalogue() {
	perLevel := map[outcome.Level]int{}
	for c := range outcome.Catalogue() {
		perLevel[c.Level]++
		if c.Level == outcome.CustomerOutcome {
			fmt.Printf("%s (%s)\n", c.Name, c.Direction)
		}
	}
	for l := range outcome.Levels() {
		fmt.Printf("%s: %d\n", l, perLevel[l])
	}
	// Output:
	// Activation rate (higher is better)
	// Complaints (lower is better)
	// Daily active users (higher is better)
	// Failure demand share (lower is better)
	// First contact resolution (higher is better)
	// Monthly active users (higher is better)
	// Nights booked (higher is better)
	// Outcome achievement rate (higher is better)
	// Repeat contact rate (lower is better)
	// Returns rate (lower is better)
	// Time to value (lower is better)
	// Task: 2
	// Activity: 4
	// Output: 36
	// Business Outcome: 34
	// Successful Customer Outcome: 11
}

func ExampleClassification_Aliases() {
	fcr := outcome.Classify("FCR")
	var aliases []string
	for a := range fcr.Aliases() {
		aliases = append(aliases, a)
	}
	fmt.Println(fcr.Name)
	fmt.Println(strings.Join(aliases, "; "))
	// Output:
	// First contact resolution
	// FCR; first call resolution; first contact resolution rate; first time resolution; first time fix; first time fix rate; right first time; problem solved at first contact; resolved at first contact
}

func ExampleClassification_String() {
	fmt.Println(outcome.Classify("average handle time"))
	fmt.Println(outcome.Classify("cost to serve"))
	fmt.Println(outcome.Classify("failure demand %"))
	fmt.Println(outcome.Classification{})
	// Output:
	// Average handle time (Output, lower is better)
	// Cost to serve (Business Outcome: cost, lower is better)
	// Failure demand share (Successful Customer Outcome, lower is better)
	// unclassified
}

// "Calls answered" is one of the outputs the method names, so the catalogue
// knows it; a name it does not know is not classified at all, never guessed
// from its words.
func ExampleClassification_Known() {
	fmt.Println(`"calls answered" is in the catalogue:`, outcome.Classify("calls answered").Known())
	fmt.Println(`"calls answered per sunny day" is in the catalogue:`, outcome.Classify("calls answered per sunny day").Known())
	// Output:
	// "calls answered" is in the catalogue: true
	// "calls answered per sunny day" is in the catalogue: false
}

// A name the catalogue does not know classifies as the zero Classification,
// "unclassified"; a contact centre's abandon rate is classified, an output.
func ExampleClassification_IsZero() {
	cart, abandon := outcome.Classify("cart abandonment rate"), outcome.Classify("abandon rate")
	fmt.Println(`"cart abandonment rate" is unclassified:`, cart.IsZero(), "|", cart)
	fmt.Println(`"abandon rate" is unclassified:`, abandon.IsZero(), "|", abandon)
	// Output:
	// "cart abandonment rate" is unclassified: true | unclassified
	// "abandon rate" is unclassified: false | Abandon rate (Output, lower is better)
}

// Different spellings of one KPI classify equal; a near miss does not: the
// employee NPS is another output than the customers' NPS.
func ExampleClassification_Equal() {
	nps := outcome.Classify("NPS")
	fmt.Println(`"NPS" is classified as "Net Promoter Score (NPS)":`, nps.Equal(outcome.Classify("Net Promoter Score (NPS)")))
	fmt.Println(`"NPS" is classified as "employee NPS":`, nps.Equal(outcome.Classify("employee NPS")))
	// Output:
	// "NPS" is classified as "Net Promoter Score (NPS)": true
	// "NPS" is classified as "employee NPS": false
}
