package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file keeps the first implementations of checkKeys, Members and
// Elements, on encoding/json's Decoder.Token, as oracles for the scanner
// that replaced them (which allocates nothing per token): FuzzScanner
// checks that the two agree on every input.

// tokenObject is an open JSON object while tokenCheckKeys walks the tokens.
type tokenObject struct {
	keys map[string]string // folded key -> the key as first written
	key  bool
}

// tokenCheckKeys is checkKeys on Decoder.Token.
func tokenCheckKeys(data []byte) error {
	var stack []*tokenObject
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1] != nil {
			stack[n-1].key = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if n := len(stack); n > 0 && stack[n-1] != nil && stack[n-1].key {
			if k, ok := tok.(string); ok {
				f := foldKey(k)
				if first, dup := stack[n-1].keys[f]; dup {
					if first == k {
						return fmt.Errorf("%w %q", ErrDuplicateKey, k)
					}
					return fmt.Errorf("%w %q (encoding/json matches it to the same field as %q)",
						ErrDuplicateKey, k, first)
				}
				stack[n-1].keys[f] = k
				stack[n-1].key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &tokenObject{keys: map[string]string{}, key: true})
		case json.Delim('['):
			stack = append(stack, nil)
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			valueDone()
		default:
			valueDone()
		}
	}
}

// decoderMembers is Members on Decoder.Token.
func decoderMembers(data []byte) ([]Member, error) {
	if !utf8.Valid(data) {
		return nil, ErrInvalidUTF8
	}
	dec, err := single(data, '{', ErrNotObject)
	if err != nil {
		return nil, err
	}
	var out []Member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, Member{Key: key, Value: v})
	}
	return out, nil
}

// decoderElements is Elements on Decoder.Token.
func decoderElements(data []byte) ([]json.RawMessage, error) {
	dec, err := single(data, '[', ErrNotArray)
	if err != nil {
		return nil, err
	}
	var out []json.RawMessage
	for dec.More() {
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzScanner checks checkKeys, Members and Elements against the
// implementations on Decoder.Token they replaced: the same errors, word for
// word, and the same members and elements.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`{"x":1,"y":2}`, `{"x":1,"x":2}`, `[{"a":1},{"a":1}]`, `{"a":{"a":1},"a":2}`, `{}x`, `[1] 2`,
		"\"\xff\"", "[\"\xff\"]", `null`, ``, `[[[]]]`, `{"":1}`, `"a"`, `{"a":1,"A":2}`, "{\"\u017f\":1,\"s\":2}",
		`{"\u0069d":1,"ID":2}`, `{"a\"b":1,"A\"B":2}`, `{ "a" : [ 1 , { "b" : 2 , "B" : 3 } ] }`, `[ 1 , "x" , true ]`,
		`{"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1,"k8":1,"k9":1,"k10":1,"k11":1,"k12":1,"k13":1,"k14":1,"k15":1,"k16":1,"k17":1,"K3":1}`,
		`{"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1,"k8":1,"k9":1,"k10":1,"k11":1,"k12":1,"k13":1,"k14":1,"k15":1,"k16":1,"k17":1,"\u212a1":1}`,
		` {"a":-1.5e3,"b":[null,false],"c":{}} `, "{\"é\":1,\"É\":2}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if json.Valid(data) {
			assert.Equal(t, errText(tokenCheckKeys(data)), errText(checkKeys(data)), "checkKeys(%q)", data)
		} else {
			_ = checkKeys(data) // never panics
		}
		wantM, wantErr := decoderMembers(data)
		gotM, err := Members(data)
		require.Equal(t, errText(wantErr), errText(err), "Members(%q)", data)
		require.Equal(t, len(wantM), len(gotM))
		for i := range wantM {
			assert.Equal(t, wantM[i].Key, gotM[i].Key)
			assert.Equal(t, string(wantM[i].Value), string(gotM[i].Value))
		}
		wantE, wantErr := decoderElements(data)
		gotE, err := Elements(data)
		require.Equal(t, errText(wantErr), errText(err), "Elements(%q)", data)
		require.Equal(t, len(wantE), len(gotE))
		for i := range wantE {
			assert.Equal(t, string(wantE[i]), string(gotE[i]))
		}
	})
}
