package outcome_test

import (
	"errors"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// The tally benchmarks count 10,000,000 NPS answers (0-10) and compare, in the
// same run:
//
//   - TallyNPS on an []int8 and on an []int (the fast kernel);
//   - the naive loop: one [11]int64 histogram, a range check and one
//     increment per answer;
//   - the floor: a loop that only sums the same slice, the memory-bandwidth
//     bound of any tally (reported as bytes per second through b.SetBytes).
//
// Each reports ns/score with b.ReportMetric. Run them with
//
//	go test -run='^$' -bench='TallyNPS|NaiveTally|FloorSum|TallyCSAT|TallyCES' -benchmem -count=6 ./outcome | tee new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest new.txt

const benchScores = 10_000_000

// benchAnswers returns n answers drawn like a real NPS survey: mostly 7-10,
// with a long tail of detractors, from a fixed seed.
func benchAnswers(n int) []int8 {
	r := rand.New(rand.NewPCG(1, 2))
	weights := [11]int{2, 1, 1, 2, 2, 5, 7, 14, 20, 22, 24} // percent of answers 0..10
	var cum [11]int
	sum := 0
	for i, w := range weights {
		sum += w
		cum[i] = sum
	}
	out := make([]int8, n)
	for i := range out {
		x := r.IntN(sum)
		s := 0
		for cum[s] <= x {
			s++
		}
		out[i] = int8(s)
	}
	return out
}

// The benchmark data, built on first use so that plain test runs do not pay
// for it.
var (
	benchInt8 = sync.OnceValue(func() []int8 { return benchAnswers(benchScores) })
	benchInt  = sync.OnceValue(func() []int {
		out := make([]int, benchScores)
		for i, s := range benchInt8() {
			out[i] = int(s)
		}
		return out
	})
)

// errNaive is the naive loop's error for an answer off the scale.
var errNaive = errors.New("score out of range")

// naiveTallyInt8 is the naive loop on an []int8: one [11]int64 histogram,
// one range check and one increment per answer.
func naiveTallyInt8(scores []int8) ([11]int64, error) {
	var h [11]int64
	for _, s := range scores {
		if s < 0 || s > 10 {
			return h, errNaive
		}
		h[s]++
	}
	return h, nil
}

// naiveTallyInt is the naive loop on an []int.
func naiveTallyInt(scores []int) ([11]int64, error) {
	var h [11]int64
	for _, s := range scores {
		if s < 0 || s > 10 {
			return h, errNaive
		}
		h[s]++
	}
	return h, nil
}

func reportPerScore(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/score")
}

func BenchmarkTallyNPS_int8(b *testing.B) {
	scores := benchInt8()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores)))
	for b.Loop() {
		if _, err := outcome.TallyNPS(outcome.StandardNPSBands(), scores); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(scores))
}

func BenchmarkTallyNPS_int(b *testing.B) {
	scores := benchInt()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores) * 8))
	for b.Loop() {
		if _, err := outcome.TallyNPS(outcome.StandardNPSBands(), scores); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(scores))
}

func BenchmarkNaiveTally_int8(b *testing.B) {
	scores := benchInt8()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores)))
	for b.Loop() {
		if _, err := naiveTallyInt8(scores); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(scores))
}

func BenchmarkNaiveTally_int(b *testing.B) {
	scores := benchInt()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores) * 8))
	for b.Loop() {
		if _, err := naiveTallyInt(scores); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(scores))
}

// floorWord returns eight answers as one little-endian word; the compiler
// merges the eight loads into one 64-bit load, without package unsafe.
func floorWord(a *[8]int8) uint64 {
	return uint64(uint8(a[0])) | uint64(uint8(a[1]))<<8 | uint64(uint8(a[2]))<<16 | uint64(uint8(a[3]))<<24 |
		uint64(uint8(a[4]))<<32 | uint64(uint8(a[5]))<<40 | uint64(uint8(a[6]))<<48 | uint64(uint8(a[7]))<<56
}

// sumInt8 is the floor: it reads every answer, adds it up and does nothing
// else, eight bytes at a time (SWAR, each byte summed as unsigned, which is
// its value for answers 0..10). No tally can go faster than reading its input.
func sumInt8(scores []int8) uint64 {
	b := scores
	const even = 0x00FF00FF00FF00FF
	var total uint64
	for len(b) >= 32 {
		// 16-bit lanes: 64 steps of 4 words add at most 64*4*255 = 65280.
		n := min(len(b)/32, 64) * 32
		chunk := b[:n]
		b = b[n:]
		var s0, s1 uint64
		for i := 0; i+32 <= len(chunk); i += 32 {
			a := (*[32]int8)(chunk[i : i+32])
			w0 := floorWord((*[8]int8)(a[0:8]))
			w1 := floorWord((*[8]int8)(a[8:16]))
			w2 := floorWord((*[8]int8)(a[16:24]))
			w3 := floorWord((*[8]int8)(a[24:32]))
			s0 += w0&even + w1&even + w2&even + w3&even
			s1 += w0>>8&even + w1>>8&even + w2>>8&even + w3>>8&even
		}
		total += s0*0x0001000100010001>>48 + s1*0x0001000100010001>>48
	}
	for _, c := range b {
		total += uint64(uint8(c))
	}
	return total
}

func sumInt(scores []int) int {
	var s0, s1, s2, s3 int
	i := 0
	for ; i+4 <= len(scores); i += 4 {
		q := scores[i : i+4 : i+4]
		s0 += q[0]
		s1 += q[1]
		s2 += q[2]
		s3 += q[3]
	}
	for ; i < len(scores); i++ {
		s0 += scores[i]
	}
	return s0 + s1 + s2 + s3
}

var surveySink int64

func BenchmarkFloorSum_int8(b *testing.B) {
	scores := benchInt8()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores)))
	for b.Loop() {
		surveySink += int64(sumInt8(scores))
	}
	reportPerScore(b, len(scores))
}

func BenchmarkFloorSum_int(b *testing.B) {
	scores := benchInt()
	b.ReportAllocs()
	b.SetBytes(int64(len(scores) * 8))
	for b.Loop() {
		surveySink += int64(sumInt(scores))
	}
	reportPerScore(b, len(scores))
}

// BenchmarkTallyInCache runs the tally, the naive loop and the floor on the
// first 32,768 scores of the same data (32 KiB as []int8, 256 KiB as []int),
// which stay in the CPU's caches from one iteration to the next: there the
// memory bandwidth does not bound them, so the ratio of the tally to the
// naive loop is the kernel's own. Compare with the 10,000,000-score runs,
// where the []int tally's 80 MB must come from memory.
func BenchmarkTallyInCache(b *testing.B) {
	const n = 32_768
	s8, s := benchInt8()[:n], benchInt()[:n]
	bands := outcome.StandardNPSBands()
	run := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
			reportPerScore(b, n)
		})
	}
	run("int8/tally", func() { _, _ = outcome.TallyNPS(bands, s8) })
	run("int8/naive", func() { _, _ = naiveTallyInt8(s8) })
	run("int8/floor", func() { surveySink += int64(sumInt8(s8)) })
	run("int/tally", func() { _, _ = outcome.TallyNPS(bands, s) })
	run("int/naive", func() { _, _ = naiveTallyInt(s) })
	run("int/floor", func() { surveySink += int64(sumInt(s)) })
}

// TestSurveyBenchHelpers checks that the benchmarks' naive loops and floors count
// and sum correctly, so that they are fair baselines: on 0..10 repeated,
// each answer occurs once per 11, and the sum of 0..10 is 55.
func TestSurveyBenchHelpers(t *testing.T) {
	s8 := make([]int8, 11*100+3) // the tail exercises the floors' remainder loops
	for i := range s8 {
		s8[i] = int8(i % 11)
	}
	s := make([]int, len(s8))
	for i, v := range s8 {
		s[i] = int(v)
	}
	h8, err := naiveTallyInt8(s8)
	if err != nil || h8[10] != 100 || h8[0] != 101 {
		t.Fatalf("naive int8: %v %v", h8, err)
	}
	h, err := naiveTallyInt(s)
	if err != nil || h != h8 {
		t.Fatalf("naive int: %v %v", h, err)
	}
	if got := sumInt8(s8); got != 55*100+0+1+2 {
		t.Fatalf("floor int8: %d", got)
	}
	if got := sumInt(s); got != 55*100+0+1+2 {
		t.Fatalf("floor int: %d", got)
	}
	if _, err := naiveTallyInt8([]int8{3, 11}); err == nil {
		t.Fatal("naive int8 took 11")
	}
	if _, err := naiveTallyInt([]int{-1}); err == nil {
		t.Fatal("naive int took -1")
	}
}

// benchTallies returns n small NPS tallies, as shards of a big survey.
func benchTallies(n int) []outcome.NPSTally {
	r := rand.New(rand.NewPCG(3, 4))
	out := make([]outcome.NPSTally, n)
	for i := range out {
		t, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), r.Int64N(100), r.Int64N(100), r.Int64N(100))
		if err != nil {
			panic(err)
		}
		out[i] = t
	}
	return out
}

// BenchmarkMergeNPS merges 1,000,000 tallies into one; it reports ns per
// merge.
func BenchmarkMergeNPS(b *testing.B) {
	shards := benchTallies(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		var total outcome.NPSTally
		for _, s := range shards {
			var err error
			if total, err = total.Merge(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(shards)), "ns/merge")
}

// BenchmarkMergeCSAT merges 1,000,000 CSAT tallies (a count per point).
func BenchmarkMergeCSAT(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	shards := make([]outcome.CSATTally, 1_000_000)
	for i := range shards {
		t, err := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(),
			[]int64{r.Int64N(9), r.Int64N(9), r.Int64N(9), r.Int64N(9), r.Int64N(9)})
		if err != nil {
			b.Fatal(err)
		}
		shards[i] = t
	}
	b.ReportAllocs()
	for b.Loop() {
		var total outcome.CSATTally
		for _, s := range shards {
			var err error
			if total, err = total.Merge(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(shards)), "ns/merge")
}

// BenchmarkTallyCSAT_int8 and BenchmarkTallyCES_int8 count 10,000,000 answers
// with the pair kernel (two 4-bit point codes per table index).
func BenchmarkTallyCSAT_int8(b *testing.B) {
	answers := make([]int8, len(benchInt8()))
	for i, s := range benchInt8() {
		answers[i] = 1 + s%5
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(answers)))
	for b.Loop() {
		if _, err := outcome.TallyCSAT(outcome.StandardCSATScale(), answers); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(answers))
}

func BenchmarkTallyCES_int(b *testing.B) {
	answers := make([]int, len(benchInt8()))
	for i, s := range benchInt8() {
		answers[i] = 1 + int(s)%7
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(answers) * 8))
	for b.Loop() {
		if _, err := outcome.TallyCES(outcome.StandardCESScale(), answers); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(answers))
}

// BenchmarkNPSStatistics computes the score, both intervals and a two-sample
// test of two tallies: the per-dashboard cost once the answers are counted.
func BenchmarkNPSStatistics(b *testing.B) {
	q1, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 4120, 3010, 1870)
	q2, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 4310, 2950, 1740)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := q2.Score(1, outcome.RoundHalfEven); err != nil {
			b.Fatal(err)
		}
		if _, err := q2.WaldInterval(0.95); err != nil {
			b.Fatal(err)
		}
		if _, err := q2.AdjustedWaldInterval(0.95); err != nil {
			b.Fatal(err)
		}
		if _, err := q1.TestDifference(q2, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCSATInterval computes the Wilson interval of a CSAT score.
func BenchmarkCSATInterval(b *testing.B) {
	t, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{20, 30, 50, 200, 100})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Interval(0.95); err != nil {
			b.Fatal(err)
		}
	}
}
