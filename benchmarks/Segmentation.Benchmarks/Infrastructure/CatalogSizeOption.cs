using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>Checks a command-line catalog size: the reference workload's segments plus synthetic ones.</summary>
public static class CatalogSizeOption
{
    /// <summary>Whether <paramref name="segments"/> is a catalog size; if not, says so on standard error.</summary>
    /// <param name="option">The option it was given with (for the message).</param>
    /// <param name="segments">The size.</param>
    /// <returns><see langword="true"/> when it is at least the number of reference segments.</returns>
    public static bool IsValid(string option, int segments)
    {
        if (segments >= HandWrittenSegments.Count)
        {
            return true;
        }

        Console.Error.WriteLine($"{option} takes a catalog size of at least {HandWrittenSegments.Count} (the reference segments plus synthetic ones); got {segments}.");
        return false;
    }
}
