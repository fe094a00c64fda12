using Azure;
using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Deduplication;

/// <summary>The near-duplicate order comes from table ETags; every host must read the same ticks from the same ETag.</summary>
public sealed class TableStampTests
{
    [Fact]
    public void The_stamp_is_the_ETag_time_at_full_precision()
    {
        // The form Azure and Azurite return: a weak ETag with the URL-encoded timestamp, 7 fractional digits.
        var etag = new ETag("W/\"datetime'2026-11-23T05%3A01%3A02.1234567Z'\"");

        var stamp = TableNearDuplicateIndex.StampOf(etag, null);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 1, 2, TimeSpan.Zero).AddTicks(1_234_567).UtcTicks, stamp);
    }

    [Fact]
    public void Without_a_datetime_ETag_the_row_timestamp_is_used_and_without_either_there_is_no_stamp()
    {
        var timestamp = new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal(timestamp.UtcTicks, TableNearDuplicateIndex.StampOf(new ETag("\"0x8DC\""), timestamp));
        Assert.Null(TableNearDuplicateIndex.StampOf(null, null));
    }
}
