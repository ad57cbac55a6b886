namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The tests sharing one <see cref="SimulatedXccaFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedXccaCollection : ICollectionFixture<SimulatedXccaFixture>
{
    public const string Name = "Simulated demo scan for XCCA";
}
