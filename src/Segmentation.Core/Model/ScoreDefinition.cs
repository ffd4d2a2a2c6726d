namespace Segmentation.Core.Model;

/// <summary>A score: the sum of the weights of the terms whose conditions hold, banded into tiers.</summary>
/// <param name="Id">The unique id, such as <c>engagement</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Terms">The weighted terms.</param>
/// <param name="Tiers">The tiers in ascending threshold order; a profile is in the last tier whose threshold it reaches.</param>
public sealed record ScoreDefinition(string Id, string Name, IReadOnlyList<ScoreTermDefinition> Terms, IReadOnlyList<TierDefinition> Tiers)
{
    /// <summary>A longer description for people.</summary>
    public string? Description { get; init; }
}

/// <summary>A weighted term of a score.</summary>
/// <param name="Weight">The points added when the condition holds (may be negative).</param>
/// <param name="Condition">The condition.</param>
public sealed record ScoreTermDefinition(decimal Weight, ConditionDefinition Condition);

/// <summary>A tier of a score: profiles whose score is at least the threshold (and below the next tier's).</summary>
/// <param name="Name">The tier's name, such as <c>loyal</c>.</param>
/// <param name="Threshold">The lowest score in the tier.</param>
public sealed record TierDefinition(string Name, decimal Threshold);
