using System.Globalization;

namespace Segmentation.ReferenceWorkload;

/// <summary>
/// Generates the reference workload's customers deterministically from a seed.
/// </summary>
/// <remarks>
/// Besides the distributions of the specification (age 16–80, 30 % without orders, 1–25 orders over the last
/// 3 years, 0–60 events over the last 120 days, 0–4 interests, NpsScore missing for half), a few facts are
/// planted on the edges that implementations get wrong: timestamps exactly on a window boundary
/// (as-of minus 7/30/90/180/365 days), one tick inside and outside of it, exactly at as-of, and after as-of
/// (which must be invisible); birthdays on the as-of date and around the 18th and 30th birthdays; births on
/// 29 February. Order and event lists are not sorted for everyone: some are ascending, some descending,
/// most in generation (random) order.
/// </remarks>
public static class WorkloadGenerator
{
    private static readonly int[] OrderBoundaryDays = [7, 30, 90, 180, 365];
    private static readonly int[] EventBoundaryDays = [7, 30, 90];
    private static readonly int[] EdgeAges = [18, 29, 30];
    private static readonly int[] LeapYears = [1948, 1952, 1960, 1972, 1984, 1992, 1996, 2000, 2004, 2008];

    private static readonly Dictionary<string, string[]> CitiesByCountry = Workload.Cities
        .GroupBy(c => c.Country, c => c.City, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Generates <paramref name="count"/> customers from <paramref name="seed"/>.</summary>
    /// <param name="count">The number of customers.</param>
    /// <param name="seed">The seed; the same seed always gives the same customers.</param>
    /// <returns>The customers, with ids <c>c000001</c>, <c>c000002</c>, ….</returns>
    public static Customer[] Generate(int count, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var customers = new Customer[count];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = NextCustomer(random, i + 1);
        }

        return customers;
    }

    private static Customer NextCustomer(Random random, int number)
    {
        var country = Pick(random, Workload.Countries);
        var customer = new Customer
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"c{number:D6}"),
            BirthDate = NextBirthDate(random),
            Gender = Pick(random, Workload.Genders),
            Country = country,
            City = Pick(random, CitiesByCountry[country]),
            NpsScore = random.Next(2) == 0 ? null : random.Next(0, 11),
        };

        var interestCount = random.Next(0, 5);
        while (customer.Interests.Count < interestCount)
        {
            customer.Interests.Add(Pick(random, Workload.Interests));
        }

        if (random.NextDouble() < 0.30)
        {
            if (random.NextDouble() < 0.05)
            {
                customer.Orders.Add(NextOrder(random, After(random)));
            }
        }
        else
        {
            var orderCount = random.Next(1, 26);
            for (var i = 0; i < orderCount; i++)
            {
                customer.Orders.Add(NextOrder(random, NextTime(random, 3 * 365, OrderBoundaryDays)));
            }
        }

        var eventCount = random.Next(0, 61);
        for (var i = 0; i < eventCount; i++)
        {
            customer.Events.Add(new Event { At = NextTime(random, 120, EventBoundaryDays), Type = NextEventType(random) });
        }

        Arrange(random, customer.Orders, static o => o.At);
        Arrange(random, customer.Events, static e => e.At);
        return customer;
    }

    private static Order NextOrder(Random random, DateTime at) => new()
    {
        At = at,
        Amount = random.Next(500, 40_001) / 100m,
        Category = Pick(random, Workload.Categories),
    };

    private static string NextEventType(Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => EventTypes.PageView,
            < 60 => EventTypes.AddToCart,
            < 68 => EventTypes.CartAbandoned,
            < 83 => EventTypes.EmailOpen,
            < 95 => EventTypes.EmailClick,
            _ => EventTypes.Review,
        };
    }

    private static DateTime NextTime(Random random, int spanDays, int[] boundaryDays)
    {
        var asOf = Workload.AsOfUtc;
        var roll = random.NextDouble();
        if (roll < 0.045)
        {
            var boundary = asOf.AddDays(-boundaryDays[random.Next(boundaryDays.Length)]);
            return roll switch
            {
                < 0.020 => boundary,
                < 0.030 => boundary.AddTicks(1),
                < 0.035 => boundary.AddTicks(-1),
                < 0.040 => asOf,
                _ => After(random),
            };
        }

        var seconds = random.NextInt64(1, (spanDays * 86_400L) + 1);
        return asOf.AddSeconds(-seconds);
    }

    private static DateTime After(Random random) =>
        random.Next(4) == 0 ? Workload.AsOfUtc.AddTicks(1) : Workload.AsOfUtc.AddSeconds(random.Next(1, 30 * 86_400));

    private static DateTime NextBirthDate(Random random)
    {
        var today = Workload.AsOfUtc.Date;
        var roll = random.NextDouble();
        if (roll < 0.03)
        {
            var birthday = today.AddYears(-EdgeAges[random.Next(EdgeAges.Length)]);
            return DateTime.SpecifyKind(birthday.AddDays(random.Next(-1, 2)), DateTimeKind.Utc);
        }

        if (roll < 0.04)
        {
            return new DateTime(LeapYears[random.Next(LeapYears.Length)], 2, 29, 0, 0, 0, DateTimeKind.Utc);
        }

        if (roll < 0.10)
        {
            var year = today.Year - random.Next(17, 81);
            return new DateTime(year, today.Month, random.Next(1, 31), 0, 0, 0, DateTimeKind.Utc);
        }

        var youngest = today.AddYears(-16);
        var oldest = today.AddYears(-81).AddDays(1);
        var days = (int)(youngest - oldest).TotalDays;
        return DateTime.SpecifyKind(oldest.AddDays(random.Next(0, days + 1)), DateTimeKind.Utc);
    }

    private static void Arrange<T>(Random random, List<T> items, Func<T, DateTime> at)
    {
        var roll = random.Next(10);
        if (roll < 4)
        {
            items.Sort((a, b) => at(a).CompareTo(at(b)));
        }
        else if (roll < 6)
        {
            items.Sort((a, b) => at(b).CompareTo(at(a)));
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
