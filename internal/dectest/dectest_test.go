package dectest

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestFlipSettings(t *testing.T) {
	d := decimal.New(1500, -2) // 15.00
	assert.Equal(t, "15", d.String(), "the defaults trim trailing zeros")
	t.Run("flipped", func(t *testing.T) {
		FlipSettings(t)
		assert.Equal(t, "15.00", d.String())
		assert.Equal(t, "1.5E3", decimal.New(15, 2).String())
		b, err := d.MarshalJSON()
		assert.NoError(t, err)
		assert.Equal(t, "15.00", string(b), "no quotes")
		_, err = decimal.NewFromString("1e10")
		assert.NoError(t, err, "an exponent of 10 is decimal's limit")
		_, err = decimal.NewFromString("1e-11")
		assert.Error(t, err, "an exponent of -11 is past it")
	})
	_, err := decimal.NewFromString("1e-11")
	assert.NoError(t, err, "the limit restored")
	assert.Equal(t, "15", d.String(), "restored when the subtest ends")
	b, err := d.MarshalJSON()
	assert.NoError(t, err)
	assert.Equal(t, `"15"`, string(b))
}

// errorsTB records what a test reports, passing the rest to the real one.
type errorsTB struct {
	testing.TB
	errs []string
}

func (e *errorsTB) Errorf(format string, args ...any) {
	e.errs = append(e.errs, fmt.Sprintf(format, args...))
}

// TestDecodeIgnoresSettings: decimal's own decoding of 1e20 depends on
// MaxDecodeExponent (10 when flipped), so DecodeIgnoresSettings reports it;
// 1e5 decodes alike. A type without Equal is compared by its JSON.
func TestDecodeIgnoresSettings(t *testing.T) {
	type wrapped struct{ D decimal.Decimal }
	cases := []DecodeCase{
		{"within 10", `"1e5"`, new(decimal.Decimal), decimal.New(1, 5)},
		{"past 10", `"1e20"`, new(decimal.Decimal), decimal.New(1, 20)},
		{"not wanted", `"2"`, new(decimal.Decimal), nil},
		{"by JSON", `{"D":"3"}`, new(wrapped), wrapped{decimal.New(3, 0)}},
		{"by JSON, unequal", `{"D":"4"}`, new(wrapped), wrapped{decimal.New(3, 0)}},
		{"refused", `[]`, new(wrapped), nil},
	}
	t.Run("flipped", func(t *testing.T) {
		rec := &errorsTB{TB: t}
		got := DecodeIgnoresSettings(rec, cases, EqualTo)
		assert.Equal(t, []string{"equal: true", "equal: true", "decoded", "equal: true", "equal: false"}, got[:5])
		assert.Contains(t, got[5], "error: ")
		if assert.Len(t, rec.errs, 1) {
			assert.Contains(t, rec.errs[0], `past 10: "equal: true" as decimal's settings are, "error: `)
		}
	})
}
