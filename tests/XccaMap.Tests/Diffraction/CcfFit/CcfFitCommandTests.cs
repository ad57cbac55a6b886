using System.Text.Json;
using XccaMap.Cli;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Diffraction.CcfFit;
using XccaMap.Hdf5;

namespace XccaMap.Tests.Diffraction.CcfFit;

/// <summary><c>xccamap ccf fit</c> end to end on a results file holding a synthetic domain CCF in the `process` layout.</summary>
[Collection("Console")]
public class CcfFitCommandTests
{
    private static readonly SyntheticDomain Truth = new(new(1, 1, 0), OrientationRelation.Conf2, 64, new Vec3(0, 0, 2.3), 1.5, 6.5, Q1: 0.1405);

    // /entry/xcca/domain_K as XccaWriter writes it, plus /entry/process (λ, P10 geometry) and the indexed a.
    private static void WriteResults(string path, int domain, CcfFitData data)
    {
        using var file = H5File.Create(path);
        using var entry = file.CreateGroup("entry", "NXentry");
        using (var process = entry.CreateGroup("process", "NXprocess"))
        {
            process.WriteScalar("wavelength", 0.898, "angstrom");
            process.WriteScalar("distance", 0.41, "m");
            process.WriteScalar("poni1", 1990 * 75e-6, "m");
            process.WriteScalar("poni2", 180 * 75e-6, "m");
            process.WriteScalar("rot1", 0.0, "rad");
            process.WriteScalar("rot2", 0.0, "rad");
            process.WriteScalar("rot3", 0.0, "rad");
        }

        using (var indexing = entry.CreateGroup("indexing", "NXcollection"))
        using (var sl = indexing.CreateGroup("superlattice", "NXcollection"))
        {
            sl.WriteScalar("a_least_squares", 149.0, "angstrom");
        }

        using var xcca = entry.CreateGroup("xcca", "NXcollection");
        using var g = xcca.CreateGroup($"domain_{domain}", "NXdata");
        g.WriteAttribute("signal", "ccf");
        g.WriteAttribute("domain", domain);
        g.WriteAttribute("domain_name", "green");
        g.WriteAttribute<double>("q1_angstrom^-1", [data.Q1 - 0.0024, data.Q1 + 0.0024]);
        g.WriteAttribute<double>("q2_angstrom^-1", [data.Q2 - 0.037, data.Q2 + 0.037]);
        g.WriteDataset<double>("delta", data.DeltaDeg, "degree");
        g.WriteDataset<double>("ccf", data.Ccf);
    }

    private static (int Code, string Stdout) Run(params string[] args)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        var capture = new StringWriter();
        try
        {
            Console.SetOut(capture);
            Console.SetError(TextWriter.Null);
            return (CliApp.Run(args), capture.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public void FitsTheDomainCcf_WritesJsonAndSvgNextToTheResults()
    {
        using var dir = new TempDir();
        string results = dir.File("results.h5");
        WriteResults(results, 2, Truth.Data(seed: 3, withProfile: false));
        var (code, stdout) = Run("ccf", "fit", "--results", results, "--domain", "2", "--zone", "1,1,0", "--in-plane", "64");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("chosen Conf2", stdout);
        Assert.StartsWith("<svg", File.ReadAllText(dir.File("ccf_fit_domain_2.svg")).TrimStart().Split('\n').First(l => l.Contains("<svg", StringComparison.Ordinal)).TrimStart());
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("ccf_fit_domain_2.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal("Conf2", root.GetProperty("selection").GetProperty("chosen").GetString());
        Assert.True(root.GetProperty("selection").GetProperty("decisive").GetBoolean());
        JsonElement best = root.GetProperty("results")[0];
        double omegaZ = best.GetProperty("misorientation").GetProperty("omega_lab_deg")[2].GetDouble();
        Assert.True(Math.Abs(omegaZ - 2.3) < 0.5, $"ω_z = {omegaZ}");
        Assert.Equal(2, root.GetProperty("results").GetArrayLength());
        Assert.Equal(360, root.GetProperty("curves").GetProperty("fitted").GetArrayLength());
        Assert.Contains("geometry", root.GetProperty("input").GetProperty("masks").GetString());
    }

    [Fact]
    public void MissingDomain_IsBadData_AndMissingInputIsAUsageError()
    {
        using var dir = new TempDir();
        string results = dir.File("results.h5");
        WriteResults(results, 0, Truth.Data(seed: 4, withProfile: false));
        Assert.Equal(ExitCodes.BadData, Run("ccf", "fit", "--results", results, "--domain", "5").Code);
        Assert.Equal(ExitCodes.Usage, Run("ccf", "fit", "--domain", "0").Code);
        Assert.Equal(ExitCodes.IoError, Run("ccf", "fit", "--results", dir.File("nope.h5"), "--domain", "0").Code);
    }

    [Fact]
    public void MeasuredCcfFile_ReadsTheProcessLayout()
    {
        using var dir = new TempDir();
        string results = dir.File("results.h5");
        CcfFitData data = Truth.Data(seed: 5, withProfile: false);
        WriteResults(results, 1, data);
        MeasuredCcf m = MeasuredCcfFile.Read(results, 1);
        Assert.Equal("entry/xcca/domain_1", m.Group);
        Assert.Equal("green", m.DomainName);
        Assert.Equal(data.Q1, m.Q1Centre, 9);
        Assert.Equal(0.898, m.WavelengthAngstrom);
        Assert.Equal(149.0, m.SuperlatticeA);
        Assert.Equal(6, m.Geometry!.Length);
        Assert.Equal(data.Ccf, m.Ccf);
    }
}
