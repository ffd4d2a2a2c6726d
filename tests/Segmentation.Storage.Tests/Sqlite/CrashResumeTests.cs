using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Tests.Support;
using Segmentation.Storage.Workload;

namespace Segmentation.Storage.Tests.Sqlite;

/// <summary>A tracking run killed with SIGKILL halfway (a real child process), then resumed: nothing lost, nothing repeated.</summary>
public sealed class CrashResumeTests : IDisposable
{
    private const int Profiles = 3000;
    private const int BatchSize = 100;
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task TrackRun_KilledHalfwayThenResumed_RecordsEveryChangeExactlyOnce()
    {
        var database = directory.File("crash.db");
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(Profiles);
        using (var seed = new SqliteMembershipStore(database))
        {
            await new MembershipTracker<Customer>(engine, seed, new MembershipTrackerOptions { BatchSize = 500 }).TrackRunAsync("week-3", profiles, TrackingWorkload.Week(3));
        }

        var reference = new InMemoryMembershipStore();
        var referenceTracker = new MembershipTracker<Customer>(engine, reference);
        await referenceTracker.TrackRunAsync("week-3", profiles, TrackingWorkload.Week(3));
        var expectedRun = await referenceTracker.TrackRunAsync("week-8", profiles, TrackingWorkload.Week(8));

        using var child = StartChild(database, "week-8", week: 8, pauseMs: 150);
        var committed = await WaitForCommittedProfilesAsync(database, "week-8", atLeast: 600, child);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        var atKill = await CommittedProfilesAsync(database, "week-8");

        using var store = new SqliteMembershipStore(database);
        var interrupted = (await store.RunAsync("week-8"))!;
        var resumed = await new MembershipTracker<Customer>(engine, store, new MembershipTrackerOptions { BatchSize = BatchSize })
            .TrackRunAsync("week-8", profiles, TrackingWorkload.Week(8));

        committed.Should().BeGreaterThanOrEqualTo(600);
        atKill.Should().BeLessThan(Profiles, "the child was killed before it finished");
        (atKill % BatchSize).Should().Be(0, "a batch is committed whole or not at all");
        interrupted.CompletedAt.Should().BeNull();
        resumed.CompletedAt.Should().NotBeNull();
        (resumed.Profiles, resumed.Entered, resumed.Exited, resumed.Moved).Should().Be((expectedRun.Profiles, expectedRun.Entered, expectedRun.Exited, expectedRun.Moved));
        foreach (var profile in profiles)
        {
            var history = (await store.HistoryOfAsync(profile.Id)).Select(Key);
            history.Should().Equal((await reference.HistoryOfAsync(profile.Id)).Select(Key), profile.Id);
        }
    }

    public void Dispose() => directory.Dispose();

    private static (MembershipChangeKind, string, string?, string?, DateTimeOffset, string?) Key(MembershipHistoryEntry e) =>
        (e.Kind, e.SegmentId, e.FromMember, e.ToMember, e.AsOf, e.Reason);

    private static Process StartChild(string database, string runId, int week, int pauseMs)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Segmentation.Storage.Workload.dll");
        File.Exists(dll).Should().BeTrue($"the child process {dll} is built next to the tests");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { dll, database, runId, Profiles.ToString(), week.ToString(), BatchSize.ToString(), pauseMs.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<long> WaitForCommittedProfilesAsync(string database, string runId, int atLeast, Process child)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"the child ended before it was killed: {await child.StandardError.ReadToEndAsync()}");
            }

            var committed = await CommittedProfilesAsync(database, runId);
            if (committed >= atLeast)
            {
                return committed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the child committed fewer than {atLeast} profiles in 60 s");
    }

    private static async Task<long> CommittedProfilesAsync(string database, string runId)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE((SELECT profiles FROM seg_runs WHERE run_id = $id), 0)";
        command.Parameters.AddWithValue("$id", runId);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
