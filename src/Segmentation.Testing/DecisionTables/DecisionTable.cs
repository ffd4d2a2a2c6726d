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
    private DecisionTable(string name, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        if (columns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            throw new DecisionTableFormatException($"{name}: a column name appears twice (names are case-insensitive).");
        }

        if (!columns.Any(Expectation.IsExpectationColumn))
        {
            throw new DecisionTableFormatException($"{name}: no column states an expectation; add expect, expect:<id>, member:<group>, score:<score> or tier:<score>.");
        }

        Name = name;
        Columns = columns;
        Rows = [.. rows.Select((values, i) => new DecisionRow(name, i + 1, columns, values))];
    }

    /// <summary>The table's name, for messages: the file name, or the name it was parsed with.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<DecisionRow> Rows { get; }

    /// <summary>Parses a CSV table (RFC 4180: a header row, commas, quoted fields with doubled quotes; blank lines skipped).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="name">The table's name for messages. The default value is <c>table</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DecisionTableFormatException">The text is not a decision table, or an expectation cell cannot be read.</exception>
    public static DecisionTable ParseCsv(string csv, string name = "table")
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(name);
        var (header, rows) = CsvTable.Parse(csv);
        return new DecisionTable(name, header, rows);
    }

    /// <summary>Parses a JSON table: an array of flat objects, one per row; arrays are read as <c>;</c>-separated lists.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">The table's name for messages. The default value is <c>table</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DecisionTableFormatException">The text is not a decision table, or an expectation cell cannot be read.</exception>
    public static DecisionTable ParseJson(string json, string name = "table")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        var (header, rows) = JsonTable.Parse(json);
        return new DecisionTable(name, header, rows);
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
    public override string ToString() => $"{Name} ({Rows.Count} rows)";
}
