package hierarchy

import (
	"slices"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// LineOfSight is what connects one node to the customer: the paths of links
// from it up to the successful customer outcomes it serves. [Model.LineOfSight]
// finds them.
type LineOfSight struct {
	// From is the ID of the node the paths start from.
	From string `json:"from"`
	// Paths holds each path as the IDs along it, From first and a
	// successful customer outcome last. A customer outcome's own line of
	// sight starts with the path of just itself. A node with no path (an
	// orphan) has an empty, non-nil list, as it reads back from its JSON,
	// "paths":[].
	Paths [][]string `json:"paths"`
	// Complete reports whether Paths holds every path; it is false when the
	// caller's limit cut the list short.
	Complete bool `json:"complete"`
}

// Equal reports whether l and o are the same line of sight, field by
// field: the same From, alike complete, and the same paths in the same
// order, each the same IDs in the same order. No paths, nil or empty, are
// equal ([LineOfSight.MarshalJSON] writes both []), and so are a nil path
// and an empty one.
func (l LineOfSight) Equal(o LineOfSight) bool {
	return l.From == o.From && l.Complete == o.Complete && slices.EqualFunc(l.Paths, o.Paths, slices.Equal)
}

// LineOfSight returns the paths from the node with the given ID up to the
// successful customer outcomes it serves, at most limit of them (paths can be
// exponential in number). It fails with [ErrUnknownNode] for an unknown ID
// and [ErrInvalidLimit] for a limit below 1 (either alone is the error
// itself); when both apply, with both, joined with [errors.Join], the
// ID's first.
//
// The paths come depth first, each node's links up taken in the order they
// were added, so the first path follows the first links. A path ends at every
// successful customer outcome it meets: when one customer outcome feeds
// another, the path to the first is listed, then its continuation. Only links
// to nodes that reach a customer outcome are followed, so the time taken is
// proportional to the paths returned (times their length), not to the
// hierarchy's size. An orphan has no paths: an empty, non-nil list.
func (m Model) LineOfSight(id string, limit int) (LineOfSight, error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil || limit < 1 {
		var bad *outcome.Error
		if limit < 1 {
			bad = newError(ErrInvalidLimit, []string{id},
				"hierarchy: the limit on the paths from %q is %d; it must be at least 1", clip(id), limit)
		}
		return LineOfSight{}, msg.Join(err, bad)
	}
	los := LineOfSight{From: id, Paths: [][]string{}, Complete: true} // [][]string{} does not allocate
	if !g.aligned(v) {
		return los, nil
	}
	// path holds the nodes of the current path; next[i] the position in
	// outTgt of the next link to try from path[i].
	path := []int32{v}
	next := []int32{g.outOff[v]}
	emit := true // whether the last node of path has not been emitted yet
	for len(path) > 0 {
		top := len(path) - 1
		u := path[top]
		if emit {
			emit = false
			if g.levels[u] == outcome.CustomerOutcome {
				if len(los.Paths) == limit {
					los.Complete = false
					break
				}
				ids := make([]string, len(path))
				for i, w := range path {
					ids[i] = g.ids[w]
				}
				los.Paths = append(los.Paths, ids)
			}
		}
		p := next[top]
		for p < g.outOff[u+1] && !g.aligned(g.outTgt[p]) {
			p++
		}
		if p == g.outOff[u+1] {
			path, next = path[:top], next[:top]
			continue
		}
		next[top] = p + 1
		w := g.outTgt[p]
		path = append(path, w)
		next = append(next, g.outOff[w])
		emit = true
	}
	return los, nil
}

// Contributors is everything that serves one node: the nodes that contribute
// to it, directly or through others, by level. [Model.Contributors] finds
// them; for a successful customer outcome, they are all the work that
// delivers it and, at level [outcome.CustomerOutcome], the other customer
// outcomes that feed it.
type Contributors struct {
	// To is the ID of the node served.
	To string `json:"to"`
	// Levels holds the contributors level by level, Task first; only levels
	// with contributors appear. A node with no contributors has an empty,
	// non-nil list, as it reads back from its JSON, "levels":[].
	Levels []LevelIDs `json:"levels"`
}

// Equal reports whether c and o are the same contributors, field by field:
// the same To, and the same levels in the same order, each by
// [LevelIDs.Equal]. No levels, nil or empty, are equal:
// [Contributors.MarshalJSON] writes both [].
func (c Contributors) Equal(o Contributors) bool {
	return c.To == o.To && slices.EqualFunc(c.Levels, o.Levels, LevelIDs.Equal)
}

// LevelIDs is a set of nodes of one level.
type LevelIDs struct {
	// Level is the nodes' level.
	Level outcome.Level `json:"level"`
	// IDs are the nodes' IDs, sorted.
	IDs []string `json:"ids"`
}

// Equal reports whether s and o are the same level's IDs, field by field:
// the same level and the same IDs in the same order. No IDs, nil or empty,
// are equal: [LevelIDs.MarshalJSON] writes both [].
func (s LevelIDs) Equal(o LevelIDs) bool { return s.Level == o.Level && slices.Equal(s.IDs, o.IDs) }

// At returns the IDs of the contributors at the given level, sorted, or nil.
func (c Contributors) At(l outcome.Level) []string {
	for _, s := range c.Levels {
		if s.Level == l {
			return s.IDs
		}
	}
	return nil
}

// Len returns the number of contributors.
func (c Contributors) Len() int {
	n := 0
	for _, s := range c.Levels {
		n += len(s.IDs)
	}
	return n
}

// Contributors returns everything that serves the node with the given ID:
// every node that contributes to it, directly or through others, grouped by
// level and sorted by ID. It fails with [ErrUnknownNode] for an unknown ID.
func (m Model) Contributors(id string) (Contributors, error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return Contributors{}, err
	}
	found := g.bfs(g.inOff, g.inSrc, v)
	// Bucket by level, in one slice.
	var count [int(outcome.CustomerOutcome) + 1]int
	for _, w := range found {
		count[g.levels[w]]++
	}
	var start [len(count) + 1]int
	for l := range count {
		start[l+1] = start[l] + count[l]
	}
	byLevel := make([]int32, len(found))
	next := start
	for _, w := range found {
		l := g.levels[w]
		byLevel[next[l]] = w
		next[l]++
	}
	c := Contributors{To: id, Levels: []LevelIDs{}} // []LevelIDs{} does not allocate
	ids := make([]string, len(found))
	for l := range count {
		group := byLevel[start[l]:start[l+1]]
		if len(group) == 0 {
			continue
		}
		g.sortIDs(group)
		out := ids[start[l]:start[l+1]:start[l+1]]
		for i, w := range group {
			out[i] = g.ids[w]
		}
		c.Levels = append(c.Levels, LevelIDs{Level: outcome.Level(l), IDs: out})
	}
	return c, nil
}
