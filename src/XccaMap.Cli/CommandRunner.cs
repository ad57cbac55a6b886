using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Cli;

/// <summary>Runs a command body and turns exceptions into one clear message and a distinct exit code.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            return Fail(e.Message, ExitCodes.Usage);
        }
        catch (Exception e) when (e is ScanFormatException or InvalidDataException or FormatException)
        {
            return Fail(e.Message, ExitCodes.BadData);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or H5Exception or IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            return Fail(e.Message, ExitCodes.IoError);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", ExitCodes.IoError);
        }
        catch (Exception e)
        {
            return Fail($"internal error: {e}", ExitCodes.Internal);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"xccamap: error: {message}");
        return code;
    }
}

/// <summary>A command-line value that parses but makes no sense (exit code 1).</summary>
internal sealed class UsageException(string message) : Exception(message);
