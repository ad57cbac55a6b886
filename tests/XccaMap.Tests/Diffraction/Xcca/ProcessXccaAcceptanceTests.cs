using XccaMap.Diffraction.Xcca;
using Xunit.Abstractions;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The shared <see cref="ProcessXccaFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessXccaCollection : ICollectionFixture<ProcessXccaFixture>
{
    public const string Name = "Demo scan through process for XCCA";
}

/// <summary>
/// Issue 6's acceptance through <c>process</c> (the library path with the truth's class map is
/// <see cref="SimulatedScanXccaTests"/>): on the simulated demo scan each truth class's domain — the SAXS class holding
/// most of its points — has a CCF that matches the simulator's noise-free bulk truth CCF (Pearson r ≥ 0.95) with the
/// symmetry axis within 1° of the truth's, and ΔΦ within ±1.5° of the truth where a 200_AL spot of the class reaches
/// the detector. The domain CCFs come from the features of process's one pass over the frames.
/// </summary>
[Collection(ProcessXccaCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ProcessXccaAcceptanceTests(ProcessXccaFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<int> Classes() => [0, 1, 2];

    private (TruthClass Truth, DomainXccaResult Domain) Of(int index)
    {
        var truth = fixture.Truth.Classes[index];
        var domain = fixture.DomainOfClass[index];
        Assert.True(domain is not null, $"{truth.Name}: no process domain holds its points");
        return (truth, domain!);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Domain_ccf_from_process_matches_the_truth_ccf(int index)
    {
        var (truth, d) = Of(index);
        double r = Pearson(d.Ccf.Scaled, truth.Ccf);
        output.WriteLine($"{truth.Name} → domain_{d.Domain} ({d.Frames} frames, {d.Pair.Q1Label} × {d.Pair.Q2Label}): r = {r:F4}");
        Assert.Equal(360, d.Ccf.Bins);
        Assert.True(r >= 0.95, $"{truth.Name}: r = {r}");
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Symmetry_axis_from_process_matches_the_truth_ccf(int index)
    {
        var (truth, d) = Of(index);
        var axes = SymmetryAxisFinder.EquivalentAxes(truth.Ccf);
        double miss = axes.Min(a => Math.Abs(Wrap90(d.Ccf.Axis.AxisDeg - a)));
        output.WriteLine($"{truth.Name}: axis {d.Ccf.Axis.AxisDeg:F2} ± {d.Ccf.Axis.ErrorDeg:F2}° ({d.Ccf.Axis.Method}); truth axes {string.Join(", ", axes.Select(a => a.ToString("F2")))}; miss {miss:F2}°");
        Assert.True(miss <= 1, $"{truth.Name}: axis {d.Ccf.Axis.AxisDeg} vs truth {string.Join(", ", axes)}");
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Orientational_disorder_from_process_matches_the_truth(int index)
    {
        var (truth, d) = Of(index);
        var r = d.Disorder!;
        output.WriteLine($"{truth.Name}: ΔΦ {r.DeltaPhiDeg.Format(2)}° vs truth {truth.DeltaPhi:F2}° (FWHM_az {r.FwhmAzDeg.Format(2)} vs {truth.FwhmAz:F2}, FWHM_rad {r.FwhmRadDeg.Format(2)} vs {truth.FwhmRad:F2}); " +
            $"peak φ {r.PhiDeg.Format(1)}°; 200_AL on detector: {truth.Has200OnDetector}; {r.Message}");
        if (!truth.Has200OnDetector)
        {
            return; // no 200 spot of this class reaches the detector: nothing to measure ΔΦ on
        }

        Assert.True(r.Success, r.Message);
        Assert.Equal(truth.DeltaPhi, r.DeltaPhiDeg.Value, 1.5);
        Assert.Equal(truth.FwhmRad, r.FwhmRadDeg.Value, 0.2);
        Assert.NotNull(r.Cuts);
    }

    [Fact]
    public void Every_domain_is_written_with_its_stage_timing()
    {
        var x = fixture.Result.Xcca!;
        output.WriteLine($"XCCA: {x.CpuSeconds:F2} s CPU of the run's {fixture.Result.CpuSeconds:F1} s (setup {x.SetupCpuSeconds:F2} s, {x.ProfileMicrosecondsPerFrame:F0} µs/frame in the feature pass, compute {x.ComputeCpuSeconds:F2} s); run {fixture.Result.TotalSeconds:F1} s wall");
        Assert.Equal(fixture.Result.SaxsClassification!.ClassCount, x.Domains.Count);
        Assert.Contains(fixture.Result.Timings, t => t.Stage == "xcca");
        Assert.Equal(fixture.Result.FramesProcessed, x.ProfileFrames);
    }

    private static double Wrap90(double d) => d - (180 * Math.Round(d / 180));
}
