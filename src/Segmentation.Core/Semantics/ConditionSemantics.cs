using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Semantics;

/// <summary>
/// The engine's meaning of a single condition, for another backend (a rules engine, a query generator, a test oracle)
/// that composes conditions itself: a leaf condition compiled to a predicate that decides exactly what
/// <see cref="Engine.SegmentEngine{TProfile}"/> decides.
/// </summary>
/// <remarks>
/// A leaf is a condition that depends on no other rule: a comparison of a profile value, an aggregate of a dated
/// collection or a date measure with a threshold, a text set, or a predicate (with or without as-of). References,
/// and/or/not and score comparisons are not leaves: a backend composes them with three-valued logic (a faulted operand
/// faults the composite unless another operand decides it) and <see cref="Comparison.Matches"/> for scores.
/// </remarks>
public static class ConditionSemantics
{
    /// <summary>Whether the condition depends on no other rule, so that <see cref="CompileLeaf{TProfile}"/> accepts it.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns><see langword="true"/> for comparisons of profile values, aggregates and date measures, text sets and predicates.</returns>
    public static bool IsLeaf(ConditionDefinition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition switch
        {
            PredicateCondition or TextSetCondition => true,
            ComparisonCondition comparison => comparison.Source is not ScoreSource,
            _ => false,
        };
    }

    /// <summary>
    /// Compiles a leaf condition into a predicate over a profile and an as-of instant that returns exactly what the
    /// native engine decides: aggregate windows are <c>asOf - span &lt; t &lt;= asOf</c>, facts dated after as-of are
    /// invisible to aggregates, and a missing value (no facts, a <see langword="null"/> field) never matches.
    /// </summary>
    /// <typeparam name="TProfile">The profile type the condition's lambdas read.</typeparam>
    /// <param name="condition">A leaf condition (see <see cref="IsLeaf"/>).</param>
    /// <returns>
    /// A thread-safe predicate. Where the native engine would fault the condition (a lambda throws, a collection is
    /// <see langword="null"/>, an aggregate overflows), the predicate throws that exception.
    /// </returns>
    /// <exception cref="ArgumentException">The condition is a reference, a composite or a score comparison.</exception>
    /// <exception cref="CatalogDefinitionException">The condition is invalid (the same problems a catalog would report).</exception>
    public static Func<TProfile, DateTimeOffset, bool> CompileLeaf<TProfile>(ConditionDefinition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!IsLeaf(condition))
        {
            throw new ArgumentException(
                $"'{condition.Describe()}' is not a leaf condition: references, and/or/not and score comparisons are composed by the caller.",
                nameof(condition));
        }

        CatalogValidator.EnsureValid(new CatalogDefinition<TProfile>([new SegmentDefinition("leaf", "leaf", [condition])], [], []) { Name = "leaf condition" });
        var (network, node) = NetworkBuilder<TProfile>.BuildLeaf(condition, new LambdaCompiler(interpret: false));
        var index = node.Index;
        var spare = new StrongBox<Frame<TProfile>?>();
        return (profile, asOf) =>
        {
            // A leaf keeps one frame of its own: a backend calls many leaves per profile, more than a thread's frame
            // cache holds, and would otherwise allocate a frame per call. Concurrent calls take fresh ones.
            var frame = Interlocked.Exchange(ref spare.Value, null) ?? new Frame<TProfile>(network.Shape);
            try
            {
                frame.Reset(profile, asOf);
                var outcome = network.Condition(index, frame);
                if (outcome == ConditionState.Faulted)
                {
                    ExceptionDispatchInfo.Throw(frame.ConditionFaults[index]!.Exception);
                }

                return outcome == ConditionState.True;
            }
            finally
            {
                frame.Release();
                Volatile.Write(ref spare.Value, frame);
            }
        };
    }

    /// <summary>
    /// Compiles one of the catalog's own lambdas that is not a condition — the profile id, typically — the way the native
    /// engine compiles it: its lifted operators evaluate both operands, as C# does (a compiled expression tree skips the
    /// right operand when the left is <see langword="null"/>, so a right operand that throws or has side effects would
    /// behave differently).
    /// </summary>
    /// <typeparam name="TDelegate">The lambda's delegate type.</typeparam>
    /// <param name="lambda">The lambda, as the catalog holds it (for example <c>CatalogDefinition.ProfileId</c>).</param>
    /// <returns>The compiled delegate; it throws whatever the lambda throws.</returns>
    public static TDelegate CompileLambda<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return LiftedOperands.EvaluateBoth(lambda).Compile();
    }
}
