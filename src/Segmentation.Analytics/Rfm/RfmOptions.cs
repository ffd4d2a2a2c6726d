namespace Segmentation.Analytics.Rfm;

/// <summary>Options of <see cref="RfmModel.Fit"/>.</summary>
public sealed class RfmOptions
{
    /// <summary>The smallest supported number of bins.</summary>
    public const int MinBins = 2;

    /// <summary>The largest supported number of bins.</summary>
    public const int MaxBins = 10;

    /// <summary>Gets the number of quantile bins per dimension, from <see cref="MinBins"/> to <see cref="MaxBins"/>; scores run from 1 to this number.</summary>
    /// <value>The default value is 5 (quintiles), the scale of <see cref="RfmSegments.Default"/>.</value>
    public int Bins { get; init; } = 5;

    /// <summary>Gets the observation date the population's measures were taken at, recorded in the snapshot for reference.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTime? AsOf { get; init; }
}
