using System.Diagnostics;
using System.Text.Json;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;

namespace Ingest.Core.Evaluation;

/// <summary>
/// Precision and recall of one kind of verdict: <see cref="Correct"/> of the <see cref="Predicted"/> verdicts were right,
/// <see cref="Found"/> of the <see cref="Expected"/> cases got theirs.
/// </summary>
public sealed record VerdictScore(int Expected, int Predicted, int Correct, int Found)
{
    /// <summary>With nothing predicted nothing was wrong: precision 1.</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;
}

/// <summary>
/// What <c>ingest eval dedup</c> reports. <see cref="Exact"/> and <see cref="Near"/> score against the cleaned-text
/// truth (same normalized text as an earlier article of the story = exact, otherwise near). The format and encoding
/// copies are also counted on their own (<see cref="FormatCopiesExact"/> of <see cref="FormatCopies"/> ended exact):
/// where the cleaner extracts an HTML copy differently, that copy is truly a near duplicate.
/// <see cref="Misses"/> lists each wrong verdict, for diagnosis.
/// </summary>
public sealed record DedupEvaluationReport(
    int Articles,
    VerdictScore Exact,
    VerdictScore Near,
    int FormatCopies,
    int FormatCopiesExact,
    int NearCopiesCleanedToExact,
    IReadOnlyDictionary<string, VerdictScore> NearByTransform,
    int HardNegatives,
    int HardNegativesFlagged,
    double NearIndexRequestsPerArticle,
    double SignatureMicrosecondsPerArticle,
    IReadOnlyList<string> Misses);

/// <summary>
/// Runs generated cases through the pipeline's own steps — the real cleaner, the exact-duplicate claim, then the
/// near-duplicate check over the in-memory index (same bands, confirmation and canonical rule as the table index) —
/// in the generated order, and scores the verdicts. A duplicate verdict is right when it is of the expected kind and
/// names an article of the same story.
/// </summary>
public static class DedupEvaluator
{
    public static DedupEvaluationReport Evaluate(IReadOnlyList<DedupCase> cases, NearDuplicateOptions options)
    {
        var cleaner = new ArticleCleaner();
        var exactIndex = new InMemoryDuplicateIndex();
        var nearIndex = new InMemoryNearDuplicateIndex(options, TimeProvider.System);
        var hasher = new MinHasher(options);
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenInCluster = new HashSet<(string Cluster, string Hash)>();
        var verdicts = new List<Verdict>();
        var signing = new Stopwatch();
        var signed = 0;

        foreach (var item in cases)
        {
            var cleaned = cleaner.Clean(new CleaningInput(item.Content, item.Name, item.ContentType));
            if (cleaned.IsRejected)
            {
                verdicts.Add(new Verdict(item, Truth(item, sameTextSeen: false), "rejected", null));
                continue;
            }
            var id = item.Name;
            clusterOf[id] = item.Cluster;
            var text = cleaned.Article!.Text;
            var hash = ContentHash.Compute(text);
            // Truth by the requirement's definition: a copy whose cleaned text normalizes like an earlier article
            // of its story is an exact duplicate (the cleaner may have removed the difference the generator made);
            // any other copy is a near duplicate.
            var truth = Truth(item, sameTextSeen: !seenInCluster.Add((item.Cluster, hash)));
            var claim = exactIndex.ClaimExactAsync(hash, id, CancellationToken.None).GetAwaiter().GetResult();
            if (!claim.IsCanonical)
            {
                verdicts.Add(new Verdict(item, truth, DuplicateKind.Exact, claim.CanonicalId));
                continue;
            }
            signing.Start();
            var signature = hasher.Compute(text);
            signing.Stop();
            signed++;
            var verdict = signature is null
                ? NearDuplicateVerdict.Canonical
                : nearIndex.ClaimAsync(id, signature, CancellationToken.None).GetAwaiter().GetResult();
            verdicts.Add(new Verdict(item, truth, verdict.IsCanonical ? null : DuplicateKind.Near, verdict.DuplicateOf));
        }

        bool Right(Verdict v) => v.Kind == v.Truth && (v.Kind is null || clusterOf[v.DuplicateOf!] == v.Case.Cluster);
        VerdictScore Score(IReadOnlyCollection<Verdict> list, string kind) => new(
            list.Count(v => v.Truth == kind),
            list.Count(v => v.Kind == kind),
            list.Count(v => v.Kind == kind && Right(v)),
            list.Count(v => v.Truth == kind && Right(v)));

        var copiesMadeExact = verdicts.Where(v => v.Case.Kind == DedupCaseKind.ExactCopy).ToList();
        var negatives = verdicts.Where(v => v.Case.Kind == DedupCaseKind.HardNegative).ToList();
        return new DedupEvaluationReport(
            cases.Count,
            Score(verdicts, DuplicateKind.Exact),
            Score(verdicts, DuplicateKind.Near),
            copiesMadeExact.Count,
            copiesMadeExact.Count(v => v.Kind == DuplicateKind.Exact && Right(v)),
            verdicts.Count(v => v.Case.Kind == DedupCaseKind.NearCopy && v.Truth == DuplicateKind.Exact),
            verdicts.Where(v => v.Case.Kind == DedupCaseKind.NearCopy && v.Truth == DuplicateKind.Near)
                .GroupBy(v => v.Case.Transform, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Score(g.ToList(), DuplicateKind.Near), StringComparer.Ordinal),
            negatives.Count,
            negatives.Count(v => v.Kind is not null),
            signed == 0 ? 0 : (double)nearIndex.RequestCount / signed,
            signed == 0 ? 0 : signing.Elapsed.TotalMilliseconds * 1000 / signed,
            verdicts.Where(v => !Right(v))
                .Select(v => $"{v.Case.Name}: expected {v.Truth ?? "canonical"}, got {v.Kind ?? "canonical"}{(v.DuplicateOf is null ? "" : $" of {v.DuplicateOf}")}")
                .ToList());
    }

    /// <summary>The verdict a case should get: none for originals and hard negatives, exact or near for copies.</summary>
    private static string? Truth(DedupCase item, bool sameTextSeen) =>
        item.Kind is DedupCaseKind.Original or DedupCaseKind.HardNegative ? null
        : sameTextSeen ? DuplicateKind.Exact
        : DuplicateKind.Near;

    private sealed record Verdict(DedupCase Case, string? Truth, string? Kind, string? DuplicateOf);

    /// <summary>
    /// Sources from the extraction benchmark's <c>ground-truth.json</c> (<c>{id: {articleBody, url}}</c>), titled by their
    /// first words since the file has no titles, plus every file of <paramref name="samplesDirectory"/> run through the cleaner.
    /// </summary>
    public static IReadOnlyList<DedupSourceArticle> LoadSources(string groundTruthPath, string? samplesDirectory)
    {
        var sources = new List<DedupSourceArticle>();
        using (var stream = File.OpenRead(groundTruthPath))
        using (var document = JsonDocument.Parse(stream))
        {
            foreach (var page in document.RootElement.EnumerateObject())
            {
                var body = page.Value.GetProperty("articleBody").GetString() ?? "";
                if (body.Trim().Length > 0)
                {
                    sources.Add(new DedupSourceArticle(page.Name, TitleFrom(body), body.Trim()));
                }
            }
        }
        if (samplesDirectory is not null && Directory.Exists(samplesDirectory))
        {
            var cleaner = new ArticleCleaner();
            foreach (var path in Directory.GetFiles(samplesDirectory).Order(StringComparer.Ordinal))
            {
                var cleaned = cleaner.Clean(new CleaningInput(File.ReadAllBytes(path), Path.GetFileName(path), null));
                if (!cleaned.IsRejected)
                {
                    sources.Add(new DedupSourceArticle("sample-" + Path.GetFileNameWithoutExtension(path), cleaned.Article!.Title, cleaned.Article.Text));
                }
            }
        }
        return sources;
    }

    private static string TitleFrom(string body)
    {
        var words = body.Split((char[]?)null, 9, StringSplitOptions.RemoveEmptyEntries);
        return "Report: " + string.Join(' ', words.Take(8));
    }
}
