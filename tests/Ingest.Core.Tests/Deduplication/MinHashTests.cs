using Ingest.Core.Deduplication;

namespace Ingest.Core.Tests.Deduplication;

public sealed class MinHashTests
{
    /// <summary>Texts of unique words w0, w1, … so their shingle sets overlap exactly as constructed.</summary>
    private static string Words(int from, int to) => string.Join(' ', Enumerable.Range(from, to - from).Select(i => $"w{i}"));

    private static HashSet<ulong> ShingleSet(string text, int size)
    {
        var buffer = new ulong[WordShingles.MaxShingles(text.Length)];
        var count = WordShingles.Hash(text, size, buffer);
        return [.. buffer.AsSpan(0, count).ToArray()];
    }

    private static double ExactJaccard(string a, string b, int size)
    {
        var left = ShingleSet(a, size);
        var right = ShingleSet(b, size);
        var intersection = left.Count(right.Contains);
        return (double)intersection / (left.Count + right.Count - intersection);
    }

    [Theory]
    [InlineData(0, 1000, 0, 1000)]     // identical: J = 1
    [InlineData(0, 1000, 100, 1100)]   // 10 % shifted
    [InlineData(0, 1000, 333, 1333)]   // J ≈ 0.5
    [InlineData(0, 1000, 600, 1600)]   // J ≈ 0.25
    [InlineData(0, 1000, 2000, 3000)]  // disjoint: J = 0
    public void The_estimate_is_within_three_standard_errors_of_exact_jaccard(int aFrom, int aTo, int bFrom, int bTo)
    {
        var (a, b) = (Words(aFrom, aTo), Words(bFrom, bTo));
        var hasher = new MinHasher(shingleSize: 4, permutations: 256);

        var estimate = hasher.Compute(a)!.EstimateJaccard(hasher.Compute(b)!);
        var exact = ExactJaccard(a, b, 4);

        // Standard error sqrt(J(1-J)/N); at the extremes the estimate is exact, which the floor of 0.01 allows.
        var tolerance = Math.Max(0.01, 3 * Math.Sqrt(exact * (1 - exact) / 256));
        Assert.InRange(estimate, exact - tolerance, exact + tolerance);
    }

    [Fact]
    public void Case_punctuation_and_spacing_do_not_change_the_shingles()
    {
        var a = "The council approved the ferry link on Tuesday, officials said.";
        var b = "THE COUNCIL   approved the ferry-link\non Tuesday — officials said";

        Assert.Equal(ShingleSet(a, 3), ShingleSet(b, 3));
    }

    [Fact]
    public void Word_order_matters_inside_a_shingle()
    {
        Assert.NotEqual(ShingleSet("alpha beta gamma", 3), ShingleSet("gamma beta alpha", 3));
    }

    [Fact]
    public void A_text_shorter_than_a_shingle_is_one_shingle_and_a_text_without_words_has_none()
    {
        Assert.Single(ShingleSet("two words", 4));
        Assert.Empty(ShingleSet(" … — !! ", 4));
        Assert.Null(new MinHasher(4, 16).Compute("— …"));
    }

    [Fact]
    public void Letters_outside_the_basic_plane_are_words()
    {
        Assert.Equal(2, ShingleSet("𠀀𠀁 𠀂", 1).Count);
    }

    [Fact]
    public void Signatures_are_the_same_on_every_run_and_host()
    {
        // Stored band keys and signatures depend on these values; a change here orphans every indexed article.
        var signature = new MinHasher(shingleSize: 4, permutations: 8).Compute("Northport approves ferry link to the Skerry Islands")!;

        Assert.Equal(signature.Values.ToArray(), new MinHasher(4, 8).Compute("northport approves ferry link to the skerry islands.")!.Values.ToArray());
        Assert.Equal(PinnedSignature, signature.Values.ToArray());
    }

    [Fact]
    public void A_signature_round_trips_through_its_stored_bytes()
    {
        var signature = new MinHasher(4, 32).Compute(Words(0, 50))!;

        var restored = MinHashSignature.FromBytes(signature.ToBytes());

        Assert.Equal(signature.Values.ToArray(), restored.Values.ToArray());
        Assert.Throws<FormatException>(() => MinHashSignature.FromBytes(new byte[7]));
    }

    [Fact]
    public void Band_keys_are_valid_table_keys_and_equal_only_for_equal_bands()
    {
        var hasher = new MinHasher(4, 8);
        var a = LshBands.Keys(hasher.Compute(Words(0, 200))!, bands: 4, rowsPerBand: 2);
        var same = LshBands.Keys(hasher.Compute(Words(0, 200))!, 4, 2);
        var other = LshBands.Keys(hasher.Compute(Words(500, 700))!, 4, 2);

        Assert.Equal(a, same);
        Assert.Empty(a.Intersect(other));
        Assert.Equal(4, a.Distinct().Count());
        Assert.All(a, key => Assert.Matches("^b0[0-3]-[0-9a-f]{16}$", key));
    }

    [Theory]
    [InlineData(0.9, 32, 4, 1.0)]
    [InlineData(0.5, 32, 4, 0.8732)]
    [InlineData(0.2, 32, 4, 0.0499)]
    public void The_candidate_probability_follows_the_banding_curve(double jaccard, int bands, int rows, double expected) =>
        Assert.Equal(expected, LshBands.CandidateProbability(jaccard, bands, rows), precision: 3);

    private static readonly uint[] PinnedSignature = [1231022272, 253576195, 211815553, 331971407, 515364134, 410993274, 67348446, 945133809];
}
