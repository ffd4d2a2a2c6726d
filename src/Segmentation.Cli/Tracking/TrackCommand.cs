using System.Globalization;
using Segmentation.Cli.Reporting;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Cli.Tracking;

/// <summary>
/// <c>track</c>: replays a purchase log instant by instant into a SQLite membership store (one resumable tracking run per
/// instant, skipped when already complete), then prints the changes per instant and the sizes over time.
/// </summary>
internal static class TrackCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the command.</summary>
    /// <param name="options">The options.</param>
    /// <param name="output">Where the report goes.</param>
    /// <returns>A task that completes when every instant is tracked.</returns>
    /// <exception cref="CliException">The log is empty.</exception>
    /// <exception cref="MembershipStoreException">The store failed.</exception>
    public static async Task RunAsync(TrackOptions options, TextWriter output)
    {
        var (records, source) = PurchaseLogSource.Read(options.File);
        var customers = CdnowCustomer.FromRecords(records);
        if (customers.Count == 0)
        {
            throw new CliException($"{source} has no purchase records");
        }

        var engine = SegmentEngine.Compile(ReportBuilder.Catalog(options.HighValue));
        using var store = new SqliteMembershipStore(options.Store);
        var tracker = new MembershipTracker<CdnowCustomer>(engine, store, new MembershipTrackerOptions { BatchSize = 2000 });
        output.WriteLine($"Tracking {customers.Count.ToString("N0", Invariant)} customers of {source} into {options.Store}, every {options.Every} from {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd}");
        output.WriteLine();
        output.WriteLine($"{"as of",-10}  {"entered",8}  {"exited",8}  {"moved",8}  run");
        var instants = Instants(options);
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        long added = 0;
        foreach (var instant in instants)
        {
            var runId = $"{source}/{instant:yyyy-MM-dd}";
            runIds.Add(runId);
            var existing = await store.RunAsync(runId);
            var run = existing is { CompletedAt: not null } ? existing : await tracker.TrackRunAsync(runId, customers, instant);
            var note = ReferenceEquals(run, existing) ? "already tracked" : "tracked";
            added += ReferenceEquals(run, existing) ? 0 : run.Entered + run.Exited + run.Moved - (existing is null ? 0 : existing.Entered + existing.Exited + existing.Moved);
            output.WriteLine($"{instant:yyyy-MM-dd}  {run.Entered,8:N0}  {run.Exited,8:N0}  {run.Moved,8:N0}  {note}");
        }

        output.WriteLine();
        output.WriteLine($"{added.ToString("N0", Invariant)} changes added to {options.Store}");
        output.WriteLine();
        var sizes = (await store.SizesAtRunsAsync()).Where(s => runIds.Contains(s.Run.RunId)).ToList();
        SizeChart.Write(output, engine.MembershipIds, sizes);
    }

    private static IReadOnlyList<DateTimeOffset> Instants(TrackOptions options) => options.Every switch
    {
        "day" => InstantSeries.Every(options.From, options.To, TimeSpan.FromDays(1)),
        "month" => InstantSeries.Monthly(options.From, options.To),
        _ => InstantSeries.Weekly(options.From, options.To),
    };
}
