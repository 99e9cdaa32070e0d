package outcome_test

import (
	"errors"
	"math/rand/v2"
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
//	go test -run='^$' -bench='Tally|Floor|Naive|Merge' -benchmem -count=6 ./outcome | tee new.txt
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

var (
	benchInt8 = benchAnswers(benchScores)
	benchInt  = func() []int {
		out := make([]int, len(benchInt8))
		for i, s := range benchInt8 {
			out[i] = int(s)
		}
		return out
	}()
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
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt8)))
	for b.Loop() {
		if _, err := outcome.TallyNPS(outcome.StandardNPSBands(), benchInt8); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(benchInt8))
}

func BenchmarkTallyNPS_int(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt) * 8))
	for b.Loop() {
		if _, err := outcome.TallyNPS(outcome.StandardNPSBands(), benchInt); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(benchInt))
}

func BenchmarkNaiveTally_int8(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt8)))
	for b.Loop() {
		if _, err := naiveTallyInt8(benchInt8); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(benchInt8))
}

func BenchmarkNaiveTally_int(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt) * 8))
	for b.Loop() {
		if _, err := naiveTallyInt(benchInt); err != nil {
			b.Fatal(err)
		}
	}
	reportPerScore(b, len(benchInt))
}

// sumInt8 is the floor: it reads every answer and does nothing else.
func sumInt8(scores []int8) int64 {
	var s0, s1, s2, s3 int64
	i := 0
	for ; i+4 <= len(scores); i += 4 {
		q := scores[i : i+4 : i+4]
		s0 += int64(q[0])
		s1 += int64(q[1])
		s2 += int64(q[2])
		s3 += int64(q[3])
	}
	for ; i < len(scores); i++ {
		s0 += int64(scores[i])
	}
	return s0 + s1 + s2 + s3
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

var sink int64

func BenchmarkFloorSum_int8(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt8)))
	for b.Loop() {
		sink += sumInt8(benchInt8)
	}
	reportPerScore(b, len(benchInt8))
}

func BenchmarkFloorSum_int(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchInt) * 8))
	for b.Loop() {
		sink += int64(sumInt(benchInt))
	}
	reportPerScore(b, len(benchInt))
}
