// Context of the README fragment under "NRules backend": the quickstart's customer, an as-of instant and a `services`
// collection. The fragment is run; the NRules engine must agree with the native one and the DI registration resolve.
// include: quickstart
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;

var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var customer = new Customer
{
    Id = "c-42",
    Orders = [new(new DateTime(2026, 6, 2), 240m), new(new DateTime(2026, 3, 9), 400m), new(new DateTime(2025, 12, 1), 90m)],
};
var services = new ServiceCollection();

// README fragment

var native = SegmentEngine.Compile(new RetailSegments()).Evaluate(customer, asOf);
var translated = engine.Evaluate(customer, asOf);
ReadmeClaim.Check(translated.IsIn("churn-risk") && translated.Segments.SequenceEqual(native.Segments), "same memberships as the native engine");
ReadmeClaim.Check(translated.MemberOf("journey-stage") == native.MemberOf("journey-stage") && translated.Score("engagement") == native.Score("engagement"), "same groups and scores");
using var provider = services.BuildServiceProvider();
ReadmeClaim.Check(provider.GetRequiredService<ISegmentEngine<Customer>>() is NRulesSegmentEngine<Customer>, "DI: UseNRules registers the NRules engine");
