namespace Ingest.Tests.Shared;

/// <summary>Invented article texts shared by the unit and integration test projects (linked into both).</summary>
internal static class TestTexts
{
    public const string FerryStory =
        "The harbour authority in Northport approved a ferry link to the Skerry Islands on Tuesday. "
        + "Councillor Maria Lindqvist said the first crossings would run next spring, twice a day in summer. "
        + "The islands have relied on a weekly supply boat since the old pier closed in 2019. "
        + "Residents had petitioned for a regular service for three years, citing school runs and hospital visits. "
        + "The operator will lease two electric vessels and build a waiting room at the northern quay. "
        + "Tickets will cost the same as the mainland bus fare, the authority said in a statement.";

    /// <summary>Another story with the same people and places: a hard negative for near-duplicate detection.</summary>
    public const string SameNamesOtherStory =
        "Councillor Maria Lindqvist opened the new library in Northport on Saturday morning. "
        + "The building on the harbour front replaces a reading room that flooded twice in a decade. "
        + "Children from the Skerry Islands school read poems at the ceremony while parents toured the stacks. "
        + "The library will open late on Thursdays and lend laptops to students preparing for exams. "
        + "Its architect said the timber frame came from forests on the mainland and stores more carbon than it cost. "
        + "The authority said a café run by volunteers would open in the spring.";

    private static readonly string[] Vocabulary =
    [
        "harbour", "council", "ferry", "timetable", "islands", "budget", "vote", "bridge", "market", "school", "tide",
        "lighthouse", "mayor", "residents", "winter", "repairs", "quay", "fishermen", "weather", "festival", "library",
        "station", "museum", "river", "storm", "road", "tunnel", "hospital", "garden", "park",
    ];

    /// <summary>
    /// A body no other seed shares four words in a row with (seeded draws from a small vocabulary), so
    /// near-duplicate detection leaves every generated article processed.
    /// </summary>
    public static string DistinctBody(int seed, int words = 60)
    {
        var random = new Random(seed);
        return "The " + string.Join(' ', Enumerable.Range(0, words).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])) + ".";
    }
}
