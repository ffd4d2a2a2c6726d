using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;
using Segmentation.Core.Dsl;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;
using Segmentation.NRules.Facts;
using Segmentation.NRules.Translation;

namespace Segmentation.NRules;

/// <summary>
/// A catalog's rule set translated into NRules' canonical model: an <see cref="IRuleSet"/> of rule definitions built
/// with NRules' RuleModel builders, whose names are the catalog's rule ids. Add it to your own
/// <see cref="RuleCompiler"/> input next to your rules (it is an <see cref="IRuleRepository"/>), call
/// <see cref="Attach"/> on the session factory's events, and insert each profile with <see cref="Insert"/>: the rules
/// assert <see cref="SegmentMembership{TProfile}"/> and <see cref="SegmentScore{TProfile}"/> facts your rules can match.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class NRulesSegmentRules<TProfile> : IRuleRepository
{
    private readonly IReadOnlyDictionary<string, string> ruleIdByName;

    private NRulesSegmentRules(RuleSet<TProfile> source)
    {
        ThrowIfUnsupportedProfileType();
        Source = source;
        var translator = new RuleModelTranslator<TProfile>(source);
        Rules = translator.Translate();
        ConditionCount = translator.Leaves.Count;
        Leaves = translator.Leaves;
        var set = new global::NRules.RuleModel.RuleSet($"segmentation:{source.Definition.Name}");
        set.Add(Rules);
        RuleSet = set;
        ruleIdByName = Rules.ToDictionary(r => r.Name, r => (string)r.Properties[RuleProperties.RuleId]!, StringComparer.Ordinal);
    }

    /// <summary>The validated rule set the translation was made from.</summary>
    public RuleSet<TProfile> Source { get; }

    /// <summary>The NRules rule set: every translated rule definition.</summary>
    public IRuleSet RuleSet { get; }

    /// <summary>
    /// The NRules rule definitions: condition rules (named <c>ruleId/cN</c>), then one rule per segment, group member
    /// and score term (named by its rule id), then one per group and per score.
    /// </summary>
    public IReadOnlyList<IRuleDefinition> Rules { get; }

    internal IReadOnlyDictionary<ConditionDefinition, Leaf<TProfile>> Leaves { get; }

    /// <summary>The number of condition rules: distinct conditions that depend on no other rule.</summary>
    public int ConditionCount { get; }

    /// <summary>Validates a catalog and translates it.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The translation.</returns>
    /// <exception cref="Core.Validation.CatalogDefinitionException">The catalog is invalid (the native engine's validation and messages).</exception>
    public static NRulesSegmentRules<TProfile> From(SegmentCatalog<TProfile> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return From(catalog.Definition);
    }

    /// <summary>Validates catalog definitions and translates them.</summary>
    /// <param name="definition">The definitions.</param>
    /// <returns>The translation.</returns>
    /// <exception cref="Core.Validation.CatalogDefinitionException">The catalog is invalid (the native engine's validation and messages).</exception>
    public static NRulesSegmentRules<TProfile> From(CatalogDefinition<TProfile> definition) => From(RuleSet<TProfile>.From(definition));

    /// <summary>Translates a validated rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The translation.</returns>
    public static NRulesSegmentRules<TProfile> From(RuleSet<TProfile> ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new NRulesSegmentRules<TProfile>(ruleSet);
    }

    /// <summary>
    /// Refuses profile types NRules cannot tell apart from the backend's own facts: a value type (each insert boxes a new
    /// copy, so no membership fact could be matched to its profile by identity) or a type the backend's facts are
    /// (<see cref="object"/>, or an interface they implement), whose pattern would match those facts too.
    /// </summary>
    private static void ThrowIfUnsupportedProfileType()
    {
        var type = typeof(TProfile);
        if (type.IsValueType)
        {
            throw new NRulesCompilationException(
                $"The NRules backend needs a reference-type profile; '{type.Name}' is a value type (NRules matches facts to their profile by identity, which a boxed copy never has). Use a class or record class, or the native engine, which takes value types.");
        }

        Type[] facts = [typeof(SegmentMembership<TProfile>), typeof(SegmentScore<TProfile>), typeof(ConditionOutcomes<TProfile>), typeof(ConditionsEvaluated<TProfile>), typeof(EvaluationInstant)];
        if (facts.FirstOrDefault(type.IsAssignableFrom) is { } fact)
        {
            throw new NRulesCompilationException(
                $"The NRules backend cannot use '{type.Name}' as the profile type: the backend's own facts ({fact.Name}) are '{type.Name}' too, so its rules would match them as profiles. Use your profile class.");
        }
    }

    /// <inheritdoc />
    public IEnumerable<IRuleSet> GetRuleSets() => [RuleSet];

    /// <summary>
    /// Compiles these rules, and any of yours, into an NRules session factory with fault handling attached.
    /// </summary>
    /// <param name="additional">Your own rule sets, compiled into the same factory.</param>
    /// <returns>The session factory.</returns>
    /// <exception cref="NRulesCompilationException">NRules could not compile a rule; the exception names the catalog's rule id.</exception>
    public ISessionFactory Compile(IEnumerable<IRuleSet>? additional = null)
    {
        ISessionFactory factory;
        try
        {
            factory = new RuleCompiler().Compile(GetRuleSets().Concat(additional ?? []));
        }
        catch (RuleCompilationException e)
        {
            var ruleId = e.RuleName is { } name && ruleIdByName.TryGetValue(name, out var id) ? id : e.RuleName ?? "(unknown)";
            throw new NRulesCompilationException(ruleId, $"NRules could not compile rule '{ruleId}' of catalog '{Source.Definition.Name}': {e.InnerException?.Message ?? e.Message}", e);
        }

        Attach(factory.Events);
        return factory;
    }

    /// <summary>
    /// Handles NRules' condition-failure events for these rules: a condition that throws is recorded (on the session's
    /// <see cref="EvaluationInstant"/>) and marked handled, so the segments that depend on it become faulted memberships
    /// instead of the exception aborting the session. Attach once to a session factory's (or a session's) events.
    /// </summary>
    /// <param name="events">The event provider: <see cref="ISessionFactory.Events"/> or a session's <c>Events</c>.</param>
    public void Attach(IEventProvider events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.LhsExpressionFailedEvent += OnConditionFailed;
    }

    /// <summary>
    /// Inserts one profile, its condition-outcomes fact and the evaluation instant into a session; call
    /// <see cref="ISession.Fire()"/> next. For several profiles in one session, call <see cref="InsertProfile"/> for
    /// each and insert one <see cref="EvaluationInstant"/>.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    public void Insert(ISession session, TProfile profile, DateTimeOffset asOf)
    {
        InsertProfile(session, profile);
        session.Insert(new EvaluationInstant(asOf));
    }

    /// <summary>Inserts a profile and its condition-outcomes fact into a session (without an evaluation instant).</summary>
    /// <param name="session">The session.</param>
    /// <param name="profile">The profile.</param>
    public void InsertProfile(ISession session, TProfile profile)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(profile);
        session.Insert(profile);
        session.Insert(new ConditionOutcomes<TProfile>(profile, ConditionCount));
    }

    /// <summary>Prints every NRules rule definition: name, priority, left-hand side and actions.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => RuleDefinitionPrinter.Print(Rules);

    private void OnConditionFailed(object? sender, LhsExpressionErrorEventArgs e)
    {
        var handled = false;
        foreach (var rule in e.Rules)
        {
            if (rule.Properties.TryGetProperty(RuleProperties.Condition, out var property) && property.Value is int condition && ruleIdByName.ContainsKey(rule.Name))
            {
                if (e.Facts.Select(f => f.Value).OfType<ConditionOutcomes<TProfile>>().FirstOrDefault() is { } outcomes)
                {
                    outcomes.RecordFault(condition, e.Exception ?? new InvalidOperationException("The condition failed."));
                    handled = true;
                }
            }
        }

        if (handled)
        {
            e.IsHandled = true;
        }
    }
}
