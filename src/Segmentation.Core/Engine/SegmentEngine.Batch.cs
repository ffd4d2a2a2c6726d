using System.Collections.Concurrent;

namespace Segmentation.Core.Engine;

/// <content>Batch evaluation: ordered results, parallel across cores, faulted profiles reported in place.</content>
public sealed partial class SegmentEngine<TProfile>
{
    /// <summary>
    /// Evaluates many profiles as of one instant, in parallel, returning one result per profile in input order.
    /// A profile that faults (or is <see langword="null"/>) comes back as a faulted result; nothing is dropped.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="options">Parallelism, fail-fast and cancellation.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="SegmentEvaluationException">A profile faulted and <see cref="BatchOptions.FailFast"/> is set.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public SegmentationResult[] EvaluateBatch(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        options ??= new BatchOptions();
        var results = new SegmentationResult[profiles.Count];
        ForEachRange(profiles.Count, options, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                var result = profiles[i] is { } profile ? Evaluate(profile, asOf) : FaultedResult(null, asOf, new ArgumentNullException("profile", "The profile is null."));
                results[i] = result;
                if (options.FailFast && result.HasFaults)
                {
                    throw new SegmentEvaluationException(i, result);
                }
            }
        });
        return results;
    }

    /// <summary>
    /// Evaluates many profiles into caller storage on the calling thread, allocating nothing:
    /// row <c>i</c> of <paramref name="memberships"/> (<see cref="ISegmentEngine{TProfile}.MembershipIds"/> entries wide) receives profile <c>i</c>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted (their rows hold <see cref="SegmentState.Faulted"/> where undecided).</returns>
    public int EvaluateBatch(ReadOnlySpan<TProfile> profiles, DateTimeOffset asOf, Span<SegmentState> memberships)
    {
        var width = network.Shape.Memberships;
        if (memberships.Length < profiles.Length * width)
        {
            throw new ArgumentException($"The membership buffer needs {profiles.Length * width} entries.", nameof(memberships));
        }

        var faulted = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            var row = memberships.Slice(i * width, width);
            if (profiles[i] is not { } profile)
            {
                row.Fill(SegmentState.Faulted);
                faulted++;
            }
            else if (!Evaluate(profile, asOf, row))
            {
                faulted++;
            }
        }

        return faulted;
    }

    /// <summary>
    /// Evaluates many profiles into caller storage in parallel: row <c>i</c> of <paramref name="memberships"/> receives profile <c>i</c>.
    /// Allocates only the parallel loop's bookkeeping, not per profile.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="options">Parallelism and cancellation (fail-fast is ignored: check the returned count).</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int EvaluateBatch(TProfile[] profiles, DateTimeOffset asOf, SegmentState[] memberships, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(memberships);
        options ??= new BatchOptions();
        var width = network.Shape.Memberships;
        if (memberships.Length < profiles.Length * width)
        {
            throw new ArgumentException($"The membership buffer needs {profiles.Length * width} entries.", nameof(memberships));
        }

        var faulted = 0;
        ForEachRange(profiles.Length, options, (from, to) =>
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            var count = EvaluateBatch(profiles.AsSpan(from, to - from), asOf, memberships.AsSpan(from * width, (to - from) * width));
            Interlocked.Add(ref faulted, count);
        });
        return faulted;
    }

    private static void ForEachRange(int count, BatchOptions options, Action<int, int> body)
    {
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        if (parallelism == 1 || count < 64)
        {
            body(0, count);
            return;
        }

        var chunk = Math.Clamp(count / (parallelism * 32), 16, 1024);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = options.CancellationToken };
        try
        {
            Parallel.ForEach(Partitioner.Create(0, count, chunk), parallel, range => body(range.Item1, range.Item2));
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.FirstOrDefault(e => e is SegmentEvaluationException or OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
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
