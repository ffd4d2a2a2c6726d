namespace Segmentation.Core.Batch;

/// <summary>
/// A batch was cancelled: says how many profiles were evaluated and handed back, which input positions were not, and
/// what had to be abandoned because it did not stop within <see cref="BatchOptions.CancellationGracePeriod"/>.
/// </summary>
public sealed class BatchCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="evaluated">The number of results handed back before the cancellation.</param>
    /// <param name="notEvaluated">The input positions whose results were not handed back.</param>
    /// <param name="abandoned">The positions of profiles still being evaluated when their workers were abandoned.</param>
    /// <param name="inputAbandoned">Whether reading the input did not stop in time and was abandoned.</param>
    /// <param name="cancellationToken">The token that cancelled the batch.</param>
    public BatchCanceledException(long evaluated, IReadOnlyList<BatchRange> notEvaluated, IReadOnlyList<long> abandoned, bool inputAbandoned, CancellationToken cancellationToken)
        : base(Describe(evaluated, notEvaluated, abandoned, inputAbandoned), cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notEvaluated);
        ArgumentNullException.ThrowIfNull(abandoned);
        Evaluated = evaluated;
        NotEvaluated = notEvaluated;
        Abandoned = abandoned;
        InputAbandoned = inputAbandoned;
    }

    /// <summary>Creates the exception with no detail.</summary>
    public BatchCanceledException()
        : this(0, [], [], false, CancellationToken.None)
    {
    }

    /// <summary>Creates the exception with a message and no detail.</summary>
    /// <param name="message">The message.</param>
    public BatchCanceledException(string? message)
        : base(message)
    {
        NotEvaluated = [];
        Abandoned = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no detail.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public BatchCanceledException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        NotEvaluated = [];
        Abandoned = [];
    }

    /// <summary>The number of profiles whose results were handed back before the cancellation.</summary>
    public long Evaluated { get; }

    /// <summary>
    /// The input positions whose results were not handed back, in ascending order; the last range has no end when the
    /// input was not read to its end.
    /// </summary>
    public IReadOnlyList<BatchRange> NotEvaluated { get; }

    /// <summary>
    /// The input positions of profiles whose evaluation had not returned within the grace period; their workers were
    /// abandoned (each keeps its thread until the evaluation returns, and its result is discarded).
    /// </summary>
    public IReadOnlyList<long> Abandoned { get; }

    /// <summary>Whether reading the input (which ignored the cancellation) did not stop in time and was abandoned.</summary>
    public bool InputAbandoned { get; }

    private static string Describe(long evaluated, IReadOnlyList<BatchRange> notEvaluated, IReadOnlyList<long> abandoned, bool inputAbandoned)
    {
        var text = $"The batch was cancelled after {evaluated} evaluated profile(s); not evaluated: {(notEvaluated.Count == 0 ? "none" : string.Join(", ", notEvaluated.Take(10)))}{(notEvaluated.Count > 10 ? ", ..." : "")}.";
        if (abandoned.Count > 0)
        {
            text += $" Abandoned evaluations still running at position(s) {string.Join(", ", abandoned.Take(10))}{(abandoned.Count > 10 ? ", ..." : "")}.";
        }

        if (inputAbandoned)
        {
            text += " The input did not stop reading within the grace period and was abandoned.";
        }

        return text;
    }
}
