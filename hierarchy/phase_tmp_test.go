package hierarchy

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"time"
)

func TestPhasesTmp(t *testing.T) {
	d := genBench(1)
	bl := d.builder()
	if os.Getenv("AT") != "" {
		bl = d.builderAt()
	}
	var names []string
	times := map[string][]time.Duration{}
	var totals []time.Duration
	for range 15 {
		last := time.Now()
		start := last
		tick = func(name string) {
			now := time.Now()
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
			times[name] = append(times[name], now.Sub(last))
			last = now
		}
		if _, err := bl.Build(); err != nil {
			t.Fatal(err)
		}
		tick("end")
		totals = append(totals, time.Since(start))
	}
	tick = func(string) {}
	t0 := time.Now()
	for range 15 {
		bareKahn(len(d.nodes), d.src, d.dst)
	}
	var ks []time.Duration
	for range 15 {
		t0 = time.Now()
		bareKahn(len(d.nodes), d.src, d.dst)
		ks = append(ks, time.Since(t0))
	}
	min := func(xs []time.Duration) float64 { return float64(slices.Min(xs).Nanoseconds()) / 1e6 }
	med := func(xs []time.Duration) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return float64(s[len(s)/2].Nanoseconds()) / 1e6
	}
	out := fmt.Sprintf("%-9s %7s %7s (ns/node)\n", "phase", "min", "median")
	sum := 0.0
	for _, n := range names {
		out += fmt.Sprintf("%-9s %7.1f %7.1f\n", n, min(times[n]), med(times[n]))
		sum += min(times[n])
	}
	out += fmt.Sprintf("%-9s %7.1f %7.1f   sum of mins %.1f\n", "TOTAL", min(totals), med(totals), sum)
	out += fmt.Sprintf("%-9s %7.1f %7.1f\n", "bareKahn", min(ks), med(ks))
	t.Log("\n" + out)
}
