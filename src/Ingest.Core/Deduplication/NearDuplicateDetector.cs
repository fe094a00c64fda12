using Microsoft.Extensions.Options;

namespace Ingest.Core.Deduplication;

/// <summary>
/// The near-duplicate step as the chain runs it: sign the cleaned text, then claim it in the index. Only articles
/// that won their exact-duplicate claim get here, so exact copies never cost band requests.
/// </summary>
public sealed class NearDuplicateDetector(INearDuplicateIndex index, IOptions<NearDuplicateOptions> options)
{
    private readonly MinHasher _hasher = new(options.Value);

    public async Task<NearDuplicateVerdict> CheckAsync(string articleId, string text, CancellationToken cancellationToken)
    {
        // A text without words has no shingles to compare: nothing can be its near duplicate.
        var signature = _hasher.Compute(text);
        return signature is null
            ? NearDuplicateVerdict.Canonical
            : await index.ClaimAsync(articleId, signature, cancellationToken).ConfigureAwait(false);
    }
}
