package cxtest

import (
	"fmt"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// benchModel builds a hierarchy of about n nodes: n/2 tasks feeding n/20
// activities, each feeding one output; the outputs of the even activities
// feed a business outcome and the customer outcome, the odd ones nothing,
// so that half the work is orphaned.
func benchModel(b *testing.B, n int) hierarchy.Model {
	b.Helper()
	bld := hierarchy.NewBuilder()
	acts := n / 20
	bld.Grow(n/2+2*acts+2, n/2+acts+acts/2+2)
	bld.AddNode(hierarchy.Node{ID: "sco", Level: outcome.CustomerOutcome})
	bld.AddNode(hierarchy.Node{ID: "bo", Level: outcome.BusinessOutcome})
	bld.AddLink("bo", "sco")
	for a := range acts {
		act, out := fmt.Sprintf("a%07d", a), fmt.Sprintf("o%07d", a)
		bld.AddNode(hierarchy.Node{ID: act, Level: outcome.Activity})
		bld.AddNode(hierarchy.Node{ID: out, Level: outcome.Output})
		bld.AddLink(act, out)
		if a%2 == 0 {
			bld.AddLink(out, "bo")
		}
	}
	for i := range n / 2 {
		task := fmt.Sprintf("t%07d", i)
		bld.AddNode(hierarchy.Node{ID: task, Level: outcome.Task})
		bld.AddLink(task, fmt.Sprintf("a%07d", i%acts))
	}
	m, err := bld.Build()
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// discardT is a TestingT that drops what it is told.
type discardT struct{}

func (discardT) Errorf(string, ...any) {}

// BenchmarkAssertAligned measures a failing alignment assertion on large
// models: the work is linear in the model, and the report names ten orphans
// whatever the size.
func BenchmarkAssertAligned(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		m := benchModel(b, n)
		b.Run(fmt.Sprintf("nodes=%d", m.Len()), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if AssertAligned(discardT{}, m) {
					b.Fatal("the model is aligned")
				}
			}
		})
	}
}
