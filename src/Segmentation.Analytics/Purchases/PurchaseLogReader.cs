namespace Segmentation.Analytics.Purchases;

/// <summary>
/// Reads purchase logs into <see cref="PurchaseRecord"/> lists. Blank lines are skipped, CRLF and LF line endings are both
/// accepted, numbers and dates use the invariant culture, and any malformed line throws a
/// <see cref="PurchaseLogFormatException"/> naming the source, the 1-based line number and the reason.
/// </summary>
public static class PurchaseLogReader
{
    /// <summary>
    /// Reads a CDNOW log file, detecting its format from the first non-blank line: the sample format
    /// (five whitespace-separated columns <c>master_id sample_id yyyymmdd number_of_cds dollar_value</c>, no header;
    /// the customer key is <c>sample_id</c>) or the master format (four columns
    /// <c>customer_id date number_of_cds dollar_value</c>, with or without that header line).
    /// </summary>
    /// <param name="path">The path of the file; its file name is used as the source name in errors.</param>
    /// <returns>The records in file order.</returns>
    public static IReadOnlyList<PurchaseRecord> ReadCdnow(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = File.OpenText(path);
        return ReadCdnow(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a CDNOW log (sample or master format, detected from the first non-blank line) from a reader.</summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The name used in error messages, typically the file name.</param>
    /// <returns>The records in input order.</returns>
    public static IReadOnlyList<PurchaseRecord> ReadCdnow(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return CdnowLogParser.Parse(reader, sourceName);
    }

    /// <summary>Reads a CSV purchase log whose first non-blank line is a header of named columns.</summary>
    /// <param name="path">The path of the file; its file name is used as the source name in errors.</param>
    /// <param name="options">Column names and delimiter; <see langword="null"/> for the defaults.</param>
    /// <returns>The records in file order.</returns>
    public static IReadOnlyList<PurchaseRecord> ReadCsv(string path, CsvPurchaseLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = File.OpenText(path);
        return ReadCsv(reader, Path.GetFileName(path), options);
    }

    /// <summary>Reads a CSV purchase log whose first non-blank line is a header of named columns.</summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The name used in error messages, typically the file name.</param>
    /// <param name="options">Column names and delimiter; <see langword="null"/> for the defaults.</param>
    /// <returns>The records in input order.</returns>
    /// <exception cref="PurchaseLogFormatException">The log is empty, lacks a required column, or has a malformed line.</exception>
    public static IReadOnlyList<PurchaseRecord> ReadCsv(TextReader reader, string sourceName, CsvPurchaseLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return CsvLogParser.Parse(reader, sourceName, options ?? new CsvPurchaseLogOptions());
    }
}
