using System.Globalization;

namespace Segmentation.Cli;

/// <summary>The output formats.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>The parsed command line.</summary>
internal sealed record CliOptions
{
    public static readonly DateTime DefaultAsOf = new(1997, 9, 30, 0, 0, 0, DateTimeKind.Utc);

    public const decimal DefaultHighValue = 250m;

    public const string Usage = """
        Usage: segmentation [options]

        Segments a purchase log with the starter catalog and RFM, and reports segment sizes, overlaps and the RFM grid.
        Without --file it runs on the embedded CDNOW log (23,570 customers, 1997-01 .. 1998-06).

        Options:
          --file <path>          A CDNOW log (whitespace-separated) or, for *.csv, a CSV with a header naming
                                 customer_id, date (yyyy-MM-dd or yyyyMMdd), amount and optionally quantity.
          --delimiter <char>     The field delimiter of a CSV log: one character, or "tab". Default ",".
          --ignore-unknown-columns   Ignore CSV columns other than customer_id, date, amount and quantity
                                 (by default an unknown column is an error, so a misspelt column is not silently dropped).
          --as-of <yyyy-MM-dd>   The evaluation date; later purchases are invisible to the segments. Default 1997-09-30.
          --format <table|json|csv>   Output format; json and csv go to standard output without colours. Default table.
          --high-value <amount>  Spend in the last 365 days that makes a customer high-value. Default 250.
          -h, --help             Shows this help.
        """;

    public string? File { get; init; }

    public char Delimiter { get; init; } = ',';

    public bool IgnoreUnknownColumns { get; init; }

    public DateTime AsOf { get; init; } = DefaultAsOf;

    public OutputFormat Format { get; init; } = OutputFormat.Table;

    public decimal HighValue { get; init; } = DefaultHighValue;

    public bool Help { get; init; }

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "-h" or "--help" or "-?" => options with { Help = true },
                "--file" => options with { File = Value(args, ref i) },
                "--delimiter" => options with { Delimiter = ParseDelimiter(Value(args, ref i)) },
                "--ignore-unknown-columns" => options with { IgnoreUnknownColumns = true },
                "--as-of" => options with { AsOf = ParseDate(Value(args, ref i)) },
                "--format" => options with { Format = ParseFormat(Value(args, ref i)) },
                "--high-value" => options with { HighValue = ParseAmount(Value(args, ref i)) },
                var other => throw new CliException($"unknown option '{other}' (try --help)"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        if (++i >= args.Count || args[i].StartsWith("--", StringComparison.Ordinal))
            throw new CliException($"option {name} needs a value (try --help)");
        return args[i];
    }

    private static DateTime ParseDate(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : throw new CliException($"--as-of '{text}' is not a date in the form yyyy-MM-dd");

    private static char ParseDelimiter(string text) => text switch
    {
        "tab" or "\\t" => '\t',
        { Length: 1 } when text[0] is not ('"' or '\r' or '\n') => text[0],
        _ => throw new CliException($"--delimiter '{text}' is not one character (or tab) other than a quote or a line break"),
    };

    private static OutputFormat ParseFormat(string text) =>
        Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, out _)
            ? format
            : throw new CliException($"--format '{text}' is not one of table, json, csv");

    private static decimal ParseAmount(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? amount
            : throw new CliException($"--high-value '{text}' is not a non-negative amount such as 250 or 99.50");
}
