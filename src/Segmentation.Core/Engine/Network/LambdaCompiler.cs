using System.Linq.Expressions;

namespace Segmentation.Core.Engine.Network;

internal sealed class LambdaCompiler(bool interpret, bool deferScanCode = false, bool collectibleCode = true)
{
    public bool Interpret { get; } = interpret;

    /// <summary>Whether collections' fused loops are generated later, with the code tier, instead of while the network is built.</summary>
    public bool DeferScanCode { get; } = deferScanCode;

    /// <summary>Whether collections' fused loops are collectible dynamic methods (see <see cref="SegmentEngineOptions.CollectibleCode"/>).</summary>
    public bool CollectibleCode { get; } = collectibleCode;

    public TDelegate Compile<TDelegate>(LambdaExpression lambda)
        where TDelegate : Delegate =>
        lambda is Expression<TDelegate> typed
            ? typed.Compile(Interpret)
            : (TDelegate)Expression.Lambda(typeof(TDelegate), lambda.Body, lambda.Parameters).Compile(Interpret);

    public Func<TIn, TOut> Compile<TIn, TOut>(LambdaExpression lambda, Func<Expression, Expression>? wrapBody = null)
    {
        var body = wrapBody is null ? lambda.Body : wrapBody(lambda.Body);
        if (body.Type != typeof(TOut))
        {
            body = Expression.Convert(body, typeof(TOut));
        }

        return Expression.Lambda<Func<TIn, TOut>>(body, lambda.Parameters).Compile(Interpret);
    }
}
