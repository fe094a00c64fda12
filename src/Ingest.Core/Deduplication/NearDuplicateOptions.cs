using Microsoft.Extensions.Options;

namespace Ingest.Core.Deduplication;

/// <summary>
/// Near-duplicate detection settings, bound from <c>Ingest:Dedup</c> (app settings <c>Ingest__Dedup__Threshold</c> …).
/// The defaults were chosen with <c>ingest eval dedup</c> (see README, "Deduplication"). Changing
/// <see cref="ShingleSize"/>, <see cref="Bands"/> or <see cref="RowsPerBand"/> changes every signature and band
/// key, so articles indexed before the change stop matching; the threshold and window can change at any time.
/// </summary>
public sealed class NearDuplicateOptions
{
    public const string SectionName = "Ingest:Dedup";

    /// <summary>Words per shingle. Smaller survives edits better; larger tells apart stories that share phrases.</summary>
    public int ShingleSize { get; set; } = 4;

    /// <summary>LSH bands: each is one partition looked up per article, so this is the request cost of a lookup.</summary>
    public int Bands { get; set; } = 32;

    /// <summary>MinHash values per band. With <see cref="Bands"/> it sets where the LSH S-curve rises: about (1/bands)^(1/rows).</summary>
    public int RowsPerBand { get; set; } = 4;

    /// <summary>Estimated Jaccard similarity of word shingles at or above which two articles are the same story.</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Only articles indexed within this span count as originals; older entries stop matching and can be removed.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The MinHash signature length: every band reads its own slice of the signature.</summary>
    public int Permutations => Bands * RowsPerBand;
}

/// <summary>Rejects settings that would make detection meaningless or unbounded, at start-up rather than per article.</summary>
public sealed class NearDuplicateOptionsValidator : IValidateOptions<NearDuplicateOptions>
{
    /// <summary>Above this a signature no longer fits comfortably in one table property (4 bytes per permutation, 64 KiB cap).</summary>
    public const int MaxPermutations = 1024;

    public ValidateOptionsResult Validate(string? name, NearDuplicateOptions options)
    {
        var failures = new List<string>();
        if (options.ShingleSize is < 1 or > 16)
        {
            failures.Add($"{NearDuplicateOptions.SectionName}:ShingleSize is {options.ShingleSize}; use 1 to 16 words.");
        }
        if (options.Bands is < 1 or > 100)
        {
            failures.Add($"{NearDuplicateOptions.SectionName}:Bands is {options.Bands}; use 1 to 100 (each band is one request per lookup).");
        }
        if (options.RowsPerBand < 1 || options.Bands * options.RowsPerBand > MaxPermutations)
        {
            failures.Add($"{NearDuplicateOptions.SectionName}:RowsPerBand is {options.RowsPerBand}; use at least 1, with Bands × RowsPerBand ≤ {MaxPermutations}.");
        }
        if (double.IsNaN(options.Threshold) || options.Threshold is <= 0 or > 1)
        {
            failures.Add($"{NearDuplicateOptions.SectionName}:Threshold is {options.Threshold}; use a similarity above 0 and at most 1.");
        }
        if (options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{NearDuplicateOptions.SectionName}:Window is {options.Window}; use a positive span such as 30.00:00:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
