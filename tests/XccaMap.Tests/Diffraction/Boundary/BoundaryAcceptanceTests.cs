using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.Boundary;
using Xunit.Abstractions;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>
/// Issue 8 acceptance on a simulated scan with set compression and rotation (<see cref="SimulatedBoundaryScan"/>):
/// edge compression within 1 % (absolute) and decay length within 25 % of the truth, for the whole scan and along a
/// line perpendicular to the edge; the pooled compression curve against the truth curve (residual reported); the
/// rotation along the line within 2° of the truth with the right axis.
/// </summary>
[Trait("Category", "Slow")]
public class BoundaryAcceptanceTests(SimulatedBoundaryScan scan, ITestOutputHelper output) : IClassFixture<SimulatedBoundaryScan>
{
    private const double C = SimulatedBoundaryScan.Compression, L = SimulatedBoundaryScan.CompressionDecay;

    [Fact]
    public void Whole_scan_compression_matches_the_truth()
    {
        var r = BoundaryResult.Analyse(ResultsMapsReader.Read(scan.ResultsPath));
        var pooled = r.Statistics.Pooled;
        output.WriteLine($"pooled: C = {pooled.Amplitude:0.0000} ± {pooled.AmplitudeError:0.0000} (truth {C}), L = {pooled.DecayLength:0.000} ± {pooled.DecayLengthError:0.000} µm (truth {L}), {r.Statistics.Points.Count} points");
        Assert.Equal(C, pooled.Amplitude, 0.01);
        Assert.InRange(pooled.DecayLength, 0.75 * L, 1.25 * L);
        var domain = Assert.Single(r.Statistics.PerDomain, d => d.Fit.IsDetermined);
        Assert.Equal(C, domain.Fit.Amplitude, 0.01);
        Assert.InRange(domain.Fit.DecayLength, 0.75 * L, 1.25 * L);

        // The pooled curve against the truth curve C·e^(−d/L) (bins of one step, measured distances).
        double rms = Math.Sqrt(r.Statistics.Bins.Average(b => Math.Pow(b.Mean - (C * Math.Exp(-b.MeanDistance / L)), 2)));
        double worst = r.Statistics.Bins.Max(b => Math.Abs(b.Mean - (C * Math.Exp(-b.MeanDistance / L))));
        foreach (var b in r.Statistics.Bins)
        {
            output.WriteLine($"  d = {b.MeanDistance:0.00} µm: {100 * b.Mean:0.00} % (truth {100 * C * Math.Exp(-b.MeanDistance / L):0.00} %, n = {b.Count})");
        }

        output.WriteLine($"pooled curve − truth curve: rms {100 * rms:0.000} %, worst {100 * worst:0.000} % (absolute)");
        Assert.True(rms < 0.005, $"rms residual {100 * rms:0.000} %");

        // Per point against the truth map (the lattice scale the simulator set), bulk from the fit.
        var bulk = domain.BulkQ;
        var perPoint = r.Statistics.Points.Select(p => (p.Q / bulk) - scan.TruthScale[(p.Row * 20) + p.Col]).Where(double.IsFinite).ToArray();
        double rmsPoint = Math.Sqrt(perPoint.Average(x => x * x));
        output.WriteLine($"per point q/q_bulk − truth scale: rms {100 * rmsPoint:0.000} % over {perPoint.Length} points");
        Assert.True(rmsPoint < 0.005);
    }

    [Fact]
    public void Line_compression_and_rotation_match_the_truth()
    {
        var maps = ResultsMapsReader.Read(scan.ResultsPath);
        var r = BoundaryResult.Analyse(maps);
        var (from, to) = PerpendicularLine();
        var line = LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, from.Row, from.Col, to.Row, to.Col);
        output.WriteLine($"line ({from.Row},{from.Col}) → ({to.Row},{to.Col}): edge {line.Edge} at {line.EdgePosition:0.000} µm; C = {line.Fit.Amplitude:0.0000} ± {line.Fit.AmplitudeError:0.0000}, L along = {line.Fit.DecayLength:0.000}, perpendicular = {line.PerpendicularDecayLength:0.000} µm (cos {line.CosAngle:0.00})");
        Assert.Equal(EdgeKind.ScatteringStops, line.Edge);
        Assert.Equal(C, line.Fit.Amplitude, 0.01);
        Assert.InRange(line.PerpendicularDecayLength, 0.75 * L, 1.25 * L);

        var rot = RotationAnalysis.Run(maps, r.Domains, r.Distances, line);
        double bulkError = Misorientation.CubicDisorientationAngleDeg(rot.Bulk.LabFromSl, scan.LabFromSl);
        output.WriteLine($"bulk orientation: {rot.Bulk.NearestZone.Zone}, {bulkError:0.00}° from the class orientation (the core is {SimulatedBoundaryScan.Rotation * Math.Exp(-r.Distances.Distance.Where(double.IsFinite).Max() / SimulatedBoundaryScan.RotationDecay):0.0}° turned)");
        int matched = 0;
        foreach (var p in rot.Points.Where(p => p.Matched))
        {
            int i = (p.Row * 20) + p.Col;
            double truthTheta = scan.TruthRotation[i], truthPhi = scan.TruthAxisPhi[i];
            if (!double.IsFinite(truthTheta))
            {
                continue;
            }

            var truthR = AxisAngle.RotationMatrixDeg(new Vec3(Math.Cos(truthPhi * Math.PI / 180), Math.Sin(truthPhi * Math.PI / 180), 0), truthTheta) * scan.LabFromSl;
            var mine = RotationTracker.Orientation(rot.Bulk.LabFromSl, p.TiltVector.X, p.TiltVector.Y, p.InPlaneDeg);
            double error = Misorientation.CubicDisorientationAngleDeg(mine, truthR);
            var (tt, tp) = RotationTracker.Canonical(truthTheta, truthPhi);
            output.WriteLine($"  ({p.Row},{p.Col}) d = {p.EdgeDistance:0.00} µm: θ = {p.TiltDeg:0.00}° about φ = {p.AxisPhiDeg:0.0}° (truth {tt:0.00}° about {tp:0.0}°), orientation error {error:0.00}°");
            Assert.True(error <= 2, $"({p.Row},{p.Col}): orientation {error:0.00}° from the truth");
            if (Math.Abs(tt) >= 4)
            {
                double axisError = Math.Abs(((p.AxisPhiDeg - tp + 270) % 180) - 90);
                Assert.True(axisError <= 15, $"({p.Row},{p.Col}): axis φ {p.AxisPhiDeg:0.0}° vs truth {tp:0.0}°");
                Assert.Equal(Math.Sign(tt), Math.Sign(p.TiltDeg));
            }

            matched++;
        }

        output.WriteLine($"total rotation {rot.TotalRotationDeg:0.0}°; atomic lattice: {rot.Atomic?.Verdict}");
        Assert.True(matched >= 5, $"{matched} points matched");
        Assert.StartsWith("follows", rot.Atomic!.Verdict, StringComparison.Ordinal);
    }

    /// <summary>From the domain point farthest from the edge (away from the raster border) down the truth distance gradient, three steps past the edge.</summary>
    private ((double Row, double Col) From, (double Row, double Col) To) PerpendicularLine()
    {
        int n = 20;
        double D(int r, int c) => scan.TruthClass[(r * n) + c] >= 0 ? scan.TruthDistance[(r * n) + c] : -scan.TruthDistance[(r * n) + c];
        var start = Enumerable.Range(0, n * n).Where(i => scan.TruthClass[i] == 0 && i / n is >= 2 and <= 17 && i % n is >= 2 and <= 17)
            .OrderByDescending(i => scan.TruthDistance[i]).First();
        int r0 = start / n, c0 = start % n;
        double gr = D(r0 + 1, c0) - D(r0 - 1, c0), gc = D(r0, c0 + 1) - D(r0, c0 - 1), norm = Math.Sqrt((gr * gr) + (gc * gc));
        double length = (scan.TruthDistance[start] / SimulatedBoundaryScan.Step) + 3;
        double r1 = Math.Clamp(r0 - (gr / norm * length), 0, n - 1), c1 = Math.Clamp(c0 - (gc / norm * length), 0, n - 1);
        return ((r0, c0), (r1, c1));
    }
}
