using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal static class CatalogRules
{
    public static IEnumerable<(string Path, string Message)> Check<TProfile>(CatalogDefinition<TProfile> catalog, EntryNames names)
    {
        // The first entry with each id: the one the dependency graph keeps, so the one a cycle is reported at.
        var first = new Dictionary<string, (string Path, string Position)>(StringComparer.Ordinal);
        foreach (var (id, path, position) in Identities(catalog, names))
        {
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!first.TryAdd(id, (path, position)))
            {
                yield return (path, $"duplicate id '{IdCharacters.Escape(id)}' used by both {first[id].Position} and {position} (positions in definition order)");
            }
        }

        foreach (var cycle in DependencyGraph.Of(catalog).FindCycles())
        {
            yield return (first[cycle[0]].Path, $"reference cycle: {string.Join(" -> ", cycle.Select(IdCharacters.Escape))}");
        }
    }

    /// <summary>Every id with its path (as other errors name it: by id, unless it repeats in its list) and its position path (by index, unambiguous).</summary>
    private static IEnumerable<(string Id, string Path, string Position)> Identities<TProfile>(CatalogDefinition<TProfile> catalog, EntryNames names)
    {
        for (var i = 0; i < catalog.Segments.Count; i++)
        {
            var segment = catalog.Segments[i];
            yield return (segment.Id, $"segments{names.Index(catalog.Segments, s => s.Id, segment.Id, i)}", $"segments[{i}]");
        }

        for (var g = 0; g < catalog.Groups.Count; g++)
        {
            var group = catalog.Groups[g];
            var groupPath = $"groups{names.Index(catalog.Groups, x => x.Id, group.Id, g)}";
            yield return (group.Id, groupPath, $"groups[{g}]");
            for (var m = 0; m < group.Members.Count; m++)
            {
                var member = group.Members[m];
                yield return (member.Id, $"{groupPath}.members{names.Index(group.Members, x => x.Id, member.Id, m)}", $"groups[{g}].members[{m}]");
            }
        }

        for (var i = 0; i < catalog.Scores.Count; i++)
        {
            var score = catalog.Scores[i];
            yield return (score.Id, $"scores{names.Index(catalog.Scores, x => x.Id, score.Id, i)}", $"scores[{i}]");
        }
    }
}
