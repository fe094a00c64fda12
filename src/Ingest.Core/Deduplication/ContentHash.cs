using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Deduplication;

/// <summary>
/// The exact-duplicate key: SHA-256 of the article text after a normalization that ignores what differs
/// between copies of the same story saved differently (case, spacing, line breaks, compatibility forms),
/// so a .txt, an .html page and a .json wrapper of the same text hash alike.
/// </summary>
public static class ContentHash
{
    public static string Compute(string text)
    {
        var normalized = NormalizeForHash(text);
        var byteCount = Encoding.UTF8.GetByteCount(normalized);
        var buffer = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(normalized, buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexString(hash).ToLowerInvariant();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static string NormalizeForHash(string text)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(compatible.Length);
        var pendingSpace = false;
        foreach (var rune in compatible.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return builder.ToString();
    }
}
