namespace Segmentation.NRules;

/// <summary>NRules could not compile a rule translated from a catalog; <see cref="RuleId"/> names the rule of the catalog.</summary>
public sealed class NRulesCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">Our rule id (segment, group member, score term, group or score).</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">NRules' exception.</param>
    public NRulesCompilationException(string ruleId, string message, Exception innerException)
        : base(message, innerException) => RuleId = ruleId;

    /// <summary>Creates the exception.</summary>
    public NRulesCompilationException()
        : this("(unknown)", "NRules could not compile the catalog's rules.", new InvalidOperationException())
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public NRulesCompilationException(string message)
        : this("(unknown)", message, new InvalidOperationException(message))
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">NRules' exception.</param>
    public NRulesCompilationException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    /// <summary>The id of the catalog's rule (segment, group member, score term, group or score) that failed to compile.</summary>
    public string RuleId { get; }
}
