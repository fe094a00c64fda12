using Ingest.Core.Articles;

namespace Ingest.Core.Recognition;

/// <summary>Entities found in one article, and which recognizer actually produced them (after any fallback).</summary>
public sealed record RecognitionResult(IReadOnlyList<EntityMention> Entities, RecognizerInfo Recognizer);

/// <summary>
/// Finds entity mentions in clean article text. Offsets are UTF-16 code units into the text given;
/// categories use Azure AI Language names (<see cref="EntityCategories"/>) whichever implementation runs.
/// <see cref="EntityMention.Canonical"/> is left for <see cref="MentionGrouper"/> to fill.
/// Implementations are thread-safe and long-lived.
/// </summary>
public interface IEntityRecognizer
{
    Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken);
}

/// <summary>Azure AI Language entity category names, the one vocabulary consumers see.</summary>
public static class EntityCategories
{
    public const string Person = "Person";
    public const string PersonType = "PersonType";
    public const string Location = "Location";
    public const string Organization = "Organization";
    public const string Event = "Event";
    public const string Product = "Product";
    public const string Skill = "Skill";
    public const string Address = "Address";
    public const string PhoneNumber = "PhoneNumber";
    public const string Email = "Email";
    public const string Url = "URL";
    public const string IP = "IP";
    public const string DateTime = "DateTime";
    public const string Quantity = "Quantity";
}
