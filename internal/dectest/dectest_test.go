package dectest

import (
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
