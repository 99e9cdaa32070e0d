package outcome

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/shopspring/decimal"
)

// The codes of errors in failure-demand tallies.
const (
	// ErrInvalidReason: a demand reason that is blank, too long, not valid
	// UTF-8, or has surrounding white space or control characters.
	ErrInvalidReason Code = "invalid-demand-reason"
	// ErrDuplicateReason: a reason listed twice for the same kind of demand
	// in a tally's JSON.
	ErrDuplicateReason Code = "duplicate-demand-reason"
	// ErrTooManyReasons: a tally would hold more than [MaxReasons] distinct
	// reasons for one kind of demand.
	ErrTooManyReasons Code = "too-many-demand-reasons"
)

// MaxReasonLen is the longest demand reason, in bytes, that a
// [FailureDemand] accepts.
const MaxReasonLen = 128

// MaxReasons is the largest number of distinct reasons a [FailureDemand]
// holds for each kind of demand (value and failure). A reason is a category
// of a classification ("repeat call", "chaser", "complaint"), not free text
// per contact; the bound keeps a tally's memory in check whatever its input.
const MaxReasons = 10000

// NoReason is the reason of demand counted without one: [FailureDemand.Add]
// accepts it, and breakdowns show it as its own row, so that they always
// add up to the total.
const NoReason = ""

// FailureDemand is a tally of demand (the contacts customers make: calls,
// emails, chats, visits) split, as the method does, into value demand (what
// the service exists to do: an order placed, a plan changed) and failure
// demand, demand caused by a failure to do something, or to do something
// right, for the customer (a repeat call, a chaser asking where something
// is, a complaint, a correction). Organisations that manage outputs live in
// a "Failure-Demand cycle": the failures make more demand, which is handled
// as more output. The share of failure demand in all demand
// ([FailureDemand.Share]) is an outcome-side health measure, and lower is
// better ([LowerIsBetter]).
//
// Each kind of demand may be broken down by reason; [FailureDemand.FailureReasons]
// and [FailureDemand.ValueReasons] give exact counts and shares that add up
// exactly to the totals. Demand added with [NoReason] is its own row.
//
// FailureDemand is an accumulator, like a hash: its methods have pointer
// receivers and Add changes it in place. The zero value is an empty tally,
// ready to use. It is not safe for concurrent use: give each goroutine (or
// each shard of the data) its own tally and combine them with
// [FailureDemand.Merge], which gives exactly the tally of all the data, in
// any order. Do not copy a FailureDemand that has been added to (the copy
// would share its reasons); use [FailureDemand.Clone]. It encodes to JSON as
// the reasons and their counts, and decoding validates everything.
type FailureDemand struct {
	value, failure int64
	// byReason[0] counts value demand and byReason[1] failure demand, by
	// reason; nil until the first reason of that kind is added. Zero counts
	// are never stored.
	byReason [2]map[string]int64
}

// kindIndex returns the index into byReason for a kind of demand.
func kindIndex(failure bool) int {
	if failure {
		return 1
	}
	return 0
}

// demandKind names a kind of demand for messages.
func demandKind(failure bool) string {
	if failure {
		return "failure"
	}
	return "value"
}

// Add counts count contacts of failure demand (failure true) or value demand
// (failure false) with the given reason, or with [NoReason]. A reason is a
// label of at most [MaxReasonLen] bytes of valid UTF-8, not blank, without
// surrounding white space and without control characters; it is kept as
// given, so "Chaser" and "chaser" are two reasons. A count of 0 changes
// nothing.
//
// Add returns an *[Error], and changes nothing, if the reason is invalid
// ([ErrInvalidReason]), the count is negative ([ErrInvalidCount]), the total
// demand would exceed the largest int64 ([ErrOverflow]) or the reason would
// be one more than [MaxReasons] for its kind ([ErrTooManyReasons]). Every
// problem is reported, one as its *[Error] itself, several joined with
// [errors.Join] in that order; an overflow and too many reasons are looked
// for only when the reason and the count are valid, as they are problems of
// adding them. It does not allocate, except to store a reason it has not seen
// before.
func (d *FailureDemand) Add(reason string, failure bool, count int64) error {
	if rerr := validateReason(reason); rerr != nil || count < 0 {
		var cerr error
		if count < 0 {
			cerr = NewError(ErrInvalidCount, []string{reason}, "outcome: negative count %d of %s demand %q",
				count, demandKind(failure), clip(reason))
		}
		return msg.JoinFlat(rerr, cerr)
	}
	if count == 0 {
		return nil
	}
	var oerr, terr error
	if count > math.MaxInt64-d.value-d.failure {
		oerr = NewError(ErrOverflow, []string{reason}, "outcome: adding %d contacts to a total demand of %d overflows int64",
			count, d.value+d.failure)
	}
	k := kindIndex(failure)
	m := d.byReason[k]
	n, ok := m[reason]
	if !ok && len(m) >= MaxReasons {
		terr = tooManyReasons(failure)
	}
	if oerr != nil || terr != nil {
		return msg.JoinFlat(oerr, terr)
	}
	if m == nil {
		m = make(map[string]int64)
		d.byReason[k] = m
	}
	m[reason] = n + count
	if failure {
		d.failure += count
	} else {
		d.value += count
	}
	return nil
}

// AddValue counts count contacts of value demand with the given reason (or
// [NoReason]); see [FailureDemand.Add].
func (d *FailureDemand) AddValue(reason string, count int64) error {
	return d.Add(reason, false, count)
}

// AddFailure counts count contacts of failure demand with the given reason
// (or [NoReason]); see [FailureDemand.Add].
func (d *FailureDemand) AddFailure(reason string, count int64) error {
	return d.Add(reason, true, count)
}

// Merge adds everything o counted to d: merging the tallies of shards (days,
// sites, teams) gives exactly the tally of all their demand, in any order and
// grouping. A nil o changes nothing; o is not changed (it may be d itself,
// which doubles d). If the total would exceed the largest int64
// ([ErrOverflow]) or a kind of demand would have more than [MaxReasons]
// reasons ([ErrTooManyReasons]), Merge returns an *[Error] and leaves d
// unchanged. Every problem is reported, one as its *[Error] itself, several
// joined with [errors.Join] in this order: the overflow, too many reasons of
// value demand, then of failure demand.
func (d *FailureDemand) Merge(o *FailureDemand) error {
	if o == nil {
		return nil
	}
	var errs [3]error // the overflow, then too many reasons of each kind
	if d.value+d.failure > math.MaxInt64-o.value-o.failure {
		errs[0] = NewError(ErrOverflow, nil, "outcome: merging total demands of %d and %d overflows int64",
			d.value+d.failure, o.value+o.failure)
	}
	for k, failure := range []bool{false, true} {
		added := 0
		for r := range o.byReason[k] {
			if _, ok := d.byReason[k][r]; !ok {
				added++
			}
		}
		if len(d.byReason[k])+added > MaxReasons {
			errs[1+k] = tooManyReasons(failure)
		}
	}
	if errs != [3]error{} {
		return msg.JoinFlat(errs[:]...)
	}
	// Every count below is at most the new total, so nothing overflows.
	for k := range d.byReason {
		if len(o.byReason[k]) == 0 {
			continue
		}
		if d.byReason[k] == nil {
			d.byReason[k] = make(map[string]int64, len(o.byReason[k]))
		}
		for r, n := range o.byReason[k] {
			d.byReason[k][r] += n
		}
	}
	d.value += o.value
	d.failure += o.failure
	return nil
}

func tooManyReasons(failure bool) error {
	return NewError(ErrTooManyReasons, nil, "outcome: more than %d distinct reasons of %s demand", MaxReasons, demandKind(failure))
}

// Value returns the number of value-demand contacts.
func (d *FailureDemand) Value() int64 { return d.value }

// Failure returns the number of failure-demand contacts.
func (d *FailureDemand) Failure() int64 { return d.failure }

// Total returns all demand: value plus failure. It never exceeds the largest
// int64.
func (d *FailureDemand) Total() int64 { return d.value + d.failure }

// Share returns the failure share: failure demand out of all demand, as a
// [Proportion] (successes are the failure-demand contacts, trials all
// contacts). Lower is better. An empty tally gives the empty proportion,
// whose rate is an error with code [ErrNoData].
func (d *FailureDemand) Share() Proportion {
	return Proportion{successes: d.failure, trials: d.value + d.failure}
}

// IsZero reports whether d has counted no demand.
func (d *FailureDemand) IsZero() bool { return d.value == 0 && d.failure == 0 }

// Equal reports whether d and o hold the same counts for every kind of
// demand and reason. A nil tally equals an empty one.
func (d *FailureDemand) Equal(o *FailureDemand) bool {
	var empty FailureDemand
	if d == nil {
		d = &empty
	}
	if o == nil {
		o = &empty
	}
	return d.value == o.value && d.failure == o.failure &&
		maps.Equal(d.byReason[0], o.byReason[0]) && maps.Equal(d.byReason[1], o.byReason[1])
}

// Clone returns a copy of d that shares nothing with it.
func (d *FailureDemand) Clone() *FailureDemand {
	c := &FailureDemand{value: d.value, failure: d.failure}
	for k, m := range d.byReason {
		if len(m) > 0 {
			c.byReason[k] = maps.Clone(m)
		}
	}
	return c
}

// ReasonCount is one row of a breakdown of demand by reason: the reason
// ([NoReason] for demand counted without one), its exact count, and its
// share of that kind of demand, rounded so that the shares of a breakdown
// add up to exactly 1. The zero ReasonCount is a row of no demand: NoReason
// with a count and a share of 0. A breakdown never holds one: its rows have
// positive counts.
type ReasonCount struct {
	// Reason is the reason, or [NoReason].
	Reason string `json:"reason"`
	// Count is the number of contacts with the reason.
	Count int64 `json:"count"`
	// Share is Count over the kind's total, at the breakdown's places.
	Share decimal.Decimal `json:"share"`
}

// Percent returns the row's share as a percentage: Share times 100, exactly.
func (rc ReasonCount) Percent() decimal.Decimal { return rc.Share.Shift(2) }

// Equal reports whether rc and o are the same row, field by field: Reason
// and Count with ==, and the Share by value, with [decimal.Decimal.Equal]
// (0.50 equals 0.5), which reflect.DeepEqual, and so testify's
// assert.Equal, does not: a row stored as JSON and read back
// ([ReasonCount.UnmarshalJSON]) is Equal to the one computed.
func (rc ReasonCount) Equal(o ReasonCount) bool {
	return rc.Reason == o.Reason && rc.Count == o.Count && rc.Share.Equal(o.Share)
}

// reasonCountJSON is the JSON form of a [ReasonCount].
type reasonCountJSON struct {
	Reason string `json:"reason"`
	Count  int64  `json:"count"`
	Share  string `json:"share"`
}

// MarshalJSON implements [json.Marshaler]: the reason, the count and the
// share as a decimal string, whatever decimal's package-level
// MarshalJSONWithoutQuotes says: {"reason":"chaser","count":90,"share":"0.33"}.
// [ReasonCount.UnmarshalJSON] reads it back.
func (rc ReasonCount) MarshalJSON() ([]byte, error) {
	return json.Marshal(reasonCountJSON{Reason: rc.Reason, Count: rc.Count, Share: decfmt.String(rc.Share)})
}

// reasonCountFields are the JSON names of a [ReasonCount]'s fields.
var reasonCountFields = []string{"reason", "count", "share"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form
// MarshalJSON writes and accepts only a row a breakdown could hold, or the
// zero row: every field must be there (MarshalJSON writes each), and JSON
// null is never a field's value. The share may be a decimal string or a
// JSON number (as a share was written when decimal's
// MarshalJSONWithoutQuotes was set, before MarshalJSON wrote a string),
// read exactly, in decimal.NewFromString's syntax with any number of digits
// and an exponent within ±10000, whatever decimal's MaxDecodeExponent says.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (reason, count, share; as
// the package doc says), each problem of the JSON form, an *[Error] with code
// [ErrInvalidJSON]: a key that names no field, a field given twice (also
// under keys that differ only in case, as encoding/json matches them: "Count"
// is "count"; the first is the one read), a reason that is not a string, a
// count that is not an integer within int64 and a share that is not such a
// decimal, null included (`outcome: reason count: "share" must be a decimal
// string or a number, not null`), and then each field that is absent
// (`outcome: reason count has no "share"`). Then, in the order of the fields,
// the problems of the values: a reason that [FailureDemand.Add] refuses, code
// [ErrInvalidReason]; a negative count, code [ErrInvalidCount]; and a share
// below 0 or above 1, or above 0 for a count of 0, code [ErrInvalidResult]. A
// value whose form has a problem is not checked again. JSON that is not one
// object, and text that is not valid UTF-8, is a single problem with code
// ErrInvalidJSON, and so is JSON null for the whole row, with no ID:
// `outcome: a reason count cannot be null`. On error rc is unchanged.
func (rc *ReasonCount) UnmarshalJSON(data []byte) error {
	return decodeObject(data, rc, "reason count", "a reason count", decodeReasonCount)
}

// decodeReasonCount reads the members of the JSON object of a
// [ReasonCount] into j, as [ReasonCount.UnmarshalJSON] documents.
func decodeReasonCount(j *jsonForm, members []strictjson.Member) ReasonCount {
	var out ReasonCount
	var given, ok [3]bool
	j.each(members, reasonCountFields, func(f int, raw json.RawMessage) {
		given[f] = true
		switch f {
		case 0:
			ok[f] = j.value("reason", "a string", raw, &out.Reason)
		case 1:
			ok[f] = jsonInt(j, "count", raw, &out.Count)
		case 2:
			d, present, err := decfmt.ParseJSON(raw, decfmt.AnyDigits, decfmt.DefaultMaxExponent)
			if e := (*decfmt.Error)(nil); errors.As(err, &e) {
				j.wrongType(nil, "share", e.Want(), raw)
			} else if !present { // null
				j.wrongType(nil, "share", "a decimal string or a number", raw)
			} else {
				out.Share, ok[f] = d, true
			}
		}
	})
	for f, g := range given {
		if !g {
			j.problem(nil, " has no %q", reasonCountFields[f])
		}
	}
	if ok[0] {
		if err := validateReason(out.Reason); err != nil {
			j.check(err)
		}
	}
	if ok[1] && out.Count < 0 {
		j.checks = append(j.checks, NewError(ErrInvalidCount, nil, "outcome: reason count: count %d is negative", out.Count))
	}
	if ok[2] {
		share := decfmt.String(out.Share)
		switch {
		case out.Share.Sign() < 0 || out.Share.GreaterThan(decimal.NewFromInt(1)):
			j.checks = append(j.checks, NewError(ErrInvalidResult, nil,
				"outcome: reason count: share %s is not from 0 to 1", clip(share)))
		case ok[1] && out.Count == 0 && out.Share.Sign() != 0:
			j.checks = append(j.checks, NewError(ErrInvalidResult, nil,
				"outcome: reason count: share %s is not 0, for a count of 0", clip(share)))
		}
	}
	return out
}

// FailureReasons returns the breakdown of failure demand by reason: one row
// per reason, ordered by count, largest first, then by reason (byte order),
// so that the order is always the same. The counts add up to
// [FailureDemand.Failure]. Each share is the count over the failure total at
// places decimal places (0 to 18), apportioned by the largest-remainder
// (Hamilton) method: every share is its exact value rounded down or up to
// the next unit 10^-places (never further), and the units left over after
// rounding all down go to the largest remainders (ties to the earlier row),
// so that the shares add up to exactly 1. For exact shares use the counts.
//
// A tally without failure demand has an empty breakdown. places outside
// [0, 18] is an *[Error] with code [ErrInvalidPlaces].
func (d *FailureDemand) FailureReasons(places int32) ([]ReasonCount, error) {
	return reasonBreakdown(d.byReason[1], d.failure, places)
}

// ValueReasons returns the breakdown of value demand by reason, as
// [FailureDemand.FailureReasons] does for failure demand.
func (d *FailureDemand) ValueReasons(places int32) ([]ReasonCount, error) {
	return reasonBreakdown(d.byReason[0], d.value, places)
}

// maxSharePlaces bounds the places of a breakdown's shares, so that the
// largest-remainder arithmetic fits 64 bits (10^18 < 2^64).
const maxSharePlaces = 18

// reasonBreakdown returns the rows of m, whose counts sum to total, ordered and
// apportioned as documented at [FailureDemand.FailureReasons].
func reasonBreakdown(m map[string]int64, total int64, places int32) ([]ReasonCount, error) {
	if err := checkPlaces(places, 0, maxSharePlaces); err != nil {
		return nil, err
	}
	rows := sortedRows(m)
	if len(rows) == 0 {
		return rows, nil
	}
	unit := uint64(1)
	for range places {
		unit *= 10
	}
	units := make([]uint64, len(rows))
	rems := make([]uint64, len(rows))
	left := unit
	for i, r := range rows {
		// count*unit/total in 128 bits: count <= total, so the quotient is
		// at most unit and fits 64 bits.
		hi, lo := bits.Mul64(uint64(r.Count), unit)
		units[i], rems[i] = bits.Div64(hi, lo, uint64(total))
		left -= units[i]
	}
	// left < len(rows): each row dropped less than one unit.
	if left > 0 {
		order := make([]int, len(rows))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rems[b], rems[a]) })
		for _, i := range order[:left] {
			units[i]++
		}
	}
	for i := range rows {
		rows[i].Share = decimal.New(int64(units[i]), -places) // units[i] <= 10^18
	}
	return rows, nil
}

// sortedRows returns the reasons and counts of m ordered by count, largest
// first, then by reason; never nil.
func sortedRows(m map[string]int64) []ReasonCount {
	rows := make([]ReasonCount, 0, len(m))
	for r, n := range m {
		rows = append(rows, ReasonCount{Reason: r, Count: n})
	}
	slices.SortFunc(rows, func(a, b ReasonCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Reason, b.Reason)
	})
	return rows
}

// validateReason returns nil for [NoReason] and for a reason that is valid
// UTF-8, at most [MaxReasonLen] bytes, not blank, without surrounding white
// space and without control characters; otherwise an *Error with code
// [ErrInvalidReason].
func validateReason(reason string) error {
	if reason == NoReason || plainReason(reason) {
		return nil
	}
	ids := []string{reason}
	switch {
	case !utf8.ValidString(reason):
		return NewError(ErrInvalidReason, ids, "outcome: demand reason %q is not valid UTF-8", clip(reason))
	case len(reason) > MaxReasonLen:
		return NewError(ErrInvalidReason, ids, "outcome: demand reason %q is longer than %d bytes", clip(reason), MaxReasonLen)
	case strings.TrimSpace(reason) == "":
		return NewError(ErrInvalidReason, ids, "outcome: demand reason %q is blank; use NoReason (\"\") for none", clip(reason))
	case strings.TrimSpace(reason) != reason:
		return NewError(ErrInvalidReason, ids, "outcome: demand reason %q has surrounding white space", clip(reason))
	case strings.IndexFunc(reason, unicode.IsControl) >= 0:
		return NewError(ErrInvalidReason, ids, "outcome: demand reason %q has a control character", clip(reason))
	}
	return nil
}

// plainReason reports whether reason is a valid reason made of printable
// ASCII only, without surrounding spaces: the common case, checked in one
// pass without allocating. Anything else goes through the full checks.
func plainReason(reason string) bool {
	n := len(reason)
	if n == 0 || n > MaxReasonLen || reason[0] == ' ' || reason[n-1] == ' ' {
		return false
	}
	for i := 0; i < n; i++ {
		if c := reason[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// reasonJSON is one row of a [FailureDemand]'s JSON form.
type reasonJSON struct {
	Reason string `json:"reason"`
	Count  int64  `json:"count"`
}

// failureDemandJSON is the JSON form of a [FailureDemand].
type failureDemandJSON struct {
	Value   []reasonJSON `json:"value"`
	Failure []reasonJSON `json:"failure"`
}

// MarshalJSON implements [json.Marshaler]. A tally encodes as its rows of
// value and failure demand, each ordered as a breakdown is (count, largest
// first, then reason):
//
//	{"value":[{"reason":"","count":700}],
//	 "failure":[{"reason":"repeat call","count":180},{"reason":"chaser","count":90}]}
//
// The totals are the sums of the rows. It has a value receiver so that a
// FailureDemand encodes whether or not it is addressable.
func (d FailureDemand) MarshalJSON() ([]byte, error) {
	v := failureDemandJSON{Value: jsonRows(d.byReason[0]), Failure: jsonRows(d.byReason[1])}
	return json.Marshal(v)
}

func jsonRows(m map[string]int64) []reasonJSON {
	rows := sortedRows(m)
	out := make([]reasonJSON, len(rows))
	for i, r := range rows {
		out[i] = reasonJSON{Reason: r.Reason, Count: r.Count}
	}
	return out
}

// failureDemandFields are the JSON names of a [FailureDemand]'s lists of
// rows, value demand first.
var failureDemandFields = []string{"value", "failure"}

// reasonFields are the JSON names of a row's fields.
var reasonFields = []string{"reason", "count"}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes the form written
// by [FailureDemand.MarshalJSON] (an absent list is empty, an absent reason
// is [NoReason]) and validates every row as [FailureDemand.Add] does. JSON
// null is never a field's value: a null list, reason or count is refused as
// a value of the wrong type, below, not read as empty, NoReason or 0. A reason listed twice for the same kind is an
// error with code [ErrDuplicateReason], and a row whose count is 0 or
// absent, which MarshalJSON never writes and [FailureDemand.UnmarshalBinary]
// refuses too, one with code [ErrInvalidCount], so nothing is silently
// summed or dropped.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (the first is the one read), a
// list that is not an array (`outcome: failure demand: "value" must be an
// array of rows {"reason","count"}, not null`), a row that is not an object,
// null included, and in a row, in the order of its fields, a key that names
// no field, a field given twice, a reason that is not a string and a count
// that is not an integer within int64, null included (`outcome: failure
// demand "failure"[2]: "count" must be an integer, not null`), each naming
// its row (`"failure"[2]`) and its reason if the row has one as a string (not
// null, which is no reason: a row whose reason is null names none); then the
// problems of the rows, in the order of the rows (value first), a row's
// reason (invalid, or listed twice) before its count (negative, or 0),
// leaving out what a value of the wrong type left unknown: a row whose reason
// is not a string still has its count checked, and one whose count is not an
// integer its reason. One overflow in all, and one excess of reasons per kind
// of demand, is reported. JSON that is not one object is a single problem
// with code ErrInvalidJSON, and so is JSON null for the whole tally, with no
// ID: `outcome: failure demand cannot be null` (encoding/json would leave d
// as it was). On error d is unchanged.
func (d *FailureDemand) UnmarshalJSON(data []byte) error {
	return decodeObject(data, d, "failure demand", "failure demand", decodeFailureDemand)
}

// demandRow is a row of a [FailureDemand]'s JSON as decoded, with whether
// its reason and its count had the right type.
type demandRow struct {
	label                   string // `"value"[2]`
	reason                  string
	count                   int64
	reasonKnown, countKnown bool
}

// decodeFailureDemand reads the members of the JSON object of a
// [FailureDemand] into j, as [FailureDemand.UnmarshalJSON] documents.
func decodeFailureDemand(j *jsonForm, members []strictjson.Member) FailureDemand {
	var rows [2][]demandRow
	j.each(members, failureDemandFields, func(f int, raw json.RawMessage) {
		const want = `an array of rows {"reason","count"}`
		if isJSONNull(raw) {
			j.wrongType(nil, failureDemandFields[f], want, raw)
			return
		}
		elems, err := strictjson.Elements(raw)
		if err != nil {
			j.wrongType(err, failureDemandFields[f], want, raw)
			return
		}
		rows[f] = make([]demandRow, len(elems))
		for i, e := range elems {
			rows[f][i] = decodeDemandRow(j, fmt.Sprintf("%q[%d]", failureDemandFields[f], i), e)
		}
	})
	var out FailureDemand
	overflowed := false
	for k, failure := range []bool{false, true} {
		tooMany := false
		seen := make(map[string]struct{}, len(rows[k]))
		for _, r := range rows[k] {
			if r.reasonKnown {
				if _, dup := seen[r.reason]; dup {
					// Not added, but its count is still checked: it is
					// wrong whatever the reason.
					j.checks = append(j.checks, NewError(ErrDuplicateReason, []string{r.reason},
						"outcome: %s demand reason %q is listed twice", demandKind(failure), clip(r.reason)))
					if err := r.countProblem(failure); err != nil {
						j.checks = append(j.checks, err)
					}
					continue
				}
				seen[r.reason] = struct{}{}
			}
			j.checks = appendAddError(j.checks, r.problem(&out, failure), &overflowed, &tooMany)
		}
	}
	return out
}

// problem adds r to d, as [FailureDemand.Add] does, and returns its
// problems, or nil: Add's, and a count of 0 after an invalid reason's. If
// r's reason or count is not known, it checks the other alone and adds
// nothing.
func (r demandRow) problem(d *FailureDemand, failure bool) error {
	switch {
	case r.reasonKnown && r.countKnown:
		err := d.Add(r.reason, failure, r.count)
		if r.count != 0 {
			return err
		}
		// Add takes a count of 0 as nothing to add; a row of the form that
		// says 0 would be dropped without a word.
		return msg.JoinFlat(err, r.countProblem(failure))
	case r.reasonKnown:
		return validateReason(r.reason)
	case r.countKnown && r.count < 0:
		return NewError(ErrInvalidCount, nil, "outcome: negative count %d of %s demand in row %s", r.count, demandKind(failure), r.label)
	case r.countKnown && r.count == 0:
		return NewError(ErrInvalidCount, nil,
			"outcome: zero count of %s demand in row %s: a row holds a count above zero (an absent count is 0)",
			demandKind(failure), r.label)
	}
	return nil
}

// decodeDemandRow reads raw, the row of a [FailureDemand]'s JSON named
// label, reporting the problems of its form in j.
func decodeDemandRow(j *jsonForm, label string, raw json.RawMessage) demandRow {
	r := demandRow{label: label}
	members, err := strictjson.Members(raw)
	if err != nil {
		j.problem(err, ": %s", strictjson.MustBe(label, `an object {"reason","count"}`, strictjson.Describe(raw)))
		return r
	}
	n := jsonForm{what: j.what + " " + label}
	for _, mb := range members {
		if strictjson.Field(reasonFields, mb.Key) == 0 {
			var reason string
			if !isJSONNull(mb.Value) && json.Unmarshal(mb.Value, &reason) == nil {
				n.ids = []string{reason} // the row's reason, even NoReason, names it
			}
			break // the first "reason" is the one read
		}
	}
	r.reasonKnown, r.countKnown = true, true
	n.each(members, reasonFields, func(f int, raw json.RawMessage) {
		if f == 1 {
			r.countKnown = jsonInt(&n, reasonFields[f], raw, &r.count)
			return
		}
		r.reasonKnown = n.value(reasonFields[f], "a string", raw, &r.reason)
	})
	j.form = append(j.form, n.form...)
	return r
}

// countProblem returns the problem of the count of r, a row whose reason
// is known, in the words of [FailureDemand.Add] and of problem: a negative
// count, or a count of 0, which no row holds; nil for a count that is
// above 0 or not known.
func (r demandRow) countProblem(failure bool) error {
	switch {
	case !r.countKnown || r.count > 0:
		return nil
	case r.count < 0:
		return NewError(ErrInvalidCount, []string{r.reason}, "outcome: negative count %d of %s demand %q",
			r.count, demandKind(failure), clip(r.reason))
	}
	return NewError(ErrInvalidCount, []string{r.reason},
		"outcome: zero count of %s demand %q: a row holds a count above zero (an absent count is 0)",
		demandKind(failure), clip(r.reason))
}

// appendAddError appends each problem of err, an error of
// [FailureDemand.Add] made while decoding, to errs, unless it repeats a
// problem already reported: one overflow in all, and one excess of reasons
// per kind of demand, is enough to report. overflowed and tooMany record
// what has been. Add may report more than one problem of a row (its reason
// and its count, or an overflow and an excess of reasons): each is weighed
// on its own.
func appendAddError(errs []error, err error, overflowed, tooMany *bool) []error {
	for _, p := range Problems(err) {
		switch p.Code {
		case ErrOverflow:
			if *overflowed {
				continue
			}
			*overflowed = true
		case ErrTooManyReasons:
			if *tooMany {
				continue
			}
			*tooMany = true
		}
		errs = append(errs, p)
	}
	return errs
}
