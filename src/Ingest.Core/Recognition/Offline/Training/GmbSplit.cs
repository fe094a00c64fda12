using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Recognition.Offline.Training;

public enum GmbPortion
{
    Train,
    Dev,
    Test,
}

/// <summary>
/// The deterministic train/dev/test split of GMB. A sentence's key is its words joined by single spaces,
/// Unicode-normalized (NFKC) and lower-cased; its bucket is the first 8 bytes of SHA-256(UTF-8 key), read
/// big-endian, modulo 100: buckets 0–79 train, 80–89 dev, 90–99 test. Identical sentences have one key, so
/// they always land in the same portion and cannot leak from train into test; within a portion only the first
/// occurrence of a key is kept (de-duplication). The split depends on nothing but the sentence text.
/// </summary>
public static class GmbSplit
{
    public static GmbPortion PortionOf(IReadOnlyList<string> words)
    {
        var key = string.Join(' ', words).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bucket = BinaryPrimitives.ReadUInt64BigEndian(hash) % 100;
        return bucket < 80 ? GmbPortion.Train : bucket < 90 ? GmbPortion.Dev : GmbPortion.Test;
    }

    /// <summary>The de-duplicated sentences of one portion, in corpus order.</summary>
    public static IReadOnlyList<NerSentence> Select(IEnumerable<NerSentence> sentences, GmbPortion portion)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var selected = new List<NerSentence>();
        foreach (var sentence in sentences)
        {
            if (PortionOf(sentence.Words) != portion)
            {
                continue;
            }
            var key = string.Join(' ', sentence.Words).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            if (seen.Add(key))
            {
                selected.Add(sentence);
            }
        }
        return selected;
    }
}
