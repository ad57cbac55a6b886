using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Particles;

namespace XccaMap.Tests.Tomography;

public class ParticleCsvTests
{
    [Fact]
    public void Parses_any_column_order_comments_and_extra_columns()
    {
        const string text = "# detected by template matching\nid,species,z,y,x,radius,score\n1,PbSe,3,2,1,4.5,0.9\n\n2,CdSe,6,5,4,1.7,0.7\n3,PbSe,9,8,7,4.4,0.8\n";
        var t = ParticleCsv.Parse(new StringReader(text), "mem.csv");
        Assert.Equal(3, t.Count);
        Assert.Equal(new Vec3(1, 2, 3), t.Positions[0]);
        Assert.Equal(1.7, t.Radii[1]);
        Assert.Equal(["PbSe", "CdSe"], t.SpeciesNames);
        Assert.Equal([0, 1, 0], t.Species);
        Assert.Equal(4.45, t.MeanRadii()[0], 12);
    }

    [Fact]
    public void Format_then_parse_round_trips()
    {
        var t = ParticleTable.FromRows([(new Vec3(1.25, -2.5, 3), 4.5, "PbSe"), (new Vec3(0, 0, 0.125), 1.5, "Au")]);
        var back = ParticleCsv.Parse(new StringReader(ParticleCsv.Format(t)), "round-trip");
        Assert.Equal(t.Positions, back.Positions);
        Assert.Equal(t.Radii, back.Radii);
        Assert.Equal(t.SpeciesNames, back.SpeciesNames);
    }

    [Theory]
    [InlineData("x,y,z,species\n1,2,3,PbSe\n", "f.csv:1: header lacks column 'radius'")]
    [InlineData("x,y,z,radius,species\n1,2,3,4.5,PbSe\n1,two,3,4.5,PbSe\n", "f.csv:3: column 'y' is not a finite number: 'two'")]
    [InlineData("x,y,z,radius,species\n1,2,3,-1,PbSe\n", "f.csv:2: radius must be positive")]
    [InlineData("x,y,z,radius,species\n1,2,3,4.5\n", "f.csv:2: expected at least 5 fields, found 4")]
    [InlineData("x,y,z,radius,species\n1,2,3,4.5, \n", "f.csv:2: empty species")]
    [InlineData("x,y,z,radius,species\n", "f.csv: no particles after the header")]
    [InlineData("# nothing\n", "f.csv: no header line")]
    public void Errors_name_file_and_line(string text, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ParticleCsv.Parse(new StringReader(text), "f.csv"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }
}
