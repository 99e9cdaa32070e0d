package hierarchy

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// The contact centre's costs of answering calls and looking up accounts, its
// first two nodes, at 2 places, as the doc comment of MarshalBinary works
// them out: 120050 cents, zig-zag 240100 = 14·128² + 83·128 + 100, so the
// varint E4 D3 0E (100+128, 83+128, 14); 80025 cents, zig-zag 160050 =
// 9·128² + 98·128 + 50, so B2 E2 09.
func TestValuesBinary(t *testing.T) {
	m := contactCentreModel(t)
	s := values(t, m, 2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"})
	data, err := s.MarshalBinary()
	require.NoError(t, err)
	require.Len(t, data, 20)
	assert.Equal(t, []byte{0x30, 0x02, 0x0C}, data[:3], "format, places, nodes")
	assert.Equal(t, []byte{0x02, 0x00, 0xE4, 0xD3, 0x0E, 0x00, 0xB2, 0xE2, 0x09}, data[11:], "two values, each after a gap of 0")

	// Another process builds the model from the same definition: its sets
	// read the bytes, and take their places.
	again := contactCentreModel(t)
	require.NotSame(t, m.g, again.g)
	r := values(t, again, 0, map[string]string{"update-wallboard": "7"})
	require.NoError(t, r.UnmarshalBinary(data))
	assert.Equal(t, int32(2), r.Places())
	assert.Equal(t, map[string]string{"answer-call": "1200.5", "look-up-account": "800.25"}, measured(t, again, r),
		"the values it held before are gone")
	assert.Equal(t, 2, r.Len())
	back, err := r.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, data, back)

	// A set with no value, and one whose values lie past a word of 64
	// positions, apart, negative and at the bounds.
	empty := values(t, m, 0, nil)
	data, err = empty.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, []byte{0x30, 0x00, 0x0C}, data[:3])
	assert.Equal(t, []byte{0x00}, data[11:])
	var nodes []Node
	for i := range 200 {
		nodes = append(nodes, node(string(rune('a'+i%26))+string(rune('a'+i/26)), outcome.Task))
	}
	big := mustBuild(t, nodes, nil)
	s, err = big.NewValues(9)
	require.NoError(t, err)
	for i, v := range map[int]int64{0: 1, 63: -1, 64: math.MaxInt64, 150: -math.MaxInt64, 199: 0} {
		require.NoError(t, s.Set(nodes[i].ID, decimal.New(v, -9)))
	}
	data, err = s.MarshalBinary()
	require.NoError(t, err)
	r, err = big.NewValues(9)
	require.NoError(t, err)
	require.NoError(t, r.UnmarshalBinary(data))
	assert.Equal(t, measured(t, big, s), measured(t, big, r))
	assert.Equal(t, 5, r.Len())

	// AppendBinary appends.
	out, err := empty.AppendBinary([]byte("x"))
	require.NoError(t, err)
	assert.Equal(t, byte('x'), out[0])
	assert.Equal(t, byte(0x30), out[1])
}

func TestValuesBinary_foreign(t *testing.T) {
	m := contactCentreModel(t)
	data, err := values(t, m, 2, map[string]string{"answer-call": "1"}).MarshalBinary()
	require.NoError(t, err)

	nodes, edges := contactCentre()
	renamed := append([]Node(nil), nodes...)
	renamed[11].ID = "solved-at-first-contact" // the customer outcome, renamed
	for i := range edges {
		if edges[i].to == "solved-first-contact" {
			edges[i].to = "solved-at-first-contact"
		}
	}
	swapped := append([]Node(nil), nodes...)
	swapped[0], swapped[1] = swapped[1], swapped[0] // the same IDs in another order
	_, origEdges := contactCentre()
	for name, other := range map[string]Model{
		"renamed":      mustBuild(t, renamed, edges),
		"reordered":    mustBuild(t, swapped, origEdges),
		"fewer nodes":  mustBuild(t, nodes[:11], origEdges[:10]),
		"empty":        {},
		"single node":  mustBuild(t, nodes[:1], nil),
		"other shapes": mustBuild(t, nodes[3:], origEdges[4:]),
	} {
		s := values(t, other, 1, nil)
		err := s.UnmarshalBinary(data)
		assert.ErrorIs(t, err, ErrForeignValues, name)
		assert.Equal(t, int32(1), s.Places(), name)
	}
	var none *Values
	assert.ErrorIs(t, none.UnmarshalBinary(data), ErrForeignValues)
	assert.ErrorIs(t, (&Values{}).UnmarshalBinary(data), ErrForeignValues, "a set not made by a model")
	_, err = none.MarshalBinary()
	assert.ErrorIs(t, err, ErrForeignValues)
}

func TestValuesBinary_malformed(t *testing.T) {
	m := contactCentreModel(t)
	good, err := values(t, m, 2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"}).MarshalBinary()
	require.NoError(t, err)
	fp := good[3:11]
	form := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	head := func(places byte) []byte { return form([]byte{0x30, places, 0x0C}, fp) }

	for _, c := range []struct {
		name string
		data []byte
		code outcome.Code
		msg  string
	}{
		{"no bytes", nil, outcome.ErrInvalidBinary, "hierarchy: invalid binary form of a value set: no bytes"},
		{"another format", form([]byte{0x10}, good[1:]), outcome.ErrInvalidBinary,
			"hierarchy: invalid binary form of a value set: format byte 0x10, not 0x30"},
		{"too many places", form(head(10), []byte{0}), ErrInvalidPlaces,
			"hierarchy: a value set keeps 0 to 9 decimal places, not 10"},
		{"more values than nodes", form(head(2), []byte{13}), outcome.ErrInvalidBinary,
			"hierarchy: invalid binary form of a value set: 13 values for 12 nodes"},
		// Position 11 is the last node; a gap of 12 from position 0 is past it.
		{"a node past the last", form(head(2), []byte{1, 12, 2}), outcome.ErrInvalidBinary,
			"hierarchy: invalid binary form of a value set: at byte 13: a value at position 12 of a model of 12 nodes"},
		{"a node past the last, after another", form(head(2), []byte{2, 11, 2, 0, 2}), outcome.ErrInvalidBinary,
			"hierarchy: invalid binary form of a value set: at byte 15: a value at position 12 of a model of 12 nodes"},
		// After position 0, a gap of 2^64-1 would wrap round to position 0.
		{"a gap that wraps", form(head(2), []byte{2, 0, 2}, []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}, []byte{2}),
			outcome.ErrInvalidBinary,
			"hierarchy: invalid binary form of a value set: at byte 24: a value at a gap of 18446744073709551615 after position 1 of a model of 12 nodes"},
		{"trailing byte", form(good, []byte{0}), outcome.ErrInvalidBinary, ""},
		{"over-long count", form(head(2), []byte{0x80, 0x00}), outcome.ErrInvalidBinary, ""},
	} {
		s := values(t, m, 0, map[string]string{"update-wallboard": "7"})
		err := s.UnmarshalBinary(c.data)
		assert.ErrorIs(t, err, c.code, c.name)
		if c.msg != "" {
			assert.EqualError(t, err, c.msg, c.name)
		}
		assert.Equal(t, map[string]string{"update-wallboard": "7"}, measured(t, m, s), c.name)
		assert.Equal(t, int32(0), s.Places(), c.name)
	}
	// A value of -2^63 is a well-formed varint, but beyond the ±(2^63-1) a
	// set holds (Set refuses it): the form is refused at the value's end.
	minForm := form(head(2), []byte{1, 0}, binary.AppendVarint(nil, math.MinInt64))
	s := values(t, m, 0, map[string]string{"update-wallboard": "7"})
	err = s.UnmarshalBinary(minForm)
	assert.ErrorIs(t, err, outcome.ErrInvalidBinary)
	assert.EqualError(t, err, "hierarchy: invalid binary form of a value set: at byte 23: a value of -2^63, beyond a value set's ±(2^63-1)")
	assert.Equal(t, map[string]string{"update-wallboard": "7"}, measured(t, m, s))

	// Every prefix of the good form is truncated.
	for i := range len(good) - 1 {
		s := values(t, m, 0, nil)
		assert.ErrorIs(t, s.UnmarshalBinary(good[:i]), outcome.ErrInvalidBinary, "%d bytes", i)
	}
	// The fingerprint names the model: one bit changed is another model.
	bad := bytes.Clone(good)
	binary.LittleEndian.PutUint64(bad[3:], binary.LittleEndian.Uint64(fp)^1)
	assert.ErrorIs(t, values(t, m, 0, nil).UnmarshalBinary(bad), ErrForeignValues)

	// Once the header is read, the places, the model and the values are
	// each reported, in that order; the values' first problem only.
	otherFP := binary.LittleEndian.AppendUint64(nil, binary.LittleEndian.Uint64(fp)^1)
	for _, c := range []struct {
		name string
		data []byte
		want []problem
	}{
		{"places, model and values", form([]byte{0x30, 10, 0x0C}, otherFP, []byte{13}), []problem{
			{ErrInvalidPlaces, nil, "hierarchy: a value set keeps 0 to 9 decimal places, not 10"},
			{ErrForeignValues, nil, "hierarchy: the values belong to another model"},
			{outcome.ErrInvalidBinary, nil, "hierarchy: invalid binary form of a value set: 13 values for 12 nodes"},
		}},
		{"places and a node past the last", form(head(10), []byte{1, 12, 2}), []problem{
			{ErrInvalidPlaces, nil, "hierarchy: a value set keeps 0 to 9 decimal places, not 10"},
			{outcome.ErrInvalidBinary, nil, "hierarchy: invalid binary form of a value set: at byte 13: a value at position 12 of a model of 12 nodes"},
		}},
		{"model and a value of -2^63", form([]byte{0x30, 2, 0x0C}, otherFP, []byte{1, 0}, binary.AppendVarint(nil, math.MinInt64)), []problem{
			{ErrForeignValues, nil, "hierarchy: the values belong to another model"},
			{outcome.ErrInvalidBinary, nil, "hierarchy: invalid binary form of a value set: at byte 23: a value of -2^63, beyond a value set's ±(2^63-1)"},
		}},
		{"places and model, the values good", form([]byte{0x30, 10, 0x0C}, otherFP, good[11:]), []problem{
			{ErrInvalidPlaces, nil, "hierarchy: a value set keeps 0 to 9 decimal places, not 10"},
			{ErrForeignValues, nil, "hierarchy: the values belong to another model"},
		}},
	} {
		s := values(t, m, 0, map[string]string{"update-wallboard": "7"})
		err := s.UnmarshalBinary(c.data)
		assert.Equal(t, c.want, problemsOf(err), c.name)
		assert.Equal(t, map[string]string{"update-wallboard": "7"}, measured(t, m, s), c.name)
	}
}

// A shard's values cross to another process as bytes and merge there.
func TestValuesBinary_merge(t *testing.T) {
	m := contactCentreModel(t)
	data, err := values(t, m, 2, map[string]string{"answer-call": "300.25"}).MarshalBinary()
	require.NoError(t, err)
	there := contactCentreModel(t)
	centre := values(t, there, 2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"})
	shard, err := there.NewValues(2)
	require.NoError(t, err)
	require.NoError(t, shard.UnmarshalBinary(data))
	require.NoError(t, centre.Merge(shard))
	assert.Equal(t, map[string]string{"answer-call": "1500.75", "look-up-account": "800.25"}, measured(t, there, centre))
}

func FuzzValuesBinary(f *testing.F) {
	m := contactCentreModel(f)
	apart := contactCentreModel(f) // the same IDs, in the same order
	for _, vs := range []map[string]string{
		nil, {"answer-call": "1200.50", "look-up-account": "800.25"}, {"solved-first-contact": "-1", "update-wallboard": "0"},
	} {
		data, err := values(f, m, 2, vs).MarshalBinary()
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte{0x30})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := values(t, m, 1, map[string]string{"monitor-queues": "3.5"})
		before := measured(t, m, s)
		if err := s.UnmarshalBinary(data); err != nil {
			checkOneOrJoined(t, err)
			var oe *outcome.Error
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, before, measured(t, m, s), "unchanged on error")
			assert.Equal(t, int32(1), s.Places())
			// The problems come in UnmarshalBinary's order, each code at
			// most once: the places, the model, the form of the values.
			ps := problemsOf(err)
			order := []outcome.Code{ErrInvalidPlaces, ErrForeignValues, outcome.ErrInvalidBinary}
			for _, p := range ps {
				i := slices.Index(order, p.code)
				require.GreaterOrEqual(t, i, 0, "%v", ps)
				order = order[i+1:]
			}
			// Places out of range hide nothing: the same bytes with good
			// places (a one-byte varint here) have the other problems.
			if ps[0].code == ErrInvalidPlaces && data[1] < 0x80 {
				fixed := slices.Clone(data)
				fixed[1] = 2
				rest := problemsOf(values(t, m, 1, nil).UnmarshalBinary(fixed))
				assert.Equal(t, len(ps)-1, len(rest), "%v", ps)
				if len(rest) > 0 {
					assert.Equal(t, ps[1:], rest)
				}
			}
			return
		}
		back, err := s.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, data, back, "one form per value set")
		assert.Equal(t, len(measured(t, m, s)), s.Len())
		// What reads into a set of m merges into a set of a model built
		// apart with m's IDs, as the same bytes read into it would.
		there, err := apart.NewValues(s.Places())
		require.NoError(t, err)
		require.NoError(t, there.Merge(s))
		read, err := apart.NewValues(0)
		require.NoError(t, err)
		require.NoError(t, read.UnmarshalBinary(data))
		assert.Equal(t, measured(t, m, s), measured(t, apart, there))
		assert.Equal(t, measured(t, apart, read), measured(t, apart, there))
	})
}
