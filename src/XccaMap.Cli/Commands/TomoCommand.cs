using System.CommandLine;

namespace XccaMap.Cli.Commands;

/// <summary><c>xccamap tomo …</c>: the tomography module (particle tables → crystallites, cells, space groups).</summary>
internal static class TomoCommand
{
    public static Command Build() => new("tomo", "Electron-tomography structure analysis of particle tables: Voronoi/Q6 crystallites, lattices, averaged unit cells, filling fractions and space groups.")
    {
        TomoAnalyzeCommand.Build(),
        TomoSynthCommand.Build(),
    };
}
