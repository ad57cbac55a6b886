using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography;

public class StructureFactorTests
{
    [Fact]
    public void Fcc_ForbidsMixedParity_AndGivesFourFOtherwise()
    {
        Structure fcc = StructureFactory.Fcc(150, new ConstantScatterer("point", 1.0));
        foreach (Miller m in Miller.Enumerate(4))
        {
            double i = fcc.Intensity(m);
            if (m.IsFccAllowed)
            {
                Assert.Equal(16, i, 10);
            }
            else
            {
                Assert.True(i < 1e-20, $"{m}: |F|² = {i}");
            }
        }
    }

    [Fact]
    public void PbS_QValues_Of111And200()
    {
        Structure pbs = StructureFactory.PbS();
        double q111 = pbs.Lattice.Q(new Miller(1, 1, 1)), q200 = pbs.Lattice.Q(new Miller(2, 0, 0));
        Assert.Equal(2 * Math.PI * Math.Sqrt(3) / 5.936, q111, 12);
        Assert.Equal(2 * Math.PI * 2 / 5.936, q200, 12);
        Assert.Equal(1.83, q111, 2);
        Assert.Equal(2.12, q200, 2);
        Assert.Equal(2 * Math.PI * 2 / 6.0, StructureFactory.PbS(6.0).Lattice.Q(new Miller(0, 2, 0)), 12);
    }

    [Fact]
    public void RockSalt_111IsDifference_200IsSum_OfFormFactors()
    {
        Structure pbs = StructureFactory.PbS();
        double q111 = pbs.Lattice.Q(new Miller(1, 1, 1)), q200 = pbs.Lattice.Q(new Miller(2, 0, 0));
        double fPb111 = CromerMannScatterer.Pb.Amplitude(q111), fS111 = CromerMannScatterer.S.Amplitude(q111);
        double fPb200 = CromerMannScatterer.Pb.Amplitude(q200), fS200 = CromerMannScatterer.S.Amplitude(q200);

        var f111 = pbs.StructureFactor(new Miller(1, 1, 1));
        var f200 = pbs.StructureFactor(new Miller(2, 0, 0));
        Assert.Equal(4 * (fPb111 - fS111), f111.Real, 9);
        Assert.Equal(0, f111.Imaginary, 9);
        Assert.Equal(4 * (fPb200 + fS200), f200.Real, 9);
        Assert.True(pbs.Intensity(new Miller(2, 0, 0)) > 1.5 * pbs.Intensity(new Miller(1, 1, 1)));
        Assert.True(pbs.Intensity(new Miller(1, 0, 0)) < 1e-20); // mixed parity still absent in rock salt
        Assert.Equal(pbs.Intensity(new Miller(1, 1, 1)), pbs.Intensity(new Miller(-1, 1, -1)), 9);
    }

    [Fact]
    public void CromerMann_ForwardValuesAreAtomicNumbers_AndDecrease()
    {
        Assert.Equal(82, CromerMannScatterer.Pb.ForwardAmplitude, 0);
        Assert.Equal(16, CromerMannScatterer.S.ForwardAmplitude, 0);
        Assert.Equal(CromerMannScatterer.Pb.ForwardAmplitude, CromerMannScatterer.Pb.Amplitude(0), 12);
        Assert.InRange(CromerMannScatterer.Pb.Amplitude(2.117), 65, 78);
        Assert.True(CromerMannScatterer.S.Amplitude(2.117) < CromerMannScatterer.S.Amplitude(1.833));
    }
}
