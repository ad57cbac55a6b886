namespace XccaMap.Tests.Simulation;

/// <summary>The tests sharing one <see cref="SimulatedScanFixture"/> (built once, tests run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedScanCollection : ICollectionFixture<SimulatedScanFixture>
{
    public const string Name = "Simulated demo scan";
}
