using System.Globalization;

namespace Segmentation.Testing;

/// <summary>Counts in messages, singular or plural.</summary>
internal static class Plural
{
    public static string Rows(int count) => count == 1 ? "1 row" : count.ToString("N0", CultureInfo.InvariantCulture) + " rows";
}
