using System.Buffers;

namespace Ingest.Core.Decoding;

/// <summary>
/// Windows-1252, mapped by hand. Needed in both directions: decoding legacy files, and mojibake repair,
/// which must turn characters back into the bytes a UTF-8 text was wrongly read as. Hand-mapping keeps
/// this independent of whether anyone registered <c>CodePagesEncodingProvider</c>.
/// </summary>
internal static class Windows1252
{
    /// <summary>Characters for bytes 0x80–0x9F. The five bytes 1252 leaves undefined map to the C1 control of the same value, as Windows does.</summary>
    private static readonly char[] HighControlRange =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static readonly Dictionary<char, byte> ReverseHighControlRange = BuildReverse();

    /// <summary>True for the five byte values 1252 does not define; real 1252 text almost never has them.</summary>
    public static bool IsUndefined(byte b) => b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D;

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                rented[i] = ToChar(bytes[i]);
            }
            return new string(rented, 0, bytes.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? HighControlRange[b - 0x80] : (char)b;

    /// <summary>The 1252 byte for <paramref name="c"/>, or false when 1252 cannot represent it.</summary>
    public static bool TryGetByte(char c, out byte b)
    {
        if (c < 0x80 || c is >= '\u00A0' and <= '\u00FF')
        {
            b = (byte)c;
            return true;
        }
        return ReverseHighControlRange.TryGetValue(c, out b);
    }

    private static Dictionary<char, byte> BuildReverse()
    {
        var map = new Dictionary<char, byte>(HighControlRange.Length);
        for (var i = 0; i < HighControlRange.Length; i++)
        {
            map[HighControlRange[i]] = (byte)(0x80 + i);
        }
        return map;
    }
}
