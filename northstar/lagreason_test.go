package northstar

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLagReason_severalOutcomes: a candidate that follows several business
// outcomes names them all, in the evidence's order, joined as English
// joins them, under "business outcomes" (plural); one that leads is left
// out. The series are those of leadInput: rev[i] = nb[i-1], so nb follows
// nothing and leads rev; rep[i] = rev[i-2], so rep follows rev by 2 and nb
// by 3.
func TestLagReason_severalOutcomes(t *testing.T) {
	nb := []float64{3, 5, 4, 6, 5, 8, 7, 9, 8, 10, 9, 12}
	rev := append([]float64{4}, nb[:11]...)
	rep := append([]float64{2, 1}, rev[:10]...)
	analyse := func(x, y []float64) LeadLag {
		t.Helper()
		l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 3})
		require.NoError(t, err)
		return l
	}
	followsRev, followsNB, leadsRev := analyse(rep, rev), analyse(rep, nb), analyse(nb, rev)
	require.Equal(t, Lags, followsRev.Verdict())
	require.Equal(t, -2, followsRev.Best().Lag)
	require.Equal(t, Lags, followsNB.Verdict())
	require.Equal(t, -3, followsNB.Best().Lag)
	require.Equal(t, Leads, leadsRev.Verdict())

	const leadsNone = ", and leads no business outcome in the direction of improvement: " + reasonLags
	assert.Equal(t, "its series follows business outcome revenue by 2 periods"+leadsNone,
		lagReason([]Evidence{{Outcome: "revenue", LeadLag: followsRev}, {Outcome: "cost", LeadLag: leadsRev}}))
	assert.Equal(t, "its series follows business outcomes revenue by 2 periods and bookings by 3 periods"+leadsNone,
		lagReason([]Evidence{{Outcome: "revenue", LeadLag: followsRev}, {Outcome: "bookings", LeadLag: followsNB}}))
	assert.Equal(t, "its series follows business outcomes bookings by 3 periods, revenue by 2 periods and margin by 2 periods"+leadsNone,
		lagReason([]Evidence{{Outcome: "bookings", LeadLag: followsNB}, {Outcome: "cost", LeadLag: leadsRev},
			{Outcome: "revenue", LeadLag: followsRev}, {Outcome: "margin", LeadLag: followsRev}}))
}
