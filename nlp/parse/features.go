package parse

import "github.com/annals/annals/nlp/perceptron"

// Values standing for a missing position.
var (
	noWord = perceptron.String("<NONE>")
	noTag  = perceptron.String("<NONE-TAG>")
)

// pos holds what features read of one position of the configuration.
type pos struct {
	w, t, wt uint64
	l        uint64 // label+1 of its arc, 0 when unattached
}

func (st *state) at(i int) pos {
	if i < 0 || i > st.n {
		return pos{w: noWord, t: noTag, wt: noWord ^ noTag}
	}
	p := pos{w: st.word[i], t: st.tag[i], wt: st.wt[i]}
	if i > 0 && st.heads[i] >= 0 {
		p.l = uint64(st.rels[i]) + 1
	}
	return p
}

// child returns a dependent from one of the per-token child arrays, or -1.
func child(arr []int, i int) int {
	if i < 0 || arr[i] == 0 {
		return -1
	}
	return arr[i]
}

func (st *state) count(arr []int, i int) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(arr[i])
}

func (st *state) set(arr []uint64, i int) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return arr[i]
}

// dist buckets the distance between two positions; 0 when one is missing.
func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d > 10 {
		d = 10 + min((d-10)/5, 4)
	}
	return uint64(d)
}

// features returns the features of the configuration; the numbers of the
// templates are part of the model format.
func (st *state) features() []uint64 {
	ns := len(st.stack)
	s0i, s1i, s2i := st.stack[ns-1], -1, -1
	if ns > 1 {
		s1i = st.stack[ns-2]
	}
	if ns > 2 {
		s2i = st.stack[ns-3]
	}
	b0i, b1i, b2i := -1, -1, -1
	if st.b <= st.n {
		b0i = st.b
	}
	if st.b+1 <= st.n {
		b1i = st.b + 1
	}
	if st.b+2 <= st.n {
		b2i = st.b + 2
	}
	s0, s1, s2 := st.at(s0i), st.at(s1i), st.at(s2i)
	b0, b1, b2 := st.at(b0i), st.at(b1i), st.at(b2i)
	s0lc, s0rc, b0lc := st.at(child(st.lc1, s0i)), st.at(child(st.rc1, s0i)), st.at(child(st.lc1, b0i))
	s1lc, s1rc := st.at(child(st.lc1, s1i)), st.at(child(st.rc1, s1i))
	s0lc2, s0rc2, b0lc2 := st.at(child(st.lc2, s0i)), st.at(child(st.rc2, s0i)), st.at(child(st.lc2, b0i))
	d, d1 := dist(s0i, b0i), dist(s1i, s0i)
	s0vl, s0vr, b0vl := st.count(st.nlc, s0i), st.count(st.nrc, s0i), st.count(st.nlc, b0i)
	s1vl, s1vr := st.count(st.nlc, s1i), st.count(st.nrc, s1i)
	s0ls, s0rs, b0ls := st.set(st.lset, s0i), st.set(st.rset, s0i), st.set(st.lset, b0i)
	s1rs := st.set(st.rset, s1i)
	h := perceptron.Hash
	st.feats = append(st.feats[:0],
		h(1, 0, 0, 0),
		// single positions
		h(2, s0.wt, 0, 0), h(3, s0.w, 0, 0), h(4, s0.t, 0, 0),
		h(5, b0.wt, 0, 0), h(6, b0.w, 0, 0), h(7, b0.t, 0, 0),
		h(8, b1.wt, 0, 0), h(9, b1.w, 0, 0), h(10, b1.t, 0, 0),
		h(11, b2.w, 0, 0), h(12, b2.t, 0, 0),
		h(13, s1.wt, 0, 0), h(14, s1.w, 0, 0), h(15, s1.t, 0, 0),
		h(16, s2.w, 0, 0), h(17, s2.t, 0, 0),
		// pairs
		h(18, s0.wt, b0.wt, 0), h(19, s0.wt, b0.w, 0), h(20, s0.w, b0.wt, 0),
		h(21, s0.wt, b0.t, 0), h(22, s0.t, b0.wt, 0), h(23, s0.w, b0.w, 0),
		h(24, s0.t, b0.t, 0), h(25, b0.t, b1.t, 0), h(26, b0.w, b1.w, 0),
		h(27, s1.wt, s0.wt, 0), h(28, s1.w, s0.w, 0), h(29, s1.t, s0.t, 0),
		h(30, s1.wt, s0.t, 0), h(31, s1.t, s0.wt, 0), h(32, s0.t, b0.t, b1.w),
		// tag triples
		h(33, b0.t, b1.t, b2.t), h(34, s0.t, b0.t, b1.t), h(35, s1.t, s0.t, b0.t),
		h(36, s0.t, s0lc.t, b0.t), h(37, s0.t, s0rc.t, b0.t), h(38, s0.t, b0.t, b0lc.t),
		h(39, s1.t, s0.t, s0lc.t), h(40, s1.t, s0.t, s0rc.t), h(41, s1.t, s1rc.t, s0.t),
		h(42, s2.t, s1.t, s0.t), h(43, s1.t, s1lc.t, s0.t),
		// distance
		h(44, s0.w, d, 0), h(45, s0.t, d, 0), h(46, b0.w, d, 0), h(47, b0.t, d, 0),
		h(48, s0.w, b0.w, d), h(49, s0.t, b0.t, d), h(50, s1.t, s0.t, d1), h(51, s1.w, s0.w, d1),
		// valency
		h(52, s0.w, s0vr, 0), h(53, s0.t, s0vr, 0), h(54, s0.w, s0vl, 0), h(55, s0.t, s0vl, 0),
		h(56, b0.w, b0vl, 0), h(57, b0.t, b0vl, 0), h(58, s1.t, s1vr, 0), h(59, s1.t, s1vl, 0),
		// children
		h(60, s0lc.w, 0, 0), h(61, s0lc.t, 0, 0), h(62, s0lc.l, 0, 0),
		h(63, s0rc.w, 0, 0), h(64, s0rc.t, 0, 0), h(65, s0rc.l, 0, 0),
		h(66, b0lc.w, 0, 0), h(67, b0lc.t, 0, 0), h(68, b0lc.l, 0, 0),
		h(69, s1rc.t, 0, 0), h(70, s1rc.l, 0, 0), h(71, s1lc.t, 0, 0), h(72, s1lc.l, 0, 0),
		h(73, s0lc2.w, 0, 0), h(74, s0lc2.t, 0, 0), h(75, s0lc2.l, 0, 0),
		h(76, s0rc2.w, 0, 0), h(77, s0rc2.t, 0, 0), h(78, s0rc2.l, 0, 0),
		h(79, b0lc2.w, 0, 0), h(80, b0lc2.t, 0, 0), h(81, b0lc2.l, 0, 0),
		h(82, s0.t, s0lc.t, s0lc2.t), h(83, s0.t, s0rc.t, s0rc2.t), h(84, b0.t, b0lc.t, b0lc2.t),
		h(85, s0.t, s0lc.l, s0rc.l), h(86, s1.t, s1rc.l, s0.t),
		// label sets
		h(87, s0.w, s0rs, 0), h(88, s0.t, s0rs, 0), h(89, s0.w, s0ls, 0), h(90, s0.t, s0ls, 0),
		h(91, b0.w, b0ls, 0), h(92, b0.t, b0ls, 0), h(93, s1.t, s1rs, 0),
	)
	return st.feats
}

// labelFeatures returns the features for labelling the arc h -> d. The
// dependent is complete when it is attached, so its own dependents tell
// much: a "case" child makes an oblique or a nominal modifier, a "mark"
// child an adverbial clause.
func (st *state) labelFeatures(h, d int) []uint64 {
	hp, dp := st.at(h), st.at(d)
	dlc, drc := st.at(child(st.lc1, d)), st.at(child(st.rc1, d))
	hlc, hrc := st.at(child(st.lc1, h)), st.at(child(st.rc1, h))
	dir := uint64(1)
	if d > h {
		dir = 2
	}
	dd := dist(min(h, d), max(h, d))
	dls, drs, hls, hrs := st.lset[d], st.rset[d], st.lset[h], st.rset[h]
	prev, next := st.at(d-1), st.at(-1)
	if d < st.n {
		next = st.at(d + 1)
	}
	hh := perceptron.Hash
	st.feats = append(st.feats[:0],
		hh(101, 0, 0, 0),
		hh(102, dp.w, 0, 0), hh(103, dp.t, 0, 0), hh(104, dp.wt, 0, 0),
		hh(105, hp.w, 0, 0), hh(106, hp.t, 0, 0), hh(107, hp.wt, 0, 0),
		hh(108, dp.t, hp.t, dir), hh(109, dp.w, hp.t, dir), hh(110, dp.t, hp.w, dir),
		hh(111, dp.w, hp.w, dir), hh(112, dp.t, hp.t, dd), hh(113, dp.t, dir, dd),
		hh(114, dp.t, dls, drs), hh(115, dls, dir, 0), hh(116, drs, dir, 0),
		hh(117, dp.t, hp.t, dls), hh(118, dp.t, hp.t, drs),
		hh(119, hp.t, hls, dir), hh(120, hp.t, hrs, dir),
		hh(121, dlc.w, dlc.l, dir), hh(122, dlc.t, dlc.l, dp.t), hh(123, drc.w, drc.l, dir), hh(124, drc.t, drc.l, dp.t),
		hh(125, hlc.l, hp.t, dir), hh(126, hrc.l, hp.t, dir),
		hh(127, prev.t, dp.t, hp.t), hh(128, next.t, dp.t, hp.t),
		hh(129, dp.w, hp.wt, 0), hh(130, dp.wt, hp.w, 0),
		hh(131, uint64(st.nlc[d]), uint64(st.nrc[d]), dp.t),
		// context of the transition: the words around the arc
		hh(132, st.at(st.b).t, dp.t, hp.t), hh(133, st.at(st.b+1).t, dp.t, dir),
		hh(134, hp.t, dp.t, st.at(h-1).t),
	)
	return st.feats
}
