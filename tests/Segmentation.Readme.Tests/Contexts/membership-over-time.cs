// Context of the README fragment under "Membership over time": the quickstart's engine and customers, an as-of
// instant, a progress reporter, a cancellation token, a `Save` callback for each result, and the `from` / `to` of a
// back-test. The fragment is run and its results checked.
// include: quickstart
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;

var engine = SegmentEngine.Compile(new RetailSegments());
var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var customer = new Customer
{
    Id = "c-42",
    Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)],
};
List<Customer> customers = [customer, new() { Id = "c-43" }, new() { Id = "c-44", Orders = [new(new DateTime(2026, 10, 1), 1200m)] }];
var saved = new List<BatchItem>();
var progress = new Progress<BatchProgress>(_ => { });
using var cancellation = new CancellationTokenSource();
var token = cancellation.Token;
var from = new DateTimeOffset(2026, 9, 6, 0, 0, 0, TimeSpan.Zero);
var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

// README fragment

ReadmeClaim.Check(saved.Count == 3, "every result is handed to onResult");
ReadmeClaim.Check(summary.Faulted == 0, "the summary counts faulted profiles");
ReadmeClaim.Check(update.Changes.Any(c => c.Kind == MembershipChangeKind.Entered), "the first tracking enters the customer's segments");
ReadmeClaim.Check(validity.Kind == ValidityKind.Stable, "churn-risk (three orders ever, none in 90 days) never ends without new data");
ReadmeClaim.Check(report.Instants.Count == 9, "weekly instants from..to");

ValueTask Save(BatchItem item)
{
    saved.Add(item);
    return ValueTask.CompletedTask;
}
