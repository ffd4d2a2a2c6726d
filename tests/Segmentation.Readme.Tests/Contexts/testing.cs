// Context of the README fragment under "Testing your segments": the quickstart's customer, a decision table
// segments.csv (written into the empty directory the fragment runs in) and `Map`, the test's mapping from a table row
// to a Customer. The fragment is run: its assertions and the table must pass.
// include: quickstart
using Segmentation.Core.Engine;
using Segmentation.Testing;

var customer = new Customer
{
    Id = "c-42",
    Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)],
};
File.WriteAllText("segments.csv", """
    name,asOf,spend,lastOrder,expect:high-value,member:journey-stage
    big-spender,2026-11-01,1200,-10d,true,purchase
    prospect,2026-11-01,,,false,awareness
    """);

// README fragment

ReadmeClaim.Check(coverage.ToString().Length > 0, "coverage reports the conditions no case decided");

static Customer Map(DecisionRow row) => new()
{
    Id = row.Name ?? $"row {row.Number}",
    Orders = row.DateOrNull("lastOrder") is { } last ? [new(last, row.Decimal("spend"))] : [],
};
