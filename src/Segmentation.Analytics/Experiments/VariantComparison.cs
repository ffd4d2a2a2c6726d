namespace Segmentation.Analytics.Experiments;

/// <summary>
/// A variant's conversion rate compared with the control's by a two-proportion z-test. The confidence interval of the
/// difference uses the unpooled standard error, <c>sqrt(p1(1−p1)/n1 + p0(1−p0)/n0)</c>, and is not clamped to [−1, 1];
/// the z statistic uses the pooled standard error, <c>sqrt(p(1−p)(1/n0 + 1/n1))</c> with <c>p = (x0 + x1)/(n0 + n1)</c>,
/// and the p-value is two-sided. When the pooled standard error is 0 (both rates 0 or both 1), z is 0 and the p-value 1.
/// </summary>
/// <param name="Variant">The compared variant.</param>
/// <param name="Control">The control variant.</param>
/// <param name="Difference">The variant's conversion rate minus the control's.</param>
/// <param name="LowerBound">The lower bound of the confidence interval of <paramref name="Difference"/>.</param>
/// <param name="UpperBound">The upper bound of the confidence interval of <paramref name="Difference"/>.</param>
/// <param name="Z">The z statistic.</param>
/// <param name="PValue">The two-sided p-value.</param>
public sealed record VariantComparison(string Variant, string Control, double Difference, double LowerBound, double UpperBound, double Z, double PValue);
