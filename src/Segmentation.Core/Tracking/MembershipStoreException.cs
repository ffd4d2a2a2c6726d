namespace Segmentation.Core.Tracking;

/// <summary>A membership store failed: the message names the store and the operation; the failed operation kept nothing.</summary>
public sealed class MembershipStoreException : Exception
{
    /// <summary>Creates an exception.</summary>
    public MembershipStoreException()
        : this("The membership store failed.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public MembershipStoreException(string message)
        : base(message)
    {
        Store = string.Empty;
        Operation = string.Empty;
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MembershipStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Store = string.Empty;
        Operation = string.Empty;
    }

    /// <summary>Creates an exception naming the store and the operation.</summary>
    /// <param name="store">The store, such as <c>SQLite membership store 'segments.db'</c>.</param>
    /// <param name="operation">The operation, such as <c>commit</c>.</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MembershipStoreException(string store, string operation, string reason, Exception? innerException = null)
        : base($"{store}: {operation} failed: {reason}", innerException)
    {
        Store = store;
        Operation = operation;
    }

    /// <summary>The store that failed.</summary>
    public string Store { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }
}
