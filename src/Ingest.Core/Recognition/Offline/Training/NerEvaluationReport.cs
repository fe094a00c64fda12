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
    NerScore Micro);
