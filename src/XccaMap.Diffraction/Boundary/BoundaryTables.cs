using System.Globalization;
using System.Text;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Writes the tables of <c>xccamap boundary</c> (CSV, comma-separated, one header line; q in 1/angstrom, distances in
/// µm or raster steps as the header says, angles in degrees, φ from +column towards +row; empty cells = no value).
/// </summary>
public static class BoundaryTables
{
    /// <summary>Writes every table of <paramref name="result"/> into <paramref name="directory"/>; returns the file names.</summary>
    public static IReadOnlyList<string> Write(string directory, BoundaryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        string u = result.Distances.Unit;
        void Save(string name, StringBuilder text)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, name), text.ToString());
            written.Add(name);
        }

        var points = new StringBuilder($"row,col,domain,class,distance_{u},censored,q,q_error,compression\n");
        foreach (var p in result.Statistics.Points)
        {
            points.Append(Row(p.Row, p.Col, p.Domain, result.Domains.Domains[p.Domain].ClassLabel + 1, p.Distance, p.Censored ? 1 : 0, p.Q, p.QError, p.Compression));
        }

        Save("compression_points.csv", points);
        var bins = new StringBuilder($"from_{u},to_{u},mean_distance_{u},points,mean_compression,standard_error,pooled_fit\n");
        foreach (var b in result.Statistics.Bins)
        {
            bins.Append(Row(b.From, b.To, b.MeanDistance, b.Count, b.Mean, b.StandardError, result.Statistics.Pooled.Compression(b.MeanDistance)));
        }

        Save("compression_bins.csv", bins);
        var domains = new StringBuilder($"domain,class,points,core_points,cored,depth_{u},usable_points,max_distance_{u},bulk_q,edge_compression,edge_compression_error,decay_length_{u},decay_length_error,rms_residual,rejected,converged,determined\n");
        foreach (var d in result.Statistics.PerDomain)
        {
            var f = d.Fit;
            domains.Append(Row(d.Domain.Id, d.Domain.ClassLabel + 1, d.Domain.Points, d.Domain.CorePoints, d.Domain.Cored ? 1 : 0, d.Domain.Depth, d.Points, d.MaxDistance,
                d.BulkQ, f.Amplitude, f.AmplitudeError, f.DecayLength, f.DecayLengthError, f.RmsResidual, f.Rejected, f.Converged ? 1 : 0, f.IsDetermined ? 1 : 0));
        }

        Save("domains.csv", domains);
        if (result.Line is { } line)
        {
            var text = new StringBuilder($"position_{u},row,col,point_row,point_col,offset_{u},domain,class,flags,q,q_error,edge_distance_{u},map_edge_distance_{u},compression,saxs_intensity{AtomicHeader(result)}\n");
            foreach (var s in line.Samples)
            {
                text.Append(Row(s.Position, s.Row, s.Col, s.PointRow, s.PointCol, s.Offset, s.Domain, s.Label, (int)s.Flags, s.Q, s.QError, s.EdgeDistance, s.MapEdgeDistance, s.Compression, s.SaxsIntensity).TrimEnd('\n'));
                text.Append(AtomicCells(result, s.PointRow, s.PointCol)).Append('\n');
            }

            Save("line.csv", text);
        }

        if (result.Rotation is { } rot)
        {
            var rings = rot.Atomic?.Rings ?? [];
            var text = new StringBuilder($"row,col,position_{u},edge_distance_{u},matched,scale,tilt_deg,axis_phi_deg,in_plane_deg,misorientation_deg,axis_sl_x,axis_sl_y,axis_sl_z,score,bulk_score,ambiguous,alt_tilt_deg,alt_axis_phi_deg,alt_score,al_similarity,al_change");
            foreach (var r in rings)
            {
                text.Append(",al_relative_intensity_").Append(r);
            }

            text.Append('\n');
            for (int i = 0; i < rot.Points.Count; i++)
            {
                var p = rot.Points[i];
                text.Append(Row(p.Row, p.Col, p.Position, p.EdgeDistance, p.Matched ? 1 : 0, p.Scale, p.TiltDeg, p.AxisPhiDeg, p.InPlaneDeg, p.MisorientationDeg,
                    p.AxisInCrystal.X, p.AxisInCrystal.Y, p.AxisInCrystal.Z, p.Score, p.BulkScore, p.Ambiguous ? 1 : 0, p.AlternativeTiltDeg, p.AlternativeAxisPhiDeg, p.AlternativeScore,
                    rot.Atomic?.Similarity[i] ?? double.NaN, rot.Atomic?.Change[i] ?? double.NaN).TrimEnd('\n'));
                for (int r = 0; r < rings.Count; r++)
                {
                    text.Append(',').Append(Cell(rot.Atomic!.RelativeIntensity[(i * rings.Count) + r]));
                }

                text.Append('\n');
            }

            Save("rotation.csv", text);
        }

        return written;
    }

    private static string AtomicHeader(BoundaryResult result) =>
        string.Concat(result.Maps.RingIntensity.Keys.Where(k => k.StartsWith("al_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => ",intensity_" + k));

    private static string AtomicCells(BoundaryResult result, int row, int col) =>
        string.Concat(result.Maps.RingIntensity.Where(kv => kv.Key.StartsWith("al_", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => "," + Cell(kv.Value[(row * result.Maps.Cols) + col])));

    private static string Row(params object[] cells) => string.Join(",", cells.Select(Cell)) + "\n";

    private static string Cell(object value) => value switch
    {
        double d => double.IsFinite(d) ? d.ToString("G7", CultureInfo.InvariantCulture) : string.Empty,
        float f => float.IsFinite(f) ? f.ToString("G7", CultureInfo.InvariantCulture) : string.Empty,
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
