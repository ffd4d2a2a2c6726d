using System.Globalization;
using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>
/// One row of a <see cref="DecisionTable"/>: its as-of instant, its expectations, and the cells your mapper turns into a
/// profile with typed getters such as <see cref="Decimal"/> and <see cref="Date"/>. Column names are case-insensitive.
/// </summary>
public sealed class DecisionRow
{
    private readonly Dictionary<string, string?> cells;
    private readonly IReadOnlyList<Expectation> expectations;

    internal DecisionRow(string table, int number, int line, IReadOnlyList<string> columns, IReadOnlyList<string?> values)
    {
        Table = table;
        Number = number;
        Line = line;
        cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            cells[columns[i]] = values[i];
        }

        Name = NullIfEmpty(cells.GetValueOrDefault("name"));
        if (NullIfEmpty(cells.GetValueOrDefault("asOf")) is { } asOf)
        {
            AsOf = ParseInstant(asOf) ?? throw Error("asOf", $"'{asOf}' is not an instant: write an ISO 8601 date or date and time, such as 2026-11-01 or 2026-11-01T09:30:00Z.");
        }

        expectations = [.. columns.Select(c => Expectation.Parse(c, cells[c], message => Error(c, message))).OfType<Expectation>()];
    }

    /// <summary>The name of the table the row belongs to.</summary>
    public string Table { get; }

    /// <summary>The row's position among the table's rows, from 1 (the CSV header is not counted).</summary>
    public int Number { get; }

    /// <summary>The 1-based line of the table's text where the row starts.</summary>
    public int Line { get; }

    /// <summary>The row's <c>name</c> cell, if any.</summary>
    public string? Name { get; }

    /// <summary>The row's <c>asOf</c> cell; <see langword="null"/> evaluates as of the engine clock's current instant.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>Every column of the table, in order.</summary>
    public IReadOnlyCollection<string> Columns => cells.Keys;

    /// <summary>The row for messages: <c>row 3 (lapsed)</c>, or <c>row 3</c> when it has no name.</summary>
    public string Label => Name is null ? $"row {Number}" : $"row {Number} ({Name})";

    /// <summary>A cell's text, or <see langword="null"/> when the column is missing or the cell is empty.</summary>
    /// <param name="column">The column's name.</param>
    public string? this[string column] => NullIfEmpty(cells.GetValueOrDefault(column ?? throw new ArgumentNullException(nameof(column))));

    /// <summary>Whether the row has a non-empty cell in a column.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns><see langword="true"/> when the cell has a value.</returns>
    public bool Has(string column) => this[column] is not null;

    /// <summary>A required text cell.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing or empty.</exception>
    public string Text(string column) => this[column] ?? throw Missing(column);

    /// <summary>A required number cell (invariant culture: <c>1234.5</c>).</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing, empty or not a number.</exception>
    public decimal Decimal(string column) => DecimalOrNull(column) ?? throw Missing(column);

    /// <summary>An optional number cell.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The number, or <see langword="null"/> when the cell is missing or empty.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is not a number.</exception>
    public decimal? DecimalOrNull(string column) =>
        this[column] is not { } text ? null
        : decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value
        : throw Error(column, $"'{text}' is not a number.");

    /// <summary>A required whole-number cell.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing, empty or not a whole number.</exception>
    public int Int32(string column) => Int32OrNull(column) ?? throw Missing(column);

    /// <summary>An optional whole-number cell.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The number, or <see langword="null"/> when the cell is missing or empty.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is not a whole number.</exception>
    public int? Int32OrNull(string column) =>
        this[column] is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Error(column, $"'{text}' is not a whole number.");

    /// <summary>A required yes/no cell: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing, empty or not a yes/no value.</exception>
    public bool Boolean(string column)
    {
        var text = Text(column);
        return ParseBoolean(text) ?? throw Error(column, $"'{text}' is not true or false.");
    }

    /// <summary>
    /// A required date cell, as a UTC <see cref="DateTime"/>: an ISO 8601 date or date and time (<c>2026-10-01</c>,
    /// <c>2026-10-01T12:00:00Z</c>), or days relative to the row's as-of instant (<c>-30d</c>, <c>+1.5d</c>).
    /// </summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The date, in UTC.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing, empty or not a date.</exception>
    public DateTime Date(string column) => DateOrNull(column) ?? throw Missing(column);

    /// <summary>An optional date cell, as <see cref="Date"/> reads it.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The date in UTC, or <see langword="null"/> when the cell is missing or empty.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is not a date.</exception>
    public DateTime? DateOrNull(string column) => InstantOrNull(column)?.UtcDateTime;

    /// <summary>A required instant cell, read as <see cref="Date"/> reads dates.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is missing, empty or not an instant.</exception>
    public DateTimeOffset Instant(string column) => InstantOrNull(column) ?? throw Missing(column);

    /// <summary>An optional instant cell, read as <see cref="Date"/> reads dates.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The instant, or <see langword="null"/> when the cell is missing or empty.</returns>
    /// <exception cref="DecisionTableFormatException">The cell is not an instant, or is relative and the row has no as-of instant.</exception>
    public DateTimeOffset? InstantOrNull(string column)
    {
        if (this[column] is not { } text)
        {
            return null;
        }

        if (text.Length >= 2 && text[0] is '+' or '-' && text[^1] is 'd' or 'D')
        {
            return Relative(column, text);
        }

        return ParseInstant(text) ?? throw Error(column, $"'{text}' is not a date: write an ISO 8601 date (2026-10-01), date and time, or days relative to asOf (-30d).");
    }

    /// <summary>A list cell: items separated by <c>;</c> (a JSON array is read the same way), trimmed, empty items dropped.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>The items; empty when the cell is missing or empty.</returns>
    public IReadOnlyList<string> List(string column) => Split(this[column]);

    /// <summary>Evaluates the row: maps it to a profile, evaluates it as of <see cref="AsOf"/>, and checks every expectation.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="mapper">Turns the row into a profile.</param>
    /// <param name="coverage">Records the conditions the profile exercised, if given.</param>
    /// <returns>The outcome; a mapper that throws fails the row.</returns>
    public DecisionRowResult Run<TProfile>(ISegmentEngine<TProfile> engine, Func<DecisionRow, TProfile> mapper, ConditionCoverage<TProfile>? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(mapper);
        TProfile profile;
        try
        {
            profile = mapper(this);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new DecisionRowResult(this, null, [new DecisionMismatch("profile", "a profile", $"the mapper threw {ex.GetType().Name}: {ex.Message}", [])]);
        }

        if (profile is null)
        {
            return new DecisionRowResult(this, null, [new DecisionMismatch("profile", "a profile", "the mapper returned null", [])]);
        }

        var result = SegmentAssert.Evaluate(engine, profile, AsOf);
        coverage?.Record(profile, result.AsOf);
        return new DecisionRowResult(this, result, [.. expectations.Select(e => e.Check(engine, profile, result)).OfType<DecisionMismatch>()]);
    }

    /// <summary>The row's label, so test runners name theory cases after it.</summary>
    /// <returns><see cref="Label"/>.</returns>
    public override string ToString() => Label;

    internal static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static bool? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "in" => true,
        "false" or "no" or "n" or "0" or "out" => false,
        _ => null,
    };

    private DateTimeOffset Relative(string column, string text)
    {
        if (!decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days))
        {
            throw Error(column, $"'{text}' is not a number of days relative to asOf: write a sign, digits and d, such as -30d or +1.5d.");
        }

        if (AsOf is not { } asOf)
        {
            throw Error(column, $"'{text}' is relative to the as-of instant, but the row has no asOf.");
        }

        // 4,000,000 days exceed the whole DateTimeOffset range, so the product below cannot overflow.
        var ticks = Math.Abs(days) <= 4_000_000m ? Math.Round(days * TimeSpan.TicksPerDay) : decimal.MaxValue;
        var earliest = (decimal)(DateTimeOffset.MinValue.UtcTicks - asOf.UtcTicks);
        var latest = (decimal)(DateTimeOffset.MaxValue.UtcTicks - asOf.UtcTicks);
        return ticks >= earliest && ticks <= latest
            ? asOf.AddTicks((long)ticks)
            : throw Error(column, $"'{text}' is out of the range of dates as seen from asOf {SegmentAssert.Format(asOf)}.");
    }

    private static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private DecisionTableFormatException Missing(string column) =>
        Error(column, cells.ContainsKey(column) ? "the cell is empty." : "the table has no such column.");

    private DecisionTableFormatException Error(string column, string message) =>
        new(FormattableString.Invariant($"{Table} line {Line}, {Label}, column '{column}': {message}"));
}
