package hierarchy

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// Builder collects the nodes and links of a hierarchy, in any order, and
// [Builder.Build] validates them all at once and returns the [Model].
//
// Builder methods never panic and never refuse their input: whatever is wrong
// with a node or a link (an empty ID, a negative weight, a link to a node that
// is never added) is recorded and reported by Build, together with every other
// problem. Build does not consume the Builder: more nodes and links may be
// added and Build called again.
//
// The zero Builder is empty and ready to use. A Builder is not safe for
// concurrent use; the Model it builds is.
type Builder struct {
	ids      []string
	names    []string
	levels   []outcome.Level
	metricAt []int32 // positions of the nodes that have a metric, ascending
	metrics  []outcome.Metric
	// links is the number of links; from and to hold the IDs of the ends of
	// those added by ID ("" for those added by position), and stay nil
	// while every link is added by position; fromAt and toAt hold the
	// positions of the ends of those added by position (byID for those
	// added by ID), and stay nil while every link is added by ID.
	links        int
	from, to     []string
	fromAt, toAt []int32
	// linkRoom is the number of links that Grow made room for, for the
	// slices of links that do not exist yet.
	linkRoom int
	// weights holds each link's weight in millionths; it stays nil while
	// every weight is 1.
	weights []int64
	// fractional says whether a weight has decimal places: whether a
	// roll-up needs to add them up along paths (see graph.placesGrowth).
	fractional bool
	// problems are those found while adding: bad weights and bad JSON.
	problems []*outcome.Error
	// levelText holds, by node position, level text from JSON that names
	// no level, for the message.
	levelText map[int]string
	// levelUnread marks, by node position, a node from JSON whose level was
	// a value of the wrong type, which AddJSON reported: Build does not
	// report it again as a node without a valid level.
	levelUnread map[int]bool
	// unnamed says that a node from JSON had no ID that could be read (a
	// node that is not an object, an ID of the wrong type, nodes that are
	// not an array), so it was not added: Build does not report a link
	// added by ID for naming an unknown node, which may be that one.
	unnamed bool
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return new(Builder) }

// Grow makes room for at least the given numbers of further nodes and links,
// so that adding them allocates nothing more than, for the links, their room
// once: the slices that hold links by ID, or by position, are made (with that
// room) when the first link of their kind is added, so that a builder given
// links of one kind only makes no room for the other. Negative numbers count
// as zero.
func (b *Builder) Grow(nodes, links int) {
	if nodes > 0 {
		b.ids = grow(b.ids, nodes)
		b.names = grow(b.names, nodes)
		b.levels = grow(b.levels, nodes)
	}
	if links > 0 {
		b.linkRoom = max(b.linkRoom, b.links+links)
		if b.from != nil {
			b.from = grow(b.from, links)
			b.to = grow(b.to, links)
		}
		if b.fromAt != nil {
			b.fromAt = grow(b.fromAt, links)
			b.toAt = grow(b.toAt, links)
		}
		if b.weights != nil {
			b.weights = grow(b.weights, links)
		}
	}
}

// newLinks returns a slice for the links so far, set to fill, with room for
// those that Grow made room for.
func newLinks[T any](b *Builder, fill T) []T {
	s := make([]T, b.links, max(b.linkRoom, b.links+1))
	for i := range s {
		s[i] = fill
	}
	return s
}

// grow returns s with room for n more elements.
func grow[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make([]T, len(s), len(s)+n)
	copy(t, s)
	return t
}

// AddNode adds a node and returns its position: the number of nodes added
// before it, for [Builder.AddLinkAt]. Problems with the node (an empty,
// invalid or duplicate ID, an invalid level, a metric of another level) are
// reported by [Builder.Build].
func (b *Builder) AddNode(n Node) int {
	// The name is checked here, while the caller's bytes are likely still
	// in the cache, and reported by Build.
	if !utf8.ValidString(n.Name) {
		b.problems = append(b.problems, newError(outcome.ErrInvalidText, []string{n.ID},
			"hierarchy: node %q has a name that is not valid UTF-8: %q", clip(n.ID), clip(n.Name)))
	}
	if !n.Metric.IsZero() {
		b.metricAt = append(b.metricAt, int32(len(b.ids)))
		b.metrics = append(b.metrics, n.Metric)
	}
	b.ids = append(b.ids, n.ID)
	b.names = append(b.names, n.Name)
	b.levels = append(b.levels, n.Level)
	return len(b.ids) - 1
}

// AddLink adds a link of weight 1: from contributes to to. Problems with it
// (an unknown node at either end, a link to itself or down a level, a
// duplicate, a cycle) are reported by [Builder.Build].
func (b *Builder) AddLink(from, to string) {
	b.addScaled(from, to, weightScale)
}

// AddWeightedLink adds a link with the given weight: from contributes to to,
// weight times as much as through a link of weight 1. The weight must be
// non-negative, with at most [WeightPlaces] decimal places, and at most
// [MaxWeight]; a weight that is not is reported by [Builder.Build] (codes
// [ErrNegativeWeight], [ErrInvalidWeight]), as are the problems
// [Builder.AddLink] lists.
func (b *Builder) AddWeightedLink(from, to string, weight decimal.Decimal) {
	w, fault := scaleWeight(weight)
	if fault != weightOK {
		b.problems = append(b.problems, weightError(from, to, msg.Decimal(weight), fault))
	}
	b.addScaled(from, to, w)
}

// AddLinkAt adds a link of weight 1 from the node at position from to the
// node at position to, positions being what [Builder.AddNode] returns (0 for
// the first node added, 1 for the second, and so on). It does what
// [Builder.AddLink] does with the IDs of those nodes, without looking them
// up: for a caller that knows where its nodes are (a generator, rows with
// integer keys), it is the faster way to build.
//
// [Builder.Build] reports a position that holds no node with code
// [ErrDanglingLink], naming it as "#" and the position ("#7"), as well as
// the problems that AddLink lists. Links added by position and by ID may be
// mixed.
func (b *Builder) AddLinkAt(from, to int) {
	b.addScaledAt(from, to, weightScale)
}

// AddWeightedLinkAt adds a link with the given weight from the node at
// position from to the node at position to: [Builder.AddWeightedLink] by
// position, as [Builder.AddLinkAt] is [Builder.AddLink] by position. A
// problem with the weight names the link's ends by position ("#7").
func (b *Builder) AddWeightedLinkAt(from, to int, weight decimal.Decimal) {
	w, fault := scaleWeight(weight)
	if fault != weightOK {
		b.problems = append(b.problems, weightError(posName(from), posName(to), msg.Decimal(weight), fault))
	}
	b.addScaledAt(from, to, w)
}

// byID marks, in fromAt and toAt, a link added by ID; lostAt a position
// that int32 cannot hold, reported when it is added.
const (
	byID   = math.MinInt32
	lostAt = math.MinInt32 + 1
)

// posName returns how messages name the node at position p.
func posName(p int) string { return "#" + strconv.Itoa(p) }

// addScaledAt adds a link by position whose weight is w millionths.
func (b *Builder) addScaledAt(from, to int, w int64) {
	f, t := int32(lostAt), int32(lostAt)
	if from > lostAt && from <= math.MaxInt32 {
		f = int32(from)
	}
	if to > lostAt && to <= math.MaxInt32 {
		t = int32(to)
	}
	if f == lostAt || t == lostAt {
		b.problems = append(b.problems, newError(ErrDanglingLink, []string{posName(from), posName(to)},
			"hierarchy: link %q -> %q names a position that no node can have", posName(from), posName(to)))
	}
	if b.fromAt == nil {
		b.fromAt, b.toAt = newLinks[int32](b, byID), newLinks[int32](b, byID)
	}
	b.fromAt = append(b.fromAt, f)
	b.toAt = append(b.toAt, t)
	if b.from != nil {
		b.from = append(b.from, "")
		b.to = append(b.to, "")
	}
	b.addWeight(w)
}

// addScaled adds a link by ID whose weight is w millionths.
func (b *Builder) addScaled(from, to string, w int64) {
	if b.from == nil {
		b.from, b.to = newLinks(b, ""), newLinks(b, "")
	}
	b.from = append(b.from, from)
	b.to = append(b.to, to)
	if b.fromAt != nil {
		b.fromAt = append(b.fromAt, byID)
		b.toAt = append(b.toAt, byID)
	}
	b.addWeight(w)
}

// addWeight records the weight, w millionths, of the link just added, and
// counts the link.
func (b *Builder) addWeight(w int64) {
	if w != weightScale && b.weights == nil {
		b.weights = newLinks(b, weightScale)
	}
	if b.weights != nil {
		b.weights = append(b.weights, w)
	}
	if w%weightScale != 0 {
		b.fractional = true
	}
	b.links++
}

// addLinkText adds a link whose weight is decimal text, as JSON gives it,
// read and checked by [Builder.textWeight].
func (b *Builder) addLinkText(from, to, text string) {
	b.addScaled(from, to, b.textWeight(from, to, text))
}

// textWeight returns the weight in millionths of the link from -> to whose
// weight is decimal text, as JSON gives it, read by [decfmt.Parse]
// (decimal.NewFromString's syntax) with any number of digits and an
// exponent within ±[decfmt.DefaultMaxExponent], what NewFromString accepts
// under decimal's defaults, whatever decimal.MaxDecodeExponent says now;
// and records its problem, if it has one, as [Builder.AddWeightedLink]
// does: 0 for text that is not such a decimal, which is an
// [ErrInvalidWeight].
func (b *Builder) textWeight(from, to, text string) int64 {
	d, err := decfmt.Parse(text, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	if err != nil {
		if e := (*decfmt.Error)(nil); errors.As(err, &e) && e.Range {
			b.problems = append(b.problems, newError(ErrInvalidWeight, []string{from, to},
				"hierarchy: link %q -> %q has weight %q, whose exponent %s is beyond ±%d",
				clip(from), clip(to), clip(text), clip(e.Exponent), decfmt.DefaultMaxExponent))
		} else {
			b.problems = append(b.problems, newError(ErrInvalidWeight, []string{from, to},
				"hierarchy: link %q -> %q has weight %q, which is not a decimal number", clip(from), clip(to), clip(text)))
		}
		return 0
	}
	w, fault := scaleWeight(d)
	if fault != weightOK {
		b.problems = append(b.problems, weightError(from, to, msg.Decimal(d), fault))
	}
	return w
}

// weightError reports what is wrong with a link's weight.
func weightError(from, to, text string, fault weightFault) *outcome.Error {
	ids := []string{from, to}
	prefix := fmt.Sprintf("hierarchy: link %q -> %q has weight %s", clip(from), clip(to), clip(text))
	switch fault {
	case weightNegative:
		return newError(ErrNegativeWeight, ids, "%s, below zero", prefix)
	case weightTooPrecise:
		return newError(ErrInvalidWeight, ids, "%s, with more than %d decimal places", prefix, WeightPlaces)
	}
	return newError(ErrInvalidWeight, ids, "%s, above the maximum %d", prefix, MaxWeight)
}

// Option changes what [Builder.Build] treats as an error.
type Option func(*options)

type options struct {
	promoteAll bool
	promote    []outcome.Code
	errs       []*outcome.Error
}

// WarningsAsErrors makes [Builder.Build] treat the warnings with the given
// codes ([ErrOrphan], [ErrUndeliveredOutcome], [ErrSkippedLevel],
// [ErrNoOutput]) as errors: Build then fails if the model has any of them,
// and reports them with [outcome.SeverityError]. With no codes, every warning
// is an error. A code that is not one of these warnings makes Build fail with
// code [ErrUnknownWarning]. The Option keeps a copy of codes: changing the
// caller's slice afterwards changes nothing.
//
// Warnings are checked once the hierarchy is otherwise valid: while Build
// reports structural errors (a cycle, a dangling link), it does not report
// warnings. A code that is not a warning's does not stop them: Build
// reports it together with the warnings the other codes make errors.
func WarningsAsErrors(codes ...outcome.Code) Option {
	codes = slices.Clone(codes)
	return func(o *options) {
		if len(codes) == 0 {
			o.promoteAll = true
			return
		}
		for _, c := range codes {
			if !isWarning(c) {
				o.errs = append(o.errs, newError(ErrUnknownWarning, nil,
					"hierarchy: %q is not the code of a hierarchy warning", clip(string(c))))
				continue
			}
			o.promote = append(o.promote, c)
		}
	}
}

// promotes reports whether the options make warnings with code c errors.
func (o *options) promotes(c outcome.Code) bool {
	if o.promoteAll {
		return true
	}
	for _, p := range o.promote {
		if p == c {
			return true
		}
	}
	return false
}
