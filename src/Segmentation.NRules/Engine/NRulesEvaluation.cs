using Segmentation.Core.Engine;

namespace Segmentation.NRules.Engine;

/// <summary>One profile's evaluation in an NRules session: the result and every fact the session held after firing.</summary>
public sealed class NRulesEvaluation
{
    internal NRulesEvaluation(SegmentationResult result, IReadOnlyList<object> facts)
    {
        Result = result;
        Facts = facts;
    }

    /// <summary>The memberships, scores, tiers and faults, as <see cref="ISegmentEngine{TProfile}.Evaluate(TProfile, DateTimeOffset)"/> returns them.</summary>
    public SegmentationResult Result { get; }

    /// <summary>Every fact in the session after firing: the profile, the instant, the memberships and scores, and whatever your own rules inserted.</summary>
    public IReadOnlyList<object> Facts { get; }

    /// <summary>The facts of one type, such as the offers your own rules inserted.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <returns>The facts.</returns>
    public IReadOnlyList<T> Query<T>() => [.. Facts.OfType<T>()];
}
