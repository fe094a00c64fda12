namespace Ingest.Core.Recognition.Offline;

/// <summary>A token as a UTF-16 range of the text it came from; the text itself is never copied.</summary>
public readonly record struct TextToken(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}
