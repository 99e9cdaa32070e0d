package outcome

import (
	"fmt"
	"iter"
	"strings"
	"unicode/utf8"
)

// Classification is what the catalogue of well-known KPIs says of a name: the
// level the KPI measures, its usual direction and business-outcome kind, and a
// one-line reason quoting the method's test. The zero Classification means
// "unclassified": the name is not in the catalogue, and no guess is made.
//
// A Classification is a plain comparable value; [Classify] and [Catalogue]
// return the catalogue's entries, and [Classification.Equal] compares them.
//
// It encodes to JSON with the module's camelCase names, the level,
// direction and kind as their tokens, and what is zero left out:
//
//	{"name":"Revenue","level":"business-outcome","direction":"higher-is-better",
//	 "kind":"revenue","reason":"business outcome: ..."}
//
// (on one line), and {} for the zero Classification, "unclassified". It is
// what the catalogue says, a result, not a definition; it reads back
// ([Classification.UnmarshalJSON]) as the zero Classification or one of
// the catalogue's form (a name, a level, a direction, a kind for a business
// outcome only, a reason that starts with the level), every problem
// reported, but not checked against this version's catalogue, so every
// entry round-trips.
type Classification struct {
	// Name is the catalogue's canonical name for the KPI, e.g. "Average handle time".
	Name string `json:"name,omitempty"`
	// Level is the rung the KPI measures; zero when unclassified.
	Level Level `json:"level,omitzero"`
	// Direction is the KPI's usual direction; zero when unclassified.
	Direction Direction `json:"direction,omitzero"`
	// Kind is the business-outcome kind, for business outcomes only.
	Kind Kind `json:"kind,omitzero"`
	// Reason explains the level in one line, quoting the method's test: what
	// it puts in double quotes is the method's own words. It starts with the
	// level in lower case and a colon ("output: ...").
	Reason string `json:"reason,omitempty"`
}

// Known reports whether the name was found in the catalogue.
func (c Classification) Known() bool { return c.Level.IsValid() }

// IsZero reports whether c is the zero Classification ("unclassified").
func (c Classification) IsZero() bool { return c == Classification{} }

// Equal reports whether c and d are the same classification, field by field.
func (c Classification) Equal(d Classification) bool { return c == d }

// String returns "unclassified" if c is not [Classification.Known], and
// otherwise the name with its level and direction, and for a business outcome
// its kind: "Net Promoter Score (Output, higher is better)", "Revenue
// (Business Outcome: revenue, higher is better)".
func (c Classification) String() string {
	switch {
	case !c.Known():
		return "unclassified"
	case c.Kind.IsValid():
		return fmt.Sprintf("%s (%s: %s, %s)", c.Name, c.Level, c.Kind, c.Direction)
	}
	return fmt.Sprintf("%s (%s, %s)", c.Name, c.Level, c.Direction)
}

// Aliases yields the other names c's catalogue entry answers to, as people
// write them ("AHT", "average handling time", ...), in a fixed order. The
// canonical c.Name is not repeated. Every alias, and every spelling of it that
// [Classify] normalises to the same key, classifies as c. Aliases yields
// nothing if c is not an entry of the catalogue, exactly as [Classify] and
// [Catalogue] return it (the zero Classification, or one built by hand).
func (c Classification) Aliases() iter.Seq[string] {
	return func(yield func(string) bool) {
		k := lookupName(c.Name)
		if k == kpiNone || k.classification() != c {
			return
		}
		for _, a := range k.aliases() {
			if !yield(a) {
				return
			}
		}
	}
}

// Catalogue yields every entry of the catalogue of well-known KPIs, ordered by
// level from [Task] up to [CustomerOutcome], and within a level alphabetically
// by name (ignoring case). Each entry is what [Classify] returns for its name
// or any of its [Classification.Aliases].
//
// The catalogue holds the KPIs the method names (calls handled, abandoned
// calls, average handle time (AHT), first-time response, customer-satisfaction
// stats and Net Promoter Score in a contact centre; the number of projects
// underway, progress against budget and deliverables achieved in a programme
// office; calls answered, abandon rates and projects completed on time and to
// budget; revenue, cost to serve, service delivery, compliance) and others
// that contact centres, programme offices, retailers and
// software-as-a-service businesses track.
func Catalogue() iter.Seq[Classification] {
	return func(yield func(Classification) bool) {
		for k := kpiNone + 1; k < kpiEnd; k++ {
			if !yield(k.classification()) {
				return
			}
		}
	}
}

// Classify looks name up in the catalogue of well-known KPIs (see
// [Catalogue]) and returns its classification, or the zero Classification
// ("unclassified") if the name is not known. It never guesses: a name matches
// an entry only if it normalises to exactly the entry's name or one of its
// [Classification.Aliases], so "revenue per employee" is not "revenue", and
// "employee NPS" is not "Net Promoter Score".
//
// Normalising a name reads it as words of ASCII letters and digits, ignoring
// case; everything else separates words (white space, hyphens, underscores,
// dots, slashes, brackets, dashes and other punctuation), except that an
// apostrophe joins ("customer's" is "customers"), "%" reads as "percent",
// "&" and "+" as "and", and "#" as "number of". Then, word by word: "no",
// "num", "nbr" and "nr" read as "number of" ("No. of calls handled" is
// "number of calls handled"), "avg" and "ave" as "average", "pct", "perc" and
// "percentage" as "percent", "sq" as "square", "ft" and "feet" as "foot";
// plurals are singular ("calls", "breaches", "deliveries"; but "sales" and
// abbreviations of three letters, such as "NPS", stay as they are); American
// spellings "-ize" and "-ization" are British "-ise" and "-isation"; and a
// final "percent" after other words is a unit and dropped ("Abandon rate %"
// is "abandon rate"). Any other non-ASCII character (an accented letter, say)
// means the name is not in the catalogue, as does a name that normalises to
// more than 64 bytes.
//
// A name followed by a parenthesis, as in "Net Promoter Score (NPS)" or
// "Average handle time (secs)", matches if both parts name the same entry, or
// if the parenthesis holds only a unit (a percent sign, "#" or "count", a unit
// of time, a currency or a multiplier such as "m"); anything else in it makes
// the name unknown.
//
// Classify does not allocate.
func Classify(name string) Classification {
	if k := lookupName(name); k != kpiNone {
		return k.classification()
	}
	// "Net Promoter Score (NPS)", "AHT (secs)": a name and, in brackets,
	// the same name again or a unit.
	t := name
	for len(t) > 0 && isTrailing(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	if !strings.HasSuffix(t, ")") {
		return Classification{}
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return Classification{}
	}
	k := lookupName(t[:open])
	if k == kpiNone {
		return Classification{}
	}
	inner := t[open+1 : len(t)-1]
	if lookupName(inner) == k || isUnit(inner) {
		return k.classification()
	}
	return Classification{}
}

// isTrailing reports whether c may follow a closing bracket at the end of a
// name: ASCII white space, a hyphen, an underscore or a dot.
func isTrailing(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', '-', '_', '.':
		return true
	}
	return false
}

// lookupName normalises name and looks it up.
func lookupName(name string) kpi {
	var k keyBuf
	if !k.read(name) {
		return kpiNone
	}
	return lookup(k.key())
}

// isUnit reports whether s, normalised, is only a unit: a percent sign, a
// count, a unit of time, a currency or a multiplier.
func isUnit(s string) bool {
	var k keyBuf
	if !k.read(s) {
		return false
	}
	switch string(k.key()) {
	case "", "percent", "numberof", "number", "count",
		"s", "sec", "second", "min", "minute", "hr", "hrs", "hour", "day", "week", "month",
		"usd", "gbp", "eur", "dollar", "pound", "euro",
		"k", "m", "mn", "bn", "thousand", "million", "billion":
		return true
	}
	return false
}

// maxKey bounds the length of a normalised name; no entry is longer.
const maxKey = 64

// keyBuf normalises a name into a fixed buffer (on the caller's stack).
type keyBuf struct {
	b      [maxKey]byte
	n      int  // bytes of b in use
	word   int  // start of the word being read, or -1 between words
	last   int  // start of the last finished word
	words  int  // number of finished words
	skipOf bool // the last word was an abbreviation of "number of"
	bad    bool // the name cannot be in the catalogue
}

// key returns the normalised name.
func (k *keyBuf) key() []byte { return k.b[:k.n] }

// read normalises s into k and reports whether it may name an entry: it
// does not if the key would be longer than maxKey or s has a non-ASCII
// character other than the punctuation read lists.
func (k *keyBuf) read(s string) bool {
	k.word = -1
	for i := 0; i < len(s) && !k.bad; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				k.put(c)
			case 'A' <= c && c <= 'Z':
				k.put(c + 'a' - 'A')
			case c == '\'':
				// An apostrophe joins: "customer's" reads "customers".
			case c == '%':
				k.emit("percent")
			case c == '&' || c == '+':
				k.emit("and")
			case c == '#':
				k.emit("no")
			default:
				k.end()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u2018', '\u2019', '\u02bc': // typographic apostrophes join too
		case '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
			'\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u2028',
			'\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', // spaces
			'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', // dashes
			'\u201c', '\u201d', '\u00ab', '\u00bb', // quotation marks
			'\u00a9', '\u00ae', '\u2122', // (c), (R), TM
			'\u00a3', '\u00a5', '\u20ac', // pound, yen, euro
			'\u2022', '\u00b7', '\u2026': // bullet, middle dot, ellipsis
			k.end()
		default:
			k.bad = true
		}
	}
	k.end()
	if !k.bad && k.words > 1 && string(k.b[k.last:k.n]) == "percent" {
		k.n = k.last // "abandon rate %": the percent is a unit
	}
	return !k.bad
}

// put appends the byte c to the current word.
func (k *keyBuf) put(c byte) {
	if k.word < 0 {
		k.word = k.n
	}
	if k.n == maxKey {
		k.bad = true
		return
	}
	k.b[k.n] = c
	k.n++
}

// emit ends the current word and reads w as a word of its own.
func (k *keyBuf) emit(w string) {
	k.end()
	for i := 0; i < len(w); i++ {
		k.put(w[i])
	}
	k.end()
}

// replace sets the word that starts at start, the last in b, to w.
func (k *keyBuf) replace(start int, w string) {
	if start+len(w) > maxKey {
		k.bad = true
		return
	}
	k.n = start + copy(k.b[start:], w)
}

// end finishes the current word, if any: it expands abbreviations, makes a
// plural singular and an American spelling British.
func (k *keyBuf) end() {
	start := k.word
	if start < 0 || k.bad {
		return
	}
	k.word = -1
	switch string(k.b[start:k.n]) {
	case "no", "num", "nbr", "nr":
		k.replace(start, "numberof")
		k.finish(start)
		k.skipOf = true // "no. of calls" is "number of calls", not "number of of calls"
		return
	case "of":
		if k.skipOf {
			k.n = start
			k.skipOf = false
			return
		}
	case "avg", "ave":
		k.replace(start, "average")
	case "pct", "perc", "percentage":
		k.replace(start, "percent")
	case "sq":
		k.replace(start, "square")
	case "ft", "feet":
		k.replace(start, "foot")
	}
	if k.bad {
		return
	}
	k.singular(start)
	k.british(start)
	k.finish(start)
}

// finish records the word that starts at start as the last one read.
func (k *keyBuf) finish(start int) {
	k.last = start
	k.words++
	k.skipOf = false
}

// singular makes a plural word singular: "calls" "call", "deliveries"
// "delivery", "breaches" "breach", "KPIs" "kpi". Words of three letters or
// fewer (such as the abbreviations "NPS" and "CES"), words in -ss, words of
// five letters or more in -us and -is ("status", "analysis"), and a few words
// whose singular means something else ("sales") stay as they are.
func (k *keyBuf) singular(start int) {
	w := k.b[start:k.n]
	if len(w) < 4 || w[len(w)-1] != 's' {
		return
	}
	switch string(w) {
	case "sales", "roas", "cogs", "enps":
		return
	}
	switch {
	case hasSuffix(w, "ss"), len(w) > 4 && (hasSuffix(w, "us") || hasSuffix(w, "is")):
	case len(w) > 4 && hasSuffix(w, "ies"):
		k.n -= 2
		k.b[k.n-1] = 'y'
	case hasSuffix(w, "sses"), hasSuffix(w, "ches"), hasSuffix(w, "shes"), hasSuffix(w, "xes"):
		k.n -= 2
	default:
		k.n--
	}
}

// british spells "-ize", "-ized" and "-ization" the British way, in words of
// seven letters or more ("utilization", "annualized"; not "size").
func (k *keyBuf) british(start int) {
	w := k.b[start:k.n]
	if len(w) < 7 {
		return
	}
	switch {
	case hasSuffix(w, "ize"):
		w[len(w)-2] = 's'
	case hasSuffix(w, "ized"):
		w[len(w)-3] = 's'
	case hasSuffix(w, "ization"):
		w[len(w)-6] = 's'
	}
}

// hasSuffix reports whether w ends in suffix, without converting w.
func hasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

// kpi identifies an entry of the catalogue. The constants are in
// [Catalogue]'s order: by level, then alphabetically by name.
type kpi uint8

const (
	kpiNone kpi = iota

	// Tasks.
	kpiAfterCallWork
	kpiTimesheetCompliance

	// Activities.
	kpiOccupancy
	kpiScheduleAdherence
	kpiTrainingHours
	kpiUtilisation

	// Outputs.
	kpiAbandonRate
	kpiAverageHandleTime
	kpiAverageSpeedOfAnswer
	kpiBudgetVariance
	kpiCallsAnswered
	kpiCallsHandled
	kpiContactsPerAgent
	kpiCustomerEffortScore
	kpiCustomerSatisfaction
	kpiDeliverablesAchieved
	kpiDeploymentFrequency
	kpiEmployeeNPS
	kpiEscalationRate
	kpiFirstTimeResponse
	kpiMarketingQualifiedLeads
	kpiMeanTimeToRepair
	kpiMilestonesHit
	kpiNetPromoterScore
	kpiOnTimeInFull
	kpiOnTimeDelivery
	kpiOutOfStockRate
	kpiPercentComplete
	kpiProgressAgainstBudget
	kpiProjectsCompleted
	kpiProjectsOnTimeAndToBudget
	kpiProjectsUnderway
	kpiQualityScore
	kpiScheduleVariance
	kpiContainmentRate
	kpiServiceLevel
	kpiSLAAttainment
	kpiStockAvailability
	kpiStoryPointsDelivered
	kpiTicketsClosed
	kpiTransferRate
	kpiWebsiteVisits

	// Business outcomes.
	kpiARR
	kpiAuditFindings
	kpiAverageOrderValue
	kpiARPU
	kpiChurnRate
	kpiCompliance
	kpiConversionRate
	kpiCostPerContact
	kpiCostSavings
	kpiCostToServe
	kpiCustomerAcquisitionCost
	kpiCustomerLifetimeValue
	kpiGrossMargin
	kpiInventoryTurnover
	kpiLikeForLikeSales
	kpiMarketShare
	kpiMRR
	kpiNetRevenueRetention
	kpiNewCustomers
	kpiOperatingCosts
	kpiProfit
	kpiRegulatoryBreaches
	kpiRegulatoryFines
	kpiRenewalRate
	kpiRepeatPurchaseRate
	kpiRetentionRate
	kpiRevenue
	kpiRevenueGrowth
	kpiSalesPerSquareFoot
	kpiServiceDelivery
	kpiShrinkage
	kpiTrialConversion
	kpiUnitsPerTransaction
	kpiUptime

	// Successful customer outcomes.
	kpiActivationRate
	kpiComplaints
	kpiDailyActiveUsers
	kpiFailureDemandShare
	kpiFirstContactResolution
	kpiMonthlyActiveUsers
	kpiNightsBooked
	kpiOutcomeAchievementRate
	kpiRepeatContactRate
	kpiReturnsRate
	kpiTimeToValue

	kpiEnd
)

// The opening of each reason: the level, and the method's test for it.
const (
	whyTask     = `task: below outputs, "Tasks to Activities to Outputs" — `
	whyActivity = `activity: below outputs, "Tasks to Activities to Outputs" — `
	whyOutput   = `output: "what we produce, what we make" — `
	whySurvey   = `output: a survey score, "retrospective and subjective" — `
	whyBusiness = `business outcome: "a result of what we make" — `
	whyCustomer = `successful customer outcome: "what we deliver for the Customer" — `
)

// Constructors of entries, one per level. Each reason is passed whole, as a
// constant (one of the why openings joined to the entry's own words), so that
// building an entry allocates nothing.

func task(name string, d Direction, reason string) Classification {
	return Classification{Name: name, Level: Task, Direction: d, Reason: reason}
}

func activity(name string, d Direction, reason string) Classification {
	return Classification{Name: name, Level: Activity, Direction: d, Reason: reason}
}

func output(name string, d Direction, reason string) Classification {
	return Classification{Name: name, Level: Output, Direction: d, Reason: reason}
}

func business(name string, kind Kind, d Direction, reason string) Classification {
	return Classification{Name: name, Level: BusinessOutcome, Direction: d, Kind: kind, Reason: reason}
}

func customer(name string, d Direction, reason string) Classification {
	return Classification{Name: name, Level: CustomerOutcome, Direction: d, Reason: reason}
}

// classification returns the entry k.
func (k kpi) classification() Classification {
	const up, down = HigherIsBetter, LowerIsBetter
	switch k {
	// Tasks.
	case kpiAfterCallWork:
		return task("After-call work time", down,
			whyTask+"the wrap-up step after each call: a piece of handling a call, below the call handled")
	case kpiTimesheetCompliance:
		return task("Timesheet compliance", up,
			whyTask+"staff filling in their timesheets: admin work, not the regulatory compliance that is a business outcome")

	// Activities.
	case kpiOccupancy:
		return activity("Occupancy", up,
			whyActivity+"the share of agents' logged-in time spent on contacts: how busy the work is, not what it makes")
	case kpiScheduleAdherence:
		return activity("Schedule adherence", up,
			whyActivity+"whether agents work the hours they were scheduled: the work itself, before any output")
	case kpiTrainingHours:
		return activity("Training hours", up,
			whyActivity+"time spent learning the job: an input to outputs, not an output")
	case kpiUtilisation:
		return activity("Utilisation", up,
			whyActivity+"the share of paid time spent on productive work: effort, not what it produces")

	// Outputs.
	case kpiAbandonRate:
		return output("Abandon rate", down,
			whyOutput+"the method names abandoned calls and abandon rates as outputs: calls not picked up, not needs left unmet")
	case kpiAverageHandleTime:
		return output("Average handle time", down,
			whyOutput+"the method names AHT as an output: minutes per call handled, not whether the caller's need was met")
	case kpiAverageSpeedOfAnswer:
		return output("Average speed of answer", down,
			whyOutput+"seconds until a call is picked up: how fast the centre answers, not what the answer achieves")
	case kpiBudgetVariance:
		return output("Budget variance", down,
			whyOutput+"spend against plan, the method's progress against budget in other words: how the programme runs, not what it achieves")
	case kpiCallsAnswered:
		return output("Calls answered", up,
			whyOutput+"the method names calls answered as an output: a count of pick-ups, not of problems solved")
	case kpiCallsHandled:
		return output("Calls handled", up,
			whyOutput+"a count of calls the centre handles, not whether callers got what they needed")
	case kpiContactsPerAgent:
		return output("Contacts per agent", up,
			whyOutput+"output per head: more calls per agent, not more callers helped")
	case kpiCustomerEffortScore:
		return output("Customer effort score", up,
			whySurvey+"how easy customers say it was, asked after the event, not whether they achieved their outcome")
	case kpiCustomerSatisfaction:
		return output("Customer satisfaction score", up,
			whySurvey+"the method classes customer-satisfaction stats as outputs: an opinion of the service, not an outcome")
	case kpiDeliverablesAchieved:
		return output("Deliverables achieved", up,
			whyOutput+"the method names deliverables achieved as a programme-office output: things handed over, not the results they bring")
	case kpiDeploymentFrequency:
		return output("Deployment frequency", up,
			whyOutput+"how often software ships: production, not the value customers get from it")
	case kpiEmployeeNPS:
		return output("Employee Net Promoter Score", up,
			whySurvey+"staff's willingness to recommend their employer: a workforce survey, not a customer's outcome")
	case kpiEscalationRate:
		return output("Escalation rate", down,
			whyOutput+"contacts passed up the line: how the work is routed, not what the customer achieved")
	case kpiFirstTimeResponse:
		return output("First-time response", down,
			whyOutput+"the method names first-time response as an output: how fast the first reply goes out, not whether it solved anything")
	case kpiMarketingQualifiedLeads:
		return output("Marketing qualified leads", up,
			whyOutput+"prospects marketing hands to sales: a count of what marketing makes, not revenue")
	case kpiMeanTimeToRepair:
		return output("Mean time to repair", down,
			whyOutput+"how fast the team turns an incident round, like handle time: the speed of the work, not the customer's outcome")
	case kpiMilestonesHit:
		return output("Milestones hit", up,
			whyOutput+"programme checkpoints reached: progress of the work, not its results")
	case kpiNetPromoterScore:
		return output("Net Promoter Score", up,
			whySurvey+`the method names NPS as an output and warns against "one question rules them all" approaches`)
	case kpiOnTimeInFull:
		return output("On time in full", up,
			whyOutput+"orders delivered complete and on time: a promise the supply chain keeps, not the customer's use of it")
	case kpiOnTimeDelivery:
		return output("On-time delivery", up,
			whyOutput+"deliveries made by the promised date, like the method's projects completed on time: what we make, on schedule")
	case kpiOutOfStockRate:
		return output("Out-of-stock rate", down,
			whyOutput+"lines missing from the shelf: the store's supply, not shoppers who left without what they came for")
	case kpiPercentComplete:
		return output("Percent complete", up,
			whyOutput+"how much of the planned work is done: progress, not results")
	case kpiProgressAgainstBudget:
		return output("Progress against budget", up,
			whyOutput+"the method names progress against budget as a programme-office output: how the work runs, not what it achieves")
	case kpiProjectsCompleted:
		return output("Projects completed", up,
			whyOutput+"a project delivered is the method's own example of an output")
	case kpiProjectsOnTimeAndToBudget:
		return output("Projects on time and to budget", up,
			whyOutput+"the method names projects completed on time and to budget as an output: delivery to plan, not benefit")
	case kpiProjectsUnderway:
		return output("Projects underway", up,
			whyOutput+"the method names the number of projects underway as a programme-office output: work in hand, not results")
	case kpiQualityScore:
		return output("Quality assurance score", up,
			whyOutput+"an internal checklist rating of handled calls: how the work was done, judged by us, not the customer's result")
	case kpiScheduleVariance:
		return output("Schedule variance", down,
			whyOutput+"time ahead of or behind plan: how the programme runs, not what it achieves")
	case kpiContainmentRate:
		return output("Self-service containment rate", up,
			whyOutput+"contacts kept away from agents, counted whether or not the customer got what they wanted")
	case kpiServiceLevel:
		return output("Service level", up,
			whyOutput+"the share of calls answered within target seconds: speed of answering, despite its name not service delivered")
	case kpiSLAAttainment:
		return output("SLA attainment", up,
			whyOutput+"the share of tickets closed inside a target we set ourselves: not regulatory compliance, not the customer's outcome")
	case kpiStockAvailability:
		return output("Stock availability", up,
			whyOutput+"lines on the shelf when counted, not whether shoppers found what they came for")
	case kpiStoryPointsDelivered:
		return output("Story points delivered", up,
			whyOutput+"estimated work a team finishes per sprint: the volume of output, not its value")
	case kpiTicketsClosed:
		return output("Tickets closed", up,
			whyOutput+"a count of tickets the team closes, not of customers whose problem went away")
	case kpiTransferRate:
		return output("Transfer rate", down,
			whyOutput+"calls passed between agents: how the work flows, not what the caller achieved")
	case kpiWebsiteVisits:
		return output("Website visits", up,
			whyOutput+"traffic marketing brings in: attention produced, not sales made or customers served")

	// Business outcomes.
	case kpiARR:
		return business("Annual recurring revenue", Revenue, up,
			whyBusiness+"subscription revenue a year: the revenue the product earns")
	case kpiAuditFindings:
		return business("Audit findings", Compliance, down,
			whyBusiness+"effective compliance, counted by the auditors' exceptions")
	case kpiAverageOrderValue:
		return business("Average order value", Revenue, up,
			whyBusiness+"revenue per order: the revenue each sale brings")
	case kpiARPU:
		return business("Average revenue per user", Revenue, up,
			whyBusiness+"revenue per customer: the revenue side of the triple crown, per head")
	case kpiChurnRate:
		return business("Churn rate", Revenue, down,
			whyBusiness+"customers lost in the period: revenue walking out, not whether those who stay achieve anything")
	case kpiCompliance:
		return business("Compliance", Compliance, up,
			whyBusiness+"the method lists effective compliance among the business outcomes")
	case kpiConversionRate:
		return business("Conversion rate", Revenue, up,
			whyBusiness+"the share of visits that become sales: a revenue result, not the customer's outcome")
	case kpiCostPerContact:
		return business("Cost per contact", Cost, down,
			whyBusiness+"what each contact costs: the cost side of the triple crown, per contact")
	case kpiCostSavings:
		return business("Cost savings", Cost, up,
			whyBusiness+"cost optimisation, one of the method's business outcomes: money no longer spent")
	case kpiCostToServe:
		return business("Cost to serve", Cost, down,
			whyBusiness+"what it costs to serve a customer: the triple crown's cost, lower is better")
	case kpiCustomerAcquisitionCost:
		return business("Customer acquisition cost", Cost, down,
			whyBusiness+"what winning a customer costs: a cost result of marketing and sales")
	case kpiCustomerLifetimeValue:
		return business("Customer lifetime value", Revenue, up,
			whyBusiness+"the revenue a customer brings over the relationship: revenue, not what the customer gains")
	case kpiGrossMargin:
		return business("Gross margin", Revenue, up,
			whyBusiness+"revenue left after the cost of what was sold: the money result of selling")
	case kpiInventoryTurnover:
		return business("Inventory turnover", Cost, up,
			whyBusiness+"how fast stock sells through: the cost of capital tied up in stock")
	case kpiLikeForLikeSales:
		return business("Like-for-like sales", Revenue, up,
			whyBusiness+"sales growth in stores open in both periods: revenue, net of new space")
	case kpiMarketShare:
		return business("Market share", Revenue, up,
			whyBusiness+"our share of the market's sales: revenue relative to rivals")
	case kpiMRR:
		return business("Monthly recurring revenue", Revenue, up,
			whyBusiness+"subscription revenue a month: the revenue the product earns")
	case kpiNetRevenueRetention:
		return business("Net revenue retention", Revenue, up,
			whyBusiness+"revenue kept and grown from last year's customers: revenue, not their outcomes")
	case kpiNewCustomers:
		return business("New customers", Revenue, up,
			whyBusiness+"customers won: the growth side of revenue")
	case kpiOperatingCosts:
		return business("Operating costs", Cost, down,
			whyBusiness+"what running the business costs: the triple crown's cost")
	case kpiProfit:
		return business("Profit", Revenue, up,
			whyBusiness+"revenue less costs: the money result of everything we make")
	case kpiRegulatoryBreaches:
		return business("Regulatory breaches", Compliance, down,
			whyBusiness+"rules broken: effective compliance, counted by its failures")
	case kpiRegulatoryFines:
		return business("Regulatory fines", Compliance, down,
			whyBusiness+"money paid for breaking rules: the price of ineffective compliance")
	case kpiRenewalRate:
		return business("Renewal rate", Revenue, up,
			whyBusiness+"contracts renewed: revenue kept")
	case kpiRepeatPurchaseRate:
		return business("Repeat purchase rate", Revenue, up,
			whyBusiness+"customers who buy again: revenue from loyalty")
	case kpiRetentionRate:
		return business("Retention rate", Revenue, up,
			whyBusiness+"customers kept: revenue that stays, the mirror of churn")
	case kpiRevenue:
		return business("Revenue", Revenue, up,
			whyBusiness+`the method's first business outcome: "You can't get any more quantifiable than that."`)
	case kpiRevenueGrowth:
		return business("Revenue growth", Revenue, up,
			whyBusiness+`the change in revenue: "growing revenues", one leg of the triple crown`)
	case kpiSalesPerSquareFoot:
		return business("Sales per square foot", Revenue, up,
			whyBusiness+"revenue per unit of selling space: the store's revenue result")
	case kpiServiceDelivery:
		return business("Service delivery", Service, up,
			whyBusiness+"the method lists service delivery among the business outcomes")
	case kpiShrinkage:
		return business("Shrinkage", Cost, down,
			whyBusiness+"stock lost to theft, damage and error: a cost")
	case kpiTrialConversion:
		return business("Trial-to-paid conversion", Revenue, up,
			whyBusiness+"trials that start paying: revenue won, not the value the customer got")
	case kpiUnitsPerTransaction:
		return business("Units per transaction", Revenue, up,
			whyBusiness+"items in each sale: a driver of revenue per visit")
	case kpiUptime:
		return business("Uptime", Service, up,
			whyBusiness+"service delivery: the share of time the product is there to use")

	// Successful customer outcomes.
	case kpiActivationRate:
		return customer("Activation rate", up, whyCustomer+
			"the share of new customers who reach first value: customers achieving the outcome")
	case kpiComplaints:
		return customer("Complaints", down,
			`successful customer outcome: a complaint is failure demand, which keeps an organisation in the "Failure-Demand cycle"; fewer is better`)
	case kpiDailyActiveUsers:
		return customer("Daily active users", up,
			`successful customer outcome: Facebook's North Star in the method ("daily active users"); a good North Star is an outcome, never a bare output`)
	case kpiFailureDemandShare:
		return customer("Failure demand share", down,
			`successful customer outcome: the share of all demand that is failure demand, which a "Failure-Demand cycle" drives up; lower is better`)
	case kpiFirstContactResolution:
		return customer("First contact resolution", up, whyCustomer+
			"the share of customers whose problem is solved at first contact: the outcome, achieved")
	case kpiMonthlyActiveUsers:
		return customer("Monthly active users", up,
			`successful customer outcome: the monthly form of Facebook's North Star ("daily active users"); a good North Star is an outcome, never a bare output`)
	case kpiNightsBooked:
		return customer("Nights booked", up,
			`successful customer outcome: Airbnb's North Star in the method ("nights booked"); a good North Star is an outcome, never a bare output`)
	case kpiOutcomeAchievementRate:
		return customer("Outcome achievement rate", up,
			whyCustomer+"measured by whether customers actually achieve it: the share of journeys that end in the outcome")
	case kpiRepeatContactRate:
		return customer("Repeat contact rate", down,
			`successful customer outcome: a repeat call is failure demand, which keeps an organisation in the "Failure-Demand cycle"; lower is better`)
	case kpiReturnsRate:
		return customer("Returns rate", down,
			whyCustomer+"purchases sent back, journeys that did not end in the outcome; lower is better")
	case kpiTimeToValue:
		return customer("Time to value", down,
			whyCustomer+"measured by the time until customers achieve it: the wait for the value they came for")
	}
	return Classification{}
}

// aliases returns the other names the entry k answers to.
func (k kpi) aliases() []string {
	switch k {
	case kpiAfterCallWork:
		return []string{"ACW", "after-call work", "average after-call work time", "wrap-up time", "wrap time"}
	case kpiTimesheetCompliance:
		return []string{"timesheet completion", "timesheets submitted on time"}
	case kpiOccupancy:
		return []string{"agent occupancy", "occupancy rate"}
	case kpiScheduleAdherence:
		return []string{"adherence", "adherence to schedule", "agent adherence"}
	case kpiTrainingHours:
		return []string{"hours of training", "training time", "training hours completed"}
	case kpiUtilisation:
		return []string{"utilization", "utilisation rate", "agent utilisation", "agent utilization",
			"resource utilisation", "resource utilization", "billable utilisation"}
	case kpiAbandonRate:
		return []string{"abandoned calls", "number of abandoned calls", "calls abandoned", "abandonment rate",
			"call abandonment rate", "abandoned call rate", "abandon %", "% abandoned", "abandoned"}
	case kpiAverageHandleTime:
		return []string{"AHT", "average handling time", "avg handle time", "handle time", "handling time",
			"average call handling time", "mean handle time"}
	case kpiAverageSpeedOfAnswer:
		return []string{"ASA", "speed of answer", "average time to answer", "average answer time"}
	case kpiBudgetVariance:
		return []string{"variance to budget", "budget vs actual", "cost variance", "spend variance"}
	case kpiCallsAnswered:
		return []string{"answered calls", "number of calls answered", "answer rate", "call answer rate"}
	case kpiCallsHandled:
		return []string{"handled calls", "number of calls handled", "no. of calls handled",
			"contacts handled", "number of contacts handled"}
	case kpiContactsPerAgent:
		return []string{"calls per agent", "calls per agent per hour", "contacts per agent per hour", "calls per hour"}
	case kpiCustomerEffortScore:
		return []string{"CES", "customer effort", "effort score", "CES 2.0"}
	case kpiCustomerSatisfaction:
		return []string{"CSAT", "CSAT score", "customer satisfaction", "customer-satisfaction stats",
			"customer satisfaction rating", "satisfaction score"}
	case kpiDeliverablesAchieved:
		return []string{"deliverables", "deliverables delivered", "deliverables completed",
			"number of deliverables achieved"}
	case kpiDeploymentFrequency:
		return []string{"deployments", "deploys", "number of deployments", "release frequency"}
	case kpiEmployeeNPS:
		return []string{"eNPS", "employee NPS", "employee promoter score"}
	case kpiEscalationRate:
		return []string{"escalations", "number of escalations", "escalated contacts"}
	case kpiFirstTimeResponse:
		return []string{"first time response", "first response time", "time to first response",
			"first reply time", "FRT", "average first response time"}
	case kpiMarketingQualifiedLeads:
		return []string{"MQLs", "leads", "leads generated", "number of leads"}
	case kpiMeanTimeToRepair:
		return []string{"MTTR", "mean time to resolve", "mean time to restore", "mean time to recovery",
			"mean time to resolution"}
	case kpiMilestonesHit:
		return []string{"milestones achieved", "milestones met", "milestones completed", "milestones delivered",
			"number of milestones hit"}
	case kpiNetPromoterScore:
		return []string{"NPS", "net promoter", "NPS score", "promoter score"}
	case kpiOnTimeInFull:
		return []string{"OTIF", "on-time in-full", "OTIF rate", "on time in full delivery"}
	case kpiOnTimeDelivery:
		return []string{"OTD", "on time delivery rate", "deliveries on time"}
	case kpiOutOfStockRate:
		return []string{"out of stock", "out-of-stocks", "stock-outs", "stockout rate", "OOS rate"}
	case kpiPercentComplete:
		return []string{"% complete", "percentage complete", "project percent complete"}
	case kpiProgressAgainstBudget:
		return []string{"progress vs budget", "progress versus budget", "budget progress"}
	case kpiProjectsCompleted:
		return []string{"projects delivered", "completed projects", "number of projects completed", "projects closed"}
	case kpiProjectsOnTimeAndToBudget:
		return []string{"projects completed on time and to budget", "projects on time and on budget",
			"projects delivered on time and on budget", "projects on time & budget", "on time and on budget",
			"on time on budget"}
	case kpiProjectsUnderway:
		return []string{"number of projects underway", "projects under way", "active projects",
			"projects in progress", "projects in flight", "live projects"}
	case kpiQualityScore:
		return []string{"QA score", "quality score", "call quality score", "quality monitoring score"}
	case kpiScheduleVariance:
		return []string{"variance to schedule", "schedule slippage", "slippage"}
	case kpiContainmentRate:
		return []string{"containment rate", "self-service containment", "IVR containment rate", "deflection rate"}
	case kpiServiceLevel:
		return []string{"SL", "service level %", "grade of service", "GoS", "telephone service factor", "TSF"}
	case kpiSLAAttainment:
		return []string{"SLA compliance", "SLA met", "SLA performance", "SLA achievement", "% within SLA"}
	case kpiStockAvailability:
		return []string{"on-shelf availability", "OSA", "in-stock rate", "in stock", "product availability"}
	case kpiStoryPointsDelivered:
		return []string{"velocity", "sprint velocity", "story points", "story points completed", "points delivered"}
	case kpiTicketsClosed:
		return []string{"tickets resolved", "tickets solved", "closed tickets", "number of tickets closed", "cases closed"}
	case kpiTransferRate:
		return []string{"transfers", "call transfer rate", "transferred calls", "number of transfers"}
	case kpiWebsiteVisits:
		return []string{"website traffic", "web traffic", "site visits", "web visits", "website visitors",
			"unique visitors"}
	case kpiARR:
		return []string{"ARR", "annualised recurring revenue", "annualized recurring revenue"}
	case kpiAuditFindings:
		return []string{"audit issues", "audit exceptions", "number of audit findings"}
	case kpiAverageOrderValue:
		return []string{"AOV", "basket size", "average basket size", "average basket value",
			"average transaction value", "ATV", "average sale value"}
	case kpiARPU:
		return []string{"ARPU", "average revenue per account", "ARPA", "revenue per user"}
	case kpiChurnRate:
		return []string{"churn", "customer churn", "customer churn rate", "logo churn", "cancellation rate"}
	case kpiCompliance:
		return []string{"compliance rate", "regulatory compliance", "effective compliance", "compliance score"}
	case kpiConversionRate:
		return []string{"conversion", "sales conversion rate", "conversion ratio", "purchase conversion rate"}
	case kpiCostPerContact:
		return []string{"cost per call", "cost per interaction"}
	case kpiCostSavings:
		return []string{"savings", "cost reduction", "cost optimisation", "cost optimization"}
	case kpiCostToServe:
		return []string{"CTS", "cost-to-serve", "cost of service", "cost to serve per customer"}
	case kpiCustomerAcquisitionCost:
		return []string{"CAC", "cost per acquisition", "CPA", "acquisition cost", "cost per new customer"}
	case kpiCustomerLifetimeValue:
		return []string{"CLV", "LTV", "CLTV", "lifetime value", "customer LTV"}
	case kpiGrossMargin:
		return []string{"gross margin %", "gross profit margin", "gross profit"}
	case kpiInventoryTurnover:
		return []string{"stock turn", "stock turnover", "inventory turns", "inventory turnover ratio"}
	case kpiLikeForLikeSales:
		return []string{"LFL sales", "like-for-like", "like for like sales growth", "same-store sales",
			"comparable store sales", "comp sales"}
	case kpiMarketShare:
		return []string{"share of market"}
	case kpiMRR:
		return []string{"MRR"}
	case kpiNetRevenueRetention:
		return []string{"NRR", "net dollar retention", "NDR", "net retention"}
	case kpiNewCustomers:
		return []string{"new customers acquired", "customers acquired", "customer acquisition",
			"number of new customers", "new logos", "new accounts"}
	case kpiOperatingCosts:
		return []string{"opex", "operating expenses", "operating expenditure", "cost of operations", "running costs"}
	case kpiProfit:
		return []string{"net profit", "net income", "operating profit", "profitability"}
	case kpiRegulatoryBreaches:
		return []string{"compliance breaches", "breaches", "regulatory incidents", "number of regulatory breaches",
			"compliance incidents", "compliance violations"}
	case kpiRegulatoryFines:
		return []string{"fines", "penalties", "regulatory penalties", "fines and penalties"}
	case kpiRenewalRate:
		return []string{"renewals", "contract renewal rate", "subscription renewal rate"}
	case kpiRepeatPurchaseRate:
		return []string{"repeat purchases", "repeat customer rate", "repurchase rate", "repeat buyers"}
	case kpiRetentionRate:
		return []string{"retention", "customer retention", "customer retention rate", "logo retention"}
	case kpiRevenue:
		return []string{"revenues", "total revenue", "sales", "sales revenue", "turnover", "gross revenue", "top line"}
	case kpiRevenueGrowth:
		return []string{"sales growth", "revenue growth rate", "year-on-year revenue growth", "YoY revenue growth"}
	case kpiSalesPerSquareFoot:
		return []string{"sales per sq ft", "sales per sq. ft.", "revenue per square foot", "sales per square metre",
			"sales per square meter", "sales density"}
	case kpiServiceDelivery:
		return []string{"service delivery performance", "service delivery score"}
	case kpiShrinkage:
		return []string{"shrink", "stock loss", "inventory shrinkage", "shrinkage rate"}
	case kpiTrialConversion:
		return []string{"trial conversion rate", "trial-to-paid conversion rate", "free-to-paid conversion",
			"free trial conversion rate"}
	case kpiUnitsPerTransaction:
		return []string{"UPT", "items per basket", "units per basket", "items per transaction"}
	case kpiUptime:
		return []string{"uptime %", "system availability", "service availability", "platform availability"}
	case kpiActivationRate:
		return []string{"activation", "user activation rate", "customer activation rate"}
	case kpiComplaints:
		return []string{"number of complaints", "complaint volume", "complaint rate", "customer complaints",
			"complaints received"}
	case kpiDailyActiveUsers:
		return []string{"DAU", "daily actives", "daily active customers"}
	case kpiFailureDemandShare:
		return []string{"failure demand", "failure demand %", "% failure demand", "failure demand rate",
			"share of failure demand", "failure demand ratio"}
	case kpiFirstContactResolution:
		return []string{"FCR", "first call resolution", "first contact resolution rate", "first time resolution",
			"first time fix", "first time fix rate", "right first time", "problem solved at first contact",
			"resolved at first contact"}
	case kpiMonthlyActiveUsers:
		return []string{"MAU", "monthly actives"}
	case kpiNightsBooked:
		return []string{"room nights booked", "booked nights"}
	case kpiOutcomeAchievementRate:
		return []string{"successful customer outcome rate", "SCO rate", "SCO achievement rate",
			"customers achieving the outcome", "share of customers achieving the outcome",
			"share of journeys that end in the outcome", "% of journeys ending in the outcome"}
	case kpiRepeatContactRate:
		return []string{"repeat contacts", "repeat calls", "repeat call rate", "recontact rate"}
	case kpiReturnsRate:
		return []string{"return rate", "returns", "product returns rate", "product return rate"}
	case kpiTimeToValue:
		return []string{"TTV", "time-to-value", "time to first value", "time to outcome"}
	}
	return nil
}

// lookup returns the entry whose name or alias normalises to key, or kpiNone.
// Its cases are exactly the normalised names and aliases of every entry
// (a test checks this against [kpi.aliases]); a switch on a string compiles to
// a binary search and allocates nothing.
func lookup(key []byte) kpi {
	switch string(key) {
	case "aftercallworktime", "acw", "aftercallwork", "averageaftercallworktime", "wrapuptime",
		"wraptime":
		return kpiAfterCallWork
	case "timesheetcompliance", "timesheetcompletion", "timesheetsubmittedontime":
		return kpiTimesheetCompliance
	case "occupancy", "agentoccupancy", "occupancyrate":
		return kpiOccupancy
	case "scheduleadherence", "adherence", "adherencetoschedule", "agentadherence":
		return kpiScheduleAdherence
	case "traininghour", "houroftraining", "trainingtime", "traininghourcompleted":
		return kpiTrainingHours
	case "utilisation", "utilisationrate", "agentutilisation", "resourceutilisation",
		"billableutilisation":
		return kpiUtilisation
	case "abandonrate", "abandonedcall", "numberofabandonedcall", "callabandoned", "abandonmentrate",
		"callabandonmentrate", "abandonedcallrate", "abandon", "percentabandoned", "abandoned":
		return kpiAbandonRate
	case "averagehandletime", "aht", "averagehandlingtime", "handletime", "handlingtime",
		"averagecallhandlingtime", "meanhandletime":
		return kpiAverageHandleTime
	case "averagespeedofanswer", "asa", "speedofanswer", "averagetimetoanswer", "averageanswertime":
		return kpiAverageSpeedOfAnswer
	case "budgetvariance", "variancetobudget", "budgetvsactual", "costvariance", "spendvariance":
		return kpiBudgetVariance
	case "callanswered", "answeredcall", "numberofcallanswered", "answerrate", "callanswerrate":
		return kpiCallsAnswered
	case "callhandled", "handledcall", "numberofcallhandled", "contacthandled",
		"numberofcontacthandled":
		return kpiCallsHandled
	case "contactperagent", "callperagent", "callperagentperhour", "contactperagentperhour",
		"callperhour":
		return kpiContactsPerAgent
	case "customereffortscore", "ces", "customereffort", "effortscore", "ces20":
		return kpiCustomerEffortScore
	case "customersatisfactionscore", "csat", "csatscore", "customersatisfaction",
		"customersatisfactionstat", "customersatisfactionrating", "satisfactionscore":
		return kpiCustomerSatisfaction
	case "deliverableachieved", "deliverable", "deliverabledelivered", "deliverablecompleted",
		"numberofdeliverableachieved":
		return kpiDeliverablesAchieved
	case "deploymentfrequency", "deployment", "deploy", "numberofdeployment", "releasefrequency":
		return kpiDeploymentFrequency
	case "employeenetpromoterscore", "enps", "employeenps", "employeepromoterscore":
		return kpiEmployeeNPS
	case "escalationrate", "escalation", "numberofescalation", "escalatedcontact":
		return kpiEscalationRate
	case "firsttimeresponse", "firstresponsetime", "timetofirstresponse", "firstreplytime", "frt",
		"averagefirstresponsetime":
		return kpiFirstTimeResponse
	case "marketingqualifiedlead", "mql", "lead", "leadgenerated", "numberoflead":
		return kpiMarketingQualifiedLeads
	case "meantimetorepair", "mttr", "meantimetoresolve", "meantimetorestore", "meantimetorecovery",
		"meantimetoresolution":
		return kpiMeanTimeToRepair
	case "milestonehit", "milestoneachieved", "milestonemet", "milestonecompleted",
		"milestonedelivered", "numberofmilestonehit":
		return kpiMilestonesHit
	case "netpromoterscore", "nps", "netpromoter", "npsscore", "promoterscore":
		return kpiNetPromoterScore
	case "ontimeinfull", "otif", "otifrate", "ontimeinfulldelivery":
		return kpiOnTimeInFull
	case "ontimedelivery", "otd", "ontimedeliveryrate", "deliveryontime":
		return kpiOnTimeDelivery
	case "outofstockrate", "outofstock", "stockout", "stockoutrate", "oosrate":
		return kpiOutOfStockRate
	case "percentcomplete", "projectpercentcomplete":
		return kpiPercentComplete
	case "progressagainstbudget", "progressvsbudget", "progressversusbudget", "budgetprogress":
		return kpiProgressAgainstBudget
	case "projectcompleted", "projectdelivered", "completedproject", "numberofprojectcompleted",
		"projectclosed":
		return kpiProjectsCompleted
	case "projectontimeandtobudget", "projectcompletedontimeandtobudget", "projectontimeandonbudget",
		"projectdeliveredontimeandonbudget", "projectontimeandbudget", "ontimeandonbudget",
		"ontimeonbudget":
		return kpiProjectsOnTimeAndToBudget
	case "projectunderway", "numberofprojectunderway", "activeproject", "projectinprogress",
		"projectinflight", "liveproject":
		return kpiProjectsUnderway
	case "qualityassurancescore", "qascore", "qualityscore", "callqualityscore",
		"qualitymonitoringscore":
		return kpiQualityScore
	case "schedulevariance", "variancetoschedule", "scheduleslippage", "slippage":
		return kpiScheduleVariance
	case "selfservicecontainmentrate", "containmentrate", "selfservicecontainment",
		"ivrcontainmentrate", "deflectionrate":
		return kpiContainmentRate
	case "servicelevel", "sl", "gradeofservice", "gos", "telephoneservicefactor", "tsf":
		return kpiServiceLevel
	case "slaattainment", "slacompliance", "slamet", "slaperformance", "slaachievement",
		"percentwithinsla":
		return kpiSLAAttainment
	case "stockavailability", "onshelfavailability", "osa", "instockrate", "instock",
		"productavailability":
		return kpiStockAvailability
	case "storypointdelivered", "velocity", "sprintvelocity", "storypoint", "storypointcompleted",
		"pointdelivered":
		return kpiStoryPointsDelivered
	case "ticketclosed", "ticketresolved", "ticketsolved", "closedticket", "numberofticketclosed",
		"caseclosed":
		return kpiTicketsClosed
	case "transferrate", "transfer", "calltransferrate", "transferredcall", "numberoftransfer":
		return kpiTransferRate
	case "websitevisit", "websitetraffic", "webtraffic", "sitevisit", "webvisit", "websitevisitor",
		"uniquevisitor":
		return kpiWebsiteVisits
	case "annualrecurringrevenue", "arr", "annualisedrecurringrevenue":
		return kpiARR
	case "auditfinding", "auditissue", "auditexception", "numberofauditfinding":
		return kpiAuditFindings
	case "averageordervalue", "aov", "basketsize", "averagebasketsize", "averagebasketvalue",
		"averagetransactionvalue", "atv", "averagesalevalue":
		return kpiAverageOrderValue
	case "averagerevenueperuser", "arpu", "averagerevenueperaccount", "arpa", "revenueperuser":
		return kpiARPU
	case "churnrate", "churn", "customerchurn", "customerchurnrate", "logochurn", "cancellationrate":
		return kpiChurnRate
	case "compliance", "compliancerate", "regulatorycompliance", "effectivecompliance",
		"compliancescore":
		return kpiCompliance
	case "conversionrate", "conversion", "salesconversionrate", "conversionratio",
		"purchaseconversionrate":
		return kpiConversionRate
	case "costpercontact", "costpercall", "costperinteraction":
		return kpiCostPerContact
	case "costsaving", "saving", "costreduction", "costoptimisation":
		return kpiCostSavings
	case "costtoserve", "cts", "costofservice", "costtoservepercustomer":
		return kpiCostToServe
	case "customeracquisitioncost", "cac", "costperacquisition", "cpa", "acquisitioncost",
		"costpernewcustomer":
		return kpiCustomerAcquisitionCost
	case "customerlifetimevalue", "clv", "ltv", "cltv", "lifetimevalue", "customerltv":
		return kpiCustomerLifetimeValue
	case "grossmargin", "grossprofitmargin", "grossprofit":
		return kpiGrossMargin
	case "inventoryturnover", "stockturn", "stockturnover", "inventoryturn", "inventoryturnoverratio":
		return kpiInventoryTurnover
	case "likeforlikesales", "lflsales", "likeforlike", "likeforlikesalesgrowth", "samestoresales",
		"comparablestoresales", "compsales":
		return kpiLikeForLikeSales
	case "marketshare", "shareofmarket":
		return kpiMarketShare
	case "monthlyrecurringrevenue", "mrr":
		return kpiMRR
	case "netrevenueretention", "nrr", "netdollarretention", "ndr", "netretention":
		return kpiNetRevenueRetention
	case "newcustomer", "newcustomeracquired", "customeracquired", "customeracquisition",
		"numberofnewcustomer", "newlogo", "newaccount":
		return kpiNewCustomers
	case "operatingcost", "opex", "operatingexpense", "operatingexpenditure", "costofoperation",
		"runningcost":
		return kpiOperatingCosts
	case "profit", "netprofit", "netincome", "operatingprofit", "profitability":
		return kpiProfit
	case "regulatorybreach", "compliancebreach", "breach", "regulatoryincident",
		"numberofregulatorybreach", "complianceincident", "complianceviolation":
		return kpiRegulatoryBreaches
	case "regulatoryfine", "fine", "penalty", "regulatorypenalty", "fineandpenalty":
		return kpiRegulatoryFines
	case "renewalrate", "renewal", "contractrenewalrate", "subscriptionrenewalrate":
		return kpiRenewalRate
	case "repeatpurchaserate", "repeatpurchase", "repeatcustomerrate", "repurchaserate",
		"repeatbuyer":
		return kpiRepeatPurchaseRate
	case "retentionrate", "retention", "customerretention", "customerretentionrate", "logoretention":
		return kpiRetentionRate
	case "revenue", "totalrevenue", "sales", "salesrevenue", "turnover", "grossrevenue", "topline":
		return kpiRevenue
	case "revenuegrowth", "salesgrowth", "revenuegrowthrate", "yearonyearrevenuegrowth",
		"yoyrevenuegrowth":
		return kpiRevenueGrowth
	case "salespersquarefoot", "revenuepersquarefoot", "salespersquaremetre", "salespersquaremeter",
		"salesdensity":
		return kpiSalesPerSquareFoot
	case "servicedelivery", "servicedeliveryperformance", "servicedeliveryscore":
		return kpiServiceDelivery
	case "shrinkage", "shrink", "stockloss", "inventoryshrinkage", "shrinkagerate":
		return kpiShrinkage
	case "trialtopaidconversion", "trialconversionrate", "trialtopaidconversionrate",
		"freetopaidconversion", "freetrialconversionrate":
		return kpiTrialConversion
	case "unitpertransaction", "upt", "itemperbasket", "unitperbasket", "itempertransaction":
		return kpiUnitsPerTransaction
	case "uptime", "systemavailability", "serviceavailability", "platformavailability":
		return kpiUptime
	case "activationrate", "activation", "useractivationrate", "customeractivationrate":
		return kpiActivationRate
	case "complaint", "numberofcomplaint", "complaintvolume", "complaintrate", "customercomplaint",
		"complaintreceived":
		return kpiComplaints
	case "dailyactiveuser", "dau", "dailyactive", "dailyactivecustomer":
		return kpiDailyActiveUsers
	case "failuredemandshare", "failuredemand", "percentfailuredemand", "failuredemandrate",
		"shareoffailuredemand", "failuredemandratio":
		return kpiFailureDemandShare
	case "firstcontactresolution", "fcr", "firstcallresolution", "firstcontactresolutionrate",
		"firsttimeresolution", "firsttimefix", "firsttimefixrate", "rightfirsttime",
		"problemsolvedatfirstcontact", "resolvedatfirstcontact":
		return kpiFirstContactResolution
	case "monthlyactiveuser", "mau", "monthlyactive":
		return kpiMonthlyActiveUsers
	case "nightbooked", "roomnightbooked", "bookednight":
		return kpiNightsBooked
	case "outcomeachievementrate", "successfulcustomeroutcomerate", "scorate", "scoachievementrate",
		"customerachievingtheoutcome", "shareofcustomerachievingtheoutcome",
		"shareofjourneythatendintheoutcome", "percentofjourneyendingintheoutcome":
		return kpiOutcomeAchievementRate
	case "repeatcontactrate", "repeatcontact", "repeatcall", "repeatcallrate", "recontactrate":
		return kpiRepeatContactRate
	case "returnrate", "return", "productreturnrate":
		return kpiReturnsRate
	case "timetovalue", "ttv", "timetofirstvalue", "timetooutcome":
		return kpiTimeToValue
	}
	return kpiNone
}
