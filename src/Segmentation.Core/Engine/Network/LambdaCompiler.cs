using System.Linq.Expressions;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

internal sealed class LambdaCompiler(bool interpret, bool deferScanCode = false, bool collectibleCode = true)
{
    public bool Interpret { get; } = interpret;

    /// <summary>Whether collections' fused loops are generated later, with the code tier, instead of while the network is built.</summary>
    public bool DeferScanCode { get; } = deferScanCode;

    /// <summary>Whether collections' fused loops are collectible dynamic methods (see <see cref="SegmentEngineOptions.CodeLifetime"/>).</summary>
    public bool CollectibleCode { get; } = collectibleCode;

    /// <summary>Compiles a user lambda, its lifted operators evaluating both operands as in C# (see <see cref="LiftedOperands"/>).</summary>
    public TDelegate Compile<TDelegate>(LambdaExpression lambda)
        where TDelegate : Delegate
    {
        var body = LiftedOperands.EvaluateBoth(lambda.Body);
        return body == lambda.Body && lambda is Expression<TDelegate> typed
            ? typed.Compile(Interpret)
            : (TDelegate)Expression.Lambda(typeof(TDelegate), body, lambda.Parameters).Compile(Interpret);
    }

    /// <summary>
    /// Compiles a user lambda returning <typeparamref name="TOut"/>, its body wrapped by <paramref name="wrapBody"/>, its
    /// lifted operators evaluating both operands as in C# (see <see cref="LiftedOperands"/>).
    /// </summary>
    public Func<TIn, TOut> Compile<TIn, TOut>(LambdaExpression lambda, Func<Expression, Expression>? wrapBody = null)
    {
        var body = LiftedOperands.EvaluateBoth(lambda.Body);
        body = wrapBody is null ? body : wrapBody(body);
        if (body.Type != typeof(TOut))
        {
            body = Expression.Convert(body, typeof(TOut));
        }

        return Expression.Lambda<Func<TIn, TOut>>(body, lambda.Parameters).Compile(Interpret);
    }
}
