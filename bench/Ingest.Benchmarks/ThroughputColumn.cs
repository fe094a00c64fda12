using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

/// <summary>MB/s per core: the corpus size a benchmark class declares divided by the mean time of one pass over it.</summary>
public sealed class ThroughputColumn(string name, Func<Type, double?> unitsPerOperation, string unit) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{unit} per second on one core (corpus size / mean time per pass)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var units = unitsPerOperation(benchmarkCase.Descriptor.Type);
        var report = summary[benchmarkCase];
        if (units is null || report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }
        var perSecond = units.Value / (statistics.Mean / 1e9);
        return perSecond.ToString(perSecond >= 100 ? "N0" : "N1");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
