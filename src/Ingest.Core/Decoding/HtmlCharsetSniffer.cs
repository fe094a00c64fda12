using System.Text;

namespace Ingest.Core.Decoding;

/// <summary>
/// Finds the charset an HTML document declares in its head: <c>&lt;meta charset="…"&gt;</c> or
/// <c>&lt;meta http-equiv="Content-Type" content="text/html; charset=…"&gt;</c>. Reads only the first
/// few KiB as ASCII, which is what the HTML standard's prescan does too: the declaration must come early.
/// </summary>
internal static class HtmlCharsetSniffer
{
    private const int PrescanLength = 4096;

    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, PrescanLength)];
        var searchFrom = 0;
        while (searchFrom < head.Length)
        {
            var metaAt = IndexOfIgnoreCase(head[searchFrom..], "<meta"u8);
            if (metaAt < 0)
            {
                return null;
            }
            var tagStart = searchFrom + metaAt;
            var tagEnd = head[tagStart..].IndexOf((byte)'>');
            var tag = tagEnd < 0 ? head[tagStart..] : head.Slice(tagStart, tagEnd);
            var charset = ReadCharsetValue(tag);
            if (charset is not null)
            {
                return charset;
            }
            searchFrom = tagStart + 5;
        }
        return null;
    }

    /// <summary>Resolves a declared charset label to an encoding, or null for labels .NET does not know.</summary>
    public static Encoding? ResolveEncoding(string label)
    {
        EncodingProviderRegistration.EnsureRegistered();
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? ReadCharsetValue(ReadOnlySpan<byte> tag)
    {
        // Both forms end in "charset=<value>": the attribute itself, or inside http-equiv's content attribute.
        var at = IndexOfIgnoreCase(tag, "charset"u8);
        if (at < 0)
        {
            return null;
        }
        var rest = tag[(at + 7)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return null;
        }
        rest = rest[1..].TrimStart(" \t\r\n\"'"u8);
        var end = rest.IndexOfAny(" \t\r\n\"';/>"u8);
        var value = end < 0 ? rest : rest[..end];
        return value.IsEmpty ? null : Encoding.ASCII.GetString(value).ToLowerInvariant();
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var k = 0; k < lowerNeedle.Length; k++)
            {
                var b = haystack[i + k];
                if (b is >= (byte)'A' and <= (byte)'Z')
                {
                    b = (byte)(b | 0x20);
                }
                if (b != lowerNeedle[k])
                {
                    match = false;
                    break;
                }
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// Registers <see cref="CodePagesEncodingProvider"/> once: on .NET Core the legacy code pages (Shift_JIS,
/// KOI8-R, ISO-8859-2, …) ship with the framework but stay invisible to <see cref="Encoding.GetEncoding(string)"/> until registered.
/// </summary>
internal static class EncodingProviderRegistration
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
