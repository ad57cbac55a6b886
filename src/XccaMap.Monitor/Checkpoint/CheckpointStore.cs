using System.Globalization;
using System.Text.Json;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Processing;
using XccaMap.Hdf5;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor.Checkpoint;

/// <summary>
/// The restart-safe checkpoint of a monitor in <c>DIR/checkpoint/</c>: <c>mask.npy</c> (the provisional mask),
/// <c>features-NNNNNN.bin</c> segments (<see cref="FeatureSegment"/>) and <c>manifest.json</c>
/// (<see cref="CheckpointManifest"/>). Every file is written to a temporary name and renamed, segments before the
/// manifest that lists them: a monitor killed at any moment leaves the last complete checkpoint, and a restart
/// restores exactly the setup and the features it had (no frame is processed twice, none is lost but those since
/// the last checkpoint, which are simply processed again).
/// </summary>
public sealed class CheckpointStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly string _dir;
    private readonly string _identity;
    private readonly string _master;
    private readonly List<string> _segments = [];
    private int _frames;

    /// <summary>The checkpoint of monitor output folder <paramref name="outputDirectory"/> for this scan and these settings.</summary>
    public CheckpointStore(string outputDirectory, string masterPath, string identity)
    {
        _dir = Path.Combine(Path.GetFullPath(outputDirectory), "checkpoint");
        _master = Path.GetFullPath(masterPath);
        _identity = identity;
    }

    /// <summary>The checkpoint folder.</summary>
    public string Directory => _dir;

    /// <summary>Frames saved so far.</summary>
    public int FramesSaved => _frames;

    /// <summary>The identity of the settings that the features depend on (a hash; a checkpoint of other settings is not used).</summary>
    public static string IdentityOf(Raster raster, string poniPath, IReadOnlyList<string> maskFiles, ProcessingConfig config)
    {
        var text = string.Join(
            "\n",
            JsonSerializer.Serialize(raster with { StepUm = 0 }, Json),
            File.ReadAllText(poniPath),
            string.Join(";", maskFiles.Select(m => Path.GetFullPath(m) + ":" + new FileInfo(m).Length.ToString(CultureInfo.InvariantCulture))),
            JsonSerializer.Serialize(config, Json));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// Loads the checkpoint when there is one of this scan and these settings: rebuilds the setup and restores the
    /// features. Returns null (and why, when there was a checkpoint that does not fit, which is then set aside).
    /// </summary>
    public LiveFeatures? TryLoad(StaticSetup prepared, int points, ProcessingConfig config, out string? note)
    {
        note = null;
        var path = Path.Combine(_dir, "manifest.json");
        if (!File.Exists(path))
        {
            return null;
        }

        CheckpointManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            note = SetAside($"checkpoint manifest {path} is unreadable ({e.Message})");
            return null;
        }

        if (m is null || m.Master != _master || m.Identity != _identity)
        {
            note = SetAside($"checkpoint in {_dir} belongs to {(m?.Master != _master ? "another scan (" + m?.Master + ")" : "other settings (raster, geometry, masks or configuration changed)")}");
            return null;
        }

        if (m.SurveyIntensity.Length != prepared.SurveyQ.Length)
        {
            note = SetAside($"checkpoint in {_dir} has a survey profile of {m.SurveyIntensity.Length} q bins but this geometry and mask give {prepared.SurveyQ.Length} (written by another version?)");
            return null;
        }

        var mask = DetectorMask.Load(Path.Combine(_dir, "mask.npy"), prepared.Geometry.Shape);
        var setup = LiveSetupBuilder.Restore(prepared, mask.Excluded.ToArray(), m.SurveyIntensity, m.SurveyCount, m.SurveyFrames, m.Superlattice.Select(r => r.ToRing()).ToList(), m.AtomicLattice.Select(r => r.ToRing()).ToList(), config);
        var features = new LiveFeatures(setup, points, config);
        if (features.FloatsPerFrame != m.FloatsPerFrame)
        {
            note = SetAside($"checkpoint in {_dir} has {m.FloatsPerFrame} values per frame but its setup gives {features.FloatsPerFrame}");
            return null;
        }

        foreach (var segment in m.Segments)
        {
            _frames += FeatureSegment.Decode(Path.Combine(_dir, segment), m.FloatsPerFrame, (f, visible, values) =>
            {
                if (f >= 0 && f < points)
                {
                    features.RestoreFrame(f, values, visible);
                }
            });
            _segments.Add(segment);
        }

        RemoveOrphans();
        return features;
    }

    /// <summary>Starts a new checkpoint for a setup (any old one is removed).</summary>
    public void Begin(LiveFeatures features)
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }

        System.IO.Directory.CreateDirectory(_dir);
        _segments.Clear();
        _frames = 0;
        AtomicFile.Write(Path.Combine(_dir, "mask.npy"), tmp => features.Setup.Mask.Save(tmp));
        WriteManifest(features);
    }

    /// <summary>Saves the features of <paramref name="frames"/> (processed since the last save).</summary>
    public void Save(LiveFeatures features, IReadOnlyList<int> frames)
    {
        if (frames.Count > 0)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"features-{_segments.Count + 1:D6}.bin");
            var list = frames.Select(f => (f, features.VisibleAtMs(f))).ToList();
            AtomicFile.WriteAllBytes(Path.Combine(_dir, name), FeatureSegment.Encode(list, features.FloatsPerFrame, features.CopyFrame));
            _segments.Add(name);
            _frames += frames.Count;
        }

        WriteManifest(features);
    }

    private void WriteManifest(LiveFeatures features)
    {
        var s = features.Setup;
        var m = new CheckpointManifest
        {
            Master = _master,
            Identity = _identity,
            SurveyFrames = s.SurveyFrames,
            SurveyIntensity = s.SurveyIntensity,
            SurveyCount = s.SurveyCount,
            Superlattice = s.Rings.Superlattice.Select(CheckpointRing.From).ToList(),
            AtomicLattice = s.Rings.AtomicLattice.Select(CheckpointRing.From).ToList(),
            FloatsPerFrame = features.FloatsPerFrame,
            Segments = [.. _segments],
            Frames = _frames,
            SavedUtc = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        AtomicFile.WriteAllText(Path.Combine(_dir, "manifest.json"), JsonSerializer.Serialize(m, Json));
    }

    /// <summary>Segments written after the last manifest (a kill between the two) are not part of the checkpoint.</summary>
    private void RemoveOrphans()
    {
        var listed = _segments.ToHashSet(StringComparer.Ordinal);
        foreach (var f in System.IO.Directory.GetFiles(_dir, "features-*.bin"))
        {
            if (!listed.Contains(Path.GetFileName(f)))
            {
                File.Delete(f);
            }
        }
    }

    private string SetAside(string why)
    {
        var aside = _dir + ".old-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        System.IO.Directory.Move(_dir, aside);
        return $"{why}; it was moved to {aside} and the monitor starts afresh";
    }
}
