package northstar

import (
	"math"
	"math/rand/v2"
	"testing"
)

// benchSeries returns a candidate and an outcome of n periods where the
// outcome follows the candidate three periods later, with noise and a trend.
func benchSeries(n int) (x, y []float64) {
	rng := rand.New(rand.NewPCG(5, 6))
	x, y = make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = 1000 + 0.01*float64(i) + 10*math.Sin(float64(i)/7) + rng.NormFloat64()
		y[i] = 5e6 + rng.NormFloat64()*100
		if i >= 3 {
			y[i] += 400 * x[i-3]
		}
	}
	return x, y
}

// BenchmarkAnalyzeLeadLag analyses series of 10,000 points at lags up to 52
// in each direction (105 lags, about 1.05 million pairs).
func BenchmarkAnalyzeLeadLag(b *testing.B) {
	x, y := benchSeries(10_000)
	for _, method := range []Method{Pearson, Spearman} {
		b.Run(method.String()+"/n=10000/lags=52", func(b *testing.B) {
			b.ReportAllocs()
			opts := LagOptions{MaxLag: 52, Method: method}
			for b.Loop() {
				if _, err := AnalyzeLeadLag(x, y, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(105*10_000), "ns/pair")
		})
	}
}
