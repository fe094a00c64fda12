using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Training;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"played with Footscray and North Melbourne", "coached North Melbourne": a town after a career verb is its club.</summary>
public class SportsTeamsTests
{
    private static readonly TagSet Tags = new(["PER", "LOC", "ORG"]);

    /// <summary>A gazetteer from training text that labels "Sweden" a place twice.</summary>
    private static readonly Gazetteer KnowsSweden = BuildGazetteer();

    private static Gazetteer BuildGazetteer()
    {
        var sentence = new NerSentence(["They", "beat", "Sweden", "."], ["O", "O", "B-LOC", "O"]);
        var sentences = new[] { sentence, sentence };
        var traits = sentences.Select(s => s.Words.Select(w => TokenTraits.Of(w, WordLexicon.Empty)).ToArray()).ToList();
        return GazetteerBuilder.Build(sentences, traits, Tags, _ => true);
    }

    [Fact]
    public void A_town_after_a_career_verb_is_its_club_in_every_mention()
    {
        const string article = "He played with Footscray and North Melbourne in the VFL . He later coached North Melbourne . He lived in Footscray .";
        var mentions = new List<EntityMention>
        {
            Mention("Footscray", article, EntityCategories.Location),
            Mention("North Melbourne", article, EntityCategories.Location),
            Mention("VFL", article, EntityCategories.Organization),
            Mention("North Melbourne", article, EntityCategories.Location, from: 60),
            Mention("Footscray", article, EntityCategories.Location, from: 90),
        };

        var result = SportsTeams.Apply(mentions, article, KnowsSweden, Tags);

        Assert.Equal(
            ["Organization", "Organization", "Organization", "Organization", "Organization"],
            result.Select(m => m.Category));
    }

    [Theory]
    [InlineData("The albums are owned by Toshiba-EMI in Japan .", "Toshiba-EMI")]
    [InlineData("The game was licensed by Konami for Europe .", "Konami")]
    [InlineData("Candie Payne signed to Deltasonic in 2006 .", "Deltasonic")]
    public void A_place_that_owns_licenses_or_signs_is_a_company(string article, string name)
    {
        var mentions = new List<EntityMention> { Mention(name, article, EntityCategories.Location) };

        var result = SportsTeams.Apply(mentions, article, KnowsSweden, Tags);

        Assert.Equal(EntityCategories.Organization, Assert.Single(result).Category);
    }

    [Theory]
    [InlineData("The island was owned by Sweden until 1809 .", "Sweden")]
    [InlineData("The song was written by Footscray locals .", "Footscray")]
    [InlineData("He played for Sweden in two World Cups .", "Sweden")]
    [InlineData("He played in Footscray as a boy .", "Footscray")]
    [InlineData("She worked with Footscray officials .", "Footscray")]
    public void A_listed_place_or_a_place_after_other_words_is_left_alone(string article, string place)
    {
        var mentions = new List<EntityMention> { Mention(place, article, EntityCategories.Location) };

        var result = SportsTeams.Apply(mentions, article, KnowsSweden, Tags);

        Assert.Equal(mentions, result);
    }
}
