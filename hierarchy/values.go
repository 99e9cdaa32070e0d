package hierarchy

import (
	"math"
	"math/bits"
	"slices"

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
// Because it holds values by position, a set belongs to every model with the
// same node IDs in the same order, not only to the Model that made it: two
// models built apart from the same definition, or one decoded in another
// process, merge, roll up and attribute each other's sets. Its links and
// everything else may differ. A model with other IDs, or the same IDs in
// another order, refuses the set with [ErrForeignValues].
//
// Sets of one model merge ([Values.Merge]), and travel between processes as
// bytes ([Values.MarshalBinary]), so that the shards of the data can be
// measured apart.
//
// Values is not safe for concurrent use while it is being set; reading it
// (rolling it up, from several goroutines) is safe once it is no longer
// changed.
type Values struct {
	g      *graph
	places int32
	v      []int64  // by position, 0 where there is no value
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

// Places returns the number of decimal places the set keeps (0 for a nil
// set).
func (s *Values) Places() int32 {
	if s == nil {
		return 0
	}
	return s.places
}

// Len returns the number of nodes with a value (0 for a nil set).
func (s *Values) Len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// Set sets the value of the node with the given ID, replacing any value it
// had. It fails, changing nothing, with [ErrUnknownNode] for an ID the model
// does not hold, with [ErrInvalidValue] for a value with more decimal
// places than the set keeps or beyond ±(2^63-1)·10^-places, and with
// [ErrForeignValues] for a set no model made (nil, or the zero Values).
// Either alone is the error itself; an unknown ID and a value that does
// not fit are both reported, joined with [errors.Join], the ID's first; a set no model made is reported
// alone, as it has no IDs to look up and no places to fit.
func (s *Values) Set(id string, v decimal.Decimal) error {
	if s == nil || s.g == nil {
		return foreignError(s)
	}
	u, err := s.g.pos(id)
	x, ok := scaleValue(v, s.places)
	if err != nil || !ok {
		var bad *outcome.Error
		if !ok {
			bad = newError(ErrInvalidValue, []string{id},
				"hierarchy: value %s of node %q does not fit a value set of %d decimal places", msg.Decimal(v), clip(id), s.places)
		}
		return msg.Join(err, bad)
	}
	if !s.isSet(u) {
		s.has[u/64] |= 1 << (u % 64)
		s.n++
	}
	s.v[u] = x
	return nil
}

// Get returns the value of the node with the given ID, and whether it has
// one. It fails with [ErrUnknownNode] for an ID the model does not hold, and
// with [ErrForeignValues] for a set no model made (nil, or the zero Values).
func (s *Values) Get(id string) (decimal.Decimal, bool, error) {
	if s == nil || s.g == nil {
		return decimal.Decimal{}, false, foreignError(s)
	}
	u, err := s.g.pos(id)
	if err != nil || !s.isSet(u) {
		return decimal.Decimal{}, false, err
	}
	return i128From(s.v[u]).decimal(s.places), true, nil
}

// Merge adds the values of o, a value set of a model with the same node IDs
// in the same order as s's (see [Values]) that keeps as many decimal places,
// to s, node by node: a node with a value in both sets gets their sum, a
// node with a value in one of them keeps it, and a node with a value in
// neither has none. o is not changed.
//
// Merge is what makes value sets mergeable (associative and commutative,
// with an empty set as the identity), for measures that add up: counts,
// hours, money. Measure each shard of the data (each site, each day, each
// worker of a distributed engine) into its own set, merge the sets, and roll
// up the result: the same values, and so the same roll-up, as one set
// measured on all the data. Merge the parts of a rate or mean, not the rate
// (outcome's proportions and tallies merge). Because a weighted sum is
// linear in the values, rolling up the merged set with [WeightedSum] also
// gives, node by node, exactly the sum of the shards' roll-ups when every
// shard measures the same nodes; so does [WeightedMean], but for its
// rounding at each node; [Min] and [Max] do not add up so.
//
// It fails, changing nothing, with [ErrForeignValues] when o (or s) is nil,
// the zero Values or was made by a model with other node IDs or another
// order of them, with [ErrPlacesDiffer] when the sets keep different numbers
// of decimal places (merge into a set that keeps the same places, never
// rounded), both, joined with [errors.Join] in that order, when sets of
// two models with other IDs keep different places too, and, for sets of
// one model that keep the same places, with one [ErrInvalidValue] for
// each node whose sum is beyond ±(2^63-1)·10^-places, in node order,
// naming the node (one problem is the error itself, several are joined
// with [errors.Join]). It
// takes two passes over the sets' bitsets (one to check every sum, one to
// add) and allocates nothing unless it fails. When o was made by another
// Model object than s, it first compares the two models' node IDs (see
// [Values]): a fingerprint of each model's IDs, found once per model, then,
// if those agree, the IDs themselves, in time linear in their length.
func (s *Values) Merge(o *Values) error {
	foreign := s == nil || o == nil || !o.sameModel(s.g)
	if foreign || s.places != o.places {
		var errForeign, errPlaces *outcome.Error
		if foreign {
			errForeign = foreignError(s, o)
		}
		// A set no model made keeps no places to compare.
		if s != nil && o != nil && s.g != nil && o.g != nil && s.places != o.places {
			errPlaces = newError(ErrPlacesDiffer, nil,
				"hierarchy: a value set of %d decimal places cannot merge one of %d", s.places, o.places)
		}
		return msg.Join(errForeign, errPlaces)
	}
	if !s.mergeFits(o) {
		return s.mergeErrors(o)
	}
	for w, has := range o.has {
		if has == 0 {
			continue
		}
		base := w * 64
		s.n += bits.OnesCount64(has &^ s.has[w])
		s.has[w] |= has
		if has == math.MaxUint64 { // a full word: add the 64 values in a row
			for i, x := range o.v[base : base+64] {
				s.v[base+i] += x
			}
			continue
		}
		for ; has != 0; has &= has - 1 {
			u := base + bits.TrailingZeros64(has)
			s.v[u] += o.v[u] // 0 where s had no value
		}
	}
	return nil
}

// mergeFits reports whether every sum of a value of s and one of o is
// within ±(2^63-1), as a set's values are. (A position without a value
// holds 0.)
func (s *Values) mergeFits(o *Values) bool {
	var ovf int64 // negative once a sum overflows
	for w, both := range o.has {
		both &= s.has[w]
		if both == 0 {
			continue
		}
		base := w * 64
		if both == math.MaxUint64 {
			for i, b := range o.v[base : base+64] {
				a := s.v[base+i]
				c := a + b
				ovf |= (a ^ c) & (b ^ c) // the sign of both addends differs from the sum's
				ovf |= isMinInt64(c)     // or the sum is -2^63, beyond a set's values
			}
			continue
		}
		for ; both != 0; both &= both - 1 {
			u := base + bits.TrailingZeros64(both)
			a, b := s.v[u], o.v[u]
			c := a + b
			ovf |= (a^c)&(b^c) | isMinInt64(c)
		}
	}
	return ovf >= 0
}

// mergeErrors returns one [ErrInvalidValue] for each node whose sum of the
// values of s and o is beyond ±(2^63-1), in node order: the one itself if
// there is one, and otherwise all of them joined with [errors.Join]
// ([msg.Join]).
func (s *Values) mergeErrors(o *Values) error {
	var errs []error
	for w, both := range o.has {
		both &= s.has[w]
		for ; both != 0; both &= both - 1 {
			u := w*64 + bits.TrailingZeros64(both)
			if _, overflow := addInt64(s.v[u], o.v[u]); overflow {
				sum, _ := i128From(s.v[u]).add(i128From(o.v[u])) // two int64s never overflow 128 bits
				errs = append(errs, newError(ErrInvalidValue, []string{s.g.ids[u]},
					"hierarchy: merged value %s of node %q does not fit a value set of %d decimal places",
					msg.Decimal(sum.decimal(s.places)), clip(s.g.ids[u]), s.places))
			}
		}
	}
	return msg.Join(errs...)
}

// addInt64 returns a+b and whether the sum is beyond a set's values,
// ±(2^63-1): whether it overflows int64, or is -2^63.
func addInt64(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) != (b > 0) || c == math.MinInt64
}

// isMinInt64 returns a negative number if c is -2^63, else one that is not
// negative, without a branch.
func isMinInt64(c int64) int64 {
	eq := c ^ math.MinInt64 // 0 only for -2^63
	return (eq - 1) &^ eq   // the sign bit is set in both only when eq is 0
}

func (s *Values) isSet(u int32) bool { return s.has[u/64]&(1<<(u%64)) != 0 }

// scaleValue returns v in units of 10^-places, and whether it fits.
func scaleValue(v decimal.Decimal, places int32) (int64, bool) {
	x, fault := scaleInt(v, places, math.MaxInt64)
	return x, fault == weightOK
}

// sameModel reports whether the set belongs to the graph g: whether g is
// the graph of the model that made it, or holds the same node IDs in the
// same order (a value set indexes nodes by position, so that is all it
// depends on). A set that no model made (the zero Values) belongs to none.
//
// The same graph is found at once; another is compared by the number of
// nodes and the fingerprints of their IDs (fingerprint, found once
// per graph), then, when those agree, ID by ID, so that a collision of
// fingerprints never mixes up the sets of different models.
func (s *Values) sameModel(g *graph) bool {
	if s.g == nil || g == nil {
		return false
	}
	return sameIDs(s.g, g)
}

// sameIDs reports whether g and h hold the same node IDs in the same order,
// as [Values.sameModel] finds it: the same graph at once, another by the
// number of nodes and the fingerprints of their IDs, then ID by ID.
func sameIDs(g, h *graph) bool {
	return g == h || len(g.ids) == len(h.ids) && g.fingerprint() == h.fingerprint() && slices.Equal(g.ids, h.ids)
}

// Equal reports whether s and o are the same value set, field by field:
// sets of the same model, by the identity that [Values.Merge] and
// [Model.RollUp] use (a model with the same node IDs in the same order,
// whatever its links), that keep the same number of decimal places, with
// the same nodes set and each node's values equal. A set's values are
// fixed point at its places, so 1.5 and 1.50 set in sets of 2 places are
// the same value; sets of different places are not Equal even when they
// hold equal values, since they accept different values and do not merge
// ([ErrPlacesDiffer]), and [Values.MarshalJSON] writes their places. Sets
// that no model made (nil, or the zero Values) are Equal to each other,
// and to no set of a model.
//
// It takes time linear in the model's nodes (and, for sets of two Model
// objects, their IDs, compared as Merge compares them); it does not change
// either set.
func (s *Values) Equal(o *Values) bool {
	noModel, oNoModel := s == nil || s.g == nil, o == nil || o.g == nil
	if noModel || oNoModel {
		return noModel == oNoModel
	}
	if s.places != o.places || s.n != o.n || !slices.Equal(s.has, o.has) || !sameIDs(s.g, o.g) {
		return false
	}
	for w, has := range s.has {
		for ; has != 0; has &= has - 1 {
			if u := w*64 + bits.TrailingZeros64(has); s.v[u] != o.v[u] {
				return false
			}
		}
	}
	return true
}

// foreignError reports a value set of a model with other node IDs, or
// other node order, or, if any of sets is one, a set of no model (nil, or
// the zero Values), which says so and how to make one, so that a reader
// who declared a Values to decode into does not look for another model.
func foreignError(sets ...*Values) *outcome.Error {
	for _, s := range sets {
		if s == nil || s.g == nil {
			return newError(ErrForeignValues, nil,
				"hierarchy: a value set that no model made (nil, or the zero Values) holds no values: make one with Model.NewValues")
		}
	}
	return newError(ErrForeignValues, nil, "hierarchy: the values belong to another model")
}
