using Segmentation.Core.Model;

namespace Segmentation.Core.Semantics;

/// <summary>An aggregate's value from its accumulator as of an instant; <see langword="null"/> for no value.</summary>
internal delegate decimal? AggregateValue(in Accumulator accumulator, long asOfTicks);

/// <summary>The value of an aggregate that is always a whole number (and always present), compared as a <see cref="long"/>.</summary>
internal delegate long WholeAggregateValue(in Accumulator accumulator);

/// <summary>
/// Everything the engine knows about one <see cref="AggregateKind"/>: the accumulator parts it reads (and so which
/// faults reach it), its final value with its "no value" rule, and how it is named and checked. The fused generated
/// loop, the interpreted scan, explanations, valid-until and <see cref="ConditionSemantics"/> all read it from here.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The name in descriptions, such as <c>sum</c>.</param>
/// <param name="Parts">The accumulator parts the value reads; an overflow in one of them faults the aggregate.</param>
/// <param name="Value">The final value, <see langword="null"/> for no value; may throw (an overflow), which faults the aggregate.</param>
internal sealed record AggregateDefinition(AggregateKind Kind, string Name, AccumulatorParts Parts, AggregateValue Value)
{
    /// <summary>For kinds whose value is always a whole number that is present: that value as a <see cref="long"/>.</summary>
    public WholeAggregateValue? Whole { get; init; }

    /// <summary>Whether the value is never negative (a negative threshold is a definition error).</summary>
    public bool NeverNegative { get; init; }

    /// <summary>Whether the kind reads the value selector.</summary>
    public bool UsesSelector => (Parts & AccumulatorParts.ReadsValue) != 0;

    /// <summary>Whether the kind counts distinct UTC days.</summary>
    public bool UsesDays => (Parts & AccumulatorParts.Days) != 0;

    /// <summary>A whole kind: its value is <paramref name="whole"/>, always present.</summary>
    public static AggregateDefinition WholeNumber(AggregateKind kind, string name, AccumulatorParts parts, WholeAggregateValue whole) =>
        new(kind, name, parts, (in Accumulator a, long _) => whole(in a)) { Whole = whole, NeverNegative = true };
}
