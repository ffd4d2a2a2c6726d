// Context of the README fragment under "Durable memberships": a `services` collection, the quickstart's customers and
// an engine over them, the as-of of the run, and the instants the history is asked about (`monday`, `from`, `to`,
// `instants`). The fragment is run in an empty directory (it creates segments.db there) and the history checked.
// include: quickstart
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;

var services = new ServiceCollection();
var engine = SegmentEngine.Compile(new RetailSegments());
var asOf = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
Customer[] customers =
[
    new() { Id = "c42", Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)] },
    new() { Id = "c43", Orders = [new(new DateTime(2026, 11, 20), 1035m)] },
];
var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var to = monday;
var instants = InstantSeries.Weekly(from, to);

// README fragment

ReadmeClaim.Check(run.Entered > 0, "the run records what entered");
ReadmeClaim.Check((await history.MembersAsOfAsync("churn-risk", monday)).SequenceEqual(["c42"]), "members of S as of T");
ReadmeClaim.Check((await history.HistoryOfAsync("c42")).Count > 0, "every change of a profile");
ReadmeClaim.Check((await history.EnteredBetweenAsync("high-value", from, to)).Any(e => e.ProfileId == "c43"), "who entered S in (T1, T2]");
ReadmeClaim.Check(File.Exists("segments.db"), "the SQLite store is the file segments.db");
ReadmeClaim.Check((await backtests.BacktestSizesAsync("weekly", "high-value")).Count == instants.Count(), "a back-test's size at each instant");
var transitions = await backtests.BacktestTransitionsAsync("weekly", "journey-stage");
ReadmeClaim.Check(transitions.Count > 0 && transitions.GroupBy(t => t.From).All(step => step.Sum(t => t.Profiles) == customers.Length), "a group's transitions count every profile at every step");
