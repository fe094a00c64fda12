using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Ingest.Core.Articles;

namespace Ingest.Core.Decoding;

/// <summary>
/// Decides what raw bytes are and decodes them to a string. Order matters and goes from strongest
/// evidence to weakest: byte-order mark, binary signatures, UTF-16/32 without BOM (NUL patterns),
/// binary heuristics, strict UTF-8, the charset an HTML document declares, then Windows-1252 for
/// Latin-looking legacy text. Anything else is <c>undecodable</c> rather than silently garbled.
/// </summary>
public static class TextDecoder
{
    /// <summary>How much of the input the statistical checks look at; enough to be sure, cheap on large files.</summary>
    private const int SampleLength = 64 * 1024;

    /// <summary>Share of control bytes (other than tab, CR, LF, FF) above which data is not text.</summary>
    private const double MaxControlByteRatio = 0.05;

    /// <summary>
    /// Fewer control bytes than this never make a file binary, whatever their share: three stray BELs in a
    /// two-line article are 5 % of it, yet it is text. Random or compressed data of this many bytes' worth of
    /// controls (about 150 bytes and up) also carries NULs or invalid UTF-8, so it is still rejected.
    /// </summary>
    private const int MinimumControlBytesForBinary = 16;

    /// <summary>C0 controls other than tab, LF, FF and CR, and DEL: the bytes text files do not normally contain (NUL is tested first).</summary>
    private static readonly SearchValues<byte> BinaryControlBytes = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>
    /// Share of bytes ≥ 0x80 above which invalid-UTF-8 data is not read as Windows-1252: Latin-script
    /// text in 1252 has a few accented letters, while CJK legacy encodings or random data are mostly high bytes.
    /// </summary>
    private const double MaxHighByteRatioFor1252 = 0.3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool isHtml = false)
    {
        if (bytes.IsEmpty)
        {
            return DecodedText.Rejected(RejectionCodes.Empty, "The file has no bytes.");
        }

        var withBom = TryDecodeWithByteOrderMark(bytes);
        if (withBom is not null)
        {
            return Finish(withBom);
        }

        var format = BinarySignatures.Identify(bytes);
        if (format is not null)
        {
            return DecodedText.Rejected(RejectionCodes.Binary, $"The file is a {format}, not text.");
        }

        var sample = bytes[..Math.Min(bytes.Length, SampleLength)];
        var unmarked = TryDecodeUnmarkedUtf16Or32(bytes, sample);
        if (unmarked is not null)
        {
            return Finish(unmarked);
        }

        var binaryReason = FindBinaryEvidence(sample);
        if (binaryReason is not null)
        {
            return DecodedText.Rejected(RejectionCodes.Binary, binaryReason);
        }

        if (TryDecodeValidUtf8(bytes) is { } text)
        {
            var repaired = MojibakeRepair.Repair(text);
            return Finish(DecodedText.Success(repaired, "utf-8", !ReferenceEquals(repaired, text)));
        }

        if (isHtml && HtmlCharsetSniffer.FindDeclaredCharset(bytes) is { } label && label is not ("utf-8" or "utf8"))
        {
            var declared = HtmlCharsetSniffer.ResolveEncoding(label);
            if (declared is not null && declared.CodePage != 1252 && declared.CodePage != 28591)
            {
                return Finish(DecodedText.Success(declared.GetString(bytes), declared.WebName));
            }
        }

        return LooksLikeLatinLegacyText(sample)
            ? Finish(DecodedText.Success(Windows1252.Decode(bytes), "windows-1252"))
            : DecodedText.Rejected(RejectionCodes.Undecodable,
                "The bytes are neither valid UTF-8/UTF-16/UTF-32 nor plausible Windows-1252 text, and declare no usable charset.");
    }

    /// <summary>
    /// The text when the bytes are valid UTF-8, else null. One transcoding pass that stops at the first invalid
    /// sequence; validating first and then calling <see cref="Encoding.GetString(byte[])"/> read every byte three times.
    /// </summary>
    private static string? TryDecodeValidUtf8(ReadOnlySpan<byte> bytes)
    {
        // UTF-8 never needs more UTF-16 code units than it has bytes.
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? new string(buffer, 0, written) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodedText Finish(DecodedText decoded)
    {
        if (decoded.IsRejected)
        {
            return decoded;
        }
        return IsBlank(decoded.Text)
            ? DecodedText.Rejected(RejectionCodes.Empty, "The file contains only whitespace.")
            : decoded;
    }

    private static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            // A stray BOM or zero-width space is invisible, so a file of nothing else counts as empty.
            if (!char.IsWhiteSpace(c) && c is not ('\uFEFF' or '\u200B'))
            {
                return false;
            }
        }
        return true;
    }

    private static DecodedText? TryDecodeWithByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE one.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return DecodeStrict(bytes[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "utf-32le");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return DecodeStrict(bytes[4..], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "utf-32be");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var rest = bytes[3..];
            if (!Utf8.IsValid(rest))
            {
                return DecodedText.Rejected(RejectionCodes.Undecodable, "The file starts with a UTF-8 byte-order mark but is not valid UTF-8.");
            }
            var text = Encoding.UTF8.GetString(rest);
            var repaired = MojibakeRepair.Repair(text);
            return DecodedText.Success(repaired, "utf-8", !ReferenceEquals(repaired, text));
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16le");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "utf-16be");
        }
        return null;
    }

    /// <summary>
    /// UTF-16 text without a BOM shows up as NULs in every other byte (ASCII-range characters have a zero
    /// high byte); UTF-32 as three NULs in every four. Looks at the sample only and needs a clear pattern.
    /// </summary>
    private static DecodedText? TryDecodeUnmarkedUtf16Or32(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> sample)
    {
        if (sample.Length < 4 || sample.IndexOf((byte)0) < 0)
        {
            return null;
        }
        Span<int> nulsByPosition = stackalloc int[4];
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                nulsByPosition[i & 3]++;
            }
        }
        var quarter = sample.Length / 4.0;
        if (bytes.Length % 4 == 0 && nulsByPosition[1] > 0.9 * quarter && nulsByPosition[2] > 0.9 * quarter && nulsByPosition[0] < 0.1 * quarter)
        {
            return DecodeStrict(bytes, new UTF32Encoding(false, false, true), "utf-32le");
        }
        if (bytes.Length % 4 == 0 && nulsByPosition[1] > 0.9 * quarter && nulsByPosition[2] > 0.9 * quarter && nulsByPosition[3] < 0.1 * quarter)
        {
            return DecodeStrict(bytes, new UTF32Encoding(true, false, true), "utf-32be");
        }
        var half = sample.Length / 2.0;
        var evenNuls = nulsByPosition[0] + nulsByPosition[2];
        var oddNuls = nulsByPosition[1] + nulsByPosition[3];
        if (bytes.Length % 2 == 0 && oddNuls > 0.4 * half && evenNuls < 0.02 * half)
        {
            return DecodeStrict(bytes, new UnicodeEncoding(false, false, true), "utf-16le");
        }
        if (bytes.Length % 2 == 0 && evenNuls > 0.4 * half && oddNuls < 0.02 * half)
        {
            return DecodeStrict(bytes, new UnicodeEncoding(true, false, true), "utf-16be");
        }
        return null;
    }

    private static DecodedText DecodeStrict(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return DecodedText.Success(encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException ex)
        {
            return DecodedText.Rejected(RejectionCodes.Undecodable, $"The file looks like {name} but has invalid byte sequences: {ex.Message}");
        }
    }

    /// <remarks>
    /// NULs never occur in 8-bit text, so one is enough. Other control bytes do turn up in real articles (a BEL or
    /// ESC pasted from a terminal, a DOS end-of-file 0x1A, an export's stray 0x01) and are removed by the
    /// normalizer; data is binary only when they are both dense and numerous, as in any compressed or encoded
    /// file. The search is vectorized: text has no control bytes to stop at, so it costs a fraction of a byte loop.
    /// </remarks>
    private static string? FindBinaryEvidence(ReadOnlySpan<byte> sample)
    {
        if (sample.IndexOf((byte)0) >= 0)
        {
            return "The file contains NUL bytes and is not UTF-16/UTF-32 text.";
        }
        var controlBytes = 0;
        for (var rest = sample; ;)
        {
            var next = rest.IndexOfAny(BinaryControlBytes);
            if (next < 0)
            {
                break;
            }
            controlBytes++;
            rest = rest[(next + 1)..];
        }
        return controlBytes >= MinimumControlBytesForBinary && controlBytes > MaxControlByteRatio * sample.Length
            ? $"{controlBytes} of the first {sample.Length} bytes are control characters; this is not text."
            : null;
    }

    private static bool LooksLikeLatinLegacyText(ReadOnlySpan<byte> sample)
    {
        var high = 0;
        var undefined = 0;
        foreach (var b in sample)
        {
            if (b >= 0x80)
            {
                high++;
                if (Windows1252.IsUndefined(b))
                {
                    undefined++;
                }
            }
        }
        return high <= MaxHighByteRatioFor1252 * sample.Length && undefined * 20 <= high;
    }
}
