using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class DomainSegmentationTests
{
    private const int E = ResultsMaps.Empty, M = ResultsMaps.Mixed, X = ResultsMaps.NoData;

    private static int[] Parse(string[] rows) =>
        rows.SelectMany(r => r.Select(ch => ch switch { '.' => E, 'm' => M, 'x' => X, _ => ch - '0' })).ToArray();

    [Fact]
    public void A_thin_rim_of_another_class_joins_its_domain()
    {
        // Class 0 with a one-point rim of class 1 (its turned edge) and a mixed point, then empty.
        string[] map =
        [
            "00000001....",
            "00000001....",
            "0000000m....",
            "00000001....",
            "00000001....",
            "00000001....",
        ];
        var d = DomainSegmentation.Segment(Parse(map), 6, 12, 0.1);
        Assert.Single(d.Domains);
        Assert.Equal(0, d.Domains[0].ClassLabel);
        Assert.Equal(6 * 8, d.Domains[0].Points);
        Assert.Equal(0, d.At(2, 7));
        Assert.Equal(-1, d.At(0, 8));
    }

    [Fact]
    public void Two_thick_domains_stay_apart_and_share_the_mixed_points()
    {
        string[] map =
        [
            "00000m11111",
            "00000m11111",
            "00000m11111",
            "00000m11111",
            "00000m11111",
        ];
        var d = DomainSegmentation.Segment(Parse(map), 5, 11, 0.5, new DomainSegmentationOptions { MinCoreDepthUm = 0 });
        Assert.Equal(2, d.Domains.Count);
        Assert.All(d.Domains, x => Assert.True(x.Cored));
        Assert.NotEqual(d.At(0, 0), d.At(0, 10));
        Assert.All(Enumerable.Range(0, 5), r => Assert.True(d.At(r, 5) >= 0));
    }

    [Fact]
    public void Without_rim_attachment_every_component_is_a_domain_and_mixed_points_none()
    {
        string[] map = ["0001..", "0001..", "000m.."];
        var d = DomainSegmentation.Segment(Parse(map), 3, 6, 0.1, new DomainSegmentationOptions { AttachRims = false });
        Assert.Equal(2, d.Domains.Count);
        Assert.Equal(-1, d.At(2, 3));
    }

    [Fact]
    public void No_data_points_are_no_domain_and_no_edge()
    {
        string[] map = ["00000", "00x00", "00000"];
        var labels = Parse(map);
        var d = DomainSegmentation.Segment(labels, 3, 5, 0.1);
        Assert.Single(d.Domains);
        Assert.Equal(-1, d.At(1, 2));
        var e = EdgeDistances.Compute(d, labels, 0.1, "um");
        Assert.All(Enumerable.Range(0, 15).Where(i => i != 7), i => Assert.True(e.Censored[i]));
    }

    [Fact]
    public void Weakly_scattering_labelled_points_count_as_empty()
    {
        // The outer column is mixed (weak peaks of two rim patterns) but has little film in the beam.
        string[] map = ["0000m..", "0000m..", "0000m.."];
        var labels = Parse(map);
        var intensity = labels.Select((l, i) => i % 7 == 4 ? 0.2f : l >= 0 ? 1.0f : 0.01f).ToArray();
        var with = DomainSegmentation.Segment(labels, 3, 7, 0.1, null, intensity);
        var without = DomainSegmentation.Segment(labels, 3, 7, 0.1);
        Assert.Equal(-1, with.At(1, 4));
        Assert.Equal(0, without.At(1, 4));
        Assert.Equal(12, with.Domains[0].Points);
    }
}
