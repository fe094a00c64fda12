using System.Globalization;

namespace Ingest.Core.Deduplication;

/// <summary>
/// Locality-sensitive hashing over a MinHash signature: the signature is cut into bands of consecutive rows
/// and each band hashed to one key. Two articles become candidates when any band key is equal, which happens
/// with probability 1 - (1 - J^rows)^bands, so near-identical texts almost always meet and unrelated ones
/// almost never do. A key is the table partition where articles with that band live.
/// </summary>
public static class LshBands
{
    /// <summary>Keys look like <c>b07-3f2a9c0e11d4b580</c>: band number, then the band's 64-bit hash; valid table keys.</summary>
    public static string[] Keys(MinHashSignature signature, int bands, int rowsPerBand)
    {
        if (signature.Length != bands * rowsPerBand)
        {
            throw new ArgumentException($"A signature of {signature.Length} values cannot be cut into {bands} bands of {rowsPerBand} rows.", nameof(signature));
        }
        var keys = new string[bands];
        var values = signature.Values;
        for (var band = 0; band < bands; band++)
        {
            // The band number is part of the hash too, so equal rows in different bands never share a key.
            var hash = WordShingles.Finalize((ulong)band + 1);
            foreach (var value in values.Slice(band * rowsPerBand, rowsPerBand))
            {
                hash = WordShingles.Finalize(hash ^ value);
            }
            keys[band] = string.Create(CultureInfo.InvariantCulture, $"b{band:D2}-{hash:x16}");
        }
        return keys;
    }

    /// <summary>The probability that two articles of Jaccard similarity <paramref name="jaccard"/> share at least one band.</summary>
    public static double CandidateProbability(double jaccard, int bands, int rowsPerBand) =>
        1 - Math.Pow(1 - Math.Pow(jaccard, rowsPerBand), bands);
}
