// Package nulltest is for the module's tests: it finds the JSON nulls in
// what a writer wrote, so that a fuzzer can check that an empty list is
// written [], never null. No library package imports it.
package nulltest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// Paths returns the JSON path of every null in data ("" for data that is
// null, "paths", "levels[0].ids" within it), in the order of the text for
// arrays and sorted by key within an object, or an error if data is not
// JSON.
func Paths(data []byte) ([]string, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("nulltest: %w", err)
	}
	var out []string
	walk("", v, &out)
	return out, nil
}

func walk(path string, v any, out *[]string) {
	switch v := v.(type) {
	case nil:
		*out = append(*out, path)
	case []any:
		for i, e := range v {
			walk(path+"["+strconv.Itoa(i)+"]", e, out)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walk(p, v[k], out)
		}
	}
}
