using System.Buffers;

namespace Ingest.Core.Deduplication;

/// <summary>
/// Computes MinHash signatures over word shingles. The i-th hash function is the 64-bit finalizer applied to
/// the shingle hash XOR a fixed per-function seed, keeping the high 32 bits: cheap, well mixed, and the same
/// on every host and every run (the seeds derive from a constant), which stored signatures depend on.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;

    public MinHasher(int shingleSize, int permutations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ShingleSize = shingleSize;
        _seeds = new ulong[permutations];
        // SplitMix64 from a fixed start: distinct, well-spread seeds that never change between releases.
        var state = 0x1D8E4E27C47D124FUL;
        for (var i = 0; i < permutations; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            _seeds[i] = WordShingles.Finalize(state);
        }
    }

    public MinHasher(NearDuplicateOptions options)
        : this(options.ShingleSize, options.Permutations)
    {
    }

    public int ShingleSize { get; }

    public int Permutations => _seeds.Length;

    /// <summary>The signature of the text, or null when it has no words to compare.</summary>
    public MinHashSignature? Compute(string text)
    {
        var normalized = WordShingles.Normalize(text);
        var shingles = ArrayPool<ulong>.Shared.Rent(WordShingles.MaxShingles(normalized.Length));
        try
        {
            var count = WordShingles.Hash(normalized, ShingleSize, shingles);
            return count == 0 ? null : new MinHashSignature(Minima(shingles.AsSpan(0, count)));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(shingles);
        }
    }

    private uint[] Minima(ReadOnlySpan<ulong> shingles)
    {
        var minima = new uint[_seeds.Length];
        minima.AsSpan().Fill(uint.MaxValue);
        // Shingle-major order keeps the shingle in a register while the seeds stream through the cache.
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var value = (uint)(WordShingles.Finalize(shingle ^ _seeds[i]) >> 32);
                if (value < minima[i])
                {
                    minima[i] = value;
                }
            }
        }
        return minima;
    }
}
