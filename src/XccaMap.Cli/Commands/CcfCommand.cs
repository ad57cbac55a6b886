using System.CommandLine;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap ccf</c>: X-ray cross-correlation analysis (design.md §4.7). A parent for its subcommands, one file each;
/// a new one is added with one line in <see cref="Build"/>.
/// </summary>
internal static class CcfCommand
{
    public static Command Build() => new("ccf", "X-ray cross-correlation analysis: angular cross-correlation functions C(q1, q2, Δ) of diffraction rings.")
    {
        CcfComputeCommand.Build(),
        CcfBenchCommand.Build(),
        CcfFitCommand.Build(),
    };
}
