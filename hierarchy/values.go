package hierarchy

import (
	"math"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// MaxValuePlaces is the most decimal places a [Values] set may keep.
const MaxValuePlaces = 9

// Values is a set of measured values for some of one model's nodes, say the
// number of calls handled and the first-time-response rate this month: the
// input of [Model.RollUp] and [Model.Attribute]. [Model.NewValues] makes an
// empty set.
//
// A set keeps its values in fixed point, as int64 counts of 10^-places, held
// by the model's node positions, so that a roll-up reads them without a
// lookup or a decimal per node. A value with more decimal places than the set
// keeps, or too large for it, is an error, never rounded.
//
// Values is not safe for concurrent use while it is being set; reading it
// (rolling it up, from several goroutines) is safe once it is no longer
// changed.
type Values struct {
	g      *graph
	places int32
	v      []int64
	has    []uint64 // bit set of the positions with a value
	n      int
}

// NewValues returns an empty value set for the model's nodes that keeps
// values to the given number of decimal places, from 0 to [MaxValuePlaces];
// other numbers are an error with code [ErrInvalidPlaces].
func (m Model) NewValues(places int32) (*Values, error) {
	if places < 0 || places > MaxValuePlaces {
		return nil, newError(ErrInvalidPlaces, nil,
			"hierarchy: a value set keeps 0 to %d decimal places, not %d", MaxValuePlaces, places)
	}
	g := m.graph()
	n := len(g.ids)
	return &Values{g: g, places: places, v: make([]int64, n), has: make([]uint64, (n+63)/64)}, nil
}

// Places returns the number of decimal places the set keeps.
func (s *Values) Places() int32 { return s.places }

// Len returns the number of nodes with a value.
func (s *Values) Len() int { return s.n }

// Set sets the value of the node with the given ID, replacing any value it
// had. It fails, changing nothing, with [ErrUnknownNode] for an ID the model
// does not hold, and with [ErrInvalidValue] for a value with more decimal
// places than the set keeps or beyond ±(2^63-1)·10^-places.
func (s *Values) Set(id string, v decimal.Decimal) error {
	u, err := s.g.pos(id)
	if err != nil {
		return err
	}
	x, ok := scaleValue(v, s.places)
	if !ok {
		return newError(ErrInvalidValue, []string{id},
			"hierarchy: value %s of node %q does not fit a value set of %d decimal places", msg.Decimal(v), clip(id), s.places)
	}
	if !s.isSet(u) {
		s.has[u/64] |= 1 << (u % 64)
		s.n++
	}
	s.v[u] = x
	return nil
}

// Get returns the value of the node with the given ID, and whether it has
// one. It fails with [ErrUnknownNode] for an ID the model does not hold.
func (s *Values) Get(id string) (decimal.Decimal, bool, error) {
	u, err := s.g.pos(id)
	if err != nil || !s.isSet(u) {
		return decimal.Decimal{}, false, err
	}
	return i128From(s.v[u]).decimal(s.places), true, nil
}

func (s *Values) isSet(u int32) bool { return s.has[u/64]&(1<<(u%64)) != 0 }

// scaleValue returns v in units of 10^-places, and whether it fits.
func scaleValue(v decimal.Decimal, places int32) (int64, bool) {
	x, fault := scaleInt(v, places, math.MaxInt64)
	return x, fault == weightOK
}

// sameModel reports whether the set belongs to the graph g.
func (s *Values) sameModel(g *graph) bool {
	return s.g == g || len(s.g.ids) == 0 && len(g.ids) == 0
}

// foreignError reports a value set of another model.
func foreignError() *outcome.Error {
	return newError(ErrForeignValues, nil, "hierarchy: the values belong to another model")
}
