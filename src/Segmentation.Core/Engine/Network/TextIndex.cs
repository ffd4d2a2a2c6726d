using System.Collections.Frozen;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Resolves every set-membership condition on one text field with a single lookup: the field is read once and the
/// value maps to the conditions whose sets contain it; every other condition on the field is false.
/// </summary>
internal sealed class TextIndex<TProfile>(Func<TProfile, string?> selector, string text)
{
    private readonly List<(TextSetNode<TProfile> Node, IReadOnlyList<string> Values)> members = [];
    private FrozenDictionary<string, int[]> lookup = FrozenDictionary<string, int[]>.Empty;
    private int[] all = [];

    public void Add(TextSetNode<TProfile> node, IReadOnlyList<string> values) => members.Add((node, values));

    public void Freeze(StringComparer comparer)
    {
        all = [.. members.Select(m => m.Node.Index)];
        lookup = members
            .SelectMany(m => m.Values.Select(v => (Value: v, m.Node.Index)))
            .GroupBy(p => p.Value, comparer)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray(), comparer);
    }

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
