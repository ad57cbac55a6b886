using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Builds the entries of a <see cref="RemapTable"/>: for every unmasked pixel, the bins its footprint covers and
/// the fraction in each, in parallel over blocks of rows, then lays them out pixel-major for the per-frame kernel.
/// </summary>
internal static class RemapTableBuilder
{
    private const int RowsPerBlock = 8;

    public static RemapTable Build(PixelGeometry geometry, DetectorMask? mask, RemapBins bins, RemapOptions options)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(options);
        var shape = geometry.Shape;
        if (mask is not null && mask.Shape != shape)
        {
            throw new MaskShapeException("remap table mask", shape, mask.Shape.ToString());
        }

        options = options with { Bands = options.Bands?.ToArray() }; // the table keeps its own copy
        var qActive = ActiveQBins(bins, options.Bands);
        var binner = new FootprintBinner(bins, qActive);
        var pixelNorm = PixelNormalisation(geometry, options);
        var corners = options.Split == PixelSplit.None ? null : geometry.Corners;
        int blockCount = (shape.Rows + RowsPerBlock - 1) / RowsPerBlock;
        var blocks = new RemapTableBlock[blockCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(
            0,
            blockCount,
            parallel,
            () => new PixelEntries(),
            (b, _, entries) =>
            {
                var block = new RemapTableBlock();
                int r1 = Math.Min(shape.Rows, (b + 1) * RowsPerBlock);
                for (int row = b * RowsPerBlock; row < r1; row++)
                {
                    BinRow(geometry, corners, mask, binner, options.Split, pixelNorm, row, entries, block);
                }

                blocks[b] = block;
                return entries;
            },
            _ => { });

        return RemapTableAssembler.Assemble(shape, bins, options, qActive, blocks);
    }

    private static bool[] ActiveQBins(RemapBins bins, IReadOnlyList<QBand>? bands)
    {
        var active = new bool[bins.QCount];
        for (int i = 0; i < active.Length; i++)
        {
            active[i] = bands is null;
            if (bands is not null)
            {
                double lo = bins.QEdge(i), hi = bins.QEdge(i + 1);
                foreach (var band in bands)
                {
                    active[i] |= band.Overlaps(lo, hi);
                }
            }
        }

        return active;
    }

    private static float[]? PixelNormalisation(PixelGeometry geometry, RemapOptions options)
    {
        if (!options.CorrectSolidAngle && options.PolarisationFactor is null)
        {
            return null;
        }

        var norm = options.PolarisationFactor is { } f ? geometry.Polarisation(f) : new float[geometry.Shape.PixelCount];
        var sa = geometry.SolidAngle.Span;
        for (int i = 0; i < norm.Length; i++)
        {
            // pyFAI multiplies the per-pixel corrections into one normalisation (solid angle × polarisation).
            float p = options.PolarisationFactor is null ? 1f : norm[i];
            norm[i] = options.CorrectSolidAngle ? p * sa[i] : p;
        }

        return norm;
    }

    private static void BinRow(
        PixelGeometry geometry,
        PixelCornerGrid? corners,
        DetectorMask? mask,
        FootprintBinner binner,
        PixelSplit split,
        float[]? pixelNorm,
        int row,
        PixelEntries entries,
        RemapTableBlock block)
    {
        int cols = geometry.Shape.Cols;
        var q = geometry.Q.Span;
        var phi = geometry.Phi.Span;
        var excluded = mask is null ? default : mask.Excluded;
        var cq = corners is null ? default : corners.Q.Span;
        var cphi = corners is null ? default : corners.Phi.Span;
        int stride = cols + 1;
        Span<double> fs = stackalloc double[4];
        Span<double> us = stackalloc double[4];
        Span<double> ph = stackalloc double[4];
        for (int col = 0; col < cols; col++)
        {
            int p = row * cols + col;
            if (!excluded.IsEmpty && excluded[p])
            {
                continue;
            }

            entries.Clear();
            double qc = q[p], phic = phi[p];
            if (split == PixelSplit.None)
            {
                if (binner.TryPoint(binner.F(qc), binner.U(phic), out int bin))
                {
                    entries.Add(bin, 1.0);
                }
            }
            else
            {
                // Corners in the order (r, c), (r+1, c), (r+1, c+1), (r, c+1): a closed loop around the pixel.
                int c00 = row * stride + col;
                int c10 = c00 + stride;
                ReadOnlySpan<int> idx = [c00, c10, c10 + 1, c00 + 1];
                double uc = binner.U(phic);
                double winding = 0, dqMax = 0, duMax = 0, qMaxCorner = 0;
                for (int k = 0; k < 4; k++)
                {
                    double qk = cq[idx[k]];
                    ph[k] = cphi[idx[k]];
                    fs[k] = binner.F(qk);
                    us[k] = uc + binner.DeltaU(ph[k] - phic);
                    dqMax = Math.Max(dqMax, Math.Abs(qk - qc));
                    duMax = Math.Max(duMax, Math.Abs(us[k] - uc));
                    qMaxCorner = Math.Max(qMaxCorner, qk);
                }

                for (int k = 0; k < 4; k++)
                {
                    winding += binner.DeltaU(ph[(k + 1) % 4] - ph[k]);
                }

                if (Math.Abs(winding) > 0.5 * binner.Turn)
                {
                    // The pixel holds the beam (q = 0): its footprint is every φ from q = 0 to its largest corner q.
                    binner.AddRectangle(binner.F(0), binner.F(qMaxCorner), uc - 0.5 * binner.Turn, uc + 0.5 * binner.Turn, entries);
                }
                else if (split == PixelSplit.BoundingBox)
                {
                    // q cannot be negative: a box reaching below 0 (pixels next to the beam) starts at q = 0.
                    binner.AddRectangle(binner.F(Math.Max(0, qc - dqMax)), binner.F(qc + dqMax), uc - duMax, uc + duMax, entries);
                }
                else
                {
                    binner.AddPolygon(fs, us, entries);
                }

                entries.Tidy();
            }

            if (entries.Count > 0)
            {
                block.Add(p, pixelNorm is null ? 1f : pixelNorm[p], entries);
            }
        }
    }
}
