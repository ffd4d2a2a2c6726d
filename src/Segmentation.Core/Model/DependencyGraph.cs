namespace Segmentation.Core.Model;

/// <summary>
/// The dependencies between a catalog's definitions: segments, groups, group members and scores, each a node that
/// depends on the ids its conditions reference. A group member depends on its group.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> edges;

    private DependencyGraph(Dictionary<string, IReadOnlyList<string>> edges) => this.edges = edges;

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
        void Add(string id, IReadOnlyList<string> dependsOn)
        {
            if (!string.IsNullOrEmpty(id))
            {
                edges.TryAdd(id, dependsOn);
            }
        }

        foreach (var segment in catalog.Segments)
        {
            Add(segment.Id, ConditionReferences.Of(segment.Conditions));
        }

        foreach (var group in catalog.Groups)
        {
            Add(group.Id, ConditionReferences.Of(group.Members.SelectMany(m => m.Conditions)));
            foreach (var member in group.Members)
            {
                Add(member.Id, [group.Id]);
            }
        }

        foreach (var score in catalog.Scores)
        {
            Add(score.Id, ConditionReferences.Of(score.Terms.Select(t => t.Condition)));
        }

        return new DependencyGraph(edges);
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
        // A depth-first search with an explicit stack (a chain of references may be as long as the catalog).
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var next = new List<int>();
        var dependencies = new List<IReadOnlyList<string>>();
        foreach (var root in edges.Keys)
        {
            if (state.GetValueOrDefault(root) != 0)
            {
                continue;
            }

            Enter(root);
            while (path.Count > 0)
            {
                var top = path.Count - 1;
                if (next[top] == dependencies[top].Count)
                {
                    state[path[top]] = 2;
                    path.RemoveAt(top);
                    next.RemoveAt(top);
                    dependencies.RemoveAt(top);
                    continue;
                }

                var dependency = dependencies[top][next[top]++];
                switch (state.GetValueOrDefault(dependency))
                {
                    case 0:
                        Enter(dependency);
                        break;
                    case 1:
                        cycles.Add([.. path.Skip(path.IndexOf(dependency)), dependency]);
                        break;
                }
            }
        }

        return cycles;

        void Enter(string node)
        {
            state[node] = 1;
            path.Add(node);
            next.Add(0);
            dependencies.Add(DependenciesOf(node));
        }
    }

    /// <summary>Assigns each node a stratum: 0 for nodes without dependencies, else one more than its deepest dependency.</summary>
    /// <returns>The strata; only meaningful for a graph without cycles (a dependency closing a cycle counts as stratum 0).</returns>
    public IReadOnlyDictionary<string, int> Strata()
    {
        var strata = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var root in edges.Keys)
        {
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Peek();
                if (strata.ContainsKey(node))
                {
                    pending.Pop();
                    continue;
                }

                var dependencies = DependenciesOf(node);
                if (open.Add(node))
                {
                    foreach (var dependency in dependencies.Where(d => !strata.ContainsKey(d) && !open.Contains(d)))
                    {
                        pending.Push(dependency);
                    }

                    continue;
                }

                pending.Pop();
                open.Remove(node);
                strata[node] = dependencies.Select(d => strata.TryGetValue(d, out var depth) ? depth + 1 : 0).DefaultIfEmpty(0).Max();
            }
        }

        return strata;
    }
}
