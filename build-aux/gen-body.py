#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the Knotless body charts data/body/front.svg and data/body/back.svg.

Each view is described as ONE half of a planar mesh (the viewer's left half,
x <= 200): named points and regions given as cycles of point names, so that
neighbouring regions share exactly the same boundary points.  Points on the
centre line (x = 200) are shared by both halves.  The half is mirrored across
x = 200 to get the other side, then every mesh edge is turned into one cubic
Bezier (Catmull-Rom style tangents, computed once per edge), and each region is
written as a closed path built from the curves of its edges.  Because an edge
is drawn identically (reversed) for both regions that share it, the regions
tile the silhouette without gaps or overlaps.

Usage:
    python3 build-aux/gen-body.py                 # rewrite data/body/*.svg
    python3 build-aux/gen-body.py --test-dir DIR  # also write check/debug SVGs

Only the Python standard library is used; the output is deterministic.
"""

import math
import os
import sys

CX = 200.0          # centre line
EPS = 1e-9
CR_WEIGHT = 1.0          # tangent direction: 0 = angle bisector, 1 = Catmull-Rom
SMOOTH_PAIR_MIN = 150.0   # degrees: junction edges this straight continue smoothly


# ---------------------------------------------------------------------------
# Mesh description helpers
# ---------------------------------------------------------------------------

class Half:
    """One half of a view.  Coordinates are stored as (dx, y) with dx = x - CX,
    so the described half has dx <= 0 and mirroring is exact negation."""

    def __init__(self, name, half_side, other_side):
        self.name = name
        self.half_side = half_side      # side suffix of regions in the described half
        self.other_side = other_side    # side suffix of the mirrored regions
        self.pts = {}
        self.sharp = set()
        self.chains = []
        self.forced = {}
        self.regions = []               # (id, class, cycle-of-names, 'side'|'centre')

    def p(self, name, d, y, sharp=False):
        """Add point NAME at distance D from the centre line (D >= 0), height Y."""
        if name in self.pts:
            raise ValueError("%s: duplicate point %s" % (self.name, name))
        if d < -EPS:
            raise ValueError("%s: point %s on the wrong side" % (self.name, name))
        self.pts[name] = (-float(d), float(y))
        if sharp:
            self.sharp.add(name)

    def smooth(self, point, a, b):
        """Force the curve through junction POINT to continue smoothly from A to B."""
        self.forced[point] = (a, b)

    def chain(self, *names, name=None):
        """Register an ordered chain of points.  In region specs 'a..b' expands
        to the shortest run from a to b along any chain, 'a..b/NAME' to the run
        along the chain called NAME."""
        if len(names) == 1:
            names = names[0].split()
        for n in names:
            if n not in self.pts:
                raise ValueError("%s: chain uses unknown point %s" % (self.name, n))
        self.chains.append((name, list(names)))

    def expand(self, spec):
        out = []
        for tok in spec.split():
            if ".." in tok:
                a, b = tok.split("..")
                want = None
                if "/" in b:
                    b, want = b.split("/")
                seq = None          # the shortest run of any chain from a to b
                for cname, ch in self.chains:
                    if want is not None and cname != want:
                        continue
                    if a in ch and b in ch:
                        i, j = ch.index(a), ch.index(b)
                        run = ch[i:j + 1] if i <= j else ch[j:i + 1][::-1]
                        if seq is None or len(run) < len(seq):
                            seq = run
                if seq is None:
                    raise ValueError("%s: no chain holds %s and %s" % (self.name, a, b))
            else:
                seq = [tok]
            for n in seq:
                if n not in self.pts:
                    raise ValueError("%s: unknown point %s" % (self.name, n))
                if not out or out[-1] != n:
                    out.append(n)
        return out

    def side(self, base, cls, spec):
        """A region present on both sides: BASE-<side>."""
        cyc = self.expand(spec)
        if cyc[0] == cyc[-1]:
            cyc.pop()
        self.regions.append((base, cls, cyc, "side"))

    def centre(self, rid, cls, spec):
        """A single region straddling the centre line.  SPEC is the open path of
        its described half, from one centre-line point to another."""
        path = self.expand(spec)
        for end in (path[0], path[-1]):
            if abs(self.pts[end][0]) > EPS:
                raise ValueError("%s: %s must start/end on the centre line" % (self.name, rid))
        self.regions.append((rid, cls, path, "centre"))


def is_mid(pt):
    return abs(pt[0]) <= EPS


# ---------------------------------------------------------------------------
# Full (mirrored) mesh and curves
# ---------------------------------------------------------------------------

def unit(v):
    n = math.hypot(v[0], v[1])
    return (v[0] / n, v[1] / n)


def angle_between(u, v):
    c = max(-1.0, min(1.0, u[0] * v[0] + u[1] * v[1]))
    return math.degrees(math.acos(c))


class Mesh:
    def __init__(self, half):
        self.half = half
        self.pts = {}
        self.mirror = {}
        for n, pt in half.pts.items():
            self.pts[n] = pt
            if is_mid(pt):
                self.pts[n] = (0.0, pt[1])
                self.mirror[n] = n
            else:
                m = n + "~"
                self.pts[m] = (-pt[0], pt[1])
                self.mirror[n] = m
                self.mirror[m] = n
        # full regions: list of (id, class, cycle)
        self.regions = []
        for rid, cls, cyc, kind in half.regions:
            if kind == "side":
                self.regions.append(("%s-%s" % (rid, half.half_side), cls, list(cyc)))
                self.regions.append(("%s-%s" % (rid, half.other_side), cls,
                                     [self.mirror[n] for n in cyc]))
            else:
                full = list(cyc) + [self.mirror[n] for n in reversed(cyc[1:-1])]
                if cyc[0] == cyc[-1]:
                    raise ValueError("centre region %s is degenerate" % rid)
                self.regions.append((rid, cls, full))
        self.regions.sort(key=lambda r: r[0])
        self._edges()
        self._check_topology()
        self._tangents()
        self._curves()
        self.problems = []
        self._check_crossings()

    # -- topology ----------------------------------------------------------
    def _edges(self):
        self.use = {}      # undirected edge -> list of (region, direction)
        self.nbrs = {n: set() for n in self.pts}
        for rid, cls, cyc in self.regions:
            if len(cyc) < 3:
                raise ValueError("region %s has fewer than 3 points" % rid)
            if len(set(cyc)) != len(cyc):
                raise ValueError("region %s visits a point twice" % rid)
            sgn = 1 if self.poly_area(cyc) > 0 else -1
            for i, a in enumerate(cyc):
                b = cyc[(i + 1) % len(cyc)]
                key = (a, b) if a < b else (b, a)
                d = sgn * (1 if key == (a, b) else -1)
                self.use.setdefault(key, []).append((rid, d))
                self.nbrs[a].add(b)
                self.nbrs[b].add(a)

    def poly_area(self, cyc):
        s = 0.0
        for i, a in enumerate(cyc):
            b = cyc[(i + 1) % len(cyc)]
            (x1, y1), (x2, y2) = self.pts[a], self.pts[b]
            s += x1 * y2 - x2 * y1
        return s / 2.0

    def _check_topology(self):
        outline = []
        for key, uses in self.use.items():
            a, b = key
            if (a.endswith("~") and b in self.half.pts and not is_mid(self.pts[b])) or \
               (b.endswith("~") and a in self.half.pts and not is_mid(self.pts[a])):
                raise ValueError("edge %s-%s crosses the centre line" % key)
            if len(uses) > 2:
                raise ValueError("edge %s-%s used by %s" % (a, b, [u[0] for u in uses]))
            if len(uses) == 2:
                if uses[0][1] == uses[1][1]:
                    raise ValueError("edge %s-%s: regions %s overlap (same orientation)"
                                     % (a, b, [u[0] for u in uses]))
            else:
                outline.append(key)
        for n in self.pts:
            if not self.nbrs[n]:
                raise ValueError("%s: unused point %s" % (self.half.name, n))
        # the outline must be one closed loop
        adj = {}
        for a, b in outline:
            adj.setdefault(a, []).append(b)
            adj.setdefault(b, []).append(a)
        for n, l in adj.items():
            if len(l) != 2:
                raise ValueError("outline point %s has %d outline edges: %s" % (n, len(l), l))
        start = min(adj)
        loop, prev, cur = [start], None, start
        while True:
            a, b = adj[cur]
            nxt = b if a == prev else a
            if nxt == start:
                break
            loop.append(nxt)
            prev, cur = cur, nxt
        if len(loop) != len(adj):
            raise ValueError("outline is not a single loop (%d of %d points)"
                             % (len(loop), len(adj)))
        self.outline = loop
        total = sum(abs(self.poly_area(c)) for _, _, c in self.regions)
        sil = abs(self.poly_area(loop))
        if abs(total - sil) > 1e-6 * sil:
            raise ValueError("region areas %.3f != silhouette area %.3f (overlap)"
                             % (total, sil))

    # -- geometry ----------------------------------------------------------
    def _pairs_at(self, n):
        """Edges at N that continue each other smoothly: dict nbr -> partner."""
        if n in self.half.sharp or self.mirror.get(n, n) in self.half.sharp:
            return {}
        p = self.pts[n]
        nb = sorted(self.nbrs[n])
        forced = self.half.forced.get(n) or self.half.forced.get(self.mirror.get(n, n))
        if forced:
            a, b = forced
            if n.endswith("~"):
                a, b = self.mirror[a], self.mirror[b]
            if a not in nb or b not in nb:
                raise ValueError("smooth(%s): %s and %s are not its neighbours" % (n, a, b))
            return {a: b, b: a}
        dirs = {q: unit((self.pts[q][0] - p[0], self.pts[q][1] - p[1])) for q in nb}
        cand = []
        for i, a in enumerate(nb):
            for b in nb[i + 1:]:
                if is_mid(p):
                    sym = self.mirror[a] == b
                    both_mid = is_mid(self.pts[a]) and is_mid(self.pts[b])
                    if not (sym or both_mid):
                        continue
                ang = angle_between(dirs[a], dirs[b])
                cand.append((-ang, a, b))
        cand.sort()
        pairs = {}
        limit = 0.0 if len(nb) == 2 else SMOOTH_PAIR_MIN
        for negang, a, b in cand:
            if -negang < limit:
                break
            if a in pairs or b in pairs:
                continue
            pairs[a] = b
            pairs[b] = a
        return pairs

    def _tangents(self):
        self.pair = {n: self._pairs_at(n) for n in self.pts}

    def _dir(self, p, q):
        """Unit tangent leaving P along the edge towards Q, or None if one-sided."""
        partner = self.pair[p].get(q)
        if partner is None:
            return None
        pp, pq, pr = self.pts[p], self.pts[q], self.pts[partner]
        u = unit((pq[0] - pp[0], pq[1] - pp[1]))
        w = unit((pr[0] - pp[0], pr[1] - pp[1]))
        bis = unit((u[0] - w[0], u[1] - w[1]))           # bisector of the two edges
        cr = unit((pq[0] - pr[0], pq[1] - pr[1]))        # Catmull-Rom: next - previous
        return unit((bis[0] * (1 - CR_WEIGHT) + cr[0] * CR_WEIGHT,
                     bis[1] * (1 - CR_WEIGHT) + cr[1] * CR_WEIGHT))

    def _edge_curve(self, a, b):
        pa, pb = self.pts[a], self.pts[b]
        L = math.hypot(pb[0] - pa[0], pb[1] - pa[1])
        c = unit((pb[0] - pa[0], pb[1] - pa[1]))
        ta, tb = self._dir(a, b), self._dir(b, a)
        if ta is None and tb is None:
            return None                                   # straight line
        if ta is None:                                    # mirror tb across the chord normal
            d = tb[0] * c[0] + tb[1] * c[1]
            ta = (tb[0] - 2 * d * c[0], tb[1] - 2 * d * c[1])
        if tb is None:
            d = -(ta[0] * c[0] + ta[1] * c[1])
            tb = (ta[0] + 2 * d * c[0], ta[1] + 2 * d * c[1])
        c1 = (pa[0] + ta[0] * L / 3.0, pa[1] + ta[1] * L / 3.0)
        c2 = (pb[0] + tb[0] * L / 3.0, pb[1] + tb[1] * L / 3.0)
        if is_mid(pa) and is_mid(pb):
            c1, c2 = (0.0, c1[1]), (0.0, c2[1])
        return (c1, c2)

    def _curves(self):
        self.curves = {}
        for key in self.use:
            a, b = key
            if a.endswith("~") or b.endswith("~"):
                continue
            cv = self._edge_curve(a, b)
            self.curves[(a, b)] = cv
            ma, mb = self.mirror[a], self.mirror[b]
            if (ma, mb) != (a, b):
                self.curves[(ma, mb)] = None if cv is None else tuple((-x, y) for x, y in cv)
        for key in self.use:
            if key not in self.curves and (key[1], key[0]) not in self.curves:
                raise ValueError("no curve for edge %s-%s" % key)

    def _check_crossings(self, steps=12, cell=8.0):
        """No two edge curves may cross (sampled as polylines)."""
        segs = []
        for (a, b) in self.use:
            pa, pb = self.pts[a], self.pts[b]
            cv = self.segment(a, b)
            pts = []
            for i in range(steps + 1):
                t = i / float(steps)
                if cv is None:
                    pts.append((pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t))
                else:
                    (c1, c2), s_ = cv, 1 - t
                    pts.append(tuple(s_ ** 3 * pa[k] + 3 * s_ * s_ * t * c1[k]
                                     + 3 * s_ * t * t * c2[k] + t ** 3 * pb[k] for k in (0, 1)))
            for i in range(steps):
                segs.append(((a, b), pts[i], pts[i + 1]))
        grid = {}
        for idx, (_, p, q) in enumerate(segs):
            for gx in range(int(math.floor(min(p[0], q[0]) / cell)),
                            int(math.floor(max(p[0], q[0]) / cell)) + 1):
                for gy in range(int(math.floor(min(p[1], q[1]) / cell)),
                                int(math.floor(max(p[1], q[1]) / cell)) + 1):
                    grid.setdefault((gx, gy), []).append(idx)

        def orient(o, p, q):
            return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

        seen = set()
        for bucket in grid.values():
            for i in range(len(bucket)):
                for j in range(i + 1, len(bucket)):
                    e1, p1, q1 = segs[bucket[i]]
                    e2, p2, q2 = segs[bucket[j]]
                    if e1 == e2 or (bucket[i], bucket[j]) in seen:
                        continue
                    seen.add((bucket[i], bucket[j]))
                    d1, d2 = orient(p2, q2, p1), orient(p2, q2, q1)
                    d3, d4 = orient(p1, q1, p2), orient(p1, q1, q2)
                    if d1 * d2 < -1e-9 and d3 * d4 < -1e-9:
                        self.problems.append("%s: edges %s-%s and %s-%s cross near (%.1f, %.1f)"
                                             % (self.half.name, e1[0], e1[1], e2[0], e2[1],
                                                CX + p1[0], p1[1]))

    def segment(self, a, b):
        """(c1, c2) control points from A to B, or None for a straight line."""
        if (a, b) in self.curves:
            return self.curves[(a, b)]
        cv = self.curves[(b, a)]
        return None if cv is None else (cv[1], cv[0])

    def path_d(self, cyc, close=True):
        parts = ["M%s" % fmt_pt(self.pts[cyc[0]])]
        n = len(cyc)
        for i in range(n if close else n - 1):
            a, b = cyc[i], cyc[(i + 1) % n]
            seg = self.segment(a, b)
            if seg is None:
                parts.append("L%s" % fmt_pt(self.pts[b]))
            else:
                parts.append("C%s %s %s" % (fmt_pt(seg[0]), fmt_pt(seg[1]), fmt_pt(self.pts[b])))
        if close:
            parts.append("Z")
        return " ".join(parts)


def fmt_num(v10):
    """Format an integer number of tenths."""
    s = "%d.%d" % (abs(v10) // 10, abs(v10) % 10)
    if s.endswith(".0"):
        s = s[:-2]
    return ("-" if v10 < 0 else "") + s


def fmt_pt(pt):
    dx, y = pt
    # round the offset from the centre line, so both halves round identically
    return "%s %s" % (fmt_num(int(CX * 10) + int(round(dx * 10))), fmt_num(int(round(y * 10))))


# ---------------------------------------------------------------------------
# The figure.  Points are given as (distance from the centre line, y) for the
# viewer's left half.  Head top y = 40, chin y = 157, soles y = 965: about
# eight heads of 115 units.
# ---------------------------------------------------------------------------

def hand_points():
    """Outline of the viewer's left hand, palm forward, thumb lateral, from the
    thumb side of the wrist round the fingertips to the little-finger side.
    Returns (name, d, y, sharp) tuples."""
    # template: u = towards the thumb (away from the body), v = down from the wrist
    tpl = [
        ("hd1", 17.5, 10, False),   # thenar
        ("hd2", 22.0, 22, False),
        ("hd3", 26.0, 34, False),   # thumb
        ("hd4", 28.5, 47, False),
        ("hd5", 26.5, 57.5, False),   # thumb tip
        ("hd6", 22.0, 54, False),
        ("hd7", 16.2, 39, True),    # web between thumb and index
        ("hx1", 17.1, 56, False),   # index
        ("hx2", 17.0, 74, False),
        ("hxt", 13.1, 80, False),
        ("hx3", 9.4, 74.5, False),
        ("hx4", 9.2, 62.5, False),
        ("hn1", 8.3, 59.5, False),  # web index | middle
        ("hm1", 7.4, 62.5, False),  # middle
        ("hm2", 7.3, 80, False),
        ("hmt", 3.4, 86, False),
        ("hm3", -0.5, 80, False),
        ("hm4", -0.3, 62.5, False),
        ("hn2", -1.2, 59.5, False),  # web middle | ring
        ("hr1", -2.1, 62.5, False),  # ring
        ("hr2", -1.9, 77, False),
        ("hrt", -5.6, 82.5, False),
        ("hr3", -9.3, 76.5, False),
        ("hr4", -9.2, 61, False),
        ("hn3", -10.05, 58, False),  # web ring | little
        ("hp1", -10.9, 61, False),  # little
        ("hp2", -10.8, 66, False),
        ("hpt", -14.2, 71.5, False),
        ("hp3", -17.7, 65.5, False),
        ("hd8", -18.5, 50, False),  # hypothenar
        ("hd9", -17.5, 28, False),
        ("hd10", -15.5, 12, False),
    ]
    # wrist centre, the hand's tilt away from the body, scale across / along
    wc_d, wc_y, tilt, su, sv = 144.5, 502.0, math.radians(8.0), 1.0, 1.0
    out = []
    for name, u, v, sh in tpl:
        u, v = u * su, v * sv
        d = wc_d + u * math.cos(tilt) + v * math.sin(tilt)
        y = wc_y + v * math.cos(tilt) - u * math.sin(tilt)
        out.append((name, d, y, sh))
    return out


def outline(h, toes):
    """The silhouette of the described half, shared by both views, from the top
    of the head down to the crotch."""
    pts = [
        # head (ears between h4 and h7)
        ("hT", 0, 40), ("h1", 20, 42.5), ("h2", 33.5, 50), ("h2b", 39, 60), ("h3", 41, 71),
        ("h3b", 41.3, 82), ("h4", 41, 91), ("h5", 44, 95.5), ("h6", 44.5, 107), ("h6b", 42.5, 119),
        ("h7", 38.5, 125.5), ("h8", 35, 134), ("j1", 31, 142),
        # neck and shoulder
        ("n1", 29.5, 157), ("n2", 31.5, 170), ("s1", 47, 180.5), ("s2", 66, 187.5),
        ("s3", 92, 197.5), ("s4", 105, 208), ("s5", 113.5, 228), ("s6", 114.5, 252),
        ("s7", 112, 280),
        # arm, lateral side
        ("a1", 119, 308), ("a2", 126, 342), ("e1", 130.5, 368), ("e2", 136.5, 393),
        ("f1", 145, 415), ("f2", 152.5, 455), ("w1", 158.5, 500),
    ]
    pts += [(n, d, y) for n, d, y, _ in hand_points()]
    pts += [
        ("w2", 130.5, 504),
        # arm, medial side
        ("f4", 120.5, 466), ("f3", 104.5, 424), ("e4", 100.5, 398), ("e3", 96.5, 372),
        ("a4", 89.5, 334), ("a3", 82.5, 298), ("ax", 78, 262),
        # torso
        ("t1", 76, 292), ("t2", 71.5, 330), ("t3", 67.5, 366), ("t4", 70, 400),
        ("t4b", 74, 420), ("t5", 79, 438), ("t6", 85, 466), ("t6b", 87, 484),
        # leg, lateral side
        ("l1", 87.5, 502), ("l1b", 87.5, 524), ("l2", 86, 560), ("l3", 82, 618),
        ("l4", 76, 680), ("l5", 72, 714), ("l6", 72.5, 748), ("l7", 77, 782),
        ("l8", 75.5, 825), ("l8b", 71.5, 852), ("l9", 66.5, 879), ("la", 63, 900),
        ("l10", 62.5, 915),
        # foot, pointing slightly outwards
        ("fo1", 64.5, 929), ("fo2", 68.5, 938), ("fo3", 72.5, 944.5), ("fo4", 75.5, 950.5),
    ]
    if toes:        # front: the toes, seen from slightly above
        pts += [
            ("to5", 73.5, 955.5), ("tn4", 69.5, 955, True), ("to4", 66.5, 959),
            ("tn3", 62.5, 958.5, True), ("to3", 59, 962), ("tn2", 55, 961.5, True),
            ("to2", 50.5, 964), ("tn1", 46, 962.5, True), ("to1", 39.5, 965),
        ]
    else:           # back: the rounded sole behind the heel
        pts += [("bf1", 70, 958.5), ("bf2", 59, 963), ("bf3", 47, 964.5), ("bf4", 38, 963.5)]
    pts += [
        ("fi1", 32.5, 959), ("fi2", 30.5, 941),
        # leg, medial side
        ("i9", 32.5, 912), ("ia", 31, 896), ("i8", 27, 868), ("i7b", 21.5, 838),
        ("i7", 19.5, 798), ("i6", 23.5, 750), ("i5", 20.5, 718), ("i4", 21, 694),
        ("i3", 18, 645), ("i2", 12.5, 588), ("i1b", 8, 545), ("i1", 5, 522),
        ("mCr", 0, 503),
    ]
    for n, d, y, *sharp in pts:
        h.p(n, d, y, sharp=bool(sharp and sharp[0]))
    for n, d, y, sh in hand_points():
        if sh:
            h.sharp.add(n)
    h.sharp.update(("ax", "h4", "h7", "j1"))
    h.chain(*[p[0] for p in pts], name="outline")


def front():
    # described half = viewer's left = the person's RIGHT side
    h = Half("front", "right", "left")
    outline(h, toes=True)
    P = h.p
    # head
    P("ti", 28.5, 68); P("tb", 28.5, 84.5); P("b1", 14, 84); P("mB", 0, 87)
    P("j2", 21, 150.5); P("j3", 9, 155.5); P("mC", 0, 157)
    # neck
    P("sc1", 14, 172); P("sc2", 6.5, 195); P("mJ", 0, 192)
    P("sc3", 23, 198); P("sc4", 25.5, 167)
    # clavicle, chest
    P("cm", 42, 200.5); P("cl", 65, 201)
    P("c1", 8, 245); P("c2", 8, 291); P("mX", 0, 299)
    P("dp1", 78, 226); P("dp2", 86, 256)
    P("pb1", 66, 286); P("pb2", 38, 298)
    # arm
    P("d1", 99, 272)
    P("ec1", 113.5, 375); P("ec2", 118.5, 400); P("wm", 144.5, 505.5)
    # abdomen / groin
    P("g1", 52, 467); P("g2", 22, 492)
    # thigh
    P("hf1", 71, 494); P("hfm", 47, 530); P("hf2", 25, 570)
    P("ro1", 64, 560); P("ro2", 62, 630)
    P("vm1", 30, 615); P("vm2", 40, 655)
    P("k1", 60, 688); P("kt", 48, 680); P("k2", 36, 688)
    P("kl", 62.5, 714); P("km", 33.5, 715)
    P("kb1", 57, 741); P("kb", 48, 747); P("kb2", 39, 741)
    # lower leg, ankle, foot
    P("tc1", 47.5, 820); P("am", 47, 902); P("af", 47.5, 934)

    h.chain("sc2 sc3 cm cl")                 # clavicle
    h.chain("ax pb1 pb2 c2")                 # lower border of the pec
    h.chain("t6 hf1 hfm hf2 i2")             # lower border of hip-front
    h.chain("k1 kt k2 km kb2 kb kb1 kl k1")  # the kneecap
    h.chain("fo1 af fi2")                    # ankle crease
    h.chain("la am ia")                      # top of the ankle
    h.smooth("am", "la", "ia")

    C, S = h.centre, h.side
    C("head-forehead", "area", "mB b1 tb ti h2b..hT")
    S("head-temple", "area", "h2b..h3b tb ti")
    S("head-face", "area", "mB b1 tb h3b..j1 j2 j3 mC")
    C("neck-front", "area", "mC j3 j2 sc1 sc2 mJ")
    S("sternocleidomastoid", "muscle", "j1 sc4 sc3 sc2 sc1 j2")
    S("scalenes", "muscle", "j1..s2 cl cm sc3 sc4")
    C("chest-centre", "area", "mJ sc2 c1 c2 mX")
    S("pectoralis-major", "muscle", "sc2..cl dp1 dp2 ax..c2 c1")
    S("deltoid-anterior", "muscle", "cl s2..s7 d1 dp2 dp1")
    S("upper-arm-front", "area", "ax dp2 d1 s7..e1 ec1 e3..ax")
    S("elbow-front", "area", "e1 e2 ec2 e4 e3 ec1")
    S("forearm-flexors", "muscle", "e2..w1 wm w2..e4 ec2")
    S("hand-front", "area", "w1..w2 wm")
    C("abdomen", "area", "mX c2..ax ax..t5 g1 g2 mCr")
    S("hip-front", "area", "t5 t6..i2 i2..mCr g2 g1")
    S("thigh-outer", "area", "t6..l5 kl k1 ro2 ro1 hf1")
    S("rectus-femoris", "muscle", "hf1 ro1 ro2 k1 kt k2 vm2 vm1 hf2 hfm")
    S("vastus-medialis", "muscle", "hf2 vm1 vm2 k2 km i5..i2")
    S("knee-front", "area", "k1 kt k2 km kb2 kb kb1 kl")
    S("tibialis-anterior", "muscle", "kl kb1 kb tc1 am la..l5")
    S("shin-inner", "area", "kb kb2 km i5..ia am tc1")
    S("ankle-front", "area", "la..fo1 af fi2..ia am")
    S("foot-top", "area", "fo1..fi2/outline af")
    return h


def back():
    # described half = viewer's left = the person's LEFT side
    h = Half("back", "left", "right")
    outline(h, toes=False)
    P = h.p
    # head
    P("cr1", 20, 78); P("mK", 0, 80)
    P("ob1", 5, 130.5); P("ob2", 25, 135); P("mO", 0, 130)
    P("sb1", 10, 151, sharp=True); P("sbm1", 19.5, 145); P("sbm2", 6, 141)
    # neck, shoulder girdle
    P("lv1", 21, 165); P("lv2", 27.5, 196); P("sa", 38.5, 226)
    P("lv3", 39, 189); P("lv4", 55, 220)
    P("spb", 11, 178); P("sp0", 7, 186); P("mN", 0, 184)
    P("sst1", 66, 228); P("sst2", 77, 228.5); P("dsp", 87, 226)
    P("sp1", 64, 243); P("sr", 40, 251)
    P("pd1", 83, 245); P("pd2", 80, 258); P("di1", 97, 274)
    P("rb1", 47, 281); P("iang", 57, 310); P("ib", 67, 305); P("rbb", 42, 315)
    P("trm", 33.5, 281); P("tr1", 27, 312); P("tr2", 16, 348)
    P("T12", 7, 376); P("L1", 7, 395); P("spz", 7, 430); P("mSb", 0, 430)
    # low back, pelvis
    P("q1", 46, 388); P("le1", 27, 394); P("le2", 29.5, 412)
    P("ic1", 29, 429); P("ic2", 52, 415)
    P("sa1", 22, 431); P("pf1", 19, 446); P("pf2", 12.5, 463); P("mCx", 0, 481)
    P("pt1", 50, 453); P("ptip", 80, 470); P("pb1", 48, 471)
    P("gf1", 64, 546); P("gf2", 36, 553); P("gf3", 18, 549)
    # arm
    P("ec1", 113.5, 375); P("ec2", 118.5, 400); P("wm", 144.5, 505.5)
    # knee (popliteal diamond), calf, heel
    P("kk1", 47.5, 684, sharp=True); P("kko", 62, 718); P("kk2", 47.5, 754, sharp=True)
    P("kki", 32, 719.5)
    h.smooth("kko", "kk1", "kk2"); h.smooth("kki", "kk1", "kk2")
    P("gc1", 63, 851); P("gc2", 48, 866); P("gc3", 32, 856)
    P("hl1", 47, 894)

    h.sharp.update(("sp0", "spz"))           # corners of the spine strip
    h.chain("j1 lv1 lv2 sa lv4 lv3 n2")     # levator scapulae
    h.chain("s3 dsp sst2 sst1 lv4")
    h.chain("dsp sp1 sr")                    # spine of the scapula
    h.chain("dsp pd1 pd2 ax")                # border of the posterior deltoid
    h.chain("ax di1 s7")
    h.chain("t1 ib iang rbb tr1")
    h.chain("sa sr trm tr1 tr2 T12")         # edge of the trapezius
    h.chain("mN sp0 T12 L1 spz mSb")         # edge of the spine strip
    h.chain("t3 q1 le1 L1")
    h.chain("le1 le2 ic1 sa1 spz")
    h.chain("sa1 pf1 pf2 mCx")               # edge of the sacrum
    h.chain("t4b ic2 ic1")                   # iliac crest
    h.chain("pf1 pt1 ptip pb1 pf2")          # piriformis
    h.smooth("ptip", "pt1", "t6b")
    h.chain("l1b gf1 gf2 gf3 i1b")           # gluteal fold
    h.chain("kk1 kko kk2 kki kk1")           # popliteal diamond
    h.chain("l8 gc1 gc2 gc3 i7b")
    h.chain("la hl1 ia")

    C, S = h.centre, h.side
    C("head-top", "area", "mK cr1 h3..hT")
    C("head-back", "area", "mK cr1 h3..h8 ob2 ob1 mO")
    S("suboccipitals", "muscle", "ob1 ob2 sbm1 sb1 sbm2")
    S("splenius-capitis", "muscle", "mO ob1 sbm2 sb1 sbm1 ob2 h8 j1 lv1 spb sp0 mN")
    S("levator-scapulae", "muscle", "j1..n2 lv3 lv4 sa lv2 lv1")
    S("upper-trapezius", "muscle", "n2..s3 dsp sst2 sst1 lv4 lv3")
    S("supraspinatus", "muscle", "dsp..sr sa lv4..dsp")
    S("deltoid-posterior", "muscle", "s3..s7 di1 ax pd2 pd1 dsp")
    S("infraspinatus", "muscle", "dsp pd1 pd2 ax t1..iang rb1 sr..dsp")
    S("rhomboids", "muscle", "sr rb1 iang rbb tr1 trm")
    S("mid-lower-trapezius", "muscle", "sp0 spb lv1 lv2 sa..T12 T12..sp0")
    S("erector-spinae-thoracic", "muscle", "T12 tr2 tr1..t1 t1..t3 t3..L1")
    S("erector-spinae-lumbar", "muscle", "L1 le1 le2 ic1 sa1 spz")
    S("quadratus-lumborum", "muscle", "le1 q1 t3..t4b ic2 ic1 le2")
    C("spine", "area", "mN..mSb")
    C("sacrum", "area", "mSb spz sa1..mCx")
    S("gluteus-medius", "muscle", "ic1 ic2 t4b..t6b ptip pt1 pf1 sa1")
    S("piriformis", "muscle", "pf1 pt1 ptip pb1 pf2")
    S("gluteus-maximus", "muscle", "pf2 pb1 ptip t6b..l1b l1b..i1b i1b..mCr mCx")
    S("upper-arm-back", "area", "ax di1 s7..e1 ec1 e3..ax")
    S("elbow-back", "area", "e1 e2 ec2 e4 e3 ec1")
    S("forearm-extensors", "muscle", "e2..w1 wm w2..e4 ec2")
    S("hand-back", "area", "w1..w2 wm")
    S("hamstrings", "muscle", "l1b..l5 kko kk1 kki i5..i1b i1b..l1b")
    S("knee-back", "area", "kk1 kko kk2 kki")
    S("gastrocnemius", "muscle", "l5..l8 l8..i7b i7b..i5 kki kk2 kko")
    S("soleus", "muscle", "l8..la hl1 ia..i7b i7b..l8")
    S("heel", "area", "la..i9 ia hl1")
    return h


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

HEADER = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 1000" '
          'width="400" height="1000">\n')

STYLE = ('  <defs>\n'
         '    <style>\n'
         '      .muscle { fill: #f0e6dc; }\n'
         '      .area { fill: #e8e0d8; }\n'
         '      path { stroke: #8a7a6a; stroke-width: 1.2; stroke-linejoin: round; }\n'
         '      text { font-family: sans-serif; font-size: 28px; fill: #8a7a6a; }\n'
         '    </style>\n'
         '  </defs>\n')


def marks(view):
    # The letters name the PERSON's sides.  Front: the person's right is on the
    # viewer's left.  Back: the person's left is on the viewer's left.
    left_letter, right_letter = ("R", "L") if view == "front" else ("L", "R")
    return ('  <g id="marks">\n'
            '    <text x="64" y="962" text-anchor="middle" font-size="28" '
            'fill="#8a7a6a">%s</text>\n'
            '    <text x="336" y="962" text-anchor="middle" font-size="28" '
            'fill="#8a7a6a">%s</text>\n'
            '  </g>\n' % (left_letter, right_letter))


def render(mesh, view, style=STYLE, with_marks=True, extra=""):
    out = [HEADER, style, '  <g id="regions">\n']
    for rid, cls, cyc in mesh.regions:
        out.append('    <path id="%s" class="%s" d="%s"/>\n' % (rid, cls, mesh.path_d(cyc)))
    out.append('  </g>\n')
    if with_marks:
        out.append(marks(view))
    out.append(extra)
    out.append('</svg>\n')
    return "".join(out)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def test_files(mesh, view, d):
    """Check and debug renderings (not part of the data)."""
    solid = '  <defs><style>path { fill: #000; stroke: none; }</style></defs>\n'
    write(os.path.join(d, view + "-solid.svg"), render(mesh, view, solid, False))
    half = '  <defs><style>path { fill: #000; fill-opacity: 0.5; stroke: none; }</style></defs>\n'
    write(os.path.join(d, view + "-half.svg"), render(mesh, view, half, False))
    sil = ('%s  <path d="%s" fill="#000"/>\n</svg>\n'
           % (HEADER, mesh.path_d(mesh.outline)))
    write(os.path.join(d, view + "-outline.svg"), sil)
    labels = ['  <g font-size="4" fill="#c00" font-family="sans-serif">\n']
    for n, (dx, y) in sorted(mesh.pts.items()):
        if n.endswith("~"):
            continue
        labels.append('    <circle cx="%.1f" cy="%.1f" r="0.8" fill="#c00"/>'
                      '<text x="%.1f" y="%.1f" style="font-size:3.5px;fill:#c00">%s</text>\n' % (CX + dx, y, CX + dx + 1, y - 1, n))
    labels.append('  </g>\n')
    write(os.path.join(d, view + "-debug.svg"), render(mesh, view, extra="".join(labels)))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.join(here, "..", "data", "body")
    test_dir = None
    if len(argv) >= 2 and argv[0] == "--test-dir":
        test_dir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    for view, build in (("front", front), ("back", back)):
        mesh = Mesh(build())
        if test_dir:
            os.makedirs(test_dir, exist_ok=True)
            test_files(mesh, view, test_dir)
        if mesh.problems:
            sys.exit("\n".join(sorted(set(mesh.problems))))
        write(os.path.join(outdir, view + ".svg"), render(mesh, view))


if __name__ == "__main__":
    main(sys.argv[1:])
