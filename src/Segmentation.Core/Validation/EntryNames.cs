namespace Segmentation.Core.Validation;

/// <summary>
/// How a path names an entry of a definition list: by its id (<c>segments[vip]</c>) when the id is printable and no
/// other entry of the same list has it, else by its position (<c>segments[3]</c>), so that every path leads to one entry.
/// An id shared with an entry of another list (a segment and a score both called <c>stage</c>) stays a name: the lists'
/// names tell them apart.
/// </summary>
internal sealed class EntryNames
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);
    private readonly Dictionary<object, HashSet<string>> repeatedByList = new(ReferenceEqualityComparer.Instance);

    /// <summary>The path index of entry <paramref name="position"/> of <paramref name="list"/>, whose id is <paramref name="id"/>.</summary>
    public string Index<T>(IReadOnlyList<T?> list, Func<T, string?> idOf, string? id, int position)
        where T : class =>
        IsRepeated(list, idOf, id) ? $"[{position}]" : IdCharacters.Index(id, position);

    /// <summary>Whether another entry of <paramref name="list"/> has the id <paramref name="id"/> too.</summary>
    public bool IsRepeated<T>(IReadOnlyList<T?> list, Func<T, string?> idOf, string? id)
        where T : class =>
        id is not null && Repeated(list, idOf).Contains(id);

    /// <summary>The ids two or more entries of <paramref name="list"/> have (null entries skipped), found once per list.</summary>
    private HashSet<string> Repeated<T>(IReadOnlyList<T?> list, Func<T, string?> idOf)
        where T : class
    {
        if (repeatedByList.TryGetValue(list, out var repeated))
        {
            return repeated;
        }

        HashSet<string>? seen = null;
        repeated = None;
        foreach (var item in list)
        {
            if (item is not null && idOf(item) is { } id && !(seen ??= new(StringComparer.Ordinal)).Add(id))
            {
                if (ReferenceEquals(repeated, None))
                {
                    repeated = new(StringComparer.Ordinal);
                }

                repeated.Add(id);
            }
        }

        repeatedByList[list] = repeated;
        return repeated;
    }
}
