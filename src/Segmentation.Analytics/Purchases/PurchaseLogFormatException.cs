namespace Segmentation.Analytics.Purchases;

/// <summary>Thrown when a purchase log cannot be read: the message names the source, the 1-based line and the reason.</summary>
public sealed class PurchaseLogFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a line of a source.</summary>
    /// <param name="sourceName">The file name or source name of the log.</param>
    /// <param name="lineNumber">The 1-based line number where the problem was found.</param>
    /// <param name="reason">What is wrong with the line.</param>
    public PurchaseLogFormatException(string sourceName, int lineNumber, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sourceName} line {lineNumber}: {reason}"))
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>Gets the file name or source name of the log.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line number where the problem was found.</summary>
    public int LineNumber { get; }

    /// <summary>Gets what is wrong with the line, without the source and line prefix.</summary>
    public string Reason { get; }
}
