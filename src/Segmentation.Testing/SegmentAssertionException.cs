using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>
/// A segmentation assertion failed. The message says what was expected, what happened, and, where one applies, the
/// engine's explanation: every condition with its computed value and outcome. Test frameworks report it as a failure.
/// </summary>
public sealed class SegmentAssertionException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SegmentAssertionException()
        : base("A segmentation assertion failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public SegmentAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SegmentAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one segment, group, member or score.</summary>
    /// <param name="message">The message, including the explanation.</param>
    /// <param name="subjectId">The segment, group, member or score id the assertion was about.</param>
    /// <param name="explanation">The engine's explanation of <paramref name="subjectId"/>.</param>
    public SegmentAssertionException(string message, string? subjectId, Explanation? explanation)
        : base(message)
    {
        SubjectId = subjectId;
        Explanation = explanation;
    }

    /// <summary>The segment, group, member or score id the assertion was about, when it was about one.</summary>
    public string? SubjectId { get; }

    /// <summary>The engine's explanation of <see cref="SubjectId"/> for the profile, when the assertion was about one.</summary>
    public Explanation? Explanation { get; }
}
