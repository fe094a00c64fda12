using System.Globalization;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Reads how long the service asked the client to wait. Azure services may send milliseconds in
/// <c>retry-after-ms</c> / <c>x-ms-retry-after-ms</c> (more precise, so read first) and the standard
/// <c>Retry-After</c> as delta-seconds or an HTTP date.
/// </summary>
internal static class RetryAfterHeader
{
    private static readonly string[] MillisecondHeaders = ["retry-after-ms", "x-ms-retry-after-ms"];

    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        foreach (var header in MillisecondHeaders)
        {
            if (response.Headers.TryGetValues(header, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
