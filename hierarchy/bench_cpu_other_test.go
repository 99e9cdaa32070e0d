//go:build !unix

package hierarchy

// cpuNanos returns 0: this system's CPU time is not measured.
func cpuNanos() int64 { return 0 }
