package render_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// benchModel generates a layered hierarchy of about n nodes: 60% tasks, 30%
// activities, 9% outputs, 0.9% business outcomes and 0.1% customer
// outcomes (at least one of each); every node below the customer outcomes
// has two links to random nodes of the level above, a quarter of them with
// weight 0.5; 1% of each level forms a separate region whose business
// outcomes link to no customer outcome: the orphans.
func benchModel(n int) hierarchy.Model {
	rng := rand.New(rand.NewPCG(1, 2))
	shares := [5]int{600, 300, 90, 9, 1}
	var start [6]int
	for l, s := range shares {
		start[l+1] = start[l] + max(n*s/1000, 1)
	}
	b := hierarchy.NewBuilder()
	total := start[5]
	b.Grow(total, 2*total)
	id := func(i int) string { return fmt.Sprintf("n%07d", i) }
	for l := range 5 {
		for i := start[l]; i < start[l+1]; i++ {
			b.AddNode(hierarchy.Node{ID: id(i), Name: fmt.Sprintf("Node %d", i), Level: outcome.Level(l + 1)})
		}
	}
	half := decimal.RequireFromString("0.5")
	for l := range 4 {
		size, above := start[l+1]-start[l], start[l+2]-start[l+1]
		orphans, aboveOrphans := size/100, above/100
		if l == 3 {
			aboveOrphans = 0 // no customer outcome is orphaned
		}
		for i := start[l]; i < start[l+1]; i++ {
			// The targets: the orphans' region above, or the rest.
			lo, span := start[l+1], above-aboveOrphans
			if i >= start[l+1]-orphans {
				if aboveOrphans == 0 {
					continue // an orphaned business outcome links to nothing
				}
				lo, span = start[l+2]-aboveOrphans, aboveOrphans
			}
			first := rng.IntN(span)
			targets := []int{lo + first}
			if span > 1 {
				targets = append(targets, lo+(first+1+rng.IntN(span-1))%span)
			}
			for _, j := range targets {
				if rng.IntN(4) == 0 {
					b.AddWeightedLink(id(i), id(j), half)
				} else {
					b.AddLink(id(i), id(j))
				}
			}
		}
	}
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}
