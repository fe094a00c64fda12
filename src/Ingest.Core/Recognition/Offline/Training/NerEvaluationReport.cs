namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>Entity-level exact-match counts for one category (or all together, micro-averaged).</summary>
public sealed record NerScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static NerScore operator +(NerScore a, NerScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public static NerScore Zero { get; } = new(0, 0, 0);
}

/// <summary>The scores of one corpus: per category and micro-averaged over the evaluated categories.</summary>
public sealed record NerEvaluationReport(
    string Corpus,
    NerTagScheme Scheme,
    int Sentences,
    int Tokens,
    IReadOnlyDictionary<string, NerScore> PerCategory,
    NerScore Micro)
{
    /// <summary>Every gold entity and prediction that did not match exactly, each counted once (see <see cref="NerError"/>).</summary>
    public IReadOnlyList<NerError> Errors { get; init; } = [];

    /// <summary>How many errors of each kind, every kind listed.</summary>
    public IReadOnlyDictionary<NerErrorKind, int> ErrorCounts =>
        Enum.GetValues<NerErrorKind>().ToDictionary(kind => kind, kind => Errors.Count(e => e.Kind == kind));

    /// <summary>A plain-text table, one line per category and one for the micro average, for CLI output.</summary>
    public string ToTable()
    {
        var table = new System.Text.StringBuilder();
        table.AppendLine($"{Corpus}: {Sentences} sentences, {Tokens} tokens, {Scheme} tags");
        table.AppendLine($"  {"category",-14}{"P",8}{"R",8}{"F1",8}{"TP",7}{"FP",7}{"FN",7}");
        foreach (var (category, score) in PerCategory.Append(new("micro", Micro)))
        {
            table.AppendLine(FormattableString.Invariant(
                $"  {category,-14}{score.Precision,8:F4}{score.Recall,8:F4}{score.F1,8:F4}{score.TruePositives,7}{score.FalsePositives,7}{score.FalseNegatives,7}"));
        }
        return table.ToString();
    }
}
