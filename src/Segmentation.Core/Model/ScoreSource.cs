namespace Segmentation.Core.Model;

/// <summary>The value of a score defined in the same catalog.</summary>
public sealed class ScoreSource : ValueSource
{
    /// <summary>Creates a score source.</summary>
    /// <param name="scoreId">The score's id.</param>
    public ScoreSource(string scoreId)
    {
        ArgumentNullException.ThrowIfNull(scoreId);
        ScoreId = scoreId;
    }

    /// <summary>The score's id.</summary>
    public string ScoreId { get; }

    /// <inheritdoc />
    public override string Describe() => $"score {ScoreId}";
}
