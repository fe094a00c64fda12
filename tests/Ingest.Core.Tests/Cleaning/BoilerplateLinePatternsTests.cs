using Ingest.Core.Cleaning;
using Xunit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class BoilerplateLinePatternsTests
{
    [Theory]
    [InlineData("Advertisement", LineKind.Advertisement)]
    [InlineData("Story continues below advertisement", LineKind.Advertisement)]
    [InlineData("Crowds gather at the quay. (Ana Ruiz/Harbour Photos via Getty Images)", LineKind.PhotoCaption)]
    [InlineData("Crowds gather at the quay. (AP Photo/Ana Ruiz)", LineKind.PhotoCaption)]
    [InlineData("REUTERS/Ana Ruiz", LineKind.PhotoCaption)]
    [InlineData("Photo: Ana Ruiz/Harbour Photos", LineKind.PhotoCaption)]
    [InlineData("Image credit: Harbour Trust", LineKind.PhotoCaption)]
    [InlineData("Ana Ruiz/Harbour Photos", LineKind.PhotoCaption)]
    [InlineData("In this March 3, 2021, file photo, a ferry leaves the quay.", LineKind.PhotoCaption)]
    [InlineData("This undated photo provided by the harbour trust shows the old crane.", LineKind.PhotoCaption)]
    [InlineData("Ana Ruiz and Tom Bell contributed to this report.", LineKind.Contributors)]
    [InlineData("Reporting by Ana Ruiz; Editing by Tom Bell", LineKind.Contributors)]
    [InlineData("Additional reporting by Tom Bell.", LineKind.Contributors)]
    [InlineData("Sign up for our daily briefing", LineKind.Newsletter)]
    [InlineData("Get the Harbour Weekly newsletter delivered to your inbox", LineKind.Newsletter)]
    [InlineData("Have a news tip? Email us.", LineKind.Newsletter)]
    [InlineData("By signing up, you agree to our Privacy Policy and Terms of Use.", LineKind.PrivacyNotice)]
    [InlineData("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", LineKind.PrivacyNotice)]
    [InlineData("We use cookies to improve your experience.", LineKind.PrivacyNotice)]
    [InlineData("Share this article", LineKind.ShareOrFollow)]
    [InlineData("Follow us on Instagram", LineKind.ShareOrFollow)]
    [InlineData("Facebook Twitter Email", LineKind.ShareOrFollow)]
    [InlineData("Comments (12)", LineKind.ShareOrFollow)]
    [InlineData("Teilen Sie diesen Artikel", LineKind.ShareOrFollow)]
    [InlineData("Read more: Ferry fares rise again", LineKind.RelatedLink)]
    [InlineData("SEE MORE: Ferry fares rise again", LineKind.RelatedLink)]
    [InlineData("DON'T MISS", LineKind.RelatedLink)]
    [InlineData("© 2024 Harbour Times. All rights reserved.", LineKind.Copyright)]
    public void Recognises_each_kind_of_boilerplate_line(string line, LineKind expected)
    {
        Assert.Equal(expected, BoilerplateLinePatterns.Classify(line, TextNormalizer.CountWords(line)));
    }

    [Theory]
    [InlineData("The ferry company said its privacy policy had changed after complaints from passengers.")]
    [InlineData("Follow the signs to the new waiting hall.")]
    [InlineData("She shared the photo with friends before the ferry left.")]
    [InlineData("Prices rose during the 2019/20 season, the report said.")]
    [InlineData("The newsletter she started now has 40,000 readers.")]
    [InlineData("Advertising revenue fell by a third last year, the company said in a statement on Monday.")]
    [InlineData("Reporters were kept behind a barrier on the quay.")]
    public void Leaves_article_sentences_alone(string line)
    {
        Assert.Null(BoilerplateLinePatterns.Classify(line, TextNormalizer.CountWords(line)));
    }

    [Theory]
    [InlineData("From The Harbour Times", "The Harbour Times")]
    [InlineData("This article was originally published by Coastal Weekly.", "Coastal Weekly")]
    [InlineData("The Associated Press", "The Associated Press")]
    [InlineData("From Monday buses will run later", null)]
    [InlineData("From the start, the plan was unpopular.", null)]
    public void Reads_the_outlet_from_source_lines(string line, string? outlet)
    {
        Assert.Equal(outlet, BoilerplateLinePatterns.ReadSourceOutlet(line, TextNormalizer.CountWords(line)));
    }
}
