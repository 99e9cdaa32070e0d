// Package alignmenttest is a test suite, written as a test author would
// write it, that keeps an organisation's metric definitions honest in
// continuous integration with package cxtest.
//
// The organisation is the claims department of a home insurer. Its
// definitions are data, in testdata: the hierarchy from the front line's
// tasks up to its successful customer outcomes, each measured node with its
// KPI (hierarchy.json); the KPIs reported to the board that measure no node
// (board-kpis.json); and the canvases of its customer categories
// (canvases.json). The tests assert, one line per rule of the method, that
// everything is aligned, that every rewarded KPI reaches a customer outcome
// and none is an orphan output, that the portfolio is not mostly outputs,
// that the North Star is an outcome that passes every gate, and that the
// quarter won the triple crown.
//
// TestMisalignedModel shows what a failure looks like: the department as it
// was before it realigned, whose failures are captured and compared with
// testdata/misaligned.txt. Run
//
//	go test ./examples/alignmenttest -run TestMisalignedModel -show
//
// to see them fail a real test.
//
// The package has no code of its own: everything is in its tests.
package alignmenttest
