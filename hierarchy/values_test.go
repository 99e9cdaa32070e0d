package hierarchy

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/equaltest"
)

// TestValues_Equal checks Values.Equal field by field: sets of two models
// built apart from the same definition, with 1200.50 set in one and 1200.5
// in the other, are Equal, though reflect.DeepEqual calls them different
// (each model has its own hash seed); a set read back from its JSON into
// a set of another model is Equal to it; sets that no model made are Equal
// to each other only.
func TestValues_Equal(t *testing.T) {
	m, apart := contactCentreModel(t), contactCentreModel(t)
	fresh := func() *Values {
		return values(t, m, 2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"})
	}
	same := values(t, apart, 2, map[string]string{"answer-call": "1200.5", "look-up-account": "800.250"})
	renamed := renamedCentreModel(t)
	equaltest.Check(t, equaltest.Case[*Values]{Equal: (*Values).Equal, Base: fresh,
		Twins: []equaltest.Twins[*Values]{
			{Name: "models built apart, 1200.50 and 1200.5", A: fresh(), B: same, DeepDiffers: true},
		},
		Changes: []equaltest.Change[*Values]{
			{Field: "g", What: "a model with answer-call renamed", Apply: func(s **Values) { (*s).g = renamed.g }},
			{Field: "places", What: "places = 3", Apply: func(s **Values) { (*s).places = 3 }},
			{Field: "v", What: "v[0]++", Apply: func(s **Values) { (*s).v[0]++ }},
			{Field: "has", What: "update-wallboard set, its value 0", Apply: func(s **Values) { (*s).has[0] |= 1 << 2 }},
			{Field: "n", What: "n++", Apply: func(s **Values) { (*s).n++ }},
		},
	})

	// Another model with the same IDs in the same order (its links aside)
	// holds the same set; the JSON form carries the places.
	b := builder(contactCentre())
	b.AddLink("answer-call", "update-wallboard")
	other, err := b.Build()
	require.NoError(t, err)
	data, err := json.Marshal(fresh())
	require.NoError(t, err)
	back, err := other.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, back))
	assert.True(t, fresh().Equal(back), "%s", data)
	assert.True(t, back.Equal(fresh()))
	more := fresh()
	require.NoError(t, more.Set("update-wallboard", dec("0")))
	assert.False(t, fresh().Equal(more), "a value of 0 is a value")
	assert.False(t, more.Equal(fresh()))

	// Sets of no model: nil and the zero Values.
	var none *Values
	assert.True(t, none.Equal(nil))
	assert.True(t, none.Equal(&Values{}))
	assert.True(t, (&Values{}).Equal(none))
	assert.False(t, none.Equal(fresh()))
	assert.False(t, fresh().Equal(none))
	assert.False(t, fresh().Equal(&Values{}))
}

// TestValues_everyProblem pins that Set and Merge report the problems of
// their arguments together, worked out by hand, changing nothing: Set an
// unknown ID and a value that does not fit, the ID's first; Merge a set of
// another model that keeps other places, the model's first.
func TestValues_everyProblem(t *testing.T) {
	m := contactCentreModel(t)
	s := values(t, m, 2, map[string]string{"answer-call": "1"})
	err := s.Set("ghost", dec("1.234"))
	assert.Equal(t, []problem{
		{ErrUnknownNode, []string{"ghost"}, `hierarchy: unknown node "ghost"`},
		{ErrInvalidValue, []string{"ghost"}, `hierarchy: value 1.234 of node "ghost" does not fit a value set of 2 decimal places`},
	}, problemsOf(err))
	assert.Equal(t, []problem{{ErrUnknownNode, []string{"ghost"}, `hierarchy: unknown node "ghost"`}},
		problemsOf(s.Set("ghost", dec("1.23"))))
	assert.Equal(t, []problem{{ErrInvalidValue, []string{"answer-call"},
		`hierarchy: value 1.234 of node "answer-call" does not fit a value set of 2 decimal places`}},
		problemsOf(s.Set("answer-call", dec("1.234"))))

	renamed := values(t, renamedCentreModel(t), 3, map[string]string{"answer-contact": "0.001"})
	err = s.Merge(renamed)
	assert.Equal(t, []problem{
		{ErrForeignValues, nil, "hierarchy: the values belong to another model"},
		{ErrPlacesDiffer, nil, "hierarchy: a value set of 2 decimal places cannot merge one of 3"},
	}, problemsOf(err))
	// A set no model made keeps no places to compare: its problem alone.
	assert.Equal(t, []problem{{ErrForeignValues, nil,
		"hierarchy: a value set that no model made (nil, or the zero Values) holds no values: make one with Model.NewValues"}},
		problemsOf(s.Merge(&Values{})))
	assert.Equal(t, 1, s.Len(), "nothing changed")
	assert.Equal(t, map[string]string{"answer-call": "1"}, measured(t, m, s))
}
