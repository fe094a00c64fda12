namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// The entity types the tagger predicts internally, and which of them reach the output. NORP (nationality and
/// group adjectives such as "Iraqi", "Palestinians") and TIM (dates) are learned so the tagger can tell them
/// apart from places and people, but are not reported: demonyms are not locations, and dates come from the
/// rule-based recognizer, which also normalizes them.
/// </summary>
public static class NerEntityTypes
{
    public const string Person = "PER";
    public const string Location = "LOC";
    public const string Organization = "ORG";
    public const string Nationality = "NORP";
    public const string Time = "TIM";
    public const string Event = "EVE";
    public const string Artifact = "ART";

    public static readonly IReadOnlyList<string> All = [Person, Location, Organization, Nationality, Time, Event, Artifact];

    /// <summary>The Azure AI Language category an internal type is reported as, or null when it is not reported.</summary>
    public static string? ToCategory(string type) => type switch
    {
        Person => EntityCategories.Person,
        Location => EntityCategories.Location,
        Organization => EntityCategories.Organization,
        Event => EntityCategories.Event,
        Artifact => EntityCategories.Product,
        _ => null,
    };
}
