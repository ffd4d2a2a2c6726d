
namespace Segmentation.Analytics.Tests.Purchases;

internal static class CdnowSample
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "cdnow", "CDNOW_sample.txt");

    private static readonly Lazy<IReadOnlyList<PurchaseRecord>> LazyRecords = new(() => PurchaseLogReader.ReadCdnow(Path));

    public static DateTime CalibrationEnd { get; } = new(1997, 9, 30, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<PurchaseRecord> Records => LazyRecords.Value;

    public static IReadOnlyList<PurchaseRecord> Of(string customerId) =>
        Records.Where(r => r.CustomerId == customerId).ToArray();

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);
}
