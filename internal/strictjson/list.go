package strictjson

// List returns s, or an empty slice if s is nil, so that a writer puts an
// empty list as [], never null: the module's rule for every list it writes
// (a dashboard takes the length of what it reads). []T{} does not allocate.
func List[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
