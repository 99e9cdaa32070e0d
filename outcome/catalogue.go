package outcome

// Classification is what the catalogue of well-known KPIs says of a name: the
// level the KPI measures, its usual direction and business-outcome kind, and a
// one-line reason quoting the method's test. The zero Classification means
// "unclassified": the name is not in the catalogue, and no guess is made.
type Classification struct {
	// Name is the catalogue's canonical name for the KPI, e.g. "Average handle time".
	Name string
	// Level is the rung the KPI measures; zero when unclassified.
	Level Level
	// Direction is the KPI's usual direction; zero when unclassified.
	Direction Direction
	// Kind is the business-outcome kind, for business outcomes only.
	Kind Kind
	// Reason explains the level in one line, quoting the method's test.
	Reason string
}

// Known reports whether the name was found in the catalogue.
func (c Classification) Known() bool { return c.Level.IsValid() }

// Classify looks name up in the catalogue of well-known KPIs, by normalised
// name and common aliases, and returns its classification, or the zero
// Classification ("unclassified") if the name is not known.
//
// TODO(catalogue): stub with a handful of entries; the full catalogue replaces it.
func Classify(name string) Classification {
	var buf [64]byte
	switch string(fold(buf[:0], name)) {
	case "callshandled":
		return Classification{Name: "Calls handled", Level: Output, Direction: HigherIsBetter,
			Reason: "output: what we produce, what we make"}
	case "averagehandletime", "aht":
		return Classification{Name: "Average handle time", Level: Output, Direction: LowerIsBetter,
			Reason: "output: what we produce, what we make"}
	case "revenue":
		return Classification{Name: "Revenue", Level: BusinessOutcome, Direction: HigherIsBetter, Kind: Revenue,
			Reason: "business outcome: a result of what we make"}
	}
	return Classification{}
}
