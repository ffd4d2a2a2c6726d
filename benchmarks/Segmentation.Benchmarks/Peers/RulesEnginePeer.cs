using System.Globalization;
using System.Text;
using RulesEngine.Models;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Peers;

/// <summary>
/// The reference workload on Microsoft <c>RulesEngine</c> 6.0.1, written the way its users write rules: one
/// workflow of lambda-expression rules over the customer's own collections (with the as-of instant, window
/// cutoffs and fixed sets as a second input), and vip-at-risk as a second workflow whose input is the first
/// workflow's successes. Synthetic segments become generated expression strings in the first workflow.
/// </summary>
public sealed class RulesEnginePeer
{
    public const string SegmentsWorkflow = "segments";
    public const string DerivedWorkflow = "derived";

    private const string Age =
        "(w.AsOf.Year - customer.BirthDate.Year - iif(w.AsOf.Month < customer.BirthDate.Month || "
        + "(w.AsOf.Month == customer.BirthDate.Month && w.AsOf.Day < customer.BirthDate.Day), 1, 0))";

    private static readonly (string Id, string Expression)[] BaseRules =
    [
        ("loyal", "customer.Orders.Count(o => o.At > w.Cutoff365 && o.At <= w.AsOf) >= 5 && "
            + "((customer.NpsScore != null && customer.NpsScore.Value >= 9) || customer.Events.Any(e => e.Type == \"Review\" && e.At <= w.AsOf))"),
        ("one-time", "customer.Orders.Count(o => o.At <= w.AsOf) == 1 && customer.Orders.Any(o => o.At <= w.Cutoff90)"),
        ("churn-risk", "customer.Orders.Count(o => o.At <= w.AsOf) >= 3 && !customer.Orders.Any(o => o.At > w.Cutoff90 && o.At <= w.AsOf)"),
        ("cart-abandoner", "customer.Events.Any(e => e.Type == \"CartAbandoned\" && e.At > w.Cutoff7 && e.At <= w.AsOf) && "
            + "!customer.Orders.Any(o => o.At > w.Cutoff7 && o.At <= w.AsOf)"),
        ("browser-no-purchase", "customer.Events.Count(e => e.Type == \"PageView\" && e.At > w.Cutoff30 && e.At <= w.AsOf) >= 3 && "
            + "!customer.Orders.Any(o => o.At <= w.AsOf)"),
        ("high-value", "customer.Orders.Where(o => o.At > w.Cutoff365 && o.At <= w.AsOf).Sum(o => o.Amount) >= 1000"),
        ("young-urban", Age + " >= 18 && " + Age + " <= 29 && w.UrbanCities.Contains(customer.City)"),
        ("eu", "w.EuCountries.Contains(customer.Country)"),
        ("outdoor", "customer.Interests.Contains(\"outdoor\") || "
            + "customer.Orders.Count(o => o.Category == \"outdoor\" && o.At > w.Cutoff180 && o.At <= w.AsOf) >= 2"),
        ("birthday-month", "customer.BirthDate.Month == w.AsOf.Month"),
        ("email-engaged", "customer.Events.Count(e => e.Type == \"EmailClick\" && e.At > w.Cutoff30 && e.At <= w.AsOf) >= 2"),
    ];

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, int> _indexById;
    private RulesEngineContext? _context;

    /// <param name="synthetic">Synthetic segments to add after the 12 reference segments.</param>
    public RulesEnginePeer(IReadOnlyList<SyntheticSegmentSpec>? synthetic = null)
    {
        synthetic ??= [];
        var ids = new List<string>(HandWrittenSegments.Ids);
        var rules = new List<Rule>();
        foreach (var (id, expression) in BaseRules)
        {
            rules.Add(Lambda(id, expression));
        }

        foreach (var spec in synthetic)
        {
            rules.Add(Lambda(spec.Id, ToExpression(spec)));
            ids.Add(spec.Id);
        }

        Ids = ids;
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            _indexById.Add(ids[i], i);
        }

        Workflow[] workflows =
        [
            new Workflow { WorkflowName = SegmentsWorkflow, Rules = rules },
            new Workflow
            {
                WorkflowName = DerivedWorkflow,
                Rules = [Lambda("vip-at-risk", "segments.Contains(\"high-value\") && segments.Contains(\"churn-risk\")")],
            },
        ];
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings { EnableExceptionAsErrorMessage = false });
    }

    /// <summary>The segment ids in the order of the memberships: the 12 reference segments, then the synthetic ones.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Runs both workflows once so RulesEngine compiles its rules (it does so lazily on the first call).</summary>
    /// <returns>How long the first call took: RulesEngine's compile time.</returns>
    public async Task<TimeSpan> WarmUpAsync(Customer sample, DateTimeOffset asOf)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await EvaluateAsync(sample, asOf).ConfigureAwait(false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Evaluates every segment for one customer.</summary>
    /// <returns>The memberships, in the order of <see cref="Ids"/>.</returns>
    public async Task<bool[]> EvaluateAsync(Customer customer, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var context = _context;
        if (context is null || context.AsOf != asOf.UtcDateTime)
        {
            _context = context = new RulesEngineContext(asOf);
        }

        var memberships = new bool[Ids.Count];
        var successes = new HashSet<string>(StringComparer.Ordinal);
        var results = await _engine.ExecuteAllRulesAsync(
            SegmentsWorkflow, new RuleParameter("customer", customer), new RuleParameter("w", context)).ConfigureAwait(false);
        Collect(results, memberships, successes);

        var derived = await _engine.ExecuteAllRulesAsync(DerivedWorkflow, new RuleParameter("segments", successes)).ConfigureAwait(false);
        Collect(derived, memberships, successes);
        return memberships;
    }

    /// <summary>The RulesEngine expression of a synthetic segment.</summary>
    public static string ToExpression(SyntheticSegmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder();
        foreach (var predicate in spec.Predicates)
        {
            if (text.Length > 0)
            {
                text.Append(" && ");
            }

            text.Append('(').Append(ToExpression(predicate)).Append(')');
        }

        return text.ToString();
    }

    private static string ToExpression(SyntheticPredicate predicate) => predicate.Kind switch
    {
        SyntheticPredicateKind.AgeBetween => Invariant($"{Age} >= {predicate.MinAge} && {Age} <= {predicate.MaxAge}"),
        SyntheticPredicateKind.CountryIn => string.Join(" || ", predicate.Countries.Select(c => $"customer.Country == \"{c}\"")),
        SyntheticPredicateKind.OrderCountAtLeast => Invariant(
            $"customer.Orders.Count(o => o.At > w.Cutoff{predicate.WindowDays} && o.At <= w.AsOf) >= {predicate.MinCount}"),
        SyntheticPredicateKind.OrderSpendAtLeast => Invariant(
            $"customer.Orders.Where(o => o.At > w.Cutoff{predicate.WindowDays} && o.At <= w.AsOf).Sum(o => o.Amount) >= {predicate.MinSpend}"),
        _ => throw new ArgumentOutOfRangeException(nameof(predicate), predicate.Kind, "Unknown predicate kind."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Rule Lambda(string name, string expression) => new()
    {
        RuleName = name,
        Expression = expression,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
    };

    private void Collect(List<RuleResultTree> results, bool[] memberships, HashSet<string> successes)
    {
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine rule '{result.Rule.RuleName}' failed: {result.ExceptionMessage}");
            }

            if (result.IsSuccess)
            {
                memberships[_indexById[result.Rule.RuleName]] = true;
                successes.Add(result.Rule.RuleName);
            }
        }
    }
}
