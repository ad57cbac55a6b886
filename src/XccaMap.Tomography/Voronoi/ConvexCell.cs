using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Voronoi;

/// <summary>
/// A convex polyhedron stored as a list of planar faces, each a vertex loop, cut down by
/// half-spaces: the Voronoi cell of one particle (coordinates relative to the particle, nm).
/// One instance per thread; buffers are reused, so clipping does not allocate after warm-up.
/// </summary>
/// <remarks>
/// Robustness: every face is clipped on its own (Sutherland–Hodgman), and the intersection of an
/// edge with the plane is always computed from its inside end to its outside end, so the two faces
/// sharing that edge get bit-identical new vertices. Vertices within <see cref="Epsilon"/> of the
/// plane count as on it: they are kept, and they join the new face. A plane that removes no vertex
/// by more than ε (it only touches the cell at a vertex or an edge, as second neighbours do in perfect
/// lattices) creates no face — the zero-area facets of degenerate point sets never appear.
/// </remarks>
internal sealed class ConvexCell
{
    /// <summary>Face id of the bounding-box walls (no neighbour).</summary>
    public const int Wall = -1;

    private Vec3[] _v = new Vec3[512], _vNext = new Vec3[512];
    private int[] _start = new int[64], _len = new int[64], _nb = new int[64];
    private int[] _startNext = new int[64], _lenNext = new int[64], _nbNext = new int[64];
    private Vec3[] _cut = new Vec3[64];
    private double[] _angle = new double[64];
    private int _faces, _verts;
    private double _r2;

    /// <summary>Tolerance (nm) for "on the plane".</summary>
    public double Epsilon { get; private set; }

    /// <summary>Number of faces.</summary>
    public int FaceCount => _faces;

    /// <summary>Neighbour index of face <paramref name="f"/> (<see cref="Wall"/> for the box).</summary>
    public int Neighbor(int f) => _nb[f];

    /// <summary>Resets to the box [lo, hi] (relative to the particle, nm); walls carry <see cref="Wall"/>.</summary>
    public void Reset(Vec3 lo, Vec3 hi, double epsilon)
    {
        Epsilon = epsilon;
        _faces = 0;
        _verts = 0;
        Vec3 p000 = lo, p100 = new(hi.X, lo.Y, lo.Z), p010 = new(lo.X, hi.Y, lo.Z), p110 = new(hi.X, hi.Y, lo.Z);
        Vec3 p001 = new(lo.X, lo.Y, hi.Z), p101 = new(hi.X, lo.Y, hi.Z), p011 = new(lo.X, hi.Y, hi.Z), p111 = hi;
        AddBoxFace(p000, p010, p110, p100); // z = lo, outward −z
        AddBoxFace(p001, p101, p111, p011); // z = hi
        AddBoxFace(p000, p100, p101, p001); // y = lo
        AddBoxFace(p010, p011, p111, p110); // y = hi
        AddBoxFace(p000, p001, p011, p010); // x = lo
        AddBoxFace(p100, p110, p111, p101); // x = hi
        _r2 = ComputeRadiusSquared();
    }

    /// <summary>Largest squared distance (nm²) of a vertex from the particle.</summary>
    public double MaxRadiusSquared => _r2;

    private double ComputeRadiusSquared()
    {
        double r2 = 0;
        for (int i = 0; i < _verts; i++)
        {
            r2 = Math.Max(r2, _v[i].NormSquared);
        }

        return r2;
    }

    /// <summary>
    /// Keeps the half-space {x : n̂·x ≤ h}, where <paramref name="d"/> is the vector to the neighbour
    /// (the bisector plane: n̂ = d/|d|, h = |d|/2). Returns false when the plane does not cut the cell.
    /// </summary>
    public bool Clip(Vec3 d, int neighbor)
    {
        double len = d.Norm;
        double h = 0.5 * len, eps = Epsilon;
        if (h - eps >= Math.Sqrt(_r2))
        {
            return false; // the plane is beyond the farthest vertex
        }

        Vec3 n = d / len;
        double maxD = double.MinValue;
        for (int i = 0; i < _verts; i++)
        {
            maxD = Math.Max(maxD, Vec3.Dot(n, _v[i]) - h);
        }

        if (maxD <= eps)
        {
            return false;
        }

        int faces = 0, verts = 0, cuts = 0;
        for (int f = 0; f < _faces; f++)
        {
            int s = _start[f], m = _len[f];
            int begin = verts;
            Vec3 q = _v[s];
            double dq = Vec3.Dot(n, q) - h;
            for (int k = m - 1; k >= 0; k--)
            {
                // Edge (p, q) with q the vertex after p; the loop is walked backwards, which avoids a modulo.
                Vec3 p = _v[s + k];
                double dp = Vec3.Dot(n, p) - h;
                // Walking backwards, the crossing on edge (p, q) comes before p in the output loop.
                if ((dp < -eps && dq > eps) || (dp > eps && dq < -eps))
                {
                    // Canonical direction inside → outside, so both faces of the edge agree bit for bit.
                    Vec3 a = dp < 0 ? p : q, b = dp < 0 ? q : p;
                    double da = dp < 0 ? dp : dq, db = dp < 0 ? dq : dp;
                    Vec3 x = a + ((b - a) * (da / (da - db)));
                    PushNext(ref verts, x);
                    PushCut(ref cuts, x);
                }

                if (dp <= eps)
                {
                    PushNext(ref verts, p);
                    if (dp >= -eps)
                    {
                        PushCut(ref cuts, p);
                    }
                }

                q = p;
                dq = dp;
            }

            if (verts - begin >= 3)
            {
                AddFaceNext(ref faces, begin, verts - begin, _nb[f]);
            }
            else
            {
                verts = begin;
            }
        }

        int distinct = OrderCut(cuts, n);
        if (distinct >= 3)
        {
            int begin = verts;
            for (int k = 0; k < distinct; k++)
            {
                PushNext(ref verts, _cut[k]);
            }

            AddFaceNext(ref faces, begin, distinct, neighbor);
        }

        (_v, _vNext) = (_vNext, _v);
        (_start, _startNext) = (_startNext, _start);
        (_len, _lenNext) = (_lenNext, _len);
        (_nb, _nbNext) = (_nbNext, _nb);
        _faces = faces;
        _verts = verts;
        _r2 = ComputeRadiusSquared();
        return true;
    }

    /// <summary>Area of face <paramref name="f"/> (nm²).</summary>
    public double FaceArea(int f)
    {
        int s = _start[f], m = _len[f];
        Vec3 v0 = _v[s], sum = Vec3.Zero;
        for (int k = 1; k + 1 < m; k++)
        {
            sum += Vec3.Cross(_v[s + k] - v0, _v[s + k + 1] - v0);
        }

        return 0.5 * sum.Norm;
    }

    /// <summary>Volume (nm³): sum of pyramids from the particle (inside the cell) to each face.</summary>
    public double Volume()
    {
        // Face loops may run either way round; the particle is inside, so each pyramid is |…| on its own.
        double vol = 0;
        for (int f = 0; f < _faces; f++)
        {
            int s = _start[f], m = _len[f];
            Vec3 v0 = _v[s];
            double face = 0;
            for (int k = 1; k + 1 < m; k++)
            {
                face += Vec3.Dot(v0, Vec3.Cross(_v[s + k], _v[s + k + 1]));
            }

            vol += Math.Abs(face);
        }

        return vol / 6.0;
    }

    private void AddBoxFace(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
    {
        int s = _verts;
        _v[_verts++] = a;
        _v[_verts++] = b;
        _v[_verts++] = c;
        _v[_verts++] = d;
        _start[_faces] = s;
        _len[_faces] = 4;
        _nb[_faces++] = Wall;
    }

    private void AddFaceNext(ref int faces, int start, int len, int neighbor)
    {
        if (faces == _startNext.Length)
        {
            Array.Resize(ref _startNext, faces * 2);
            Array.Resize(ref _lenNext, faces * 2);
            Array.Resize(ref _nbNext, faces * 2);
            Array.Resize(ref _start, faces * 2);
            Array.Resize(ref _len, faces * 2);
            Array.Resize(ref _nb, faces * 2);
        }

        _startNext[faces] = start;
        _lenNext[faces] = len;
        _nbNext[faces++] = neighbor;
    }

    private void PushNext(ref int count, Vec3 p)
    {
        if (count == _vNext.Length)
        {
            Array.Resize(ref _vNext, count * 2);
        }

        _vNext[count++] = p;
    }

    private void PushCut(ref int count, Vec3 p)
    {
        if (count == _cut.Length)
        {
            Array.Resize(ref _cut, count * 2);
            Array.Resize(ref _angle, count * 2);
        }

        _cut[count++] = p;
    }

    /// <summary>Removes duplicate points of the new face and orders the rest by angle about their centroid.</summary>
    private int OrderCut(int count, Vec3 n)
    {
        double eps2 = Epsilon * Epsilon;
        int m = 0;
        for (int i = 0; i < count; i++)
        {
            bool dup = false;
            for (int j = 0; j < m; j++)
            {
                if ((_cut[i] - _cut[j]).NormSquared <= eps2)
                {
                    dup = true;
                    break;
                }
            }

            if (!dup)
            {
                _cut[m++] = _cut[i];
            }
        }

        if (m < 3)
        {
            return m;
        }

        Vec3 c = Vec3.Zero;
        for (int i = 0; i < m; i++)
        {
            c += _cut[i];
        }

        c /= m;
        Vec3 u = Math.Abs(n.X) < 0.9 ? Vec3.Cross(n, Vec3.UnitX) : Vec3.Cross(n, Vec3.UnitY);
        u = u.Normalized();
        Vec3 w = Vec3.Cross(n, u);
        for (int i = 0; i < m; i++)
        {
            Vec3 r = _cut[i] - c;
            _angle[i] = Math.Atan2(Vec3.Dot(r, w), Vec3.Dot(r, u));
        }

        Array.Sort(_angle, _cut, 0, m);
        return m;
    }
}
