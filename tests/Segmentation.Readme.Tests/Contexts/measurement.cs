// Context of the README's segment-measurement fragment (under "Measuring segments and A/B splits"): the quickstart's
// engine, `profiles` (customers), `asOf`, and `outcomes`, what each profile did after as-of. The fragment is run and
// the report checked.
// include: quickstart
using Segmentation.Analytics.Measurement;
using Segmentation.Core.Engine;

var engine = SegmentEngine.Compile(new RetailSegments());
var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
List<Customer> profiles =
[
    new() { Id = "c-1", Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)] },
    new() { Id = "c-2", Orders = [new(new DateTime(2026, 10, 2), 1240m)] },
    new() { Id = "c-3" },
];
var outcomes = new Dictionary<string, ProfileOutcome>
{
    ["c-1"] = new(Converted: true, Revenue: 120m, Orders: 2, Retained: true),
    ["c-2"] = new(Converted: false, Revenue: 0m, Orders: 0, Retained: true),
    ["c-3"] = new(Converted: false, Revenue: 0m, Orders: 0, Retained: false),
};

// README fragment

ReadmeClaim.Check(report.Population.Size == 3, "the population is every profile");
ReadmeClaim.Check(report.Segment("churn-risk") is { Size: 1, Conversions: 1 }, "per segment: size and conversions");
ReadmeClaim.Check(report.Segment("high-value").Size == 1, "per segment: size");
ReadmeClaim.Check(report.Overlaps.Count > 0, "report.Overlaps: every pair");
