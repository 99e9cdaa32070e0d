package methodtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// IsMethodWords takes the method's words, whole or from the start of a
// word, and refuses METHOD.md's unquoted distillation and fragments.
func TestIsMethodWords(t *testing.T) {
	for _, s := range []string{
		"what we produce, what we make", "what we produce", "Usually, the balance will be 80% output metrics",
		"one question rules them all", "retrospective and subjective", "is everything you are doing aligned",
		"Is everything you are doing aligned", "Simultaneously lowering costs", "Joy", "Task",
	} {
		assert.True(t, IsMethodWords(s), "%q", s)
	}
	// METHOD.md's distillation, which it does not quote; a change of case
	// past the first letter; words the method does not use.
	for _, s := range []string{
		"the work that produces outputs", "a failure to do something right for the customer",
		"by whether customers actually achieve it", "the time until they do",
		"the share of journeys that end in the outcome", "a project delivered", "on time",
		"progress against budget", "cost optimisation", "usually, The balance", "what the customer achieves", "",
		// Fragments cut smaller than a word's start, or too short to be words.
		"a", "we", "roduce, what", "joyful",
	} {
		assert.False(t, IsMethodWords(s), "%q", s)
	}
}

func TestPassagesAndQuoted(t *testing.T) {
	p := Passages()
	assert.Contains(t, p, "Joy")
	p[0] = "changed"
	assert.NotEqual(t, "changed", Passages()[0], "a copy")
	assert.Equal(t, []string{"Joy", "Expression"}, Quoted(`BMW's "Joy", Hallmark's "Expression"`))
	assert.Empty(t, Quoted("no quotation"))
}
