using XccaMap.Simulation.Model;

namespace XccaMap.Simulation.Truth;

/// <summary>Per-point truth maps, row-major rows × cols of the raster.</summary>
internal sealed class TruthMaps
{
    public required int[] Label { get; init; }

    public required int[] FrameIndex { get; init; }

    public required int[] Grain { get; init; }

    public required int[] PrimaryClass { get; init; }

    public required int[] SecondaryClass { get; init; }

    public required double[] SecondaryFraction { get; init; }

    public required double[] LatticeScale { get; init; }

    public required double[] RotationDeg { get; init; }

    public required double[] AxisPhiDeg { get; init; }

    public required double[] Thickness { get; init; }

    public required double[] DistanceUm { get; init; }

    public static TruthMaps From(SampleMap sample)
    {
        var pts = sample.Points.ToArray();
        var raster = sample.Raster;
        return new TruthMaps
        {
            Label = pts.Select(p => p.Label).ToArray(),
            FrameIndex = pts.Select(p => raster.FrameOfPoint(p.Row, p.Col)).ToArray(),
            Grain = pts.Select(p => p.Primary.Grain).ToArray(),
            PrimaryClass = pts.Select(p => p.Primary.ClassIndex).ToArray(),
            SecondaryClass = pts.Select(p => p.Secondary?.ClassIndex ?? -1).ToArray(),
            SecondaryFraction = pts.Select(p => p.Secondary?.Fraction ?? 0).ToArray(),
            LatticeScale = pts.Select(p => p.Dominant?.QScale ?? double.NaN).ToArray(),
            RotationDeg = pts.Select(p => p.Dominant?.RotationDeg ?? double.NaN).ToArray(),
            AxisPhiDeg = pts.Select(p => p.Dominant?.AxisPhiDeg ?? double.NaN).ToArray(),
            Thickness = pts.Select(p => p.Thickness).ToArray(),
            DistanceUm = pts.Select(p => Math.Min(p.DistanceUm, 1e6)).ToArray(),
        };
    }
}
