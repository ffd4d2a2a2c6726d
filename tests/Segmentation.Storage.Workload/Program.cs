using System.Globalization;
using System.Runtime.CompilerServices;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Workload;

// The child process of the crash test: tracks one run of the workload into a SQLite file, slowly, until it is killed.
//   Segmentation.Storage.Workload <database> <run id> <profiles> <week> <batch size> <pause ms per batch>
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: <database> <run id> <profiles> <week> <batch size> <pause ms per batch>");
    return 2;
}

var culture = CultureInfo.InvariantCulture;
using var store = new SqliteMembershipStore(args[0]);
var tracker = new MembershipTracker<Customer>(
    TrackingWorkload.Engine(),
    store,
    new MembershipTrackerOptions { BatchSize = int.Parse(args[4], culture) });
var profiles = TrackingWorkload.Profiles(int.Parse(args[2], culture));
var run = await tracker.TrackRunAsync(args[1], Slowly(profiles, int.Parse(args[4], culture), int.Parse(args[5], culture)), TrackingWorkload.Week(int.Parse(args[3], culture)));
Console.WriteLine($"completed {run.RunId}: {run.Profiles} profiles");
return 0;

static async IAsyncEnumerable<Customer> Slowly(IReadOnlyList<Customer> profiles, int batch, int pauseMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
{
    for (var i = 0; i < profiles.Count; i++)
    {
        if (i > 0 && i % batch == 0)
        {
            await Task.Delay(pauseMs, cancellationToken);
        }

        yield return profiles[i];
    }
}
