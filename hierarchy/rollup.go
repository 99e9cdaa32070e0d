package hierarchy

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// Method is how [Model.RollUp] computes a node's value from the values of the
// nodes that feed it.
//
// The zero Method is invalid.
type Method uint8

// The roll-up methods.
const (
	// WeightedSum is Σ weight·value over the links in: a cost built up from
	// the costs beneath it. It is exact.
	WeightedSum Method = iota + 1
	// WeightedMean is Σ weight·value / Σ weight over the links in: a rate
	// averaged over what produces it. It is rounded half away from zero to
	// the value set's places at every node.
	WeightedMean
	// Min is the smallest value of the nodes feeding in, whatever the
	// weights: the weakest link.
	Min
	// Max is the largest value of the nodes feeding in, whatever the
	// weights.
	Max
)

// String returns the method's name as a sentence writes it: "weighted
// sum", "weighted mean", "min" or "max", or "Method(N)" for an invalid
// method. [Method.MarshalText] writes the stable token instead
// ("weighted-sum").
func (m Method) String() string {
	switch m {
	case WeightedSum:
		return "weighted sum"
	case WeightedMean:
		return "weighted mean"
	case Min:
		return "min"
	case Max:
		return "max"
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

// token returns the method's stable text form, used by
// [Method.MarshalText]: "weighted-sum", "weighted-mean", "min" or "max".
func (m Method) token() string {
	switch m {
	case WeightedSum:
		return "weighted-sum"
	case WeightedMean:
		return "weighted-mean"
	}
	return m.String()
}

// IsValid reports whether m is one of the four methods.
func (m Method) IsValid() bool { return m >= WeightedSum && m <= Max }

// ParseMethod parses a roll-up method as [Method.MarshalText] writes it
// ("weighted-sum") or as [Method.String] writes it ("weighted sum"),
// ignoring case, surrounding white space and the difference between a
// hyphen and a space ("Weighted-Sum"). Anything else is an error with code
// [ErrUnknownMethod].
func ParseMethod(text string) (Method, error) {
	for m := WeightedSum; m <= Max; m++ {
		if words.Same(text, m.String()) {
			return m, nil
		}
	}
	return 0, newError(ErrUnknownMethod, nil, "hierarchy: unknown roll-up method %q", clip(text))
}

// MarshalText implements [encoding.TextMarshaler]: the method's stable
// token, in kebab-case as the module's other enums are written:
// "weighted-sum", "weighted-mean", "min" or "max". The zero or an invalid
// Method is an error with code [ErrUnknownMethod].
func (m Method) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, newError(ErrUnknownMethod, nil, "hierarchy: cannot marshal invalid roll-up method %d", uint8(m))
	}
	return []byte(m.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMethod]: it
// reads the token MarshalText writes ("weighted-sum"), and also reads
// "weighted sum" and "weighted mean", as MarshalText wrote them before, so
// that stored data still reads back.
func (m *Method) UnmarshalText(text []byte) error {
	v, err := ParseMethod(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// RollUpOption changes how [Model.RollUp] treats missing values.
type RollUpOption func(*rollUpOptions)

type rollUpOptions struct{ missingAsZero bool }

// MissingAsZero makes [Model.RollUp] treat an input with no value (a node
// nothing feeds, that has no measured value) as zero, so that the nodes above
// it get values. The inputs so treated are still reported
// ([RollUp.Unmeasured]).
func MissingAsZero() RollUpOption { return func(o *rollUpOptions) { o.missingAsZero = true } }

// The states of a node in a roll-up.
const (
	stateMissing  uint8 = iota // no value
	stateMeasured              // the value set's value
	stateComputed              // computed from the nodes feeding in
	stateZero                  // an unmeasured input taken as zero
	// The flags while the roll-up runs.
	flagBlocked  = 0x10 // a node feeding in has no value
	flagFed      = 0x20 // some node has fed in (Min, Max)
	flagOverflow = 0x40 // what was fed in passed 128 bits: the sum goes on in RollUp.wide
	flagMask     = 0x0F
)

// RollUp is the result of rolling measured values up a hierarchy: a value for
// every node that has one, measured or computed, in the fixed point the
// roll-up computed it in. [Model.RollUp] makes it.
//
// RollUp is immutable and safe for concurrent use.
type RollUp struct {
	g      *graph
	method Method
	scale  int32   // decimal places of the values
	narrow []int64 // the values, when they all fit in int64
	val    []i128  // the values, otherwise
	state  []uint8
	// wide holds, exactly, the sums of the nodes whose partial sums passed
	// 128 bits (flagOverflow): for a weighted sum, the sum itself, which
	// terms that cancel may bring back within them; for a weighted mean,
	// its numerator, Σ value·weight with the weights in millionths, which
	// the sum of the weights brings back within the inputs' range. It is
	// nil until one does.
	wide map[int32]*big.Int
}

// Equal reports whether r and o are the same roll-up, field by field as
// they show: roll-ups of the same model, by the identity value sets use
// (see [Values]: the same node IDs in the same order, whatever the links),
// by the same method, with each node measured, computed, taken as zero or
// missing alike, its value equal by value (1.0 equals 1.00, whatever
// fixed point each roll-up computed in), and the same inputs without a
// measured value ([RollUp.Unmeasured]): the same values, [RollUp.Computed],
// [RollUp.Missing] and Unmeasured, and so, decimals aside, the same JSON.
// The fixed point a roll-up computed in (its scale, int64 or 128 bits) is
// left out, as is the exact sum it kept while computing a node whose
// partial sums passed 128 bits, which the node's value holds. The zero
// RollUp equals only the zero RollUp (a roll-up has a method).
//
// It takes time linear in the model's nodes (and their IDs, for roll-ups
// of two Model objects, compared as value sets compare them).
func (r RollUp) Equal(o RollUp) bool {
	g, h := r.graph(), o.graph()
	if r.method != o.method || !sameIDs(g, h) {
		return false
	}
	for u := range int32(len(g.ids)) {
		st := r.state[u] & flagMask
		if st != o.state[u]&flagMask || st != stateMeasured && g.input(u) != h.input(u) {
			return false
		}
		if st != stateMissing && !r.sameValue(o, u) {
			return false
		}
	}
	return true
}

// sameValue reports whether r and o have equal values at position u, where
// both have one.
func (r RollUp) sameValue(o RollUp, u int32) bool {
	if r.scale == o.scale {
		return r.fixedAt(u) == o.fixedAt(u)
	}
	return r.valueAt(u).Equal(o.valueAt(u))
}

// fixedAt returns the value at position u, which has one, in units of
// 10^-scale.
func (r RollUp) fixedAt(u int32) i128 {
	if r.narrow != nil {
		return i128From(r.narrow[u])
	}
	return r.val[u]
}

// RollUp computes every node's value from the measured values: a node with a
// measured value keeps it; any other node that something feeds gets the
// method's combination of the values of the nodes that feed it (see
// [Method]); a node that nothing feeds and that has no measured value is an
// unmeasured input. A missing value is reported, never taken as zero unless
// [MissingAsZero] says so: a node fed by a node without a value has no value
// either ([RollUp.Missing] lists them, [RollUp.Unmeasured] the inputs at
// their root). A weighted mean over links that all weigh 0 has no value.
//
// The weighted sum is exact: it is computed in 128-bit fixed point with the
// value set's places plus the most decimal places the weights along any path
// of links add up to (a model whose weights are all whole numbers adds none;
// four links of weight 0.333333 up a path add 24). If those come to more
// than 38 the roll-up fails with [ErrRollUpPrecision], naming such a path; a
// value beyond the 128 bits (about 1.7·10^38 units of the last place) fails
// with [ErrRollUpOverflow], one for each node whose value is beyond them,
// in topological order ([Model.TopoOrder]), but for the nodes above one
// (which need its value). The other methods never overflow: a weighted mean,
// a min and a max lie within the values that feed them. Other errors:
// [ErrForeignValues] for a value set made by a model with other node IDs or
// another order of them (a set of any model with the same IDs in the same
// order rolls up, see [Values]), or by no model, and [ErrUnknownMethod];
// either alone is the error itself, and when both apply, both, joined with
// [errors.Join], the value set's first.
// The precision and the values are checked only once both are good.
//
// It takes one pass over the nodes in topological order and their links up,
// and allocates a fixed number of times: no decimal per node or link. (A
// weighted sum whose partial sums at a node pass 128 bits goes on, for that
// node, in a big.Int, so that terms which cancel give the value that fits;
// so does a weighted mean's numerator, Σ weight·value, which the sum of the
// weights then divides.)
func (m Model) RollUp(vals *Values, method Method, opts ...RollUpOption) (RollUp, error) {
	var o rollUpOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	g := m.graph()
	if foreign := vals == nil || !vals.sameModel(g); foreign || !method.IsValid() {
		var errVals, errMethod *outcome.Error
		if foreign {
			errVals = foreignError(vals)
		}
		if !method.IsValid() {
			errMethod = newError(ErrUnknownMethod, nil, "hierarchy: unknown roll-up method %d", uint8(method))
		}
		return RollUp{}, msg.Join(errVals, errMethod)
	}
	scale := vals.places
	if method == WeightedSum {
		if vals.places+g.placesGrowth() > maxScale {
			return RollUp{}, g.precisionError(vals.places)
		}
		scale += g.placesGrowth()
	}
	r := RollUp{g: g, method: method, scale: scale, state: make([]uint8, len(g.ids))}
	grow := scale - vals.places
	if method != WeightedMean && grow <= 18 {
		// Most roll-ups fit in int64: try that first, and start again
		// in 128 bits if anything overflows.
		r.narrow = make([]int64, len(g.ids))
		if r.runNarrow(vals, pow10u(grow), o.missingAsZero) {
			return r, nil
		}
		r.narrow = nil
		clear(r.state)
	}
	r.val = make([]i128, len(g.ids))
	var wsum []u128
	if method == WeightedMean {
		wsum = make([]u128, len(g.ids))
	}
	if err := r.run(vals, grow, wsum, o.missingAsZero); err != nil {
		return RollUp{}, err
	}
	return r, nil
}

// runNarrow computes the values of a weighted sum, a min or a max in int64,
// as run does in 128 bits; it reports false if a value overflows.
func (r *RollUp) runNarrow(vals *Values, up uint64, missingAsZero bool) bool {
	g, val, state, weights := r.g, r.narrow, r.state, r.g.weights
	sum := r.method == WeightedSum
	for _, u := range g.order {
		f := state[u]
		var v int64
		switch {
		case vals.isSet(u):
			var ok bool
			if v, ok = mul64(vals.v[u], up); !ok {
				return false
			}
			f = stateMeasured
		case g.input(u):
			if !missingAsZero {
				r.block(u)
				continue
			}
			f = stateZero
		case f&flagBlocked != 0:
			r.block(u)
			continue
		default:
			v = val[u]
			if sum && weights != nil {
				v /= weightScale // exact: see finish
			}
			f = stateComputed
		}
		val[u] = v
		state[u] = f
		// Values go into measured nodes too, to no effect (a measured
		// node's own value replaces them): that saves a test per link. An
		// overflow there only sends the roll-up to 128 bits, which tests.
		lo, hi := g.outOff[u], g.outOff[u+1]
		switch {
		case !sum:
			for _, t := range g.outTgt[lo:hi] {
				if state[t]&flagFed == 0 || r.method == Min && v < val[t] || r.method == Max && v > val[t] {
					val[t] = v
				}
				state[t] |= flagFed
			}
		case weights == nil:
			for _, t := range g.outTgt[lo:hi] {
				acc := val[t]
				s := acc + v
				if (acc^s)&(v^s) < 0 { // the sum's sign differs from both terms'
					return false
				}
				val[t] = s
			}
		default:
			ws := weights[lo:hi]
			for i, t := range g.outTgt[lo:hi] {
				x, ok := mul64(v, uint64(ws[i]))
				acc := val[t]
				s := acc + x
				if !ok || (acc^s)&(x^s) < 0 {
					return false
				}
				val[t] = s
			}
		}
	}
	return true
}

// mul64 returns v*w for w >= 0, and whether it fits in an int64.
func mul64(v int64, w uint64) (int64, bool) {
	if v >= 0 {
		hi, lo := bits.Mul64(uint64(v), w)
		return int64(lo), hi == 0 && lo <= 1<<63-1
	}
	neg := v < 0
	a := uint64(v)
	if neg {
		a = -a
	}
	hi, lo := bits.Mul64(a, w)
	if hi != 0 || lo > 1<<63-1 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}

// run computes the values, in topological order: each node, once its value
// is known, feeds it to the nodes above it. grow is the weighted sum's
// scale less the value set's.
func (r *RollUp) run(vals *Values, grow int32, wsum []u128, missingAsZero bool) error {
	g, val, state := r.g, r.val, r.state
	var errs []error // a node beyond 128 bits, in topological order
	for _, u := range g.order {
		f := state[u]
		var v i128
		var overflow bool
		switch {
		case vals.isSet(u):
			v = i128From(vals.v[u])
			if r.method == WeightedSum {
				v, overflow = v.scaleUp(grow)
			}
			f = stateMeasured
		case g.input(u):
			if !missingAsZero {
				r.block(u)
				continue
			}
			f = stateZero
		case f&flagBlocked != 0:
			r.block(u)
			continue
		case f&flagOverflow != 0:
			if r.method == WeightedMean {
				v, overflow = quoBig(r.wide[u], wsum[u])
			} else {
				v, overflow = i128FromBig(r.wide[u])
			}
			f = stateComputed
		default:
			v, overflow = r.finish(u, wsum)
			if overflow {
				break
			}
			if r.method == WeightedMean && wsum[u] == (u128{}) {
				r.block(u)
				continue
			}
			f = stateComputed
		}
		if overflow {
			// The nodes above it have no value to report; the roll-up
			// goes on, for the other nodes beyond 128 bits.
			errs = append(errs, r.overflowError(u))
			r.block(u)
			continue
		}
		val[u] = v
		state[u] = f
		r.feed(u, v, vals, wsum)
	}
	return msg.Join(errs...)
}

// block marks u as missing and the nodes it feeds as blocked.
func (r *RollUp) block(u int32) {
	r.state[u] = stateMissing
	for _, t := range r.g.outTgt[r.g.outOff[u]:r.g.outOff[u+1]] {
		r.state[t] |= flagBlocked
	}
}

// finish returns the value of a node computed from what was fed into it.
func (r *RollUp) finish(u int32, wsum []u128) (i128, bool) {
	acc := r.val[u]
	switch {
	case r.method == WeightedMean:
		s := wsum[u]
		if s.hi == 0 && s.lo != 0 {
			q, _ := acc.quo(s.lo, true)
			return q, false
		}
		if s == (u128{}) {
			return i128{}, false
		}
		return quoBig(acc.big(), s)
	}
	return acc, false
}

// quoBig returns a/s rounded half away from zero, for a numerator of more
// than 128 bits or a divisor of more than 64 (s > 0), and whether the
// quotient does not fit. A weighted mean's always fits: it lies within the
// values that feed it.
func quoBig(a *big.Int, s u128) (i128, bool) {
	d := new(big.Int).SetUint64(s.hi)
	d.Lsh(d, 64).Or(d, new(big.Int).SetUint64(s.lo))
	q, rem := new(big.Int).QuoRem(new(big.Int).Abs(a), d, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if a.Sign() < 0 {
		q.Neg(q)
	}
	return i128FromBig(q)
}

// feed adds u's value v into the nodes it feeds that have no measured value,
// for a weighted sum or mean (a min or a max never needs 128 bits). A node
// whose sum passes 128 bits gets flagOverflow, and its sum goes on in wide.
func (r *RollUp) feed(u int32, v i128, vals *Values, wsum []u128) {
	g := r.g
	for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
		t := g.outTgt[p]
		if vals.isSet(t) {
			continue
		}
		if r.state[t]&flagOverflow != 0 {
			w := r.wide[t]
			w.Add(w, r.term(v, p))
			if wsum != nil {
				wsum[t].add(g.weight(p))
			}
			continue
		}
		acc := &r.val[t]
		old := *acc
		var overflow bool
		switch r.method {
		case WeightedSum:
			if g.weights == nil {
				*acc, overflow = acc.add(v)
				break
			}
			var x i128
			if x, overflow = v.mulWeight(g.weights[p]); !overflow {
				*acc, overflow = acc.add(x)
			}
		case WeightedMean:
			w := g.weight(p)
			var x i128
			if x, overflow = v.mul(uint64(w)); !overflow {
				*acc, overflow = acc.add(x)
			}
			wsum[t].add(w)
		}
		if overflow {
			// The sum goes on exactly, in a big.Int: an error only if t
			// turns out to have a value (a node feeding it may have none,
			// now or later in the order) and, for a weighted sum, the value
			// passes 128 bits.
			r.state[t] |= flagOverflow
			if r.wide == nil {
				r.wide = make(map[int32]*big.Int)
			}
			w := old.big()
			r.wide[t] = w.Add(w, r.term(v, p))
		}
	}
}

// term returns, exactly, what u's value v adds through link p to a weighted
// sum, v times the link's weight, or to a weighted mean's numerator, v times
// the link's weight in millionths.
func (r *RollUp) term(v i128, p int32) *big.Int {
	x := v.big()
	switch {
	case r.method == WeightedMean:
		x.Mul(x, big.NewInt(r.g.weight(p)))
	case r.g.weights != nil:
		x.Mul(x, big.NewInt(r.g.weights[p]))
		x.Quo(x, big.NewInt(weightScale)) // exact: see mulWeight
	}
	return x
}

func (r *RollUp) overflowError(u int32) *outcome.Error {
	id := r.g.ids[u]
	return newError(ErrRollUpOverflow, []string{id},
		"hierarchy: the %s at node %q is beyond 128-bit fixed point at %d decimal places", r.method, clip(id), r.scale)
}

// Method returns the roll-up's method.
func (r RollUp) Method() Method { return r.method }

// Value returns the value of the node with the given ID, measured or
// computed, and whether it has one. It fails with [ErrUnknownNode] for an ID
// the model does not hold.
func (r RollUp) Value(id string) (decimal.Decimal, bool, error) {
	g := r.graph()
	u, err := g.pos(id)
	if err != nil || r.state[u]&flagMask == stateMissing {
		return decimal.Decimal{}, false, err
	}
	return r.valueAt(u), true, nil
}

// valueAt returns the value at position u, which has one.
func (r RollUp) valueAt(u int32) decimal.Decimal { return r.fixedAt(u).decimal(r.scale) }

// Computed reports whether the node with the given ID got its value from the
// nodes feeding it (rather than from the value set, or not at all). It fails
// with [ErrUnknownNode] for an ID the model does not hold.
func (r RollUp) Computed(id string) (bool, error) {
	g := r.graph()
	u, err := g.pos(id)
	if err != nil {
		return false, err
	}
	return r.state[u]&flagMask == stateComputed, nil
}

// Missing returns the IDs of the nodes without a value, sorted.
func (r RollUp) Missing() []string {
	g := r.graph()
	var out []string
	for u := range int32(len(g.ids)) {
		if r.state[u]&flagMask == stateMissing {
			out = append(out, g.ids[u])
		}
	}
	slices.Sort(out)
	return out
}

// Unmeasured returns the IDs of the inputs without a measured value, sorted:
// the nodes nothing feeds that the value set has no value for. Without
// [MissingAsZero] they have no value, and neither has anything above them
// that needs them; with it, they count as zero.
func (r RollUp) Unmeasured() []string {
	g := r.graph()
	var out []string
	for u := range int32(len(g.ids)) {
		if g.input(u) && r.state[u]&flagMask != stateMeasured {
			out = append(out, g.ids[u])
		}
	}
	slices.Sort(out)
	return out
}

func (r RollUp) graph() *graph {
	if r.g == nil {
		return &graph{}
	}
	return r.g
}

// rollUpJSON is the JSON form of a [RollUp].
type rollUpJSON struct {
	Method     Method        `json:"method"`
	Values     []rollUpValue `json:"values"`
	Missing    []string      `json:"missing,omitempty"`
	Unmeasured []string      `json:"unmeasured,omitempty"`
}

// rollUpValue is one node's value in the JSON form of a [RollUp]: the value
// as a decimal string, whatever decimal.MarshalJSONWithoutQuotes says, and
// where it came from: computed, unmeasured (an input taken as zero), or
// neither (measured).
type rollUpValue struct {
	ID         string `json:"id"`
	Value      string `json:"value"`
	Computed   bool   `json:"computed,omitempty"`
	Unmeasured bool   `json:"unmeasured,omitempty"`
}

// MarshalJSON implements [json.Marshaler], for storing and showing a
// roll-up: its method; the value of every node that has one, in the order
// the nodes were added, each marked "computed" if it was computed from the
// nodes feeding it, "unmeasured" if it is an input without a measured value
// that [MissingAsZero] took as zero, and neither if it was measured; and the
// IDs of the nodes without a value and of the inputs without a measured
// value ([RollUp.Missing], [RollUp.Unmeasured]), sorted. Values are decimal
// strings, whatever decimal's MarshalJSONWithoutQuotes says. For example:
//
//	{"method":"weighted-sum",
//	 "values":[{"id":"answer-call","value":"1200.5"},{"id":"handle-enquiry","value":"2000.75","computed":true}],
//	 "missing":["monitor-queues","update-wallboard"],"unmeasured":["update-wallboard"]}
//
// and with [MissingAsZero], the unmeasured input's entry:
//
//	{"id":"update-wallboard","value":"0","unmeasured":true}
//
// The zero RollUp is an error with code [ErrUnknownMethod]. A roll-up is
// computed from a model, so its JSON is a report, not read back (see
// [RollUp.UnmarshalJSON]).
func (r RollUp) MarshalJSON() ([]byte, error) {
	g := r.graph()
	out := rollUpJSON{Method: r.method, Values: make([]rollUpValue, 0, len(g.ids)),
		Missing: r.Missing(), Unmeasured: r.Unmeasured()}
	for u, id := range g.ids {
		st := r.state[u] & flagMask
		if st == stateMissing {
			continue
		}
		out.Values = append(out.Values, rollUpValue{ID: id, Value: decfmt.String(r.valueAt(int32(u))),
			Computed: st == stateComputed, Unmeasured: st == stateZero})
	}
	return json.Marshal(out)
}

// UnmarshalJSON implements [json.Unmarshaler] only to refuse: a RollUp is
// computed from a model and its values ([Model.RollUp]), and its JSON is a
// report of the result, which cannot be read back into one. It returns an
// error with code [outcome.ErrResultNotDecodable] and leaves r as it was, so that
// decoding a stored roll-up into a RollUp fails at once rather than leaving
// the zero RollUp. Decode a stored report into a type of your own, or
// compute the roll-up again.
func (r *RollUp) UnmarshalJSON([]byte) error {
	return newError(outcome.ErrResultNotDecodable, nil,
		"hierarchy: a RollUp is computed from a model (Model.RollUp); its JSON is a report, not read back")
}
