namespace Segmentation.Analytics.Purchases;

/// <summary>One malformed line of a purchase log.</summary>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="Reason">What is wrong with the line.</param>
public sealed record PurchaseLogProblem(int LineNumber, string Reason);
