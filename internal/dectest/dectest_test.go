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
	})
	assert.Equal(t, "15", d.String(), "restored when the subtest ends")
	b, err := d.MarshalJSON()
	assert.NoError(t, err)
	assert.Equal(t, `"15"`, string(b))
}
