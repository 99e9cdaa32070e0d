package hierarchy

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGrowthFirstUseConcurrent checks that the weights' growth, which a
// model finds when a roll-up first needs it, is found once and the same for
// every goroutine when several roll up and attribute at once on a new
// model (run with -race): the contact centre's weights 0.4 and 0.6 add one
// place along a path (first-time-response -> cost-to-serve or revenue; the
// other links weigh 1).
func TestGrowthFirstUseConcurrent(t *testing.T) {
	for range 20 {
		m := contactCentreModel(t)
		vals := values(t, m, 2, taskCosts)
		var wg sync.WaitGroup
		results := make([]string, 8)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					r, err := m.RollUp(vals, WeightedSum)
					if err == nil {
						v, _, _ := r.Value("solved-first-contact")
						results[i] = v.String()
					}
					return
				}
				a, err := m.Attribute("solved-first-contact", vals, vals)
				if err == nil {
					results[i] = a.After.String()
				}
			}()
		}
		wg.Wait()
		for i, r := range results {
			require.NotEmpty(t, r, "goroutine %d", i)
		}
		assert.Equal(t, int32(1), m.graph().placesGrowth())
	}
}

// TestGrowthWholeWeights checks that a model whose weights are whole numbers
// knows its growth, 0, without a pass over its links: it has no order to
// pass over in the zero graph, and weights of 2 add no places.
func TestGrowthWholeWeights(t *testing.T) {
	assert.Equal(t, int32(0), (&graph{}).placesGrowth())
	m := mustBuild(t, []Node{node("t", T), node("a", A)}, []edge{{"t", "a", "2"}})
	assert.False(t, m.graph().fractional)
	assert.Equal(t, int32(0), m.graph().placesGrowth())
}
