using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor.Dashboard;

/// <summary>
/// The maps the dashboard shows, on the raster (row-major, rows × cols): the final result's once there is one (the
/// very maps <c>process</c> writes), otherwise the live ones from the per-frame features and the provisional
/// classes. Class maps use −3 for points without data yet; value maps NaN.
/// </summary>
public static class MapSet
{
    /// <summary>Map names available now, in display order.</summary>
    public static IReadOnlyList<string> Names(MonitorState state)
    {
        var names = new List<string> { "saxs_class", "waxs_class", "saxs_intensity", "waxs_intensity" };
        if (state.Final is { } final)
        {
            names.AddRange(final.QMaps.Select(q => QName(q.Hkl ?? Invariant(q.Q))));
        }
        else if (state.Features is { } f)
        {
            names.AddRange(f.Setup.QTargets.Select(t => QName(t.Ring.Hkl ?? Invariant(t.Ring.Q))));
        }

        return names;
    }

    /// <summary>A class map (labels ≥ 0, −1 empty, −2 mixed, −3 no data), or null when there is none.</summary>
    public static int[]? Classes(MonitorState state, string name)
    {
        var raster = state.Raster;
        if (raster is null)
        {
            return null;
        }

        if (state.Final is { } final)
        {
            return name == "saxs_class" ? final.SaxsClass : name == "waxs_class" ? final.WaxsClass : null;
        }

        var perFrame = name == "saxs_class" ? state.Classes.Saxs : name == "waxs_class" ? state.Classes.Waxs : null;
        if (state.Features is not { } features || name is not ("saxs_class" or "waxs_class"))
        {
            return null;
        }

        var map = new int[raster.Points];
        for (int f = 0; f < raster.Points; f++)
        {
            // Frames processed after the last classification show as mixed-grey "pending" would mislead: no data yet.
            map[raster.MapIndexOfFrame(f)] = perFrame is not null && features.IsDone(f) ? perFrame[f] : ClassLabels.NoData;
        }

        return map;
    }

    /// <summary>A value map (NaN without data), its title and unit, or null for an unknown name.</summary>
    public static (float[] Values, string Title, string Unit)? Values(MonitorState state, string name)
    {
        var raster = state.Raster;
        if (raster is null)
        {
            return null;
        }

        if (state.Final is { } final)
        {
            return name switch
            {
                "saxs_intensity" => (final.SaxsIntensity, "SAXS band intensity (final)", "counts/pixel"),
                "waxs_intensity" => (final.WaxsIntensity, "WAXS band intensity (final)", "counts/pixel"),
                _ => final.QMaps.FirstOrDefault(q => QName(q.Hkl ?? Invariant(q.Q)) == name) is { } qm
                    ? (qm.Values, $"q of SL {qm.Hkl ?? Invariant(qm.Q)} (final)", "Å⁻¹")
                    : null,
            };
        }

        if (state.Features is not { } features)
        {
            return null;
        }

        return name switch
        {
            "saxs_intensity" => (ToMap(raster, BandMean(features, features.Saxs)), "SAXS band intensity (live)", "counts/pixel"),
            "waxs_intensity" => (ToMap(raster, BandMean(features, features.Waxs)), "WAXS band intensity (live)", "counts/pixel"),
            _ => QMap(state, features, raster, name),
        };
    }

    private static (float[], string, string)? QMap(MonitorState state, LiveFeatures features, Raster raster, string name)
    {
        int t = features.Setup.QTargets.ToList().FindIndex(x => QName(x.Ring.Hkl ?? Invariant(x.Ring.Q)) == name);
        if (t < 0)
        {
            return null;
        }

        var values = (float[])features.QValues[t].Clone();
        var signal = state.Classes.SaxsSignal;
        for (int f = 0; f < values.Length; f++)
        {
            // As in process: no fit where the SAXS band shows no angular peak (once the classes say so).
            if (!features.IsDone(f) || (signal is not null && f < signal.Length && features.IsDone(f) && state.Classes.Saxs?[f] == ClassLabels.Empty))
            {
                values[f] = float.NaN;
            }
        }

        var ring = features.Setup.QTargets[t].Ring;
        return (ToMap(raster, values), $"q of SL {ring.Hkl ?? ring.Name} (live)", "Å⁻¹");
    }

    private static float[] BandMean(LiveFeatures features, Diffraction.Features.BandFeatures? band)
    {
        var perFrame = new float[features.Points];
        Array.Fill(perFrame, float.NaN);
        if (band is null)
        {
            return perFrame;
        }

        for (int f = 0; f < features.Points; f++)
        {
            if (!features.IsDone(f))
            {
                continue;
            }

            double s = 0;
            int n = 0;
            foreach (float v in band.Radial(f))
            {
                if (float.IsFinite(v))
                {
                    s += v;
                    n++;
                }
            }

            perFrame[f] = n > 0 ? (float)(s / n) : float.NaN;
        }

        return perFrame;
    }

    private static float[] ToMap(Raster raster, float[] perFrame)
    {
        var map = new float[raster.Points];
        Array.Fill(map, float.NaN);
        for (int f = 0; f < raster.Points && f < perFrame.Length; f++)
        {
            map[raster.MapIndexOfFrame(f)] = perFrame[f];
        }

        return map;
    }

    /// <summary>The map name of an SL reflection's q map: <c>q_sl_200</c>, <c>q_sl_511-333</c> (a URL path segment).</summary>
    public static string QName(string hklOrQ) => "q_sl_" + hklOrQ.Replace('/', '-');

    private static string Invariant(double q) => q.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
