using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.ReferenceWorkload;

/// <summary>Hand-built profiles around the reference as-of instant.</summary>
internal static class Profiles
{
    public static readonly DateTime AsOf = Workload.AsOfUtc;

    public static DateTime DaysAgo(int days) => AsOf.AddDays(-days);

    public static Customer Plain() => new()
    {
        Id = "t1",
        BirthDate = new DateTime(1980, 5, 5, 0, 0, 0, DateTimeKind.Utc),
        Gender = "F",
        Country = "US",
        City = "Chicago",
    };

    public static Order OrderAt(DateTime at, decimal amount = 10m, string category = "books") =>
        new() { At = at, Amount = amount, Category = category };

    public static Event EventAt(DateTime at, string type) => new() { At = at, Type = type };

    public static bool[] Evaluate(Customer customer, DateTime? asOf = null)
    {
        var memberships = new bool[HandWrittenSegments.Count];
        HandWrittenSegments.Evaluate(customer, asOf ?? AsOf, memberships);
        return memberships;
    }

    public static bool IsIn(Customer customer, int segment, DateTime? asOf = null) => Evaluate(customer, asOf)[segment];
}
