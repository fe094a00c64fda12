namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Maps each corpus's type labels onto the internal types. Decisions (documented in the recognizer's notes):
/// GMB geo → LOC; GMB gpe → LOC when the token is a proper noun (NNP: "Nepal", "Sudan") and NORP otherwise
/// (JJ/NNS/NN: "Iraqi", "Palestinians"), because GMB uses gpe mostly for nationality adjectives, which are not
/// places; art → ART (reported as Product); eve → EVE; tim → TIM; nat and MISC → not an entity.
/// WNUT "corporation" and "group" → ORG, "creative-work"/"product" → ART; GUM "place" → LOC and so on.
/// </summary>
public static class CorpusLabelMapper
{
    public static string? ToInternalType(string label, string? partOfSpeech = null)
    {
        switch (label.ToLowerInvariant())
        {
            case "per":
            case "person":
                return NerEntityTypes.Person;
            case "geo":
            case "loc":
            case "location":
            case "place":
                return NerEntityTypes.Location;
            case "gpe":
                return partOfSpeech is null or "NNP" ? NerEntityTypes.Location : NerEntityTypes.Nationality;
            case "org":
            case "organization":
            case "organisation":
            case "corporation":
            case "group":
                return NerEntityTypes.Organization;
            case "tim":
            case "time":
                return NerEntityTypes.Time;
            case "eve":
            case "event":
                return NerEntityTypes.Event;
            case "art":
            case "product":
            case "creative-work":
                return NerEntityTypes.Artifact;
            default:
                return null;
        }
    }
}
