// Context of the README fragment under "Starter catalog": a profile type with everything the starter mapping can map
// (orders, events, birth date, sign-up date, interests, country). The fragment is run and one customer evaluated.
using Segmentation.Analytics.Starter;
using Segmentation.Core.Engine;

// README fragment

var customer = new Customer
{
    Id = "c-1",
    BirthDate = new DateTime(1990, 11, 14),
    JoinedOn = new DateTime(2024, 11, 3),
    Interests = ["outdoor"],
    CountryCode = "PT",
    Orders = [new(new DateTime(2026, 10, 20), 35m)],
};
var result = engine.Evaluate(customer, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
ReadmeClaim.Check(result.MemberOf(StarterSegmentIds.JourneyStage) == StarterSegmentIds.Purchase, "a first order in the last 30 days is the purchase stage");
ReadmeClaim.Check(result.IsIn(StarterSegmentIds.BirthdayMonth), "birthday-month");
ReadmeClaim.Check(result.IsIn(StarterSegmentIds.AnniversaryWeek), "anniversary-week (signed up on 3 November)");
ReadmeClaim.Check(result.IsIn(StarterSegmentIds.InterestPrefix + "outdoor"), "interest:{name}");
ReadmeClaim.Check(result.Segments.Any(s => s.StartsWith(StarterSegmentIds.RegionPrefix, StringComparison.Ordinal)), "region:{name} (EU by default)");

public sealed record Order(DateTime At, decimal Amount);
public sealed record Event(DateTime At, string Type);

public sealed class Customer
{
    public string Id { get; init; } = "";
    public DateTime BirthDate { get; init; }
    public DateTime JoinedOn { get; init; }
    public List<string> Interests { get; init; } = [];
    public string CountryCode { get; init; } = "";
    public List<Order> Orders { get; init; } = [];
    public List<Event> Events { get; init; } = [];
}
