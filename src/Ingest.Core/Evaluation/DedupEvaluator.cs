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

/// <summary>What <c>ingest eval dedup</c> reports. <see cref="Misses"/> lists each wrong verdict, for diagnosis.</summary>
public sealed record DedupEvaluationReport(
    int Articles,
    VerdictScore Exact,
    VerdictScore ExactBySameCleanedText,
    int NearCopiesCleanedToExact,
    VerdictScore Near,
    IReadOnlyDictionary<string, VerdictScore> NearByTransform,
    int HardNegatives,
    int HardNegativesFlagged,
    double NearIndexRequestsPerArticle,
    double SignatureMicrosecondsPerArticle,
    IReadOnlyList<string> Misses);

/// <summary>
/// Runs generated cases through the pipeline's own steps — the real cleaner, the exact-duplicate claim, then the
/// near-duplicate check over the in-memory index (same bands, confirmation and canonical rule as the table index) —
/// in the generated order, and scores the verdicts. A duplicate verdict is correct when it names an article of the
/// same cluster and is of the expected kind.
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
        var hashOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var originalHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var verdicts = new List<(DedupCase Case, string? Kind, string? DuplicateOf)>();
        var signing = new Stopwatch();
        var signed = 0;

        foreach (var item in cases)
        {
            var cleaned = cleaner.Clean(new CleaningInput(item.Content, item.Name, item.ContentType));
            if (cleaned.IsRejected)
            {
                verdicts.Add((item, "rejected", null));
                continue;
            }
            var id = item.Name;
            clusterOf[id] = item.Cluster;
            var text = cleaned.Article!.Text;
            var hash = ContentHash.Compute(text);
            hashOf[id] = hash;
            if (item.Kind == DedupCaseKind.Original)
            {
                originalHash[item.Cluster] = hash;
            }
            var claim = exactIndex.ClaimExactAsync(hash, id, CancellationToken.None).GetAwaiter().GetResult();
            if (!claim.IsCanonical)
            {
                verdicts.Add((item, DuplicateKind.Exact, claim.CanonicalId));
                continue;
            }
            signing.Start();
            var signature = hasher.Compute(text);
            signing.Stop();
            signed++;
            var verdict = signature is null
                ? NearDuplicateVerdict.Canonical
                : nearIndex.ClaimAsync(id, signature, CancellationToken.None).GetAwaiter().GetResult();
            verdicts.Add((item, verdict.IsCanonical ? null : DuplicateKind.Near, verdict.DuplicateOf));
        }

        bool SameCluster(DedupCase item, string? duplicateOf) => duplicateOf is not null && clusterOf[duplicateOf] == item.Cluster;
        // A near copy whose difference the cleaner removed (boilerplate it strips) has the original's exact text:
        // its exact verdict is right, and it is not counted as a near copy the near check should have found.
        bool CleanedToExact((DedupCase Case, string? Kind, string? DuplicateOf) v) =>
            v.Case.Kind == DedupCaseKind.NearCopy && v.Kind == DuplicateKind.Exact && SameCluster(v.Case, v.DuplicateOf);
        VerdictScore ExactScore(IReadOnlyList<(DedupCase Case, string? Kind, string? DuplicateOf)> list) => new(
            list.Count(v => v.Case.Kind == DedupCaseKind.ExactCopy),
            list.Count(v => v.Kind == DuplicateKind.Exact),
            list.Count(v => v.Kind == DuplicateKind.Exact && SameCluster(v.Case, v.DuplicateOf) && v.Case.Kind is DedupCaseKind.ExactCopy or DedupCaseKind.NearCopy),
            list.Count(v => v.Case.Kind == DedupCaseKind.ExactCopy && v.Kind == DuplicateKind.Exact && SameCluster(v.Case, v.DuplicateOf)));
        // The requirement's own definition: a copy whose cleaned text normalizes to its original's is an exact duplicate.
        bool SameCleanedText(DedupCase item) =>
            item.Kind is DedupCaseKind.ExactCopy or DedupCaseKind.NearCopy
            && hashOf.TryGetValue(item.Name, out var hash) && originalHash.GetValueOrDefault(item.Cluster) == hash;
        VerdictScore ExactBySameTextScore(IReadOnlyList<(DedupCase Case, string? Kind, string? DuplicateOf)> list) => new(
            list.Count(v => SameCleanedText(v.Case)),
            list.Count(v => v.Kind == DuplicateKind.Exact),
            list.Count(v => v.Kind == DuplicateKind.Exact && SameCluster(v.Case, v.DuplicateOf) && SameCleanedText(v.Case)),
            list.Count(v => SameCleanedText(v.Case) && v.Kind == DuplicateKind.Exact && SameCluster(v.Case, v.DuplicateOf)));
        VerdictScore Score(IEnumerable<(DedupCase Case, string? Kind, string? DuplicateOf)> subset, DedupCaseKind expected, string kind)
        {
            var list = subset.Where(v => !CleanedToExact(v)).ToList();
            var correct = list.Count(v => v.Case.Kind == expected && v.Kind == kind && SameCluster(v.Case, v.DuplicateOf));
            return new VerdictScore(list.Count(v => v.Case.Kind == expected), list.Count(v => v.Kind == kind), correct, correct);
        }

        var misses = verdicts
            .Where(v => !IsRight(v.Case, v.Kind, v.DuplicateOf, SameCluster) && !CleanedToExact(v))
            .Select(v => $"{v.Case.Name}: expected {v.Case.Kind}, got {v.Kind ?? "canonical"}{(v.DuplicateOf is null ? "" : $" of {v.DuplicateOf}")}")
            .ToList();
        var negatives = verdicts.Where(v => v.Case.Kind == DedupCaseKind.HardNegative).ToList();
        return new DedupEvaluationReport(
            cases.Count,
            ExactScore(verdicts),
            ExactBySameTextScore(verdicts),
            verdicts.Count(CleanedToExact),
            Score(verdicts, DedupCaseKind.NearCopy, DuplicateKind.Near),
            verdicts.Where(v => v.Case.Kind == DedupCaseKind.NearCopy)
                .GroupBy(v => v.Case.Transform, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Score(g, DedupCaseKind.NearCopy, DuplicateKind.Near), StringComparer.Ordinal),
            negatives.Count,
            negatives.Count(v => v.Kind is DuplicateKind.Exact or DuplicateKind.Near),
            signed == 0 ? 0 : (double)nearIndex.RequestCount / signed,
            signed == 0 ? 0 : signing.Elapsed.TotalMilliseconds * 1000 / signed,
            misses);
    }

    private static bool IsRight(DedupCase item, string? kind, string? duplicateOf, Func<DedupCase, string?, bool> sameCluster) => item.Kind switch
    {
        DedupCaseKind.Original or DedupCaseKind.HardNegative => kind is null,
        DedupCaseKind.ExactCopy => kind == DuplicateKind.Exact && sameCluster(item, duplicateOf),
        _ => kind == DuplicateKind.Near && sameCluster(item, duplicateOf),
    };

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
