namespace Segmentation.Analytics.Measurement;

internal sealed class MetricsAccumulator
{
    public int Size { get; private set; }

    public int Conversions { get; private set; }

    public decimal Revenue { get; private set; }

    public int Orders { get; private set; }

    public int Retained { get; private set; }

    public double ConversionRate => Size == 0 ? 0 : (double)Conversions / Size;

    public void Add(ProfileOutcome outcome)
    {
        Size++;
        Conversions += outcome.Converted ? 1 : 0;
        Revenue += outcome.Revenue;
        Orders += outcome.Orders;
        Retained += outcome.Retained ? 1 : 0;
    }

    public SegmentMetrics ToMetrics(string? segmentId, MetricsAccumulator population) => new()
    {
        SegmentId = segmentId,
        Size = Size,
        Share = (double)Size / population.Size,
        Conversions = Conversions,
        ConversionRate = ConversionRate,
        Revenue = Revenue,
        Orders = Orders,
        AverageOrderValue = Orders == 0 ? null : Revenue / Orders,
        Retained = Retained,
        RetentionRate = (double)Retained / Size,
        ConversionLift = population.Conversions == 0 ? null : ConversionRate / population.ConversionRate,
    };
}
