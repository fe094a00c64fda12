using System.Text;
using Ingest.Core.Articles;
using Ingest.Core.Decoding;
using Xunit;

namespace Ingest.Core.Tests.Decoding;

public sealed class TextDecoderTests
{
    private const string Sample = "Harbour café reopens — “finally”, says owner";

    public static TheoryData<string, byte[]> ByteOrderMarks => new()
    {
        { "utf-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)] },
        { "utf-16le", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)] },
        { "utf-16be", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "utf-32le", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Sample)] },
        { "utf-32be", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Sample)] },
    };

    [Theory]
    [MemberData(nameof(ByteOrderMarks))]
    public void Decodes_text_with_a_byte_order_mark(string expectedEncoding, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);

        Assert.False(decoded.IsRejected, decoded.RejectionMessage);
        Assert.Equal(expectedEncoding, decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decodes_utf16_little_endian_without_bom_from_its_nul_pattern()
    {
        var decoded = TextDecoder.Decode(Encoding.Unicode.GetBytes(Sample));

        Assert.Equal("utf-16le", decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decodes_utf16_big_endian_without_bom_from_its_nul_pattern()
    {
        var decoded = TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(Sample));

        Assert.Equal("utf-16be", decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decodes_utf32_without_bom_from_its_nul_pattern()
    {
        var decoded = TextDecoder.Decode(new UTF32Encoding(false, false).GetBytes(Sample));

        Assert.Equal("utf-32le", decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Reads_valid_utf8_as_utf8()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample));

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
        Assert.False(decoded.MojibakeRepaired);
    }

    [Fact]
    public void Falls_back_to_windows_1252_when_bytes_are_not_valid_utf8()
    {
        // "Café’s menu – new" in Windows-1252: 0xE9 é, 0x92 ’, 0x96 –.
        byte[] bytes = [.. "Caf"u8, 0xE9, 0x92, .. "s menu "u8, 0x96, .. " new"u8];

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal("Café’s menu – new", decoded.Text);
    }

    [Fact]
    public void Uses_the_charset_an_html_document_declares_when_bytes_are_not_utf8()
    {
        var html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>";
        var bytes = CodePageBytes(1251, html);

        var decoded = TextDecoder.Decode(bytes, isHtml: true);

        Assert.Equal("windows-1251", decoded.EncodingName);
        Assert.Contains("Привет, мир", decoded.Text);
    }

    [Fact]
    public void Reads_the_http_equiv_content_type_declaration()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-7\"></head><body>Καλημέρα κόσμε</body></html>";
        var bytes = CodePageBytes(28597, html);

        var decoded = TextDecoder.Decode(bytes, isHtml: true);

        Assert.Equal("iso-8859-7", decoded.EncodingName);
        Assert.Contains("Καλημέρα κόσμε", decoded.Text);
    }

    [Fact]
    public void Prefers_valid_utf8_over_a_wrong_charset_declaration()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Zoë’s café</body></html>";

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(html), isHtml: true);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("Zoë’s café", decoded.Text);
    }

    [Theory]
    [InlineData("It\u00E2\u20AC\u2122s done", "It’s done")]
    [InlineData("\u00E2\u20AC\u0153Quoted\u00E2\u20AC\u009D", "“Quoted”")]
    [InlineData("Caf\u00C3\u00A9 au lait", "Café au lait")]
    [InlineData("a \u00E2\u20AC\u201D b", "a — b")]
    public void Repairs_utf8_that_was_read_as_windows_1252(string mojibake, string expected)
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake));

        Assert.Equal(expected, decoded.Text);
        Assert.True(decoded.MojibakeRepaired);
    }

    [Fact]
    public void Leaves_correct_accented_text_alone_while_repairing_mojibake_next_to_it()
    {
        Assert.Equal("Señor’s Ökonomie", MojibakeRepair.Repair("Señor\u00E2\u20AC\u2122s Ökonomie"));
    }

    public static TheoryData<string, byte[]> BinaryFiles => new()
    {
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46] },
        { "GIF", [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00] },
        { "PDF", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3] },
        { "ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] },
        { "GZIP", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00] },
        { "ELF", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] },
        { "Windows executable", [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00] },
    };

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void Rejects_known_binary_formats_by_magic_number(string format, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(RejectionCodes.Binary, decoded.RejectionCode);
        Assert.Contains(format, decoded.RejectionMessage);
    }

    [Fact]
    public void Does_not_mistake_text_starting_like_a_short_signature_for_binary()
    {
        Assert.False(TextDecoder.Decode("BMW unveils a new sedan\nIt is quick."u8).IsRejected);
        Assert.False(TextDecoder.Decode("MZ Bank reports profits"u8).IsRejected);
    }

    [Fact]
    public void Rejects_data_with_stray_nul_bytes_as_binary()
    {
        byte[] bytes = [.. "Some words here"u8, 0x00, 0x00, 0x00, .. "and more words"u8];

        Assert.Equal(RejectionCodes.Binary, TextDecoder.Decode(bytes).RejectionCode);
    }

    [Fact]
    public void Rejects_data_full_of_control_bytes_as_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x02 : 'a')).ToArray();

        Assert.Equal(RejectionCodes.Binary, TextDecoder.Decode(bytes).RejectionCode);
    }

    [Theory]
    [InlineData("Ferry delayed\n\nThe\u0001 ferry left\u0007 late\u001B today.")]
    [InlineData("Short\n\nA\u0007 b\u0007 c.")]
    [InlineData("Old export\n\nThe council met on Tuesday to discuss the timetable.\n\u001A")]
    [InlineData("Colour codes\n\n\u001B[1mBold\u001B[0m words from a terminal log.")]
    public void Decodes_text_with_a_few_stray_control_characters_instead_of_rejecting_it(string text)
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.False(decoded.IsRejected, decoded.RejectionMessage);
        Assert.Equal(text, decoded.Text);
    }

    [Fact]
    public void Rejects_random_bytes_as_binary()
    {
        var bytes = new byte[4096];
        new Random(20261123).NextBytes(bytes);

        Assert.Equal(RejectionCodes.Binary, TextDecoder.Decode(bytes).RejectionCode);
    }

    [Fact]
    public void Rejects_control_heavy_data_without_nuls_as_binary()
    {
        // Random bytes with the NULs replaced: no NUL rule applies, so the control-byte density alone must decide.
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        }

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(RejectionCodes.Binary, decoded.RejectionCode);
        Assert.Contains("control characters", decoded.RejectionMessage);
    }

    [Fact]
    public void Rejects_a_utf16_file_with_an_unpaired_surrogate_as_undecodable()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("ok"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("x")];

        Assert.Equal(RejectionCodes.Undecodable, TextDecoder.Decode(bytes).RejectionCode);
    }

    [Fact]
    public void Rejects_mostly_high_bytes_that_are_not_utf8_as_undecodable()
    {
        // Shift_JIS-like double-byte text: nearly every byte is ≥ 0x80 and it is not valid UTF-8.
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)(i % 2 == 0 ? 0x82 : 0xA0 + i % 30)).ToArray();

        Assert.Equal(RejectionCodes.Undecodable, TextDecoder.Decode(bytes).RejectionCode);
    }

    [Fact]
    public void Rejects_no_bytes_as_empty()
    {
        Assert.Equal(RejectionCodes.Empty, TextDecoder.Decode([]).RejectionCode);
    }

    [Fact]
    public void Rejects_whitespace_only_as_empty_in_any_encoding()
    {
        Assert.Equal(RejectionCodes.Empty, TextDecoder.Decode(" \r\n\t \n"u8).RejectionCode);
        Assert.Equal(RejectionCodes.Empty, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("  \n ")]).RejectionCode);
        Assert.Equal(RejectionCodes.Empty, TextDecoder.Decode([0xEF, 0xBB, 0xBF]).RejectionCode);
    }

    private static byte[] CodePageBytes(int codePage, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage).GetBytes(text);
    }
}
