using System.CommandLine;
using System.Globalization;
using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Simulation;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.CcfFit;
using XccaMap.Hdf5;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap ccf fit --results DIR/results.h5 --domain K [--model conf1|conf2|free|both] [--zone u,v,w]</c>: fits
/// simulated CCFs (eqs. 4–6 of the S.I.) to the measured CCF of one domain and writes the fit (JSON), the residual and
/// an SVG of measured vs simulated CCF (Fig. 2a–e) next to the results.
/// </summary>
internal static class CcfFitCommand
{
    public static Command Build()
    {
        var results = new Option<string?>("--results") { Description = "results.h5 of `xccamap process` (the CCF is read from /entry/xcca/domain_K)" };
        var ccf = new Option<string?>("--ccf") { Description = "HDF5 file of `xccamap ccf compute` (same NXdata layout), instead of or besides --results" };
        var domain = new Option<int>("--domain") { Description = "Domain K (/entry/xcca/domain_K); for `process` results K is the SAXS class label (class K+1 of the report, /entry/classes/saxs_class_{K+1})", Required = true };
        var model = new Option<string>("--model") { Description = "Relation(s) to fit: conf1, conf2, free, or both (conf1 and conf2, compared by residual)", DefaultValueFactory = _ => "both" };
        model.AcceptOnlyFromAmong("conf1", "conf2", "free", "both");
        var zone = new Option<string?>("--zone") { Description = "Superlattice zone axis u,v,w along the beam; default: try [001], [110], [111], [112], [301]" };
        var inPlane = new Option<double?>("--in-plane") { Description = "Fix the in-plane rotation ψ, degrees (default: from the domain's SAXS peak azimuths, else fitted — the CCF alone pins ψ only through the detector window)" };
        var saxsPhi = new Option<string?>("--saxs-phi") { Description = "Measured SAXS peak azimuths of the domain, degrees, comma-separated (default: typical_peak_phi of /entry/classes/saxs_class_{K+1})" };
        var noSaxsPhi = new Option<bool>("--ignore-saxs-phi") { Description = "Do not use SAXS peak azimuths for ψ" };
        var a = new Option<double?>("--a") { Description = "Superlattice constant, Å, to identify q1's hkl family (default: the indexed value in the results, else 150)" };
        var wavelength = new Option<double?>("--wavelength") { Description = "Wavelength, Å (default: /entry/process/wavelength)" };
        var poni = new Option<string?>("--poni") { Description = "PONI file for the ring masks (default: the geometry in the results, Eiger 4M)" };
        var window = new Option<string?>("--window") { Description = "WAXS window W(φ) as START:END degrees (arc through increasing φ), instead of the geometry" };
        var tilt = new Option<bool>("--fit-tilt") { Description = "Also fit the out-of-plane misorientation (ω_x, ω_y)" };
        var freeAmp = new Option<bool>("--free-amplitudes") { Description = "One free amplitude per WAXS peak instead of the Ewald/disorder model" };
        var maxMis = new Option<double>("--max-misorientation") { Description = "Bound on each misorientation component for conf1/conf2, degrees", DefaultValueFactory = _ => 15 };
        var output = new Option<string?>("--out") { Description = "Output folder (default: next to the input file)" };
        var cmd = new Command("fit", "Fit simulated CCFs (Conf1/Conf2/free relation, zone axis, in-plane rotation, SL/AL misorientation, peak widths) to a domain's measured CCF; writes ccf_fit_domain_K.json and .svg.")
        {
            results, ccf, domain, model, zone, inPlane, saxsPhi, noSaxsPhi, a, wavelength, poni, window, tilt, freeAmp, maxMis, output,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(new Request(
            r.GetValue(results), r.GetValue(ccf), r.GetValue(domain), r.GetValue(model)!, r.GetValue(zone), r.GetValue(inPlane),
            r.GetValue(noSaxsPhi) ? [] : r.GetValue(saxsPhi) is { } sp ? Doubles(sp, "--saxs-phi") : null, r.GetValue(a),
            r.GetValue(wavelength), r.GetValue(poni), r.GetValue(window), r.GetValue(tilt), r.GetValue(freeAmp), r.GetValue(maxMis), r.GetValue(output)))));
        return cmd;
    }

    internal sealed record Request(string? Results, string? Ccf, int Domain, string Model, string? Zone, double? InPlane, double[]? SaxsPhi, double? A, double? Wavelength,
        string? Poni, string? Window, bool FitTilt, bool FreeAmplitudes, double MaxMisorientation, string? Out);

    private static int Execute(Request q)
    {
        if (q.Results is null && q.Ccf is null)
        {
            throw new UsageException("give --results DIR/results.h5 (or --ccf FILE.h5)");
        }

        if (q.Domain < 0 || !(q.MaxMisorientation > 0))
        {
            throw new UsageException("--domain must be ≥ 0 and --max-misorientation positive");
        }

        MeasuredCcf measured = ReadMeasured(q);
        PoniGeometry? filePoni = q.Poni is null && measured.PoniPath is { } pp ? PoniGeometry.Read(pp) : null;
        double lambda = q.Wavelength ?? measured.WavelengthAngstrom ?? (filePoni?.Wavelength * 1e10) // m → Å
            ?? throw new UsageException($"{measured.Path} has no /entry/process/wavelength: give --wavelength (or --results)");
        (AngularMask? mask1, AngularMask? mask2, string maskSource) = Masks(q, measured, lambda, filePoni);
        var data = new CcfFitData
        {
            DeltaDeg = measured.DeltaDeg,
            Ccf = measured.Ccf,
            Q1 = measured.Q1Centre,
            Q2 = measured.Q2Centre,
            WavelengthAngstrom = lambda,
            Mask1 = mask1,
            Mask2 = mask2,
            SaxsPeakPhiDeg = q.SaxsPhi ?? measured.SaxsPeakPhiDeg,
            Label = $"domain {q.Domain}{(measured.DomainName is null ? string.Empty : $" ({measured.DomainName})")}",
        };
        var options = new CcfFitOptions
        {
            Models = q.Model switch
            {
                "conf1" => [CcfModelKind.Conf1],
                "conf2" => [CcfModelKind.Conf2],
                "free" => [CcfModelKind.Free],
                _ => [CcfModelKind.Conf1, CcfModelKind.Conf2],
            },
            Zones = q.Zone is null ? null : [SimulatePatternParsing.Zone(q.Zone, "--zone")],
            InPlaneDeg = q.InPlane,
            FitTilt = q.FitTilt,
            Amplitudes = q.FreeAmplitudes ? AmplitudeMode.Free : AmplitudeMode.Physical,
            MaxMisorientationDeg = q.MaxMisorientation,
            SuperlatticeA = q.A ?? measured.SuperlatticeA ?? 150,
        };
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ccf fit: {measured.Path}:{measured.Group}, q1 = {data.Q1:F4} Å⁻¹, q2 = {data.Q2:F4} Å⁻¹, λ = {lambda:F4} Å, a = {options.SuperlatticeA:F1} Å, masks: {maskSource}"));
        CcfFitReport report = CcfFitter.Fit(data, options);
        string dir = q.Out ?? Path.GetDirectoryName(Path.GetFullPath(measured.Path))!;
        Directory.CreateDirectory(dir);
        string stem = Path.Combine(dir, $"ccf_fit_domain_{q.Domain}");
        AtomicFile.WriteAllText(stem + ".json", CcfFitOutput.Json(report, data, measured, maskSource).ToJsonString(JsonOptions.Indented));
        AtomicFile.WriteAllText(stem + ".svg", CcfFitOutput.Svg(report, data));
        CcfFitOutput.PrintSummary(report, Console.Out, zoneGiven: q.Zone is not null);
        Console.WriteLine($"fit   {stem}.json");
        Console.WriteLine($"plot  {stem}.svg");
        return ExitCodes.Ok;
    }

    private static MeasuredCcf ReadMeasured(Request q)
    {
        if (q.Ccf is null)
        {
            return MeasuredCcfFile.Read(q.Results!, q.Domain);
        }

        // --ccf supplies the CCF; the results file (if given) what the CCF file lacks: λ, geometry, a, SAXS azimuths.
        MeasuredCcf m = MeasuredCcfFile.Read(q.Ccf, q.Domain);
        return q.Results is null ? m : MeasuredCcfFile.WithContext(m, q.Results);
    }

    private static (AngularMask?, AngularMask?, string) Masks(Request q, MeasuredCcf m, double lambda, PoniGeometry? filePoni)
    {
        if (q.Window is not null)
        {
            (double s, double e) = SimulatePatternParsing.Range(q.Window, "--window");
            return (null, AngularMask.FromWindow(new AngularWindow(s, e)), FormattableString.Invariant($"ring 1 full, ring 2 window {s}°–{e}° (--window)"));
        }

        // The detector process recorded beside the geometry; files that do not say are taken as the Eiger 4M.
        DetectorSpec detector = (q.Results is not null ? MeasuredCcfFile.ReadDetector(q.Results) : null) ?? MeasuredCcfFile.ReadDetector(m.Path) ?? DetectorSpec.Eiger4M;
        PoniGeometry? poni = q.Poni is not null ? PoniGeometry.Read(q.Poni)
            : m.Geometry is { } g ? new PoniGeometry(g[0], g[1], g[2], g[3], g[4], g[5], lambda * 1e-10, detector) // Å → m
            : filePoni;
        if (poni is null)
        {
            return (null, null, "none (no geometry in the file: full rings assumed; give --poni or --window)");
        }

        Func<int, int, bool>? gaps = poni.Detector.Shape == DetectorShape.Eiger4M ? Eiger4MLayout.IsGap : null;
        AngularMask w1 = RingCoverage.Compute(poni, m.Q1.Min, m.Q1.Max, gaps);
        AngularMask w2 = RingCoverage.Compute(poni, m.Q2.Min, m.Q2.Max, gaps);
        string source = q.Poni ?? (m.Geometry is not null ? $"the geometry in the results ({(detector == DetectorSpec.Eiger4M ? "Eiger 4M" : $"{detector.Shape} detector")})" : m.PoniPath!);
        return (w1, w2, $"ring coverage from {source}");
    }

    private static double[] Doubles(string text, string option)
    {
        string[] parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
            {
                throw new UsageException($"{option} wants numbers separated by commas, got '{text}'");
            }
        }

        return v;
    }

    /// <summary>The zone axis as "[u v w]".</summary>
    internal static string Text(ZoneAxis z) => FormattableString.Invariant($"[{z.U} {z.V} {z.W}]");
}
