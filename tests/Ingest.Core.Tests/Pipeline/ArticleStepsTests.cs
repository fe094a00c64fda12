using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;
using Ingest.Core.Pipeline;
using Ingest.Core.Recognition;

namespace Ingest.Core.Tests.Pipeline;

public sealed class ArticleStepsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly SourceInfo Source = new() { Container = "incoming", Name = "a.txt", ETag = "1", SizeBytes = 10 };
    private readonly ArticleSteps _steps = new(new ArticleCleaner(), new FixedClock(Now));

    [Fact]
    public void Clean_text_becomes_a_provisional_processed_document()
    {
        var document = _steps.Clean("id", SourceRead.Found(Source, "Title line\n\nBody text of the article."u8.ToArray()));

        Assert.Equal(ArticleStatus.Processed, document.Status);
        Assert.Equal("Title line", document.Article!.Title);
        Assert.Null(document.ProcessedAt);
    }

    [Fact]
    public void Bad_content_is_rejected_with_the_cleaners_code_and_stamped()
    {
        var document = _steps.Clean("id", SourceRead.Found(Source, Array.Empty<byte>()));

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(RejectionCodes.Empty, document.Rejection!.Code);
        Assert.Equal(Now, document.ProcessedAt);
    }

    [Fact]
    public void A_source_that_could_not_be_read_is_rejected_with_its_reason()
    {
        var document = _steps.Clean("id", SourceRead.Unreadable(Source, RejectionCodes.TooLarge, "too big"));

        Assert.Equal(RejectionCodes.TooLarge, document.Rejection!.Code);
        Assert.Equal("too big", document.Rejection.Message);
    }

    [Fact]
    public void A_cleaner_that_throws_rejects_the_input_instead_of_retrying_it()
    {
        var steps = new ArticleSteps(new ThrowingCleaner(), new FixedClock(Now));

        var document = steps.Clean("id", SourceRead.Found(Source, "x"u8.ToArray()));

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(RejectionCodes.Unprocessable, document.Rejection!.Code);
        Assert.Contains("InvalidDataException", document.Rejection.Message);
    }

    [Fact]
    public void A_lost_claim_makes_an_exact_duplicate_of_the_owner()
    {
        var document = new ProcessedDocument { Id = "me", Status = ArticleStatus.Processed, Source = Source };

        var canonical = ArticleSteps.ApplyClaim(document, "hash", new DuplicateClaim(true, "me"));
        var duplicate = ArticleSteps.ApplyClaim(document, "hash", new DuplicateClaim(false, "owner"));

        Assert.Equal(ArticleStatus.Processed, canonical.Status);
        Assert.Null(canonical.Dedup!.DuplicateOf);
        Assert.Equal(ArticleStatus.Duplicate, duplicate.Status);
        Assert.Equal(("owner", DuplicateKind.Exact, 1.0), (duplicate.Dedup!.DuplicateOf, duplicate.Dedup.Kind, duplicate.Dedup.Similarity));
    }

    [Fact]
    public void Recognition_groups_mentions_and_records_the_recognizer()
    {
        var document = new ProcessedDocument { Id = "me", Status = ArticleStatus.Processed, Source = Source };
        var mentions = new[]
        {
            new EntityMention { Text = "Maria Lindqvist", Category = EntityCategories.Person, Offset = 0, Length = 15, Confidence = 0.9 },
            new EntityMention { Text = "Lindqvist", Category = EntityCategories.Person, Offset = 40, Length = 9, Confidence = 0.8 },
        };

        var recognized = ArticleSteps.ApplyRecognition(document, new RecognitionResult(mentions, new RecognizerInfo { Name = "r", Version = "1" }));

        Assert.All(recognized.Entities, m => Assert.Equal("Maria Lindqvist", m.Canonical));
        var entity = Assert.Single(recognized.EntitySummary);
        Assert.Equal(2, entity.Mentions);
        Assert.Equal("r", recognized.Recognizer!.Name);
    }

    [Fact]
    public void Stamping_keeps_a_time_already_decided()
    {
        var earlier = Now.AddHours(-1);
        var document = new ProcessedDocument { Id = "me", Status = ArticleStatus.Processed, Source = Source, ProcessedAt = earlier };

        Assert.Equal(earlier, _steps.Stamp(document).ProcessedAt);
        Assert.Equal(Now, _steps.Stamp(document with { ProcessedAt = null }).ProcessedAt);
    }

    [Fact]
    public void A_failure_keeps_what_was_known_and_says_which_stage_gave_up()
    {
        var partial = new ProcessedDocument
        {
            Id = "me", Status = ArticleStatus.Processed, Source = Source,
            Article = new ArticleContent { Title = "T", Text = "T body" },
        };

        var failed = _steps.Fail("me", partial, Source, new StageError("recognize", "HttpRequestException: 503", 5));

        Assert.Equal(ArticleStatus.Failed, failed.Status);
        Assert.Equal("T", failed.Article!.Title);
        Assert.Equal(("recognize", "HttpRequestException: 503", 5), (failed.Failure!.Stage, failed.Failure.Error, failed.Failure.Attempts));
    }

    private sealed class ThrowingCleaner : IArticleCleaner
    {
        public CleaningResult Clean(CleaningInput input) => throw new InvalidDataException("bad table nesting");
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
