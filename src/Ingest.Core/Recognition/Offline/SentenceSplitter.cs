namespace Ingest.Core.Recognition.Offline;

/// <summary>A sentence as a run of tokens: <see cref="Count"/> tokens starting at token index <see cref="First"/>.</summary>
public readonly record struct SentenceSpan(int First, int Count);

/// <summary>
/// Groups tokens into sentences. A sentence ends after ".", "!", "?" or "..." (plus any closing quotes or
/// brackets) when the next token does not start in lower case, and at every line break: cleaned articles put
/// the title and each paragraph on their own line, and a title has no final period. Abbreviations never end a
/// sentence because <see cref="TextTokenizer"/> keeps their period inside the word token.
/// </summary>
public static class SentenceSplitter
{
    public static List<SentenceSpan> Split(string text, IReadOnlyList<TextToken> tokens)
    {
        var sentences = new List<SentenceSpan>();
        Split(text, tokens, sentences);
        return sentences;
    }

    public static void Split(string text, IReadOnlyList<TextToken> tokens, List<SentenceSpan> sentences)
    {
        var first = 0;
        var pendingEnd = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > first)
            {
                var previous = tokens[i - 1];
                var lineBreak = text.AsSpan(previous.End, token.Start - previous.End).IndexOfAny('\n', '\r') >= 0;
                var closesPrevious = pendingEnd && IsCloser(token.In(text));
                if (lineBreak || (pendingEnd && !closesPrevious && !StartsLowercase(token.In(text))))
                {
                    sentences.Add(new SentenceSpan(first, i - first));
                    first = i;
                    pendingEnd = false;
                }
                else if (closesPrevious)
                {
                    continue;
                }
            }
            pendingEnd = IsTerminator(token.In(text));
        }

        if (tokens.Count > first)
        {
            sentences.Add(new SentenceSpan(first, tokens.Count - first));
        }
    }

    private static bool IsTerminator(ReadOnlySpan<char> token) =>
        token.Length > 0 && (token[0] is '!' or '?' || token[0] == '.' && token.TrimStart('.').IsEmpty || token[0] == '\u2026');

    private static bool IsCloser(ReadOnlySpan<char> token) =>
        token.Length == 1 && token[0] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u00BB';

    private static bool StartsLowercase(ReadOnlySpan<char> token) => char.IsLower(token[0]);
}
