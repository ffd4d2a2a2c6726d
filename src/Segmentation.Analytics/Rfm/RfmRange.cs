namespace Segmentation.Analytics.Rfm;

/// <summary>An inclusive range of scores, for example <c>new RfmRange(4, 5)</c>; averages such as 3.5 are compared exactly.</summary>
/// <param name="Min">The smallest score in the range.</param>
/// <param name="Max">The largest score in the range.</param>
public readonly record struct RfmRange(double Min, double Max)
{
    /// <summary>Determines whether a score lies in the range, bounds included.</summary>
    /// <param name="score">The score or score average.</param>
    /// <returns><see langword="true"/> when <c>Min &lt;= score &lt;= Max</c>.</returns>
    public bool Contains(double score) => score >= Min && score <= Max;
}
