using NRules.RuleModel;

namespace Segmentation.NRules.Engine;

/// <summary>Options of the NRules-backed engine.</summary>
public sealed class NRulesEngineOptions
{
    /// <summary>The clock for evaluations without an explicit as-of instant. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How sessions are used. The default value is <see cref="SessionStrategy.SessionPerProfile"/>.</summary>
    public SessionStrategy SessionStrategy { get; set; } = SessionStrategy.SessionPerProfile;

    /// <summary>
    /// Your own NRules rule sets, compiled into the same session factory: they fire in the same session as the catalog's
    /// rules and can match <see cref="Facts.SegmentMembership{TProfile}"/> facts. The default value is empty.
    /// </summary>
    public IList<IRuleSet> AdditionalRuleSets { get; } = [];
}
