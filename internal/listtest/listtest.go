// Package listtest is for the module's fuzz tests: it checks a decoder of a
// JSON list of definitions (northstar.DecodeCanvases,
// triplecrown.DecodeScorecards, both built on jsondecode.List) against the
// decoder of one element. No library package imports it.
package listtest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// TB is the part of testing.TB that [Check] uses; *testing.T is one.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Decoder describes a list decoder and the decoder of one of its elements.
type Decoder[T any] struct {
	// Prefix is the list's problems' prefix, as "northstar: canvases"; an
	// element's problems are under Prefix + "[i]: ".
	Prefix string
	// Null is the problem of a null element, as "a canvas cannot be null".
	Null string
	// List decodes a list, Element one element into *T, and Equal
	// compares two elements.
	List    func([]byte) ([]T, error)
	Element func(*T, []byte) error
	Equal   func(a, b T) bool
	// Bare returns an element's problem's message without its package's
	// prefix.
	Bare func(string) string
	// Problems checks that err is made of the package's coded problems, in
	// its words.
	Problems func(TB, error)
}

// Check checks d on the input in. The list decodes exactly when every
// element decodes alone, to the same elements (and to what json.Unmarshal
// gives); otherwise its problems are each bad element's, under its index,
// in order, and a null element's is d.Null. Data that is not one array is
// one invalid-json problem with no ID.
func Check[T any](t TB, d Decoder[T], in string) {
	t.Helper()
	data := []byte(in)
	list, err := d.List(data)
	elems, serr := strictjson.Elements(data)
	if serr != nil || strings.Trim(in, " \t\r\n") == "null" {
		if err == nil || list != nil {
			t.Fatalf("%q is not a list, but decoded", in)
			return
		}
		d.Problems(t, err)
		if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != outcome.ErrInvalidJSON || len(ps[0].IDs) != 0 {
			t.Fatalf("%q: want one invalid-json problem with no ID: %v", in, err)
		}
		return
	}
	var want []*outcome.Error
	decoded := make([]T, len(elems))
	for i, e := range elems {
		at := fmt.Sprintf("%s[%d]: ", d.Prefix, i)
		if strings.Trim(string(e), " \t\r\n") == "null" {
			want = append(want, &outcome.Error{Code: outcome.ErrInvalidJSON, Message: at + d.Null})
			continue
		}
		if err := d.Element(&decoded[i], e); err != nil {
			for _, p := range outcome.Problems(err) {
				want = append(want, &outcome.Error{Code: p.Code, IDs: p.IDs, Message: at + d.Bare(p.Message)})
			}
		}
	}
	if len(want) == 0 {
		if err != nil || len(list) != len(elems) {
			t.Fatalf("%q: every element decodes alone, but the list: %v", in, err)
			return
		}
		var viaJSON []T
		if err := json.Unmarshal(data, &viaJSON); err != nil || len(viaJSON) != len(list) {
			t.Fatalf("%q: json.Unmarshal does not decode the list: %v", in, err)
			return
		}
		for i := range list {
			if !d.Equal(list[i], decoded[i]) || !d.Equal(viaJSON[i], decoded[i]) {
				t.Fatalf("%q: element %d differs from its own decoding", in, i)
				return
			}
		}
		return
	}
	if list != nil {
		t.Fatalf("%q: elements returned with problems", in)
		return
	}
	d.Problems(t, err)
	got := outcome.Problems(err)
	if len(got) != len(want) {
		t.Fatalf("%q: %d problems, want %d: %v", in, len(got), len(want), err)
		return
	}
	for i := range want {
		if got[i].Code != want[i].Code || fmt.Sprint(got[i].IDs) != fmt.Sprint(want[i].IDs) || got[i].Message != want[i].Message {
			t.Fatalf("%q: problem %d is %v %v %q, want %v %v %q", in, i,
				got[i].Code, got[i].IDs, got[i].Message, want[i].Code, want[i].IDs, want[i].Message)
			return
		}
	}
}
