package cxtest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// captureT is a fake TestingT that records what an assertion does to it: the
// failures it reports, how often it calls Helper, and whether it calls
// FailNow. Like *testing.T, it takes Helper to mark the function that calls
// it, and on Errorf it records the functions of the package between the
// test and Errorf that did not mark themselves (unmarked): each of them
// would make *testing.T report the failure at a line inside the package
// rather than at the test's.
type captureT struct {
	errors   []string
	helpers  int
	failNow  int
	marked   map[string]bool
	unmarked []string
}

func (c *captureT) Errorf(format string, args ...any) {
	c.errors = append(c.errors, fmt.Sprintf(format, args...))
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		if strings.HasSuffix(f.File, "_test.go") || !more {
			return
		}
		if !c.marked[f.Function] {
			c.unmarked = append(c.unmarked, f.Function)
		}
	}
}

func (c *captureT) Helper() {
	pc, _, _, _ := runtime.Caller(1)
	if c.marked == nil {
		c.marked = make(map[string]bool)
	}
	c.marked[runtime.FuncForPC(pc).Name()] = true
	c.helpers++
}

func (c *captureT) FailNow() { c.failNow++ }

// output returns the one failure reported, or "" if none was.
func (c *captureT) output() string {
	switch len(c.errors) {
	case 0:
		return ""
	case 1:
		return c.errors[0]
	}
	return fmt.Sprintf("%d failures: %q", len(c.errors), c.errors)
}

// bareT is a TestingT with nothing but Errorf: no Helper, no FailNow.
type bareT struct{ errors []string }

func (b *bareT) Errorf(format string, args ...any) {
	b.errors = append(b.errors, fmt.Sprintf(format, args...))
}

// checkPass asserts that an assertion passed, reported nothing and called
// Helper.
func checkPass(t *testing.T, c *captureT, ok bool) {
	t.Helper()
	assert.True(t, ok, "the assertion should pass")
	assert.Empty(t, c.errors, "a passing assertion reports nothing")
	assert.Positive(t, c.helpers, "the assertion calls Helper")
	assert.Zero(t, c.failNow)
}

// checkFail asserts that an assertion failed, reported exactly want once, and
// called Helper.
func checkFail(t *testing.T, c *captureT, ok bool, want string) {
	t.Helper()
	assert.False(t, ok, "the assertion should fail")
	assert.Equal(t, want, c.output())
	assert.Positive(t, c.helpers, "the assertion calls Helper")
	assert.Empty(t, c.unmarked, "every function of the package on the way to Errorf calls Helper")
	assert.Zero(t, c.failNow, "an Assert function never calls FailNow")
}

// checkRequire runs a Require function on a fake that passes and on one that
// fails, and checks that it calls FailNow only after the failure, and calls
// Helper both times.
func checkRequire(t *testing.T, pass, fail func(TestingT)) {
	t.Helper()
	var good, bad captureT
	pass(&good)
	assert.Empty(t, good.errors, "the passing case reports nothing")
	assert.Zero(t, good.failNow, "Require calls FailNow only if the assertion failed")
	assert.Positive(t, good.helpers)
	fail(&bad)
	assert.Len(t, bad.errors, 1, "the failing case reports its failure")
	assert.Equal(t, 1, bad.failNow, "Require calls FailNow once the assertion failed")
	assert.Positive(t, bad.helpers)
	assert.Empty(t, bad.unmarked, "every function of the package on the way to Errorf calls Helper")
	// A TestingT without FailNow is only marked failed.
	var bare bareT
	fail(&bare)
	assert.Len(t, bare.errors, 1)
}

// contactCentre is the contact centre of the hierarchy package's examples:
// eleven nodes of work and one successful customer outcome; the wallboard
// work (a task, an activity, an output) serves nobody.
const contactCentre = `
task:answer-call -> activity:handle-enquiry -> output:calls-handled -> bo:cost-to-serve -> sco:solved-first-contact
task:look-up-account -> handle-enquiry
look-up-account -> activity:resolve-problem -> output:first-time-response -[0.4]-> cost-to-serve
first-time-response -[0.6]-> bo:revenue -> solved-first-contact
task:update-wallboard -> activity:monitor-queues -> output:wallboard-refreshes
`
