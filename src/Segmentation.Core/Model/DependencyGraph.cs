namespace Segmentation.Core.Model;

/// <summary>
/// The dependencies between a catalog's definitions: segments, groups, group members and scores, each a node that
/// depends on the ids its conditions reference. A group member depends on its group.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> edges;

    private DependencyGraph(Dictionary<string, IReadOnlyList<string>> edges, IReadOnlyDictionary<string, string> paths)
    {
        this.edges = edges;
        Paths = paths;
    }

    /// <summary>Each node's path in the catalog, such as <c>segments[vip]</c>.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>The nodes in definition order.</summary>
    public IEnumerable<string> Nodes => edges.Keys;

    /// <summary>Builds the graph of a catalog (the first definition wins when ids repeat).</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The graph.</returns>
    public static DependencyGraph Of<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var edges = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string id, string path, IReadOnlyList<string> dependsOn)
        {
            if (!string.IsNullOrEmpty(id) && edges.TryAdd(id, dependsOn))
            {
                paths[id] = path;
            }
        }

        foreach (var segment in catalog.Segments)
        {
            Add(segment.Id, $"segments[{segment.Id}]", ConditionReferences.Of(segment.Conditions));
        }

        foreach (var group in catalog.Groups)
        {
            Add(group.Id, $"groups[{group.Id}]", ConditionReferences.Of(group.Members.SelectMany(m => m.Conditions)));
            foreach (var member in group.Members)
            {
                Add(member.Id, $"groups[{group.Id}].members[{member.Id}]", [group.Id]);
            }
        }

        foreach (var score in catalog.Scores)
        {
            Add(score.Id, $"scores[{score.Id}]", ConditionReferences.Of(score.Terms.Select(t => t.Condition)));
        }

        return new DependencyGraph(edges, paths);
    }

    /// <summary>The ids a node depends on directly (only those that exist in the graph).</summary>
    /// <param name="id">The node.</param>
    /// <returns>The dependencies.</returns>
    public IReadOnlyList<string> DependenciesOf(string id) =>
        edges.TryGetValue(id, out var dependsOn) ? dependsOn.Where(edges.ContainsKey).ToArray() : [];

    /// <summary>Finds every reference cycle, each as the ids along it with the first repeated at the end.</summary>
    /// <returns>The cycles; empty for a DAG.</returns>
    public IReadOnlyList<IReadOnlyList<string>> FindCycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var node in edges.Keys)
        {
            Visit(node, state, stack, cycles);
        }

        return cycles;
    }

    /// <summary>Assigns each node a stratum: 0 for nodes without dependencies, else one more than its deepest dependency.</summary>
    /// <returns>The strata; only meaningful for a graph without cycles.</returns>
    public IReadOnlyDictionary<string, int> Strata()
    {
        var strata = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string id, int guard)
        {
            if (strata.TryGetValue(id, out var known))
            {
                return known;
            }

            var depth = guard > edges.Count ? 0 : DependenciesOf(id).Select(d => Depth(d, guard + 1) + 1).DefaultIfEmpty(0).Max();
            strata[id] = depth;
            return depth;
        }

        foreach (var node in edges.Keys)
        {
            Depth(node, 0);
        }

        return strata;
    }

    private void Visit(string node, Dictionary<string, int> state, List<string> stack, List<IReadOnlyList<string>> cycles)
    {
        if (state.GetValueOrDefault(node) == 2)
        {
            return;
        }

        if (state.GetValueOrDefault(node) == 1)
        {
            cycles.Add([.. stack.Skip(stack.IndexOf(node)), node]);
            return;
        }

        state[node] = 1;
        stack.Add(node);
        foreach (var next in DependenciesOf(node))
        {
            Visit(next, state, stack, cycles);
        }

        stack.RemoveAt(stack.Count - 1);
        state[node] = 2;
    }
}
