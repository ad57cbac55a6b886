namespace XccaMap.Monitor.Checkpoint;

/// <summary>
/// <c>DIR/checkpoint/manifest.json</c>: which scan and settings the checkpoint belongs to, the provisional setup
/// (survey profile and rings; the mask is <c>mask.npy</c> beside it) and the feature segments written so far.
/// Written atomically after the segments it lists, so it never names a segment that is not complete.
/// </summary>
public sealed record CheckpointManifest
{
    /// <summary>Format name.</summary>
    public string Format { get; init; } = "xccamap-monitor-checkpoint";

    /// <summary>Format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The master followed.</summary>
    public required string Master { get; init; }

    /// <summary>Hash of the settings the features depend on (raster, geometry, masks, configuration).</summary>
    public required string Identity { get; init; }

    /// <summary>Frames averaged in the setup profile.</summary>
    public required int SurveyFrames { get; init; }

    /// <summary>Setup profile: mean intensity per q bin.</summary>
    public required double[] SurveyIntensity { get; init; }

    /// <summary>Setup profile: pixels per q bin per frame.</summary>
    public required double[] SurveyCount { get; init; }

    /// <summary>SL rings.</summary>
    public required IReadOnlyList<CheckpointRing> Superlattice { get; init; }

    /// <summary>AL rings.</summary>
    public required IReadOnlyList<CheckpointRing> AtomicLattice { get; init; }

    /// <summary>Floats per frame in the segments (a check that they match the setup).</summary>
    public required int FloatsPerFrame { get; init; }

    /// <summary>Segment files, in the order written.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>Frames in all segments.</summary>
    public required int Frames { get; init; }

    /// <summary>When it was written (UTC, ISO 8601).</summary>
    public required string SavedUtc { get; init; }
}
