namespace Segmentation.Testing;

/// <summary>A decision table as read from its file, before its cells are interpreted.</summary>
/// <param name="Header">The column names, in order.</param>
/// <param name="HeaderLine">The 1-based line of the header (CSV) or of the array (JSON).</param>
/// <param name="Rows">The rows, in order.</param>
internal sealed record RawTable(IReadOnlyList<string> Header, int HeaderLine, IReadOnlyList<RawRow> Rows);

/// <summary>One row as read from its file.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Values">One cell per column; <see langword="null"/> for a JSON null or a missing key.</param>
internal sealed record RawRow(int Line, IReadOnlyList<string?> Values);
