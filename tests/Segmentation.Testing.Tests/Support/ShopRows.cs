namespace Segmentation.Testing.Tests.Support;

/// <summary>Maps a decision-table row: <c>orders</c> orders 30 days apart, the latest at <c>lastOrder</c>.</summary>
public static class ShopRows
{
    public static Customer Map(DecisionRow row) => new()
    {
        Id = row.Name ?? $"row {row.Number}",
        Nps = row.Int32OrNull("nps"),
        Orders = [.. Enumerable.Range(0, row.Int32OrNull("orders") ?? 0).Select(i => new Order(row.Date("lastOrder").AddDays(-30 * i), row.DecimalOrNull("amount") ?? 10m))],
    };

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}
