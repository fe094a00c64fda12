using System.Buffers.Binary;

namespace Ingest.Core.Deduplication;

/// <summary>
/// The MinHash signature of an article's shingle set: for each of N hash functions, the smallest 32-bit value
/// over all shingles. The share of positions where two signatures agree estimates the Jaccard similarity of
/// the two sets (standard error about sqrt(J(1-J)/N)). 32 bits per value halves storage; a chance collision
/// between different minima (2^-32 per position) moves no estimate measurably.
/// </summary>
public sealed class MinHashSignature
{
    private readonly uint[] _values;

    public MinHashSignature(uint[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        _values = values;
    }

    public ReadOnlySpan<uint> Values => _values;

    public int Length => _values.Length;

    /// <summary>The estimated Jaccard similarity in [0, 1]; symmetric, so two hosts comparing the same pair always agree.</summary>
    public double EstimateJaccard(MinHashSignature other)
    {
        if (other.Length != Length)
        {
            throw new ArgumentException($"Signatures of {Length} and {other.Length} values are not comparable; the dedup settings changed.", nameof(other));
        }
        var equal = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] == other._values[i])
            {
                equal++;
            }
        }
        return (double)equal / _values.Length;
    }

    /// <summary>Little-endian bytes, 4 per value: the stored form.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_values.Length * sizeof(uint)];
        for (var i = 0; i < _values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), _values[i]);
        }
        return bytes;
    }

    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length % sizeof(uint) != 0)
        {
            throw new FormatException($"A stored signature of {bytes.Length} bytes is not a whole number of 32-bit values.");
        }
        var values = new uint[bytes.Length / sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        }
        return new MinHashSignature(values);
    }
}
