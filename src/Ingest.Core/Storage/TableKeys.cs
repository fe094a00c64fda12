using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Storage;

/// <summary>
/// Makes arbitrary text (blob names, entity names) safe as a PartitionKey or RowKey. Azure Tables
/// forbids '/', '\', '#', '?' and control characters in keys and caps each key at 1 KiB; Azurite does
/// not enforce all of this, so it is enforced here. The escaping is reversible for keys under the cap
/// and '%' is escaped too, so two different inputs never collide.
/// </summary>
public static class TableKeys
{
    /// <summary>Keys are at most 1 KiB; UTF-16 storage means 512 characters is the safe ceiling.</summary>
    public const int MaxKeyChars = 512;
    private const int HashSuffixChars = 17; // '~' + 16 hex digits

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsForbidden(c) || c == '%')
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length <= MaxKeyChars)
        {
            return builder.ToString();
        }

        // Too long to store whole: keep a readable prefix and make it unique with a hash of the full value.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        var prefix = builder.ToString(0, MaxKeyChars - HashSuffixChars);
        // Never cut an escape sequence or a surrogate pair in half.
        var cut = prefix.LastIndexOf('%');
        if (cut >= prefix.Length - 2)
        {
            prefix = prefix[..cut];
        }
        if (prefix.Length > 0 && char.IsHighSurrogate(prefix[^1]))
        {
            prefix = prefix[..^1];
        }
        return prefix + "~" + Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    /// <summary>The index key of an entity name: case and spacing do not split one entity into several partitions.</summary>
    public static string ForEntity(string canonical) =>
        Escape(string.Join(' ', canonical.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());

    public static bool IsValidKey(string key) =>
        key.Length <= MaxKeyChars && !key.Any(IsForbidden);

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';
}
