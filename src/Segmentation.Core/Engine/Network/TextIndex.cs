using System.Collections.Frozen;
using System.Linq.Expressions;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Resolves every set-membership condition on one text field with a single lookup: the field is read once and the
/// value maps to the conditions whose sets contain it; every other condition on the field is false.
/// </summary>
internal sealed class TextIndex<TProfile>(Func<TProfile, string?> selector, LambdaExpression source, string text)
{
    private readonly List<(TextSetNode<TProfile> Node, IReadOnlyList<string> Values)> members = [];
    private FrozenDictionary<string, bool[]> hitsByValue = FrozenDictionary<string, bool[]>.Empty;
    private bool[] none = [];
    /// <summary>The node index of each member, by position.</summary>
    private int[] all = [];

    /// <summary>The field's selector as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    /// <summary>This index's number in its network (0..n-1): where generated code keeps its answer for the profile in the frame.</summary>
    public int Number { get; init; }

    public void Add(TextSetNode<TProfile> node, IReadOnlyList<string> values)
    {
        node.Position = members.Count;
        members.Add((node, values));
    }

    public void Freeze(StringComparer comparer)
    {
        all = [.. members.Select(m => m.Node.Index)];
        none = new bool[members.Count];
        hitsByValue = members
            .SelectMany(m => m.Values.Select(v => (Value: v, m.Node)))
            .GroupBy(p => p.Value, comparer)
            .ToFrozenDictionary(g => g.Key, g => Hits(g.Select(p => p.Node)), comparer);
    }

    private bool[] Hits(IEnumerable<TextSetNode<TProfile>> nodes)
    {
        var hits = new bool[members.Count];
        foreach (var node in nodes)
        {
            hits[node.Position] = true;
        }

        return hits;
    }

    /// <summary>For a field value, which of the index's sets contain it, by <see cref="TextSetNode{TProfile}.Position"/>.</summary>
    public bool[] Match(string? value) => value is not null && hitsByValue.TryGetValue(value, out var hits) ? hits : none;

    /// <summary>
    /// <see cref="Match"/> never inlined, for chunks compiled once without profile data, where inlining it only costs JIT
    /// time (the dictionary's lookup stays a virtual call); chunks the runtime tiers up call <see cref="Match"/>, which
    /// profile-guided optimization inlines with the dictionary's lookup.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public bool[] MatchOutOfLine(string? value) => Match(value);

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
                frame.Conditions[index] = ConditionState.Faulted;
                frame.ConditionFaults[index] = fault;
            }

            frame.HasFaults = true;
            return;
        }

        var hits = Match(value);
        for (var i = 0; i < all.Length; i++)
        {
            frame.Conditions[all[i]] = hits[i] ? ConditionState.True : ConditionState.False;
        }
    }
}
