using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Structures;
using XccaMap.Detector.Geometry;
using XccaMap.Hdf5;
using XccaMap.Reporting;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap simulate-pattern --zone u,v,w --a Å [--poni F] [--wavelength Å] [--in-plane DEG] [--out PNG] [--json]</c>:
/// the SAXS pattern of an fcc superlattice of nanocrystal spheres along [uvw] on a detector (Fig. S4 / S10 of the
/// paper), optionally with the WAXS spots of the nanocrystals' atomic lattice (<c>--relation conf1|conf2</c>) and as a
/// rotation series (<c>--rotate-axis</c>). Default geometry: a P10-like Eiger 4M (λ 0.898 Å, 0.41 m, beam near a corner).
/// </summary>
internal static class SimulatePatternCommand
{
    public static Command Build()
    {
        var zone = new Option<string>("--zone") { Description = "Superlattice direction [uvw] along the beam, as u,v,w (e.g. 0,0,1 or 3,0,-1)", Required = true };
        var a = new Option<double>("--a") { Description = "Superlattice cubic constant a, Å (fcc)", Required = true };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI file of the detector; default: P10-like Eiger 4M at 0.41 m, beam at column 180, row 1990" };
        var wavelength = new Option<double?>("--wavelength") { Description = "Wavelength, Å (default: the PONI's, or 0.898 Å)" };
        var inPlane = new Option<double>("--in-plane") { Description = "In-plane rotation ψ, degrees: azimuth of [100] projected ⟂ the zone axis ([010] if the zone is [100])", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "PNG of the pattern (log colour scale); with --rotate-axis one PNG per angle, numbered" };
        var json = new Option<bool>("--json") { Description = "Print the visible reflections (hkl, q in Å⁻¹, φ in degrees, intensity) as JSON on stdout" };
        var radius = new Option<double>("--radius") { Description = "Mean nanocrystal radius, Å", DefaultValueFactory = _ => 65 };
        var radiusSigma = new Option<double>("--radius-sigma") { Description = "Standard deviation of the radius, Å", DefaultValueFactory = _ => 5 };
        var mosaic = new Option<double>("--mosaic") { Description = "Mosaic spread of the superlattice σ, degrees", DefaultValueFactory = _ => 1.0 };
        var radialSigma = new Option<double>("--radial-sigma") { Description = "Radial spot width σ_q, Å⁻¹", DefaultValueFactory = _ => 0.0012 };
        var qMax = new Option<double>("--q-max") { Description = "Largest superlattice q, Å⁻¹", DefaultValueFactory = _ => 0.3 };
        var relation = new Option<string?>("--relation") { Description = "Add the atomic-lattice (PbS) spots in this relation to the superlattice: conf1 or conf2" };
        relation.AcceptOnlyFromAmong("conf1", "conf2");
        var disorder = new Option<double>("--disorder") { Description = "Orientational disorder of the nanocrystals σ, degrees (with --relation)", DefaultValueFactory = _ => 7 };
        var alA = new Option<double>("--al-a") { Description = "Atomic-lattice (rock salt PbS) constant, Å", DefaultValueFactory = _ => StructureFactory.PbSLatticeConstant };
        var waxsScale = new Option<double>("--waxs-scale") { Description = "Peak height of the strongest WAXS spot relative to the strongest SAXS spot", DefaultValueFactory = _ => 0.005 };
        var background = new Option<double>("--background") { Description = "Isotropic sphere-form-factor background, relative to the strongest spot (0 = none)", DefaultValueFactory = _ => 1e-3 };
        var rotateAxis = new Option<string?>("--rotate-axis") { Description = "Rotation series (Fig. S10): superlattice axis u,v,w to turn about, e.g. 0,1,0" };
        var rotateTo = new Option<double>("--rotate-to") { Description = "Last angle of the rotation series, degrees (first is 0)", DefaultValueFactory = _ => 20 };
        var rotateSteps = new Option<int>("--rotate-steps") { Description = "Number of patterns in the rotation series", DefaultValueFactory = _ => 5 };
        foreach (var o in new[] { a, radius, mosaic, radialSigma, qMax, alA })
        {
            o.Validators.Add(r =>
            {
                if (!(r.GetValueOrDefault<double>() > 0))
                {
                    r.AddError($"{o.Name} must be positive");
                }
            });
        }

        var cmd = new Command("simulate-pattern", "Simulate the SAXS pattern of an fcc nanocrystal superlattice along a zone axis on a detector (PNG, log scale) and list its visible reflections.")
        {
            zone, a, poni, wavelength, inPlane, output, json, radius, radiusSigma, mosaic, radialSigma, qMax, relation, disorder, alA, waxsScale, background,
            rotateAxis, rotateTo, rotateSteps,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(new Request(
            SimulatePatternParsing.Zone(r.GetValue(zone)!, "--zone"), r.GetValue(a), r.GetValue(poni), r.GetValue(wavelength), r.GetValue(inPlane),
            r.GetValue(output), r.GetValue(json), r.GetValue(radius), r.GetValue(radiusSigma), r.GetValue(mosaic), r.GetValue(radialSigma), r.GetValue(qMax),
            r.GetValue(relation), r.GetValue(disorder), r.GetValue(alA), r.GetValue(waxsScale), r.GetValue(background),
            r.GetValue(rotateAxis) is { } ax ? SimulatePatternParsing.Zone(ax, "--rotate-axis") : null, r.GetValue(rotateTo), r.GetValue(rotateSteps)))));
        return cmd;
    }

    /// <summary>The P10-like default: Eiger 4M at 0.41 m, direct beam at column 180, row 1990 (design.md §3).</summary>
    internal static PoniGeometry DefaultGeometry(double wavelengthAngstrom) =>
        new(0.41, 1990 * DetectorSpec.EigerPixelSize, 180 * DetectorSpec.EigerPixelSize, 0, 0, 0, wavelengthAngstrom * 1e-10, DetectorSpec.Eiger4M); // Å → m

    private sealed record Request(ZoneAxis Zone, double A, string? Poni, double? Wavelength, double InPlane, string? Out, bool Json,
        double Radius, double RadiusSigma, double Mosaic, double RadialSigma, double QMax, string? Relation, double Disorder, double AlA,
        double WaxsScale, double Background, ZoneAxis? RotateAxis, double RotateTo, int RotateSteps);

    private static int Execute(Request q)
    {
        if (q.RadiusSigma < 0 || q.Disorder <= 0 || q.WaxsScale < 0 || q.Background < 0 || q.RotateSteps < 1)
        {
            throw new UsageException("--radius-sigma, --waxs-scale and --background must be ≥ 0, --disorder > 0 and --rotate-steps ≥ 1");
        }

        PoniGeometry poni = q.Poni is null ? DefaultGeometry(q.Wavelength ?? 0.898) : PoniGeometry.Read(q.Poni);
        if (q.Wavelength is { } wl)
        {
            poni = poni with { Wavelength = wl * 1e-10 }; // Å → m at the boundary
        }

        double lambda = poni.Wavelength * 1e10; // m → Å
        DetectorShape shape = poni.RequireShape();
        Structure sl = StructureFactory.FccSuperlattice(q.A, q.Radius, q.RadiusSigma);
        var sim = new SaxsPatternSimulator(sl, new SaxsPatternOptions { MosaicSigmaDeg = q.Mosaic, RadialSigma = q.RadialSigma, QMax = q.QMax });
        Mat3 start = OrientationFactory.FromZoneAxis(q.Zone, q.InPlane);
        double[] angles = q.RotateAxis is null ? [0.0] : RotationSeries.EvenAngles(0, q.RotateTo, q.RotateSteps);
        RotationSeriesStep[] steps = RotationSeries.Generate(sim, start, q.RotateAxis?.ToVec3() ?? Vec3.UnitZ, RotationAxisFrame.Crystal, angles, lambda);

        var geometry = PixelGeometry.Create(poni, shape);
        var projection = new DetectorProjection(poni);
        bool eiger = shape == DetectorShape.Eiger4M;
        Func<int, int, bool> isGap = eiger ? Eiger4MLayout.IsGap : (_, _) => false;
        double norm = steps[0].Spots.Count > 0 ? steps[0].Spots.Max(s => s.Intensity) : 1;
        var disordered = q.Relation is null ? null : new DisorderedReflections(new ReflectionCalculator(StructureFactory.PbS(q.AlA), 3.2));
        OrientationRelation? rel = q.Relation switch { "conf1" => OrientationRelation.Conf1, "conf2" => OrientationRelation.Conf2, _ => null };
        var series = new JsonArray();
        for (int i = 0; i < steps.Length; i++)
        {
            RotationSeriesStep step = steps[i];
            var spots = step.Spots.Select(s => ("SL", s with { Intensity = s.Intensity / norm })).ToList();
            if (disordered is not null && rel is not null)
            {
                PatternSpot[] al = disordered.Compute(rel.LabFromAl(step.LabFromCrystal), lambda, q.Disorder, 65, minProbability: 1e-3);
                double alNorm = al.Length > 0 ? al.Max(s => s.Intensity) : 1;
                spots.AddRange(al.Select(s => ("AL", s with { Intensity = s.Intensity / alNorm * q.WaxsScale })));
            }

            if (q.Out is not null)
            {
                string path = steps.Length == 1 ? q.Out : Numbered(q.Out, i);
                WritePng(path, spots.Select(s => s.Item2).ToList(), geometry, sl, q, step, eiger);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulate-pattern: {path} (θ = {step.AngleDeg:F2}°, {spots.Count} spots)"));
            }

            series.Add(new JsonObject
            {
                ["angle_deg"] = Math.Round(step.AngleDeg, 6),
                ["beam_in_crystal"] = new JsonArray(Math.Round(step.BeamInCrystal.X, 6), Math.Round(step.BeamInCrystal.Y, 6), Math.Round(step.BeamInCrystal.Z, 6)),
                ["reflections"] = SimulatePatternJson.Reflections(spots, projection, shape.Rows, shape.Cols, isGap),
            });
        }

        if (q.Json)
        {
            var root = new JsonObject
            {
                ["zone"] = new JsonArray(q.Zone.U, q.Zone.V, q.Zone.W),
                ["a_angstrom"] = q.A,
                ["wavelength_angstrom"] = lambda,
                ["in_plane_deg"] = q.InPlane,
                ["relation"] = q.Relation,
                ["geometry"] = q.Poni ?? "default P10-like Eiger 4M (0.41 m, beam at column 180, row 1990)",
                ["units"] = SimulatePatternJson.Units(),
            };
            if (steps.Length == 1)
            {
                root["reflections"] = series[0]!["reflections"]!.DeepClone();
            }
            else
            {
                root["rotation_axis"] = new JsonArray(q.RotateAxis!.Value.U, q.RotateAxis.Value.V, q.RotateAxis.Value.W);
                root["rotation_axis_frame"] = "superlattice crystal";
                root["series"] = series;
            }

            Console.WriteLine(root.ToJsonString(JsonOptions.Indented));
        }
        else if (q.Out is null)
        {
            Console.Error.WriteLine("simulate-pattern: nothing to write (give --out PNG and/or --json)");
        }

        return ExitCodes.Ok;
    }

    private static void WritePng(string path, IReadOnlyList<PatternSpot> spots, PixelGeometry geometry, Structure sl, Request q, RotationSeriesStep step, bool eiger)
    {
        // Background: the isotropic sphere form factor ⟨P⟩(q) (|F|²/16 of the fcc cell) at the given relative level.
        // Tabulated once (4096 points up to the detector's largest q): ⟨P⟩ is a 401-node quadrature per call.
        IScatterer nc = sl.Sites[0].Scatterer;
        Func<double, double>? bg = null;
        if (q.Background > 0)
        {
            double qTop = 0;
            foreach (float v in geometry.Q.Span)
            {
                qTop = Math.Max(qTop, v);
            }

            const int n = 4096;
            double dq = qTop / (n - 1);
            double[] table = Enumerable.Range(0, n).Select(i => q.Background * Math.Pow(nc.Amplitude(i * dq), 2)).ToArray();
            bg = x =>
            {
                double t = x / dq;
                int i = Math.Min((int)t, n - 2);
                double f = t - i;
                return (table[i] * (1 - f)) + (table[i + 1] * f);
            };
        }

        float[] image = PatternRenderer.Render(spots, geometry.Q.Span, geometry.Phi.Span, bg);
        bool[]? gaps = eiger ? Eiger4MLayout.GapMask() : null;
        var options = new MapRenderOptions
        {
            Scale = ColorScale.Log10(1e-6, 1),
            Colormap = Colormap.Viridis,
            ColorBarLabel = "I (rel.)",
            Title = string.Create(CultureInfo.InvariantCulture, $"fcc SL a = {q.A:G4} Å, [{q.Zone.U} {q.Zone.V} {q.Zone.W}], psi = {q.InPlane:G4}°{(q.RotateAxis is { } ax ? $", {step.AngleDeg:F1}° about [{ax.U} {ax.V} {ax.W}]" : string.Empty)}"),
        };
        RasterImage png = MapImage.RenderScalar(image, geometry.Shape.Rows, geometry.Shape.Cols, options, gaps);
        AtomicFile.WriteAllBytes(path, png.ToPng());
    }

    private static string Numbered(string path, int index)
    {
        string dir = Path.GetDirectoryName(path) ?? string.Empty;
        return Path.Combine(dir, FormattableString.Invariant($"{Path.GetFileNameWithoutExtension(path)}_{index:D3}{Path.GetExtension(path)}"));
    }
}
