using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>The one loop that evaluates profiles on the calling thread into a row-major membership matrix.</summary>
internal static class BatchRows
{
    /// <summary>
    /// Row <c>i</c> of <paramref name="memberships"/> (<paramref name="width"/> states) receives profile <c>i</c>; returns
    /// the number of faulted profiles. A struct <typeparamref name="TEvaluation"/> makes each call direct.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer is too small.</exception>
    public static int Evaluate<TProfile, TEvaluation>(TEvaluation evaluation, ReadOnlySpan<TProfile> profiles, DateTimeOffset asOf, Span<SegmentState> memberships, int width)
        where TEvaluation : IProfileEvaluation<TProfile>
    {
        if (memberships.Length < (long)profiles.Length * width)
        {
            throw new ArgumentException($"The membership buffer needs {(long)profiles.Length * width} entries.", nameof(memberships));
        }

        var faulted = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            if (!evaluation.Row(profiles[i], asOf, memberships.Slice(i * width, width)))
            {
                faulted++;
            }
        }

        return faulted;
    }
}
