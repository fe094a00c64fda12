using System.Net.Http.Headers;
using Azure.Core;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Puts credentials on each attempt's request: the resource key, or an Entra bearer token cached until shortly
/// before it expires (or until the credential's suggested refresh time). Thread-safe and long-lived: one token
/// fetch at a time, and concurrent callers share its result.
/// </summary>
internal sealed class AzureLanguageAuthenticator
{
    public const string SubscriptionKeyHeader = "Ocp-Apim-Subscription-Key";
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    // A token is renewed this long before it expires, so a request never leaves with a token that lapses in flight.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    private readonly string? _key;
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    // A reference swapped whole, so a reader on another thread never sees half of an old token and half of a new one.
    private volatile CachedToken? _cachedToken;

    private AzureLanguageAuthenticator(string? key, TokenCredential? credential, TimeProvider timeProvider)
    {
        _key = key;
        _credential = credential;
        _timeProvider = timeProvider;
    }

    public static AzureLanguageAuthenticator WithKey(string key) => new(key, null, TimeProvider.System);

    public static AzureLanguageAuthenticator WithCredential(TokenCredential credential, TimeProvider timeProvider) =>
        new(null, credential, timeProvider);

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            request.Headers.Add(SubscriptionKeyHeader, _key);
            return;
        }
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cachedToken is { } cached && _timeProvider.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed the token while this one waited for the lock.
            if (_cachedToken is { } refreshed && _timeProvider.GetUtcNow() < refreshed.RenewAt)
            {
                return refreshed.Token;
            }
            var token = await _credential!
                .GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken)
                .ConfigureAwait(false);
            _cachedToken = new CachedToken(token.Token, RenewAt(token));
            return token.Token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static DateTimeOffset RenewAt(AccessToken token)
    {
        var beforeExpiry = token.ExpiresOn - ExpiryMargin;
        return token.RefreshOn is { } refreshOn && refreshOn < beforeExpiry ? refreshOn : beforeExpiry;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);
}
