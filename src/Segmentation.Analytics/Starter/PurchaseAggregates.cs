using Segmentation.Core.Dsl;

namespace Segmentation.Analytics.Starter;

/// <summary>The aggregates of the mapped purchase collection, independent of the user's purchase type.</summary>
internal sealed record PurchaseAggregates<TProfile>(
    Window<Measure<TProfile>> Count,
    Window<Measure<TProfile>> Spend,
    Window<Measure<TProfile>> AverageOrderValue,
    Window<Condition<TProfile>> Any,
    Window<Condition<TProfile>> None,
    Window<Measure<TProfile>> DaysSinceLast,
    Window<Measure<TProfile>> RepeatDays);

/// <summary>The aggregates of the mapped event collection, independent of the user's event type.</summary>
internal sealed record EventAggregates<TProfile>(
    StarterEventTypes Types,
    Func<string, Window<Measure<TProfile>>> CountOf,
    Func<string, Window<Condition<TProfile>>> AnyOf);
