using System.Linq.Expressions;
using System.Reflection;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The order in which generated code scans the collections one unit needs: the order their members are declared in the
/// profile type. Object initializers, deserializers and mappers usually fill a profile's members in that order, so its
/// collections' items lie in memory in that order too, and scanning them in it lets the processor's prefetcher stream
/// the profile's facts instead of jumping back (with customers in memory one after the other, scanning a later
/// collection first measured 8–15 % slower per profile; see the README). The order never changes results: a scan only
/// fills accumulators.
/// </summary>
internal static class DeclarationOrder
{
    /// <summary>
    /// Each collection's rank, by collection index: the order of the members the collections read, when every
    /// collection is a field, or every one a property, of the profile declared in one module (metadata tokens follow
    /// declaration order); otherwise, or where members have no metadata tokens (NativeAOT, which runs no generated
    /// code), every rank is 0, and the order the units first need them in stays.
    /// </summary>
    public static int[] Ranks(IReadOnlyList<DatedCollectionDefinition> collections)
    {
        var members = collections.Select(c => MemberOf(c.Items)).ToArray();
        if (members.Length < 2
            || members.Any(m => m is null || !m.HasMetadataToken())
            || members.Select(m => (m!.Module, m.MemberType)).Distinct().Count() != 1)
        {
            return new int[members.Length];
        }

        var ranks = new int[members.Length];
        var order = members.Select((m, i) => (m!.MetadataToken, Index: i)).OrderBy(p => p.MetadataToken).ToArray();
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank].Index] = rank;
        }

        return ranks;
    }

    /// <summary>The field or property the selector reads straight off its parameter (through conversions), or <see langword="null"/>.</summary>
    private static MemberInfo? MemberOf(LambdaExpression items)
    {
        var body = items.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } unary)
        {
            body = unary.Operand;
        }

        return body is MemberExpression { Expression: ParameterExpression parameter } member && parameter == items.Parameters[0]
            ? member.Member
            : null;
    }
}
