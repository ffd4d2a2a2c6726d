using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal static class CatalogRules
{
    public static IEnumerable<(string Path, string Message)> Check<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path, position) in Identities(catalog))
        {
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!seen.TryAdd(id, position))
            {
                yield return (path, $"duplicate id '{IdCharacters.Escape(id)}' used by both {seen[id]} and {position} (positions in definition order)");
            }
        }

        var graph = DependencyGraph.Of(catalog);
        foreach (var cycle in graph.FindCycles())
        {
            yield return (graph.Paths[cycle[0]], $"reference cycle: {string.Join(" -> ", cycle)}");
        }
    }

    /// <summary>Every id with its path (by id, as other errors name it) and its position path (by index, unambiguous).</summary>
    private static IEnumerable<(string Id, string Path, string Position)> Identities<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        for (var i = 0; i < catalog.Segments.Count; i++)
        {
            var segment = catalog.Segments[i];
            yield return (segment.Id, $"segments{IdCharacters.Index(segment.Id, i)}", $"segments[{i}]");
        }

        for (var g = 0; g < catalog.Groups.Count; g++)
        {
            var group = catalog.Groups[g];
            var groupPath = $"groups{IdCharacters.Index(group.Id, g)}";
            yield return (group.Id, groupPath, $"groups[{g}]");
            for (var m = 0; m < group.Members.Count; m++)
            {
                var member = group.Members[m];
                yield return (member.Id, $"{groupPath}.members{IdCharacters.Index(member.Id, m)}", $"groups[{g}].members[{m}]");
            }
        }

        for (var i = 0; i < catalog.Scores.Count; i++)
        {
            var score = catalog.Scores[i];
            yield return (score.Id, $"scores{IdCharacters.Index(score.Id, i)}", $"scores[{i}]");
        }
    }
}
