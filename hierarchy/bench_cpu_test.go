//go:build unix

package hierarchy

import "syscall"

// cpuNanos returns the CPU time the process has used so far, user and
// system, in all its threads (the garbage collector's included), or 0 if it
// cannot tell. On a shared machine the wall-clock time of a benchmark depends
// on what else runs; its CPU time much less so.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
