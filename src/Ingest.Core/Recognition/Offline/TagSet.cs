namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// IOB2 tags over a list of entity types: index 0 is O, then B-type at 1 + 2k and I-type at 2 + 2k.
/// Also knows which tag may follow which (I-X only after B-X or I-X), the constraint the decoder enforces.
/// </summary>
public sealed class TagSet
{
    public TagSet(IReadOnlyList<string> types)
    {
        Types = types.ToArray();
        Count = 1 + 2 * Types.Count;
        var names = new string[Count];
        names[0] = "O";
        for (var k = 0; k < Types.Count; k++)
        {
            names[1 + 2 * k] = "B-" + Types[k];
            names[2 + 2 * k] = "I-" + Types[k];
        }
        Names = names;
    }

    public IReadOnlyList<string> Types { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count { get; }

    public static bool IsBegin(int tag) => tag > 0 && tag % 2 == 1;

    public static bool IsInside(int tag) => tag > 0 && tag % 2 == 0;

    /// <summary>The index of an entity type in <see cref="Types"/>, or −1 when the model has no such type.</summary>
    public int TypeIndex(string type)
    {
        for (var t = 0; t < Types.Count; t++)
        {
            if (Types[t] == type)
            {
                return t;
            }
        }
        return -1;
    }

    /// <summary>The index into <see cref="Types"/> of a B or I tag.</summary>
    public static int TypeOf(int tag) => (tag - 1) / 2;

    /// <summary>Whether <paramref name="tag"/> may follow <paramref name="previous"/>; -1 is the sentence start.</summary>
    public static bool CanFollow(int previous, int tag) =>
        !IsInside(tag) || (previous > 0 && TypeOf(previous) == TypeOf(tag));

    public int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"Unknown tag '{name}'.", nameof(name));
    }
}
