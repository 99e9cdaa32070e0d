package outcome

import "fmt"

// This file holds the kernels that count a slice of survey answers, with
// every answer checked and the first one that is not on the scale reported
// with its position.
//
// A naive tally keeps one small histogram and, for every answer, branches on
// the range check and increments one counter: one load-add-store per answer,
// and a chain through the same counter whenever neighbouring answers are
// equal (each increment waits for the last). The kernels here do less:
//
//   - A lookup table of 256 bytes, built per call, maps every possible answer
//     byte (an []int8 answer's own byte; an []int answer's offset from the
//     bottom of the scale) to a small code: the answer's NPS group (2 bits)
//     or its point on a scale of at most 11 points (4 bits). Every answer off
//     the scale maps to a "poison" code, so there is no branch per answer.
//   - The codes of four answers (2-bit codes) or two answers (4-bit codes)
//     are packed into one byte, which indexes a table of 256 uint32 counters:
//     one increment per four (or two) answers instead of one per answer.
//   - Four such tables are used in turn, so that consecutive increments touch
//     different memory and run in parallel (4 KiB in all, in L1 cache).
//   - An []int answer is shifted by the bottom of the scale and its offset
//     ORed into an accumulator: an answer outside a window of 256 points sets
//     a bit above the low byte, checked once per block.
//   - Blocks of at most 2^24 answers, so that no uint32 counter can overflow;
//     after each block the tables are folded into int64 counts per code and
//     the poison count checked.
//
// Only when a block holds a bad answer is it scanned again, by the simple
// loop, to find the first one: everything before that block was valid.
//
// Faster kernels still are at the end of this file: for NPS answers in an
// []int8 on a scale within 0..127, the SWAR kernel, with no tables; for
// answers of any other integer type on a scale within 0..255 with few codes
// (the NPS groups, a rating scale of up to seven points), the field kernel,
// one table load and one add per answer. Like the rest of the library they
// are plain Go, without package unsafe: they read eight answers at a time
// through array pointers converted from the slice, and the compiler merges
// the eight byte loads of [swarWord] into one 64-bit load.

// codeLUT maps an answer's offset from the bottom of its scale (0..255) to
// its code; offsets past the top of the scale map to the poison code.
type codeLUT [256]uint8

// codeCounts holds the count of each code; index 15 (or 3) is the poison
// code's.
type codeCounts [16]int64

// codeTables are the four interleaved counter tables of the kernels.
type codeTables [4][256]uint32

// tallyBlock is the number of answers counted into the uint32 tables before
// they are folded into int64 counts: 2^24, so that no counter of any table
// sees more than 2^23 increments, far below 2^32.
const tallyBlock = 1 << 24

// tallyShort is the length below which a slice is counted by the simple
// loop: building the lookup table and folding the tables costs more than
// they save.
const tallyShort = 256

// codeWidth is the number of bits of a code: 2 for NPS groups (four answers
// to a table index), 4 for scale points (two answers to a table index).
type codeWidth uint8

const (
	width2 codeWidth = 2
	width4 codeWidth = 4
)

// poison returns the code every answer off the scale maps to.
func (w codeWidth) poison() uint8 { return 1<<w - 1 }

// countCodes adds to out the number of answers in scores with each code, as
// lut maps the offsets of the scale s to codes of width w. If an answer is
// not on the scale it returns an error with code [ErrScoreOutOfRange] naming
// the first such answer and its position, and out holds a partial count that
// the caller must discard.
func countCodes[E Integer](s Scale, scores []E, lut *codeLUT, w codeWidth, out *codeCounts) error {
	if len(scores) >= tallyShort {
		if v, ok := any(scores).([]int8); ok {
			return countInt8(s, v, lut, w, out)
		}
		if bits, ok := fieldFits(s, w); ok {
			return countFields(s, scores, lut, w, bits, out)
		}
		if v, ok := any(scores).([]int); ok {
			return countInt(s, v, lut, w, out)
		}
	}
	return countSimple(s, scores, 0, lut, out)
}

// countSimple is the reference loop: one answer at a time, checked, counted.
// base is the position of scores[0] in the caller's slice, for the error.
func countSimple[E Integer](s Scale, scores []E, base int, lut *codeLUT, out *codeCounts) error {
	span := uint64(s.max) - uint64(s.min)
	lo := uint64(int64(s.min))
	for i, v := range scores {
		x := int64(v)
		// An unsigned answer above the largest int64 turns negative here;
		// it is off every scale. Otherwise x - min, wrapping, is at most
		// span exactly when min <= x <= max.
		off := uint64(x) - lo
		if (x < 0 && v > 0) || off > span {
			return surveyScoreError(fmt.Sprint(v), base+i, s)
		}
		out[lut[off]]++
	}
	return nil
}

// countInt8 counts an []int8 slice with the kernels. The kernels index by
// the answer's own byte, so the lookup table is re-indexed by byte: byte b
// is the answer int8(b).
func countInt8(s Scale, scores []int8, lut *codeLUT, w codeWidth, out *codeCounts) error {
	var byByte codeLUT
	for b := range 256 {
		v := int(int8(b))
		if s.Contains(v) {
			byByte[b] = lut[v-s.min]
		} else {
			byByte[b] = w.poison()
		}
	}
	var t codeTables
	for start := 0; start < len(scores); start += tallyBlock {
		block := scores[start:min(len(scores), start+tallyBlock)]
		var n int
		if w == width2 {
			n = kernelQuadInt8(block, &byByte, &t)
		} else {
			n = kernelPairInt8(block, &byByte, &t)
		}
		var c codeCounts
		for _, v := range block[n:] {
			c[byByte[uint8(v)]]++
		}
		t.fold(w, &c)
		if c[w.poison()] != 0 {
			return countSimple(s, block, start, lut, new(codeCounts))
		}
		for k := range c {
			out[k] += c[k]
		}
	}
	return nil
}

// countInt counts an []int slice with the kernels, the range check folded
// into an OR accumulator.
func countInt(s Scale, scores []int, lut *codeLUT, w codeWidth, out *codeCounts) error {
	var t codeTables
	for start := 0; start < len(scores); start += tallyBlock {
		block := scores[start:min(len(scores), start+tallyBlock)]
		var n int
		var acc uint
		if w == width2 {
			n, acc = kernelQuadInt(block, s.min, lut, &t)
		} else {
			n, acc = kernelPairInt(block, s.min, lut, &t)
		}
		var c codeCounts
		for _, v := range block[n:] {
			o := uint(v - s.min)
			acc |= o
			c[lut[uint8(o)]]++
		}
		t.fold(w, &c)
		// An answer outside min..min+255 set a bit above the low byte of
		// acc; one inside that window but above max has the poison code.
		if acc > 0xFF || c[w.poison()] != 0 {
			return countSimple(s, block, start, lut, new(codeCounts))
		}
		for k := range c {
			out[k] += c[k]
		}
	}
	return nil
}

// kernelQuadInt8 counts the 2-bit codes of b, four answers to a table index,
// sixteen answers per step, and returns how many answers it counted (a
// multiple of 16); the caller counts the rest.
func kernelQuadInt8(b []int8, lut *codeLUT, t *codeTables) int {
	i := 0
	for ; i+16 <= len(b); i += 16 {
		q := b[i : i+16 : i+16]
		k0 := lut[uint8(q[0])] | lut[uint8(q[1])]<<2 | lut[uint8(q[2])]<<4 | lut[uint8(q[3])]<<6
		k1 := lut[uint8(q[4])] | lut[uint8(q[5])]<<2 | lut[uint8(q[6])]<<4 | lut[uint8(q[7])]<<6
		k2 := lut[uint8(q[8])] | lut[uint8(q[9])]<<2 | lut[uint8(q[10])]<<4 | lut[uint8(q[11])]<<6
		k3 := lut[uint8(q[12])] | lut[uint8(q[13])]<<2 | lut[uint8(q[14])]<<4 | lut[uint8(q[15])]<<6
		t[0][k0]++
		t[1][k1]++
		t[2][k2]++
		t[3][k3]++
	}
	return i
}

// kernelPairInt8 counts the 4-bit codes of b, two answers to a table index,
// eight answers per step, and returns how many answers it counted.
func kernelPairInt8(b []int8, lut *codeLUT, t *codeTables) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		q := b[i : i+8 : i+8]
		t[0][lut[uint8(q[0])]|lut[uint8(q[1])]<<4]++
		t[1][lut[uint8(q[2])]|lut[uint8(q[3])]<<4]++
		t[2][lut[uint8(q[4])]|lut[uint8(q[5])]<<4]++
		t[3][lut[uint8(q[6])]|lut[uint8(q[7])]<<4]++
	}
	return i
}

// kernelQuadInt counts the 2-bit codes of the offsets of b from lo, four
// answers to a table index, sixteen answers per step. It returns how many
// answers it counted and the OR of their offsets.
func kernelQuadInt(b []int, lo int, lut *codeLUT, t *codeTables) (int, uint) {
	var acc uint
	i := 0
	for ; i+16 <= len(b); i += 16 {
		q := b[i : i+16 : i+16]
		o0, o1, o2, o3 := uint(q[0]-lo), uint(q[1]-lo), uint(q[2]-lo), uint(q[3]-lo)
		o4, o5, o6, o7 := uint(q[4]-lo), uint(q[5]-lo), uint(q[6]-lo), uint(q[7]-lo)
		t[0][lut[uint8(o0)]|lut[uint8(o1)]<<2|lut[uint8(o2)]<<4|lut[uint8(o3)]<<6]++
		t[1][lut[uint8(o4)]|lut[uint8(o5)]<<2|lut[uint8(o6)]<<4|lut[uint8(o7)]<<6]++
		acc |= o0 | o1 | o2 | o3 | o4 | o5 | o6 | o7
		o0, o1, o2, o3 = uint(q[8]-lo), uint(q[9]-lo), uint(q[10]-lo), uint(q[11]-lo)
		o4, o5, o6, o7 = uint(q[12]-lo), uint(q[13]-lo), uint(q[14]-lo), uint(q[15]-lo)
		t[2][lut[uint8(o0)]|lut[uint8(o1)]<<2|lut[uint8(o2)]<<4|lut[uint8(o3)]<<6]++
		t[3][lut[uint8(o4)]|lut[uint8(o5)]<<2|lut[uint8(o6)]<<4|lut[uint8(o7)]<<6]++
		acc |= o0 | o1 | o2 | o3 | o4 | o5 | o6 | o7
	}
	return i, acc
}

// kernelPairInt counts the 4-bit codes of the offsets of b from lo, two
// answers to a table index, eight answers per step. It returns how many
// answers it counted and the OR of their offsets.
func kernelPairInt(b []int, lo int, lut *codeLUT, t *codeTables) (int, uint) {
	var acc0, acc1 uint
	i := 0
	for ; i+8 <= len(b); i += 8 {
		q := b[i : i+8 : i+8]
		o0, o1, o2, o3 := uint(q[0]-lo), uint(q[1]-lo), uint(q[2]-lo), uint(q[3]-lo)
		o4, o5, o6, o7 := uint(q[4]-lo), uint(q[5]-lo), uint(q[6]-lo), uint(q[7]-lo)
		acc0 |= o0 | o1 | o2 | o3
		acc1 |= o4 | o5 | o6 | o7
		t[0][lut[uint8(o0)]|lut[uint8(o1)]<<4]++
		t[1][lut[uint8(o2)]|lut[uint8(o3)]<<4]++
		t[2][lut[uint8(o4)]|lut[uint8(o5)]<<4]++
		t[3][lut[uint8(o6)]|lut[uint8(o7)]<<4]++
	}
	return i, acc0 | acc1
}

// fold adds the tables' counts to c, split into the codes each table index
// packs, and clears the tables for the next block.
func (t *codeTables) fold(w codeWidth, c *codeCounts) {
	for idx := range 256 {
		n := int64(t[0][idx]) + int64(t[1][idx]) + int64(t[2][idx]) + int64(t[3][idx])
		if n == 0 {
			continue
		}
		t[0][idx], t[1][idx], t[2][idx], t[3][idx] = 0, 0, 0, 0
		if w == width2 {
			c[idx&3] += n
			c[idx>>2&3] += n
			c[idx>>4&3] += n
			c[idx>>6] += n
		} else {
			c[idx&15] += n
			c[idx>>4] += n
		}
	}
}

// The SWAR kernel: NPS answers in an []int8 on a scale within 0..127 (the
// usual case: 0-10, 1-5, 0-100) are counted eight to a 64-bit word, with no
// table at all. Every byte lane of a word holds one answer x; with l = x &
// 0x7F (no carry can then cross into the next lane, as l + c <= 255 for the
// constants c below, all at most 128):
//
//   - x >= k exactly when the high bit of l + (128 - k) is set, for
//     0 <= x, k <= 127: so the lanes at or above the passive and promoter
//     cut points are counted by shifting those high bits down to 0 or 1
//     and adding the words, lane by lane;
//   - an answer off the scale is a byte with its own high bit set (an int8
//     below 0), or x > max (the high bit of l + (127 - max)), or x < min
//     (the high bit of l + (128 - min) clear); these bits are ORed into an
//     accumulator checked once at the end.
//
// Lane counters are folded every 127 steps (each gains at most 2 a step).
// 32 answers a step take about twenty operations, against one table
// increment per answer in the naive loop. (Lamport, "Multiple byte
// processing with full-word instructions", CACM 18(8), 1975, is the classic
// reference for such word-parallel byte arithmetic.)

const (
	lanes01 = 0x0101010101010101 // 1 in every byte lane
	lanes80 = 0x8080808080808080 // the high bit of every byte lane
	lanes7F = 0x7F7F7F7F7F7F7F7F // the low seven bits of every lane
)

// swarFits reports whether the SWAR kernel can count answers on s.
func swarFits(s Scale) bool { return s.min >= 0 && s.max <= 127 }

// swarWord returns the eight answers of a as one little-endian word, the
// answer a[i] in byte lane i. It is written so that the compiler merges the
// eight loads into one 64-bit load (as it does for
// [encoding/binary.LittleEndian.Uint64]); BenchmarkTallyNPS_int8 shows it.
func swarWord(a *[8]int8) uint64 {
	return uint64(uint8(a[0])) | uint64(uint8(a[1]))<<8 | uint64(uint8(a[2]))<<16 | uint64(uint8(a[3]))<<24 |
		uint64(uint8(a[4]))<<32 | uint64(uint8(a[5]))<<40 | uint64(uint8(a[6]))<<48 | uint64(uint8(a[7]))<<56
}

// kernelSWARInt8 counts, in the longest prefix of b whose length is a
// multiple of 32, the answers at or above pass and at or above prom, for a
// scale lo..hi with 0 <= lo < pass < prom <= hi <= 127. It returns the
// length of the prefix, the two counts, and whether every answer of the
// prefix was on the scale (if not, the counts are meaningless).
func kernelSWARInt8(b []int8, lo, pass, prom, hi int) (n int, gePass, geProm int64, ok bool) {
	addMax := uint64(127-hi) * lanes01
	addMin := uint64(128-lo) * lanes01
	addPass := uint64(128-pass) * lanes01
	addProm := uint64(128-prom) * lanes01
	var bad uint64
	for len(b) >= 32 {
		step := min(len(b)/32, 127) * 32
		chunk := b[:step]
		b = b[step:]
		n += step
		var p0, p1, q0, q1 uint64
		for i := 0; i+32 <= len(chunk); i += 32 {
			a := (*[32]int8)(chunk[i : i+32])
			w0 := swarWord((*[8]int8)(a[0:8]))
			w1 := swarWord((*[8]int8)(a[8:16]))
			w2 := swarWord((*[8]int8)(a[16:24]))
			w3 := swarWord((*[8]int8)(a[24:32]))
			l0, l1, l2, l3 := w0&lanes7F, w1&lanes7F, w2&lanes7F, w3&lanes7F
			bad |= w0 | w1 | w2 | w3 | (l0 + addMax) | (l1 + addMax) | (l2 + addMax) | (l3 + addMax) |
				^((l0 + addMin) & (l1 + addMin) & (l2 + addMin) & (l3 + addMin))
			p0 += (l0+addPass)>>7&lanes01 + (l1+addPass)>>7&lanes01
			p1 += (l2+addPass)>>7&lanes01 + (l3+addPass)>>7&lanes01
			q0 += (l0+addProm)>>7&lanes01 + (l1+addProm)>>7&lanes01
			q1 += (l2+addProm)>>7&lanes01 + (l3+addProm)>>7&lanes01
		}
		gePass += laneSum(p0) + laneSum(p1)
		geProm += laneSum(q0) + laneSum(q1)
	}
	return n, gePass, geProm, bad&lanes80 == 0
}

// laneSum returns the sum of the eight byte lanes of a (each at most 254).
func laneSum(a uint64) int64 {
	a = a&0x00FF00FF00FF00FF + a>>8&0x00FF00FF00FF00FF // four 16-bit lanes
	return int64(a * 0x0001000100010001 >> 48)
}

// The field kernel: answers of any integer type other than int8 (an []int8
// takes the kernels above), on a scale within 0..255 with at most seven
// codes besides the poison one (the three NPS groups; a rating scale of at
// most seven points, as the standard CSAT and CES scales are), are counted
// with one table of 256 words indexed by the answer itself. Each word has a
// field per code, of 16 bits for four codes or fewer and of 8 bits for up to
// eight, and an answer's word holds 1 in its code's field: so adding up the
// words of a block of answers counts each code in its field. Counting an
// answer is one table load and one add, with no store: about half the work
// of the packed table increments, and on an []int close to the time memory
// takes to deliver the answers. An answer outside 0..255 (negative, or
// large) is caught by ORing eight answers together and testing once a
// block; a block with a bad answer is scanned again by the simple loop.

// fieldLUT maps an answer 0..255 to its word of fields.
type fieldLUT [256]uint64

// fieldFits reports whether the field kernel can count answers on s with
// codes of width w, and if so returns the width of its fields in bits.
func fieldFits(s Scale, w codeWidth) (bits uint, ok bool) {
	if s.min < 0 || s.max > 255 {
		return 0, false
	}
	codes := 1 << w // the codes in use and the poison code
	if w == width4 {
		codes = s.Points() + 1
	}
	switch {
	case codes <= 4:
		return 16, true
	case codes <= 8:
		return 8, true
	}
	return 0, false
}

// countFields adds to out the number of answers in scores with each code, as
// codes maps the offsets of the scale s to codes of width w, counting with
// fields of the given bits. It reports a bad answer as [countCodes] does.
func countFields[E Integer](s Scale, scores []E, codes *codeLUT, w codeWidth, bits uint, out *codeCounts) error {
	// field(code) is the field that counts code: the code itself, or the
	// last field for the poison code.
	nf := 64 / bits
	poisonField := nf - 1
	field := func(code uint8) uint {
		if code == w.poison() {
			return poisonField
		}
		return uint(code)
	}
	var lut fieldLUT
	for x := range lut {
		o := x - s.min
		code := w.poison()
		if o >= 0 {
			code = codes[o]
		}
		lut[x] = 1 << (field(code) * bits)
	}
	block := fieldBlock(bits)
	mask := uint64(1)<<bits - 1
	var c codeCounts
	for start := 0; start < len(scores); start += block {
		b := scores[start:min(len(scores), start+block)]
		k, v, ok := kernelFields(b, &lut)
		for _, x := range b[k:] {
			if uint64(x) > 255 {
				ok = false
				break
			}
			v += lut[uint8(x)]
		}
		if !ok || v>>(poisonField*bits) != 0 {
			return countSimple(s, b, start, codes, new(codeCounts))
		}
		for f := range poisonField {
			c[f] += int64(v >> (f * bits) & mask)
		}
	}
	for k := range c {
		out[k] += c[k]
	}
	return nil
}

// fieldBlock returns how many answers countFields adds into one word with
// fields of the given bits: at most 2^bits - 1, so that no field overflows,
// and a multiple of the kernel's eight, so that only the last block has a
// tail.
func fieldBlock(bits uint) int { return (1<<bits - 1) &^ 7 }

// kernelFields adds up the field words of the answers of b, eight at a step,
// and returns how many it counted (a multiple of 8; the caller counts the
// rest), the sum, and whether every answer counted was within 0..255 (if
// not, the sum is meaningless).
func kernelFields[E Integer](b []E, lut *fieldLUT) (n int, v uint64, ok bool) {
	var v0, v1 uint64
	var acc uint64
	all := len(b)
	for len(b) >= 8 {
		q := (*[8]E)(b)
		b = b[8:]
		o0, o1, o2, o3 := uint64(q[0]), uint64(q[1]), uint64(q[2]), uint64(q[3])
		v0 += lut[uint8(o0)] + lut[uint8(o1)] + lut[uint8(o2)] + lut[uint8(o3)]
		acc |= o0 | o1 | o2 | o3
		o0, o1, o2, o3 = uint64(q[4]), uint64(q[5]), uint64(q[6]), uint64(q[7])
		v1 += lut[uint8(o0)] + lut[uint8(o1)] + lut[uint8(o2)] + lut[uint8(o3)]
		acc |= o0 | o1 | o2 | o3
	}
	return all - len(b), v0 + v1, acc <= 255
}
