using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Articles;

/// <summary>
/// Article ids are derived, never generated: the same blob version always maps to the same id, so a
/// re-triggered blob or a re-delivered message overwrites its own record instead of adding one.
/// A blob version is (container, name, ETag); re-uploading a name with new content is a new version
/// and so a new record, and the old record is kept.
/// </summary>
public static class ArticleId
{
    /// <summary>Id length in characters: 128 bits as lowercase hex, safe in table keys, blob names and URLs.</summary>
    public const int Length = 32;

    public static string ForBlob(string container, string name, string? etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Derive($"blob\n{container}\n{name}\n{NormalizeETag(etag)}");
    }

    /// <summary>For <c>ingest process</c>: local files have no ETag, so the content hash names the version.</summary>
    public static string ForLocalFile(string name, ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return Derive($"file\n{name}\n{Convert.ToHexString(hash)}");
    }

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static string NormalizeETag(string? etag) => (etag ?? string.Empty).Trim().Trim('"');

    private static string Derive(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexString(hash[..16]).ToLowerInvariant();
    }
}
