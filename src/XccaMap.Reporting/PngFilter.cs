namespace XccaMap.Reporting;

/// <summary>
/// Which PNG row filter <see cref="PngEncoder"/> applies before compression (PNG spec §9).
/// Filters only change the file size, never the decoded pixels.
/// </summary>
public enum PngFilter
{
    /// <summary>Filter type 0: bytes stored as they are.</summary>
    None = 0,

    /// <summary>Filter type 1: difference to the same channel of the pixel on the left.</summary>
    Sub = 1,

    /// <summary>Filter type 2: difference to the same byte in the row above.</summary>
    Up = 2,

    /// <summary>
    /// One of None/Sub/Up for the whole image, chosen by compressing a sample of rows (up to
    /// four blocks of 16) with each and keeping the smallest. The per-row "minimum sum of
    /// absolute differences" heuristic of the PNG spec was tried and rejected: on
    /// colour-mapped noisy patterns it picks Sub, whose output is ~45 % larger than None's
    /// (the RGB triples of a 256-level colour table repeat exactly, which deflate exploits
    /// only when unfiltered), while smooth or upscaled maps do best with Up.
    /// </summary>
    Adaptive = 5,
}
