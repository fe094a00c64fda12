using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ingest.Core.Cleaning;

/// <summary>
/// A small language guesser for article text: counts how many words belong to each language's most
/// frequent function words and picks the clear winner. Scripts with a single dominant language (Greek,
/// Japanese kana, Hangul, Thai, …) are decided by script. Returns an ISO 639-1 code, or null when the text
/// is too short or no language clearly wins; a wrong language is worse for consumers than none.
/// </summary>
public static class LanguageDetector
{
    private const int MinimumWords = 8;

    private static readonly (string Code, string[] Words)[] Profiles =
    [
        ("en", Set("the of and to in is that for it was on with as by at from he be are his have has this an were which but not they said had its been their who will would")),
        ("de", Set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis")),
        ("fr", Set("le la les de des et en un une du est que pour qui dans par sur au pas plus il ne se ce sont avec son sa aux ont été elle mais ou leur nous vous cette comme")),
        ("es", Set("el la los las de del y en que un una es por con para se no su al lo como más pero sus le ha fue este esta son entre cuando muy sin sobre también")),
        ("it", Set("il lo la i gli le di del della dei e che un una è per con non si da al alla nel nella sono ha come più anche ma questo questa degli delle")),
        ("pt", Set("o a os as de do da dos das e em um uma que para com não se por no na nos nas ao é foi são mais mas como seu sua pelo pela também está")),
        ("nl", Set("de het een en van in is dat op te zijn met voor niet aan er maar om ook als bij door dan nog wel naar uit over heeft hij ze werd wordt")),
        ("sv", Set("och att det som en på är av för med till den har de inte om ett var jag men han hon från kan vid så eller efter sig skulle också")),
        ("pl", Set("i w na z się nie do to że jest o jak po co ale za od tak już przez jego być tym może dla które który była był oraz czy")),
        ("ru", Set("и в не на что с по как это он к из у за то от для же о так но она его было все был еще уже бы при")),
        ("tr", Set("ve bir bu da de için ile olarak çok daha gibi en ne o ama sonra kadar olan var değil ise her diye")),
        ("id", Set("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena adalah mereka atau sudah bisa")),
    ];

    /// <summary>
    /// Enough text to decide: about 250 words, of which a third or more are function words in any profiled
    /// language. Looking further only costs time (this scan was an eighth of plain-text cleaning at 2,500).
    /// </summary>
    private const int MaximumCharsExamined = 1500;

    public static string? Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > MaximumCharsExamined)
        {
            var cut = text[..MaximumCharsExamined].LastIndexOfAny(' ', '\n');
            text = text[..(cut > 0 ? cut : MaximumCharsExamined)];
        }
        var byScript = DetectByScript(text);
        if (byScript is not null)
        {
            return byScript;
        }

        Span<int> hits = stackalloc int[Profiles.Length];
        var words = 0;
        var wordLength = 0;
        var hash = FnvOffset;
        for (var i = 0; i <= text.Length; i++)
        {
            // The word's hash is built while it is scanned, so each character is read once.
            if (i < text.Length && IsWordChar(text[i]))
            {
                hash = (hash ^ ToLower(text[i])) * FnvPrime;
                wordLength++;
                continue;
            }
            if (wordLength == 0)
            {
                continue;
            }
            words++;
            // Function words are short: a longer word cannot be one and is not looked up.
            if (wordLength <= LongestProfileWord && ProfileMasks.Find(hash) is var mask && mask != 0)
            {
                // Most function words belong to one or two profiles: visit only their bits, not all twelve.
                for (var bits = (uint)mask; bits != 0; bits &= bits - 1)
                {
                    hits[BitOperations.TrailingZeroCount(bits)]++;
                }
            }
            wordLength = 0;
            hash = FnvOffset;
        }
        if (words < MinimumWords)
        {
            return null;
        }
        int best = -1, second = -1;
        for (var p = 0; p < hits.Length; p++)
        {
            if (best < 0 || hits[p] > hits[best])
            {
                second = best;
                best = p;
            }
            else if (second < 0 || hits[p] > hits[second])
            {
                second = p;
            }
        }
        // A language wins when its function words are a real share of the text and clearly ahead of the runner-up.
        var bestHits = hits[best];
        var secondHits = second < 0 ? 0 : hits[second];
        return bestHits >= 0.15 * words && bestHits >= 1.5 * secondHits ? Profiles[best].Code : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '\'' : char.IsLetter(c);

    private static string? DetectByScript(ReadOnlySpan<char> text)
    {
        // Every script counted below lies in U+0370–U+1FFF or U+3040–U+D7AF; Latin-script text, typographic
        // quotes and dashes (U+2000–U+206F) included, has nothing there and answers null without a per-character pass.
        if (text.IndexOfAnyInRange('\u0370', '\u1FFF') < 0 && text.IndexOfAnyInRange('\u3040', '\uD7AF') < 0)
        {
            return null;
        }
        int letters = 0, greek = 0, kana = 0, han = 0, hangul = 0, thai = 0, hebrew = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }
            letters++;
            switch (c)
            {
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
            }
        }
        if (letters < 20)
        {
            return null;
        }
        double Share(int n) => (double)n / letters;
        if (Share(kana) > 0.1) return "ja";
        if (Share(han) > 0.5) return "zh";
        if (Share(hangul) > 0.5) return "ko";
        if (Share(greek) > 0.5) return "el";
        if (Share(thai) > 0.5) return "th";
        if (Share(hebrew) > 0.5) return "he";
        // Arabic script is shared by Arabic, Persian and Urdu and Cyrillic by many languages; those go to the
        // stopword profiles, which answer null when none of them fits.
        return null;
    }

    /// <summary>
    /// Function word (as a hash of its lower-case form) → bit set of the profiles that list it. Keyed by
    /// hash so the scan can look words up straight from the text span without allocating a string per word.
    /// </summary>
    private static readonly WordHashTable ProfileMasks = BuildMasks();

    private static readonly int LongestProfileWord = Profiles.Max(p => p.Words.Max(w => w.Length));

    private static WordHashTable BuildMasks()
    {
        var masks = new Dictionary<ulong, int>();
        for (var p = 0; p < Profiles.Length; p++)
        {
            foreach (var word in Profiles[p].Words)
            {
                var hash = HashLowercase(word);
                masks[hash] = masks.GetValueOrDefault(hash) | (1 << p);
            }
        }
        return new WordHashTable(masks);
    }

    /// <summary>
    /// An open-addressing table from word hash to profile mask, looked up once per short word of every article: a
    /// quarter full, so a miss (most words) usually ends at the first empty slot, without the comparer calls and
    /// bucket indirection of a <see cref="Dictionary{TKey, TValue}"/>.
    /// </summary>
    private sealed class WordHashTable
    {
        private readonly ulong[] _keys;
        private readonly int[] _values;
        private readonly int _mask;

        public WordHashTable(IReadOnlyDictionary<ulong, int> entries)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 4));
            _keys = new ulong[size];
            _values = new int[size];
            _mask = size - 1;
            foreach (var (key, value) in entries)
            {
                // Zero marks an empty slot; FNV-1a of a real word is never zero in practice, and the check keeps it so.
                if (key == 0)
                {
                    throw new InvalidOperationException("A function word hashes to zero.");
                }
                var slot = Slot(key);
                while (_keys[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }
                _keys[slot] = key;
                _values[slot] = value;
            }
        }

        /// <summary>The profile mask of the word with this hash, or 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Find(ulong hash)
        {
            for (var slot = Slot(hash); ; slot = (slot + 1) & _mask)
            {
                var key = _keys[slot];
                if (key == hash)
                {
                    return _values[slot];
                }
                if (key == 0)
                {
                    return 0;
                }
            }
        }

        private int Slot(ulong hash) => (int)(hash >> 40) & _mask;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>64-bit FNV-1a over the lower-cased UTF-16 code units; <see cref="Detect"/> computes the same hash inline.</summary>
    private static ulong HashLowercase(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ ToLower(c)) * FnvPrime;
        }
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ToLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c < 128 ? c : char.ToLowerInvariant(c);

    private static string[] Set(string words) => words.Split(' ');
}
