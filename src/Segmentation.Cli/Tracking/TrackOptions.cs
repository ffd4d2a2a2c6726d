using System.Globalization;

namespace Segmentation.Cli.Tracking;

/// <summary>The options of <c>track</c>: replay a purchase log into a SQLite membership store, one tracking run per instant.</summary>
internal sealed record TrackOptions
{
    public const string Usage = """
        usage: segmentation track [--store <file>] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--every day|week|month] [--file <path>] [--high-value <amount>]

          Replays the purchase log (the embedded CDNOW log by default) into a SQLite membership store: one tracking run
          per instant from --from to --to, printing entries, exits and moves per instant and the segments' sizes over time.
          Runs already in the store are not repeated: running the command twice adds nothing the second time.

          --store       the SQLite file (default segments.db)
          --from, --to  the first and last instant (default 1997-01-01 to 1998-06-30)
          --every       the step between instants (default week)
          --file        another purchase log (CDNOW format, or CSV by extension)
          --high-value  spend in the last 365 days that makes a customer high-value (default 250)
        """;

    public string Store { get; init; } = "segments.db";

    public DateTimeOffset From { get; init; } = new(1997, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset To { get; init; } = new(1998, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public string Every { get; init; } = "week";

    public string? File { get; init; }

    public decimal HighValue { get; init; } = CliOptions.DefaultHighValue;

    public bool Help { get; init; }

    /// <summary>Parses the arguments after <c>track</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CliException">An argument is unknown, lacks its value or has a bad value.</exception>
    public static TrackOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TrackOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--store" => options with { Store = Value(args, ref i) },
                "--from" => options with { From = Date(Value(args, ref i)) },
                "--to" => options with { To = Date(Value(args, ref i)) },
                "--every" => options with { Every = Step(Value(args, ref i)) },
                "--file" => options with { File = Value(args, ref i) },
                "--high-value" => options with { HighValue = Amount(Value(args, ref i)) },
                "--help" or "-h" => options with { Help = true },
                var other => throw new CliException($"track: unknown argument '{other}' (see segmentation track --help)"),
            };
        }

        return options.From > options.To ? throw new CliException($"track: --from {options.From:yyyy-MM-dd} is after --to {options.To:yyyy-MM-dd}") : options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new CliException($"track: {args[i - 1]} needs a value");

    private static DateTimeOffset Date(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.Ticks, TimeSpan.Zero)
            : throw new CliException($"track: '{text}' is not a date (yyyy-MM-dd)");

    private static string Step(string text) =>
        text is "day" or "week" or "month" ? text : throw new CliException($"track: --every must be day, week or month, not '{text}'");

    private static decimal Amount(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? amount
            : throw new CliException($"track: '{text}' is not a non-negative amount");
}
