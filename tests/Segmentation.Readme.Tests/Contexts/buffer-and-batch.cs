// Context of the README fragment on the buffer and batch APIs (under "Performance"): the quickstart's engine, a
// customer, an as-of instant, and the lists, arrays, spans and membership matrices the batch overloads take. The
// fragment is run and its results checked.
// include: quickstart
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;

var engine = SegmentEngine.Compile(new RetailSegments());
var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var customer = new Customer
{
    Id = "c-42",
    Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)],
};
List<Customer> customers = [customer, new Customer { Id = "c-43" }, new Customer { Id = "c-44", Orders = [new(new DateTime(2026, 10, 1), 1200m)] }];
Customer[] customerArray = [.. customers];
var matrix = new SegmentState[customerArray.Length * engine.MembershipIds.Count];
ReadOnlySpan<Customer> customerSpan = customerArray.AsSpan(1, 2);
Span<SegmentState> matrixSpan = new SegmentState[customerSpan.Length * engine.MembershipIds.Count];

// README fragment

ReadmeClaim.Check(!vip, "the quickstart's customer is not in vip-at-risk");
ReadmeClaim.Check(memberships[engine.IndexOf("churn-risk")] == SegmentState.In, "the buffer holds the memberships");
ReadmeClaim.Check(results.Length == 3 && results[2].IsIn("high-value") && !results[1].IsIn("high-value"), "results are in input order");
ReadmeClaim.Check(faulted == 0 && faultedHere == 0, "the overloads return the number of faulted profiles");
ReadmeClaim.Check(matrix[(2 * engine.MembershipIds.Count) + engine.IndexOf("high-value")] == SegmentState.In, "row i of the matrix holds profile i");
ReadmeClaim.Check(matrixSpan[engine.MembershipIds.Count + engine.IndexOf("high-value")] == SegmentState.In, "row i of the span matrix holds profile i");
