using Ingest.Core.Deduplication;
using Ingest.Core.Evaluation;

namespace Ingest.Core.Tests.Evaluation;

public sealed class DedupEvaluationTests
{
    private static readonly string[] Topics = ["harbour", "library", "election", "flood", "orchestra", "bridge", "school", "market", "railway"];

    /// <summary>Invented sources: each has its own vocabulary and a few names, in paragraphs of several sentences.</summary>
    private static IReadOnlyList<DedupSourceArticle> Sources() => Topics.Select((topic, t) =>
    {
        var paragraphs = Enumerable.Range(0, 5).Select(p => string.Join(' ', Enumerable.Range(0, 4).Select(s =>
            $"The {topic} committee met Anna Berg{t} on day {p * 4 + s} and said the {topic} plan number {t * 100 + p * 10 + s} would go ahead in spring.")));
        return new DedupSourceArticle($"src-{topic}", $"The {topic} plan", string.Join("\n\n", paragraphs));
    }).ToList();

    [Fact]
    public void The_same_seed_gives_byte_identical_cases_and_another_seed_does_not()
    {
        var first = DedupCorpusGenerator.Generate(Sources(), seed: 7);
        var again = DedupCorpusGenerator.Generate(Sources(), seed: 7);
        var other = DedupCorpusGenerator.Generate(Sources(), seed: 8);

        Assert.Equal(first.Select(c => (c.Name, c.Kind, c.Cluster)), again.Select(c => (c.Name, c.Kind, c.Cluster)));
        Assert.All(first.Zip(again), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
        Assert.NotEqual(first.Select(c => c.Name), other.Select(c => c.Name));
    }

    [Fact]
    public void Every_kind_of_case_is_made_and_originals_come_first()
    {
        var cases = DedupCorpusGenerator.Generate(Sources(), seed: 7);

        Assert.Equal(6, cases.TakeWhile(c => c.Kind == DedupCaseKind.Original).Count()); // two thirds of nine
        Assert.DoesNotContain(cases.Skip(6), c => c.Kind == DedupCaseKind.Original);
        Assert.Contains(cases, c => c.Kind == DedupCaseKind.ExactCopy && c.Transform == "exact/utf16");
        Assert.Contains(cases, c => c.Kind == DedupCaseKind.NearCopy && c.Transform.StartsWith("near/edit", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Kind == DedupCaseKind.HardNegative);
    }

    [Fact]
    public void The_evaluation_finds_the_copies_and_scores_what_it_found()
    {
        var report = DedupEvaluator.Evaluate(DedupCorpusGenerator.Generate(Sources(), seed: 7), new NearDuplicateOptions());

        Assert.Equal(1.0, report.Exact.Recall);
        Assert.Equal(1.0, report.Exact.Precision);
        Assert.True(report.Near.Expected > 0);
        Assert.Equal(report.Near.Correct / (double)report.Near.Predicted, report.Near.Precision);
        Assert.Equal(0, report.HardNegativesFlagged);
        Assert.True(report.NearIndexRequestsPerArticle >= 2 * new NearDuplicateOptions().Bands + 2);
    }
}
