namespace Segmentation.Core.Tracking;

/// <summary>How long a profile's memberships stay as they are as of an instant if no new data arrives.</summary>
public sealed record MembershipValidity
{
    /// <summary>The instant the analysis started from.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>What the analysis concluded.</summary>
    public required ValidityKind Kind { get; init; }

    /// <summary>
    /// The earliest instant after <see cref="AsOf"/> at which the membership state differs from the state as of <see cref="AsOf"/>;
    /// the state is unchanged on <c>(AsOf, ValidUntil)</c>. <see langword="null"/> unless <see cref="Kind"/> is <see cref="ValidityKind.Changes"/>.
    /// </summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The conditions whose dependence on time cannot be analysed (empty unless <see cref="Kind"/> is <see cref="ValidityKind.Unknown"/>).</summary>
    public IReadOnlyList<string> UnknownConditions { get; init; } = [];

    /// <summary>How many candidate instants were evaluated to reach the answer.</summary>
    public int CandidatesEvaluated { get; init; }

    /// <summary>Formats the answer.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        ValidityKind.Changes => $"valid until {ValidUntil:O}",
        ValidityKind.Stable => "stable without new data",
        _ => $"unknown: depends on {string.Join("; ", UnknownConditions)}",
    };
}
