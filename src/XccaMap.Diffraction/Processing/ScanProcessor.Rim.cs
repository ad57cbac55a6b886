using XccaMap.Detector.Eiger;
using XccaMap.Diffraction.Boundary;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;

namespace XccaMap.Diffraction.Processing;

/// <summary>Rotation-aware re-assignment of SAXS rim points, reading their frames again as whole-band cakes.</summary>
public sealed partial class ScanProcessor
{
    /// <summary>
    /// Merges SAXS classes that are tilted variants of one orientation and moves rim points to the class whose turned
    /// bulk explains them (<see cref="RotationReassignment"/>); returns the classes renumbered by size.
    /// </summary>
    private ClassificationResult ReassignRimPoints(ClassificationResult classes, AngularAnalysis angular, bool[] hasData, SurveyData survey)
    {
        double latticeA = survey.Superlattice.LatticeConstant;
        var sl = survey.Rings.Superlattice;
        if (!(latticeA > 0) || sl.Count == 0)
        {
            Note("rotation re-assignment: skipped (no indexed superlattice)");
            return classes;
        }

        // The whole superlattice band, from below 111 (turned rims show reflections the bulk does not) to above the
        // highest ring window (compressed rims move their reflections outwards), as the boundary analysis reads it.
        var access = new FrameAccessOptions();
        var (qMin, qMax) = PatternReader.SaxsRange(sl.Select(r => (r.Q, r.QMax)).ToList(), latticeA, access);
        var reducer = new PatternReducer(_geometry, _mask, qMin, qMax, [], access);
        var frames = new RimFrames(this, reducer);
        Begin("rim re-assignment", 0);
        var o = _config.SaxsClassification;
        var (changed, merged, read, note) = RotationReassignment.Apply(frames, classes.Labels, hasData, angular.HasSignal, classes.ClassCount, Raster, latticeA,
            reducer.WavelengthAngstrom, o.RotationMaxTiltDeg, o.RotationMargin, o.RotationMinScore, o.RotationDominance);
        End("rim re-assignment", read);
        Note(note);
        if (changed == 0 && merged == 0)
        {
            return classes;
        }

        string criterion = merged == 0 ? classes.Criterion
            : FormattableString.Invariant($"{classes.Criterion}; {merged} found to be tilted variants of another class's orientation and merged into it");
        return DomainClassifier.Renumber(classes, angular.Fingerprints, criterion);
    }

    /// <summary>Frames read through the scan's frame loop (region of interest: the SAXS band only), one reducer per worker.</summary>
    private sealed class RimFrames(ScanProcessor processor, PatternReducer reducer) : IRimFrames
    {
        private readonly FrameRoi _roi = FrameRoi.FromRuns(processor._scan.PixelsPerFrame, reducer.PixelRanges);

        public CakeGrid Grid => reducer.Grid;

        public void Read(IReadOnlyList<int> frames, Action<int, PointPattern> consume)
        {
            var raster = processor.Raster;
            FrameLoop.Run(
                processor._scan, frames.Select(f => (long)f).ToArray(), _roi, processor._config.MaxFramesInFlight,
                reducer.Clone,
                (state, frame) =>
                {
                    var (row, col) = raster.PointOfFrame((int)frame.Index);
                    consume((int)frame.Index, state.Reduce(frame.Data, row, col));
                },
                (_, _) => { }, // read fine in the feature pass; a frame unreadable now keeps its label
                processor._progress, processor._cancellation);
        }
    }
}
