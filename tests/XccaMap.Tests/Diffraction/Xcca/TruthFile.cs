using XccaMap.Hdf5;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>What the acceptance tests need from NAME_truth.h5.</summary>
public sealed class TruthFile
{
    private readonly Dictionary<long, int> _classOfFrame = [];

    public required IReadOnlyList<TruthClass> Classes { get; init; }

    public int ClassOfFrame(long frame) => _classOfFrame.GetValueOrDefault(frame, -1);



    public static TruthFile Read(string path)
    {
        using var file = H5File.Open(path);
        var labels = file.OpenDataset("maps/class").ReadAll<int>();
        var frameIndex = file.OpenDataset("maps/frame_index").ReadAll<int>();
        var classes = new List<TruthClass>();
        for (int i = 0; file.Exists($"classes/class_{i:D2}"); i++)
        {
            using var g = file.OpenGroup($"classes/class_{i:D2}");
            double Scalar(string p) { using var d = g.OpenDataset(p); return d.ReadScalarDouble(); }
            double[] Vector(string p) { using var d = g.OpenDataset(p); return d.ReadAll<double>(); }
            classes.Add(new TruthClass(i, g.ReadStringAttribute("name") ?? $"class {i}", Scalar("ccf/q1"), Scalar("ccf/q1_half_width"), Scalar("ccf/q2"), Scalar("ccf/q2_half_width"),
                Vector("ccf/c"), Vector("ccf/c_spots_only"), Scalar("delta_phi"), Scalar("fwhm_200_az"), Scalar("fwhm_200_rad"), Vector("al_peaks/phi"), Vector("al_peaks/q"))
            {
                Has200OnDetector = Has200OnDetector(g),
            });
        }

        var t = new TruthFile { Classes = classes };
        static bool Has200OnDetector(H5Group g)
        {
            using var hkl = g.OpenDataset("al_peaks/hkl");
            using var on = g.OpenDataset("al_peaks/on_detector");
            var h = hkl.ReadAll<int>();
            var o = on.ReadAll<byte>();
            return Enumerable.Range(0, o.Length).Any(i => o[i] != 0 && (h[3 * i] * h[3 * i]) + (h[(3 * i) + 1] * h[(3 * i) + 1]) + (h[(3 * i) + 2] * h[(3 * i) + 2]) == 4);
        }

        for (int p = 0; p < labels.Length; p++)
        {
            t._classOfFrame[frameIndex[p]] = labels[p];
        }

        return t;
    }
}
