using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>
/// Example-based tests for a catalog, kept as data: one row per profile, from CSV (a header row, then one line per row)
/// or JSON (an array of objects). Column names are case-insensitive.
/// <list type="table">
/// <listheader><term>Column</term><description>Meaning</description></listheader>
/// <item><term><c>name</c></term><description>Optional; names the row in messages and test runners.</description></item>
/// <item><term><c>asOf</c></term><description>The as-of instant (ISO 8601; a date means midnight UTC). Empty: the engine clock.</description></item>
/// <item><term><c>expect</c></term><description>
/// The segments the profile is in, separated by <c>;</c> (or a JSON array): exactly these, out of every segment of the
/// catalog (groups and their members are not counted unless listed). An empty cell means "in no segment".
/// </description></item>
/// <item><term><c>expect:&lt;id&gt;</c></term><description><c>true</c> or <c>false</c>: membership in one segment, group or member. Empty: not checked.</description></item>
/// <item><term><c>member:&lt;group&gt;</c></term><description>The member the group chooses, or <c>none</c>. Empty: not checked.</description></item>
/// <item><term><c>score:&lt;score&gt;</c></term><description>The score: a number, or a bound such as <c>&gt;= 10</c>. Empty: not checked.</description></item>
/// <item><term><c>tier:&lt;score&gt;</c></term><description>The score's tier, or <c>none</c> for below the first tier. Empty: not checked.</description></item>
/// <item><term>anything else</term><description>Profile data, read by your mapper with <see cref="DecisionRow"/>'s typed getters.</description></item>
/// </list>
/// </summary>
public sealed class DecisionTable
{
    /// <summary>The name of a table parsed without one, in messages.</summary>
    private const string Unnamed = "unnamed";

    private DecisionTable(string name, RawTable table)
    {
        var columns = table.Header;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (seen.TryGetValue(column, out var first))
            {
                var spelling = string.Equals(first, column, StringComparison.Ordinal) ? "." : $" ('{first}' and '{column}'; names are case-insensitive).";
                throw new DecisionTableFormatException(FormattableString.Invariant($"{name} line {table.HeaderLine}: the column '{column}' appears twice{spelling}"));
            }

            seen.Add(column, column);
        }

        if (!columns.Any(Expectation.IsExpectationColumn))
        {
            throw new DecisionTableFormatException(FormattableString.Invariant(
                $"{name} line {table.HeaderLine}: no column states an expectation; add expect, expect:<id>, member:<group>, score:<score> or tier:<score>."));
        }

        Name = name;
        Columns = columns;
        Rows = [.. table.Rows.Select((row, i) => new DecisionRow(name, i + 1, row.Line, columns, row.Values))];
    }

    /// <summary>The table's name, for messages: the file name, or the name it was parsed with.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<DecisionRow> Rows { get; }

    /// <summary>Parses a CSV table (RFC 4180: a header row, commas, quoted fields with doubled quotes; blank lines skipped).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="name">The table's name for messages, typically its file name. The default value is <c>unnamed</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DecisionTableFormatException">The text is not a decision table, or an expectation cell cannot be read; the message names the table and the line.</exception>
    public static DecisionTable ParseCsv(string csv, string name = Unnamed)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(name);
        return new DecisionTable(name, CsvTable.Parse(csv, name));
    }

    /// <summary>Parses a JSON table: an array of flat objects, one per row; arrays are read as <c>;</c>-separated lists.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The table's name for messages, typically its file name. The default value is <c>unnamed</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DecisionTableFormatException">
    /// The text is not a decision table (malformed JSON, a row that is not an object, a key twice in a row, keys being
    /// case-insensitive), or an expectation cell cannot be read; the message names the table and the line.
    /// </exception>
    public static DecisionTable ParseJson(string json, string name = Unnamed)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        return new DecisionTable(name, JsonTable.Parse(json, name));
    }

    /// <summary>Loads a <c>.csv</c> or <c>.json</c> table file, named after the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DecisionTableFormatException">The file is not a decision table, or its extension is neither .csv nor .json.</exception>
    public static DecisionTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ParseCsv(text, name),
            ".JSON" => ParseJson(text, name),
            _ => throw new DecisionTableFormatException($"{name}: a decision table file ends in .csv or .json."),
        };
    }

    /// <summary>
    /// The rows as test-case data, one <see cref="DecisionRow"/> per case, for data-driven tests in any framework
    /// (xUnit: <c>public static IEnumerable&lt;object[]&gt; Rows =&gt; Table.AsTheoryData();</c> with <c>[MemberData(nameof(Rows))]</c>).
    /// </summary>
    /// <returns>One single-element array per row.</returns>
    public IEnumerable<object[]> AsTheoryData() => Rows.Select(row => new object[] { row });

    /// <summary>Runs every row: maps it to a profile, evaluates it, and checks its expectations.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="mapper">Turns a row into a profile.</param>
    /// <param name="coverage">Records the conditions the rows exercised, if given.</param>
    /// <returns>Every row's outcome; call <see cref="DecisionTableResult.ThrowIfFailed"/> to fail a test.</returns>
    public DecisionTableResult Run<TProfile>(ISegmentEngine<TProfile> engine, Func<DecisionRow, TProfile> mapper, ConditionCoverage<TProfile>? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(mapper);
        return new DecisionTableResult(Name, [.. Rows.Select(row => row.Run(engine, mapper, coverage))]);
    }

    /// <summary>Names the table and its size.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({Plural.Rows(Rows.Count)})";
}
