package render

import "io"

// flushAt is the size at which a sink hands its buffer to the writer.
const flushAt = 32 << 10

// sink buffers output for an io.Writer: renderers append to buf, and a full
// buffer goes to the writer in one call. The first write error is kept, and
// everything after it is dropped, so that a renderer checks for an error once,
// at the end ([sink.close]). Building the output in one growing buffer, or in
// strings joined together, would copy it again and again; a sink copies each
// byte once.
type sink struct {
	w   io.Writer
	buf []byte
	err error
}

func newSink(w io.Writer) *sink {
	return &sink{w: w, buf: make([]byte, 0, flushAt+flushAt/4)}
}

// str appends s.
func (s *sink) str(x string) { s.buf = append(s.buf, x...) }

// byte1 appends c.
func (s *sink) byte1(c byte) { s.buf = append(s.buf, c) }

// end ends a line, and flushes the buffer when it is full.
func (s *sink) end() {
	s.buf = append(s.buf, '\n')
	if len(s.buf) >= flushAt {
		s.flush()
	}
}

// flush writes the buffer to the writer, unless a write has failed before.
func (s *sink) flush() {
	if s.err == nil && len(s.buf) > 0 {
		_, s.err = s.w.Write(s.buf)
	}
	s.buf = s.buf[:0]
}

// close flushes what is left and returns the first write error, or nil.
func (s *sink) close() error {
	s.flush()
	return s.err
}
