using System.Globalization;

namespace Segmentation.Core.Validation;

/// <summary>
/// How a path names an entry of a definition list: by its id (<c>segments[vip]</c>), or by its position
/// (<c>segments[3]</c>) where the id cannot name it — missing or unprintable, or shared with another entry of the same
/// list — so that every path leads to one entry. Should an id that is a number then read like the position of an entry
/// named by position (a segment <c>"1"</c> and a repeated id at position 1), every entry of that list is named by
/// position. An id shared with an entry of another list (a segment and a score both called <c>stage</c>) stays a name:
/// the lists' names tell them apart. Decided once per list.
/// </summary>
internal sealed class EntryNames
{
    private readonly Dictionary<object, Naming> byList = new(ReferenceEqualityComparer.Instance);

    /// <summary>The path index of entry <paramref name="position"/> of <paramref name="list"/>, whose id is <paramref name="id"/>.</summary>
    public string Index<T>(IReadOnlyList<T?> list, Func<T, string?> idOf, string? id, int position)
        where T : class =>
        IsName(list, idOf, id) ? $"[{id}]" : $"[{position}]";

    /// <summary>Whether the entry of <paramref name="list"/> whose id is <paramref name="id"/> is named by it.</summary>
    public bool IsName<T>(IReadOnlyList<T?> list, Func<T, string?> idOf, string? id)
        where T : class =>
        id is not null && Of(list, idOf).Names(id);

    private Naming Of<T>(IReadOnlyList<T?> list, Func<T, string?> idOf)
        where T : class
    {
        if (byList.TryGetValue(list, out var naming))
        {
            return naming;
        }

        var counts = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not null && idOf(item) is { } id && IdCharacters.IsPrintable(id))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        HashSet<int>? positions = null;
        for (var i = 0; i < list.Count; i++)
        {
            // An unprintable id was not counted.
            if (list[i] is not { } item || idOf(item) is not { } id || counts.GetValueOrDefault(id) != 1)
            {
                (positions ??= []).Add(i);
            }
        }

        naming = new Naming(counts, positions is not null && counts.Keys.Any(id => counts[id] == 1 && ReadsLikePosition(id, positions)));
        byList[list] = naming;
        return naming;
    }

    /// <summary>Whether <paramref name="id"/> is written as one of <paramref name="positions"/> would be.</summary>
    private static bool ReadsLikePosition(string id, HashSet<int> positions) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && positions.Contains(number)
        && string.Equals(number.ToString(CultureInfo.InvariantCulture), id, StringComparison.Ordinal);

    /// <summary>How many entries of a list have each printable id (an id that is not counted names nothing), and whether the list is named by position throughout.</summary>
    private sealed class Naming(Dictionary<string, int> counts, bool byPosition)
    {
        public bool Names(string id) => !byPosition && counts.GetValueOrDefault(id) == 1;
    }
}
