namespace Segmentation.Testing;

/// <summary>A decision table, or one of its cells, cannot be read: the message names the row and column.</summary>
public sealed class DecisionTableFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DecisionTableFormatException()
        : base("The decision table cannot be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public DecisionTableFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DecisionTableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
