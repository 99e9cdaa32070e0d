package northstar

import (
	"cmp"
	"math"
	"slices"
)

// Robustness says how firmly the winner of a [Ranking] holds its place: the
// runner-up and the margin between them, and, for each criterion, the
// smallest change of that criterion's weight alone (up or down) that would
// bring a challenger level with the winner.
//
// # How it is computed, exactly
//
// Scores do not depend on the weights, and totals are weighted sums of
// scores divided by the sum of the weights, which is the same for every
// candidate. So with the weight W_k of criterion k changed by d, a
// challenger b draws level with the winner a exactly when
//
//	Σ_j W_j (s_aj - s_bj) + d·(s_ak - s_bk) = 0,
//
// that is at d = -D/g, with D = Σ_j W_j (s_aj - s_bj) >= 0 the winner's lead
// in weight units and g = s_ak - s_bk. A challenger better on criterion k
// (g < 0) draws level if its weight rises by D/|g|; one worse on it (g > 0)
// if the weight falls by D/g, which is possible only if the weight stays at
// zero or above, and the weights do not all become zero (when the two draw
// level exactly at weight zero, the change counts only if the tie-break
// favours the challenger, since the weight can fall no further). The smallest such
// change over the challengers, per criterion and direction, is reported: no
// sampling, and the change at which the two draw level is exact up to
// floating-point rounding. At that change the two tie, and the tie-break of
// [Select] decides; any larger change makes the challenger win (unless yet
// another candidate overtakes both first, which a smaller change for that
// candidate would show).
type Robustness struct {
	// RunnerUp is the metric ID of the second eligible candidate, or "" if
	// there is none.
	RunnerUp string `json:"runnerUp,omitempty"`
	// Margin is the winner's total minus the runner-up's, to the 12
	// decimal places of [Entry.Total] (the float64 nearest the exact
	// difference of the two 12-place totals): never negative, and 0 when
	// the two tie as the ranking sees them and the tie-break decides.
	Margin float64 `json:"margin"`
	// Changes are the smallest weight changes that bring a challenger
	// level with the winner: at most one per criterion and direction
	// ([WeightChange.Rise]), those that exist, smallest |change| first (then
	// in criterion order, a rise before a fall).
	Changes []WeightChange `json:"changes,omitempty"`
}

// Equal reports whether r and o are the same robustness, field by field:
// the same runner-up, the margins compared with ==, and the changes element
// by element, in order, by [WeightChange.Equal]. Nil changes equal empty
// ones, as JSON writes both the same way (left out).
func (r Robustness) Equal(o Robustness) bool {
	return r.RunnerUp == o.RunnerUp && r.Margin == o.Margin && slices.EqualFunc(r.Changes, o.Changes, WeightChange.Equal)
}

// WeightChange is a change of one criterion's weight, in the policy's own
// units, at which Challenger draws level with the winner.
type WeightChange struct {
	// Criterion is the criterion whose weight changes.
	Criterion Criterion `json:"criterion"`
	// From is the weight in the policy, and To the weight at which the
	// challenger draws level.
	From float64 `json:"from"`
	To   float64 `json:"to"`
	// Rise says which way the weight moves: true for a rise, false for a
	// fall. It says so also when To equals From, as when the winner leads
	// only by the tie-break (the two tie on total): then any rise (or
	// fall) at all, however small, puts the challenger ahead, and a move
	// the other way does not.
	Rise bool `json:"rise"`
	// Challenger is the metric ID of the candidate that draws level.
	Challenger string `json:"challenger"`
}

// Equal reports whether w and o are the same change, field by field: the
// same criterion, From and To compared with ==, the same direction (Rise)
// and the same challenger.
func (w WeightChange) Equal(o WeightChange) bool {
	return w.Criterion == o.Criterion && w.From == o.From && w.To == o.To && w.Rise == o.Rise && w.Challenger == o.Challenger
}

// Delta returns To - From: positive for a rise, negative for a fall, and
// zero when the challenger already ties the winner (then [WeightChange.Rise]
// says which way the weight must move).
func (w WeightChange) Delta() float64 { return w.To - w.From }

// Smallest returns the smallest change of any one criterion weight that
// brings a challenger level with the winner, and false if no such change
// exists (a single eligible candidate, or none, or challengers that no
// single weight can lift).
func (r Robustness) Smallest() (WeightChange, bool) {
	if len(r.Changes) == 0 {
		return WeightChange{}, false
	}
	return r.Changes[0], true
}

// robustness computes the Robustness of ranked entries under the policy
// weights w (as given, not normalised).
func robustness(entries []Entry, w [numCriteria]float64) Robustness {
	var r Robustness
	if len(entries) < 2 || !entries[0].Eligible || !entries[1].Eligible {
		return r
	}
	a := entries[0]
	r.RunnerUp = entries[1].Metric.ID()
	r.Margin = (tieKey(a.Total) - tieKey(entries[1].Total)) / tieScale
	var wsum float64
	for _, v := range w {
		wsum += v
	}
	// best[k][0] is the smallest rise of W_k, best[k][1] the smallest fall.
	var best [numCriteria][2]float64
	var who [numCriteria][2]int
	for k := range best {
		best[k] = [2]float64{math.Inf(1), math.Inf(1)}
	}
	for i := 1; i < len(entries) && entries[i].Eligible; i++ {
		b := entries[i]
		var d float64
		for j := range w {
			d += w[j] * (a.Scores[j].Normalised - b.Scores[j].Normalised)
		}
		if tieKey(a.Total) == tieKey(b.Total) {
			d = 0 // a tie on total, as the ranking sees it, broken in the winner's favour
		}
		d = max(d, 0)
		for k := range w {
			g := a.Scores[k].Normalised - b.Scores[k].Normalised
			switch {
			case g < 0:
				if x := d / -g; x < best[k][0] {
					best[k][0], who[k][0] = x, i
				}
			case g > 0:
				x := d / g
				if math.Abs(x-w[k]) <= w[k]/tieScale {
					x = w[k] // level at zero weight, up to rounding
				}
				if x > w[k] || (x == w[k] && (wsum == w[k] || tieBreak(b, a) > 0)) {
					// The weight would have to go below zero, or all the
					// weights to zero, or to zero exactly where the two
					// tie and the tie-break keeps the winner.
					continue
				}
				if x < best[k][1] {
					best[k][1], who[k][1] = x, i
				}
			}
		}
	}
	for k := range best {
		for dir, x := range best[k] {
			if math.IsInf(x, 1) {
				continue
			}
			to := w[k] + x
			if dir == 1 {
				to = w[k] - x
			}
			r.Changes = append(r.Changes, WeightChange{Criterion: Criterion(k + 1), From: w[k], To: to,
				Rise: dir == 0, Challenger: entries[who[k][dir]].Metric.ID()})
		}
	}
	// Stable: equal changes stay in criterion order, a rise before a fall.
	slices.SortStableFunc(r.Changes, func(x, y WeightChange) int {
		return cmp.Compare(math.Abs(x.Delta()), math.Abs(y.Delta()))
	})
	return r
}
