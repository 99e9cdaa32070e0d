package outcome

import (
	"fmt"
	"iter"
	"unicode"
	"unicode/utf8"
)

// Level is a rung of the method's hierarchy: "a hierarchy that connects Tasks
// to Activities to Outputs to Business Outcomes and ultimately Successful
// Customer Outcomes". Levels are ordered from [Task] (lowest) to
// [CustomerOutcome] (highest), and compare with [Level.Compare], [Level.Below]
// and [Level.Above] in that order.
//
// The zero Level is invalid: [Level.IsValid] reports false, [Level.String]
// says "Level(0)", and marshalling it is an error.
type Level uint8

// The levels, from the front line up to the customer.
const (
	// Task is an individual piece of work: the bottom of the hierarchy.
	Task Level = iota + 1
	// Activity is work made of tasks, which produces outputs.
	Activity
	// Output is "what we produce, what we make": a call handled, a completed car.
	Output
	// BusinessOutcome is "a result of what we make": revenue, cost
	// optimisation, service delivery, effective compliance.
	BusinessOutcome
	// CustomerOutcome is a Successful Customer Outcome (SCO): "what we
	// deliver for the Customer", measured by whether customers achieve it.
	CustomerOutcome
)

// Levels yields the valid levels in order, from [Task] to [CustomerOutcome].
func Levels() iter.Seq[Level] {
	return func(yield func(Level) bool) {
		for l := Task; l <= CustomerOutcome; l++ {
			if !yield(l) {
				return
			}
		}
	}
}

// String returns the level's name as the method writes it: "Task",
// "Activity", "Output", "Business Outcome" or "Successful Customer Outcome";
// "Level(N)" for an invalid level. [ParseLevel] accepts it.
func (l Level) String() string {
	switch l {
	case Task:
		return "Task"
	case Activity:
		return "Activity"
	case Output:
		return "Output"
	case BusinessOutcome:
		return "Business Outcome"
	case CustomerOutcome:
		return "Successful Customer Outcome"
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// token returns the level's stable text form, used by [Level.MarshalText].
func (l Level) token() string {
	switch l {
	case Task:
		return "task"
	case Activity:
		return "activity"
	case Output:
		return "output"
	case BusinessOutcome:
		return "business-outcome"
	case CustomerOutcome:
		return "customer-outcome"
	}
	return ""
}

// IsValid reports whether l is one of the five levels.
func (l Level) IsValid() bool { return l >= Task && l <= CustomerOutcome }

// IsZero reports whether l is the zero (invalid) Level.
func (l Level) IsZero() bool { return l == 0 }

// IsOutcome reports whether l is an outcome: a [BusinessOutcome] or a
// [CustomerOutcome]. Tasks, activities and outputs are not.
func (l Level) IsOutcome() bool { return l == BusinessOutcome || l == CustomerOutcome }

// Compare returns -1 if l is below m, 0 if they are the same level and +1 if
// l is above m.
func (l Level) Compare(m Level) int {
	switch {
	case l < m:
		return -1
	case l > m:
		return 1
	}
	return 0
}

// Below reports whether l is a lower level than m (a task is below an output).
func (l Level) Below(m Level) bool { return l < m }

// Above reports whether l is a higher level than m (an outcome is above an output).
func (l Level) Above(m Level) bool { return l > m }

// ParseLevel parses a level's name. It ignores case, white space and
// punctuation (hyphens, underscores, dots), and accepts the canonical names
// ("Task", "Business Outcome", "business-outcome", ...), their plurals
// ("Tasks", "Activities", "Outputs", ...) and the method's spellings:
// "Successful Customer Outcome", "SCO" and "customer outcome" for
// [CustomerOutcome], "BO" for [BusinessOutcome]. Anything else, empty text
// included, is an error with code [ErrUnknownLevel].
func ParseLevel(text string) (Level, error) {
	var buf [48]byte
	switch string(fold(buf[:0], text)) {
	case "task", "tasks":
		return Task, nil
	case "activity", "activities":
		return Activity, nil
	case "output", "outputs":
		return Output, nil
	case "businessoutcome", "businessoutcomes", "bo":
		return BusinessOutcome, nil
	case "customeroutcome", "customeroutcomes", "successfulcustomeroutcome",
		"successfulcustomeroutcomes", "sco", "scos":
		return CustomerOutcome, nil
	}
	return 0, NewError(ErrUnknownLevel, nil, "outcome: unknown level %q", clip(text))
}

// Direction says which way a metric should move: up ([HigherIsBetter], as
// revenue or the share of customers who achieve an outcome) or down
// ([LowerIsBetter], as cost or time to respond).
//
// The zero Direction is invalid.
type Direction uint8

// The directions.
const (
	HigherIsBetter Direction = iota + 1
	LowerIsBetter
)

// String returns "higher is better" or "lower is better", or "Direction(N)"
// for an invalid value. [ParseDirection] accepts it.
func (d Direction) String() string {
	switch d {
	case HigherIsBetter:
		return "higher is better"
	case LowerIsBetter:
		return "lower is better"
	}
	return fmt.Sprintf("Direction(%d)", uint8(d))
}

func (d Direction) token() string {
	switch d {
	case HigherIsBetter:
		return "higher-is-better"
	case LowerIsBetter:
		return "lower-is-better"
	}
	return ""
}

// IsValid reports whether d is [HigherIsBetter] or [LowerIsBetter].
func (d Direction) IsValid() bool { return d == HigherIsBetter || d == LowerIsBetter }

// IsZero reports whether d is the zero (invalid) Direction.
func (d Direction) IsZero() bool { return d == 0 }

// Sign returns +1 for [HigherIsBetter], -1 for [LowerIsBetter] and 0 for an
// invalid direction: multiplied by a change, it gives a positive number
// exactly when the change is an improvement.
func (d Direction) Sign() int {
	switch d {
	case HigherIsBetter:
		return 1
	case LowerIsBetter:
		return -1
	}
	return 0
}

// ParseDirection parses a direction, ignoring case, white space and
// punctuation (hyphens, underscores, dots): "higher is better", "higher",
// "up", "increase", "maximise" (or "maximize") for [HigherIsBetter]; "lower
// is better", "lower", "down", "decrease", "minimise" (or "minimize") for
// [LowerIsBetter]. Anything else, empty text included, is an error with code
// [ErrUnknownDirection].
func ParseDirection(text string) (Direction, error) {
	var buf [48]byte
	switch string(fold(buf[:0], text)) {
	case "higherisbetter", "higher", "up", "increase", "maximise", "maximize":
		return HigherIsBetter, nil
	case "lowerisbetter", "lower", "down", "decrease", "minimise", "minimize":
		return LowerIsBetter, nil
	}
	return 0, NewError(ErrUnknownDirection, nil, "outcome: unknown direction %q", clip(text))
}

// Kind is the kind of a business outcome, as the method lists them: revenue,
// cost (optimisation), service (delivery) and (effective) compliance.
//
// The zero Kind means "no kind"; it is valid only for metrics that are not
// business outcomes.
type Kind uint8

// The business-outcome kinds.
const (
	Revenue Kind = iota + 1
	Cost
	Service
	Compliance
)

// String returns "revenue", "cost", "service" or "compliance", or "Kind(N)"
// for any other value. [ParseKind] accepts it.
func (k Kind) String() string {
	if k.IsValid() {
		return k.token()
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

func (k Kind) token() string {
	switch k {
	case Revenue:
		return "revenue"
	case Cost:
		return "cost"
	case Service:
		return "service"
	case Compliance:
		return "compliance"
	}
	return ""
}

// IsValid reports whether k is one of the four kinds.
func (k Kind) IsValid() bool { return k >= Revenue && k <= Compliance }

// IsZero reports whether k is the zero Kind ("no kind").
func (k Kind) IsZero() bool { return k == 0 }

// ParseKind parses a business-outcome kind, ignoring case, white space and
// punctuation (hyphens, underscores, dots). Besides the four names (and
// "revenues", "costs") it accepts "cost optimisation" (or "optimization"),
// "service delivery" and "effective compliance", the names of the kinds in
// the method's list of business outcomes.
// Anything else, empty text included, is an error with code [ErrUnknownKind];
// see [Kind.UnmarshalText] for empty text as "no kind".
func ParseKind(text string) (Kind, error) {
	var buf [48]byte
	switch string(fold(buf[:0], text)) {
	case "revenue", "revenues":
		return Revenue, nil
	case "cost", "costs", "costoptimisation", "costoptimization":
		return Cost, nil
	case "service", "servicedelivery":
		return Service, nil
	case "compliance", "effectivecompliance":
		return Compliance, nil
	}
	return 0, NewError(ErrUnknownKind, nil, "outcome: unknown business-outcome kind %q", clip(text))
}

// fold appends to dst the ASCII letters and digits of s, lower-cased, and
// drops the rest of ASCII (white space, hyphens, underscores, punctuation) and
// non-ASCII white space and punctuation (a no-break space, an en dash, curly
// quotes). Any other non-ASCII rune (a letter, a mark) or invalid byte becomes
// the marker '~', so that it cannot fold into a known name. The result is meant
// for matching names against a fixed vocabulary; if it would overflow dst's
// capacity it is replaced by "~" and so matches nothing.
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			if r != utf8.RuneError && (unicode.IsSpace(r) || unicode.IsPunct(r)) {
				continue
			}
			c = '~'
		default:
			continue
		}
		if len(dst) == cap(dst) {
			return append(dst[:0], '~')
		}
		dst = append(dst, c)
	}
	return dst
}
