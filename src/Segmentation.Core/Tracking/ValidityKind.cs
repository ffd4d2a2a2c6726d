namespace Segmentation.Core.Tracking;

/// <summary>What a valid-until analysis concluded.</summary>
public enum ValidityKind
{
    /// <summary>Membership changes, with no new data, at <see cref="MembershipValidity.ValidUntil"/>.</summary>
    Changes,

    /// <summary>Membership never changes without new data.</summary>
    Stable,

    /// <summary>
    /// A condition depends on time in a way the analysis cannot see (a predicate over the as-of instant), so no answer is given
    /// rather than a guess; <see cref="MembershipValidity.UnknownConditions"/> names them.
    /// </summary>
    Unknown,
}
