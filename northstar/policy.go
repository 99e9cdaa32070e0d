package northstar

import (
	"fmt"
	"iter"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/shopspring/decimal"
)

// Criterion is one of the criteria a North Star candidate is scored on.
//
// The zero Criterion is invalid.
type Criterion uint8

// The criteria, in the order a ranking reports them.
const (
	// Coverage is customer coverage: how much the customer categories'
	// canvases rely on the metric, each category counted by its weight
	// ("aggregate the SCOC's against all your customer categories").
	Coverage Criterion = iota + 1
	// Lead is lead strength: how strongly the metric moves before a
	// business outcome it should drive ("assessing what could be a lead
	// Metric").
	Lead
	// Linkage is linkage to business outcomes: how many kinds of business
	// outcome (revenue, cost, service, compliance) the metric is linked to,
	// "the best outcome, for the business and the customer".
	Linkage
	// Ratings is the organisation's own ratings of the metric, such as
	// whether it is tangible and objective and understood by everyone, as a
	// good North Star is, or whether the front line can act on it.
	Ratings
	// Reach is reach in the hierarchy: the share of the organisation's
	// aligned work that feeds the metric ("touches everyone and
	// everything").
	Reach
)

// numCriteria is the number of criteria.
const numCriteria = 5

// Criteria yields the criteria in order, from [Coverage] to [Reach].
func Criteria() iter.Seq[Criterion] {
	return func(yield func(Criterion) bool) {
		for c := Coverage; c <= Reach; c++ {
			if !yield(c) {
				return
			}
		}
	}
}

// String returns the criterion's name: "customer coverage", "lead strength",
// "linkage to business outcomes", "ratings" or "reach"; "Criterion(N)" for an
// invalid value. [ParseCriterion] accepts it.
func (c Criterion) String() string {
	switch c {
	case Coverage:
		return "customer coverage"
	case Lead:
		return "lead strength"
	case Linkage:
		return "linkage to business outcomes"
	case Ratings:
		return "ratings"
	case Reach:
		return "reach"
	}
	return fmt.Sprintf("Criterion(%d)", uint8(c))
}

// token returns the criterion's stable text form: "coverage", "lead",
// "linkage", "ratings" or "reach".
func (c Criterion) token() string {
	switch c {
	case Coverage:
		return "coverage"
	case Lead:
		return "lead"
	case Linkage:
		return "linkage"
	case Ratings:
		return "ratings"
	case Reach:
		return "reach"
	}
	return ""
}

// IsValid reports whether c is one of the criteria.
func (c Criterion) IsValid() bool { return c >= Coverage && c <= Reach }

// IsZero reports whether c is the zero (invalid) Criterion.
func (c Criterion) IsZero() bool { return c == 0 }

// ParseCriterion parses a criterion's token ("coverage", "lead", "linkage",
// "ratings", "reach") or name ("customer coverage", ...), ignoring ASCII
// case, surrounding white space and the difference between a hyphen and a
// space. Anything else is an error with code [ErrUnknownCriterion].
func ParseCriterion(text string) (Criterion, error) {
	for c := range Criteria() {
		if words.Same(text, c.token()) || words.Same(text, c.String()) {
			return c, nil
		}
	}
	return 0, newError(ErrUnknownCriterion, nil, "northstar: unknown criterion %q", clip(text))
}

// Weights are the criterion weights of a [Policy]: each criterion's
// importance in the choice, not negative and not all zero. They are
// normalised (each divided by their sum), so they need not sum to one. A
// criterion of weight zero does not count. In JSON, a weight left out is
// zero, as in Weights whose field is not set; null is refused
// ([outcome.ErrInvalidJSON]).
type Weights struct {
	// Coverage weighs [Coverage], Lead [Lead], Linkage [Linkage], Ratings
	// [Ratings] and Reach [Reach].
	Coverage decimal.Decimal `json:"coverage"`
	Lead     decimal.Decimal `json:"lead"`
	Linkage  decimal.Decimal `json:"linkage"`
	Ratings  decimal.Decimal `json:"ratings"`
	Reach    decimal.Decimal `json:"reach"`
}

// Weight returns the weight of criterion c, or zero for an invalid c.
func (w Weights) Weight(c Criterion) decimal.Decimal {
	switch c {
	case Coverage:
		return w.Coverage
	case Lead:
		return w.Lead
	case Linkage:
		return w.Linkage
	case Ratings:
		return w.Ratings
	case Reach:
		return w.Reach
	}
	return decimal.Zero
}

// With returns a copy of w with the weight of criterion c set to v. An
// invalid c returns w unchanged.
func (w Weights) With(c Criterion, v decimal.Decimal) Weights {
	switch c {
	case Coverage:
		w.Coverage = v
	case Lead:
		w.Lead = v
	case Linkage:
		w.Linkage = v
	case Ratings:
		w.Ratings = v
	case Reach:
		w.Reach = v
	}
	return w
}

// Equal reports whether w and o give every criterion a numerically equal
// weight.
func (w Weights) Equal(o Weights) bool {
	for c := range Criteria() {
		if !w.Weight(c).Equal(o.Weight(c)) {
			return false
		}
	}
	return true
}

// IsZero reports whether every weight is zero.
func (w Weights) IsZero() bool {
	for c := range Criteria() {
		if !w.Weight(c).IsZero() {
			return false
		}
	}
	return true
}

// Policy is how [Select] weighs the criteria, and how it analyses the
// lead/lag evidence. It is plain data: change a field and pass it on;
// Select validates it ([Policy.Validate]).
//
// The zero Policy is invalid (its weights are all zero), and does not
// marshal ([Policy.MarshalJSON]); start from [DefaultPolicy].
type Policy struct {
	// Weights are the criterion weights.
	Weights Weights `json:"weights"`
	// LeadLag configures the lead/lag analysis of each candidate's series
	// against each business outcome's. Its confidence level holds for each
	// such pair on its own: the lags of one pair are corrected for together
	// (see [LagOptions]), but the pairs are not corrected for one another,
	// so with many candidates and outcomes some verdicts other than
	// [NoEvidence] are expected by chance (at 0.95 and 20 independent pairs
	// with no relation, up to one on average).
	LeadLag LagOptions `json:"leadLag"`
}

// DefaultPolicy returns the library's default policy. The method names
// what makes a good North Star, "that Metric that would consistently
// deliver Successful Customer Outcomes and drive sustainable growth", but
// gives no weights, lags or confidence level: these are the library's
// choices, made with that account in mind, and an organisation may weigh
// otherwise. The weights, out of 10:
//
//   - customer coverage 3: it must deliver the customers' outcomes, across
//     the categories that matter most, so the library weighs this most;
//   - lead strength 2 and linkage to business outcomes 2: it must drive
//     growth, moving before the business outcomes and touching revenue,
//     cost and service;
//   - reach 2: it "touches everyone and everything", from the front line to
//     the top;
//   - ratings 1: the organisation's own judgement (whether the metric is
//     tangible and objective and understood by everyone, or whatever else
//     it rates) counts, but is the softest evidence.
//
// Its lead/lag analysis examines lags up to 3 periods each way (a quarter,
// in months) with Pearson correlation at 95% confidence, also the
// library's choices.
func DefaultPolicy() Policy {
	return Policy{
		Weights: Weights{
			Coverage: decimal.NewFromInt(3),
			Lead:     decimal.NewFromInt(2),
			Linkage:  decimal.NewFromInt(2),
			Ratings:  decimal.NewFromInt(1),
			Reach:    decimal.NewFromInt(2),
		},
		LeadLag: LagOptions{MaxLag: 3, Method: Pearson, Confidence: DefaultConfidence},
	}
}

// Validate reports every problem with the policy, in this order (one
// problem as the *[outcome.Error] itself, several joined with
// [errors.Join]): in criterion order, each weight that is out of range
// ([ErrWeightOutOfRange]) or negative ([ErrNegativeWeight]); weights that
// are all zero ([ErrZeroWeights]), when none is out of range or negative;
// and the lead/lag options' problems ([ErrInvalidLag], [ErrUnknownMethod],
// [ErrInvalidConfidence], in that order). Each message says where the problem is after the
// package's name, "policy: ": a weight by its criterion's name,
// "northstar: policy: weight of lead strength -1 is negative", and a
// lead/lag option under leadLag, the options' JSON name, "northstar:
// policy: leadLag: maximum lag -1 is negative".
func (p Policy) Validate() error { return msg.Join(p.validate(policyFaults{})...) }

// policyLeadLag says where a policy's lead/lag options are, in a message.
const policyLeadLag = "policy: leadLag: "

// validate is Validate for a policy decoded from JSON: what could not be
// read (faults) is reported in its place, instead of the value's checks.
// It returns the problems one by one, in Validate's order (nil for none),
// for the caller to join after its own.
func (p Policy) validate(faults policyFaults) []error {
	var errs []error
	ok := true
	for c := range Criteria() {
		if f, bad := faults.weights[c]; bad {
			errs = append(errs, notDecimal(nil, f, "policy: weight of %s", c))
			ok = false
		} else if err := checkAmount(p.Weights.Weight(c), nil, "policy: weight of %s", c); err != nil {
			errs = append(errs, err)
			ok = false
		}
	}
	if ok && p.Weights.IsZero() {
		errs = append(errs, newError(ErrZeroWeights, nil,
			"northstar: policy: every criterion weight is zero (start from DefaultPolicy)"))
	}
	return append(errs, p.LeadLag.validate(policyLeadLag, nil, faults.method, faults.confidence)...)
}

// Equal reports whether p and o are the same policy: numerically equal
// weights, and lead/lag options that mean the same to [Select]
// ([LagOptions.Equal]): the same
// maximum lag, method and confidence level, a zero Method standing for
// [Pearson] and a zero Confidence for [DefaultConfidence], so {"maxLag":3}
// with the default weights equals [DefaultPolicy].
func (p Policy) Equal(o Policy) bool { return p.Weights.Equal(o.Weights) && p.LeadLag.Equal(o.LeadLag) }

// IsZero reports whether p is the zero Policy.
func (p Policy) IsZero() bool { return p.Weights.IsZero() && p.LeadLag == LagOptions{} }

// floats returns the weights as float64s, in criterion order.
func (w Weights) floats() [numCriteria]float64 {
	var out [numCriteria]float64
	for c := range Criteria() {
		out[c-1] = toFloat(w.Weight(c))
	}
	return out
}
