using System.Linq.Expressions;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// What makes two nodes (conditions, values, collections, accumulators) the same: a tag, up to two lambdas compared
/// structurally (see <see cref="ExpressionEquality"/>) and the remaining plain parts as text.
/// </summary>
internal readonly record struct ShareKey(string Tag, LambdaExpression? First = null, LambdaExpression? Second = null, string Rest = "");

/// <summary>Compares <see cref="ShareKey"/>s with a structural lambda comparer.</summary>
internal sealed class ShareKeyComparer(ExpressionEquality lambdas) : IEqualityComparer<ShareKey>
{
    public bool Equals(ShareKey x, ShareKey y) =>
        string.Equals(x.Tag, y.Tag, StringComparison.Ordinal) && string.Equals(x.Rest, y.Rest, StringComparison.Ordinal)
        && lambdas.Equals(x.First, y.First) && lambdas.Equals(x.Second, y.Second);

    public int GetHashCode(ShareKey obj) =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Tag), StringComparer.Ordinal.GetHashCode(obj.Rest), lambdas.GetHashCode(obj.First), lambdas.GetHashCode(obj.Second));
}
