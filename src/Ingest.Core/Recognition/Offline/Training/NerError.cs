namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>How a prediction or a gold entity that did not match exactly went wrong.</summary>
public enum NerErrorKind
{
    /// <summary>A prediction has the gold entity's exact span but another category.</summary>
    WrongType,

    /// <summary>A prediction overlaps the gold entity but starts or ends elsewhere (any category).</summary>
    WrongBoundary,

    /// <summary>No prediction touches the gold entity.</summary>
    Missed,

    /// <summary>A prediction touches no gold entity of the scored categories.</summary>
    Spurious,
}

/// <summary>
/// One evaluation error, counted once: a wrong type or wrong boundary pairs a gold entity with the first prediction
/// that overlaps it, and the other predictions overlapping the same gold entity are not counted again. Texts are as
/// they appear in the rendered corpus; <see cref="Line"/> is the sentence they occur in.
/// </summary>
public sealed record NerError(
    NerErrorKind Kind,
    string? GoldText,
    string? GoldCategory,
    string? PredictedText,
    string? PredictedCategory,
    string Line)
{
    /// <summary>Sorts one document's unmatched gold and predicted spans into errors.</summary>
    internal static IEnumerable<NerError> Classify(string text, IReadOnlyList<NerEvaluator.GoldSpan> gold, IReadOnlyList<NerEvaluator.GoldSpan> predicted)
    {
        var goldSet = gold.ToHashSet();
        var predictedSet = predicted.ToHashSet();
        var explained = new HashSet<NerEvaluator.GoldSpan>();
        foreach (var g in gold.Where(g => !predictedSet.Contains(g)))
        {
            var sameSpan = predicted.FirstOrDefault(p => p.Offset == g.Offset && p.Length == g.Length);
            var overlapping = predicted.Where(p => Overlaps(p, g)).ToList();
            var (kind, partner) = sameSpan.Category is not null
                ? (NerErrorKind.WrongType, (NerEvaluator.GoldSpan?)sameSpan)
                : overlapping.Count > 0 ? (NerErrorKind.WrongBoundary, overlapping[0]) : (NerErrorKind.Missed, null);
            explained.UnionWith(overlapping);
            yield return Create(text, kind, g, partner);
        }
        // A prediction overlapping a gold entity that was missed is explained above; the rest touch no gold entity,
        // or only ones that another prediction found exactly.
        foreach (var p in predicted.Where(p => !goldSet.Contains(p) && !explained.Contains(p)))
        {
            yield return Create(text, NerErrorKind.Spurious, null, p);
        }
    }

    private static bool Overlaps(NerEvaluator.GoldSpan a, NerEvaluator.GoldSpan b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;

    private static NerError Create(string text, NerErrorKind kind, NerEvaluator.GoldSpan? gold, NerEvaluator.GoldSpan? predicted)
    {
        var anchor = (gold ?? predicted)!.Value.Offset;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, anchor - 1)) + 1;
        var lineEnd = text.IndexOf('\n', anchor);
        return new NerError(
            kind,
            gold is { } g ? text.Substring(g.Offset, g.Length) : null,
            gold?.Category,
            predicted is { } p ? text.Substring(p.Offset, p.Length) : null,
            predicted?.Category,
            text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)]);
    }
}
