using System.Reflection;
using Segmentation.Analytics.Purchases;

namespace Segmentation.Cli;

/// <summary>Reads the purchase log the CLI segments: a file (CDNOW format, or CSV by extension) or the embedded CDNOW log.</summary>
internal static class PurchaseLogSource
{
    public const string EmbeddedName = "CDNOW_master.txt (embedded)";

    private const string ResourceName = "Segmentation.Cli.Data.CDNOW_master.txt";

    /// <summary>Reads the records.</summary>
    /// <param name="path">The file, or <see langword="null"/> for the embedded CDNOW log.</param>
    /// <returns>The records and the name of their source.</returns>
    /// <exception cref="CliException">The file is missing or unreadable.</exception>
    /// <exception cref="PurchaseLogFormatException">A line is malformed; the message names the file and line.</exception>
    public static (IReadOnlyList<PurchaseRecord> Records, string SourceName) Read(string? path)
    {
        if (path is null)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                ?? throw new CliException($"the embedded resource {ResourceName} is missing from this build");
            using var reader = new StreamReader(stream);
            return (PurchaseLogReader.ReadCdnow(reader, EmbeddedName), EmbeddedName);
        }

        if (Directory.Exists(path))
            throw new CliException($"{path} is a directory, not a purchase log file");
        if (!File.Exists(path))
            throw new CliException($"file not found: {path}");

        try
        {
            var records = IsCsv(path) ? PurchaseLogReader.ReadCsv(path) : PurchaseLogReader.ReadCdnow(path);
            return (records, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static bool IsCsv(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);
}
