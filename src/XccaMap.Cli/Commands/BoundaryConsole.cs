using System.Globalization;
using XccaMap.Diffraction.Boundary;

namespace XccaMap.Cli.Commands;

/// <summary>The short summary <c>xccamap boundary</c> prints to stdout.</summary>
internal static class BoundaryConsole
{
    public static void Print(BoundaryResult r, string outDir, IReadOnlyList<string> files)
    {
        var inv = CultureInfo.InvariantCulture;
        string u = r.Distances.Unit == "um" ? "µm" : "steps";
        string Pct(double v, double e) => double.IsFinite(v) && double.IsFinite(e) && e < Math.Abs(v) ? $"{(100 * v).ToString("0.00", inv)} ± {(100 * e).ToString("0.00", inv)} %" : "n/a";
        string Len(double v, double e) => double.IsFinite(v) && double.IsFinite(e) && e < v ? $"{v.ToString("0.000", inv)} ± {e.ToString("0.000", inv)} {u}" : "n/a";
        int usable = Enumerable.Range(0, r.Maps.Points).Count(i => r.QMap.Usable(i));
        Console.WriteLine($"q map: {(r.QMap.Label == "all" ? "all mapped reflections (" + string.Join(", ", r.QMap.Sources) + ")" : r.QMap.Sources[0])}; {usable} of {r.Maps.Points} points usable; {r.Domains.Domains.Count} domains");
        var p = r.Statistics.Pooled;
        int undetermined = r.Statistics.PerDomain.Count(d => !d.Fit.IsDetermined);
        Console.WriteLine($"whole scan: {r.Statistics.Points.Count} points ({undetermined} of {r.Statistics.PerDomain.Count} domains without a determined fit of their own); edge compression {Pct(p.Amplitude, p.AmplitudeError)}, decay length {Len(p.DecayLength, p.DecayLengthError)}");
        foreach (var d in r.Statistics.PerDomain.Where(d => d.Fit.IsDetermined))
        {
            Console.WriteLine($"  domain {d.Domain.Id} (class {d.Domain.ClassLabel + 1}, {d.Points} points): {Pct(d.Fit.Amplitude, d.Fit.AmplitudeError)}, L = {Len(d.Fit.DecayLength, d.Fit.DecayLengthError)}, q_bulk = {d.BulkQ.ToString("0.00000", inv)} Å⁻¹");
        }

        if (r.Line is { } l)
        {
            Console.WriteLine($"line: {l.Samples.Count} samples, edge {l.Edge}{(double.IsFinite(l.EdgePosition) ? " at " + l.EdgePosition.ToString("0.000", inv) + " " + u : string.Empty)}; edge compression {Pct(l.Fit.Amplitude, l.Fit.AmplitudeError)}, decay length {Len(l.Fit.DecayLength, l.Fit.DecayLengthError)} along the line ({(double.IsFinite(l.PerpendicularDecayLength) ? l.PerpendicularDecayLength.ToString("0.000", inv) : "n/a")} {u} perpendicular)");
        }

        if (r.Rotation is { } rot)
        {
            var b = rot.Bulk;
            var (zone, off) = b.NearestZone;
            Console.WriteLine($"bulk orientation: beam ≈ {zone} ({off.ToString("0.0", inv)}° off), explained {b.Score.ToString("0.000", inv)}");
            if (rot.EdgePoint is { } e)
            {
                var (axis, axisOff) = e.AxisInCrystal.Norm > 0 ? ZoneCandidates.Nearest(e.AxisInCrystal, 6) : (default, double.NaN);
                Console.WriteLine($"rotation: {rot.Matched.Count} points matched; total {rot.TotalRotationDeg.ToString("0.0", inv)}°; at the edge θ = {e.TiltDeg.ToString("0.0", inv)}° about the in-plane axis at φ = {e.AxisPhiDeg.ToString("0", inv)}°{(double.IsFinite(axisOff) ? $" (≈ {axis}SL, {axisOff.ToString("0", inv)}° off)" : string.Empty)}");
            }

            if (rot.Atomic is { } a)
            {
                Console.WriteLine($"atomic lattice: {a.Verdict}");
            }
        }

        foreach (var n in r.Notes)
        {
            Console.WriteLine($"note: {n}");
        }

        Console.WriteLine($"wrote {files.Count} files to {outDir}: {string.Join(", ", files)}");
    }
}
