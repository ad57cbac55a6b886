namespace XccaMap.Tests.Smoke;

public class BuildSmokeTests
{
    [Fact]
    public void Solution_Builds() => Assert.True(true.Equals(true));
}
