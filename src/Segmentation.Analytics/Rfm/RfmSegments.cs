using System.Collections.ObjectModel;

namespace Segmentation.Analytics.Rfm;

/// <summary>An ordered, editable list of <see cref="RfmSegmentRule"/>; a score belongs to the first rule it matches.</summary>
public sealed class RfmSegments : Collection<RfmSegmentRule>
{
    /// <summary>Creates an empty list.</summary>
    public RfmSegments()
    {
    }

    /// <summary>Creates a list with the given rules, in order.</summary>
    /// <param name="rules">The rules.</param>
    public RfmSegments(IEnumerable<RfmSegmentRule> rules)
        : base([.. rules ?? throw new ArgumentNullException(nameof(rules))])
    {
    }

    /// <summary>
    /// Gets a new copy of the widely used grid of recency (R, 1–5) against the average of frequency and monetary scores
    /// (FM, 1–5 in half steps), for 5 bins. The eleven cells partition the grid, so every score lands in exactly one:
    /// <list type="table">
    /// <listheader><term>R</term><description>FM 1–1.5 | FM 2–2.5 | FM 3–3.5 | FM 4 | FM 4.5–5</description></listheader>
    /// <item><term>5</term><description>New | Potential loyalist | Potential loyalist | Champions | Champions</description></item>
    /// <item><term>4</term><description>Promising | Potential loyalist | Potential loyalist | Loyal | Loyal</description></item>
    /// <item><term>3</term><description>About to sleep | About to sleep | Needs attention | Loyal | Loyal</description></item>
    /// <item><term>2</term><description>Hibernating | Hibernating | At risk | At risk | Can't lose</description></item>
    /// <item><term>1</term><description>Lost | Lost | At risk | At risk | Can't lose</description></item>
    /// </list>
    /// The identifiers are those of <see cref="RfmSegmentIds"/>; editing the returned list does not change later copies.
    /// </summary>
    public static RfmSegments Default =>
    [
        new(RfmSegmentIds.Champions, "Champions", new(5, 5), new(4, 5)),
        new(RfmSegmentIds.Loyal, "Loyal", new(3, 4), new(4, 5)),
        new(RfmSegmentIds.PotentialLoyalist, "Potential loyalist", new(4, 5), new(2, 3.5)),
        new(RfmSegmentIds.New, "New", new(5, 5), new(1, 1.5)),
        new(RfmSegmentIds.Promising, "Promising", new(4, 4), new(1, 1.5)),
        new(RfmSegmentIds.NeedsAttention, "Needs attention", new(3, 3), new(3, 3.5)),
        new(RfmSegmentIds.AboutToSleep, "About to sleep", new(3, 3), new(1, 2.5)),
        new(RfmSegmentIds.AtRisk, "At risk", new(1, 2), new(3, 4)),
        new(RfmSegmentIds.CantLose, "Can't lose", new(1, 2), new(4.5, 5)),
        new(RfmSegmentIds.Hibernating, "Hibernating", new(2, 2), new(1, 2.5)),
        new(RfmSegmentIds.Lost, "Lost", new(1, 1), new(1, 2.5)),
    ];

    /// <summary>Finds the segment of a score.</summary>
    /// <param name="score">The score to classify.</param>
    /// <returns>The <see cref="RfmSegmentRule.Id"/> of the first matching rule, or <see langword="null"/> when none matches.</returns>
    public string? Classify(RfmScore score) => this.FirstOrDefault(rule => rule.Matches(score))?.Id;
}
