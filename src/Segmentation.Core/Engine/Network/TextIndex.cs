using System.Linq.Expressions;
using System.Collections.Frozen;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Resolves every set-membership condition on one text field with a single lookup: the field is read once and the
/// value maps to the conditions whose sets contain it; every other condition on the field is false.
/// </summary>
internal sealed class TextIndex<TProfile>(Func<TProfile, string?> selector, LambdaExpression source, string text)
{
    private readonly List<(TextSetNode<TProfile> Node, IReadOnlyList<string> Values)> members = [];
    private FrozenDictionary<string, int[]> lookup = FrozenDictionary<string, int[]>.Empty;
    private FrozenDictionary<string, bool[]> positions = FrozenDictionary<string, bool[]>.Empty;
    private bool[] none = [];
    private int[] all = [];

    /// <summary>The field's selector as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public void Add(TextSetNode<TProfile> node, IReadOnlyList<string> values)
    {
        node.Position = members.Count;
        members.Add((node, values));
    }

    public void Freeze(StringComparer comparer)
    {
        all = [.. members.Select(m => m.Node.Index)];
        none = new bool[members.Count];
        var byValue = members
            .SelectMany(m => m.Values.Select(v => (Value: v, m.Node)))
            .GroupBy(p => p.Value, comparer)
            .ToArray();
        lookup = byValue.ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Node.Index).ToArray(), comparer);
        positions = byValue.ToFrozenDictionary(
            g => g.Key,
            g =>
            {
                var hits = new bool[members.Count];
                foreach (var (_, node) in g)
                {
                    hits[node.Position] = true;
                }

                return hits;
            },
            comparer);
    }

    /// <summary>For a field value, which of the index's sets contain it, by <see cref="TextSetNode{TProfile}.Position"/>.</summary>
    public bool[] Match(string? value) => value is not null && positions.TryGetValue(value, out var hits) ? hits : none;

    public void Resolve(Frame<TProfile> frame)
    {
        string? value;
        try
        {
            value = selector(frame.Profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var fault = new FaultInfo(text, ex);
            foreach (var index in all)
            {
                frame.Conditions[index] = Tri.Fault;
                frame.ConditionFaults[index] = fault;
            }

            frame.HasFaults = true;
            return;
        }

        foreach (var index in all)
        {
            frame.Conditions[index] = Tri.False;
        }

        if (value is not null && lookup.TryGetValue(value, out var matches))
        {
            foreach (var index in matches)
            {
                frame.Conditions[index] = Tri.True;
            }
        }
    }
}
