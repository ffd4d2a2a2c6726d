namespace Segmentation.ReferenceWorkload;

/// <summary>The hand-written baseline of the synthetic segments: plain loops over each predicate.</summary>
public static class HandWrittenSynthetic
{
    /// <summary>Whether <paramref name="customer"/> is in the synthetic segment <paramref name="spec"/> as of an instant.</summary>
    public static bool Evaluate(Customer customer, DateTimeOffset asOf, SyntheticSegmentSpec spec) =>
        Evaluate(customer, asOf.UtcDateTime, spec);

    /// <summary>Whether <paramref name="customer"/> is in the synthetic segment <paramref name="spec"/> as of an instant.</summary>
    public static bool Evaluate(Customer customer, DateTime asOfUtc, SyntheticSegmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(spec);
        var predicates = spec.Predicates;
        for (var i = 0; i < predicates.Count; i++)
        {
            if (!Holds(customer, asOfUtc, predicates[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one predicate holds.</summary>
    public static bool Holds(Customer customer, DateTime asOfUtc, SyntheticPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(predicate);
        switch (predicate.Kind)
        {
            case SyntheticPredicateKind.AgeBetween:
                var age = Workload.AgeAt(customer.BirthDate, asOfUtc);
                return age >= predicate.MinAge && age <= predicate.MaxAge;
            case SyntheticPredicateKind.CountryIn:
                var countries = predicate.Countries;
                for (var i = 0; i < countries.Count; i++)
                {
                    if (string.Equals(countries[i], customer.Country, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case SyntheticPredicateKind.OrderCountAtLeast:
                return HandWrittenSegments.CountOrders(customer.Orders, asOfUtc.AddDays(-predicate.WindowDays), asOfUtc)
                    >= predicate.MinCount;
            case SyntheticPredicateKind.OrderSpendAtLeast:
                return HandWrittenSegments.SumOrders(customer.Orders, asOfUtc.AddDays(-predicate.WindowDays), asOfUtc)
                    >= predicate.MinSpend;
            default:
                throw new ArgumentOutOfRangeException(nameof(predicate), predicate.Kind, "Unknown predicate kind.");
        }
    }
}
