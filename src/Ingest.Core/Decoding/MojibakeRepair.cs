using System.Buffers;
using System.Text;

namespace Ingest.Core.Decoding;

/// <summary>
/// Repairs the most common mojibake: UTF-8 bytes that were once decoded as Windows-1252 and saved again,
/// so "’" became "â€™" and "é" became "Ã©". Works sequence by sequence, so a file that mixes repaired
/// and correct characters is fixed without touching the correct ones.
/// </summary>
public static class MojibakeRepair
{
    /// <summary>Returns <paramref name="text"/> with every mojibake sequence replaced, or the same instance when there is none.</summary>
    public static string Repair(string text)
    {
        var firstCandidate = IndexOfLeadCandidate(text, 0);
        if (firstCandidate < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        var copiedUpTo = 0;
        Span<byte> sequence = stackalloc byte[4];
        Span<char> decoded = stackalloc char[2];
        for (var i = firstCandidate; i >= 0 && i < text.Length; i = IndexOfLeadCandidate(text, i))
        {
            var length = TryReadSequence(text, i, sequence);
            if (length == 0)
            {
                i++;
                continue;
            }
            var status = System.Text.Unicode.Utf8.ToUtf16(sequence[..length], decoded, out _, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                i++;
                continue;
            }
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copiedUpTo, i - copiedUpTo).Append(decoded[..written]);
            i += length;
            copiedUpTo = i;
        }
        if (builder is null)
        {
            return text;
        }
        builder.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return builder.ToString();
    }

    /// <summary>
    /// Reads the 1252 bytes of a would-be UTF-8 sequence starting at <paramref name="start"/>: a lead byte
    /// (0xC2–0xF4) followed by the right number of continuation bytes (0x80–0xBF). Returns its length, or 0.
    /// </summary>
    private static int TryReadSequence(string text, int start, Span<byte> sequence)
    {
        if (!Windows1252.TryGetByte(text[start], out var lead))
        {
            return 0;
        }
        var length = lead switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        if (length == 0 || start + length > text.Length)
        {
            return 0;
        }
        sequence[0] = lead;
        for (var k = 1; k < length; k++)
        {
            if (!Windows1252.TryGetByte(text[start + k], out var next) || next is < 0x80 or > 0xBF)
            {
                return 0;
            }
            sequence[k] = next;
        }
        return length;
    }

    private static int IndexOfLeadCandidate(string text, int from)
    {
        // Lead bytes 0xC2–0xF4 read as 1252 are the Latin-1 letters Â..ô, all in U+00C2–U+00F4.
        var index = text.AsSpan(from).IndexOfAnyInRange('\u00C2', '\u00F4');
        return index < 0 ? -1 : from + index;
    }
}
