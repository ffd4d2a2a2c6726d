using Segmentation.Core.Batch;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine;

/// <content>
/// Batch evaluation: ordered results, parallel across cores, faulted profiles reported in place. Both parallel overloads
/// run on the one batch implementation that <see cref="BatchRunner{TProfile}"/> uses for every engine
/// (<c>Batch/ListBatch</c> and <c>Batch/BatchPipeline</c>), with the same <see cref="BatchOptions"/> and the same
/// bounded cancellation; they are <see cref="BatchRunner{TProfile}.Evaluate(IReadOnlyList{TProfile}, DateTimeOffset, CancellationToken)"/>
/// without the runner.
/// </content>
public sealed partial class SegmentEngine<TProfile>
{
    private Func<TProfile, string>? profileIdAccessor;
    private int profileIdCompiled;

    /// <summary>
    /// Evaluates many profiles as of one instant, in parallel, returning one result per profile in input order.
    /// A profile that faults (or is <see langword="null"/>) comes back as a faulted result; nothing is dropped.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="options">Parallelism, chunk size, fail-fast and the cancellation grace period; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentException">An option is invalid; every problem is listed.</exception>
    /// <exception cref="SegmentEvaluationException">A profile faulted and <see cref="BatchOptions.FailFast"/> is set.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public SegmentationResult[] EvaluateBatch(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        options = BatchOptionsValidator.Checked(options, nameof(options));
        return ListBatch.Results(BatchEvaluator<TProfile>.For(this, asOf, options.TimeProvider), profiles, options, cancellationToken);
    }

    /// <summary>
    /// Evaluates many profiles into caller storage on the calling thread, allocating nothing:
    /// row <c>i</c> of <paramref name="memberships"/> (<see cref="ISegmentEngine{TProfile}.MembershipIds"/> entries wide) receives profile <c>i</c>.
    /// A profile that is <see langword="null"/> or whose evaluation throws gets a row of <see cref="SegmentState.Faulted"/>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted (their rows hold <see cref="SegmentState.Faulted"/> where undecided).</returns>
    public int EvaluateBatch(ReadOnlySpan<TProfile> profiles, DateTimeOffset asOf, Span<SegmentState> memberships) =>
        BatchRows.Evaluate<TProfile, NativeProfileEvaluation<TProfile>>(new(this), profiles, asOf, memberships, network.Shape.Memberships);

    /// <summary>
    /// Evaluates many profiles into caller storage in parallel: row <c>i</c> of <paramref name="memberships"/> receives profile <c>i</c>.
    /// Allocates per chunk of profiles, not per profile. When cancelled, the rows of the profiles named by the
    /// <see cref="BatchCanceledException"/> are left as they were, and an abandoned worker never writes into the buffer.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="options">Parallelism, chunk size and the cancellation grace period (fail-fast is ignored: check the returned count); <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The number of profiles that faulted.</returns>
    /// <exception cref="ArgumentException">An option is invalid, or the buffer is too small.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public int EvaluateBatch(TProfile[] profiles, DateTimeOffset asOf, SegmentState[] memberships, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(memberships);
        options = BatchOptionsValidator.Checked(options, nameof(options));
        return ListBatch.Matrix(BatchEvaluator<TProfile>.For(this, asOf, options.TimeProvider), profiles, memberships, options, cancellationToken);
    }

    /// <summary>Evaluates one profile into a membership row; a null profile or a throwing evaluation faults the row.</summary>
    internal bool EvaluateRow(TProfile profile, DateTimeOffset asOf, Span<SegmentState> row)
    {
        if (profile is null)
        {
            row.Fill(SegmentState.Faulted);
            return false;
        }

        try
        {
            return Evaluate(profile, asOf, row);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            row.Fill(SegmentState.Faulted);
            return false;
        }
    }

    /// <summary>The catalog's profile id accessor, compiled once on first use; <see langword="null"/> when the catalog has none.</summary>
    internal Func<TProfile, string>? ProfileIdAccessor()
    {
        if (Volatile.Read(ref profileIdCompiled) == 0)
        {
            profileIdAccessor = RuleSet.Definition.ProfileId is { } id ? LiftedOperands.EvaluateBoth(id).Compile(IsInterpreted) : null;
            Volatile.Write(ref profileIdCompiled, 1);
        }

        return profileIdAccessor;
    }

    /// <summary>Builds a result in which every membership and score is faulted by <paramref name="exception"/>.</summary>
    internal SegmentationResult FaultedResult(string? profileId, DateTimeOffset asOf, Exception exception)
    {
        var slots = network.Slots;
        var faults = slots.MembershipIds.Concat(slots.Scores.Select(s => s.Id)).Select(id => new SegmentFault(id, "profile", exception)).ToArray();
        var states = Enumerable.Repeat(SegmentState.Faulted, slots.MembershipIds.Length).ToArray();
        var groupChoice = Enumerable.Repeat(-1, slots.Groups.Length).ToArray();
        return new SegmentationResult(slots, profileId, asOf, states, new decimal[slots.Scores.Length], Enumerable.Repeat(true, slots.Scores.Length).ToArray(), groupChoice, faults);
    }
}
