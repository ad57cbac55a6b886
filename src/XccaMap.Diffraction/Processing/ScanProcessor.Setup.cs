using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>Setup: the combined mask, the scan-averaged radial profile, the rings and their indexing.</summary>
public sealed partial class ScanProcessor
{
    private void BuildMask()
    {
        var sample = FrameLoop.EvenlySpaced(_frames, Math.Max(1, _config.DetectHotPixels ? _config.HotPixelFrames : 1));
        Begin("mask", sample.Length);
        // Whole frames, copied: hot-pixel detection compares them pixel by pixel (8 frames ≈ 140 MB for a 4M).
        var copies = new List<(long Index, uint[] Pixels)>();
        long done = 0;
        foreach (var result in FrameStream.Read(_scan, sample, null, _cancellation))
        {
            using (result.Frame)
            {
                if (result.Frame is { } frame)
                {
                    copies.Add((result.Index, frame.Data.ToArray()));
                }
                else
                {
                    Skip(result.Index, result.Error?.Message ?? "unreadable frame");
                }
            }

            _progress.Report(++done);
        }

        // pixel_mask ∪ all-ones pixels of the first frame read ∪ the user's masks (.npy or FILE.h5::/dataset), then hot pixels.
        var builder = copies.Count > 0
            ? ScanMask.Start(_scan, copies[0].Index, copies[0].Pixels, _request.MaskFiles)
            : ScanMask.Start(_scan, null, _request.MaskFiles);
        if (_config.DetectHotPixels && copies.Count >= 2)
        {
            builder.AddHotPixels(copies.Select(c => (ReadOnlyMemory<uint>)c.Pixels).ToList());
        }

        _mask = builder.Build();
        _maskSources = builder.Contributions;
        End("mask", copies.Count);
    }

    private RemapOptions RemapOptions() => ProcessingTables.RemapOptions(_config);

    private SurveyData Survey()
    {
        var table = RemapTable.Build(_geometry, _mask, ProcessingTables.SurveyBins(_geometry, _mask, _config), RemapOptions());
        var frames = FrameLoop.EvenlySpaced(_frames, _config.SurveyFrames);
        Begin("survey", frames.Length);
        var states = FrameLoop.Run(
            _scan, frames, null, _config.MaxFramesInFlight,
            () => new RemapAccumulator(table),
            (acc, frame) => table.Accumulate(frame.Data, acc),
            Skip, _progress, _cancellation);
        var sums = new ProfileSums(table.BinCount);
        foreach (var acc in states)
        {
            sums.Add(acc);
        }

        End("survey", sums.Frames);
        if (sums.Frames == 0)
        {
            throw new InvalidDataException($"none of the {frames.Length} survey frames of {_scan.MasterPath} could be read");
        }

        var qs = table.Bins.QCentres();
        var intensity = sums.Mean();
        var count = sums.CountPerFrame();
        var rings = FindRings(qs, intensity, count);
        var sl = FccIndexer.Index(rings.Superlattice.Select(r => r.Q).ToList(), _config.Indexing);
        var al = FccIndexer.Index(rings.AtomicLattice.Select(r => r.Q).ToList(), _config.AtomicIndexing);
        rings = rings with
        {
            Superlattice = Label(rings.Superlattice, sl),
            AtomicLattice = Label(rings.AtomicLattice, al),
        };
        Note(Describe("SL", rings.Superlattice, sl) + "; " + Describe("AL", rings.AtomicLattice, al));
        return new SurveyData(table, qs, intensity, count, rings, sl, al, (int)sums.Frames);
    }

    private RingSet FindRings(double[] q, double[] intensity, double[] count)
    {
        var rings = RingFinder.Find(q, intensity, count, _config.Rings);
        if (rings.Superlattice.Count == 0)
        {
            Note("no superlattice ring found in the SAXS range: no SAXS classification or q maps (list rings in the config under rings.superlattice)");
        }

        if (rings.AtomicLattice.Count == 0)
        {
            Note("no atomic-lattice ring found in the WAXS range: no WAXS classification (list rings in the config under rings.atomic_lattice)");
        }

        return rings;
    }

    private static List<Ring> Label(IReadOnlyList<Ring> rings, FccIndexing indexing)
    {
        var byQ = indexing.Peaks.Where(p => p.IsIndexed).ToDictionary(p => p.Q, p => p.Hkl);
        var used = new HashSet<string>();
        return rings.Select(r =>
        {
            string? hkl = byQ.TryGetValue(r.Q, out var h) && h is not null && used.Add(h) ? h : null;
            return r with { Hkl = hkl };
        }).ToList();
    }

    private static string Describe(string kind, IReadOnlyList<Ring> rings, FccIndexing indexing) =>
        rings.Count == 0
            ? $"no {kind} rings"
            : FormattableString.Invariant($"{kind} rings at q = {string.Join(", ", rings.Select(r => $"{r.Q:0.0000}" + (r.Hkl is null ? string.Empty : $" ({r.Hkl})")))} Å⁻¹")
              + (double.IsFinite(indexing.MeanA) ? FormattableString.Invariant($", fcc a = {indexing.MeanA:0.00} ± {indexing.StdA:0.00} Å") : string.Empty);
}
