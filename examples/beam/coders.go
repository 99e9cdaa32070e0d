package main

import (
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// The library's values keep their state in unexported fields: a Money is a
// decimal.Decimal (a *big.Int and an exponent, both unexported) and a
// currency. Beam's default coder for a struct is a schema (row) coder over
// its exported fields, which finds none and would ship every amount as zero
// (see TestDefaultCoderLosesAmounts). So every library type that crosses a
// worker boundary gets an explicit coder: its compact binary form, which
// keeps amounts exactly (coefficient and exponent) and validates what it
// decodes.
func init() {
	beam.RegisterCoder(reflect.TypeFor[triplecrown.Money](), encodeMoney, decodeMoney)
	beam.RegisterCoder(reflect.TypeFor[triplecrown.MoneySum](), encodeMoneySum, decodeMoneySum)
	beam.RegisterCoder(reflect.TypeFor[outcome.NPSTally](), encodeNPSTally, decodeNPSTally)
}

func encodeMoney(m triplecrown.Money) ([]byte, error) { return m.MarshalBinary() }

func decodeMoney(b []byte) (triplecrown.Money, error) {
	var m triplecrown.Money
	err := m.UnmarshalBinary(b)
	return m, err
}

func encodeMoneySum(s triplecrown.MoneySum) ([]byte, error) { return s.MarshalBinary() }

func decodeMoneySum(b []byte) (triplecrown.MoneySum, error) {
	var s triplecrown.MoneySum
	err := s.UnmarshalBinary(b)
	return s, err
}

func encodeNPSTally(t outcome.NPSTally) ([]byte, error) { return t.MarshalBinary() }

func decodeNPSTally(b []byte) (outcome.NPSTally, error) {
	var t outcome.NPSTally
	err := t.UnmarshalBinary(b)
	return t, err
}
