using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal static class CatalogRules
{
    public static IEnumerable<(string Path, string Message)> Check<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in Identities(catalog))
        {
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!seen.TryAdd(id, path))
            {
                yield return (path, $"duplicate id '{id}' (already used by {seen[id]})");
            }
        }

        var graph = DependencyGraph.Of(catalog);
        foreach (var cycle in graph.FindCycles())
        {
            yield return (graph.Paths[cycle[0]], $"reference cycle: {string.Join(" -> ", cycle)}");
        }
    }

    private static IEnumerable<(string Id, string Path)> Identities<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        foreach (var segment in catalog.Segments)
        {
            yield return (segment.Id, $"segments[{segment.Id}]");
        }

        foreach (var group in catalog.Groups)
        {
            yield return (group.Id, $"groups[{group.Id}]");
            foreach (var member in group.Members)
            {
                yield return (member.Id, $"groups[{group.Id}].members[{member.Id}]");
            }
        }

        foreach (var score in catalog.Scores)
        {
            yield return (score.Id, $"scores[{score.Id}]");
        }
    }
}
