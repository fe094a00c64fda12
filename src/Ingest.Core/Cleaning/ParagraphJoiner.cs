using System.Text;

namespace Ingest.Core.Cleaning;

/// <summary>Builds the output text: paragraphs separated by exactly one blank line, no leading or trailing blank lines.</summary>
internal sealed class ParagraphJoiner
{
    private readonly StringBuilder _builder = new();

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> paragraph)
    {
        paragraph = paragraph.Trim();
        if (paragraph.IsEmpty)
        {
            return;
        }
        if (_builder.Length > 0)
        {
            _builder.Append("\n\n");
        }
        _builder.Append(paragraph);
        Count++;
    }

    public override string ToString() => _builder.ToString();
}
