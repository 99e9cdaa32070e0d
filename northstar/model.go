package northstar

import (
	"sync"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// FromModel returns a [hierarchy.Model] as the [Hierarchy] that [Select]
// reads: the model's own TopoOrder and Children, its nodes' levels and
// metrics, and its links' weights. Select recognises it and reads the model
// in one pass over its topological order, two over its nodes and one over
// its links, finding nodes by the model's own index of IDs (one lookup per
// node and one per link) rather than by a map of its own; LinkWeight,
// called directly, indexes the links on its first call.
func FromModel(m hierarchy.Model) Hierarchy {
	return modelHierarchy{Model: m, weights: sync.OnceValue(func() map[[2]string]decimal.Decimal {
		w := make(map[[2]string]decimal.Decimal, m.LinkCount())
		for l := range m.Links() {
			w[[2]string{l.From, l.To}] = l.Weight
		}
		return w
	})}
}

// modelHierarchy adds NodeInfo and LinkWeight to a hierarchy.Model.
type modelHierarchy struct {
	hierarchy.Model
	weights func() map[[2]string]decimal.Decimal
}

// NodeInfo returns the node's level and metric, or the model's error for
// an unknown ID.
func (m modelHierarchy) NodeInfo(id string) (outcome.Level, outcome.Metric, error) {
	n, err := m.Node(id)
	return n.Level, n.Metric, err
}

// LinkWeight returns the weight of the link from -> to.
func (m modelHierarchy) LinkWeight(from, to string) (decimal.Decimal, error) {
	w, ok := m.weights()[[2]string{from, to}]
	if !ok {
		return decimal.Zero, newError(ErrInvalidHierarchy, []string{from, to},
			"northstar: the hierarchy has no link from %q to %q", clip(from), clip(to))
	}
	return w, nil
}
