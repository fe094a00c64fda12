using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ingest.Core.Cleaning;

/// <summary>
/// The one place HTML is parsed. The parser is used on its own, without a browsing context: nothing is
/// ever fetched (no stylesheets, images, frames), no script runs, and no network is touched, so untrusted
/// pages cannot make the pipeline do anything but read them.
/// </summary>
internal static class HtmlDocumentParser
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        IsNotConsumingCharacterReferences = false,
        IsSupportingProcessingInstructions = false,
    };

    public static IHtmlDocument Parse(string html) => new HtmlParser(Options).ParseDocument(html);
}

/// <summary>Text of an HTML fragment (a JSON body holding markup), with paragraph structure.</summary>
internal static class HtmlFragmentText
{
    public static string Extract(string html)
    {
        using var document = HtmlDocumentParser.Parse(html);
        return document.Body is null ? "" : HtmlTextRenderer.Render(document.Body);
    }
}
