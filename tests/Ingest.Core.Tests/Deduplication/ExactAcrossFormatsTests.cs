using System.Text;
using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;

namespace Ingest.Core.Tests.Deduplication;

/// <summary>One story saved as text, HTML, JSON, UTF-16 or Windows-1252 cleans to one content hash: an exact duplicate whatever the file.</summary>
public sealed class ExactAcrossFormatsTests
{
    private const string Title = "Café owners welcome the new market hall";
    private const string Paragraph1 = "Traders in Eastholm moved into the new market hall on Monday after two years in tents on the square.";
    private const string Paragraph2 = "The hall’s owner, José Álvarez, said rents would stay at last year’s level until the spring.";

    public static TheoryData<string, byte[], string?> Copies()
    {
        var text = $"{Title}\n\n{Paragraph1}\n\n{Paragraph2}\n";
        var crlf = text.ReplaceLineEndings("\r\n");
        var latin = crlf.Select(c => c switch { '’' => (byte)0x92, _ => (byte)c }).ToArray();
        return new()
        {
            { "story.html", Encoding.UTF8.GetBytes($"<html><head><title>{Title}</title></head><body><article><h1>{Title}</h1><p>{Paragraph1}</p><p>{Paragraph2}</p></article></body></html>"), "text/html" },
            { "story.json", Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { title = Title, body = $"{Paragraph1}\n\n{Paragraph2}" })), "application/json" },
            { "story-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(crlf)], "text/plain" },
            { "story-1252.txt", latin, null },
            { "Copy of story (2).TXT", Encoding.UTF8.GetBytes(text), null },
        };
    }

    [Theory]
    [MemberData(nameof(Copies))]
    public void A_copy_in_another_format_or_encoding_has_the_content_hash_of_the_text_file(string name, byte[] content, string? contentType)
    {
        var cleaner = new ArticleCleaner();
        var original = cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes($"{Title}\n\n{Paragraph1}\n\n{Paragraph2}\n"), "story.txt", "text/plain"));

        var copy = cleaner.Clean(new CleaningInput(content, name, contentType));

        Assert.False(copy.IsRejected, copy.Rejection?.Message);
        Assert.Equal(ContentHash.Compute(original.Article!.Text), ContentHash.Compute(copy.Article!.Text));
    }
}
